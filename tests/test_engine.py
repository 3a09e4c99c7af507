"""Whole conversations through the pure engine, asserting Fluent message ids and data."""
from __future__ import annotations

import pytest

from bot import engine
from bot.engine import Command, Other, Press, Start, Text
from conftest import ALL_LANGUAGES


def ids(replies):
    return [r.message for r in replies]


def buttons(reply):
    return [b.data for row in reply.buttons for b in row]


@pytest.fixture
def run(core):
    def step(session, event):
        return engine.step(core.dialogue, core.world, session, event)
    return step


@pytest.mark.parametrize("lang", ALL_LANGUAGES)
async def test_whole_conversation_in_every_language(run, core, lang):
    s, r = run(None, Start())
    assert ids(r) == ["choose-language"]
    assert buttons(r[0]) == [f"language|={t}" for t in ALL_LANGUAGES] + ["language|leave"]  # Leave on the picker too
    assert [b.lang for row in r[0].buttons for b in row] == [*ALL_LANGUAGES, None]

    s, r = run(s, Press(f"language|={lang}"))
    assert s.lang == lang
    assert ids(r) == ["privacy-short", "ask-danger"]
    assert buttons(r[1]) == ["danger|yes", "danger|no", "danger|privacy", "danger|leave"]

    s, r = run(s, Press("danger|yes"))
    assert ids(r) == ["emergency", "ask-need"]
    assert r[0].show.list == "emergency"
    assert "need|shelter" in buttons(r[1]) and "need|unsure" in buttons(r[1])
    assert s.danger is True

    s, r = run(s, Press("need|shelter"))
    assert ids(r) == ["ask-town"] and s.need == "shelter"
    s, r = run(s, Text("u Novom Sadu"))
    assert ids(r) == ["answer"]
    assert r[0].show.need == "shelter" and r[0].show.place == "novi-sad"
    assert r[0].args["town"] == ("Нови Сад" if lang == "sr-Cyrl" else "Novi Sad")
    assert buttons(r[0]) == ["answer|need", "answer|town", "answer|lang", "answer|later", "answer|failed",
                             "answer|more", "answer|leave"]
    # the answer lists the register's services for that need and place, within a phone's screen
    text = core.renderer.render(r, lang)[0].text
    assert "021 447040" in text  # …Iz kruga, Novi Sad (talk/shelter)
    assert "0800 222003" in text  # the national SOS line for women: the freshest national source
    assert len(text) <= 800
    s, more = run(s, Press("answer|more"))
    assert s.more and more[0].show.more and "answer|more" not in buttons(more[0])
    rest = core.renderer.render(more, lang)[0].text
    assert "011 7850000" in rest and "021 447040" not in rest  # ASTRA SOS, and no number twice

    s, r = run(s, Press("answer|leave"))
    assert ids(r) == ["goodbye"] and s.ended


async def test_danger_no_goes_straight_to_needs(run):
    s, _ = run(None, Start("en"))
    s, r = run(s, Press("danger|no"))
    assert ids(r) == ["ask-need"] and s.danger is False


async def test_start_payload_skips_the_picker_and_bad_payload_does_not(run):
    s, r = run(None, Start("sr-Cyrl"))
    assert s.lang == "sr-Cyrl" and ids(r) == ["privacy-short", "ask-danger"]
    s, r = run(None, Start("SQ"))
    assert s.lang == "sq"
    s, r = run(None, Start("x' OR 1=1 --"))
    assert s.lang is None and ids(r) == ["choose-language"]


async def test_rather_not_say_gives_national_lines_only(run):
    s, _ = run(None, Start("en"))
    s, _ = run(s, Press("danger|no"))
    s, _ = run(s, Press("need|work"))
    s, r = run(s, Press("town|skip"))
    assert ids(r) == ["answer"]
    assert r[0].show.place is None and r[0].show.need == "work"
    assert "town" not in r[0].args


async def test_several_places_then_pick_one(run):
    s, _ = run(None, Start("en"))
    s, _ = run(s, Press("danger|no"))
    s, _ = run(s, Press("need|talk"))
    s, r = run(s, Text("Mitrovica"))
    assert ids(r) == ["pick-town"]
    assert buttons(r[0])[:2] == ["pick-town|=sremska-mitrovica", "pick-town|=kosovska-mitrovica"]
    assert [b.args.get("town") for row in r[0].buttons for b in row][:2] == ["Sremska Mitrovica", "Kosovska Mitrovica"]
    # a place that was not offered is refused as an old/forged button
    s2, r2 = run(s, Press("pick-town|=novi-sad"))
    assert ids(r2) == ["hint-old-button", "pick-town"] and s2.place is None
    s, r = run(s, Press("pick-town|=sremska-mitrovica"))
    assert ids(r) == ["answer"] and r[0].show.place == "sremska-mitrovica"


