"""Typed words that mean a button: `locales/<language>/words.toml`, edited by operators.

A person may type "ne" instead of tapping "No", "I need a place to sleep" on the needs screen, or
"ne znam" when asked for a town. The words are matched with the same folding as town names (case,
diacritics and Cyrillic folded, Serbian case endings stemmed), as whole words or runs of words inside
what was typed. A word inside a longer word that also matched ("ne" inside "ne znam") does not count.

    [buttons]          # a button's id on any screen: yes, no, leave, skip (rather not say), more, ...
    no = ["ne", "nije"]
    [needs]            # a need: the button that sets it, wherever one does
    shelter = ["smeštaj", "spavati"]
    [languages]        # the language picker
    "sr-Latn" = ["srpski"]

Each button's own label, in every language, counts too. The engine gets a set of keys
("button:no", "need:shelter", "label:btn-yes", "language:sq") and presses a button only when exactly
one on the screen fits; when several fit, it asks with the buttons. It never guesses.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .matching import _stem_word
from .problems import Problem
from .textnorm import fold

BASE = {"sr-Cyrl": "sr-Latn"}
SECTIONS = {"buttons": "button", "needs": "need", "languages": "language"}
MAX_TOKENS = 16
SHORT, SHORT_ALONE = 3, 2  # a word of up to 3 letters counts only in a message of up to 2 words
# (longer messages are read for button words only up to MAX_TOKENS words; a town may still be found)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_stem_word(w) for w in fold(text).split())


@dataclass
class Vocabulary:
    # language (None: every language's labels and words together) → a phrase's first stemmed word →
    # [(stemmed phrase, key, short)]: what is typed is looked up word by word, not scanned against all
    starting: dict[str | None, dict[str, list[tuple[tuple[str, ...], str, bool]]]] = field(default_factory=dict)
    single: set[str] = field(default_factory=set)  # one-word entries, folded: never read as a village

    def add(self, lang: str | None, text: str, key: str) -> None:
        phrase = _phrase(text)
        if phrase:
            raw = fold(text).split()
            short = len(raw) == 1 and len(raw[0]) <= SHORT  # "da", "no", "po": only in a short reply
            if len(raw) == 1:
                self.single.add(raw[0])
            for scope in (lang, None) if lang is not None else (None,):
                self.starting.setdefault(scope, {}).setdefault(phrase[0], []).append((phrase, key, short))

    def understand(self, lang: str | None, text: str) -> frozenset[str]:
        """What the typed text means, as keys: in the person's language first, then in any."""
        tokens = _phrase(text)
        if not tokens or len(tokens) > MAX_TOKENS:
            return frozenset()
        scopes = [lang, None] if lang else [None]
        for scope in scopes:
            found = _matches(self.starting.get(scope, {}), tokens)
            if found:
                return found
        return frozenset()


def _matches(starting: dict[str, list[tuple[tuple[str, ...], str, bool]]], tokens: tuple[str, ...]) -> frozenset[str]:
    spans: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        for phrase, key, short in starting.get(token, ()):
            if short and len(tokens) > SHORT_ALONE:
                continue  # "da", "no", "po" count only in a short reply, not somewhere in a sentence
            n = len(phrase)
            if tokens[i : i + n] == phrase:
                spans.append((i, i + n, key))
    # A match inside a longer one ("ne" in "ne znam") does not count.
    kept = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0])
                                        for o in spans)]
    return frozenset(k for _, _, k in kept)


def load(locales_dir: Path, languages, button_ids: set[str], needs) -> tuple[dict, list[Problem]]:
    """{language: {key: [words]}} from locales/<language>/words.toml, and every problem found."""
    problems: list[Problem] = []
    out: dict[str, dict[str, list[str]]] = {}
    for lang in languages:
        path = Path(locales_dir) / lang / "words.toml"
        rel = f"locales/{lang}/words.toml"
        if not path.exists():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            line = _line(str(exc))
            problems.append(Problem(rel, line, f"not valid TOML ({exc}); each line is like  no = [\"ne\", \"nije\"]"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(rel, None, f"cannot be read ({type(exc).__name__}); save it as UTF-8 text"))
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines and "status: draft" in lines[0]:
            problems.append(Problem(rel, 1, "draft: these words have not been reviewed by a native speaker yet; "
                                    "when they have, change the first line to  # status: reviewed", "warning"))
        words: dict[str, list[str]] = {}
        claimed: dict[tuple[str, ...], str] = {}
        for section, table in data.items():
            kind = SECTIONS.get(section)
            if kind is None or not isinstance(table, dict):
                problems.append(Problem(rel, _find(lines, f"[{section}]"), f"unknown section [{section}]; use "
                                        "[buttons], [needs] or [languages]"))
                continue
            for name, values in table.items():
                line = _find(lines, name)
                if kind == "button" and name not in button_ids:
                    problems.append(Problem(rel, line, f"no button has the id {name!r}; button ids are: "
                                            f"{', '.join(sorted(button_ids))}"))
                    continue
                if kind == "need" and name not in needs:
                    problems.append(Problem(rel, line, f"unknown need {name!r}; needs are: {', '.join(needs)}"))
                    continue
                if kind == "language" and name not in languages:
                    problems.append(Problem(rel, line, f"unknown language {name!r}; languages are: "
                                            f"{', '.join(languages)}"))
                    continue
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    problems.append(Problem(rel, line, f'{name} must be a list of words, like {name} = ["…", "…"]'))
                    continue
                key = f"{kind}:{name}"
                for v in values:
                    phrase = _phrase(v)
                    if not phrase:
                        problems.append(Problem(rel, line, f"{v!r} under {name} has no letters to match"))
                        continue
                    other = claimed.get(phrase)
                    if other is not None and other != key:
                        problems.append(Problem(rel, line, f"{v!r} is claimed by both {other} and {key}: a person "
                                                "typing it would be asked which they meant; keep it under one",
                                                "warning"))
                    claimed.setdefault(phrase, key)
                words.setdefault(key, []).extend(values)
        out[lang] = words
    return out, problems


def build(words: dict, texts, dialogue) -> Vocabulary:
    """The vocabulary: operators' words, every button label in every language, language names."""
    vocab = Vocabulary()
    labels = {b.label for s in dialogue.screens.values() for b in s.buttons}
    for lang in texts.languages:
        for label in sorted(labels):
            vocab.add(lang, _label_text(texts, lang, label), f"label:{label}")
        vocab.add(lang, texts.format(lang, "language-name"), f"language:{lang}")
        own = words.get(lang) or words.get(BASE.get(lang, ""), {})  # sr-Cyrl reads sr-Latn's (folding is the same)
        for key, values in own.items():
            for v in values:
                vocab.add(lang, v, key)
    return vocab


def _label_text(texts, lang: str, label: str) -> str:
    try:
        return texts.format(lang, label, {})
    except Exception:  # noqa: BLE001 - a label that needs arguments is not a typed word
        return ""


def _find(lines: list[str], needle: str) -> int | None:
    for i, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith(needle) or stripped.startswith(f'"{needle}"'):
            return i
    return None


def _line(message: str) -> int | None:
    import re
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None
