"""Event series, talk links (slides, video), a person across years, the notes index split by
year, excerpts: on the sample site and on small sites written to break them."""

from __future__ import annotations

import json
from pathlib import Path
from collections.abc import Callable
from typing import Any

import pytest

from confnotes import listings

from .conftest import Built, build_site

STUDY = "ai-infra-study"
EDITIONS = ["ai-infra-study-2023", "ai-infra-study-2024", "ai-infra-study-2025"]


def _feed_text(built: Built, folder: str) -> str:
    return (built.site / folder / "feed.json").read_text(encoding="utf-8")


# -- the sample site ---------------------------------------------------------------------------


def test_series_page_lists_its_editions_newest_first(sample_site: Built) -> None:
    page = sample_site.html(f"series/{STUDY}/")
    headings = [h.get_text(strip=True) for h in page.select("ol.cn-timeline h3")]
    assert headings == ["AI 인프라 스터디 2025", "AI 인프라 스터디 2024", "AI 인프라 스터디 2023"]
    assert page.select_one("h1").get_text(strip=True) == "AI 인프라 스터디"
    edition_2024 = page.select("ol.cn-timeline > li")[1]
    talks = [a.get_text(strip=True) for a in edition_2024.select("ul.cn-program > li > a[lang]")]
    assert talks == ["데이터 이동이 전력을 먹는다", "GPU 클러스터를 빌려 쓰는 시대"]
    assert [a.get_text(strip=True) for a in page.select("#speakers ~ ul.cn-chips a")] == [
        "박메모2", "이기록2", "최요약1"]


def test_each_edition_links_to_the_previous_and_next(sample_site: Built) -> None:
    middle = sample_site.html("events/ai-infra-study-2024/")
    nav = middle.select_one("nav.cn-editions")
    assert nav is not None
    assert nav.select_one("a[rel=prev]")["href"] == "../ai-infra-study-2023/"
    assert nav.select_one("a[rel=next]")["href"] == "../ai-infra-study-2025/"
    assert nav.select_one(".cn-editions__series")["href"] == f"../../series/{STUDY}/"
    first = sample_site.html("events/ai-infra-study-2023/").select_one("nav.cn-editions")
    assert first.select_one("a[rel=prev]") is None and first.select_one("a[rel=next]")


def test_events_index_groups_by_series(sample_site: Built) -> None:
    page = sample_site.html("events/")
    group = page.select_one(f"#series-{STUDY}").find_parent("section")
    assert [a.get_text(strip=True) for a in group.select("ul.cn-events a")] == [
        "AI 인프라 스터디 2025", "AI 인프라 스터디 2024", "AI 인프라 스터디 2023"]


def test_export_and_feeds_carry_the_series(sample_site: Built) -> None:
    series = {s["id"]: s for s in sample_site.data("series")}
    assert [e["id"] for e in series[STUDY]["editions"]] == EDITIONS
    assert series[STUDY]["url"] == f"series/{STUDY}/"
    events = {e["id"]: e for e in sample_site.data("events")}
    assert events["ai-infra-study-2024"]["series"] == STUDY
    assert events["ai-infra-study-2024"]["previous"] == "ai-infra-study-2023"
    assert events["ai-infra-study-2025"]["next"] is None
    note = next(n for n in sample_site.data("notes")
                if n["path"] == "notes/2025/ai-infra-study/inference-chips.md")
    assert note["series"] == {"id": STUDY, "name": "AI 인프라 스터디",
                              "url": f"series/{STUDY}/"}
    feed = json.loads(_feed_text(sample_site, f"series/{STUDY}"))
    assert len(feed["items"]) == 3 and feed["title"].startswith("AI 인프라 스터디 — 시리즈")
    assert "시리즈: AI 인프라 스터디" in feed["items"][0]["content_text"]


def test_talk_links_on_every_page_kind(sample_site: Built) -> None:
    slides = "https://example.com/slides/2024-gpuaas.pdf"
    video = "https://example.com/videos/2024-gpuaas"
    for url in ("notes/2024/ai-infra-study/summit-recap/", "speakers/박메모/",
                f"series/{STUDY}/", "events/ai-infra-study-2024/", "topics/gpu-cloud/"):
        page = sample_site.html(url)
        links = {a["href"]: a.get_text(strip=True) for a in page.select("a.cn-talk-link")}
        assert links.get(slides) == "슬라이드" and links.get(video) == "영상", (url, links)
    talk = next(t for n in sample_site.data("notes") for t in n["talks"]
                if t["title"] == "GPU 클러스터를 빌려 쓰는 시대")
    assert (talk["slides"], talk["video"]) == (slides, video)
    item = next(i for i in json.loads(_feed_text(sample_site, ""))["items"]
                if i["title"].startswith("AI 인프라 스터디 2024"))
    assert f"슬라이드 (GPU 클러스터를 빌려 쓰는 시대): {slides}" in item["content_text"]


