"""The one reader of register tables: a CSV file or the sheets of a workbook → `Rows` (display name,
header, rows with their line numbers), with a problem naming the file and the fix for anything that
cannot be read. The data folder's files, an import and the call sheet all come in through here.
"""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from ..problems import InvalidFiles, Problem
from .fields import CALLS, EXCHANGED, Table


class Rows(NamedTuple):
    name: str  # how problems name it: data/services.csv, new.xlsx [services]
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line or sheet row, {column: text})


def read_csv(path: Path, name: str | None = None) -> tuple[Rows | None, list[Problem]]:
    """Every row of a CSV file (UTF-8, with or without a byte-order mark), cells stripped."""
    path = Path(path)
    name = name or path.name
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            rows, start = [], 2
            for row in reader:
                rows.append((start, {k: (v or "").strip() for k, v in row.items() if k}))
                start = reader.line_num + 1
    except FileNotFoundError:
        return None, [Problem(name, None, f"the file is missing; it must be in {path.parent}")]
    except UnicodeDecodeError as exc:
        return None, [Problem(name, None, f"the file is not UTF-8 ({exc.reason}); in the spreadsheet choose "
                                          "Save as → CSV UTF-8")]
    except csv.Error as exc:
        return None, [Problem(name, None, f"the file is not valid CSV ({exc}); check the quotes")]
    return Rows(name, header, rows), []


def require(rows: Rows | None, table: Table, problems: list[Problem]) -> Rows:
    """The rows, if the header names every required column; else no rows and a problem on line 1."""
    if rows is None:
        return Rows(f"data/{table.name}.csv", [], [])
    missing = [c for c in table.required if c not in rows.header]
    if missing:
        problems.append(Problem(rows.name, 1, f'the header lacks the column(s) {", ".join(missing)}; '
                                f'the first row must name: {", ".join(table.required)}'))
        return Rows(rows.name, rows.header, [])
    return rows


def recognise(header: list[str]) -> Table | None:
    """The register table (services, places, aliases) whose required columns a header has."""
    return next((t for t in EXCHANGED if all(c in header for c in t.required)), None)


def data_table(data_dir: Path, table: Table) -> Rows:
    """A table of the data folder as it is now (raises InvalidFiles if it cannot be read)."""
    rows, problems = read_csv(Path(data_dir) / f"{table.name}.csv", f"data/{table.name}.csv")
    if rows is None:
        raise InvalidFiles(problems)
    return rows


def _cell(value: object) -> str:
    """A spreadsheet cell as the text an operator sees."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx(path: Path) -> tuple[dict[str, Rows], list[Problem]]:
    """A sheet per table, named like the files (or recognised by its header); a call sheet as "calls"."""
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged file is an operator's problem, said plainly
        return {}, [Problem(path.name, None, f"cannot open it as an Excel workbook ({type(exc).__name__}); "
                                             "save it again as .xlsx")]
    tables: dict[str, Rows] = {}
    problems: list[Problem] = []
    for ws in wb.worksheets:
        sheet = list(ws.iter_rows(values_only=True))
        if not sheet:
            continue
        header = [_cell(v) for v in sheet[0]]
        display = f"{path.name} [{ws.title}]"
        name = ws.title.strip().lower()
        if name != CALLS.name and all(c in header for c in ("id", "confirmed", "call_date")):
            name = CALLS.name
        if name != CALLS.name and name not in {t.name for t in EXCHANGED}:
            found = recognise(header)
            if found is None:
                problems.append(Problem(display, 1, f'sheet "{ws.title}" is not a register table; '
                                        "name it services, places or aliases (or remove it)", severity="warning"))
                continue
            name = found.name
        body = []
        for i, row in enumerate(sheet[1:], start=2):
            values = [_cell(v) for v in row]
            if not any(values):
                continue  # blank rows at the end of a sheet
            body.append((i, {h: (values[j] if j < len(values) else "") for j, h in enumerate(header) if h}))
        tables[name] = Rows(display, [h for h in header if h], body)
    wb.close()
    if not tables:
        problems.append(Problem(path.name, None, "no sheet named services, places or aliases was found"))
    return tables, problems


def read_source(path: Path) -> tuple[dict[str, Rows], list[Problem]]:
    """What an operator imports: a CSV file (one table, recognised by its header) or a workbook."""
    path = Path(path)
    if not path.exists():
        return {}, [Problem(str(path), None, "the file does not exist; give the path of the CSV or XLSX file")]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    rows, problems = read_csv(path)
    if rows is None:
        return {}, problems
    table = recognise(rows.header)
    if table is None:
        return {}, [Problem(path.name, 1, "the header matches no register table; the services table needs: "
                            + ", ".join(EXCHANGED[0].required))]
    return {table.name: rows}, []
