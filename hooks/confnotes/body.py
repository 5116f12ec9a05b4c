"""What a note's Markdown body says about itself: its title, its talks and their speakers.

Notes written without Confnotes in mind carry their speakers in the text, in the shapes people
use in blog posts and READMEs:

    ### Kakao AI Native (정규돈 | 카카오)          a name after the talk's title, in brackets
    **1. 행복한 프로그래머를 위한 철학 : 유석문**    ... or after a dash or colon
    ### 2. Title, Andrew Martin & Matt Jarvis      ... or after a comma, in English
    #### 김영윤 - 삼성전자                         a heading that is a person
    ### Speaker - Tim Oxley@NodeSource             a label: `발표자: X`, `연사 - X`, `By X`
    ## 발표자  /  - 정민호 | 예시랩 대표             a section of people
    | 발표자 | 제목 |                              a table with a speaker column
    ### 러스트 파이썬  /  - Jeong YunWon - [github] the first item under a talk's heading

One scan over the lines finds headings, these shapes and code fences; what is not shaped like a
name (name_shapes.py) in a place that may hold one is left as text. Every pattern here is
anchored and bounded, so a hostile line costs time in proportion to its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .name_shapes import has_known_first_name, is_korean_name, is_name
from .names import clean, key
from .people import (
    TITLE_CORE,
    PersonRef,
    Role,
    parse_person,
    people_at,
    read_person,
    split_list,
    split_trailing_brackets,
)

_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
_ATX_START = re.compile(r"\s{0,3}(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"\s{0,3}(?:=+|-+)[ \t]*$")
_ATTRS = re.compile(r"\s*\{:?[ \t]*([^{}]{0,200})\}\s*$")
_ID_ATTR = re.compile(r"#([\w\-]{1,100})")
_NUMBER = re.compile(
    r"^\s*(?:(?:세션|발표|강연|session|talk|part)\s{0,3}\d{1,3}\s{0,3}[.):—–-]?|\d{1,3}[.)]|"
    r"\d{1,3}\s{0,3}[-:—–]|[(]\d{1,3}[)])\s{0,3}(?:[—–-]\s+)?",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"\s*(?:>\s?){0,8}(?:[-*+]|\d{1,3}[.)])\s+")
_LABELS: dict[str, Role] = {
    **{w: "speaker" for w in ("발표자", "발표", "연사", "연사자", "강연자", "speaker", "speakers",
                              "speaker(s)", "presenter", "presenters", "presented by", "keynote",
                              "talk by", "speaker name")},
    **{w: "moderator" for w in ("진행", "진행자", "사회", "사회자", "좌장", "모더레이터",
                                "moderator", "moderators", "moderated by", "host")},
    **{w: "panelist" for w in ("참여자", "패널", "패널리스트", "토론자", "panelists", "panelist",
                               "panel", "panellists", "participants")},
}
_LABEL_ALT = "|".join(re.escape(w) for w in sorted(_LABELS, key=len, reverse=True))
# `발표자: X`, `**연사:** X`, `- **Speaker**: X`, `> * 진행: X`. The value is stripped in
# Python, not by the pattern, so a line of spaces costs no backtracking.
# A line's lead before a label: quotes, a bullet or number, up to three emoji (`- 🎤 발표자 :`).
LEAD = r"\s*(?:>\s?){0,8}(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:[^\w\s*_>\[(`]{1,3}\s?)?"
_SPEAKER_LINE = re.compile(
    LEAD + r"(?:\*\*|__|[*_])?\s?(?:[^\w\s*_\[(]{1,3}\s?)?(" + _LABEL_ALT + r")\s?"
    r"(?:\*\*|__|[*_])?\s?[:：]",
    re.IGNORECASE,
)
# Labels that also start a talk's title (`Keynote: ...`, `발표: ...`): a label only when a
# name follows.
_TITLE_LIKE_LABELS = frozenset({"keynote", "발표", "panel", "패널"})
# In a heading the label may also take a dash: `### Speaker - Tim Oxley`. Words that are
# also everyday words (발표, 진행, 패널) need the colon.
_HEADING_LABELS = frozenset({"발표자", "연사", "강연자", "speaker", "speakers", "speaker(s)",
                             "presenter", "presenters", "presented by", "moderator",
                             "moderated by", "사회자", "진행자", "모더레이터", "패널리스트",
                             "panelists", "토론자"})
_HEADING_LABEL = re.compile(r"(" + _LABEL_ALT + r")\s?(?:[:：]|[-–—]\s)\s*|"
                            r"(moderated by|presented by|hosted by)\s", re.IGNORECASE)
# A heading that opens a list of the speakers: `## 발표자`, `### 연사 소개`, `## Speakers`.
_PEOPLE_SECTION = re.compile(
    r"(?:발표자|연사|강연자|패널|패널리스트|speakers?|presenters?|panelists?|about the speakers?)"
    r"(?:\s?(?:소개|정보|info|introduction|bio|bios))?\s?[:：]?", re.IGNORECASE)
# Headings of the note-taker's own sections: nothing under them is a talk or a speaker.
_OWN_SECTION = re.compile(
    r"(?:총평|후기|느낀\s?점|느낀것|느낌|소감|마무리|마치며|끝으로|정리|회고|감상|요약|목차|참고|"
    r"참고\s?자료|레퍼런스|references?|q\s?&\s?a|qna|질의\s?응답|굿즈|점심|점심\s?시간|네트워킹|"
    r"부스|이벤트|경품|end|끝|outro|conclusions?|wrap[- ]?up|takeaways?|toc|contents|"
    r"table of contents|참가\s?신청|등록|after party|뒷풀이|회고록)", re.IGNORECASE)
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*){0,30}\|?\s*$")
_SPEAKER_COLUMNS = frozenset({"발표자", "연사", "강연자", "발표자명", "연사명", "이름", "speaker",
                              "speakers", "presenter", "presenters", "name", "발표자 이름"})
_TITLE_COLUMNS = frozenset({"제목", "발표 제목", "발표제목", "세션", "세션명", "세션 제목", "주제",
                            "title", "session", "talk", "topic", "발표"})
_BY_LINE = re.compile(r"\s*(?:[-*+]\s+|--\s?|[—–]\s?)?(?:by|presented by)\s+(?=\S)",
                      re.IGNORECASE)
# A programme line: `[13:00 ~ 13:40] Title (Name - Company)`, `09:50 Title - Name`.
_TIME_PREFIX = re.compile(r"\s*(?:[-*+]\s+)?\[?\d{1,2}:\d{2}(?:\s?[~\-–]\s?\d{1,2}:\d{2})?\]?\s+")
# A line that is one link, perhaps after an emoji or bullet: `🌳 [Title - Name, Org](...)`.
# `[Title](...) from [Name](...)`: a talk's link, then its speaker's.
_LINK_FROM = re.compile(r"\s*(?:[-*+]\s+)?\[([^\[\]\n]{2,300})\]\([^()\s]{0,800}\)\s+(?:from|by)\s+"
                        r"\[([^\[\]\n]{2,120})\]\([^()\s]{0,800}\)\s*$", re.IGNORECASE)
# `...](https://youtu.be/x) by Kay Ye`: a talk's link, and its speaker after it.
_LINK_BY_END = re.compile(r"\]\([^()\s]{1,800}\)\s+by\s+([^()\[\]]{2,60}?)\s*$", re.IGNORECASE)
# A line that opens with a link, its text a title and a speaker (`["Title" by Name](...)`).
_LINK_START = re.compile(r"\s*(?:[-*+]\s+)?\W{0,3}\s?\[([^\[\]\n]{3,300})\]\([^()\s]{1,800}\)")
# An item marked by an emoji instead of a bullet: `:one: Title - Name`, `① Title - Name`.
_EMOJI_ITEM = re.compile(
    r"\s*(?::[a-z0-9_+\-]{1,20}:|[\u2460-\u2473\u2776-\u277f]|\d\ufe0f?\u20e3)\s*")
# A list item that is only a picture or a video link: not where a speaker would be.
_MEDIA_ITEM = re.compile(r"\s*[-*+]\s+\[?!\[")
_LINK_LINE = re.compile(r"\s*(?:[-*+]\s+)?\W{0,3}\s?\[((?:[^\[\]\n]|\[[^\[\]\n]{0,100}\]){3,300})\]"
                        r"\([^()\s]{1,800}\)\s*$")
# Separators between a talk's title and its speaker: ` - `, ` – `, ` : `, `-Name-`.
_SEPARATOR = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|\s+[:：]\s*|\s*[:：]\s+")
_INLINE = [
    (re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,800}(?:\s\"[^\"]{0,200}\")?\)"), r"\1"),
    (re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]{1,300}?)(?<=\S)[*_](?![\w*])"), r"\1"),
    (re.compile(r"<[^<>\n]{0,500}>"), ""),
]
_CODE_SPAN = re.compile(r"`([^`\n]{0,300})`")
_PAIRED_MARKS = ("**", "__", "~~", "==")
_PROSE_MARKS = re.compile(r"\s*(?:>\s?){0,8}(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?")
_LINKS_ONLY = re.compile(r"(?:\[[^\[\]\n]{0,300}\]\([^()\s]{0,800}\)|https?://\S{1,800}|@\w[\w.-]{0,40}"
                         r"|[\s,()/|·-])*")
_PROFILE_LINK = re.compile(r"\[([^\[\]\n]{1,60})\]\((?:https?://)?(?:www\.)?([^()\s/]{1,100})"
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
        for pattern, repl in _INLINE:
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
    return clean(_NUMBER.sub("", heading_text)) or heading_text


def atx(line: str) -> tuple[int, str] | None:
    """Level and text of an ATX heading line (`## Title ##`), else None."""
    m = _ATX_START.match(line)
    if not m:
        return None
    text = line[m.end():].strip(" \t")
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.rstrip(" \t")
    return len(m.group(1)), text


def _bold(line: str) -> str | None:
    """The inside of a line that is one bold span, `**Title**`, else None."""
    text = line.strip()
    mark = text[:2]
    if len(text) < 5 or mark not in ("**", "__") or not text.endswith(mark):
        return None
    inner = text[2:-2]
    if inner[:1].isspace() or inner[-1:].isspace() or mark in inner:
        return None
    return inner


def label_value(text: str) -> tuple[Role, str] | None:
    """`발표자: X` -> ("speaker", "X"); None when the line is no speaker line."""
    if ":" not in text and "：" not in text:
        return None
    m = _SPEAKER_LINE.match(text)
    if not m:
        return None
    value = text[m.end():].strip().strip("*_").strip()
    if len(value) <= 300:
        value = plain(value)
    word = m.group(1).casefold()
    if word in _TITLE_LIKE_LABELS and not people_at(value):
        return None         # `Keynote: Building a Sustainable Cloud` is a title, not a name
    return _LABELS[word], value


def _heading_label(text: str) -> tuple[Role, str] | None:
    """`Speaker - Tim Oxley@NodeSource` as a heading's text."""
    m = _HEADING_LABEL.match(text)
    if not m:
        return None
    if m.group(2):                      # `Moderated by Dan Kohn, CNCF`
        return _LABELS[m.group(2).casefold()], text[m.end():].strip()
    word = m.group(1).casefold()
    if word not in _HEADING_LABELS and text[m.start(1) + len(word):].lstrip()[:1] not in ":：":
        return None
    return _LABELS[word], text[m.end():].strip()


