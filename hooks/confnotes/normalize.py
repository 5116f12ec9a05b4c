"""Front matter and body -> one normalised note, field by field.

`FIELDS` is the table: each field, the keys people write for it (Korean included), and the
function that turns what they wrote into clean values. Nothing here raises on bad input: a
value that cannot be understood is a warning and is left out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from . import body as body_mod
from .dates import parse_date
from .front_matter import Source, YamlList, YamlMap
from .messages import Report, shown
from .names import clean
from .people import ROLE_WORDS, PersonRef, Role, parse_person, people_in

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_TOPIC_LEVELS = re.compile(r"\s*(?:\||>|›|»)\s*|\s+/\s+")
_HASHTAGS = re.compile(r"^#\S+(?:\s+#\S+)+$")
DAY_WORDS = {"첫째": 1, "첫": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5}


@dataclass
class TopicRef:
    path: tuple[str, ...]     # ("AI 인프라", "GPU 클라우드"): a parent, then its child
    line: int | None


@dataclass
class RawAppearance:
    person: PersonRef
    role: Role
    line: int | None


@dataclass
class RawTalk:
    title: str
    anchor: str | None
    people: list[RawAppearance]
    topics: list[TopicRef] | None      # None: the note's topics
    line: int | None
    text: str = ""                     # the talk's own section, in a note of several talks


@dataclass
class RawNote:
    """A note after normalisation, with names as written (not yet resolved to terms)."""

    path: str
    title: str
    date: dt.date | None
    event: str | None
    day: int | None
    session: str | None
    talks: list[RawTalk]
    topics: list[TopicRef]
    source: str | None
    lang: str
    authors: list[str]
    summary: str | None
    lines: dict[str, int]
    markdown: str                      # the body to render, with talk anchors written in
    excerpt: str = ""                  # the opening prose as plain text, for feeds and cards
    page_meta: dict[str, Any] = field(default_factory=dict)


class Context:
    """What a normaliser needs to report a problem precisely."""

    def __init__(self, path: str, meta: YamlMap, report: Report) -> None:
        self.path, self.meta, self.report = path, meta, report

    def warn(self, key: str | None, text: str, line: int | None = None) -> None:
        column = 1
        if line is None and key:
            line = self.meta.lines.get(key, self.meta.line or 1)
            column = self.meta.columns.get(key, 1)
        self.report.warn(self.path, line, text, column)


Normaliser = Callable[[Any, str, Context], Any]


def as_text(value: Any, key: str, ctx: Context) -> str | None:
    """Text; a number or yes/no is read as written; a list uses its first item."""
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, list):
        ctx.warn(key, f"'{key}' should be one value, not a list; the first item is used.")
        return as_text(value[0], key, ctx) if value else None
    if isinstance(value, dict):
        ctx.warn(key, f"'{key}' should be text, not a mapping; it is ignored.")
        return None
    if value is None:
        return None
    return clean(ctx.meta.raw.get(key, str(value)))


def as_date(value: Any, key: str, ctx: Context) -> dt.date | None:
    parsed = parse_date(value)
    if parsed is None and value not in (None, ""):
        ctx.warn(key, f"date {shown(value)} is not a date Confnotes understands; write it as "
                      "2024-11-04 (also accepted: 2024.11.04, 2024년 11월 4일, Nov 4, 2024).")
    return parsed


def as_day(value: Any, key: str, ctx: Context) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    text = str(value)
    if m := re.search(r"\d+", text):
        return int(m.group())
    for word, number in DAY_WORDS.items():
        if text.strip().startswith(word):
            return number
    ctx.warn(key, f"day {shown(text)} is not a day number; write 'day: 2' for the second day.")
    return None


def as_url(value: Any, key: str, ctx: Context) -> str | None:
    text = as_text(value, key, ctx)
    if text is None:
        return None
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return text
    ctx.warn(key, f"'{key}' must be a web address starting with http:// or https://; "
                  f"{shown(text)} is left out.")
    return None


LANG_WORDS: dict[str, tuple[str, ...]] = {
    "ko": ("ko", "kr", "kor", "korean", "한국어", "ko-kr"),
    "en": ("en", "eng", "english", "영어", "en-us", "en-gb"),
}


def as_lang(value: Any, key: str, ctx: Context) -> str | None:
    text = (as_text(value, key, ctx) or "").casefold()
    for lang, words in LANG_WORDS.items():
        if text in words:
            return lang
    if text:
        ctx.warn(key, f"language {shown(text)} is not one Confnotes knows (ko, en); it is guessed "
                      "from the text instead.")
    return None


def as_names(value: Any, key: str, ctx: Context) -> list[str]:
    return [a.person.name for a in _people(value, key, ctx, "speaker")]


def as_topics(value: Any, key: str, ctx: Context) -> list[TopicRef]:
    items: list[tuple[Any, int | None]] = []
    line = ctx.meta.lines.get(key)
    if isinstance(value, list):
        lines = value.lines if isinstance(value, YamlList) else [line] * len(value)
        items = list(zip(value, lines, strict=False))
    elif value is not None:
        items = [(value, line)]
    topics: list[TopicRef] = []
    for item, item_line in items:
        if isinstance(item, (dict, list)):
            ctx.warn(key, f"a topic should be a name, not {shown(item)}; it is ignored.",
                     item_line)
            continue
        text = str(item) if not isinstance(item, str) else item
        parts = text.split() if _HASHTAGS.match(text.strip()) else re.split(r"[,，、]", text)
        for part in parts:
            path = topic_path(part)
            if path:
                topics.append(TopicRef(path, item_line))
    return topics


def topic_path(text: str) -> tuple[str, ...]:
    """`AI 인프라 > GPU 클라우드` is a parent and its child. A bare slash between short words
    is part of one name (`CI/CD`, `AI/ML`, `A/B 테스트`, `HTTP/3`), not a hierarchy."""
    parts: list[str] = []
    for level in _TOPIC_LEVELS.split(clean(text).lstrip("#")):
        halves = [h.strip() for h in level.split("/")]
        if len(halves) > 1 and not any(
                len(h) <= 2 or (len(h) <= 4 and re.fullmatch(r"[A-Z0-9]+", h)) for h in halves):
            parts.extend(halves)
        else:
            parts.append(level)
    return tuple(p for p in (clean(p).lstrip("#").strip() for p in parts) if p)


def _people(value: Any, key: str, ctx: Context, role: Role) -> list[RawAppearance]:
    line = ctx.meta.lines.get(key)
    if isinstance(value, str):
        return [RawAppearance(p, p.role or role, line) for p in people_in(value)]
    if isinstance(value, dict):
        person = _person_mapping(value, key, ctx, line)
        return [RawAppearance(person, person.role or role, line)] if person else []
    if isinstance(value, list):
        lines = value.lines if isinstance(value, YamlList) else [line] * len(value)
        found: list[RawAppearance] = []
        for item, item_line in zip(value, lines, strict=False):
            person = None
            if isinstance(item, str):
                person = parse_person(item) if clean(item) else None
            elif isinstance(item, dict):
                person = _person_mapping(item, key, ctx, item_line)
            elif item is not None:
                ctx.warn(key, f"a person in '{key}' should be a name or a mapping with 'name:'; "
                              f"{shown(item)} is ignored.", item_line)
            if person and person.name:
                found.append(RawAppearance(person, person.role or role, item_line))
        return found
    if value is not None:
        ctx.warn(key, f"'{key}' should be a name or a list of names; {shown(value)} is ignored.")
    return []


PERSON_KEYS = {
    "name": "name", "이름": "name", "affiliation": "affiliation", "org": "affiliation",
    "organization": "affiliation", "organisation": "affiliation", "company": "affiliation",
    "소속": "affiliation", "title": "title", "position": "title", "직함": "title",
    "직책": "title", "role": "role", "역할": "role",
}


def _person_mapping(
    value: dict[str, Any], key: str, ctx: Context, line: int | None
) -> PersonRef | None:
    fields: dict[str, str] = {}
    for raw_key, raw_value in value.items():
        name = PERSON_KEYS.get(str(raw_key).casefold())
        if name is None:
            ctx.warn(key, f"unknown field {shown(str(raw_key), 40)} for a person in '{key}' "
                          "(known: name, affiliation, title, role); it is ignored.", line)
        elif isinstance(raw_value, (list, dict)):
            ctx.warn(key, f"'{raw_key}' of a person in '{key}' should be text, not "
                          f"{shown(raw_value)}; it is ignored.", line)
        elif raw_value is not None:
            fields[name] = clean(str(raw_value))
    if not fields.get("name"):
        ctx.warn(key, f"a person in '{key}' has no 'name:'; it is ignored.", line)
        return None
    parsed = parse_person(fields["name"])
    role = ROLE_WORDS.get(fields.get("role", "").casefold()) if fields.get("role") else None
    if fields.get("role") and role is None:
        ctx.warn(key, f"role {shown(fields['role'])} is not one of speaker, panelist, moderator; "
                      "'speaker' is used.", line)
    return PersonRef(
        name=parsed.name,
        affiliation=fields.get("affiliation") or parsed.affiliation,
        title=fields.get("title") or parsed.title,
        role=role or parsed.role,
    )


def _role_people(role: Role) -> Normaliser:
    def normalise(value: Any, key: str, ctx: Context) -> list[RawAppearance]:
        return _people(value, key, ctx, role)
    return normalise


def as_talks(value: Any, key: str, ctx: Context) -> list[RawTalk]:
    if not isinstance(value, list):
        ctx.warn(key, "'talks' should be a list of talks, each with 'title:' and 'speakers:'.")
        return []
    talks: list[RawTalk] = []
    lines = value.lines if isinstance(value, YamlList) else [None] * len(value)
    for item, line in zip(value, lines, strict=False):
        if not isinstance(item, YamlMap):
            ctx.warn(key, "each item of 'talks' should be a mapping with 'title:' and "
                          "'speakers:'; this one is ignored.", line)
            continue
        sub = Context(ctx.path, item, ctx.report)
        found = read_fields(item, sub, TALK_FIELDS)
        people = [*found.get("speakers", []), *found.get("panelists", []),
                  *found.get("moderator", [])]
        talks.append(RawTalk(found.get("title") or "", found.get("anchor"), people,
                             found.get("topics"), line))
    return talks


@dataclass(frozen=True)
class Field:
    keys: tuple[str, ...]
    normalise: Normaliser


FIELDS: dict[str, Field] = {
    "title": Field(("title", "제목"), as_text),
    "date": Field(("date", "날짜", "일자"), as_date),
    "event": Field(("event", "conference", "행사", "컨퍼런스", "행사명"), as_text),
    "day": Field(("day", "일차"), as_day),
    "session": Field(("session", "세션", "track", "트랙"), as_text),
    "speakers": Field(("speakers", "speaker", "presenter", "presenters", "발표자", "연사"),
                      _role_people("speaker")),
    "moderator": Field(("moderator", "moderators", "진행", "사회", "좌장", "host"),
                       _role_people("moderator")),
    "panelists": Field(("panelists", "panelist", "panel", "패널", "참여자"),
                       _role_people("panelist")),
    "topics": Field(("topics", "topic", "tags", "tag", "keywords", "태그", "주제", "키워드"),
                    as_topics),
    "source": Field(("source", "url", "link", "원본", "출처"), as_url),
    "lang": Field(("lang", "language", "언어"), as_lang),
    "authors": Field(("authors", "author", "작성자", "기록자"), as_names),
    "summary": Field(("summary", "description", "요약"), as_text),
    "talks": Field(("talks", "발표목록"), as_talks),
}
TALK_FIELDS: dict[str, Field] = {
    name: FIELDS[name] for name in ("title", "speakers", "moderator", "panelists", "topics")
} | {"anchor": Field(("anchor", "id"), as_text)}
# Keys Material for MkDocs itself reads from front matter: accepted and passed on.
PAGE_KEYS = frozenset({"hide", "template", "search", "status", "icon", "comments", "subtitle"})
_SYNONYMS = {synonym: name for name, f in FIELDS.items() for synonym in f.keys}


def read_fields(meta: YamlMap, ctx: Context, table: dict[str, Field]) -> dict[str, Any]:
    """Apply the field table to a mapping; unknown keys are warned about with a suggestion."""
    synonyms = {s: name for name, f in table.items() for s in f.keys}
    found: dict[str, Any] = {}
    for raw_key, value in meta.items():
        folded = re.sub(r"[\s_-]+", "_", str(raw_key).strip().casefold())
        name = synonyms.get(folded) or synonyms.get(folded.replace("_", ""))
        if name is None:
            if table is FIELDS and folded in PAGE_KEYS:
                continue
            _unknown(raw_key, synonyms, ctx)
            continue
        if name in found:
            ctx.warn(raw_key, f"'{raw_key}' gives '{name}' again; the first one is used.")
            continue
        found[name] = table[name].normalise(value, raw_key, ctx)
        ctx.meta.lines.setdefault(name, ctx.meta.lines.get(raw_key, 0))
    return found


def _unknown(raw_key: str, synonyms: Iterable[str], ctx: Context) -> None:
    close = difflib.get_close_matches(str(raw_key).casefold(), list(synonyms), n=1, cutoff=0.7)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    ctx.warn(raw_key, f"unknown field {shown(str(raw_key), 40)}{hint}; it is ignored.")


def guess_lang(text: str) -> str:
    """ko when Hangul carries the text, en otherwise (a Hangul syllable ~ three letters)."""
    hangul = len(_HANGUL.findall(text))
    return "ko" if hangul * 3 >= len(_LATIN.findall(text)) and hangul else "en"


def normalise(source: Source, path: str, report: Report) -> RawNote:
    """One note, read from its front matter and body, every field in its clean form."""
    ctx = Context(path, source.meta, report)
    found = read_fields(source.meta, ctx, FIELDS)
    scanned = body_mod.scan(source.body, source.body_line)
    if scanned.unclosed_fence is not None:
        report.warn(path, scanned.unclosed_fence, "this code block (```) is never closed, so it "
                                                  "swallows the rest of the note; close it.")
    title = found.get("title") or _title_from_body(scanned, path, report)
    talks = _talks(found, scanned, title)
    markdown = body_mod.anchor_talks(scanned, [t for t, _ in talks])
    sections = body_mod.sections(scanned, [t for t, _ in talks]) if len(talks) > 1 else {}
    raw_talks = [
        RawTalk(t.title or title, None if len(talks) == 1 else t.anchor,
                [RawAppearance(a.person, a.role, a.line) for a in t.people], topics,
                t.heading.index + source.body_line if t.heading else None,
                sections.get(id(t), ""))
        for t, topics in talks
    ]
    page_meta = {k: v for k, v in source.meta.items() if str(k).casefold() in PAGE_KEYS}
    return RawNote(
        path=path,
        title=title,
        date=found.get("date"),
        event=found.get("event"),
        day=found.get("day"),
        session=found.get("session"),
        talks=raw_talks,
        topics=found.get("topics", []),
        source=found.get("source"),
        lang=found.get("lang") or guess_lang(title + "\n" + source.body[:4000]),
        authors=found.get("authors", []),
        summary=found.get("summary"),
        lines={k: v for k, v in source.meta.lines.items() if k in FIELDS},
        markdown=markdown,
        excerpt=scanned.excerpt,
        page_meta=page_meta,
    )


def _talks(
    found: dict[str, Any], scanned: body_mod.Body, title: str
) -> list[tuple[body_mod.BodyTalk, list[TopicRef] | None]]:
    if found.get("talks"):
        return [(body_mod.BodyTalk(t.title, None, [body_mod.Appearance(a.person, a.role,
                 a.line or 0) for a in t.people], t.anchor), t.topics) for t in found["talks"]]
    people = [*found.get("speakers", []), *found.get("panelists", []), *found.get("moderator", [])]
    if people:
        appearances = [body_mod.Appearance(a.person, a.role, a.line or 0) for a in people]
        return [(body_mod.BodyTalk(title, None, appearances), None)]
    if scanned.talks:
        return [(t, None) for t in scanned.talks]
    return [(body_mod.BodyTalk(title, None), None)]


def _title_from_body(scanned: body_mod.Body, path: str, report: Report) -> str:
    for heading in scanned.headings:
        if heading.level == 1 and heading.text:
            return heading.text
    if scanned.headings and scanned.headings[0].text:
        return scanned.headings[0].text
    if scanned.first_line and _reads_as_title(scanned.first_line[0]):
        return body_mod.plain(scanned.first_line[0])
    name = PurePosixPath(path).stem.replace("-", " ").replace("_", " ").strip() or path
    report.warn(path, 1, f"the note has no title; the file name '{name}' is used. Add "
                         "'title:' to the front matter or start the note with '# 제목'.")
    return name


def _reads_as_title(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= 80
        and not text.startswith(("-", "*", "+", ">", "|", "<", "!", "[", "```", "~~~"))
        and not re.match(r"^\d+[.)]\s", text)
        and not text.endswith((".", "다", "요", ":", ";", ","))
        and body_mod.label_value(text) is None
    )
