"""Settings from the environment, in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ConfigError(Exception):
    pass


def _number(name: str, default: float, low: float, high: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}")
    return value


def _mode(value: str) -> str:
    value = value.strip().lower() or "polling"
    if value not in ("polling", "webhook"):
        raise ConfigError(f"PUTOKAZ_MODE must be polling or webhook (got {value!r})")
    return value


def _token_file(env) -> str:
    """The token from a file instead of the environment (where /proc/<pid>/environ would show it):
    TELEGRAM_TOKEN_FILE, or the credential systemd hands over (LoadCredential=token:...)."""
    path = env.get("TELEGRAM_TOKEN_FILE", "").strip()
    if not path and env.get("CREDENTIALS_DIRECTORY"):
        path = os.path.join(env["CREDENTIALS_DIRECTORY"], "token")
    if not path:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError:
        raise ConfigError(f"the token file {path} cannot be read (TELEGRAM_TOKEN_FILE or the systemd credential "
                          "'token'); check that it exists and that the bot may read it") from None


# Settings that no longer exist: set, they stop the start with one line naming what replaced them.
RETIRED = {
    "PUTOKAZ_STALE_AFTER_DAYS": "age no longer hides a row; unset it and use PUTOKAZ_CAUTION_AFTER_DAYS "
                                "(after how many days the answer says a number may have changed); "
                                "hide a row with status = stale or not-working in data/services.csv",
}


WEB_LISTEN = "127.0.0.1:8088"


def _exit_url(value: str) -> str:
    if not value.startswith("https://") or any(c in value for c in "\"'<> \n"):
        raise ConfigError(f"PUTOKAZ_WEB_EXIT_URL must be an https:// address of a neutral site (got {value!r})")
    return value


@dataclass(frozen=True)
class Settings:
    token: str = ""
    api_base_url: str | None = None
    file_base_url: str | None = None
    data_dir: Path = ROOT / "data"
    dialogs_dir: Path = ROOT / "dialogs"
    locales_dir: Path = ROOT / "locales"
    db_path: Path = ROOT / "var" / "register.sqlite3"
    session_minutes: float = 30
    session_max: int = 10_000
    nearby_km: float = 60
    bot_username: str = ""  # for `link` and `flyer`; asked from Telegram (getMe) when empty and a token is set
    caution_days: int = 730  # past this many days since a row's newer date, the answer says it may have changed
    log_level: str = "INFO"
    delete_typed: bool = True  # delete each message a person types right after reading it
    late_minutes: float = 15  # a message older than this is answered by starting over
    erase_later_seconds: float = 3600
    max_rate: float = 30  # outgoing messages a second, all chats together (Telegram's limit)
    flood_burst: float = 5  # updates one chat may send at once before its updates wait their turn
    flood_per_second: float = 2  # then this many a second, in order (up to 10 waiting; beyond that dropped)
    watch_seconds: float = 2  # how often to look for edited operator files (0 = only on SIGHUP)
    mode: str = "polling"  # or "webhook"
    listen: str = "127.0.0.1:8443"  # webhook mode: where the bot's HTTP server listens
    webhook_url: str = ""  # webhook mode: the public base URL Telegram posts to (a random path is added)
    webhook_secret: str = ""  # webhook mode: Telegram's secret_token; generated at start when empty
    health_port: int = 0  # polling mode: serve /healthz on 127.0.0.1:<port> when set
    stop_seconds: float = 10  # on SIGTERM: how long to finish the updates in hand
    log_format: str = "text"  # or "json": one JSON object a line
    sessions_url: str = ""  # redis://… to share sessions between instances; empty = in memory
    session_key: str = ""  # the secret of the keyed hash, shared by instances (required with Redis)
    summary_minutes: float = 15  # how often to log the update count and latency summary
    stats: bool = True  # count answers by (week, district, need, language)
    stats_db: Path = ROOT / "var" / "stats.sqlite3"
    web_listen: str = ""  # the web door (bot/webdoor.py): host:port; `python -m bot web` uses WEB_LISTEN when empty
    web_url: str = ""  # the web door's public address, for `link --web` / `flyer --web` (https:// makes cookies Secure)
    web_exit_url: str = "https://www.google.com/search?q=vremenska+prognoza"  # where the quick exit goes

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ
        for old, new in RETIRED.items():
            if env.get(old, "").strip():
                raise ConfigError(f"{old} is retired: {new}")
        return cls(
            token=env.get("TELEGRAM_TOKEN", "").strip() or _token_file(env),
            api_base_url=env.get("TELEGRAM_API_BASE_URL") or None,
            file_base_url=env.get("TELEGRAM_FILE_BASE_URL") or None,
            data_dir=Path(env.get("PUTOKAZ_DATA_DIR") or cls.data_dir),
            dialogs_dir=Path(env.get("PUTOKAZ_DIALOGS_DIR") or cls.dialogs_dir),
            locales_dir=Path(env.get("PUTOKAZ_LOCALES_DIR") or cls.locales_dir),
            db_path=Path(env.get("PUTOKAZ_DB") or cls.db_path),
            session_minutes=_number("PUTOKAZ_SESSION_MINUTES", cls.session_minutes, 1, 24 * 60),
            session_max=int(_number("PUTOKAZ_SESSION_MAX", cls.session_max, 10, 10_000_000)),
            nearby_km=_number("PUTOKAZ_NEARBY_KM", cls.nearby_km, 0, 500),
            bot_username=env.get("PUTOKAZ_BOT_USERNAME", "").strip(),
            caution_days=int(_number("PUTOKAZ_CAUTION_AFTER_DAYS", cls.caution_days, 1, 100 * 365)),
            log_level=(env.get("PUTOKAZ_LOG_LEVEL") or cls.log_level).upper(),
            delete_typed=env.get("PUTOKAZ_KEEP_TYPED", "").strip().lower() not in ("1", "yes", "true"),
            late_minutes=_number("PUTOKAZ_LATE_MINUTES", cls.late_minutes, 1, 24 * 60),
            erase_later_seconds=_number("PUTOKAZ_ERASE_LATER_SECONDS", cls.erase_later_seconds, 1, 48 * 3600),
            max_rate=_number("PUTOKAZ_MAX_RATE", cls.max_rate, 0, 100_000),
            flood_burst=_number("PUTOKAZ_FLOOD_BURST", cls.flood_burst, 1, 1000),
            flood_per_second=_number("PUTOKAZ_FLOOD_PER_SECOND", cls.flood_per_second, 0.01, 1000),
            watch_seconds=_number("PUTOKAZ_WATCH_SECONDS", cls.watch_seconds, 0, 3600),
            stats=env.get("PUTOKAZ_STATS", "").strip().lower() not in ("0", "no", "false", "off"),
            mode=_mode(env.get("PUTOKAZ_MODE", "polling")),
            listen=env.get("PUTOKAZ_LISTEN") or cls.listen,
            webhook_url=env.get("PUTOKAZ_WEBHOOK_URL", "").strip(),
            webhook_secret=env.get("PUTOKAZ_WEBHOOK_SECRET", "").strip(),
            health_port=int(_number("PUTOKAZ_HEALTH_PORT", 0, 0, 65535)),
            stop_seconds=_number("PUTOKAZ_STOP_SECONDS", cls.stop_seconds, 0, 600),
            sessions_url=env.get("PUTOKAZ_SESSIONS", "").strip(),
            session_key=env.get("PUTOKAZ_SESSION_KEY", "").strip(),
            log_format="json" if env.get("PUTOKAZ_LOG_FORMAT", "").strip().lower() == "json" else "text",
            summary_minutes=_number("PUTOKAZ_SUMMARY_MINUTES", cls.summary_minutes, 0.01, 24 * 60),
            stats_db=Path(env.get("PUTOKAZ_STATS_DB") or cls.stats_db),
            web_listen=env.get("PUTOKAZ_WEB_LISTEN", "").strip(),
            web_url=env.get("PUTOKAZ_WEB_URL", "").strip(),
            web_exit_url=_exit_url(env.get("PUTOKAZ_WEB_EXIT_URL", "").strip() or cls.web_exit_url),
        )
