"""The sample site: builds clean under --strict, and its pages agree with its export."""

from __future__ import annotations

from confnotes.kinds import SECTION

from .conftest import ROOT, Built


def test_sample_site_builds_clean_under_strict(sample_site: Built) -> None:
    assert sample_site.returncode == 0, sample_site.log
    assert sample_site.warnings == []


def test_every_note_reaches_the_export_and_has_a_page(sample_site: Built) -> None:
    sources = sorted(p.relative_to(ROOT / "docs").as_posix()
                     for p in (ROOT / "docs").rglob("*.md") if p.name != "index.md")
    notes = sample_site.data("notes")
    assert sorted(n["path"] for n in notes) == sources
    for note in notes:
        assert (sample_site.site / note["url"] / "index.html").is_file(), note["url"]


def test_every_term_has_exactly_one_page(sample_site: Built) -> None:
    for kind in SECTION.values():
        items = sample_site.data(kind)
        assert items, kind
        slugs = [t["slug"] for t in items]
        assert len(slugs) == len(set(slugs))
        pages = {p.parent.name for p in (sample_site.site / kind).glob("*/index.html")}
        assert pages == set(slugs)


def test_every_appearance_links_to_an_existing_anchor(sample_site: Built) -> None:
    for speaker in sample_site.data("speakers"):
        for appearance in speaker["appearances"]:
            page = sample_site.html(appearance["note_url"])
            if appearance["anchor"]:
                assert page.find(id=appearance["anchor"]) is not None, appearance
            speaker_page = sample_site.html(speaker["url"])
            hrefs = {a.get("href") for a in speaker_page.select(".cn-talk-list a")}
            expected = "../../" + appearance["url"]
            assert expected in hrefs, (speaker["id"], expected, hrefs)


def test_multi_talk_note_links_each_talk_to_its_own_section(sample_site: Built) -> None:
    note = next(n for n in sample_site.data("notes") if len(n["talks"]) > 1)
    page = sample_site.html(note["url"])
    links = [a["href"] for a in page.select("nav.cn-talks a.cn-talk-anchor")]
    assert links == [f"#{t['anchor']}" for t in note["talks"]]
    for talk in note["talks"]:
        heading = page.find(id=talk["anchor"])
        assert heading is not None and heading.name in {"h2", "h3", "h4"}
        assert talk["title"] in heading.get_text()


def test_counts_on_indexes_equal_counts_in_the_export(sample_site: Built) -> None:
    index = sample_site.html("speakers/")
    shown = {li.select_one("a")["href"].strip("/").split("/")[-1]:
             int(li.select_one(".cn-count").get_text()) for li in index.select("li.cn-speaker")}
    exported = {s["slug"]: len(s["appearances"]) for s in sample_site.data("speakers")}
    assert shown == exported
    home = sample_site.html("")
    counts = [li.get_text(" ", strip=True) for li in home.select(".cn-counts li")]
    assert counts == [f"{len(sample_site.data('notes'))} 노트",
                      f"{len(sample_site.data('events'))} 행사",
                      f"{len(sample_site.data('speakers'))} 발표자",
                      f"{len(sample_site.data('topics'))} 주제"]


def test_registry_files_are_not_published(sample_site: Built) -> None:
    assert not list(sample_site.site.rglob("*.yml"))


def test_navigation_is_bounded(sample_site: Built) -> None:
    page = sample_site.html("notes/misc/andromeda-cluster/")
    nav_links = page.select("nav.md-nav--primary a.md-nav__link")
    assert len(nav_links) < 20


def test_korean_heading_anchors(sample_site: Built) -> None:
    page = sample_site.html("notes/2024/sk-ai-summit/day1-ai-infra-market-mark-adams/")
    ids = [h.get("id") for h in page.select("article h2")]
    assert ids and all(i and not i.startswith("_") for i in ids)
    assert any(any("가" <= ch <= "힣" for ch in i) for i in ids)


def test_no_request_leaves_the_site(sample_site: Built) -> None:
    for html in sample_site.site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, html



def test_an_org_page_lists_the_talks_of_its_people_while_there(sample_site: Built) -> None:
    org = next(o for o in sample_site.data("orgs") if o["id"] == "sk-hynix")
    assert org["registered"] and "SK하이닉스" in org["other_names"]
    talks = {(t["speaker"], t["url"]) for t in org["talks"]}
    assert talks and {s for s, _url in talks} >= {"lee-kang-wook"}
    page = sample_site.html(org["url"])
    assert page.h1 is not None and page.h1.get_text() == "SK hynix"
    listed = {a["href"].split("notes/", 1)[-1] for a in page.select("a.cn-talk__title")}
    assert listed == {url.split("notes/", 1)[-1] for _s, url in talks}
    people = {a.get_text(strip=True) for a in page.select("#people ~ ul a.cn-chip")}
    assert any(name.startswith("이강욱") for name in people)
    speaker = sample_site.html("speakers/lee-kang-wook/")
    assert speaker.select_one('a.cn-term--org[href$="orgs/sk-hynix/"]') is not None
    index = sample_site.html("orgs/")
    assert index.select_one('a[href$="sk-hynix/"]') is not None
    assert not any(o["name"].endswith("팀") for o in sample_site.data("orgs"))
