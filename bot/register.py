"""The register of places and services: CSV files that operators edit → validated → SQLite.

`load_csv(data_dir)` reads and validates `places.csv`, `aliases.csv` and `services.csv`,
collecting every problem with its file and line. `build_database()` writes a validated register
into a new SQLite file and swaps it in atomically. `Register.open()` reads that file with
aiosqlite into frozen, indexed records that answer queries without further I/O.
"""
from __future__ import annotations

import csv
import math
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from zoneinfo import ZoneInfo

import aiosqlite
import phonenumbers
from phonenumbers import shortnumberinfo

from .problems import InvalidFiles, Problem, did_you_mean, errors
from .vocabulary import NEEDS, SPECIAL_NEEDS

KINDS = ("emergency", "state", "ngo", "social-work", "shelter", "police", "health", "other")
SCOPES = ("national", "province", "district", "municipality")
# verified: the service's own page prints it; secondary: a news item quotes it; stale and not-working:
# an operator's decision (a source too old to trust, or a number that did not work) — never shown.
STATUSES = ("verified", "secondary", "stale", "not-working")
SHOWN_STATUSES = ("verified", "secondary")
PHONE_TYPES = ("voice", "sms", "24h", "viber", "whatsapp")
ACCESSIBLE = ("step-free", "sign-language")
# Will the service inform the police or the centre for social work? Empty means unknown.
INVOLVEMENT = ("none", "with-consent", "mandatory", "unknown")
CAUTION_AFTER_DAYS = 730  # default: past this many days since the newer date, the answer says it may have changed
# Who a service is only for, when it is not for everyone.
FOR_WHOM = ("women", "children")
# Columns with a service's name and a short description in a language (sr-Cyrl is transliterated from sr).
NAME_LANGS = ("sr", "en", "sq", "rom")
LANGUAGES = ("sr", "en", "hu", "rom", "sq", "ro", "sk", "bg", "ru", "uk", "de", "fr", "ar", "fa")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PROVINCES = ("Vojvodina",)
BELGRADE = ZoneInfo("Europe/Belgrade")
NOT_OPERATIONAL = {"112": "112 is not operational in Serbia: use 192 (police), 194 (ambulance), 193 (fire)"}

PLACE_COLUMNS = ("id", "name_latn", "name_cyrl", "kind", "district", "province", "in_kosovo", "lat", "lon")
PLACE_OPTIONAL = ("seat_population", "name_en")
ALIAS_COLUMNS = ("place", "alias", "language", "kind", "source_url", "source_date")
# Villages and other settlements → the municipality (or, when unsure, the few) they may lie in.
SETTLEMENT_COLUMNS = ("name", "name_cyrl", "other_names", "municipalities", "method", "source", "source_date")
SETTLEMENT_METHODS = ("source", "nearest-seat", "which-one")
SERVICE_COLUMNS = (
    "id", "name", "kind", "needs", "scope", "area", "phones", "email", "hours", "free", "anonymous",
    "languages", "accessible", "involvement", "address", "confidential", "source_url", "source_date", "checked_on", "status",
    "notes",
)
# Optional columns (an older spreadsheet without them still imports; empty = not given).
SERVICE_OPTIONAL = (
    *(f"name_{lang}" for lang in NAME_LANGS), *(f"about_{lang}" for lang in NAME_LANGS), "for", "source_note",
    "source_quote",
)
# Every column, in the order the files and the spreadsheet template use.
SERVICE_ALL = (
    "id", "name", *(f"name_{lang}" for lang in NAME_LANGS), *(f"about_{lang}" for lang in NAME_LANGS), "for",
    "kind", "needs", "scope", "area", "phones", "email", "hours", "free", "anonymous", "languages",
    "accessible", "involvement", "address", "confidential", "source_url", "source_date", "source_note",
    "source_quote", "checked_on", "status", "notes",
)


@dataclass(frozen=True)
class Place:
    id: str
    name_latn: str
    name_cyrl: str
    district: str
    province: str
    in_kosovo: bool
    lat: float
    lon: float
    population: int | None = None  # of the seat (GeoNames), to rank gaps
    name_en: str = ""  # an English name where English uses another one (Beograd → Belgrade); else empty


@dataclass(frozen=True)
class Phone:
    number: str  # one readable form (phonenumbers' national format for Serbia)
    type: str = "voice"


