"""The composition root: everything the running bot is made of, built once, top to bottom.

    settings (environment) → core (dialogue, texts, register, matcher, renderer; frozen)
                           → session store (memory or Redis) → answer counter (stats)
                           → channel adapter (Telegram; the compiled-in fallback when the operators'
                             files are broken) → python-telegram-bot Application
                           → the web door (bot/webdoor.py), when PUTOKAZ_WEB_LISTEN is set: the same
                             core and counter, its own in-memory sessions, started and stopped by
                             the Application's hooks

`compose()` builds them; `serve()` runs the Application in the mode the settings name (polling or
webhook) and, when it stops, the Application's hooks close them in reverse: post_stop erases the
chats waiting for "erase in 1 hour", post_shutdown flushes the counts and closes the store. Nothing
else in the program builds any of these (tests and the benchmark build a core and an adapter the
same way, through these functions or their public parts).
"""
from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from typing import Any

from .config import Settings
from .problems import InvalidFiles


@dataclass(frozen=True)
class Composition:
    settings: Settings
    adapter: Any  # TelegramAdapter, or FallbackAdapter while the operators' files are broken
    app: Any  # telegram.ext.Application
    problem: str = ""  # why the fallback serves, when it does


def compose(settings: Settings, request=None) -> Composition:
    """Build the running bot. Broken operator files, or a register that cannot be written, do not
    stop it: the fallback adapter answers everyone with the compiled-in essentials meanwhile."""
    from .core import load_core
    from .telegram_adapter import FallbackAdapter, TelegramAdapter, make_demand, make_sessions
    adapter: TelegramAdapter | FallbackAdapter
    problem = ""
    try:
        core = asyncio.run(load_core(settings))
        adapter = TelegramAdapter(core, settings, sessions=make_sessions(settings), demand=make_demand(settings, core))
        if settings.web_listen:  # the web door beside Telegram: the same core, the same answer counter
            from .webdoor import WebDoor
            adapter.web = WebDoor(core, settings, demand=adapter.demand)
    except InvalidFiles as exc:
        print(f"error: the operator files have errors; serving the fallback reply until they are fixed:\n{exc}",
              file=sys.stderr)
        problem = str(exc.problems[0]) if exc.problems else "invalid files"
        adapter = FallbackAdapter(settings, problem)
    except Exception as exc:  # noqa: BLE001 - e.g. the register cannot be written: still answer
        print(f"error: could not load the register ({type(exc).__name__}); serving the fallback reply", file=sys.stderr)
        problem = type(exc).__name__
        adapter = FallbackAdapter(settings, problem)
    return Composition(settings, adapter, adapter.build(request=request), problem)


def serve(c: Composition, bootstrap_retries: int) -> None:
    """Run until SIGTERM/SIGINT: long polling, or our own webhook server (serve_webhook below)."""
    from .telegram_adapter import ALLOWED_UPDATES
    if c.settings.mode == "webhook":
        asyncio.run(serve_webhook(c.adapter, c.app, c.settings, ALLOWED_UPDATES))
    else:
        # A few tries (about a second apart) ride out a short network blip at boot; then exit 2.
        c.app.run_polling(allowed_updates=ALLOWED_UPDATES, close_loop=False, bootstrap_retries=bootstrap_retries)


async def serve_webhook(adapter, app, settings: Settings, allowed_updates: list[str]) -> None:
    """Webhook mode: our own small server receives updates; SIGTERM stops taking them, finishes those
    in hand (bounded by PUTOKAZ_STOP_SECONDS), closes everything and returns (exit 0)."""
    import logging
    import secrets
    import signal

    from telegram import Update

    from .telegram_adapter import start_server
    from .web import parse_listen, webhook_app
    log = logging.getLogger("putokaz")
    host, port = parse_listen(settings.listen)
    path = "/telegram/" + secrets.token_urlsafe(24)
    secret = settings.webhook_secret or secrets.token_urlsafe(32)

    async def deliver(data: dict) -> None:
        try:
            update = Update.de_json(data, app.bot)
        except Exception:  # noqa: BLE001 - a malformed update is dropped, never logged
            log.warning("an update that could not be read was dropped")
            return
        await app.update_queue.put(update)

    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    runner = await start_server(webhook_app(path, secret, deliver, adapter.health), host, port)
    await app.bot.set_webhook(settings.webhook_url.rstrip("/") + path, secret_token=secret,
                              allowed_updates=allowed_updates, max_connections=40)
    log.info("webhook mode: listening on %s:%d", host, port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping: no new updates; finishing those in hand")
    await runner.cleanup()  # stop taking updates first
    try:
        await asyncio.wait_for(_drain(app), settings.stop_seconds)
    except asyncio.TimeoutError:
        log.warning("stopping: updates still in hand after %.0f s were dropped", settings.stop_seconds)
    await app.stop()
    if app.post_stop:
        await app.post_stop(app)
    if app.post_shutdown:
        await app.post_shutdown(app)
    await app.shutdown()


async def _drain(app) -> None:
    """Wait until every received update has been handled."""
    while not app.update_queue.empty() or getattr(app.update_processor, "current_concurrent_updates", 0) > 0:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0)
