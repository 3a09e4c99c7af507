"""Names the engine, the register and the checker share: no I/O, nothing to import but this.

`import bot.engine` must stay light (no SQLite, no phone-number tables): the dialogue and the engine
take their words from here, the register validates against the same tuples.
"""
from __future__ import annotations

from dataclasses import dataclass

# What a person can ask help with (the needs menu), in the register's `needs` column.
NEEDS = ("shelter", "talk", "health", "legal", "work", "child", "foreigner", "report", "unsure")
# Lists the bot shows outside the needs menu: emergency numbers, and lines for "in danger now".
SPECIAL_NEEDS = ("emergency", "danger", "danger-child")

# The commands the bot offers (Telegram's menu, /help …), in menu order; dialogs map each to a screen.
COMMANDS = ("start", "help", "language", "leave")
# Callback data of the "🔊 Listen" button (the renderer adds it, the channel plays the recording);
# it never reaches the engine.
LISTEN = "~listen|"
# The web door's own words (bot/webdoor.py, locales/<language>/web.ftl). A message `web-<id>` replaces
# `<id>` on the web page only; these the page itself needs.
WEB_IDS = ("web-title", "web-exit", "web-exit-hint", "web-type-label", "web-send", "web-slow", "web-privacy",
           "web-help", "web-erase-scheduled", "web-start-again", "web-expired")


# --- the dialogue's vocabulary: one table each, which the engine, the checker, the graph and the web
# door all dispatch on. A new input kind or button action is added here first.


@dataclass(frozen=True)
class InputKind:
    """What a screen can `expect`: its outcomes (`on.<outcome>`), and how a person answers."""
    outcomes: tuple[str, ...]  # each must say where it goes
    optional: tuple[str, ...] = ()  # may say where it goes
    typed: bool = False  # a typed answer is read (the web door shows a text field)
    choices: str | None = None  # the buttons the engine makes: "languages", "places" (several fit), "services"
    means: str = ""


INPUT_KINDS: dict[str | None, InputKind] = {
    None: InputKind((), means="no input: buttons only"),
    "language": InputKind(("chosen",), choices="languages", means="a language, from a button per language"),
    "town": InputKind(("found", "several", "missing"), ("known",), typed=True,
                      means="a typed town (known: already known from a link or an earlier answer)"),
    "town-choice": InputKind(("chosen",), choices="places", means="one of the places a typed name fitted"),
    "service-choice": InputKind(("chosen",), choices="services", means="one of the services the answer listed"),
}


@dataclass(frozen=True)
class ButtonAction:
    """What a button's `set = { <key> = <value> }` does to the conversation."""
    values: tuple[str, ...] | None  # the values it takes; None: any name (lower-case letters, digits, "-")
    means: str


BUTTON_ACTIONS: dict[str, ButtonAction] = {
    "need": ButtonAction(NEEDS, "the kind of help the answer is for"),
    "place": ButtonAction(("none",), "forget the town"),
    "danger": ButtonAction(("yes", "no"), "in danger now, or not"),
    "mark": ButtonAction(None, "a self-check mark, kept in memory for this conversation"),
    "marks": ButtonAction(("none",), "forget every mark"),
    "page": ButtonAction(("more",), "the rest of a long answer"),
}