@dataclass(frozen=True)
class Hours:
    """Opening hours: `always` (24/7) or a tuple of (days, opens, closes)."""

    always: bool = False
    spans: tuple[tuple[tuple[str, ...], time, time], ...] = ()

    def status(self, now: datetime) -> tuple[bool, tuple[str, time] | None]:
        """(open now?, next opening as (day, time)) for a local wall-clock time."""
        if self.always:
            return True, None
        today, clock = now.weekday(), now.time().replace(second=0, microsecond=0)
        for days, opens, closes in self.spans:
            if DAYS[today] in days and opens <= clock < closes:
                return True, None
        for ahead in range(0, 8):
            day = DAYS[(today + ahead) % 7]
            starts = sorted(o for d, o, _ in self.spans if day in d and (ahead or o > clock))
            if starts:
                return False, (day, starts[0])
        return False, None


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    kind: str
    needs: frozenset[str]
    scope: str
    area: tuple[str, ...]  # place ids, district names or a province, by scope
    phones: tuple[Phone, ...]
    email: str
    hours: Hours | None
    free: bool | None
    anonymous: bool | None
    languages: tuple[str, ...]
    accessible: tuple[str, ...]
    involvement: str
    address: str
    confidential: bool
    source_url: str
    source_date: str
    checked_on: str
    status: str
    order: int = 0
    names: tuple[tuple[str, str], ...] = ()  # (language column, name) given by operators
    abouts: tuple[tuple[str, str], ...] = ()  # (language column, short description)
    only_for: tuple[str, ...] = ()  # "women", "children": the answer says so
    source_note: str = ""
    source_quote: str = ""

    @property
    def actionable(self) -> bool:
        return bool(self.phones or self.email)

    @property
    def shown(self) -> bool:
        """Never show a row marked stale, nor one with nothing a person can act on."""
        return self.status in SHOWN_STATUSES and self.actionable

    @property
    def checked_date(self) -> date | None:
        """The day an operator confirmed the contact by calling (2024-05 → 1 May 2024), if ever."""
        return partial_date(self.checked_on)

    @property
    def source_day(self) -> date | None:
        """The date of the newest public source that prints the contact (earliest day it can mean)."""
        return partial_date(self.source_date)

    @property
    def newest(self) -> date | None:
        """The newer of the two dates: what "how current is this" is measured from."""
        days = [d for d in (self.checked_date, self.source_day) if d is not None]
        return max(days) if days else None

    def caution(self, today: date, after_days: int = CAUTION_AFTER_DAYS) -> bool:
        """Old enough (or undated) that the answer says the contact may have changed."""
        newest = self.newest
        return newest is None or (today - newest).days > after_days

    @property
    def rank(self) -> tuple:
        """Among rows serving the same need: confirmed by a call first, then the service's own source
        before a news item, then the fresher date, then the operators' order."""
        newest = self.newest
        return (self.checked_date is None, self.status != "verified",
                -(newest.toordinal() if newest else 0), self.order)

    def name_in(self, column: str) -> str:
        """The name in a language column (sr, en, sq, rom), else Serbian, else the official name."""
        names = dict(self.names)
        return names.get(column) or names.get("sr") or self.name

    def about_in(self, column: str) -> str:
        abouts = dict(self.abouts)
        if column in abouts:
            return abouts[column]
        # Fall back to the Serbian description only where the name fell back to Serbian too.
        return abouts.get("sr", "") if not dict(self.names).get(column) else ""

    def covers(self, place: Place) -> bool:
        if self.scope == "national":
            return True
        if self.scope == "municipality":
            return place.id in self.area
        if self.scope == "district":
            return place.district in self.area
        return place.province in self.area


@dataclass(frozen=True)
class Nearby:
    service: Service
    km: int
    place: Place


@dataclass(frozen=True)
class Answer:
    place: Place | None
    local: tuple[Service, ...] = ()
    nearby: tuple[Nearby, ...] = ()
    national: tuple[Service, ...] = ()


@dataclass
class RegisterData:
    places: list[Place] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, place id)
    services: list[Service] = field(default_factory=list)
    # (a settlement's name as written, the place ids it may belong to (most likely first), whether
    # the name is one of its other names: Hungarian, German, old names)
    settlements: list[tuple[str, tuple[str, ...], bool]] = field(default_factory=list)


# --- parsing single fields --------------------------------------------------------------

