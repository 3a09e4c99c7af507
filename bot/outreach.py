"""Share links and printable flyers for outreach workers: `python -m bot link` and `python -m bot flyer`.

A link is https://t.me/<bot>?start=<payload> (with --web: <PUTOKAZ_WEB_URL>/<language>[/<place>][/<word>])
with payload `<language>[_<place id>][_<link word>]`
(see engine.parse_payload): only A-Z a-z 0-9 _ -, at most 64 characters, and nothing about the
worker or the person. A flyer is an A6 card (or an A4 sheet of four): the bot's discreet name, two
short lines in one language, a QR code of the link and the emergency numbers — every word from the
locales, so operators control it.
"""
from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass

from .engine import make_payload, parse_payload
from .fallback import EMERGENCY_NUMBERS

A6_MM = (105.0, 148.0)
A4_MM = (210.0, 297.0)
MM = 1 / 25.4
# DejaVu Sans (matplotlib's font) covers Latin, Cyrillic and Albanian, but not emoji: drop them.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\u2B00-\u2BFF]+")


class LinkError(ValueError):
    """A link that cannot be made, said so that an outreach worker can fix the command."""


@dataclass(frozen=True)
class Link:
    url: str
    payload: str
    lang: str
    place: str | None
    word: str | None


def make_link(core, username: str, lang: str, town: str | None = None, screen: str | None = None) -> Link:
    username = username.lstrip("@").strip()
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,31}", username):
        raise LinkError(f'"{username}" is not a Telegram bot username (5–32 letters, digits or _)')
    tag, place, word, payload = _preset(core, lang, town, screen)
    return Link(f"https://t.me/{username}?start={payload}", payload, tag, place, word)


def make_web_link(core, base_url: str, lang: str, town: str | None = None, screen: str | None = None) -> Link:
    """The web door's address with the same preset as a path: https://…/sr-Cyrl/nis/danger."""
    base = (base_url or "").strip().rstrip("/")
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?", base):
        raise LinkError("--web needs PUTOKAZ_WEB_URL, the web door's public address, e.g. https://pomoc.example.org")
    tag, place, word, payload = _preset(core, lang, town, screen)
    return Link(f"{base}/{'/'.join(p for p in (tag, place, word) if p)}", payload, tag, place, word)


def _preset(core, lang: str, town: str | None, screen: str | None) -> tuple[str, str | None, str | None, str]:
    """(language tag, place id, link word, payload), checked to be read back as written."""
    d = core.dialogue
    tag = next((t for t in d.languages if t.lower() == lang.lower()), None)
    if tag is None:
        raise LinkError(f'--lang must be one of: {", ".join(d.languages)}')
    place = None
    if town:
        match = core.world.match(town)
        if match.status == "several":
            names = ", ".join(core.world.place_name(p, None) for p in match.places)
            raise LinkError(f'"{town}" fits several places: {names}; write the one you mean')
        if match.status != "found":
            raise LinkError(f'"{town}" is not a municipality in data/places.csv; write its name, e.g. "Niš"')
        place = match.place
    word = None
    if screen:
        words = dict(d.links)
        by_screen = {v: k for k, v in words.items()}
        word = screen if screen in words else by_screen.get(screen)
        if word is None:
            raise LinkError(f'--screen must be one of: {", ".join(sorted(words))} '
                            '(the [links] words in dialogs/main.toml)')
    payload = make_payload(tag, place, word)
    if len(payload) > 64 or parse_payload(d, core.world, payload) != (tag, place, d.links.get(word) if word else None):
        raise LinkError(f'the link payload "{payload}" would not be read back correctly')
    return tag, place, word, payload


def bot_username(settings) -> str:
    """PUTOKAZ_BOT_USERNAME, or ask Telegram (getMe) when a token is set."""
    if settings.bot_username:
        return settings.bot_username.lstrip("@")
    if not settings.token:
        raise LinkError("set PUTOKAZ_BOT_USERNAME (the bot's @username) or TELEGRAM_TOKEN to ask Telegram for it")
    import httpx
    base = (settings.api_base_url or "https://api.telegram.org/bot").rstrip("/")
    try:
        r = httpx.get(f"{base}{settings.token}/getMe", timeout=10)
        data = r.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise LinkError(f"could not ask Telegram for the bot's name ({type(exc).__name__}); "
                        "set PUTOKAZ_BOT_USERNAME instead") from None
    if not data.get("ok"):
        raise LinkError("Telegram refused the token (getMe failed); check TELEGRAM_TOKEN or set PUTOKAZ_BOT_USERNAME")
    return data["result"]["username"]


