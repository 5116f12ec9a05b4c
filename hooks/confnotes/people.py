"""Read a person as contributors write one: `Name`, `Name (Affiliation Title)`,
`Name 교수 (KAIST, Moderator)`, or a mapping with name/affiliation/title/role."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .name_shapes import SURNAMES, TITLE_WORDS, has_known_first_name, is_korean_name, is_name
from .names import clean

Role = Literal["speaker", "panelist", "moderator"]
ROLES: tuple[Role, ...] = ("speaker", "panelist", "moderator")

ROLE_WORDS: dict[str, Role] = {
    "moderator": "moderator", "moderated": "moderator", "host": "moderator", "mc": "moderator",
    "모더레이터": "moderator", "사회": "moderator", "사회자": "moderator", "진행": "moderator",
    "진행자": "moderator", "좌장": "moderator",
    "panelist": "panelist", "panellist": "panelist", "panel": "panelist", "패널": "panelist",
    "패널리스트": "panelist", "토론자": "panelist",
    "speaker": "speaker", "presenter": "speaker", "keynote": "speaker", "발표": "speaker",
    "발표자": "speaker", "연사": "speaker", "기조연설": "speaker",
}

# Words that make up a job title. A run of them at the end of a name or of an affiliation is
# the title, not part of the name or the company; the run must end in a core word, so
# `Google Research` stays a company while `AMD Corporate Fellow` is AMD plus a title.
TITLE_CORE = frozenset("""
advocate 부의장 pd pm ceo cto cfo coo cio cso cpo cmo cvo cdo cvp svp evp vp avp gm chair chairman
chairwoman
chairperson
president founder co-founder cofounder director head lead leader fellow professor prof prof.
partner scientist engineer researcher manager officer dean advisor adviser architect evangelist
교수 부교수 조교수 명예교수 박사 님 대표 대표이사 총괄 리드 디렉터 사이언티스트 아키텍트
에반젤리스트 컨설턴트 부장 차장 과장 대리 강사 작가 기자 멘토 코치 오거나이저 운영진 개발자
의장 회장 부회장 사장 부사장 전무 상무 이사 소장 원장 센터장 본부장 실장 팀장 그룹장 담당 리더
연구원 책임연구원 선임연구원 수석 수석연구원 총장 장관 차관 위원 위원장 창업자 공동창업자
설립자 고문 부문장 사업부장 펠로우 엔지니어 매니저 파트너 선임 책임 주임 사원
developer programmer designer consultant owner maintainer organizer organiser analyst specialist
""".split())
TITLE_MODIFIERS = frozenset("""
research corporate senior sr sr. vice executive managing general chief division associate staff
assistant distinguished principal emeritus technical & and of
""".split())
_LEADING_TITLES = frozenset({"dr", "dr.", "prof", "prof.", "professor"})
# Titles that may be written glued to a Hangul name: `오혜연교수`, `이강욱부사장님`.
_GLUED_TITLES = sorted((w for w in TITLE_CORE if re.fullmatch(r"[가-힣]{2,}", w)),
                       key=len, reverse=True)

MAX_AFFILIATION = 60
_TITLE_AT = re.compile(r"(.{2,60}?)\s+(?:at|@|with)\s+(\S.{0,60})$")
_DASH_SPLIT = re.compile(r"\s+[—–-]\s+")
_PART_SPLIT = re.compile(r"\s*[,;·|]\s*")


@dataclass(frozen=True)
class PersonRef:
    """A person as written at one place in a note, before resolution against the registry."""

    name: str
    affiliation: str | None = None
    title: str | None = None
    role: Role | None = None
    aliases: tuple[str, ...] = ()         # other names given at the same place: `정개발(정도현)`


def split_list(text: str) -> list[str]:
    """Split `A (X, Y), B 및 C` into people, ignoring separators inside brackets."""
    items: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([（【":
            depth += 1
        elif ch in ")]）】":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = _separator_at(text, i)
            if sep:
                items.append(text[start:i])
                i += sep
                start = i
                continue
        i += 1
    items.append(text[start:])
    return [clean(item) for item in items if clean(item)]


# Words joining the last two people of a list: `A 및 B`, `A and B`, `A & B`, `A와 B`.
_AND_WORDS = ("및", "and", "&", "와", "과")
_AND_SEPARATORS = tuple(f" {w} " for w in _AND_WORDS)


def _separator_at(text: str, i: int) -> int:
    if text[i] in ",;、，":
        return 1
    if text[i] == "/" and text[:i].rstrip().endswith((")", "）")):
        return 1            # `Marc Example (SAP)/ Jan Example (SUSE)`
    for word in _AND_SEPARATORS:
        if text.startswith(word, i):
            return len(word)
    return 0


def parse_person(text: str) -> PersonRef:
    """Parse one person written as text."""
    text = clean(text).strip("*_`\"'")
    text = clean(text)
    inner = ""
    outer, bracketed = split_trailing_brackets(text)
    if outer and bracketed is not None:
        text, inner = outer, bracketed
    else:
        dashed = _DASH_SPLIT.split(text, maxsplit=1)
        if len(dashed) == 2:
            text, inner = dashed
    name, name_title = _split_title(text, keep_one=True)
    name, glued = _strip_glued_title(name)
    name_title = _join(glued, _drop_honorific(name_title))
    affiliation, title, role = read_affiliation(inner)
    return PersonRef(name=name, affiliation=affiliation, title=_join(name_title, title), role=role)


def read_affiliation(text: str) -> tuple[str | None, str | None, Role | None]:
    """Split `KAIST, Moderator` or `AMD Corporate Fellow` into affiliation, title and role."""
    role: Role | None = None
    if (m := _TITLE_THEN_COMPANY.fullmatch(text.strip())) and not (
            split := _split_title(m.group(1), keep_one=False))[0] and split[1]:
        return _few_words(clean(m.group(2))), split[1], None     # `대표이사(노브레이크)`
    parts: list[tuple[str, str | None]] = []
    for part in _PART_SPLIT.split(text):
        part = clean(part)
        if not part:
            continue
        if part.casefold() in ROLE_WORDS:
            role = ROLE_WORDS[part.casefold()]
            continue
        if (m := _TITLE_AT.match(part)) and _split_title(m.group(1), keep_one=False)[1]:
            parts.append((m.group(2), None))        # `Staff Engineer at GitHub`
            parts.append(("", m.group(1)))
            continue
        parts.append(_split_title(part, keep_one=False))
    affiliations: list[str] = []
    titles: list[str] = []
    # `HPC Division Leader, Los Alamos National Laboratory`: when some part has no title words
    # it is the affiliation, and a part with a title is a title as a whole.
    has_plain = any(rest and not title for rest, title in parts)
    for rest, title in parts:
        if not title:
            affiliations.append(rest)
        elif has_plain or not rest:
            titles.append(f"{rest} {title}".strip())
        else:
            affiliations.append(rest)
            titles.append(title)
    # An affiliation is a few words; a longer text after a name is a description, not one.
    return _few_words(", ".join(affiliations)), _few_words(", ".join(titles)), role


_TITLE_THEN_COMPANY = re.compile(r"([^()（）]{1,30}?)\s*[(（]([^()（）]{1,40})[)）]")


def _few_words(text: str) -> str | None:
    """`text` when it is short enough to be an affiliation or a title, not a sentence."""
    if not text or len(text) > MAX_AFFILIATION or len(text.split()) > 8 or (
            text.rstrip(" .!")[-1:] in ("다", "요")):
        return None
    return text


def _split_title(text: str, keep_one: bool) -> tuple[str, str | None]:
    """Split trailing title words off `text`. With keep_one, a name is never emptied."""
    words = text.split(" ")
    lead: list[str] = []
    if keep_one and len(words) > 1 and words[0].casefold() in _LEADING_TITLES:
        lead, words = words[:1], words[1:]
    cut = len(words)
    # In a name only Korean titles trail (`오혜연 교수`); `Jeff Dean` keeps his surname.
    in_name = keep_one
    if cut and _is_core(words[-1], in_name):
        while cut > 0 and (_is_core(words[cut - 1], in_name) or _is_modifier(words[cut - 1])):
            cut -= 1
    while cut < len(words) and words[cut].casefold() in {"&", "and", "of"}:
        cut += 1
    if keep_one and cut == 0:
        cut = 1
    rest, title = " ".join(words[:cut]), " ".join(lead + words[cut:])
    return rest, title or None


def _is_core(word: str, hangul_only: bool = False) -> bool:
    folded = word.casefold().strip(".,")
    if hangul_only and not re.fullmatch(r"[가-힣]+", folded):
        return False
    return folded in TITLE_CORE or (folded.endswith("님") and folded[:-1] in TITLE_CORE)


def _is_modifier(word: str) -> bool:
    return word.casefold().strip(".,") in TITLE_MODIFIERS


def _strip_glued_title(name: str) -> tuple[str, str | None]:
    if " " in name or not re.fullmatch(r"[가-힣]+", name):
        return name, None
    bare = name[:-1] if name.endswith("님") and len(name) > 3 else name
    for title in _GLUED_TITLES:
        if bare.endswith(title) and len(bare) - len(title) >= 2:
            return bare[: -len(title)], title
    return bare, None


def _drop_honorific(title: str | None) -> str | None:
    """`부사장님` is the title 부사장; a bare `님` is politeness, not a title."""
    if title is None or title == "님":
        return None
    return re.sub(r"(?<=[가-힣])님$", "", title)


def _join(*parts: str | None) -> str | None:
    joined = " ".join(p for p in parts if p)
    return joined or None


def people_in(text: str) -> Iterator[PersonRef]:
    """Every person in a comma/및-separated string."""
    for item in split_list(text):
        person = parse_person(item)
        if person.name:
            yield person


_OPENING = "(（["
_CLOSING = ")）]"


def split_trailing_brackets(text: str) -> tuple[str, str | None]:
    """`Name (Affiliation, Title)` -> (`Name`, `Affiliation, Title`), the bracket that closes
    at the end and the one that opens it; (text, None) when the text does not end in one.
    One scan, so a line of a thousand brackets costs no more than its length."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in _CLOSING:
        return text, None
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        ch = stripped[i]
        if ch in _CLOSING:
            depth += 1
        elif ch in _OPENING:
            depth -= 1
            if depth == 0:
                if i == 0:
                    return text, None
                return clean(stripped[:i]), clean(stripped[i + 1:-1])
    return text, None


