"""What a channel must do to show a conversation: the `Delivery` interface, with Telegram's and a fake.

The conversation logic that decides *what* goes out (replace the pressed screen, send the rest, keep
one live screen, erase a window of messages) is written once, against this interface
(`deliver`, `erase`); a channel implements only the four verbs, as aiogram-dialog's message
managers do:

    send(chat, out) → message id | None       edit(chat, message_id, out) → shown?
    unbutton(chat, message_id)                delete(chat, message_ids, newest) → all gone?

`FakeDelivery` keeps a chat window in memory, for tests of that logic without any server.
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from .ratelimit import _seconds
from .render import Out

log = logging.getLogger("putokaz")

DELETE_BATCH = 100  # deleteMessages takes up to 100 ids
ERASE_TRIES = 6  # a batch failing with 429 or 5xx is tried again, with backoff, this many times


class Delivery(Protocol):
    """`chat` is the channel's own address of a conversation: a Telegram chat id, a web page."""
    async def send(self, chat: Any, out: Out) -> int | None: ...
    async def edit(self, chat: Any, message_id: int, out: Out) -> bool: ...
    async def unbutton(self, chat: Any, message_id: int) -> None: ...
    async def delete(self, chat: Any, message_ids: list[int], newest: int | None = None) -> bool: ...


async def deliver(d: Delivery, chat: Any, outs: list[Out], pressed: int | None) -> tuple[list[int], int | None]:
    """Replace the pressed screen with the next one where possible; send the rest. Returns the ids
    sent and the id of the message that now carries the live buttons (None: no buttons went out)."""
    sent: list[int] = []
    live: int | None = None
    first = 0
    if pressed is not None and outs and outs[0].kind == "screen" and await d.edit(chat, pressed, outs[0]):
        first = 1
        if outs[0].buttons:
            live = pressed
    for out in outs[first:]:
        mid = await d.send(chat, out)
        if mid is not None:
            sent.append(mid)
            if out.buttons:
                live = mid
    return sent, live


class TelegramDelivery:
    """The Bot API: sendMessage, editMessageText, editMessageReplyMarkup, deleteMessages."""

    def __init__(self, bot, blocked: Callable[[int], object] | None = None):
        from .telegram_adapter import NO_PREVIEW, _markup
        self.bot, self.blocked = bot, blocked
        self._markup, self._no_preview = _markup, NO_PREVIEW

    async def send(self, chat: int, out: Out) -> int | None:
        from telegram.error import Forbidden, TelegramError
        try:
            msg = await self.bot.send_message(chat, out.text, reply_markup=self._markup(out), disable_notification=True,
                                              link_preview_options=self._no_preview)
            return msg.message_id
        except Forbidden:
            if self.blocked is not None:
                await self.blocked(chat)  # type: ignore[misc]  # the person blocked the bot: forget them
        except TelegramError as exc:
            log.warning("a reply could not be sent (%s)", type(exc).__name__)
        return None

    async def edit(self, chat: int, message_id: int, out: Out) -> bool:
        from telegram.error import BadRequest, TelegramError
        try:
            await self.bot.edit_message_text(out.text, chat_id=chat, message_id=message_id,
                                             reply_markup=self._markup(out), link_preview_options=self._no_preview)
            return True
        except BadRequest as exc:
            return "not modified" in str(exc).lower()  # already showing it
        except TelegramError:
            return False  # send it as a new message instead

    async def unbutton(self, chat: int, message_id: int) -> None:
        from telegram.error import TelegramError
        try:
            await self.bot.edit_message_reply_markup(chat_id=chat, message_id=message_id, reply_markup=None)
        except TelegramError:
            pass  # already gone, or already without buttons

    async def delete_one(self, chat: int, message_id: int) -> bool:
        from telegram.error import TelegramError
        try:
            return bool(await self.bot.delete_message(chat, message_id))
        except TelegramError:
            return False  # already gone, too old, or Telegram is busy: leave will try again

    async def delete(self, chat: int, message_ids: list[int], newest: int | None = None) -> bool:
        """Delete these ids, 100 at a time; ids that do not exist are skipped by Telegram. A batch that
        fails with 429 or a server/network error is tried again with backoff (ERASE_TRIES times)."""
        from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
        if len(message_ids) == 1:  # the person's own message, read: deleteMessage
            return await self.delete_one(chat, message_ids[0])
        newest = max(message_ids, default=0) if newest is None else newest
        done = True
        for i in range(0, len(message_ids), DELETE_BATCH):
            batch = message_ids[i : i + DELETE_BATCH]
            delay = 0.5
            for attempt in range(ERASE_TRIES):
                try:
                    # The ids as the JSON text python-telegram-bot would send anyway: it would otherwise
                    # inspect each of the 100 ids for a file to upload (a third of a Leave's CPU time).
                    await self.bot.delete_messages(chat, json.dumps(batch))
                    break
                except RetryAfter as exc:
                    wait = _seconds(getattr(exc, "_retry_after", None) or 1)
                    await asyncio.sleep(min(wait, 60.0))
                except BadRequest:
                    # A Bot API server without deleteMessages (an old self-hosted one), or a batch it
                    # will not take: one by one, the ids that can exist (not those past the newest).
                    for mid in batch:
                        if mid <= newest:
                            await self.delete_one(chat, mid)
                    break
                except Forbidden:
                    return False  # the person blocked the bot: Telegram lets it delete nothing more
                except TelegramError:  # 5xx, time-outs, the network
                    if attempt < ERASE_TRIES - 1:
                        await asyncio.sleep(delay)
                        delay = min(delay * 2, 8.0)
            else:
                done = False
                log.warning("could not erase part of a chat after %d tries", ERASE_TRIES)
        return done


@dataclass
class FakeDelivery:
    """A chat window in memory: what each id shows, and every call, for tests."""
    shown: dict[int, Out] = field(default_factory=dict)
    calls: list[tuple] = field(default_factory=list)
    refuse_edits: bool = False  # as Telegram does for a message older than 48 hours
    _next: int = 100

    async def send(self, chat: int, out: Out) -> int | None:
        self._next += 1
        self.shown[self._next] = out
        self.calls.append(("send", chat, self._next))
        return self._next

    async def edit(self, chat: int, message_id: int, out: Out) -> bool:
        self.calls.append(("edit", chat, message_id))
        if self.refuse_edits or message_id not in self.shown:
            return False
        self.shown[message_id] = out
        return True

    async def unbutton(self, chat: int, message_id: int) -> None:
        self.calls.append(("unbutton", chat, message_id))
        if message_id in self.shown:
            o = self.shown[message_id]
            self.shown[message_id] = Out(o.text, (), o.kind)

    async def delete(self, chat: int, message_ids: list[int], newest: int | None = None) -> bool:
        self.calls.append(("delete", chat, tuple(message_ids)))
        for mid in message_ids:
            self.shown.pop(mid, None)
        return True
