"""Korean search analysis: the separator from mkdocs.yml, compounds, names, and the index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from confnotes import search
from confnotes.adapter.state import heading_levels
from confnotes.index import Site
from confnotes.model import Appearance, Note, Talk, Term
from confnotes.search import (
    Analyser,
    enrich,
    plain_text,
    spellings,
    talk_of_sections,
)
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parents[2]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml without its `!!python/...` tags, which name Python objects."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def search_config() -> dict[str, Any]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "search" in plugin:
            return dict(plugin["search"])
    raise AssertionError("mkdocs.yml has no configured search plugin")


SEPARATOR = re.compile(search_config()["separator"])


def analyser(*vocabulary: str) -> Analyser:
    found = Analyser(SEPARATOR)
    for word in vocabulary:
        found.learn(word)
    return found


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("반도체를 설계하는", ["반도체", "설계하"]),
        ("HBM을", ["hbm"]),
        ("SK하이닉스가", ["sk", "하이닉스"]),
        ("추론(Inference) 전용", ["추론", "inference", "전용"]),
        ("리카이푸의", ["리카이푸"]),
        ("전문가를", ["전문"]),           # stacked endings go together, as in the query
        ("사이", ["사이"]),               # one syllable is never cut off a two-syllable word
        ("반도ㅊ", ["반도"]),             # a syllable still being typed
        ("2.5D/3D 패키징으로", ["2.5d", "3d", "패키징"]),
        ("1.3년마다", ["1.3년마다"]),
        ("GPUaaS로", ["gpuaas"]),
        ("Kai-Fu Lee의", ["kai", "fu", "lee"]),
        ("네이버클라우드 × 삼성전자", ["네이버클라우드", "삼성전자"]),
        ("AT&amp;T", ["at", "t"]),
    ],
)
def test_separator_splits_like_a_reader_types(text: str, tokens: list[str]) -> None:
    assert analyser().tokens(text) == tokens


def test_search_block_declares_the_fields_it_fills() -> None:
    config = search_config()
    assert config["pipeline"] == []
    assert {"titles", "words", "about"} <= set(config["fields"])


def test_neighbouring_words_are_joined() -> None:
    found = set(analyser().compounds("반도체 설계 자동화와 칩 설계"))
    assert {"반도체설계", "설계자동화", "칩설계"} <= found


def test_no_join_after_a_particle_or_a_function_word() -> None:
    found = set(analyser().compounds("반도체를 설계한다. 할 수 있다"))
    assert "반도체설계" not in found
    assert "수있" not in found and "수있다" not in found


def test_runs_stop_at_punctuation_digits_and_other_scripts() -> None:
    found = set(analyser().compounds("1.3년마다 두 배. 반도체, 설계 SK하이닉스 부사장"))
    assert not {"년마다두", "반도체설계", "하이닉스부사장"} & found


def test_long_words_are_cut_into_known_words() -> None:
    words = analyser("클라우드", "보안", "한국", "수력", "원자력")
    assert set(words.compounds("클라우드보안")) == {"보안"}
    assert set(words.compounds("한국수력원자력이")) == {"수력원자력", "원자력"}
    assert words.parts("보안클라우드x") == ()


def test_predicates_are_no_parts() -> None:
    words = analyser("소개", "했다")
    assert "했다" not in words.vocabulary
    assert list(words.compounds("소개했다")) == []


def test_spellings_run_names_together() -> None:
    found = spellings(["카이푸 리", "Kai-Fu Lee", "리카이푸", "AI 반도체"])
    assert found[:2] == ["카이푸 리", "카이푸리"]
    assert "kaifulee" in found and "리카이푸" in found
    assert "ai반도체" not in found  # the separator would cut it again


def test_plain_text_breaks_at_markup() -> None:
    assert plain_text("<li>반도체</li><li>설계 &amp; 검증</li>").split() == [
        "반도체", "설계", "&", "검증"]
    assert "반도체설계" not in set(analyser().compounds(plain_text(
        "<li>반도체</li><li>설계</li>")))


PAGE = "# T {#t}\n\n## A {#a}\n\n### A1 {#a-1}\n\n## B {#b}\n\n### B1 {#b-1}\n\n## After {#after}\n"


def test_sections_belong_to_their_talk_until_a_heading_at_its_level() -> None:
    # The levels as the build records them while the page renders: from its table of contents.
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    md.convert(PAGE)
    levels = heading_levels(get_toc(md.toc_tokens))
    assert levels == {"t": 1, "a": 2, "a-1": 3, "b": 2, "b-1": 3, "after": 2}
    talks = (Talk("A", "a", (), ()), Talk("B", "b", (), ()))
    owners = talk_of_sections(["a", "a-1", "b", "b-1", "after"], talks, levels)
    assert {k: v.anchor for k, v in owners.items()} == {
        "a": "a", "a-1": "a", "b": "b", "b-1": "b"}


# -- the index ---------------------------------------------------------------------------


def _site() -> Site:
    lee = Term("speaker", "kai-fu-lee", "kai-fu-lee", "Kai-Fu Lee", ("리카이푸", "카이푸 리"),
               registered=True)
    hbm = Term("topic", "hbm", "hbm", "HBM", ("고대역폭 메모리",), registered=True)
    talks = (
        Talk("First Talk", "first", (Appearance("kai-fu-lee", "speaker", "Kai-Fu Lee"),), ()),
        Talk("Memory", "memory", (), ("hbm",)),
    )
    note = Note(path="notes/n.md", url="notes/n/", title="노트", date=dt.date(2024, 11, 4),
                event=None, day=None, session=None, talks=talks, topics=("hbm",), source=None,
                lang="ko", authors=())
    return Site([note], {"speaker": {lee.id: lee}, "topic": {hbm.id: hbm}, "event": {}})


def _index(site_dir: Path, fields: dict[str, Any]) -> dict[str, Any]:
    docs = [
        {"location": "notes/n/", "title": "노트", "text": "<p>반도체 설계 이야기</p>"},
        {"location": "notes/n/#first", "title": "1. First Talk", "text": "<p>앱이 중요하다</p>"},
        {"location": "notes/n/#first-part", "title": "부분", "text": ""},
        {"location": "notes/n/#memory", "title": "2. Memory", "text": "<p>데이터 이동</p>"},
        {"location": "speakers/kai-fu-lee/", "title": "Kai-Fu Lee", "text": "<p>리카이푸</p>"},
    ]
    index = {"config": {"separator": SEPARATOR.pattern, "fields": fields}, "docs": docs}
    (site_dir / "search").mkdir(parents=True)
    (site_dir / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    levels = {"notes/n/": {"t": 1, "first": 2, "first-part": 3, "memory": 2}}
    enrich(site_dir, _site(), levels)
    result: dict[str, Any] = json.loads(
        (site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return result


def test_enrich_fills_the_declared_fields(tmp_path: Path) -> None:
    fields = {"title": {}, "text": {}, "titles": {}, "words": {}, "about": {}}
    docs = {d["location"]: d for d in _index(tmp_path, fields)["docs"]}
    assert "반도체설계" in docs["notes/n/"]["words"].split()
    assert "HBM" in docs["notes/n/"]["about"]           # the note's topics on its first section
    # The talk's people weigh like its title; its topics stay in `about`.
    first = docs["notes/n/#first"]["titles"].split()
    assert {"리카이푸", "카이푸리", "kaifulee"} <= set(first)
    assert "고대역폭메모리" in docs["notes/n/#memory"]["about"].split()
    assert docs["notes/n/#first-part"]["title"] == "First Talk › 부분"
    assert "about" not in docs["notes/n/#first-part"]
    speaker = docs["speakers/kai-fu-lee/"]
    assert speaker["boost"] < 1
    assert "카이푸리" in speaker["titles"].split()


def test_plain_search_block_leaves_the_index_alone(tmp_path: Path) -> None:
    docs = _index(tmp_path, {"title": {}, "text": {}, "tags": {}})["docs"]
    assert all(set(d) == {"location", "title", "text"} for d in docs)
    assert docs[2]["title"] == "부분"


def test_kept_index_gives_what_enrich_gives_after_each_change(tmp_path: Path) -> None:
    """Under `mkdocs serve` the index is analysed again only where a change reaches: a page's
    own entries, a word a new stem cuts anew (클라우드보안 once 보안 is a word of the site), the
    model's names. Each time the file is the one `enrich` writes from the whole index."""
    fields = {"title": {}, "text": {}, "titles": {}, "words": {}, "about": {}}
    settings = {"lang": ["en"], "separator": SEPARATOR.pattern, "pipeline": [], "fields": fields}
    first = _site()
    lee = first.terms["speaker"]["kai-fu-lee"]
    renamed = Site(first.notes, {**first.terms, "speaker": {lee.id: dataclasses.replace(
        lee, other_names=("리카이푸", "카이푸 리", "이개복"))}})
    note = [{"location": "notes/n/", "title": "노트",
             "text": "<p>클라우드 이야기와 클라우드보안</p>"},
            {"location": "notes/n/#first", "title": "1. First Talk", "text": "<p>앱</p>"},
            {"location": "notes/n/#memory", "title": "2. Memory", "text": "<p>이개복보안</p>"}]
    speaker = [{"location": "speakers/kai-fu-lee/", "title": "Kai-Fu Lee", "text": "<p>리</p>"}]
    other = [{"location": "notes/o/", "title": "다른 노트", "text": "<p>반도체 설계</p>"}]
    other_with_word = [{"location": "notes/o/", "title": "다른 노트", "text": "<p>보안 점검</p>"}]
    levels = {"notes/n/": {"first": 2, "memory": 2}}
    steps = [(first, [note, speaker, other]), (first, [note, speaker, other_with_word]),
             (renamed, [note, speaker, other_with_word]), (renamed, [note, speaker]),
             (first, [note, speaker, other])]
    kept = search.KeptIndex()
    for n, (site, pages) in enumerate(steps):
        served = tmp_path / f"served-{n}" / "search_index.json"
        kept.write(served, settings, [(str(i), p) for i, p in enumerate(pages)], site, levels)
        clean = tmp_path / f"clean-{n}"
        (clean / "search").mkdir(parents=True)
        (clean / "search" / "search_index.json").write_text(json.dumps(
            {"config": settings, "docs": [d for p in pages for d in p]}), encoding="utf-8")
        enrich(clean, site, levels)
        expected = (clean / "search" / "search_index.json").read_text(encoding="utf-8")
        assert json.loads(served.read_text(encoding="utf-8")) == json.loads(expected), n
        assert served.read_text(encoding="utf-8") == expected, n
        words = json.loads(expected)["docs"][0].get("words", "").split()
        assert ("보안" in words) == (n in (1, 2)), (n, words)   # the cut moved, and back


