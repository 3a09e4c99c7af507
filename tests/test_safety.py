"""Safety: odd input, Telegram faults and floods, against the real Application (in this process)
talking HTTP to the local Bot API server on 127.0.0.1. Nothing crashes, nothing is echoed,
nothing personal is kept, and one chat's trouble does not slow the others."""
from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace

import pytest

from bot.core import load_core
from bot.i18n import Texts
from bot.telegram_adapter import ALLOWED_UPDATES, TelegramAdapter
from conftest import ROOT
from fake_bot_api import MEDIA, FakeBotAPI

TOKEN = "5550002:AAHsafetyTokenDoNotLog_0123456789abcdef"
TEXTS, _ = Texts.load(ROOT / "locales")


def t(lang, mid, **args):
    return TEXTS.format(lang, mid, {"typed": "deleted", **args})


def user(n: int) -> dict:
    return {"id": 700000 + n, "is_bot": False, "first_name": f"U{n}"}


class Harness:
    def __init__(self, api: FakeBotAPI, core, settings):
        self.api, self.core, self.settings = api, core, settings
        self.apps: list = []

    async def start(self, **overrides):
        s = replace(self.settings, **{"token": TOKEN, "api_base_url": self.url, **overrides})
        # The core's texts follow the settings too (the privacy note says whether typed text is deleted):
        # settings that change them get a core of their own, as a deployment with them would.
        core = self.core if s.delete_typed == self.settings.delete_typed else await load_core(s)
        adapter = TelegramAdapter(core, s)
        app = adapter.build()
        await app.initialize()
        await app.start()
        await app.updater.start_polling(
            allowed_updates=ALLOWED_UPDATES, timeout=1,
            error_callback=lambda exc: app.create_task(app.process_error(error=exc, update=None)))
        self.apps.append(app)
        return adapter, app

    async def stop(self, app) -> None:
        """As `run_polling` stops on SIGTERM: updater, application, post_stop, shutdown, post_shutdown."""
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
        await app.shutdown()

    def last_bot_message(self, chat: int) -> int:
        return max(mid for (c, mid), m in self.api.messages.items() if c == chat and m["from"].get("is_bot"))

    async def step(self, u: dict, what, quiet: float = 0.15) -> list:
        """Type text, or press ("press", data) on the bot's latest message; return the calls it caused."""
        n = len(self.api.calls)
        if isinstance(what, tuple):
            self.api.press(u, self.last_bot_message(u["id"]), what[1])
        else:
            self.api.send_text(u, what)
        await self.api.settle(quiet=quiet)
        return self.api.calls[n:]


@pytest.fixture
async def h(settings):
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    harness = Harness(api, await load_core(settings), settings)
    harness.url = url
    yield harness
    for app in harness.apps:
        await harness.stop(app)
    await api.stop()


def texts_sent(calls) -> list[str]:
    return [c.params["text"] for c in calls if c.method in ("sendMessage", "editMessageText")]


async def to_town_screen(h, u):
    await h.step(u, "/start en")
    await h.step(u, ("press", "danger|no"))
    await h.step(u, ("press", "need|talk"))


# --- typed text vanishes ------------------------------------------------------------------------

async def test_typed_text_is_deleted_right_after_reading(h):
    await h.start()
    u = user(1)
    await to_town_screen(h, u)
    n = len(h.api.calls)
    mid = h.api.send_text(u, "Niš")
    await h.api.settle(quiet=0.15)
    calls = h.api.calls[n:]
    # deleted alongside the answer; the town question, no longer the live screen, loses its buttons
    assert sorted(c.method for c in calls) == ["deleteMessage", "editMessageReplyMarkup", "sendMessage"]
    assert int(next(c for c in calls if c.method == "deleteMessage").params["message_id"]) == mid


