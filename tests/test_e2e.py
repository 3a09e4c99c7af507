"""End to end: the real bot process (`python -m bot`, python-telegram-bot Application, long
polling) against a local Bot API server on 127.0.0.1 that the test starts. Never Telegram.

The last test sweeps every file the bot could have written for the distinctive fake ids, names,
usernames and typed text used here, and the log for the token.
"""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.i18n import Texts
from bot_process import TOKEN, Bot
from fake_bot_api import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
TEXTS, _ = Texts.load(ROOT / "locales")

USER_EN = {"id": 987650001, "is_bot": False, "first_name": "Zorkazeta", "last_name": "Canarijevic",
           "username": "canary_user_x", "language_code": "en"}
USER_CYR = {"id": 987650002, "is_bot": False, "first_name": "Милкавета", "username": "kanarinac_y",
            "language_code": "sr"}
TYPED_CANARY = "Zqxjvillecanary"
PHONE_CANARY = "+381649998877"
LAT_CANARY, LON_CANARY = 44.123456, 20.654321
CANARIES = ["987650001", "987650002", "Zorkazeta", "Canarijevic", "canary_user_x", "Милкавета", "kanarinac_y",
            TYPED_CANARY, "649998877", "44.123456", "20.654321", "Kontaktovic"]


def id_forms(n: int) -> list[bytes]:
    """An id as text, as hex, as raw bytes and as SHA-256: none may appear anywhere."""
    import hashlib
    text = str(n).encode()
    return [text, format(n, "x").encode(), format(n, "X").encode(), n.to_bytes(8, "big"), n.to_bytes(8, "little"),
            hashlib.sha256(text).hexdigest().encode(), hashlib.sha256(text).digest()]


def t(lang, mid, **args):
    return TEXTS.format(lang, mid, {"typed": "deleted", **args})  # the bot deletes typed messages by default


def keyboard(call):
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


@pytest.fixture
async def running(tmp_path):
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    bot = Bot(tmp_path, url)
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)
        yield api, bot
    finally:
        code = await bot.stop()
        await api.stop()
        assert code == 0, bot.log.read_text(errors="replace")[-3000:]


