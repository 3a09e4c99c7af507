"""The engine on a small fixture dialogue (tests/data/fixture_dialogue/): every input kind and every
button action of bot/vocabulary.py, with a World made of plain functions — no register, no Fluent
files, no shipped wording. Asserts message ids and session data."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot import dialogs, engine
from bot.engine import Command, Location, Other, Press, Start, Text, World
from bot.matching import Match
from bot.vocabulary import BUTTON_ACTIONS, INPUT_KINDS

HERE = Path(__file__).resolve().parent / "data" / "fixture_dialogue"
TOWNS = {"alpha": Match("found", ("alpha",)), "twin": Match("several", ("twin-a", "twin-b"))}


def world(services=(("s1", "One"), ("s2", "Two")), more=True) -> World:
    return World(match=lambda text: TOWNS.get(text.lower(), Match("missing")),
                 place_names={"alpha": ("Alpha", "Алфа"), "twin-a": ("Twin A", "Твин А"), "twin-b": ("Twin B", "Твин Б")},
                 nearest=lambda lat, lon: "alpha",
                 services=lambda need, place, more_=False: services,
                 has_more=lambda need, place: more,
                 service_name=lambda sid, lang: sid.upper(),
                 understand=lambda lang, text: frozenset({"button:fine"}) if text == "nah" else frozenset())


@pytest.fixture(scope="module")
def d():
    dialogue, problems = dialogs.load(HERE)
    assert [p for p in problems if p.severity == "error"] == []
    return dialogue


def ids(replies):
    return [r.message for r in replies]


def data(reply):
    return [b.data for row in reply.buttons for b in row]


def test_the_fixture_uses_every_input_kind_and_button_action(d):
    assert {s.expect for s in d.screens.values()} == set(INPUT_KINDS)
    assert {k for s in d.screens.values() for b in s.buttons for k, _ in b.set} == set(BUTTON_ACTIONS)


def test_language_then_then_chain_then_buttons(d):
    w = world()
    s, r = engine.step(d, w, None, Start())
    assert ids(r) == ["m-pick"] and data(r[0]) == ["pick|=aa", "pick|=bb", "pick|leave"]
    s, r = engine.step(d, w, s, Press("pick|=bb"))
    assert s.lang == "bb" and s.screen == "ask" and ids(r) == ["m-hello", "m-ask"]
    assert data(r[1]) == ["ask|hurt", "ask|fine", "ask|mark", "ask|clear", "ask|note", "ask|leave"]  # "only" needs m1
    assert [len(row) for row in r[1].buttons] == [2, 2, 2]  # columns = 2


def test_marks_show_a_button_and_clear(d):
    w = world()
    s, _ = engine.step(d, w, None, Start("aa"))
    s, r = engine.step(d, w, s, Press("ask|mark"))
    assert s.marks == ("m1",) and "ask|only" in data(r[0])
    s, r = engine.step(d, w, s, Press("ask|mark"))
    assert s.marks == ("m1",)  # a mark is set once
    s, r = engine.step(d, w, s, Press("ask|clear"))
    assert s.marks == () and "ask|only" not in data(r[0])
    s, r = engine.step(d, w, s, Press("ask|only"))  # not on the screen any more
    assert ids(r)[0] == "r-stale"


def test_back_returns_where_the_person_was(d):
    w = world()
    s, _ = engine.step(d, w, None, Start("aa"))
    s, r = engine.step(d, w, s, Press("ask|note"))
    assert ids(r) == ["m-note", "m-ask"] and s.screen == "ask"


@pytest.mark.parametrize("typed, screen, place", [("Alpha", "list", "alpha"), ("twin", "which", None),
                                                   ("nowhere", "where", None)])
def test_a_typed_town_found_several_missing(d, typed, screen, place):
    w = world()
    s, _ = engine.step(d, w, None, Start("aa"))
    s, _ = engine.step(d, w, s, Press("ask|hurt"))
    assert (s.danger, s.need, s.screen) == (True, "health", "where")
    s, r = engine.step(d, w, s, Text(typed))
    assert (s.screen, s.place) == (screen, place)
    if screen == "which":
        assert data(r[0])[:2] == ["which|=twin-a", "which|=twin-b"] and r[0].buttons[0][0].args["town"] == "Twin A"
        s, r = engine.step(d, w, s, Press("which|=twin-b"))
        assert (s.screen, s.place, s.choices) == ("list", "twin-b", ())
        s, r = engine.step(d, w, s, Press("which|=twin-a"))  # from an old screen
        assert ids(r)[0] == "r-stale"


def test_list_more_place_none_and_known_town(d):
    w = world()
    s, _ = engine.step(d, w, None, Start("aa"))
    s, _ = engine.step(d, w, s, Press("ask|fine"))
    s, r = engine.step(d, w, s, Text("alpha"))
    assert r[0].show.list == "services" and (r[0].show.need, r[0].show.place, r[0].show.more) == ("talk", "alpha", False)
    assert r[0].args["town"] == "Alpha" and "list|more" in data(r[0])
    s, r = engine.step(d, w, s, Press("list|more"))
    assert s.more and r[0].show.more and "list|more" not in data(r[0])  # More only while there is more
    s, r = engine.step(d, w, s, Press("list|other"))
    assert (s.place, s.screen) == (None, "where")
    s, r = engine.step(d, w, s, Press("where|skip"))
    assert (s.place, s.screen) == (None, "list")
    s, r = engine.step(d, world(more=False), s, Press("list|other"))
    s, r = engine.step(d, world(more=False), s, Text("alpha"))
    assert s.screen == "list" and "list|more" not in data(r[0])  # nothing more: no More button


def test_service_choice_is_what_the_screen_offered(d):
    s, _ = engine.step(d, world(), None, Start("aa"))
    s, _ = engine.step(d, world(), s, Press("ask|fine"))
    s, _ = engine.step(d, world(), s, Text("alpha"))
    s, r = engine.step(d, world(), s, Press("list|failed"))
    assert s.offered == ("s1", "s2") and data(r[0]) == ["failed|=0", "failed|=1", "failed|back"]
    assert r[0].buttons[1][0].args == {"name": "S2"}
    # the register changes between showing and pressing: the tap still means what was shown
    s, r = engine.step(d, world(services=(("s9", "Nine"),)), s, Press("failed|=1"))
    assert r[0].failed == "s2" and ids(r) == ["m-thanks", "m-list"] and s.offered == ()
    s, _ = engine.step(d, world(), s, Press("list|failed"))
    s, r = engine.step(d, world(), s, Press("failed|=7"))
    assert ids(r)[0] == "r-stale" and not any(x.failed for x in r)


def test_typed_words_location_media_and_commands(d):
    w = world()
    s, _ = engine.step(d, w, None, Start("aa"))
    s, r = engine.step(d, w, s, Text("nah"))  # words that mean the "fine" button
    assert s.screen == "where" and s.need == "talk"
    s, r = engine.step(d, w, s, Location(44.0, 20.0))
    assert (s.screen, s.place) == ("list", "alpha")
    s, r = engine.step(d, w, s, Location(44.0, 20.0))
    assert ids(r)[0] == "r-location"  # only where a town is asked
    s, r = engine.step(d, w, s, Other("photo"))
    assert ids(r)[0] == "r-media" and r[1].repeat
    s, r = engine.step(d, w, s, Other("contact"))
    assert ids(r)[0] == "r-contact"
    s, r = engine.step(d, w, s, Command("language"))
    assert s.screen == "pick"
    s, r = engine.step(d, w, s, Press("pick|=bb"))
    assert (s.lang, s.screen) == ("bb", "list")  # /language returns where the person was
    s, r = engine.step(d, w, s, Command("leave"))
    assert ids(r) == ["m-bye"] and s.ended


def test_links_preset_language_town_and_screen(d):
    w = world()
    s, r = engine.step(d, w, None, Start("bb_alpha_go"))
    assert (s.lang, s.place, s.screen) == ("bb", "alpha", "ask") and ids(r) == ["m-hello", "m-ask"]
    s, r = engine.step(d, w, s, Press("ask|hurt"))
    assert s.screen == "list"  # the town came with the link: on.known
    s, r = engine.step(d, w, None, Start("zz_alpha"))
    assert s.screen == "pick" and s.lang is None  # not ours: the picker, nothing kept
    s, r = engine.step(d, w, s, Text("hello"))
    assert ids(r)[0] == "r-picker"
