"""What needs attention: the calls to make (most useful first) and the call sheet, the rows with no
contact or only a secondary source, the municipalities without local help, and coverage by
district and need. Used by `python -m bot register todo` and `check --coverage`.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .fields import CALL_FILLED, CALLS
from ..vocabulary import NEEDS
from .model import Service
from .query import Register, distance_km

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
                a in register.places and distance_km(register.places[a], p) <= register.nearby_km for a in s.area)
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
    ws.append(list(CALLS.names))
    for c in calls(register, failed, today):
        phones = "; ".join(p.number for p in c.service.phones) or c.service.email
        ws.append([c.service.id, c.service.name_in("sr"), phones, str(c.pairs), str(c.people), c.reason, "", "", "", ""])
    for j, h in enumerate(CALLS.names, start=1):
        cell = ws.cell(row=1, column=j)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFF2CC" if h in CALL_FILLED else "DDE7EE")
        if h in CALL_FILLED:
            cell.comment = Comment(CALLS.note(h), "Putokaz")
        ws.column_dimensions[cell.column_letter].width = {"name": 45, "reason": 34, "call_notes": 40}.get(h, 14)
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=len(CALLS.names)):
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
