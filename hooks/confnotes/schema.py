"""JSON Schemas (draft 2020-12) for note front matter and the registry files, for editors.

They are made from the tables the build reads with (`fields.FIELDS`, `registry.KNOWN_KEYS`),
so a key the build accepts is a key the schema accepts. A value passes the schema when the build
reads it without a warning; `confnotes check` remains the judge, the schema only helps while
typing. `confnotes schemas` writes them to docs/schemas/, which the site publishes.

Patterns are written for JavaScript's RegExp as well as Python's (editors run them in
JavaScript): no inline flags, case-insensitivity spelled out as `[Tt]`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import dates, fields, generator_keys, registry
from .model import KINDS, SECTION, Kind
from .people import ROLE_WORDS
from .talk_links import as_link

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

# What fields.read_fields ignores between the letters of a key: `Speakers`, `speak-ers`.
_SEP = r"[\s_-]*"
_REGEX_SYNTAX = set("^$\\.*+?()[]{}|/")

LANG_WORDS = tuple(w for words in fields.LANG_WORDS.values() for w in words)

FIELD_HELP: dict[str, str] = {
    "title": "제목. 없으면 본문의 첫 '# 제목' 줄을 씁니다.",
    "date": "발표 날짜: 2024-11-04 (2024.11.04, 2024년 11월 4일, Nov 4, 2024 도 됩니다).",
    "event": "행사 id, 이름 또는 별칭 (docs/events.yml).",
    "day": "행사의 몇째 날인지: 1, 2, '2일차', '둘째 날'.",
    "session": "세션이나 트랙 이름.",
    "speakers": "발표자: '이름', '이름 (소속 직함)', {name, affiliation, title, role} 또는 "
                "그 목록.",
    "moderator": "진행자(사회, 좌장): 발표자와 같은 형식.",
    "panelists": "패널: 발표자와 같은 형식.",
    "topics": "주제: 목록, 또는 'AI, 반도체' 같은 쉼표 문자열. 계층은 'AI 인프라 > GPU 클라우드'.",
    "source": "원본 주소 (http:// 또는 https://).",
    "lang": "노트의 언어: ko 또는 en. 없으면 본문을 보고 추측합니다.",
    "authors": "노트를 쓴 사람 (발표자와 별개).",
    "summary": "한두 문장 요약. 페이지 설명과 목록에 쓰입니다.",
    "talks": "노트 하나에 발표가 여럿일 때: 발표마다 title, speakers, topics.",
    "anchor": "이 발표로 바로 가는 링크의 앵커 (#...).",
    "slides": "발표 자료(슬라이드) 주소 (http:// 또는 https://).",
    "video": "발표 영상 주소 (http:// 또는 https://).",
    "post_date": "글을 쓴 날짜 (블로그 글의 pub_date, published ...). 본문이 발표 날짜를 말하지 "
                 "않으면 이 날짜를 씁니다.",
    "published": "Jekyll: false이면 초안처럼 빌드에서 빠집니다. 날짜이면 글을 쓴 날짜입니다.",
    "time": "발표 일시 (start_time, 일시): 발표 날짜로 씁니다.",
    "categories": "분류: 주제처럼 읽습니다 ('후기', 'conference' 같은 글의 종류는 빼고).",
    "draft": "true이면 초안: mkdocs build에서 빠지고 mkdocs serve에서만 표시와 함께 보입니다.",
    "picture": "노트의 대표 그림 (docs/ 기준 경로 또는 주소): cover_image, featured_image, "
               "image, header-img ...",
    "place": "발표 장소 (location, venue).",
}
REGISTRY_HELP: dict[str, str] = {
    "name": "평소 쓰는 이름 (페이지 제목).",
    "name_en": "영문 표기 (한국어 이름일 때).",
    "name_ko": "한글 표기 (외국어 이름일 때).",
    "aliases": "노트에서 같은 것으로 묶을 다른 표기들.",
    "slug": "페이지 주소에 쓸 slug (없으면 id).",
    "affiliation": "소속.",
    "title": "직함.",
    "bio": "한두 문장 소개.",
    "avatar": "사진 경로 (docs/ 기준).",
    "links": "링크: [{title, url}] 또는 {제목: url}.",
    "not_same_as": "이름이 비슷하지만 다른 사람의 id.",
    "description": "설명.",
    "parent": "상위 주제의 id.",
    "start": "시작 날짜 (2024-11-04).",
    "end": "끝 날짜 (2024-11-05).",
    "place": "장소.",
    "url": "행사 주소 (http(s)://).",
    "organizer": "주최.",
    "days": "일차별 주제: {1: ..., 2: ...}.",
    "series": "이 행사가 속한 시리즈의 id (해마다 열리는 행사: deview, pycon-korea).",
}


def ci(word: str) -> str:
    """`word` as a case-insensitive regex: `ko-kr` -> `[Kk][Oo]-[Kk][Rr]`."""
    out: list[str] = []
    for ch in word:
        if ch.lower() != ch.upper():
            out.append(f"[{ch.upper()}{ch.lower()}]")
        else:
            out.append("\\" + ch if ch in _REGEX_SYNTAX else ch)
    return "".join(out)


def _any_of(words: Iterable[str], join: str = "") -> str:
    return "(?:" + "|".join(join.join(ci(ch) for ch in word) if join else ci(word)
                            for word in words) + ")"


def key_pattern(synonyms: Iterable[str]) -> str:
    """A key read as one of `synonyms`: any case, separators anywhere (fields.read_fields)."""
    return f"^{_SEP}{_any_of(synonyms, _SEP)}{_SEP}$"


def words_pattern(words: Iterable[str]) -> str:
    """A value that is one of `words`, any case, spaces around allowed."""
    return f"^\\s*{_any_of(words)}\\s*$"


# -- values, one schema per kind of value --------------------------------------------------

_TEXT: Schema = {"type": ["string", "number", "boolean", "null"]}
_DATE: Schema = {
    "type": ["string", "null"],
    "anyOf": [{"maxLength": 0}, *({"pattern": p.pattern} for p in (
        dates.NUMERIC, dates.KOREAN, dates.MONTH_FIRST, dates.DAY_FIRST))],
}
_HTTP = "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]"


def _day() -> Schema:
    words = "|".join(fields.DAY_WORDS)
    return {"type": ["integer", "string", "null"], "minimum": 1,
            "pattern": f"\\d|^\\s*(?:{words})"}


def _people() -> Schema:
    one = {"anyOf": [{"type": ["string", "null"]}, {"$ref": "#/$defs/person"}]}
    return {"anyOf": [one, {"type": "array", "items": one}]}


def _person() -> Schema:
    by_field: dict[str, list[str]] = {}
    for written, name in fields.PERSON_KEYS.items():
        by_field.setdefault(name, []).append(written)
    value = {"type": ["string", "number", "boolean", "null"]}
    role = {"anyOf": [{"type": "null"}, {"type": "string", "maxLength": 0},
                      {"type": "string", "pattern": words_pattern(ROLE_WORDS)}],
            "description": "speaker, panelist, moderator (발표자, 패널, 진행 ...)."}
    return {
        "type": "object",
        "description": "사람 한 명: name은 꼭 씁니다.",
        "properties": {name: {"$ref": f"#/$defs/person/$defs/{name}"} for name in by_field},
        "patternProperties": {f"^{_any_of(keys)}$": {"$ref": f"#/$defs/person/$defs/{name}"}
                              for name, keys in by_field.items()},
        "additionalProperties": False,
        # Some key must read as 'name' (name, Name, 이름, ...).
        "not": {"propertyNames": {"not": {"pattern": f"^{_any_of(by_field['name'])}$"}}},
        "$defs": {name: role if name == "role" else value for name in by_field},
    }


def _topics() -> Schema:
    return {"type": ["string", "number", "array", "null"],
            "items": {"type": ["string", "number"]}}


def _lang() -> Schema:
    return {"anyOf": [{"type": "null"}, {"type": "string", "maxLength": 0},
                      {"type": "string", "pattern": words_pattern(LANG_WORDS)}]}


def _picture() -> Schema:
    return {"type": ["string", "object", "array", "boolean", "null"]}


def _value(field_name: str, field: fields.Field) -> Schema:
    """The schema of what `field`'s normaliser reads without a warning."""
    fn = field.normalise
    simple: dict[Callable[..., Any], Callable[[], Schema]] = {
        fields.as_text: lambda: dict(_TEXT),
        fields.as_date: lambda: dict(_DATE),
        fields.as_day: _day,
        fields.as_url: lambda: {"type": ["string", "null"], "pattern": _HTTP},
        as_link: lambda: {"type": ["string", "null"], "pattern": _HTTP},
        fields.as_lang: _lang,
        fields.as_names: _people,
        fields.as_topics: _topics,
        fields.as_talks: lambda: {"type": "array", "items": {"$ref": "#/$defs/talk"}},
        fields.as_draft: lambda: {"type": ["boolean", "string", "null"]},
        fields.as_published: lambda: {"anyOf": [{"type": "boolean"}, dict(_DATE)]},
        fields.as_picture: _picture,
    }
    if fn in simple:
        return simple[fn]()
    if fn.__qualname__.startswith("_role_people."):
        return _people()
    raise ValueError(f"no JSON Schema for the normaliser {fn.__qualname__} of '{field_name}'; "
                     "add one to confnotes/schema.py")


