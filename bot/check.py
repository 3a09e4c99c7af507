"""`python -m bot check`: every mistake in the operators' files, each in one sentence.

The per-file rules live with their loaders (dialogs.py, i18n.py, register.py); this module adds
the rules that span files: message ids the dialogue or renderer use, the same ids and variables
in all five languages, empty messages, hard-coded phone numbers, Telegram's length limits.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from datetime import datetime
from typing import Callable, Literal

from fluent.syntax import ast, visitor

from .dialogs import Dialogue
from .i18n import REFERENCE, Texts
from .problems import Problem, did_you_mean
from .register import RegisterData
from .render import REQUIRED_IDS, TELEGRAM_LIMIT
from .vocabulary import WEB_IDS
from .vocabulary import COMMANDS

BUTTON_LABEL_LIMIT = 64
_PHONE_LIKE = re.compile(r"(?<![\d.:–-])(\+381[\s\d/-]{6,}|0\d{1,3}[\s/-]?\d{2,4}[\s/-]?\d{2,4}"
                         r"|19[234]|116\s?\d{3}|112)(?![\d:])")


class _Scan(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.text: list[str] = []

    def visit_VariableReference(self, node):  # noqa: N802
        self.variables.add(node.id.name)

    def visit_TextElement(self, node):  # noqa: N802
        self.text.append(node.value)

    def visit_StringLiteral(self, node):  # noqa: N802
        self.text.append(node.value)

    def visit_NumberLiteral(self, node):  # noqa: N802
        self.text.append(node.value)

    def visit_MessageReference(self, node):  # noqa: N802
        self.text.append("{ref}")

    def visit_TermReference(self, node):  # noqa: N802
        self.text.append("{ref}")


def _scan(message: ast.Message) -> _Scan:
    s = _Scan()
    s.visit(message)
    return s


def cross_check(dialogue: Dialogue, texts: Texts, data: RegisterData) -> list[Problem]:
    problems: list[Problem] = []
    ref = texts.locales.get(REFERENCE)
    if ref is None:
        return [Problem(f"locales/{REFERENCE}", None, "the reference language is missing")]
    ref_file = ref.where and next(iter(ref.where.values()))[0] or f"locales/{REFERENCE}/main.ftl"

    # 1. ids the dialogue and the renderer use exist in the reference language
    for msg_id, screen in dialogue.message_ids():
        if msg_id and msg_id not in ref.messages:
            f, line = dialogue.lines.get(screen, ("dialogs", None))
            problems.append(Problem(f, line, f'message "{msg_id}" does not exist in {ref_file}; add it there.'
                                    + did_you_mean(msg_id, ref.messages), where=screen))
    spoken = {f"spoken-{c}" for s in data.services for c in s.languages}
    for msg_id in (*REQUIRED_IDS, *WEB_IDS, *sorted(spoken)):
        if msg_id not in ref.messages:
            problems.append(Problem(ref_file, None, f'message "{msg_id}" is needed by the bot; add it.'
                                    + did_you_mean(msg_id, ref.messages), where=msg_id))
    for tag in dialogue.languages:
        if tag not in texts.locales:
            problems.append(Problem(dialogue.lines.get(dialogue.start, ("dialogs", None))[0], None,
                                    f'language "{tag}" has no locales/{tag}/ folder.' + did_you_mean(tag, texts.locales)))

    # 2. every language: same ids, same variables, nothing empty, no hard-coded numbers
    ref_vars = {mid: _scan(m).variables for mid, m in ref.messages.items()}
    for tag, loc in texts.locales.items():
        for mid, message in loc.messages.items():
            f, line = loc.where.get(mid, (f"locales/{tag}", None))
            if mid in loc.derived:
                f = f"{f} (derived for {tag})"
            scan = _scan(message)
            text = "".join(scan.text)
            if message.value is None:
                problems.append(Problem(f, line, f'message "{mid}" has no text, only attributes; give it a value', where=mid))
            elif not text.strip() and not scan.variables:
                problems.append(Problem(f, line, f'message "{mid}" is empty; write its text or delete it', where=mid))
            if mid not in ref.messages:
                problems.append(Problem(f, line, f'message "{mid}" is not in the reference {ref_file}; add it there or '
                                        "delete it here." + did_you_mean(mid, ref.messages), "warning", where=mid))
            elif scan.variables != ref_vars[mid]:
                problems.append(Problem(f, line, f'message "{mid}" uses {_vars(scan.variables)} but {REFERENCE} uses '
                                        f"{_vars(ref_vars[mid])}; use the same variables in every language", where=mid))
            m112 = re.search(r"(?<!\d)112(?!\d)", text)
            if m112:
                problems.append(Problem(f, line, f'message "{mid}" mentions 112, which is not operational in Serbia; '
                                        "use 192 (police), 194 (ambulance), 193 (fire)", where=mid))
            elif _PHONE_LIKE.search(text):
                problems.append(Problem(f, line, f'message "{mid}" has a phone number written into the text; numbers '
                                        "should come from data/services.csv, where they carry a source", "warning", where=mid))
            if len(text) > TELEGRAM_LIMIT:
                problems.append(Problem(f, line, f'message "{mid}" is {len(text)} characters; Telegram allows '
                                        f"{TELEGRAM_LIMIT}. Shorten it", where=mid))
        for mid in ref.messages:
            if mid not in loc.messages:
                problems.append(Problem(f"locales/{tag}", None, f'message "{mid}" is missing in {tag}; add it '
                                        f"(until then people see the {REFERENCE} text)", where=mid))
        for rel in loc.draft_files:
            problems.append(Problem(rel, 1, f"{tag}: not yet reviewed by a native speaker (### status: draft); "
                                    "after review write ### status: reviewed", "warning"))

    # 3. texts with a length limit: Telegram's own (description 512, short description 120, command
    #    descriptions 256) and the project's (rights screens ~600: short enough to read on a phone)
    sample = {"police": "192", "ambulance": "194", "fire": "193"}
    severity: Literal["error", "warning"]
    for tag in texts.languages:
        for mid, limit, severity in LENGTH_LIMITS:  # type: ignore[assignment]
            if not texts.has(tag, mid) or mid not in texts.locales[tag].messages:
                continue
            n = len(texts.format(tag, mid, sample))
            if n > limit:
                f, line = texts.locales[tag].where.get(mid, (f"locales/{tag}", None))
                problems.append(Problem(f, line, f'message "{mid}" is {n} characters in {tag}; keep it to {limit}'
                                        + (" (Telegram refuses longer)" if severity == "error" else ""),
                                        severity, where=mid))

    # 4. deep-link words must not be read as a place id (…?start=sr-Latn_nis would be ambiguous)
    place_ids = {pl.id for pl in data.places}
    for word in dialogue.links:
        if word in place_ids or word.lower() in {t.lower() for t in dialogue.languages}:
            problems.append(Problem(dialogue.lines.get(dialogue.start, ("dialogs", None))[0], None,
                                    f'[links] word "{word}" is also a place id or a language; choose another word'))

    # 5. button labels short enough to read on a phone
    labels = {b.label for s in dialogue.screens.values() for b in s.buttons}
    for tag in texts.languages:
        for label in sorted(labels):
            text = texts.format(tag, label) if texts.has(tag, label) else ""
            if len(text) > BUTTON_LABEL_LIMIT:
                f, line = texts.locales[tag].where.get(label, (f"locales/{tag}", None))
                problems.append(Problem(f, line, f'button label "{label}" is {len(text)} characters; keep it under '
                                        f"{BUTTON_LABEL_LIMIT} so it fits on a phone", "warning", where=label))

    # 6. no text names a register entry without showing it; no English inside a Serbian answer
    problems += names_in_texts(texts, data)
    problems += english_in_serbian(data)
    return problems


LENGTH_LIMITS = (
    ("bot-description", 512, "error"), ("bot-short-description", 120, "error"),
    *((f"cmd-{c}", 256, "error") for c in COMMANDS),
    *((f"rights-{t}", 600, "warning") for t in ("social", "legal-aid", "health", "recovery", "foreigners", "children")),
)


def check_audio(data_dir: Path, texts: Texts) -> list[Problem]:
    """data/audio/<language>/<message id>.ogg: a recording operators add for a screen's text."""
    problems: list[Problem] = []
    root = Path(data_dir) / "audio"
    if not root.is_dir():
        return problems
    for path in sorted(root.rglob("*")):
        if path.is_dir() or path.name.startswith(".") or path.name == "README.md":
            continue
        rel = f"data/audio/{path.relative_to(root)}"
        parts = path.relative_to(root).parts
        if len(parts) != 2 or path.suffix != ".ogg":
            problems.append(Problem(rel, None, "recordings go in data/audio/<language>/<message id>.ogg "
                                    "(an OGG/Opus voice file, as Telegram voice messages are)"))
            continue
        tag, mid = parts[0], path.stem
        if tag not in texts.locales:
            problems.append(Problem(rel, None, f'"{tag}" is not a language folder in locales/.'
                                    + did_you_mean(tag, texts.locales)))
        elif mid not in texts.locales[tag].messages and not texts.has(tag, mid):
            problems.append(Problem(rel, None, f'no message "{mid}" in {tag}; name the file after the message '
                                    "it reads aloud." + did_you_mean(mid, texts.locales[tag].messages)))
        with open(path, "rb") as fh:
            head = fh.read(64)
        if not head.startswith(b"OggS"):
            problems.append(Problem(rel, None, "this is not an OGG file; export the recording as OGG with the "
                                    "Opus codec (e.g. ffmpeg -i in.wav -c:a libopus out.ogg)"))
        elif b"OpusHead" not in head:
            problems.append(Problem(rel, None, "an OGG file, but not Opus; Telegram plays voice messages in "
                                    "Opus only (ffmpeg -i in.wav -c:a libopus out.ogg)"))
        if path.stat().st_size > 1_000_000:
            problems.append(Problem(rel, None, "larger than 1 MB; Telegram shows voice messages up to 1 MB as "
                                    "voice, keep recordings short", "warning"))
    return problems