_HOURS_SPAN = re.compile(
    r"^(?P<d1>[A-Za-z]{3})(?:-(?P<d2>[A-Za-z]{3}))?\s+(?P<h1>\d{1,2}):(?P<m1>\d{2})-(?P<h2>\d{1,2}):(?P<m2>\d{2})$"
)
_PHONE_CHARS = re.compile(r"^\+?[\d /-]+$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def partial_date(text: str) -> date | None:
    """`2025-03-14`, `2025-03` or `2025` → the earliest day it can mean (never flatter a row)."""
    if not text:
        return None
    y, m, d = (text.split("-") + ["1", "1"])[:3]
    return date(int(y), int(m), int(d))


def parse_hours(text: str) -> Hours:
    """`24/7`, or `Mon-Fri 08:00-16:00; Sat 09:00-13:00`. Raises ValueError with the fix."""
    text = text.strip()
    if text == "24/7":
        return Hours(always=True)
    spans = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        m = _HOURS_SPAN.match(part)
        if not m:
            raise ValueError(
                f'hours "{part}" are not in the form "Mon-Fri 08:00-16:00" (days Mon..Sun, 24-hour clock), '
                'several parts separated by ";", or "24/7"'
            )
        d1, d2 = m["d1"].lower(), (m["d2"] or m["d1"]).lower()
        if d1 not in DAYS or d2 not in DAYS:
            raise ValueError(f'"{part}": days are written Mon, Tue, Wed, Thu, Fri, Sat, Sun')
        i, j = DAYS.index(d1), DAYS.index(d2)
        if j < i:
            raise ValueError(f'"{part}": the day range runs backwards; write it from the earlier day, e.g. Mon-Fri')
        try:
            opens = time(int(m["h1"]), int(m["m1"]))
            closes = time(int(m["h2"]), int(m["m2"])) if m["h2"] != "24" else time(23, 59)
        except ValueError:
            raise ValueError(f'"{part}": a time is not a real time of day (00:00 to 24:00)') from None
        if closes <= opens:
            raise ValueError(f'"{part}": closing time must be after opening time')
        spans.append((DAYS[i : j + 1], opens, closes))
    if not spans:
        raise ValueError('hours are empty; leave the cell empty instead, or write "24/7"')
    return Hours(spans=tuple(spans))


def parse_phone(text: str) -> Phone:
    """`[type:]number`, a Serbian number with its area code, or a Serbian short number."""
    kind, _, number = text.strip().rpartition(":")
    kind = kind.strip().lower() or "voice"
    number = " ".join(number.replace("/", " ").replace("-", " ").split())
    if kind not in PHONE_TYPES:
        raise ValueError(f'phone type "{kind}" is unknown; use one of {", ".join(PHONE_TYPES)} before a colon, '
                         'e.g. "sms:066 123 456"')
    digits = number.replace(" ", "")
    if digits in NOT_OPERATIONAL:
        raise ValueError(NOT_OPERATIONAL[digits])
    if not _PHONE_CHARS.match(number):
        raise ValueError(f'"{number}" is not a phone number: use digits and spaces only, e.g. "011 785 00 00"; '
                         "put remarks in notes")
    parsed = phonenumbers.parse(number, "RS")
    if digits.startswith(("0", "+381")):
        if not phonenumbers.is_valid_number(parsed):
            raise ValueError(f'"{number}" is not a valid Serbian phone number; copy it again from the source')
    elif not (shortnumberinfo.is_valid_short_number(parsed) and len(digits) in (3, 6)):
        raise ValueError(
            f'"{number}" has no area code; write it as the source prints it with the code (e.g. 011 ...) '
            "or leave it out: never guess an area code"
        )
    return Phone(number=format_phone(parsed, digits), type=kind)


def format_phone(parsed: phonenumbers.PhoneNumber, digits: str) -> str:
    """One readable form: `011 7850000`, `0800 222003`; short numbers `192`, `116 000`."""
    if len(digits) == 6 and not digits.startswith(("0", "+")):
        return f"{digits[:3]} {digits[3:]}"
    if len(digits) == 3:
        return digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def _yes_no(text: str) -> bool | None:
    text = text.strip().lower()
    if text in ("", "unknown"):
        return None
    if text in ("yes", "no"):
        return text == "yes"
    raise ValueError('write "yes", "no", or leave the cell empty when the source does not say')


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


# --- reading and validating the CSV files ---------------------------------------------------


class _Rows:
    """CSV rows with their line numbers; header problems recorded."""

    def __init__(self, path: Path, required: tuple[str, ...], problems: list[Problem], given=None):
        self.path, self.rows = path, []
        self.name = f"data/{path.name}"
        if given is not None:  # rows from an import (CSV or a spreadsheet sheet): (name, header, rows)
            self.name, header, self.rows = given
            missing = [c for c in required if c not in header]
            if missing:
                problems.append(Problem(self.name, 1, f'the header lacks the column(s) {", ".join(missing)}; '
                                        f'the first row must name: {", ".join(required)}'))
                self.rows = []
            return
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in required if c not in (reader.fieldnames or [])]
                if missing:
                    problems.append(Problem(self.name, 1, f'the header lacks the column(s) {", ".join(missing)}; '
                                            f'the first line must name: {", ".join(required)}'))
                    return
                start = 2
                for row in reader:
                    self.rows.append((start, {k: (v or "").strip() for k, v in row.items() if k}))
                    start = reader.line_num + 1
        except FileNotFoundError:
            problems.append(Problem(self.name, None, f"the file is missing; it must be in {path.parent}"))
        except UnicodeDecodeError as exc:
            problems.append(Problem(self.name, None, f"the file is not UTF-8 ({exc.reason}); save it as CSV UTF-8"))
        except csv.Error as exc:
            problems.append(Problem(self.name, None, f"the file is not valid CSV ({exc}); check quotes"))