async def test_keep_typed_setting_turns_deletion_off_but_not_for_personal_data(h):
    await h.start(delete_typed=False)
    u = user(2)
    await to_town_screen(h, u)
    calls = await h.step(u, "Niš")
    assert "deleteMessage" not in [c.method for c in calls]
    # the privacy note says what this deployment does: typed text is kept, not "deleted as soon as read"
    calls = await h.step(user(3), "/start en") + await h.step(user(3), ("press", "danger|privacy"))
    texts = "\n".join(c.params.get("text", "") for c in calls if c.method in ("sendMessage", "editMessageText"))
    note = TEXTS.format("en", "privacy", {"typed": "kept"}).split("\n")[0]
    assert note in texts  # the full privacy note was shown…
    assert "What you type is deleted" not in texts  # …without promising what this deployment does not do
    n = len(h.api.calls)
    mid = h.api.send_kind(u, "contact", contact={"phone_number": "+381641234567", "first_name": "Canary"})
    await h.api.settle(quiet=0.15)
    calls = h.api.calls[n:]
    assert any(c.method == "deleteMessage" and int(c.params["message_id"]) == mid for c in calls)
    assert texts_sent(calls)[0].startswith(t("en", "hint-no-personal-data"))
    assert "+381641234567" not in " ".join(texts_sent(calls))
    for kind, extra in (("location", {"location": {"latitude": 44.81, "longitude": 20.46}}),
                        ("venue", {"venue": {"location": {"latitude": 44.81, "longitude": 20.46},
                                             "title": "Home", "address": "Street 1"}})):
        n = len(h.api.calls)
        mid = h.api.send_kind(u, kind, **extra)
        await h.api.settle(quiet=0.15)
        assert any(c.method == "deleteMessage" and int(c.params["message_id"]) == mid for c in h.api.calls[n:]), kind


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "x" * 4096,
    "🙂🙂🙂 \u202eqwerty\u202c \u200b\u200d",
    "'; DROP TABLE places; --",
    "%s%s%n {0} {town} ${town} {{x}}",
    "<b>bold</b> *md* _it_ [link](http://example.com)",
])
async def test_odd_town_names_get_a_reply_and_are_never_echoed(h, text):
    await h.start()
    u = user(3)
    await to_town_screen(h, u)
    calls = await h.step(u, text)
    sent = texts_sent(calls)
    assert sent == [t("en", "town-not-found")]
    for piece in ("qwerty", "DROP", "%n", "<b>", "[link]") :
        assert piece not in sent[0]


@pytest.mark.parametrize("kind", sorted(MEDIA))
async def test_every_media_kind_gets_a_hint_and_the_same_screen(h, kind):
    await h.start()
    u = user(4)
    await h.step(u, "/start en")
    n = len(h.api.calls)
    h.api.send_kind(u, kind)
    await h.api.settle(quiet=0.15)
    sent = texts_sent(h.api.calls[n:])
    assert len(sent) == 1 and sent[0].startswith(t("en", "hint-cannot-read") + "\n\n")
    assert sent[0].endswith(t("en", "ask-danger"))


async def test_forwarded_message_is_not_read(h):
    await h.start()
    u = user(5)
    await to_town_screen(h, u)
    n = len(h.api.calls)
    h.api.send_kind(u, "text", text="Niš secret forwarded words",
                    forward_origin={"type": "hidden_user", "date": 1, "sender_user_name": "Someone Else"})
    await h.api.settle(quiet=0.15)
    sent = texts_sent(h.api.calls[n:])
    assert sent[0].startswith(t("en", "hint-cannot-read"))
    assert "secret" not in " ".join(sent) and "Someone" not in " ".join(sent)


async def test_location_picks_the_nearest_municipality_then_is_deleted(h):
    await h.start()
    u = user(6)
    await to_town_screen(h, u)
    n = len(h.api.calls)
    mid = h.api.send_kind(u, "location", location={"latitude": 43.3209, "longitude": 21.8958, "live_period": 900})
    await h.api.settle(quiet=0.15)
    calls = h.api.calls[n:]
    assert any(c.method == "deleteMessage" and int(c.params["message_id"]) == mid for c in calls)
    assert texts_sent(calls)[0].startswith(t("en", "answer", town="Niš", what=t("en", "need-talk")))
    assert "43.32" not in " ".join(texts_sent(calls))
    # where no town is asked, a location is deleted and not used
    n = len(h.api.calls)
    h.api.send_kind(u, "location", location={"latitude": 44.8, "longitude": 20.46})
    await h.api.settle(quiet=0.15)
    calls = h.api.calls[n:]
    assert "deleteMessage" in [c.method for c in calls]
    assert texts_sent(calls)[0].startswith(t("en", "hint-location-not-needed"))


