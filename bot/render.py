"""Replies → text and buttons in one language, filling service lists from the register.

Shared by the Telegram adapter and the terminal chat, so both show exactly the same words.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Callable

from .engine import Reply, Show
from .i18n import Texts
from .register import (ACCESSIBLE, BELGRADE, DAYS, INVOLVEMENT, NEEDS, PHONE_TYPES, Answer, Hours, Pages, Register,
                       Service)
from .textnorm import lat_to_cyr
from .vocabulary import LISTEN

# Which register column holds a service's name in each language (sr-Cyrl: transliterated from sr).
NAME_COLUMN = {"sr-Latn": "sr", "sr-Cyrl": "sr", "en": "en", "sq": "sq", "rom": "rom"}
# The first screen of an answer stays within this many characters (`python -m bot check` enforces it).
ANSWER_LIMIT = 800

TELEGRAM_LIMIT = 4096
# Message ids the renderer itself uses (beyond those the dialogue names).
REQUIRED_IDS = (
    "language-name", "town-option", "emergency-children", "section-local", "section-local-none",
    "section-nearby", "section-national", "section-empty", "entry-distance", "entry-confirmed",
    "entry-public", "entry-news", "entry-public-undated", "entry-news-undated", "entry-may-have-changed",
    "for-women", "for-children", "for-women-children", *(f"month-{m}" for m in range(1, 13)), "call-note",
    *(f"phone-{t}" for t in PHONE_TYPES if t != "voice"),
    "hours-always", "hours-span", "open-now", "closed-now", "involvement-ask",
    *(f"involvement-{v}" for v in INVOLVEMENT if v != "unknown"), *(f"access-{a}" for a in ACCESSIBLE), "flag-free",
    "flag-anonymous", "flag-languages", "group-only-private",
    "cmd-start", "cmd-help", "cmd-language", "cmd-leave", "bot-description", "bot-short-description",
    "flyer-name", "flyer-what", "flyer-free", "flyer-emergency", "flyer-scan", "btn-listen", "selfcheck-result",
    *(f"rights-{t}" for t in ("intro", "social", "legal-aid", "health", "recovery", "foreigners", "children")),
    *(f"day-{d}" for d in DAYS), *(f"need-{n}" for n in NEEDS),
)


@dataclass(frozen=True)
class Out:
    """One message to send: text, and rows of (label, callback data)."""
    text: str
    buttons: tuple[tuple[tuple[str, str], ...], ...] = ()
    kind: str = "screen"
    effect: str | None = None  # e.g. "erase-later": for the adapter, not shown


class Renderer:
    """Pure given its texts and register, so results are cached (a reload builds a new Renderer)."""

    CACHE_SIZE = 4096

    def __init__(self, texts: Texts, register: Register, extra_args: dict | None = None,
                 now: Callable[[], datetime] | None = None, audio: dict[tuple[str, str], Path] | None = None):
        self.texts, self.register = texts, register
        self.extra_args = dict(extra_args or {})
        self.now = now or (lambda: datetime.now(BELGRADE))  # "open now" is Belgrade wall-clock time
        self._cache: OrderedDict[tuple, list[Out]] = OrderedDict()
        self._clock: datetime | None = None
        self._pages: dict[tuple[str, str | None], Pages] = {}
        # (language, message id) → recording under data/audio/, offered with a "🔊 Listen" button
        self.audio: dict[tuple[str, str], Path] = dict(audio or {})

    def t(self, lang: str | None, msg_id: str, **args) -> str:
        return self.texts.format(lang, msg_id, args)

    def render(self, replies: list[Reply], lang: str | None) -> list[Out]:
        key: tuple = (lang, *replies)  # replies are values: equal replies render the same text
        if any(r.show for r in replies):  # lists say "open now": valid for the current minute only
            self._clock = self.now().replace(second=0, microsecond=0)
            key += (self._clock,)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        out = _merge(self._render(replies, lang))
        self._cache[key] = out
        if len(self._cache) > self.CACHE_SIZE:
            self._cache.popitem(last=False)
        return out

    def _render(self, replies: list[Reply], lang: str | None) -> list[Out]:
        out: list[Out] = []
        for reply in replies:
            args = {**self.extra_args, **reply.args}
            if reply.show and reply.show.list == "services":
                args.setdefault("town", "none")
                args["what"] = self.t(lang, f"need-{reply.show.need}")
            parts = [self.t(lang, reply.message, **args)]
            if reply.show:
                parts += self._show(reply.show, lang)
            buttons = tuple(
                tuple((self.t(b.lang or lang, b.label, **b.args), b.data) for b in row) for row in reply.buttons
            )
            if lang and (lang, reply.message) in self.audio and reply.kind == "screen":
                buttons += (((self.t(lang, "btn-listen"), LISTEN + reply.message),),)
            chunks = split_text("\n\n".join(p for p in parts if p))
            out += [Out(c, (), reply.kind) for c in chunks[:-1]]
            out.append(Out(chunks[-1], buttons, reply.kind, reply.effect))
        return out

    # --- service lists ---------------------------------------------------------------------

    def _show(self, show: Show, lang: str | None) -> list[str]:
        if show.list == "emergency":  # "in danger now": 192 and 194 first, then the lines for danger
            seen: set[str] = set()
            shorts = [self._short(s, lang) for s in self.register.listed("danger") if s.kind == "emergency"]
            entries = [self._entry(s, lang, seen=seen) for s in self.register.listed("danger") if s.kind != "emergency"]
            parts = ["\n".join(shorts), *entries]
            children = [self._entry(s, lang, seen=seen) for s in self.register.listed("danger-child")]
            if children:
                parts.append(self.t(lang, "emergency-children") + "\n" + "\n\n".join(children))
            return [p for p in parts if p]
        if show.list == "hotline":  # the line for "not sure / nothing listed": ASTRA SOS, from the register
            return [self._entry(s, lang) for s in self.hotline()]
        pages = self.pages(show.need or "unsure", show.place)
        if show.more:
            return self._answer(pages.more, lang, rest=True, seen=_numbers(pages.first))
        return self._answer(pages.first, lang, any_local=bool(pages.first.local or pages.more.local))

    def pages(self, need: str, place: str | None) -> Pages:
        """The register's split of an answer, with entries moved behind "More" until the first screen
        fits ANSWER_LIMIT in every language — so what is listed is the same in all five."""
        key = (need, place)
        hit = self._pages.get(key)
        if hit is not None:
            return hit
        pages = self.register.pages(need, place)
        while any(len(self.first_screen(pages, need, lang)) > ANSWER_LIMIT - FIT_MARGIN for lang in self.texts.languages):
            smaller = _shrink(pages)
            if smaller is None:
                break
            pages = smaller
        if len(self._pages) > 20_000:
            self._pages.clear()
        self._pages[key] = pages
        return pages

    def first_screen(self, pages: Pages, need: str, lang: str | None, header: str = "answer") -> str:
        """The text of an answer's first screen, as the person sees it."""
        a = pages.first
        town = self._place_name(a.place, lang) if a.place else "none"
        head = self.t(lang, header, **{**self.extra_args, "town": town, "what": self.t(lang, f"need-{need}")})
        return "\n\n".join([head, *self._answer(a, lang, any_local=bool(a.local or pages.more.local))])

    def listed(self, need: str, place: str | None, more: bool = False) -> tuple[tuple[str, str], ...]:
        """(id, name) of each service with a phone that the answer shows: the first screen, and with
        `more` what "More" added too. "A number did not work?" offers exactly these."""
        p = self.pages(need, place)
        answers = (p.first, p.more) if more else (p.first,)
        return tuple((s.id, s.name) for a in answers for s in _services(a) if s.phones)

    def has_more(self, need: str, place: str | None) -> bool:
        return self.pages(need, place).has_more

    def hotline(self) -> tuple[Service, ...]:
        return tuple(s for s in self.register.listed("danger") if s.kind not in ("emergency", "police"))

    def _answer(self, a: Answer, lang: str | None, rest: bool = False, any_local: bool = True,
                seen: set[str] | None = None) -> list[str]:
        parts: list[str] = []
        seen = set(seen or ())  # a number appears once
        town = self._place_name(a.place, lang) if a.place else None
        if a.place:
            if a.local:
                parts.append(self.t(lang, "section-local", town=town) + "\n"
                             + "\n".join(self._entry(s, lang, seen=seen) for s in a.local))
            elif not rest and not any_local:  # true of the whole register, not just of this screen
                parts.append(self.t(lang, "section-local-none", town=town))
            if a.nearby:
                parts.append(self.t(lang, "section-nearby") + "\n" + "\n".join(
                    self._entry(n.service, lang, self.t(lang, "entry-distance", km=n.km,
                                                       town=self._place_name(n.place, lang)), seen=seen)
                    for n in a.nearby))
        if a.national:
            parts.append(self.t(lang, "section-national") + "\n" + "\n".join(self._entry(s, lang, seen=seen) for s in a.national))
        shown = [*a.local, *(n.service for n in a.nearby), *a.national]
        if not shown and not rest:
            parts.append(self.t(lang, "section-empty") + "\n" + "\n".join(self._entry(s, lang) for s in self.hotline()))
        elif shown:
            if any(s.involvement == "unknown" and s.kind not in ("emergency", "police") for s in shown):
                parts.append(self.t(lang, "involvement-ask"))
            parts.append(self.t(lang, "call-note"))
        return parts

    def _place_name(self, place, lang: str | None) -> str:
        return place.name_cyrl if lang == "sr-Cyrl" else place.name_latn

    def service_name(self, s: Service, lang: str | None) -> str:
        """The name operators gave in this language (sr-Cyrl: transliterated from Serbian)."""
        column = NAME_COLUMN.get(lang or "", "sr")
        name = s.name_in(column)
        return lat_to_cyr(name) if lang == "sr-Cyrl" else name

    def _about(self, s: Service, lang: str | None) -> str:
        about = s.about_in(NAME_COLUMN.get(lang or "", "sr"))
        return lat_to_cyr(about) if lang == "sr-Cyrl" and about else about

    def _phones(self, s: Service, lang: str | None, skip: set[str] | None = None) -> str:
        return " · ".join(p.number if p.type == "voice" else self.t(lang, f"phone-{p.type}", number=p.number)
                          for p in s.phones if not skip or p.number not in skip)

    def _short(self, s: Service, lang: str | None) -> str:
        return f"☎️ {self.service_name(s, lang)}: {self._phones(s, lang)}"

    def _entry(self, s: Service, lang: str | None, distance: str = "", seen: set[str] | None = None) -> str:
        """Three short lines: who (and for whom), how to reach them, how current that is."""
        head = f"• {self.service_name(s, lang)}"
        about = self._about(s, lang)
        if about:
            head += f" ({about})"
        if s.only_for:
            who = self.t(lang, "for-" + "-".join(sorted(s.only_for, reverse=True)))
            if who.lower() not in head.lower():  # "SOS line for women" says so already
                head += ", " + who
        if distance:
            head += f" — {distance}"
        lines = [head]
        reach = []
        if s.phones:
            phones = self._phones(s, lang, skip=seen)
            if phones:
                reach.append(f"📞 {phones}")
            if seen is not None:
                seen.update(p.number for p in s.phones)
        elif s.email:
            reach.append(f"✉️ {s.email}")
        if s.hours:
            if s.hours.always:
                reach.append(self.t(lang, "hours-always"))
            else:
                reach.append(self._hours(s.hours, lang))
                opening = self._open(s.hours, lang)
                if opening:
                    reach.append(opening)
        if s.free:
            reach.append(self.t(lang, "flag-free"))
        if s.anonymous:
            reach.append(self.t(lang, "flag-anonymous"))
        if s.languages and set(s.languages) - {"sr"}:
            names = ", ".join(self.t(lang, f"spoken-{c}") for c in s.languages)
            reach.append(self.t(lang, "flag-languages", languages=names))
        reach += [self.t(lang, f"access-{a}") for a in s.accessible]
        if reach:
            lines.append(" · ".join(reach))
        if not s.phones and s.address and not s.confidential:
            lines.append(f"📍 {s.address}")
        if s.involvement not in ("unknown", "") and s.kind != "police":
            lines.append(self.t(lang, f"involvement-{s.involvement}"))
        lines.append(self._dated(s, lang))
        return "\n".join(lines)

    def _dated(self, s: Service, lang: str | None) -> str:
        """"confirmed by phone, Nov 2026" or "public source, 2018"; "may have changed" when old."""
        if s.checked_on:
            day = s.checked_date
            assert day is not None  # confirmed() means a call date
            text = self.t(lang, "entry-confirmed", month=self.t(lang, f"month-{day.month}"), year=str(day.year))
        else:
            kind = "news" if s.status == "secondary" else "public"
            day = s.source_day
            text = (self.t(lang, f"entry-{kind}", year=str(day.year)) if day
                    else self.t(lang, f"entry-{kind}-undated"))
        if self.register.caution(s):
            text += " · " + self.t(lang, "entry-may-have-changed")
        return "ℹ️ " + text

    def _open(self, h: Hours, lang: str | None) -> str:
        now = self._clock or self.now()
        is_open, nxt = h.status(now.astimezone(BELGRADE) if now.tzinfo else now)
        if is_open or nxt is None:
            return self.t(lang, "open-now") if is_open else ""
        day, at = nxt
        return self.t(lang, "closed-now", day=self.t(lang, f"day-{day}"), time=f"{at:%H:%M}")

    def _hours(self, h: Hours, lang: str | None) -> str:
        if h.always:
            return self.t(lang, "hours-always")
        out = []
        for days, opens, closes in h.spans:
            names = self.t(lang, f"day-{days[0]}")
            if len(days) > 1:
                names += "–" + self.t(lang, f"day-{days[-1]}")
            out.append(self.t(lang, "hours-span", days=names, **{"from": f"{opens:%H:%M}", "to": f"{closes:%H:%M}"}))
        return ", ".join(out)


