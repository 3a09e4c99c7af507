"""The terminal faces of the bot: `chat --script` (replay conversation scripts) and `services` (one answer).

The interactive `chat` is bot/terminal.py: the real Telegram adapter on a simulated phone."""
from __future__ import annotations

import sys

from .core import Core
from .engine import Show
from .render import Out



def _print(outs: list[Out], out=sys.stdout) -> list[str]:
    """Print messages; return the callback data of the numbered buttons."""
    data: list[str] = []
    for o in outs:
        print(o.text, file=out)
        for row in o.buttons:
            cells = []
            for label, d in row:
                data.append(d)
                cells.append(f"[{len(data)}] {label}")
            print("   ".join(cells), file=out)
        print(file=out)
    return data


def replay(core: Core, path: str, lang: str | None, out=sys.stdout) -> int:
    """`chat --script FILE`: replay conversation scripts as Telegram would show them; exit 1 on a failed check."""
    from pathlib import Path

    from . import scripts
    try:
        conversations = scripts.load(Path(path))
    except (OSError, scripts.ScriptError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = 0
    for conv in conversations:
        run_lang = lang or conv.languages[0]
        result = scripts.run(core, conv, run_lang)
        print(f"=== {conv.name} [{run_lang}]", file=out)
        for step, replies, session in result.transcript:
            action = next(f"{k} {v!r}" for k, v in step.items() if k in scripts.ACTIONS)
            print(f">>> {action}", file=out)
            _print(core.renderer.render(replies, session.lang), out)
        for failure in result.failures:
            print(f"FAILED {failure}", file=out)
        failed += not result.ok
    print(f"{len(conversations) - failed} passed, {failed} failed", file=out)
    return 1 if failed else 0


def services(core: Core, town: str, need: str, lang: str, out=sys.stdout) -> int:
    from .register import NEEDS
    if need not in NEEDS:
        print(f"error: --need must be one of: {', '.join(NEEDS)}", file=sys.stderr)
        return 2
    if lang not in core.texts.languages:
        print(f"error: --lang must be one of: {', '.join(core.texts.languages)}", file=sys.stderr)
        return 2
    match = core.world.match(town)
    places = core.register.places
    if match.status == "found" and match.place:
        print(f"place: {places[match.place].name_latn}", file=out)
    elif match.status == "several":
        print("place: ?", file=out)
        for pid in match.places:
            print(places[pid].name_latn, file=out)
        return 0
    else:
        print("place: -", file=out)
    from .engine import Reply
    reply = Reply("answer", {"town": core.world.place_name(match.place, lang)} if match.place else {},
                  show=Show("services", need, match.place))
    for o in core.renderer.render([reply], lang):
        print(o.text, file=out)
    return 0
