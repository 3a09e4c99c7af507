"""The web door (bot/webdoor.py) over real HTTP on 127.0.0.1: aiohttp's test server and client, the
shipped core and settings. What a browser without JavaScript does: GET a page, POST a form, follow
the redirect. The real browser (chromium, JavaScript on and off) is in test_browser.py."""
from __future__ import annotations

import asyncio
import html
import logging
import re
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp import ClientSession, CookieJar
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.conversation import Conversation, Incoming
from bot.delivery import FakeDelivery
from bot.engine import Press, Start, Text
from bot.sessions import MemorySessions
from bot.webdoor import CSP, LEAVE, MAX_BODY, WebDoor

ROOT = Path(__file__).resolve().parent.parent
MSG = re.compile(r'<p class="msg[^"]*"[^>]*>(.*?)</p>', re.S)
BUTTON = re.compile(r'<button type="submit" name="b" value="([^"]*)"')
CSRF = re.compile(r'name="csrf" value="([^"]*)"')
TYPED_CANARY = "Zqxjwebcanary"


class Person:
    """One browser with JavaScript off: its cookie jar, the page it shows, and what it can press."""

    def __init__(self, client: TestClient, door: WebDoor):
        self.client, self.door = client, door
        self.page, self.status, self.headers = "", 0, {}

    async def _took(self, response) -> None:
        self.page, self.status, self.headers = await response.text(), response.status, response.headers

    async def open(self, path: str = "/") -> None:
        await self._took(await self.client.get(path))

    @property
    def token(self) -> str | None:
        cookie = self.client.session.cookie_jar.filter_cookies(self.client.make_url("/")).get("s")
        return cookie.value if cookie is not None and cookie.value else None

    @property
    def state(self):
        return self.door.sessions.get(self.door._key(self.token)) if self.token else None

    def messages(self) -> list[str]:
        return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in MSG.findall(self.page)]  # the words, no links

    def text(self) -> str:
        """Everything the page says, as one string (a step's screens can share one message)."""
        return "\n\n".join(self.messages())

    def buttons(self) -> list[str]:
        return [html.unescape(v) for v in BUTTON.findall(self.page)]

    def csrf(self) -> str:
        found = CSRF.search(self.page)
        assert found, "no form on this page"
        return found.group(1)

    async def press(self, button_id: str) -> None:
        data = next((b for b in self.buttons() if b == button_id or b.endswith("|" + button_id)), None)
        assert data is not None, (button_id, self.buttons())
        await self.post(b=data)

    async def type(self, text: str) -> None:
        assert 'name="t"' in self.page, "this page has no text field"
        await self.post(t=text)

    async def post(self, **form: str) -> None:
        await self._took(await self.client.post("/", data={"csrf": self.csrf(), **form}))


@pytest.fixture
async def door(core, settings):
    door = WebDoor(core, settings)
    client = TestClient(TestServer(door.app(), host="127.0.0.1"))
    await client.start_server()
    door.client = client  # type: ignore[attr-defined]
    try:
        yield door
    finally:
        await client.close()
        door.conversation.cancel_all()


@pytest.fixture
def person(door):
    return Person(door.client, door)


def t(core, lang, mid, **args) -> str:
    return core.texts.format(lang, mid, {**core.renderer.extra_args, **args})


async def test_every_response_says_no_store_and_the_csp(door, person):
    c = door.client
    responses = [await c.get("/", allow_redirects=False), await c.get("/static/site.css"), await c.get("/static/exit.js"),
                 await c.get("/healthz"), await c.get("/nowhere/at/all", allow_redirects=False),
                 await c.get("/en", allow_redirects=False), await c.post("/", data={"b": "x"}, allow_redirects=False),
                 await c.get("/exit", allow_redirects=False), await c.get("/static/missing.js", allow_redirects=False),
                 await c.post("/", data={"t": "x" * (MAX_BODY + 10)}, allow_redirects=False),
                 await c.get("/favicon.ico", allow_redirects=False), await c.get("/x.php", allow_redirects=False)]
    assert [r.status for r in responses] == [200, 200, 200, 200, 303, 303, 303, 303, 404, 413, 204, 404]
    assert "Set-Cookie" not in responses[-2].headers and "Set-Cookie" not in responses[-1].headers  # no session for those
    for r in responses:
        assert r.headers["Cache-Control"].startswith("no-store"), r.url
        assert r.headers["Content-Security-Policy"] == CSP
        assert "default-src 'none'" in CSP and "http" not in CSP  # nothing but this server itself
        assert r.headers["Referrer-Policy"] == "no-referrer" and r.headers["X-Frame-Options"] == "DENY"
    page = await responses[0].text()
    # nothing from elsewhere: every src/href/action on the page is this server's own path
    for ref in re.findall(r'(?:src|href|action)="([^"]*)"', page):
        assert (ref.startswith("/") and not ref.startswith("//")) or ref.startswith("tel:"), ref
    assert "<link rel=\"stylesheet\" href=\"/static/site.css\">" in page and "@font-face" not in (await responses[1].text())


