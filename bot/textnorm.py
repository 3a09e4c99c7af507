"""Serbian script conversion and text folding, shared by matching and locales.

Cyrillic → Latin follows the official Serbian correspondence (one letter each way, with the
digraphs lj, nj, dž). Latin → Cyrillic is used to derive sr-Cyrl text from sr-Latn.
"""
from __future__ import annotations

import re
import unicodedata

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}
_CYR_TABLE = {}
for _c, _l in _CYR_TO_LAT.items():
    _CYR_TABLE[ord(_c)] = _l
    _CYR_TABLE[ord(_c.upper())] = _l[:1].upper() + _l[1:]

_LAT_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_LAT_TO_CYR = {v: k for k, v in _CYR_TO_LAT.items() if len(v) == 1}
_LAT_TOKEN = re.compile(r"dž|Dž|DŽ|lj|Lj|LJ|nj|Nj|NJ|.", re.DOTALL)
# Words that keep their Latin spelling in Cyrillic text (brand names, Latin abbreviations).
_KEEP_LATIN = re.compile(r"(https?://\S+|\S+@\S+|\bTelegram\b|\bViber\b|\bWhatsApp\b|\bSMS\b|\bASTRA\b|\bSOS\b|\bNADEL\b)")


def cyr_to_lat(text: str) -> str:
    return text.translate(_CYR_TABLE)


def lat_to_cyr(text: str) -> str:
    """Serbian Latin → Cyrillic, leaving URLs, e-mail addresses and a few names in Latin."""
    parts = _KEEP_LATIN.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        for tok in _LAT_TOKEN.findall(part):
            low = tok.lower()
            cyr = _LAT_DIGRAPHS.get(low) or _LAT_TO_CYR.get(low)
            if cyr is None:
                out.append(tok)
            elif tok[0].isupper():
                out.append(cyr.upper())
            else:
                out.append(cyr)
    return "".join(out)


_FOLD_EXTRA = str.maketrans({"đ": "dj", "ß": "ss", "ø": "o", "æ": "ae", "ł": "l", "ı": "i"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Invisible characters people paste by accident or on purpose.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def fold(text: str) -> str:
    """Lower-case ASCII with single spaces: Cyrillic → Latin, diacritics and punctuation dropped."""
    text = _INVISIBLE.sub("", cyr_to_lat(text)).lower().translate(_FOLD_EXTRA)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", text).strip()
