"""Read a person as contributors write one: `Name`, `Name (Affiliation Title)`,
`Name 교수 (KAIST, Moderator)`, or a mapping with name/affiliation/title/role."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

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
ceo cto cfo coo cio cso cpo cmo cvp svp evp vp avp gm chair chairman chairwoman chairperson
president founder co-founder cofounder director head lead leader fellow professor prof prof.
partner scientist engineer researcher manager officer dean advisor adviser architect evangelist
교수 부교수 조교수 명예교수 박사 님 대표 대표이사 회장 부회장 사장 부사장 전무 상무 이사 소장 원장
센터장 본부장 실장 팀장 그룹장 담당 리더 연구원 책임연구원 선임연구원 수석 수석연구원 의장 총장 장관
차관 위원 위원장 창업자 공동창업자 설립자 고문 부문장 사업부장 펠로우 엔지니어 매니저 파트너
""".split())
TITLE_MODIFIERS = frozenset("""
research corporate senior sr sr. vice executive managing general chief division associate
assistant distinguished principal emeritus technical & and of
""".split())
_LEADING_TITLES = frozenset({"dr", "dr.", "prof", "prof.", "professor"})
# Titles that may be written glued to a Hangul name: `오혜연교수`, `이강욱부사장님`.
_GLUED_TITLES = sorted((w for w in TITLE_CORE if re.fullmatch(r"[가-힣]{2,}", w)),
                       key=len, reverse=True)

_DASH_SPLIT = re.compile(r"\s+[—–-]\s+")
_PART_SPLIT = re.compile(r"\s*[,;·|]\s*")


@dataclass(frozen=True)
class PersonRef:
    """A person as written at one place in a note, before resolution against the registry."""

    name: str
    affiliation: str | None = None
    title: str | None = None
    role: Role | None = None


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


def _separator_at(text: str, i: int) -> int:
    if text[i] in ",;、，":
        return 1
    for word in (" 및 ", " and ", " & ", " 와 ", " 과 "):
        if text.startswith(word, i):
            return len(word)
    return 0


def parse_person(text: str) -> PersonRef:
    """Parse one person written as text."""
    text = clean(text).strip("*_`\"'")
    text = clean(text)
    inner = ""
    match = re.match(r"^(.*?)\s*[(（\[](.*)[)）\]]\s*$", text)
    if match and match.group(1):
        text, inner = clean(match.group(1)), clean(match.group(2))
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
    parts: list[tuple[str, str | None]] = []
    for part in _PART_SPLIT.split(text):
        part = clean(part)
        if not part:
            continue
        if part.casefold() in ROLE_WORDS:
            role = ROLE_WORDS[part.casefold()]
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
    return ", ".join(affiliations) or None, ", ".join(titles) or None, role


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