def _fields(table: dict[str, fields.Field], prefix: str) -> tuple[Schema, Schema, Schema]:
    """defs, properties and patternProperties for a field table."""
    defs: Schema = {}
    properties: Schema = {}
    patterns: Schema = {}
    for name, field in table.items():
        ref = f"{prefix}{name}"
        defs[name] = {"description": FIELD_HELP[name], **_value(name, field)}
        for synonym in field.keys:
            properties[synonym] = {"$ref": ref} if synonym == name else {
                "$ref": ref, "description": f"'{name}' 필드와 같습니다. {FIELD_HELP[name]}"}
        patterns[key_pattern(field.keys)] = {"$ref": ref}
    return defs, properties, patterns


def note_schema() -> Schema:
    """Note front matter: every key of fields.FIELDS in every spelling it accepts."""
    defs, properties, patterns = _fields(fields.FIELDS, "#/$defs/")
    talk_defs, talk_properties, talk_patterns = _fields(fields.TALK_FIELDS,
                                                       "#/$defs/talk/$defs/")
    page_keys = sorted(fields.PAGE_KEYS)
    for page_key in page_keys:
        properties[page_key] = {"description": "Material for MkDocs가 읽는 페이지 설정."}
    patterns[f"^\\s*{_any_of(page_keys)}\\s*$"] = {}
    # Keys another generator writes (layout, permalink, toc, ...): accepted, not read.
    patterns[key_pattern(sorted(generator_keys.IGNORED))] = {
        "description": "다른 사이트 생성기(Jekyll, Hugo, ...)의 설정: Confnotes는 읽지 않습니다."}
    return {
        "$schema": DRAFT,
        "title": "Confnotes note front matter",
        "description": "노트 머리말. 키는 대소문자를 가리지 않고 한국어 이름도 받습니다. "
                       "CONTRIBUTING.md 참고.",
        "type": ["object", "null"],
        "properties": properties,
        "patternProperties": patterns,
        "additionalProperties": False,
        "$defs": {
            **defs,
            "person": _person(),
            "talk": {"type": "object", "description": FIELD_HELP["talks"],
                     "properties": talk_properties, "patternProperties": talk_patterns,
                     "additionalProperties": False, "$defs": talk_defs},
        },
    }