def label_people(value: str, loose: bool = True) -> list[PersonRef]:
    """The people after an explicit label: each read by its shape when it has one, else as
    written (the label already says these are people)."""
    if len(value) > 300:
        return [p for p in (parse_person(v) for v in split_list(value)) if p.name]
    shaped = people_at(value, loose)
    if shaped:
        return shaped
    return [p for p in (read_person(v, loose) or parse_person(v) for v in split_list(value))
            if p.name]


def heading_people(text: str, person: bool = True) -> tuple[str, list[PersonRef], bool] | None:
    """The speakers written into a heading, the title without them, and whether the heading
    is a person rather than a talk (`김영윤 - 삼성전자`). None when it names nobody.
    `person`: whether a heading that is only a person counts (not for list items)."""
    if not text or len(text) > 300:
        return None
    first = _people_first(text)
    if first is not None:
        return first
    outer, inner = split_trailing_brackets(text)
    if inner is not None and outer and (found := people_at(inner)):
        # `제목 - 임작가(임백준)`: the word before the bracket is the speaker's nickname.
        head, sep, nickname = outer.rpartition(" - ")
        if sep and head and 0 < len(nickname) <= 8 and " " not in nickname and len(
                found) == 1 and f"{nickname}(" in text:
            one = found[0]
            return head, [PersonRef(one.name, one.affiliation, one.title, one.role,
                                    (*one.aliases, nickname))], False
        return outer, found, False
    trimmed = text.rstrip(" -–—").rstrip()
    if person and (alone := _person_heading(trimmed)) is not None:
        return "", [alone], True
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(trimmed)]
    if cuts:
        segments = [trimmed[: cuts[0][0]]] + [
            trimmed[end: cuts[i + 1][0] if i + 1 < len(cuts) else len(trimmed)]
            for i, (_, end) in enumerate(cuts)]
        found = []
        first_person: int | None = None
        for n, segment in enumerate(segments[1:], start=1):
            leading = _leading_people(segment)
            if leading:
                found.extend(leading)
                first_person = first_person or n
        if found and first_person is not None and segments[0].strip():
            return clean(trimmed[: cuts[first_person - 1][0]]), found, False
        if person and len(segments) == 2 and len(segments[1]) <= 60 and (
                who := read_person(f"{segments[0]} - {segments[1]}")) is not None and (
                key(who.name) == key(segments[0])) and (
                is_korean_name(who.name) or has_known_first_name(who.name)):
            return "", [who], True
    by = trimmed.rfind(" by ")
    if by > 0 and (who := read_person(trimmed[by + 4:])) is not None:
        return clean(trimmed[:by]), [who], False
    underscore = trimmed.rfind("_")
    if underscore > 0 and (who := read_person(trimmed[underscore + 1:])) is not None and (
            is_korean_name(who.name)):
        return clean(trimmed[:underscore]), [who], False
    if person:
        return _comma_tail(trimmed)
    return None


