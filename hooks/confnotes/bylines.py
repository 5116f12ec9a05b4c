"""People in a line of a note's body: `발표자: X` labels, names after a talk's title in a
heading, a heading that is a person, `by X` lines, a first list item that names the speaker."""

from __future__ import annotations

import re

from .body_shapes import (
    ATTRS,
    BY_LINE,
    HEADING_LABEL,
    HEADING_LABELS,
    ID_ATTR,
    LABELS,
    LEAD,
    LINKS_ONLY,
    NUMBER,
    PROFILE_LINK,
    PROSE_MARKS,
    SEPARATOR,
    SPEAKER_LINE,
    TITLE_LIKE_LABELS,
    plain,
)
from .name_shapes import (
    NOT_NAME_WORDS,
    TITLE_WORDS,
    has_known_first_name,
    is_korean_name,
    is_latin_name,
    is_name,
)
from .names import clean, key
from .people import (
    TITLE_CORE,
    PersonRef,
    Role,
    parse_person,
    people_at,
    read_affiliation,
    read_person,
    share_company,
    split_list,
    split_trailing_brackets,
)

# `발표자 배정만 강사님`, `` `연사 김영희 (카카오)` ``: a label without its colon, read only when
# what follows is a person by shape and nothing more.
_BARE_LABEL = re.compile(LEAD + r"(?:\*\*|__)?(발표자|연사|강연자|강사|speaker|presenter)"
                         r"(?:\*\*|__)?\s+(?=\S)", re.IGNORECASE)
BARE_LABEL_CHARS = 40


def label_value(text: str) -> tuple[Role, str] | None:
    """`발표자: X` -> ("speaker", "X"); None when the line is no speaker line."""
    if ":" not in text and "：" not in text:
        return _bare_label(text)
    m = SPEAKER_LINE.match(text)
    if not m:
        return None
    value = text[m.end():].strip().strip("*_").strip()
    if len(value) <= 300:
        value = plain(value)
    word = m.group(1).casefold()
    if word in TITLE_LIKE_LABELS and value and not people_at(value):
        return None         # `Keynote: Building a Sustainable Cloud` is a title, not a name
    return LABELS[word], value


def _bare_label(text: str) -> tuple[Role, str] | None:
    text = text.strip()
    if text.startswith("`") and text.endswith("`") and text.count("`") == 2:
        text = text[1:-1].strip()           # a whole line set in code as a highlight
    m = _BARE_LABEL.match(text)
    if not m:
        return None
    value = plain(text[m.end():]).strip()
    if len(value) > BARE_LABEL_CHARS:
        return None
    found = people_at(value)
    if len(found) != 1 or not (is_korean_name(found[0].name) or has_known_first_name(
            found[0].name)):
        return None
    return "speaker", value


def heading_label(text: str) -> tuple[Role, str] | None:
    """`Speaker - Tim Oxley@NodeSource` as a heading's text."""
    m = HEADING_LABEL.match(text)
    if not m:
        return None
    if m.group(2):                      # `Moderated by Dan Kohn, CNCF`
        return LABELS[m.group(2).casefold()], text[m.end():].strip()
    word = m.group(1).casefold()
    if word not in HEADING_LABELS and text[m.start(1) + len(word):].lstrip()[:1] not in ":：":
        return None
    value = text[m.end():].strip()
    if word in TITLE_LIKE_LABELS and ((
            (titled := heading_people(value, person=False)) and titled[0]) or (
            title_then_people(value))):
        return None         # `Keynote: How Good Is Our Code? - Dan Example, CNCF`: a talk
    return LABELS[word], value


def label_people(value: str, loose: bool = True) -> list[PersonRef]:
    """The people after an explicit label: each read by its shape when it has one, else as
    written (the label already says these are people)."""
    if len(value) > 300:
        return [p for p in (parse_person(v) for v in split_list(value)) if p.name]
    shaped = people_at(value, loose)
    if shaped:
        return shaped
    return [p for p in (read_person(v, loose) or parse_person(v) for v in split_list(value)
                        if _could_be_named(v)) if p.name]