def test_a_person_across_years(sample_site: Built) -> None:
    page = sample_site.html("speakers/이기록/")
    assert [h.get_text(" ", strip=True) for h in page.select("h3[id^=year-]")] == [
        "2025 1회", "2024 1회"]
    seen = page.select_one(".cn-seen").get_text(" ", strip=True)
    assert "처음 본 곳: 2024년 12월 12일 AI 인프라 스터디 2024" in seen
    assert "마지막으로 본 곳: 2025년 12월 11일 AI 인프라 스터디 2025" in seen
    meta = page.select_one("li.cn-talk .cn-talk__meta").get_text(" ", strip=True)
    assert "AI 인프라 스터디 시리즈" in meta and "당시 플랫폼팀" in meta


def test_topic_counts_include_child_topics(sample_site: Built) -> None:
    topics = {t["id"]: t for t in sample_site.data("topics")}
    parent = next(t for t in topics.values() if t["children"])
    under = set(parent["notes"])
    stack = list(parent["children"])
    while stack:
        child = topics[stack.pop()]
        under |= set(child["notes"])
        stack += child["children"]
    page = sample_site.html("topics/")
    link = page.select_one(f'ul.cn-tree a[href="{parent["slug"]}/"]')
    assert link is not None
    assert int(link.find_next_sibling("span").get_text()) == len(under) > len(parent["notes"])


def test_talks_follow_the_numbers_the_notes_give(sample_site: Built) -> None:
    page = sample_site.html("events/sk-ai-summit-2024/")
    numbers = [int(n.get_text().rstrip(".")) for n in page.select(".cn-program__number")]
    assert numbers == sorted(numbers) and numbers[:2] == [10, 11]
    assert not page.select("#program ~ ol.cn-program")  # no made-up 1, 2, 3


def test_note_lines_show_an_excerpt(sample_site: Built) -> None:
    lines = sample_site.html("notes/").select("li.cn-note")
    assert lines and all(li.select_one(".cn-excerpt") for li in lines[:5])
    assert max(len(li.select_one(".cn-excerpt").get_text()) for li in lines[:5]) <= 141


# -- small sites written to break it ------------------------------------------------------------

HOSTILE_EVENTS = """\
deview-2014: {name: DEVIEW 2014, series: deview, start: 2014-09-29}
deview-2023: {name: DEVIEW 2023, series: DEVIEW, start: 2023-02-27}
deview-2015: {name: "DEVIEW 2015", series: deview}
weird: {name: "<script>alert(1)</script> 2020", series: "<b>x</b>"}
nothing: {name: Empty, series: "???"}
listy: {name: Listy 2021, series: [a, b]}
"""
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def _hostile(build: Callable[..., Built], **extra: Any) -> Built:
    notes: dict[str, str | bytes] = {
        "events.yml": HOSTILE_EVENTS,
        "notes/a.md": "---\ntitle: A\nevent: deview-2015\ndate: 2015-09-14\n"
                      "speakers: [Kim]\nslides: javascript:alert(1)\n"
                      f"video: {YOUTUBE}\n---\n\nText.\n",
        "notes/b.md": "---\ntitle: B\nevent: weird\nslides: [https://a.example, 2]\n"
                      "video: \"https://example.com/v with space\"\n---\n\nText.\n",
        "notes/c.md": "# C\n\n## 1. First\n- 발표자: Lee\n- 슬라이드: https://example.com/one\n\n"
                      "## 2. Second\n- 발표자: Park\n- 영상: <https://vimeo.com/12345>\n"
                      "- **Slides:** javascript:alert(2)\n",
        "assets/videos/youtube-dQw4w9WgXcQ.jpg": _JPEG,
        **extra,
    }
    return build(notes)


_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b"
    "0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e3334"
    "32ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708"
    "090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114"
    "328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748"
    "494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999a"
    "a2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7"
    "e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9")