# What a note-taker writes before a colon that is no talk: `Summary By: X`, `정리: X`.
_META_TITLE = re.compile(r"(?:.{0,30}\sby|by|정리|요약|작성|작성자|기록|후기|사진|출처|참고|링크|"
                         r"notes?|summary|written|recorded|photos?|source|slides?|video|영상|자료|"
                         r"a|q)", re.IGNORECASE)
_TALK_WORDS = re.compile(r"\s*(?:의)?\s?(?:발표|세션|강연|키노트|keynote|talk|session)\s*$",
                         re.IGNORECASE)
_QUOTED = re.compile(r"^(.{2,60}?)\s*[:/]?\s+[`'‘\"“「『](.+?)[`'’\"”」』]\s*$")


def _people_first(text: str) -> tuple[str, list[PersonRef], bool] | None:
    """People before the title: `양찬석(구글 코리아) / 새 소식`, `신형섭: `State of CSS``,
    `이형주 외 2인 '인프랩의 도전'`. Beside a company in brackets a two-syllable name counts
    (`조환(예시커넥트) / Dart`): the bracket says it is a person."""
    cut = _slash_outside_brackets(text)
    candidates = [(text[:cut], text[cut + 3:])] if cut > 0 else []
    if m := _QUOTED.match(text):
        candidates.append((m.group(1), m.group(2)))
    for left, title in candidates:
        left = _NUMBER.sub("", left, count=1)
        found = people_at(left)
        if not found and "(" in left:
            found = [p for p in people_at(left, loose=True) if is_korean_name(p.name, short=True)
                     or is_name(p.name)]
        if found and all(is_name(p.name) or is_korean_name(p.name, short=True) for p in found):
            return clean(title), found, False
    return None