async def test_edited_messages_are_ignored(h):
    await h.start()
    u = user(7)
    await h.step(u, "/start en")
    n = len(h.api.calls)
    h.api.push_raw({"edited_message": {"message_id": 5, "date": int(time.time()), "edit_date": int(time.time()),
                                       "chat": {"id": u["id"], "type": "private"}, "from": u, "text": "Niš"}})
    await h.api.settle(quiet=0.3)
    assert h.api.calls[n:] == []


@pytest.mark.parametrize("chat_type,key", [("group", "message"), ("supergroup", "message"), ("channel", "channel_post")])
async def test_groups_and_channels_get_one_line_and_the_bot_leaves(h, chat_type, key):
    await h.start()
    chat = {"id": -1001234, "type": chat_type, "title": "Some group"}
    msg = {"message_id": 9, "date": int(time.time()), "chat": chat, "text": "hello"}
    if key == "message":
        msg["from"] = user(8)
    n = len(h.api.calls)
    h.api.push_raw({key: msg})
    await h.api.settle(quiet=0.2)
    calls = h.api.calls[n:]
    assert [c.method for c in calls] == ["sendMessage", "leaveChat"]
    assert calls[0].params["text"] == t("sr-Latn", "group-only-private")


@pytest.mark.parametrize("data", ["x" * 64, "y" * 65, "answer|nope", "danger|", "|", "danger|yes|extra", "🙂|🙂"])
async def test_forged_buttons_get_a_hint(h, data):
    await h.start()
    u = user(9)
    await h.step(u, "/start en")
    calls = await h.step(u, ("press", data))
    assert "answerCallbackQuery" in [c.method for c in calls]
    sent = texts_sent(calls)
    assert len(sent) == 1 and sent[0].startswith(t("en", "hint-old-button"))


async def test_a_button_from_before_a_restart(h):
    adapter, app = await h.start()
    u = user(10)
    await to_town_screen(h, u)
    await h.stop(app)
    await h.start()  # a new process would know nothing either
    calls = await h.step(u, ("press", "town|skip"))
    sent = texts_sent(calls)  # nothing is known about the chat any more, not even its language
    assert sent[0].startswith(t("sr-Latn", "hint-start-over")) and sent[0].endswith(t("en", "choose-language"))
    calls = await h.step(u, ("press", "language|=en"))
    assert texts_sent(calls)[0].endswith(t("en", "ask-danger"))


async def test_messages_hours_late_start_over(h):
    await h.start()
    u = user(11)
    await to_town_screen(h, u)
    n = len(h.api.calls)
    h.api.send_kind(u, "text", text="Niš", date=int(time.time()) - 3 * 3600)
    await h.api.settle(quiet=0.15)
    sent = texts_sent(h.api.calls[n:])
    assert sent[0].startswith(t("sr-Latn", "hint-start-over")) and sent[0].endswith(t("en", "choose-language"))


async def test_start_payload_the_bot_did_not_make(h):
    await h.start()
    u = user(12)
    calls = await h.step(u, "/start ../../etc/passwd%00<script>")
    assert texts_sent(calls) == [t("en", "choose-language")]


# --- leave and erase ----------------------------------------------------------------------------