def _could_be_named(text: str) -> bool:
    """Whether a value after a label could be someone's name as written, however unusual:
    not a sentence (`speaker: match expectations set in submission`)."""
    words = text.split()
    return len(words) <= 6 and not (text[:1].islower() and len(words) >= 3)


_TALK_WITH = re.compile(r"\b(keynote|fireside chat|chat|conversation|interview|q\s?&\s?a|ama|"
                        r"talk|대담|대화|인터뷰)\s+with\s+([A-Z][^()\[\]]{2,80}?)\s*"
                        r"(?:\(\s*\[[^\]]{0,40}\]\([^()\s]{0,800}\)\s*\)|\([^()]{0,40}\))?\s*$",
                        re.IGNORECASE)
_TRAILING_DOTS = re.compile(r"(?<=[A-Za-z])(?:\.{2,}|…)\s*$")  # after a Latin name only
_GLUED_NAME_END = re.compile(r"(.{2,250}?[가-힣)\]])-([가-힣]{3,4})\s*$")


def heading_people(text: str, person: bool = True) -> tuple[str, list[PersonRef], bool] | None:
    """The speakers written into a heading, the title without them, and whether the heading
    is a person rather than a talk (`김영윤 - 삼성전자`). None when it names nobody.
    `person`: whether a heading that is only a person counts (not for list items)."""
    if not text or len(text) > 300:
        return None
    first = _people_first(text)
    if first is not None:
        return first
    if "-" in text and (glued := _GLUED_NAME_END.match(text)) and is_korean_name(glued.group(2)):
        # `[Track1-4_2]협업 방식-강시온`: a title and its speaker joined by a bare hyphen
        return glued.group(1), [PersonRef(glued.group(2))], False
    if (chat := _TALK_WITH.search(text)) and (with_people := people_at(chat.group(2))) and all(
            has_known_first_name(p.name) for p in with_people):
        # `CEO Keynote with Adam Selipsky (link)`: a keynote, a chat, an interview with ...
        return text[:chat.end(1)].strip(" -–—:"), with_people, False
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
    if (named := name_then_title(trimmed)) is not None and (
            is_korean_name(named[1].name) or has_known_first_name(named[1].name)):
        return named[0], [named[1]], False      # `Ruth Example: How To Be A Web Artist`
    if person and (alone := _person_heading(_TRAILING_DOTS.sub("", trimmed))) is not None:
        # `### Jenna Zeigen...` too
        return "", [alone], True
    cuts = [(m.start(), m.end()) for m in SEPARATOR.finditer(trimmed)]
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
            title = clean(trimmed[: cuts[first_person - 1][0]])
            if _NUMBERED_SLOT.fullmatch(title) and first_person < len(cuts):
                # `Talk 5: Lucas Example & Nikhita Sample: Getting Started`: the title after.
                title = clean(trimmed[cuts[first_person][1]:]) or title
            return title, found, False
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
META_TITLE = re.compile(r"(?:.{0,30}\sby|by|정리|요약|작성|작성자|기록|후기|사진|출처|참고|링크|"
                         r"notes?|summary|written|recorded|photos?|source|slides?|video|영상|자료|"
                         r"a|q)", re.IGNORECASE)
_TALK_WORDS = re.compile(r"\s*(?:의)?\s?(?:발표|세션|강연|키노트|keynote|talk|session)\s*$",
                         re.IGNORECASE)
_QUOTED = re.compile(r"^(.{2,60}?)\s*[:/]?\s+[`'‘\"“「『](.+?)[`'’\"”」』]\s*$")


# A person marked as one (`님`, `@company`) before ` - ` and a title.
_MARKED_FIRST = re.compile(r"^([^-–—]*?(?:님|@[^\s-][^-–—]*?))\s+[-–—]\s+(\S.*)$")


_TITLE_WORDS = frozenset("the of to for a an in on with how what why and your my into from is "
                         "are do does can vs".split())


