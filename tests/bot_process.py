"""The bot as an operator starts it (`python -m bot`), in a scratch folder, for end-to-end tests."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "5550001:AAHcanaryTokenDoNotLog_0123456789abcdef"


class Bot:
    """The bot as an operator starts it, in a scratch folder."""

    def __init__(self, tmp: Path, api_url: str, **env: str):
        self.tmp = tmp
        self.api_url = api_url
        self.env = dict(env)  # the shipped settings, flood control included, unless a test says otherwise
        self.proc: asyncio.subprocess.Process | None = None
        self.log = tmp / "logs" / "bot.log"

    async def start(self) -> None:
        for d in ("work", "tmp", "home", "logs", "var"):
            (self.tmp / d).mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PUTOKAZ_"))}
        env.update(TELEGRAM_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=self.api_url, PUTOKAZ_DB=str(self.tmp / "var" / "r.sqlite3"),
                   PUTOKAZ_STATS_DB=str(self.tmp / "var" / "stats.sqlite3"),
                   TMPDIR=str(self.tmp / "tmp"), HOME=str(self.tmp / "home"), PUTOKAZ_LOG_LEVEL="DEBUG",
                   PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
        env.update(self.env)
        self._out = open(self.log, "wb")
        self.proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=self.tmp / "work", env=env,
                                                         stdout=self._out, stderr=asyncio.subprocess.STDOUT)

    async def stop(self) -> int:
        if self.proc and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 15)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        self._out.close()
        return self.proc.returncode

    def rss_kib(self) -> int:
        """Resident memory of the bot process, from /proc."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0
