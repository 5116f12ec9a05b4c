"""Problems found in notes and registry files, reported with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["warning", "error"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a contributor should fix, located in a file under docs/."""

    path: str
    line: int | None
    text: str
    column: int = 1
    severity: Severity = "warning"

    def for_mkdocs(self) -> str:
        """The message in MkDocs' own phrasing, as `mkdocs build` prints it."""
        where = f"Doc file '{self.path}'"
        if self.line is not None:
            where += f", line {self.line}"
        return f"{where}: {self.text}"


class Report:
    """Collects every problem of a build, in the order found; never stops at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def warn(self, path: str, line: int | None, text: str, column: int = 1) -> None:
        self.problems.append(Problem(path, line, text, column))

    def error(self, path: str, line: int | None, text: str, column: int = 1) -> None:
        self.problems.append(Problem(path, line, text, column, "error"))

    def extend(self, other: Report) -> None:
        self.problems.extend(other.problems)

    def __len__(self) -> int:
        return len(self.problems)
