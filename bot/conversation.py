"""The conversation service: one person's update, from the stored state to what goes out — for any channel.

    channel adapter ──Incoming──▶ Conversation.handle ──▶ core.step (engine + renderer, stats)
                                      │                      │
                                      ├─ store: load once, save once, amend the ids sent
                                      └─ Delivery (send, edit, unbutton, delete) ◀─ the outs

A channel (Telegram in bot/telegram_adapter.py, the web door in bot/webdoor.py) turns what it received
into an `Incoming` — the engine event, the store key, and the ids and flags only it can know — and
implements `Delivery` (bot/delivery.py). Everything else is here, once: starting over when a message
is hours late, answering an album once, Leave's erase before forgetting, one live screen, "erase in
1 hour" (and erasing those at once when the bot stops). Nothing here imports a channel's library.
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from .core import Core
from .delivery import Delivery, deliver
from .engine import Event, Location, Other, Session, Start
from .sessions import MemorySessions, RedisSessions

log = logging.getLogger("putokaz")

# Messages that carry someone's personal data: always deleted, whatever the settings.
PERSONAL = ("contact", "location", "venue")

# Leave erases by a window of message ids rather than a list kept of them: ids in a chat count up, so
# everything from the conversation's first message (when known) or LEAVE_BACK ids back, up to LEAVE_AHEAD
# past the newest id known (messages sent after the button that was pressed), is deleted. Ids that do
# not exist, or are someone else's, are skipped by Telegram; its 48-hour limit applies.
LEAVE_BACK = 300
LEAVE_AHEAD = 100
LEAVE_SPAN_MAX = 3000


def erase_window(top: int, first: int | None = None) -> list[int]:
    """The ids Leave deletes: the newest known first (what is on screen goes first), back to the
    conversation's start, then those past the newest known."""
    low = top - LEAVE_BACK if first is None else min(first, top - LEAVE_BACK)
    low = max(1, low, top - LEAVE_SPAN_MAX)
    return list(range(top, low - 1, -1)) + list(range(top + 1, top + LEAVE_AHEAD + 1))


def personal(event: Event) -> bool:
    """A contact, location or venue: deleted at once whatever the settings."""
    return isinstance(event, Location) or (isinstance(event, Other) and event.kind in PERSONAL)


@dataclass(slots=True)
class ChatState:
    """What the bot keeps about one chat, in memory (or encrypted in Redis), for the session's time
    limit: the conversation, and three message ids — none of the messages themselves."""
    session: Session
    first: int | None = None  # the conversation's first message id: Leave erases from here
    top: int | None = None  # the newest message id seen or sent
    screen: int | None = None  # the message that carries the live buttons
    album: str | None = None  # the media group of the last message, to answer an album once

    def saw(self, *ids: int | None) -> None:
        for i in ids:
            if i is None:
                continue
            self.first = i if self.first is None else min(self.first, i)
            self.top = i if self.top is None else max(self.top, i)

    def encode(self) -> bytes:
        s = {k: list(v) if isinstance(v, tuple) else v for k, v in vars(self.session).items()}
        return json.dumps({"session": s, "first": self.first, "top": self.top, "screen": self.screen,
                           "album": self.album}, separators=(",", ":")).encode()

    @classmethod
    def decode(cls, raw: bytes) -> "ChatState":
        d = json.loads(raw)
        known = set(Session.__dataclass_fields__)
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in d["session"].items() if k in known}
        return cls(Session(**fields), d.get("first"), d.get("top"), d.get("screen"), d.get("album"))


Store = MemorySessions[ChatState] | RedisSessions[ChatState]


@dataclass(frozen=True)
class Incoming:
    """One thing a person did, as the conversation needs it. Only the channel knows these."""
    chat: Any  # the channel's address of the chat (a Telegram chat id; the web door's page)
    key: bytes  # the store's key for the chat (a keyed hash, never the id itself)
    event: Event
    message: int | None = None  # the id of the person's own message, when they sent one
    pressed: int | None = None  # the id of the message whose button was pressed
    late: bool = False  # sent long ago (the bot was down): answered by starting over
    delete: bool = False  # delete the person's message once it is read
    album: str | None = None  # the media group it belongs to (several photos sent at once)
    ack: Callable[[], Awaitable[None]] | None = None  # stop the press's spinner