def _vars(names: set[str]) -> str:
    return ", ".join(f"${n}" for n in sorted(names)) or "no variables"


def report(problems: list[Problem], fmt: str = "text") -> str:
    errs = [p for p in problems if p.severity == "error"]
    warns = [p for p in problems if p.severity == "warning"]
    if fmt == "json":
        return json.dumps({"errors": len(errs), "warnings": len(warns),
                           "problems": [p.as_dict() for p in problems]}, ensure_ascii=False, indent=2)
    lines = [str(p) for p in errs + warns]
    lines.append(f"{len(errs)} error(s), {len(warns)} warning(s)" + ("" if errs else " — OK"))
    return "\n".join(lines)


def languages_report(texts: Texts) -> list[dict]:
    """Per language: messages translated, missing (falling back), draft (not reviewed), percentage."""
    ref = texts.locales[REFERENCE]
    total = len(ref.messages)
    rows = []
    for tag, loc in texts.locales.items():
        present = [m for m in ref.messages if m in loc.messages]
        missing = [m for m in ref.messages if m not in loc.messages]
        drafts = set(loc.draft_files) | set(ref.draft_files)
        draft = [m for m in present if loc.where.get(m, ("", 0))[0] in drafts]
        rows.append({"language": tag, "translated": len(present), "missing": len(missing), "draft": len(draft),
                     "reviewed": len(present) - len(draft), "percent": round(100 * len(present) / total) if total else 0,
                     "derived": len(loc.derived), "missing_ids": missing})
    return rows


