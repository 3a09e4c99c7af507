from __future__ import annotations

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


_CORES: dict = {}


@pytest.fixture
async def core(settings):
    """The shipped core, loaded once per worker and handed out as a copy (a test that sets
    `core.demand` changes only its own). Tests that change a file build their own with load_core."""
    key = (settings.data_dir, settings.dialogs_dir, settings.locales_dir, settings.delete_typed,
           settings.nearby_km, settings.caution_days)
    if key not in _CORES:
        _CORES[key] = await load_core(settings)
    return replace(_CORES[key])


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


# --- kinds of test: `python -m pytest -m unit` runs the quick ones ----------------------------------
# e2e: a real bot process or Application against the local Bot API server, or the command line in a
# subprocess; load: many simulated people at once. Everything else is a unit test (real files, real
# SQLite, no server).
E2E_MODULES = {"test_e2e", "test_pace_e2e", "test_safety", "test_instances", "test_deploy", "test_cli", "test_browser"}
LOAD_MODULES = {"test_load"}
E2E_FIXTURES = {"running", "h", "bot", "api"}


def _runs_a_subprocess(item) -> bool:
    import inspect
    try:
        return "subprocess" in inspect.getsource(getattr(item, "obj", None) or (lambda: None))
    except (OSError, TypeError):
        return False


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in LOAD_MODULES:
            item.add_marker(pytest.mark.load)
        elif (module in E2E_MODULES or E2E_FIXTURES & set(getattr(item, "fixturenames", ()))
              or _runs_a_subprocess(item)):
            item.add_marker(pytest.mark.e2e)
        else:
            item.add_marker(pytest.mark.unit)