async def test_whole_conversation_in_english(running):
    api, bot = running
    u, chat = USER_EN, USER_EN["id"]

    # the command menu, per language (Telegram takes two-letter codes; Romani sees the default)
    menus = {c.params.get("language_code") for c in api.calls if c.method == "setMyCommands"}
    assert menus == {None, "sr", "sq", "en"}

    api.send_text(u, "/start")
    [picker] = await api.wait_for("sendMessage", chat_id=chat)
    assert picker.params["text"] == t("en", "choose-language")
    assert keyboard(picker) == ["language|=sr-Latn", "language|=sr-Cyrl", "language|=rom", "language|=sq", "language|=en",
                                "language|leave"]  # Leave on the picker too
    picker_id = max(mid for (c, mid) in api.messages if c == chat)

    n = len(api.calls)
    api.press(u, picker_id, "language|=en")
    # the privacy line and the first question arrive as one message, replacing the picker
    [danger] = await api.wait_for("editMessageText", since=n)
    assert danger.params["text"] == t("en", "privacy-short") + "\n\n" + t("en", "ask-danger")
    assert len(danger.params["text"]) <= 160  # read in seconds: the full privacy note is one tap away
    assert keyboard(danger) == ["danger|yes", "danger|no", "danger|privacy", "danger|leave"]
    await api.settle()
    danger_id = picker_id

    n = len(api.calls)
    api.press(u, danger_id, "danger|yes")
    [need] = await api.wait_for("editMessageText", since=n)
    assert need.params["text"].startswith(t("en", "emergency"))
    text = need.params["text"]
    # 192 and 194 first, then the trafficking line and the Ministry of Interior's 24-hour line; the children's line
    assert text.index("192") < text.index("194") < text.index("011 7850000") < text.index("0800 100600")
    assert "116 111" in text
    assert "112" not in need.params["text"]
    assert need.params["text"].endswith(t("en", "ask-need")) and "need|shelter" in keyboard(need)
    await api.settle()
    need_id = danger_id

    n = len(api.calls)
    api.press(u, need_id, "need|shelter")
    [edit] = await api.wait_for("editMessageText", since=n)
    assert edit.params["text"] == t("en", "ask-town")

    n = len(api.calls)
    api.send_text(u, TYPED_CANARY)
    [miss] = await api.wait_for("sendMessage", since=n)
    assert miss.params["text"] == t("en", "town-not-found")
    assert TYPED_CANARY not in miss.params["text"]

    n = len(api.calls)
    api.send_text(u, "I live in Sremska Mitrovica")
    [answer] = await api.wait_for("sendMessage", since=n)
    assert answer.params["text"].startswith(t("en", "answer", town="Sremska Mitrovica", what=t("en", "need-shelter")))
    assert t("en", "call-note") in answer.params["text"]
    assert keyboard(answer) == ["answer|need", "answer|town", "answer|lang", "answer|later", "answer|failed",
                                "answer|more", "answer|leave"]
    assert answer.params.get("disable_notification") in (True, "True", "true")

    # a sticker: a short hint and the same screen again, never silence
    n = len(api.calls)
    api.send_sticker(u)
    [again] = await api.wait_for("sendMessage", since=n)
    assert again.params["text"] == t("en", "hint-cannot-read") + "\n\n" + answer.params["text"]
    assert keyboard(again) == keyboard(answer)
    await api.settle()
    answer_id = max(mid for (c, mid) in api.messages if c == chat)

    # another town, with several matches, picked by button
    n = len(api.calls)
    api.press(u, answer_id, "answer|town")
    await api.wait_for("editMessageText", since=n)
    n = len(api.calls)
    api.send_text(u, "Palanka")
    [pick] = await api.wait_for("sendMessage", since=n)
    assert pick.params["text"] == t("en", "pick-town")
    assert keyboard(pick)[:3] == ["pick-town|=bela-palanka", "pick-town|=backa-palanka", "pick-town|=smederevska-palanka"]
    await api.settle()
    pick_id = max(mid for (c, mid) in api.messages if c == chat)
    n = len(api.calls)
    api.press(u, pick_id, "pick-town|=bela-palanka")
    [edit] = await api.wait_for("editMessageText", since=n)
    assert edit.params["text"].startswith(t("en", "answer", town="Bela Palanka", what=t("en", "need-shelter")))

    # a stale button from the first message, and a forged one
    n = len(api.calls)
    api.press(u, picker_id, "need|shelter")
    api.press(u, pick_id, "x" * 64)
    hints = await api.wait_for("sendMessage", count=2, since=n)
    assert all(h.params["text"].startswith(t("en", "hint-old-button") + "\n\n") for h in hints)

    # leave: the conversation is erased as far as the bot can, one neutral line stays
    await api.settle()
    n = len(api.calls)
    api.press(u, pick_id, "answer|leave")
    [deleted] = await api.wait_for("deleteMessages", since=n)
    ids = deleted.params["message_ids"]
    assert picker_id in ids and answer_id in ids and len(ids) >= 5
    [bye] = await api.wait_for("sendMessage", since=n)
    assert bye.params["text"] == t("en", "goodbye")
    await api.settle()
    presses = [c for c in api.calls if c.method == "answerCallbackQuery"]
    assert len(presses) == 8  # every press answered, stale and forged ones too


