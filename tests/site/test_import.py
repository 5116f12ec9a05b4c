"""Posts from other generators, written as people write them (our own words): imported with
`confnotes import`, then built with --strict; and the same posts built as they are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from confnotes import cli

from .conftest import Built, build_site, write_files

POSTS: dict[str, str] = {
    # Jekyll: the post's date in the file name and in `date:`, the talk's date in the text.
    "_posts/2019-05-20-spring-meetup.markdown": """\
---
layout: post
title: "[예시 스프링 밋업 2019] 두 번째 모임 후기"
date: 2019-05-20 21:10:00 +0900
categories: [conference, backend]
tags: [spring, 후기, 2019]
comments: true
toc: true
---
- 일시: 2019-05-18 (토) 13시 ~ 18시
- 장소: 예시 타워 3층

### 트랜잭션 다시 보기 (한도윤 | 예시랩)
트랜잭션 경계를 어디에 둘지.

### 배치 작업 쪼개기 (문서진)
청크 크기와 재시도.
""",
    # Hugo with TOML front matter: one talk, its speaker in a label line.
    "content/post/deview-2023/index.md": """\
+++
title = "Deview2023 2일차 후기"
date = "2023-03-02"
draft = false
slug = "deview-2023-day2"
tags = ["deview2023", "conference", "k8s"]
+++

발표자: 남도현 (예시클라우드)

쿠버네티스 위에서 검색 서비스를 운영한 이야기.
""",
    # A README in a notes repository: no front matter, the event in the folder's name.
    "soscon2016/README.md": """\
# 오픈소스 컨퍼런스 정리

## 오픈소스 커뮤니티 만들기 - 권민찬
* 기여자를 모으는 법

## 라이선스 이야기 - 탁서율
* 라이선스 고르기
""",
}


def _import(root: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["import", str(src), "--to", "notes/imported",
                       "--config", str(root / "mkdocs.yml")])
    return status, capsys.readouterr().out


def test_imported_posts_build_strict_with_what_was_inferred(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "blog"
    write_files(src, dict(POSTS))
    root = tmp_path / "site"
    build_site(root)  # a site with the project's mkdocs.yml, hooks and templates
    status, out = _import(root, src, capsys)
    assert status == 0 and out.count("가져옴") == len(POSTS), out
    status, out = _import(root, src, capsys)
    assert out.count("그대로") == len(POSTS), out   # a second run changes nothing
    jekyll = (root / "docs/notes/imported/_posts/2019-05-20-spring-meetup.md").read_text()
    assert jekyll.startswith("---\ntitle: '[예시 스프링 밋업 2019] 두 번째 모임 후기'\n"
                             "date: 2019-05-18\npost_date: 2019-05-20\n"
                             "event: 예시 스프링 밋업 2019\n")
    assert "layout:" not in jekyll and "toc:" not in jekyll   # another generator's steering
    assert "topics: [spring, backend]" in jekyll
    assert jekyll.endswith(POSTS["_posts/2019-05-20-spring-meetup.markdown"].split("---\n")[2])
    hugo = (root / "docs/notes/imported/content/post/deview-2023/index.md").read_text()
    assert "+++" not in hugo.split("---\n")[1]
    assert "event: DEVIEW 2023\n" in hugo and "speakers: [남도현 (예시클라우드)]" in hugo

    built = build_site(root, strict=True)
    assert built.returncode == 0, built.log
    assert built.warnings == []
    notes = {n["path"]: n for n in built.data("notes")}
    spring = notes["notes/imported/_posts/2019-05-20-spring-meetup.md"]
    assert (spring["date"], spring["post_date"], spring["event"]["name"]) == (
        "2019-05-18", "2019-05-20", "예시 스프링 밋업 2019")
    assert [[s["name"] for s in t["speakers"]] for t in spring["talks"]] == [["한도윤"], ["문서진"]]
    deview = notes["notes/imported/content/post/deview-2023/index.md"]
    assert [t["name"] for t in deview["topics"]] == ["Kubernetes"]
    readme = notes["notes/imported/soscon2016/README.md"]
    assert readme["event"]["name"] == "SOSCON 2016" and readme["date_precision"] == "year"
    events = {e["name"]: e for e in built.data("events")}
    assert events["DEVIEW 2023"]["series"] == "deview"


def test_other_generators_posts_build_as_they_are(build: Callable[..., Built]) -> None:
    built = build({f"notes/{k}": v for k, v in POSTS.items()}, strict=True)
    assert built.returncode == 0, built.log
    assert built.warnings == []          # layout, toc, slug, draft, comments: no warning
    notes = {n["path"]: n for n in built.data("notes")}
    assert "notes/_posts/2019-05-20-spring-meetup.markdown" in notes   # .markdown is a note
    hugo = notes["notes/content/post/deview-2023/index.md"]
    assert (hugo["event"]["name"], hugo["date"], hugo["date_source"]) == (
        "DEVIEW 2023", "2023-03-02", "post date")


def test_a_draft_is_left_out_of_the_build_and_an_unknown_key_is_named_once(
        build: Callable[..., Built]) -> None:
    docs: dict[str, Any] = {
        "notes/draft.md": "---\ntitle: 아직 쓰는 중\ndraft: true\n---\n본문\n",
        "notes/unpublished.md": "---\ntitle: 숨긴 글\npublished: false\n---\n본문\n",
        "notes/a.md": "---\ntitle: A\nmood: happy\n---\n본문\n",
        "notes/b.md": "---\ntitle: B\nmood: sad\n---\n본문\n",
    }
    built = build(docs)
    assert built.returncode == 0, built.log
    paths = {n["path"] for n in built.data("notes")}
    assert paths == {"notes/a.md", "notes/b.md"}
    assert not (built.site / "notes" / "draft").exists()
    assert built.warnings == ["Doc file 'notes/a.md', line 3: unknown field 'mood' (in 2 notes: "
                              "notes/a.md, notes/b.md); it is ignored."]
