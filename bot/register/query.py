"""Answering from the register in memory: what fits a need in a municipality — its own services,
then those of nearby seats by distance, then the national lines — split into what a phone's first
screen lists and what "More" adds.
"""
from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

from .model import BELGRADE, CAUTION_AFTER_DAYS, Answer, Nearby, Pages, Place, RegisterData, Service
from .store import read_database


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two seats (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# How many services the first screen of an answer lists: the best local or nearby ones, then the
# national lines that fit; the rest are behind "More". Together with the compact entries this keeps
# every answer within ANSWER_LIMIT characters (enforced by `python -m bot check`).
LOCAL_FIRST = 3
FIRST_MAX = 4


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
        """The register from its SQLite file (read-only, once)."""
        return cls(await read_database(db_path), **kw)

    def nearest_place(self, lat: float, lon: float, within_km: float = 50.0) -> str | None:
        """The municipality whose seat is nearest to a point, if any seat is within `within_km`."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        point = Place("", "", "", "", "", False, lat, lon)
        best = min(self.places.values(), key=lambda p: distance_km(point, p), default=None)
        if best is None or distance_km(point, best) > within_km:
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
            km, seat = min(((distance_km(place, p), p) for p in seats), key=lambda t: t[0])
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
        from ..fallback import EMERGENCY_NUMBERS
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
