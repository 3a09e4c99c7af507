"""Demand without surveillance: exactly (week, district, need, language) → count, small cells hidden."""
from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot import stats
from bot.engine import Press, Start, Text, Other

ROOT = Path(__file__).resolve().parent.parent


def relations(districts, needs):
    rows = [[(d, n) for n in needs] + [(d, stats.TOTAL)] for d in districts + [stats.TOTAL]]
    cols = [[(d, n) for d in districts] + [(stats.TOTAL, n)] for n in needs + [stats.TOTAL]]
    return rows + cols


@pytest.mark.parametrize("counts", [
    {("A", "talk"): 3, ("A", "shelter"): 40, ("B", "talk"): 25, ("B", "shelter"): 30},
    {("A", "talk"): 12, ("A", "shelter"): 1, ("B", "talk"): 2, ("B", "shelter"): 50, ("C", "health"): 11},
    {("A", "talk"): 9},
    {(d, n): (i * 7) % 23 for i, (d, n) in enumerate(itertools.product("ABCD", ("talk", "legal", "work")))},
])
def test_no_small_cell_is_shown_or_can_be_worked_out(counts):
    rows = [("2026-W48", d, n, "en", v) for (d, n), v in counts.items() if v]
    districts, needs, grid = stats.table(rows)
    hidden = stats.suppress(districts, needs, grid)
    assert {k for k, v in grid.items() if 0 < v < 10} <= hidden
    for group in relations(districts, needs):
        assert sum(k in hidden for k in group) != 1, group  # one hidden cell in a sum could be derived
    text = stats.report(rows)
    for k in hidden:
        assert f" {grid[k]} " not in f" {text} ".replace("\n", " ") or grid[k] >= 10 or grid[k] == 0


def test_counter_accepts_only_known_values_and_keywords(tmp_path):
    c = stats.DemandCounter(tmp_path / "s.sqlite3", {"Nišavski okrug"}, {"en"})
    c.add(district="Nišavski okrug", need="talk", language="en")
    c.add(district="-", need="shelter", language="en")
    for bad in ({"district": "Niš", "need": "talk", "language": "en"},          # a town, not a district
                {"district": "Nišavski okrug", "need": "pizza", "language": "en"},
                {"district": "Nišavski okrug", "need": "talk", "language": "de"},
                {"district": "987654321", "need": "talk", "language": "en"}):
        with pytest.raises(ValueError):
            c.add(**bad)
    with pytest.raises(TypeError):
        c.add(district="-", need="talk", language="en", user_id=987654321)
    with pytest.raises(TypeError):
        c.add("-", "talk", "en")


async def test_only_the_four_columns_and_a_count_exist(tmp_path):
    c = stats.DemandCounter(tmp_path / "s.sqlite3", {"Grad Beograd"}, {"sq"}, today=lambda: date(2026, 11, 28))
    for _ in range(12):
        c.add(district="Grad Beograd", need="legal", language="sq")
    assert await c.flush() == 12
    with sqlite3.connect(tmp_path / "s.sqlite3") as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(demand)")]
        assert columns == ["week", "district", "need", "language", "count"]
        assert [t[0] for t in db.execute("SELECT name FROM sqlite_master")] == ["demand", "failed_numbers"]
        failed = [r[1] for r in db.execute("PRAGMA table_info(failed_numbers)")]
        assert failed == ["week", "service", "count"]  # (week, service id) → count: nothing about a person
    assert await stats.read(tmp_path / "s.sqlite3") == [("2026-W48", "Grad Beograd", "legal", "sq", 12)]
    assert await stats.read(tmp_path / "s.sqlite3", since="2026-W49") == []


async def test_answers_are_counted_once_hints_and_repeats_are_not(core, tmp_path):
    counter = stats.DemandCounter(tmp_path / "s.sqlite3", {p.district for p in core.register.places.values()},
                                  core.texts.languages)
    core.demand = counter
    s, _ = core.step(None, Start("en"))
    s, _ = core.step(s, Press("danger|no"))
    s, _ = core.step(s, Press("need|talk"))
    s, _ = core.step(s, Text("Niš"))
    s, _ = core.step(s, Other("sticker"))          # the answer shown again after a hint: not counted
    s, _ = core.step(s, Press("answer|town"))
    s, _ = core.step(s, Press("town|skip"))        # rather not say: counted without a district
    assert dict(counter.pending) == {(stats.iso_week(date.today()), "Nišavski okrug", "talk", "en"): 1,
                                     (stats.iso_week(date.today()), "-", "talk", "en"): 1}


def test_stats_command_table_csv_png(tmp_path):
    db = tmp_path / "s.sqlite3"
    with sqlite3.connect(db) as con:
        con.executescript(stats.SCHEMA)
        con.executemany("INSERT INTO demand VALUES (?,?,?,?,?)", [
            ("2026-W47", "Nišavski okrug", "talk", "en", 30), ("2026-W48", "Nišavski okrug", "talk", "sq", 5),
            ("2026-W48", "Pčinjski okrug", "talk", "sq", 3), ("2026-W48", "Pčinjski okrug", "shelter", "sq", 44),
            ("2026-W48", "Nišavski okrug", "shelter", "en", 20)])
    env = {"PUTOKAZ_STATS_DB": str(db), "PATH": "/usr/bin:/bin", "MPLCONFIGDIR": str(tmp_path)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "bot", "stats", *a], cwd=ROOT, env=env,  # noqa: E731
                                    capture_output=True, text=True)
    table = run().stdout
    assert "Pčinjski okrug" in table and "<10" in table and " 3 " not in table
    csv_text = run("--format", "csv", "--since", "2026-W48").stdout.splitlines()
    assert csv_text[0] == "district,shelter,talk,total"
    assert csv_text[1] == "Nišavski okrug,x,<10,25"  # 20 would give away the 5 next to it
    assert csv_text[-1] == "total,x,<10,72"  # likewise 64 with the grand total
    png = tmp_path / "chart.png"
    r = run("--format", "png", "--out", str(png))
    assert r.returncode == 0, r.stderr
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert run("--since", "last week").returncode == 2
