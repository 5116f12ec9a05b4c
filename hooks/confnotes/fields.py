"""The front matter's fields, as a table: each field, the keys people write for it (Korean
included), and the function that turns what they wrote into clean values. Nothing here raises
on bad input: a value that cannot be understood is a warning and is left out."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import generator_keys
from .body_shapes import Appearance
from .dates import parse_date
from .messages import Report, shown
from .names import clean
from .people import ROLE_WORDS, PersonRef, Role, parse_person, people_in
from .talk_links import as_link
from .yaml_loader import YamlList, YamlMap

_TOPIC_LEVELS = re.compile(r"\s*(?:\||>|›|»)\s*|\s+/\s+")
_HASHTAGS = re.compile(r"^#\S+(?:\s+#\S+)+$")
_COMMAS = re.compile(r"[,，、]")
_NUMBER_WORD = re.compile(r"(?<!\S)\d+(?!\S)")
DAY_WORDS = {"첫째": 1, "첫": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5}


@dataclass
class TopicRef:
    path: tuple[str, ...]     # ("AI 인프라", "GPU 클라우드"): a parent, then its child
    line: int | None


@dataclass
class RawTalk:
    title: str
    anchor: str | None
    people: list[Appearance]
    topics: list[TopicRef] | None      # None: the note's topics
    line: int | None
    text: str = ""                     # the talk's own section, in a note of several talks
    slides: str | None = None
    video: str | None = None


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
    if text.startswith("/") and key.casefold() in ("url", "link"):
        return None     # Jekyll's and Hugo's `url:` is the page's own address, not a source
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


_AUTHOR_NAME_KEYS = ("name", "이름", "github", "twitter", "username", "login", "id", "handle")


def as_names(value: Any, key: str, ctx: Context) -> list[str]:
    """Authors as text, a list, or mappings such as `{name: ...}` or `{github: ...}`."""
    if isinstance(value, str):
        return [p.name for p in people_in(value)]
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            lowered = {str(k).casefold(): v for k, v in item.items()}
            found = next((lowered[k] for k in _AUTHOR_NAME_KEYS
                          if isinstance(lowered.get(k), str) and lowered[k].strip()), None)
            if found:
                names.append(clean(found))
        elif isinstance(item, str) and clean(item):
            names.append(parse_person(item).name)
        elif item is not None and not isinstance(item, (list, bool)):
            names.append(clean(str(item)))
    return names


def as_draft(value: Any, key: str, ctx: Context) -> bool:
    if isinstance(value, str):
        return value.strip().casefold() in ("true", "yes", "y", "1", "on", "예")
    return value is True


def as_published(value: Any, key: str, ctx: Context) -> bool | dt.date | None:
    """Jekyll's `published: false` keeps a post unpublished; elsewhere `published` is a date."""
    if isinstance(value, bool):
        return value
    return as_date(value, key, ctx)


_PICTURE_KEYS = ("path", "src", "url", "image", "filename", "overlay_image", "teaser", "file")


def as_picture(value: Any, key: str, ctx: Context) -> str | None:
    """`cover_image: a.png`, `image: {path: a.png}`, `header: {teaser: a.png}`, a list."""
    if isinstance(value, list):
        return next((p for v in value if (p := as_picture(v, key, ctx))), None)
    if isinstance(value, dict):
        lowered = {str(k).casefold(): v for k, v in value.items()}
        return next((p for k in _PICTURE_KEYS if (p := as_picture(lowered.get(k), key, ctx))),
                    None)
    if isinstance(value, str) and clean(value) and len(value) <= 2000:
        return clean(value)
    return None


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
        parts = text.split() if _HASHTAGS.match(text.strip()) or (
            isinstance(value, str) and _jekyll_words(key, ctx) and not _COMMAS.search(text)
            and not _NUMBER_WORD.search(text)) else _COMMAS.split(text)
        for part in parts:
            path = topic_path(part)
            if path:
                topics.append(TopicRef(path, item_line))
    return topics


def _jekyll_words(key: str, ctx: Context) -> bool:
    """Jekyll reads `tags: android conference` (and `categories:`) as a list of words: so does
    a post that Jekyll builds (it has a `layout:`). Elsewhere the string is one topic, and so
    is one with a number for a word (`NDC 2019` names an event and its year)."""
    return key.casefold() in ("tags", "categories") and "layout" in ctx.meta


def topic_path(text: str) -> tuple[str, ...]:
    """`AI 인프라 > GPU 클라우드` (or `|`, ` / `) is a parent and its child. A slash written
    inside a name is part of it (`CI/CD`, `A/B 테스트`, `EMOCON S/S 2017`), never a level."""
    parts = _TOPIC_LEVELS.split(clean(text).lstrip("#"))
    return tuple(p for p in (clean(p).lstrip("#").strip() for p in parts) if p)