async def test_conversation_in_serbian_cyrillic_and_groups(running):
    api, bot = running
    u, chat = USER_CYR, USER_CYR["id"]
    api.send_text(u, "/start sr-Cyrl")
    [danger] = await api.wait_for("sendMessage", chat_id=chat)
    assert danger.params["text"] == t("sr-Cyrl", "privacy-short") + "\n\nДа ли сте сада у опасности?"
    await api.settle()
    danger_id = max(mid for (c, mid) in api.messages if c == chat)

    n = len(api.calls)
    api.press(u, danger_id, "danger|no")
    [edit] = await api.wait_for("editMessageText", since=n)
    assert edit.params["text"] == t("sr-Cyrl", "ask-need")
    n = len(api.calls)
    api.press(u, danger_id, "need|talk")
    await api.wait_for("editMessageText", since=n)
    n = len(api.calls)
    api.send_text(u, "Ниш")
    [answer] = await api.wait_for("sendMessage", since=n)
    assert answer.params["text"].startswith(t("sr-Cyrl", "answer", town="Ниш", what=t("sr-Cyrl", "need-talk")))
    assert "0800 100909" in answer.params["text"]

    n = len(api.calls)
    api.send_text(u, "/help")
    [helped] = await api.wait_for("sendMessage", since=n)
    assert helped.params["text"] == t("sr-Cyrl", "help") + "\n\n" + t("sr-Cyrl", "privacy") + "\n\n" + answer.params["text"]

    n = len(api.calls)
    api.send_text(u, "/leave")
    await api.wait_for("deleteMessages", since=n)
    [bye] = await api.wait_for("sendMessage", since=n)
    assert bye.params["text"] == t("sr-Cyrl", "goodbye")

    # a group: one neutral line, then the bot leaves it
    n = len(api.calls)
    api.send_text(u, "hello everyone", chat_type="group", chat_id=-100123)
    [line] = await api.wait_for("sendMessage", since=n)
    assert line.params["text"] == t("sr-Latn", "group-only-private")
    await api.wait_for("leaveChat", since=n)


async def test_nothing_personal_is_written_and_the_token_is_not_logged(tmp_path):
    api = FakeBotAPI(TOKEN)
    bot = Bot(tmp_path, await api.start())
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)
        for user in (USER_EN, USER_CYR):
            api.send_text(user, "/start en")
            api.send_text(user, TYPED_CANARY)
            api.send_text(user, f"{user['first_name']} {user['username']} {user['id']}")
            api.send_sticker(user)
            api.send_kind(user, "contact", contact={"phone_number": PHONE_CANARY, "first_name": "Kontaktovic"})
            api.press(user, 1, "danger|no")
            api.press(user, 1, "need|talk")
            api.send_kind(user, "location", location={"latitude": LAT_CANARY, "longitude": LON_CANARY})
            await api.settle(quiet=1.0)  # Leave goes ahead of anything waiting: let these be handled first
            api.send_text(user, "u Nišu")
            api.send_text(user, TYPED_CANARY)
            api.press(user, 1, "answer|later")
            api.press(user, 1, "answer|leave")
        await api.wait_for("deleteMessages", count=2, timeout=20)
        await api.settle()
    finally:
        assert await bot.stop() == 0
        await api.stop()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in written) and bot.log in written
    for path in written:
        data = path.read_bytes()
        for canary in CANARIES:
            assert canary.encode() not in data, f"{canary} found in {path}"
        for user in (USER_EN, USER_CYR):
            for form in id_forms(user["id"]):
                assert form not in data, f"user id as {form!r} found in {path}"
    log = bot.log.read_text(errors="replace")
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "ready:" in log and "Location →" in log  # the log is real, just clean


async def test_conflict_with_another_instance_stops_with_one_clear_line(tmp_path):
    api = FakeBotAPI(TOKEN)
    bot = Bot(tmp_path, await api.start())
    api.fail("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot "
             "instance is running", times=10_000)
    await bot.start()
    try:
        code = await asyncio.wait_for(bot.proc.wait(), 30)
    finally:
        await bot.stop()
        await api.stop()
    log = bot.log.read_text(errors="replace")
    assert code == 3
    assert log.count("another instance is polling with this token (409 Conflict)") == 1
    assert TOKEN not in log