async def test_the_cookie_is_a_session_cookie_httponly_strict_and_secure_behind_tls(core, settings):
    for url, secure in (("", False), ("https://pomoc.example.org", True)):
        door = WebDoor(core, replace(settings, web_url=url))
        async with TestClient(TestServer(door.app(), host="127.0.0.1")) as c:
            r = await c.get("/")
            header = r.headers["Set-Cookie"]
            assert header.startswith("s=") and "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header
            assert "expires" not in header.lower() and "max-age" not in header.lower()  # dies with the browser
            assert ("Secure" in header) is secure
            if not secure:  # behind a TLS proxy that says so, Secure even without PUTOKAZ_WEB_URL
                c.session.cookie_jar.clear()
                proxied = await c.get("/", headers={"X-Forwarded-Proto": "https"}, allow_redirects=False)
                assert "Secure" in proxied.headers["Set-Cookie"]
            token = header.split(";")[0][2:]
            assert len(token) >= 40 and token not in (await r.text())  # the token never appears in the page
        door.conversation.cancel_all()


async def test_whole_conversation_in_english_same_answer_as_telegram(core, door, person):
    await person.open("/")
    assert person.state.session.screen == "language" and person.messages() == [t(core, None, "choose-language")]
    assert "language|=sq" in person.buttons() and "language|=sr-Cyrl" in person.buttons()
    assert 'name="t"' not in person.page  # no text field where nothing is to be typed
    await person.press("language|=en")
    s = person.state.session
    assert s.lang == "en" and s.screen == "danger"
    assert t(core, "en", "ask-danger") in person.text() and t(core, "en", "privacy-short") in person.text()
    await person.press("privacy")
    assert t(core, "en", "web-privacy") in person.text()  # the web's own privacy note, not Telegram's
    assert t(core, "en", "privacy", typed="deleted") not in person.text()
    await person.press("no")
    assert person.state.session.screen == "need"
    await person.press("shelter")
    assert person.state.session.screen == "town" and 'name="t"' in person.page and 'for="t"' in person.page
    await person.type("Niš")
    s = person.state.session
    assert s.screen == "answer" and s.place == "nis" and s.need == "shelter"
    web_answer = person.messages()

    # The same steps on Telegram's renderer give the same answer, word for word
    conv, d = Conversation(core, MemorySessions()), FakeDelivery()
    key = conv.sessions.key(1)
    for event in (Start(""), Press("language|=en"), Press("danger|no"), Press("need|shelter"), Text("Niš")):
        await conv.handle(Incoming(1, key, event), d)
    tg = conv.sessions.get(key)
    assert (tg.session.screen, tg.session.place, tg.session.need) == ("answer", "nis", "shelter")
    answer_ids = [mid for mid in sorted(d.shown) if mid >= tg.first][-len(web_answer):]
    assert [d.shown[mid].text for mid in answer_ids] == web_answer
    assert any("Niš" in m for m in web_answer) and any(re.search(r"\d{3}", m) for m in web_answer)  # numbers shown
    # every number shown is a link that calls it, and each such number is one of the register's
    links = dict((num, tel) for tel, num in re.findall(r'<a class="tel" href="tel:([+0-9]+)">([0-9 ]+)</a>', person.page))
    numbers = {p.number for s in core.register.services for p in s.phones}
    assert links and set(links) <= numbers
    assert all(tel == ("+381" + num.replace(" ", "")[1:] if num.startswith("0") else num.replace(" ", ""))
               for num, tel in links.items())
    assert "need|leave" not in person.buttons() and any(b.endswith("|leave") for b in person.buttons())


