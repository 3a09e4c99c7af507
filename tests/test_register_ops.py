"""The register as operators keep it: hours and "open now", age rule, involvement, coverage,
atomic import, XLSX round-trip, HSDS export, todo, and the "number did not work" counter."""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from bot import engine, stats
from bot.register import CALLS, exchange, hsds, reports
from bot.engine import Press, Start
from bot.i18n import Texts
from bot.register import BELGRADE, Register, load_csv, load_register, parse_hours, parse_phone
from bot.render import Renderer

ROOT = Path(__file__).resolve().parent.parent


def _data(tmp_path: Path, services: list[dict] | None = None, **changes) -> Path:
    """A copy of data/ with services.csv replaced or some rows changed ({id: {column: value}})."""
    import shutil
    d = tmp_path / "data"
    shutil.copytree(ROOT / "data", d, dirs_exist_ok=True)
    with open(d / "services.csv", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    for r in rows:
        r.update(changes.get(r["id"], {}))
    rows = services if services is not None else rows
    with open(d / "services.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return d


async def _register(data_dir: Path, tmp_path: Path, **kw) -> Register:
    load_register(data_dir, tmp_path / "r.sqlite3")
    return await Register.open(tmp_path / "r.sqlite3", **kw)


# --- hours and open now ------------------------------------------------------------------------

def _at(y, m, d, hh, mm) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=BELGRADE)


@pytest.mark.parametrize("when,expected", [
    (_at(2026, 11, 30, 9, 0), (True, None)),             # Monday morning
    (_at(2026, 11, 30, 16, 0), (False, ("tue", "08:00"))),  # closes at 16:00 sharp
    (_at(2026, 12, 4, 18, 0), (False, ("sat", "09:00"))),   # Friday evening → Saturday
    (_at(2026, 12, 5, 13, 30), (False, ("mon", "08:00"))),  # Saturday after closing → Monday
    (_at(2026, 12, 6, 23, 59), (False, ("mon", "08:00"))),  # Sunday night
    (_at(2026, 11, 30, 7, 59), (False, ("mon", "08:00"))),  # later the same day
])
def test_open_now_and_next_opening(when, expected):
    h = parse_hours("Mon-Fri 08:00-16:00; Sat 09:00-13:00")
    is_open, nxt = h.status(when)
    assert (is_open, nxt and (nxt[0], f"{nxt[1]:%H:%M}")) == expected


def test_open_now_uses_belgrade_time_across_the_daylight_saving_change():
    """29 March 2026, 02:00 → 03:00 in Belgrade; 25 October 2026, 03:00 → 02:00. The same UTC instant
    is 08:30 local in summer but 07:30 in winter."""
    from datetime import timezone
    h = parse_hours("Mon-Fri 08:00-16:00")
    summer = datetime(2026, 3, 30, 6, 30, tzinfo=timezone.utc).astimezone(BELGRADE)  # Monday after the change
    winter = datetime(2026, 3, 23, 6, 30, tzinfo=timezone.utc).astimezone(BELGRADE)  # Monday before
    assert (summer.hour, winter.hour) == (8, 7)
    assert h.status(summer)[0] is True
    assert h.status(winter)[0] is False
    autumn = datetime(2026, 10, 26, 6, 30, tzinfo=timezone.utc).astimezone(BELGRADE)  # Monday after going back
    assert autumn.hour == 7 and h.status(autumn) == (False, ("mon", parse_hours("Mon 08:00-09:00").spans[0][1]))


@pytest.mark.parametrize("bad", ["Mon-Fri 8-16", "Fri-Mon 08:00-16:00", "Mon 16:00-08:00", "Mon 25:00-26:00",
                                 "Pon-Pet 08:00-16:00", ";"])
def test_bad_hours_are_refused_with_the_fix(bad):
    with pytest.raises(ValueError) as exc:
        parse_hours(bad)
    assert "Mon" in str(exc.value) or "time" in str(exc.value) or "empty" in str(exc.value)


async def test_the_answer_says_open_now_or_when_it_opens(tmp_path):
    d = _data(tmp_path, **{"iz-kruga-novi-sad": {"hours": "Mon-Fri 09:00-17:00", "checked_on": "2026-11-01"}})
    reg = await _register(d, tmp_path, today=lambda: date(2026, 11, 28))
    texts, _ = Texts.load(ROOT / "locales")
    clock = {"now": _at(2026, 11, 30, 10, 0)}
    r = Renderer(texts, reg, now=lambda: clock["now"])
    reply = engine.Reply("answer", {}, show=engine.Show("services", "talk", "novi-sad"))
    opened = r.render([reply], "en")[0].text
    assert texts.format("en", "open-now", {}) in opened
    clock["now"] = _at(2026, 11, 28, 12, 0)  # Saturday: the cache must not serve Monday's text
    closed = r.render([reply], "en")[0].text
    assert texts.format("en", "closed-now", {"day": texts.format("en", "day-mon", {}), "time": "09:00"}) in closed


# --- phones, involvement, accessibility, confidential -------------------------------------------

@pytest.mark.parametrize("raw,shown,kind", [
    ("011 785 00 00", "011 7850000", "voice"),
    ("+381 11 785 0000", "011 7850000", "voice"),
    ("011/785-00-00", "011 7850000", "voice"),
    ("whatsapp:064 861 69 53", "064 8616953", "whatsapp"),
    ("viber:064 861 69 53", "064 8616953", "viber"),
    ("116 000", "116 000", "voice"),
])
def test_phones_are_normalised_to_one_readable_form(raw, shown, kind):
    p = parse_phone(raw)
    assert (p.number, p.type) == (shown, kind)


def _rows_with(tmp_path, **row_changes):
    d = _data(tmp_path, **row_changes)
    return load_csv(d)


def test_involvement_and_accessible_are_validated(tmp_path):
    _, problems = _rows_with(tmp_path, **{"astra-sos": {"involvement": "sometimes", "accessible": "ramp"}})
    text = "\n".join(str(p) for p in problems)
    assert 'involvement "sometimes" is unknown' in text and "with-consent" in text
    assert 'accessible "ramp" is unknown' in text and "step-free" in text


def test_a_confidential_row_with_a_street_address_is_refused(tmp_path):
    _, problems = _rows_with(tmp_path, **{"sigurna-kuca-pancevo-pancevo": {"address": "Some street 1"}})
    assert any("confidential" in p.message and p.line for p in problems)


async def test_known_involvement_is_one_short_line_and_unknown_asks_to_check(tmp_path):
    d = _data(tmp_path, **{"iz-kruga-novi-sad": {"involvement": "with-consent", "accessible": "step-free"}})
    reg = await _register(d, tmp_path)
    texts, _ = Texts.load(ROOT / "locales")
    r = Renderer(texts, reg)
    text = r.render([engine.Reply("answer", {}, show=engine.Show("services", "talk", "novi-sad"))],
                    "en")[0].text
    assert texts.format("en", "involvement-with-consent", {}) in text
    assert texts.format("en", "access-step-free", {}) in text
    assert texts.format("en", "involvement-ask", {}) in text  # other listed services: unknown


# --- age: how a row is shown and ranked, never whether -------------------------------------------

async def test_age_adds_a_caution_but_never_hides_a_row_and_moves_with_the_date(tmp_path):
    d = _data(tmp_path, **{"astra-sos": {"checked_on": "2025-01-10"}})
    day = {"today": date(2026, 11, 28)}
    reg = await _register(d, tmp_path, today=lambda: day["today"])  # default caution: 730 days
    astra = next(s for s in reg.services if s.id == "astra-sos")
    assert [s.id for s in reg.listed("danger")][:3] == ["police-192", "ambulance-194", "astra-sos"]
    assert not reg.caution(astra)
    day["today"] = date(2027, 1, 11)  # 731 days after the call
    assert reg.caution(astra)
    assert "astra-sos" in [s.id for s in reg.listed("danger")]  # still shown, with "may have changed"
    day["today"] = date(2060, 1, 1)
    assert "astra-sos" in [s.id for s in reg.lines("talk")]


async def test_only_a_status_hides_a_row(tmp_path):
    d = _data(tmp_path, **{"atina": {"status": "not-working"}})
    reg = await _register(d, tmp_path, today=lambda: date(2026, 11, 28))
    ids = {s.id for s in reg._shown}
    assert "atina" not in ids  # an operator marked it not-working
    assert "zpn-sos-line" not in ids  # status stale
    assert "emergency-112" not in ids  # kept for operators, 112 is not operational (no number)
    assert "labour-inspection" in ids  # never called, an old source: shown, dated honestly
    assert {"police-192", "ambulance-194", "fire-193"} <= ids


async def test_confirmed_and_fresher_rows_rank_first(tmp_path):
    d = _data(tmp_path, **{"labour-inspection": {"checked_on": "2026-11-20"}})
    reg = await _register(d, tmp_path, today=lambda: date(2026, 12, 3))
    assert reg.lines("work")[0].id == "labour-inspection"  # confirmed by a call beats every source
    (tmp_path / "x").mkdir()
    plain = await _register(ROOT / "data", tmp_path / "x", today=lambda: date(2026, 12, 3))
    work = [s.id for s in plain.lines("work")]
    assert work.index("astra-sos") < work.index("labour-inspection")  # 2018-10 before 2018-02
    assert work.index("labour-inspection") < work.index("police-ukp")  # own source before a news item


async def test_the_answer_says_how_current_each_number_is(tmp_path):
    d = _data(tmp_path, **{"astra-sos": {"checked_on": "2026-11-20"}})
    reg = await _register(d, tmp_path, today=lambda: date(2026, 12, 3))
    texts, _ = Texts.load(ROOT / "locales")
    r = Renderer(texts, reg, now=lambda: _at(2026, 12, 3, 10, 0))
    by_id = {s.id: s for s in reg.services}
    confirmed = texts.format("en", "entry-confirmed", {"month": "Nov", "year": "2026"})
    assert r._dated(by_id["astra-sos"], "en") == "ℹ️ " + confirmed
    caution = texts.format("en", "entry-may-have-changed", {})
    assert r._dated(by_id["labour-inspection"], "en") == (
        "ℹ️ " + texts.format("en", "entry-public", {"year": "2018"}) + " · " + caution)
    assert texts.format("en", "entry-news", {"year": "2021"}) in r._dated(by_id["police-ukp"], "en")


def test_the_retired_age_setting_is_refused_at_start_with_its_replacement(monkeypatch):
    from bot.config import ConfigError, Settings
    monkeypatch.setenv("PUTOKAZ_STALE_AFTER_DAYS", "730")
    with pytest.raises(ConfigError) as err:
        Settings.from_env()
    assert "PUTOKAZ_STALE_AFTER_DAYS" in str(err.value) and "PUTOKAZ_CAUTION_AFTER_DAYS" in str(err.value)


# --- ranking ---------------------------------------------------------------------------------------

async def test_ranking_local_then_covering_then_nearest_by_distance_then_national(tmp_path):
    reg = await _register(ROOT / "data", tmp_path)
    a = reg.answer("shelter", "pancevo")  # the Pančevo shelter serves Pančevo and the municipalities it names
    assert a.local and a.local[0].id == "sigurna-kuca-pancevo-pancevo"
    kov = reg.answer("shelter", "kovacica")
    assert "sigurna-kuca-pancevo-pancevo" in [s.id for s in kov.local]  # covering counts as local
    ns = reg.answer("talk", "novi-sad")
    scopes = [s.scope for s in ns.local]
    assert scopes.index("municipality") < scopes.index("province")  # own municipality before Vojvodina-wide
    far = reg.answer("talk", "beocin")  # no local talk service: nearest ones, ordered by distance
    assert not [s for s in far.local if s.scope == "municipality"]
    kms = [n.km for n in far.nearby]
    assert kms == sorted(kms) and all(k <= 60 for k in kms)
    assert list(far.national) == sorted(far.national, key=lambda s: s.rank)  # confirmed, own source, fresher
    assert "astra-sos" in [s.id for s in far.national]


async def test_every_reference_row_is_in_the_register(tmp_path):
    reg = await _register(ROOT / "data", tmp_path)
    ids = {s.id for s in reg.services}
    assert {"emergency-112", "cim", "azc", "centar-za-devojke", "at-mreza", "bibija"} <= ids
    vojvodina = next(s for s in reg.services if s.id.startswith("mreza-sos-vojvodina"))
    assert (vojvodina.scope, vojvodina.area) == ("province", ("Vojvodina",))
    pancevo = next(s for s in reg.services if s.id == "sigurna-kuca-pancevo-pancevo")
    assert len(pancevo.area) > 1 and pancevo.confidential and not pancevo.address


# --- coverage -------------------------------------------------------------------------------------

async def test_coverage_counts_every_municipality_outside_kosovo_for_every_need(tmp_path):
    reg = await _register(ROOT / "data", tmp_path)
    cov = reports.coverage(reg)
    outside = sum(1 for p in reg.places.values() if not p.in_kosovo)
    total = sum(sum(c.values()) for c in cov.values())
    assert total == outside * 9 == 145 * 9
    novi_sad_district = reg.places["novi-sad"].district
    assert cov[(novi_sad_district, "talk")]["local"] >= 1
    text, nothing = reports.coverage_report(reg)
    assert nothing == 0 and f"total: {total} municipality-need pairs" in text
    # Years later nothing disappears: age only adds "may have changed".
    (tmp_path / "later").mkdir()
    old = await _register(ROOT / "data", tmp_path / "later", today=lambda: date(2040, 1, 1))
    text, nothing = reports.coverage_report(old)
    assert nothing == 0 and "may have changed" in text


# --- import ---------------------------------------------------------------------------------------

def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_services(path: Path, change) -> None:
    with open(ROOT / "data" / "services.csv", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    rows = change(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _workspace(tmp_path):
    d = _data(tmp_path)
    db = tmp_path / "var" / "register.sqlite3"
    load_register(d, db)
    return d, db


def test_a_bad_row_leaves_the_register_exactly_as_it_was(tmp_path):
    d, db = _workspace(tmp_path)
    before = (_sha(db), _sha(d / "services.csv"))
    new = tmp_path / "new.csv"

    def change(rows):
        rows[3]["phones"] = "785 00 00"  # line 5: no area code
        rows[5]["hours"] = "8-16"  # line 7
        rows[0]["name"] = "ASTRA SOS (edited)"
        return rows
    _write_services(new, change)
    result = exchange.import_file(new, d, db)
    lines = {p.line for p in result.problems if p.severity == "error"}
    assert lines == {5, 7} and not result.applied
    assert all(p.file == "new.csv" for p in result.problems)
    assert (_sha(db), _sha(d / "services.csv")) == before


def test_dry_run_shows_changes_and_changes_nothing(tmp_path):
    d, db = _workspace(tmp_path)
    before = (_sha(db), _sha(d / "services.csv"))
    new = tmp_path / "new.csv"

    def change(rows):
        rows[0]["checked_on"] = "2026-11-27"
        extra = dict(rows[1], id="new-line", name="New line")
        return [r for r in rows if r["id"] != "kirs"] + [extra]
    _write_services(new, change)
    result = exchange.import_file(new, d, db, dry_run=True)
    ch = result.changes["services"]
    assert (ch.added, ch.removed, ch.changed) == (["new-line"], ["kirs"], [("police-192", ["checked_on"])])
    assert (_sha(db), _sha(d / "services.csv")) == before
    applied = exchange.import_file(new, d, db)
    assert applied.applied and _sha(db) != before[0]
    data, problems = load_csv(d)
    assert not [p for p in problems if p.severity == "error"]
    assert "new-line" in {s.id for s in data.services} and "kirs" not in {s.id for s in data.services}


def test_xlsx_round_trip_keeps_every_value(tmp_path):
    d, db = _workspace(tmp_path)
    book = exchange.export_xlsx(d, tmp_path / "register.xlsx")
    from openpyxl import load_workbook
    wb = load_workbook(book)
    assert wb.sheetnames == ["services", "places", "aliases"]
    assert wb["services"]["A1"].comment is not None  # header notes for operators
    result = exchange.import_file(book, d, db, dry_run=True)
    assert not [p for p in result.problems if p.severity == "error"]
    assert all(not ch for ch in result.changes.values()), result.changes
    # An edit made in the spreadsheet arrives; a number typed as a number (leading 0 lost) is refused.
    ws = wb["services"]
    col = [c.value for c in ws[1]].index("phones") + 1
    ws.cell(row=2, column=col).value = 117850000
    wb.save(tmp_path / "edited.xlsx")
    bad = exchange.import_file(tmp_path / "edited.xlsx", d, db)
    assert not bad.applied
    assert any(p.line == 2 and "area code" in p.message and "[services]" in p.file for p in bad.problems)


# --- HSDS -------------------------------------------------------------------------------------------

UUID = {"type": "string", "format": "uuid",
        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}


def _obj(required, **props):
    return {"type": "object", "required": list(required), "properties": props}


# The shapes HSDS 3.0 requires (Open Referral schema/simple/schema.csv: required fields, uuid ids, enums).
HSDS_SERVICE = _obj(
    ["id", "name", "status"], id=UUID, organization_id=UUID, name={"type": "string", "minLength": 1},
    status={"enum": ["active", "inactive", "defunct", "temporarily closed"]},
    email={"type": "string", "format": "email"}, assured_date={"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    organization=_obj(["id", "name", "description"], id=UUID, name={"type": "string"}),
    phones={"type": "array", "items": _obj(["id", "number"], id=UUID, service_id=UUID, number={"type": "string"},
                                           type={"enum": ["text", "voice", "fax", "cell", "video", "pager",
                                                          "textphone"]})},
    schedules={"type": "array", "items": _obj(["id"], id=UUID, freq={"enum": ["WEEKLY", "MONTHLY"]},
                                              byday={"type": "string",
                                                     "pattern": r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$"},
                                              opens_at={"type": "string", "pattern": r"^\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"})},
    languages={"type": "array", "items": _obj(["id"], id=UUID, code={"type": "string"})},
    service_areas={"type": "array", "items": _obj(["id"], id=UUID)},
    service_at_locations={"type": "array", "items": _obj(
        ["id"], id=UUID, location=_obj(["id", "location_type"], id=UUID,
                                       location_type={"enum": ["physical", "postal", "virtual"]},
                                       addresses={"type": "array", "items": _obj(
                                           ["id", "address_1", "city", "state_province", "postal_code", "country",
                                            "address_type"], id=UUID)}))},
)


async def test_hsds_export_matches_the_hsds_shapes(tmp_path):
    reg = await _register(ROOT / "data", tmp_path)
    files = hsds.export_hsds(reg, tmp_path / "hsds")
    names = {f.name for f in files}
    assert {"organization.csv", "service.csv", "location.csv", "phone.csv", "schedule.csv", "language.csv",
            "service_area.csv", "services.json"} <= names
    services = json.loads((tmp_path / "hsds" / "services.json").read_text())
    assert len(services) == len(reg.services)
    checker = jsonschema.Draft202012Validator(HSDS_SERVICE, format_checker=jsonschema.FormatChecker())
    for s in services:
        checker.validate(s)
    astra = next(s for s in services if s["alternate_name"] == "astra-sos")
    # assured_date is the day an operator confirmed it by calling: never the source's date
    assert "assured_date" not in astra and astra["phones"][0]["number"] == "011 7850000"
    # Confidential places never get a location; stale rows are exported as inactive.
    pancevo = next(s for s in services if s["alternate_name"] == "sigurna-kuca-pancevo-pancevo")
    assert pancevo["service_at_locations"] == []
    assert next(s for s in services if s["alternate_name"] == "zpn-sos-line")["status"] == "inactive"
    ids = [r["id"] for r in csv.DictReader(open(tmp_path / "hsds" / "phone.csv", encoding="utf-8"))]
    assert len(ids) == len(set(ids))


# --- todo and the "number did not work" counter ----------------------------------------------------

async def test_a_tap_on_a_number_that_did_not_work_counts_only_service_and_month(core, tmp_path):
    counter = stats.DemandCounter(tmp_path / "s.sqlite3", {p.district for p in core.register.places.values()},
                                  core.texts.languages, today=lambda: date(2026, 11, 28),
                                  services=[s.id for s in core.register.services])
    core = replace(core, demand=counter)  # Core is frozen: a copy that counts
    s, _ = core.step(None, Start("en"))
    for data in ("danger|no", "need|talk", "town|skip"):
        s, _ = core.step(s, Press(data))
    assert s.screen == "answer"
    s, out = core.step(s, Press("answer|failed"))
    shown = s.offered  # what the "which number?" screen listed: people who saw it press from it
    labels = [b[0] for row in out[-1].buttons for b in row]
    listed = core.world.services("talk", None)
    by_id = {s.id: s for s in core.register.services}
    assert labels[: len(listed)] == [core.renderer.service_name(by_id[sid], "en") for sid, _ in listed]
    s, out = core.step(s, Press("broken|=0"))
    assert s.screen == "broken-thanks"
    s, _ = core.step(s, Press("broken-thanks|list"))
    assert s.screen == "answer"
    await counter.flush(final=True)
    assert not (tmp_path / "s.sqlite3").exists()  # one tap is under 3: never written
    for _ in range(2):  # two more people say the same number did not work: 2, still under 3
        s, _ = core.step(replace(s, screen="broken", offered=shown), Press("broken|=0"))
    await counter.flush()
    assert not (tmp_path / "s.sqlite3").exists()
    s, _ = core.step(replace(s, screen="broken", offered=shown), Press("broken|=0"))  # the third this month
    await counter.flush()
    import sqlite3
    con = sqlite3.connect(tmp_path / "s.sqlite3")
    assert con.execute("SELECT * FROM did_not_work").fetchall() == [("2026-11", listed[0][0], 3)]
    cols = [r[1] for r in con.execute("PRAGMA table_info(did_not_work)")]
    assert cols == ["month", "service", "count"]  # (month, service id): nothing about a person
    assert await stats.read_failed(tmp_path / "s.sqlite3") == {listed[0][0]: 3}
    reg = core.register
    report = reports.todo(reg, {listed[0][0]: 1}, date(2026, 11, 28))
    first = report.splitlines()[1]  # reported numbers come first, with their count
    assert f"({listed[0][0]};" in first and "[1 did not work]" in first
    # A forged position is a stale button, not a count.
    s, out = core.step(replace(s, screen="broken"), Press("broken|=99"))
    assert s.screen == "broken" and not counter.pending_failed


async def test_todo_ranks_calls_by_what_a_confirmation_improves_with_failed_numbers_first(tmp_path):
    reg = await _register(ROOT / "data", tmp_path)
    calls = reports.calls(reg, {"labour-inspection": 4}, date(2026, 12, 3))
    assert calls[0].service.id == "labour-inspection" and calls[0].failed == 4  # reported first, counted
    rest = calls[1:]
    assert [(c.pairs, c.people) for c in rest] == sorted(((c.pairs, c.people) for c in rest), reverse=True)
    assert rest[0].service.id == "astra-sos"  # every need in every municipality
    text = reports.todo(reg, {"labour-inspection": 4}, date(2026, 12, 3))
    first = text.splitlines()[1]
    assert "0800 300307" in first and "[4 did not work]" in first
    gaps = reports.municipalities_without_local(reg)
    pops = [p.population or 0 for p in gaps]
    assert pops == sorted(pops, reverse=True) and gaps and not any(p.in_kosovo for p in gaps)
    assert "novi-sad" not in {p.id for p in gaps}


async def test_the_call_sheet_goes_out_and_comes_back_through_import(tmp_path):
    from openpyxl import load_workbook
    d = _data(tmp_path)
    db = tmp_path / "db.sqlite3"
    reg = await _register(d, tmp_path)
    out = reports.calls_xlsx(reg, {}, date(2026, 12, 3), tmp_path / "calls.xlsx")
    wb = load_workbook(out)
    ws = wb["calls"]
    header = [c.value for c in ws[1]]
    assert header == list(CALLS.names)
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    col = {h: i for i, h in enumerate(header)}
    rows["astra-sos"][col["confirmed"]].value = "yes"
    rows["astra-sos"][col["call_date"]].value = "2026-12-02"
    rows["astra-sos"][col["hours"]].value = "Mon-Fri 10:00-18:00"
    rows["atina"][col["confirmed"]].value = "no"
    rows["atina"][col["call_date"]].value = "2026-12-02"
    wb.save(out)
    result = exchange.import_file(out, d, db)
    assert result.applied, [str(p) for p in result.problems]
    new = {r["id"]: r for r in csv.DictReader(open(d / "services.csv", encoding="utf-8"))}
    assert (new["astra-sos"]["checked_on"], new["astra-sos"]["hours"]) == ("2026-12-02", "Mon-Fri 10:00-18:00")
    assert new["atina"]["status"] == "not-working"
    assert "did not work when called on 2026-12-02" in new["atina"]["notes"]
    # A mistake in the sheet names the sheet, row and fix, and changes nothing.
    before = (d / "services.csv").read_bytes()
    wb = load_workbook(out)
    ws = wb["calls"]
    ws.cell(row=2, column=col["confirmed"] + 1).value = "maybe"
    ws.cell(row=2, column=col["call_date"] + 1).value = "2026-12-02"
    wb.save(out)
    result = exchange.import_file(out, d, db)
    assert not result.applied and (d / "services.csv").read_bytes() == before
    msg = next(p for p in result.problems if p.severity == "error")
    assert msg.line == 2 and "[calls]" in msg.file and "yes or no" in msg.message


def test_check_on_the_shipped_settings_guarantees_a_fitting_number_everywhere():
    """`python -m bot check` as CI runs it: today's date, the shipped settings, nothing pinned."""
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUTOKAZ_")}
    r = subprocess.run([sys.executable, "-m", "bot", "check"], cwd=ROOT, capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:]
    figures = [line for line in r.stdout.splitlines() if line.startswith("answers ")]
    assert len(figures) == 2  # today and a year from now
    for line in figures:
        got, _, rest = line.split(": ", 1)[1].partition(" of ")
        assert got == rest.split()[0] == "1305", line
        assert int(line.rsplit("longest first screen ", 1)[1].split()[0]) <= 800
    lines = [line for line in r.stdout.splitlines() if "not confirmed by a call yet" in line]
    assert len(lines) == 1 and lines[0].startswith("data/services.csv: warning:")


def test_check_fails_when_a_pair_would_get_nothing(copy_tree):
    import os
    import subprocess
    import sys
    settings = copy_tree()
    path = settings.data_dir / "services.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    for r in rows:  # take the trafficking line away: many needs are left with no fitting number
        if r["id"] == "astra-sos":
            r["status"] = "not-working"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUTOKAZ_")}
    env.update(PUTOKAZ_DATA_DIR=str(settings.data_dir))
    r = subprocess.run([sys.executable, "-m", "bot", "check"], cwd=ROOT, capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 1
    assert "get no number that fits the need today" in r.stdout and "get no number that fits the need in a year" in r.stdout


def test_spreadsheets_are_parsed_through_defusedxml():
    """openpyxl uses defusedxml when it is installed (a dependency): an imported XLSX cannot be an XML
    bomb or pull in external entities."""
    import openpyxl.xml
    assert openpyxl.xml.DEFUSEDXML is True
