"""`python -m bot chat`: the real bot, as a phone's Telegram app would show it, in this terminal.

The same `TelegramAdapter` and python-telegram-bot `Application` that serve Telegram run here; only
the HTTP layer is replaced by `Phone`, which answers the Bot API calls the way Telegram does and
keeps what the person's screen would hold: messages with their ids (one counter for both sides, as
in a private chat), screens edited in place, buttons taken off older screens, typed messages
deleted, notices from a press, and Leave emptying the chat. Each change is printed as it happens:

    ✎ edited: the screen above changed in place       · deleted: your message
    · buttons removed from an earlier message          ⓘ a notice from a press

Nothing goes to the network, and the conversation is not written anywhere.
"""
from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from .offline import LocalRequest

BOT = {"id": 1000001, "is_bot": True, "first_name": "Putokaz", "username": "putokaz_terminal_bot"}
PERSON = {"id": 777, "is_bot": False, "first_name": "You"}
CHAT = {"id": 777, "type": "private", "first_name": "You"}


@dataclass
class Shown:
    mine: bool  # typed by the person
    text: str
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)  # rows of (label, callback data)


class Phone(LocalRequest):
    """A Bot API server and the person's chat window in one, in memory."""

    def __init__(self, out=sys.stdout):
        self.out = out
        self.messages: dict[int, Shown] = {}
        self._next_id = 1
        self._update_id = 0

    # --- the Bot API side ---------------------------------------------------------------------

    async def do_request(self, url, method, request_data=None, read_timeout=None, write_timeout=None,
                         connect_timeout=None, pool_timeout=None) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        p = request_data.parameters if request_data else {}
        result: Any = True
        if name == "getMe":
            result = BOT
        elif name == "sendMessage":
            mid = self._new_id()
            self.messages[mid] = Shown(False, p.get("text", ""), _rows(p.get("reply_markup")))
            self._print(self.messages[mid])
            result = self._message(mid)
        elif name == "editMessageText":
            mid = int(p["message_id"])
            if mid not in self.messages:
                return _error(400, "Bad Request: message to edit not found")
            shown = Shown(False, p.get("text", ""), _rows(p.get("reply_markup")))
            if (shown.text, shown.buttons) == (self.messages[mid].text, self.messages[mid].buttons):
                return _error(400, "Bad Request: message is not modified")
            self.messages[mid] = shown
            print("✎ edited: the screen above changed in place", file=self.out)
            self._print(shown)
            result = self._message(mid)
        elif name == "editMessageReplyMarkup":
            mid = int(p["message_id"])
            if mid not in self.messages:
                return _error(400, "Bad Request: message to edit not found")
            rows = _rows(p.get("reply_markup"))
            if rows != self.messages[mid].buttons:
                self.messages[mid].buttons = rows
                if not rows:
                    print("· buttons removed from an earlier message\n", file=self.out)
            result = self._message(mid)
        elif name == "deleteMessage":
            result = self._delete([int(p["message_id"])])
        elif name == "deleteMessages":
            result = self._delete([int(i) for i in _list(p.get("message_ids"))])
        elif name == "answerCallbackQuery" and p.get("text"):
            print(f"ⓘ {p['text']}\n", file=self.out)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _message(self, mid: int) -> dict:
        return {"message_id": mid, "date": _now(), "chat": CHAT, "from": BOT, "text": self.messages[mid].text}

    def _delete(self, ids: list[int]) -> bool:
        gone = [i for i in ids if i in self.messages]
        mine = sum(self.messages[i].mine for i in gone)
        for i in gone:
            del self.messages[i]
        if len(gone) == 1 and mine == 1:
            print("· deleted: your message\n", file=self.out)
        elif gone:
            left = "the chat is empty" if not self.messages else f"{len(self.messages)} left"
            print(f"· deleted: {len(gone)} message(s) ({left})\n", file=self.out)
        return bool(gone)

    # --- the person's side ------------------------------------------------------------------------

    def buttons(self) -> list[tuple[int, str]]:
        """The buttons of the newest message that has any (the live screen), in reading order:
        (message id, callback data). Numbers typed by the person press these."""
        live = next((mid for mid in reversed(self.messages) if self.messages[mid].buttons), None)
        return [] if live is None else [(live, d) for row in self.messages[live].buttons for _, d in row]

    def type(self, text: str) -> dict:
        mid = self._new_id()
        self.messages[mid] = Shown(True, text)
        message: dict[str, Any] = {"message_id": mid, "date": _now(), "chat": CHAT, "from": PERSON, "text": text}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self._update(message=message)

    def photo(self) -> dict:
        mid = self._new_id()
        self.messages[mid] = Shown(True, "<photo>")
        return self._update(message={"message_id": mid, "date": _now(), "chat": CHAT, "from": PERSON,
                                     "photo": [{"file_id": "x", "file_unique_id": "x", "width": 1, "height": 1}]})

    def press(self, mid: int, data: str) -> dict:
        m = self.messages[mid]
        markup = {"inline_keyboard": [[{"text": label, "callback_data": d} for label, d in row] for row in m.buttons]}
        return self._update(callback_query={
            "id": str(self._update_id), "from": PERSON, "chat_instance": "1", "data": data,
            "message": {"message_id": mid, "date": _now(), "chat": CHAT, "from": BOT, "text": m.text,
                        "reply_markup": markup}})

    def _update(self, **body) -> dict:
        self._update_id += 1
        return {"update_id": self._update_id, **body}

    def _print(self, m: Shown) -> None:
        print(m.text, file=self.out)
        n = 0
        for row in m.buttons:
            cells = []
            for label, _ in row:
                n += 1
                cells.append(f"[{n}] {label}")
            print("   ".join(cells), file=self.out)
        print(file=self.out)


