"""Reading a docs folder into the model without a build (collect.read_folder): name
resolution, look-alikes, registries, feeds and export."""

from __future__ import annotations

import difflib
import os
import time
from pathlib import Path

import pytest
from confnotes import collect, export, feeds
from confnotes.adapter import rebuilds
from confnotes.index import Site
from confnotes.messages import Report
from confnotes.registry import RegistryError

SPEAKERS = """\
kai-fu-lee:
  name: Kai-Fu Lee
  name_ko: 리카이푸
  aliases: [Kaifu Lee]
  affiliation: Sinovation Ventures
  titel: 회장
"""
EVENTS = """\
summit-2024:
  name: Summit 2024
  aliases: [서밋 2024]
  start: 2024-11-04
"""


def _docs(tmp_path: Path, notes: dict[str, str], **registries: str) -> Path:
    docs = tmp_path / "docs"
    for name, text in registries.items():
        (docs / f"{name}.yml").parent.mkdir(parents=True, exist_ok=True)
        (docs / f"{name}.yml").write_text(text, encoding="utf-8")
    for path, text in notes.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    return docs


def _read(tmp_path: Path, notes: dict[str, str], **registries: str) -> tuple[Site, Report]:
    return collect.read_folder(_docs(tmp_path, notes, **registries))


def _warnings(report: Report) -> list[str]:
    return [f"{p.path}:{p.line}: {p.text}" for p in report.problems]


def test_any_spelling_of_a_registered_name_is_its_term(tmp_path: Path) -> None:
    site, report = _read(tmp_path, {
        "notes/a.md": "---\ntitle: A\nspeakers: [리카이푸]\nevent: 서밋 2024\n---\n",
        "notes/b.md": "---\ntitle: B\nspeakers: [kaifu lee]\ntopics: [k8s]\n---\n",
        "notes/summit-2024/c.md": "---\ntitle: C\nspeakers: [새 사람]\n---\n",
    }, speakers=SPEAKERS, events=EVENTS)
    by_path = {n.path: n for n in site.notes}
    assert by_path["notes/a.md"].speakers == by_path["notes/b.md"].speakers == ("kai-fu-lee",)
    assert by_path["notes/a.md"].event == "summit-2024"
    assert by_path["notes/summit-2024/c.md"].event == "summit-2024"  # from its folder
    assert site.terms["topic"][by_path["notes/b.md"].topics[0]].name == "Kubernetes"
    derived = site.terms["speaker"][by_path["notes/summit-2024/c.md"].speakers[0]]
    assert derived.name == "새 사람" and not derived.registered
    # The registry's slip is a warning at its line, with a did-you-mean.
    assert any("speakers.yml:6:" in w and "did you mean 'title'" in w
               for w in _warnings(report))


def test_look_alikes_are_reported_once_at_the_rarer_spelling(tmp_path: Path) -> None:
    people = {f"notes/{n}.md": f"---\ntitle: T{n}\nspeakers: ['{name} (SK하이닉스)']\n---\n"
              for n, name in enumerate(["이강욱", "이강욱", "이강옥"])}
    people["notes/x.md"] = "---\ntitle: X\nspeakers: [김태호]\n---\n"
    people["notes/y.md"] = "---\ntitle: Y\nspeakers: [김태희]\n---\n"
    _site, report = _read(tmp_path, people)
    alike = [w for w in _warnings(report) if "looks like" in w]
    assert alike == ["notes/2.md:3: speaker '이강옥' looks like '이강욱' (notes/0.md); add an "
                     "alias in speakers.yml if they are one person."]


def test_a_broken_registry_stops_with_every_problem_at_its_line(tmp_path: Path) -> None:
    broken = "a:\n  name: Same\nb:\n  name: same\nc:\n  aliases: [x]\n"
    with pytest.raises(RegistryError) as caught:
        _read(tmp_path, {}, topics=broken)
    lines = sorted((p.path, p.line) for p in caught.value.problems)
    assert lines == [("topics.yml", 3), ("topics.yml", 5)]