def _slash_outside_brackets(text: str) -> int:
    """Where ` / ` first stands outside brackets (`김석용(예시 / GDG) / 제목`), or -1."""
    depth = 0
    for i, ch in enumerate(text[:120]):
        if ch in "([（":
            depth += 1
        elif ch in ")]）":
            depth = max(0, depth - 1)
        elif ch == "/" and depth == 0 and text[i - 1:i] == " " and text[i + 1:i + 2] == " ":
            return i - 1
    return -1


def _person_heading(text: str) -> PersonRef | None:
    """A heading that is a person: `이종은`, `홍길동님 발표`, `천민호, PUBG & Festa`,
    `커뮤니티 리드 홍연의님`, `Jane Roe` (a common given name: `Ground Truth` is none)."""
    text = _TALK_WORDS.sub("", _NUMBER.sub("", text, count=1))
    if len(text) > 80:
        return None
    name, comma, rest = text.partition(",")
    who = read_person(name)
    if who is None and text.endswith("님") and 2 <= len(text) <= 12 and " " not in text and (
            text[:-1] not in TITLE_CORE):
        who = read_person(text[:-1], loose=True)    # `## 햇반님`: a speaker known by a nickname
        return who
    if who is None or (comma and len(rest) > 50):
        return None
    if not name.lstrip().startswith(who.name) and "님" not in text:
        return None     # `테스트 전략 - 유시온`: a talk and its speaker, not a person
    if is_korean_name(who.name) or has_known_first_name(who.name) or (
            comma and is_name(who.name)) or "님" in text:
        if comma:
            return PersonRef(who.name, who.affiliation or clean(rest), who.title, who.role,
                             who.aliases)
        if who.title or key(who.name) == key(name) or "님" in text:
            return who      # not `공모전 이야기`: a company run into a name needs a mark
    return None


def _leading_people(segment: str) -> list[PersonRef]:
    """People at the start of a segment: `박영준 ,HTML5와 ...` gives 박영준."""
    found: list[PersonRef] = []
    for item in segment.split(","):
        item = item.strip()
        if not item:
            continue
        people = people_at(item)
        if not people:
            break
        found.extend(people)
    return found


def _comma_tail(text: str) -> tuple[str, list[PersonRef], bool] | None:
    """`Title, Ian Coldwater, Rory McCune, Datadog`: people after the title, the last of them
    followed by their company."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2:
        return None
    end = len(parts)
    company: str | None = None
    last = parts[-1]
    if len(parts) > 2 and not people_at(last) and re.fullmatch(r"[A-Z][\w&.\- ]{1,30}", last) \
            and people_at(parts[-2]):
        company, end = last, end - 1
    found: list[PersonRef] = []
    start = end
    while start > 1 and (people := people_at(parts[start - 1])):
        found[:0] = people
        start -= 1
    if not found or not ",".join(parts[:start]).strip():
        return None
    if company:
        found[-1] = PersonRef(found[-1].name, company, found[-1].title, found[-1].role,
                              found[-1].aliases)
    return ", ".join(parts[:start]), found, False


def _first_item_person(line: str) -> PersonRef | None:
    """The first list item under a talk's heading, when it is the speaker:
    `- [한상곤](https://github.com/x)`, `- Jeong YunWon - [github](...)`, `* 송창현 네이버 CTO`."""
    text = _PROSE_MARKS.sub("", line, count=1).strip()
    if not text or len(text) > 300:
        return None
    link = _PROFILE_LINK.fullmatch(text)
    if link and is_name(link.group(1)):
        return PersonRef(clean(link.group(1)))
    head, sep, rest = text.partition(" - ")
    if sep and is_name(head) and _LINKS_ONLY.fullmatch(rest):
        return PersonRef(clean(head))
    shown = plain(text)
    handle = "@" in text or bool(_PROFILE_LINK.search(text))
    if handle and len(shown) <= 120:
        # `Yukihiro Matsumoto (Matz) ([@yukihiro_matz](...))`: a handle says "person".
        who = read_person(re.sub(r"\s*\(@[\w.-]{1,40}\)|\s@[\w.-]{1,40}", "", shown))
        if who is not None and is_name(who.name):
            return who
    if len(shown) > 40 or any(ch in shown for ch in ".!?:;\"“”"):
        return _names_at_end(shown)
    person = read_person(shown)
    if person is None:
        return _names_at_end(shown)
    if not is_korean_name(person.name) and not has_known_first_name(person.name):
        return None
    # A name alone, or with a title, or with a company set apart (`(`, `|`, `@`, ` - `):
    # `1. 정보량 과다` is a point of the talk, not its speaker.
    marked = any(mark in shown for mark in ("(", "|", "@", " - ", " – ", ","))
    if key(person.name) == key(shown) or person.title or (person.affiliation and marked):
        return person
    return None


def _names_at_end(text: str) -> PersonRef | None:
    """`Naver Search 김정민/채상은` under a talk's heading: the team, then its speakers."""
    words = text.split()
    if len(words) < 2 or len(text) > 120:
        return None
    names = words[-1].split("/")
    if not all(is_korean_name(n) for n in names):
        return None
    if len(names) == 1 and not re.fullmatch(r"[A-Z][\w.&-]*", words[-2]):
        return None     # a sentence that ends in a name-like word, not `NAVER TUNE 김대성`
    return PersonRef(names[0], clean(" ".join(words[:-1]))[:60] or None,
                     aliases=())


