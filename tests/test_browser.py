"""The web door in a real browser: Debian's chromium, headless, driven through Debian's chromedriver
by selenium (nothing downloaded). `python -m bot web` runs as an operator starts it, on the shipped
settings, on 127.0.0.1. JavaScript on and off; axe-core (installed by .ci/run from .ci/package.json)
checks accessibility. Screenshots go to $PUTOKAZ_SCREENSHOTS (docs/screenshots/ for the README).

Without chromium these tests are skipped, except where PUTOKAZ_BROWSER_REQUIRED=1 (CI) makes it a
failure."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.i18n import Texts

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"
AXE = ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
EXIT_URL = "https://example.invalid/weather"  # the quick exit's neutral site (never reached: .invalid)
TEXTS, _ = Texts.load(ROOT / "locales")
WEB = TEXTS.for_channel("web-")
CANARY = "Zqxjbrowsercanary"

_missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
try:
    import selenium  # noqa: F401
except ImportError:
    _missing.append("selenium")
if _missing and os.environ.get("PUTOKAZ_BROWSER_REQUIRED") != "1":
    pytest.skip(f"no browser here ({', '.join(_missing)}): apt-get install chromium chromium-driver",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def t(lang, mid) -> str:
    return WEB.format(lang, mid, {"typed": "kept"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`python -m bot web` on a free port, the shipped settings but for where the quick exit goes."""
    tmp = tmp_path_factory.mktemp("web")
    port = free_port()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp), "PYTHONPATH": str(ROOT),
           "PUTOKAZ_WEB_LISTEN": f"127.0.0.1:{port}", "PUTOKAZ_WEB_EXIT_URL": EXIT_URL,
           "PUTOKAZ_DB": str(tmp / "r.sqlite3"), "PUTOKAZ_STATS_DB": str(tmp / "s.sqlite3"), "PUTOKAZ_LOG_LEVEL": "DEBUG"}
    log = open(tmp / "web.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "web"], cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    assert proc.wait(20) == 0
    log.close()
    logged = (tmp / "web.log").read_text()
    assert CANARY not in logged and "GET /" not in logged  # nothing typed, no access log


def browser(js: bool, width: int = 360, height: int = 740) -> webdriver.Chrome:
    os.environ["SE_OFFLINE"] = "true"  # selenium never fetches a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--lang=en", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(arg)
    if not js:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(20)
    # A phone's screen, exactly (a headless window keeps a minimum width of its own)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver


@pytest.fixture
def js_on():
    d = browser(js=True)
    yield d
    d.quit()


@pytest.fixture
def js_off():
    d = browser(js=False)
    yield d
    d.quit()


def shot(driver, name: str) -> None:
    folder = os.environ.get("PUTOKAZ_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def page_text(driver) -> str:
    return "\n".join(p.text for p in driver.find_elements(By.CSS_SELECTOR, "main .msg"))


def new_page(driver, act) -> None:
    """Do `act` and wait until the browser shows the next page (the form's POST, then its redirect)."""
    old = driver.find_element(By.TAG_NAME, "html")
    act()

    def gone(_) -> bool:
        try:
            old.is_enabled()
            return False
        except WebDriverException:  # stale, or "does not belong to the document": the old page is gone
            return True
    WebDriverWait(driver, 15).until(gone)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def press(driver, value_end: str) -> None:
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, 'button[name="b"]')
               if b.get_attribute("value") == value_end or b.get_attribute("value").endswith("|" + value_end)]
    assert buttons, (value_end, [b.get_attribute("value") for b in driver.find_elements(By.CSS_SELECTOR, "button")])
    new_page(driver, buttons[0].click)


def type_town(driver, town: str) -> None:
    field = driver.find_element(By.ID, "t")
    label = driver.find_element(By.CSS_SELECTOR, 'label[for="t"]')
    assert label.text and field.get_attribute("required") is not None
    field.send_keys(town)
    new_page(driver, lambda: field.send_keys(Keys.ENTER))


