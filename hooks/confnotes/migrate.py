"""`confnotes import SRC`: bring another generator's posts into docs/notes as Confnotes notes.

Each Markdown file under SRC is copied to the notes folder with its front matter rewritten in
Confnotes' own keys (TOML and JSON become YAML; `pub_date` becomes `post_date`, `tags` and
`categories` become `topics`, ...), and with what Confnotes inferred from the text written in,
so that a pull request shows every guess as a diff to review: the date of the talk, the event,
the speakers of a one-talk note. The body is left exactly as it was. A note of several talks
keeps its speakers in the body, where the build finds them again; the talks found are listed
in a comment above the front matter's end. Running it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from . import collect, fields, front_matter, generator_keys, normalize, yaml_loader
from .fields import FIELDS
from .messages import Report
from .model import POST_SOURCES
from .normalize import RawNote

# Folders that hold a generator's output or tools, never posts.
_SKIPPED_FOLDERS = frozenset({"node_modules", "_site", "public", "site", "dist", "build",
                              "vendor", ".git", "resources", "themes", "_layouts", "_includes"})
# Confnotes fields written by the import, in this order; what the note says is read again.
_OWN = ("title", "date", "post_date", "event", "day", "session", "speakers", "moderator",
        "panelists", "topics", "source", "lang", "authors", "summary", "picture", "place", "draft")


@dataclass
class Imported:
    source: str                 # the file under SRC
    target: str                 # the note under docs/
    status: str                 # "written", "unchanged", "exists" (different, not overwritten)
    undecided: list[str] = field(default_factory=list)


def posts(src: Path) -> list[Path]:
    """The Markdown files under `src` (or `src` itself), in a stable order; links, hidden
    files and generators' output folders are left out."""
    if src.is_file() and not src.is_symlink():
        return [src]
    found: list[Path] = []
    for root, dirs, files in os.walk(src, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_FOLDERS)
        for name in sorted(files):
            path = Path(root) / name
            if (not name.startswith(".") and name.casefold().endswith(collect.MARKDOWN_SUFFIXES)
                    and path.is_file() and not path.is_symlink()):
                found.append(path)
    return found


def target_of(path: Path, src: Path, notes: PurePosixPath) -> PurePosixPath:
    """Where a post lands under docs/: its path under SRC, ending in `.md`."""
    rel = PurePosixPath(path.relative_to(src).as_posix()) if path != src else PurePosixPath(
        path.name)
    stem, _, _suffix = rel.name.rpartition(".")
    return notes / rel.parent / f"{stem or rel.name}.md"


def convert(data: bytes, path: str) -> tuple[str, list[str]]:
    """The note's new text, and what the import could not decide about it."""
    report = Report()
    text = front_matter.decode(data, path, report)
    source = front_matter.split(text, path, report)
    raw = normalize.normalise(source, path, report)
    meta = _front_matter(raw, source.meta)
    comment = _talks_comment(raw)
    head = "---\n" + _yaml(meta) + comment + "---\n"
    body = source.body if source.has_front_matter else text
    return head + body, _undecided(raw)


def _front_matter(raw: RawNote, original: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": raw.title}
    if raw.date and raw.date_precision == "day" and raw.date_source not in POST_SOURCES:
        meta["date"] = raw.date
    if raw.post_date:
        meta["post_date"] = raw.post_date
    if raw.event:
        meta["event"] = raw.event
    if raw.day:
        meta["day"] = raw.day
    if raw.session:
        meta["session"] = raw.session
    if len(raw.talks) == 1:
        by_role: dict[str, list[str]] = {}
        for a in raw.talks[0].people:
            by_role.setdefault(a.role, []).append(_person(a.person))
        for role, key in (("speaker", "speakers"), ("moderator", "moderator"),
                          ("panelist", "panelists")):
            if by_role.get(role):
                meta[key] = by_role[role]
    if raw.topics:
        meta["topics"] = [" > ".join(t.path) for t in raw.topics]
    for name in ("source", "summary", "picture", "place"):
        if value := getattr(raw, name):
            meta[name] = value
    if raw.authors:
        meta["authors"] = list(raw.authors)
    if raw.draft:
        meta["draft"] = True
    for key, value in original.items():
        if not _read_by_confnotes(str(key)) and key not in meta:
            meta[str(key)] = value          # kept as written; the build names it once
    return meta


def _read_by_confnotes(key: str) -> bool:
    folded = generator_keys.fold(key)
    if generator_keys.steers_another_generator(key) or folded in fields.PAGE_KEYS:
        return True
    return any(folded in {generator_keys.fold(k) for k in f.keys} for f in FIELDS.values())


def _person(person: Any) -> str:
    about = ", ".join(x for x in (person.affiliation, person.title) if x)
    return f"{person.name} ({about})" if about else person.name


def _talks_comment(raw: RawNote) -> str:
    if len(raw.talks) < 2:
        return ""
    lines = ["# Confnotes가 본문에서 찾은 발표 (빌드할 때 본문에서 다시 찾습니다):"]
    for talk in raw.talks:
        people = ", ".join(_person(a.person) for a in talk.people) or "발표자 모름"
        lines.append(f"#   - {talk.title} — {people}")
    return "\n".join(lines) + "\n"


def _undecided(raw: RawNote) -> list[str]:
    found: list[str] = []
    if raw.date is None:
        found.append("날짜 없음")
    elif raw.date_precision != "day":
        found.append(f"날짜는 {raw.date.year}년까지만")
    elif raw.date_source in POST_SOURCES:
        found.append("발표 날짜 대신 글 쓴 날")
    if not raw.event:
        found.append("행사 없음")
    if not any(t.people for t in raw.talks):
        found.append("발표자 없음")
    return found


class _Dumper(yaml.SafeDumper):
    """Lists of plain values in one line, `[a, b]`; everything else in block style."""


def _represent_list(dumper: _Dumper, value: list[Any]) -> yaml.Node:
    flow = all(isinstance(v, (str, int, float)) and len(str(v)) < 60 for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(yaml_loader.YamlList, _represent_list)
_Dumper.add_representer(yaml_loader.YamlMap, yaml.SafeDumper.represent_dict)


def _yaml(meta: dict[str, Any]) -> str:
    ordered = {k: meta[k] for k in _OWN if k in meta} | {k: v for k, v in meta.items()
                                                          if k not in _OWN}
    plain = {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in ordered.items()}
    text: str = yaml.dump(plain, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                          width=100, default_flow_style=False)
    return text


def run(sources: list[Path], src: Path, docs_dir: Path, notes: PurePosixPath,
        write: bool = True) -> list[Imported]:
    """Import every post; nothing outside `docs_dir` is written, an edited note is kept."""
    results: list[Imported] = []
    docs = docs_dir.resolve()
    for path in sources:
        target = target_of(path, src, notes)
        destination = (docs_dir / target).resolve()
        if docs not in destination.parents:
            continue
        text, undecided = convert(path.read_bytes(), target.as_posix())
        status = "written"
        if destination.is_file():
            status = "unchanged" if destination.read_bytes() == text.encode() else "exists"
        if status == "written" and write:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(text.encode())
        results.append(Imported(str(path), target.as_posix(), status, undecided))
    return results