async def test_leave_falls_back_to_single_deletes_and_never_fails_loudly(h, caplog):
    adapter, _ = await h.start()
    u = user(13)
    await to_town_screen(h, u)
    await h.step(u, "Niš")
    h.api.fail("deleteMessages", 400, "Bad Request: method is unavailable")
    h.api.fail("deleteMessage", 400, "Bad Request: message to delete not found", times=2)
    calls = await h.step(u, "/leave")
    methods = [c.method for c in calls]
    assert "deleteMessages" in methods and methods.count("deleteMessage") >= 3
    assert texts_sent(calls)[-1] == t("en", "goodbye")
    assert adapter.sessions.get(u["id"]) is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_erase_later_deletes_the_chat_after_the_delay(h):
    adapter, _ = await h.start(erase_later_seconds=1)
    u = user(14)
    await to_town_screen(h, u)
    await h.step(u, "Niš")
    calls = await h.step(u, ("press", "answer|later"))
    assert texts_sent(calls)[0].startswith(t("en", "erase-scheduled"))
    kept = {mid for (c, mid) in h.api.messages if c == u["id"]}
    n = len(h.api.calls)
    erase = (await h.api.wait_for("deleteMessages", since=n, timeout=5))[0]
    assert kept <= set(erase.params["message_ids"])  # the first batch holds what is on the screen
    for _ in range(100):  # the rest of the window, then the session is forgotten
        if adapter.sessions.get(u["id"]) is None:
            break
        await asyncio.sleep(0.02)
    assert adapter.sessions.get(u["id"]) is None and not adapter.erase_later
    assert not {mid for (c, mid) in h.api.messages if c == u["id"]}


async def test_stopping_erases_the_chats_waiting_for_erase_later_at_once(h, caplog):
    adapter, app = await h.start()  # the shipped hour
    u = user(15)
    await to_town_screen(h, u)
    await h.step(u, ("press", "town|skip"))
    await h.step(u, ("press", "answer|later"))
    assert adapter.erase_later and {mid for (c, mid) in h.api.messages if c == u["id"]}
    n = len(h.api.calls)
    with caplog.at_level("INFO", logger="putokaz"):
        await h.stop(app)  # SIGTERM: a restart must not leave the chat behind
    assert "deleteMessages" in [c.method for c in h.api.calls[n:]]
    assert not {mid for (c, mid) in h.api.messages if c == u["id"]}
    assert not adapter.erase_later
    assert "erased 1 chat(s) that were waiting" in caplog.text


# --- faults -------------------------------------------------------------------------------------

async def test_short_429_is_waited_for_and_retried(h):
    await h.start()
    u = user(16)
    h.api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    t0 = time.monotonic()
    n = len(h.api.calls)
    h.api.send_text(u, "/start en")
    sent = (await h.api.wait_for("sendMessage", count=2, since=n, timeout=10))[-1]
    assert time.monotonic() - t0 >= 1.0
    assert sent.params["text"].endswith(t("en", "ask-danger"))


