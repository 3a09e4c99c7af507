"""The register as HSDS 3.0 (Open Referral's Human Services Data Specification): CSV tables and
nested service objects in JSON, with identifiers derived from ours so they stay stable.
"""
from __future__ import annotations

import csv
import json
import re
import uuid
from pathlib import Path

from .model import Service
from .query import Register

# Identifiers must be UUIDs: derived from our ids, so they are stable.
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
