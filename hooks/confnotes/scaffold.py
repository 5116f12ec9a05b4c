"""Starting points: a new note at its conventional path, and an empty site made from this one.

A new note gets every front-matter field (empty ones included, so a contributor sees what can
be filled) and a short outline. Names are written in their registered spelling when the
registry knows them under any spelling, so `리카이푸` and `kai fu lee` both become `Kai-Fu Lee`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from . import collect, sources
from .kinds import SPEC
from .model import SECTION, Kind, Term
from .names import clean, look_alike, slugify
from .people import parse_person
from .registry import Registry
from .settings import Settings

SLUG_LIMIT = 60
_YEAR_SUFFIX = re.compile(r"-(?:19|20)\d\d$")


@dataclass(frozen=True)
class Spelling:
    """A name as typed, and what the note will say."""

    typed: str
    written: str
    registered: bool                 # `written` is the registry's spelling
    suggestion: str | None = None    # a registered name close to an unregistered `typed`


def spell(registry: Registry, typed: str, *, as_id: bool = False) -> Spelling:
    """The registered spelling of `typed` (its id when `as_id`), or a close registered name."""
    typed = clean(typed)
    person = parse_person(typed) if registry.kind == "speaker" else None
    name = person.name if person and person.name else typed
    ident = registry.find(name)
    if ident is not None:
        term = registry.terms[ident]
        canonical = term.id if as_id else term.name
        written = typed.replace(name, canonical, 1) if name in typed else canonical
        return Spelling(typed, written, True)
    return Spelling(typed, typed, False, _close(registry, name, as_id))


def _close(registry: Registry, name: str, as_id: bool) -> str | None:
    # The build's own tests of closeness: did-you-mean for every kind, and for people also
    # the look-alikes it warns about (one jamo or letter off, words in another order).
    suggestion = registry.suggest(name)
    term: Term | None = None
    if suggestion is not None:
        term = registry.terms.get(registry.find(suggestion) or "")
    elif registry.kind == "speaker":
        term = next((t for t in registry.terms.values()
                     if any(look_alike(name, n) for n in (t.name, *t.other_names))), None)
    if term is None:
        return None
    return term.id if as_id else term.name


@dataclass(frozen=True)
class Draft:
    """What a new note's front matter says, names already spelled as they will be written."""

    title: str
    date: dt.date | None = None
    event: str | None = None
    day: int | None = None
    session: str | None = None
    speakers: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    source: str | None = None
    lang: str = "ko"
    authors: list[str] = field(default_factory=list)


def event_day(event: Term | None, date: dt.date | None) -> int | None:
    """Which day of a registered event `date` is (1 for its first day), if it falls within it."""
    if event is None or event.start is None or date is None:
        return None
    last = event.end or event.start
    return (date - event.start).days + 1 if event.start <= date <= last else None


def note_path(draft: Draft, event: Term | None, today: dt.date, slug: str | None = None) -> str:
    """`notes/<year>/<event folder>/<slug>.md` under docs/; no event: `notes/<year>/<slug>.md`.

    The event folder is the event's slug without a trailing year, as in notes/2024/sk-ai-summit/.
    """
    year = (draft.date or (event.start if event else None) or today).year
    folders = ["notes", str(year)]
    event_slug = event.slug if event else slugify(draft.event or "")
    if event_slug:
        folders.append(_YEAR_SUFFIX.sub("", event_slug) or event_slug)
    name = slugify(slug) if slug else _short(slugify(draft.title))
    return "/".join([*folders, f"{name or 'note'}.md"])


def _short(slug: str) -> str:
    if len(slug) <= SLUG_LIMIT:
        return slug
    cut = slug[:SLUG_LIMIT]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


_OUTLINE = {
    "ko": [("한 줄 요약", "발표가 말하려던 것을 한 문장으로."),
           ("핵심 내용", "들은 내용을 목록으로. 숫자와 고유명사는 들은 그대로."),
           ("인상 깊었던 점", "내 생각, 다른 발표와 이어지는 지점."),
           ("질의응답", "질문과 답. 없으면 이 절을 지웁니다."),
           ("더 볼 자료", "슬라이드, 영상, 논문 링크.")],
    "en": [("Summary", "What the talk set out to say, in one sentence."),
           ("Key points", "What was said, as a list. Numbers and names as heard."),
           ("Takeaways", "Your own view; links to other talks."),
           ("Q&A", "Questions and answers. Delete this section if there were none."),
           ("Further reading", "Slides, video, papers.")],
}


