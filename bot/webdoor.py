"""The web door: the same conversation as an anonymous web page, for people without Telegram.

    browser ──POST / (csrf, b=button | t=typed)──▶ WebDoor.post ──Incoming──▶ Conversation.handle
       ▲                                                                       │ PageDelivery
       └──────── 303 → GET / ◀── the page: the messages of the last step ◀─────┘

- Works with JavaScript off: every button is a form button that POSTs; the town is a text field.
  After a POST the browser is sent to GET / (post/redirect/get), so Back and reload never resend.
- Nothing is left behind: the session lives in this process's memory under a random token kept in a
  session cookie (HttpOnly, SameSite=Strict, Secure when PUTOKAZ_WEB_URL is https, no expiry) and
  dies with Leave, the quick exit or the idle limit. Every response says `Cache-Control: no-store`;
  a Content-Security-Policy allows nothing but this server's own CSS and script; no access log.
- The same protections as Telegram: per-person pacing (taps wait their turn, none is lost), a small
  request size limit, a CSRF token in every form; answers are counted by the same counter.
- The quick exit (a link on every page; Esc twice with JavaScript on) forgets the session, clears the
  cookie and replaces the page with a neutral site (PUTOKAZ_WEB_EXIT_URL).
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import html
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from aiohttp import web

from .config import Settings
from .conversation import ChatState, Conversation, Incoming
from .core import Core
from .engine import Command, Press, Start, Text
from .render import Out, Renderer
from .sessions import MemorySessions
from .vocabulary import LISTEN, WEB_IDS  # noqa: F401 - WEB_IDS: the words the page needs

log = logging.getLogger("putokaz.web")

COOKIE = "s"
MAX_BODY = 8 * 1024  # a form with one field: far more than enough
MAX_TYPED = 300  # characters of a typed answer (a town); the rest is cut
MAX_WAIT = 20.0  # seconds a tap may wait for its turn (pacing) before it is told to slow down
LEAVE = "~leave"  # the page's own Leave button (the /leave command), where a screen offers none
PREFIX = "web-"  # the web's own wording: web-privacy replaces privacy (locales/<lang>/web.ftl)
CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), interest-cohort=()",
}
HTML_LANG = {"sr-Latn": "sr-Latn", "sr-Cyrl": "sr-Cyrl", "rom": "rom", "sq": "sq", "en": "en"}


def web_core(core: Core) -> Core:
    """The serving core with the web's wording: a renderer over `web-` texts, no recordings (yet)."""
    renderer = Renderer(core.texts.for_channel(PREFIX), core.register, core.renderer.extra_args,  # type: ignore[arg-type]
                        now=core.renderer.now)
    return replace(core, renderer=renderer)


@dataclass
class Page:
    """One browser's window: the messages of the last step that changed it. Memory only."""
    outs: list[Out] = field(default_factory=list)
    fresh: bool = False
    next_id: int = 0
    last_press: str = ""  # the button data of the last press handled (a double tap sends it twice)


class PageDelivery:
    """Delivery (bot/delivery.py) for a web page: what a step sends becomes the page; erase empties it."""

    async def send(self, chat: Page, out: Out) -> int | None:
        if chat.fresh:
            chat.outs, chat.fresh = [], False
        chat.outs.append(out)
        chat.next_id += 1
        return chat.next_id

    async def edit(self, chat: Page, message_id: int, out: Out) -> bool:
        return False  # a page has no earlier message to change: the step's screen is sent anew

    async def unbutton(self, chat: Page, message_id: int) -> None:
        return None  # only the last step's buttons are ever on the page

    async def delete(self, chat: Page, message_ids: list[int], newest: int | None = None) -> bool:
        if len(message_ids) > 1:  # an erase (Leave, "erase in 1 hour"); a single id is a typed answer, never shown
            chat.outs = []
        return True


