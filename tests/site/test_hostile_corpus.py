"""The hostile corpus: exact messages, nothing lost, nothing executed."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Built, build_site
from .hostile_corpus import CORPUS, EXPECTED


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_site(tmp_path_factory.mktemp("hostile"), CORPUS)


def test_every_problem_is_reported_exactly(plain: Built) -> None:
    assert plain.returncode == 0, plain.log
    expected = sorted(
        f"Doc file '{path}'" + (f", line {line}" if line is not None else "") + f": {text}"
        for path, line, text in EXPECTED)
    assert sorted(plain.warnings) == expected


def test_every_case_is_a_test_of_something(plain: Built) -> None:
    notes = [name for name in CORPUS if name.endswith(".md")]
    assert len(notes) + 3 >= 30
    warned = {path for path, _, _ in EXPECTED}
    quiet = {"notes/bom.md", "notes/crlf.md", "notes/lone-cr.md", "notes/huge.md",
             "notes/long-line.md", "notes/deep-list.md", "notes/only-front-matter.md",
             "notes/script-title.md", "notes/img-onerror.md", "notes/template-syntax.md",
             "notes/same-url.md", "notes/slug-a.md", "notes/slug-b.md",
             "notes/control-chars.md"}
    assert set(notes) == (warned - {"speakers.yml", "topics.yml", "events.yml"}) | quiet


def test_nothing_is_lost(plain: Built) -> None:
    notes = plain.data("notes")
    assert sorted(n["path"] for n in notes) == sorted(k for k in CORPUS if k.endswith(".md"))
    written = {p.parent.relative_to(plain.site).as_posix() + "/"
               for p in (plain.site / "notes").rglob("index.html")}
    assert {n["url"] for n in notes} <= written
    assert len({n["url"] for n in notes}) == len(notes)


def test_broken_text_is_still_published(plain: Built) -> None:
    assert "본문 1" in plain.html("notes/yaml-line-2/").get_text()
    huge = (plain.site / "notes/huge/index.html").stat().st_size
    assert huge > 5_000_000
    assert "가나다라마바사" in plain.html("notes/long-line/").get_text()
    assert "level 119" in plain.html("notes/deep-list/").get_text()
    crlf = next(n for n in plain.data("notes") if n["path"] == "notes/crlf.md")
    assert crlf["title"] == "CRLF" and crlf["talks"][0]["speakers"][0]["name"] == "A"
    lone = next(n for n in plain.data("notes") if n["path"] == "notes/lone-cr.md")
    assert lone["title"] == "lone CR"


def test_hostile_text_never_becomes_markup(plain: Built) -> None:
    bulky = {"notes/huge", "notes/long-line", "notes/deep-list"}
    pages = [p.parent.relative_to(plain.site).as_posix() + "/"
             for p in plain.site.rglob("index.html")]
    for url in pages:
        if url.rstrip("/") in bulky:
            continue
        soup = plain.html(url)
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), url
        assert not soup.find_all(attrs={"onerror": True}), url
        assert not soup.select('a[href^="javascript:"], a[href^="data:"]'), url
        assert not soup.select("article b"), url


def test_template_syntax_is_shown_as_written(plain: Built) -> None:
    page = plain.html("notes/template-syntax/")
    assert "{{ 7*7 }} {% if true %}yes{% endif %}" in page.select_one("h1").get_text()
    assert "49" not in page.select_one("article").get_text().split()
    speaker = next(s for s in plain.data("speakers") if s["name"] == "{{ config }}")
    assert "{{ config }}" in plain.html(speaker["url"]).select_one("h1").get_text()


def test_two_terms_never_share_a_slug(plain: Built) -> None:
    for kind in ("speakers", "topics", "events"):
        slugs = [t["slug"] for t in plain.data(kind)]
        assert len(slugs) == len(set(slugs)), kind
    names = {t["name"]: t["slug"] for t in plain.data("topics")}
    assert len({names["C++"], names["C#"], names["C"]}) == 3


def test_strict_build_fails_naming_the_files(tmp_path: Path) -> None:
    built = build_site(tmp_path / "strict", CORPUS, strict=True)
    assert built.returncode == 1
    assert f"Aborted with {len(EXPECTED)} warnings in strict mode!" in built.log
    for path in {p for p, _, _ in EXPECTED}:
        assert f"Doc file '{path}'" in built.log