# A handle written beside a name: `@robin.hwang`, `(sj.lee)`; not a person's affiliation.
_HANDLE = re.compile(r"@?[a-z0-9][a-z0-9._-]{1,38}")
_AT_HANDLE = re.compile(r"(?:^|\s)@[A-Za-z0-9_][\w.-]{0,38}")
_LINK_WORDS = frozenset("""
페이스북 블로그 링크드인 트위터 깃허브 홈페이지 인스타그램 유튜브 슬라이드 발표자료 자료 영상 github
twitter facebook linkedin blog homepage website site slides slide video youtube instagram
mastodon x medium web profile
""".split())
_SEPARATOR_BAR = re.compile(r"\s*[|｜]\s*")
_TRAILING_HONORIFIC = re.compile(r"\s*(?:님|씨)\s*$")
_ET_AL = re.compile(r"\s*(?:외\s?\d{1,2}\s?(?:인|명)|et al\.?|and others)\s*$")


def is_handle(text: str) -> bool:
    return bool(_HANDLE.fullmatch(text)) and not text.isdigit()


def _drop_handles(text: str) -> str:
    text = _AT_HANDLE.sub(" ", text)
    outer, inner = split_trailing_brackets(text)
    if inner is not None:
        words = [w for w in re.split(r"[,\s]+", inner) if w]
        if not words or all(is_handle(w) or w.casefold() in _LINK_WORDS for w in words):
            text = outer
    return clean(text)