def _by_line(line: str) -> PersonRef | None:
    """`By Suby Raman (@subyraman)`, `by 황민호 @robin.hwang (페이스북, 블로그)`."""
    m = _BY_LINE.match(line)
    if not m or len(line) > 300:
        return None
    return read_person(plain(line[m.end():]))


def _split_attrs(text: str) -> tuple[str, str | None]:
    match = _ATTRS.search(text) if "{" in text else None
    if not match:
        return text, None
    ident = _ID_ATTR.search(match.group(1))
    return text[: match.start()], ident.group(1) if ident else None


def _cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return [c.strip() for c in text.split("|")]


@dataclass
class _Scan:
    """The state of one scan: what the lines read so far have set up."""

    first_line: int
    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    talks: list[BodyTalk] = field(default_factory=list)
    by_title: dict[str, BodyTalk] = field(default_factory=dict)
    stack: list[Heading] = field(default_factory=list)      # open headings, outermost first
    last_heading: Heading | None = None
    since_heading = 0
    current: BodyTalk | None = None
    own_section: int | None = None     # depth of a note-taker's section heading we are in
    people_section: Heading | None = None
    people_section_count = 0
    first_item_open = False            # the next content line may be the speaker
    speaker_lines: list[int] = field(default_factory=list)

    def file_line(self, i: int) -> int:
        return self.first_line + i

    def open_heading(self, heading: Heading) -> None:
        while self.stack and self.stack[-1].depth >= heading.depth:
            self.stack.pop()
        self.stack.append(heading)
        self.headings.append(heading)
        if self.own_section is not None and heading.depth <= self.own_section:
            self.own_section = None
        self.people_section = None

    def talk_at(self, heading: Heading, title: str | None = None, extra_key: str = "") -> BodyTalk:
        title = talk_title(heading.text) if title is None else title
        k = key(title) + extra_key
        existing = self.by_title.get(k)
        if existing is not None:
            # The same talk listed again (an overview, then its own section): one talk, at
            # its own section, which comes later.
            existing.heading = heading
            return existing
        talk = BodyTalk(title=title, heading=heading)
        self.by_title[k] = talk
        self.talks.append(talk)
        return talk

    def talk_for_line(self) -> BodyTalk:
        """The talk a speaker line belongs to: the heading just above it, else the note."""
        heading = self.last_heading
        if heading is not None and self.since_heading <= SPEAKER_LINE_REACH and (
                self.current is None or self.current.heading is not heading):
            self.current = self.talk_at(heading)
        elif self.current is None:
            self.current = BodyTalk(title="", heading=None)
            self.talks.append(self.current)
        return self.current

    def enclosing_talk(self, below: Heading) -> BodyTalk:
        """The talk a `## 발표자` section belongs to: the heading it sits under, or the note."""
        parents = [h for h in self.stack if h.depth < below.depth and h is not below]
        if parents:
            for talk in self.talks:
                if talk.heading is parents[-1]:
                    return talk
            return self.talk_at(parents[-1])
        for talk in self.talks:
            if talk.heading is None:
                return talk
        talk = BodyTalk(title="", heading=None)
        self.talks.append(talk)
        return talk


def scan(body: str, first_line: int) -> Body:
    """Read headings, talks and speakers from a body starting at file line `first_line`."""
    lines = body.split("\n")
    state = _Scan(first_line, lines)
    fence: tuple[str, int] | None = None
    code: set[int] = set()
    first_text: tuple[str, int] | None = None
    prose: list[str] = []
    prose_size = 0
    previous_text = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        lead = line.lstrip()[:1]
        if fence is not None:
            code.add(i)
            stripped = line.strip()
            if stripped.startswith(fence[0]) and stripped.strip(fence[0][0]) == "":
                fence = None
            i += 1
            continue
        # A backtick fence whose info string has a backtick is inline code, not a fence.
        if lead in ("`", "~") and (m := _FENCE.match(line)) and not (
                m.group(1)[0] == "`" and "`" in line[m.end():]):
            fence = (m.group(1), first_line + i)
            code.add(i)
            i += 1
            continue
        if not line.strip():
            i += 1
            continue
        heading = _heading_at(lines, i, lead) if len(line) <= LINE_LIMIT else None
        if heading is not None:
            if first_text is None:
                first_text = (heading.text, first_line + i)
            _read_heading(state, heading)
            previous_text = ""
            i += 2 if heading.kind == "setext" else 1
            continue
        if first_text is None:
            first_text = (clean(line), first_line + i)
        if len(line) <= LINE_LIMIT:
            consumed = _read_line(state, lines, i, lead, previous_text)
            if consumed:
                previous_text = ""
                i = consumed
                continue
        if prose_size < EXCERPT_CHARS and lead not in ("|", "<", "!", "{", "[", "$", ":"):
            text = plain(_PROSE_MARKS.sub("", line[:1000], count=1))
            if text and not text.startswith(("![", "---", "***")):
                prose.append(text)
                prose_size += len(text) + 1
        if lead != "!" and not line.lstrip().startswith(("<img", "<iframe", "{{<")):
            state.since_heading += 1
        previous_text = line
        i += 1
    return Body(state.headings, _merge_overview(state.talks), first_text,
                fence[1] if fence else None, lines, state.speaker_lines,
                shorten(" ".join(prose), EXCERPT_CHARS), code)