def reads_as_title(text: str) -> bool:
    """Whether the text after a name is a talk's title rather than the person's company:
    a question, a colon, small words of a sentence, or more words than a company has."""
    words = text.split()
    if not words:
        return False
    if any(ch in text for ch in "?!:") or len(words) >= 5:
        return True
    if re.search(r"[가-힣]", text):
        return len(words) >= 3
    return len(words) >= 2 and any(w.casefold() in _TITLE_WORDS for w in words)


def name_then_title(text: str) -> tuple[str, PersonRef] | None:
    """`Addy Example - The browser hacker's guide`, `Anjana Example: Immutable data`: a
    name, a separator, then a title. The name as read, whatever its given name."""
    m = SEPARATOR.search(text)
    if m is None or m.start() == 0 or len(text) > 300:
        return None
    left, right = text[:m.start()].strip(), clean(text[m.end():])
    if len(left) > 60 or not reads_as_title(right):
        return None
    who = read_person(left)
    if who is None or not is_name(who.name) or not key(left).endswith(key(who.name)):
        return None
    return right, PersonRef(who.name, None, who.title, who.role, who.aliases)


_DASH = re.compile(r"\s[-–—]{1,2}\s")


def title_then_people(text: str) -> tuple[str, list[PersonRef]] | None:
    """`Ceph for Big Science - Wido den Hollander (42on.com)`: a title, a separator, then
    people written as names, whether or not the reader knows their given names. Taken for
    speakers only where sibling headings share the shape (see body.py)."""
    trimmed = text.rstrip(" -–—").rstrip()
    if len(trimmed) > 300:
        return None
    cut = max(_DASH.finditer(trimmed), key=lambda m: m.start(), default=None)
    if cut is None or cut.start() == 0:
        return None
    left, right = clean(trimmed[:cut.start()]), trimmed[cut.end():]
    if not left or len(right) > 160 or reads_as_title(
            split_trailing_brackets(right.partition(",")[0])[0]):
        return None
    found = people_at(right, any_name=True)
    if not found or any(not is_name(p.name) for p in found):
        return None
    return left, found


def schedule_talk(text: str) -> tuple[str, list[PersonRef], bool] | None:
    """A talk named as conference schedules name it, whatever the speakers' given names:
    `Power Tuning - Atanas Example, Intel & Rimma Sample, Red Hat`, `Title - A, X; B, Y`.
    Several people, or each with a company after a comma."""
    found = title_then_people(text)
    if found is None or not (len(found[1]) >= 2 or all(p.affiliation for p in found[1])):
        return None
    return found[0], found[1], False


def _people_first(text: str) -> tuple[str, list[PersonRef], bool] | None:
    """People before the title: `양찬석(구글 코리아) / 새 소식`, `신형섭: `State of CSS``,
    `이형주 외 2인 '인프랩의 도전'`. Beside a company in brackets a two-syllable name counts
    (`조환(예시커넥트) / Dart`): the bracket says it is a person."""
    cut = _slash_outside_brackets(text)
    candidates = [(text[:cut], text[cut + 3:])] if cut > 0 else []
    if m := _QUOTED.match(text):
        candidates.append((m.group(1), m.group(2)))
    if (m := _MARKED_FIRST.match(text)) and len(m.group(1)) <= 60:
        candidates.append((m.group(1), m.group(2)))    # `송하람@예시랩님 - 제목`
    for left, title in candidates:
        left = NUMBER.sub("", left, count=1)
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


_HANDLE_SEGMENT = re.compile(r"\s+[-–—|·]\s+@[\w.]{1,40}(?=\s|$)")
_DATED_TAIL = re.compile(r"(?:\s+[-–—|·]\s+(?:\d{1,2}\s[A-Za-z]{3,9}\.?\s\d{4}|"
                         r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}:\d{2}(?:\s?[ap]m)?))+\s*$",
                         re.IGNORECASE)


