"""Demand without surveillance: how many answers were given, by (ISO week, district, need, language).

Nothing else exists to be written: the table has exactly those four columns and a count, the
counter accepts exactly those values (checked against the register and the locales), weeks are the
finest time, districts the finest place ("-" when the person would rather not say). Counts are kept
in memory and added to SQLite (aiosqlite) once a minute and at shutdown, so not even the moment of
an answer reaches the disk. Reports suppress every cell under 10, and enough other cells that no
suppressed one can be worked out from the totals.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import aiosqlite

from .register import NEEDS

COLUMNS = ("week", "district", "need", "language")
SCHEMA = """CREATE TABLE IF NOT EXISTS demand (
  week TEXT NOT NULL, district TEXT NOT NULL, need TEXT NOT NULL, language TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (week, district, need, language)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failed_numbers (
  week TEXT NOT NULL, service TEXT NOT NULL, count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (week, service)) WITHOUT ROWID"""
NO_PLACE = "-"
THRESHOLD = 10
TOTAL = "total"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


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

    def add_failed(self, *, service: str) -> None:
        """A person tapped "this number did not work" for a service: (week, service id) +1, nothing else."""
        if service not in self.services:
            raise ValueError("only a service id from the register can be counted")
        self.pending_failed[(iso_week(self.today()), service)] += 1

    def add(self, *, district: str, need: str, language: str) -> None:
        """Count one answer. Keyword-only, and only known values: nothing else can get in."""
        if district not in self.districts or need not in NEEDS or language not in self.languages:
            raise ValueError("only a known district, need and language can be counted")
        self.pending[(iso_week(self.today()), district, need, language)] += 1

    async def flush(self) -> int:
        if not (self.pending or self.pending_failed):
            return 0
        rows, self.pending = self.pending, Counter()
        failed, self.pending_failed = self.pending_failed, Counter()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        async with aiosqlite.connect(self.path) as db:
            await db.executescript(SCHEMA)
            await db.executemany(
                "INSERT INTO demand (week, district, need, language, count) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (week, district, need, language) DO UPDATE SET count = count + excluded.count",
                [(*key, n) for key, n in rows.items()])
            await db.executemany(
                "INSERT INTO failed_numbers (week, service, count) VALUES (?, ?, ?) "
                "ON CONFLICT (week, service) DO UPDATE SET count = count + excluded.count",
                [(*key, n) for key, n in failed.items()])
            await db.commit()
        return sum(rows.values()) + sum(failed.values())


async def read_failed(path: Path, since: str | None = None) -> dict[str, int]:
    """Service id → how many times people said its number did not work (since an ISO week)."""
    if not Path(path).exists():
        return {}
    async with aiosqlite.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True) as db:
        found = await (await db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'failed_numbers'")).fetchone()
        if not found:
            return {}
        query = "SELECT service, SUM(count) FROM failed_numbers WHERE week >= ? GROUP BY service"
        return {sid: n async for sid, n in await db.execute(query, (since or "",))}


async def read(path: Path, since: str | None = None) -> list[tuple[str, str, str, str, int]]:
    if not Path(path).exists():
        return []
    async with aiosqlite.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True) as db:
        query = "SELECT week, district, need, language, count FROM demand"
        args: tuple = ()
        if since:
            query += " WHERE week >= ?"
            args = (since,)
        return [tuple(r) async for r in await db.execute(query + " ORDER BY week, district, need, language", args)]


def table(rows: Iterable[tuple[str, str, str, str, int]]) -> tuple[list[str], list[str], dict]:
    """Counts by district × need, with totals, before suppression."""
    cells: Counter[tuple[str, str]] = Counter()
    for _, district, need, _, n in rows:
        cells[(district, need)] += n
    districts = sorted({d for d, _ in cells}, key=lambda d: (d == NO_PLACE, d))
    needs = [n for n in NEEDS if any(k[1] == n for k in cells)]
    grid = {(d, n): cells.get((d, n), 0) for d in districts for n in needs}
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
    lines = ["  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths)))
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
