"""Replies → text and buttons in one language, filling service lists from the register.

Shared by the Telegram adapter and the terminal chat, so both show exactly the same words.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from .engine import Reply, Show
from .i18n import Texts
from .register import ACCESSIBLE, BELGRADE, DAYS, INVOLVEMENT, NEEDS, PHONE_TYPES, Answer, Hours, Register, Service

TELEGRAM_LIMIT = 4096
# Message ids the renderer itself uses (beyond those the dialogue names).
REQUIRED_IDS = (
    "language-name", "town-option", "emergency-children", "section-local", "section-local-none",
    "section-nearby", "section-national", "section-empty", "entry-distance", "entry-checked",
    "entry-undated", "entry-unconfirmed", "call-note", *(f"phone-{t}" for t in PHONE_TYPES if t != "voice"),
    "hours-always", "hours-span", "open-now", "closed-now", "involvement-ask",
    *(f"involvement-{v}" for v in INVOLVEMENT if v != "unknown"), *(f"access-{a}" for a in ACCESSIBLE), "flag-free", "flag-anonymous", "flag-languages", "group-only-private",
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
                 now: Callable[[], datetime] | None = None):
        self.texts, self.register = texts, register
        self.extra_args = dict(extra_args or {})
        self.now = now or (lambda: datetime.now(BELGRADE))  # "open now" is Belgrade wall-clock time
        self._cache: OrderedDict[tuple, list[Out]] = OrderedDict()
        self._clock: datetime | None = None
        # (language, message id) → recording under data/audio/, offered with a "🔊 Listen" button
        self.audio: dict[tuple[str, str], object] = {}

    def t(self, lang: str | None, msg_id: str, **args) -> str:
        return self.texts.format(lang, msg_id, args)

    def render(self, replies: list[Reply], lang: str | None) -> list[Out]:
        keys = tuple(r.key for r in replies)
        key = (lang, keys) if None not in keys else (lang, repr(replies))
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
                buttons += (((self.t(lang, "btn-listen"), f"~listen|{reply.message}"),),)
            chunks = split_text("\n\n".join(p for p in parts if p))
            out += [Out(c, (), reply.kind) for c in chunks[:-1]]
            out.append(Out(chunks[-1], buttons, reply.kind, reply.effect))
        return out

    # --- service lists ---------------------------------------------------------------------

    def _show(self, show: Show, lang: str | None) -> list[str]:
        if show.list == "emergency":
            lines = [self._short(s, lang) for s in self.register.lines("emergency")]
            parts = ["\n".join(lines)]
            parts += [self._entry(s, lang) for s in self.register.lines("danger")]
            children = self.register.lines("danger-child")
            if children:
                parts.append(self.t(lang, "emergency-children") + "\n" + "\n\n".join(self._entry(s, lang) for s in children))
            return parts
        if show.list == "hotline":  # the lines for "in danger / not sure": ASTRA SOS
            return [self._entry(s, lang) for s in self.register.lines("danger")]
        answer = self.register.answer(show.need or "unsure", show.place)
        return self._answer(answer, lang)

    def _answer(self, a: Answer, lang: str | None) -> list[str]:
        parts: list[str] = []
        town = self._place_name(a.place, lang) if a.place else None
        if a.place:
            if a.local:
                parts.append(self.t(lang, "section-local", town=town) + "\n\n"
                             + "\n\n".join(self._entry(s, lang) for s in a.local))
            else:
                parts.append(self.t(lang, "section-local-none", town=town))
            if a.nearby:
                parts.append(self.t(lang, "section-nearby") + "\n\n" + "\n\n".join(
                    self._entry(n.service, lang, self.t(lang, "entry-distance", km=n.km,
                                                       town=self._place_name(n.place, lang)))
                    for n in a.nearby))
        if a.national:
            parts.append(self.t(lang, "section-national") + "\n\n" + "\n\n".join(self._entry(s, lang) for s in a.national))
        if not (a.local or a.nearby or a.national):
            parts.append(self.t(lang, "section-empty"))
        else:
            shown = [*a.local, *(n.service for n in a.nearby), *a.national]
            if any(s.involvement == "unknown" and s.kind not in ("emergency", "police") for s in shown):
                parts.append(self.t(lang, "involvement-ask"))
            parts.append(self.t(lang, "call-note"))
        return parts

    def _place_name(self, place, lang: str | None) -> str:
        return place.name_cyrl if lang == "sr-Cyrl" else place.name_latn

    def _name(self, s: Service, lang: str | None) -> str:
        msg = f"svc-name-{s.id}"
        return self.t(lang, msg) if self.texts.has(lang or "", msg) else s.name

    def _phones(self, s: Service, lang: str | None) -> str:
        return " · ".join(p.number if p.type == "voice" else self.t(lang, f"phone-{p.type}", number=p.number)
                          for p in s.phones)

    def _short(self, s: Service, lang: str | None) -> str:
        return f"☎️ {self._name(s, lang)}: {self._phones(s, lang)}"

    def _entry(self, s: Service, lang: str | None, distance: str = "") -> str:
        head = f"• {self._name(s, lang)}" + (f" — {distance}" if distance else "")
        lines = [head]
        if s.phones:
            lines.append(f"📞 {self._phones(s, lang)}")
        if s.email:
            lines.append(f"✉️ {s.email}")
        if s.address and not s.confidential:
            lines.append(f"📍 {s.address}")
        details = []
        if s.hours:
            details.append(self._hours(s.hours, lang))
            if not s.hours.always:
                details.append(self._open(s.hours, lang))
        if s.free:
            details.append(self.t(lang, "flag-free"))
        if s.anonymous:
            details.append(self.t(lang, "flag-anonymous"))
        if s.languages:
            names = ", ".join(self.t(lang, f"spoken-{c}") for c in s.languages)
            details.append(self.t(lang, "flag-languages", languages=names))
        details += [self.t(lang, f"access-{a}") for a in s.accessible]
        if details:
            lines.append(" · ".join(details))
        if s.involvement not in ("unknown", "") and s.kind != "police":
            lines.append(self.t(lang, f"involvement-{s.involvement}"))
        checked = (self.t(lang, "entry-checked", date=s.checked_on) if s.checked_on
                   else self.t(lang, "entry-undated"))
        if s.status == "secondary":
            checked += " · " + self.t(lang, "entry-unconfirmed")
        lines.append(checked)
        return "\n".join(lines)

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


def find_audio(data_dir, languages) -> dict[tuple[str, str], object]:
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
