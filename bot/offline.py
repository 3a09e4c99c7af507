"""A Bot API request layer that answers locally, as Telegram would, and records every call.

For the benchmark and for tests that drive the real `Application` without any network.
"""
from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest

BOT_USER = {"id": 1000001, "is_bot": True, "first_name": "Putokaz", "username": "putokaz_offline_bot"}


class LocalRequest(BaseRequest):
    """A request layer with nothing to open or close: subclasses answer `do_request` themselves."""

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def read_timeout(self) -> float:
        return 1.0


class OfflineRequest(LocalRequest):
    def __init__(self, record: bool = False):
        self.calls = 0
        self.record = record
        self.log: list[tuple[str, dict[str, Any]]] = []  # (method, parameters) when recording
        # Message ids count up per chat, as in a private chat on Telegram: the next one follows the
        # newest id this layer has seen in that chat (its own, or the person's message it deleted).
        self._top: dict[Any, int] = {}

    def begin(self, chat_id: int, newest: int) -> None:
        """A message with this id has just arrived in the chat (the person's): the bot's next messages
        follow it, as on Telegram, where one counter numbers both sides of a private chat."""
        self._top[chat_id] = newest

    async def do_request(self, url, method, request_data=None, read_timeout=None, write_timeout=None,
                         connect_timeout=None, pool_timeout=None) -> tuple[int, bytes]:
        self.calls += 1
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        if self.record:
            self.log.append((name, dict(params)))
        if name == "getMe":
            result: Any = BOT_USER
        elif name in ("sendMessage", "editMessageText"):
            chat = params["chat_id"]
            if name == "sendMessage":
                mid = self._top[chat] = self._top.get(chat, 0) + 1
            else:
                mid = int(params["message_id"])
            result = {"message_id": mid, "date": 0,
                      "chat": {"id": chat, "type": "private"}, "text": params.get("text", "")}
        elif name == "deleteMessage":  # the person's message: ids after it are the bot's next
            chat = params["chat_id"]
            self._top[chat] = max(self._top.get(chat, 0), int(params["message_id"]))
            result = True
        elif name == "getUpdates":
            result = []
        else:
            result = True
        return 200, json.dumps({"ok": True, "result": result}).encode()
