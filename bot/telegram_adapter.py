"""The thin python-telegram-bot layer: updates → engine events, rendered replies → Bot API calls.

One generic handler, no ConversationHandler, no PTB persistence, no user_data/chat_data: the
per-chat state lives in `MemorySessions`, keyed by a keyed hash of the chat id.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field

from telegram import (BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions,
                      Message, Update)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from .config import Settings
from .core import Core
from .engine import Command, Event, Other, Press, Session, Start, Text
from .render import Out
from .sessions import MemorySessions

log = logging.getLogger("putokaz")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
COMMANDS = ("start", "help", "language", "leave")
# Telegram only takes two-letter codes for command menus; Romani has none and sees the default.
MENU_LANGUAGES = {"sr": "sr-Latn", "sq": "sq", "en": "en"}
MEDIA_KINDS = ("photo", "video", "voice", "sticker", "document", "animation", "video_note", "audio",
               "contact", "location", "venue", "poll", "dice", "game", "story")
DELETE_BATCH = 100


@dataclass
class ChatState:
    session: Session
    messages: list[int] = field(default_factory=list)  # ids the bot may delete on leave


def event_of(message: Message) -> Event:
    """What a person sent, as an engine event. Never looks at who sent it."""
    text = message.text
    if text is not None:
        if text.startswith("/"):
            head, _, rest = text.partition(" ")
            name = head[1:].split("@", 1)[0].lower()
            if name == "start":
                return Start(rest.strip()[:64])
            if name in COMMANDS:
                return Command(name)
        return Text(text)
    kind = next((k for k in MEDIA_KINDS if getattr(message, k, None)), "other")
    return Other(kind)


class TelegramAdapter:
    def __init__(self, core: Core, settings: Settings):
        self.core = core
        self.settings = settings
        self.sessions: MemorySessions[ChatState] = MemorySessions(
            ttl_seconds=settings.session_minutes * 60, max_size=settings.session_max)

    # --- building the Application ------------------------------------------------------------

    def build(self, request=None) -> Application:
        """The Application; `request` replaces the HTTP layer (the benchmark records instead of sending)."""
        builder = ApplicationBuilder().token(self.settings.token).post_init(self._post_init)
        if request is not None:
            builder = builder.request(request).get_updates_request(request)
        if self.settings.api_base_url:
            builder = builder.base_url(self.settings.api_base_url)
        if self.settings.file_base_url:
            builder = builder.base_file_url(self.settings.file_base_url)
        app = builder.build()
        app.add_handler(TypeHandler(Update, self.handle))
        app.add_error_handler(self._on_error)
        return app

    async def _post_init(self, app: Application) -> None:
        await self.register_commands(app)
        log.info("ready: %d places, %d services, %d languages", len(self.core.register.places),
                 len(self.core.register.services), len(self.core.texts.languages))

    async def register_commands(self, app: Application) -> None:
        texts = self.core.texts
        for code, lang in [(None, "sr-Latn"), *MENU_LANGUAGES.items()]:
            commands = [BotCommand(c, texts.format(lang, f"cmd-{c}")) for c in COMMANDS]
            try:
                await app.bot.set_my_commands(commands, language_code=code)
            except TelegramError as exc:
                log.warning("could not set the command menu (%s)", type(exc).__name__)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Only the kind of error: an update or its text must never reach a log.
        log.error("error while handling an update: %s", type(context.error).__name__)

    # --- one update ---------------------------------------------------------------------------

    async def handle(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        bot = context.bot
        query = update.callback_query
        message = update.message
        chat = update.effective_chat
        if query is not None:
            try:
                await query.answer()
            except TelegramError:
                pass
            if chat is None or chat.type != ChatType.PRIVATE:
                return
            event: Event = Press(query.data or "")
            pressed = query.message if isinstance(query.message, Message) else None
        elif message is not None and chat is not None:
            if chat.type != ChatType.PRIVATE:
                await self._leave_group(bot, chat.id)
                return
            event, pressed = event_of(message), None
        else:
            return

        key = self.sessions.key(chat.id)
        state = self.sessions.get(key)
        if message is not None and state is not None:
            state.messages.append(message.message_id)
        session, outs = self.core.step(state.session if state else None, event)
        log.debug("%s → %s (%d message(s))", type(event).__name__, session.screen, len(outs))
        if state is None:
            state = ChatState(session, [message.message_id] if message is not None else [])
        state.session = session

        if session.ended:
            self.sessions.drop(key)
            await self._erase(bot, chat.id, state.messages + ([pressed.message_id] if pressed else []))
            for out in outs:
                await self._send(bot, chat.id, out)
            return
        sent = await self._deliver(bot, chat.id, outs, pressed)
        state.messages.extend(sent)
        self.sessions.put(key, state)

    async def _deliver(self, bot, chat_id: int, outs: list[Out], pressed: Message | None) -> list[int]:
        """Replace the pressed screen with the next one where possible; send the rest."""
        sent: list[int] = []
        first = 0
        if pressed is not None and outs and outs[0].kind == "screen":
            try:
                await bot.edit_message_text(outs[0].text, chat_id=chat_id, message_id=pressed.message_id,
                                            reply_markup=_markup(outs[0]),
                                            link_preview_options=NO_PREVIEW)
                first = 1
            except BadRequest as exc:
                if "not modified" in str(exc).lower():
                    first = 1
            except TelegramError:
                pass
        for out in outs[first:]:
            mid = await self._send(bot, chat_id, out)
            if mid is not None:
                sent.append(mid)
        return sent

    async def _send(self, bot, chat_id: int, out: Out) -> int | None:
        try:
            msg = await bot.send_message(chat_id, out.text, reply_markup=_markup(out), disable_notification=True,
                                         link_preview_options=NO_PREVIEW)
            return msg.message_id
        except Forbidden:
            return None  # the person blocked the bot: nothing to do

    async def _erase(self, bot, chat_id: int, message_ids: list[int]) -> None:
        ids = sorted(set(message_ids))
        for i in range(0, len(ids), DELETE_BATCH):
            batch = ids[i : i + DELETE_BATCH]
            try:
                await bot.delete_messages(chat_id, batch)
            except TelegramError:
                for mid in batch:
                    try:
                        await bot.delete_message(chat_id, mid)
                    except TelegramError:
                        pass  # already gone or older than 48 hours

    async def _leave_group(self, bot, chat_id: int) -> None:
        try:
            await bot.send_message(chat_id, self.core.texts.format("sr-Latn", "group-only-private"),
                                   disable_notification=True)
            await bot.leave_chat(chat_id)
        except TelegramError:
            pass


def _markup(out: Out) -> InlineKeyboardMarkup | None:
    return _keyboard(out.buttons) if out.buttons else None


class _SerialisedOnce:
    """For Telegram objects sent unchanged again and again: turn them into JSON-ready dicts once."""

    __slots__ = ()

    def to_dict(self, recursive: bool = True) -> dict:
        try:
            return self._as_dict
        except AttributeError:
            as_dict = super().to_dict(recursive=recursive)
            object.__setattr__(self, "_as_dict", as_dict)  # Telegram objects are frozen after __init__
            return as_dict


class _Keyboard(_SerialisedOnce, InlineKeyboardMarkup):
    __slots__ = ("_as_dict",)


class _NoPreview(_SerialisedOnce, LinkPreviewOptions):
    __slots__ = ("_as_dict",)


NO_PREVIEW = _NoPreview(is_disabled=True)


@functools.lru_cache(maxsize=4096)
def _keyboard(rows: tuple[tuple[tuple[str, str], ...], ...]) -> InlineKeyboardMarkup:
    # Telegram objects are immutable once built, so one keyboard can serve every chat.
    return _Keyboard([[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows])