class Conversation:
    """Channel-neutral: the store, the serving core (swapped whole on a reload), erase and erase-later."""

    def __init__(self, core: Core, sessions: Store, erase_later_seconds: float = 3600):
        self.core = core
        self.sessions = sessions
        self.erase_later_seconds = erase_later_seconds
        # chat key → (task, delivery, chat, first id, newest id): "erase in 1 hour", in memory only
        self.erase_later: dict[bytes, tuple[asyncio.Task, Delivery, Any, int | None, int]] = {}

    async def handle(self, inc: Incoming, delivery: Delivery) -> None:
        """Load once, step, deliver, save once (and amend the ids sent)."""
        key, chat = inc.key, inc.chat
        state = await self.load(key)
        if inc.late and not isinstance(inc.event, Start):
            state = None  # hours late: answer, starting over
        if inc.album is not None and state is not None and state.album == inc.album:
            # The rest of an album: deleted like the first, but one reply for the whole album is enough.
            if inc.delete and inc.message is not None:
                await delivery.delete(chat, [inc.message])
            state.saw(inc.message)
            await self.save(key, state)
            return
        session, outs = self.core.step(state.session if state else None, inc.event)
        log.debug("%s → %s (%d message(s))", type(inc.event).__name__, session.screen, len(outs))
        this = ChatState(session) if state is None else state
        this.session = session
        this.album = inc.album
        this.saw(inc.message, inc.pressed)

        async def read() -> None:
            """Stop the press's spinner; delete the person's message if due."""
            if inc.ack is not None:
                await inc.ack()
            if inc.delete and inc.message is not None:
                await delivery.delete(chat, [inc.message])

        if session.ended:
            # Leave: erase everything from the conversation's first message (or a window back from
            # the newest), retrying until the channel takes it; only then forget; the goodbye comes last.
            self.cancel_erase_later(key)
            await read()
            await self.erase(delivery, chat, this.top or 0, this.first if state else None)
            await self.forget(key)
            for out in outs:
                await delivery.send(chat, out)
            return
        # The new screen is stored before the person can see it: whatever they do next, possibly
        # through another instance, finds it. The ids of the messages sent follow.
        await self.save(key, this)
        old_screen = this.screen
        sent, live = await deliver(delivery, chat, outs, inc.pressed)
        await read()

        def note(stored: ChatState) -> None:  # the ids just sent, and where the live buttons now are
            stored.saw(*sent)
            if live is not None:
                stored.screen = live

        try:  # one contract for every store (bot/sessions.py): memory changes `this`; Redis the newest
            current = await self.sessions.amend(key, this, note)
        except Exception as exc:  # noqa: BLE001
            log.warning("the session store could not be written (%s)", type(exc).__name__)
            current = None
        if live is not None and old_screen is not None and old_screen != live:
            await delivery.unbutton(chat, old_screen)  # one live screen: the old one loses its buttons
        if any(o.effect == "erase-later" for o in outs):
            self.schedule_erase(delivery, key, chat, current or this)

    async def noted(self, key: bytes, message_id: int | None) -> None:
        """A message the channel sent outside a step (e.g. a recording): Leave deletes it with the rest."""
        current = await self.load(key)
        if current is not None and message_id is not None:
            current.saw(message_id)
            await self.save(key, current)

    # --- erasing ------------------------------------------------------------------------------

    def cancel_erase_later(self, key: bytes) -> None:
        later = self.erase_later.pop(key, None)
        if later is not None:
            later[0].cancel()

    def schedule_erase(self, delivery: Delivery, key: bytes, chat: Any, state: ChatState) -> None:
        """Only the chat's address and two message ids are kept, in memory. When the bot stops, the
        waiting chats are erased at once (`erase_now`), so a restart does not leave them behind."""
        self.cancel_erase_later(key)
        first, top = state.first, state.top or 0

        async def erase() -> None:
            await asyncio.sleep(self.erase_later_seconds)
            await self._erase_chat(delivery, key, chat, first, top)

        task = asyncio.get_running_loop().create_task(erase())
        self.erase_later[key] = (task, delivery, chat, first, top)

    async def _erase_chat(self, delivery: Delivery, key: bytes, chat: Any, first: int | None, top: int) -> None:
        current = await self.load(key)
        if current is not None:
            first = current.first if first is None else min(first, current.first or first)
            top = max(top, current.top or 0)
        self.erase_later.pop(key, None)
        await self.erase(delivery, chat, top, first)
        await self.forget(key)

    async def erase_now(self) -> int:
        """Stopping: erase every chat that waits for "erase in 1 hour", at once; how many."""
        waiting = list(self.erase_later.items())
        for _, (task, *_rest) in waiting:
            task.cancel()
        await asyncio.gather(*(self._erase_chat(delivery, key, chat, first, top)
                               for key, (_, delivery, chat, first, top) in waiting), return_exceptions=True)
        self.erase_later.clear()
        return len(waiting)

    def cancel_all(self) -> None:
        for task, *_rest in self.erase_later.values():
            task.cancel()
        self.erase_later.clear()

    async def erase(self, delivery: Delivery, chat: Any, top: int, first: int | None) -> bool:
        if top <= 0:
            return True
        return await delivery.delete(chat, erase_window(top, first), newest=top)

    # --- the store, never letting its failure stop an answer ----------------------------------

    async def load(self, key: bytes) -> ChatState | None:
        try:
            return await self.sessions.load(key)
        except Exception as exc:  # noqa: BLE001 - the store is down: answer anyway, starting over
            log.warning("the session store could not be read (%s); starting over", type(exc).__name__)
            return None

    async def save(self, key: bytes, state: ChatState) -> None:
        try:
            await self.sessions.save(key, state)
        except Exception as exc:  # noqa: BLE001
            log.warning("the session store could not be written (%s)", type(exc).__name__)

    async def forget(self, key: bytes) -> None:
        try:
            await self.sessions.forget(key)
        except Exception as exc:  # noqa: BLE001
            log.warning("the session store could not be cleared (%s)", type(exc).__name__)
