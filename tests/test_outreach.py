"""Outreach: deep links, `link` and `flyer` (QR decoded back, PDF rendered), Telegram's menus and
descriptions end to end, the self-check, the rights screens and the recordings mechanism."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.engine import Command, Press, Start, parse_payload
from bot.i18n import LANGUAGES
from bot.outreach import LinkError, flyer, make_link
from bot_process import TOKEN
from fake_bot_api import BOT_USER, FakeBotAPI
from test_e2e import running  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parent.parent
USER = {"id": 987650077, "is_bot": False, "first_name": "Deeplinkova", "language_code": "sq"}


def run_cli(*args, env=None, tmp=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PUTOKAZ_"))}
    if tmp:
        e.update(TMPDIR=str(tmp))
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp or ROOT, env=e, capture_output=True, text=True,
                          timeout=120)


# --- deep links -------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload,expected", [
    ("sq", ("sq", None, None)),
    ("rom_presevo", ("rom", "presevo", None)),
    ("sr-Cyrl_nis_danger", ("sr-Cyrl", "nis", "emergency")),
    ("sr_Cyrl", ("sr-Cyrl", None, None)),  # the older form
    ("EN_check", ("en", None, "self-check")),
    ("en_novi-sad_rights", ("en", "novi-sad", "rights")),
])
def test_payloads_preset_language_town_and_screen(core, payload, expected):
    assert parse_payload(core.dialogue, core.world, payload) == expected


@pytest.mark.parametrize("payload", [
    "", "xx", "en_atlantis", "en_danger_nis", "en_nis_nis", "en_danger_danger", "en nis", "en_nis;drop",
    "en_" + "a" * 70, "sq_presevo_danger_extra", "../etc", "en_%6Eis", "sr-Cyrl_нис",
])
def test_unknown_or_tampered_payloads_fall_back_to_the_picker(core, payload):
    assert parse_payload(core.dialogue, core.world, payload) is None
    s, out = core.step(None, Start(payload))
    assert s.screen == "language" and s.lang is None and s.place is None


def test_a_link_with_a_town_skips_the_town_question_and_a_word_jumps_after_the_privacy_note(core):
    s, out = core.step(None, Start("sr-Cyrl_nis_danger"))
    assert (s.screen, s.lang, s.place) == ("need", "sr-Cyrl", "nis")  # emergency continues into need
    text = "\n".join(o.text for o in out)
    assert core.texts.format("sr-Cyrl", "privacy-short") in text  # the privacy line comes first
    assert core.texts.format("sr-Cyrl", "emergency", {}) in text
    s, out = core.step(s, Press("need|shelter"))
    assert (s.screen, s.need, s.place) == ("answer", "shelter", "nis")  # no town question
    s, _ = core.step(s, Press("answer|town"))
    assert s.screen == "town" and s.place is None  # "other town" asks again


# --- link -----------------------------------------------------------------------------------------------

def test_link_command_prints_the_link(tmp_path):
    r = run_cli("link", "--lang", "sr-Cyrl", "--town", "Niš", "--screen", "danger", tmp=tmp_path,
                env={"PUTOKAZ_BOT_USERNAME": "@PutokazBot"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "https://t.me/PutokazBot?start=sr-Cyrl_nis_danger"


@pytest.mark.parametrize("args,message", [
    (["--lang", "de"], "--lang must be one of"),
    (["--lang", "en", "--town", "Mitrovica"], "fits several places"),
    (["--lang", "en", "--town", "Qwertyville"], "not a municipality"),
    (["--lang", "en", "--screen", "answer"], "--screen must be one of"),
])
def test_link_command_explains_what_to_fix(tmp_path, args, message):
    r = run_cli("link", *args, tmp=tmp_path, env={"PUTOKAZ_BOT_USERNAME": "PutokazBot"})
    assert r.returncode == 2 and message in r.stderr


def test_link_without_a_name_or_token_says_how_to_get_one(tmp_path):
    r = run_cli("link", "--lang", "en", tmp=tmp_path)
    assert r.returncode == 2 and "PUTOKAZ_BOT_USERNAME" in r.stderr


async def test_link_asks_telegram_for_the_name_when_a_token_is_set(tmp_path):
    import asyncio
    api = FakeBotAPI(TOKEN)
    url = await api.start()
    try:
        r = await asyncio.to_thread(run_cli, "link", "--lang", "sq", "--town", "Preševo", tmp=tmp_path,
                                    env={"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": url})
    finally:
        await api.stop()
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"https://t.me/{BOT_USER['username']}?start=sq_presevo"
    assert TOKEN not in r.stdout + r.stderr


def test_every_link_word_and_every_place_makes_a_valid_payload(core):
    longest = max(core.world.place_names, key=len)
    for word in core.dialogue.links:
        link = make_link(core, "PutokazBot", "sr-Cyrl", core.world.place_name(longest, None), word)
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", link.payload)
    with pytest.raises(LinkError):
        make_link(core, "not a name!", "en")


# --- flyers ---------------------------------------------------------------------------------------------

def _decode(image) -> list[str]:
    import zxingcpp
    return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flyer_png_qr_decodes_back_to_the_link_in_every_language(core, lang):
    import io

    from PIL import Image
    link = make_link(core, "PutokazBot", lang, "Niš" if lang != "sq" else "Preševo")
    png = flyer(core, lang, link.url, "png")
    image = Image.open(io.BytesIO(png))
    assert image.size == (1240, 1748)  # A6 at 300 dpi
    assert _decode(image) == [link.url]


def test_flyer_pdf_renders_and_the_a4_sheet_holds_four_codes(core):
    import pypdfium2 as pdfium
    link = make_link(core, "PutokazBot", "rom")
    pdf = pdfium.PdfDocument(flyer(core, "rom", link.url, "pdf"))
    page = pdf[0]
    w, h = page.get_size()
    assert (round(w / 72 * 25.4), round(h / 72 * 25.4)) == (105, 148)
    text = page.get_textpage().get_text_range()
    assert core.texts.format("rom", "flyer-free", {}) .split()[0] in text
    assert _decode(page.render(scale=3).to_pil()) == [link.url]
    sheet = pdfium.PdfDocument(flyer(core, "rom", link.url, "pdf", sheet="a4"))[0]
    assert [round(x / 72 * 25.4) for x in sheet.get_size()] == [210, 297]
    assert _decode(sheet.render(scale=3).to_pil()) == [link.url] * 4


def test_flyer_svg_and_the_command(tmp_path, core):
    svg = flyer(core, "en", "https://t.me/PutokazBot?start=en", "svg").decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    out = tmp_path / "f.png"
    r = run_cli("flyer", "--lang", "sr-Latn", "--format", "png", "--out", str(out), tmp=tmp_path,
                env={"PUTOKAZ_BOT_USERNAME": "PutokazBot"})
    assert r.returncode == 0, r.stderr
    from PIL import Image
    assert _decode(Image.open(out)) == ["https://t.me/PutokazBot?start=sr-Latn"]


def test_flyer_texts_come_from_the_locales(core):
    from bot.outreach import flyer_texts
    t = flyer_texts(core, "sq")
    assert t["what"] == core.texts.format("sq", "flyer-what", {})
    # the police and the trafficking line, from the register; not the fire brigade
    assert [n for _, n in t["numbers"]] == ["192", "011 7850000"]
    assert t["emergency"] == core.texts.format("sq", "flyer-emergency", {}) and t["emergency"].endswith(":")


# --- self-check -----------------------------------------------------------------------------------------

QUESTIONS = ["sc-documents", "sc-debt", "sc-leave", "sc-threats", "sc-pay", "sc-control", "sc-deceived"]


def _self_check(core, answers: dict[str, str], lang: str = "en"):
    s, _ = core.step(None, Start(f"{lang}_check"))
    assert s.screen == "self-check"
    s, _ = core.step(s, Press("self-check|start"))
    out = []
    for q in QUESTIONS:
        s, out = core.step(s, Press(f"{q}|{answers.get(q, 'no')}"))
    return s, out


@pytest.mark.parametrize("answers,offered", [
    ({}, []),
    ({"sc-documents": "yes"}, ["sc-result|legal"]),
    ({"sc-leave": "yes", "sc-pay": "yes"}, ["sc-result|shelter", "sc-result|work"]),
    ({"sc-debt": "yes", "sc-documents": "yes"}, ["sc-result|legal"]),  # one button, however many reasons
    ({"sc-control": "yes", "sc-threats": "yes", "sc-deceived": "yes"},
     ["sc-result|shelter", "sc-result|work", "sc-result|talk"]),
])
def test_self_check_offers_the_matching_help_without_a_score(core, answers, offered):
    s, out = _self_check(core, answers)
    assert s.screen == "sc-result"
    data = [d for row in out[-1].buttons for _, d in row]
    assert [d for d in data if d.split("|")[1] in ("legal", "shelter", "work", "talk")] == offered
    assert data[-3:] == ["sc-result|other", "sc-result|rights", "sc-result|leave"]
    text = out[-1].text
    assert text.startswith(core.texts.format("en", "selfcheck-result", {}))  # the same words whatever the answers
    assert not re.search(r"\d+\s*/\s*7|score|points", text, re.I)


def test_self_check_answers_live_only_in_the_session(core):
    s, _ = _self_check(core, {"sc-documents": "yes"})
    assert s.marks == ("documents",)
    s2, _ = core.step(s, Command("leave"))
    assert s2.ended
    s3, _ = core.step(s2, Press("sc-result|legal"))  # after leaving, an old button starts over
    assert s3.marks == () and s3.screen == "language"
    s4, _ = core.step(replace(s, screen="self-check"), Press("self-check|start"))
    assert s4.marks == ()  # starting again forgets the earlier answers
    forged, _ = core.step(replace(s, marks=()), Press("sc-result|legal"))  # a hidden button pressed anyway
    assert forged.screen == "sc-result" and forged.need is None


def test_self_check_chooses_a_need_and_goes_on_to_the_answer(core):
    s, _ = _self_check(core, {"sc-pay": "yes"})
    s, _ = core.step(s, Press("sc-result|work"))
    assert (s.screen, s.need) == ("town", "work")


# --- rights ----------------------------------------------------------------------------------------------

RIGHTS = ("social", "legal-aid", "health", "recovery", "foreigners", "children")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rights_screens_are_short_and_reachable_in_every_language(core, lang):
    s, _ = core.step(None, Start(f"{lang}_rights"))
    assert s.screen == "rights"
    for topic, button in zip(RIGHTS, ("social", "legal", "health", "recovery", "foreign", "children"), strict=True):
        s2, out = core.step(s, Press(f"rights|{button}"))
        assert s2.screen == f"rights-{topic}"
        body = core.texts.format(lang, f"rights-{topic}", core.renderer.extra_args)
        assert out[-1].text == body and len(body) <= 600
        assert "{" not in body and "victim" not in body.lower()


@pytest.mark.parametrize("lang", ["en", "sr-Latn", "rom", "sq"])
def test_every_rights_text_names_its_sources_in_the_locale_file(lang):
    text = (ROOT / "locales" / lang / "main.ftl").read_text(encoding="utf-8")
    resource = FluentParser().parse(text)
    sources = set()
    for entry in resource.body:
        if isinstance(entry, ast.GroupComment) and "Sources" in entry.content:
            sources = set(re.findall(r"^\[([A-Z])\]", entry.content, re.M))
    assert sources >= {"A", "G", "C", "R", "L"}
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.id.name.startswith("rights-") and entry.id.name != "rights-intro":
            assert entry.comment is not None, entry.id.name
            cited = set(re.findall(r"\[([A-Z])\]", entry.comment.content))
            assert cited and cited <= sources, entry.id.name


def test_the_checker_requires_the_rights_texts_and_limits_descriptions(copy_tree):
    from bot.core import load_sources
    settings = copy_tree()
    en = settings.locales_dir / "en" / "main.ftl"
    text = en.read_text(encoding="utf-8")
    text = re.sub(r"^rights-health = .*\n", "", text, flags=re.M)
    text = re.sub(r"^bot-short-description = .*$", "bot-short-description = " + "x" * 130, text, flags=re.M)
    en.write_text(text, encoding="utf-8")
    _, _, _, problems = load_sources(settings)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert any('"rights-health"' in e for e in errors)
    assert any('"bot-short-description" is 130 characters' in e and "main.ftl:" in e for e in errors)


# --- recordings ------------------------------------------------------------------------------------------

OPUS = b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead\x01\x01" + b"\x00" * 40  # headers only: a test fixture


def test_audio_files_are_checked(copy_tree):
    from bot.core import load_sources
    settings = copy_tree()
    audio = settings.data_dir / "audio"
    (audio / "en").mkdir(parents=True)
    (audio / "en" / "privacy.ogg").write_bytes(OPUS)
    (audio / "en" / "no-such-message.ogg").write_bytes(OPUS)
    (audio / "en" / "ask-need.ogg").write_bytes(b"ID3 not an ogg")
    (audio / "xx").mkdir()
    (audio / "xx" / "privacy.ogg").write_bytes(OPUS)
    (audio / "privacy.mp3").write_bytes(b"x")
    _, _, _, problems = load_sources(settings)
    bad = {p.file: p.message for p in problems if p.file.startswith("data/audio")}
    assert set(bad) == {"data/audio/en/no-such-message.ogg", "data/audio/en/ask-need.ogg",
                        "data/audio/xx/privacy.ogg", "data/audio/privacy.mp3"}
    assert "not an OGG file" in bad["data/audio/en/ask-need.ogg"]


async def test_a_recording_is_offered_and_sent_as_a_voice_message_and_leave_deletes_it(copy_tree):
    from bot.core import load_core
    from test_safety import TOKEN as HARNESS_TOKEN
    from test_safety import Harness
    settings = copy_tree()
    (settings.data_dir / "audio" / "en").mkdir(parents=True)
    (settings.data_dir / "audio" / "en" / "ask-need.ogg").write_bytes(OPUS)
    core = await load_core(settings)
    api = FakeBotAPI(HARNESS_TOKEN)
    h = Harness(api, core, settings)
    h.url = await api.start()
    try:
        adapter, app = await h.start()
        u = USER
        api.send_text(u, "/start en")
        await api.settle()
        calls = await h.step(u, ("press", "danger|no"))
        shown = [c for c in calls if c.method in ("editMessageText", "sendMessage")][-1]
        data = [b["callback_data"] for row in shown.params["reply_markup"]["inline_keyboard"] for b in row]
        assert data[-1] == "~listen|ask-need"
        calls = await h.step(u, ("press", "~listen|ask-need"))
        voices = [c for c in calls if c.method == "sendVoice"]
        assert len(voices) == 1
        voice_id = max(mid for (c, mid) in api.messages if c == u["id"])
        calls = await h.step(u, "/leave")
        deleted = {int(i) for c in calls if c.method == "deleteMessages" for i in c.params["message_ids"]}
        assert voice_id in deleted
    finally:
        for app in h.apps:
            await h.stop(app)
        await api.stop()


# --- end to end: menus, descriptions, a deep link ----------------------------------------------------------

async def test_menus_and_descriptions_are_registered_per_language_and_a_deep_link_works(running):  # noqa: F811
    from bot.i18n import Texts
    api, bot = running  # the real bot process against the local Bot API server (tests/test_e2e.py)
    texts, _ = Texts.load(ROOT / "locales")
    args = {"police": "192", "ambulance": "194"}
    await api.wait_for("setMyShortDescription", count=4, timeout=30)
    assert set(api.descriptions) == set(api.short_descriptions) == {"", "sr", "sq", "en"}
    for code, lang in (("sr", "sr-Latn"), ("sq", "sq"), ("en", "en")):
        assert api.descriptions[code] == texts.format(lang, "bot-description", args)
        assert api.short_descriptions[code] == texts.format(lang, "bot-short-description", args)
    # Romani has no language code: the default carries Serbian and then Romani
    assert api.descriptions[""] == (texts.format("sr-Latn", "bot-description", args) + "\n\n"
                                    + texts.format("rom", "bot-description", args))
    assert all(len(d) <= 512 for d in api.descriptions.values())
    assert all(len(d) <= 120 for d in api.short_descriptions.values())
    for desc in list(api.descriptions.values()) + list(api.short_descriptions.values()):
        assert "victim" not in desc.lower() and "trafficking" not in desc.lower()
    menus = {c.params.get("language_code"): c.params["commands"] for c in api.calls if c.method == "setMyCommands"}
    assert set(menus) == {None, "sr", "sq", "en"}
    assert [c["command"] for c in menus["sq"]] == ["start", "help", "language", "leave"]

    n = len(api.calls)
    api.send_text(USER, "/start sq_presevo")
    [first] = await api.wait_for("sendMessage", since=n, chat_id=USER["id"])
    assert first.params["text"].startswith(texts.format("sq", "privacy-short"))
    first_id = max(mid for (c, mid) in api.messages if c == USER["id"])
    n = len(api.calls)
    api.press(USER, first_id, "danger|no")
    await api.wait_for("editMessageText", since=n)
    n = len(api.calls)
    api.press(USER, first_id, "need|legal")
    [answer] = await api.wait_for("editMessageText", since=n)
    assert answer.params["text"].startswith(texts.format("sq", "answer", {"town": "Preševo",
                                                                           "what": texts.format("sq", "need-legal")}))
    n = len(api.calls)
    api.send_text(USER, "/start sq_presevo_danger_' OR 1=1")  # tampered: the picker, nothing else
    [picker] = await api.wait_for("sendMessage", since=n, chat_id=USER["id"])
    assert picker.params["text"] == texts.format("en", "choose-language") or "language|=sq" in str(picker.params)
    await api.settle()
    log = bot.log.read_text(errors="replace")
    assert "presevo" not in log and "Deeplinkova" not in log  # the payload is never logged
