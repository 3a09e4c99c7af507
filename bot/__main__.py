"""Command line: run the bot, or chat / look up services / check files without Telegram."""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from .config import ConfigError, Settings
from .problems import InvalidFiles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Putokaz: an anonymous help bot.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the Telegram bot (the default; needs TELEGRAM_TOKEN)")
    sub.add_parser("web", help="serve the conversation as an anonymous web page (PUTOKAZ_WEB_LISTEN, "
                   "default 127.0.0.1:8088); no Telegram token needed")
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
    p_chk.add_argument("--coverage", action="store_true",
                       help="per district and need: local / nearest within the radius / national only / nothing")
    p_link = sub.add_parser("link", help="print a t.me link that opens the bot in a language (and town, screen)")
    p_fly = sub.add_parser("flyer", help="a printable A6 flyer (or A4 sheet of four) with the link as a QR code")
    for p in (p_link, p_fly):
        p.add_argument("--lang", required=True, help="sr-Latn, sr-Cyrl, rom, sq or en")
        p.add_argument("--town", help="preset the town (as a person would type it)")
        p.add_argument("--screen", help="go straight to: danger, need, check, rights ([links] in dialogs/main.toml)")
        p.add_argument("--web", action="store_true", help="point at the web door (PUTOKAZ_WEB_URL) instead of t.me")
    p_fly.add_argument("--format", choices=("png", "svg", "pdf"), default="pdf")
    p_fly.add_argument("--sheet", choices=("a6", "a4"), default="a6", help="a4: four flyers on one page")
    p_fly.add_argument("--out", help="the file to write (default putokaz-flyer-<lang>.<format>)")
    p_reg = sub.add_parser("register", help="import, export and look after the register")
    reg = p_reg.add_subparsers(dest="action", required=True)
    p_imp = reg.add_parser("import", help="validate a CSV/XLSX file, then replace the register with it")
    p_imp.add_argument("file", help="services.csv / places.csv / aliases.csv, or an .xlsx with those sheets")
    p_imp.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    p_exp = reg.add_parser("export", help="write the register as CSV, XLSX (the template) or HSDS 3.0")
    p_exp.add_argument("--format", choices=("csv", "xlsx", "hsds"), default="xlsx")
    p_exp.add_argument("--out", help="a folder (csv, hsds) or a file (xlsx)")
    p_todo = reg.add_parser("todo", help="the calls to make, most useful first; secondary sources; gaps")
    p_todo.add_argument("--format", choices=("text", "xlsx"), default="text")
    p_todo.add_argument("--out", help="where to write the call sheet (--format xlsx; default calls.xlsx)")
    p_graph = sub.add_parser("graph", help="draw the dialogue (Mermaid always; SVG/PNG with Graphviz)")
    p_graph.add_argument("--lang", default="en")
    p_graph.add_argument("--format", choices=("mermaid", "svg", "png"), default="mermaid")
    p_graph.add_argument("--out", help="write to this file instead of standard output")
    p_stats = sub.add_parser("stats", help="answers by district and need, small cells suppressed")
    p_stats.add_argument("--since", help="first month to include, e.g. 2026-10 (whole months only)")
    p_stats.add_argument("--format", choices=("table", "csv", "png"), default="table")
    p_stats.add_argument("--out", help="write to this file (png needs it)")
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "web":
        return cmd_web(settings)
    if args.command == "stats":
        return cmd_stats(settings, args.since, args.format, args.out)
    if args.command == "graph":
        return cmd_graph(settings, args.lang, args.format, args.out)
    if args.command in ("link", "flyer"):
        return cmd_outreach(settings, args)
    if args.command == "register":
        return cmd_register(settings, args)
    if args.command == "check" and args.coverage:
        return cmd_coverage(settings, args.format)
    if args.command == "check" and args.languages:
        return cmd_languages(settings, args.format)
    if args.command == "check":
        return cmd_check(settings, args.format)
    if args.command in ("chat", "services"):
        from dataclasses import replace

        from . import cli
        delete_typed = settings.delete_typed  # the terminal phone deletes typed messages as Telegram does
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
                from .terminal import chat
                return asyncio.run(chat(replace(settings, delete_typed=delete_typed), args.lang))
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
    dialogue, texts, data, problems = load_sources(settings)
    if dialogue is not None and not any(p.severity == "error" for p in problems):
        # What people are shown, with the shipped settings, today and a year from now (see answers_check).
        from datetime import datetime

        from .check import answers_check
        from .register import BELGRADE
        says = next((s.says for s in dialogue.screens.values() if s.shows == "services"), "answer")
        found, figures = answers_check(texts, data, datetime.now(BELGRADE).date(), settings.nearby_km,
                                       settings.caution_days, says)
        problems += found
        if fmt != "json":
            for label, f in figures.items():
                print(f"answers {label} ({f['day']}): {f['with_fitting_number']} of {f['pairs']} municipality-need "
                      f"pairs get a number that fits; longest first screen {f['longest_first_screen']} characters")
    print(report(problems, fmt))
    return 1 if any(p.severity == "error" for p in problems) else 0


