"""The conversation as data: `dialogs/*.toml`, loaded with stdlib tomllib and checked.

Operators' vocabulary: a *screen* *says* a message, offers *buttons*, may *expect* typed input,
and says where each outcome goes *next*. No expression language: each input kind has a fixed
set of named outcomes (`on.found`, `on.several`, ...).
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .problems import Problem, did_you_mean
from .vocabulary import BUTTON_ACTIONS, COMMANDS, INPUT_KINDS, InputKind

# Input kinds and button actions are declared once, in bot/vocabulary.py; these views are for the checker.
EXPECTS = {name: kind.outcomes for name, kind in INPUT_KINDS.items()}
REPLIES = ("text", "media", "stale", "restart", "contact", "location")
EFFECTS = ("erase-later",)
SHOWS = ("services", "emergency", "hotline")
BACK = "@back"
SCREEN_KEYS = ("says", "expect", "buttons", "on", "then", "shows", "end", "columns", "does")
BUTTON_KEYS = ("id", "label", "next", "set", "if")
SET_KEYS = tuple(BUTTON_ACTIONS)
# Outcomes a screen may name but need not: town → known (the town is already known, e.g. from a link).
OPTIONAL_OUTCOMES = {name: kind.optional for name, kind in INPUT_KINDS.items() if kind.optional}
CALLBACK_LIMIT = 64
SEP = "|"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Button:
    id: str
    label: str
    next: str
    set: tuple[tuple[str, str], ...] = ()  # (need|place|danger|mark|marks, value) pairs
    when: tuple[str, ...] | None = None  # shown only when one of these marks is set (`if = "<mark>"` or a list)


@dataclass(frozen=True)
class Screen:
    name: str
    says: str
    expect: str | None = None
    buttons: tuple[Button, ...] = ()
    on: Mapping[str, str] = field(default_factory=dict)
    then: str | None = None
    shows: str | None = None
    end: bool = False
    columns: int = 1
    does: str | None = None  # an effect besides speaking: "erase-later"

    @functools.cached_property
    def kind(self) -> InputKind:
        """What this screen expects (bot/vocabulary.py's INPUT_KINDS): the engine dispatches on it."""
        return INPUT_KINDS[self.expect]

    @property
    def picks_language(self) -> bool:
        return self.kind.choices == "languages"

    def button(self, button_id: str) -> Button | None:
        return next((b for b in self.buttons if b.id == button_id), None)

    @functools.cached_property
    def pager(self) -> bool:
        """A button here opens the rest of a long answer (set = { page = "more" })."""
        return any(("page", "more") in b.set for b in self.buttons)

    @functools.cached_property
    def conditions(self) -> frozenset[str]:
        """The marks this screen's buttons depend on (`if = ...`)."""
        return frozenset(m for b in self.buttons if b.when for m in b.when)


@dataclass(frozen=True)
class Dialogue:
    start: str
    screens: Mapping[str, Screen]
    commands: Mapping[str, str]
    replies: Mapping[str, str]
    languages: tuple[str, ...]
    lines: Mapping[str, tuple[str, int]] = field(default_factory=dict)  # screen → (file, line)
    links: Mapping[str, str] = field(default_factory=dict)  # deep-link word → screen

    def message_ids(self) -> list[tuple[str, str]]:
        """(message id, screen) for every id the dialogue uses."""
        out = [(s.says, s.name) for s in self.screens.values()]
        out += [(b.label, s.name) for s in self.screens.values() for b in s.buttons]
        out += [(m, "[replies]") for m in self.replies.values()]
        return out


def _line_index(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\[\s*screen\.([A-Za-z0-9_-]+)\s*\]", line)
        if m:
            out.setdefault(m.group(1), i)
    return out


def _find_line(text: str, start: int, needle: str) -> int:
    lines = text.splitlines()
    for i in range(max(start, 1) - 1, len(lines)):
        if needle in lines[i]:
            return i + 1
    return start


def load(dialog_dir: Path, max_place_id: int = 24) -> tuple[Dialogue | None, list[Problem]]:
    """Load every `*.toml` in `dialog_dir` into one Dialogue; collect all problems."""
    problems: list[Problem] = []
    screens: dict[str, Screen] = {}
    lines: dict[str, tuple[str, int]] = {}
    top: dict[str, object] = {}
    top_file: dict[str, str] = {}
    files = sorted(Path(dialog_dir).glob("*.toml"))
    if not files:
        return None, [Problem("dialogs", None, f"no dialogue files in {dialog_dir}; add dialogs/main.toml")]
    raw: list[tuple[str, str, dict]] = []
    for path in files:
        rel = f"dialogs/{path.name}"
        try:
            text = path.read_text(encoding="utf-8")
            doc = tomllib.loads(text)
        except UnicodeDecodeError as exc:
            problems.append(Problem(rel, None, f"the file is not UTF-8 ({exc.reason}); save it as UTF-8"))
            continue
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            line = int(m.group(1)) if m else None
            problems.append(Problem(rel, line, f"TOML syntax error: {exc}. Check quotes, '=' and brackets on that line"))
            continue
        raw.append((rel, text, doc))
    if problems:
        # A file that cannot be read would make every later rule report noise: fix it first.
        return None, problems

    for rel, text, doc in raw:
        index = _line_index(text)
        for key, value in doc.items():
            if key == "screen":
                continue
            if key in top:
                problems.append(Problem(rel, _find_line(text, 1, key), f'"{key}" is set in {top_file[key]} too; set it once'))
            top[key], top_file[key] = value, rel
        for name, spec in (doc.get("screen") or {}).items():
            line = index.get(name, 1)
            if name in screens:
                problems.append(Problem(rel, line, f'screen "{name}" is defined twice (also in {lines[name][0]}); rename one',
                                        where=name))
                continue
            screen = _screen(name, spec, rel, text, line, problems)
            if screen:
                screens[name] = screen
                lines[name] = (rel, line)

    where_top = top_file.get("start", "dialogs")
    start = top.get("start")
    if not isinstance(start, str):
        problems.append(Problem(where_top, None, 'the dialogue needs start = "<screen>" at the top of one file'))
        start = ""
    values: dict[str, Any] = top  # TOML values: checked below, key by key
    languages: tuple[str, ...] = tuple(values.get("languages") or ())
    commands: dict[str, str] = dict(values.get("commands") or {})
    replies: dict[str, str] = dict(values.get("replies") or {})
    links = {str(k): str(v) for k, v in (values.get("links") or {}).items()}
    for word in links:
        if not re.fullmatch(r"[a-z0-9]+", word):
            problems.append(Problem(top_file.get("links", "dialogs"), None, f'[links] word "{word}" may use only '
                                    "lower-case letters and digits (it becomes part of a t.me link)"))
    dialogue = Dialogue(start, MappingProxyType(screens), MappingProxyType(commands),
                        MappingProxyType(replies), languages, MappingProxyType(lines), MappingProxyType(links))
    problems += _check_graph(dialogue, top_file, max_place_id)
    return dialogue, problems


def _screen(name: str, spec: object, rel: str, text: str, line: int, problems: list[Problem]) -> Screen | None:
    def bad(msg: str, needle: str | None = None) -> None:
        problems.append(Problem(rel, _find_line(text, line, needle) if needle else line, msg, where=name))

    if not _NAME.match(name):
        bad(f'screen name "{name}" must be lower-case letters, digits and "-"')
    if not isinstance(spec, dict):
        bad(f'screen "{name}" must be a table: [screen.{name}]')
        return None
    for key in spec:
        if key not in SCREEN_KEYS:
            bad(f'screen "{name}" has an unknown setting "{key}".' + did_you_mean(key, SCREEN_KEYS), key)
    says = spec.get("says")
    if not isinstance(says, str) or not says:
        bad(f'screen "{name}" must say something: says = "<message id>"')
        says = ""
    expect = spec.get("expect")
    if expect not in EXPECTS:
        bad(f'screen "{name}": expect = "{expect}" is not an input kind; use one of: '
            + ", ".join(k for k in EXPECTS if k) + "." + did_you_mean(str(expect), [k for k in EXPECTS if k]), "expect")
        expect = None
    buttons: list[Button] = []
    for i, b in enumerate(spec.get("buttons") or []):
        if not isinstance(b, dict):
            bad(f'screen "{name}": button {i + 1} must be {{ id = "...", label = "...", next = "..." }}', "buttons")
            continue
        for key in b:
            if key not in BUTTON_KEYS:
                bad(f'screen "{name}": button "{b.get("id", i + 1)}" has an unknown setting "{key}".'
                    + did_you_mean(key, BUTTON_KEYS), key)
        bid, label, nxt = b.get("id"), b.get("label"), b.get("next")
        if not (isinstance(bid, str) and _NAME.match(bid)):
            bad(f'screen "{name}": button {i + 1} needs an id of lower-case letters, digits and "-"', "buttons")
            continue
        if any(x.id == bid for x in buttons):
            bad(f'screen "{name}": two buttons have the id "{bid}"; give each its own', f'"{bid}"')
        if not isinstance(label, str) or not label:
            bad(f'screen "{name}": button "{bid}" needs label = "<message id>"', f'"{bid}"')
            label = ""
        if not isinstance(nxt, str) or not nxt:
            bad(f'screen "{name}": button "{bid}" needs next = "<screen>"', f'"{bid}"')
            nxt = ""
        sets = b.get("set") or {}
        for k, v in sets.items():
            if k not in SET_KEYS:
                bad(f'screen "{name}": button "{bid}" sets unknown "{k}"; it can set: {", ".join(SET_KEYS)}', f'"{bid}"')
            elif BUTTON_ACTIONS[k].values is None and not (isinstance(v, str) and _NAME.match(v)):
                bad(f'screen "{name}": button "{bid}" sets {k} = "<name>" (lower-case letters, digits, "-"): '
                    f'{BUTTON_ACTIONS[k].means}', f'"{bid}"')
            elif BUTTON_ACTIONS[k].values is not None and v not in (BUTTON_ACTIONS[k].values or ()):
                values = BUTTON_ACTIONS[k].values or ()
                what = "the register does not know it" if k == "need" else \
                    "it can only be " + " or ".join(f'"{a}"' for a in values) + f" ({BUTTON_ACTIONS[k].means})"
                bad(f'screen "{name}": button "{bid}" sets {k} "{v}": {what}.' + did_you_mean(str(v), values),
                    f'"{bid}"')
        when = b.get("if")
        if isinstance(when, str):
            when = [when]
        if when is not None and not (isinstance(when, list) and when and
                                     all(isinstance(w, str) and _NAME.match(w) for w in when)):
            bad(f'screen "{name}": button "{bid}" has if = {when!r}; write a mark, e.g. if = "documents", '
                'or several: if = ["pay", "deceived"] (shown when any is set)', f'"{bid}"')
            when = None
        when = tuple(when) if when else None
        buttons.append(Button(bid, label, nxt, tuple(sorted((k, str(v)) for k, v in sets.items())), when))
    on = spec.get("on") or {}
    if not isinstance(on, dict):
        bad(f'screen "{name}": on must be a table of outcomes, e.g. on.found = "answer"', "on")
        on = {}
    for outcome in on:
        if outcome not in EXPECTS[expect] + OPTIONAL_OUTCOMES.get(expect, ()):
            allowed = ", ".join(EXPECTS[expect] + OPTIONAL_OUTCOMES.get(expect, ())) or "none (the screen expects no input)"
            bad(f'screen "{name}": outcome "on.{outcome}" does not exist for expect = "{expect}"; outcomes: {allowed}',
                f"on.{outcome}")
    for outcome in EXPECTS[expect]:
        if outcome not in on:
            bad(f'screen "{name}" expects {expect} but does not say where "{outcome}" goes; add on.{outcome} = "<screen>"')
    shows = spec.get("shows")
    if shows is not None and shows not in SHOWS:
        bad(f'screen "{name}": shows = "{shows}" is unknown; use one of: {", ".join(SHOWS)}', "shows")
        shows = None
    then = spec.get("then")
    if then is not None and (buttons or expect):
        bad(f'screen "{name}" continues at once (then = "{then}") but also waits for input; keep one of the two', "then")
    does = spec.get("does")
    if does is not None and does not in EFFECTS:
        bad(f'screen "{name}": does = "{does}" is unknown; use one of: {", ".join(EFFECTS)}', "does")
        does = None
    columns = spec.get("columns", 1)
    if not isinstance(columns, int) or not 1 <= columns <= 4:
        bad(f'screen "{name}": columns must be a whole number from 1 to 4', "columns")
        columns = 1
    return Screen(name, says, expect, tuple(buttons), MappingProxyType({k: str(v) for k, v in on.items()}),
                  then if isinstance(then, str) else None, shows, bool(spec.get("end", False)), columns, does)


def callback(screen: str, button: str) -> str:
    return f"{screen}{SEP}{button}"


def _check_graph(d: Dialogue, top_file: dict[str, str], max_place_id: int) -> list[Problem]:
    problems: list[Problem] = []
    names = list(d.screens)

    def at(screen: str) -> tuple[str, int | None]:
        return d.lines.get(screen, (top_file.get("start", "dialogs"), None))

    def target(src: str, what: str, dest: str) -> None:
        if dest == BACK and what.startswith("then"):
            return
        if dest not in d.screens:
            f, line = at(src)
            problems.append(Problem(f, line, f'{what} goes to screen "{dest}", which does not exist.'
                                    + did_you_mean(dest, names), where=src))

    if d.start and d.start not in d.screens:
        problems.append(Problem(top_file.get("start", "dialogs"), None,
                                f'start = "{d.start}" is not a screen.' + did_you_mean(d.start, names)))
    for cmd, dest in d.commands.items():
        if cmd not in COMMANDS:
            problems.append(Problem(top_file.get("commands", "dialogs"), None,
                                    f'command "/{cmd}" is not one the bot offers; use: {", ".join(COMMANDS)}'))
        target("[commands]", f"/{cmd}", dest)
    for cmd in COMMANDS:
        if cmd not in d.commands:
            problems.append(Problem(top_file.get("commands", "dialogs"), None,
                                    f'[commands] must say where /{cmd} goes: {cmd} = "<screen>"'))
    for key in REPLIES:
        if key not in d.replies:
            problems.append(Problem(top_file.get("replies", "dialogs"), None,
                                    f'[replies] needs {key} = "<message id>" (what the bot says to unexpected input)'))
    if not d.languages:
        problems.append(Problem(top_file.get("languages", "dialogs"), None,
                                'languages = ["sr-Latn", ...] must list the languages the picker offers'))
    for word, dest in d.links.items():
        target("[links]", f'link word "{word}"', dest)
    marks_set = {v for s in d.screens.values() for b in s.buttons for k, v in b.set if k == "mark"}
    for s in d.screens.values():
        for b in s.buttons:
            target(s.name, f'button "{b.id}"', b.next)
            for mark in b.when or ():
                if mark not in marks_set:
                    f, line = at(s.name)
                    problems.append(Problem(f, line, f'button "{b.id}" shows only if mark "{mark}" is set, but no '
                                            f'button sets it; add set = {{ mark = "{mark}" }} to a button, or fix the '
                                            "name." + did_you_mean(mark, marks_set), where=s.name))
            data = callback(s.name, b.id)
            if len(data.encode()) > CALLBACK_LIMIT:
                f, line = at(s.name)
                problems.append(Problem(f, line, f'button "{b.id}" would send "{data}", {len(data.encode())} bytes; '
                                        f"Telegram allows {CALLBACK_LIMIT}. Shorten the screen name or the button id",
                                        where=s.name))
        for outcome, dest in s.on.items():
            target(s.name, f"on.{outcome}", dest)
        if s.then:
            target(s.name, "then", s.then)
        longest = {"languages": max((len(t) for t in d.languages), default=0), "places": max_place_id,
                   "services": 3}.get(s.kind.choices or "")
        if longest is not None:
            if len(s.name.encode()) + 2 + longest > CALLBACK_LIMIT:
                f, line = at(s.name)
                problems.append(Problem(f, line, f'screen "{s.name}": its choices would exceed Telegram\'s '
                                        f"{CALLBACK_LIMIT}-byte button data; shorten the screen name", where=s.name))
        if not (s.buttons or s.expect or s.then or s.end):
            f, line = at(s.name)
            problems.append(Problem(f, line, f'screen "{s.name}" is a dead end: give it buttons, expect input, '
                                    'then = "<screen>", or end = true', where=s.name))
    # then-chains must not loop
    for s in d.screens.values():
        seen: list[str] = []
        cur: Screen | None = s
        while cur and cur.then and cur.then != BACK:
            if cur.name in seen:
                f, line = at(s.name)
                problems.append(Problem(f, line, f'screens {" → ".join(seen)} continue into each other for ever; '
                                        "one of them must wait for the person", where=s.name))
                break
            seen.append(cur.name)
            cur = d.screens.get(cur.then)
    # reachability
    reach, todo = set(), [d.start, *d.commands.values(), *d.links.values()]
    while todo:
        n = todo.pop()
        if n in reach or n not in d.screens:
            continue
        reach.add(n)
        s = d.screens[n]
        todo += [b.next for b in s.buttons] + list(s.on.values()) + ([s.then] if s.then else [])
    for n in names:
        if n not in reach:
            f, line = at(n)
            problems.append(Problem(f, line, f'screen "{n}" cannot be reached from start or any command; '
                                    "point a button or outcome at it, or delete it", "warning", where=n))
    return problems
