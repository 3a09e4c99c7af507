"""Keeping Telegram's limits without letting one chat slow the others.

- `ChatRateLimiter` (a python-telegram-bot rate limiter, like `AIORateLimiter`): an overall rate
  for all outgoing calls (Telegram allows about 30 messages a second), and on a 429 it waits only
  when `retry_after` is short and only for that chat; a long wait drops the message and cools that
  one chat down instead of pausing the whole bot (AIORateLimiter pauses every request).
- `PerChatProcessor` (an update processor): updates are handled concurrently, in order within each
  chat; a chat that taps faster than its pace waits in a short line; only a flood beyond the line is
  dropped, and a dropped update is still answered and deleted. Leave goes ahead of the line.

Chats are known only by a keyed hash here too (`keyer`), never by their id.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from datetime import timedelta
from typing import Any, Awaitable, Callable

from aiolimiter import AsyncLimiter
from telegram import Update
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor

log = logging.getLogger("putokaz.limits")


def _seconds(retry_after: int | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


class ChatRateLimiter(BaseRateLimiter[int]):
    def __init__(self, overall_per_second: float = 30, max_wait: float = 5.0, retries: int = 2,
                 keyer: Callable[[int], bytes] = lambda chat: str(chat).encode(), max_chats: int = 100_000,
                 in_flight: int | None = None):
        self._overall = AsyncLimiter(overall_per_second, 1) if overall_per_second else None
        # At most this many requests in the HTTP layer at once (its connection pool's size): the rest wait
        # here, in an asyncio queue, instead of in httpcore's pool, which scans every waiting request
        # each time a connection frees (under 500 busy chats that scan took most of the bot's CPU).
        self._slots = asyncio.Semaphore(in_flight) if in_flight else None
        self.max_wait, self.retries = max_wait, retries
        self._keyer, self._max_chats = keyer, max_chats
        self._cooling: OrderedDict[bytes, float] = OrderedDict()  # chat key → monotonic time it may send again

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def _chat_key(self, chat) -> bytes | None:
        if isinstance(chat, int) or (isinstance(chat, str) and chat.lstrip("-").isdigit()):
            return self._keyer(int(chat))
        return None

    async def process_request(self, callback: Callable[..., Awaitable[Any]], args: Any, kwargs: dict,
                              endpoint: str, data: dict, rate_limit_args: int | None) -> Any:
        chat = data.get("chat_id")
        key = None
        if self._cooling:  # only when some chat is cooling down is the chat's key worth computing
            key = self._chat_key(chat)
            until = self._cooling.get(key) if key is not None else None
            if until is not None:
                left = until - time.monotonic()
                if left > 0:
                    raise RetryAfter(max(1, int(left)))
                del self._cooling[key]  # type: ignore[arg-type]  # found under this key just above
        for attempt in range(self.retries + 1):
            try:
                # Telegram's ~30 a second is about messages sent; answers to presses, edits and deletes
                # are not held back by it (holding them made every reply wait, measured in bench/run.py).
                if self._overall is not None and endpoint.startswith("send"):
                    await self._overall.acquire()
                if self._slots is None:
                    return await callback(*args, **kwargs)
                async with self._slots:
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                # python-telegram-bot 22 keeps the value as a timedelta; its public property warns.
                wait = _seconds(getattr(exc, "_retry_after", None) or exc.retry_after)
                if wait > self.max_wait or attempt == self.retries:
                    key = key or self._chat_key(chat)
                    if key is not None:
                        self._cooling[key] = time.monotonic() + wait
                        while len(self._cooling) > self._max_chats:
                            self._cooling.popitem(last=False)
                    log.warning("Telegram asked to wait %.0f s before %s; that reply is dropped", wait, endpoint)
                    raise
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")


class PerChatProcessor(BaseUpdateProcessor):
    """Concurrent across chats, in order within a chat, and a token bucket per chat: an update that
    comes faster than the bucket allows waits its turn (up to `queue` per chat); only beyond that is
    it dropped, so a person tapping quickly loses nothing and a flooding chat cannot grow memory.

    - A dropped update is never simply lost: `on_drop` gets it (the adapter answers the press, so the
      spinner stops, and deletes the typed message or photo).
    - An `urgent` update (Leave) skips the bucket and the queue: everything the chat still has waiting
      is dropped that way, and Leave runs as soon as the update in hand (if any) is done.
    """

    def __init__(self, max_concurrent: int = 256, burst: float = 3, per_second: float = 1.0,
                 keyer: Callable[[int], bytes] = lambda chat: str(chat).encode(), max_chats: int = 100_000,
                 clock: Callable[[], float] = time.monotonic, queue: int = 10,
                 urgent: Callable[[Update], bool] = lambda update: False,
                 on_drop: Callable[[Update], Awaitable[None]] | None = None):
        super().__init__(max_concurrent)
        self.burst, self.per_second = burst, per_second
        self.queue = queue  # updates one chat may have waiting for their turn; beyond that, a flood
        self._keyer, self._max_chats, self._clock = keyer, max_chats, clock
        self._urgent, self._on_drop = urgent, on_drop
        self._buckets: OrderedDict[bytes, tuple[float, float]] = OrderedDict()  # key → (tokens, at)
        self._chats: dict[bytes, _Line] = {}  # chats with an update waiting or in hand
        self.dropped = 0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def allow(self, key: bytes) -> bool:
        """Take a token now if there is one (no waiting)."""
        return self.reserve(key) == 0.0

    def reserve(self, key: bytes) -> float | None:
        """Take the chat's next token: 0 = now, a number = wait that many seconds for it (the update waits
        in line, in order), None = the chat already has `queue` updates waiting (a flood): drop this one."""
        now = self._clock()
        tokens, at = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.per_second)
        if tokens - 1 < -self.queue:
            self._buckets[key] = (tokens, now)
            return None
        self._buckets[key] = (tokens - 1, now)
        self._buckets.move_to_end(key)
        while len(self._buckets) > self._max_chats:
            self._buckets.popitem(last=False)
        return 0.0 if tokens >= 1 else (1 - tokens) / self.per_second

    async def _drop(self, update: Update, coroutine: Awaitable[Any]) -> None:
        self.dropped += 1
        coroutine.close()  # type: ignore[attr-defined]  # never started: nothing sent, nothing kept
        if self._on_drop is not None:
            try:
                await self._on_drop(update)
            except Exception as exc:  # noqa: BLE001 - a failed clean-up must not stop the chat's line
                log.warning("a dropped update could not be cleaned up (%s)", type(exc).__name__)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        key = self._keyer(chat.id)
        line = self._chats.get(key)
        if line is None:
            line = self._chats[key] = _Line()
        urgent = self._urgent(update)  # type: ignore[arg-type]
        wait: float | None
        if urgent and not line.leaving:
            line.generation += 1  # whatever waits in this chat's line is dropped (answered, deleted)
            line.leaving = True
            line.moved.set()  # ... at once, not after its wait
            line.moved = asyncio.Event()
            self._buckets.pop(key, None)  # and what starts after Leave is not slowed by what came before
            wait = 0.0
        elif urgent:
            wait = None  # a Leave is already on its way: this one is only answered
        else:
            wait = self.reserve(key)
        line.users += 1
        try:
            if wait is None:
                await self._drop(update, coroutine)  # type: ignore[arg-type]
                return
            mine, moved = line.generation, line.moved
            if wait:
                try:  # a person tapping fast waits a moment; nothing is lost
                    await asyncio.wait_for(moved.wait(), wait)
                except asyncio.TimeoutError:
                    pass
            if line.generation == mine:
                async with line.lock:
                    if line.generation == mine:
                        try:
                            await coroutine
                        finally:
                            if urgent:
                                line.leaving = False
                        return
            await self._drop(update, coroutine)  # type: ignore[arg-type]  # Leave came meanwhile
        except asyncio.CancelledError:
            coroutine.close()  # type: ignore[attr-defined]  # stopping: an update still waiting is not run
            raise
        finally:
            line.users -= 1
            if line.users <= 0:
                self._chats.pop(key, None)


class _Line:
    """One chat's line: a lock that keeps its updates in order, how many are in it, and a counter that
    Leave moves on (every update that was waiting before it is then dropped)."""

    __slots__ = ("lock", "users", "generation", "leaving", "moved")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0
        self.generation = 0
        self.leaving = False  # a Leave is waiting for the update in hand, or being handled
        self.moved = asyncio.Event()  # set when a Leave moves the generation on
