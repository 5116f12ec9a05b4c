"""outputs.Outputs: the second process's files equal the in-process ones, and a process that
dies leaves the build to write them itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from confnotes import collect, feeds, outputs

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
