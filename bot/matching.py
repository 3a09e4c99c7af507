"""Town matching: what a person types → one of the 174 local self-government units.

Everything is folded once, at construction (Cyrillic → Latin, no diacritics, lower case, no
punctuation), together with Serbian case-ending stems, so that a query costs a few dictionary
look-ups and, only when those miss, one rapidfuzz pass over the pre-folded names.

Order of evidence, strongest first:
1. a whole name or alias (or its stem) equals a run of the typed words — the longest run wins;
   then the same for villages and other settlements (data/settlements.csv), which answer with
   the municipality they lie in, or with the few it may be ("which one?");
2. a distinctive word of a multi-word name ("Mitrovica", "Palanka") — usually several places;
3. a close spelling of a name (rapidfuzz ratio), for typos.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Literal

from rapidfuzz import fuzz, process

from .textnorm import fold

# Words around a place name that carry no place: Serbian, English, Albanian, Romani, Hungarian.
STOPWORDS = frozenset("""
u iz kod blizu pored okolina okolini grad grada gradu opstina opstine opstini selo sela selu
mesto mestu ziv zivim zivimo sam smo je ja mi ovde tu pa a ili
in at near from live living i im am the city town of around village my we our
ne nga prane afer qyteti qytet komuna komunen jetoj une jam
me dzivdinav sem si ando andar pasha foro gav
varosban ban ben el elek
""".split())

Status = Literal["found", "several", "missing"]

_SUFFIXES = ("ima", "ama", "om", "em", "oj", "og", "ju", "u", "a", "e", "i", "o")
_FLEETING_A = re.compile(r"a([bcdfghjklmnprstvz])$")
# After a fleeting 'a' drops, a voiced consonant meets a voiceless one and devoices (Šabac → Šapca).
_DEVOICE = {"bc": "pc", "bk": "pk", "dc": "tc", "dk": "tk", "zc": "sc", "zk": "sk", "gc": "kc"}
MAX_WORDS = 12
MAX_NGRAM = 4
MAX_CHOICES = 8
SHORT_FOR_VILLAGES = 3  # words: the longest reply in which a misspelt village is looked for
OTHER_NAME_MIN = 5  # a settlement's other names (Hungarian, German …) count from 5 letters ("Lok" is not "look")


@dataclass(frozen=True)
class Match:
    status: Status
    places: tuple[str, ...] = ()

    @property
    def place(self) -> str | None:
        return self.places[0] if self.status == "found" else None


def _stem_word(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def forms(phrase: str) -> set[str]:
    """The folded phrase, its stem and its stem without a fleeting 'a' (Čačak → Čačka)."""
    words = phrase.split()
    stemmed = " ".join(_stem_word(w) for w in words)
    out = {phrase, stemmed}
    if words and len(words[-1]) >= 5:
        out.add(_FLEETING_A.sub(r"\1", phrase))
        out.add(_FLEETING_A.sub(r"\1", stemmed))
        for f in list(out):
            if f[-2:] in _DEVOICE:
                out.add(f[:-2] + _DEVOICE[f[-2:]])
    return {f for f in out if f}


class TownMatcher:
    def __init__(self, names: Iterable[tuple[str, str]],
                 settlements: Iterable[tuple[str, tuple[str, ...], bool]] = (), reserved: Iterable[str] = ()):
        """`names`: (name or alias as written, place id). `settlements`: (a village's name, the place
        ids it may lie in (most likely first), whether it is one of its other names). `reserved`:
        folded words that mean something else (typed button words): never a village."""
        names = list(names)
        self._full: dict[str, set[str]] = defaultdict(set)
        self._word: dict[str, set[str]] = defaultdict(set)
        for name, place in names:
            folded = fold(name)
            if not folded:
                continue
            for f in forms(folded):
                self._full[f].add(place)
            words = folded.split()
            if len(words) > 1:
                for w in words:
                    if len(w) >= 4:
                        for f in forms(w):
                            self._word[f].add(place)
        # A word that is itself a full name belongs to that place only (Topola ≠ Bačka Topola).
        for key in list(self._word):
            if key in self._full:
                del self._word[key]
        # Villages: a name that is also a place's name or alias belongs to the place.
        self._settle: dict[str, list[str]] = {}
        reserved = set(reserved) | STOPWORDS
        for name, places, other in settlements:
            folded = fold(name)
            if not folded or folded in reserved or (other and len(folded) < OTHER_NAME_MIN):
                continue
            for f in forms(folded):
                if f in self._full or f in self._word or f in reserved:  # "Mitrovica" stays a question
                    continue
                listed = self._settle.setdefault(f, [])
                listed += [p for p in places if p not in listed]
        self._keys = list(self._full)
        self._settle_keys = list(self._settle)
        self._names_of: dict[str, list[str]] = defaultdict(list)  # place → its folded names, to rank
        for name, place in names if isinstance(names, list) else ():
            if fold(name):
                self._names_of[place].append(fold(name))

    def match(self, text: str) -> Match:
        words = [w for w in fold(text[:200]).split()[:MAX_WORDS]]
        content = [w for w in words if w not in STOPWORDS] or words
        if not content:
            return Match("missing")
        # Runs of words, with and without the filler words ("Stari Grad" keeps its "grad").
        grams = list(dict.fromkeys(
            " ".join(seq[i : i + n])
            for seq in (words, content)
            for n in range(min(MAX_NGRAM, len(seq)), 0, -1)
            for i in range(len(seq) - n + 1)
        ))
        # 1. exact full names, longest run of words first
        for n in range(MAX_NGRAM, 0, -1):
            hits: set[str] = set()
            for gram in (g for g in grams if g.count(" ") == n - 1):
                for f in forms(gram):
                    hits |= self._full.get(f, set())
            if hits:
                return _result(sorted(hits))
        # 1b. a village or other settlement, longest run first
        for n in range(MAX_NGRAM, 0, -1):
            found: list[str] = []
            for gram in (g for g in grams if g.count(" ") == n - 1):
                for f in forms(gram):
                    found += [p for p in self._settle.get(f, ()) if p not in found]
            if found:
                return _result(found)
        # 2. a distinctive word of a multi-word name
        hits = set()
        for word in (w for w in words if w not in STOPWORDS):
            for f in forms(word):
                hits |= self._word.get(f, set())
        if hits:
            # closest spelling of the whole text first ("novi sda" → Novi Sad before Novi Pazar)
            typed = " ".join(content)
            return _result(sorted(hits, key=lambda p: (-max((fuzz.ratio(typed, n) for n in self._names_of[p]),
                                                            default=0), p)))
        # 3. close spellings. Villages only in a short reply: a misspelt village is typed alone, and
        # the twice-as-long list of their names would otherwise cost every long sentence 4× as much.
        short = len(content) <= SHORT_FOR_VILLAGES
        scores: dict[str, float] = {}
        for gram in grams:
            for f in forms(gram):
                if len(f) < 5:
                    continue
                cutoff = 85 if len(f) < 8 else 80
                for key, score, _ in process.extract(
                    f, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=MAX_CHOICES
                ):
                    for place in self._full[key]:
                        scores[place] = max(scores.get(place, 0), score)
                if not short:
                    continue
                # a misspelt village: its municipality, a little behind an equally close town name
                for key, score, _ in process.extract(
                    f, self._settle_keys, scorer=fuzz.ratio, score_cutoff=max(cutoff, 85), limit=3
                ):
                    for place in self._settle[key][:1]:
                        scores[place] = max(scores.get(place, 0), score - 1)
        if not scores:
            return Match("missing")
        best = max(scores.values())
        close = sorted((p for p, s in scores.items() if s >= best - 2), key=lambda p: (-scores[p], p))
        return _result(close)


def _result(places: list[str]) -> Match:
    if len(places) == 1:
        return Match("found", (places[0],))
    return Match("several", tuple(places[:MAX_CHOICES]))