def _merge_overview(talks: list[BodyTalk]) -> list[BodyTalk]:
    """A talk listed in an overview (`- 11) Technical Requirements — Steve Scott`) and given
    its own section later (`## 11. Technical Requirements for AI Advancement`) is one talk: the
    same speaker, and one title the start of the other."""
    with_heading = [t for t in talks if t.heading is not None]
    if not with_heading or len(with_heading) == len(talks):
        return talks
    by_speaker: dict[str, list[BodyTalk]] = {}
    for talk in with_heading:
        for appearance in talk.people:
            by_speaker.setdefault(key(appearance.person.name), []).append(talk)
    kept: list[BodyTalk] = []
    for talk in talks:
        if talk.heading is None and talk.title:
            short = key(talk.title)
            match = next((t for a in talk.people for t in by_speaker.get(key(a.person.name), [])
                          if key(t.title).startswith(short) or short.startswith(key(t.title))),
                         None)
            if match is not None:
                add_people(match, talk.people)
                continue
        kept.append(talk)
    return kept


def _read_heading(state: _Scan, heading: Heading) -> None:
    """A heading: a label (`Speaker - X`), a section of people, a talk with its speakers in
    its text, a person, or a plain heading that a speaker line below may make a talk."""
    labelled = _heading_label(heading.text)
    if labelled is not None:
        role, value = labelled
        single = read_person(value, loose=True)
        people = people_at(value, loose=True) or ([single] if single is not None else [])
        if people:
            talk = state.talk_for_line()
            add_people(talk, [Appearance(p, p.role or role, state.file_line(heading.index))
                               for p in people])
            state.headings.append(heading)
            state.since_heading += 1
            return
    state.open_heading(heading)
    state.last_heading, state.since_heading = heading, 0
    state.first_item_open = False
    if state.own_section is not None:
        return
    if _OWN_SECTION.fullmatch(_bare(heading.text)):
        state.own_section = heading.depth
        return
    if _PEOPLE_SECTION.fullmatch(_bare(heading.text)):
        state.people_section, state.people_section_count = heading, 0
        return
    found = heading_people(heading.text)
    if found is None:
        state.first_item_open = True
        return
    title, people, person_only = found
    line = state.file_line(heading.index)
    if person_only:
        parent = next((h for h in reversed(state.stack[:-1])), None)
        title = talk_title(parent.text) if parent is not None else ""
        talk = state.talk_at(heading, title, "\x00" + key(people[0].name))
    else:
        talk = state.talk_at(heading, talk_title(title))
    state.current = talk
    add_people(talk, [Appearance(p, p.role or "speaker", line) for p in people])


def _bare(text: str) -> str:
    """A heading's words without numbers, emoji and punctuation, for matching section names."""
    return re.sub(r"[^\w&]+", " ", _NUMBER.sub("", text)).strip()


def _read_line(state: _Scan, lines: list[str], i: int, lead: str, previous: str) -> int:
    """Read one non-heading line; the index after what was consumed, or 0 for plain text."""
    line = lines[i]
    file_line = state.file_line(i)
    labelled = label_value(line)
    if labelled is not None:
        role, value = labelled
        state.speaker_lines.append(i)
        people = [Appearance(p, p.role or role, file_line) for p in label_people(value)]
        end = i + 1
        if not value:
            items, end = _list_after(lines, i + 1, state.first_line, role)
            people.extend(items)
        add_people(state.talk_for_line(), people)
        state.since_heading += 1
        state.first_item_open = False
        return end
    if state.own_section is not None:
        return 0
    if ("|" in line) and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
        end = _read_table(state, lines, i)
        if end:
            return end
    if state.people_section is not None and state.people_section_count < PEOPLE_SECTION_ITEMS:
        text = plain(_PROSE_MARKS.sub("", line, count=1)) if len(line) <= 200 else ""
        # A nickname counts where the line itself says "person": `님`, a handle, `|`.
        cue = bool(re.search(r"님|@|\||\(", text)) and state.people_section_count == 0
        person = read_person(text, loose=cue) if text else None
        if person is not None:
            state.people_section_count += 1
            talk = state.enclosing_talk(state.people_section)
            add_people(talk, [Appearance(person, person.role or "speaker", file_line)])
            return i + 1
    if lead in ("b", "B", "-", "*", "+", "p", "P") and (person := _by_line(line)) is not None:
        talk = _talk_above(state, previous, i)
        add_people(talk, [Appearance(person, person.role or "speaker", file_line)])
        state.first_item_open = False
        return i + 1
    if lead in ("-", "*", "+", "[", "<") or lead.isdigit() or not lead.isalnum() or (
            "](" in line and " by " in line):
        end = _talk_line(state, lines, i)
        if end:
            state.first_item_open = False
            return end
    if _standalone(lines, i) and (paragraph := _paragraph_talk(line)) is not None:
        named = state.by_title.get(key(paragraph[0]))
        if named is None:
            named = BodyTalk(title=paragraph[0], heading=None)
            state.by_title[key(paragraph[0])] = named
            state.talks.append(named)
        add_people(named, [Appearance(p, p.role or "speaker", file_line) for p in paragraph[1]])
        state.first_item_open = False
        return i + 1
    if state.first_item_open and lead != "!" and not line.lstrip().startswith(("<", "{{")) \
            and not _MEDIA_ITEM.match(line):
        state.first_item_open = False
        heading = state.last_heading
        if heading is not None and state.since_heading <= 1 and (
                person := _first_item_person(line)) is not None:
            talk = state.talk_at(heading)
            state.current = talk
            if not talk.people:
                add_people(talk, [Appearance(person, person.role or "speaker", file_line)])
                return i + 1
    return 0


