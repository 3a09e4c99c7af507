"""The real bot process on the shipped settings (flood control as shipped, nothing pinned), used as
fast as the replies come: no tap is lost, every typed message, photo and contact is deleted, Leave goes
ahead and erases everything, also after a restart and through a failing delete, and only the newest
screen has buttons. Through the local Bot API server on 127.0.0.1; never Telegram."""
from __future__ import annotations

import asyncio

from bot.i18n import Texts
from bot_process import ROOT, TOKEN, Bot
from fake_bot_api import FakeBotAPI

TEXTS, _ = Texts.load(ROOT / "locales")


def t(lang, mid, **args):
    return TEXTS.format(lang, mid, {"typed": "deleted", **args})


def person(n: int) -> dict:
    return {"id": 960000 + n, "is_bot": False, "first_name": "Pace", "language_code": "en"}


def keys(markup) -> list[str]:
    return [b["callback_data"] for row in (markup or {}).get("inline_keyboard", []) for b in row]


def last_screen(api: FakeBotAPI, chat: int) -> int:
    return max(mid for (c, mid), m in api.messages.items() if c == chat and m["from"].get("is_bot"))


def in_chat(api: FakeBotAPI, chat: int) -> dict:
    return {mid: m for (c, mid), m in api.messages.items() if c == chat}


async def answered(api: FakeBotAPI, since: int, count: int, timeout: float = 15) -> None:
    await api.wait_for("answerCallbackQuery", count=count, since=since, timeout=timeout)


async def start(api: FakeBotAPI, u: dict, payload: str = "en") -> int:
    n = len(api.calls)
    api.send_text(u, f"/start {payload}")
    await api.wait_for("sendMessage", since=n, chat_id=u["id"])
    await api.settle(quiet=0.3)
    return last_screen(api, u["id"])


async def to_town(api: FakeBotAPI, u: dict, screen: int, need: str, town: str) -> None:
    """No → a need → a typed town, each step after the reply to the last."""
    for data in ("danger|no", f"need|{need}"):
        n = len(api.calls)
        api.press(u, screen, data)
        await api.wait_for("editMessageText", since=n, timeout=10)
    api.send_text(u, town)


