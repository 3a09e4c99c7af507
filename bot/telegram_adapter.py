"""The thin python-telegram-bot layer: updates → engine events, rendered replies → Bot API calls.

One generic handler, no ConversationHandler, no PTB persistence, no user_data/chat_data: the
per-chat state lives in `MemorySessions`, keyed by a keyed hash of the chat id. Updates run
concurrently across chats and in order within one (`PerChatProcessor`); outgoing calls keep
Telegram's limits without one chat's 429 pausing the others (`ChatRateLimiter`).
"""
from __future__ import annotations

import asyncio
import functools
import logging
import signal
import time
from dataclasses import replace
from typing import Any

from telegram import (BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message,
                      Update)
from telegram.constants import ChatType
from telegram.error import Conflict, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from .config import Settings
from .core import Core
from .engine import Command, Event, Location, Other, Press, Start, Text, leaves
from .conversation import ChatState, Conversation, Incoming, Store, personal
from .conversation import erase_window as erase_window  # noqa: F401 - where tests and tools found it
from .delivery import TelegramDelivery
from .ratelimit import ChatRateLimiter, PerChatProcessor
from .render import Out
from .vocabulary import COMMANDS, LISTEN
from .sessions import MemorySessions, RedisSessions

log = logging.getLogger("putokaz")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.CHANNEL_POST, Update.MY_CHAT_MEMBER]
# Telegram only takes two-letter codes for command menus; Romani has none and sees the default.
MENU_LANGUAGES = {"sr": "sr-Latn", "sq": "sq", "en": "en"}
MEDIA_KINDS = ("photo", "video", "voice", "sticker", "document", "animation", "video_note", "audio",
               "contact", "location", "venue", "poll", "dice", "game", "story")
# Messages that carry someone's personal data: always deleted, whatever the settings.
PERSONAL = ("contact", "location", "venue")
EXIT_CONFLICT = 3
POOL_SIZE = 8  # HTTP connections to the Bot API (and requests in flight at once)


def telegram_menus(core) -> dict:
    """{language code or None: ([(command, text)], description, short description)} from the locales."""
    texts = core.texts
    args = core.renderer.extra_args

    def fmt(lang: str, mid: str) -> str:
        return texts.format(lang, mid, args)
    out = {}
    for code, lang in [(None, "sr-Latn"), *MENU_LANGUAGES.items()]:
        commands = [(c, fmt(lang, f"cmd-{c}")) for c in COMMANDS]
        description, short = fmt(lang, "bot-description"), fmt(lang, "bot-short-description")
        if code is None and "rom" in texts.languages:  # no language code for Romani: see register_commands
            both = f"{description}\n\n{fmt('rom', 'bot-description')}"
            description = both if len(both) <= 512 else description
        out[code] = (commands, description, short)
    return out


def event_of(message: Message) -> Event:
    """What a person sent, as an engine event. Never looks at who sent it."""
    if message.forward_origin is not None:
        return Other("forward")  # someone else's words: not read
    if message.location is not None:
        return Location(message.location.latitude, message.location.longitude)
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


def make_sessions(settings: Settings) -> MemorySessions[ChatState] | RedisSessions[ChatState]:
    """The per-chat store the settings ask for: in memory (the default), or Redis for several instances."""
    if settings.sessions_url:
        return RedisSessions(settings.sessions_url, settings.session_key.encode(),
                             settings.session_minutes * 60, ChatState.encode, ChatState.decode)
    return MemorySessions[ChatState](ttl_seconds=settings.session_minutes * 60, max_size=settings.session_max)


def make_demand(settings: Settings, core: Core):
    """The answer counter (bot/stats.py), or None when PUTOKAZ_STATS is off."""
    if not settings.stats:
        return None
    from .stats import DemandCounter
    return DemandCounter(settings.stats_db, {p.district for p in core.register.places.values()},
                         core.texts.languages, services=[s.id for s in core.register.services])


_DEFAULT = object()