_QUOTED_TITLE = re.compile(r"\s*[“\"‘'](.{2,200})[”\"’']\s*[-–—]+\s*(\S.{1,120})$")


def _standalone(lines: list[str], i: int) -> bool:
    """A line that is a paragraph of its own (blank above and below), or a line followed by
    the address of its video (`“Title” - Name` then `https://youtube...`)."""
    below = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if _BARE_ADDRESS.fullmatch(below):
        return True
    return (i == 0 or not lines[i - 1].strip()) and not below


_BARE_ADDRESS = re.compile(r"<?https?://\S{1,800}>?")


def _paragraph_talk(line: str) -> tuple[str, list[PersonRef]] | None:
    """A line that is a talk: `“The World Set Free” - Jane Roe`, `Pat Allan - Title`."""
    if len(line) > 300:
        return None
    text = plain(line.strip())
    if m := _QUOTED_TITLE.match(text):
        people = [p for p in (read_person(x) for x in split_list(m.group(2))) if p]
        if people and all(is_name(p.name) for p in people):
            return clean(m.group(1)), people
        return None
    head, sep, rest = text.partition(" - ")
    if sep and rest and len(head) <= 40 and (who := read_person(head)) is not None and (
            key(who.name) == key(head)) and (
            is_korean_name(who.name) or has_known_first_name(who.name)):
        return clean(rest.split(" (")[0]), [who]
    return None


def _talk_line(state: _Scan, lines: list[str], i: int) -> int:
    """A line that is a talk with its speaker: a list item or programme line
    (`- Title (Name)`, `[13:00] Title (Name - Company)`, `- Name(Company) / Title`), a link
    whose text is one (`🌳 [Title - Name, Company](...)`); or a list of people
    (`- 회사 CEO 홍길동님`, each item a person with a title or `님`)."""
    line = lines[i]
    if len(line) > LINE_LIMIT:
        return 0
    if (m := _LINK_FROM.match(line)) and (people := people_at(plain(m.group(2)), loose=True)):
        found: tuple[str, list[PersonRef], bool] | None = (plain(m.group(1)), people, False)
    elif (m := _LINK_BY_END.search(line)) and (who := read_person(plain(m.group(1)))):
        opening = line.rfind("[", 0, m.start())
        if opening < 0 and i > 0 and "[" in lines[i - 1]:   # the link's text began above
            title = lines[i - 1][lines[i - 1].rfind("[") + 1:] + " " + line[:m.start()]
        else:
            title = line[opening + 1:m.start()]
        found = (plain(title), [who], False)
    elif link := _LINK_LINE.match(line) or _LINK_START.match(line):
        found = heading_people(plain(link.group(1)), person=False)
        if found is None and link.re is _LINK_START:
            return 0
    else:
        m = _TIME_PREFIX.match(line) or _LIST_ITEM.match(line) or _EMOJI_ITEM.match(line)
        if not m:
            return 0
        # A title in backticks (`신다인: `제목``) keeps its quotes for _people_first.
        text = plain(line[m.end():].replace("`", "'"))
        found = heading_people(text, person=False) if text else None
    if found is not None:
        title, people, _ = found
        title = talk_title(title)
        if not title or len(title) < 2 or _META_TITLE.fullmatch(title):
            return 0
        talk = state.by_title.get(key(title))
        if talk is None:
            talk = BodyTalk(title=title, heading=None)
            state.by_title[key(title)] = talk
            state.talks.append(talk)
        add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(i)) for p in people])
        return i + 1
    return _people_list(state, lines, i)