def _open_register(settings: Settings):
    """Validate the CSV files and open the register from a private SQLite copy."""
    import tempfile
    from pathlib import Path

    from .register import Register, load_register
    folder = Path(tempfile.mkdtemp(prefix="putokaz-"))
    try:
        load_register(settings.data_dir, folder / "register.sqlite3")
        return asyncio.run(Register.open(folder / "register.sqlite3", nearby_km=settings.nearby_km,
                                         caution_days=settings.caution_days))
    finally:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)


def cmd_outreach(settings: Settings, args) -> int:
    from .outreach import LinkError, bot_username, flyer, make_link, make_web_link
    try:
        core = asyncio.run(_load(_offline(settings)))
    except InvalidFiles as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        if args.web:
            link = make_web_link(core, settings.web_url, args.lang, args.town, args.screen)
        else:
            link = make_link(core, bot_username(settings), args.lang, args.town, args.screen)
    except LinkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "link":
        print(link.url)
        return 0
    try:
        data = flyer(core, link.lang, link.url, args.format, args.sheet)
    except ImportError as exc:
        print(f"error: flyers need the outreach extra ({exc.name} is missing): pip install -e '.[outreach]'",
              file=sys.stderr)
        return 2
    out = args.out or f"putokaz-flyer-{link.lang}{'-a4' if args.sheet == 'a4' else ''}.{args.format}"
    with open(out, "wb") as fh:
        fh.write(data)
    print(f"{out}: {link.url}")
    return 0


def cmd_coverage(settings: Settings, fmt: str) -> int:
    from .register.reports import coverage_report
    try:
        register = _open_register(settings)
    except InvalidFiles as exc:
        print(exc, file=sys.stderr)
        return 1
    text, nothing = coverage_report(register, fmt)
    print(text)
    return 1 if nothing else 0


def cmd_register(settings: Settings, args) -> int:
    from datetime import datetime

    from . import stats
    from .register import BELGRADE, exchange, hsds, reports
    if args.action == "import":
        result = exchange.import_file(args.file, settings.data_dir, settings.db_path, dry_run=args.dry_run)
        print(exchange.describe(result, args.dry_run))
        return 1 if any(p.severity == "error" for p in result.problems) else 0
    try:
        register = _open_register(settings)
    except InvalidFiles as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.action == "todo":
        failed = asyncio.run(stats.read_failed(settings.stats_db))
        today = datetime.now(BELGRADE).date()
        if args.format == "xlsx":
            out = reports.calls_xlsx(register, failed, today, Path(args.out or "calls.xlsx"))
            print(f"{out}: {len(reports.calls(register, failed, today))} calls; fill in confirmed, call_date "
                  f"(and hours, call_notes), then: python -m bot register import {out}")
            return 0
        print(reports.todo(register, failed, today), end="")
        return 0
    fmt = args.format
    if fmt == "xlsx":
        out = exchange.export_xlsx(settings.data_dir, Path(args.out or "putokaz-register.xlsx"))
        print(out)
    elif fmt == "csv":
        for path in exchange.export_csv(settings.data_dir, Path(args.out or "putokaz-register-csv")):
            print(path)
    else:
        for path in hsds.export_hsds(register, Path(args.out or "putokaz-hsds")):
            print(path)
    return 0


