"""Per-chat state, in memory only, with an idle time limit and a size bound.

Keys are a keyed hash (BLAKE2b in keyed mode, a MAC, with a random per-process secret) of the chat id, so the
store never holds a Telegram id, even in memory; a restart forgets everything.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections import OrderedDict
from typing import Callable, Generic, Protocol, TypeVar

V = TypeVar("V")


class SessionStore(Protocol[V]):
    def get(self, chat_id: int) -> V | None: ...
    def put(self, chat_id: int | bytes, value: V) -> None: ...
    def drop(self, chat_id: int | bytes) -> None: ...


class MemorySessions(Generic[V]):
    def __init__(self, ttl_seconds: float = 1800, max_size: int = 10_000,
                 clock: Callable[[], float] = time.monotonic, secret: bytes | None = None):
        self.ttl, self.max_size, self.clock = ttl_seconds, max_size, clock
        self._secret = secret or os.urandom(32)
        self._data: OrderedDict[bytes, tuple[float, V]] = OrderedDict()

    def key(self, chat_id: int | bytes) -> bytes:
        """The store's key for a chat; pass it instead of the id to spare a second hash."""
        if isinstance(chat_id, bytes):
            return chat_id
        return hashlib.blake2b(str(chat_id).encode(), key=self._secret, digest_size=16).digest()

    def get(self, chat_id: int | bytes) -> V | None:
        k = self.key(chat_id)
        item = self._data.get(k)
        if item is None:
            return None
        if item[0] <= self.clock():
            del self._data[k]
            return None
        return item[1]

    def put(self, chat_id: int | bytes, value: V) -> None:
        k = self.key(chat_id)
        self._data[k] = (self.clock() + self.ttl, value)
        self._data.move_to_end(k)
        self._expire()
        while len(self._data) > self.max_size:
            self._data.popitem(last=False)

    def drop(self, chat_id: int | bytes) -> None:
        self._data.pop(self.key(chat_id), None)

    def _expire(self) -> None:
        now = self.clock()
        # Entries are in last-use order, so expired ones sit at the front.
        while self._data:
            k, (expires, _) = next(iter(self._data.items()))
            if expires > now:
                break
            del self._data[k]

    def __len__(self) -> int:
        self._expire()
        return len(self._data)

    # The asynchronous interface the adapter uses, shared with RedisSessions.
    async def load(self, key: bytes) -> V | None:
        return self.get(key)

    async def save(self, key: bytes, value: V) -> None:
        self.put(key, value)

    async def forget(self, key: bytes) -> None:
        self.drop(key)

    def size(self) -> int:
        return len(self)

    async def close(self) -> None:
        self._data.clear()


class RedisSessions(Generic[V]):
    """Sessions shared by several instances: Redis keys are the keyed hash (the secret comes from
    PUTOKAZ_SESSION_KEY, the same for all instances), values the encoded state, each with the session
    time limit as its TTL. Nothing else is stored."""

    PREFIX = b"putokaz:s:"

    def __init__(self, url: str, secret: bytes, ttl_seconds: float, encode: Callable[[V], bytes],
                 decode: Callable[[bytes], V]):
        from redis import asyncio as aioredis
        self.client = aioredis.from_url(url)
        self._secret, self.ttl = secret, max(1, int(ttl_seconds))
        self._encode, self._decode = encode, decode

    def key(self, chat_id: int | bytes) -> bytes:
        if isinstance(chat_id, bytes):
            return chat_id
        return hashlib.blake2b(str(chat_id).encode(), key=self._secret, digest_size=16).digest()

    def _name(self, key: bytes) -> bytes:
        return self.PREFIX + key.hex().encode()

    async def load(self, key: bytes) -> V | None:
        raw = await self.client.get(self._name(key))
        return self._decode(raw) if raw is not None else None

    async def save(self, key: bytes, value: V) -> None:
        await self.client.set(self._name(key), self._encode(value), ex=self.ttl)

    async def forget(self, key: bytes) -> None:
        await self.client.delete(self._name(key))

    def size(self) -> int:
        return -1  # not counted: it would need a scan of the shared store

    async def close(self) -> None:
        await self.client.aclose()
