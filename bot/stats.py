"""Demand without surveillance: how many answers were given, by (month, district, need, language).

Nothing else exists to be written: the table has exactly those four columns and a count, the counter
accepts exactly those values (checked against the register and the locales), calendar months are the
finest time, districts the finest place ("-" when the person would rather not say).

Nothing under 10 is ever written. Counts live in memory per month; a flush (once a minute, and at
shutdown) moves a cell to SQLite only once it holds 10 or more, so every value on disk, and every
difference between two copies of the file, is 10 or more. When a month is over (or the bot stops),
what is left under 10 is folded into its district's "other" cell, written only if that reaches 10;
the rest is dropped. Reports cover whole months only. "A number did not work" is counted the same way
per (month, service), written and shown from 3.
"""
from __future__ import annotations

import csv
import io
import logging
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import aiosqlite

from .register import NEEDS

log = logging.getLogger("putokaz.stats")

SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
  month TEXT NOT NULL, district TEXT NOT NULL, need TEXT NOT NULL, language TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 10),
  PRIMARY KEY (month, district, need, language)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS did_not_work (
  month TEXT NOT NULL, service TEXT NOT NULL, count INTEGER NOT NULL CHECK (count >= 3),
  PRIMARY KEY (month, service)) WITHOUT ROWID"""
OLD_TABLES = ("demand", "failed_numbers")  # weekly tables of earlier versions, with small cells: folded, dropped
NO_PLACE = "-"
OTHER = "other"  # a district's answers whose own cells stayed under 10 in a month, together
THRESHOLD = 10
FAILED_THRESHOLD = 3
TOTAL = "total"


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _month_of_week(week: str) -> str:
    """The month an ISO week ("2026-W49") mostly falls in (its Thursday's)."""
    year, w = week.split("-W")
    return month_of(date.fromisocalendar(int(year), int(w), 4))


def settle(cells: Counter, month_done: Callable[[str], bool], threshold: int = THRESHOLD,
           fold: bool = True) -> tuple[Counter, Counter]:
    """Split counts into (what may be written now, what stays in memory). A cell goes out once it holds
    `threshold` or more; in a finished month the rest is folded by district into its "other" cell
    (`fold`), which goes out only at `threshold` or more; what is still under it is dropped."""
    out: Counter = Counter()
    keep: Counter = Counter()
    leftovers: Counter = Counter()
    for key, n in cells.items():
        if n >= threshold:
            out[key] += n
        elif month_done(key[0]):
            if fold:
                leftovers[(key[0], key[1], OTHER, OTHER)] += n
        else:
            keep[key] += n
    for key, n in leftovers.items():
        if n >= threshold:
            out[key] += n
    return out, keep


class DemandCounter:
    def __init__(self, path: Path, districts: Iterable[str], languages: Iterable[str],
                 today: Callable[[], date] = date.today, services: Iterable[str] = ()):
        self.path = Path(path)
        self.districts = frozenset(districts) | {NO_PLACE}
        self.languages = frozenset(languages)
        self.services = frozenset(services)
        self.today = today
        self.pending: Counter[tuple[str, str, str, str]] = Counter()
        self.pending_failed: Counter[tuple[str, str]] = Counter()
        self._failing: str | None = None  # the kind of the last write error, logged once until it clears

    def add_failed(self, *, service: str) -> None:
        """A person tapped "this number did not work" for a service: (month, service id) +1, nothing else."""
        if service not in self.services:
            raise ValueError("only a service id from the register can be counted")
        self.pending_failed[(month_of(self.today()), service)] += 1

    def add(self, *, district: str, need: str, language: str) -> None:
        """Count one answer. Keyword-only, and only known values: nothing else can get in."""
        if district not in self.districts or need not in NEEDS or language not in self.languages:
            raise ValueError("only a known district, need and language can be counted")
        self.pending[(month_of(self.today()), district, need, language)] += 1

    async def flush(self, final: bool = False) -> int:
        """Write what has reached its threshold; `final` (shutdown): treat this month as over too. On a
        write error (full disk, a corrupt file) nothing is lost from memory and the error is logged once."""
        this_month = month_of(self.today())

        def done(month: str) -> bool:
            return final or month < this_month
        rows, keep = settle(self.pending, done)
        failed, keep_failed = settle(self.pending_failed, done, FAILED_THRESHOLD, fold=False)
        if not rows and not failed:
            self.pending, self.pending_failed = keep, keep_failed
            return 0
        try:
            await self._write(rows, failed)
        except (sqlite3.Error, OSError) as exc:
            kind = type(exc).__name__
            if self._failing != kind:
                log.error("could not write the answer counts to %s (%s); they are kept in memory and written "
                          "once it works again (free disk space, or move the damaged file away)", self.path.name, kind)
            self._failing = kind
            return 0  # pending untouched: the same cells are tried at the next flush
        if self._failing is not None:
            log.info("the answer counts are written again")
            self._failing = None
        self.pending, self.pending_failed = keep, keep_failed
        return sum(rows.values()) + sum(failed.values())

    async def _write(self, rows: Counter, failed: Counter) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        async with aiosqlite.connect(self.path) as db:
            await db.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left readable
            await db.executescript(SCHEMA)
            await _fold_old_tables(db)
            await db.executemany(
                "INSERT INTO answers (month, district, need, language, count) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (month, district, need, language) DO UPDATE SET count = count + excluded.count",
                [(*key, n) for key, n in rows.items()])
            await db.executemany(
                "INSERT INTO did_not_work (month, service, count) VALUES (?, ?, ?) "
                "ON CONFLICT (month, service) DO UPDATE SET count = count + excluded.count",
                [(*key, n) for key, n in failed.items()])
            await db.commit()


async def _fold_old_tables(db) -> None:
    """An earlier version kept weekly cells of any size: fold them into months by the same rule, then
    drop the old tables (secure_delete zeroes their pages) so no small cell stays on disk."""
    names = {r[0] async for r in await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not names & set(OLD_TABLES):
        return
    if "demand" in names:
        cells: Counter = Counter()
        async for week, district, need, language, n in await db.execute(
                "SELECT week, district, need, language, count FROM demand"):
            cells[(_month_of_week(week), district, need, language)] += n
        rows, _ = settle(cells, lambda m: True)
        await db.executemany(
            "INSERT INTO answers (month, district, need, language, count) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (month, district, need, language) DO UPDATE SET count = count + excluded.count",
            [(*k, n) for k, n in rows.items()])
        await db.execute("DROP TABLE demand")
    if "failed_numbers" in names:
        failed: Counter = Counter()
        async for week, service, n in await db.execute("SELECT week, service, count FROM failed_numbers"):
            failed[(_month_of_week(week), service)] += n
        rows, _ = settle(failed, lambda m: True, FAILED_THRESHOLD, fold=False)
        await db.executemany(
            "INSERT INTO did_not_work (month, service, count) VALUES (?, ?, ?) "
            "ON CONFLICT (month, service) DO UPDATE SET count = count + excluded.count",
            [(*k, n) for k, n in rows.items()])
        await db.execute("DROP TABLE failed_numbers")
    await db.commit()
    await db.execute("VACUUM")


async def _open_read(path: Path):
    return aiosqlite.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


async def _tables(db) -> set[str]:
    return {r[0] async for r in await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


async def read_failed(path: Path, since: str | None = None) -> dict[str, int]:
    """Service id → how many times people said its number did not work (from a month on), counting
    only months with FAILED_THRESHOLD or more, the only ones ever written."""
    if not Path(path).exists():
        return {}
    async with await _open_read(path) as db:
        if "did_not_work" not in await _tables(db):
            return {}
        query = ("SELECT service, SUM(count) FROM did_not_work WHERE month >= ? AND count >= ? GROUP BY service")
        return {sid: n async for sid, n in await db.execute(query, (since or "", FAILED_THRESHOLD))}


async def read(path: Path, since: str | None = None) -> list[tuple[str, str, str, str, int]]:
    """(month, district, need, language, count) rows, whole months from `since` (YYYY-MM) on."""
    if not Path(path).exists():
        return []
    async with await _open_read(path) as db:
        if "answers" not in await _tables(db):
            return []
        query = "SELECT month, district, need, language, count FROM answers WHERE count >= ?"
        args: tuple = (THRESHOLD,)
        if since:
            query += " AND month >= ?"
            args += (since,)
        return [tuple(r) async for r in await db.execute(query + " ORDER BY month, district, need, language", args)]


def table(rows: Iterable[tuple[str, str, str, str, int]]) -> tuple[list[str], list[str], dict]:
    """Counts by district × need, with totals, before suppression."""
    cells: Counter[tuple[str, str]] = Counter()
    for _, district, need, _, count in rows:
        cells[(district, need)] += count
    districts = sorted({d for d, _ in cells}, key=lambda d: (d == NO_PLACE, d))
    needs = [n for n in (*NEEDS, OTHER) if any(k[1] == n for k in cells)]
    grid: dict[tuple[str, str], int] = {(d, n): cells.get((d, n), 0) for d in districts for n in needs}
    for d in districts:
        grid[(d, TOTAL)] = sum(grid[(d, n)] for n in needs)
    for n in needs + [TOTAL]:
        grid[(TOTAL, n)] = sum(grid[(d, n)] for d in districts)
    return districts, needs, grid


def suppress(districts: list[str], needs: list[str], grid: dict) -> set[tuple[str, str]]:
    """Cells to hide: every count from 1 to 9, then, wherever a row or column (with its total)
    would have exactly one hidden cell, the smallest other non-zero cell too, until none has."""
    hidden = {k for k, v in grid.items() if 0 < v < THRESHOLD}
    rows = [[(d, n) for n in needs] + [(d, TOTAL)] for d in districts + [TOTAL]]
    cols = [[(d, n) for d in districts] + [(TOTAL, n)] for n in needs + [TOTAL]]
    changed = True
    while changed:
        changed = False
        for group in rows + cols:
            if sum(k in hidden for k in group) == 1:
                candidates = [k for k in group if k not in hidden and grid[k] > 0]
                if candidates:
                    hidden.add(min(candidates, key=lambda k: (k[0] == TOTAL or k[1] == TOTAL, grid[k])))
                    changed = True
    return hidden


def report(rows, fmt: str = "table") -> str | bytes:
    districts, needs, grid = table(rows)
    if not districts:
        return "no answers counted yet\n" if fmt != "png" else _png([], [])
    hidden = suppress(districts, needs, grid)

    def cell(k) -> str:
        if k not in hidden:
            return str(grid[k])
        return f"<{THRESHOLD}" if grid[k] < THRESHOLD else "x"  # x: hidden so that a small cell cannot be worked out
    header = ["district"] + needs + [TOTAL]
    body = [[d] + [cell((d, n)) for n in needs] + [cell((d, TOTAL))] for d in districts + [TOTAL]]
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([header] + body)
        return out.getvalue()
    if fmt == "png":
        shown = [(n, grid[(TOTAL, n)]) for n in needs if (TOTAL, n) not in hidden]
        return _png([n for n, _ in shown], [v for _, v in shown])
    widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
    lines = ["  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths, strict=True)))
             for r in [header] + body]
    return "\n".join(lines) + (f"\n<{THRESHOLD}: fewer than {THRESHOLD}, not shown; x: not shown, because with the "
                                f"totals it would reveal a small cell\n")


def _png(labels: list[str], values: list[int]) -> bytes:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    ax.bar(labels, values, color="#4a7a8c")
    ax.set_ylabel("answers")
    ax.set_title("Answers by need (cells under 10 suppressed)")
    ax.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