def languages_text(rows: list[dict]) -> str:
    lines = [f"{'language':<9} {'translated':>10} {'missing':>8} {'draft':>6} {'reviewed':>9} {'complete':>9}"]
    for r in rows:
        lines.append(f"{r['language']:<9} {r['translated']:>10} {r['missing']:>8} {r['draft']:>6} {r['reviewed']:>9} "
                     f"{r['percent']:>8}%")
    for r in rows:
        if r["missing_ids"]:
            lines.append(f"{r['language']} falls back for: {', '.join(r['missing_ids'])}")
        if r["derived"]:
            lines.append(f"{r['language']}: {r['derived']} message(s) derived from {REFERENCE} by transliteration")
    return "\n".join(lines)


# --- what people are shown: every need in every town, short, and never a name without its number ------

EMERGENCY_ONLY = {"192": "report", "193": None, "194": "health"}  # counts only for that need
_ACRONYM = re.compile(r"\b[A-ZČĆŠĐŽ]{3,}\b")
_NOT_NAMES = {"SOS", "SMS", "CSR", "NGO", "OJQ", "GCSR", "PDF", "URL"}
# Words that give away an English phrase (official English glosses left in a Serbian name, say).
_ENGLISH = re.compile(r"\b(the|and|of|for|line|hotline|centre|center|support|women|children|missing|"
                      r"reporting|network|urgent|shelter|national|directorate|criminal|ministry|labour|"
                      r"inspectorate|office|single|emergency|number|duty|service|legal|aid|free)\b", re.I)


def register_names(data: RegisterData) -> tuple[dict[str, str], dict[str, str]]:
    """What in a text would name a register entry that has a number: its names in any language (matched
    folded) and its acronyms (ASTRA, NADEL, MUP ..., matched as written) → the service id."""
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for s in data.services:
        if s.kind == "emergency" or not s.phones:
            continue  # "police", "ambulance" are generic words, their numbers come as { $police }
        for text in (s.name, *(n for _, n in s.names)):
            if len(text) >= 8:
                names[text] = s.id
            for word in _ACRONYM.findall(text):
                if word not in _NOT_NAMES:
                    acronyms.setdefault(word, s.id)
    return names, acronyms