def load_csv(data_dir: Path, given: dict | None = None, today: date | None = None) -> tuple[RegisterData, list[Problem]]:
    """Read and validate the three tables; `given` may replace any of them with imported rows:
    {"services": (display name, header, [(line, row dict), ...]), ...}."""
    given = given or {}
    problems: list[Problem] = []
    data = RegisterData()
    data_dir = Path(data_dir)

    places = _Rows(data_dir / "places.csv", PLACE_COLUMNS, problems, given.get("places"))
    by_id: dict[str, Place] = {}
    by_name: dict[str, str] = {}
    for line, r in places.rows:
        def bad(msg: str, line: int = line, r: dict = r) -> None:
            problems.append(Problem(places.name, line, msg, where=r.get("id", "")))

        if not re.fullmatch(r"[a-z0-9-]+", r["id"]):
            bad(f'id "{r["id"]}" must be lower-case letters, digits and "-"')
            continue
        if r["id"] in by_id:
            bad(f'id "{r["id"]}" is used twice; give each place its own id')
            continue
        if not r["name_latn"] or not r["name_cyrl"]:
            bad("name_latn and name_cyrl are both required")
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
            if not (41.8 <= lat <= 46.3 and 18.8 <= lon <= 23.1):
                raise ValueError
        except ValueError:
            bad(f'lat/lon "{r["lat"]}, {r["lon"]}" are not coordinates inside Serbia (decimal degrees, e.g. 44.80, 20.46)')
            continue
        if r["in_kosovo"] not in ("yes", "no"):
            bad('in_kosovo must be "yes" or "no"')
        if r["province"] and r["province"] not in PROVINCES:
            bad(f'province "{r["province"]}" is unknown; use {", ".join(PROVINCES)} or leave it empty')
        population = r.get("seat_population", "")
        if population and not population.isdigit():
            bad(f'seat_population "{population}" must be a whole number (or empty)')
            population = ""
        place = Place(r["id"], r["name_latn"], r["name_cyrl"], r["district"], r["province"],
                      r["in_kosovo"] == "yes", lat, lon, int(population) if population else None,
                      r.get("name_en", ""))
        by_id[place.id] = place
        by_name[place.name_latn] = place.id
        data.places.append(place)
        data.aliases += [(place.name_latn, place.id), (place.name_cyrl, place.id)]
        if place.name_en:
            data.aliases.append((place.name_en, place.id))  # "Belgrade" typed finds Beograd

    aliases = _Rows(data_dir / "aliases.csv", ALIAS_COLUMNS, problems, given.get("aliases"))
    for line, r in aliases.rows:
        if r["place"] not in by_id:
            problems.append(Problem(aliases.name, line, f'place "{r["place"]}" is not an id in places.csv.'
                                    + did_you_mean(r["place"], by_id)))
        elif not r["alias"]:
            problems.append(Problem(aliases.name, line, "alias is empty; fill it or delete the row"))
        elif not r["source_url"]:
            problems.append(Problem(aliases.name, line, f'alias "{r["alias"]}" needs a source_url (where the name is written)'))
        else:
            data.aliases.append((r["alias"], r["place"]))

    if "settlements" in given or (data_dir / "settlements.csv").exists():  # optional: villages
        _load_settlements(_Rows(data_dir / "settlements.csv", SETTLEMENT_COLUMNS, problems, given.get("settlements")),
                          by_id, data, problems)

    districts = {p.district for p in data.places}
    services = _Rows(data_dir / "services.csv", SERVICE_COLUMNS, problems, given.get("services"))
    seen: set[str] = set()
    for order, (line, r) in enumerate(services.rows):
        row_problems: list[str] = []
        bad = row_problems.append  # type: ignore[assignment]  # one message per problem, as for places
        sid = r["id"]
        if not re.fullmatch(r"[a-z0-9-]+", sid):
            bad(f'id "{sid}" must be lower-case letters, digits and "-"')
        elif sid in seen:
            bad(f'id "{sid}" is used twice; give each service its own id')
        seen.add(sid)
        if not r["name"]:
            bad("name is empty")
        if r["kind"] not in KINDS:
            bad(f'kind "{r["kind"]}" is unknown; use one of: {", ".join(KINDS)}.' + did_you_mean(r["kind"], KINDS))
        needs = _split(r["needs"])
        for need in needs:
            if need not in NEEDS + SPECIAL_NEEDS:
                bad(f'need "{need}" is unknown; use any of: {", ".join(NEEDS + SPECIAL_NEEDS)}.'
                    + did_you_mean(need, NEEDS + SPECIAL_NEEDS))
        if not needs:
            bad("needs is empty: name at least one need this service helps with")
        area: list[str] = []
        if r["scope"] not in SCOPES:
            bad(f'scope "{r["scope"]}" is unknown; use one of: {", ".join(SCOPES)}')
        elif r["scope"] == "national":
            if r["area"]:
                bad("a national service has no area; empty the area cell")
        elif not r["area"]:
            bad(f'a {r["scope"]} service needs an area (which {r["scope"]}(s) it serves)')
        else:
            for a in _split(r["area"]):
                if r["scope"] == "municipality":
                    pid = by_name.get(a) or (a if a in by_id else None)
                    if pid is None:
                        bad(f'area "{a}" is not a municipality in places.csv (write its Latin name).' + did_you_mean(a, by_name))
                    else:
                        area.append(pid)
                elif r["scope"] == "district":
                    if a not in districts:
                        bad(f'area "{a}" is not a district in places.csv.' + did_you_mean(a, districts))
                    area.append(a)
                else:
                    if a not in PROVINCES:
                        bad(f'area "{a}" is not a province; use {", ".join(PROVINCES)}')
                    area.append(a)
        phones = []
        for p in _split(r["phones"]):
            try:
                phones.append(parse_phone(p))
            except ValueError as exc:
                bad(f"phones: {exc}")
        if r["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", r["email"]):
            bad(f'email "{r["email"]}" is not an e-mail address')
        hours = None
        if r["hours"]:
            try:
                hours = parse_hours(r["hours"])
            except ValueError as exc:
                bad(f"hours: {exc}")
        flags = {}
        for col in ("free", "anonymous", "confidential"):
            try:
                flags[col] = _yes_no(r[col])
            except ValueError as exc:
                bad(f"{col}: {exc}")
        langs = _split(r["languages"])
        for lang in langs:
            if lang not in LANGUAGES:
                bad(f'language "{lang}" is not a known ISO 639 code here; use one of: {", ".join(LANGUAGES)}')
        accessible = _split(r["accessible"])
        for a in accessible:
            if a not in ACCESSIBLE:
                bad(f'accessible "{a}" is unknown; use any of: {", ".join(ACCESSIBLE)} (separated by ";")')
        involvement = r["involvement"] or "unknown"
        if involvement not in INVOLVEMENT:
            bad(f'involvement "{involvement}" is unknown; use one of: {", ".join(INVOLVEMENT)} '
                "(does the service inform the police or social work?); leave empty if unknown")
        if flags.get("confidential") and r["address"]:
            bad("a confidential service (a shelter) must not have an address; empty the address cell — people reach it by phone")
        if r["kind"] == "shelter" and r["address"]:
            bad("shelters never show an address; empty the address cell and mark confidential = yes")
        if (phones or r["email"] or r["address"]) and not r["source_url"].startswith(("http://", "https://")):
            bad("source_url must say where the contact data was read (a web address starting with http)")
        for col, what in (("source_date", "the date the newest public source printing the contact carries"),
                          ("checked_on", "the day an operator confirmed the contact by calling")):
            value = r[col]
            if value and not _PARTIAL_DATE.match(value):
                bad(f'{col} "{value}" must be a date like 2025-03-14 (or 2025-03, or 2025): {what}; '
                    "put remarks in source_note")
            elif value and (partial_date(value) or date.min) > (today or date.today()) + timedelta(days=1):
                bad(f'{col} "{value}" is in the future; write {what}')
        only_for = _split(r.get("for", ""))
        for who in only_for:
            if who not in FOR_WHOM:
                bad(f'for "{who}" is unknown; use {", ".join(FOR_WHOM)} (separated by ";"), or leave it empty '
                    "when the service is for everyone")
        names = tuple((lang, r.get(f"name_{lang}", "")) for lang in NAME_LANGS if r.get(f"name_{lang}", ""))
        abouts = tuple((lang, r.get(f"about_{lang}", "")) for lang in NAME_LANGS if r.get(f"about_{lang}", ""))
        if r["status"] not in STATUSES:
            bad(f'status "{r["status"]}" is unknown; use one of: {", ".join(STATUSES)}.' + did_you_mean(r["status"], STATUSES))
        for msg in row_problems:
            problems.append(Problem(services.name, line, msg, where=sid))
        if row_problems:
            continue
        data.services.append(Service(
            id=sid, name=r["name"], kind=r["kind"], needs=frozenset(needs), scope=r["scope"],
            area=tuple(area), phones=tuple(phones), email=r["email"], hours=hours, free=flags["free"],
            anonymous=flags["anonymous"], languages=tuple(langs), accessible=tuple(accessible),
            involvement=involvement, address=r["address"],
            confidential=bool(flags["confidential"]), source_url=r["source_url"],
            source_date=r["source_date"], checked_on=r["checked_on"], status=r["status"], order=order,
            names=names, abouts=abouts, only_for=tuple(only_for), source_note=r.get("source_note", ""),
            source_quote=r.get("source_quote", ""),
        ))
    return data, problems


