"""The register's records and the words its columns take: places, services, phones, hours, answers.

No I/O and no third-party imports: the engine's neighbours (renderer, checker) read these freely.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from zoneinfo import ZoneInfo

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

# How a settlement's municipality is known (settlements.csv `method`).
SETTLEMENT_METHODS = ("source", "nearest-seat", "which-one")


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


def partial_date(text: str) -> date | None:
    """`2025-03-14`, `2025-03` or `2025` → the earliest day it can mean (never flatter a row)."""
    if not text:
        return None
    y, m, d = (text.split("-") + ["1", "1"])[:3]
    return date(int(y), int(m), int(d))


@dataclass(frozen=True)
class Pages:
    """An answer split for a phone: what the first screen lists, and what "More" adds."""
    first: Answer
    more: Answer

    @property
    def has_more(self) -> bool:
        return bool(self.more.local or self.more.nearby or self.more.national)