def _person_heading(text: str) -> PersonRef | None:
    """A heading that is a person: `이종은`, `홍길동님 발표`, `천민호, PUBG & Festa`,
    `커뮤니티 리드 홍연의님`, `Jane Roe` (a common given name: `Ground Truth` is none)."""
    text = _TALK_WORDS.sub("", NUMBER.sub("", text, count=1))
    if len(text) > 80:
        return None
    if (handle := _HANDLE_SEGMENT.search(text)) and not _DATED_TAIL.sub(
            "", text[handle.end():]).strip():
        # `Bear Example - @bear - 19 Feb 2015 - 13:00`: a handle says "person"; the day and
        # hour of the talk may follow it.
        head = text[:handle.start()]
        who = read_person(head)
        return who if who is not None and is_name(who.name) and key(who.name) == key(
            head) else None
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
        bracketed = name.lstrip()[len(who.name):].lstrip().startswith(("(", "（"))
        if who.title or key(who.name) == key(name) or "님" in text or bracketed:
            return who      # not `공모전 이야기`: a company run into a name needs a mark
    return None


def _leading_people(segment: str) -> list[PersonRef]:
    """People at the start of a segment: `박영준 ,HTML5와 ...` gives 박영준; `Liz Example,
    Isovalent` her and her company; `A, X; B, Y` each with theirs."""
    segment = _PRESENTED_BY.sub("", segment, count=1)
    if ";" in segment and (grouped := people_at(segment)):
        return grouped
    if _JOINED.search(segment) and len(listed := people_at(segment)) > 1 and all(
            is_name(p.name) for p in listed):
        return listed       # `Ricardo Example, Staff Member, CERN & Clen Sample, Engineer, X`
    found: list[PersonRef] = []
    items = segment.split(",")
    for n, item in enumerate(items):
        item = item.strip()
        if not item:
            continue
        people = people_at(item)
        if not people:
            if n == len(items) - 1 and len(found) == 1 and not found[0].affiliation and (
                    _COMPANY.fullmatch(item)):
                one = found[0]
                found[0] = PersonRef(one.name, item, one.title, one.role, one.aliases)
            break
        found.extend(people)
    return share_company(found, segment)


# A slot in a programme standing where a title would: `Talk 5`, `Session 2`, `세션 3`.
_NUMBERED_SLOT = re.compile(r"(?:talk|session|keynote|track|slot|세션|발표|트랙)\s*#?\d{1,3}",
                            re.IGNORECASE)
_COMPANY = re.compile(r"[A-Z][\w&.\- ]{1,30}")
_PRESENTED_BY = re.compile(r"\s*(?:(?:presented|hosted|moderated|given)\s+)?by\s+", re.IGNORECASE)
_JOINED = re.compile(r"\s(?:&|and|및)\s")


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
    while start > 1 and (people := people_at(parts[start - 1]) or (
            [PersonRef(clean(parts[start - 1]))] if found and start > 2 and is_latin_name(
                parts[start - 1]) else [])):
        # Beside names already read, a name shape is a name (`Duffie Example`); the first
        # part is always the title.
        found[:0] = people
        start -= 1
    if not found or not ",".join(parts[:start]).strip():
        return None
    if company:
        found[-1] = PersonRef(found[-1].name, company, found[-1].title, found[-1].role,
                              found[-1].aliases)
    return ", ".join(parts[:start]), found, False


# What may follow the handle: nothing, a colon and the talk's summary, a link, a company.
_AFTER_HANDLE = re.compile(r"\s*(?:$|[:\[|,(–—-]|https?://|[A-Z][\w&.\- ]{1,40}$)")
_SENTENCE_END = re.compile(r"[.!?。]\s*$")
_NAME_THEN_HANDLE = re.compile(r"([^()\[\]@:,.!?]{3,60}?)\s*\(\s*@[\w.-]{1,40}\s*\)")


def _profile_address(link: re.Match[str]) -> bool:
    """Whether a link goes to a page that can be a person's own: a site's first level
    (`github.com/kim`, `twitter.com/kim`, `kim.example`) or LinkedIn's `/in/kim`; not a
    repository, a post or a document (`github.com/org/repo`)."""
    target = link.group(0)[link.group(0).index("](") + 2:-1]
    path = target.split("//", 1)[-1].partition("/")[2].split("?")[0].split("#")[0]
    parts = [p for p in path.split("/") if p]
    return len(parts) <= 1 or (len(parts) == 2 and parts[0] == "in")