class _FrontMatterDumper(yaml.SafeDumper):
    """Writes an empty field as `session:` rather than `session: null`."""


_FrontMatterDumper.add_representer(
    type(None), lambda dumper, _: dumper.represent_scalar("tag:yaml.org,2002:null", ""))


def render(draft: Draft) -> str:
    """The note's text: every front-matter field, then an outline whose hints are comments."""
    metadata: dict[str, Any] = {
        "title": draft.title, "date": draft.date, "event": draft.event, "day": draft.day,
        "session": draft.session, "speakers": draft.speakers, "topics": draft.topics,
        "source": draft.source, "lang": draft.lang, "authors": draft.authors, "summary": None,
    }
    outline = "\n\n".join(f"## {heading}\n\n<!-- {hint} -->"
                          for heading, hint in _OUTLINE.get(draft.lang, _OUTLINE["ko"]))
    post = frontmatter.Post(outline, **metadata)
    text: str = frontmatter.dumps(post, Dumper=_FrontMatterDumper, sort_keys=False, width=1000)
    return text + "\n"


def write_note(docs_dir: Path, path: str, text: str) -> Path:
    """Create the note file; FileExistsError if one is already there (never overwritten)."""
    target = sources.target(docs_dir, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return target


# -- a new site from this one --------------------------------------------------------------

def registry_header(kind: Kind, registry_path: str, schema_dir: str = "schemas") -> str:
    """The comment an empty registry file starts with: what goes in it, with an example, and
    the schema line editors read (relative to the file, as yaml-language-server expects)."""
    title, example = SPEC[kind].registry_title, SPEC[kind].registry_example
    folder = os.path.dirname(registry_path) or "."
    schema = os.path.relpath(f"{schema_dir}/{SECTION[kind]}.schema.json", folder)
    lines = [
        f"# yaml-language-server: $schema={Path(schema).as_posix()}",
        f"# {title}: 최상위 키가 {kind} id(기본 slug)이고, 값에는 적어도 name 을 씁니다.",
        "# 노트에서는 id, name, name_ko/name_en, aliases 중 어느 표기로 써도 같은 항목입니다.",
        "# 형식은 README.md 와 CONTRIBUTING.md 를 보세요. 예:",
        "#",
        *(f"# {line}" for line in example.split("\n")),
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Emptied:
    notes: list[str]          # removed, paths under docs/
    files: list[str]          # other sample files removed: pictures of notes, avatars
    registries: list[str]     # emptied, paths under docs/


def empty_site(settings: Settings, registries: dict[Kind, Registry]) -> Emptied:
    """Remove every note, the files kept beside them under docs/notes/, the avatars the
    registries name, and every registry entry; the site's own pages and settings stay."""
    docs = settings.docs_dir
    # Only what the walk finds is deleted: never a file reached through a linked folder, never
    # a registry `avatar:` that names a place outside docs/ (`../x`, `/etc/x`).
    listing = sources.walk(docs)
    readable = set(listing.files)
    notes = [path for path in collect.markdown_files(docs, listing) if collect.is_note(path)]
    attached = [p for p in listing.files if p.startswith("notes/") and not p.endswith(".md")]
    avatars = sorted({rel for t in registries["speaker"].terms.values()
                      if t.avatar and (rel := sources.relative(t.avatar)) in readable})
    files = [*attached, *avatars]
    for path in [*notes, *files]:
        sources.target(docs, path, link_ok=True).unlink()
    _remove_empty_folders(docs, {Path(p).parent for p in [*notes, *files]})
    for kind, path in settings.registries.items():
        target = sources.target(docs, path, link_ok=True)
        if target.is_symlink():
            target.unlink()  # written anew as a plain file, never through the link
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(registry_header(kind, path), encoding="utf-8")
    return Emptied(notes, files, sorted(settings.registries.values()))


def _remove_empty_folders(docs: Path, folders: Iterable[Path]) -> None:
    # Deepest first, so notes/2024/x/ goes before notes/2024/; docs/ itself always stays.
    candidates = {parent for folder in folders for parent in (folder, *folder.parents)
                  if parent != Path(".")}
    for folder in sorted(candidates, key=lambda p: len(p.parts), reverse=True):
        target = docs / folder
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()
