"""Per-chat state with an idle time limit: in memory (the default), or in Redis for several instances.

Keys are a keyed hash (BLAKE2b in keyed mode, a MAC) of the chat id, so the store never holds a Telegram
id, even in memory. In memory the secret is random per process and a restart forgets everything; in Redis
the secret and the values' AES-GCM key are derived from PUTOKAZ_SESSION_KEY, so nothing Redis keeps (or
writes to dump.rdb) can be read without it.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections import OrderedDict
from typing import Callable, Generic, TypeVar

V = TypeVar("V")


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

    async def amend(self, key: bytes, expected: V, change: Callable[[V], None]) -> V | None:
        """Apply `change` to what is stored now and keep it; None when nothing is (the person left
        meanwhile). Here the stored value is `expected` itself, changed in place: no copy, no write."""
        current = self.get(key)
        if current is not expected:
            return None
        change(current)
        return current

    def size(self) -> int:
        return len(self)

    async def close(self) -> None:
        self._data.clear()


SESSION_KEY_MIN = 32  # bytes of PUTOKAZ_SESSION_KEY


class SessionCipher:
    """Redis mode's secrets, both derived (HKDF-SHA256) from PUTOKAZ_SESSION_KEY, of any length from 32
    bytes up: an AES-256-GCM key that encrypts and authenticates every stored value (bound to its key
    name, so a value cannot be moved to another chat), and the key of the keyed hash that names it."""

    VERSION = b"\x01"

    def __init__(self, secret: bytes):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF
        if len(secret) < SESSION_KEY_MIN:
            raise ValueError(f"PUTOKAZ_SESSION_KEY must be at least {SESSION_KEY_MIN} bytes")

        def derive(info: bytes) -> bytes:
            return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)
        self._aead = AESGCM(derive(b"putokaz sessions: values, AES-256-GCM"))
        self.name_key = derive(b"putokaz sessions: key names, BLAKE2b")

    def seal(self, name: bytes, plain: bytes) -> bytes:
        nonce = os.urandom(12)
        return self.VERSION + nonce + self._aead.encrypt(nonce, plain, name)

    def open(self, name: bytes, blob: bytes) -> bytes | None:
        """The plain value, or None when it was not sealed with this key for this name."""
        from cryptography.exceptions import InvalidTag
        if len(blob) < 1 + 12 + 16 or blob[:1] != self.VERSION:
            return None
        try:
            return self._aead.decrypt(blob[1:13], blob[13:], name)
        except InvalidTag:
            return None


class RedisSessions(Generic[V]):
    """Sessions shared by several instances. Redis keys are a keyed hash of the chat id, values the
    encoded state sealed with AES-GCM (`SessionCipher`), each with the session time limit as its TTL.
    Every call has a 1-second time limit: a hung Redis costs one reply (the person starts over), never
    the bot, and `degraded` says so to /healthz until a call succeeds again."""

    PREFIX = b"putokaz:s:"
    TIMEOUT = 1.0  # seconds, to connect and for each command
    PAUSE = 5.0  # after a failure, calls fail at once for this long; then one is tried again

    def __init__(self, url: str, secret: bytes, ttl_seconds: float, encode: Callable[[V], bytes],
                 decode: Callable[[bytes], V], client=None):
        from redis import asyncio as aioredis
        self.client = client or aioredis.from_url(url, socket_timeout=self.TIMEOUT,
                                                  socket_connect_timeout=self.TIMEOUT, retry_on_timeout=False)
        self._cipher = SessionCipher(secret)
        self.ttl = max(1, int(ttl_seconds))
        self._encode, self._decode = encode, decode
        self.failed_at: float | None = None  # monotonic time of the last failed call; None after a success
        self.unreadable = 0  # values that failed authentication (another key, or tampered): treated as absent

    @property
    def degraded(self) -> bool:
        return self.failed_at is not None

    def key(self, chat_id: int | bytes) -> bytes:
        if isinstance(chat_id, bytes):
            return chat_id
        return hashlib.blake2b(str(chat_id).encode(), key=self._cipher.name_key, digest_size=16).digest()

    def _name(self, key: bytes) -> bytes:
        return self.PREFIX + key.hex().encode()

    async def _call(self, coro):
        if self.failed_at is not None and time.monotonic() - self.failed_at < self.PAUSE:
            coro.close()  # Redis failed a moment ago: answer at once (starting over) rather than wait again
            raise ConnectionError("the session store failed a moment ago")
        try:
            result = await asyncio.wait_for(coro, self.TIMEOUT * 2)  # the socket limits, and a last guard
        except BaseException:
            self.failed_at = time.monotonic()
            raise
        self.failed_at = None
        return result

    async def load(self, key: bytes) -> V | None:
        name = self._name(key)
        raw = await self._call(self.client.get(name))
        if raw is None:
            return None
        plain = self._cipher.open(name, raw)
        if plain is None:
            self.unreadable += 1
            return None
        return self._decode(plain)

    async def save(self, key: bytes, value: V) -> None:
        name = self._name(key)
        await self._call(self.client.set(name, self._cipher.seal(name, self._encode(value)), ex=self.ttl))

    async def forget(self, key: bytes) -> None:
        await self._call(self.client.delete(self._name(key)))

    async def amend(self, key: bytes, expected: V, change: Callable[[V], None]) -> V | None:
        """Apply `change` to what is stored now and write it back; None when nothing is stored. Another
        instance may have moved the conversation on since `expected` was read: its value is the one
        changed, so this instance never writes back an older screen."""
        current = await self.load(key)
        if current is None:
            return None
        change(current)
        await self.save(key, current)
        return current

    async def persistence(self) -> list[str]:
        """What makes this Redis write its data to disk (RDB snapshots, the append-only file): [] if
        nothing does, or if the server will not say (managed services often refuse CONFIG)."""
        found = []
        try:
            save = await self._call(self.client.config_get("save"))
            aof = await self._call(self.client.config_get("appendonly"))
        except Exception:  # noqa: BLE001 - not allowed, or not reachable: nothing to warn about here
            self.failed_at = None
            return []
        if (_text(save.get("save") or save.get(b"save")) or "").strip():
            found.append("save (RDB snapshots)")
        if (_text(aof.get("appendonly") or aof.get(b"appendonly")) or "").strip().lower() == "yes":
            found.append("appendonly (AOF)")
        return found

    def size(self) -> int:
        return -1  # not counted: it would need a scan of the shared store

    async def close(self) -> None:
        await self.client.aclose()


def _text(value) -> str | None:
    return value.decode() if isinstance(value, bytes) else value
