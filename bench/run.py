"""Benchmarks, in-process and with no network. Prints figures; asserts nothing.

    python bench/run.py [--updates N]

(a) cost per update of the full bot vs a bare python-telegram-bot echo bot, both through
    `Application.process_update` with a request class that records instead of sending;
(b) place look-up latency over every name and alias, and over Serbian case forms of them;
(c) time from process start to ready (imports, validation, SQLite build, Application initialised).
Targets (README): ratio ≤ 1.5, look-up p99 ≤ 1 ms, ready ≤ 1.5 s.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, MessageHandler, filters  # noqa: E402

from bot.offline import OfflineRequest as RecordingRequest  # noqa: E402

TOKEN = "1000001:BenchTokenBenchTokenBenchTokenBench"


def conversation(chat: int, start_id: int) -> list[dict]:
    """One person's whole conversation as raw updates."""
    user = {"id": chat, "is_bot": False, "first_name": "B"}
    base = {"chat": {"id": chat, "type": "private"}, "from": user, "date": 0}
    msgs, n = [], start_id

    def text(t):
        nonlocal n
        n += 1
        m = {**base, "message_id": n, "text": t}
        if t.startswith("/"):
            m["entities"] = [{"type": "bot_command", "offset": 0, "length": len(t.split()[0])}]
        msgs.append({"update_id": n, "message": m})

    def press(data):
        nonlocal n
        n += 1
        msgs.append({"update_id": n, "callback_query": {"id": str(n), "from": user, "chat_instance": "c", "data": data,
                                                         "message": {**base, "message_id": 1, "text": "x"}}})
    text("/start en")
    press("danger|no")
    press("need|shelter")
    text("u Novom Sadu")
    press("answer|town")
    text("Mitrovica")
    press("pick-town|=sremska-mitrovica")
    press("answer|leave")
    return msgs


async def per_update_cost(n_chats: int, rounds: int = 9) -> tuple[float, float, int, int]:
    from bot.config import Settings
    from bot.core import load_core
    from bot.telegram_adapter import TelegramAdapter

    tmp = Path(tempfile.mkdtemp(prefix="putokaz-bench-"))
    # No overall rate limit here: it would measure Telegram's 30 messages a second, not our cost.
    settings = replace(Settings(), token=TOKEN, db_path=tmp / "register.sqlite3", max_rate=0,
                       stats_db=tmp / "stats.sqlite3")
    core = await load_core(settings)

    bot_req = RecordingRequest()
    bot_app = TelegramAdapter(core, settings).build(request=bot_req)

    echo_req = RecordingRequest()
    echo_app = ApplicationBuilder().token(TOKEN).request(echo_req).get_updates_request(echo_req).build()

    async def echo(update, context):  # python-telegram-bot's own echo example
        await update.message.reply_text(update.message.text)

    async def answer(update, context):
        # A bare bot that answers the press and echoes its data: the same Bot API calls the real bot makes.
        await update.callback_query.answer()
        await update.callback_query.message.reply_text(update.callback_query.data)

    echo_app.add_handler(MessageHandler(filters.TEXT, echo))
    echo_app.add_handler(CallbackQueryHandler(answer))

    raw = [u for c in range(n_chats) for u in conversation(5_000_000 + c, c * 100)]
    results: dict[str, list[float]] = {"echo": [], "bot": []}
    apps = (("echo", echo_app), ("bot", bot_app))
    for _, app in apps:
        await app.initialize()
        for u in raw[:80]:  # warm-up
            await app.process_update(Update.de_json(u, app.bot))
    calls = {}
    for _ in range(rounds):  # alternate, and compare each bot round with the echo round beside it
        for name, app in apps:
            req = bot_req if name == "bot" else echo_req
            before = req.calls
            updates = [Update.de_json(u, app.bot) for u in raw]
            gc.collect()  # each round starts with the same heap
            t0 = time.process_time()  # CPU time: not what other machines on the host take
            for u in updates:
                await app.process_update(u)
            results[name].append((time.process_time() - t0) / len(updates))
            calls[name] = req.calls - before
    for _, app in apps:
        await app.shutdown()
    ratios = sorted(b / e for b, e in zip(results["bot"], results["echo"]))
    return statistics.median(results["bot"]), statistics.median(results["echo"]), calls["bot"], calls["echo"], ratios


def lookup_latency() -> tuple[float, float, float, int]:
    from bot.matching import TownMatcher
    from bot.register import load_csv
    data, _ = load_csv(ROOT / "data")
    matcher = TownMatcher(data.aliases)
    queries = [name for name, _ in data.aliases]
    queries += [f"u {name}u" for name, _ in data.aliases] + [f"iz {name}a" for name, _ in data.aliases]
    queries += ["Qwertyville", "live near Kragujevac", "Kragujvac", "Palanka"] * 10
    times = []
    for q in queries:
        t0 = time.perf_counter()
        matcher.match(q)
        times.append(time.perf_counter() - t0)
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000  # noqa: E731
    return p(0.5), p(0.99), times[-1] * 1000, len(times)


READY_PROBE = r"""
import asyncio, sys, tempfile
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/bench")
from run import RecordingRequest, TOKEN
from bot.config import Settings
from bot.core import load_core
from bot.telegram_adapter import TelegramAdapter
async def main():
    settings = replace(Settings(), token=TOKEN, db_path=Path(tempfile.mkdtemp()) / "r.sqlite3", stats=False)
    core = await load_core(settings)
    adapter = TelegramAdapter(core, settings)
    app = adapter.build(request=RecordingRequest())
    await app.initialize()
    await adapter._post_init(app)
    print("ready", flush=True)
asyncio.run(main())
"""


def time_to_ready(runs: int = 3) -> float:
    best = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", READY_PROBE, str(ROOT)], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "ready", out.stderr
        best.append(time.perf_counter() - t0)
    return statistics.median(best)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=300, help="conversations of 8 updates each")
    args = parser.parse_args()
    bot, echo, bot_calls, echo_calls, ratios = asyncio.run(per_update_cost(args.chats))
    updates = args.chats * 8
    print(f"updates: {updates} a round; Bot API calls: bot {bot_calls}, echo {echo_calls}")
    print(f"per-update cost (median round): bot {bot * 1e6:.0f} µs, echo {echo * 1e6:.0f} µs")
    print(f"ratio per round: min {ratios[0]:.2f}, max {ratios[-1]:.2f}")
    print(f"per-update cost ratio (bot/echo): {statistics.median(ratios):.2f}")
    p50, p99, worst, n = lookup_latency()
    print(f"place lookup over {n} names: p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {worst:.3f} ms")
    print(f"start to ready: {time_to_ready():.2f} s")


if __name__ == "__main__":
    main()
