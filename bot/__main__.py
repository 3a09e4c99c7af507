"""Command line: run the bot, or chat / look up services / check files without Telegram."""
from __future__ import annotations

import argparse
import asyncio
import os
import sys

from .config import ConfigError, Settings
from .problems import InvalidFiles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Putokaz: an anonymous help bot.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the Telegram bot (the default; needs TELEGRAM_TOKEN)")
    p_chat = sub.add_parser("chat", help="the same conversation in this terminal, no Telegram")
    p_chat.add_argument("--lang", help="start in this language (sr-Latn, sr-Cyrl, rom, sq, en)")
    p_chat.add_argument("--script", help="replay a conversation script (tests/conversations/*.toml) and check it")
    p_srv = sub.add_parser("services", help="print what the bot would answer for a town")
    p_srv.add_argument("--town", required=True, help="a town as a person would type it")
    p_srv.add_argument("--need", default="unsure", help="shelter, talk, health, legal, work, child, foreigner, report, unsure")
    p_srv.add_argument("--lang", default="sr-Latn")
    p_chk = sub.add_parser("check", help="check dialogs, locales and register; exit 1 on any error")
    p_chk.add_argument("--format", choices=("text", "json"), default="text")
    p_chk.add_argument("--languages", action="store_true",
                       help="translation status per language: translated, missing, draft, percentage")
    p_graph = sub.add_parser("graph", help="draw the dialogue (Mermaid always; SVG/PNG with Graphviz)")
    p_graph.add_argument("--lang", default="en")
    p_graph.add_argument("--format", choices=("mermaid", "svg", "png"), default="mermaid")
    p_graph.add_argument("--out", help="write to this file instead of standard output")
    p_stats = sub.add_parser("stats", help="answers by district and need, small cells suppressed")
    p_stats.add_argument("--since", help="first ISO week to include, e.g. 2026-W40")
    p_stats.add_argument("--format", choices=("table", "csv", "png"), default="table")
    p_stats.add_argument("--out", help="write to this file (png needs it)")
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "stats":
        return cmd_stats(settings, args.since, args.format, args.out)
    if args.command == "graph":
        return cmd_graph(settings, args.lang, args.format, args.out)
    if args.command == "check" and args.languages:
        return cmd_languages(settings, args.format)
    if args.command == "check":
        return cmd_check(settings, args.format)
    if args.command in ("chat", "services"):
        from . import cli
        settings = _offline(settings)
        try:
            core = asyncio.run(_load(settings))
        except InvalidFiles as exc:
            print(exc, file=sys.stderr)
            return 1
        try:
            if args.command == "chat" and args.script:
                return cli.replay(core, args.script, args.lang)
            if args.command == "chat":
                return cli.chat(core, args.lang)
            return cli.services(core, args.town, args.need, args.lang)
        except BrokenPipeError:  # e.g. `| head -1`
            sys.stderr.close()
            return 0
    return cmd_run(settings)


def _offline(settings: Settings) -> Settings:
    """chat and services build their register in a private temporary folder (unless PUTOKAZ_DB says)."""
    import atexit
    import shutil
    import tempfile
    from dataclasses import replace
    from pathlib import Path
    settings = replace(settings, delete_typed=False)  # nothing is deleted in a terminal: don't say so
    if "PUTOKAZ_DB" in os.environ:
        return settings
    folder = tempfile.mkdtemp(prefix="putokaz-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return replace(settings, db_path=Path(folder) / "register.sqlite3")


async def _load(settings: Settings):
    from .core import load_core
    return await load_core(settings)


def cmd_check(settings: Settings, fmt: str) -> int:
    from .check import report
    from .core import load_sources
    _, _, _, problems = load_sources(settings)
    print(report(problems, fmt))
    return 1 if any(p.severity == "error" for p in problems) else 0


def cmd_stats(settings: Settings, since: str | None, fmt: str, out: str | None) -> int:
    import re

    from . import stats
    if since and not re.fullmatch(r"\d{4}-W\d{2}", since):
        print("error: --since takes an ISO week such as 2026-W40", file=sys.stderr)
        return 2
    if fmt == "png" and not out:
        print("error: --format png needs --out FILE", file=sys.stderr)
        return 2
    data = stats.report(asyncio.run(stats.read(settings.stats_db, since)), fmt)
    if out:
        with open(out, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode())
    else:
        sys.stdout.write(data)
    return 0


def cmd_graph(settings: Settings, lang: str, fmt: str, out: str | None) -> int:
    from .core import load_sources
    from .graph import GraphvizMissing, render
    dialogue, texts, _, problems = load_sources(settings)
    if dialogue is None or any(p.severity == "error" and p.file.startswith("dialogs") for p in problems):
        print("error: fix the dialogue first (python -m bot check)", file=sys.stderr)
        return 1
    if lang not in texts.languages:
        print(f"error: --lang must be one of: {', '.join(texts.languages)}", file=sys.stderr)
        return 2
    try:
        data = render(dialogue, texts, lang, fmt)
    except GraphvizMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if out:
        with open(out, "wb") as fh:
            fh.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_languages(settings: Settings, fmt: str) -> int:
    import json

    from .check import languages_report, languages_text
    from .i18n import Texts
    texts, problems = Texts.load(settings.locales_dir)
    rows = languages_report(texts)
    print(json.dumps(rows, ensure_ascii=False, indent=2) if fmt == "json" else languages_text(rows))
    return 1 if any(p.severity == "error" for p in problems) else 0


def cmd_run(settings: Settings) -> int:
    from . import logs
    if not settings.token:
        print("error: TELEGRAM_TOKEN is not set; get a token from @BotFather and set TELEGRAM_TOKEN "
              "(see .env.example)", file=sys.stderr)
        return 2
    logs.setup(settings.log_level, settings.token)
    try:
        core = asyncio.run(_load(settings))
    except InvalidFiles as exc:
        print(f"error: the bot cannot start until these are fixed:\n{exc}", file=sys.stderr)
        return 1
    from telegram.error import InvalidToken
    from .telegram_adapter import ALLOWED_UPDATES, TelegramAdapter
    adapter = TelegramAdapter(core, settings)
    app = adapter.build()
    try:
        app.run_polling(allowed_updates=ALLOWED_UPDATES, close_loop=False)
    except InvalidToken:
        print("error: Telegram rejected TELEGRAM_TOKEN; check it with @BotFather", file=sys.stderr)
        return 2
    return adapter.exit_code


if __name__ == "__main__":
    sys.exit(main())
