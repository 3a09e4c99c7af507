"""What each layer loads when imported, in a fresh interpreter: the engine stays free of I/O and
Telegram, and a bot serving Telegram alone never loads the web server (about 9 MiB of memory)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def loaded_after(statement: str, packages: list[str]) -> list[str]:
    probe = (f"import sys\n{statement}\nimport json\n"
             f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({packages!r}))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_engine_loads_no_database_no_phone_parser_and_no_telegram():
    assert loaded_after("import bot.engine", ["aiosqlite", "sqlite3", "phonenumbers", "telegram", "aiohttp",
                                              "httpx"]) == []


@pytest.mark.parametrize("statement", ["import bot.telegram_adapter", "import bot.app", "import bot.__main__"])
def test_a_bot_serving_telegram_alone_does_not_load_the_web_server(statement):
    assert loaded_after(statement, ["aiohttp"]) == []


def test_the_web_door_does_load_it():  # the probe can see aiohttp when it is there
    assert loaded_after("import bot.webdoor", ["aiohttp"]) == ["aiohttp"]
