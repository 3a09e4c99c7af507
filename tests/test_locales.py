"""The five languages: same ids, same variables, no syntax errors, fallbacks never show raw ids."""
from __future__ import annotations

from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.check import _scan
from bot.i18n import LANGUAGES, REFERENCE, Texts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def texts():
    t, problems = Texts.load(ROOT / "locales")
    assert [p for p in problems if p.severity == "error"] == []
    return t


@pytest.mark.parametrize("path", sorted((ROOT / "locales").glob("*/*.ftl")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_junk(path):
    # fluent.runtime would skip a broken entry silently: parse strictly and fail on Junk.
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    assert junk == [], [j.content[:80] for j in junk]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_ids_and_variables_as_reference(texts, lang):
    ref = texts.locales[REFERENCE].messages
    loc = texts.locales[lang].messages
    assert set(loc) == set(ref)
    for mid, message in loc.items():
        assert _scan(message).variables == _scan(ref[mid]).variables, (lang, mid)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_without_raw_ids(texts, lang):
    args = {"town": "Niš", "what": "x", "km": 12, "date": "2024-05", "number": "011 785 00 00", "days": "Mon",
            "from": "08:00", "to": "16:00", "languages": "sr"}
    for mid in texts.locales[REFERENCE].messages:
        out = texts.format(lang, mid, args)
        assert out.strip() and out != mid and "{" not in out, (lang, mid, out)


def test_cyrillic_is_derived_and_overrides_win(texts):
    assert texts.format("sr-Cyrl", "ask-danger") == "Да ли сте сада у опасности?"
    assert texts.format("sr-Cyrl", "language-name") == "Српски (ћирилица)"
    # the multilingual picker line is kept as written, not transliterated
    assert texts.format("sr-Cyrl", "choose-language") == texts.format("en", "choose-language")
    # variables and numbers are never transliterated
    assert texts.format("sr-Cyrl", "entry-distance", {"km": 5, "town": "Niš"}) == "5 km, Niš".replace("km", "км")


def test_missing_message_falls_back_along_the_chain(tmp_path):
    for lang in LANGUAGES:
        (tmp_path / lang).mkdir()
    (tmp_path / "sr-Latn" / "main.ftl").write_text("a = Srpski\nb = Samo srpski\n", encoding="utf-8")
    (tmp_path / "en" / "main.ftl").write_text("a = English\nb = Only English\nc = Only in English\n", encoding="utf-8")
    (tmp_path / "rom" / "main.ftl").write_text("a = Romani\n", encoding="utf-8")
    texts, _ = Texts.load(tmp_path)
    assert texts.format("rom", "a") == "Romani"
    assert texts.format("rom", "b") == "Samo srpski"       # rom → sr-Latn
    assert texts.format("rom", "c") == "Only in English"   # … → en
    assert texts.format("rom", "nope") == "…"              # never the raw id


def test_every_file_declares_its_review_status():
    for path in (ROOT / "locales").glob("*/*.ftl"):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head in ("### status: draft", "### status: reviewed"), path


def test_no_user_facing_text_calls_the_person_a_victim(texts):
    words = ("victim", "žrtv", "жртв", "viktim", "viktimë")
    for lang in LANGUAGES:
        for mid in texts.locales[lang].messages:
            out = texts.format(lang, mid, {"town": "x", "what": "x", "km": 1, "date": "x", "number": "1",
                                           "days": "x", "from": "x", "to": "x", "languages": "x"}).lower()
            assert not any(w in out for w in words), (lang, mid)


# Negation words that would open a question ("Are you not free …?"); later in the sentence they are
# fine ("… late, or not at all?").
_NEGATION = {"en": {"not", "don't", "aren't", "isn't", "doesn't", "can't", "cannot"},
             "sr-Latn": {"ne", "niste", "nije", "nisu", "nemate", "nemaš"}, "sq": {"nuk", "s'"},
             "rom": {"na", "našti", "nane"}}


@pytest.mark.parametrize("lang", sorted(_NEGATION))
def test_yes_no_questions_are_asked_positively(texts, lang):
    """A question answered with Yes/No never asks "are you not …?": "Yes" must mean the thing is so."""
    import tomllib
    dialogue = tomllib.loads((ROOT / "dialogs" / "main.toml").read_text(encoding="utf-8"))
    asked = [s["says"] for s in dialogue["screen"].values() if isinstance(s, dict) and "says" in s
             and {b.get("id") for b in s.get("buttons", [])} >= {"yes", "no"}]
    assert len(asked) >= 8  # the danger question and the seven self-check questions
    for mid in asked:
        opening = texts.format(lang, mid).lower().replace("?", " ").split()[:4]
        assert not set(opening) & _NEGATION[lang], (mid, opening)
