"""Read a docs folder into the model without MkDocs: what `confnotes check` and the build share.

The build hands over the files MkDocs found; the check walks the folder the way MkDocs does
(Markdown files, dot-files and dot-folders left out). Both then go through the same steps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from . import front_matter, index, normalize, registry, sources
from .messages import Report
from .model import KINDS, Kind

DEFAULT_REGISTRIES: dict[Kind, str] = {
    "speaker": "speakers.yml", "topic": "topics.yml", "event": "events.yml"}
# Pages the site makes itself; a Markdown file at one of these paths is a page, not a note.
NOT_NOTES = frozenset({"index.md", "notes/index.md", "speakers/index.md", "topics/index.md",
                       "events/index.md"})


def read_note(path: str, data: bytes, report: Report) -> normalize.RawNote:
    """One note from its bytes: decoded, split, normalised. Never raises on bad content."""
    text = front_matter.decode(data, path, report)
    return normalize.normalise(front_matter.split(text, path, report), path, report)


def read_registries(
    read: Callable[[str], bytes | None], paths: Mapping[Kind, str], report: Report
) -> dict[Kind, registry.Registry]:
    """Every registry file; RegistryError with all their problems if any is broken."""
    registries: dict[Kind, registry.Registry] = {}
    errors: list[registry.RegistryError] = []
    for kind in KINDS:
        try:
            registries[kind] = registry.load(kind, paths[kind], read(paths[kind]), report)
        except registry.RegistryError as exc:
            errors.append(exc)
    if errors:
        raise registry.RegistryError([p for e in errors for p in e.problems])
    return registries


def note_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown file: `notes/x.md` -> `notes/x/`."""
    pure = PurePosixPath(path)
    if not directory_urls:
        return str(pure.with_suffix(".html"))
    if pure.stem in ("index", "README"):
        parent = str(pure.parent)
        return "" if parent == "." else parent + "/"
    return str(pure.with_suffix("")) + "/"


def is_note(path: str) -> bool:
    return path.endswith(".md") and path not in NOT_NOTES


def markdown_files(docs_dir: Path, listing: sources.Listing | None = None) -> list[str]:
    """Markdown files under docs/ as MkDocs finds them (dot-files and dot-folders left out),
    as sorted POSIX paths; none reached through a link that leaves docs/."""
    files = (listing or sources.walk(docs_dir)).files
    return [rel for rel in files
            if rel.endswith(".md") and not any(p.startswith(".") for p in rel.split("/"))]


def read_folder(
    docs_dir: Path, paths: Mapping[Kind, str] | None = None
) -> tuple[index.Site, Report]:
    """The whole model of a docs folder, and every problem found on the way.

    Raises RegistryError when a registry file is broken, as the build does.
    """
    report = Report()
    paths = paths or DEFAULT_REGISTRIES
    listing = sources.walk(docs_dir)
    for problem in listing.problems:
        report.add(problem)
    readable = set(listing.files)

    def read(rel: str) -> bytes | None:
        return (docs_dir / rel).read_bytes() if rel in readable else None

    registries = read_registries(read, paths, report)
    notes = [read_note(rel, (docs_dir / rel).read_bytes(), report)
             for rel in markdown_files(docs_dir, listing) if is_note(rel)]
    site = index.build(notes, {n.path: note_url(n.path) for n in notes}, registries, report)
    return site, report