def test_kept_index_writes_only_what_follows_the_first_changed_page(tmp_path: Path) -> None:
    """Under `mkdocs serve` the file is written again from the first page whose entries
    changed: after each change it holds the bytes a whole writing gives, also when pages are
    added or removed at the end, or the file was changed by something else in between."""
    fields = {"title": {}, "text": {}, "titles": {}, "words": {}, "about": {}}
    settings = {"lang": ["en"], "separator": SEPARATOR.pattern, "pipeline": [], "fields": fields}
    site = _site()

    def page(n: int, text: str) -> list[dict[str, Any]]:
        return [{"location": f"notes/p{n}/", "title": f"노트 {n}", "text": f"<p>{text}</p>"}]
    pages = [page(n, f"반도체 설계 {n}") for n in range(6)]
    steps = [list(pages), list(pages)]                           # the same: nothing written
    steps.append([*pages[:3], page(3, "클라우드 보안"), *pages[4:]])   # one in the middle
    steps.append(steps[-1][:4])                                  # the last two removed
    steps.append([*steps[-1], page(9, "새 노트")])                  # one added at the end
    steps.append([page(0, "첫 노트 바뀜"), *steps[-1][1:]])            # the first
    steps.append([])                                             # none
    steps.append(list(pages))
    kept = search.KeptIndex()
    served = tmp_path / "served" / "search_index.json"
    writes = []
    for n, step in enumerate(steps):
        if n == 4:  # changed by something else before a page is added at the end
            data = served.read_bytes()
            served.write_bytes(data[:20] + b"X" + data[21:])
        kept.write(served, settings, [(str(i), p) for i, p in enumerate(step)], site, {})
        writes.append(served.stat().st_mtime_ns)
        clean = tmp_path / f"clean-{n}"
        (clean / "search").mkdir(parents=True)
        (clean / "search" / "search_index.json").write_text(json.dumps(
            {"config": settings, "docs": [d for p in step for d in p]}), encoding="utf-8")
        enrich(clean, site, {})
        expected = (clean / "search" / "search_index.json").read_bytes()
        assert served.read_bytes() == expected, n
    assert writes[1] == writes[0]   # nothing changed: the file is left as it was


