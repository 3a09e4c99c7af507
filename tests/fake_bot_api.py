"""A small local stand-in for the Telegram Bot API, on 127.0.0.1, for end-to-end tests.

It speaks the same HTTP interface python-telegram-bot uses (form or JSON parameters, JSON
`{"ok": ..., "result": ...}` answers), long-polls `getUpdates` from a queue the test fills, and
records every call so that tests can wait for what the bot sent.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field

from aiohttp import web

BOT_USER = {"id": 4242424242, "is_bot": True, "first_name": "Putokaz", "username": "putokaz_test_bot",
            "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}


_FILE = {"file_id": "f1", "file_unique_id": "u1"}
MEDIA = {
    "photo": [{**_FILE, "width": 10, "height": 10}],
    "video": {**_FILE, "width": 10, "height": 10, "duration": 1},
    "voice": {**_FILE, "duration": 1},
    "sticker": {**_FILE, "width": 512, "height": 512, "is_animated": False, "is_video": False, "type": "regular"},
    "document": {**_FILE},
    "animation": {**_FILE, "width": 10, "height": 10, "duration": 1},
    "video_note": {**_FILE, "length": 10, "duration": 1},
    "audio": {**_FILE, "duration": 1},
}


@dataclass
class Call:
    method: str
    params: dict
    at: float = field(default_factory=time.monotonic)


class FakeBotAPI:
    def __init__(self, token: str):
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict] = []
        self.messages: dict[tuple[int, int], dict] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)
        self._callback_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self.runner: web.AppRunner | None = None
        self.port = 0
        self.faults: list[dict] = []  # injected failures, consumed in order
        self.inbox: dict[int, asyncio.Queue] = {}  # chat → what the bot showed it, for load tests
        self.record = True  # keep every call (load tests turn this off)
        self.polled = asyncio.Event()
        self.descriptions: dict[str, str] = {}  # language code ("" = default) → setMyDescription text
        self.short_descriptions: dict[str, str] = {}

    # --- server ---------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> str:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", port or self.port, reuse_address=True)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{self.port}/bot"

    def fail(self, method: str, status: int, description: str, times: int = 1, retry_after: int | None = None,
             chat_id: int | None = None, delay: float = 0.0) -> None:
        """The next `times` calls of `method` (for `chat_id`, if given) fail like Telegram would."""
        self.faults.append({"method": method, "status": status, "description": description, "times": times,
                            "retry_after": retry_after, "chat_id": chat_id, "delay": delay})

    def _fault_for(self, method: str, params: dict) -> dict | None:
        for f in self.faults:
            if f["method"] == method and f["times"] > 0 and (
                    f["chat_id"] is None or str(params.get("chat_id")) == str(f["chat_id"])):
                f["times"] -= 1
                return f
        return None

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params: dict = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.can_read_body:
            form = await request.post()
            for k, v in form.items():
                try:
                    params[k] = json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v
                except json.JSONDecodeError:
                    params[k] = v
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        fault = self._fault_for(method, params)
        if method != "getUpdates" and self.record:
            self.calls.append(Call(method, params))
            self._new_call.set()
        if fault is not None:
            if fault["delay"]:
                await asyncio.sleep(fault["delay"])
            if fault["status"] != 200:
                body = {"ok": False, "error_code": fault["status"], "description": fault["description"]}
                if fault["retry_after"] is not None:
                    body["parameters"] = {"retry_after": fault["retry_after"]}
                return web.json_response(body, status=fault["status"])
        result = await handler(params)
        if isinstance(result, web.Response):
            return result
        return web.json_response({"ok": True, "result": result})

    # --- Bot API methods ------------------------------------------------------------------------

    async def api_getMe(self, p):  # noqa: N802
        return BOT_USER

    async def api_deleteWebhook(self, p):  # noqa: N802
        return True

    async def api_setWebhook(self, p):  # noqa: N802
        self.webhook = dict(p)
        return True

    async def api_getUpdates(self, p):  # noqa: N802
        self.polled.set()
        offset = int(p.get("offset") or 0)
        timeout = min(float(p.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        self.updates = [u for u in self.updates if u["update_id"] >= offset]  # the rest are acknowledged
        while True:
            pending = [u for u in self.updates if u["update_id"] >= offset]
            if pending or time.monotonic() >= deadline:
                self.updates = pending
                return pending[:100]
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), max(0.01, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                pass

    def _message(self, chat_id: int, text: str, markup=None, message_id: int | None = None) -> dict:
        mid = message_id or next(self._message_ids)
        inbox = self.inbox.get(chat_id)
        if inbox is not None:
            inbox.put_nowait((time.monotonic(), text, markup))
        msg = {"message_id": mid, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
               "from": BOT_USER, "text": text}
        if markup:
            msg["reply_markup"] = markup
        self.messages[(chat_id, mid)] = msg
        return msg

    async def api_sendMessage(self, p):  # noqa: N802
        return self._message(int(p["chat_id"]), p["text"], p.get("reply_markup"))

    async def api_editMessageText(self, p):  # noqa: N802
        key = (int(p["chat_id"]), int(p["message_id"]))
        if key not in self.messages:
            return web.json_response({"ok": False, "error_code": 400,
                                      "description": "Bad Request: message to edit not found"}, status=400)
        return self._message(key[0], p["text"], p.get("reply_markup"), message_id=key[1])

    async def api_editMessageReplyMarkup(self, p):  # noqa: N802
        key = (int(p["chat_id"]), int(p["message_id"]))
        if key not in self.messages:
            return web.json_response({"ok": False, "error_code": 400,
                                      "description": "Bad Request: message to edit not found"}, status=400)
        msg = dict(self.messages[key])
        markup = p.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup) if markup else None
        if markup:
            msg["reply_markup"] = markup
        else:
            msg.pop("reply_markup", None)
        self.messages[key] = msg
        return msg

    async def api_answerCallbackQuery(self, p):  # noqa: N802
        return True

    async def api_deleteMessage(self, p):  # noqa: N802
        self.messages.pop((int(p["chat_id"]), int(p["message_id"])), None)
        return True

    async def api_deleteMessages(self, p):  # noqa: N802
        ids = p["message_ids"] if isinstance(p["message_ids"], list) else json.loads(p["message_ids"])
        for mid in ids:
            self.messages.pop((int(p["chat_id"]), int(mid)), None)
        return True

    async def api_setMyCommands(self, p):  # noqa: N802
        return True

    def _store_text(self, p: dict, field: str, limit: int, into: dict):
        """setMyDescription / setMyShortDescription: Telegram's length limit, then keep it by language code."""
        if len(p.get(field, "")) > limit:
            return web.json_response({"ok": False, "error_code": 400,
                                      "description": f"Bad Request: bot {field.replace('_', ' ')} is too long"},
                                     status=400)
        into[p.get("language_code") or ""] = p.get(field, "")
        return True

    async def api_setMyDescription(self, p):  # noqa: N802
        return self._store_text(p, "description", 512, self.descriptions)

    async def api_setMyShortDescription(self, p):  # noqa: N802
        return self._store_text(p, "short_description", 120, self.short_descriptions)

    async def api_sendVoice(self, p):  # noqa: N802
        return self._message(int(p["chat_id"]), "", p.get("reply_markup"))

    async def api_leaveChat(self, p):  # noqa: N802
        return True

    async def api_close(self, p):
        return True

    # --- what a test does -----------------------------------------------------------------------

    def _push(self, update: dict) -> None:
        update["update_id"] = next(self._update_ids)
        self.updates.append(update)
        self._new_update.set()

    def send_text(self, user: dict, text: str, chat_type: str = "private", chat_id: int | None = None) -> int:
        """A person types `text` (commands included). Returns the message id."""
        mid = next(self._message_ids)
        chat = {"id": chat_id or user["id"], "type": chat_type}
        if chat_type == "private":
            chat.update({k: user[k] for k in ("first_name", "username") if k in user})
        else:
            chat["title"] = "Some group"
        msg = {"message_id": mid, "date": int(time.time()), "chat": chat, "from": user, "text": text}
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self.messages[(chat["id"], mid)] = msg
        self._push({"message": msg})
        return mid

    def send_sticker(self, user: dict) -> int:
        return self.send_kind(user, "sticker")

    def send_kind(self, user: dict, kind: str, date: int | None = None, **extra) -> int:
        """A message of one media kind (or contact, location, forward...). Returns its id."""
        mid = next(self._message_ids)
        msg = {"message_id": mid, "date": date or int(time.time()), "chat": {"id": user["id"], "type": "private"},
               "from": user, **extra}
        if kind in MEDIA:
            msg[kind] = MEDIA[kind]
        self.messages[(user["id"], mid)] = msg
        self._push({"message": msg})
        return mid

    def push_raw(self, update: dict) -> None:
        self._push(update)

    def press(self, user: dict, message_id: int, data: str) -> None:
        message = self.messages.get((user["id"], message_id)) or {
            "message_id": message_id, "date": int(time.time()), "chat": {"id": user["id"], "type": "private"},
            "from": BOT_USER, "text": "…"}
        self._push({"callback_query": {"id": str(next(self._callback_ids)), "from": user, "chat_instance": "ci1",
                                       "data": data, "message": message}})

    async def wait_for(self, method: str, count: int = 1, since: int = 0, timeout: float = 10.0,
                       chat_id: int | None = None) -> list[Call]:
        """Wait until at least `count` calls of `method` (after call index `since`) have arrived."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls[since:] if c.method == method
                     and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)]
            if len(found) >= count:
                return found
            if time.monotonic() >= deadline:
                raise AssertionError(f"timed out waiting for {count} × {method}; calls: "
                                     f"{[c.method for c in self.calls[since:]]}")
            self._new_call.clear()
            try:
                await asyncio.wait_for(self._new_call.wait(), 0.2)
            except asyncio.TimeoutError:
                pass

    async def settle(self, quiet: float = 0.4, timeout: float = 10.0) -> None:
        """Wait until the bot has made no call for `quiet` seconds and has taken every update."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.calls[-1].at if self.calls else 0
            if not self.updates and time.monotonic() - last >= quiet:
                return
            await asyncio.sleep(0.05)
