"""Read a docs folder into the model without MkDocs: what `confnotes check` and the build share.

The build hands over the files MkDocs found; the check walks the folder the way MkDocs does
(Markdown files, dot-files and dot-folders left out). Both then go through the same steps.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from . import body, front_matter, index, markup, normalize, page_keys, pictures, registry, sources
from .kinds import DEFAULT_REGISTRIES as DEFAULT_REGISTRIES
from .kinds import INDEX_PAGES
from .messages import Problem, Report, shown
from .model import FIRST_DATE, KINDS, LAST_DATE, MAX_DAY, MAX_TEXT, Kind, cut

MARKDOWN_SUFFIXES = sources.MARKDOWN_SUFFIXES
# Pages the site makes itself; a Markdown file at one of these paths is a page, not a note.
NOT_NOTES = frozenset(INDEX_PAGES)


MAX_NAME_BYTES = 200       # a file or folder name; its page and card are named after it


def read_note(path: str, data: bytes, report: Report, theme: page_keys.Theme | None = None,
              library: pictures.Library | None = None,
              slugify: body.Slugify = body.anchor_slug) -> normalize.RawNote:
    """One note from its bytes: decoded, split, normalised, its values within the ranges the
    pages, feeds and calendars can hold. Never raises on bad content.

    With the site's `library` of pictures, also what the build finds only as it renders the
    page (`confnotes check` renders nothing): the HTML it will remove, the pictures it will
    not show."""
    text = front_matter.decode(data, path, report)
    source = front_matter.split(text, path, report)
    if library is not None:
        removed = markup.scan_markdown(source.body, source.body_line)
        for item, line in removed[:markup.REMOVALS_SHOWN]:
            report.warn(path, line, markup.message(item))
        _report_images(path, source.body, source.body_line, library, report)
    try:
        raw = normalize.normalise(source, path, report, slugify)
    except (ValueError, OverflowError, RecursionError) as exc:
        # A last guard, not a rule: whatever a note holds, the rest of the site is built.
        report.warn(path, 1, f"Confnotes could not read this note ({type(exc).__name__}: "
                             f"{shown(str(exc), 80)}); it is published as plain text. Please "
                             "report this with the note attached.")
        raw = normalize.normalise(front_matter.Source(text, "", 1), path, Report())
        raw.markdown = text
        return raw
    raw.page_meta = page_keys.read(source.meta, source.meta.lines, path, report, theme)
    _within_ranges(raw, report)
    for part in path.split("/"):
        if len(part.encode("utf-8")) > MAX_NAME_BYTES:
            report.warn(path, None, f"the name {shown(part, 40)} is "
                        f"{len(part.encode('utf-8'))} bytes long, over {MAX_NAME_BYTES}; many "
                        "systems cannot check out such a name. Shorten it.")
    return raw


def ready() -> None:
    """Nothing: a first job for a second process, which imports this module (and what reading
    a note needs) before the notes are there to read."""


def read_notes(notes: list[tuple[str, bytes]], theme: page_keys.Theme | None = None,
               slugify: body.Slugify = body.anchor_slug) -> list[tuple[
                   normalize.RawNote, list[Problem], dict[str, list[tuple[str, int | None, int]]]]]:
    """`read_note` of each (path, bytes), each with what reading it reported: a share of the
    notes for a second process, or the notes `mkdocs serve` reads again."""
    read = []
    for path, data in notes:
        report = Report()
        raw = read_note(path, data, report, theme, slugify=slugify)
        read.append((raw, report.problems, report.unknown_keys))
    return read


def _read_own_page(path: str, data: bytes, report: Report, theme: page_keys.Theme | None,
                   library: pictures.Library) -> None:
    """The site's own pages (index.md, a section's index.md) as the build reads them: MkDocs
    parses their front matter (so without lines here too), Confnotes checks their page keys,
    removes their raw HTML and checks their pictures."""
    text = front_matter.decode(data, path, Report())
    source = front_matter.split(text, path, Report())
    page_keys.read(source.meta, {}, path, report, theme)
    for item, line in markup.scan_markdown(source.body, source.body_line)[:markup.REMOVALS_SHOWN]:
        report.warn(path, line, markup.message(item))
    _report_images(path, source.body, source.body_line, library, report)


def _within_ranges(raw: normalize.RawNote, report: Report) -> None:
    texts = [("title", raw.title, raw.lines.get("title") or 1),
             ("session", raw.session or "", raw.lines.get("session"))]
    texts += [("talk title", talk.title, talk.line) for talk in raw.talks]
    for what, text, line in texts:
        if len(text) > MAX_TEXT:
            report.warn(raw.path, line, f"the {what} is {len(text):,} characters long; it is "
                        f"cut to {MAX_TEXT} where it is listed. Move the rest into the text.")
    # A title is never empty: every page, listing and feed shows it (a first line of only
    # markup, such as a lone '``', read as a title, leaves no text).
    raw.title = cut(raw.title) or PurePosixPath(raw.path).stem or raw.path
    raw.session = cut(raw.session) if raw.session else raw.session
    for talk in raw.talks:
        talk.title = cut(talk.title)
    if raw.date is not None and not FIRST_DATE <= raw.date <= LAST_DATE:
        report.warn(raw.path, raw.lines.get("date"), f"date {raw.date.isoformat()} is outside "
                    f"{FIRST_DATE.year}-{LAST_DATE.year}; it is left out.")
        raw.date = None
    if raw.day is not None and not 1 <= raw.day <= MAX_DAY:
        report.warn(raw.path, raw.lines.get("day"), f"day {raw.day} is not a day of an event "
                    f"(1-{MAX_DAY}); it is left out.")
        raw.day = None


# A registry as read from given bytes, and what reading it reported (see read_registries).
KeptRegistries = dict[tuple[Kind, str, bytes | None], tuple[registry.Registry, list[Problem]]]


def read_registries(
    read: Callable[[str], bytes | None], paths: Mapping[Kind, str], report: Report,
    kept: KeptRegistries | None = None,
) -> dict[Kind, registry.Registry]:
    """Every registry file; RegistryError with all their problems if any is broken.

    With `kept` (the same dict at each call, under `mkdocs serve`), a file whose bytes are
    those of the last call is not read again: its registry is the one read then (nothing
    changes a Registry once read), and what reading it reported is reported again."""
    registries: dict[Kind, registry.Registry] = {}
    errors: list[registry.RegistryError] = []
    last = dict(kept or {})
    if kept is not None:
        kept.clear()
    for kind in KINDS:
        data = read(paths[kind])
        place = (kind, paths[kind], data)
        try:
            if kept is None:
                registries[kind] = registry.load(kind, paths[kind], data, report)
                continue
            if place not in last:
                found = Report()
                last[place] = (registry.load(kind, paths[kind], data, found), found.problems)
            registries[kind], problems = kept[place] = last[place]
            for problem in problems:
                report.add(problem)
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
    return path.casefold().endswith(MARKDOWN_SUFFIXES) and path not in NOT_NOTES


def note_id(path: str) -> str:
    """A note's id in the export: its path under docs/ without the Markdown ending."""
    stem, dot, suffix = path.rpartition(".")
    return stem if dot and f".{suffix.casefold()}" in MARKDOWN_SUFFIXES else path