def test_the_kept_index_set_aside_while_material_writes_its_own_is_put_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Material's plugin writes the index of the pages it rendered over the file at the end of
    every `mkdocs serve` rebuild: the kept file, set aside meanwhile, is put back over it and
    only written again from the first changed page."""
    fields = {"title": {}, "text": {}, "titles": {}, "words": {}, "about": {}}
    settings = {"lang": ["en"], "separator": SEPARATOR.pattern, "pipeline": [], "fields": fields}
    site = _site()

    def page(n: int, text: str) -> list[dict[str, Any]]:
        return [{"location": f"notes/p{n}/", "title": f"노트 {n}", "text": f"<p>{text}</p>"}]

    def clean(step: list[list[dict[str, Any]]], n: int) -> bytes:
        folder = tmp_path / f"clean-{n}"
        (folder / "search").mkdir(parents=True)
        (folder / "search" / "search_index.json").write_text(json.dumps(
            {"config": settings, "docs": [d for p in step for d in p]}), encoding="utf-8")
        enrich(folder, site, {})
        return (folder / "search" / "search_index.json").read_bytes()

    pages = [page(n, f"반도체 설계 {n}") for n in range(6)]
    kept = search.KeptIndex()
    served = tmp_path / "served" / "search_index.json"
    kept.write(served, settings, [(str(i), p) for i, p in enumerate(pages)], site, {})
    inode = served.stat().st_ino
    kept.set_aside()
    assert not served.exists()
    served.write_text('{"config":{},"docs":[]}', encoding="utf-8")   # Material's own
    changed = [*pages[:4], page(4, "클라우드 보안"), pages[5]]

    opened: list[str] = []
    real_open = Path.open

    def spied(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        opened.append(mode)
        return real_open(self, mode, *args, **kwargs)
    monkeypatch.setattr(Path, "open", spied)
    kept.write(served, settings, [(str(i), p) for i, p in enumerate(changed)], site, {})
    monkeypatch.undo()
    assert opened == ["r+b"]     # written from the changed page on, not whole ("wb")
    assert served.read_bytes() == clean(changed, 1)
    assert served.stat().st_ino == inode
    assert sorted(p.name for p in served.parent.iterdir()) == ["search_index.json"]
    # Set aside by a build that then writes no index: removed, and the next build writes the
    # whole file.
    kept.set_aside()
    served.write_text('{"config":{},"docs":[]}', encoding="utf-8")
    kept.put_back(keep=False)
    assert sorted(p.name for p in served.parent.iterdir()) == ["search_index.json"]
    kept.write(served, settings, [(str(i), p) for i, p in enumerate(pages)], site, {})
    assert served.read_bytes() == clean(pages, 2)


@pytest.mark.parametrize("writev", ["short", "none"])
def test_the_index_is_written_whole_by_short_writes_and_without_writev(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writev: str) -> None:
    """The parts are written with os.writev where the system has it; a write that takes only
    part of what it is given goes on with the rest, and a system without it joins them."""
    import os

    real = os.writev

    def short(fd: int, buffers: list[bytes]) -> int:
        return int(real(fd, buffers[:1])) if buffers[0] else 0
    if writev == "short":
        monkeypatch.setattr(os, "writev", short)
    else:
        monkeypatch.delattr(os, "writev")
    path = tmp_path / "index.json"
    with path.open("wb") as handle:
        search._write_joined(handle, [b'{"docs":['], [b"1", b"22", b"", b"333"] * 700)
    assert path.read_bytes() == b'{"docs":[' + b",".join([b"1", b"22", b"", b"333"] * 700) + b"]}"
