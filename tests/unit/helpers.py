"""Shared helpers for unit tests: normalise a note from text, in memory."""

from __future__ import annotations

from confnotes.front_matter import decode, split
from confnotes.messages import Report
from confnotes.normalize import RawNote, normalise


def note(text: str, path: str = "notes/x.md") -> tuple[RawNote, list[str]]:
    report = Report()
    source = split(decode(text.encode("utf-8"), path, report), path, report)
    raw = normalise(source, path, report)
    report.report_unknown_keys()
    return raw, [p.for_mkdocs() for p in report.problems]


def people(raw: RawNote) -> list[list[tuple[str, str, str | None]]]:
    return [[(a.person.name, a.role, a.person.affiliation) for a in t.people] for t in raw.talks]
