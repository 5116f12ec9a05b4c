"""What a note's Markdown body says about itself: its title, its talks and their speakers.

Notes written without Confnotes in mind carry their speakers in the text (`발표자: X` under a
heading). One scan over the lines finds headings, speaker lines and code fences; a heading
followed closely by a speaker line starts a talk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import clean, key
from .people import PersonRef, Role, people_in

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)[ \t]*$")
_BOLD_LINE = re.compile(r"^\s{0,3}(\*\*|__)(?!\s)(.+?)(?<!\s)\1\s*$")
_ATTRS = re.compile(r"\s*\{:?\s*([^}]*)\}\s*$")
_ID_ATTR = re.compile(r"#([\w\-]+)")
_NUMBER = re.compile(
    r"^\s*(?:(?:세션|발표|강연|session|talk|part)\s*\d+\s*[.):—–-]?|\d+[.)]|\d+\s*[-:—–]|[(]\d+[)])\s*"
    r"(?:[—–-]\s+)?",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(.+?)\s*$")
_LABELS: dict[str, Role] = {
    **{w: "speaker" for w in ("발표자", "발표", "연사", "강연자", "speaker", "speakers",
                              "speaker(s)", "presenter", "presenters", "presented by", "keynote")},
    **{w: "moderator" for w in ("진행", "진행자", "사회", "사회자", "좌장", "모더레이터",
                                "moderator", "moderators", "moderated by", "host")},
    **{w: "panelist" for w in ("참여자", "패널", "패널리스트", "토론자", "panelists", "panelist",
                               "panel", "panellists", "participants")},
}
_LABEL_ALT = "|".join(re.escape(w) for w in sorted(_LABELS, key=len, reverse=True))
_SPEAKER_LINE = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(" + _LABEL_ALT + r")\s*"
    r"(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*?)\s*$",
    re.IGNORECASE,
)
_INLINE = [
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__|~~|==)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
]
_PROSE_MARKS = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?")
SPEAKER_LINE_REACH = 3
EXCERPT_CHARS = 200  # non-blank lines between a heading and the speaker line that names it


@dataclass
class Heading:
    index: int            # 0-based line index in the body (the text line for setext)
    level: int
    text: str             # the heading's plain text
    anchor: str | None    # an id written by the author, `{#id}`
    kind: str             # "atx", "setext" or "bold"


@dataclass
class Appearance:
    """A person named at one place in the note, with the role that place gives them."""

    person: PersonRef
    role: Role
    line: int


@dataclass
class BodyTalk:
    title: str
    heading: Heading | None
    people: list[Appearance] = field(default_factory=list)
    anchor: str | None = None


@dataclass
class Body:
    headings: list[Heading]
    talks: list[BodyTalk]
    first_line: tuple[str, int] | None     # the first text line, with its file line
    unclosed_fence: int | None             # file line of a fence that is never closed
    lines: list[str]
    speaker_lines: list[int] = field(default_factory=list)   # indexes of `발표자:` lines
    excerpt: str = ""                      # the opening prose, as plain text


def plain(text: str) -> str:
    """Heading text without inline Markdown: what a reader sees."""
    if any(mark in text for mark in "*_`[<~="):
        for pattern, repl in _INLINE:
            text = pattern.sub(repl, text)
    return clean(text)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a space near `limit` characters, ended with '…' when cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def talk_title(heading_text: str) -> str:
    """A talk's title from its heading: `7. Title` is `Title`."""
    return clean(_NUMBER.sub("", heading_text)) or heading_text


def _split_attrs(text: str) -> tuple[str, str | None]:
    match = _ATTRS.search(text)
    if not match:
        return text, None
    ident = _ID_ATTR.search(match.group(1))
    return text[: match.start()], ident.group(1) if ident else None


