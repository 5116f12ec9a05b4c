"""The shapes a note's body is read in: its patterns (each anchored and bounded), the headings,
people and talks a scan finds, and small readers of one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import clean
from .people import (
    PersonRef,
    Role,
)

FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
# After the marks a space, or a no-break or ideographic one (`#\u00a0Title`): the page shows
# those as headings too.
_ATX_START = re.compile(r"\s{0,3}(#{1,6})(?=[ \t\u00a0\u3000]|$)")
SETEXT = re.compile(r"\s{0,3}(?:=+|-+)[ \t]*$")
ATTRS = re.compile(r"\s*\{:?[ \t]*([^{}]{0,200})\}\s*$")
ID_ATTR = re.compile(r"#([\w\-]{1,100})")
NUMBER = re.compile(
    r"^\s*(?:(?:세션|발표|강연|session|talk|part)\s{0,3}\d{1,3}\s{0,3}[.):—–-]?|\d{1,3}[.)]|"
    r"\d{1,3}\s{0,3}[-:—–]|[(]\d{1,3}[)])\s{0,3}(?:[—–-]\s+)?",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"\s*(?:>\s?){0,8}(?:[-*+]|\d{1,3}[.)])\s+")
LABELS: dict[str, Role] = {
    **{w: "speaker" for w in ("발표자", "발표", "연사", "연사자", "강연자", "speaker", "speakers",
                              "speaker(s)", "presenter", "presenters", "presented by", "keynote",
                              "talk by", "speaker name")},
    **{w: "moderator" for w in ("진행", "진행자", "사회", "사회자", "좌장", "모더레이터",
                                "moderator", "moderators", "moderated by", "host")},
    **{w: "panelist" for w in ("참여자", "패널", "패널리스트", "토론자", "panelists", "panelist",
                               "panel", "panellists", "participants")},
}
_LABEL_ALT = "|".join(re.escape(w) for w in sorted(LABELS, key=len, reverse=True))
# `발표자: X`, `**연사:** X`, `- **Speaker**: X`, `> * 진행: X`. The value is stripped in
# Python, not by the pattern, so a line of spaces costs no backtracking.
# A line's lead before a label: quotes, a bullet or number, up to three emoji (`- 🎤 발표자 :`).
LEAD = r"\s*(?:>\s?){0,8}(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:[^\w\s*_>\[(`]{1,3}\s?)?"
SPEAKER_LINE = re.compile(
    LEAD + r"(?:\*\*|__|[*_])?\s?(?:[^\w\s*_\[(]{1,3}\s?)?(" + _LABEL_ALT + r")\s?"
    r"(?:\*\*|__|[*_])?\s?[:：]",
    re.IGNORECASE,
)
# Labels that also start a talk's title (`Keynote: ...`, `발표: ...`): a label only when a
# name follows.
TITLE_LIKE_LABELS = frozenset({"keynote", "발표", "panel", "패널"})
# In a heading the label may also take a dash: `### Speaker - Tim Oxley`. Words that are
# also everyday words (발표, 진행, 패널) need the colon.
HEADING_LABELS = frozenset({"발표자", "연사", "강연자", "speaker", "speakers", "speaker(s)",
                             "presenter", "presenters", "presented by", "moderator",
                             "moderated by", "사회자", "진행자", "모더레이터", "패널리스트",
                             "panelists", "토론자"})
HEADING_LABEL = re.compile(r"(" + _LABEL_ALT + r")\s?(?:[:：]|[-–—]\s)\s*|"
                            r"(moderated by|presented by|hosted by)\s", re.IGNORECASE)
# A heading that opens a list of the speakers: `## 발표자`, `### 연사 소개`, `## Speakers`.
PEOPLE_SECTION = re.compile(
    r"(?:발표자|연사|강연자|패널|패널리스트|speakers?|presenters?|panelists?|about the speakers?)"
    r"(?:\s?(?:소개|정보|info|introduction|bio|bios))?\s?[:：]?", re.IGNORECASE)
# Headings of the note-taker's own sections: nothing under them is a talk or a speaker.
OWN_SECTION = re.compile(
    r"(?:총평|후기|느낀\s?점|느낀것|느낌|소감|마무리|마치며|끝으로|정리|회고|감상|요약|목차|참고|"
    r"참고\s?자료|레퍼런스|references?|links?|useful links|resources?|링크|관련\s?링크|"
    r"q\s?&\s?a|qna|질의\s?응답|굿즈|점심|점심\s?시간|네트워킹|"
    r"부스|이벤트|경품|end|끝|outro|conclusions?|wrap[- ]?up|takeaways?|toc|contents|"
    r"table of contents|참가\s?신청|등록|after party|뒷풀이|회고록)", re.IGNORECASE)
TABLE_RULE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*){0,30}\|?\s*$")
SPEAKER_COLUMNS = frozenset({"발표자", "연사", "강연자", "발표자명", "연사명", "이름", "speaker",
                              "speakers", "presenter", "presenters", "name", "발표자 이름"})
NAME_COLUMNS = frozenset({"이름", "name"})   # a speaker's only beside a talk's title
TITLE_COLUMNS = frozenset({"제목", "발표 제목", "발표제목", "세션", "세션명", "세션 제목", "주제",
                            "title", "session", "talk", "topic", "발표"})
BY_LINE = re.compile(r"\s*(?:[-*+]\s+|--\s?|[—–]\s?)?(?:by|presented by)\s+(?=\S)",
                      re.IGNORECASE)
# A programme line: `[13:00 ~ 13:40] Title (Name - Company)`, `09:50 Title - Name`.
TIME_PREFIX = re.compile(r"\s*(?:[-*+]\s+)?\[?\d{1,2}:\d{2}(?:\s?[~\-–]\s?\d{1,2}:\d{2})?\]?\s+")
# A line that is one link, perhaps after an emoji or bullet: `🌳 [Title - Name, Org](...)`.
# `[Title](...) from [Name](...)`: a talk's link, then its speaker's.
LINK_FROM = re.compile(r"\s*(?:[-*+]\s+)?\[([^\[\]\n]{2,300})\]\([^()\s]{0,800}\)\s+(?:from|by)\s+"
                        r"\[([^\[\]\n]{2,120})\]\([^()\s]{0,800}\)\s*$", re.IGNORECASE)
# `...](https://youtu.be/x) by Kay Ye`: a talk's link, and its speaker after it.
LINK_BY_END = re.compile(r"\]\([^()\s]{1,800}\)\s+by\s+([^()\[\]]{2,60}?)\s*$", re.IGNORECASE)
# A line that opens with a link, its text a title and a speaker (`["Title" by Name](...)`).
LINK_START = re.compile(r"\s*(?:[-*+]\s+)?\W{0,3}\s?\[([^\[\]\n]{3,300})\]\([^()\s]{1,800}\)")
# An item marked by an emoji instead of a bullet: `:one: Title - Name`, `① Title - Name`.
EMOJI_ITEM = re.compile(
    r"\s*(?::[a-z0-9_+\-]{1,20}:|[\u2460-\u2473\u2776-\u277f]|\d\ufe0f?\u20e3)\s*")
# A list item that is only a picture or a video link: not where a speaker would be.
MEDIA_ITEM = re.compile(r"\s*[-*+]\s+\[?!\[")
LINK_LINE = re.compile(r"\s*(?:[-*+]\s+)?\W{0,3}\s?\[((?:[^\[\]\n]|\[[^\[\]\n]{0,100}\]){3,300})\]"
                        r"\([^()\s]{1,800}\)\s*$")
# Separators between a talk's title and its speaker: ` - `, ` – `, ` : `, `-Name-`.
SEPARATOR = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|\s+[:：]\s*|\s*[:：]\s+")
INLINE = [
    (re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,800}(?:\s\"[^\"]{0,200}\")?\)"), r"\1"),
    (re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]{1,300}?)(?<=\S)[*_](?![\w*])"), r"\1"),
    (re.compile(r"<[^<>\n]{0,500}>"), ""),
]
_CODE_SPAN = re.compile(r"`([^`\n]{0,300})`")
_PAIRED_MARKS = ("**", "__", "~~", "==")
PROSE_MARKS = re.compile(r"\s*(?:>\s?){0,8}(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?")
LINKS_ONLY = re.compile(r"(?:\[[^\[\]\n]{0,300}\]\([^()\s]{0,800}\)|https?://\S{1,800}|@\w[\w.-]{0,40}"
                         r"|[\s,()/|·-])*")
PROFILE_LINK = re.compile(r"\[([^\[\]\n]{1,60})\]\((?:https?://)?(?:www\.)?([^()\s/]{1,100})"
                           r"[^()\s]{0,500}\)")
SPEAKER_LINE_REACH = 3  # non-blank lines between a heading and the speaker line that names it
EXCERPT_CHARS = 200
PEOPLE_SECTION_ITEMS = 12  # people read under a `## 발표자` heading, at most
LINE_LIMIT = 2000          # longer lines are text, never a heading or a list of people


@dataclass
class Heading:
    index: int            # 0-based line index in the body (the text line for setext)
    level: int            # 1-6; bold and HTML-bold lines are 0
    text: str             # the heading's plain text
    anchor: str | None    # an id written by the author, `{#id}`
    kind: str             # "atx", "setext" or "bold"

    @property
    def depth(self) -> int:
        """Nesting depth: a bold line sits below every real heading."""
        return self.level or 7


@dataclass
class Appearance:
    """A person named at one place in the note, with the role that place gives them."""

    person: PersonRef
    role: Role
    line: int | None


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
    code: set[int] = field(default_factory=set)             # indexes of lines inside fences


def plain(text: str) -> str:
    """Heading text without inline Markdown: what a reader sees."""
    if any(mark in text for mark in "*_`[<~="):
        spans: list[str] = []

        def keep(match: re.Match[str]) -> str:
            spans.append(match.group(1))
            return f"\x00{len(spans) - 1}\x00"
        text = _CODE_SPAN.sub(keep, text)
        for mark in _PAIRED_MARKS:
            text = text.replace(mark, "")
        for pattern, repl in INLINE:
            text = pattern.sub(repl, text)
        if spans:
            text = re.sub(r"\x00(\d+)\x00", lambda m: spans[int(m.group(1))], text)
    return clean(text)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a space near `limit` characters, ended with '…' when cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def talk_title(heading_text: str) -> str:
    """A talk's title from its heading: `7. Title` is `Title`."""
    return clean(NUMBER.sub("", heading_text)) or heading_text


def atx(line: str) -> tuple[int, str] | None:
    """Level and text of an ATX heading line (`## Title ##`), else None."""
    m = _ATX_START.match(line)
    if not m:
        return None
    text = line[m.end():].strip(" \t\u00a0\u3000")
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.rstrip(" \t")
    return len(m.group(1)), text


def bold_text(line: str) -> str | None:
    """The inside of a line that is one bold span, `**Title**`, else None."""
    text = line.strip()
    mark = text[:2]
    if len(text) < 5 or mark not in ("**", "__") or not text.endswith(mark):
        return None
    inner = text[2:-2]
    if inner[:1].isspace() or inner[-1:].isspace() or mark in inner:
        return None
    return inner