def requests_made(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def conversation(driver, base: str, lang: str, need: str, town: str, js: bool) -> None:
    driver.get(base + "/")
    assert t(None, "choose-language") in page_text(driver)
    press(driver, f"language|={lang}")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    assert t(lang, "ask-danger") in page_text(driver)
    press(driver, "no")
    assert t(lang, "ask-need") in page_text(driver)
    press(driver, need)
    assert t(lang, "ask-town").split("“")[0].strip() in page_text(driver) or driver.find_elements(By.ID, "t")
    type_town(driver, town)
    assert driver.current_url == base + "/"  # post/redirect/get: the address never carries an answer


@pytest.mark.parametrize("js", [False, True], ids=["js-off", "js-on"])
def test_whole_conversation_in_english_and_albanian(server, js):
    driver = browser(js=js, width=320, height=640)  # a small old phone
    try:
        conversation(driver, server, "en", "shelter", "Niš", js)
        text = page_text(driver)
        assert "Niš" in text and any(ch.isdigit() for ch in text)  # the answer, with numbers
        width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[1] == 320 and width[0] <= width[1], width  # nothing wider than the screen at 320 px
        size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 16
        if not js:
            shot(driver, "answer-en-320px")
        press(driver, "leave")
        assert page_text(driver) == t("en", "goodbye")
        conversation(driver, server, "sq", "legal", "Subotica", js)
        assert "Subotica" in page_text(driver)
        assert all(u.startswith(server) or u.startswith("data:") for u in requests_made(driver))  # no third party
    finally:
        driver.quit()


@pytest.mark.parametrize("js", [False, True], ids=["js-off", "js-on"])
def test_after_leave_nothing_is_kept_and_back_shows_nothing(server, js):
    driver = browser(js=js)
    try:
        conversation(driver, server, "en", "talk", CANARY, js)  # a town that is not one: asked again
        assert driver.find_elements(By.ID, "t") and driver.get_cookies()
        press(driver, "leave")
        assert page_text(driver) == t("en", "goodbye")
        assert driver.get_cookies() == []
        for _ in range(3):
            driver.back()
            text = page_text(driver)
            assert CANARY not in driver.page_source and t("en", "ask-need") not in text and t("en", "ask-danger") not in text
        if not js:
            shot(driver, "after-leave-back")
        if js:
            stored = driver.execute_script("return [localStorage.length, sessionStorage.length, document.cookie]")
            assert stored == [0, 0, ""]
            cached = driver.execute_script("return caches.keys().then(k => k.length).catch(() => 0)")
            assert cached == 0
    finally:
        driver.quit()


def test_quick_exit_with_a_click_and_with_esc_twice(server, js_on, js_off):
    for driver, how in ((js_off, "click"), (js_on, "click"), (js_on, "esc")):
        driver.get(server + "/en")
        press(driver, "no")
        assert driver.get_cookies()
        if how == "click":
            driver.find_element(By.ID, "exit").click()
        else:
            body = driver.find_element(By.TAG_NAME, "body")
            body.send_keys(Keys.ESCAPE)
            body.send_keys(Keys.ESCAPE)
        for _ in range(50):
            if server not in driver.current_url:
                break
            time.sleep(0.1)
        assert server not in driver.current_url, how  # on the neutral site (or trying to reach it)
        visited = [u for u in requests_made(driver) if u.startswith("https://")]
        assert visited and visited[-1] == EXIT_URL
        driver.get(server + "/")  # and coming back starts afresh
        assert t(None, "choose-language") in page_text(driver)
    js_on.get(server + "/en")
    js_on.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)  # one Esc alone does nothing
    time.sleep(1.6)
    js_on.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    time.sleep(0.3)
    assert js_on.current_url == server + "/"


def test_the_csp_holds_in_the_browser_and_pages_are_light(server, js_on):
    js_on.get(server + "/en")
    blocked = js_on.execute_async_script("""
        var done = arguments[arguments.length - 1], seen = [];
        document.addEventListener('securitypolicyviolation', e => seen.push(e.violatedDirective));
        var s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.appendChild(s);
        var i = document.createElement('img'); i.src = 'https://example.invalid/pixel.png'; document.body.appendChild(i);
        setTimeout(() => done([window.__inline === undefined, seen]), 300);
    """)
    assert blocked[0] is True and any(d.startswith("script-src") for d in blocked[1]) and any(
        d.startswith("img-src") for d in blocked[1])
    js_on.get_log("browser")  # what the probe itself caused
    for path in ("/", "/en", "/sr-Cyrl/nis/need"):
        js_on.get(server + path)
        weight = js_on.execute_script("""
            var n = performance.getEntriesByType('navigation')[0];
            return performance.getEntriesByType('resource').reduce((a, r) => a + r.transferSize, n.transferSize);""")
        assert 0 < weight < 60 * 1024, (path, weight)
        errors = [e for e in js_on.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], errors  # no CSP complaint, no missing file
        fonts = js_on.execute_script("return document.fonts ? document.fonts.size : 0")
        assert fonts == 0  # no web fonts


@pytest.mark.skipif(not AXE.exists() and os.environ.get("PUTOKAZ_BROWSER_REQUIRED") != "1",
                    reason="axe-core is not installed: npm ci --prefix .ci")
def test_axe_finds_no_accessibility_problem(server, js_on):
    axe = AXE.read_text(encoding="utf-8")
    js_on.get(server + "/")
    problems = {}

    def check(name: str) -> None:
        js_on.execute_script(axe)
        result = js_on.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
            "v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3)])));")
        if result:
            problems[name] = result
    check("picker")
    press(js_on, "language|=sq")
    check("danger")
    press(js_on, "no")
    check("need")
    press(js_on, "health")
    check("town")
    type_town(js_on, "Kragujevac")
    check("answer")
    shot(js_on, "answer-sq")
    press(js_on, "leave")
    check("goodbye")
    assert problems == {}
    # focus order: Tab from the top reaches the quick exit first, then the page's own controls in order
    js_on.get(server + "/en")
    js_on.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert js_on.switch_to.active_element.get_attribute("id") == "exit"
    js_on.switch_to.active_element.send_keys(Keys.TAB)
    assert js_on.switch_to.active_element.get_attribute("value").endswith("|yes")