class TelegramAdapter:
    def __init__(self, core: Core, settings: Settings, sessions=None, demand=_DEFAULT):
        """`sessions` and `demand` come from the composition root (bot/app.py); left out, they are
        made from the settings as it would make them."""
        self.settings = settings
        sessions = sessions or make_sessions(settings)
        self.demand = make_demand(settings, core) if demand is _DEFAULT else demand
        # Core is frozen: this adapter's copy counts answers. The conversation service does the rest.
        self.conversation = Conversation(replace(core, demand=self.demand), sessions, settings.erase_later_seconds)
        self.processor = PerChatProcessor(burst=settings.flood_burst, per_second=settings.flood_per_second,
                                          keyer=sessions.key, max_chats=settings.session_max,
                                          urgent=self._urgent, on_drop=self._dropped)
        self.exit_code = 0
        self.web: Any = None  # the web door (bot/webdoor.py), when PUTOKAZ_WEB_LISTEN is set: served beside
        self.ready = False  # /healthz answers 200 only once the bot is serving
        self._menus_sent: dict | None = None
        self._app: Application | None = None
        self._delivery: TelegramDelivery | None = None
        self._latencies: list[float] = []  # seconds per handled update since the last summary (no content)
        self._health_runner = None

    @property
    def core(self) -> Core:
        return self.conversation.core

    @property
    def sessions(self) -> Store:
        return self.conversation.sessions

    @property
    def erase_later(self) -> dict:
        return self.conversation.erase_later

    # --- building the Application ------------------------------------------------------------

    def build(self, request=None) -> Application:
        """The Application; `request` replaces the HTTP layer (the benchmark records instead of sending)."""
        # httpcore scans every pooled connection and every waiting request on each request: a huge pool
        # costs more CPU than it saves waiting (py-spy under load). 8 connections carry more than
        # Telegram's 30 msg/s; the rate limiter lets no more than that many requests reach the pool.
        builder = (ApplicationBuilder().application_class(ForgetfulApplication).token(self.settings.token)
                   .post_init(self._post_init)
                   .post_stop(self._post_stop).post_shutdown(self._post_shutdown)
                   .concurrent_updates(self.processor)
                   .rate_limiter(ChatRateLimiter(self.settings.max_rate, keyer=self.sessions.key,
                                                 in_flight=POOL_SIZE if request is None else None)))
        if request is not None:
            builder = builder.request(request).get_updates_request(request)
        else:
            builder = builder.connection_pool_size(POOL_SIZE).pool_timeout(10.0)
        app = with_api_urls(builder, self.settings).build()
        app.add_handler(TypeHandler(Update, self.handle))
        app.add_error_handler(self._on_error)
        self._app = app
        return app

    async def _post_init(self, app: Application) -> None:
        loop = asyncio.get_running_loop()
        try:
            loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(self.reload()))
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # no signals here (e.g. not the main thread): the file watcher still works
        self._app = app
        persistence = getattr(self.sessions, "persistence", None)
        if persistence is not None:
            found = await persistence()
            if found:
                log.warning("Redis writes its data to disk (%s): the sessions are encrypted, but turn it off for "
                            "this database (CONFIG SET save \"\" and appendonly no) so nothing is kept at rest",
                            " and ".join(found))
        await self.register_commands(app)
        if self.settings.watch_seconds:
            self._watcher = loop.create_task(self._watch())
        if self.demand is not None:
            self._flusher = loop.create_task(self._flush_every(60))
        self._summary = loop.create_task(self._summarise_every(self.settings.summary_minutes * 60))
        if self.settings.mode == "polling" and self.settings.health_port:
            self._health_runner = await serve_health(self.health, self.settings.health_port)
        if self.web is not None:
            await self.web.start(self.settings.web_listen)
        self.ready = True
        log.info("ready: %d places, %d services, %d languages", len(self.core.register.places),
                 len(self.core.register.services), len(self.core.texts.languages))

    def health(self) -> tuple[int, dict]:
        if not self.ready:
            return 503, {"status": "starting"}
        body = self.core.health()
        if getattr(self.sessions, "degraded", False):
            # Still answering, but a person whose session cannot be read starts over: say so.
            body = {**body, "status": "degraded", "sessions": "unreachable"}
        return 200, body

    async def _summarise_every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            self.summarise(seconds)

    def summarise(self, seconds: float) -> str:
        """One line: how many updates, how fast — counts and times only."""
        times, self._latencies = sorted(self._latencies), []
        p = (lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000) if times else (lambda q: 0.0)  # noqa: E731
        line = (f"summary: updates={len(times)} minutes={seconds / 60:g} p50_ms={p(0.5):.0f} p95_ms={p(0.95):.0f} "
                f"max_ms={(times[-1] * 1000 if times else 0):.0f} flood_dropped={self.processor.dropped} "
                f"sessions={self.sessions.size()}")
        log.info(line)
        return line

    async def _flush_every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            await self._flush()

    async def _flush(self, final: bool = False) -> None:
        if self.demand is None:
            return
        try:
            await self.demand.flush(final=final)
        except Exception as exc:  # noqa: BLE001 - counting must never stop the help
            log.warning("could not write the answer counts (%s)", type(exc).__name__)

    # --- hot reload: keep the last good version -------------------------------------------------

    async def _watch(self) -> None:
        from .core import files_stamp
        stamp = files_stamp(self.settings)
        while True:
            await asyncio.sleep(self.settings.watch_seconds)
            try:
                now = files_stamp(self.settings)
            except OSError:
                continue  # a file is being replaced: look again next time
            if now != stamp:
                stamp = now
                await self.reload()

    async def reload(self) -> bool:
        """Validate the edited files and switch to them at once, or keep serving the last good version."""
        from .core import reload_core
        core = await reload_core(self.settings, self.core)
        if core is None:
            return False
        if self.demand is not None:
            self.demand.services = frozenset(s.id for s in core.register.services)
        self.conversation.core = replace(core, demand=self.demand)
        if self.web is not None:
            self.web.use(core)
        if self._app is not None:
            await self.register_commands(self._app)  # only if the texts changed
        log.info("reloaded: %d screens, %d services, %d languages", len(core.dialogue.screens),
                 len(core.register.services), len(core.texts.languages))
        return True

    async def _post_stop(self, app: Application) -> None:
        """Stopping (SIGTERM): the chats waiting for "erase in 1 hour" are erased now, while the bot
        can still call Telegram, so a restart never leaves them behind."""
        if self.erase_later:
            count = await self.conversation.erase_now()
            log.info("stopping: erased %d chat(s) that were waiting to be erased later", count)
        if self.web is not None:
            await self.web.stop()

    async def _post_shutdown(self, app: Application) -> None:
        self.ready = False
        if self._health_runner is not None:
            await self._health_runner.cleanup()
        for name in ("_watcher", "_flusher", "_summary"):
            task = getattr(self, name, None)
            if task is not None:
                task.cancel()
        if self.demand is not None:
            await self._flush(final=True)
        await self.sessions.close()
        self.conversation.cancel_all()  # only if post_stop did not run (it erases them at once)
        log.info("stopped; %d update(s) dropped by flood control", self.processor.dropped)

    async def register_commands(self, app: Application) -> None:
        """The command menu, description and short description, per Telegram language code.

        Telegram takes two-letter codes only: sr, sq and en get their own texts. Everyone else gets the
        default, and Romani has no code, so the default must be understandable to a Romani speaker:
        the default description is the Serbian text followed by the Romani one (Roma in Serbia read
        Serbian), the default menu and short description are Serbian. Sent again only when changed."""
        menus: dict | None = telegram_menus(self.core)
        if menus == self._menus_sent or menus is None:
            return
        for code, (commands, description, short) in menus.items():
            for what, call in (
                ("command menu", lambda commands=commands, code=code: app.bot.set_my_commands(
                    [BotCommand(c, d) for c, d in commands], language_code=code)),
                ("description", lambda description=description, code=code: app.bot.set_my_description(
                    description, language_code=code)),
                ("short description", lambda short=short, code=code: app.bot.set_my_short_description(
                    short, language_code=code)),
            ):
                try:
                    await call()
                except TelegramError as exc:
                    log.warning("could not set the %s (%s)", what, type(exc).__name__)
                    menus = None  # try again at the next reload
        self._menus_sent = menus

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Only the kind of error: an update or its text must never reach a log.
        error = context.error
        if update is None and isinstance(error, Conflict):
            if self.exit_code != EXIT_CONFLICT:
                log.error("another instance is polling with this token (409 Conflict); stopping this one")
                self.exit_code = EXIT_CONFLICT
                context.application.stop_running()
        elif update is None:
            log.warning("fetching updates failed (%s); retrying", type(error).__name__)
        else:
            log.error("error while handling an update: %s", type(error).__name__)

    # --- one update ---------------------------------------------------------------------------

    def _urgent(self, update: Update) -> bool:
        """Leave goes ahead of whatever the chat has waiting."""
        if update.callback_query is not None:
            return leaves(self.core.dialogue, Press(update.callback_query.data or ""))
        message = update.message
        if message is not None and message.text and message.forward_origin is None:
            if message.text.startswith("/"):
                return leaves(self.core.dialogue, event_of(message))
            if len(message.text) <= 64:  # a typed word for Leave ("izlaz", "bye") and nothing else
                keys = self.core.world.understand(None, message.text)
                return bool(keys) and all(k in ("button:leave", "label:btn-leave", "label:btn-leave-picker")
                                          for k in keys)
        return False

    async def _dropped(self, update: Update) -> None:
        """An update that flood control (or a Leave ahead of it) dropped: still answer the press, so the
        spinner stops, and delete what the person sent, as if it had been read."""
        if self._app is None:
            return
        bot = self._app.bot
        chat = update.effective_chat
        if update.callback_query is not None:
            await self._answer(update.callback_query)
        message = update.message
        if message is not None and chat is not None and chat.type == ChatType.PRIVATE:
            if self.settings.delete_typed or personal(event_of(message)):
                await self._delete(bot, chat.id, message.message_id)

    async def handle(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        started = time.perf_counter()
        try:
            await self._handle(update, context)
        finally:
            if len(self._latencies) < 1_000_000:
                self._latencies.append(time.perf_counter() - started)

    async def _handle(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        bot = context.bot
        query = update.callback_query
        message = update.message
        chat = update.effective_chat
        if chat is None:
            return  # edited messages and the like: ignored
        member = update.my_chat_member
        if chat.type != ChatType.PRIVATE:
            if query is not None:
                await self._answer(query)
            if member is None or member.new_chat_member.status in ("member", "administrator", "restricted"):
                await self._leave_group(bot, chat.id)  # one neutral line, then leave
            return
        if member is not None:
            if member.new_chat_member.status == "kicked":
                await self.conversation.forget(self.sessions.key(chat.id))  # the person blocked the bot: forget them now
            return
        # The reply goes out first; answering the press and deleting the typed message follow at
        # once (the person sees the next screen a round trip sooner).
        if query is not None:
            event: Event = Press(query.data or "")
            pressed = query.message if isinstance(query.message, Message) else None
        elif message is not None:
            event, pressed = event_of(message), None
        else:
            return

        key = self.sessions.key(chat.id)
        if query is not None and (query.data or "").startswith(LISTEN):
            await self._listen(bot, chat.id, key, query)
            return
        late = delete = False
        if message is not None:
            late = time.time() - message.date.timestamp() > self.settings.late_minutes * 60
            delete = self.settings.delete_typed or personal(event)
        await self.conversation.handle(Incoming(
            chat.id, key, event, message=message.message_id if message is not None else None,
            pressed=pressed.message_id if pressed is not None else None, late=late, delete=delete,
            album=message.media_group_id if message is not None else None,
            ack=(lambda: self._answer(query)) if query is not None else None), self.delivery(bot))

    async def _listen(self, bot, chat_id: int, key: bytes, query) -> None:
        """"🔊 Listen": send the operators' recording of a screen, if there is one for this language."""
        await self._answer(query)
        state = await self.conversation.load(key)
        msg_id = (query.data or "")[len(LISTEN):]
        lang = state.session.lang if state else None
        path = self.core.renderer.audio.get((lang, msg_id)) if lang else None
        if state is None or path is None:
            return  # an old button, or the recording was removed: nothing to play
        try:
            sent = await bot.send_voice(chat_id, voice=path.read_bytes())
        except (TelegramError, OSError) as exc:
            log.warning("could not send a recording (%s)", type(exc).__name__)
            return
        await self.conversation.noted(key, sent.message_id)  # leave deletes it with the rest

    async def _answer(self, query) -> None:
        try:
            await query.answer()
        except TelegramError:
            pass  # too old, or Telegram is busy: the person still gets the reply

    def delivery(self, bot) -> TelegramDelivery:
        """This channel's side of bot/delivery.py: the Bot API calls, and forgetting a blocked chat
        (made once per bot, not per call: it sits on the per-update path)."""
        if self._delivery is None or self._delivery.bot is not bot:
            self._delivery = TelegramDelivery(bot, blocked=lambda chat_id: self.conversation.forget(self.sessions.key(chat_id)))
        return self._delivery

    async def _delete(self, bot, chat_id: int, message_id: int) -> bool:
        return await self.delivery(bot).delete_one(chat_id, message_id)

    async def _leave_group(self, bot, chat_id: int) -> None:
        try:
            await bot.send_message(chat_id, self.core.texts.format("sr-Latn", "group-only-private"),
                                   disable_notification=True)
        except TelegramError:
            pass  # a channel may not let the bot write: leave anyway
        try:
            await bot.leave_chat(chat_id)
        except TelegramError:
            pass


def with_api_urls(builder, settings: Settings):
    """TELEGRAM_API_BASE_URL / TELEGRAM_FILE_BASE_URL: a self-hosted or local Bot API server."""
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    if settings.file_base_url:
        builder = builder.base_file_url(settings.file_base_url)
    return builder


async def start_server(app, host: str, port: int):
    from aiohttp import web  # imported here: a bot without /healthz or the web door never loads aiohttp (~9 MiB)
    runner = web.AppRunner(app, access_log=None)  # no access log: it would hold request paths and addresses
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


class ForgetfulApplication(Application):
    """python-telegram-bot's Application, without its one memory of people. After every update it
    notes the chat's and the user's Telegram ids in two sets for its persistence to save, and only a
    persistence run empties them; with no persistence (Putokaz has none) they grow for as long as the
    process lives: every id that ever wrote, in memory, with no time limit. Here nothing is noted
    (tests/test_stateful.py holds it: those sets, chat_data and user_data stay empty)."""

    def _mark_for_persistence_update(self, *, update: object | None = None, job: Any = None) -> None:
        if self.persistence is not None:
            super()._mark_for_persistence_update(update=update, job=job)


async def serve_health(status, port: int):
    """/healthz on 127.0.0.1:<port> (polling mode)."""
    from .web import health_app
    return await start_server(health_app(status), "127.0.0.1", port)


class FallbackAdapter:
    """When the operator files cannot be loaded: every message gets the compiled-in essentials."""

    def __init__(self, settings: Settings, reason: str):
        self.settings, self.reason = settings, reason
        self.exit_code = 0
        self._health_runner = None

    def health(self) -> tuple[int, dict]:
        # Only the state: the operators' error text (file names, their words) is in the log, not here.
        return 503, {"status": "fallback"}

    def build(self, request=None) -> Application:
        builder = (ApplicationBuilder().application_class(ForgetfulApplication).token(self.settings.token)
                   .post_init(self._post_init)
                   .post_shutdown(self._post_shutdown).concurrent_updates(True))
        app = with_api_urls(builder, self.settings).build()
        app.add_handler(TypeHandler(Update, self.handle))
        return app

    async def _post_init(self, app: Application) -> None:
        if self.settings.mode == "polling" and self.settings.health_port:
            self._health_runner = await serve_health(self.health, self.settings.health_port)
        log.error("serving the fallback reply only: %s", self.reason)

    async def _post_shutdown(self, app: Application) -> None:
        if self._health_runner is not None:
            await self._health_runner.cleanup()

    async def handle(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        from .fallback import FALLBACK_TEXT
        chat = update.effective_chat
        if update.callback_query is not None:
            try:
                await update.callback_query.answer()
            except TelegramError:
                pass
        if chat is None or chat.type != ChatType.PRIVATE or not (update.message or update.callback_query):
            return
        try:
            await context.bot.send_message(chat.id, FALLBACK_TEXT, disable_notification=True)
        except TelegramError as exc:
            log.warning("a reply could not be sent (%s)", type(exc).__name__)


class _SerialisedOnce:
    """For Telegram objects sent unchanged again and again: turn them into JSON-ready dicts once."""

    __slots__ = ()

    def to_dict(self, recursive: bool = True) -> dict:
        try:
            return self._as_dict  # type: ignore[attr-defined]  # set below, once
        except AttributeError:
            as_dict = super().to_dict(recursive=recursive)  # type: ignore[misc]  # a mixin before a TelegramObject
            object.__setattr__(self, "_as_dict", as_dict)  # Telegram objects are frozen after __init__
            return as_dict


class _Keyboard(_SerialisedOnce, InlineKeyboardMarkup):
    __slots__ = ("_as_dict",)


class _NoPreview(_SerialisedOnce, LinkPreviewOptions):
    __slots__ = ("_as_dict",)


NO_PREVIEW = _NoPreview(is_disabled=True)


def _markup(out: Out) -> InlineKeyboardMarkup | None:
    return _keyboard(out.buttons) if out.buttons else None


@functools.lru_cache(maxsize=4096)
def _keyboard(rows: tuple[tuple[tuple[str, str], ...], ...]) -> InlineKeyboardMarkup:
    # Telegram objects are immutable once built, so one keyboard can serve every chat.
    return _Keyboard([[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows])