async def test_whole_conversation_in_albanian_from_a_preset_path(core, door, person):
    await person.open("/sq/nis/danger")  # as `python -m bot link --web --lang sq --town Niš --screen danger` makes
    assert str(person.client.make_url("/")) in str(person.headers.get("Location", "")) or person.status == 200
    s = person.state.session
    assert s.lang == "sq" and s.place == "nis" and s.screen == "need"
    assert t(core, "sq", "emergency") in person.text() and t(core, "sq", "ask-need") in person.text()
    assert '<html lang="sq">' in person.page
    assert 'href="tel:192"' in person.page and 'href="tel:194"' in person.page  # emergency: short numbers, as dialled
    await person.press("legal")
    s = person.state.session
    assert s.screen == "answer" and s.need == "legal" and s.place == "nis"  # the town came with the link
    assert any(t(core, "sq", "section-national") in m or "Niš" in m for m in person.messages())


async def test_every_language_path_opens_its_language(door, person):
    for tag in ("sr-Latn", "sr-Cyrl", "rom", "sq", "en"):
        await person.open(f"/{tag}")
        assert person.state.session.lang == tag and f'<html lang="{tag}">' in person.page


async def test_a_form_from_elsewhere_is_ignored(door, person):
    await person.open("/")
    before = person.state.session
    r = await door.client.post("/", data={"csrf": "0" * 32, "b": "language|=en"}, allow_redirects=False)
    assert r.status == 303 and person.state.session == before  # nothing acted on
    r = await door.client.post("/", data={"b": "language|=en"}, allow_redirects=False)
    assert r.status == 303 and person.state.session == before
    await person.press("language|=en")
    assert person.state.session.lang == "en"  # the page's own form works


async def test_a_post_without_a_session_starts_nothing(door, person):
    r = await door.client.post("/", data={"csrf": "x", "b": "language|=en"}, allow_redirects=False)
    assert r.status == 303 and r.headers["Location"] == "/" and len(door.sessions) == 0


async def test_too_much_sent_is_refused_and_a_long_town_is_cut(core, door, person):
    await person.open("/en")
    await person.press("no")
    await person.press("legal")
    r = await door.client.post("/", data={"csrf": person.csrf(), "t": "N" * (MAX_BODY + 1)}, allow_redirects=False)
    assert r.status == 413 and person.state.session.screen == "town"  # nothing lost: still asked for the town
    await person.type("Niš " + "x" * 2000)
    assert person.state.session.screen in ("answer", "town-missing", "pick-town")


async def test_odd_input_gets_a_helpful_reply_and_loses_nothing(core, door, person):
    await person.open("/en")
    await person.post(b="danger|nonsense")  # a tampered button
    assert person.state.session.screen == "danger" and person.status == 200
    await person.post(b="")  # nothing
    assert person.state.session.screen == "danger"
    await person.press("no")
    await person.press("health")
    await person.type("Zzqqxx")
    assert person.state.session.screen == "town-missing"
    assert t(core, "en", "town-not-found") in person.text() and 'name="t"' in person.page
    await person.type("Subotica")
    assert person.state.session.screen == "answer" and person.state.session.place == "subotica"


async def test_fast_taps_wait_their_turn_and_none_is_lost(core, settings):
    door = WebDoor(core, settings)  # the shipped pacing: 5 at once, then 2 a second
    seen = []
    handle = door.conversation.handle

    async def spy(inc, delivery):
        seen.append(inc.event)
        await handle(inc, delivery)
    door.conversation.handle = spy  # type: ignore[method-assign]
    async with TestClient(TestServer(door.app(), host="127.0.0.1")) as c:
        p = Person(c, door)
        await p.open("/en")
        csrf = p.csrf()
        seen.clear()
        # privacy and back, eight times, as fast as a thumb can: each must be handled, in order
        presses = ["danger|privacy", "privacy|back"] * 4
        began = time.monotonic()
        tasks = []
        for data in presses:
            tasks.append(asyncio.create_task(c.post("/", data={"csrf": csrf, "b": data}, allow_redirects=False)))
            await asyncio.sleep(0.005)
        statuses = [r.status for r in await asyncio.gather(*tasks)]
        took = time.monotonic() - began
    door.conversation.cancel_all()
    assert statuses == [303] * len(presses)
    assert [e.data for e in seen] == presses  # all of them, in the order they were tapped
    assert took >= (len(presses) - settings.flood_burst) / settings.flood_per_second - 0.3  # paced


