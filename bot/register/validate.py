"""Validation: the data folder's tables (or an import's) → `RegisterData` and every problem, each
with its file, line, row and the fix. Single cells follow the rules declared in `fields`; what is
checked here are the rules between cells and between tables (an area must be a place, a shelter has
no address, a contact needs its source).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..problems import InvalidFiles, Problem, did_you_mean, errors
from .fields import ALIASES, DATE_MEANING, ID, PLACES, SERVICES, SETTLEMENTS, Table, split
from .model import NAME_LANGS, PROVINCES, SETTLEMENT_METHODS, Place, RegisterData, Service, partial_date
from .tables import Rows, read_csv, require


def load_csv(data_dir: Path, given: dict[str, Rows] | None = None,
             today: date | None = None) -> tuple[RegisterData, list[Problem]]:
    """Read and validate the tables; `given` may replace any of them with imported rows
    ({"services": Rows(display name, header, [(line, row dict), ...]), ...})."""
    given = given or {}
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    data = RegisterData()

    def table(spec: Table) -> Rows:
        if spec.name in given:
            rows: Rows | None = Rows(*given[spec.name])
        else:
            rows, found = read_csv(data_dir / f"{spec.name}.csv", f"data/{spec.name}.csv")
            problems.extend(found)
        return require(rows, spec, problems)

    by_id = _places(table(PLACES), data, problems)
    _aliases(table(ALIASES), by_id, data, problems)
    if SETTLEMENTS.name in given or (data_dir / "settlements.csv").exists():  # optional: villages
        _settlements(table(SETTLEMENTS), by_id, data, problems)
    _services(table(SERVICES), by_id, data, problems, today or date.today())
    return data, problems


def load_register(data_dir: Path, db_path: Path) -> RegisterData:
    """Validate the CSV files and build the SQLite file; raise InvalidFiles listing every error."""
    from .store import build_database
    data, problems = load_csv(data_dir)
    if errors(problems):
        raise InvalidFiles(problems)
    build_database(data, db_path)
    return data


def _places(rows: Rows, data: RegisterData, problems: list[Problem]) -> dict[str, Place]:
    by_id: dict[str, Place] = {}
    for line, r in rows.rows:
        values, bad = PLACES.parse(r)
        pid = r.get("id", "")
        if not ID.fullmatch(pid):
            bad.insert(0, f'id "{pid}" must be lower-case letters, digits and "-"')
        elif pid in by_id:
            bad.insert(0, f'id "{pid}" is used twice; give each place its own id')
        if not r["name_latn"] or not r["name_cyrl"]:
            bad.append("name_latn and name_cyrl are both required")
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
            inside = 41.8 <= lat <= 46.3 and 18.8 <= lon <= 23.1
        except ValueError:
            inside = False
        if not inside:
            bad.append(f'lat/lon "{r["lat"]}, {r["lon"]}" are not coordinates inside Serbia (decimal degrees, '
                       "e.g. 44.80, 20.46)")
        problems.extend(Problem(rows.name, line, msg, where=pid) for msg in bad)
        if not inside or not ID.fullmatch(pid) or pid in by_id:
            continue  # other rows may still name it: only a place without an id or a seat is left out
        place = Place(pid, r["name_latn"], r["name_cyrl"], r["district"], values["province"] or "",
                      bool(values["in_kosovo"]), lat, lon, values["seat_population"], r.get("name_en", ""))
        by_id[place.id] = place
        data.places.append(place)
        data.aliases += [(place.name_latn, place.id), (place.name_cyrl, place.id)]
        if place.name_en:
            data.aliases.append((place.name_en, place.id))  # "Belgrade" typed finds Beograd
    return by_id


def _aliases(rows: Rows, by_id: dict[str, Place], data: RegisterData, problems: list[Problem]) -> None:
    for line, r in rows.rows:
        if r["place"] not in by_id:
            problems.append(Problem(rows.name, line, f'place "{r["place"]}" is not an id in places.csv.'
                                    + did_you_mean(r["place"], by_id)))
        elif not r["alias"]:
            problems.append(Problem(rows.name, line, "alias is empty; fill it or delete the row"))
        elif not r["source_url"]:
            problems.append(Problem(rows.name, line, f'alias "{r["alias"]}" needs a source_url (where the name is written)'))
        else:
            data.aliases.append((r["alias"], r["place"]))


def _settlements(rows: Rows, by_id: dict[str, Place], data: RegisterData, problems: list[Problem]) -> None:
    for line, r in rows.rows:
        places = tuple(split(r["municipalities"]))
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
            data.settlements += [(n, places, True) for n in split(r["other_names"])]


class _Areas:
    """What a service's `area` may name, by scope: municipalities (Latin name or id), districts, provinces."""

    def __init__(self, by_id: dict[str, Place]):
        self.by_id = by_id
        self.by_name = {p.name_latn: p.id for p in by_id.values()}
        self.districts = {p.district for p in by_id.values()}

    def check(self, scope: str | None, text: str, bad: list[str]) -> tuple[str, ...]:
        if scope is None:  # an unknown scope is already reported
            return ()
        if scope == "national":
            if text:
                bad.append("a national service has no area; empty the area cell")
            return ()
        if not text:
            bad.append(f"a {scope} service needs an area (which {scope}(s) it serves)")
            return ()
        area = []
        for a in split(text):
            if scope == "municipality":
                pid = self.by_name.get(a) or (a if a in self.by_id else None)
                if pid is None:
                    bad.append(f'area "{a}" is not a municipality in places.csv (write its Latin name).'
                               + did_you_mean(a, self.by_name))
                else:
                    area.append(pid)
            elif scope == "district":
                if a not in self.districts:
                    bad.append(f'area "{a}" is not a district in places.csv.' + did_you_mean(a, self.districts))
                area.append(a)
            else:
                if a not in PROVINCES:
                    bad.append(f'area "{a}" is not a province; use {", ".join(PROVINCES)}')
                area.append(a)
        return tuple(area)