def markdown_files(docs_dir: Path, listing: sources.Listing | None = None) -> list[str]:
    """Markdown files under docs/ as MkDocs finds them (dot-files and dot-folders left out),
    as sorted POSIX paths; none reached through a link that leaves docs/."""
    files = (listing or sources.walk(docs_dir)).files
    return [rel for rel in files if rel.casefold().endswith(MARKDOWN_SUFFIXES)
            and not any(p.startswith(".") for p in rel.split("/"))]


def read_folder(
    docs_dir: Path, paths: Mapping[Kind, str] | None = None, pictures_cache: Path | None = None,
    theme: page_keys.Theme | None = None,
) -> tuple[index.Site, Report]:
    """The whole model of a docs folder, and every problem found on the way. With
    `pictures_cache` (the build's cache: what it has made is not made again), also what the
    build finds while it renders: pictures, avatars, image references, raw HTML.

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
    library = picture_library(docs_dir, listing, pictures_cache) if pictures_cache else None
    notes = [read_note(rel, (docs_dir / rel).read_bytes(), report, theme, library)
             for rel in markdown_files(docs_dir, listing) if is_note(rel)]
    if library is not None:
        for rel in markdown_files(docs_dir, listing):
            if not is_note(rel):
                _read_own_page(rel, (docs_dir / rel).read_bytes(), report, theme, library)
    report.report_unknown_keys()
    site = index.build(notes, {n.path: note_url(n.path) for n in notes}, registries, report)
    if library is not None:
        _report_pictures(library, registries["speaker"], report)
    return site, report


def picture_library(docs_dir: Path, listing: sources.Listing, cache: Path) -> pictures.Library:
    """Every picture and SVG under docs/, judged as the build judges them."""
    library = pictures.Library()
    library.known = set(listing.files)
    library.escaping = {p.path for p in listing.problems if p.severity == "warning"}
    for rel in listing.files:
        suffix = posixpath.splitext(rel)[1].lower()
        if suffix == pictures.SVG_SUFFIX:
            why = pictures.svg_refusal((docs_dir / rel).read_bytes())
            if why is not None:
                library.pictures[rel] = pictures.Picture.refuse(why, pictures.SVG_FIX)
        elif suffix in pictures.RASTER_SUFFIXES:
            library.pictures[rel] = pictures.cached(cache, (docs_dir / rel).read_bytes(),
                                                    suffix)[0]
    return library


def _report_images(path: str, body: str, first_line: int, library: pictures.Library,
                   report: Report) -> None:
    """The note's image references the build will warn about, at their lines: a Markdown
    image is relative to the note's folder, an <img> to the page's address."""
    note_folder = posixpath.dirname(path)
    page = note_url(path)
    page_folder = page.rstrip("/") if page.endswith("/") else posixpath.dirname(page)
    for src, line, raw in markup.images_in(body, first_line):
        found = library.find(src, page_folder if raw else note_folder)
        if found is None:
            continue
        if found.src_uri:
            library.referenced.add(found.src_uri)
        if found.problem:
            report.warn(path, line, f"image {shown(src)} {found.problem}")


def _report_pictures(library: pictures.Library, speakers: registry.Registry,
                     report: Report) -> None:
    """Bad avatars at their registry entries; a refused picture no note shows, by its path."""
    for term in sorted(speakers.terms.values(), key=lambda t: t.id):
        if term.avatar:
            src, problem = pictures.avatar_problem(library, term.avatar)
            library.referenced.add(src or "")
            if problem:
                report.warn(term.source, term.line,
                            pictures.avatar_warning(term.id, term.avatar, problem))
    for rel, picture in sorted(library.pictures.items()):
        if picture.refused and rel not in library.referenced:
            report.warn(rel, None, f"this picture {picture.refused}; it is not published. "
                                   f"{picture.fix}")
