"""The checker: the real files pass; each kind of mistake fails with the right sentence."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import load_sources

ROOT = Path(__file__).resolve().parent.parent


def errors_of(settings):
    _, _, _, problems = load_sources(settings)
    return [p for p in problems if p.severity == "error"], [p for p in problems if p.severity == "warning"]


def test_real_files_pass(settings):
    errs, warns = errors_of(settings)
    assert errs == []
    # every draft translation is reported, as a warning
    assert {p.file for p in warns if "native speaker" in p.message} >= {
        "locales/rom/main.ftl", "locales/sq/main.ftl"}


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


DIALOG_CASES = [
    ('on.found = "answer"', 'on.found = "answr"', 'goes to screen "answr", which does not exist. Did you mean "answer"?'),
    ('says = "ask-need"', 'says = "ask-needs"', 'message "ask-needs" does not exist'),
    ('says = "ask-need"', 'say = "ask-need"', 'unknown setting "say". Did you mean "says"?'),
    ('on.missing = "town-missing"\nbuttons', 'buttons', 'does not say where "missing" goes'),
    ('expect = "town-choice"', 'expect = "towns"', 'is not an input kind'),
    ('{ id = "yes", label = "danger-yes", next = "emergency", set = { danger = "yes" } }',
     '{ id = "yes-this-is-a-very-long-button-identifier-that-goes-on-and-on-forever", label = "danger-yes", next = "emergency" }',
     "Telegram allows 64"),
    ('set = { need = "work" }', 'set = { need = "jobs" }', 'sets need "jobs"'),
    ('[screen.help-privacy]\nsays = "privacy"\nthen = "@back"', '[screen.help-privacy]\nsays = "privacy"', "dead end"),
    ('start = "language"\nlanguages', 'start = "languag"\nlanguages', 'Did you mean "language"?'),
    ('then = "need"', 'then = "emergency"', "continue into each other for ever"),
    ('stale = "hint-old-button"', '', "[replies] needs stale"),
]


@pytest.mark.parametrize("old,new,words", DIALOG_CASES)
def test_dialogue_mistakes(copy_tree, old, new, words):
    settings = copy_tree()
    edit(settings.dialogs_dir / "main.toml", old, new)
    errs, _ = errors_of(settings)
    assert any(words in p.message for p in errs), [str(p) for p in errs]
    assert all(p.file.startswith(("dialogs/", "locales/", "data/")) for p in errs)


def test_toml_syntax_error_names_line(copy_tree):
    settings = copy_tree()
    line = edit(settings.dialogs_dir / "main.toml", 'says = "ask-danger"', 'says = "ask-danger')
    errs, _ = errors_of(settings)
    assert len(errs) == 1
    assert errs[0].file == "dialogs/main.toml" and errs[0].line == line and "TOML syntax" in errs[0].message


def test_unreachable_screen_is_a_warning(copy_tree):
    settings = copy_tree()
    with open(settings.dialogs_dir / "main.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[screen.orphan]\nsays = "help"\nthen = "need"\n')
    errs, warns = errors_of(settings)
    assert errs == []
    assert any('screen "orphan" cannot be reached' in p.message for p in warns)


LOCALE_CASES = [
    ("locales/sq/main.ftl", "ask-danger = A jeni në rrezik tani?", "ask-danger = { A jeni", "Fluent syntax error"),
    ("locales/rom/main.ftl", "ask-danger = Sian li akana ande opasnost?\n", "", 'message "ask-danger" is missing in rom'),
    ("locales/en/main.ftl", "section-local = In { $town }:", "section-local = In { $place }:", "use the same variables"),
    ("locales/en/main.ftl", "danger-no = No", "danger-no = {\"\"}", "is empty"),
    ("locales/en/main.ftl", "hint-start-over = Let's start again.", "hint-start-over = Call 112.", "112"),
    ("locales/sr-Latn/main.ftl", "ask-danger = Da li ste sada u opasnosti?\n", "", 'message "ask-danger" does not exist'),
]


@pytest.mark.parametrize("path,old,new,words", LOCALE_CASES)
def test_locale_mistakes(copy_tree, path, old, new, words):
    settings = copy_tree()
    line = edit(settings.locales_dir.parent / path, old, new)
    errs, _ = errors_of(settings)
    hits = [p for p in errs if words in p.message]
    assert hits, [str(p) for p in errs]
    if "Fluent syntax" in words:
        assert hits[0].file == path and hits[0].line == line


def test_hard_coded_phone_is_a_warning(copy_tree):
    settings = copy_tree()
    edit(settings.locales_dir / "en" / "main.ftl", "help = Putokaz shows", "help = Call 011 785 00 00. Putokaz shows")
    errs, warns = errors_of(settings)
    assert errs == []
    assert any("phone number written into the text" in p.message and p.where == "help" for p in warns)


def test_cli_exit_status_and_json(copy_tree):
    settings = copy_tree()
    env = {"PUTOKAZ_DATA_DIR": str(settings.data_dir), "PUTOKAZ_DIALOGS_DIR": str(settings.dialogs_dir),
           "PUTOKAZ_LOCALES_DIR": str(settings.locales_dir), "PATH": "/usr/bin:/bin"}
    ok = subprocess.run([sys.executable, "-m", "bot", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert re.search(r"^0 error\(s\), \d+ warning\(s\)", ok.stdout.splitlines()[-1])
    edit(settings.dialogs_dir / "main.toml", 'on.found = "answer"', 'on.found = "answr"')
    bad = subprocess.run([sys.executable, "-m", "bot", "check", "--format", "json"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    assert report["errors"] >= 1
    assert any(p["file"] == "dialogs/main.toml" and p["line"] for p in report["problems"] if p["severity"] == "error")


def test_languages_report_counts_missing_draft_and_reviewed(copy_tree):
    settings = copy_tree()
    rom = settings.locales_dir / "rom" / "main.ftl"
    edit(rom, "ask-danger = Sian li akana ande opasnost?\n", "")
    for ftl in sorted((settings.locales_dir / "en").glob("*.ftl")):  # every file English has: main, web
        edit(ftl, "### status: draft", "### status: reviewed")
    env = {"PUTOKAZ_LOCALES_DIR": str(settings.locales_dir), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "bot", "check", "--languages", "--format", "json"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    rows = {row["language"]: row for row in json.loads(r.stdout)}
    total = rows["sr-Latn"]["translated"]
    assert rows["rom"]["missing"] == 1 and rows["rom"]["missing_ids"] == ["ask-danger"]
    assert rows["rom"]["percent"] == round(100 * (total - 1) / total)
    assert rows["en"]["draft"] == 0 and rows["en"]["reviewed"] == total
    assert rows["sq"]["draft"] == total and rows["sq"]["reviewed"] == 0
    assert rows["sr-Cyrl"]["derived"] > 0 and rows["sr-Cyrl"]["missing"] == 0
    text = subprocess.run([sys.executable, "-m", "bot", "check", "--languages"], cwd=ROOT, env=env,
                          capture_output=True, text=True).stdout
    assert "rom falls back for: ask-danger" in text
