"""Keeping the register: import a spreadsheet, export it (CSV, XLSX, HSDS), list what needs
attention, and report coverage. Used by `python -m bot register …` and `check --coverage`.

Operators keep the register in `data/places.csv`, `data/aliases.csv` and `data/services.csv`.
An import validates every row of the new version first; only when nothing is wrong does it
replace the CSV files and the SQLite register, each by an atomic rename. On any error nothing
changes at all.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .problems import Problem, errors
from .register import (
    ACCESSIBLE, ALIAS_COLUMNS, INVOLVEMENT, NEEDS, PHONE_TYPES, PLACE_COLUMNS, SCOPES, SERVICE_COLUMNS, STATUSES,
    Register, RegisterData, Service, _distance_km as _km, build_database, load_csv,
)

TABLES = {"services": SERVICE_COLUMNS, "places": PLACE_COLUMNS, "aliases": ALIAS_COLUMNS}
KEYS = {"services": ("id",), "places": ("id",), "aliases": ("place", "alias")}

# Header notes in the XLSX template: what each column takes, in operators' words.
NOTES = {
    "services": {
        "id": "Unique, lower-case letters, digits and -. Never reuse an id.",
        "name": "The service's own name, as it writes it.",
        "kind": "One of: emergency, state, ngo, social-work, shelter, police, health, other.",
        "needs": "Needs it helps with, separated by ';': " + ", ".join(NEEDS) + "; or emergency, danger, danger-child.",
        "scope": "Where it serves: " + ", ".join(SCOPES) + ".",
        "area": "municipality: Latin names separated by ';' · district: district names · province: Vojvodina · "
                "national: empty.",
        "phones": "Numbers with area code, separated by ';'. Optional type before a colon: "
                  + ", ".join(t for t in PHONE_TYPES if t != "voice") + " (e.g. 24h:0800 100 909). "
                  "Keep this column formatted as Text so a leading 0 is not lost.",
        "email": "One e-mail address, or empty.",
        "hours": "e.g. Mon-Fri 08:00-16:00; Sat 09:00-13:00 — or 24/7 — or empty if the source does not say.",
        "free": "yes / no / empty (unknown).",
        "anonymous": "yes / no / empty (unknown).",
        "languages": "ISO codes separated by ';' (sr, hu, rom, sq, en, ...).",
        "accessible": "Any of: " + ", ".join(ACCESSIBLE) + " (separated by ';').",
        "involvement": "Does it inform the police or social work? " + ", ".join(INVOLVEMENT) + " (empty = unknown).",
        "address": "Street address. Must stay empty for shelters and confidential rows.",
        "confidential": "yes for shelters and any place whose location must not be shown.",
        "source_url": "Where the contact data was read (http...). Required when there is a phone or e-mail.",
        "source_date": "The date of the newest public source that prints the contact: YYYY-MM-DD, YYYY-MM or YYYY; "
                       "empty when the source is undated. Remarks go in source_note.",
        "source_note": "Remarks about the source and its date, in words. Never shown to people.",
        "source_quote": "The exact words of the source that give the contact.",
        "checked_on": "YYYY-MM-DD: the day an operator confirmed the contact by calling. Empty until then — "
                      "never the source's date. The answer then says 'confirmed by phone'.",
        "status": "verified (own source), secondary (a news item quotes it), stale (your decision: never shown), "
                  "not-working (after a call that failed, or 'did not work' reports: never shown).",
        "for": "women, children (or both, separated by ';') when the service is only for them; empty = everyone.",
        **{f"name_{lang}": f"The short name shown in {label}; empty = Serbian, then the official name."
           for lang, label in (("sr", "Serbian (Cyrillic is transliterated from it)"), ("en", "English"),
                               ("sq", "Albanian"), ("rom", "Romani"))},
        **{f"about_{lang}": "A short description (at most 40 characters) after the name, in the same language."
           for lang in ("sr", "en", "sq", "rom")},
        "notes": "Anything operators should know. Never shown to people.",
    },
    "places": {
        "id": "Unique place id. Changing it breaks links; add a new row instead.",
        "seat_population": "Population of the seat (GeoNames), used to rank gaps in `register todo`.",
    },
    "aliases": {
        "alias": "Another name people type for the place (minority language, old name, no diacritics).",
        "source_url": "Where this name is written.",
    },
}


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


# --- reading what operators give -------------------------------------------------------------------


def _cell(value) -> str:
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


def _table_of(header: list[str]) -> str | None:
    for name, required in TABLES.items():
        if all(c in header for c in required):
            return name
    return None


def read_source(path: Path) -> tuple[dict, list[Problem]]:
    """CSV (one table, recognised by its header) or XLSX (a sheet per table, named like the files).
    Returns {table: (display name, header, [(line, row)])} and any problems reading it."""
    path = Path(path)
    problems: list[Problem] = []
    tables: dict = {}
    if not path.exists():
        return {}, [Problem(str(path), None, "the file does not exist; give the path of the CSV or XLSX file")]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - a damaged file is an operator's problem, said plainly
            return {}, [Problem(path.name, None, f"cannot open it as an Excel workbook ({type(exc).__name__}); "
                                                 "save it again as .xlsx")]
        for ws in wb.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            if not rows:
                continue
            header = [_cell(v) for v in rows[0]]
            name = ws.title.strip().lower()
            if name == "calls" or all(c in header for c in ("id", "confirmed", "call_date")):
                body = [(i, {h: (_cell(v) if j < len(row) else "")
                             for j, (h, v) in enumerate(zip(header, row, strict=False)) if h})
                        for i, row in enumerate(rows[1:], start=2) if any(_cell(v) for v in row)]
                tables["calls"] = (f"{path.name} [{ws.title}]", [h for h in header if h], body)
                continue
            if name not in TABLES:
                name = _table_of(header) or ""
            if name not in TABLES:
                problems.append(Problem(f"{path.name} [{ws.title}]", 1, f'sheet "{ws.title}" is not a register table; '
                                        "name it services, places or aliases (or remove it)", severity="warning"))
                continue
            body = []
            for i, row in enumerate(rows[1:], start=2):
                values = [_cell(v) for v in row]
                if not any(values):
                    continue  # blank rows at the end of a sheet
                body.append((i, {h: (values[j] if j < len(values) else "") for j, h in enumerate(header) if h}))
            tables[name] = (f"{path.name} [{ws.title}]", [h for h in header if h], body)
        wb.close()
        if not tables:
            problems.append(Problem(path.name, None, "no sheet named services, places or aliases was found"))
        return tables, problems
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            body, start = [], 2
            for row in reader:
                body.append((start, {k: (v or "").strip() for k, v in row.items() if k}))
                start = reader.line_num + 1
    except UnicodeDecodeError:
        return {}, [Problem(path.name, None, "the file is not UTF-8; in the spreadsheet choose Save as → CSV UTF-8")]
    except csv.Error as exc:
        return {}, [Problem(path.name, None, f"the file is not valid CSV ({exc}); check the quotes")]
    name = _table_of(header)
    if name is None:
        return {}, [Problem(path.name, 1, "the header matches no register table; the services table needs: "
                            + ", ".join(SERVICE_COLUMNS))]
    tables[name] = (path.name, header, body)
    return tables, problems


def _current(data_dir: Path, table: str) -> tuple[list[str], list[dict]]:
    path = Path(data_dir) / f"{table}.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), [{k: (v or "").strip() for k, v in r.items() if k} for r in reader]


def _diff(table: str, old: list[dict], new: list[dict]) -> Change:
    def key(r: dict) -> str:
        return " / ".join(r.get(k, "") for k in KEYS[table])
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


# --- import -------------------------------------------------------------------------------------


def import_file(path: Path, data_dir: Path, db_path: Path, dry_run: bool = False) -> ImportResult:
    """Validate everything, then (unless dry_run) swap the CSV files and the SQLite register."""
    data_dir = Path(data_dir)
    tables, problems = read_source(path)
    if errors(problems) or not tables:
        return ImportResult(problems, {})
    if "calls" in tables:  # a filled-in call sheet: fold it into the services table
        if "services" not in tables:
            header, rows = _current(data_dir, "services")
            tables["services"] = ("data/services.csv", header, [(i, r) for i, r in enumerate(rows, start=2)])
        tables["services"] = apply_calls(tables.pop("calls"), tables["services"], problems)
        if errors(problems):
            return ImportResult(problems, {})
    data, found = load_csv(data_dir, tables)
    problems += found
    changes: dict[str, Change] = {}
    for name, (_, _, rows) in tables.items():
        _, old = _current(data_dir, name)
        changes[name] = _diff(name, old, [r for _, r in rows])
    if errors(problems) or dry_run:
        return ImportResult(problems, changes)
    _swap(tables, data, data_dir, Path(db_path))
    return ImportResult(problems, changes, applied=True)


def _swap(tables: dict, data: RegisterData, data_dir: Path, db_path: Path) -> None:
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


# --- export -------------------------------------------------------------------------------------


def export_csv(data_dir: Path, out: Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        header, rows = _current(data_dir, name)
        target = out / f"{name}.csv"
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
    for name in TABLES:
        header, rows = _current(data_dir, name)
        ws = wb.create_sheet(name)
        ws.append(header)
        for r in rows:
            ws.append([r.get(h, "") for h in header])
        for j, h in enumerate(header, start=1):
            cell = ws.cell(row=1, column=j)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE7EE")
            note = NOTES.get(name, {}).get(h) or ("Required column." if h in TABLES[name] else "")
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


# HSDS 3.0 (Open Referral). Identifiers must be UUIDs: derived from our ids, so they are stable.
HSDS_NS = uuid.UUID("6f1d3c5e-2b8a-5f0e-9a4b-7c1e0d2f3a4b")
_DAY_CODES = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_PHONE_HSDS = {"voice": ("voice", ""), "sms": ("text", "SMS"), "24h": ("voice", "24 hours"),
               "viber": ("cell", "Viber"), "whatsapp": ("cell", "WhatsApp")}
_LANGUAGE_NAMES = {"sr": "Serbian", "en": "English", "hu": "Hungarian", "rom": "Romani", "sq": "Albanian",
                   "ro": "Romanian", "sk": "Slovak", "bg": "Bulgarian", "ru": "Russian", "uk": "Ukrainian",
                   "de": "German", "fr": "French", "ar": "Arabic", "fa": "Persian"}


def _uid(*parts: str) -> str:
    return str(uuid.uuid5(HSDS_NS, ":".join(parts)))


def hsds(register: Register) -> dict[str, list[dict]]:
    """The register as HSDS 3.0 tables (organization, service, location, address, phone, schedule,
    language, service_area, service_at_location) plus nested service objects for JSON."""
    t: dict[str, list[dict]] = {k: [] for k in ("organization", "service", "location", "address", "phone",
                                                "schedule", "language", "service_area", "service_at_location")}
    nested: list[dict] = []
    for s in register.services:
        org = {"id": _uid("organization", s.id), "name": s.name,
               "description": f"{s.kind} — listed by Putokaz for: {', '.join(sorted(s.needs))}",
               "email": s.email or None, "website": _first_url(s.source_url)}
        svc = {"id": _uid("service", s.id), "organization_id": org["id"], "name": s.name,
               "description": f"Helps with: {', '.join(sorted(s.needs))}.",
               "url": _first_url(s.source_url), "email": s.email or None,
               "status": "active" if s.status != "stale" else "inactive",
               "fees_description": "free" if s.free else None,
               "assured_date": _full_date(s.checked_on), "alternate_name": s.id}
        phones = []
        for i, p in enumerate(s.phones):
            kind, desc = _PHONE_HSDS[p.type]
            phones.append({"id": _uid("phone", s.id, str(i)), "service_id": svc["id"], "number": p.number,
                           "type": kind, "description": desc or None})
        schedules = []
        if s.hours is not None:
            spans = ([(tuple(_DAY_CODES), "00:00", "23:59")] if s.hours.always else
                     [(d, f"{a:%H:%M}", f"{b:%H:%M}") for d, a, b in s.hours.spans])
            for i, (days, opens, closes) in enumerate(spans):
                schedules.append({"id": _uid("schedule", s.id, str(i)), "service_id": svc["id"], "freq": "WEEKLY",
                                  "byday": ",".join(_DAY_CODES[d] for d in days), "opens_at": f"{opens}+01:00",
                                  "closes_at": f"{closes}+01:00",
                                  "description": "Europe/Belgrade local time (UTC+1, +2 in summer)"})
        languages = [{"id": _uid("language", s.id, c), "service_id": svc["id"], "code": c,
                      "name": _LANGUAGE_NAMES.get(c, c)} for c in s.languages]
        areas = [{"id": _uid("service_area", s.id, a), "service_id": svc["id"], "name": _area_name(register, s, a),
                  "description": s.scope, "extent_type": "text"} for a in (s.area or ("Serbia",))]
        locations, sals, addresses = [], [], []
        if s.address and not s.confidential:
            seat = register.places.get(s.area[0]) if s.scope == "municipality" and s.area else None
            loc = {"id": _uid("location", s.id), "location_type": "physical", "name": s.name,
                   "organization_id": org["id"]}
            postal = re.search(r"\b(\d{5})\b", s.address)
            addr = {"id": _uid("address", s.id), "location_id": loc["id"], "address_1": s.address.split(",")[0],
                    "city": seat.name_latn if seat else "", "state_province": seat.district if seat else "",
                    "postal_code": postal.group(1) if postal else "", "country": "RS", "address_type": "physical"}
            sal = {"id": _uid("service_at_location", s.id), "service_id": svc["id"], "location_id": loc["id"]}
            locations, sals, addresses = [loc], [sal], [addr]
        t["organization"].append(org)
        t["service"].append(svc)
        t["phone"] += phones
        t["schedule"] += schedules
        t["language"] += languages
        t["service_area"] += areas
        t["location"] += locations
        t["address"] += addresses
        t["service_at_location"] += sals
        nested.append({**_clean(svc), "organization": _clean(org), "phones": [_clean(p) for p in phones],
                       "schedules": [_clean(x) for x in schedules], "languages": [_clean(x) for x in languages],
                       "service_areas": [_clean(x) for x in areas],
                       "service_at_locations": [{**_clean(sal), "location": {**_clean(loc), "addresses": [_clean(a)]}}
                                                for sal, loc, a in zip(sals, locations, addresses, strict=True)]})
    t["_services_json"] = nested
    return t


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def _first_url(text: str) -> str | None:
    m = re.search(r"https?://\S+", text or "")
    return m.group(0) if m else None


def _full_date(checked: str) -> str | None:
    if not checked:
        return None
    y, m, d = (checked.split("-") + ["01", "01"])[:3]
    return f"{y}-{m}-{d}"


def _area_name(register: Register, s: Service, area: str) -> str:
    if s.scope == "municipality" and area in register.places:
        return register.places[area].name_latn
    return area


def export_hsds(register: Register, out: Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = hsds(register)
    nested = tables.pop("_services_json")
    written = []
    for name, rows in tables.items():
        cols = list(dict.fromkeys(k for r in rows for k in r)) or ["id"]
        path = out / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            w.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
        written.append(path)
    path = out / "services.json"
    path.write_text(json.dumps(nested, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(path)
    return written


# --- what needs attention ----------------------------------------------------------------------


CALL_COLUMNS = ("id", "name", "call", "pairs", "people", "reason", "confirmed", "call_date", "hours", "call_notes")
CALL_NOTES = {
    "confirmed": "After the call: yes (the number answered and is this service) or no (it did not work).",
    "call_date": "The day you called, YYYY-MM-DD. Becomes checked_on (yes) or goes into notes (no).",
    "hours": "Opening hours as the service told you, e.g. Mon-Fri 08:00-16:00, or 24/7. Empty = unchanged.",
    "call_notes": "Anything else worth knowing (added to the row's notes). Never a caller's name.",
}


@dataclass(frozen=True)
class Call:
    service: Service
    pairs: int  # municipality-need pairs whose answer lists it
    people: int  # seat population of the municipalities those pairs are in
    failed: int  # taps on "a number did not work"
    reason: str


def impact(register: Register) -> dict[str, tuple[int, int]]:
    """service id → (municipality-need pairs whose answer would list it, people in those municipalities),
    counting rows of any status (a stale row, once confirmed, would be listed too)."""
    pairs: dict[str, int] = {}
    places: dict[str, set[str]] = {}
    outside = [p for p in register.places.values() if not p.in_kosovo]
    for s in register.services:
        if not s.actionable:
            continue
        for p in outside:
            near = s.scope == "municipality" and any(
                a in register.places and _km(register.places[a], p) <= register.nearby_km for a in s.area)
            if s.covers(p) or near:
                n = sum(1 for need in NEEDS if need in s.needs)
                if n:
                    pairs[s.id] = pairs.get(s.id, 0) + n
                    places.setdefault(s.id, set()).add(p.id)
    return {sid: (n, sum(register.places[pid].population or 0 for pid in places[sid])) for sid, n in pairs.items()}


def calls(register: Register, failed: dict[str, int], today: date) -> list[Call]:
    """Every row with a number (or e-mail) that wants a call, most useful first: the numbers people said
    did not work (most taps first), then by how many municipality-need pairs and people a confirmation helps."""
    gains = impact(register)
    out = []
    for s in register.services:
        if not s.actionable or s.status == "not-working" and not failed.get(s.id):
            continue
        recent = s.checked_date is not None and not s.caution(today, register.caution_days)
        if recent and not failed.get(s.id):
            continue
        if failed.get(s.id):
            reason = f"{failed[s.id]} said it did not work"
        elif s.status == "stale":
            reason = "hidden (stale): confirm to show it again"
        elif s.checked_date is None:
            reason = "never confirmed by a call"
        else:
            reason = f"last confirmed {s.checked_on}"
        n, people = gains.get(s.id, (0, 0))
        out.append(Call(s, n, people, failed.get(s.id, 0), reason))
    out.sort(key=lambda c: (-c.failed, -c.pairs, -c.people, c.service.order))
    return out


def _number_to_call(s: Service) -> str:
    return s.phones[0].number if s.phones else s.email


def todo(register: Register, failed: dict[str, int], today: date) -> str:
    out = io.StringIO()
    w = out.write
    todo_calls = calls(register, failed, today)
    reported = [c for c in todo_calls if c.failed]
    w(f"Calls to make ({len(todo_calls)}), most useful first"
      f"{f'; {sum(c.failed for c in reported)} did-not-work report(s) first' if reported else ''}."
      " pairs = municipality-need answers that list it; people = in those municipalities:\n")
    for c in todo_calls:
        flag = f"  [{c.failed} did not work]" if c.failed else ""
        w(f"  {c.pairs:>4} pairs {c.people:>9,} people  {_number_to_call(c.service):<16} "
          f"{c.service.name_in('sr')}  ({c.service.id}; {c.reason}){flag}\n")
    secondary = [s for s in register.services if s.status == "secondary"]
    w(f"\nSecondary source only ({len(secondary)}; confirm with the service's own page or a call):\n")
    for s in secondary:
        w(f"  {s.id}\n")
    nocontact = [s for s in register.services if s.status not in ("stale", "not-working") and not s.actionable]
    w(f"\nNo phone or e-mail ({len(nocontact)}; never shown until one is found):\n")
    for s in nocontact:
        w(f"  {s.id}\n")
    gaps = municipalities_without_local(register)
    w(f"\nMunicipalities outside Kosovo with no local entry for any need ({len(gaps)}), "
      "largest seat population first (GeoNames):\n")
    for p in gaps:
        w(f"  {p.population if p.population else '?':>8}  {p.name_latn} ({p.district})\n")
    return out.getvalue()


def calls_xlsx(register: Register, failed: dict[str, int], today: date, out: Path) -> Path:
    """The call sheet: one row per number to call, with columns to fill in; `register import` takes it back."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "calls"
    ws.append(list(CALL_COLUMNS))
    for c in calls(register, failed, today):
        phones = "; ".join(p.number for p in c.service.phones) or c.service.email
        ws.append([c.service.id, c.service.name_in("sr"), phones, str(c.pairs), str(c.people), c.reason, "", "", "", ""])
    for j, h in enumerate(CALL_COLUMNS, start=1):
        cell = ws.cell(row=1, column=j)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFF2CC" if h in CALL_NOTES else "DDE7EE")
        if h in CALL_NOTES:
            cell.comment = Comment(CALL_NOTES[h], "Putokaz")
        ws.column_dimensions[cell.column_letter].width = {"name": 45, "reason": 34, "call_notes": 40}.get(h, 14)
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=len(CALL_COLUMNS)):
        for cell in row:
            cell.number_format = "@"
    yes_no = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    ws.add_data_validation(yes_no)
    yes_no.add(f"G2:G{max(ws.max_row, 2)}")
    ws.freeze_panes = "C2"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def apply_calls(calls_table: tuple, services: tuple, problems: list[Problem]) -> tuple:
    """Fold a filled-in call sheet into the services table: confirmed = yes → checked_on = call_date (and
    hours, notes); no → status not-working. Rows left empty are skipped. Returns the new services table."""
    from .register import partial_date
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
    return name, header, new_rows