def test_a_registry_read_again_from_the_same_bytes_is_the_same_and_says_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"speakers.yml": SPEAKERS.encode(), "events.yml": EVENTS.encode()}
    kept: collect.KeptRegistries = {}
    reads: list[str] = []

    def read(path: str) -> bytes | None:
        reads.append(path)
        return files.get(path)

    def once() -> tuple[dict[str, object], list[str]]:
        report = Report()
        found = collect.read_registries(read, collect.DEFAULT_REGISTRIES, report, kept)
        return dict(found), _warnings(report)

    first, said = once()
    assert said and all("speakers.yml:6:" in w for w in said)  # the 'titel' slip
    again, said_again = once()
    assert said_again == said  # reported on every build, not only the first
    assert all(again[k] is first[k] for k in first)  # not read again
    files["speakers.yml"] = SPEAKERS.replace("titel", "title").encode()
    changed, said_now = once()
    assert said_now == []
    assert changed["speaker"] is not first["speaker"]
    assert changed["event"] is first["event"]
    assert changed["speaker"].find("Kaifu Lee") == "kai-fu-lee"  # type: ignore[attr-defined]
    # A kept registry keeps its did-you-mean answers too: they are not searched for again.
    speakers = changed["speaker"]
    assert speakers.suggest("Kai-Fu Le") == "Kai-Fu Lee"  # type: ignore[attr-defined]
    monkeypatch.setattr(difflib, "get_close_matches", None)
    assert speakers.suggest("kai-fu le") == "Kai-Fu Lee"  # type: ignore[attr-defined]
    monkeypatch.undo()
    # Without `kept`, each call reads anew.
    fresh = collect.read_registries(read, collect.DEFAULT_REGISTRIES, Report())
    assert fresh["event"] is not first["event"]


def test_feeds_and_export_follow_the_model(tmp_path: Path) -> None:
    site, _report = _read(tmp_path, {
        "notes/old.md": "---\ntitle: 옛 발표\ndate: 2023-01-02\nspeakers: [Kai-Fu Lee]\n---\n",
        "notes/new.md": "---\ntitle: 새 발표\ndate: 2024-11-04\nspeakers: [Kai-Fu Lee]\n---\n",
    }, speakers=SPEAKERS)
    found = {f.folder: f for f in feeds.all_feeds(site, "Confnotes", None)}
    speaker = found["speakers/kai-fu-lee/"]
    assert [n.title for n in speaker.notes] == ["새 발표", "옛 발표"]  # newest first
    assert speaker.title == "Kai-Fu Lee — 발표자 · Confnotes"
    assert speaker.description == "발표자 ‘Kai-Fu Lee’의 발표를 기록한 Confnotes 노트"
    records = export.records(site)
    assert [n["path"] for n in records["notes"]] == ["notes/new.md", "notes/old.md"]
    (record,) = records["speakers"]
    assert [a["note"] for a in record["appearances"]] == ["notes/new.md", "notes/old.md"]
    assert record["affiliation"] == "Sinovation Ventures"


def test_the_feed_folders_are_those_of_the_feeds(tmp_path: Path) -> None:
    # Under `mkdocs serve` the empty sitemaps beside the feeds are placed by feed_folders,
    # which makes no feed: it must name the same folders, in the same order.
    site, _report = _read(tmp_path, {
        "notes/a.md": "---\ntitle: A\ndate: 2023-11-07\nspeakers: [Kai-Fu Lee]\n"
                      "event: DEVIEW 2023\ntopics: [AI]\n---\n",
        "notes/b.md": "---\ntitle: B\ndate: 2024-11-04\nspeakers: [새 사람]\n"
                      "event: DEVIEW 2024\n---\n",
    }, speakers=SPEAKERS)
    made = [f.folder for f in feeds.all_feeds(site, "Confnotes", None) if f.folder]
    assert feeds.feed_folders(site) == made
    assert any(folder.startswith("series/") for folder in made)  # a series' feed is there
    assert "speakers/kai-fu-lee/" in made and "topics/ai/" in made


def test_a_notes_status_stands_for_its_bytes_only_once_settled(tmp_path: Path) -> None:
    """Under `mkdocs serve` a note whose status is as when it was read is not read again. A
    write moves the change time even when the size and modification time are put back; a file
    written in the last two seconds may be written again within the same tick of the clock,
    so its status is not trusted then."""
    note = tmp_path / "note.md"
    note.write_bytes(b"---\ntitle: A\n---\nbody one\n")
    status = rebuilds.read_status(str(note))
    assert status is not None
    now = time.time_ns()
    assert rebuilds.settled_status(status, now) is None               # just written
    assert rebuilds.settled_status(status, now + 3_000_000_000) == status
    assert rebuilds.read_status(str(note)) == status                  # nothing changed
    before = note.stat()
    time.sleep(0.02)
    note.write_bytes(b"---\ntitle: A\n---\nbody two\n")             # same size
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))      # same modification time
    assert rebuilds.read_status(str(note)) != status
    assert rebuilds.read_status(str(tmp_path / "gone.md")) is None
    assert rebuilds.read_status(None) is None


