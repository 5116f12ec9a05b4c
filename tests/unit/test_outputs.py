"""outputs.Outputs: the second process's files equal the in-process ones, and a process that
dies leaves the build to write them itself."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from confnotes import calendars, collect, export, feeds, index, outputs

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = feeds.Settings("https://notes.example/", "Confnotes", None, "ko")


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    site, _report = collect.read_folder(ROOT / "docs")
    out = tmp_path_factory.mktemp("inline")
    outputs.write(out, site, {}, SETTINGS)
    return files(out)


def test_side_process_gives_the_same_files(tmp_path: Path, expected: dict[str, bytes],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(outputs.SWITCH, "1")
    site, _report = collect.read_folder(ROOT / "docs")
    writer = outputs.Outputs()
    writer.start(tmp_path, site, {}, SETTINGS)
    staging = [p.name for p in tmp_path.iterdir()]
    assert len(staging) == 1 and staging[0].startswith(".confnotes-")  # nothing else yet
    writer.finish(tmp_path)
    assert writer.side_seconds > 0
    assert files(tmp_path) == expected  # and no staging folder left


def test_a_process_that_dies_is_replaced_by_writing_in_process(
        tmp_path: Path, expected: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(outputs.SWITCH, "1")
    site, _report = collect.read_folder(ROOT / "docs")
    writer = outputs.Outputs()
    writer.start(tmp_path, site, {}, SETTINGS)
    writer.launch()  # the writing is given to the second process (the build does it in on_env)
    assert writer._side is not None
    pool = writer._side._pool
    assert pool is not None
    for process in list(pool._processes.values()):  # as the OS would kill it
        process.kill()
    writer.finish(tmp_path)
    assert writer.side_seconds == 0
    assert files(tmp_path) == expected


def test_small_sites_write_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(outputs.SWITCH, raising=False)
    site, _report = collect.read_folder(ROOT / "docs")
    assert len(site.notes) < outputs.SIDE_PROCESS_NOTES
    writer = outputs.Outputs()
    writer.start(tmp_path, site, {}, SETTINGS)
    assert list(tmp_path.iterdir()) == []  # nothing yet: the writing waits for finish
    writer.finish(tmp_path)
    assert (tmp_path / "data" / "notes.json").is_file() and writer.side_seconds == 0


def _edited_docs(folder: Path) -> Path:
    """The repository's notes with a speaker and a topic added to one note's front matter."""
    shutil.copytree(ROOT / "docs", folder)
    note = folder / "notes/2025/ai-infra-study/inference-chips.md"
    text = note.read_text(encoding="utf-8")
    for old, new in (("  - 최요약 (연구팀)\n", "  - 최요약 (연구팀)\n  - 새 발표자\n"),
                     ("topics: [AI 반도체,", "topics: [새 주제, AI 반도체,")):
        assert old in text
        text = text.replace(old, new)
    note.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("side", ["0", "1"])
def test_writing_again_with_what_was_kept_gives_the_same_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, side: str) -> None:
    """Under `mkdocs serve` each writing reuses what the last one made (in the second process
    too): the files are those a fresh writing of the same model gives."""
    monkeypatch.setenv(outputs.SWITCH, side)
    before, _report = collect.read_folder(ROOT / "docs")
    after, _report = collect.read_folder(_edited_docs(tmp_path / "docs"))
    assert after.notes != before.notes
    # As under `mkdocs serve`, each model holds the last one's objects where they are equal.
    index.reuse(after, before)
    again, _report = collect.read_folder(ROOT / "docs")
    index.reuse(again, after)
    served = tmp_path / "served"
    writer = outputs.Outputs()
    writer.kept = {}
    for site in (before, after, again):
        writer.start(served, site, {}, SETTINGS, in_process=site is not before or
                     writer.last is not None)
        written = writer.finish(served)
        fresh = tmp_path / f"fresh-{time.time_ns()}"
        outputs.write(fresh, site, {}, SETTINGS)
        # (the files of terms gone are removed with the other stale files of a rebuild)
        assert {p: (served / p).read_bytes() for p in sorted(written)} == files(fresh)
    assert set(writer.kept) == {"files", "export", "records", "feeds", "calendars"}
    assert writer.kept["calendars"] and writer.kept["export"]["notes"]["objects"]
    assert writer.kept["records"]["notes"]
    assert writer.kept["feeds"]["items"] and writer.kept["calendars"][calendars.SAID]


def test_a_term_record_is_made_again_only_when_what_it_shows_changed(tmp_path: Path) -> None:
    """Under `mkdocs serve` a term's record in the export is the last one while the term and
    the notes under it are the same objects; a note edited makes its terms' records again."""
    before, _report = collect.read_folder(ROOT / "docs")
    after, _report = collect.read_folder(_edited_docs(tmp_path / "docs"))
    index.reuse(after, before)
    made: dict[str, Any] = {}
    first = export.records(before, None, made)
    second = export.records(after, None, made)
    assert second == export.records(after)
    edited = next(n for n in after.notes if n.path.endswith("inference-chips.md"))
    for section, kind, names in (("speakers", "speaker", edited.speakers),
                                 ("topics", "topic", edited.topics)):
        last = {record["id"]: record for record in first[section]}
        for record in second[section]:
            if record["id"] in names:
                assert record is not last.get(record["id"]), (kind, record["id"])
            else:
                assert record is last[record["id"]], (kind, record["id"])
    events = {record["id"]: record for record in first["events"]}
    for record in second["events"]:
        assert (record is events[record["id"]]) == (record["id"] != edited.event)


