"""The bot's own small HTTP server (aiohttp): Telegram's webhook, and `/healthz`.

Webhook requests must carry Telegram's `X-Telegram-Bot-Api-Secret-Token`; without the right one
they get 403 before their body is read, and nothing about them is logged. Bodies are size-limited;
a malformed update gets 400 and is never logged (python-telegram-bot's own webhook server would log
it in full at CRITICAL level — this server replaces it).
"""
from __future__ import annotations

import hmac
import json
import logging
from collections import OrderedDict
from typing import Awaitable, Callable

from aiohttp import web

log = logging.getLogger("putokaz.web")

MAX_BODY = 256 * 1024  # Telegram updates are far smaller
REPLAY_WINDOW = 10_000  # update ids remembered to ignore a replayed update
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def health_app(status: Callable[[], tuple[int, dict]]) -> web.Application:
    app = web.Application(client_max_size=1024)

    async def healthz(request: web.Request) -> web.Response:
        code, body = status()
        return web.json_response(body, status=code)

    app.router.add_get("/healthz", healthz)
    return app


def webhook_app(path: str, secret: str, deliver: Callable[[dict], Awaitable[None]],
                status: Callable[[], tuple[int, dict]]) -> web.Application:
    app = health_app(status)
    app._client_max_size = MAX_BODY  # noqa: SLF001 - aiohttp reads the limit from here
    seen: OrderedDict[int, None] = OrderedDict()  # the last REPLAY_WINDOW update ids (numbers only)

    async def webhook(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=403)  # not Telegram: the body is never read
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.Response(status=413)
        try:
            data = json.loads(await request.read())
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413)
        except (ValueError, RecursionError):  # JSON errors, or nested too deep; the content is never logged
            log.warning("a webhook request that is not an update was refused")
            return web.Response(status=400)
        update_id = data["update_id"]
        if update_id in seen:
            return web.Response(status=200)  # Telegram (or someone) sent it again: handled once only
        seen[update_id] = None
        while len(seen) > REPLAY_WINDOW:
            seen.popitem(last=False)
        await deliver(data)
        return web.Response(status=200)

    app.router.add_post(path, webhook)
    return app


def parse_listen(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"PUTOKAZ_LISTEN must be host:port, e.g. 127.0.0.1:8443 (got {value!r})")
    return host.strip("[]"), int(port)