def _fixed_clock(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def names_in_texts(texts: Texts, data: RegisterData) -> list[Problem]:
    """A message may not name a register entry: the renderer shows the entry (with its number) instead."""
    from .textnorm import cyr_to_lat, fold
    problems: list[Problem] = []
    names, acronyms = register_names(data)
    folded = {fold(n): (n, sid) for n, sid in names.items()}
    # One pattern for all names (and one for acronyms), compiled once: a start-up cost per message, not per name.
    by_name = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, folded), key=len, reverse=True)) + r")(?!\w)") \
        if folded else None
    by_acronym = re.compile(r"(?<!\w)(" + "|".join(sorted(acronyms, key=len, reverse=True)) + r")(?!\w)") \
        if acronyms else None
    for tag, loc in texts.locales.items():
        for mid, message in loc.messages.items():
            raw = cyr_to_lat("".join(_scan(message).text))
            text = fold(raw)
            hits = [folded[m.group(1)] for m in (by_name.finditer(text) if by_name else ())]
            hits += [(m.group(1), acronyms[m.group(1)]) for m in (by_acronym.finditer(raw) if by_acronym else ())]
            if hits:
                name, sid = hits[0]
                f, line = loc.where.get(mid, (f"locales/{tag}", None))
                if mid in loc.derived:
                    f = f"{f} (derived for {tag})"
                problems.append(Problem(f, line, f'message "{mid}" names "{name}" (register entry {sid}) in '
                                        "its text; say nothing of it there and let the screen list the entry "
                                        '(shows = "hotline" or "services"), so its number and date come with it',
                                        where=mid))
    return problems


def english_in_serbian(data: RegisterData) -> list[Problem]:
    """A Serbian answer should not carry an English name or description: give name_sr / about_sr."""
    problems = []
    for s in data.services:
        if not s.shown:
            continue
        for lang, about in s.abouts:
            if len(about) > 40:
                problems.append(Problem("data/services.csv", None, f"service {s.id}: about_{lang} is {len(about)} "
                                        "characters; keep it to 40 so answers fit a phone", "warning", where=s.id))
        sr = f"{s.name_in('sr')} {s.about_in('sr')}"
        m = _ENGLISH.search(sr)
        if m:
            problems.append(Problem("data/services.csv", None, f'service {s.id}: the Serbian answer would show '
                                    f'"{sr.strip()}", English ("{m[0]}"); write its Serbian name in name_sr '
                                    "(and about_sr)", "warning", where=s.id))
    return problems


def answers_check(texts: Texts, data: RegisterData, today, nearby_km: float = 60, caution_days: int = 730,
                  says: str = "answer") -> tuple[list[Problem], dict]:
    """For every municipality outside Kosovo and every need, on `today` and a year later, in every
    language: the first screen of the answer lists a number that fits the need (192/193/194 count only
    for reporting a crime / health care), and is at most ANSWER_LIMIT characters. Returns the problems
    and the figures (pairs, with a fitting number, longest screen)."""
    from datetime import datetime, timedelta

    from .register import BELGRADE, NEEDS, Register
    from .render import ANSWER_LIMIT, Renderer

    problems: list[Problem] = []
    figures: dict = {}
    for label, day in (("today", today), ("in a year", today + timedelta(days=365))):
        register = Register(data, nearby_km=nearby_km, caution_days=caution_days, today=lambda day=day: day)
        moment = datetime.combine(day, datetime.min.time().replace(hour=10), tzinfo=BELGRADE)
        renderer = Renderer(texts, register, {"typed": "deleted", **register.emergency_numbers()},
                            now=_fixed_clock(moment))
        pairs = fitting = longest = 0
        missing: list[str] = []
        for place in register.places.values():
            if place.in_kosovo:
                continue
            for need in NEEDS:
                pairs += 1
                pages = renderer.pages(need, place.id)
                ok = any(_fits(s, need) for s in (*pages.first.local, *(n.service for n in pages.first.nearby),
                                                  *pages.first.national))
                fitting += ok
                if not ok:
                    missing.append(f"{place.name_latn}/{need}")
                for lang in texts.languages:
                    n = len(renderer.first_screen(pages, need, lang, says))
                    longest = max(longest, n)
                    if n > ANSWER_LIMIT:
                        problems.append(Problem("data/services.csv", None, f"the answer for {place.name_latn}, "
                                                f"need {need}, in {lang} is {n} characters {label}; at most "
                                                f"{ANSWER_LIMIT} fit a phone: shorten names and about_* texts",
                                                where=f"{place.id}/{need}"))
        if missing:
            problems.append(Problem("data/services.csv", None, f"{len(missing)} municipality-need pair(s) get no "
                                    f"number that fits the need {label} (192/193/194 do not count, except 194 for "
                                    f"health and 192 for report): {', '.join(missing[:12])}"
                                    f"{' …' if len(missing) > 12 else ''}; add or re-confirm a service for them"))
        figures[label] = {"day": day.isoformat(), "pairs": pairs, "with_fitting_number": fitting,
                          "longest_first_screen": longest}
    return problems, figures


def _fits(s, need: str) -> bool:
    if need not in s.needs or not s.phones:
        return False
    numbers = {p.number for p in s.phones}
    if numbers <= set(EMERGENCY_ONLY):
        return any(EMERGENCY_ONLY[n] == need for n in numbers)
    return True
