"""Organisations, the kind named by affiliations: resolution through the registry, derived
organisations, and what the export, feeds and cards make of them. Read with collect.read_folder,
without a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from confnotes import cards, collect, export, feeds
from confnotes.index import Site
from confnotes.kinds import SPEC
from confnotes.messages import Report

ORGS = """\
sk-hynix:
  name: SK hynix
  name_ko: SK하이닉스
  aliases: [하이닉스]
naver-cloud:
  name: 네이버클라우드
  name_en: NAVER Cloud
"""
SPEAKERS = """\
lee-kang-wook:
  name: 이강욱
  affiliation: SK하이닉스
"""


def _note(title: str, date: str, people: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\nspeakers:\n{people}---\n\n본문.\n"


@pytest.fixture()
def site(tmp_path: Path) -> tuple[Site, Report]:
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "orgs.yml").write_text(ORGS, encoding="utf-8")
    (docs / "speakers.yml").write_text(SPEAKERS, encoding="utf-8")
    notes = {
        "a.md": _note("HBM 이야기", "2024-11-04",
                      "  - {name: 김하나, affiliation: SK하이닉스 부사장}\n"
                      "  - {name: Jane Roe, affiliation: sk hynix}\n"),
        "b.md": _note("클라우드 이야기", "2023-05-01",
                      "  - {name: 김하나, affiliation: NAVER Cloud}\n"
                      "  - {name: 박둘, affiliation: 네이버 클라우드}\n"),
        "c.md": _note("등록된 사람", "2022-01-01", "  - 이강욱\n"),
        "d.md": _note("그 밖의 소속", "2021-01-01",
                      "  - {name: 최셋, affiliation: Foo Labs}\n"
                      "  - {name: 정넷, affiliation: 인프라팀}\n"
                      "  - {name: 한다섯, affiliation: '반도체를 만드는 회사에서 오래 일했고 "
                      "지금은 연구소에 있습니다.'}\n"),
    }
    for name, text in notes.items():
        (docs / "notes" / name).write_text(text, encoding="utf-8")
    return collect.read_folder(docs)


def _talks(site: Site, ident: str) -> list[tuple[str, str]]:
    return [(note.path, a.name) for note, _talk, a in site.talks_by_term.get(("org", ident), [])]


def test_spellings_of_one_registered_org_are_one_org(site: tuple[Site, Report]) -> None:
    model, _report = site
    # The title after the company and the case of the letters do not matter.
    assert _talks(model, "sk-hynix") == [("notes/a.md", "김하나"), ("notes/a.md", "Jane Roe"),
                                         ("notes/c.md", "이강욱")]
    assert sorted(_talks(model, "naver-cloud")) == [("notes/b.md", "김하나"),
                                                    ("notes/b.md", "박둘")]


def test_an_org_is_the_affiliation_at_the_time_of_each_talk(site: tuple[Site, Report]) -> None:
    model, _report = site
    speaker = next(t for t in model.terms["speaker"].values() if t.name == "김하나")
    orgs = [a.affiliated for _n, _t, a in model.appearances[speaker.id]]
    assert orgs == [(("org", "sk-hynix"),), (("org", "naver-cloud"),)]  # newest first


def test_unregistered_affiliations_give_bounded_derived_orgs(site: tuple[Site, Report]) -> None:
    model, report = site
    orgs = model.terms["org"]
    derived = {t.name for t in orgs.values() if not t.registered}
    assert derived == {"Foo Labs"}  # no team of an unnamed company, no sentence
    assert not any("org" in p.text for p in report.problems)


def test_export_feeds_and_cards_read_the_org_row(site: tuple[Site, Report],
                                                 tmp_path: Path) -> None:
    model, _report = site
    records = export.records(model)
    by_id = {r["id"]: r for r in records[SPEC["org"].section]}
    assert by_id["sk-hynix"]["url"] == "orgs/sk-hynix/"
    assert by_id["sk-hynix"]["notes"] == ["notes/a.md", "notes/c.md"]
    assert [t["speaker"] for t in by_id["naver-cloud"]["talks"]] == [
        a.speaker for _n, _t, a in model.talks_by_term["org", "naver-cloud"]]
    json.loads(export.dumps(records["orgs"], "orgs"))

    feeds.write(tmp_path / "site", model, feeds.Settings("", "Confnotes", None, "ko"))
    feed = json.loads((tmp_path / "site/orgs/sk-hynix/feed.json").read_text(encoding="utf-8"))
    assert feed["title"] == "SK hynix — 조직 · Confnotes"
    assert [i["title"] for i in feed["items"]] == ["HBM 이야기", "등록된 사람"]

    base = cards.Card("", "", (), "Confnotes", "")
    card = cards.term_card(model, model.term("org", "sk-hynix"), base)
    assert card.label == "조직" and card.title == "SK hynix"
    assert "발표 3개" in " ".join(card.details)
