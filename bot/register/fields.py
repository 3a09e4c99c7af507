"""The register's tables, declared once: every column's name, whether a file must have it, what it
takes in operators' words (the spreadsheet template's header notes), and the rule that turns its cell
into a value. The reader checks headers against these, the validator applies the rules, import,
export and the template read the same declarations.

A rule is a function from the cell's text to a value that raises ValueError whose text is the fix;
a `many` column is a ";"-separated list whose items are checked one by one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any, Callable

import phonenumbers
from phonenumbers import shortnumberinfo

from ..problems import did_you_mean
from ..vocabulary import NEEDS, SPECIAL_NEEDS
from .model import (
    ACCESSIBLE, DAYS, FOR_WHOM, INVOLVEMENT, KINDS, LANGUAGES, NAME_LANGS, NOT_OPERATIONAL, PHONE_TYPES, PROVINCES,
    SCOPES, SETTLEMENT_METHODS, STATUSES, Hours, Phone,
)

Rule = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    name: str
    note: str = ""  # what the column takes, for the template's header note
    required: bool = True  # a file's header must name it (an older file without an optional one still reads)
    rule: Rule | None = None  # the cell → its value, or ValueError with the fix
    many: bool = False  # a ";"-separated list: the rule checks each item


@dataclass(frozen=True)
class Table:
    name: str  # also the file name (data/<name>.csv) and the spreadsheet sheet's name
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # what identifies a row, for an import's list of changes
    exchanged: bool = True  # imported and exported with `python -m bot register`

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def note(self, name: str) -> str:
        for c in self.columns:
            if c.name == name:
                return c.note or ("Required column." if c.required else "")
        return ""

    def parse(self, row: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
        """Apply every column's rule to a row: (values by column, one message per bad cell or item)."""
        values: dict[str, Any] = {}
        bad: list[str] = []
        for c in self.columns:
            if c.rule is None:
                continue
            text = row.get(c.name, "")
            if c.many:
                items = []
                for item in split(text):
                    try:
                        items.append(c.rule(item))
                    except ValueError as exc:
                        bad.append(str(exc))
                values[c.name] = tuple(items)
            else:
                try:
                    values[c.name] = c.rule(text)
                except ValueError as exc:
                    bad.append(str(exc))
                    values[c.name] = None
        return values, bad


# --- rules for single cells ---------------------------------------------------------------------

_HOURS_SPAN = re.compile(
    r"^(?P<d1>[A-Za-z]{3})(?:-(?P<d2>[A-Za-z]{3}))?\s+(?P<h1>\d{1,2}):(?P<m1>\d{2})-(?P<h2>\d{1,2}):(?P<m2>\d{2})$"
)
_PHONE_CHARS = re.compile(r"^\+?[\d /-]+$")
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ID = re.compile(r"[a-z0-9-]+")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")