def _load_settlements(rows: _Rows, by_id: dict, data: RegisterData, problems: list[Problem]) -> None:
    for line, r in rows.rows:
        places = tuple(p.strip() for p in r["municipalities"].split(";") if p.strip())
        unknown = [p for p in places if p not in by_id]
        if not r["name"]:
            problems.append(Problem(rows.name, line, "name is empty; fill it or delete the row"))
        elif not places:
            problems.append(Problem(rows.name, line, f'"{r["name"]}" needs municipalities: one place id from '
                                    "places.csv, or several separated by ; (asked as \"which one?\")"))
        elif unknown:
            problems.append(Problem(rows.name, line, f'municipality "{unknown[0]}" is not an id in places.csv.'
                                    + did_you_mean(unknown[0], by_id)))
        elif r["method"] not in SETTLEMENT_METHODS:
            problems.append(Problem(rows.name, line, f'method "{r["method"]}" must be one of '
                                    + ", ".join(SETTLEMENT_METHODS)))
        elif not r["source"]:
            problems.append(Problem(rows.name, line, f'"{r["name"]}" needs a source (where it says which '
                                    "municipality the settlement belongs to)"))
        elif r["method"] == "which-one" and len(places) < 2:
            problems.append(Problem(rows.name, line, 'method "which-one" needs two or more municipalities; '
                                    'with one, write "source" (and where it is written) or "nearest-seat"'))
        else:
            data.settlements += [(n, places, False) for n in (r["name"], r["name_cyrl"]) if n]
            data.settlements += [(n.strip(), places, True) for n in r["other_names"].split(";") if n.strip()]