class _Counts:
    """A template global whose answers a test sets: count(name) gives answers[name]."""

    def __init__(self, **answers: int) -> None:
        self.answers = answers

    def count(self, name: str) -> int:
        return self.answers[name]


def _record(memory: rebuilds.Rebuilds, src: str, key: str, answer: int) -> None:
    name = src.removesuffix(".md")
    memory.record(src, rebuilds.PageRecord(key, f"source of {src}", {}, f"<p>{src}</p>", [],
                                           set(), None, [], title_from_render=f"H1 {src}"),
                  [rebuilds.Call("confnotes", "count", (name,), {}, answer)])


def test_a_page_whose_answers_alone_changed_keeps_its_html_for_the_template() -> None:
    """Under `mkdocs serve`, a page whose source is as last converted but whose template got
    another answer is rendered again from its kept HTML (answers_only); a page whose source
    changed is converted again, its record gone; the others are kept."""
    memory = rebuilds.Rebuilds()
    pages = [("a.md", "a/"), ("b.md", "b/"), ("c.md", "c/")]
    urls = dict(pages)
    keys = {src: (f"key {src}", f"source of {src}") for src, _ in pages}
    first = memory.plan("settings", pages, keys, urls, {"confnotes": _Counts()},
                        {"confnotes": (object(),)})
    assert first == {"a.md", "b.md", "c.md"} and memory.answers_only == set()
    for src, _ in pages:
        _record(memory, src, f"key {src}", 1)
    keys["b.md"] = ("key b.md, edited", "source of b.md")
    again = memory.plan("settings", pages, keys, urls, {"confnotes": _Counts(a=2, b=1, c=1)},
                        {"confnotes": (object(),)})
    assert again == {"a.md", "b.md"}
    assert memory.answers_only == {"a.md"}
    assert memory.pages["a.md"].content == "<p>a.md</p>"
    assert memory.pages["a.md"].title_from_render == "H1 a.md"
    assert "b.md" not in memory.pages and "c.md" in memory.pages
    # The same model object: nothing is asked again, only the edited page is rendered.
    _record(memory, "a.md", "key a.md", 2)
    _record(memory, "b.md", "key b.md, edited", 1)
    inputs = {"confnotes": (object(),)}
    memory.plan("settings", pages, keys, urls, {"confnotes": _Counts(a=2, b=1, c=1)}, inputs)
    keys["c.md"] = ("key c.md, edited", "source of c.md")
    assert memory.plan("settings", pages, keys, urls, {"confnotes": _Counts()},
                       inputs) == {"c.md"}
    assert memory.answers_only == set()


def test_pages_rendered_with_a_new_answer_are_rendered_again_when_the_old_one_returns() -> None:
    """Two pages asked one question; its answer changed, and each was rendered again from its
    kept HTML with the new answer. When the old answer comes back (an edit undone) both are
    rendered again: the question is kept with the answer they were rendered with."""
    memory = rebuilds.Rebuilds()
    pages = [("a.md", "a/"), ("b.md", "b/")]
    urls = dict(pages)
    keys = {src: (f"key {src}", f"source of {src}") for src, _ in pages}

    def shared(src: str, answer: int) -> None:
        memory.record(src, rebuilds.PageRecord(f"key {src}", f"source of {src}", {}, "", [],
                                               set(), None, []),
                      [rebuilds.Call("confnotes", "count", ("shared",), {}, answer)])

    memory.plan("settings", pages, keys, urls, {"confnotes": _Counts()},
                {"confnotes": (object(),)})
    shared("a.md", 1)
    shared("b.md", 1)
    assert memory.plan("settings", pages, keys, urls, {"confnotes": _Counts(shared=2)},
                       {"confnotes": (object(),)}) == {"a.md", "b.md"}
    assert memory.answers_only == {"a.md", "b.md"}
    shared("a.md", 2)
    shared("b.md", 2)
    assert memory.plan("settings", pages, keys, urls, {"confnotes": _Counts(shared=1)},
                       {"confnotes": (object(),)}) == {"a.md", "b.md"}