def first_item_people(line: str) -> list[PersonRef]:
    """The first list item under a talk's heading, when it names the speakers:
    `- [한상곤](https://github.com/x)`, `- Jeong YunWon - [github](...)`, `* 송창현 네이버 CTO`."""
    text = PROSE_MARKS.sub("", line, count=1).strip()
    if "@" in text[:200] and (named := _NAME_THEN_HANDLE.match(shown := plain(text[:300]))) and (
            is_name(named.group(1)) and _AFTER_HANDLE.match(shown[named.end():])):
        # `Tom Example (@tom_example): Did you know...`, `Horea Example (@h)[Company](...)`:
        # the name the handle stands beside, whatever follows.
        return [PersonRef(clean(named.group(1)))]
    if not text or len(text) > 300:
        return []
    link = PROFILE_LINK.fullmatch(text)
    if link and is_name(link.group(1)):
        return [PersonRef(clean(link.group(1)))]
    head, sep, rest = text.partition(" - ")
    if sep and is_name(head) and LINKS_ONLY.fullmatch(rest):
        return [PersonRef(clean(head))]
    shown = plain(text)
    head, at, company = shown.partition(" @ ")
    if at and 0 < len(company) <= 60 and is_name(head.strip()) and not (
            _SENTENCE_END.search(company)):
        return [PersonRef(clean(head), clean(company))]     # `Tommy Example @ Root Insurance`
    handle = "@" in text or any(_profile_address(m) for m in PROFILE_LINK.finditer(text))
    if handle and len(shown) <= 120:
        # `Yukihiro Matsumoto (Matz) ([@yukihiro_matz](...))`: a handle says "person".
        who = read_person(re.sub(r"\s*\(@[\w.-]{1,40}\)|\s@[\w.-]{1,40}", "", shown))
        if who is not None and is_name(who.name):
            return [who]
    if "," in shown and len(shown) <= 80 and (listed := people_at(shown)) and (all(
            is_korean_name(p.name) or has_known_first_name(p.name) for p in listed) or (
            len(listed) >= 2 and all(is_name(p.name) and not p.affiliation for p in listed)
            and any(has_known_first_name(p.name) for p in listed))):
        # `Beth Example, Apple`, `Jo Hunt, Marlene Zent`, `Matías Example, Gregory Example`
        return listed
    if len(shown) > 40 or any(ch in shown for ch in ".!?:;\"“”"):
        return _names_at_end(shown)
    person = read_person(shown)
    if person is None:
        return _names_at_end(shown)
    if not is_korean_name(person.name) and not has_known_first_name(person.name):
        return []
    # A name alone, or with a title, or with a company set apart (`(`, `|`, `@`, ` - `):
    # `1. 정보량 과다` is a point of the talk, not its speaker.
    marked = any(mark in shown for mark in ("(", "|", "@", " - ", " – ", ","))
    if key(person.name) == key(shown) or person.title or (person.affiliation and marked):
        return [person]
    return []


def _names_at_end(text: str) -> list[PersonRef]:
    """`Naver Search 김정민/채상은` under a talk's heading: the team, then its speakers."""
    words = text.split()
    if len(words) < 2 or len(text) > 120:
        return []
    names = words[-1].split("/")
    if not all(is_korean_name(n) for n in names):
        return []
    if len(names) == 1 and not re.fullmatch(r"[A-Z][\w.&-]*", words[-2]):
        return []       # a sentence that ends in a name-like word, not `NAVER TUNE 김대성`
    team = clean(" ".join(words[:-1]))[:60] or None
    return [PersonRef(name, team) for name in names]


def by_line(line: str) -> PersonRef | None:
    """`By Suby Raman (@subyraman)`, `by 황민호 @robin.hwang (페이스북, 블로그)`."""
    if (linked := _FROM_LINK.fullmatch(line.strip())) and is_name(plain(linked.group(1))):
        return PersonRef(clean(plain(linked.group(1))))     # `from [최종찬](.../speakers/...)`
    m = BY_LINE.match(line)
    if not m or len(line) > 300:
        return None
    return read_person(plain(line[m.end():]))