# --- the flyer ------------------------------------------------------------------------------------

def _plain(text: str) -> str:
    return " ".join(_EMOJI.sub("", text).split())


def flyer_texts(core, lang: str) -> dict:
    r = core.renderer

    def t(mid: str) -> str:
        return _plain(core.texts.format(lang, mid, r.extra_args))
    # The trafficking line and the police (192), from the register: not the fire brigade.
    police = next((s for s in core.register.listed("danger") if s.kind == "emergency" and "report" in s.needs
                   and s.phones), None)
    hotline = next(iter(r.hotline()), None)
    numbers = [(_plain(r.service_name(s, lang)), s.phones[0].number) for s in (police, hotline) if s and s.phones]
    if not numbers:  # the register shows none: the compiled-in numbers of the fallback reply
        numbers = [("192", EMERGENCY_NUMBERS["police"])]
    return {"name": t("flyer-name"), "what": t("flyer-what"), "free": t("flyer-free"),
            "emergency": t("flyer-emergency"), "scan": t("flyer-scan"), "numbers": numbers}


def _qr_matrix(url: str):
    import numpy as np
    import segno
    qr = segno.make(url, error="m", micro=False)
    return np.array([list(row) for row in qr.matrix_iter(scale=1, border=4)], dtype=np.uint8)


def _draw(fig, texts: dict, url: str, x0: float, y0: float, w: float, h: float) -> None:
    """One A6 flyer in the figure rectangle (x0, y0, w, h), in figure fractions."""
    W, H = fig.get_size_inches()
    wmm = w * W / MM  # width of this flyer in mm, to size the type

    def text(y: float, s: str, size: float, weight: str = "normal", wrap: int = 34, color: str = "#1d2b36") -> float:
        points = size * wmm / 105  # the same card on A6 or on a quarter of A4
        for line in textwrap.wrap(s, wrap) or [""]:
            fig.text(x0 + w / 2, y0 + y * h, line, ha="center", va="top", fontsize=points,
                     fontweight=weight, color=color, family="DejaVu Sans")
            y -= points * 1.35 / 72 / (h * H)  # one line, as a fraction of the card's height
        return y

    y = 0.94
    y = text(y, texts["name"], 22, "bold", 20, "#244a5c")
    y = text(y - 0.015, texts["what"], 10.5, wrap=38)
    side = 0.56 * w * W / (h * H)  # the QR code: 56 % of the width, square
    qr_h = side
    ax = fig.add_axes([x0 + w * 0.22, y0 + (y - 0.02 - qr_h) * h, w * 0.56, qr_h * h])
    ax.imshow(_qr_matrix(url), cmap="binary", interpolation="nearest", vmin=0, vmax=1)
    ax.set_axis_off()
    y = y - 0.03 - qr_h
    y = text(y, texts["scan"], 8.5, color="#4a5a66")
    y = text(y - 0.012, texts["free"], 10, "bold", wrap=40)
    y = text(y - 0.02, texts["emergency"], 9.5, wrap=40)
    for name, number in texts["numbers"]:  # one number a line, never broken in two
        y = text(y, f"{name}  {number}", 10, "bold", wrap=60)
    text(0.06, url.replace("https://", ""), 7, color="#4a5a66", wrap=60)


def flyer(core, lang: str, url: str, fmt: str = "pdf", sheet: str = "a6") -> bytes:
    """The flyer as PNG, SVG or PDF bytes; `sheet="a4"` puts four on an A4 page with cut marks."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    texts = flyer_texts(core, lang)
    size = A6_MM if sheet == "a6" else A4_MM
    fig = plt.figure(figsize=(size[0] * MM, size[1] * MM))
    fig.patch.set_facecolor("white")
    if sheet == "a6":
        _draw(fig, texts, url, 0, 0, 1, 1)
    else:
        for col in (0, 1):
            for row in (0, 1):
                _draw(fig, texts, url, col * 0.5, row * 0.5, 0.5, 0.5)
        fig.add_artist(plt.Line2D([0.5, 0.5], [0, 1], color="#999999", lw=0.4, ls=(0, (4, 4))))
        fig.add_artist(plt.Line2D([0, 1], [0.5, 0.5], color="#999999", lw=0.4, ls=(0, (4, 4))))
    out = io.BytesIO()
    meta = {"Title": texts["name"]} if fmt == "pdf" else None
    fig.savefig(out, format=fmt, dpi=300, metadata=meta)
    plt.close(fig)
    return out.getvalue()