# -- registries ----------------------------------------------------------------------------

_NAMES: Schema = {"type": ["string", "array"], "items": {"type": ["string", "number"]}}
_SAFE_URL = "^\\s*(?:[Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)"
_REGISTRY_VALUES: dict[str, Schema] = {
    "name": {"type": ["string", "number"], "minLength": 1},
    "aliases": _NAMES,
    "not_same_as": _NAMES,
    "links": {
        "anyOf": [
            {"type": "array", "items": {"anyOf": [
                {"type": "string", "pattern": _SAFE_URL},
                {"type": "object", "required": ["url"],
                 "properties": {"title": {"type": ["string", "number"]},
                                "name": {"type": ["string", "number"]},
                                "url": {"type": "string", "pattern": _SAFE_URL}}}]}},
            {"type": "object", "additionalProperties": {"type": "string", "pattern": _SAFE_URL}},
        ],
    },
    "start": _DATE,
    "end": _DATE,
    "url": {"type": ["string", "null"], "pattern": _SAFE_URL},
    "days": {"type": "object", "propertyNames": {"pattern": "^\\s*\\d+\\s*$"},
             "additionalProperties": {"type": ["string", "number", "null"]}},
}
_REGISTRY_TEXT: Schema = {"type": ["string", "number", "boolean", "null"]}


def registry_schema(kind: Kind) -> Schema:
    """A registry file: id -> entry with exactly the keys registry.KNOWN_KEYS allows."""
    entry: Schema = {
        "type": "object",
        "required": ["name"],
        "properties": {key: {"description": REGISTRY_HELP[key],
                             **_REGISTRY_VALUES.get(key, _REGISTRY_TEXT)}
                       for key in registry.KNOWN_KEYS[kind]},
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "title": f"Confnotes {kind} registry",
        "description": f"docs/{SECTION[kind]}.yml: 최상위 키가 {kind} id(기본 slug)이고, 값은 "
                       "name을 가진 항목입니다. README.md 참고.",
        "type": ["object", "null"],
        "additionalProperties": {"$ref": f"#/$defs/{kind}"},
        "$defs": {kind: entry},
    }


def schemas() -> dict[str, Schema]:
    """Every schema by file name."""
    made: dict[str, Schema] = {"note.schema.json": note_schema()}
    for kind in KINDS:
        made[f"{SECTION[kind]}.schema.json"] = registry_schema(kind)
    return made


def dumps(schema: Schema) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder`; the files written, in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, schema in sorted(schemas().items()):
        path = folder / name
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written
