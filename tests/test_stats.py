"""Demand without surveillance: exactly (month, district, need, language) → count, nothing under 10 written."""
from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        columns = [r[1] for r in db.execute("PRAGMA table_info(answers)")]
        assert columns == ["month", "district", "need", "language", "count"]
        assert [t[0] for t in db.execute("SELECT name FROM sqlite_master")] == ["answers", "did_not_work"]
        failed = [r[1] for r in db.execute("PRAGMA table_info(did_not_work)")]
        assert failed == ["month", "service", "count"]  # (month, service id) → count: nothing about a person
    assert await stats.read(tmp_path / "s.sqlite3") == [("2026-11", "Grad Beograd", "legal", "sq", 12)]
    assert await stats.read(tmp_path / "s.sqlite3", since="2026-12") == []


async def test_a_small_cell_never_reaches_the_disk_and_a_finished_month_folds_into_other(tmp_path):
    day = [date(2026, 12, 3)]
    path = tmp_path / "s.sqlite3"
    c = stats.DemandCounter(path, {"Pčinjski okrug", "Nišavski okrug"}, {"sq", "en"}, today=lambda: day[0])
    c.add(district="Pčinjski okrug", need="shelter", language="sq")  # the measured leak: one answer
    for need in ("talk", "legal", "work", "health"):
        for _ in range(3):
            c.add(district="Nišavski okrug", need=need, language="en")  # 4 cells of 3: 12 for the district
    assert await c.flush() == 0 and not path.exists()  # nothing reached 10: nothing written, not even a file
    day[0] = date(2027, 1, 2)  # December is over
    assert await c.flush() == 12
    rows = await stats.read(path)
    assert rows == [("2026-12", "Nišavski okrug", "other", "other", 12)]  # the lone 1 is dropped, not written
    assert not c.pending
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT MIN(count) FROM answers").fetchone()[0] >= 10
    assert b"shelter" not in path.read_bytes()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["A", "B", "-"]), st.sampled_from(["talk", "work"]),
                          st.sampled_from(["en", "sq"]), st.booleans()), max_size=120))
def test_nothing_under_10_is_ever_written_nor_can_two_copies_be_subtracted_to_find_one(events):
    """Random answers over three months with flushes between them: every value on disk, every change
    between two copies of the file, and every cell of every report is 0 or at least 10."""
    import asyncio
    import tempfile

    async def run() -> None:
        months = [date(2026, 10, 5), date(2026, 11, 5), date(2026, 12, 5)]
        day = [months[0]]
        path = Path(tempfile.mkdtemp()) / "s.sqlite3"
        c = stats.DemandCounter(path, {"A", "B"}, {"en", "sq"}, today=lambda: day[0])
        before: dict = {}
        for m, district, need, lang, flush in sorted(events, key=lambda e: e[0]):
            day[0] = months[m]
            c.add(district=district, need=need, language=lang)
            if flush:
                await c.flush()
                now = {r[:4]: r[4] for r in await stats.read(path)}
                for key in set(now) | set(before):
                    change = now.get(key, 0) - before.get(key, 0)
                    assert change == 0 or change >= 10, (key, change)
                before = now
        await c.flush(final=True)
        rows = await stats.read(path)
        assert all(r[4] >= 10 for r in rows)
        for since in (None, "2026-11", "2026-12"):
            districts, needs, grid = stats.table(await stats.read(path, since))
            assert all(v == 0 or v >= 10 for v in grid.values())
            assert not stats.suppress(districts, needs, grid)  # nothing to hide: no total can reveal anything

    asyncio.run(run())


async def test_a_full_disk_or_a_corrupt_file_is_logged_once_and_loses_no_count(tmp_path, caplog):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    c = stats.DemandCounter(path, {"A"}, {"en"}, today=lambda: date(2026, 12, 3))
    for _ in range(15):
        c.add(district="A", need="talk", language="en")
    with caplog.at_level("INFO", logger="putokaz.stats"):
        for _ in range(3):
            assert await c.flush() == 0
        assert sum("could not write the answer counts" in r.getMessage() for r in caplog.records) == 1
        assert sum(c.pending.values()) == 15  # kept in memory
        path.unlink()  # the operator moves the damaged file away
        assert await c.flush() == 15
        assert "written again" in caplog.text
    assert await stats.read(path) == [("2026-12", "A", "talk", "en", 15)]


