from __future__ import annotations

import pytest

from .helpers import note, people


@pytest.mark.parametrize(
    "line",
    ["발표자: Steve Scott (AMD Corporate Fellow)",
     "**발표자:** Steve Scott (AMD Corporate Fellow)",
     "**발표자**: Steve Scott (AMD Corporate Fellow)",
     "- **발표자:** Steve Scott (AMD Corporate Fellow)",
     "> * **발표자:** Steve Scott (AMD Corporate Fellow)",
     "연사: Steve Scott (AMD Corporate Fellow)",
     "Speaker: Steve Scott (AMD Corporate Fellow)",
     "Speaker(s): Steve Scott (AMD Corporate Fellow)",
     "발표자：Steve Scott (AMD Corporate Fellow)"],
)
def test_speaker_line_forms(line: str) -> None:
    raw, _ = note(f"# Technical Requirements\n\n{line}\n\n본문\n")
    assert people(raw) == [[("Steve Scott", "speaker", "AMD")]]
    assert raw.talks[0].anchor is None  # one talk: the note itself


@pytest.mark.parametrize(
    ("line", "role"),
    [("진행: Gary Grider", "moderator"), ("사회: Gary Grider", "moderator"),
     ("Moderator: Gary Grider", "moderator"), ("좌장: Gary Grider", "moderator")],
)
def test_moderator_lines(line: str, role: str) -> None:
    raw, _ = note(f"# Panel\n{line}\n")
    assert people(raw) == [[("Gary Grider", role, None)]]


def test_speakers_line_with_several_people() -> None:
    raw, _ = note("# Panel\nSpeaker(s): Steve Scott (AMD), Mohamed Awad (Arm, SVP)\n")
    assert people(raw) == [[("Steve Scott", "speaker", "AMD"), ("Mohamed Awad", "speaker", "Arm")]]


def test_panel_list_with_moderator_marked_in_parentheses() -> None:
    raw, _ = note("# 패널 토론\n\n참여자:\n  - Steve Scott (AMD)\n  - 이강욱 (SK하이닉스 부사장)\n"
                  "  - Gary Grider (LANL, 모더레이터)\n\n토론 내용\n")
    assert people(raw) == [[("Steve Scott", "panelist", "AMD"),
                            ("이강욱", "panelist", "SK하이닉스"),
                            ("Gary Grider", "moderator", "LANL")]]


MULTI = """---
title: Day 1 오후
---
## 오늘 들은 세션

**10. Powering AI with Advanced Nuclear Energy**
- **발표자:** Chris Levesque

- 11) Technical Requirements — Steve Scott

## 10. Powering AI with Advanced Nuclear Energy
- **발표자:** Chris Levesque (TerraPower CEO)

원자력 이야기.

**11. Technical Requirements for AI Advancement**

> * **발표자:** Steve Scott (AMD Corporate Fellow)

```python
발표자: Not A Speaker
```

Rethinking Silicon
------------------
연사: Mohamed Awad (Arm SVP)

### 13. 패널: AI 반도체의 진화 {#panel-13}
진행: Gary Grider (Los Alamos National Laboratory)
참여자:
  - Steve Scott (AMD)
  - 이강욱 (SK하이닉스 부사장)
"""


def test_multi_talk_note_finds_each_talk_once_at_its_own_section() -> None:
    raw, problems = note(MULTI)
    assert problems == []
    assert [(t.title, t.anchor) for t in raw.talks] == [
        ("Powering AI with Advanced Nuclear Energy",
         "10-powering-ai-with-advanced-nuclear-energy"),
        ("Technical Requirements for AI Advancement",
         "11-technical-requirements-for-ai-advancement"),
        ("Rethinking Silicon", "rethinking-silicon"),
        ("패널: AI 반도체의 진화", "panel-13"),
    ]
    assert people(raw) == [
        [("Chris Levesque", "speaker", "TerraPower")],  # the fuller mention wins
        [("Steve Scott", "speaker", "AMD")],
        [("Mohamed Awad", "speaker", "Arm")],
        [("Gary Grider", "moderator", "Los Alamos National Laboratory"),
         ("Steve Scott", "panelist", "AMD"), ("이강욱", "panelist", "SK하이닉스")],
    ]
    # the talk's anchor is written into the heading it lives under, not the overview
    lines = raw.markdown.split("\n")
    assert "## 10. Powering AI with Advanced Nuclear Energy " \
           "{#10-powering-ai-with-advanced-nuclear-energy}" in lines
    assert "**10. Powering AI with Advanced Nuclear Energy**" in lines
    assert "## 11. Technical Requirements for AI Advancement " \
           "{#11-technical-requirements-for-ai-advancement}" in lines
    assert "Rethinking Silicon {#rethinking-silicon}" in lines
    assert [t.line for t in raw.talks] == [11, 16, 24, 28]


def test_fenced_code_is_not_read_and_an_unclosed_fence_warns() -> None:
    raw, problems = note("# T\n\n```\n발표자: Nobody\n")
    assert people(raw) == [[]]
    assert problems == ["Doc file 'notes/x.md', line 3: this code block (```) is never closed, "
                        "so it swallows the rest of the note; close it."]


def test_front_matter_speakers_win_over_body_lines() -> None:
    raw, _ = note("---\nspeakers: A\n---\n# T\n발표자: B\n")
    assert people(raw) == [[("A", "speaker", None)]]


def test_talks_in_front_matter() -> None:
    raw, problems = note("---\ntitle: Day\ntalks:\n  - title: One\n    speakers: A (X)\n"
                         "    anchor: one\n  - title: Two\n    moderator: B\n    topics: [t]\n"
                         "---\n")
    assert problems == []
    assert [(t.title, t.anchor) for t in raw.talks] == [("One", "one"), ("Two", None)]
    assert people(raw) == [[("A", "speaker", "X")], [("B", "moderator", None)]]
    assert raw.talks[0].topics is None and [t.path for t in raw.talks[1].topics or []] == [("t",)]


def test_duplicate_heading_anchors_get_suffixes() -> None:
    raw, _ = note("# Day\n## Q&A\n발표자: A\n## Q&A\n발표자: B\n## Other\n발표자: C\n")
    # The same title twice is one talk listed twice: it ends at its later section.
    assert [t.title for t in raw.talks] == ["Q&A", "Other"]


def test_speaker_lines_stay_on_their_own_lines_when_rendered() -> None:
    raw, _ = note("# Panel\n진행: A\n참여자:\n  - B\n  - C\n본문\n")
    assert raw.markdown == "# Panel {#panel}\n진행: A\n\n참여자:\n\n  - B\n  - C\n본문\n"
    assert people(raw) == [[("A", "moderator", None), ("B", "panelist", None),
                            ("C", "panelist", None)]]