# A line that is only `from` and a link to a person: a programme's speaker page.
_FROM_LINK = re.compile(r"(?:[-*+]\s+)?from\s+\[([^\]]{2,40})\]\([^)\s]{1,300}\)\.?",
                        re.IGNORECASE)


def split_attrs(text: str) -> tuple[str, str | None]:
    match = ATTRS.search(text) if "{" in text else None
    if not match:
        return text, None
    ident = ID_ATTR.search(match.group(1))
    return text[: match.start()], ident.group(1) if ident else None


def table_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return [c.strip() for c in text.split("|")]


_LOOSE_WORD = re.compile(r"[A-Za-z][a-z]{1,14}|[A-Z][A-Za-z]{1,14}")
_ASIDE = re.compile(r"\s*[(（][^()（）]{1,30}[)）]\s*")
LOOSE_NAME_CHARS = 60


def name_line(lines: list[str], i: int) -> PersonRef | None:
    """A short paragraph of its own under a talk's heading that could be its speaker written
    plainly (`katie barnett`, `Taewon Kim`, `jeemin shin - 구글 서치 팀`, `Yongmin cho` with
    `Communication/IR` on the next line): two or three words of letters, none of them a word
    of titles. Not enough alone; the scan takes these only when several talks have one."""
    line = lines[i]
    if len(line) > LOOSE_NAME_CHARS or PROSE_MARKS.match(line).end() or (  # type: ignore[union-attr]
            i > 0 and lines[i - 1].strip() and not lines[i - 1].startswith("#")):
        return None
    below = lines[i + 1].strip() if i + 1 < len(lines) else ""
    after = lines[i + 2].strip() if i + 2 < len(lines) else ""
    if below and (after or len(below) > 40 or not below[0].isalnum() or any(
            ch in below for ch in ".!?:;")):
        return None
    head, _, rest = plain(line).partition(" - ")
    written = clean(head)
    words = _ASIDE.sub(" ", written).split()
    if not 2 <= len(words) <= (4 if all(w[0].isupper() for w in words) else 3) or not all(
            _LOOSE_WORD.fullmatch(w) for w in words) or any(
            w.casefold() in NOT_NAME_WORDS or w.casefold() in TITLE_WORDS for w in words):
        return None
    aliases = tuple(m.strip(" ()（）") for m in _ASIDE.findall(written))
    # `katie barnett` -> `Katie Barnett`, `Yongmin cho` -> `Yongmin Cho`
    name = " ".join(w.capitalize() if w.islower() else w for w in words)
    affiliation = clean(rest) or below or None
    return PersonRef(name, affiliation if affiliation and len(affiliation) <= 40 else None,
                     aliases=aliases)


def sibling_person(text: str) -> PersonRef | None:
    """A list item beside one that named a speaker, read the same way: a person's name
    first (a Korean name, or two capitalised words), then what they do
    (`Kent Example Gusto`, `Ryann Example Founder, Activist`)."""
    if len(text) > 300:
        return None
    shown = plain(text)
    if len(shown) > 120 or any(ch in shown for ch in ".!?:;"):
        return None
    person = read_person(shown)
    if person is not None and is_name(person.name) and len(person.name.split()) <= 2:
        return person
    words = shown.split()
    if len(words) >= 2 and is_latin_name(" ".join(words[:2])):
        affiliation, title, role = read_affiliation(" ".join(words[2:]))
        return PersonRef(" ".join(words[:2]), affiliation, title, role)
    return None


_HANDLE = re.compile(r"@([A-Za-z0-9][\w.-]{1,38})")


