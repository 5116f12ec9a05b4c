"""`confnotes check`: every note and registry file read as the build reads them, no site built.

Problems are printed one a line as `path:line:column: severity: message`, the form editors and
terminals turn into links, with paths from the repository root. On GitHub Actions each one is
also written as a workflow command, so it shows on the pull request's diff.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import collect, page_keys, registry
from .messages import Problem, printable
from .settings import Settings, cache_dir


@dataclass(frozen=True)
class Outcome:
    """What a check found. Problem paths here start at the repository root."""

    problems: list[Problem]
    notes: int                      # notes read; 0 when a broken registry stopped the check
    registries_broken: bool = False

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def exit_status(self, strict: bool) -> int:
        """1 on errors, and on warnings when `strict` (as `mkdocs build --strict` fails)."""
        return 1 if self.errors or (strict and self.warnings) else 0


def run(settings: Settings, only: Sequence[Path] = ()) -> Outcome:
    """Read the docs folder with the build's own code; keep the problems of `only` if given.

    A registry file or mkdocs.yml among `only` keeps every problem: changing one changes how
    every note is read.
    """
    unread = [p for p in (_unreadable(path, settings) for path in only) if p is not None]
    if unread:
        return Outcome(unread, 0)
    try:
        site, report = collect.read_folder(settings.docs_dir, settings.registries,
                                           cache_dir(settings.root) / "images",
                                           page_keys.Theme(settings.theme_dirs))
    except registry.RegistryError as exc:
        return Outcome(located(exc.problems, settings), 0, registries_broken=True)
    problems = located(report.problems, settings)
    wanted = {_from_root(path, settings) for path in only}
    widening = {settings.from_root(p) for p in settings.registries.values()}
    widening.add(_from_root(settings.config, settings))
    if wanted and not wanted & widening:
        problems = [p for p in problems if p.path in wanted]
    return Outcome(problems, len(site.notes))


def _unreadable(path: Path, settings: Settings) -> Problem | None:
    """Why a FILE given to the check is not one it reads: missing, or outside the docs folder
    (the check reads nothing else, so it would otherwise say nothing and pass)."""
    shown = _from_root(path, settings)
    if not path.exists():
        return Problem(shown, None, "there is no such file.", severity="error")
    real = path.resolve()
    if real == settings.config.resolve() or (real.is_file() and real.is_relative_to(
            settings.docs_dir)):
        return None
    return Problem(shown, None, f"is not a file under the docs folder "
                   f"'{_from_root(settings.docs_dir, settings)}/'; confnotes check reads notes "
                   "and registry files there only.", severity="error")


def located(problems: Iterable[Problem], settings: Settings) -> list[Problem]:
    """Problems with paths from the repository root, by file, line, column."""
    moved = [replace(p, path=settings.from_root(p.path)) for p in problems]
    return sorted(moved, key=lambda p: (p.path, p.line or 0, p.column, p.severity, p.text))


def _from_root(path: Path, settings: Settings) -> str:
    return Path(os.path.relpath(path.resolve(), settings.root)).as_posix()


def line(problem: Problem) -> str:
    """`docs/notes/x.md:3:1: warning: ...`; a problem of the whole file points at its start."""
    text = printable(" ".join(problem.text.split()))
    return (f"{printable(problem.path)}:{problem.line or 1}:{problem.column}: "
            f"{problem.severity}: {text}")


def annotation(problem: Problem) -> str:
    """The GitHub Actions workflow command that puts `problem` on the pull request."""
    return (f"::{problem.severity} file={escape_property(problem.path)},"
            f"line={problem.line or 1},col={problem.column}::{escape_data(problem.text)}")


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as `escape_data`, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