def read_person(text: str, loose: bool = False) -> PersonRef | None:
    """A person written in a place that may hold one (a heading's tail, a list item, a table
    cell): None unless some part of it is shaped like a name.

    Understands `Name | Company`, `Name@Company`, `Company - Name`, `Company CTO Name님`,
    `Nickname(Name)`, `Name(handle) 님` and everything `parse_person` does. `loose`: the place
    itself says this is a speaker, so a nickname counts as a name.
    """
    text = clean(text).strip("*_`\"'“”‘’ ")
    if len(text) > 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        text = clean(text[1:-1])
    honorific = bool(_TRAILING_HONORIFIC.search(text))
    text = _TRAILING_HONORIFIC.sub("", text)
    while text.endswith((")", "）")) and text.count(")") + text.count("）") > (
            text.count("(") + text.count("（")):
        text = text[:-1].rstrip()           # `이일민(toby)) 님`: one bracket too many
    text = _drop_handles(_ET_AL.sub("", text))
    if not text or len(text) > 120:
        return None
    if "·" in text:
        first, *others = [clean(p) for p in text.split("·")]
        if is_name(first) and all(0 < len(o) <= 20 and " " not in o for o in others):
            return PersonRef(first, aliases=tuple(others))
    parts = _SEPARATOR_BAR.split(text)
    if len(parts) > 1:
        named = [p for p in parts if is_name(p, loose)]
        if not named:
            return None
        rest = " ".join(p for p in parts if p is not named[0])
        affiliation, title, role = read_affiliation(rest)
        return PersonRef(named[0], affiliation, title, role)
    at = text.find("@")
    if 0 < at < len(text) - 1 and text[at - 1] != " " and is_name(text[:at], loose):
        affiliation, title, role = read_affiliation(text[at + 1:].strip("`'\"‘’“”"))
        return PersonRef(clean(text[:at]), affiliation, title, role)
    person = parse_person(text)
    if is_name(person.name):
        return _nickname_first(person, text)
    dashed = _DASH_SPLIT.split(text, maxsplit=1)
    if len(dashed) == 2 and (left := read_person(dashed[0])) is not None and len(dashed[1]) <= 60:
        affiliation, title, role = read_affiliation(dashed[1])
        return PersonRef(left.name, left.affiliation or affiliation, left.title or title,
                         left.role or role, left.aliases)
    found = _name_elsewhere(person, text, honorific)
    if found is None and loose:
        words = text.split(" ")
        if 1 < len(words) <= 8 and (is_korean_name(words[0], short=True) or (
                2 <= len(words[0]) <= 4 and re.fullmatch(r"[가-힣]+", words[0])
                and words[0][0] in SURNAMES and not re.search(r"[가-힣]", words[1]))):
            # After a label: `발표자 : 윤재석 GDG Suwon Organizer`, `조은 NAVER`.
            affiliation, title, role = read_affiliation(" ".join(words[1:]))
            return PersonRef(words[0], affiliation, title, role)
        if len(words) == 2 and is_korean_name(words[1]) and not is_korean_name(
                words[0], short=True):
            return PersonRef(words[1], words[0])        # After a label: `카카오 김영희`.
        if is_name(person.name, loose=True):
            return person
    return found