def municipalities_without_local(register: Register) -> list:
    """Places with no row (of any status) covering them except national ones, largest first."""
    covered = set()
    for p in register.places.values():
        if any(s.scope != "national" and s.covers(p) for s in register.services):
            covered.add(p.id)
    gaps = [p for p in register.places.values() if not p.in_kosovo and p.id not in covered]
    return sorted(gaps, key=lambda p: (-(p.population or 0), p.name_latn))


# --- coverage ----------------------------------------------------------------------------------

LEVELS = ("local", "nearby", "national", "none")


def coverage(register: Register) -> dict[tuple[str, str], dict[str, int]]:
    """(district, need) → how many municipalities (outside Kosovo) get local/covering help,
    the nearest within the radius, only national lines, or nothing at all."""
    result: dict[tuple[str, str], dict[str, int]] = {}
    for p in register.places.values():
        if p.in_kosovo:
            continue
        for need in NEEDS:
            a = register.answer(need, p.id)
            level = "local" if a.local else "nearby" if a.nearby else "national" if a.national else "none"
            cell = result.setdefault((p.district, need), dict.fromkeys(LEVELS, 0))
            cell[level] += 1
    return result


def coverage_report(register: Register, fmt: str = "text") -> tuple[str, int]:
    """The table and the number of (municipality, need) pairs that get nothing at all."""
    cov = coverage(register)
    totals = dict.fromkeys(LEVELS, 0)
    for cell in cov.values():
        for k in LEVELS:
            totals[k] += cell[k]
    if fmt == "json":
        rows = [{"district": d, "need": n, **c} for (d, n), c in sorted(cov.items())]
        return json.dumps({"rows": rows, "total": totals, "radius_km": register.nearby_km}, ensure_ascii=False,
                          indent=1), totals["none"]
    districts = sorted({d for d, _ in cov})
    width = max(len(d) for d in districts)
    lines = [f"Coverage of {len(NEEDS)} needs in the municipalities outside Kosovo. Each cell counts "
             f"municipalities: local or covering / nearest within {register.nearby_km:g} km / "
             "national lines only / nothing at all",
             " " * width + "  " + "  ".join(f"{n[:9]:>11}" for n in NEEDS)]
    for d in districts:
        cells = []
        for n in NEEDS:
            c = cov[(d, n)]
            cells.append(f"{c['local']:>2}/{c['nearby']:>2}/{c['national']:>2}/{c['none']:>2}")
        lines.append(f"{d:<{width}}  " + "  ".join(f"{x:>11}" for x in cells))
    pairs = sum(totals.values())
    lines.append("")
    lines.append(f"total: {pairs} municipality-need pairs · local {totals['local']} · nearby {totals['nearby']} · "
                 f"national only {totals['national']} · nothing {totals['none']}")
    today = register.today()
    shown = [s for s in register.services if s.shown]
    unconfirmed = sum(1 for s in shown if not s.checked_on)
    caution = sum(1 for s in shown if register.caution(s))
    lines.append(f"{len(shown)} row(s) shown: {unconfirmed} not yet confirmed by a call, {caution} with \"may have "
                 f"changed\" on {today.isoformat()} (see `python -m bot register todo`)")
    return "\n".join(lines), totals["none"]


__all__ = ["import_file", "describe", "export_csv", "export_xlsx", "export_hsds", "hsds", "todo", "coverage",
           "coverage_report", "STATUSES"]