async def test_unknown_town_then_try_again(run):
    s, _ = run(None, Start("en"))
    s, _ = run(s, Press("danger|no"))
    s, _ = run(s, Press("need|health"))
    s, r = run(s, Text("Qwertyville"))
    assert ids(r) == ["town-not-found"] and s.place is None
    s, r = run(s, Text("Kragujevac"))
    assert ids(r) == ["answer"] and s.place == "kragujevac"


@pytest.mark.parametrize("event,hint", [
    (Text("hello"), "hint-use-buttons"),
    (Other("sticker"), "hint-cannot-read"),
    (Other("photo"), "hint-cannot-read"),
    (Press("need|shelter"), "hint-old-button"),       # a button from another screen
    (Press("danger|nonsense"), "hint-old-button"),    # unknown button
    (Press("x" * 65), "hint-old-button"),             # forged, too long
    (Press(""), "hint-old-button"),
    (Press("danger|yes\x00"), "hint-old-button"),
])
async def test_unexpected_input_gets_a_hint_and_the_same_screen(run, event, hint):
    s, _ = run(None, Start("en"))
    assert s.screen == "danger"
    s2, r = run(s, event)
    assert ids(r) == [hint, "ask-danger"]
    assert r[0].kind == "hint"
    assert s2 == s


async def test_commands_work_anywhere(run):
    s, _ = run(None, Start("en"))
    s, _ = run(s, Press("danger|no"))
    s, r = run(s, Command("help"))
    assert ids(r) == ["help", "privacy", "ask-need"] and s.screen == "need"
    s, r = run(s, Command("language"))
    assert ids(r) == ["choose-language"]
    s, r = run(s, Press("language|=rom"))
    assert s.lang == "rom"
    s, r = run(s, Command("leave"))
    assert ids(r) == ["goodbye"] and s.ended


async def test_no_session_starts_over_but_an_old_language_button_still_works(run):
    s, r = run(None, Text("hi"))
    assert ids(r) == ["hint-start-over", "choose-language"]
    s, r = run(None, Press("need|shelter"))
    assert ids(r) == ["hint-start-over", "choose-language"]
    s, r = run(None, Press("language|=sq"))
    assert s.lang == "sq" and ids(r) == ["privacy-short", "ask-danger"]


async def test_leave_without_a_session_leaves_and_keeps_nothing(run):
    s, r = run(None, Command("leave"))
    assert ids(r) == ["goodbye"] and s.ended
    s, r = run(None, Press("answer|leave"))  # the leave button of a message from before a restart
    assert ids(r) == ["goodbye"] and s.ended


async def test_location_is_used_only_where_a_town_is_asked(run, core):
    from bot.engine import Location
    s, _ = run(None, Start("en"))
    s2, r = run(s, Location(43.32, 21.90))
    assert ids(r) == ["hint-location-not-needed", "ask-danger"] and s2 == s
    s, _ = run(s, Press("danger|no"))
    s, _ = run(s, Press("need|health"))
    s, r = run(s, Location(43.32, 21.90))
    assert ids(r) == ["answer"] and s.place == "nis"
    assert "43.32" not in repr(s)
    s, _ = run(s, Press("answer|town"))
    s, r = run(s, Location(48.85, 2.35))  # Paris: no municipality near
    assert ids(r) == ["hint-location-not-needed", "ask-town"]
    assert core.register.nearest_place(float("nan"), 20.0) is None


async def test_engine_never_repeats_typed_text(run):
    s, _ = run(None, Start("en"))
    s, _ = run(s, Press("danger|no"))
    s, _ = run(s, Press("need|talk"))
    s, r = run(s, Text("Zqxjvillecanary"))
    assert "Zqxjvillecanary" not in repr(r) and "Zqxjvillecanary" not in repr(s)


