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
    """One person's whole conversation as raw updates, with the message ids Telegram would give: one
    counter per chat for the person's messages and the bot's, and every press on the screen the bot
    sent last (the live one, as a person presses it). The bot sends one new message after /start and
    after each typed message, and edits the pressed screen otherwise."""
    user = {"id": chat, "is_bot": False, "first_name": "B"}
    # Sent now: a message hours old is answered as one from before a restart (the bot starts over).
    base = {"chat": {"id": chat, "type": "private"}, "from": user, "date": int(time.time())}
    msgs: list[dict] = []
    n = update = start_id
    screen = start_id  # the id of the bot's newest message

    def text(t):
        nonlocal n, update, screen
        n += 1
        update += 1
        m = {**base, "message_id": n, "text": t}
        if t.startswith("/"):
            m["entities"] = [{"type": "bot_command", "offset": 0, "length": len(t.split()[0])}]
        msgs.append({"update_id": update, "message": m})
        n += 1  # the bot's reply
        screen = n

    def press(data):
        nonlocal update
        update += 1
        msgs.append({"update_id": update, "callback_query": {"id": str(update), "from": user, "chat_instance": "c",
                                                              "data": data,
                                                              "message": {**base, "message_id": screen, "text": "x"}}})
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
    from bot.conversation import erase_window
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

    # python-telegram-bot's own echo example, extended to make the Bot API calls Putokaz makes, the plain
    # way: delete what was typed; keep one live message (edit the pressed one; after a typed message,
    # reply and take the buttons off the previous reply); on "leave", delete the same window of ids.
    seen: dict[int, tuple[int, int, int | None]] = {}  # chat → (first id, newest id, live reply)

    def note(chat: int, *ids: int) -> tuple[int, int, int | None]:
        first, top, live = seen.get(chat, (min(ids), 0, None))
        seen[chat] = (min(first, *ids), max(top, *ids), live)
        return seen[chat]

    async def echo(update, context):
        reply = await update.message.reply_text(update.message.text)
        await update.message.delete()
        first, top, live = note(update.effective_chat.id, update.message.message_id, reply.message_id)
        if live is not None:
            await context.bot.edit_message_reply_markup(update.effective_chat.id, live)
        seen[update.effective_chat.id] = (first, top, reply.message_id)

    async def answer(update, context):
        query = update.callback_query
        await query.answer()
        chat = update.effective_chat.id
        first, top, _ = note(chat, query.message.message_id)
        if query.data == "answer|leave":
            ids = erase_window(top, first)
            for i in range(0, len(ids), 100):
                await context.bot.delete_messages(chat, ids[i : i + 100])
            await context.bot.send_message(chat, query.data)
            seen.pop(chat, None)
        else:
            await query.edit_message_text(query.data)

    echo_app.add_handler(MessageHandler(filters.TEXT, echo))
    echo_app.add_handler(CallbackQueryHandler(answer))

    raw = [u for c in range(n_chats) for u in conversation(5_000_000 + c, c * 100)]
    for c in range(n_chats):  # each chat's ids count on from the person's first message, as on Telegram
        bot_req.begin(5_000_000 + c, c * 100)
        echo_req.begin(5_000_000 + c, c * 100)
    results: dict[str, list[float]] = {"echo": [], "bot": []}
    apps = (("echo", echo_app), ("bot", bot_app))
    for _, app in apps:
        await app.initialize()
        for u in raw[:80]:  # warm-up
            update = Update.de_json(u, app.bot)
            if update.message:
                (bot_req if app is bot_app else echo_req).begin(update.message.chat.id, update.message.message_id)
            await app.process_update(update)
    calls = {}
    for _ in range(rounds):  # alternate, and compare each bot round with the echo round beside it
        for name, app in apps:
            req = bot_req if name == "bot" else echo_req
            before = req.calls
            updates = [Update.de_json(u, app.bot) for u in raw]
            gc.collect()  # each round starts with the same heap
            t0 = time.process_time()  # CPU time: not what other machines on the host take
            for u in updates:
                if u.message:  # it arrived: the bot's next message follows it, as on Telegram
                    req.begin(u.message.chat.id, u.message.message_id)
                await app.process_update(u)
            results[name].append((time.process_time() - t0) / len(updates))
            calls[name] = req.calls - before
    for _, app in apps:
        await app.shutdown()
    ratios = sorted(b / e for b, e in zip(results["bot"], results["echo"], strict=True))
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
    await app.post_init(app)  # the Application's own start-up hook, as run_polling calls it
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


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def memory_after_sessions(n: int = 10_000) -> tuple[float, float, int]:
    """RSS of this process before and after n live sessions (each a chat at the danger question)."""
    from bot.config import Settings
    from bot.core import load_core
    from bot.telegram_adapter import TelegramAdapter
    tmp = Path(tempfile.mkdtemp(prefix="putokaz-bench-"))
    settings = replace(Settings(), token=TOKEN, db_path=tmp / "r.sqlite3", max_rate=0, stats=False,
                       session_max=max(n, 10))
    adapter = TelegramAdapter(await load_core(settings), settings)
    app = adapter.build(request=RecordingRequest())
    await app.initialize()
    gc.collect()
    before = rss_mib()
    for i in range(n):
        chat = 7_000_000 + i
        await app.process_update(Update.de_json({"update_id": i, "message": {
            "message_id": 1, "date": int(time.time()), "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "M"}, "text": "/start en",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}, app.bot))
    gc.collect()
    after = rss_mib()
    await app.shutdown()
    return before, after, adapter.sessions.size()


async def reply_latency(steps: int = 200) -> tuple[list[float], list[float]]:
    """Round trips through the local Bot API test server on loopback: a person's press or typed town
    until the reply arrives, for the full bot and for the bare echo bot, in the same run."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fake_bot_api import FakeBotAPI
    from telegram.ext import ApplicationBuilder

    from bot.config import Settings
    from bot.core import load_core
    from bot.telegram_adapter import ALLOWED_UPDATES, TelegramAdapter

    async def run(api, app) -> list[float]:
        await app.initialize()
        await app.start()
        await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES, timeout=1)
        user = {"id": 6_000_001, "is_bot": False, "first_name": "L"}
        times = []
        script = ["/start en", ("press", "danger|no"), ("press", "need|talk"), "Niš", ("press", "answer|town"),
                  "Kragujevac", ("press", "answer|leave")]
        for i in range(steps + len(script)):
            what = script[i % len(script)]
            n = len(api.calls)
            t0 = time.perf_counter()
            if isinstance(what, tuple):
                api.press(user, 1, what[1])
            else:
                api.send_text(user, what)
            while not any(c.method in ("sendMessage", "editMessageText") for c in api.calls[n:]):
                await asyncio.sleep(0.0005)
            if i >= len(script):  # the first round warms up
                times.append(time.perf_counter() - t0)
            await asyncio.sleep(0.02)
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        return sorted(times)

    tmp = Path(tempfile.mkdtemp(prefix="putokaz-bench-"))
    results = []
    for which in ("bot", "echo"):
        api = FakeBotAPI(TOKEN)
        url = await api.start()
        if which == "bot":
            # One scripted person taking 200 steps 20 ms apart: at the shipped pace (5, then 2 a second)
            # this would measure flood control's waiting, not the code; the tests run it as shipped.
            settings = replace(Settings(), token=TOKEN, api_base_url=url, db_path=tmp / "r.sqlite3", stats=False,
                               flood_burst=1000)
            app = TelegramAdapter(await load_core(settings), settings).build()
        else:
            app = ApplicationBuilder().token(TOKEN).base_url(url).build()

            async def echo(update, context):
                await update.message.reply_text(update.message.text)

            async def answer(update, context):
                await update.callback_query.answer()
                await update.callback_query.message.reply_text(update.callback_query.data)
            app.add_handler(MessageHandler(filters.TEXT, echo))
            app.add_handler(CallbackQueryHandler(answer))
        results.append(await run(api, app))
        await api.stop()
    return results[0], results[1]


async def throughput(chats: int, seconds: float) -> tuple[int, float, float, float, int]:
    """The real bot process against the local Bot API server, people acting as fast as replies come."""
    import os
    os.environ["PUTOKAZ_LOAD_THINK"] = "0.05,0.2"
    sys.path.insert(0, str(ROOT / "tests"))
    import test_load
    from bot_process import Bot
    from fake_bot_api import FakeBotAPI
    api = FakeBotAPI(test_load.TOKEN)
    api.record = False
    tmp = Path(tempfile.mkdtemp(prefix="putokaz-bench-"))
    bot = Bot(tmp, await api.start(), PUTOKAZ_MAX_RATE="0", PUTOKAZ_LOG_LEVEL="WARNING")
    await bot.start()
    try:
        await asyncio.wait_for(api.polled.wait(), 30)
        people = [test_load.Person(api, n, time.monotonic() + seconds) for n in range(chats)]
        t0 = time.monotonic()
        await asyncio.gather(*(p.run() for p in people))
        elapsed = time.monotonic() - t0
        rss = bot.rss_kib() / 1024
    finally:
        await bot.stop()
        await api.stop()
    times = sorted(x for p in people for x in p.latencies)
    return len(times), elapsed, times[len(times) // 2] * 1000, times[int(0.95 * (len(times) - 1))] * 1000, int(rss)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=300, help="conversations of 8 updates each")
    parser.add_argument("--memory-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--throughput-seconds", type=float, default=60,
                        help="how long 500 chats press and type as fast as replies come (0 = skip)")
    args = parser.parse_args()
    if args.memory_probe:  # a fresh process: the bot's own memory, not the benchmark's
        before, after, live = asyncio.run(memory_after_sessions())
        print(f"memory of a fresh bot process: {before:.0f} MiB RSS ready, {after:.0f} MiB RSS with {live} live sessions")
        return
    bot, echo, bot_calls, echo_calls, ratios = asyncio.run(per_update_cost(args.chats))
    updates = args.chats * 8
    print(f"updates: {updates} a round; Bot API calls: bot {bot_calls}, echo {echo_calls}")
    print(f"per-update cost (median round): bot {bot * 1e6:.0f} µs, echo {echo * 1e6:.0f} µs")
    print(f"ratio per round: min {ratios[0]:.2f}, max {ratios[-1]:.2f}")
    print(f"per-update cost ratio (bot/echo): {statistics.median(ratios):.2f}")
    p50, p99, worst, n = lookup_latency()
    print(f"place lookup over {n} names: p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {worst:.3f} ms")
    print(f"start to ready: {time_to_ready():.2f} s")
    bot_t, echo_t = asyncio.run(reply_latency())
    q = lambda t, x: t[min(len(t) - 1, int(x * len(t)))] * 1000  # noqa: E731
    print(f"reply latency over {len(bot_t)} steps through the local Bot API server: bot p50 {q(bot_t, .5):.1f} ms "
          f"p95 {q(bot_t, .95):.1f} ms; echo p50 {q(echo_t, .5):.1f} ms p95 {q(echo_t, .95):.1f} ms")
    print(f"reply latency ratio (bot/echo): {q(bot_t, .5) / q(echo_t, .5):.2f}")
    out = subprocess.run([sys.executable, __file__, "--memory-probe"], capture_output=True, text=True, check=True)
    print(out.stdout.strip())
    if args.throughput_seconds:
        n, elapsed, p50, p95, rss = asyncio.run(throughput(500, args.throughput_seconds))
        print(f"throughput of one instance, 500 chats for {elapsed:.0f} s through the local Bot API server: "
              f"{n / elapsed:.0f} replies/s (p50 {p50:.0f} ms, p95 {p95:.0f} ms), bot RSS {rss} MiB")


if __name__ == "__main__":
    main()