def _people_list(state: _Scan, lines: list[str], i: int) -> int:
    """Two or more list items in a row that are each a person with a title or `님`
    (`- 네이버 클라우드 CEO 김유원님`): the people of the talk above."""
    people: list[Appearance] = []
    end = i
    known = 0
    while end < len(lines) and len(lines[end]) <= 200 and (m := _LIST_ITEM.match(lines[end])):
        raw = plain(lines[end][m.end():])
        person = read_person(raw)
        if person is None or not (person.title or person.affiliation or "님" in raw):
            break
        known += is_korean_name(person.name) or has_known_first_name(person.name)
        people.append(Appearance(person, person.role or "speaker", state.file_line(end)))
        end += 1
    if len(people) >= 2 and known * 2 >= len(people):
        add_people(state.talk_for_line(), people)
        return end
    # One person at the top of a list whose own items are notes of their talk:
    # `* Kelsey Hightower - Staff Dev Advocate, Google` then indented points.
    if len(people) == 1 and people[0].person.title and known and _nested_below(lines, i):
        parent = state.stack[-1] if state.stack else None
        title = talk_title(parent.text) if parent is not None else ""
        talk = BodyTalk(title=title, heading=None)
        state.talks.append(talk)
        add_people(talk, people)
        return i + 1
    return 0


def _nested_below(lines: list[str], i: int) -> bool:
    """Whether the list item at `i` has indented items of its own."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(_LIST_ITEM.match(following)) and (
        len(following) - len(following.lstrip()) > indent)


def _talk_above(state: _Scan, previous: str, i: int) -> BodyTalk:
    """The talk a by-line names: the title line just above it (`(1) Title`), else the
    heading above."""
    text = plain(previous.strip()) if previous else ""
    if text and _NUMBER.match(previous) and len(text) <= 200 and atx(previous) is None:
        title = talk_title(text)
        existing = state.by_title.get(key(title))
        if existing is not None:
            return existing
        talk = BodyTalk(title=title, heading=None)
        state.by_title[key(title)] = talk
        state.talks.append(talk)
        state.current = talk
        return talk
    return state.talk_for_line()


def _read_table(state: _Scan, lines: list[str], i: int) -> int:
    """A table with a speaker column: each row a talk (its title column) and its speakers.
    The index after the table, or 0 when the table has no speaker column."""
    header = [plain(c).casefold() for c in _cells(lines[i])]
    speaker_col = next((n for n, c in enumerate(header) if c in _SPEAKER_COLUMNS), None)
    if speaker_col is None:
        return 0
    title_col = next((n for n, c in enumerate(header) if c in _TITLE_COLUMNS and n != speaker_col),
                     None)
    end = i + 2
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        cells = _cells(lines[end])
        if speaker_col < len(cells) and len(lines[end]) <= LINE_LIMIT:
            people = people_at(plain(cells[speaker_col]), loose=True)
            if people:
                title = plain(cells[title_col]) if title_col is not None and title_col < len(
                    cells) else ""
                if title:
                    talk = state.by_title.get(key(title))
                    if talk is None:
                        talk = BodyTalk(title=talk_title(title), heading=None)
                        state.by_title[key(title)] = talk
                        state.talks.append(talk)
                else:
                    talk = state.talk_for_line()
                add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(end))
                                   for p in people])
        end += 1
    return end


def _heading_at(lines: list[str], i: int, lead: str) -> Heading | None:
    # The first character rules out most lines before any pattern runs.
    line = lines[i]
    if lead == "#" and (found := atx(line)):
        text, anchor = _split_attrs(found[1])
        return Heading(i, found[0], plain(text), anchor, "atx")
    if (
        lead
        and i + 1 < len(lines)
        and lines[i + 1].lstrip()[:1] in ("=", "-")
        and _SETEXT.match(lines[i + 1])
        and not _LIST_ITEM.match(line)
        and not line.lstrip().startswith(("|", ">", "<"))
        and label_value(line) is None
        and (i == 0 or not lines[i - 1].strip())
    ):
        text, anchor = _split_attrs(line)
        return Heading(i, 1 if lines[i + 1].strip()[0] == "=" else 2, plain(text), anchor,
                       "setext")
    if lead in ("*", "_"):
        inner = _bold(line)
        if inner is not None and label_value(line) is None:
            return Heading(i, 0, plain(inner), None, "bold")
    if lead == "<" and "**" in line:
        inner = _bold(_INLINE[2][0].sub("", line))
        if inner is not None and label_value(inner) is None:
            return Heading(i, 0, plain(inner), None, "bold")
    return None


def _list_after(
    lines: list[str], i: int, first_line: int, role: Role
) -> tuple[list[Appearance], int]:
    """People listed under a `참여자:` line; returns them and the index after the list."""
    people: list[Appearance] = []
    if i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and len(lines[i]) <= LINE_LIMIT and (m := _LIST_ITEM.match(lines[i])):
        item = lines[i][m.end():].strip().strip("*_ ")
        for person in label_people(item):
            people.append(Appearance(person, person.role or role, first_line + i))
        i += 1
    return people, i


def add_people(talk: BodyTalk, people: list[Appearance]) -> None:
    """Add people once each; a later mention that says more (affiliation, title) wins."""
    position = {key(a.person.name): i for i, a in enumerate(talk.people)}
    for appearance in people:
        k = key(appearance.person.name)
        if not k:
            continue
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
        anchor = anchor_slug(heading.text)[:80].strip("-") or f"talk-{number}"
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
            and atx(following) is None):
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