async def test_leave_clears_the_cookie_and_the_next_page_knows_nothing(core, door, person):
    await person.open("/en")
    await person.press("no")
    await person.press("shelter")
    await person.type(TYPED_CANARY)
    old = person.token
    await person.press("leave")
    assert person.status == 200 and person.messages() == [t(core, "en", "goodbye")]
    assert person.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert person.token is None and door.sessions.get(door._key(old)) is None and door.pages.get(door._key(old)) is None
    assert 'name="b"' not in person.page and 'href="/"' in person.page  # a link to start again, no form
    await person.open("/")  # Back, or the address again
    assert person.state.session.screen == "language" and person.token != old
    assert TYPED_CANARY not in person.page and t(core, "en", "ask-need") not in person.page
    # the old cookie, sent again by hand, opens nothing of the conversation either
    async with ClientSession(cookie_jar=CookieJar(unsafe=True), cookies={"s": old}) as s:
        async with s.get(door.client.make_url("/")) as r:
            body = html.unescape(await r.text())
    # told, in every language (which one it was is not kept), that the page was closed
    assert all(t(core, tag, "web-expired") in body for tag in ("sr-Latn", "sr-Cyrl", "rom", "sq", "en"))
    assert t(core, "en", "ask-need") not in body and TYPED_CANARY not in body


async def test_leave_is_on_every_screen_of_a_conversation(core, door, person):
    await person.open("/")
    assert "language|leave" in person.buttons()
    for step in ("language|=en", "no", "work"):
        await person.press(step)
        assert any(b.endswith("|leave") for b in person.buttons()), person.state.session.screen
    await person.type("Novi Sad")
    assert any(b.endswith("|leave") for b in person.buttons())
    await person.press("failed")  # "which number did not work?": the dialogue offers no Leave here, the page does
    assert person.state.session.screen == "broken" and person.buttons()[-1] == LEAVE
    await person.post(b=LEAVE)
    assert person.state is None and person.messages() == [t(core, "en", "goodbye")] and person.token is None


async def test_the_quick_exit_forgets_and_goes_to_a_neutral_site(core, settings):
    door = WebDoor(core, replace(settings, web_exit_url="https://example.invalid/weather"))
    async with TestClient(TestServer(door.app(), host="127.0.0.1")) as c:
        p = Person(c, door)
        await p.open("/en")
        key = door._key(p.token)
        r = await c.get("/exit", allow_redirects=False)
        assert r.status == 303 and r.headers["Location"] == "https://example.invalid/weather"
        assert "Max-Age=0" in r.headers["Set-Cookie"] and r.headers["Clear-Site-Data"]
        assert door.sessions.get(key) is None and door.pages.get(key) is None
    door.conversation.cancel_all()


async def test_an_idle_session_ends_with_the_idle_limit(core, settings):
    door = WebDoor(core, replace(settings, session_minutes=1))
    async with TestClient(TestServer(door.app(), host="127.0.0.1")) as c:
        p = Person(c, door)
        await p.open("/en")
        key = door._key(p.token)
        for store in (door.sessions, door.pages):  # as if a minute passed without a tap
            store._data[key] = (time.monotonic() - 1, store._data[key][1])  # type: ignore[attr-defined]
        await p.open("/")
        assert p.state.session.screen == "language" and door._key(p.token) != key
        assert t(core, "en", "web-expired") in p.text() and t(core, "sq", "web-expired") in p.text()
    door.conversation.cancel_all()


