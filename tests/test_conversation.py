"""The channel-neutral conversation service (bot/conversation.py) with the fake channel: no server,
no Telegram library — the shipped core and a real in-memory store."""
import asyncio

from bot.conversation import Conversation, Incoming
from bot.delivery import FakeDelivery
from bot.engine import Other, Press, Start, Text
from bot.sessions import MemorySessions


def setup(core, **kw):
    conv = Conversation(core, MemorySessions(), **kw)
    return conv, FakeDelivery(), conv.sessions.key(1)


def live(d: FakeDelivery) -> int:
    return max(mid for mid, out in d.shown.items() if out.buttons)


async def test_a_press_edits_the_screen_in_place_and_the_state_knows_the_ids(core):
    conv, d, key = setup(core)
    await conv.handle(Incoming(1, key, Start("")), d)
    first = live(d)
    await conv.handle(Incoming(1, key, Press("language|=en"), pressed=first), d)
    state = conv.sessions.get(key)
    assert state.session.lang == "en" and state.session.screen != "language"
    assert ("edit", 1, first) in d.calls  # the pressed screen was replaced, not a new message
    assert state.first == first and state.top == max(d.shown) and state.screen in d.shown


async def test_leave_erases_the_window_forgets_and_says_goodbye_last(core):
    conv, d, key = setup(core)
    await conv.handle(Incoming(1, key, Start("en")), d)
    top = max(d.shown)
    await conv.handle(Incoming(1, key, Text("leave"), message=top + 1, delete=True), d)
    assert conv.sessions.get(key) is None
    deletes = [c for c in d.calls if c[0] == "delete"]
    assert deletes[0][2] == (top + 1,)  # the typed word, read and deleted first
    window = deletes[1][2]
    assert window[0] == top + 1 and 101 in window  # newest first, down to the conversation's start
    assert d.calls[-1][0] == "send" and list(d.shown) == [d.calls[-1][2]]  # only the goodbye is left


async def test_an_album_is_answered_once(core):
    conv, d, key = setup(core)
    await conv.handle(Incoming(1, key, Start("en")), d)
    await conv.handle(Incoming(1, key, Other("photo"), message=200, delete=True, album="a1"), d)
    after_first = len(d.calls)
    assert any(c[0] in ("send", "edit") for c in d.calls[-3:])  # the first photo is answered
    for mid in (201, 202):
        await conv.handle(Incoming(1, key, Other("photo"), message=mid, delete=True, album="a1"), d)
    assert [c[0] for c in d.calls[after_first:]] == ["delete", "delete"]  # the rest: deleted, not answered
    assert [c[2] for c in d.calls if c[0] == "delete"] == [(200,), (201,), (202,)]
    assert conv.sessions.get(key).top == max(max(d.shown), 202)


async def test_a_late_message_starts_over_but_a_late_start_keeps_its_preset(core):
    conv, d, key = setup(core)
    await conv.handle(Incoming(1, key, Start("en")), d)
    await conv.handle(Incoming(1, key, Text("Niš"), late=True), d)
    assert conv.sessions.get(key).session.lang is None  # back to the language picker
    await conv.handle(Incoming(1, key, Start("sq"), late=True), d)
    assert conv.sessions.get(key).session.lang == "sq"


async def press(conv, d, key, button_id: str) -> None:
    """Press the live screen's button with this id (callback data "<screen>|<id>")."""
    mid = live(d)
    data = next(b for row in d.shown[mid].buttons for _, b in row if b.endswith("|" + button_id))
    await conv.handle(Incoming(1, key, Press(data), pressed=mid), d)


async def test_erase_later_is_done_at_once_when_the_bot_stops(core):
    conv, d, key = setup(core, erase_later_seconds=3600)
    await conv.handle(Incoming(1, key, Start("en")), d)
    await press(conv, d, key, "no")
    await press(conv, d, key, "legal")
    await conv.handle(Incoming(1, key, Text("Subotica"), message=900), d)
    assert conv.sessions.get(key).session.screen == "answer"
    await press(conv, d, key, "later")
    assert key in conv.erase_later and conv.sessions.get(key).session.screen == "answer"
    assert await conv.erase_now() == 1 and not conv.erase_later
    assert conv.sessions.get(key) is None and not d.shown  # the whole chat, the typed town too


async def test_a_store_that_fails_never_stops_the_answer(core):
    class Broken(MemorySessions):
        async def load(self, key):
            raise ConnectionError

        async def save(self, key, value):
            raise ConnectionError

    conv = Conversation(core, Broken())
    d = FakeDelivery()
    await asyncio.wait_for(conv.handle(Incoming(1, b"k" * 16, Start("en")), d), 5)
    assert d.shown  # answered, starting over