FIT_MARGIN = 40  # room for words that change with the clock ("closed now, opens Mon 08:00")


def _services(a: Answer) -> list[Service]:
    return [*a.local, *(n.service for n in a.nearby), *a.national]


def _numbers(a: Answer) -> set[str]:
    return {p.number for s in _services(a) for p in s.phones}


def _shrink(p: Pages) -> Pages | None:
    """Move one entry from the first screen to "More": a national line beyond the first, else the
    farthest nearby, else the last local one; never the last entry (something to call stays)."""
    f, m = p.first, p.more
    if len(_services(f)) <= 1:
        return None
    if len(f.national) > 1:
        return Pages(replace(f, national=f.national[:-1]), replace(m, national=(f.national[-1], *m.national)))
    if f.nearby:
        return Pages(replace(f, nearby=f.nearby[:-1]), replace(m, nearby=(f.nearby[-1], *m.nearby)))
    if len(f.local) > 1 or (f.local and f.national):
        return Pages(replace(f, local=f.local[:-1]), replace(m, local=(f.local[-1], *m.local)))
    if f.national:
        return Pages(replace(f, national=f.national[:-1]), replace(m, national=(f.national[-1], *m.national)))
    return None


def find_audio(data_dir, languages) -> dict[tuple[str, str], Path]:
    """Recordings operators added: data/audio/<language>/<message id>.ogg (checked by `check`)."""
    from pathlib import Path
    root = Path(data_dir) / "audio"
    found = {}
    for lang in languages:
        folder = root / lang
        if folder.is_dir():
            for path in folder.glob("*.ogg"):
                with open(path, "rb") as fh:
                    if fh.read(4) == b"OggS":
                        found[(lang, path.stem)] = path
    return found


def _merge(outs: list[Out]) -> list[Out]:
    """Fewer messages on a phone: a message without buttons joins the next one when it fits."""
    merged: list[Out] = []
    for o in outs:
        prev = merged[-1] if merged else None
        if prev is not None and not prev.buttons and len(prev.text) + 2 + len(o.text) <= TELEGRAM_LIMIT:
            merged[-1] = Out(f"{prev.text}\n\n{o.text}", o.buttons, "hint" if "hint" in (prev.kind, o.kind) else o.kind,
                             prev.effect or o.effect)
        else:
            merged.append(o)
    return merged


def split_text(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split at blank lines, then lines, then hard, so that no part exceeds `limit` characters."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for block in text.split("\n\n"):
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        while len(block) > limit:
            cut = block.rfind("\n", 0, limit)
            cut = cut if cut > 0 else limit
            parts.append(block[:cut])
            block = block[cut:].lstrip("\n")
        current = block
    if current:
        parts.append(current)
    return parts
