"""The JSON Schemas in docs/schemas/: made from the build's own tables, true to the samples,
and in agreement with the normaliser on what is fine and what earns a warning."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from confnotes import fields, registry, schema
from confnotes.front_matter import decode, split
from confnotes.messages import Report
from confnotes.model import KINDS, SECTION
from jsonschema import Draft202012Validator

from .helpers import note

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def plain(value: Any) -> Any:
    """A YAML value as an editor's YAML 1.2 reader hands it to the schema: dates are text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema.schemas()[name])


def valid(name: str, instance: Any) -> bool:
    return validator(name).is_valid(plain(instance))


def test_the_committed_schemas_are_the_generated_ones() -> None:
    for name, made in schema.schemas().items():
        committed = (DOCS / "schemas" / name).read_text(encoding="utf-8")
        assert committed == schema.dumps(made), f"run `confnotes schemas` to update {name}"
    assert sorted(p.name for p in (DOCS / "schemas").iterdir()) == sorted(schema.schemas())


@pytest.mark.parametrize("name", sorted(schema.schemas()))
def test_each_schema_is_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(schema.schemas()[name])
    assert schema.schemas()[name]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", sorted((DOCS / "notes").rglob("*.md")),
                         ids=lambda p: p.name)
def test_every_sample_note_passes(path: Path) -> None:
    report = Report()
    source = split(decode(path.read_bytes(), path.name, report), path.name, report)
    front = yaml.safe_load(source.text.split("\n---", 1)[0][3:]) if source.has_front_matter else {}
    errors = [e.message for e in validator("note.schema.json").iter_errors(plain(front))]
    assert errors == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_sample_registry_passes(kind: str) -> None:
    name = f"{SECTION[kind]}"  # type: ignore[index]
    data = yaml.safe_load((DOCS / f"{name}.yml").read_text(encoding="utf-8"))
    errors = [e.message for e in validator(f"{name}.schema.json").iter_errors(plain(data))]
    assert errors == []


def test_every_synonym_in_fields_is_in_the_schema() -> None:
    made = schema.note_schema()
    talk = made["$defs"]["talk"]
    for name, field in fields.FIELDS.items():
        for synonym in field.keys:
            assert made["properties"][synonym]["$ref"] == f"#/$defs/{name}"
            value: Any = [] if name == "talks" else None
            for spelling in (synonym, synonym.upper(), synonym.title(), f" {synonym}"):
                assert valid("note.schema.json", {spelling: value}), spelling
                assert warnings_of(f"'{spelling}': {json.dumps(value)}") == []
    for name, field in fields.TALK_FIELDS.items():
        for synonym in field.keys:
            assert talk["properties"][synonym]["$ref"] == f"#/$defs/talk/$defs/{name}"
    for page_key in fields.PAGE_KEYS:
        assert page_key in made["properties"]
    assert set(made["$defs"]) >= set(fields.FIELDS)


def test_every_registry_key_is_in_its_schema() -> None:
    for kind in KINDS:
        entry = schema.registry_schema(kind)["$defs"][kind]
        assert list(entry["properties"]) == list(registry.KNOWN_KEYS[kind])
        assert entry["additionalProperties"] is False


def warnings_of(front: str) -> list[str]:
    return note(f"---\n{front}\n---\n\n# 제목\n")[1]


