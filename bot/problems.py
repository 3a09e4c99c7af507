"""One mistake in an operator's file, said as a whole sentence (file, line, what, how to fix)."""
from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Iterable, Literal


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    severity: Literal["error", "warning"] = "error"
    where: str = ""  # screen, message id or row, when there is one

    def __str__(self) -> str:
        loc = f"{self.file}:{self.line}" if self.line else self.file
        where = f" [{self.where}]" if self.where else ""
        return f"{loc}{where}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


class InvalidFiles(Exception):
    """Raised at start when an operator's file has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if p.severity == "error"]
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' Did you mean "{close[0]}"?' if close else ""


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
