"""Random sequences of everything a person (or an attacker) can send, through the engine and the
real python-telegram-bot Application (offline request layer), with invariants checked after each."""
from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from telegram import Update

from bot import engine
from bot.engine import Press, leaves
from bot.config import Settings
from bot.core import Core, load_core
from bot.offline import OfflineRequest
from bot.telegram_adapter import TelegramAdapter
from fake_bot_api import MEDIA

ROOT = Path(__file__).resolve().parent.parent
CHATS = (910001, 910002, 910003)
LANGS = ("sr-Latn", "sr-Cyrl", "rom", "sq", "en")


def _core() -> Core:
    import tempfile
    s = replace(Settings(), db_path=Path(tempfile.mkdtemp()) / "r.sqlite3")
    return asyncio.run(load_core(s))


CORE = _core()
VALID_DATA = sorted({b.data for s in CORE.dialogue.screens.values()
                     for b in engine._fixed_rows(s.name, s.buttons, s.columns) for b in b}
                    | {f"language|={t}" for t in LANGS} | {"pick-town|=sremska-mitrovica", "pick-town|=nis"})
FORGED = st.one_of(st.text(max_size=70), st.binary(max_size=65).map(lambda b: b.decode("latin-1")),
                   st.sampled_from(["x" * 64, "y" * 65, "danger|", "|", "answer|nope|x"]))
TEXTS = st.one_of(st.sampled_from(["Niš", "u Novom Sadu", "Mitrovica", "Palanka", "Ниш", "Preshevë", "hello",
                                   "", "🙂", "'; DROP TABLE x; --", "%s{0}", "\u202e\u200b", "x" * 4096]),
                  st.text(max_size=50))