def split(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


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


def hours_text(h: Hours | None) -> str | None:
    """Hours written back the way operators write them (the inverse of `parse_hours`)."""
    if h is None:
        return None
    if h.always:
        return "24/7"
    return "; ".join(
        f"{d[0].title()}{'-' + d[-1].title() if len(d) > 1 else ''} {a:%H:%M}-{b:%H:%M}" for d, a, b in h.spans
    )


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


def yes_no(text: str) -> bool | None:
    text = text.strip().lower()
    if text in ("", "unknown"):
        return None
    if text in ("yes", "no"):
        return text == "yes"
    raise ValueError('write "yes", "no", or leave the cell empty when the source does not say')


def labelled(label: str, rule: Rule) -> Rule:
    """The rule's message, preceded by the column's name ("phones: …")."""
    def check(text: str) -> Any:
        try:
            return rule(text)
        except ValueError as exc:
            raise ValueError(f"{label}: {exc}") from None
    return check


def optional(rule: Rule) -> Rule:
    """An empty cell means "not given" (None); anything else must pass the rule."""
    return lambda text: rule(text) if text else None


def one_of(label: str, choices: tuple[str, ...], *, many: bool = False, unknown: str = "is unknown",
           hint: str = "", default: str | None = None, suggest: bool = True) -> Rule:
    """A word from a fixed list; the message names the list and, if one is close, the likely word."""
    def check(text: str) -> str:
        if not text and default is not None:
            return default
        if text in choices:
            return text
        close = did_you_mean(text, choices) if suggest else ""
        raise ValueError(f'{label} "{text}" {unknown}; use {"any" if many else "one"} of: {", ".join(choices)}{hint}.'
                         + close)
    return check


def date_text(label: str, what: str) -> Rule:
    """`2025-03-14`, `2025-03` or `2025` (kept as written; `model.partial_date` reads it)."""
    def check(text: str) -> str:
        if text and not PARTIAL_DATE.match(text):
            raise ValueError(f'{label} "{text}" must be a date like 2025-03-14 (or 2025-03, or 2025): {what}; '
                             "put remarks in source_note")
        return text
    return check


def email(text: str) -> str:
    if text and not EMAIL.fullmatch(text):
        raise ValueError(f'email "{text}" is not an e-mail address')
    return text


def in_kosovo(text: str) -> bool:
    if text not in ("yes", "no"):
        raise ValueError('in_kosovo must be "yes" or "no"')
    return text == "yes"


def province(text: str) -> str:
    if text and text not in PROVINCES:
        raise ValueError(f'province "{text}" is unknown; use {", ".join(PROVINCES)} or leave it empty')
    return text


def whole_number(label: str) -> Rule:
    def check(text: str) -> int | None:
        if text and not text.isdigit():
            raise ValueError(f'{label} "{text}" must be a whole number (or empty)')
        return int(text) if text else None
    return check


# When a date column means what: the validator also refuses dates after tomorrow with these words.
DATE_MEANING = {
    "source_date": "the date the newest public source printing the contact carries",
    "checked_on": "the day an operator confirmed the contact by calling",
}
_LANG_LABELS = (("sr", "Serbian (Cyrillic is transliterated from it)"), ("en", "English"), ("sq", "Albanian"),
                ("rom", "Romani"))
assert tuple(code for code, _ in _LANG_LABELS) == NAME_LANGS

# --- the tables ---------------------------------------------------------------------------------

SERVICES = Table("services", key=("id",), columns=(
    Column("id", "Unique, lower-case letters, digits and -. Never reuse an id."),
    Column("name", "The service's own name, as it writes it."),
    *(Column(f"name_{code}", f"The short name shown in {label}; empty = Serbian, then the official name.",
             required=False) for code, label in _LANG_LABELS),
    *(Column(f"about_{code}", "A short description (at most 40 characters) after the name, in the same language.",
             required=False) for code, _ in _LANG_LABELS),
    Column("for", "women, children (or both, separated by ';') when the service is only for them; empty = everyone.",
           required=False, many=True,
           rule=one_of("for", FOR_WHOM, many=True, hint=' (separated by ";"), or leave it empty when the service is '
                       "for everyone", suggest=False)),
    Column("kind", "One of: " + ", ".join(KINDS) + ".", rule=one_of("kind", KINDS)),
    Column("needs", "Needs it helps with, separated by ';': " + ", ".join(NEEDS) + "; or "
           + ", ".join(SPECIAL_NEEDS) + ".", many=True, rule=one_of("need", NEEDS + SPECIAL_NEEDS, many=True)),
    Column("scope", "Where it serves: " + ", ".join(SCOPES) + ".", rule=one_of("scope", SCOPES, suggest=False)),
    Column("area", "municipality: Latin names separated by ';' · district: district names · province: "
           + ", ".join(PROVINCES) + " · national: empty."),
    Column("phones", "Numbers with area code, separated by ';'. Optional type before a colon: "
           + ", ".join(t for t in PHONE_TYPES if t != "voice") + " (e.g. 24h:0800 100 909). "
           "Keep this column formatted as Text so a leading 0 is not lost.",
           many=True, rule=labelled("phones", parse_phone)),
    Column("email", "One e-mail address, or empty.", rule=email),
    Column("hours", "e.g. Mon-Fri 08:00-16:00; Sat 09:00-13:00 — or 24/7 — or empty if the source does not say.",
           rule=optional(labelled("hours", parse_hours))),
    Column("free", "yes / no / empty (unknown).", rule=labelled("free", yes_no)),
    Column("anonymous", "yes / no / empty (unknown).", rule=labelled("anonymous", yes_no)),
    Column("languages", "ISO codes separated by ';' (sr, hu, rom, sq, en, ...).", many=True,
           rule=one_of("language", LANGUAGES, unknown="is not a known ISO 639 code here", suggest=False)),
    Column("accessible", "Any of: " + ", ".join(ACCESSIBLE) + " (separated by ';').", many=True,
           rule=one_of("accessible", ACCESSIBLE, many=True, hint=' (separated by ";")')),
    Column("involvement", "Does it inform the police or social work? " + ", ".join(INVOLVEMENT) + " (empty = unknown).",
           rule=one_of("involvement", INVOLVEMENT, default="unknown", hint=" (does the service inform the police or "
                       "social work?); leave empty if unknown")),
    Column("address", "Street address. Must stay empty for shelters and confidential rows."),
    Column("confidential", "yes for shelters and any place whose location must not be shown.",
           rule=labelled("confidential", yes_no)),
    Column("source_url", "Where the contact data was read (http...). Required when there is a phone or e-mail."),
    Column("source_date", "The date of the newest public source that prints the contact: YYYY-MM-DD, YYYY-MM or "
           "YYYY; empty when the source is undated. Remarks go in source_note.",
           rule=date_text("source_date", DATE_MEANING["source_date"])),
    Column("source_note", "Remarks about the source and its date, in words. Never shown to people.", required=False),
    Column("source_quote", "The exact words of the source that give the contact.", required=False),
    Column("checked_on", "YYYY-MM-DD: the day an operator confirmed the contact by calling. Empty until then — "
           "never the source's date. The answer then says 'confirmed by phone'.",
           rule=date_text("checked_on", DATE_MEANING["checked_on"])),
    Column("status", "verified (own source), secondary (a news item quotes it), stale (your decision: never shown), "
           "not-working (after a call that failed, or 'did not work' reports: never shown).",
           rule=one_of("status", STATUSES)),
    Column("notes", "Anything operators should know. Never shown to people."),
))

PLACES = Table("places", key=("id",), columns=(
    Column("id", "Unique place id. Changing it breaks links; add a new row instead."),
    Column("name_latn", "The official name in Latin script."),
    Column("name_cyrl", "The official name in Cyrillic script."),
    Column("name_en", "An English name where English uses another one (Beograd → Belgrade); else empty.",
           required=False),
    Column("kind", "What kind of local self-government unit it is (municipality, city, city municipality)."),
    Column("district", "The administrative district (okrug) it lies in."),
    Column("province", ", ".join(PROVINCES) + " or empty.", rule=province),
    Column("in_kosovo", "yes or no.", rule=in_kosovo),
    Column("lat", "Latitude of the seat, decimal degrees."),
    Column("lon", "Longitude of the seat, decimal degrees."),
    Column("code_rzs", "The statistical office's code of the unit.", required=False),
    Column("seat_population", "Population of the seat (GeoNames), used to rank gaps in `register todo`.",
           required=False, rule=whole_number("seat_population")),
    Column("source", "Where the row was read.", required=False),
    Column("coord_source", "Where the coordinates were read.", required=False),
    Column("note", "Anything operators should know.", required=False),
))

ALIASES = Table("aliases", key=("place", "alias"), columns=(
    Column("place", "A place id from places.csv."),
    Column("alias", "Another name people type for the place (minority language, old name, no diacritics)."),
    Column("language", "The language of the name (ISO code), if any."),
    Column("kind", "What kind of name it is (minority language, old name, spelling)."),
    Column("source_url", "Where this name is written."),
    Column("source_date", "The date of that source."),
))

# Villages and other settlements → the municipality (or, when unsure, the few) they may lie in.
SETTLEMENTS = Table("settlements", key=("name",), exchanged=False, columns=(
    Column("name", "The settlement's name in Latin script."),
    Column("name_cyrl", "Its name in Cyrillic script."),
    Column("other_names", "Other names (Hungarian, German, old names), separated by ';'."),
    Column("municipalities", "The place id it belongs to; several separated by ';' are asked as \"which one?\"."),
    Column("method", "How that is known: " + ", ".join(SETTLEMENT_METHODS) + "."),
    Column("lat", "Latitude, decimal degrees.", required=False),
    Column("lon", "Longitude, decimal degrees.", required=False),
    Column("source", "Where it says which municipality the settlement belongs to."),
    Column("source_date", "The date of that source."),
))

# The call sheet (`python -m bot register todo --xlsx`), filled in by an operator and imported back.
CALLS = Table("calls", key=("id",), exchanged=False, columns=(
    Column("id", "The service's id. Do not edit it."),
    Column("name", "The service's name."),
    Column("call", "The number (or e-mail) to try."),
    Column("pairs", "Municipality-need answers that list it."),
    Column("people", "People in those municipalities."),
    Column("reason", "Why it is on the list."),
    Column("confirmed", "After the call: yes (the number answered and is this service) or no (it did not work)."),
    Column("call_date", "The day you called, YYYY-MM-DD. Becomes checked_on (yes) or goes into notes (no)."),
    Column("hours", "Opening hours as the service told you, e.g. Mon-Fri 08:00-16:00, or 24/7. Empty = unchanged."),
    Column("call_notes", "Anything else worth knowing (added to the row's notes). Never a caller's name."),
))

TABLES = {t.name: t for t in (SERVICES, PLACES, ALIASES, SETTLEMENTS, CALLS)}
EXCHANGED = tuple(t for t in TABLES.values() if t.exchanged)  # services, places, aliases
# The columns an operator fills in on the call sheet (highlighted in the template).
CALL_FILLED = ("confirmed", "call_date", "hours", "call_notes")
