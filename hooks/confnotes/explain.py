"""`confnotes explain`: what Confnotes understood of each note, and from which line.

    docs/notes/2024/deview/day1.md
      제목   Deview 2015
      날짜   2015-09-14 – 2015-09-15 (line 3)
      행사   DEVIEW 2015 (title; series deview)
      발표 2개
        1. 네이버 효과툰 구현 이야기 (line 20)
           송창현 — 네이버, CTO (line 18)
      주제   Node.js, React

Read with the build's own code (collect.read_note and index.build), so what it prints is what
the site shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .index import Site
from .model import Note
from .normalize import RawNote


def lines_for(raw: RawNote, note: Note, site: Site, shown: str | None = None) -> list[str]:
    """The explanation of one note, one line each; `shown` names its file."""
    out = [shown or raw.path]

    def fact(label: str, value: str) -> None:
        out.append(f"  {label:<5} {value}")

    fact("제목", note.title)
    if note.date:
        days = note.date.isoformat() if note.date_precision == "day" else (
            f"{note.date.year}" if note.date_precision == "year" else note.date.isoformat()[:7])
        if note.date_end:
            days += f" – {note.date_end.isoformat()}"
        fact("날짜", f"{days} ({note.date_source or 'front matter'})")
    else:
        fact("날짜", "— (모름: 본문에도 이름에도 날짜가 없습니다)")
    if note.post_date and note.post_date != note.date:
        fact("글 쓴 날", note.post_date.isoformat())
    if note.event:
        term = site.term("event", note.event)
        series = f"; series {term.series}" if term.series else ""
        registered = "; registered" if term.registered else ""
        fact("행사", f"{term.name} ({note.event_source or 'front matter'}{series}{registered})")
    else:
        fact("행사", "— (찾지 못했습니다)")
    talks = [t for t in note.talks if t.title or t.speakers]
    out.append(f"  발표 {len(talks)}개")
    for n, talk in enumerate(talks, start=1):
        where = f" (line {talk.line})" if talk.line else ""
        out.append(f"    {n}. {talk.title}{where}")
        for a in talk.speakers:
            about = ", ".join(x for x in (a.affiliation, a.title) if x)
            role = "" if a.role == "speaker" else f" [{a.role}]"
            line = f" (line {a.line})" if a.line else ""
            out.append(f"       {a.name}{role}{' — ' + about if about else ''}{line}")
        if not talk.speakers:
            out.append("       (발표자를 찾지 못했습니다)")
    if note.topics:
        fact("주제", ", ".join(site.term("topic", t).name for t in note.topics))
    if note.draft:
        fact("초안", "draft: true — mkdocs build에서 빠집니다")
    return out


def explain(raws: Iterable[RawNote], site: Site,
            shown: Callable[[str], str] = lambda path: path) -> list[str]:
    """Every note's explanation, a blank line after each; `shown` names files as the reader
    sees them (from the repository root)."""
    by_path = {n.path: n for n in site.notes}
    out: list[str] = []
    for raw in raws:
        note = by_path.get(raw.path)
        if note is not None:
            out.extend(lines_for(raw, note, site, shown(raw.path)))
            out.append("")
    return out