async def test_every_page_stays_small(core, door):
    """Every screen a person can reach by tapping (and a typed town), each page far under 60 KB."""
    import copy
    c = door.client
    sizes: dict[str, int] = {}

    async def fresh(snapshot=None) -> Person:
        c.session.cookie_jar.clear()
        p = Person(c, door)
        await p.open("/en")
        if snapshot is not None:  # this person stands where an earlier one stood (no replay: no pacing)
            key = door._key(p.token)
            door.sessions.put(key, copy.deepcopy(snapshot[0]))
            door.pages.put(key, copy.deepcopy(snapshot[1]))
            await p.open("/")
        return p

    p = await fresh()
    queue = [(copy.deepcopy(p.state), copy.deepcopy(door.pages.get(door._key(p.token))))]
    sizes[p.state.session.screen] = len(p.page.encode())
    while queue:
        snapshot = queue.pop(0)
        probe = await fresh(snapshot)
        steps = [("b", b) for b in probe.buttons() if not b.endswith("|lang")]
        steps += [("t", "Beograd"), ("t", "Zzqqxx")] if 'name="t"' in probe.page else []
        for kind, value in steps:
            p = await fresh(snapshot)
            await p.post(**{kind: value})
            screen = p.state.session.screen if p.state else "goodbye"
            size = len(p.page.encode())
            if screen not in sizes and p.state is not None:
                queue.append((copy.deepcopy(p.state), copy.deepcopy(door.pages.get(door._key(p.token)))))
            sizes[screen] = max(size, sizes.get(screen, 0))
    assert {"danger", "need", "town", "answer", "self-check", "rights", "sc-result", "broken",
            "town-missing", "goodbye"} <= set(sizes)
    assert max(sizes.values()) < 60 * 1024, sizes
    print("largest pages:", sorted(sizes.items(), key=lambda kv: -kv[1])[:3], "screens:", sorted(sizes))


async def test_answers_count_as_for_telegram(core, settings, tmp_path):
    from bot.telegram_adapter import make_demand
    demand = make_demand(settings, core)
    door = WebDoor(core, settings, demand=demand)
    async with TestClient(TestServer(door.app(), host="127.0.0.1")) as c:
        p = Person(c, door)
        await p.open("/en")
        await p.press("no")
        await p.press("legal")
        await p.type("Niš")
    door.conversation.cancel_all()
    assert sum(demand.pending.values()) == 1  # one answer, one count
    [cell] = demand.pending
    assert "legal" in cell and "en" in cell and not any("web" in str(part) for part in cell)  # channel is not a column


async def test_nothing_typed_and_no_token_in_the_logs(core, door, person, caplog):
    caplog.set_level(logging.DEBUG)
    await person.open("/en")
    await person.press("no")
    await person.press("shelter")
    await person.type(TYPED_CANARY)
    token = person.token
    await person.press("leave")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert TYPED_CANARY not in logged and token not in logged and door._csrf(token) not in logged


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_python_m_bot_web_serves_until_sigterm(tmp_path):
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "PUTOKAZ_WEB_LISTEN": f"127.0.0.1:{port}", "HOME": str(tmp_path),
           "PUTOKAZ_DB": str(tmp_path / "r.sqlite3"), "PUTOKAZ_STATS_DB": str(tmp_path / "s.sqlite3"),
           "PYTHONPATH": str(ROOT), "PUTOKAZ_LOG_LEVEL": "DEBUG"}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "web"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as s:  # unsafe: accept cookies from an IP
            for _ in range(150):
                try:
                    async with s.get(f"http://127.0.0.1:{port}/healthz") as r:
                        if r.status == 200:
                            break
                except OSError:
                    await asyncio.sleep(0.1)
            async with s.get(f"http://127.0.0.1:{port}/sr-Cyrl") as r:
                page = await r.text()
                assert r.status == 200 and '<html lang="sr-Cyrl">' in page and "Да" in page
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, out
    assert "listening on 127.0.0.1" in out and "/sr-Cyrl" not in out  # no access log of paths