class Conversations(RuleBasedStateMachine):
    """Three chats, interleaved; the model remembers only what each chat chose."""

    @initialize()
    def start_bot(self):
        self.loop = asyncio.new_event_loop()
        self.ids = itertools.count(1)
        self.errors: list[BaseException] = []
        self.lang: dict[int, str | None] = {c: None for c in CHATS}
        self._boot()

    def _boot(self):
        s = replace(Settings(), token="1:offline", max_rate=0, erase_later_seconds=3600, stats=False)
        self.adapter = TelegramAdapter(CORE, s)
        self.request = OfflineRequest(record=True)
        self.app = self.adapter.build(request=self.request)

        async def on_error(update, context):
            self.errors.append(context.error)
        self.app.add_error_handler(on_error)
        self.loop.run_until_complete(self.app.initialize())

    def teardown(self):
        if hasattr(self, "app"):
            for task, *_ in self.adapter.erase_later.values():
                task.cancel()
            self.loop.run_until_complete(self.app.shutdown())
            self.loop.close()

    def _send(self, chat: int, update: dict) -> list[tuple[str, dict]]:
        update["update_id"] = next(self.ids)
        before = len(self.request.log)
        self.loop.run_until_complete(self.app.process_update(Update.de_json(update, self.app.bot)))
        calls = self.request.log[before:]
        # every call of this update goes to this chat only
        assert all(int(p.get("chat_id", chat)) == chat for _, p in calls)
        sends = [m for m, _ in calls if m in ("sendMessage", "editMessageText")]
        assert len(sends) <= 3, calls
        assert sum(m == "answerCallbackQuery" for m, _ in calls) <= 1
        for m, p in calls:
            if m in ("sendMessage", "editMessageText"):
                assert 0 < len(p["text"]) <= 4096
        return calls

    def _message(self, chat: int, **content) -> dict:
        return {"message": {"message_id": next(self.ids), "date": int(time.time()),
                            "chat": {"id": chat, "type": "private"},
                            "from": {"id": chat, "is_bot": False, "first_name": "F"}, **content}}

    def _state(self, chat: int):
        return self.adapter.sessions.get(chat)

    @rule(chat=st.sampled_from(CHATS), text=TEXTS)
    def type_text(self, chat, text):
        if text.startswith("/"):
            text = " " + text
        before = self._state(chat)
        self._send(chat, self._message(chat, text=text or "."))
        after = self._state(chat)
        if after is None:  # typed words for Leave ("izlaz", "bye") leave
            self.lang[chat] = None
        elif before is None or before.session.screen == CORE.dialogue.start:
            self.lang[chat] = after.session.lang  # a language name typed on the picker chooses it

    @rule(chat=st.sampled_from(CHATS), data=st.one_of(st.sampled_from(VALID_DATA), FORGED))
    def press(self, chat, data):
        update = {"callback_query": {"id": str(next(self.ids)), "chat_instance": "c", "data": data,
                                     "from": {"id": chat, "is_bot": False, "first_name": "F"},
                                     "message": {"message_id": 5, "date": 0, "chat": {"id": chat, "type": "private"},
                                                 "text": "…"}}}
        before = self._state(chat)
        self._send(chat, update)
        on_picker = before is None or before.session.screen == CORE.dialogue.start
        if data.startswith("language|=") and data[10:] in LANGS and on_picker:
            self.lang[chat] = data[10:]
        if leaves(CORE.dialogue, Press(data)):  # any Leave button leaves, also one from an older screen
            assert self._state(chat) is None
            self.lang[chat] = None

    @rule(chat=st.sampled_from(CHATS), payload=st.sampled_from(["", "en", "sq", "sr-Cyrl", "rom", "zz", "x" * 70]))
    def start(self, chat, payload):
        self._send(chat, self._message(chat, text=f"/start {payload}".strip()))
        self.lang[chat] = payload if payload in LANGS else None

    @rule(chat=st.sampled_from(CHATS), name=st.sampled_from(["help", "language", "nonsense"]))
    def command(self, chat, name):
        self._send(chat, self._message(chat, text=f"/{name}"))

    @rule(chat=st.sampled_from(CHATS), kind=st.sampled_from(sorted(MEDIA)))
    def media(self, chat, kind):
        self._send(chat, self._message(chat, **{kind: MEDIA[kind]}))

    @rule(chat=st.sampled_from(CHATS), lat=st.floats(-90, 90), lon=st.floats(-180, 180))
    def location(self, chat, lat, lon):
        self._send(chat, self._message(chat, location={"latitude": lat, "longitude": lon}))

    @rule(chat=st.sampled_from(CHATS))
    def contact(self, chat):
        calls = self._send(chat, self._message(chat, contact={"phone_number": "+38164000111", "first_name": "K"}))
        assert any(m == "deleteMessage" for m, _ in calls)
        assert not any("+38164000111" in p.get("text", "") for _, p in calls)

    @rule(chat=st.sampled_from(CHATS))
    def leave(self, chat):
        self._send(chat, self._message(chat, text="/leave"))
        assert self._state(chat) is None  # leave always empties the session
        self.lang[chat] = None

    @precondition(lambda self: hasattr(self, "app"))
    @rule()
    def restart(self):
        self.loop.run_until_complete(self.app.shutdown())
        self._boot()
        self.lang = {c: None for c in CHATS}

    @invariant()
    def no_exception_escaped(self):
        if hasattr(self, "errors"):
            assert self.errors == []

    @invariant()
    def the_application_remembers_no_one(self):
        """python-telegram-bot keeps nothing about a chat: no chat_data or user_data, and none of the
        ids it would note for a persistence (bot/telegram_adapter.py ForgetfulApplication)."""
        if not hasattr(self, "app"):
            return
        assert not self.app.chat_data and not self.app.user_data
        assert not self.app._chat_ids_to_be_updated_in_persistence
        assert not self.app._user_ids_to_be_updated_in_persistence

    @invariant()
    def sessions_never_mix(self):
        if not hasattr(self, "adapter"):
            return
        for chat in CHATS:
            state = self._state(chat)
            if state is not None and self.lang[chat] is not None:
                assert state.session.lang == self.lang[chat]


TestConversations = Conversations.TestCase
TestConversations.settings = settings(max_examples=100, stateful_step_count=30, deadline=None,
                                      suppress_health_check=[HealthCheck.too_slow])


def test_engine_never_raises_on_any_event():
    """The pure engine alone, on arbitrary events from any state."""
    from hypothesis import given
    events = st.one_of(st.builds(engine.Text, st.text(max_size=100)), st.builds(engine.Press, FORGED),
                       st.builds(engine.Press, st.sampled_from(VALID_DATA)), st.builds(engine.Start, st.text(max_size=70)),
                       st.builds(engine.Command, st.sampled_from(["help", "language", "leave", "x"])),
                       st.builds(engine.Other, st.sampled_from(["photo", "contact", "forward"])),
                       st.builds(engine.Location, st.floats(allow_nan=True), st.floats(allow_infinity=True)))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(events, max_size=30))
    def run(seq):
        session = None
        for event in seq:
            session, replies = engine.step(CORE.dialogue, CORE.world, session, event)
            assert replies and all(r.message for r in replies)
            assert session.screen in CORE.dialogue.screens
            if session.ended:
                session = None
    run()
