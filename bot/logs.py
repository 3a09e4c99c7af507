"""Logging that cannot leak: no updates, no ids, no text, and the token redacted everywhere."""
from __future__ import annotations

import logging
import re
import sys

TOKEN_PATTERN = re.compile(r"\b\d{5,12}:[A-Za-z0-9_-]{30,}\b")


class RedactToken(logging.Filter):
    """Replaces anything shaped like a bot token (and the configured token) with [token]."""

    def __init__(self, token: str = ""):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = TOKEN_PATTERN.sub("[token]", message)
        if self.token:
            clean = clean.replace(self.token, "[token]")
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            # Tracebacks may quote request URLs (which contain the token): keep only the type.
            record.msg = f"{record.getMessage()} ({type(record.exc_info[1]).__name__})"
            record.args, record.exc_info, record.exc_text = None, None, None
        return True


class JsonLines(logging.Formatter):
    """One JSON object a line, for log collectors: time, level, logger, message — nothing else."""

    def format(self, record: logging.LogRecord) -> str:
        import json
        return json.dumps({"ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "level": record.levelname,
                           "logger": record.name, "msg": record.getMessage()}, ensure_ascii=False)


def setup(level: str = "INFO", token: str = "", stream=None, fmt: str = "text") -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonLines() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and the URL contains the token.
    for name in ("httpx", "httpcore", "telegram", "apscheduler", "aiosqlite"):
        logging.getLogger(name).setLevel(logging.WARNING)