def test_link_and_flyer_point_at_the_web_door(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PUTOKAZ_WEB_URL": "https://pomoc.example.org",
           "PUTOKAZ_DB": str(tmp_path / "r.sqlite3"), "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "bot", "link", "--web", "--lang", "sr-Cyrl", "--town", "Niš",
                        "--screen", "danger"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "https://pomoc.example.org/sr-Cyrl/nis/danger" in r.stdout
    out = tmp_path / "flyer.svg"
    r = subprocess.run([sys.executable, "-m", "bot", "flyer", "--web", "--lang", "sq", "--format", "svg", "--out", str(out)],
                       cwd=tmp_path,
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr + r.stdout
    assert r.stdout.strip() == f"{out}: https://pomoc.example.org/sq" and out.stat().st_size > 1000
    no_url = {k: v for k, v in env.items() if k != "PUTOKAZ_WEB_URL"}
    r = subprocess.run([sys.executable, "-m", "bot", "link", "--web", "--lang", "en"], cwd=tmp_path, env=no_url,
                       capture_output=True, text=True)
    assert r.returncode != 0 and "PUTOKAZ_WEB_URL" in (r.stdout + r.stderr)


def test_settings_read_the_web_variables(monkeypatch):
    assert (Settings().web_listen, Settings().web_url) == ("", "")  # shipped: no web door unless asked for
    for name, value in (("PUTOKAZ_WEB_LISTEN", "0.0.0.0:9000"), ("PUTOKAZ_WEB_URL", "https://x.example"),
                        ("PUTOKAZ_WEB_EXIT_URL", "https://weather.example/")):
        monkeypatch.setenv(name, value)
    s = Settings.from_env()
    assert (s.web_listen, s.web_url, s.web_exit_url) == ("0.0.0.0:9000", "https://x.example", "https://weather.example/")
    monkeypatch.setenv("PUTOKAZ_WEB_EXIT_URL", "javascript:alert(1)")
    with pytest.raises(Exception, match="PUTOKAZ_WEB_EXIT_URL"):
        Settings.from_env()


async def test_python_m_bot_serves_the_web_door_beside_telegram(tmp_path):
    from bot_process import TOKEN, Bot
    from fake_bot_api import FakeBotAPI
    port = free_port()
    api = FakeBotAPI(TOKEN)
    bot = Bot(tmp_path, await api.start(), PUTOKAZ_WEB_LISTEN=f"127.0.0.1:{port}")
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)
        user = {"id": 987650077, "is_bot": False, "first_name": "Webcanary", "language_code": "en"}
        api.send_text(user, "/start")
        [picker] = await api.wait_for("sendMessage", chat_id=user["id"])
        async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as s:
            for _ in range(100):  # the web door starts with the bot; give it a moment
                try:
                    async with s.get(f"http://127.0.0.1:{port}/en") as r:
                        page = html.unescape(await r.text())
                        break
                except OSError:
                    await asyncio.sleep(0.1)
        assert r.status == 200 and '<html lang="en">' in page
        assert "language|=en" in str(picker.params["reply_markup"])  # Telegram answered too, the same dialogue
    finally:
        code = await bot.stop()
        await api.stop()
    assert code == 0, bot.log.read_text(errors="replace")[-3000:]
    logged = bot.log.read_text(errors="replace")
    assert "web door: listening on 127.0.0.1" in logged
    assert "GET /" not in logged and "HTTP/1.1" not in logged and "Webcanary" not in logged  # no access log


async def test_a_double_tap_is_handled_once(core, door, person):
    await person.open("/en")
    csrf = person.csrf()
    first, second = await asyncio.gather(
        door.client.post("/", data={"csrf": csrf, "b": "danger|no"}, allow_redirects=False),
        door.client.post("/", data={"csrf": csrf, "b": "danger|no"}, allow_redirects=False))
    assert (first.status, second.status) == (303, 303)
    await person.open("/")
    assert person.state.session.screen == "need"
    assert t(core, "en", "hint-old-button") not in person.text() and t(core, "en", "ask-need") in person.text()
    await person.post(b="danger|yes")  # an older button pressed on purpose still gets the usual reply
    assert t(core, "en", "hint-old-button") in person.text()


async def test_more_adds_the_rest_under_the_first_part(core, door, person):
    await person.open("/rom")
    await person.press("yes")
    await person.press("child")
    await person.type("Beograd")
    first = person.messages()
    assert "answer|more" in person.buttons()
    await person.press("more")
    after = person.messages()
    assert after[:len(first)] == first and len(after) > len(first)  # the first part stays on the page
    assert "answer|more" not in person.buttons() and person.buttons().count("answer|leave") == 1  # one set of buttons
    assert t(core, "rom", "section-national") in "\n".join(after[len(first):])
