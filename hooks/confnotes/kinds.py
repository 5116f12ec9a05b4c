"""The kinds of term, as data: one row each, read by the registries, the index, the pages, the
feeds, the export, the cards, search, the scaffold and the schemas.

A new kind is a row here and its two templates (`<kind>.html` for a term's page,
`<section>.html` for the list); what a row does not say, every reader does the same way for
every kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["speaker", "topic", "event", "org"]
# Where a kind's terms are named: speakers, topics and events by the notes' own fields (each
# with rules of its own in index.py); a kind named by affiliations takes its terms from the
# affiliation each person had at each talk.
NamedBy = Literal["note", "affiliation"]


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    section: str             # the folder of its pages and feeds, its data file, its settings key
    label: str               # what pages, feeds, cards and search results call one
    registry: str            # the registry file under docs/ unless mkdocs.yml names another
    registry_title: str      # the first comment of a new registry file
    registry_example: str    # an entry shown in that comment
    fields: tuple[str, ...]  # registry keys besides the names (registry.READERS reads each)
    about: str               # a feed's description when the entry has none: {0} name, {1} site
    search_boost: float      # its pages against a note's section at the same match
    named_by: NamedBy = "note"


TABLE: tuple[KindSpec, ...] = (
    KindSpec(
        "speaker", "speakers", "발표자", "speakers.yml", "발표자 레지스트리",
        "kai-fu-lee:\n  name: Kai-Fu Lee\n  name_ko: 리카이푸\n  aliases: [Kaifu Lee]\n"
        "  affiliation: Sinovation Ventures\n  title: 회장",
        ("affiliation", "title", "bio", "avatar", "links", "not_same_as"),
        # No particles after the name, which would depend on its last sound.
        "발표자 ‘{0}’의 발표를 기록한 {1} 노트",
        # Typing a person's whole name is asking for them: more than a topic or an event.
        0.5),
    KindSpec(
        "topic", "topics", "주제", "topics.yml", "주제 레지스트리",
        "ai-infra:\n  name: AI 인프라\n  name_en: AI Infrastructure\n  aliases: [AI Infra]\n"
        "  parent: ai",
        ("description", "parent"),
        "주제 ‘{0}’ 관련 {1} 노트", 0.1),
    KindSpec(
        "event", "events", "행사", "events.yml", "행사 레지스트리",
        "sk-ai-summit-2024:\n  name: SK AI Summit 2024\n  aliases: [SK AI 서밋]\n"
        "  start: 2024-11-04\n  end: 2024-11-05\n  place: 서울 코엑스",
        ("start", "end", "place", "url", "organizer", "description", "days", "series"),
        "행사 ‘{0}’에서 기록한 {1} 노트", 0.1),
    KindSpec(
        "org", "orgs", "조직", "orgs.yml", "조직 레지스트리",
        "sk-hynix:\n  name: SK hynix\n  name_ko: SK하이닉스\n  aliases: [하이닉스]\n"
        "  url: https://www.skhynix.com/",
        ("description", "url"),
        "조직 ‘{0}’ 사람들의 발표를 기록한 {1} 노트", 0.1, named_by="affiliation"),
)

SPEC: dict[Kind, KindSpec] = {row.kind: row for row in TABLE}
KINDS: tuple[Kind, ...] = tuple(SPEC)
SECTION: dict[Kind, str] = {row.kind: row.section for row in TABLE}
KIND_LABELS: dict[Kind, str] = {row.kind: row.label for row in TABLE}
DEFAULT_REGISTRIES: dict[Kind, str] = {row.kind: row.registry for row in TABLE}
BY_AFFILIATION: tuple[Kind, ...] = tuple(row.kind for row in TABLE
                                         if row.named_by == "affiliation")

# Words pages, feeds and cards share.
ROLE_LABELS = {"speaker": "발표", "panelist": "패널", "moderator": "진행"}
SERIES_LABEL = "시리즈"
NOTE_LABEL = "노트"
LINK_LABELS = {"slides": "슬라이드", "video": "영상"}
# The list pages the site makes itself, with their titles; a Markdown file at one of these
# paths is a page, not a note.
INDEX_PAGES: dict[str, str] = {"index.md": "", "notes/index.md": NOTE_LABEL,
                               **{f"{row.section}/index.md": row.label for row in TABLE}}