def test_a_topic_record_follows_its_sub_topics_names(tmp_path: Path) -> None:
    """A topic's record lists its sub-topics in Korean name order: a sub-topic renamed in the
    registry moves there, though the topic itself and its notes are unchanged."""
    before, _report = collect.read_folder(ROOT / "docs")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    registry = docs / "topics.yml"
    # (the old name kept as an alias: the notes that write it are the same notes)
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "  name: 에너지\n", "  name: 가나다 에너지\n", 1).replace(
        "  aliases: [전력, Power, 전력 수요]\n", "  aliases: [에너지, 전력, Power, 전력 수요]\n",
        1), encoding="utf-8")
    after, _report = collect.read_folder(docs)
    index.reuse(after, before)
    assert all(a is b for a, b in zip(after.notes, before.notes, strict=True))
    made: dict[str, Any] = {}
    first = export.records(before, None, made)
    second = export.records(after, None, made)
    infra = [next(r for r in found["topics"] if r["id"] == "ai-infra") for found in (first,
                                                                                      second)]
    assert infra[0]["children"][:2] == ["data-center", "energy"]
    assert infra[1]["children"][:2] == ["energy", "data-center"]
    assert second == export.records(after)


def test_export_and_calendars_from_kept_pieces_are_the_same_bytes() -> None:
    site, _report = collect.read_folder(ROOT / "docs")
    pieces: dict[str, Any] = {}
    made: dict[str, Any] = {}
    for _twice in range(2):
        for name, items in export.records(site, None, made).items():
            for _again in range(2):
                assert export.dumps(items, name, pieces) == export.dumps(items, name)
    assert export.dumps([], "x", {}) == export.dumps([], "x")
    links = feeds.Links.of(SETTINGS.site_url)
    entries: dict[tuple[object, ...], bytes] = {}
    first = calendars.calendars(site, links, entries)
    assert first and entries
    assert calendars.calendars(site, links, entries) == first == calendars.calendars(site, links)


def test_written_files_are_intact_only_while_each_is_as_left(tmp_path: Path) -> None:
    """Under `mkdocs serve` the export and feeds are left in place while the model is the same
    and every file is as the last build wrote it; any one changed or gone is written again."""
    from confnotes.outputs import Written, file_status
    paths = ["data/notes.json", "speakers/a/feed.xml", "feed.xml"]
    for path in paths:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"made")
    written = Written(object(), (), paths, [file_status(tmp_path / p) for p in paths])
    assert written.intact(tmp_path)
    (tmp_path / "speakers/a/feed.xml").write_bytes(b"changed")
    assert not written.intact(tmp_path)
    written = Written(object(), (), paths, [file_status(tmp_path / p) for p in paths])
    assert written.intact(tmp_path)
    (tmp_path / "feed.xml").unlink()
    assert not written.intact(tmp_path)