def phone_links(core: Core) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Every number of the register as the answer prints it → a tel: address to tap (+381 for the
    full numbers, so it dials from a foreign SIM too; short numbers such as 194 as they are)."""
    tel: dict[str, str] = {}
    for service in core.register.services:
        for phone in service.phones:
            digits = phone.number.replace(" ", "")
            tel[phone.number] = "+381" + digits[1:] if digits.startswith("0") else digits
    if not tel:
        return None, tel
    pattern = "|".join(re.escape(n) for n in sorted(tel, key=len, reverse=True))
    return re.compile(rf"(?<![\d+])(?:{pattern})(?![\d])"), tel


def _redirect(to: str) -> web.Response:
    """303 See Other: after a POST the browser GETs the page (Back and reload never resend)."""
    return web.Response(status=303, headers={"Location": to})


class Pacer:
    """Per person, GCRA: `burst` taps at once, then `per_second`; a tap beyond waits its turn."""

    def __init__(self, burst: float, per_second: float, max_keys: int = 100_000):
        self.interval = 1.0 / per_second
        self.tolerance = (burst - 1) * self.interval
        self._tat: dict[bytes, float] = {}
        self.max_keys = max_keys

    def wait(self, key: bytes, now: float | None = None) -> float:
        """Seconds this tap must wait (0: now); books its turn."""
        now = time.monotonic() if now is None else now
        if len(self._tat) > self.max_keys:
            self._tat = {k: t for k, t in self._tat.items() if t > now}
        tat = max(self._tat.get(key, now), now)
        wait = max(0.0, tat - self.tolerance - now)
        self._tat[key] = tat + self.interval
        return wait

    def forget(self, key: bytes) -> None:
        self._tat.pop(key, None)


class WebDoor:
    def __init__(self, core: Core, settings: Settings, demand=None):
        self.settings = settings
        minutes = settings.session_minutes * 60
        # In this process's memory only, whatever PUTOKAZ_SESSIONS says: a web session never leaves it.
        self.sessions: MemorySessions[ChatState] = MemorySessions(minutes, settings.session_max)
        self.conversation = Conversation(self._core(core, demand), self.sessions, settings.erase_later_seconds)
        self._phones, self._tel = phone_links(core)
        self.pages: MemorySessions[Page] = MemorySessions(minutes, settings.session_max)
        self.delivery = PageDelivery()
        self.pacer = Pacer(settings.flood_burst, settings.flood_per_second)
        self._locks: dict[bytes, asyncio.Lock] = {}
        self._secret = os.urandom(32)  # CSRF tokens: an HMAC of the session token, nothing stored
        self.secure = settings.web_url.startswith("https://")
        self._static = {name: (resources.files("bot").joinpath("static", name).read_bytes(), kind)
                        for name, kind in (("site.css", "text/css"), ("exit.js", "text/javascript"))}
        self._runner: Any = None

    @staticmethod
    def _core(core: Core, demand) -> Core:
        return replace(web_core(core), demand=demand if demand is not None else core.demand)

    @property
    def core(self) -> Core:
        return self.conversation.core

    def use(self, core: Core) -> None:
        """A reload: serve the new files (the answer counter stays the same)."""
        self.conversation.core = self._core(core, self.conversation.core.demand)
        self._phones, self._tel = phone_links(core)

    # --- the HTTP server ----------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._headers])
        app.router.add_get("/", self.get)
        app.router.add_post("/", self.post)
        app.router.add_get("/exit", self.exit)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/favicon.ico", self.no_icon)
        app.router.add_get("/static/{name}", self.static)
        app.router.add_get("/{preset:[A-Za-z0-9_/-]{1,64}}", self.preset)
        return app

    async def start(self, listen: str) -> None:
        from .web import parse_listen
        host, port = parse_listen(listen)
        runner = web.AppRunner(self.app(), access_log=None)  # no access log: it would hold paths and addresses
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        self._runner = runner
        log.info("web door: listening on %s:%d", host, port)

    async def stop(self) -> None:
        await self.conversation.erase_now()
        self.conversation.cancel_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @web.middleware
    async def _headers(self, request: web.Request, handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if exc.status in (413,):
                response = self._plain(413, "Too much was sent.")
            elif exc.status in (404, 405):
                # a plain "not found", never a new session: browsers ask for /favicon.ico by themselves
                response = self._plain(exc.status, "Not found. The start is at /" if exc.status == 404 else "")
            else:
                raise
        except Exception as exc:  # noqa: BLE001 - nothing of the request is logged, only the kind of error
            log.error("web door: error while answering (%s)", type(exc).__name__)
            response = self._plain(500, "Something went wrong. Please go back to the start: /")
        response.headers.update(HEADERS)
        return response

    @staticmethod
    def _plain(status: int, text: str) -> web.Response:
        return web.Response(status=status, text=text, content_type="text/plain", charset="utf-8")

    async def healthz(self, request: web.Request) -> web.Response:
        return web.json_response(self.core.health())

    async def no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)  # no icon: nothing that could stay in a browser's icon cache

    async def static(self, request: web.Request) -> web.Response:
        found = self._static.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        body, kind = found
        return web.Response(body=body, content_type=kind, charset="utf-8")

    # --- sessions -------------------------------------------------------------------------------

    def _token(self, request: web.Request) -> str | None:
        token = request.cookies.get(COOKIE, "")
        return token if 20 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum() else None

    def _key(self, token: str) -> bytes:
        return self.sessions.key(token.encode())  # a keyed hash: the token is never a key

    def _csrf(self, token: str) -> str:
        return hmac.new(self._secret, token.encode(), hashlib.sha256).hexdigest()[:32]

    def _secure(self, request: web.Request | None) -> bool:
        """Secure cookies behind TLS: PUTOKAZ_WEB_URL is https, or the TLS proxy says it was https."""
        return self.secure or (request is not None and request.headers.get("X-Forwarded-Proto", "").lower() == "https")

    def _set_cookie(self, response: web.StreamResponse, token: str, request: web.Request | None = None) -> None:
        response.set_cookie(COOKIE, token, path="/", httponly=True, samesite="Strict", secure=self._secure(request))

    def _clear_cookie(self, response: web.StreamResponse, request: web.Request) -> None:
        # The browser is told to drop everything of this site too: cookies, storage, cache.
        response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        response.del_cookie(COOKIE, path="/")
        # del_cookie cannot say SameSite: write the header ourselves so it matches the one that set it
        morsel = response.cookies[COOKIE]
        morsel["httponly"], morsel["samesite"] = True, "Strict"
        if self._secure(request):
            morsel["secure"] = True

    async def _forget(self, key: bytes) -> None:
        self.conversation.cancel_erase_later(key)
        await self.conversation.forget(key)
        self.pages.drop(key)
        self.pacer.forget(key)

    def _more(self, data: str) -> bool:
        screen_name, _, button_id = data.partition("|")
        screen = self.core.dialogue.screens.get(screen_name)
        button = screen.button(button_id) if screen is not None else None
        return button is not None and ("page", "more") in button.set

    async def _step(self, key: bytes, event, page: Page) -> None:
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                if isinstance(event, Press):
                    state = self.sessions.get(key)
                    if (event.data == page.last_press and state is not None
                            and not event.data.startswith(state.session.screen + "|")):
                        return  # a double tap (or double click): the same button again, already handled
                    page.last_press = event.data
                else:
                    page.last_press = ""
                # "More" adds the rest of a long answer under what is shown, as on Telegram; any
                # other step replaces the page with what it says
                page.fresh = not (isinstance(event, Press) and self._more(event.data))
                await self.conversation.handle(Incoming(page, key, event), self.delivery)
        finally:
            if not lock.locked() and not getattr(lock, "_waiters", None):
                self._locks.pop(key, None)

    # --- what a person does ---------------------------------------------------------------------

    async def get(self, request: web.Request) -> web.Response:
        """The page as it stands; a new conversation when there is none."""
        token = self._token(request)
        if token is not None:
            key = self._key(token)
            state, page = self.sessions.get(key), self.pages.get(key)
            if state is not None and page is not None and page.outs:
                return self._page(token, state.session, page.outs)
            return await self._begin(request, Start(""), notice="web-expired")  # the idle limit ended it
        return await self._begin(request, Start(""))

    async def preset(self, request: web.Request) -> web.StreamResponse:
        """/sq, /sr-Cyrl/nis/danger: the deep links of `python -m bot link --web`; anything else → the start."""
        payload = request.match_info["preset"].strip("/").replace("/", "_")
        response = await self._begin(request, Start(payload))
        redirect = _redirect("/")  # the address bar (and history) then shows only "/"
        for morsel in response.cookies.values():
            redirect.cookies[morsel.key] = morsel
        return redirect

    async def _begin(self, request: web.Request, event: Start, notice: str | None = None) -> web.Response:
        token = secrets.token_urlsafe(32)
        key = self._key(token)
        page = Page()
        self.pages.put(key, page)
        await self._step(key, event, page)
        state = self.sessions.get(key)
        response = self._page(token, state.session if state else None, page.outs, notice=notice)
        self._set_cookie(response, token, request)
        return response

    async def post(self, request: web.Request) -> web.StreamResponse:
        token = self._token(request)
        if request.content_length is not None and request.content_length > MAX_BODY:
            return self._plain(413, "Too much was sent.")
        form = await request.post()
        key = self._key(token) if token else None
        state = self.sessions.get(key) if key else None
        if token is None or key is None or state is None:
            return _redirect("/")  # expired or left: start again (nothing sent is acted on)
        if not hmac.compare_digest(str(form.get("csrf", "")), self._csrf(token)):
            return _redirect("/")  # not from our own page: ignored
        button, typed = form.get("b"), form.get("t")
        if button == LEAVE:  # the page's own Leave, on a screen whose buttons have none
            event: Command | Press | Text = Command("leave")
        elif isinstance(button, str) and button and not button.startswith(LISTEN):
            event = Press(button[:64])
        elif isinstance(typed, str) and typed.strip():
            event = Text(typed.strip()[:MAX_TYPED])
        else:
            return _redirect("/")  # an empty field: the page as it was
        wait = self.pacer.wait(key)
        if wait > MAX_WAIT:
            page = self.pages.get(key)
            return self._page(token, state.session, page.outs if page else [], notice="web-slow", status=429)
        if wait > 0:
            await asyncio.sleep(wait)  # taps wait their turn: none is lost
        page = self.pages.get(key) or Page()
        self.pages.put(key, page)
        await self._step(key, event, page)
        after = self.sessions.get(key)
        if after is None:  # Leave: the goodbye, once, with the cookie gone; Back finds nothing
            await self._forget(key)
            response = self._page(None, None, page.outs, lang=state.session.lang, ended=True)
            self._clear_cookie(response, request)
            return response
        return _redirect("/")

    async def exit(self, request: web.Request) -> web.StreamResponse:
        """The quick exit: forget everything, clear the cookie, go to a neutral site."""
        token = self._token(request)
        if token is not None:
            await self._forget(self._key(token))
        response = _redirect(self.settings.web_exit_url)
        self._clear_cookie(response, request)
        return response

    # --- the page -------------------------------------------------------------------------------

    def _linked(self, text: str) -> str:
        """Each register number in an (escaped) message becomes a link that calls it with one tap."""
        if self._phones is None:
            return text
        return self._phones.sub(lambda m: f'<a class="tel" href="tel:{self._tel[m.group(0)]}">{m.group(0)}</a>', text)

    def _page(self, token: str | None, session, outs: list[Out], lang: str | None = None, ended: bool = False,
              notice: str | None = None, status: int = 200) -> web.Response:
        lang = lang or (session.lang if session else None)
        texts = self.core.renderer.texts

        def t(mid: str) -> str:
            return html.escape(texts.format(lang, mid, self.core.renderer.extra_args))
        esc = html.escape
        parts = [f'<!doctype html><html lang="{HTML_LANG.get(lang or "", "sr-Latn")}"><head><meta charset="utf-8">'
                 '<meta name="viewport" content="width=device-width,initial-scale=1">'
                 '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow">'
                 f'<title>{t("web-title")}</title><link rel="stylesheet" href="/static/site.css">'
                 '<script src="/static/exit.js" defer></script></head><body>'
                 f'<header><h1>{t("web-title")}</h1>'
                 f'<a id="exit" class="exit" href="/exit" title="{t("web-exit-hint")}">{t("web-exit")}</a>'
                 '</header><main>']
        if notice and lang:
            parts.append(f'<p class="msg hint" role="status">{t(notice)}</p>')
        elif notice:  # before a language is chosen (or after the session is gone): in every language
            parts.append('<div role="status">' + "".join(
                f'<p class="msg hint" lang="{HTML_LANG.get(tag, tag)}">'
                f'{html.escape(texts.format(tag, notice, self.core.renderer.extra_args))}</p>'
                for tag in self.core.dialogue.languages) + "</div>")
        csrf = esc(self._csrf(token)) if token else ""
        buttons: list[tuple[tuple[str, str], ...]] = []
        for out in outs:
            cls = "msg hint" if out.kind == "hint" else "msg"
            parts.append(f'<p class="{cls}">{self._linked(esc(out.text))}</p>')
            if out.buttons:  # one live screen: only the newest message's buttons are offered
                buttons = [tuple((label, data) for label, data in row if not data.startswith(LISTEN))
                           for row in out.buttons]
        screen = self.core.dialogue.screens.get(session.screen) if session is not None and not ended else None
        if screen is not None and screen.kind.typed and token:
            parts.append(f'<form method="post" action="/" class="typed"><input type="hidden" name="csrf" value="{csrf}">'
                         f'<label for="t">{t("web-type-label")}</label><div class="row">'
                         f'<input id="t" name="t" type="text" maxlength="{MAX_TYPED}" autocomplete="off" '
                         'autocapitalize="words" spellcheck="false" enterkeyhint="send" required>'
                         f'<button type="submit">{t("web-send")}</button></div></form>')
        rows = [row for row in buttons if row]
        if token and not ended and not any(data.endswith("|leave") for row in rows for _, data in row):
            rows.append(((texts.format(lang, "btn-leave", self.core.renderer.extra_args), LEAVE),))  # Leave on every page
        if rows and token and not ended:
            parts.append(f'<form method="post" action="/" class="buttons"><input type="hidden" name="csrf" value="{csrf}">')
            for row in rows:
                parts.append('<div class="row">' + "".join(
                    f'<button type="submit" name="b" value="{esc(data)}"'
                    f'{" class=leave" if data.endswith("|leave") or data == LEAVE else ""}>'
                    f'{esc(label)}</button>' for label, data in row) + "</div>")
            parts.append("</form>")
        if ended or not token:
            parts.append(f'<p><a class="again" href="/">{t("web-start-again")}</a></p>')
        parts.append("</main></body></html>")
        return web.Response(status=status, text="".join(parts), content_type="text/html", charset="utf-8")


async def serve(settings: Settings) -> int:
    """`python -m bot web`: the web door alone, until SIGTERM/SIGINT; edited files are picked up."""
    import signal

    from .config import WEB_LISTEN
    from .core import load_core
    from .problems import InvalidFiles
    from .telegram_adapter import make_demand
    try:
        core = await load_core(settings)
    except InvalidFiles as exc:
        print(f"error: the operator files have errors; fix them and start again:\n{exc}")
        return 1
    demand = make_demand(settings, core)
    door = WebDoor(core, settings, demand=demand)
    await door.start(settings.web_listen or WEB_LISTEN)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    tasks = []
    if demand is not None:
        tasks.append(loop.create_task(_every(60, demand.flush)))
    if settings.watch_seconds:
        tasks.append(loop.create_task(_watch(settings, door)))
    await stop.wait()
    for task in tasks:
        task.cancel()
    await door.stop()
    if demand is not None:
        try:
            await demand.flush(final=True)
        except Exception as exc:  # noqa: BLE001
            log.warning("could not write the answer counts (%s)", type(exc).__name__)
    log.info("web door: stopped")
    return 0


async def _every(seconds: float, call) -> None:
    while True:
        await asyncio.sleep(seconds)
        try:
            await call()
        except Exception as exc:  # noqa: BLE001 - counting never stops the help
            log.warning("could not write the answer counts (%s)", type(exc).__name__)


async def _watch(settings: Settings, door: WebDoor) -> None:
    from .core import files_stamp, reload_core
    stamp = files_stamp(settings)
    while True:
        await asyncio.sleep(settings.watch_seconds)
        try:
            now = files_stamp(settings)
        except OSError:
            continue
        if now != stamp:
            stamp = now
            core = await reload_core(settings, door.core)
            if core is not None:
                if door.core.demand is not None:
                    door.core.demand.services = frozenset(s.id for s in core.register.services)
                door.use(core)
