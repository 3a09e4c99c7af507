"""SQLite's role: the register's published form. At start (and at every hot reload) the validated
tables are written to a new SQLite file, renamed over the old one (all or nothing), then read back
once, read-only, into frozen records; no SQL runs while a person is answered. The file is what other
tools (and a second instance) can open; `bot.register.query` answers from memory.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import aiosqlite

from .fields import hours_text, parse_hours, split
from .model import Phone, Place, RegisterData, Service

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
                    s.id, s.order, s.name, s.kind, s.scope, s.email, hours_text(s.hours), s.free, s.anonymous,
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


async def read_database(db_path: Path) -> RegisterData:
    """The whole register from its SQLite file, opened read-only once."""
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
                languages=tuple(split(r[9] or "")), address=r[10] or "", confidential=bool(r[11]),
                source_url=r[12] or "", source_date=r[13] or "", checked_on=r[14] or "", status=r[15],
                accessible=tuple(split(r[16] or "")), involvement=r[17],
                needs=frozenset(needs.get(r[0], ())), area=tuple(areas.get(r[0], ())),
                phones=tuple(phones.get(r[0], ())), only_for=tuple(split(r[18] or "")),
                source_note=r[19] or "", source_quote=r[20] or "",
                names=tuple(texts.get((r[0], "name"), ())), abouts=tuple(texts.get((r[0], "about"), ())),
            ))
    return RegisterData(places, aliases, services, settlements)
