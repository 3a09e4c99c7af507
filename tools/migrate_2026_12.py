"""One-off: bring data/services.csv to the December 2026 shape and sources (issue 11).

Run once from the project root (it needs ../shared/reference, which the bot never reads):

    python tools/migrate_2026_12.py

What it does, and every judgement it makes:

* `checked_on` held the date the *source* carries, because nothing was dialled. That date moves to
  `source_date` (now a plain date: YYYY, YYYY-MM or YYYY-MM-DD, empty when the source is undated);
  the old free text about the source moves to `source_note`; `checked_on` is emptied everywhere.
  It is for the date an operator confirmed the number by calling, and nobody has yet.
* Names per language: `name_sr` (Serbian, Latin script; Cyrillic is transliterated from it),
  `name_en`, `name_sq`, `name_rom`, and short descriptions `about_<lang>`. The national lines'
  names move here from the `svc-name-*` Fluent messages. A local row's official name is split at
  " – " into a short name and a description, and an English gloss in brackets is dropped from the
  Serbian name (the English name keeps the official name).
* `for`: `women` and/or `children` where the service's own name or notes say it is only for them.
* `source_quote`: the exact words of the newest source, from the 2026-12 reference files.
* New and re-sourced rows from ../shared/reference/*-2026-12.csv (listed below, one judgement each).
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT.parent / "shared" / "reference"
LOCALES = ("sr-Latn", "en", "sq", "rom")
COL_LANG = {"sr-Latn": "sr", "en": "en", "sq": "sq", "rom": "rom"}

COLUMNS = (
    "id", "name", "name_sr", "name_en", "name_sq", "name_rom", "about_sr", "about_en", "about_sq", "about_rom",
    "for", "kind", "needs", "scope", "area", "phones", "email", "hours", "free", "anonymous", "languages",
    "accessible", "involvement", "address", "confidential", "source_url", "source_date", "source_note",
    "source_quote", "checked_on", "status", "notes",
)


def svc_names() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for tag in LOCALES:
        text = (ROOT / "locales" / tag / "main.ftl").read_text(encoding="utf-8")
        for m in re.finditer(r"^svc-name-(\S+) = (.+)$", text, re.M):
            out.setdefault(m[1], {})[COL_LANG[tag]] = m[2].strip()
    return out


def split_name(text: str) -> tuple[str, str]:
    """'ASTRA SOS line (trafficking and exploitation)' → name, about; 'Atina (NGO): support' too."""
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*:\s*(.+)$", text)
    if m:  # "Atina (NGO): support and safe housing"
        return f"{m[1]} ({m[2]})", m[3]
    m = re.match(r"^(.*?):\s*(.+)$", text)
    if m:
        return m[1], m[2]
    m = re.match(r"^(.*?)\s*\(([^)]*)\)$", text)
    if m:
        return m[1], m[2]
    return text, ""


ENGLISH_GLOSS = re.compile(r"\s*\((?=[^)]*\b(?:the|of|for|and|line|women|centre|center|national|network|"
                           r"urgent|shelter|hotline|Directorate|Centre|support|NGO|head)\b)[^)]*\)")


def serbian_short(name: str) -> tuple[str, str]:
    name = ENGLISH_GLOSS.sub("", name).strip()
    if " – " in name:
        head, _, rest = name.partition(" – ")
        return head.strip(), rest.strip()
    return name, ""


def for_whom(row: dict) -> str:
    text = f"{row['name']} {row['notes']}".lower()
    who = []
    if re.search(r"\bžen|\bromkinj|devojk|za žene|for women|women and girls|women survivors", text):
        who.append("women")
    if re.search(r"\bdeca\b|\bdecu\b|dečj|children|child helpline|mladih|missing children", text) and \
            not re.search(r"parents/guardians", text):
        who.append("children")
    return ";".join(who)


# Rows whose `for` the rule above would get wrong, decided by reading the row.
FOR_OVERRIDES = {
    "astra-sos": "", "centre-protection-trafficking": "", "atina": "", "kirs": "", "free-legal-aid": "",
    "gradski-centar-za-socijalni-rad-u-be-beograd": "", "azc": "women", "bibija": "women",
    "at-mreza": "women", "centar-za-devojke": "women", "astra-116000": "children", "nadel-116111": "children",
    "cim": "children", "udruzenje-roma-novi-becej-novi-becej": "women",
    # a line for women exposed to domestic violence *and* trafficking: women
    "sos-telefon-vranje-vranje": "women",
}

NEW_ROWS = [
    # MUP's 24-hour line: two independent sources (2020-03-16, and a 2023-or-later article). National,
    # free, 24 h, anonymous reports possible (same article). Fits danger and report; not "talk".
    dict(id="mup-line-0800-100-600", name="MUP – linija za prijavu nasilja u porodici",
         name_sr="MUP: linija za prijavu nasilja", name_en="Ministry of Interior: line for reporting violence",
         name_sq="MPB: linja për denoncimin e dhunës", name_rom="MUP: linija vaš prijava e nasiljaki",
         about_sr="besplatno, 24 sata", about_en="free, 24 hours", about_sq="falas, 24 orë",
         about_rom="bizo love, 24 sahatja",
         kind="police", needs="danger;report", scope="national", phones="0800 100 600", hours="24/7",
         free="yes", anonymous="yes",
         source_url="https://urbancityradio.org/mup-otvorio-telefonsku-liniju-za-prijavu-porodicnog-nasilja ; "
                    "https://informer.rs/amp/vesti/drustvo/500674/mup-i-dalje-postupa-u-slucajevima-nasilja-u-porodici-uprkos-vanrednom-stanju-popovic-ivkovic-prestanite-da-sirite-lazne-vesti",
         source_date="2023", source_note="urbancityradio undated (mentions police training 2017-2022, so 2023 or later); informer.rs 2020-03-16",
         source_quote="U Operativnom centru MUP-a Srbije otvorena je telefonska linija 0800 100 600, koja je besplatna i dostupna 24 časa",
         status="verified", notes="New in national-sources-2026-12.csv. Reports also possible via 192."),
    # Bosilegrad: the only source is an archived copy (about 2008-2016) of the municipality's site:
    # kept as stale (never shown) so that operators see it in `register todo` and can call it.
    dict(id="csr-bosilegrad", name="Centar za socijalni rad – Bosilegrad", name_sr="Centar za socijalni rad Bosilegrad",
         kind="social-work", needs="shelter;child;unsure", scope="municipality", area="Bosilegrad",
         phones="017 877 106",
         source_url="https://github.com/BorisBozilov/Obstina-Bosilegrad-Website/blob/3965462250b158bc7ed628368e54c63656fa8ea2/sr/Ustanove.aspx",
         source_date="2016", source_note="undated copy of the municipal site committed 2022-02-23; text about 2008-2016",
         source_quote="Телефон: + 381 (0)/17-877-106", status="stale",
         notes="Archived copy, not the live site; the e-mail is printed misspelled, so it is left out. Call before showing."),
    # Čoka: 2012 annual report on a document mirror: stale until called.
    dict(id="csr-coka", name="Centar za socijalni rad za opštinu Čoka", name_sr="Centar za socijalni rad Čoka",
         kind="social-work", needs="shelter;child;unsure", scope="municipality", area="Čoka", phones="0230 72 629",
         source_url="https://dokumen.tips/documents/izvestaj-o-radu-centra-za-socijalni-rad-za-stocarstvo-povrtarstvo-i-gajenje.html",
         source_date="2012-02", source_note="the centre's annual report for 2011, on a document-sharing mirror",
         source_quote="ADRESA I POŠ. BROJ Potiska 20,23320 • TELEFONI / TELEFAX 0230/72-629", address="Potiska 20, 23320 Čoka",
         status="stale", notes="Source older than 2018 and a mirror: call before showing."),
    # Bor: e-mail only (the phones on that page are a temporary city office's).
    dict(id="csr-bor", name="Centar za socijalni rad Bor", name_sr="Centar za socijalni rad Bor",
         kind="social-work", needs="shelter;child;unsure", scope="municipality", area="Bor", email="bor.csr@minrzs.gov.rs",
         source_url="https://bor.rs/otvorena-kancelarija-za-prijem-zahteva-gradjana-za-dobijanje-dozvole-za-kretanje/",
         source_date="2020", source_note="undated (COVID-19 curfew period, i.e. 2020)",
         source_quote="поштом Центру за социјални рад у Бору или електронским путем",
         status="secondary", notes="E-mail only; the phones on the page (060 ...) belong to a temporary city office: not used."),
    # Loznica and Kikinda: address only on the centres' own sites; no phone, so nothing is shown yet.
    dict(id="csr-loznica", name="Centar za socijalni rad „Loznica“", name_sr="Centar za socijalni rad Loznica",
         kind="social-work", needs="shelter;child;unsure", scope="municipality", area="Loznica",
         address="Bulevar Dositeja Obradovića 3, Loznica", source_url="https://csrloznica.org.rs/o-nama/?pismo=cir",
         source_note="undated (centre's own site)", status="verified",
         source_quote="седиште Центра је на приступачној локацији", notes="No phone on the page read: call to complete."),
    dict(id="csr-kikinda", name="Centar za socijalni rad Kikinda", name_sr="Centar za socijalni rad Kikinda",
         kind="social-work", needs="shelter;child;unsure", scope="municipality", area="Kikinda",
         address="Semlačka 10, Kikinda", source_url="http://www.csrkikinda.org.rs/index.php/pages/onama",
         source_note="undated (centre's own site)", source_quote="nalazi se na adresi Semlačka br.10 u Kikindi",
         status="verified", notes="No phone on the page read: call to complete."),
]

# Updates from the 2026-12 files to rows already in the register.
UPDATES = {
    # The ministry's own page replaces kraljevo.online; still a 2018 date (launch of the line).
    "labour-inspection": dict(
        source_url="https://www.minrzs.gov.rs/srb-lat/aktuelnosti/vesti/linija-za-prijavu-rada-na-crno-v%D0%B5c-dala-prv%D0%B5-r%D0%B5zultat%D0%B5",
        source_date="2018-02", source_note="ministry page, undated; the line was opened in the campaign of 19 Feb 2018",
        source_quote="broj 0800 300 307 za prijavu rada na crno", status="verified"),
    "nadel-116111": dict(
        source_url="https://www.minrzs.gov.rs/sr/aktuelnosti/vesti/17-maj-medjunarodni-dan-decijih-sos-linija ; https://k-1tv.rs/otvorena-telefonska-linija-za-pomoc-deci/",
        source_date="2023-05", source_note="ministry statement for 17 May citing 2022 figures, so about May 2023",
        source_quote="путем бесплатног позива на телефонски број 116111", free="yes", anonymous="yes"),
    "centre-protection-trafficking": dict(email="centar@centarzztlj.rs",
        source_quote="Za prijavu sumnje na trgovinu ljudima, telefon: 063 610 590"),
    "astra-sos": dict(source_quote="ASTRA SOS telefon će i u narednom periodu nastaviti da pruža svoje usluge "
                                   "besplatno, za žrtve i potencijalne žrtve trgovine ljudima putem broja 011 785 00 00."),
    "astra-116000": dict(source_quote="Prva nacionalna kampanja o evropskom broju za nestalu decu u Srbiji 116000"),
    "national-sos-women": dict(source_quote="Национална СОС линија за жене жртве насиља - 0800 222 003"),
    "police-192": dict(source_quote="a prijava je moguća i preko telefona 192", needs="emergency;danger;report"),
    "ambulance-194": dict(needs="emergency;danger;health"),
    "atina": dict(source_quote="Hotline: +381 61 63 84 071"),
    # Bačka Topola: re-sourced to the centre's 2021 annual report (published 2022-02) on its own site:
    # verified again, serving Bačka Topola and Mali Iđoš (the inter-municipal centre).
    "centar-za-socijalni-rad-backa-topola-backa-topola": dict(
        source_url="http://csrbtopola.org.rs/sr/%D0%BE-%D1%86%D0%B5%D0%BD%D1%82%D1%80%D1%83/",
        source_date="2022-02", source_note="narrative annual report for 2021, on the centre's own site",
        phones="024 715 810; 024 715 398", status="verified", source_quote="024/715-810; 024/715-398"),
    "centar-za-socijalni-rad-opstina-petr-petrovac-na-mlavi": dict(source_quote="012/331-473; 064/861-69-53"),
    "centar-za-socijalni-rad-kosjeric-kosjeric": dict(source_quote="Центар за социјални рад 031/ 782 - 541"),
    "centar-za-socijalni-rad-grada-suboti-subotica": dict(source_quote="+381 24 548 220"),
    "centar-za-socijalni-rad-opstine-srbo-srbobran": dict(source_quote="Тел: 021/730-177"),
    "udruzenje-zena-pescanik-krusevac": dict(
        source_url="https://jefimija.tv/58-zena-pozvalo-sos-telefon-066-006-606/ ; https://www.krusevacgrad.rs/",
        source_quote="SOS telefon 066 006 606 dostupan svakog radnog dana od 12 do 18 časova i subotom od 11 do 15 časova"),
    "zenski-centar-uzice-uzice": dict(source_quote="Prvi besplatni SOS poziv na broj 0800 333 445"),
    "udruzenje-oaza-sigurnosti-kragujevac": dict(
        notes="Active in 2024 (15 years of work, respublica034 2024-05); the network's joint line 0800 300 339 was a 2024 pilot."),
}


def main() -> int:
    path = ROOT / "data" / "services.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig", newline="")))
    if "source_note" in rows[0]:
        print("already migrated", file=sys.stderr)
        return 1
    names = svc_names()
    out = []
    for r in rows:
        new = {c: "" for c in COLUMNS}
        new.update({k: v for k, v in r.items() if k in COLUMNS})
        new["source_note"] = r["source_date"]
        new["source_date"] = r["checked_on"]  # the date the source carries (nothing was dialled)
        new["checked_on"] = ""
        tr = names.get(r["id"])
        if tr:
            for lang, text in tr.items():
                n, about = split_name(text)
                new[f"name_{lang}"], new[f"about_{lang}"] = n, about
        else:
            new["name_sr"], new["about_sr"] = serbian_short(r["name"])
        new["for"] = FOR_OVERRIDES.get(r["id"], for_whom(r))
        new.update(UPDATES.get(r["id"], {}))
        out.append(new)
    for extra in NEW_ROWS:
        new = {c: "" for c in COLUMNS}
        new.update(extra)
        out.append(new)
    # 192 and 194 first, then the lines for danger, in the order the danger screen shows them.
    first = ["police-192", "ambulance-194", "astra-sos", "mup-line-0800-100-600"]
    out.sort(key=lambda r: first.index(r["id"]) if r["id"] in first else len(first))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    for tag in LOCALES:  # the names now live in the register
        f = ROOT / "locales" / tag / "main.ftl"
        text = f.read_text(encoding="utf-8")
        text = re.sub(r"^## Names of national lines.*\n\n?", "", text, flags=re.M)
        text = re.sub(r"^svc-name-\S+ = .+\n", "", text, flags=re.M)
        f.write_text(text, encoding="utf-8")
    print(f"{len(out)} rows written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