def _services(rows: Rows, by_id: dict[str, Place], data: RegisterData, problems: list[Problem], today: date) -> None:
    areas = _Areas(by_id)
    seen: set[str] = set()
    for order, (line, r) in enumerate(rows.rows):
        v, bad = SERVICES.parse(r)
        sid = r["id"]
        if not ID.fullmatch(sid):
            bad.insert(0, f'id "{sid}" must be lower-case letters, digits and "-"')
        elif sid in seen:
            bad.insert(0, f'id "{sid}" is used twice; give each service its own id')
        seen.add(sid)
        if not r["name"]:
            bad.append("name is empty")
        if not split(r["needs"]):
            bad.append("needs is empty: name at least one need this service helps with")
        area = areas.check(v["scope"], r["area"], bad)
        if v["confidential"] and r["address"]:
            bad.append("a confidential service (a shelter) must not have an address; empty the address cell — "
                       "people reach it by phone")
        if r["kind"] == "shelter" and r["address"]:
            bad.append("shelters never show an address; empty the address cell and mark confidential = yes")
        if (v["phones"] or r["email"] or r["address"]) and not r["source_url"].startswith(("http://", "https://")):
            bad.append("source_url must say where the contact data was read (a web address starting with http)")
        for col, what in DATE_MEANING.items():
            if v[col] and (partial_date(v[col]) or date.min) > today + timedelta(days=1):
                bad.append(f'{col} "{v[col]}" is in the future; write {what}')
        problems.extend(Problem(rows.name, line, msg, where=sid) for msg in bad)
        if bad:
            continue
        data.services.append(Service(
            id=sid, name=r["name"], kind=v["kind"], needs=frozenset(v["needs"]), scope=v["scope"], area=area,
            phones=v["phones"], email=v["email"], hours=v["hours"], free=v["free"], anonymous=v["anonymous"],
            languages=v["languages"], accessible=v["accessible"], involvement=v["involvement"], address=r["address"],
            confidential=bool(v["confidential"]), source_url=r["source_url"], source_date=v["source_date"],
            checked_on=v["checked_on"], status=v["status"], order=order,
            names=tuple((lang, r[f"name_{lang}"]) for lang in NAME_LANGS if r.get(f"name_{lang}")),
            abouts=tuple((lang, r[f"about_{lang}"]) for lang in NAME_LANGS if r.get(f"about_{lang}")),
            only_for=v["for"], source_note=r.get("source_note", ""), source_quote=r.get("source_quote", ""),
        ))