async def test_long_429_drops_that_chats_reply_and_others_go_on(h, caplog):
    await h.start()
    a, b = user(17), user(18)
    h.api.fail("sendMessage", 429, "Too Many Requests: retry after 3600", retry_after=3600, chat_id=a["id"])
    n = len(h.api.calls)
    h.api.send_text(a, "/start en")
    await asyncio.sleep(0.2)
    t0 = time.monotonic()
    h.api.send_text(b, "/start en")
    await h.api.wait_for("sendMessage", count=1, since=n, chat_id=b["id"], timeout=5)
    assert time.monotonic() - t0 < 1.0
    assert any("wait 3600 s" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("status,description", [
    (500, "Internal Server Error"), (502, "Bad Gateway"),
    (403, "Forbidden: bot was blocked by the user"),
])
async def test_server_errors_and_blocked_users_do_not_crash(h, status, description):
    adapter, _ = await h.start()
    u = user(19)
    h.api.fail("sendMessage", status, description)
    await h.step(u, "/start en")
    calls = await h.step(u, "/start en")  # the next update is served normally
    assert texts_sent(calls)[0].endswith(t("en", "ask-danger"))


async def test_message_not_modified_counts_as_shown(h):
    await h.start()
    u = user(20)
    await h.step(u, "/start en")
    h.api.fail("editMessageText", 400, "Bad Request: message is not modified")
    calls = await h.step(u, ("press", "danger|no"))
    assert sorted(c.method for c in calls) == ["answerCallbackQuery", "editMessageText"]


async def test_a_hanging_call_in_one_chat_does_not_stall_another(h):
    await h.start()
    slow, fast = user(21), user(22)
    h.api.fail("sendMessage", 200, "", chat_id=slow["id"], delay=3.0)
    n = len(h.api.calls)
    h.api.send_text(slow, "/start en")
    await asyncio.sleep(0.2)
    t0 = time.monotonic()
    h.api.send_text(fast, "/start en")
    await h.api.wait_for("sendMessage", since=n, chat_id=fast["id"], timeout=5)
    assert time.monotonic() - t0 < 1.0


async def test_polling_survives_connection_refused(h, caplog):
    await h.start()
    u = user(23)
    await h.step(u, "/start en")
    port = h.api.port
    await h.api.stop()
    await asyncio.sleep(1.5)
    await h.api.start(port=port)
    n = len(h.api.calls)
    h.api.send_text(u, "/start sq")
    [sent] = await h.api.wait_for("sendMessage", since=n, timeout=15)
    assert sent.params["text"].endswith(t("sq", "ask-danger"))
    assert any("fetching updates failed" in r.getMessage() for r in caplog.records)


# --- floods -------------------------------------------------------------------------------------

async def test_one_flooding_chat_is_paced_every_flooded_message_deleted_and_others_are_unaffected(h):
    adapter, _ = await h.start()  # the shipped flood settings
    shipped = adapter.settings
    flood, calm = user(24), user(25)
    n = len(h.api.calls)
    latencies = []
    sent_ids = []
    t_end = time.monotonic() + 5
    while time.monotonic() < t_end:  # 200 updates a second for 5 seconds
        for _ in range(20):
            sent_ids.append(h.api.send_text(flood, "/start en"))
        if int(time.monotonic() * 10) % 10 == 0 and len(latencies) < 5:
            t0 = time.monotonic()
            m = len(h.api.calls)
            h.api.send_text(calm, "/start en")
            await h.api.wait_for("sendMessage", since=m, chat_id=calm["id"], timeout=5)
            latencies.append(time.monotonic() - t0)
        await asyncio.sleep(0.1)
    await h.api.settle(quiet=1.0, timeout=30)
    to_flood = [c for c in h.api.calls[n:] if c.method == "sendMessage" and int(c.params["chat_id"]) == flood["id"]]
    line = shipped.flood_burst + adapter.processor.queue + 6 * shipped.flood_per_second  # burst, line, pace
    assert 3 <= len(to_flood) <= 2 * line
    assert adapter.processor.dropped >= len(sent_ids) - line
    assert not [mid for mid in sent_ids if (flood["id"], mid) in h.api.messages]  # dropped or not: all deleted
    assert latencies and max(latencies) < 1.0


async def test_a_timed_out_call_is_logged_by_kind_and_the_chat_goes_on(h, caplog):
    await h.start()
    u = user(26)
    h.api.fail("sendMessage", 200, "", chat_id=u["id"], delay=6.5)  # past python-telegram-bot's 5 s read timeout
    await h.step(u, "/start en", quiet=0.2)
    await asyncio.sleep(6.5)
    calls = await h.step(u, "/start sq")
    assert texts_sent(calls)[0].endswith(t("sq", "ask-danger"))
    lines = [r.getMessage() for r in caplog.records if r.name == "putokaz"]
    assert "a reply could not be sent (TimedOut)" in lines


async def test_updates_of_one_chat_are_handled_in_order(h):
    await h.start()
    u = user(27)
    h.api.fail("sendMessage", 200, "", chat_id=u["id"], delay=1.0)  # the first reply is slow
    n = len(h.api.calls)
    h.api.send_text(u, "/start en")
    h.api.send_text(u, "/help")
    first, second = await h.api.wait_for("sendMessage", count=2, since=n, chat_id=u["id"], timeout=10)
    assert second.at - first.at >= 1.0  # the second waited for the first to finish
    assert first.params["text"].endswith(t("en", "ask-danger"))
    assert second.params["text"].startswith(t("en", "help"))


# --- hot reload ---------------------------------------------------------------------------------

async def test_hot_reload_switches_to_good_files_and_keeps_the_last_good_version(copy_tree, caplog):
    files = copy_tree()
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    h = Harness(api, await load_core(files), files)
    h.url = url
    try:
        adapter, app = await h.start(watch_seconds=0.2)
        await app.post_init(app)  # run_polling would call it: it starts the file watcher
        u = user(30)
        await h.step(u, "/start en")
        await h.step(u, ("press", "danger|no"))
        await h.step(u, ("press", "need|talk"))
        # an operator edits a text: the bot picks it up without a restart
        en = files.locales_dir / "en" / "main.ftl"
        en.write_text(en.read_text(encoding="utf-8").replace(
            "ask-danger = Are you in danger right now?", "ask-danger = Are you in danger at this moment?"), encoding="utf-8")
        for _ in range(50):
            if adapter.core.texts.format("en", "ask-danger").endswith("at this moment?"):
                break
            await asyncio.sleep(0.1)
        calls = await h.step(user(31), "/start en")
        assert texts_sent(calls)[0].endswith("Are you in danger at this moment?")
        # a broken edit is refused with one line naming the problem; the last good version keeps serving
        toml = files.dialogs_dir / "main.toml"
        good = toml.read_text(encoding="utf-8")
        toml.write_text(good.replace('on.found = "answer"', 'on.found = "answr"', 1), encoding="utf-8")
        for _ in range(50):
            if any("reload refused" in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.1)
        refused = [r.getMessage() for r in caplog.records if "reload refused" in r.getMessage()]
        assert refused and "dialogs/main.toml" in refused[0] and 'Did you mean "answer"?' in refused[0]
        calls = await h.step(u, "Niš")  # the person mid-conversation goes on
        assert texts_sent(calls)[0].startswith(t("en", "answer", town="Niš", what=t("en", "need-talk")))
        # a screen that vanishes sends people on it to the start, politely
        toml.write_text(good.replace("[screen.town-missing]", "[screen.town-lost]").replace(
            'on.missing = "town-missing"', 'on.missing = "town-lost"'), encoding="utf-8")
        await h.step(u, ("press", "answer|town"))
        await h.step(u, "Qwertyville")  # now on town-missing
        toml.write_text(good.replace("[screen.town-missing]", "[screen.town-gone]").replace(
            'on.missing = "town-missing"', 'on.missing = "town-gone"').replace(
            "town-missing", "town-gone"), encoding="utf-8")
        adapter.ready = True  # serving
        assert await adapter.reload()
        assert adapter.ready  # a reload must not turn /healthz to 503 (it once did)
        calls = await h.step(u, "Niš")
        sent = texts_sent(calls)[0]
        assert sent.startswith(t("en", "hint-start-over")) and sent.endswith(t("en", "choose-language"))
    finally:
        for app in h.apps:
            await h.stop(app)
        await api.stop()


# --- Redis mode: a hung store costs one reply, and /healthz says so ---------------------------------

async def test_a_hung_redis_still_answers_and_health_says_degraded(h, hung_server):
    adapter, _ = await h.start(sessions_url=f"redis://127.0.0.1:{hung_server}/0", session_key="k" * 70)  # > 64 bytes
    adapter.ready = True
    u = user(40)
    started = time.monotonic()
    n = len(h.api.calls)
    h.api.send_text(u, "/start en")
    [sent] = await h.api.wait_for("sendMessage", since=n, chat_id=u["id"], timeout=5)
    assert sent.params["text"].endswith(t("en", "ask-danger"))  # answered all the same
    assert time.monotonic() - started < 5
    code, body = adapter.health()
    assert code == 200 and body["status"] == "degraded"


# --- hot reload that would lose a large part of the register ---------------------------------------

async def test_a_hot_reload_that_loses_a_fifth_of_the_register_is_refused(copy_tree, caplog):
    import csv
    files = copy_tree()
    core = await load_core(files)
    adapter = TelegramAdapter(core, replace(files, token=TOKEN))
    serving = adapter.core  # the adapter's copy of the core (with its counter)
    path = files.data_dir / "services.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows[: 1 + (len(rows) - 1) // 2])  # the header and half the rows
    with caplog.at_level("ERROR", logger="putokaz"):
        assert not await adapter.reload()
    assert adapter.core is serving and len(serving.register.services) == len(core.register.services)  # every row
    refused = [r.getMessage() for r in caplog.records if "reload refused" in r.getMessage()]
    assert refused and "data/services.csv" in refused[0] and "register import" in refused[0]