def test_long_answers_are_split_under_telegram_limit():
    from bot.render import Out, _merge, split_text
    entry = "• Service\n📞 011 7850000\nchecked: 2024-05"
    text = "\n\n".join([entry] * 300)
    parts = split_text(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert "\n\n".join(parts) == text  # nothing lost
    one_line = "x" * 9000
    assert [len(p) for p in split_text(one_line)] == [4096, 4096, 808]
    # a message without buttons joins the next; one with buttons never absorbs the following
    merged = _merge([Out("a"), Out("b", ((("B", "s|b"),),)), Out("c")])
    assert [(m.text, bool(m.buttons)) for m in merged] == [("a\n\nb", True), ("c", False)]


async def test_rendered_answer_never_exceeds_the_limit_in_any_language(core):
    from bot.engine import Reply, Show
    for lang in ALL_LANGUAGES:
        for need in ("shelter", "talk", "unsure", "health"):
            outs = core.renderer.render([Reply("answer", {"town": "x"}, show=Show("services", need, "novi-sad"))], lang)
            assert all(len(o.text) <= 4096 for o in outs)


async def test_a_screen_removed_by_operators_sends_people_to_the_start_in_their_language(run):
    from bot.engine import Session
    s, r = run(Session(screen="a-screen-that-was-deleted", lang="sq", need="talk"), Text("Niš"))
    assert ids(r) == ["hint-start-over", "choose-language"]
    assert s.lang == "sq" and s.screen == "language" and s.need is None


async def test_names_follow_the_screen_language_and_belgrade_is_typed_in_english(run, core):
    assert core.world.match("Belgrade").place == "beograd"
    for lang, name in (("en", "Belgrade"), ("sr-Latn", "Beograd"), ("sr-Cyrl", "Београд"), ("sq", "Beograd")):
        s, _ = run(None, Start(lang))
        for data in ("danger|no", "need|talk"):
            s, _ = run(s, Press(data))
        s, r = run(s, Text("Belgrade"))
        assert s.place == "beograd" and r[0].args["town"] == name


@pytest.mark.parametrize("lang", ALL_LANGUAGES)
def test_in_danger_now_comes_within_the_first_160_characters(core, lang):
    """What a person reads first: one short privacy line, then the question, in every language."""
    s, _ = core.step(None, Start(""))
    s, out = core.step(s, Press(f"language|={lang}"))
    question = core.texts.format(lang, "ask-danger")
    assert out[0].text.index(question) + len(question) <= 160
    assert ("danger|privacy", "danger|leave") == tuple(d for row in out[0].buttons for _, d in row)[2:]


async def test_which_number_counts_what_the_screen_showed_even_after_a_reload(run, core):
    """The "which number did not work?" buttons name services by position; the session keeps the ids
    the screen listed, so a register reloaded between showing and pressing cannot count another."""
    import dataclasses
    s, _ = run(None, Start("en_novi-sad"))
    s, _ = run(s, Press("danger|no"))
    s, _ = run(s, Press("need|shelter"))
    s, r = run(s, Press("answer|failed"))
    shown = s.offered
    assert shown and [b.args["name"] for b in r[0].buttons[0][:1]] == [core.world.service_name(shown[0], "en")]
    reloaded = dataclasses.replace(core.world, services=lambda need, place, more=False: (("someone-else", "X"),))
    s, r = engine.step(core.dialogue, reloaded, s, Press("broken|=0"))
    assert r[0].failed == shown[0] and s.offered == ()


async def test_a_reply_is_a_value_and_the_renderer_caches_its_text_by_it(core):
    """The engine gives no cache key: equal replies (built apart) hit the cache, a reply that differs
    in any argument or button does not, and a dict given as arguments cannot be changed afterwards."""
    args = {"town": "Novi Sad"}
    a = engine.Reply("pick-town", args, ((engine.Button("town-option", "pick-town|=novi-sad", {"town": "Novi Sad"}),),))
    b = engine.Reply("pick-town", {"town": "Novi Sad"},
                     ((engine.Button("town-option", "pick-town|=novi-sad", {"town": "Novi Sad"}),),))
    c = engine.Reply("pick-town", {"town": "Novi Sad"},
                     ((engine.Button("town-option", "pick-town|=nis", {"town": "Niš"}),),))
    assert a == b and hash(a) == hash(b) and a != c
    args["town"] = "Niš"
    assert a.args["town"] == "Novi Sad" and dict(a.args) == {"town": "Novi Sad"}
    first = core.renderer.render([a], "en")
    assert core.renderer.render([b], "en") is first  # the same text, not rendered again
    other = core.renderer.render([c], "en")
    assert other is not first and [d for _, d in other[-1].buttons[0]] == ["pick-town|=nis"]
    assert "Niš" in other[-1].buttons[0][0][0] and "Novi Sad" in first[-1].buttons[0][0][0]
