"""The command line, run as a newcomer would: `python -m bot services|chat|run`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.i18n import LANGUAGES, Texts

ROOT = Path(__file__).resolve().parent.parent
TEXTS, _ = Texts.load(ROOT / "locales")


def run(*args, stdin: str = "", env: dict | None = None, tmp: Path | None = None):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PUTOKAZ_"))}
    if tmp:
        e.update(TMPDIR=str(tmp), PUTOKAZ_DB=str(tmp / "register.sqlite3"))
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=e, input=stdin,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("town,first,rest", [
    ("u Nišu", "place: Niš", []),
    ("Ниш", "place: Niš", []),
    ("Mitrovica", "place: ?", ["Sremska Mitrovica", "Kosovska Mitrovica"]),
    ("Qwertyville", "place: -", []),
])
def test_services_first_line(tmp_path, town, first, rest):
    r = run("services", "--town", town, "--need", "talk", "--lang", "en", tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == first
    if rest:
        assert lines[1:] == rest
    elif first == "place: Niš":
        assert "0800 100909" in r.stdout  # Osvit's 24-hour line, in Niš
        assert TEXTS.format("en", "call-note") in r.stdout
    else:
        assert "011 7850000" in r.stdout  # national lines only


def test_services_refuses_unknown_need(tmp_path):
    r = run("services", "--town", "Niš", "--need", "pizza", tmp=tmp_path)
    assert r.returncode == 2 and "--need must be one of" in r.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chat_walks_a_newcomer_through_the_whole_conversation(tmp_path, lang):
    index = LANGUAGES.index(lang) + 1
    # picker → language; danger: yes → emergency + needs; shelter; a sticker; a typed town; another town;
    # several → pick the second; leave
    script = f"{index}\n1\n1\n<media>\nu Novom Sadu\n2\nMitrovica\n1\n/leave\n"
    r = run("chat", stdin=script, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    t = lambda mid, **a: TEXTS.format(lang, mid, {"typed": "deleted", **a})  # noqa: E731
    for mid in ("privacy-short", "ask-danger", "emergency", "ask-need", "ask-town", "hint-cannot-read", "pick-town"):
        assert t(mid) in out, mid
    # the danger screen: 192 and 194 first, then the trafficking line and the MUP's 24-hour line
    danger = out.split(t("emergency"), 1)[1].split(t("ask-need"), 1)[0]
    assert danger.index("192") < danger.index("194") < danger.index("011 7850000") < danger.index("0800 100600")
    assert "112" not in out
    town = "Нови Сад" if lang == "sr-Cyrl" else "Novi Sad"
    assert t("answer", town=town, what=t("need-shelter")) in out
    assert t("answer", town="Сремска Митровица" if lang == "sr-Cyrl" else "Sremska Mitrovica",
             what=t("need-shelter")) in out
    assert out.rstrip().endswith(t("goodbye"))


def test_chat_with_lang_skips_the_picker(tmp_path):
    r = run("chat", "--lang", "sq", stdin="/help\n", tmp=tmp_path)
    assert r.stdout.index(TEXTS.format("sq", "privacy-short")) < r.stdout.index(TEXTS.format("sq", "ask-danger"))
    assert TEXTS.format("sq", "privacy", {"typed": "deleted"}) in r.stdout  # the full note: /help (and a button)
    assert TEXTS.format("sq", "choose-language") not in r.stdout


def test_run_without_token_exits_2_with_one_clear_line(tmp_path):
    r = run(tmp=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "TELEGRAM_TOKEN" in r.stderr


def test_run_with_broken_files_stops_and_names_them(copy_tree, tmp_path):
    settings = copy_tree()
    p = settings.dialogs_dir / "main.toml"
    p.write_text(p.read_text(encoding="utf-8").replace('on.found = "answer"', 'on.found = "answr"', 1), encoding="utf-8")
    r = run(env={"TELEGRAM_TOKEN": "123:abc", "PUTOKAZ_DIALOGS_DIR": str(settings.dialogs_dir),
                 "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}, tmp=tmp_path)
    assert "dialogs/main.toml:" in r.stderr and 'Did you mean "answer"?' in r.stderr
    # it would serve the fallback reply; here no Bot API answers, so it stops with one line, exit 2
    assert r.returncode == 2 and "could not reach TELEGRAM_API_BASE_URL" in r.stderr and "Traceback" not in r.stderr


def test_chat_replays_a_script_and_fails_on_a_broken_one(tmp_path):
    r = run("chat", "--script", "tests/conversations/danger.toml", "--lang", "en", tmp=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1] == "4 passed, 0 failed"
    assert ">>> press 'danger-yes'" in r.stdout and "192" in r.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[[conversation]]\nname = "b"\nsteps = [ { start = "en", expect = ["ask-need"] } ]\n')
    r = run("chat", "--script", str(bad), tmp=tmp_path)
    assert r.returncode == 1
    assert "FAILED step 1: expected ['ask-need'], got ['privacy-short', 'ask-danger']" in r.stdout


def test_chat_shows_what_a_telegram_app_shows(tmp_path):
    """The terminal runs the real adapter on a simulated phone: edits in place, typed text deleted,
    old buttons removed, and Leave empties the chat before the goodbye."""
    r = run("chat", stdin="5\n2\n1\nFutog\nhello\n/leave\n", tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    t = lambda mid, **a: TEXTS.format("en", mid, {"typed": "deleted", **a})  # noqa: E731
    picker, danger = out.index(TEXTS.format("en", "choose-language")), out.index(t("ask-danger"))
    assert "✎ edited: the screen above changed in place" in out[picker:danger]  # the press replaced the picker
    answer = out.index(t("answer", town="Novi Sad", what=t("need-shelter")))  # Futog lies in Novi Sad
    assert "· deleted: your message" in out[answer:]  # "Futog" was read, then deleted
    assert "· buttons removed from an earlier message" in out
    assert out.index(t("hint-use-buttons")) > answer  # "hello" on the answer: the buttons again
    tail = out[out.rindex("· deleted: "):]
    assert "(the chat is empty)" in tail and tail.rstrip().endswith(t("goodbye"))