async def test_did_not_work_is_per_service_and_month_and_written_from_three(tmp_path):
    path = tmp_path / "s.sqlite3"
    c = stats.DemandCounter(path, {"A"}, {"en"}, today=lambda: date(2026, 12, 3), services=["astra", "nadel"])
    c.add_failed(service="astra")
    c.add_failed(service="astra")
    await c.flush(final=True)
    assert await stats.read_failed(path) == {}  # two taps: never written
    for _ in range(3):
        c.add_failed(service="nadel")
    await c.flush()
    assert await stats.read_failed(path) == {"nadel": 3}
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT month, service, count FROM did_not_work").fetchall() == [("2026-12", "nadel", 3)]


async def test_an_older_weekly_file_is_folded_into_months_and_its_small_cells_are_gone(tmp_path):
    path = tmp_path / "s.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript("""CREATE TABLE demand (week TEXT, district TEXT, need TEXT, language TEXT, count INTEGER);
            CREATE TABLE failed_numbers (week TEXT, service TEXT, count INTEGER);
            INSERT INTO demand VALUES ('2026-W49', 'Pčinjski okrug', 'shelter', 'sq', 1),
                                      ('2026-W48', 'A', 'talk', 'en', 6), ('2026-W47', 'A', 'talk', 'en', 6);
            INSERT INTO failed_numbers VALUES ('2026-W48', 'astra', 1);""")
    c = stats.DemandCounter(path, {"A"}, {"en"}, today=lambda: date(2026, 12, 3))
    for _ in range(10):
        c.add(district="A", need="work", language="en")
    await c.flush()
    with sqlite3.connect(path) as db:
        assert {t[0] for t in db.execute("SELECT name FROM sqlite_master")} == {"answers", "did_not_work"}
    assert sorted(await stats.read(path)) == [("2026-11", "A", "talk", "en", 12), ("2026-12", "A", "work", "en", 10)]
    assert b"Pinjski" not in path.read_bytes() and "Pčinjski".encode() not in path.read_bytes()


async def test_answers_are_counted_once_hints_and_repeats_are_not(core, tmp_path):
    counter = stats.DemandCounter(tmp_path / "s.sqlite3", {p.district for p in core.register.places.values()},
                                  core.texts.languages)
    core = replace(core, demand=counter)  # Core is frozen: a copy that counts
    s, _ = core.step(None, Start("en"))
    s, _ = core.step(s, Press("danger|no"))
    s, _ = core.step(s, Press("need|talk"))
    s, _ = core.step(s, Text("Niš"))
    s, _ = core.step(s, Other("sticker"))          # the answer shown again after a hint: not counted
    s, _ = core.step(s, Press("answer|town"))
    s, _ = core.step(s, Press("town|skip"))        # rather not say: counted without a district
    assert dict(counter.pending) == {(stats.month_of(date.today()), "Nišavski okrug", "talk", "en"): 1,
                                     (stats.month_of(date.today()), "-", "talk", "en"): 1}


def test_stats_command_table_csv_png(tmp_path):
    db = tmp_path / "s.sqlite3"
    with sqlite3.connect(db) as con:
        con.executescript(stats.SCHEMA)
        con.executemany("INSERT INTO answers VALUES (?,?,?,?,?)", [
            ("2026-10", "Nišavski okrug", "talk", "en", 30), ("2026-11", "Nišavski okrug", "talk", "sq", 15),
            ("2026-11", "Pčinjski okrug", "other", "other", 13), ("2026-11", "Pčinjski okrug", "shelter", "sq", 44),
            ("2026-11", "Nišavski okrug", "shelter", "en", 20)])
    env = {"PUTOKAZ_STATS_DB": str(db), "PATH": "/usr/bin:/bin", "MPLCONFIGDIR": str(tmp_path)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "bot", "stats", *a], cwd=ROOT, env=env,  # noqa: E731
                                    capture_output=True, text=True)
    table = run().stdout
    assert "Pčinjski okrug" in table and "other" in table
    csv_text = run("--format", "csv", "--since", "2026-11").stdout.splitlines()
    assert csv_text[0] == "district,shelter,talk,other,total"
    assert csv_text[1] == "Nišavski okrug,20,15,0,35"
    assert csv_text[-1] == "total,64,15,13,92"
    png = tmp_path / "chart.png"
    r = run("--format", "png", "--out", str(png))
    assert r.returncode == 0, r.stderr
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert run("--since", "last week").returncode == 2
    assert run("--since", "2026-W48").returncode == 2  # weeks could be subtracted from each other: months only