# Front matter, one field at a time: fine for the normaliser <=> valid for the schema.
NOTE_CASES = [
    "title: 2024", "title: [a, b]", "title: {a: 1}",
    "date: 2024-11-04", "date: 2024.11.04", "date: 2024년 11월 4일", "date: Nov 4, 2024",
    "date: 4 November 2024", "date: yesterday", "date: ''", "date: 20241104",
    "day: 2", "day: 2일차", "day: 둘째 날", "day: last",
    "source: https://example.com/x", "source: HTTP://example.com", "source: example.com",
    "source: ftp://example.com", "source: 'http://'",
    "lang: ko", "lang: KO", "lang: Korean", "lang: 한국어", "lang: en-US", "lang: fr",
    "lang: ''",
    "speakers: 홍길동", "speakers: [홍길동 (KAIST 교수), Kai-Fu Lee]",
    "speakers: {name: A, company: B}", "speakers: {name: A, email: a@b.c}",
    "speakers: [{이름: 홍길동, 소속: KAIST}]", "speakers: [{affiliation: KAIST}]",
    "speakers: {name: A, role: Moderator}", "speakers: {name: A, role: boss}",
    "speakers: {Name: A}", "speakers: 12", "moderator: [A]", "panel: A, B",
    "topics: AI, 반도체", "topics: [AI 인프라 > GPU, HBM]", "topics: [{a: 1}]", "topics: 5",
    "talks: [{title: A, speakers: B}]", "talks: [{title: A, 발표자: B, anchor: a}]",
    "talks: A", "talks: [A]", "talks: [{title: A, speakrs: B}]",
    "speakrs: A", "Speakers: A", "speak-ers: A", "TAGS: a", "발표자: A", "hide: [toc]",
    "Template: x.html", "unknown: 1",
]


@pytest.mark.parametrize("front", NOTE_CASES)
def test_schema_and_normaliser_agree_on_notes(front: str) -> None:
    fine = warnings_of(front) == []
    assert valid("note.schema.json", yaml.safe_load(front)) == fine, warnings_of(front)


@pytest.mark.parametrize("word", [*schema.LANG_WORDS, "ja", "jp", "kr-ko", "english (us)"])
def test_schema_knows_the_languages_the_normaliser_knows(word: str) -> None:
    fine = warnings_of(f"lang: '{word}'") == []
    assert valid("note.schema.json", {"lang": word}) == fine


def registry_problems(kind: str, text: str) -> list[str]:
    report = Report()
    try:
        registry.load(kind, "x.yml", text.encode("utf-8"), report)  # type: ignore[arg-type]
    except registry.RegistryError as exc:
        return [p.text for p in exc.problems]
    return [p.text for p in report.problems]


REGISTRY_CASES = [
    ("speaker", "a:\n  name: A\n"),
    ("speaker", "a:\n  name_ko: 에이\n"),
    ("speaker", "a:\n  name: A\n  aliases: [B, C]\n"),
    ("speaker", "a:\n  name: A\n  aliases: B\n"),
    ("speaker", "a:\n  name: A\n  aliases: {b: 1}\n"),
    ("speaker", "a:\n  name: A\n  affilation: X\n"),
    ("speaker", "a:\n  name: A\n  links: [{title: X, url: https://x.com}]\n"),
    ("speaker", "a:\n  name: A\n  links: {X: https://x.com}\n"),
    ("speaker", "a:\n  name: A\n  links: [{title: X, url: 'javascript:alert(1)'}]\n"),
    ("speaker", "a:\n  name: A\n  links: [mailto:a@b.c]\n"),
    ("speaker", "a:\n  name: A\n  bio: [a, b]\n"),
    ("speaker", "a: A\n"),
    ("topic", "a:\n  name: A\n  parent: b\n"),
    ("event", "e:\n  name: E\n  start: 2024-11-04\n  end: 2024.11.05\n"),
    ("event", "e:\n  name: E\n  start: soon\n"),
    ("event", "e:\n  name: E\n  days: {1: 개막, 2: 폐막}\n"),
    ("event", "e:\n  name: E\n  days: {first: 개막}\n"),
    ("event", "e:\n  name: E\n  url: https://e.com\n"),
    ("event", "e:\n  name: E\n  url: e.com\n"),
]


@pytest.mark.parametrize(("kind", "text"), REGISTRY_CASES)
def test_schema_and_registry_reader_agree(kind: str, text: str) -> None:
    fine = registry_problems(kind, text) == []
    name = f"{SECTION[kind]}.schema.json"  # type: ignore[index]
    assert valid(name, yaml.safe_load(text)) == fine, registry_problems(kind, text)


def test_an_empty_registry_file_passes() -> None:
    assert valid("speakers.schema.json", None)
    assert json.loads(schema.dumps(schema.registry_schema("topic")))["type"] == ["object", "null"]
