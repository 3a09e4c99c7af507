"""Import and export: a spreadsheet or CSV file brought into the register, the register written out
as CSV files or the round-trip XLSX template, and a filled-in call sheet folded back in.

An import validates every row of the new version first; only when nothing is wrong does it replace
the CSV files and the SQLite register, each by an atomic rename. On any error nothing changes.
"""
from __future__ import annotations

import csv
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..problems import Problem, errors
from .fields import EXCHANGED, SERVICES, TABLES, Table
from .model import RegisterData, partial_date
from .store import build_database
from .tables import Rows, data_table, read_source
from .validate import load_csv


@dataclass
class Change:
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # (key, columns)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class ImportResult:
    problems: list[Problem]
    changes: dict[str, Change]
    applied: bool = False


def _diff(table: str, old: list[dict], new: list[dict]) -> Change:
    def key(r: dict) -> str:
        return " / ".join(r.get(k, "") for k in TABLES[table].key)
    before = {key(r): r for r in old}
    after = {key(r): r for r in new}
    change = Change()
    for k, r in after.items():
        if k not in before:
            change.added.append(k)
        else:
            cols = [c for c in sorted(set(r) | set(before[k])) if r.get(c, "") != before[k].get(c, "")]
            if cols:
                change.changed.append((k, cols))
    change.removed = [k for k in before if k not in after]
    return change


def import_file(path: Path, data_dir: Path, db_path: Path, dry_run: bool = False) -> ImportResult:
    """Validate everything, then (unless dry_run) swap the CSV files and the SQLite register."""
    data_dir = Path(data_dir)
    tables, problems = read_source(path)
    if errors(problems) or not tables:
        return ImportResult(problems, {})
    if "calls" in tables:  # a filled-in call sheet: fold it into the services table
        if "services" not in tables:
            tables["services"] = data_table(data_dir, SERVICES)
        tables["services"] = apply_calls(tables.pop("calls"), tables["services"], problems)
        if errors(problems):
            return ImportResult(problems, {})
    data, found = load_csv(data_dir, tables)
    problems += found
    changes: dict[str, Change] = {}
    for name, (_, _, rows) in tables.items():
        old = data_table(data_dir, TABLES[name]).rows
        changes[name] = _diff(name, [r for _, r in old], [r for _, r in rows])
    if errors(problems) or dry_run:
        return ImportResult(problems, changes)
    _swap(tables, data, data_dir, Path(db_path))
    return ImportResult(problems, changes, applied=True)


def _swap(tables: dict[str, Rows], data: RegisterData, data_dir: Path, db_path: Path) -> None:
    """New SQLite file and new CSV files are written to temporary files first; then renamed."""
    staged: list[tuple[str, Path]] = []
    try:
        for name, (_, header, rows) in tables.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".csv", dir=data_dir)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="ignore")
                w.writeheader()
                w.writerows(r for _, r in rows)
            staged.append((tmp, data_dir / f"{name}.csv"))
        build_database(data, db_path)  # itself atomic (temporary file, then rename)
        for tmp, final in staged:
            os.replace(tmp, final)
        staged = []
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def describe(result: ImportResult, dry_run: bool) -> str:
    lines = [str(p) for p in result.problems]
    for table, ch in result.changes.items():
        lines.append(f"{table}: {len(ch.added)} added, {len(ch.changed)} changed, {len(ch.removed)} removed")
        lines += [f"  + {k}" for k in ch.added]
        lines += [f"  ~ {k}: {', '.join(cols)}" for k, cols in ch.changed]
        lines += [f"  - {k}" for k in ch.removed]
    n = len(errors(result.problems))
    if n:
        lines.append(f"{n} error(s): nothing was changed. Fix the rows above and import again.")
    elif dry_run:
        lines.append("dry run: nothing was changed.")
    elif result.applied:
        lines.append("imported: the register was replaced (a running bot picks it up within seconds).")
    return "\n".join(lines)


def _header_and_rows(data_dir: Path, table: Table) -> tuple[list[str], list[dict[str, str]]]:
    rows = data_table(data_dir, table)
    return rows.header, [r for _, r in rows.rows]


def export_csv(data_dir: Path, out: Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXCHANGED:
        header, rows = _header_and_rows(data_dir, table)
        target = out / f"{table.name}.csv"
        with open(target, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        written.append(target)
    return written


def export_xlsx(data_dir: Path, out: Path) -> Path:
    """The round-trip template: a sheet per table, header notes, every cell text (keeps leading zeros)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    for table in EXCHANGED:
        header, rows = _header_and_rows(data_dir, table)
        ws = wb.create_sheet(table.name)
        ws.append(header)
        for r in rows:
            ws.append([r.get(h, "") for h in header])
        for j, h in enumerate(header, start=1):
            cell = ws.cell(row=1, column=j)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE7EE")
            note = table.note(h)
            if note:
                cell.comment = Comment(note, "Putokaz")
            width = max([len(h)] + [len(str(r.get(h, ""))) for r in rows[:200]])
            ws.column_dimensions[cell.column_letter].width = min(max(10, width + 2), 60)
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row + 200, max_col=len(header)):
            for cell in row:
                cell.number_format = "@"  # text: "011 ..." keeps its 0, dates stay as typed
        ws.freeze_panes = "B2"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def apply_calls(calls_table: Rows, services: Rows, problems: list[Problem]) -> Rows:
    """Fold a filled-in call sheet into the services table: confirmed = yes → checked_on = call_date (and
    hours, notes); no → status not-working. Rows left empty are skipped. Returns the new services table."""
    display, _, rows = calls_table
    name, header, current = services
    by_id = {r["id"]: r for _, r in current}
    for line, c in rows:
        sid, confirmed = c.get("id", ""), c.get("confirmed", "").strip().lower()
        if not confirmed and not c.get("call_date"):
            continue
        if sid not in by_id:
            problems.append(Problem(display, line, f'id "{sid}" is not a service in the register; do not edit the id '
                                  "column of the call sheet", where=sid))
            continue
        if confirmed not in ("yes", "no"):
            problems.append(Problem(display, line, f'confirmed "{confirmed}" must be yes or no', where=sid))
            continue
        day = c.get("call_date", "").strip()
        try:
            ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)) and (partial_date(day) or date.max) <= date.today()
        except ValueError:
            ok = False
        if not ok:
            problems.append(Problem(display, line, f'call_date "{day}" must be the day you called, like 2026-12-03 '
                                  "(not in the future)", where=sid))
            continue
        row = dict(by_id[sid])
        note = c.get("call_notes", "").strip()
        if confirmed == "yes":
            row["checked_on"] = day
            if row.get("status") == "not-working" or row.get("status") == "stale":
                row["status"] = "verified"
            if c.get("hours", "").strip():
                row["hours"] = c["hours"].strip()
        else:
            row["status"] = "not-working"
            note = f"did not work when called on {day}" + (f": {note}" if note else "")
        if note:
            row["notes"] = (row.get("notes", "") + " | " if row.get("notes") else "") + note
        by_id[sid] = row
    new_rows = [(line, by_id[r["id"]]) for line, r in current]
    return Rows(name, header, new_rows)
