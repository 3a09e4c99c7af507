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
    waits = [p.reserve(b"chat") for _ in range(3 + p.queue)]
    assert waits[:3] == [0.0, 0.0, 0.0]  # the burst goes at once
    assert waits[3:] == sorted(waits[3:]) and all(w > 0 for w in waits[3:])  # then one a second, in order
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
