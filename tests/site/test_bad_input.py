"""Broken and hostile notes: every one is published, every problem is named with file and
line, a plain build finishes, and --strict fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .conftest import Built, build_site

SPEAKERS = """\
lee-kang-wook:
  name: 이강욱
  name_en: Lee Kang-wook
  affiliation: SK하이닉스
kai-fu-lee:
  name: Kai-Fu Lee
  name_ko: 리카이푸
"""
EVENTS = """\
sk-ai-summit-2024:
  name: SK AI Summit 2024
  start: 2024-11-04
  end: 2024-11-05
"""

BROKEN: dict[str, str | bytes] = {
    "speakers.yml": SPEAKERS,
    "events.yml": EVENTS,
    "notes/bad-yaml.md": "---\ntitle: 깨진 YAML\nspeakers: [A, B\n---\n"
                         "# 깨진 YAML\n본문은 살아 있다.\n",
    "notes/cp949.md": "---\ntitle: 윈도우에서 쓴 노트\n---\n본문\n".encode("cp949"),
    "notes/binary.md": b"# Broken bytes\n\xff\xfe\xfa\n",
    "notes/empty.md": "",
    "notes/hostile.md": "---\ntitle: <script>alert(1)</script>\nspeakers:\n"
                        "  - \"<img src=x onerror=alert(2)>\"\nsource: javascript:alert(3)\n"
                        "topics: ['{{ 7*7 }}']\n---\n본문\n",
    "notes/unknown-key.md": "---\ntitle: 오타\nspeakrs: 이강욱\n---\n",
    "notes/look-alike.md": "---\ntitle: 오타 난 이름\nspeakers: 이강옥 (SK하이닉스)\n"
                           "event: SK AI Sumit 2024\n---\n",
    "notes/fence.md": "# 닫히지 않은 코드\n\n```python\nprint(1)\n",
    "notes/bom-crlf.md": b"\xef\xbb\xbf---\r\ntitle: BOM and CRLF\r\n---\r\nbody\r\n",
}


def _warned(built: Built) -> list[str]:
    return sorted(built.warnings)


def test_plain_build_publishes_every_broken_note(build: Callable[..., Built]) -> None:
    built = build(BROKEN)
    assert built.returncode == 0, built.log
    notes = built.data("notes")
    expected = sorted(k for k in BROKEN if k.endswith(".md"))
    assert sorted(n["path"] for n in notes) == expected
    for note in notes:
        assert (built.site / note["url"] / "index.html").is_file()
    assert _warned(built) == sorted([
        "Doc file 'notes/bad-yaml.md', line 3: front matter is not valid YAML (did not find "
        "expected ',' or ']'); fix it so its fields are used. The text is still "
        "published.",
        "Doc file 'notes/cp949.md', line 2: the file is not UTF-8; it was read as CP949/EUC-KR "
        "(Korean Windows). Save it as UTF-8 so every tool reads it the same way.",
        "Doc file 'notes/binary.md', line 2: the file is not valid UTF-8 and could not be "
        "decoded; unreadable bytes are shown as '\ufffd'. Save it as UTF-8.",
        "Doc file 'notes/empty.md', line 1: the note has no title; the file name 'empty' is "
        "used. Add 'title:' to the front matter or start the note with '# 제목'.",
        "Doc file 'notes/hostile.md', line 5: 'source' must be a web address starting with "
        "http:// or https://; 'javascript:alert(3)' is left out.",
        "Doc file 'notes/unknown-key.md', line 3: unknown field 'speakrs' (did you mean "
        "'speakers'?); it is ignored.",
        "Doc file 'notes/look-alike.md', line 3: speaker '이강옥' looks like '이강욱' "
        "(speakers.yml); add an alias in speakers.yml if they are one person.",
        "Doc file 'notes/look-alike.md', line 4: event 'SK AI Sumit 2024' is not registered but "
        "looks like 'SK AI Summit 2024' in events.yml; use that name, or register "
        "'SK AI Sumit 2024' if it is a different event.",
        "Doc file 'notes/fence.md', line 3: this code block (```) is never closed, so it "
        "swallows the rest of the note; close it.",
    ])


def test_strict_build_fails_on_the_same_problems(build: Callable[..., Built]) -> None:
    built = build(BROKEN, strict=True)
    assert built.returncode == 1
    assert "Aborted with 9 warnings in strict mode!" in built.log


def test_broken_body_is_still_published(build: Callable[..., Built]) -> None:
    built = build(BROKEN)
    assert "본문은 살아 있다." in built.html("notes/bad-yaml/").get_text()
    assert "윈도우에서 쓴 노트" in built.html("notes/cp949/").title.get_text()


def test_hostile_metadata_is_text_on_every_page_kind(build: Callable[..., Built]) -> None:
    built = build(BROKEN)
    speaker = next(s for s in built.data("speakers") if "onerror" in s["name"])
    topic = next(t for t in built.data("topics") if "7*7" in t["name"])
    pages = ["notes/hostile/", "", "notes/", "speakers/", speaker["url"], "topics/",
             topic["url"]]
    for url in pages:
        soup = built.html(url)
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), url
        assert not soup.find_all(attrs={"onerror": True}), url
        assert "49" not in soup.get_text().split(), url  # template syntax is not evaluated
    note = built.html("notes/hostile/")
    assert note.title.get_text().startswith("<script>alert(1)</script>")
    assert "<img src=x onerror=alert(2)>" in note.select_one(".cn-note-header").get_text()
    assert not note.select('a[href^="javascript:"]')


def test_registry_that_is_not_yaml_stops_the_build_with_file_and_line(
        build: Callable[..., Built]) -> None:
    built = build({"speakers.yml": "a:\n  name: A\nb: [\n", "notes/x.md": "# x\n"})
    assert built.returncode == 1
    assert "Doc file 'speakers.yml', line 4: not valid YAML" in built.log


def test_registry_with_the_wrong_shape_reports_every_problem(
        build: Callable[..., Built]) -> None:
    built = build({"topics.yml": "ai:\n  name: AI\nbad: just text\nnoname:\n  aliases: [x]\n"
                                 "ml:\n  name: ML\n  aliases: [AI]\n", "notes/x.md": "# x\n"})
    assert built.returncode == 1
    for line in ("Doc file 'topics.yml', line 3: topic 'bad' must be a mapping",
                 "Doc file 'topics.yml', line 4: topic 'noname' has no 'name:'.",
                 "Doc file 'topics.yml', line 6: topic 'ml': the name 'AI' already belongs to "
                 "'ai'"):
        assert line in built.log, built.log


def test_registry_value_problems_are_warnings(build: Callable[..., Built]) -> None:
    built = build({"speakers.yml": "a:\n  name: A\n  links:\n    - {title: x, url: "
                                   "'javascript:alert(1)'}\n  shoe: 9\n", "notes/x.md": "# x\n"})
    assert built.returncode == 0
    assert built.warnings == [
        "Doc file 'speakers.yml', line 5: speaker 'a': unknown field 'shoe'; it is ignored.",
        "Doc file 'speakers.yml', line 3: speaker 'a': the link 'javascript:alert(1)' is not an "
        "http(s) or mailto address; it is left out.",
    ]


def test_aliases_and_other_script_names_resolve_to_one_speaker(
        build: Callable[..., Built]) -> None:
    built = build({"speakers.yml": SPEAKERS,
                   "notes/a.md": "---\ntitle: a\nspeakers: 리카이푸\n---\n",
                   "notes/b.md": "---\ntitle: b\nspeakers: kai fu lee (Sinovation)\n---\n",
                   "notes/c.md": "---\ntitle: c\nspeakers: Lee Kang-wook\n---\n"})
    assert built.warnings == []
    speakers = {s["id"]: s for s in built.data("speakers")}
    assert [a["note"] for a in speakers["kai-fu-lee"]["appearances"]] == ["notes/a.md",
                                                                         "notes/b.md"]
    assert speakers["kai-fu-lee"]["appearances"][1]["affiliation"] == "Sinovation"
    assert len(speakers["lee-kang-wook"]["appearances"]) == 1


def test_unregistered_names_become_terms_and_look_alikes_are_warned(
        build: Callable[..., Built]) -> None:
    built = build({"notes/a.md": "---\ntitle: a\nspeakers: [Jane Roberts, 김민준]\n---\n",
                   "notes/b.md": "---\ntitle: b\nspeakers: [Jane Robarts, Roberts Jane, "
                                 "Wei Berg, Mei Berg]\n---\n"})
    ids = [s["id"] for s in built.data("speakers")]
    assert sorted(ids) == ["jane-robarts", "jane-roberts", "mei-berg", "roberts-jane",
                           "wei-berg", "김민준"]
    assert sorted(built.warnings) == [
        "Doc file 'notes/b.md', line 3: speaker 'Jane Robarts' looks like 'Jane Roberts' "
        "(notes/a.md); add an alias in speakers.yml if they are one person.",
        "Doc file 'notes/b.md', line 3: speaker 'Roberts Jane' looks like 'Jane Roberts' "
        "(notes/a.md); add an alias in speakers.yml if they are one person.",
    ]


def test_topics_match_case_spacing_and_aliases(build: Callable[..., Built]) -> None:
    built = build({"topics.yml": "ai-infra:\n  name: AI 인프라\n  aliases: [AI Infra]\n",
                   "notes/a.md": "---\ntitle: a\ntopics: [ai-infra, AI  infra, '#AI 인프라',"
                                 " AI 인프라 > GPU 클라우드]\n---\n"})
    assert built.warnings == []
    topics = {t["id"]: t for t in built.data("topics")}
    assert sorted(topics) == ["ai-infra", "gpu-클라우드"]
    assert topics["gpu-클라우드"]["parent"] == "ai-infra"
    assert [t["id"] for t in built.data("notes")[0]["topics"]] == ["ai-infra", "gpu-클라우드"]


def test_same_notes_give_the_same_bytes(build: Callable[..., Built]) -> None:
    docs: dict[str, Any] = {**BROKEN, "notes/a.md": "---\ntitle: a\nspeakers: [B, A, C]\n---\n"}
    first = build(docs, env={"PYTHONHASHSEED": "1"})
    second = build(docs, env={"PYTHONHASHSEED": "2"})
    files = sorted(p.relative_to(first.site) for p in first.site.rglob("*")
                   if p.is_file() and "sitemap" not in p.name)
    assert files == sorted(p.relative_to(second.site) for p in second.site.rglob("*")
                           if p.is_file() and "sitemap" not in p.name)
    for rel in files:
        assert (first.site / rel).read_bytes() == (second.site / rel).read_bytes(), rel


def test_a_material_template_extending_main_html_is_not_escaped(tmp_path: Path) -> None:
    # Without Confnotes' own 404.html, Material's extends main.html: the blocks main.html adds
    # to are Material's own markup and must stay markup.
    built = build_site(tmp_path, {"notes/a.md": "---\ntitle: <b>A</b>\n---\n\n본문.\n"},
                       without=("templates/404.html",))
    assert built.returncode == 0, built.log
    page = (built.site / "404.html").read_text(encoding="utf-8")
    assert "&lt;link" not in page and "&lt;script" not in page
    assert '<link rel="stylesheet" href="/assets/stylesheets/confnotes.css">' in page
    # Confnotes' own values are still escaped where its templates print them.
    note = (built.site / "notes/a/index.html").read_text(encoding="utf-8")
    assert "<b>A</b>" not in note and "&lt;b&gt;A&lt;/b&gt;" in note