def test_hostile_series_and_links(build: Callable[..., Built]) -> None:
    built = _hostile(build)
    assert built.returncode == 0, built.log
    log = "\n".join(built.warnings)
    assert "series '???' gives no usable id" in log
    assert "'series': should be text" in log or "should be text; it is ignored" in log
    assert "'slides' must be one web address" in log and "'video' must be one web address" in log
    series = {s["id"]: s for s in built.data("series")}
    # `DEVIEW` and `deview` are one series; the undated 2015 edition is dated by its note.
    assert [e["id"] for e in series["deview"]["editions"]] == [
        "deview-2014", "deview-2015", "deview-2023"]
    assert series["deview"]["name"] == "DEVIEW"
    assert "nothing" not in {e for s in series.values() for e in
                             (x["id"] for x in s["editions"])}
    weird = built.html(next(s["url"] for s in series.values() if s["id"] != "deview"))
    assert weird.select_one("h1").get_text() == "<script>alert(1)</script>"
    assert not weird.select("h1 script")
    notes = {n["path"]: n for n in built.data("notes")}
    assert notes["notes/a.md"]["slides"] is None and notes["notes/a.md"]["video"] == YOUTUBE
    assert notes["notes/b.md"]["slides"] is None and notes["notes/b.md"]["video"] is None
    talks = notes["notes/c.md"]["talks"]
    assert [(t["slides"], t["video"]) for t in talks] == [
        ("https://example.com/one", None), (None, "https://vimeo.com/12345")]
    assert [t["number"] for t in talks] == [1, 2]
    page = built.html("notes/a/")
    picture = page.select_one("a.cn-talk-link--video img.cn-video-picture")
    assert picture is not None and picture["src"].endswith("assets/videos/youtube-dQw4w9WgXcQ.jpg")
    assert not built.html("notes/c/").select("a.cn-talk-link--video img")  # no local picture
    assert not built.html("notes/c/").select('a[href^="javascript"]')


def test_notes_index_splits_by_year_on_a_large_site(build: Callable[..., Built],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    count = listings.NOTES_ON_ONE_PAGE + 5
    docs: dict[str, str | bytes] = {
        f"notes/n{i:04d}.md": f"---\ntitle: Note {i}\ndate: {2020 + i % 3}-01-{1 + i % 28:02d}\n"
                              "---\n\nSome text.\n" for i in range(count)}
    docs["notes/no-date.md"] = "# 날짜 없는 노트\n\n본문.\n"
    built = build(docs)
    assert built.returncode == 0, built.log
    index = built.html("notes/")
    assert len(index.select("li.cn-note")) == listings.LATEST_ON_INDEX
    years = [a["href"] for a in index.select("nav.cn-years a")]
    assert years == ["2022/", "2021/", "2020/", "undated/"]
    year = built.html("notes/2021/")
    assert len(year.select("li.cn-note")) == len([i for i in range(count) if i % 3 == 1])
    assert year.select_one("nav.cn-years strong[aria-current=page]").get_text(" ", strip=True) \
        .startswith("2021")
    assert len(built.html("notes/undated/").select("li.cn-note")) == 1


def test_a_small_site_keeps_one_notes_page(sample_site: Built) -> None:
    assert not sample_site.html("notes/").select("nav.cn-years")
    assert not (sample_site.site / "notes" / "2024" / "index.html").exists()


def test_talk_anchors_come_from_the_slugify_mkdocs_yml_configures(tmp_path: Path) -> None:
    note = ("---\ntitle: 두 발표\ndate: 2024-01-05\n---\n\n## Alpha Talk\n\n발표자: 김하나\n\n본문.\n\n"
            "## Beta Talk\n\n발표자: 박둘\n\n본문.\n")

    def keep_case(text: str) -> str:
        assert "case: lower" in text
        return text.replace("case: lower", "case: none")
    built = build_site(tmp_path, {"notes/two.md": note}, strict=True, config=keep_case)
    assert built.returncode == 0, built.log
    talks = next(n for n in built.data("notes") if n["path"] == "notes/two.md")["talks"]
    assert [t["anchor"] for t in talks] == ["Alpha-Talk", "Beta-Talk"]
    page = built.html("notes/two/")
    assert page.find(id="Alpha-Talk") is not None and page.find(id="Beta-Talk") is not None
