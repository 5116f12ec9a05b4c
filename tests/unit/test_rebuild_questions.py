"""Under `mkdocs serve`, after an edit that makes a new model, a question the pages asked is
asked again only if it reads what changed (rebuilds.footprint, index.changes). Here every
question those rules skip, over the sample notes and a range of edits, is asked anyway: it
must give the recorded answer, or a page would keep HTML made from an answer gone stale."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from confnotes import collect, index
from confnotes.adapter import rebuilds
from confnotes.adapter.pages import View
from confnotes.adapter.social import SocialView
from confnotes.kinds import BY_AFFILIATION

ROOT = Path(__file__).resolve().parents[2]
DATED = "notes/2024/sk-ai-summit/day1-ai-infra-market-mark-adams.md"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _new_speaker(docs: Path) -> None:
    _edit(docs / DATED, "  - Mark Adams (Penguin Solutions, CEO)\n",
          "  - Probe Person (Probe Org)\n  - Mark Adams (Penguin Solutions, CEO)\n")


def _speaker_replaced(docs: Path) -> None:
    _edit(docs / DATED, "  - Mark Adams (Penguin Solutions, CEO)\n", "  - Rani Borkar\n")


def _new_topic(docs: Path) -> None:
    _edit(docs / DATED, "topics: [AI 인프라, GPU,", "topics: [프로브 주제, AI 인프라, GPU,")


def _topic_dropped(docs: Path) -> None:
    _edit(docs / DATED, "topics: [AI 인프라, GPU, 데이터센터, 냉각]", "topics: [AI 인프라]")


def _date(docs: Path) -> None:
    _edit(docs / DATED, "date: 2024-11-04\n", "date: 2023-01-02\n")


def _renamed_in_registry(docs: Path) -> None:
    _edit(docs / "speakers.yml", "  name: Rani Borkar\n", "  name: Zed Borkar\n")


def _panelist_renamed(docs: Path) -> None:
    # On stage with others: each of them lists this speaker among their stage mates.
    _edit(docs / "speakers.yml", "  name: Stephen Balaban\n", "  name: Aaron Balaban\n")


def _topic_renamed(docs: Path) -> None:
    _edit(docs / "topics.yml", "  name: 인공지능\n", "  name: 가공지능\n")


def _deleted(docs: Path) -> None:
    (docs / DATED).unlink()


def _added(docs: Path) -> None:
    (docs / "notes/2024/probe.md").write_text(
        "---\ntitle: 프로브\ndate: 2024-11-04\nevent: sk-ai-summit-2024\n"
        "speakers: [Mark Adams, 새 사람]\ntopics: [GPU, 냉각]\n---\n\n본문.\n",
        encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "new speaker": _new_speaker, "speaker replaced": _speaker_replaced,
    "new topic": _new_topic, "topic dropped": _topic_dropped, "date": _date,
    "speaker renamed in the registry": _renamed_in_registry,
    "panelist renamed in the registry": _panelist_renamed,
    "topic renamed in the registry": _topic_renamed, "note deleted": _deleted,
    "note added": _added,
}


def _questions(view: View, social: SocialView) -> Iterator[rebuilds.Call]:
    """Every question of the kinds the rules know, about every note and term, with its
    answer from `view` and `social`."""
    site = view.site

    def ask(name: str, *args: Any) -> rebuilds.Call:
        return rebuilds.Call("confnotes", name, args, {}, getattr(view, name)(*args))

    for kind, terms in site.terms.items():
        for ident in terms:
            for name in ("term", "notes_of", "count", "feed_title", "term_talks",
                         "term_talks_by_year", "term_people", "term_topics"):
                yield ask(name, kind, ident)
            given = (f"{kind}/{ident}.md", {"confnotes_term": [kind, ident]}, ident,
                     f"{kind}/{ident}/")
            yield rebuilds.Call("confnotes_social", "describe", given, {},
                                social.describe(*given))
    for ident in site.terms["speaker"]:
        for name in ("appearances", "appearances_by_year", "seen", "stage_mates",
                     "speaker_topics"):
            yield ask(name, ident)
        for kind in BY_AFFILIATION:
            yield ask("affiliations", kind, ident)
        for row in view.appearances(ident):
            yield ask("row_links", row)
    for ident in site.terms["topic"]:
        for name in ("topic_talks", "topic_speakers", "related_topics"):
            yield ask(name, ident)
    for note in site.notes:
        for name in ("note", "related"):
            yield ask(name, note.path)
        yield ask("note_links", note)
        for talk in note.talks:
            yield ask("talk_links", talk, note)
        given = (note.path, {"confnotes_note": note.path}, note.title, note.url)
        yield rebuilds.Call("confnotes_social", "describe", given, {}, social.describe(*given))


def _social(site: index.Site) -> SocialView:
    config: Any = SimpleNamespace(site_url="https://example.org/", site_name="노트",
                                  site_description="설명")
    return SocialView(config, site, {}, {})


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_question_skipped_after_an_edit_gives_its_recorded_answer(tmp_path: Path,
                                                                     edit: str) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    before, _ = collect.read_folder(docs)
    recorded = list(_questions(View(before), _social(before)))
    EDITS[edit](docs)
    after, _ = collect.read_folder(docs)
    index.reuse(after, before)
    changes = index.changes(after, before)
    assert changes.notes or changes.terms
    targets = {"confnotes": View(after), "confnotes_social": _social(after)}
    skipped = asked = 0
    for call in recorded:
        if not rebuilds.unchanged(call, targets[call.target], changes):
            asked += 1
            continue
        skipped += 1
        answer = rebuilds.ask_again(call, targets)
        assert answer == call.result, (call.name, call.args)
    # The rules spare most questions, and still ask some.
    assert skipped > asked > 0, (skipped, asked)


def test_changes_name_what_differs_and_nothing_else(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    before, _ = collect.read_folder(docs)
    again, _ = collect.read_folder(docs)
    index.reuse(again, before)
    same = index.changes(again, before)
    assert (same.notes, same.terms, same.listings, same.kinds) == (set(), set(), set(), set())
    _new_topic(docs)
    after, _ = collect.read_folder(docs)
    index.reuse(after, before)
    changes = index.changes(after, before)
    assert changes.notes == {DATED}
    assert changes.terms == {("topic", "프로브-주제")} and changes.kinds == {"topic"}
    # The note is listed under each of its speakers and topics: their listings hold the
    # edited note now.
    assert {("speaker", "mark-adams"), ("topic", "gpu"), ("topic", "프로브-주제"),
            ("event", "sk-ai-summit-2024")} <= changes.listings
    assert not any(kind == "event" and ident != "sk-ai-summit-2024"
                   for kind, ident in changes.listings)


@pytest.mark.parametrize("kind", ["speaker", "topic"])
def test_a_name_beyond_a_cut_listing_moves_up_when_renamed(tmp_path: Path, kind: str) -> None:
    """Stage mates and related topics show only the first few, ranked by count and then by
    name: a term not shown is renamed in its registry to come first, and the page that did
    not show it must be rendered again, though its own listing is the same."""
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    others = [f"b{n:02d}" for n in range(1, 31)]
    if kind == "speaker":
        listed = "speakers: [Host, " + ", ".join(o.upper() for o in others) + "]"
        question = ("stage_mates", ("host",))
    else:
        listed = "topics: [Main, " + ", ".join(o.upper() for o in others) + "]"
        question = ("related_topics", ("main",))
    (docs / "notes" / "panel.md").write_text(f"---\ntitle: 패널\ndate: 2024-01-02\n{listed}\n"
                                             "---\n\n본문.\n", encoding="utf-8")
    registry = docs / f"{kind}s.yml"
    registry.write_text("b30:\n  name: B30\n", encoding="utf-8")
    before, _ = collect.read_folder(docs)
    view = View(before)
    name, args = question
    recorded = rebuilds.Call("confnotes", name, args, {}, getattr(view, name)(*args))
    assert "b30" not in [term.id for term, _count in recorded.result]
    registry.write_text("b30:\n  name: A00\n", encoding="utf-8")
    after, _ = collect.read_folder(docs)
    index.reuse(after, before)
    changes = index.changes(after, before)
    assert changes.terms == {(kind, "b30")} and changes.listings == set()
    targets = {"confnotes": View(after)}
    assert not rebuilds.unchanged(recorded, targets["confnotes"], changes)
    assert rebuilds.ask_again(recorded, targets) != recorded.result
