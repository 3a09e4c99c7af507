"""Running for real: webhook mode with its secret, /healthz, the fallback reply, graceful SIGTERM."""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import aiohttp
import pytest

from bot.fallback import FALLBACK_TEXT
from bot.i18n import Texts
from bot_process import ROOT, TOKEN, Bot
from fake_bot_api import FakeBotAPI

TEXTS, _ = Texts.load(ROOT / "locales")
USER = {"id": 930001, "is_bot": False, "first_name": "W"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def update(text: str, n: int = 1) -> dict:
    return {"update_id": n, "message": {"message_id": 500 + n, "date": int(time.time()), "from": USER,
                                        "chat": {"id": USER["id"], "type": "private"}, "text": text}}


async def wait_log(bot: Bot, needle: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while needle not in bot.log.read_text(errors="replace"):
        assert time.monotonic() < deadline, f"{needle!r} never logged"
        await asyncio.sleep(0.05)


async def test_webhook_mode_secret_health_and_graceful_stop(tmp_path):
    api = FakeBotAPI(TOKEN)
    port = free_port()
    bot = Bot(tmp_path, await api.start(), PUTOKAZ_MODE="webhook", PUTOKAZ_LISTEN=f"127.0.0.1:{port}",
              PUTOKAZ_WEBHOOK_URL=f"http://127.0.0.1:{port}", PUTOKAZ_LOG_LEVEL="INFO")
    await bot.start()
    base = f"http://127.0.0.1:{port}"
    try:
        await api.wait_for("setWebhook", timeout=30)
        hook = api.webhook
        path = hook["url"][len(base):]
        assert path.startswith("/telegram/") and len(path) > 30
        secret = hook["secret_token"]
        assert len(secret) >= 32
        assert set(json.loads(hook["allowed_updates"]) if isinstance(hook["allowed_updates"], str)
                   else hook["allowed_updates"]) == {"message", "callback_query", "channel_post", "my_chat_member"}
        async with aiohttp.ClientSession() as http:
            async with http.get(base + "/healthz") as r:
                assert r.status == 200
                body = await r.json()
                assert body["status"] == "ok" and body["register"] == "2025-03-14" and len(body["dialogs"]) == 12
            # without or with a wrong secret: 403, nothing processed, nothing logged
            canary = update("Zqxjforgedcanary")
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with http.post(base + path, json=canary, headers=headers) as r:
                    assert r.status == 403
            good = {"X-Telegram-Bot-Api-Secret-Token": secret}
            async with http.post(base + path, data=b"{not json", headers=good) as r:
                assert r.status == 400
            async with http.post(base + path, data=b"x" * (300 * 1024), headers=good) as r:
                assert r.status == 413
            async with http.post(base + "/elsewhere", json=canary, headers=good) as r:
                assert r.status in (404, 405)
            assert not [c for c in api.calls if c.method == "sendMessage"]
            # a real update is answered
            n = len(api.calls)
            async with http.post(base + path, json=update("/start en", 2), headers=good) as r:
                assert r.status == 200
            [sent] = await api.wait_for("sendMessage", since=n)
            assert sent.params["text"].endswith(TEXTS.format("en", "ask-danger"))
            # the same update again (a replay): accepted, never handled twice
            n = len(api.calls)
            async with http.post(base + path, json=update("/start en", 2), headers=good) as r:
                assert r.status == 200
            await api.settle(quiet=0.5)
            assert not [c for c in api.calls[n:] if c.method == "sendMessage"]
            # JSON nested far too deep: 400, not a crash
            deep = b'{"update_id": 9, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
            async with http.post(base + path, data=deep, headers=good) as r:
                assert r.status == 400
            # SIGTERM while a reply is in hand: it is finished, then the bot exits 0
            api.fail("sendMessage", 200, "", delay=1.5)
            n = len(api.calls)
            async with http.post(base + path, json=update("/start sq", 3), headers=good) as r:
                assert r.status == 200
            await api.wait_for("sendMessage", since=n)
            bot.proc.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(bot.proc.wait(), 20)
            assert code == 0
    finally:
        await bot.stop()
        await api.stop()
    log = bot.log.read_text(errors="replace")
    assert "Zqxjforgedcanary" not in log and "not json" not in log and TOKEN not in log and secret not in log
    assert "stopping: no new updates" in log


async def test_broken_files_at_start_still_answer_with_the_essentials(tmp_path):
    for name in ("dialogs", "locales", "data"):
        shutil.copytree(ROOT / name, tmp_path / "files" / name)
    toml = tmp_path / "files" / "dialogs" / "main.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('says = "ask-need"', 'says = "ask-need'), encoding="utf-8")
    api = FakeBotAPI(TOKEN)
    port = free_port()
    bot = Bot(tmp_path, await api.start(), PUTOKAZ_DIALOGS_DIR=str(toml.parent), PUTOKAZ_HEALTH_PORT=str(port))
    await bot.start()
    try:
        await wait_log(bot, "serving the fallback reply only")
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                assert r.status == 503
                body = await r.json()
                assert body == {"status": "fallback"}  # the operators' error text stays in the log
        assert "dialogs/main.toml" in bot.log.read_text(errors="replace")
        n = len(api.calls)
        api.send_text(USER, "Help, anything")
        [sent] = await api.wait_for("sendMessage", since=n)
        assert sent.params["text"] == FALLBACK_TEXT
        assert "192" in FALLBACK_TEXT and "194" in FALLBACK_TEXT and "011 7850000" in FALLBACK_TEXT
        assert "112" not in FALLBACK_TEXT
    finally:
        assert await bot.stop() == 0
        await api.stop()


async def test_health_listener_in_polling_mode(tmp_path):
    api = FakeBotAPI(TOKEN)
    port = free_port()
    bot = Bot(tmp_path, await api.start(), PUTOKAZ_HEALTH_PORT=str(port))
    await bot.start()
    try:
        await wait_log(bot, "ready:")
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                assert r.status == 200 and (await r.json())["status"] == "ok"
    finally:
        assert await bot.stop() == 0
        await api.stop()


async def test_json_logs_and_the_summary_line_carry_no_content(tmp_path):
    api = FakeBotAPI(TOKEN)
    bot = Bot(tmp_path, await api.start(), PUTOKAZ_LOG_FORMAT="json", PUTOKAZ_SUMMARY_MINUTES="0.02",
              PUTOKAZ_LOG_LEVEL="INFO")
    await bot.start()
    try:
        await wait_log(bot, "ready:")
        api.send_text(USER, "/start en")
        api.send_text(USER, "Zqxjsummarycanary")
        await api.wait_for("sendMessage", count=2)
        await wait_log(bot, "updates=2")
    finally:
        assert await bot.stop() == 0
        await api.stop()
    lines = [json.loads(line) for line in bot.log.read_text().splitlines() if line.startswith("{")]
    assert lines and all(set(x) == {"ts", "level", "logger", "msg"} for x in lines)
    summary = next(x["msg"] for x in lines if "updates=2" in x["msg"])
    assert "p50_ms=" in summary and "p95_ms=" in summary
    text = bot.log.read_text()
    assert "Zqxjsummarycanary" not in text and str(USER["id"]) not in text


def test_a_network_error_at_start_is_one_line_and_exit_2_never_a_traceback(tmp_path):
    import socket
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PUTOKAZ_"))}
    env.update(TELEGRAM_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot",
               PUTOKAZ_DB=str(tmp_path / "r.sqlite3"), PUTOKAZ_STATS_DB=str(tmp_path / "s.sqlite3"),
               PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=120)
    out = r.stdout + r.stderr
    assert r.returncode == 2
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert errors == [errors[0]] and "could not reach TELEGRAM_API_BASE_URL" in errors[0]
    assert "Traceback" not in out and TOKEN not in out and TOKEN.split(":")[1] not in out


def test_the_systemd_unit_reads_the_token_as_a_credential_and_is_hardened():
    unit = (ROOT / "deploy" / "putokaz.service").read_text(encoding="utf-8")
    directives = {}
    for line in unit.splitlines():
        if "=" in line and not line.lstrip().startswith(("#", "[")):
            key, _, value = line.partition("=")
            directives.setdefault(key.strip(), []).append(value.strip())
    assert directives["ExecStart"] == ["/opt/putokaz/.venv/bin/python -m bot"]  # no token in a command line
    assert "TELEGRAM_TOKEN" not in unit.split("[Service]")[1].split("\n#")[0]
    assert not [v for v in directives.get("Environment", []) if "TOKEN" in v]
    assert directives["LoadCredential"] == ["token:/etc/putokaz/token"]
    assert directives["RestartPreventExitStatus"] == ["2 3"]  # the exit codes of a wrong setting and a 409
    for key, value in (("ProtectProc", "invisible"), ("CapabilityBoundingSet", ""), ("MemorySwapMax", "0"),
                       ("SystemCallFilter", "@system-service"), ("LimitCORE", "0"), ("NoNewPrivileges", "yes")):
        assert directives.get(key) == [value], key


def test_the_token_is_read_from_the_systemd_credential_or_a_file(tmp_path, monkeypatch):
    from bot.config import ConfigError, Settings
    (tmp_path / "token").write_text(TOKEN + "\n", encoding="utf-8")
    for name in ("TELEGRAM_TOKEN", "TELEGRAM_TOKEN_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(tmp_path))
    assert Settings.from_env().token == TOKEN
    monkeypatch.delenv("CREDENTIALS_DIRECTORY")
    monkeypatch.setenv("TELEGRAM_TOKEN_FILE", str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="TELEGRAM_TOKEN_FILE"):
        Settings.from_env()


def test_the_bot_process_cannot_dump_core_or_be_read_by_its_user():
    code = ("import ctypes, resource; from bot.__main__ import harden; harden(); "
            "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.stdout.split(maxsplit=1) == ["0", "(0, 0)\n"]  # PR_GET_DUMPABLE = 0, core size 0
