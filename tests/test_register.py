"""The register: field parsers, validation with file and line, SQLite build, answers."""
from __future__ import annotations

import csv
import sqlite3
from datetime import time
from pathlib import Path

import pytest

from bot.problems import InvalidFiles
from bot.register import Register, load_csv, load_register, parse_hours, parse_phone

ROOT = Path(__file__).resolve().parent.parent


def test_hours_parse():
    h = parse_hours("Mon-Fri 08:00-16:00; Sat 09:00-13:00")
    assert h.spans[0] == (("mon", "tue", "wed", "thu", "fri"), time(8), time(16))
    assert h.spans[1] == (("sat",), time(9), time(13))
    assert parse_hours("24/7").always


@pytest.mark.parametrize("bad", ["weekdays 10-20", "Mon-Fri 8-16", "Fri-Mon 08:00-16:00", "Mon 16:00-08:00",
                                 "Mon 25:00-26:00", "Xyz 08:00-09:00", ";"])
def test_hours_refuse_bad_forms(bad):
    with pytest.raises(ValueError):
        parse_hours(bad)


def test_phones():
    assert parse_phone("011 785 00 00").number == "011 7850000"
    assert parse_phone("024/715-810").number == "024 715810"
    assert parse_phone("sms:066 88 93 227").type == "sms"
    assert parse_phone("192").number == "192"
    assert parse_phone("116 111").number == "116 111"


@pytest.mark.parametrize("bad,why", [
    ("112", "not operational"),
    ("2650-329", "area code"),      # printed without the Belgrade area code: never guessed
    ("011 12", "not a valid"),
    ("call 011 785 00 00", "not a phone number"),
    ("fax:011 785 00 00", "phone type"),
])
def test_phones_refused_with_the_reason(bad, why):
    with pytest.raises(ValueError, match=why):
        parse_phone(bad)


def test_real_register_is_valid_and_complete():
    data, problems = load_csv(ROOT / "data")
    assert [p for p in problems if p.severity == "error"] == []
    assert len(data.places) == 174
    assert sum(p.in_kosovo for p in data.places) == 29
    ids = {s.id for s in data.services}
    assert {"police-192", "ambulance-194", "fire-193", "astra-sos", "nadel-116111"} <= ids
    # 112 is never in the register
    assert not any(p.number.replace(" ", "") == "112" for s in data.services for p in s.phones)
    # every shown row has a source and a date or dated source
    for s in data.services:
        if s.shown:
            assert s.source_url.startswith("http") and (s.checked_on or s.source_date or s.source_note), s.id
    # shelters never carry an address
    assert all(not s.address for s in data.services if s.kind == "shelter")


def _rewrite(path: Path, row_id: str, **changes):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    for r in rows:
        if r["id"] == row_id:
            r.update(changes)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return next(i for i, r in enumerate(rows) if r["id"] == row_id) + 2  # line number


@pytest.mark.parametrize("changes,words", [
    ({"phones": "112"}, "112 is not operational"),
    ({"phones": "2650-329"}, "no area code"),
    ({"hours": "weekdays 10-20"}, "hours"),
    ({"needs": "shelterr"}, 'Did you mean "shelter"'),
    ({"kind": "ngoo"}, 'Did you mean "ngo"'),
    ({"scope": "municipality", "area": "Nis"}, 'Did you mean "Niš"'),
    ({"status": "verifed"}, 'Did you mean "verified"'),
    ({"source_url": ""}, "source_url"),
    ({"checked_on": "yesterday"}, "checked_on"),
    ({"free": "maybe"}, "free"),
    ({"languages": "serbian"}, "ISO 639"),
    ({"confidential": "yes", "address": "Street 1"}, "must not have an address"),
])
def test_each_rule_names_file_line_and_fix(copy_tree, changes, words):
    settings = copy_tree()
    line = _rewrite(settings.data_dir / "services.csv", "astra-sos", **changes)
    _, problems = load_csv(settings.data_dir)
    errs = [p for p in problems if p.severity == "error"]
    assert errs, changes
    assert any(words in p.message for p in errs), [p.message for p in errs]
    assert all(p.file == "data/services.csv" and p.line == line and p.where == "astra-sos" for p in errs)


def test_unknown_alias_place_and_missing_column(copy_tree):
    settings = copy_tree()
    with open(settings.data_dir / "aliases.csv", "a", encoding="utf-8") as fh:
        fh.write("nowhere,Nowhere,en,test,http://x,\n")
    text = (settings.data_dir / "places.csv").read_text(encoding="utf-8").replace("name_cyrl", "name_cyr", 1)
    (settings.data_dir / "places.csv").write_text(text, encoding="utf-8")
    _, problems = load_csv(settings.data_dir)
    msgs = [str(p) for p in problems]
    assert any("data/places.csv:1" in m and "name_cyrl" in m for m in msgs)
    assert any("data/aliases.csv:" in m and '"nowhere"' in m for m in msgs)