def _now() -> int:
    import time
    return int(time.time())


def _rows(markup) -> list[list[tuple[str, str]]]:
    if not markup:
        return []
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [[(b["text"], b.get("callback_data", "")) for b in row] for row in markup.get("inline_keyboard", [])]


def _list(value) -> list:
    return json.loads(value) if isinstance(value, str) else list(value or [])


def _error(code: int, description: str) -> tuple[int, bytes]:
    return code, json.dumps({"ok": False, "error_code": code, "description": description}).encode()


async def chat(settings, lang: str | None = None, stdin=sys.stdin, out=sys.stdout) -> int:
    """The shipped settings, with what a terminal cannot have: no token, no counting, no watcher."""
    from dataclasses import replace

    from .core import load_core
    from .telegram_adapter import TelegramAdapter
    settings = replace(settings, token="0:terminal", stats=False, watch_seconds=0, health_port=0,
                       sessions_url="", mode="polling", api_base_url="", file_base_url="")
    core = await load_core(settings)
    return await converse(TelegramAdapter(core, settings), stdin, out, lang)


async def converse(adapter, stdin=sys.stdin, out=sys.stdout, lang: str | None = None) -> int:
    """Read the person's lines, hand each to the real Application, print what the phone shows."""
    phone = Phone(out)
    app = adapter.build(request=phone)
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    print("Putokaz — the bot as Telegram shows it. Type a number to press a button, or type text; "
          "/start, /help, /language, /leave work too; <photo> sends a photo. Ctrl-D quits.\n", file=out)
    loop = asyncio.get_running_loop()
    first = f"/start {lang}" if lang else "/start"
    line: str | None = first
    try:
        while line is not None:
            line = line.strip()
            if line:
                buttons = phone.buttons()
                if line.isdigit() and 1 <= int(line) <= len(buttons):
                    update = phone.press(*buttons[int(line) - 1])
                elif line in ("<photo>", "<media>"):
                    update = phone.photo()
                else:
                    update = phone.type(line)
                await app.process_update(Update.de_json(update, app.bot))
            line = await loop.run_in_executor(None, stdin.readline)
            if line == "":
                break
    finally:
        if app.post_stop:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
    return 0
