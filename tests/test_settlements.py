"""Villages and other settlements → their municipality (data/settlements.csv), as shipped."""
import csv
from pathlib import Path

import pytest

from bot.matching import TownMatcher
from bot.register import load_csv

ROOT = Path(__file__).resolve().parent.parent
SPELLINGS = list(csv.DictReader((ROOT / "tests" / "data" / "settlement_spellings.csv").open(encoding="utf-8")))


@pytest.fixture(scope="module")
def shipped():
    data, problems = load_csv(ROOT / "data")
    assert not [p for p in problems if "settlements" in p.file], problems
    return data, TownMatcher(data.aliases, data.settlements)


def test_at_least_nine_in_ten_spellings_of_villages_lead_to_their_municipality(shipped):
    _, matcher = shipped
    assert len(SPELLINGS) >= 100
    found = offered = 0
    for row in SPELLINGS:
        m = matcher.match(row["spelling"])
        if m.status == "found" and m.place == row["municipality"]:
            found += 1
        elif m.status == "several" and row["municipality"] in m.places:
            offered += 1  # "which one?" with the right one among the choices
    assert (found + offered) / len(SPELLINGS) >= 0.9, (found, offered)
    assert found / len(SPELLINGS) >= 0.75  # most answer at once


@pytest.mark.parametrize("typed,place", [
    ("Futog", "novi-sad"), ("u Futogu", "novi-sad"), ("Футог", "novi-sad"), ("Futak", "novi-sad"),  # Hungarian
    ("Mrčajevci", "cacak"), ("iz Mrčajevaca", "cacak"), ("Vučje", "leskovac"), ("Palić", "subotica"),
    ("Palics", "subotica"), ("Miratoc", "presevo"), ("Miratovac", "presevo"), ("Horgos", "kanjiza"),
])
def test_the_villages_a_newcomer_typed(shipped, typed, place):
    m = shipped[1].match(typed)
    assert (m.status, m.place) == ("found", place)


def test_a_town_keeps_winning_over_a_village_and_words_are_not_villages(shipped):
    _, matcher = shipped
    assert matcher.match("Novi Sad").place == "novi-sad"
    assert matcher.match("Mitrovica").status == "several"  # a word of two towns' names, not Mačvanska Mitrovica's other name
    assert set(matcher.match("Mitrovica").places) >= {"sremska-mitrovica", "kosovska-mitrovica"}
    assert matcher.match("look").status == "missing"  # "Look" is one of Lok's other names: too short to count
    assert matcher.match("Lok").status in ("found", "several")  # its own name does


def test_reserved_words_are_never_villages():
    m = TownMatcher([("Niš", "nis")], [("Ne", ("nis",), False), ("Jabuka", ("pancevo",), False)], reserved={"ne"})
    assert m.match("ne").status == "missing"
    assert m.match("jabuka").place == "pancevo"


def test_every_row_names_its_source_and_method():
    rows = list(csv.DictReader((ROOT / "data" / "settlements.csv").open(encoding="utf-8")))
    assert len(rows) > 400
    for r in rows:
        assert r["source"] and r["source_date"], r["name"]
        assert r["method"] in ("source", "nearest-seat", "which-one")
        if r["method"] == "source":
            assert r["source"].startswith("http"), r["name"]  # a page that says where it belongs
        if r["method"] != "source":
            assert "GeoNames" in r["source"] and "CC BY 4.0" in r["source"]


@pytest.mark.parametrize("row,message", [
    ("Futog,,,novi-sd,source,,,http://x,2026", 'municipality "novi-sd" is not an id in places.csv'),
    ("Futog,,,,source,,,http://x,2026", "needs municipalities"),
    ("Futog,,,novi-sad,guess,,,http://x,2026", 'method "guess" must be one of'),
    ("Futog,,,novi-sad,source,,,,2026", "needs a source"),
    ("Futog,,,novi-sad,which-one,,,http://x,2026", 'method "which-one" needs two or more'),
])
def test_a_broken_settlement_row_is_named_with_file_line_and_fix(copy_tree, row, message):
    settings = copy_tree()
    path = settings.data_dir / "settlements.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = load_csv(settings.data_dir)
    hits = [p for p in problems if p.file == "data/settlements.csv" and p.line == 4]
    assert hits and message in hits[0].message, problems
