from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot.config import Settings  # noqa: E402
from bot.core import load_core  # noqa: E402
from bot.i18n import LANGUAGES  # noqa: E402

# Tests run on the shipped settings and today's date: no production rule is switched off here.
# (Age changes only how a row is shown — "may have changed" — never whether; tests that need a
# particular day freeze the register's clock instead.)


@pytest.fixture
def settings(tmp_path) -> Settings:
    """The real dialogs, locales and register, with the SQLite file in a temporary folder."""
    return replace(Settings(), db_path=tmp_path / "register.sqlite3", stats_db=tmp_path / "stats.sqlite3")


@pytest.fixture
async def core(settings):
    return await load_core(settings)


@pytest.fixture
def copy_tree(tmp_path):
    """A writable copy of dialogs/, locales/ and data/ for tests that break a file on purpose."""
    import shutil

    def make() -> Settings:
        for name in ("dialogs", "locales", "data"):
            shutil.copytree(ROOT / name, tmp_path / name, dirs_exist_ok=True)
        return Settings(data_dir=tmp_path / "data", dialogs_dir=tmp_path / "dialogs",
                        locales_dir=tmp_path / "locales", db_path=tmp_path / "register.sqlite3",
                        stats_db=tmp_path / "stats.sqlite3")
    return make


ALL_LANGUAGES = LANGUAGES


@pytest.fixture
async def hung_server():
    """A TCP server on 127.0.0.1 that accepts connections and never answers (a hung Redis): its port."""
    import asyncio
    held = []

    async def hang(reader, writer):
        held.append(writer)
        await asyncio.sleep(60)

    server = await asyncio.start_server(hang, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for w in held:
            w.close()
        server.close()