def _nickname_first(person: PersonRef, text: str) -> PersonRef:
    """`정개발(정도현)`, `임작가(임백준)`: a name in the bracket is the name, the outside a
    nickname."""
    outer, inner = split_trailing_brackets(text)
    if inner is not None and is_korean_name(inner) and " " not in outer:
        return PersonRef(inner, None, None, person.role, (outer,))
    return person


def _name_elsewhere(person: PersonRef, text: str, honorific: bool = False) -> PersonRef | None:
    """The name is not where parse_person looked: in the bracket or after the dash
    (`예시컴퍼니 - 김하늘`), first with a company after it (`송창현 네이버 CTO`), or last after
    a company and title (`예시클라우드 CTO 박지은`)."""
    outer, inner = split_trailing_brackets(text)
    if inner is not None and is_name(inner) and len(outer) <= 40:
        if " " not in outer and len(outer) <= 8 and re.fullmatch(r"[가-힣]+", outer):
            return PersonRef(inner, None, None, person.role, (outer,))   # `데니스김(김호광)`
        affiliation, title, role = read_affiliation(outer)
        return PersonRef(inner, affiliation, title, role or person.role)
    dashed = _DASH_SPLIT.split(text, maxsplit=1)
    if len(dashed) == 2 and is_name(dashed[1]) and len(dashed[0]) <= 40:
        affiliation, title, role = read_affiliation(dashed[0])
        return PersonRef(clean(dashed[1]), affiliation, title, role)
    words = text.split(" ")
    if 3 < len(words) <= 8 and has_known_first_name(" ".join(words[:2])) and any(
            w.casefold() in TITLE_WORDS for w in words[2:]):
        # `Karen Stone Senior Backend Engineer Examplelab`: a name, a title, a company.
        end = max(n for n, w in enumerate(words) if n >= 2 and w.casefold() in TITLE_WORDS)
        return PersonRef(" ".join(words[:2]), " ".join(words[end + 1:]) or None,
                         " ".join(words[2:end + 1]))
    if 1 < len(words) <= 6:
        if is_korean_name(words[0]):
            if len(words) > 2 and words[1].casefold() in TITLE_CORE:
                # `정지훈 CVO 모두의연구소`, `하진우 대표 -어반베이스`: a title, then the company.
                company = clean(" ".join(words[2:]).strip("-–— "))
                return PersonRef(words[0], company or None, words[1])
            affiliation, title, role = read_affiliation(" ".join(words[1:]))
            if title or len(words) == 2:
                return PersonRef(words[0], affiliation, title, role)
        if len(words) >= 3 and is_korean_name(words[-2]) and not _is_core(words[-2]) and (
                tail := read_affiliation(words[-1]))[1] and not tail[0]:
            # `NHN Edu 신승엽 선임`, `카카오 김영희 매니저`: company, name, then a title.
            affiliation, title, role = read_affiliation(" ".join(words[:-2]))
            return PersonRef(words[-2], affiliation, " ".join(
                t for t in (title, tail[1]) if t), role or tail[2])
        last = _strip_glued_title(words[-1])[0]
        if is_korean_name(last) and not _is_core(last):
            affiliation, title, role = read_affiliation(" ".join(words[:-1]))
            if title or (honorific and len(words) <= 6) or (
                    len(words) == 2 and len(words[0]) >= 4):
                return PersonRef(last, affiliation, title, role)   # `배달의민족 박성철`
    return None


