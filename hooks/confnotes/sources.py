"""What under docs/ may be read, published, written or deleted: nothing outside it.

A symbolic link in a pull request is one line of its diff, easy to miss; followed, it would
publish whatever it points to (`.git/config` with the checkout's credentials, `/etc/passwd`,
`/proc/self/environ`). So:

- a link to a folder is an error, found before anything is read: MkDocs walks linked folders
  while it lists the files, before any hook can leave them out, and a link to `/` or to a
  folder above itself makes that walk endless;
- a link to a file outside docs/, or to nothing, is left out with a warning;
- a link to another file under docs/ is read as that file;
- a file whose name holds a line break or another control character is left out: its name
  would reach logs and CI annotations, where a line break starts a command.

The commands write and delete only through `target`, which refuses any path that leaves
docs/ or passes through a link.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .messages import Problem, shown

# The endings MkDocs reads as Markdown pages: a Jekyll post may well end in `.markdown`.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class OutsideDocs(ValueError):
    """A path a command was about to write or delete is not plainly under docs/."""


@dataclass
class Listing:
    """Every file under docs/ that may be read, as sorted POSIX paths, and why others may not."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        """A linked folder was found: nothing should be read until it is gone."""
        return any(p.severity == "error" for p in self.problems)


def walk(docs_dir: Path) -> Listing:
    """Every file under `docs_dir`, never following a link to a folder; linked folders and
    refused files are problems instead (dot-files included: MkDocs walks them too)."""
    listing = Listing()
    found = scan(docs_dir)
    listing.problems = list(found.linked)
    for folder, dirnames, filenames in os.walk(docs_dir):
        dirnames[:] = sorted(d for d in dirnames if not os.path.islink(os.path.join(folder, d)))
        relative = Path(os.path.relpath(folder, docs_dir))
        for name in filenames:
            rel = (relative / name).as_posix().removeprefix("./")
            problem = refusal(docs_dir, rel, rel in found.plain)
            if problem is None:
                listing.files.append(rel)
            else:
                listing.problems.append(problem)
    listing.files.sort()
    listing.problems.sort(key=lambda p: (p.path, p.text))
    return listing


@dataclass
class Scan:
    """What one look through docs/ found, links never followed."""

    linked: list[Problem] = field(default_factory=list)   # an error per link to a folder
    markdown: int = 0                                      # Markdown files seen
    plain: set[str] = field(default_factory=set)          # files that are no link


def scan(docs_dir: Path) -> Scan:
    """Every folder under `docs_dir` listed once (os.scandir: whether an entry is a link comes
    with the listing, without a look at each file)."""
    found = Scan()
    root = os.fspath(docs_dir)
    folders = [("", root)]
    while folders:
        rel, folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            path = rel + entry.name
            link = entry.is_symlink()
            if link and os.path.isdir(entry.path):
                found.linked.append(Problem(
                    path, None, f"a symbolic link to a folder ({shown(os.readlink(entry.path))})"
                    "; MkDocs would read everything under it before Confnotes could leave it "
                    "out. Put the files themselves under docs/ and remove the link.",
                    severity="error"))
                continue
            if not link and entry.is_dir():
                folders.append((path + "/", entry.path))
                continue
            if not link:
                found.plain.add(path)
            if entry.name.casefold().endswith(MARKDOWN_SUFFIXES):
                found.markdown += 1
    found.linked.sort(key=lambda p: p.path)
    return found


def refusal(docs_dir: Path | str, rel: str, plain: bool = False) -> Problem | None:
    """Why the file `rel` under `docs_dir` must not be read or published, or None. `plain`:
    a scan has just found it is no link, so it is not looked at again."""
    if _CONTROL.search(rel):
        return Problem(rel, None, "the file's name holds a line break or another control "
                                  "character; it is not published. Rename the file.")
    if plain:
        return None
    path = os.path.join(docs_dir, rel)
    if not os.path.islink(path):
        return None
    link = shown(os.readlink(path))
    real = os.path.realpath(path)
    if not os.path.exists(real):
        return Problem(rel, None, f"a symbolic link to {link}, which does not exist; it is "
                                  "not published. Remove the link.")
    if not inside(real, os.path.realpath(docs_dir)):
        return Problem(rel, None, f"a symbolic link to {link}, outside docs/; it is not "
                                  "published. Put the file itself under docs/.")
    return None


def inside(path: str, folder: str) -> bool:
    """`path` is `folder` or under it (both absolute, links already resolved)."""
    return os.path.commonpath([path, folder]) == folder


def relative(path: str) -> str | None:
    """`path`, written relative to docs/, as a clean POSIX path under it; None if it is
    absolute or climbs out (`../x`, `a/../../x`)."""
    text = path.replace("\\", "/")
    if not text or text.startswith("/") or re.match(r"^[A-Za-z]:", text):
        return None
    parts: list[str] = []
    for part in PurePosixPath(text).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts) or None


def target(docs_dir: Path, path: str, *, link_ok: bool = False) -> Path:
    """The file `path` under `docs_dir`, to write or delete; OutsideDocs if it climbs out or
    any folder on the way is a link. The file itself may be a link only when `link_ok`
    (deleting a link removes the link, never what it points to)."""
    rel = relative(path)
    if rel is None:
        raise OutsideDocs(f"'{path}' is not a path under {docs_dir}")
    current = docs_dir
    parts = rel.split("/")
    for n, part in enumerate(parts):
        current = current / part
        last = n == len(parts) - 1
        if current.is_symlink() and not (last and link_ok):
            raise OutsideDocs(f"'{path}' passes through the symbolic link {current}")
    return current