# --- SQLite ----------------------------------------------------------------------------------

SCHEMA = """
CREATE TABLE places (id TEXT PRIMARY KEY, name_latn TEXT NOT NULL, name_cyrl TEXT NOT NULL,
  district TEXT NOT NULL, province TEXT NOT NULL, in_kosovo INTEGER NOT NULL, lat REAL, lon REAL,
  population INTEGER, name_en TEXT NOT NULL DEFAULT '');
CREATE TABLE aliases (alias TEXT NOT NULL, place TEXT NOT NULL REFERENCES places(id));
CREATE TABLE settlements (name TEXT NOT NULL, places TEXT NOT NULL, other INTEGER NOT NULL);
CREATE TABLE services (id TEXT PRIMARY KEY, ord INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  scope TEXT NOT NULL, email TEXT, hours TEXT, free INTEGER, anonymous INTEGER, languages TEXT,
  accessible TEXT, involvement TEXT NOT NULL, address TEXT, confidential INTEGER NOT NULL, source_url TEXT,
  source_date TEXT, checked_on TEXT, status TEXT NOT NULL, only_for TEXT, source_note TEXT, source_quote TEXT);
CREATE TABLE service_texts (service TEXT NOT NULL REFERENCES services(id), lang TEXT NOT NULL,
  field TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE service_needs (service TEXT NOT NULL REFERENCES services(id), need TEXT NOT NULL);
CREATE TABLE service_areas (service TEXT NOT NULL REFERENCES services(id), area TEXT NOT NULL, pos INTEGER);
CREATE TABLE phones (service TEXT NOT NULL REFERENCES services(id), number TEXT NOT NULL, type TEXT NOT NULL, pos INTEGER);
CREATE INDEX service_needs_need ON service_needs(need);
"""


def _hours_text(h: Hours | None) -> str | None:
    if h is None:
        return None
    if h.always:
        return "24/7"
    return "; ".join(
        f"{d[0].title()}{'-' + d[-1].title() if len(d) > 1 else ''} {a:%H:%M}-{b:%H:%M}" for d, a, b in h.spans
    )