def scan(body: str, first_line: int) -> Body:
    """Read headings, talks and speaker lines from a body starting at file line `first_line`."""
    lines = body.split("\n")
    headings: list[Heading] = []
    talks: list[BodyTalk] = []
    by_title: dict[str, BodyTalk] = {}
    fence: tuple[str, int] | None = None
    first_text: tuple[str, int] | None = None
    last_heading: Heading | None = None
    since_heading = 0
    current: BodyTalk | None = None
    speaker_lines: list[int] = []
    prose: list[str] = []
    prose_size = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        lead = line.lstrip()[:1]
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence[0]) and stripped.strip(fence[0][0]) == "":
                fence = None
            i += 1
            continue
        # A backtick fence whose info string has a backtick is inline code, not a fence.
        if lead in ("`", "~") and (m := _FENCE.match(line)) and not (
                m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = (m.group(1), first_line + i)
            i += 1
            continue
        heading = _heading_at(lines, i, lead)
        if heading is not None:
            headings.append(heading)
            last_heading, since_heading = heading, 0
            if first_text is None:
                first_text = (heading.text, first_line + i)
            i += 2 if heading.kind == "setext" else 1
            continue
        if not line.strip():
            i += 1
            continue
        if first_text is None:
            first_text = (clean(line), first_line + i)
        if _may_name_people(line) and (m := _SPEAKER_LINE.match(line)):
            speaker_lines.append(i)
            role = _LABELS[m.group(1).casefold()]
            value = m.group(2).strip("*_ ")
            people = [Appearance(p, p.role or role, first_line + i) for p in people_in(value)]
            if not value:
                items, i = _list_after(lines, i + 1, first_line, role)
                people.extend(items)
            else:
                i += 1
            if last_heading is not None and since_heading <= SPEAKER_LINE_REACH and (
                current is None or current.heading is not last_heading
            ):
                current = _start_talk(last_heading, talks, by_title)
            elif current is None:
                current = BodyTalk(title="", heading=None)
                talks.append(current)
            _add_people(current, people)
            since_heading += 1
            continue
        if prose_size < EXCERPT_CHARS and lead not in ("|", "<", "!", "{", "[", "$"):
            text = plain(_PROSE_MARKS.sub("", line))
            if text and not text.startswith(("![", "---", "***")):
                prose.append(text)
                prose_size += len(text) + 1
        since_heading += 1
        i += 1
    return Body(headings, talks, first_text, fence[1] if fence else None, lines, speaker_lines,
                shorten(" ".join(prose), EXCERPT_CHARS))


def _may_name_people(line: str) -> bool:
    """A cheap test before the speaker-line pattern: every label is followed by a colon."""
    return ":" in line or "：" in line


def _heading_at(lines: list[str], i: int, lead: str) -> Heading | None:
    # The first character rules out most lines before any pattern runs.
    line = lines[i]
    if lead == "#" and (m := _ATX.match(line)):
        text, anchor = _split_attrs(m.group(2))
        return Heading(i, len(m.group(1)), plain(text), anchor, "atx")
    if (
        lead
        and i + 1 < len(lines)
        and lines[i + 1].lstrip()[:1] in ("=", "-")
        and _SETEXT.match(lines[i + 1])
        and not _LIST_ITEM.match(line)
        and not line.lstrip().startswith(("|", ">", "<"))
        and not _SPEAKER_LINE.match(line)
        and (i == 0 or not lines[i - 1].strip())
    ):
        text, anchor = _split_attrs(line)
        return Heading(i, 1 if lines[i + 1].strip()[0] == "=" else 2, plain(text), anchor,
                       "setext")
    if lead in ("*", "_") and (m := _BOLD_LINE.match(line)):
        inner = m.group(2)
        if not _SPEAKER_LINE.match(line) and "**" not in inner:
            return Heading(i, 0, plain(inner), None, "bold")
    return None


def _list_after(
    lines: list[str], i: int, first_line: int, role: Role
) -> tuple[list[Appearance], int]:
    """People listed under a `참여자:` line; returns them and the index after the list."""
    people: list[Appearance] = []
    if i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and (m := _LIST_ITEM.match(lines[i])):
        item = m.group(1).strip("*_ ")
        for person in people_in(item):
            people.append(Appearance(person, person.role or role, first_line + i))
        i += 1
    return people, i


def _start_talk(heading: Heading, talks: list[BodyTalk], by_title: dict[str, BodyTalk]) -> BodyTalk:
    title = talk_title(heading.text)
    existing = by_title.get(key(title))
    if existing is not None:
        # The same talk listed again (an overview, then its own section): one talk, at its
        # own section, which comes later.
        existing.heading = heading
        return existing
    talk = BodyTalk(title=title, heading=heading)
    by_title[key(title)] = talk
    talks.append(talk)
    return talk


def _add_people(talk: BodyTalk, people: list[Appearance]) -> None:
    """Add people once each; a later mention that says more (affiliation, title) wins."""
    position = {key(a.person.name): i for i, a in enumerate(talk.people)}
    for appearance in people:
        k = key(appearance.person.name)
        if k not in position:
            position[k] = len(talk.people)
            talk.people.append(appearance)
        elif _detail(appearance) > _detail(talk.people[position[k]]):
            talk.people[position[k]] = appearance


def _detail(appearance: Appearance) -> int:
    return bool(appearance.person.affiliation) + bool(appearance.person.title)





_ANCHOR_DROP = re.compile(r"[^\w\- ]")


def anchor_slug(text: str) -> str:
    """A heading id the way the site's table of contents makes them: Hangul kept, lower case."""
    return _ANCHOR_DROP.sub("", clean(text).lower()).replace(" ", "-")


def anchor_talks(body: Body, talks: list[BodyTalk]) -> str:
    """Give each talk's heading a stable id and return the Markdown to render.

    Ids are written into the heading (`{#id}`), so the talk's link never depends on how many
    other headings share its words. A bold line that starts a talk becomes a real heading.
    """
    lines = list(body.lines)
    used = {h.anchor for h in body.headings if h.anchor}
    for number, talk in enumerate(talks, start=1):
        heading = talk.heading
        if heading is None:
            continue
        if heading.anchor:
            talk.anchor = heading.anchor
            continue
        anchor = anchor_slug(heading.text) or f"talk-{number}"
        base, n = anchor, 0
        while anchor in used:
            n += 1
            anchor = f"{base}_{n}"
        used.add(anchor)
        talk.anchor = anchor
        if heading.kind == "bold":
            hashes = "#" * _bold_level(body, heading, talks)
            lines[heading.index] = f"{hashes} {heading.text} {{#{anchor}}}"
        else:
            lines[heading.index] = lines[heading.index].rstrip() + f" {{#{anchor}}}"
    for i in reversed(body.speaker_lines):
        _separate(lines, i)
    return "\n".join(lines)


def _separate(lines: list[str], i: int) -> None:
    """Keep `진행: X` and `참여자:` on lines of their own, and the list under `참여자:` a list:
    Markdown would otherwise run them into one paragraph."""
    line, following = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
    if (following.strip() and not _LIST_ITEM.match(line) and not line.lstrip().startswith(">")
            and not _ATX.match(following)):
        lines.insert(i + 1, "")


def _bold_level(body: Body, heading: Heading, talks: list[BodyTalk]) -> int:
    """A bold talk title becomes a sibling of the talk headings before it, else a level below
    the heading it sits under."""
    siblings = [t.heading.level for t in talks if t.heading and t.heading.kind != "bold"
                and t.heading.index < heading.index]
    if siblings:
        return siblings[-1]
    above = [h.level for h in body.headings if h.index < heading.index and h.kind != "bold"]
    return min(6, max(2, above[-1] + 1)) if above else 2


def sections(body: Body, talks: list[BodyTalk]) -> dict[int, str]:
    """Each talk's own text, from its heading to the next talk's, keyed by id(talk)."""
    starts = sorted((t.heading.index, id(t)) for t in talks if t.heading is not None)
    found: dict[int, str] = {}
    for n, (start, ident) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(body.lines)
        found[ident] = "\n".join(body.lines[start:end])
    return found