def test_broken_register_changes_nothing(copy_tree):
    settings = copy_tree()
    load_register(settings.data_dir, settings.db_path)
    before = settings.db_path.read_bytes()
    _rewrite(settings.data_dir / "services.csv", "astra-sos", phones="112")
    with pytest.raises(InvalidFiles) as exc:
        load_register(settings.data_dir, settings.db_path)
    line = next(i for i, row in enumerate(open(settings.data_dir / "services.csv", encoding="utf-8"), start=1)
                if row.startswith("astra-sos,"))
    assert f"data/services.csv:{line} [astra-sos]" in str(exc.value)
    assert settings.db_path.read_bytes() == before
    assert [p.name for p in settings.db_path.parent.iterdir() if p.name.startswith(".register-")] == []


async def test_sqlite_round_trip(settings):
    data = load_register(settings.data_dir, settings.db_path)
    with sqlite3.connect(settings.db_path) as con:
        assert con.execute("SELECT count(*) FROM places").fetchone()[0] == 174
        assert con.execute("SELECT count(*) FROM services").fetchone()[0] == len(data.services)
    reg = await Register.open(settings.db_path)
    assert {s.id: s for s in reg.services} == {s.id: s for s in data.services}


async def test_answer_orders_local_nearby_national(core):
    a = core.register.answer("talk", "nis")
    assert [s.id for s in a.local] == ["udruzenje-romkinja-osvit-nis"]
    assert all(n.km <= 60 for n in a.nearby)
    assert [n.km for n in a.nearby] == sorted(n.km for n in a.nearby)
    assert a.national and all(s.scope == "national" for s in a.national)
    # a province-wide service counts as local everywhere in Vojvodina
    b = core.register.answer("talk", "senta")
    assert "mreza-sos-vojvodina-" in [s.id for s in b.local]
    # stale rows and rows with no contact are never shown
    for need in ("shelter", "talk", "unsure", "health", "report", "child", "legal", "work", "foreigner"):
        for place in ("beograd", "kragujevac", "leskovac", "knic", None):
            ans = core.register.answer(need, place)
            shown = list(ans.local) + [n.service for n in ans.nearby] + list(ans.national)
            assert all(s.status in ("verified", "secondary") and s.phones for s in shown)


async def test_emergency_lines_in_order(core):
    assert sorted(s.phones[0].number for s in core.register.lines("emergency")) == ["192", "193", "194"]
    # the danger screen: 192 and 194 first, then the trafficking line and the MUP's 24-hour line
    assert [s.id for s in core.register.listed("danger")] == ["police-192", "ambulance-194", "astra-sos",
                                                              "mup-line-0800-100-600"]
    assert [s.id for s in core.register.listed("danger-child")] == ["nadel-116111"]


# --- the tables declared once (bot/register/fields.py) and the one reader (bot/register/tables.py) ---


@pytest.mark.parametrize("name", ["services", "places", "aliases", "settlements"])
def test_every_column_of_the_shipped_files_is_declared(name):
    from bot.register import TABLES
    header = next(csv.reader((ROOT / "data" / f"{name}.csv").open(encoding="utf-8")))
    table = TABLES[name]
    assert set(header) <= set(table.names), set(header) - set(table.names)
    assert set(table.required) <= set(header)
    assert all(table.note(c) for c in header), [c for c in header if not table.note(c)]


def test_a_list_cell_reports_each_bad_item_and_keeps_the_good_ones():
    from bot.register import SERVICES
    values, bad = SERVICES.parse({"languages": "sr; xx ;hu;yy", "phones": "011 785 00 00;112", "free": "yes",
                                  "involvement": "", "hours": "", "kind": "ngo", "status": "verified"})
    assert values["languages"] == ("sr", "hu")
    assert [m.split('"')[1] for m in bad if m.startswith("language")] == ["xx", "yy"]
    assert values["phones"][0].number == "011 7850000" and len(values["phones"]) == 1
    assert any(m.startswith("phones: 112 is not operational") for m in bad)
    assert values["free"] is True and values["involvement"] == "unknown" and values["hours"] is None


def test_the_template_notes_are_the_declared_ones(tmp_path):
    from openpyxl import load_workbook

    from bot.register import SERVICES, exchange
    book = load_workbook(exchange.export_xlsx(ROOT / "data", tmp_path / "t.xlsx"))
    header = [c.value for c in book["services"][1]]
    assert header[:2] == ["id", "name"]
    for cell in book["services"][1]:
        assert cell.comment is not None and cell.comment.text == SERVICES.note(cell.value), cell.value


def test_the_reader_names_the_file_and_the_fix(tmp_path):
    from bot.register.tables import read_csv, read_source
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffid,name\r\nx,\"a, b\"\r\n".encode("utf-8"))
    rows, problems = read_csv(bom)
    assert problems == [] and rows is not None
    assert rows.header == ["id", "name"] and rows.rows == [(2, {"id": "x", "name": "a, b"})]
    latin = tmp_path / "services.csv"
    latin.write_bytes("id,name\nx,Niš\n".encode("cp1250"))
    rows, problems = read_csv(latin)
    assert rows is None and "UTF-8" in problems[0].message and problems[0].file == "services.csv"
    tables, problems = read_source(bom)
    assert tables == {} and problems[0].line == 1 and "matches no register table" in problems[0].message
    _, problems = read_csv(tmp_path / "gone.csv", "data/gone.csv")
    assert problems[0].file == "data/gone.csv" and "missing" in problems[0].message
