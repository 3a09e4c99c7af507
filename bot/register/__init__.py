"""The register of places and services that operators keep in `data/*.csv`.

    model      records (Place, Service, Phone, Hours, Answer) and the words columns take; no I/O
    fields     every table's columns declared once: required or not, the note, the cell's rule
    tables     the one reader: CSV files and workbook sheets → rows with line numbers
    validate   tables → RegisterData and every problem (file, line, row, the fix)
    store      SQLite: the validated register written atomically, read back once, read-only
    query      Register: answers from memory (local → nearby by distance → national), pages
    exchange   import (all or nothing) and export as CSV or the XLSX template; the call sheet back in
    hsds       export as HSDS 3.0
    reports    calls to make, the call sheet, gaps, coverage
"""
from ..vocabulary import NEEDS, SPECIAL_NEEDS
from .fields import CALLS, EXCHANGED, PLACES, SERVICES, SETTLEMENTS, TABLES, format_phone, parse_hours, parse_phone
from .model import (
    ACCESSIBLE, BELGRADE, CAUTION_AFTER_DAYS, DAYS, FOR_WHOM, INVOLVEMENT, KINDS, LANGUAGES, NAME_LANGS, PHONE_TYPES,
    PROVINCES, SCOPES, SHOWN_STATUSES, STATUSES, Answer, Hours, Nearby, Pages, Phone,
    Place, RegisterData, Service, partial_date,
)
from .query import FIRST_MAX, LOCAL_FIRST, Register, distance_km
from .store import build_database, read_database
from .tables import Rows, read_source
from .validate import load_csv, load_register

__all__ = [
    "ACCESSIBLE", "BELGRADE", "CALLS", "CAUTION_AFTER_DAYS", "DAYS", "EXCHANGED", "FIRST_MAX", "FOR_WHOM",
    "INVOLVEMENT", "KINDS", "LANGUAGES", "LOCAL_FIRST", "NAME_LANGS", "NEEDS", "PHONE_TYPES", "PLACES", "PROVINCES",
    "SCOPES", "SERVICES", "SETTLEMENTS", "SHOWN_STATUSES", "SPECIAL_NEEDS", "STATUSES", "TABLES", "Answer", "Hours",
    "Nearby", "Pages", "Phone", "Place", "Register", "RegisterData", "Rows", "Service", "build_database",
    "distance_km", "format_phone", "load_csv", "load_register", "parse_hours", "parse_phone", "partial_date",
    "read_database", "read_source",
]
