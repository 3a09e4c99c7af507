"""Per-chat pacing as shipped: quick taps wait their turn in order; only a flood beyond the queue is dropped."""
from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update, User

from bot.config import Settings
from bot.ratelimit import PerChatProcessor


def test_quick_taps_wait_their_turn_and_only_a_flood_beyond_the_queue_is_dropped():
    now = [0.0]
    shipped = Settings()
    p = PerChatProcessor(burst=shipped.flood_burst, per_second=shipped.flood_per_second, clock=lambda: now[0])
    burst = int(shipped.flood_burst)
    waits = [p.reserve(b"chat") for _ in range(burst + p.queue)]
    assert waits[:burst] == [0.0] * burst  # the burst goes at once
    assert waits[burst:] == sorted(waits[burst:]) and all(w > 0 for w in waits[burst:])  # then at the pace, in order
    assert p.reserve(b"chat") is None  # a flood beyond the queue
    assert p.reserve(b"other") == 0.0  # another chat is not slowed
    now[0] += 100
    assert p.reserve(b"chat") == 0.0  # the bucket refills


async def test_taps_a_third_of_a_second_apart_are_all_handled_in_order():
    p = PerChatProcessor(burst=Settings().flood_burst, per_second=Settings().flood_per_second)
    done: list[int] = []
    user = User(1, "x", False)
    chat = Chat(5, "private")

    async def handle(i: int) -> None:
        done.append(i)

    tasks = []
    for i in range(8):
        update = Update(i, message=Message(i, None, chat, from_user=user, text="x"))  # type: ignore[arg-type]
        tasks.append(asyncio.create_task(p.do_process_update(update, handle(i))))
        await asyncio.sleep(0.3)
    await asyncio.gather(*tasks)
    assert done == list(range(8)) and p.dropped == 0


def _update(i: int, chat_id: int = 5, data: str | None = None) -> Update:
    user = User(1, "x", False)
    chat = Chat(chat_id, "private")
    if data is not None:
        from telegram import CallbackQuery
        msg = Message(1, None, chat, from_user=user, text="screen")  # type: ignore[arg-type]
        return Update(i, callback_query=CallbackQuery(str(i), user, "ci", message=msg, data=data))
    return Update(i, message=Message(i, None, chat, from_user=user, text="x"))  # type: ignore[arg-type]


async def test_a_flood_beyond_the_queue_is_still_answered_and_another_chat_is_not_slowed():
    """200 updates at once from one chat: the line holds at most burst + queue of them, every one beyond
    reaches on_drop (the adapter answers it and deletes it), and another chat goes straight through."""
    shipped = Settings()
    dropped: list[int] = []

    async def on_drop(update: Update) -> None:
        dropped.append(update.update_id)

    p = PerChatProcessor(burst=shipped.flood_burst, per_second=shipped.flood_per_second, on_drop=on_drop)
    handled: list[int] = []

    async def handle(i: int) -> None:
        handled.append(i)

    tasks = [asyncio.create_task(p.do_process_update(_update(i), handle(i))) for i in range(200)]
    await asyncio.sleep(0.05)
    other_done = asyncio.Event()

    async def other() -> None:
        other_done.set()

    await asyncio.wait_for(p.do_process_update(_update(999, chat_id=6), other()), 0.5)
    assert other_done.is_set()
    kept = int(shipped.flood_burst) + p.queue
    assert len(dropped) == 200 - kept and p.dropped == 200 - kept
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert handled == list(range(len(handled)))  # what went through went in order


async def test_leave_goes_ahead_of_the_line_and_what_waited_is_answered():
    shipped = Settings()
    dropped: list[int] = []

    async def on_drop(update: Update) -> None:
        dropped.append(update.update_id)

    p = PerChatProcessor(burst=shipped.flood_burst, per_second=shipped.flood_per_second, on_drop=on_drop,
                         urgent=lambda u: u.callback_query is not None and u.callback_query.data == "leave")
    handled: list[int] = []
    release = asyncio.Event()

    async def slow(i: int) -> None:
        await release.wait()
        handled.append(i)

    async def handle(i: int) -> None:
        handled.append(i)

    first = asyncio.create_task(p.do_process_update(_update(0), slow(0)))  # in hand
    waiting = [asyncio.create_task(p.do_process_update(_update(i), handle(i))) for i in range(1, 12)]
    await asyncio.sleep(0.01)
    leave = asyncio.create_task(p.do_process_update(_update(50, data="leave"), handle(50)))
    await asyncio.sleep(0.01)
    release.set()
    await asyncio.wait_for(leave, 1.0)  # not behind the 11 waiting (they would take ~4 s at the pace)
    await asyncio.gather(first, *waiting)
    assert handled[:2] == [0, 50]  # the update in hand finishes, then Leave
    assert sorted(dropped) == list(range(1, 12))  # everything that waited was answered, not handled
    after = asyncio.create_task(p.do_process_update(_update(60), handle(60)))
    await asyncio.wait_for(after, 1.0)
    assert handled[-1] == 60  # a new start after Leave goes through


async def test_no_more_requests_reach_the_http_pool_than_it_has_connections():
    """Under 500 busy chats, requests waiting in httpcore's pool cost most of the CPU: the rate limiter
    lets at most `in_flight` through at once; the others wait their turn and all are sent."""
    from bot.ratelimit import ChatRateLimiter
    limiter = ChatRateLimiter(0, in_flight=3)
    running, most, done = 0, 0, []

    async def call(i):
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.01)
        running -= 1
        done.append(i)
        return i

    results = await asyncio.gather(*(limiter.process_request(call, (i,), {}, "sendMessage", {"chat_id": i}, None)
                                     for i in range(20)))
    assert results == list(range(20)) and sorted(done) == list(range(20))
    assert most == 3