async def test_people_at_full_speed_on_the_shipped_settings(tmp_path):
    api = FakeBotAPI(TOKEN)
    bot = Bot(tmp_path, await api.start())  # nothing pinned: the shipped flood control
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)

        # Language → No → a need within a second: every tap answered, the town question shown.
        u = person(1)
        n = len(api.calls)
        api.send_text(u, "/start")
        await api.wait_for("sendMessage", since=n, chat_id=u["id"])
        screen = last_screen(api, u["id"])
        n = len(api.calls)
        for data in ("language|=en", "danger|no", "need|talk"):
            api.press(u, screen, data)
        await answered(api, n, 3)
        await api.settle(quiet=0.5)
        assert api.messages[(u["id"], screen)]["text"] == t("en", "ask-town")

        # The self-check tapped every 0.3 s: every tap answered, the result follows the answers.
        u = person(2)
        screen = await start(api, u, "en_check")
        n = len(api.calls)
        presses = ["self-check|start", "sc-documents|yes", "sc-debt|no", "sc-leave|no", "sc-threats|no",
                   "sc-pay|no", "sc-control|no", "sc-deceived|no"]
        for data in presses:
            api.press(u, screen, data)
            await asyncio.sleep(0.3)
        await answered(api, n, len(presses))
        await api.settle(quiet=0.5)
        result = api.messages[(u["id"], screen)]
        assert result["text"].startswith(t("en", "selfcheck-result"))
        assert "sc-result|legal" in keys(result.get("reply_markup")) and "sc-result|shelter" not in keys(
            result.get("reply_markup"))

        # Two messages typed at once, an album of 10 photos, then a contact: all deleted, one reply an album.
        u = person(3)
        await start(api, u)
        n = len(api.calls)
        sent = [api.send_text(u, "hello")]
        await asyncio.sleep(0.3)
        sent.append(api.send_text(u, "is anyone there"))
        sent += [api.send_kind(u, "photo", media_group_id="album-1") for _ in range(10)]
        sent.append(api.send_kind(u, "contact", contact={"phone_number": "+381601112233", "first_name": "X"}))
        await api.settle(quiet=1.0, timeout=30)
        assert not [mid for mid in sent if (u["id"], mid) in api.messages]
        replies = [c.params["text"] for c in api.calls[n:] if c.method == "sendMessage"]
        assert replies.count(t("en", "hint-cannot-read")) <= 1

        # Leave right after quick taps: it goes ahead, erases everything, and the goodbye comes last.
        u = person(4)
        screen = await start(api, u)
        n = len(api.calls)
        api.press(u, screen, "danger|no")
        api.press(u, screen, "need|work")
        api.send_text(u, "/leave")
        await api.wait_for("sendMessage", since=n, chat_id=u["id"], timeout=10)
        await api.settle(quiet=0.5)
        mine = [c for c in api.calls[n:] if int(c.params.get("chat_id", 0) or 0) == u["id"]]
        assert mine[-1].method == "sendMessage" and mine[-1].params["text"] == t("en", "goodbye")
        assert "deleteMessages" in [c.method for c in mine]
        assert [m["text"] for m in in_chat(api, u["id"]).values()] == [t("en", "goodbye")]

        # A delete that fails with a 500 is tried again: nothing is left behind.
        u = person(5)
        screen = await start(api, u)
        api.press(u, screen, "danger|no")
        await api.settle(quiet=0.5)
        api.fail("deleteMessages", 500, "Internal Server Error", chat_id=u["id"])
        n = len(api.calls)
        api.press(u, screen, "need|leave")
        await api.wait_for("sendMessage", since=n, chat_id=u["id"], timeout=15)
        await api.settle(quiet=0.5)
        batches = [c.params["message_ids"] for c in api.calls[n:] if c.method == "deleteMessages"]
        assert len(batches) >= 2 and batches[0] == batches[1]  # the failed batch was sent again
        assert [m["text"] for m in in_chat(api, u["id"]).values()] == [t("en", "goodbye")]

        # One live screen: a typed town sends the answer as a new message; the town question loses its buttons.
        u = person(6)
        screen = await start(api, u)
        n = len(api.calls)
        await to_town(api, u, screen, "talk", "Niš")
        await api.wait_for("editMessageReplyMarkup", since=n, timeout=10)
        answer = last_screen(api, u["id"])
        assert answer != screen and "reply_markup" not in api.messages[(u["id"], screen)]
        assert "answer|leave" in keys(api.messages[(u["id"], answer)].get("reply_markup"))
        # a new /start takes the buttons off the answer too
        n = len(api.calls)
        api.send_text(u, "/start")
        await api.wait_for("editMessageReplyMarkup", since=n, timeout=10)
        await api.settle(quiet=0.3)
        with_buttons = [mid for mid, m in in_chat(api, u["id"]).items() if m.get("reply_markup")]
        assert with_buttons == [last_screen(api, u["id"])]
    finally:
        assert await bot.stop() == 0
        await api.stop()


async def test_leave_after_a_restart_erases_the_answer_still_on_the_phone(tmp_path):
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    bot = Bot(tmp_path / "one", url)
    await bot.start()
    u = person(7)
    try:
        await api.wait_for("setMyCommands", count=4, timeout=30)
        screen = await start(api, u)
        n = len(api.calls)
        await to_town(api, u, screen, "shelter", "Novi Sad")
        await api.wait_for("sendMessage", since=n, chat_id=u["id"], timeout=10)  # the answer, a new message
        await api.settle(quiet=0.5)
        answer = last_screen(api, u["id"])
        assert api.messages[(u["id"], answer)]["text"].startswith(t("en", "answer", town="Novi Sad",
                                                                       what=t("en", "need-shelter")))
    finally:
        assert await bot.stop() == 0
    bot = Bot(tmp_path / "two", url)  # a new process: it knows nothing of this chat
    await bot.start()
    try:
        await api.wait_for("setMyCommands", count=8, timeout=30)
        n = len(api.calls)
        api.press(u, answer, "answer|leave")  # the Leave button on the answer left from before
        await api.wait_for("sendMessage", since=n, chat_id=u["id"], timeout=15)
        await api.settle(quiet=0.5)
        # the new process does not know the person's language: the one neutral line, in Serbian by default
        assert [m["text"] for m in in_chat(api, u["id"]).values()] == [t("sr-Latn", "goodbye")]
    finally:
        assert await bot.stop() == 0
        await api.stop()