def _people(value: Any, key: str, ctx: Context, role: Role) -> list[Appearance]:
    line = ctx.meta.lines.get(key)
    if isinstance(value, str):
        return [Appearance(p, p.role or role, line) for p in people_in(value)]
    if isinstance(value, dict):
        person = _person_mapping(value, key, ctx, line)
        return [Appearance(person, person.role or role, line)] if person else []
    if isinstance(value, list):
        lines = value.lines if isinstance(value, YamlList) else [line] * len(value)
        found: list[Appearance] = []
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
                found.append(Appearance(person, person.role or role, item_line))
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
    def normalise(value: Any, key: str, ctx: Context) -> list[Appearance]:
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
                             found.get("topics"), line, slides=found.get("slides"),
                             video=found.get("video")))
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
    "authors": Field(("authors", "author", "writer", "작성자", "기록자", "글쓴이"), as_names),
    "summary": Field(("summary", "description", "요약", *generator_keys.SUMMARY_KEYS),
                     as_text),
    "talks": Field(("talks", "발표목록"), as_talks),
    "slides": Field(("slides", "slide", "슬라이드", "발표자료"), as_link),
    "video": Field(("video", "영상", "동영상"), as_link),
    # What other generators write that Confnotes reads too (generator_keys.py).
    "post_date": Field(generator_keys.POST_DATE_KEYS, as_date),
    "published": Field(("published", "publish"), as_published),
    "time": Field(generator_keys.TIME_KEYS, as_date),
    "categories": Field(generator_keys.CATEGORY_KEYS, as_topics),
    "draft": Field(generator_keys.DRAFT_KEYS, as_draft),
    "picture": Field(generator_keys.PICTURE_KEYS, as_picture),
    "place": Field(generator_keys.PLACE_KEYS, as_text),
}
TALK_FIELDS: dict[str, Field] = {
    name: FIELDS[name] for name in ("title", "speakers", "moderator", "panelists", "topics",
                                      "slides", "video")
} | {"anchor": Field(("anchor", "id"), as_text)}
# Keys Material for MkDocs itself reads from front matter: accepted and passed on.
PAGE_KEYS = frozenset({"hide", "template", "search", "status", "icon", "comments", "subtitle"})
_REPEATABLE = frozenset({"summary", "picture", "post_date", "categories", "time"})


def read_fields(meta: YamlMap, ctx: Context, table: dict[str, Field]) -> dict[str, Any]:
    """Apply the field table to a mapping; unknown keys are warned about with a suggestion."""
    synonyms = {s: name for name, f in table.items() for s in f.keys}
    found: dict[str, Any] = {}
    for raw_key, value in meta.items():
        folded = re.sub(r"[\s_-]+", "_", str(raw_key).strip().casefold())
        name = synonyms.get(folded) or synonyms.get(folded.replace("_", ""))
        if name is None:
            if table is FIELDS and (folded in PAGE_KEYS or
                                    generator_keys.steers_another_generator(str(raw_key))):
                continue
            _unknown(raw_key, synonyms, ctx, per_note=table is not FIELDS)
            continue
        if name in found:
            # A generator's post may well give a summary twice (`description:`, `summary:`).
            if name not in _REPEATABLE:
                ctx.warn(raw_key, f"'{raw_key}' gives '{name}' again; the first one is used.")
            continue
        found[name] = table[name].normalise(value, raw_key, ctx)
        ctx.meta.lines.setdefault(name, ctx.meta.lines.get(raw_key, 0))
    return found


def _unknown(raw_key: str, synonyms: Iterable[str], ctx: Context, per_note: bool) -> None:
    """A misspelt key is the note's own problem and is named there; a key nothing knows may
    belong to a generator or theme we have not met, and is named once for the whole site."""
    close = difflib.get_close_matches(str(raw_key).casefold(), list(synonyms), n=1, cutoff=0.7)
    # A slip of a letter or two (`speakrs`, `tgas`), not a theme's own key that happens to
    # share letters with one of ours (`panelTitle`, `post-header`).
    close = [c for c in close if edit_distance(str(raw_key).casefold(), c) <= 2]
    if close or per_note:
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        ctx.warn(raw_key, f"unknown field {shown(str(raw_key), 40)}{hint}; it is ignored.")
        return
    ctx.report.unknown_key(str(raw_key), ctx.path, ctx.meta.lines.get(raw_key, ctx.meta.line or 1),
                           ctx.meta.columns.get(raw_key, 1))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of two short strings (keys); 99 for long ones."""
    if max(len(a), len(b)) > 40:
        return 99
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]
