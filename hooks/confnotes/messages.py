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
        where = f"Doc file '{printable(self.path)}'"
        if self.line is not None:
            where += f", line {self.line}"
        return f"{where}: {printable(self.text)}"


def printable(text: str) -> str:
    """`text` with every character a terminal or a CI log would act on (line breaks, other
    controls, direction overrides) written as an escape: a file name cannot start a line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: text in quotes, a list or mapping by its kind, never
    longer than `limit` characters (a crafted value must not flood the log)."""
    if isinstance(value, dict):
        return f"a mapping of {len(value)} fields"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} items"
    text = value if isinstance(value, str) else str(value)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text) if isinstance(value, str) else text


class Report:
    """Collects every problem of a build, in the order found; never stops at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()
        # Keys no generator is known to write, with every place they are used: reported once
        # per site by `report_unknown_keys`, not once per note.
        self.unknown_keys: dict[str, list[tuple[str, int | None, int]]] = {}

    def warn(self, path: str, line: int | None, text: str, column: int = 1) -> None:
        self._add(Problem(path, line, text, column))

    def error(self, path: str, line: int | None, text: str, column: int = 1) -> None:
        self._add(Problem(path, line, text, column, "error"))

    def add(self, problem: Problem) -> None:
        self._add(problem)

    def _add(self, problem: Problem) -> None:
        # The same words about the same line say nothing new (a list of ten bad items).
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def unknown_key(self, name: str, path: str, line: int | None, column: int = 1) -> None:
        self.unknown_keys.setdefault(name, []).append((path, line, column))

    def report_unknown_keys(self) -> None:
        """One warning per unknown key, at its first use, naming the notes that use it."""
        for name in sorted(self.unknown_keys, key=lambda k: self.unknown_keys[k][0]):
            places = sorted(set(self.unknown_keys[name]), key=lambda p: (p[0], p[1] or 0))
            path, line, column = places[0]
            files = sorted({p for p, _, _ in places})
            where = ""
            if len(files) > 1:
                listed = ", ".join(files[:5]) + (", …" if len(files) > 5 else "")
                where = f" (in {len(files)} notes: {listed})"
            self.warn(path, line, f"unknown field {shown(name, 40)}{where}; it is ignored.",
                      column)
        self.unknown_keys.clear()

    def extend(self, other: Report) -> None:
        for problem in other.problems:
            self._add(problem)

    def __len__(self) -> int:
        return len(self.problems)