async def test_invalid_token_exits_2_with_a_clear_error(tmp_path):
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PUTOKAZ_"))}
    wrong = "5550009:AAHwrongTokenWrongTokenWrong_0123456789"
    env.update(TELEGRAM_TOKEN=wrong, TELEGRAM_API_BASE_URL=url, PUTOKAZ_DB=str(tmp_path / "r.sqlite3"),
               PYTHONPATH=str(ROOT))
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=tmp_path, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await asyncio.wait_for(proc.communicate(), 30)
    await api.stop()
    text = out.decode(errors="replace")
    assert proc.returncode == 2
    assert "Telegram rejected TELEGRAM_TOKEN" in text
    assert wrong not in text and wrong.split(":")[1] not in text


async def test_sighup_reloads_edited_files(tmp_path):
    import shutil
    for name in ("dialogs", "locales", "data"):
        shutil.copytree(ROOT / name, tmp_path / "files" / name)
    files = tmp_path / "files"
    api = FakeBotAPI(TOKEN)
    bot = Bot(tmp_path, await api.start(), PUTOKAZ_WATCH_SECONDS="0", PUTOKAZ_DIALOGS_DIR=str(files / "dialogs"),
              PUTOKAZ_LOCALES_DIR=str(files / "locales"), PUTOKAZ_DATA_DIR=str(files / "data"))
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)
        for _ in range(100):
            if "ready:" in bot.log.read_text(errors="replace"):
                break
            await asyncio.sleep(0.05)
        en = files / "locales" / "en" / "main.ftl"
        en.write_text(en.read_text(encoding="utf-8").replace("Are you in danger right now?", "Are you in danger now?"),
                      encoding="utf-8")
        bot.proc.send_signal(signal.SIGHUP)
        for _ in range(100):
            if "reloaded:" in bot.log.read_text(errors="replace"):
                break
            await asyncio.sleep(0.1)
        n = len(api.calls)
        api.send_text(USER_EN, "/start en")
        [sent] = await api.wait_for("sendMessage", since=n)
        assert sent.params["text"].endswith("Are you in danger now?")
    finally:
        assert await bot.stop() == 0
        await api.stop()


async def test_a_person_on_the_shipped_settings_gets_a_fitting_number_at_the_pace_replies_come(tmp_path):
    """No setting pinned (flood control as shipped, today's date): a person taps as soon as each reply
    arrives and still gets every screen, and the answer lists a number for the need within 800 characters."""
    from bot.render import ANSWER_LIMIT
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    bot = Bot(tmp_path, url, PUTOKAZ_FLOOD_BURST="")  # empty = the shipped default
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)
        u, chat = USER_EN, USER_EN["id"]
        api.send_text(u, "/start")
        await api.wait_for("sendMessage", chat_id=chat)
        screen = max(mid for (c, mid) in api.messages if c == chat)
        edits = 0
        for data in ("language|=en", "danger|no", "need|work"):
            n = len(api.calls)
            api.press(u, screen, data)
            await api.wait_for("editMessageText", since=n, timeout=10)
            edits += 1
        n = len(api.calls)
        api.send_text(u, "Niš")
        [answer] = await api.wait_for("sendMessage", since=n, timeout=10)  # a typed town: a new message
        screen = max(mid for (c, mid) in api.messages if c == chat)
        text = answer.params["text"]
        assert text.startswith(t("en", "answer", town="Niš", what=t("en", "need-work")))
        assert len(text) <= ANSWER_LIMIT
        assert "011 7850000" in text or "0800 300307" in text  # the trafficking line or the labour inspection
        assert t("en", "entry-confirmed", month="x", year="x").split(",")[0] not in text  # no call was made
        assert t("en", "entry-may-have-changed") in text  # 2018 sources, shown and said to be old
        keys = keyboard(answer)
        if "answer|more" in keys:
            n = len(api.calls)
            api.press(u, screen, "answer|more")
            [more] = await api.wait_for("editMessageText", since=n, timeout=10)
            assert "answer|more" not in keyboard(more)
        n = len(api.calls)
        api.press(u, screen, "answer|leave")
        await api.wait_for("sendMessage", since=n, timeout=10)
    finally:
        code = await bot.stop()
        await api.stop()
    assert code == 0