def cmd_stats(settings: Settings, since: str | None, fmt: str, out: str | None) -> int:
    import re

    from . import stats
    if since and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", since):
        print("error: --since takes a month such as 2026-10 (reports cover whole months only, so that no "
              "two of them can be subtracted to reveal a small count)", file=sys.stderr)
        return 2
    if fmt == "png" and not out:
        print("error: --format png needs --out FILE", file=sys.stderr)
        return 2
    data = stats.report(asyncio.run(stats.read(settings.stats_db, since)), fmt)
    if out:
        with open(out, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode())
    else:
        sys.stdout.write(data if isinstance(data, str) else data.decode())
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


START_TRIES = 3
PR_SET_DUMPABLE = 4


def harden() -> None:
    """The process holds conversations in memory: no core dump may write them to disk, and no other
    process of the same user may read its memory (ptrace, /proc/<pid>/mem)."""
    import resource
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the core limit above still holds


def cmd_web(settings: Settings) -> int:
    from . import logs
    from .webdoor import serve
    harden()
    logs.setup(settings.log_level, settings.token, fmt=settings.log_format)
    try:
        return asyncio.run(serve(settings))
    except OSError as exc:  # e.g. the port is taken
        print(f"error: the web door could not listen on {settings.web_listen or '127.0.0.1:8088'} "
              f"({exc.strerror or type(exc).__name__}); set PUTOKAZ_WEB_LISTEN=host:port", file=sys.stderr)
        return 2


def cmd_run(settings: Settings) -> int:
    from . import logs
    if not settings.token:
        print("error: TELEGRAM_TOKEN is not set; get a token from @BotFather and set TELEGRAM_TOKEN "
              "(see .env.example)", file=sys.stderr)
        return 2
    if settings.mode == "webhook" and not settings.webhook_url.startswith(("https://", "http://")):
        print("error: PUTOKAZ_MODE=webhook needs PUTOKAZ_WEBHOOK_URL, the public https:// address Telegram posts to",
              file=sys.stderr)
        return 2
    from .sessions import SESSION_KEY_MIN
    if settings.sessions_url and len(settings.session_key.encode()) < SESSION_KEY_MIN:
        print(f"error: PUTOKAZ_SESSIONS needs PUTOKAZ_SESSION_KEY: a random secret of at least {SESSION_KEY_MIN} "
              "bytes, the same for every instance (it encrypts the stored sessions and keys the hash that stands "
              "in for chat ids); make one with: python -c \"import secrets; print(secrets.token_urlsafe(32))\"",
              file=sys.stderr)
        return 2
    harden()
    logs.setup(settings.log_level, settings.token, fmt=settings.log_format)
    from telegram.error import InvalidToken, NetworkError

    from .app import compose, serve
    composition = compose(settings)  # everything built once, top to bottom (bot/app.py)
    try:
        serve(composition, bootstrap_retries=START_TRIES)
    except InvalidToken:
        print("error: Telegram rejected TELEGRAM_TOKEN; check it with @BotFather", file=sys.stderr)
        return 2
    except NetworkError as exc:
        # One line, no traceback, and nothing of the URL (it holds the token): the kind of error only.
        where = "TELEGRAM_API_BASE_URL" if settings.api_base_url else "the Telegram Bot API"
        print(f"error: could not reach {where} at start ({type(exc).__name__}); check the network, the proxy "
              "or TELEGRAM_API_BASE_URL, then start again", file=sys.stderr)
        return 2
    return composition.adapter.exit_code


if __name__ == "__main__":
    sys.exit(main())