def people_at(text: str, loose: bool = False, any_name: bool = False) -> list[PersonRef]:
    """Every person in `A, B 및 C` at a place that may hold people; [] when the first item is
    not a person (then the text is a title or a sentence, not a list of names). An item after
    a full name that is no name itself is that person's company: `정명기, 삼성전자 R&D`.
    `any_name`: Latin names count whatever their given name (the caller checks the place)."""
    if ";" in text and (grouped := _grouped_people(text)):
        return grouped
    found: list[PersonRef] = []
    items = split_list(text)
    for n, item in enumerate(items):
        person = read_person(item) or (read_person(item, loose) if loose and not found else None)
        if person is not None and found and n == len(items) - 1 and _unknown_latin(person) and (
                not _JOINED_LAST.search(text)):
            person = None      # `Lili Cosic, Red Hat`: the last of a list is her company
        if person is None and found and is_name(found[-1].name) and len(item) <= 60:
            last = found[-1]
            affiliation = ", ".join(p for p in (last.affiliation, item) if p)
            found[-1] = PersonRef(last.name, affiliation, last.title, last.role, last.aliases)
            continue
        if person is None:
            return []
        found.append(person)
    # `고병수님, 이수정님 (AWS)`: a company in brackets after the last of several names, none
    # of the others with one of their own, is all of theirs.
    found = share_company(found, text)
    # A Latin name alone, without a common given name, is as likely a product (`Closed Beta`,
    # `Hadoop Cluster`) unless the place says "person"; beside other names it is one.
    if not loose and not any_name and found and all(_unknown_latin(p) for p in found):
        return []
    return found


def share_company(found: list[PersonRef], text: str) -> list[PersonRef]:
    """`고병수님, 이수정님 (AWS)`: a company in brackets at the end of `text`, after the last of
    several names, is all of theirs when none of the others has one of their own."""
    if len(found) > 1 and text.rstrip().endswith((")", "）")) and found[-1].affiliation and (
            not any(p.affiliation for p in found[:-1])):
        shared = found[-1].affiliation
        return [PersonRef(p.name, shared, p.title, p.role, p.aliases) for p in found]
    return found


def _grouped_people(text: str) -> list[PersonRef]:
    """`Priyanka Example, Weaveworks; Christian Sample, Red Hat`, as conference schedules
    write a talk's speakers: each group a name, then its company. [] unless every group is."""
    groups = [g for g in (clean(g) for g in text.split(";")) if g]
    if len(groups) < 2 or len(groups) > 50:
        return []
    # `Colin Example, Manager, Example Communications, Inc. & Andrew Sample, Co-founder X`:
    # a group may hold two people, the second after `&` and before its own comma.
    groups = [part for g in groups for part in _AND_NAME.split(g)]
    found: list[PersonRef] = []
    for group in groups:
        name, _, company = group.partition(",")
        person = read_person(name)
        if person is None or not is_name(person.name) or len(company) > MAX_AFFILIATION:
            return []
        affiliation, title, role = read_affiliation(company) if company.strip() else (
            person.affiliation, person.title, person.role)
        found.append(PersonRef(person.name, affiliation, title, role, person.aliases))
    return found


# `A & B` at the end: B is a second person, not A's company.
_JOINED_LAST = re.compile(r"\s(?:" + "|".join(map(re.escape, _AND_WORDS)) + r")\s+[^,;&]{2,40}$")
_AND_NAME = re.compile(r"\s+(?:&|and)\s+(?=[A-Z][\w'’-]+(?: [\w'’-]+){0,3},)")


def _unknown_latin(person: PersonRef) -> bool:
    return not is_korean_name(person.name) and not has_known_first_name(person.name)
