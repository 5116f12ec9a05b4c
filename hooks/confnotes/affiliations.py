"""What in an affiliation names an organisation: `SK하이닉스 부사장` names SK하이닉스; a long or
sentence-like affiliation, or a team of an unnamed company (`인프라팀`), names none."""

from __future__ import annotations

import re

from .name_shapes import TITLE_WORDS

# Job titles that may follow a company in an affiliation (`SK하이닉스 부사장`).
_TITLES = TITLE_WORDS | frozenset("회장 부회장 사장 부사장 전무 상무 이사 대표 부장 차장 과장 팀장 "
                                  "실장 본부장 센터장 연구원 책임 수석 선임 교수 박사 CTO CEO"
                                  .casefold().split())
# An affiliation names an organisation when it is short and no sentence; a team of an unnamed
# company (`인프라팀`) names none.
MAX_AFFILIATION = 40
_SENTENCE = re.compile(r"[.!?。]\s|[다요][.!?]?$|\n")
_TEAM = re.compile(r"^\S*(?:팀|team)$", re.IGNORECASE)


def organisation_name(affiliation: str) -> str:
    """The affiliation without trailing job titles; '' when it names no organisation."""
    text = " ".join(affiliation.split())
    if not text or len(text) > MAX_AFFILIATION or _SENTENCE.search(text):
        return ""
    words = text.split(" ")
    while len(words) > 1 and words[-1].casefold() in _TITLES:
        words.pop()
    name = " ".join(words).strip(" ,·/-")
    return "" if _TEAM.match(name) else name
