"""Names the engine, the register and the checker share: no I/O, nothing to import but this.

`import bot.engine` must stay light (no SQLite, no phone-number tables): the dialogue and the engine
take their words from here, the register validates against the same tuples.
"""
from __future__ import annotations

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