def bold_speaker(text: str) -> list[PersonRef]:
    """A bold line alone under a talk's heading that names its speaker: `@k16wire 황상철`
    (a handle, then the name), `텀블벅 박형식` (the company, then the name), `@chiyodad` (a
    handle alone), or any shape a first list item may take."""
    if len(text) > 80:
        return []
    words = text.split()
    handles = [m.group(1) for w in words if (m := _HANDLE.fullmatch(w))]
    rest = [w for w in words if not _HANDLE.fullmatch(w)]
    if handles and not rest and len(handles) == 1:
        return [PersonRef(handles[0])]
    if handles and rest:
        named = read_person(" ".join(rest))
        if named is not None and (is_korean_name(named.name) or is_name(named.name)):
            return [PersonRef(named.name, named.affiliation, named.title, named.role,
                              (*named.aliases, *handles))]
        return []
    if 2 <= len(words) <= 4 and is_korean_name(words[-1]) and not any(
            is_korean_name(w) for w in words[:-1]):
        return [PersonRef(words[-1], " ".join(words[:-1]))]
    return first_item_people(text)


_EMPHASISED = re.compile(r"\s*([_*])(?!\1)([^_*\n]{2,120}?)(?<!\s)\1(?![_*])(.*)$")


def emphasised_speakers(line: str) -> list[PersonRef]:
    """A line in italics alone under a talk's heading, perhaps followed by links to the
    recording: `_Taylor Example and Scott Sample_ [:video_camera:](...)`, `*Mae Example*`.
    Its names are read by shape; anything that is not a name makes it no speaker line."""
    m = _EMPHASISED.match(line)
    if not m or not LINKS_ONLY.fullmatch(re.sub(r":[a-z_]{2,30}:", "", m.group(3)).strip()):
        return []
    found = people_at(plain(m.group(2)), loose=True)     # the italics say "person"
    if not found or not all(is_name(p.name) for p in found):
        return []
    return found


# A heading over a list of short talks, each item one talk and its speaker.
LIGHTNING = re.compile(r"(?:lightning\s*talks?|lightning\s*session|lt|라이트닝\s*토크|번개\s*발표)"
                       r"(?:\s*[(:].{0,40})?", re.IGNORECASE)
_LIGHTNING_NAME_FIRST = re.compile(r"([^-–—:.!?()\[\]]{2,40}?)\s+[-–—]+\s+(\S.*)")
_LIGHTNING_NAME_LAST = re.compile(
    r"(.{2,120}?)[:.;,]\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*(?:\(?@[\w.-]{1,40}\)?)")


def lightning_item(text: str) -> tuple[str, list[PersonRef]] | None:
    """An item under `### Lightning talks`: `Marek - ProRouter.js - ...`, `Kirill Example -
    Rust!`, `DevTools in Firefox: Alex Example @alex;`. The heading says each item is a talk,
    so a single given name counts as a speaker when it stands first before a dash."""
    shown = plain(text[:300])
    if (m := _LIGHTNING_NAME_FIRST.match(shown)) and is_name(m.group(1), loose=True) and not (
            reads_as_title(m.group(1))):
        title = re.split(r"\s+[-–—]+\s+|[.!?](?:\s|$)", m.group(2), maxsplit=1)[0]
        return clean(title), [PersonRef(clean(m.group(1)))]
    if (m := _LIGHTNING_NAME_LAST.match(shown)) and is_name(m.group(2)):
        return clean(m.group(1)), [PersonRef(clean(m.group(2)))]
    if (m := _LIGHTNING_NAMES_AFTER.match(shown)) and (names := [
            clean(n) for n in _JOINERS.split(m.group(2))]) and all(
            is_latin_name(n) or is_korean_name(n) for n in names):
        # `Internet for Everyone. Tom Example en Liran Sample. Accessible.`
        return clean(m.group(1)), [PersonRef(n) for n in names]
    return None


_LATIN_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
# `and` in the languages notes are written in: English, Dutch, German, French, Spanish.
_JOINERS = re.compile(r"\s+(?:and|&|en|und|et|y|e|및|와|과)\s+")
_LIGHTNING_NAMES_AFTER = re.compile(
    r"(.{2,120}?)[:.]\s+(" + _LATIN_NAME + r"(?:\s+(?:and|&|en|und|et|y|e)\s+" + _LATIN_NAME
    + r")?)\s*(?:[.;]|$)")

