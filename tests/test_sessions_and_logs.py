from __future__ import annotations

import io
import logging

import pytest

from bot import logs
from bot.sessions import MemorySessions


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_sessions_expire_after_idle_time():
    clock = Clock()
    store = MemorySessions(ttl_seconds=60, max_size=10, clock=clock)
    store.put(1, "a")
    clock.now += 59
    assert store.get(1) == "a"
    store.put(1, "b")           # use renews the time limit
    clock.now += 59
    assert store.get(1) == "b"
    clock.now += 61
    assert store.get(1) is None
    assert len(store) == 0


def test_sessions_are_bounded_oldest_first():
    store = MemorySessions(ttl_seconds=600, max_size=3, clock=Clock())
    for chat in range(1, 6):
        store.put(chat, chat)
    assert len(store) == 3
    assert [store.get(c) for c in range(1, 6)] == [None, None, 3, 4, 5]


def test_sessions_never_hold_the_chat_id():
    store = MemorySessions(ttl_seconds=600, max_size=3)
    store.put(987654321, "x")
    keys = list(store._data)
    assert all(b"987654321" not in k and len(k) == 16 for k in keys)
    # another process (another secret) cannot link the keys
    assert MemorySessions().key(987654321) != store.key(987654321)
    store.drop(987654321)
    assert store.get(987654321) is None


def test_token_is_redacted_from_every_log_line():
    token = "123456789:AAExampleExampleExampleExample_abcde"
    stream = io.StringIO()
    logs.setup("DEBUG", token, stream=stream)
    log = logging.getLogger("anything")
    log.info("calling https://api.telegram.org/bot%s/getMe", token)
    log.warning("other token 987654321:BBzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz here")
    try:
        raise RuntimeError(f"failed url /bot{token}/sendMessage")
    except RuntimeError:
        log.exception("request failed")
    out = stream.getvalue()
    assert token not in out and "987654321:BB" not in out
    assert out.count("[token]") == 2 and "RuntimeError" in out
    assert logging.getLogger("httpx").level == logging.WARNING
    assert logging.getLogger("telegram").level == logging.WARNING


# --- Redis mode: sealed values, keyed names, a time limit on every call ---------------------------

def test_session_values_are_sealed_bound_to_their_name_and_any_key_length_from_32_bytes_works():
    from bot.sessions import SessionCipher
    with pytest.raises(ValueError):
        SessionCipher(b"x" * 31)
    for secret in (b"k" * 32, b"k" * 100, "ključ-".encode() * 40):  # over 64 bytes too (BLAKE2b's key limit)
        c = SessionCipher(secret)
        blob = c.seal(b"putokaz:s:aa", b'{"danger":true}')
        assert b"danger" not in blob and c.open(b"putokaz:s:aa", blob) == b'{"danger":true}'
        assert c.open(b"putokaz:s:bb", blob) is None  # moved to another chat's name: refused
        assert c.open(b"putokaz:s:aa", blob[:-1] + bytes([blob[-1] ^ 1])) is None  # tampered: refused
        assert SessionCipher(b"o" * 32).open(b"putokaz:s:aa", blob) is None  # another key: refused
        assert len(c.name_key) == 32


async def test_a_hung_redis_costs_one_reply_not_the_bot(hung_server):
    """A server that accepts the connection and never answers: the first call gives up after about a
    second, the next ones fail at once for a while, and `degraded` says so until a call succeeds."""
    import time

    from bot.sessions import RedisSessions
    from bot.telegram_adapter import ChatState
    from bot.engine import Session

    store = RedisSessions(f"redis://127.0.0.1:{hung_server}/0", b"s" * 40, 60, ChatState.encode, ChatState.decode)
    try:
        started = time.monotonic()
        with pytest.raises(Exception):  # noqa: B017 - whichever the client raises: what counts is how soon
            await store.load(store.key(1))
        assert time.monotonic() - started < 2.5 and store.degraded
        started = time.monotonic()
        with pytest.raises(Exception):  # noqa: B017
            await store.save(store.key(1), ChatState(Session("danger")))
        assert time.monotonic() - started < 0.1  # fails at once while the pause lasts
    finally:
        await store.close()