def build_database(data: RegisterData, db_path: Path) -> None:
    """Write the register to a new file next to `db_path`, then rename it over: all or nothing."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".register-", suffix=".sqlite3", dir=db_path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.executescript(SCHEMA)
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                            [(p.id, p.name_latn, p.name_cyrl, p.district, p.province, p.in_kosovo, p.lat, p.lon,
                              p.population, p.name_en)
                             for p in data.places])
            con.executemany("INSERT INTO aliases VALUES (?,?)", data.aliases)
            con.executemany("INSERT INTO settlements VALUES (?,?,?)",
                            [(n, ";".join(ps), other) for n, ps, other in data.settlements])
            for s in data.services:
                con.execute("INSERT INTO services VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                    s.id, s.order, s.name, s.kind, s.scope, s.email, _hours_text(s.hours), s.free, s.anonymous,
                    ";".join(s.languages), ";".join(s.accessible), s.involvement, s.address, s.confidential, s.source_url,
                    s.source_date,
                    s.checked_on, s.status, ";".join(s.only_for), s.source_note, s.source_quote))
                con.executemany("INSERT INTO service_texts VALUES (?,?,?,?)",
                                [(s.id, lang, "name", t) for lang, t in s.names]
                                + [(s.id, lang, "about", t) for lang, t in s.abouts])
                con.executemany("INSERT INTO service_needs VALUES (?,?)", [(s.id, n) for n in sorted(s.needs)])
                con.executemany("INSERT INTO service_areas VALUES (?,?,?)", [(s.id, a, i) for i, a in enumerate(s.area)])
                con.executemany("INSERT INTO phones VALUES (?,?,?,?)",
                                [(s.id, p.number, p.type, i) for i, p in enumerate(s.phones)])
        con.close()
        os.replace(tmp, db_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two seats (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# How many services the first screen of an answer lists: the best local or nearby ones, then the
# national lines that fit; the rest are behind "More". Together with the compact entries this keeps
# every answer within ANSWER_LIMIT characters (enforced by `python -m bot check`).
LOCAL_FIRST = 3
FIRST_MAX = 4


@dataclass(frozen=True)
class Pages:
    """An answer split for a phone: what the first screen lists, and what "More" adds."""
    first: Answer
    more: Answer

    @property
    def has_more(self) -> bool:
        return bool(self.more.local or self.more.nearby or self.more.national)


class Register:
    """The loaded register: places, aliases and services, queried in memory."""

    def __init__(self, data: RegisterData, nearby_km: float = 60.0,
                 caution_days: int = CAUTION_AFTER_DAYS, today=None):
        self.places = {p.id: p for p in data.places}
        self.aliases = list(data.aliases)
        self.settlements = list(data.settlements)
        self.services = sorted(data.services, key=lambda s: s.order)
        self.nearby_km = nearby_km
        self.caution_days = caution_days
        self.today = today or (lambda: datetime.now(BELGRADE).date())
        # Only a status hides a row (stale, not-working) — or having nothing a person can act on.
        self._shown = [s for s in self.services if s.shown]
        self._ranked = sorted(self._shown, key=lambda s: s.rank)

    def caution(self, s: Service) -> bool:
        return s.caution(self.today(), self.caution_days)

    @classmethod
    async def open(cls, db_path: Path, **kw) -> "Register":
        uri = f"file:{Path(db_path).resolve()}?mode=ro"
        async with aiosqlite.connect(uri, uri=True) as db:
            places = [Place(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9])
                      async for r in await db.execute("SELECT * FROM places ORDER BY rowid")]
            aliases = [(r[0], r[1]) async for r in await db.execute("SELECT alias, place FROM aliases ORDER BY rowid")]
            settlements = [(r[0], tuple(r[1].split(";")), bool(r[2])) async for r in await db.execute(
                "SELECT name, places, other FROM settlements ORDER BY rowid")]
            needs: dict[str, set[str]] = {}
            async for sid, need in await db.execute("SELECT service, need FROM service_needs"):
                needs.setdefault(sid, set()).add(need)
            areas: dict[str, list[str]] = {}
            async for sid, area in await db.execute("SELECT service, area FROM service_areas ORDER BY pos"):
                areas.setdefault(sid, []).append(area)
            phones: dict[str, list[Phone]] = {}
            async for sid, number, type_ in await db.execute("SELECT service, number, type FROM phones ORDER BY pos"):
                phones.setdefault(sid, []).append(Phone(number, type_))
            texts: dict[tuple[str, str], list[tuple[str, str]]] = {}
            async for sid, lang, fld, text in await db.execute(
                    "SELECT service, lang, field, text FROM service_texts ORDER BY rowid"):
                texts.setdefault((sid, fld), []).append((lang, text))
            services = []
            async for r in await db.execute(
                "SELECT id, ord, name, kind, scope, email, hours, free, anonymous, languages, address, "
                "confidential, source_url, source_date, checked_on, status, accessible, involvement, "
                "only_for, source_note, source_quote FROM services ORDER BY ord"
            ):
                services.append(Service(
                    id=r[0], order=r[1], name=r[2], kind=r[3], scope=r[4], email=r[5] or "",
                    hours=parse_hours(r[6]) if r[6] else None,
                    free=None if r[7] is None else bool(r[7]), anonymous=None if r[8] is None else bool(r[8]),
                    languages=tuple(_split(r[9] or "")), address=r[10] or "", confidential=bool(r[11]),
                    source_url=r[12] or "", source_date=r[13] or "", checked_on=r[14] or "", status=r[15],
                    accessible=tuple(_split(r[16] or "")), involvement=r[17],
                    needs=frozenset(needs.get(r[0], ())), area=tuple(areas.get(r[0], ())),
                    phones=tuple(phones.get(r[0], ())), only_for=tuple(_split(r[18] or "")),
                    source_note=r[19] or "", source_quote=r[20] or "",
                    names=tuple(texts.get((r[0], "name"), ())), abouts=tuple(texts.get((r[0], "about"), ())),
                ))
        return cls(RegisterData(places, aliases, services, settlements), **kw)

    def nearest_place(self, lat: float, lon: float, within_km: float = 50.0) -> str | None:
        """The municipality whose seat is nearest to a point, if any seat is within `within_km`."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        point = Place("", "", "", "", "", False, lat, lon)
        best = min(self.places.values(), key=lambda p: _distance_km(point, p), default=None)
        if best is None or _distance_km(point, best) > within_km:
            return None
        return best.id

    def lines(self, need: str) -> tuple[Service, ...]:
        """National services shown for a need, best first (confirmed, own source, fresher)."""
        return tuple(s for s in self._ranked if s.scope == "national" and need in s.needs)

    def listed(self, need: str) -> tuple[Service, ...]:
        """National services for a special list (`danger`, `danger-child`, `emergency`) in the operators' order."""
        return tuple(s for s in self._shown if s.scope == "national" and need in s.needs)

    def answer(self, need: str, place_id: str | None) -> Answer:
        """Everything that fits, ranked: local (own municipality, then covering), nearby by distance, national."""
        place = self.places.get(place_id) if place_id else None
        national = self.lines(need)
        if place is None:
            return Answer(None, national=national)
        candidates = [s for s in self._ranked if need in s.needs and s.scope != "national"]
        local = tuple(sorted((s for s in candidates if s.covers(place)), key=lambda s: (_breadth(s)[0], s.rank)))
        nearby: list[Nearby] = []
        for s in candidates:
            if s in local or s.scope != "municipality":
                continue
            seats = [self.places[a] for a in s.area if a in self.places]
            km, seat = min(((_distance_km(place, p), p) for p in seats), key=lambda t: t[0])
            if km <= self.nearby_km:
                nearby.append(Nearby(s, round(km), seat))
        nearby.sort(key=lambda n: (n.km, n.service.rank))
        return Answer(place, local=local, nearby=tuple(nearby), national=national)

    def pages(self, need: str, place_id: str | None) -> Pages:
        """The answer split for a phone: the best LOCAL_FIRST local-or-nearby services, then national
        lines up to FIRST_MAX entries (at least one), every number shown once; the rest behind "More"."""
        a = self.answer(need, place_id)  # the renderer caches the result
        seen: set[str] = set()

        def fresh(s: Service) -> bool:
            """Keep a service only if it adds a number (or, without phones, an e-mail) not shown yet."""
            numbers = {p.number for p in s.phones} or {s.email}
            new = numbers - seen
            seen.update(numbers)
            return bool(new)

        local = [s for s in a.local if fresh(s)]
        nearby = [n for n in a.nearby if fresh(n.service)]
        national = [s for s in a.national if fresh(s)]
        room = LOCAL_FIRST
        first_local, more_local = local[:room], local[room:]
        room = max(room - len(first_local), 0)
        first_nearby, more_nearby = nearby[:room], nearby[room:]
        room = max(FIRST_MAX - len(first_local) - len(first_nearby), 1)  # at least one national line
        first_nat, more_nat = national[:room], national[room:]
        return Pages(Answer(a.place, tuple(first_local), tuple(first_nearby), tuple(first_nat)),
                     Answer(a.place, tuple(more_local), tuple(more_nearby), tuple(more_nat)))

    def emergency_numbers(self) -> dict[str, str]:
        """{"police": ..., "ambulance": ...} for texts: the register's shown rows, else the compiled-in numbers."""
        from .fallback import EMERGENCY_NUMBERS
        out = dict(EMERGENCY_NUMBERS)
        for key, need in (("police", "report"), ("ambulance", "health")):
            for s in self._shown:
                if s.kind == "emergency" and s.phones and s.scope == "national" and need in s.needs:
                    out[key] = s.phones[0].number
                    break
        return out


def _breadth(s: Service) -> tuple[int, int]:
    """This municipality only, then several municipalities, then a district, then a province."""
    rank = {"municipality": 0 if len(s.area) == 1 else 1, "district": 2, "province": 3}.get(s.scope, 4)
    return rank, s.order


def load_register(data_dir: Path, db_path: Path) -> RegisterData:
    """Validate the CSV files and build the SQLite file; raise InvalidFiles listing every error."""
    data, problems = load_csv(data_dir)
    if errors(problems):
        raise InvalidFiles(problems)
    build_database(data, db_path)
    return data
