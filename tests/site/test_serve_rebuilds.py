"""`mkdocs serve --dirty` renders again only the pages an edit can change, and the site it
serves after a sequence of edits is, byte for byte, the site a clean build of the same files
gives (the sitemap's dates aside): every page, the search index, the export and the feeds."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_serve import _free_port, _get, _wait_for

SITEMAP_DATE = re.compile(rb"<lastmod>[^<]*</lastmod>")


class Server:
    """`mkdocs serve` in `folder`, its site written under a temporary folder we can read."""

    def __init__(self, folder: Path, port: int, dirty: bool,
                 env: dict[str, str] | None = None) -> None:
        self.tmp = folder.parent / f"tmp-{time.time_ns()}"
        self.tmp.mkdir()
        self.log = folder.parent / f"serve-{time.time_ns()}.log"
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                   "--livereload", *(["--dirty"] if dirty else [])]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp),
                     **(env or {})})
        self.base = f"http://127.0.0.1:{port}/"

    def site(self) -> Path:
        found = list(self.tmp.glob("mkdocs_*"))
        assert len(found) == 1, found
        return found[0]

    def copy(self, to: Path) -> Path:
        assert _get(self.base)  # waits for a rebuild under way to finish
        shutil.copytree(self.site(), to)
        return to

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.log.read_text(encoding="utf-8", errors="replace")


def _files(site: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            name = path.relative_to(site).as_posix()
            if name == "sitemap.xml.gz":
                name, data = "sitemap.xml (from .gz)", gzip.decompress(data)
            if name.startswith("sitemap.xml"):
                data = SITEMAP_DATE.sub(b"<lastmod/>", data)
            found[name] = data
    return found


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("hooks", "templates", "docs"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    yield folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# "1": the first build shares its work with a second process, as a site of 300 notes or more
# does (reading, converting, search entries, outputs); the rebuilds after it do not.
@pytest.mark.parametrize("side", ["", "1"])
def test_a_sequence_of_edits_serves_what_a_clean_build_gives(project: Path, tmp_path: Path,
                                                               side: str) -> None:
    docs = project / "docs"
    notes = sorted((docs / "notes").rglob("*.md"))
    second, first, gone = notes[0], notes[1], notes[-1]
    port = _free_port()
    server = Server(project, port, dirty=True,
                    env={"CONFNOTES_SIDE_PROCESS": side} if side else None)
    try:
        base = server.base
        assert _wait_for(base, "Confnotes", timeout=120), "serve did not start"
        url = base + first.relative_to(docs).with_suffix("").as_posix() + "/"

        # 1. A note's body.
        first.write_text(first.read_text(encoding="utf-8") + "\n\n새로 적은 문단 serveprobe\n",
                         encoding="utf-8")
        assert _wait_for(url, "serveprobe")

        # 2. A speaker in a note's front matter: a new person gets a page.
        text = second.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n---\n")
        assert head.startswith("---") and sep
        head = re.sub(r"(?m)^(speakers?):.*$", r"\1: [프로브 발표자]", head)
        if "speaker" not in head:
            head += "\nspeakers: [프로브 발표자]"
        second.write_text(head + sep + body, encoding="utf-8")
        assert _wait_for(base + "speakers/", "프로브 발표자")

        # 3. A new note, with a topic no note had.
        new = docs / "notes" / "serve-probe.md"
        new.write_text("---\ntitle: 새로 쓴 노트\ndate: 2024-05-01\nspeakers: [프로브 발표자]\n"
                       "topics: [프로브 주제]\n---\n\n## 들은 것\n\n내용.\n", encoding="utf-8")
        assert _wait_for(base + "notes/serve-probe/", "새로 쓴 노트")
        assert _wait_for(base + "topics/", "프로브 주제")

        # 4. A note deleted.
        gone_url = base + gone.relative_to(docs).with_suffix("").as_posix() + "/"
        gone_title = _get(gone_url)
        assert gone_title
        gone.unlink()
        end = time.monotonic() + 60
        while _get(gone_url) and time.monotonic() < end:
            time.sleep(0.2)
        assert not _get(gone_url), "the deleted note is still served"

        # 5. An alias in the registry: the name written in note 2 becomes a known speaker's.
        speakers = docs / "speakers.yml"
        registry = speakers.read_text(encoding="utf-8")
        speakers.write_text(registry + "\nprobe-person:\n  name: Probe Person\n"
                            "  aliases: [프로브 발표자]\n", encoding="utf-8")
        assert _wait_for(base + "speakers/probe-person/", "새로 쓴 노트")

        # 6. A talk's own section, in a note of several talks, names one more of the note's
        # topics (the talk is listed under it); then a line that changes no talk's facts.
        energy = docs / "notes/2024/sk-ai-summit/day1-afternoon-energy-and-semiconductors.md"
        energy_url = base + energy.relative_to(docs).with_suffix("").as_posix() + "/"
        _replace(energy, "- Arm은 처음부터", "- HBM 이야기도 잠깐 나왔다. serveprobe-talk\n"
                 "- Arm은 처음부터")
        assert _wait_for(energy_url, "serveprobe-talk")
        _replace(energy, "- **발표자:** Chris Levesque", "- 메모 serveprobe-same\n"
                 "- **발표자:** Chris Levesque")
        assert _wait_for(energy_url, "serveprobe-same")

        # 7. A topic renamed in its registry: every page that lists it, its feed, the search
        # entries of the notes on it and the export change; the others are kept.
        topics = docs / "topics.yml"
        _replace(topics, "  name: 데이터센터\n", "  name: 데이터센터 프로브\n")
        assert _wait_for(base + "topics/", "데이터센터 프로브")

        # 8. A note's date: it moves in every listing, feed and calendar it is in.
        dated = docs / "notes/2024/sk-ai-summit/day1-ai-infra-market-mark-adams.md"
        _replace(dated, "date: 2024-11-04\n", "date: 2024-11-05\n")
        dated_url = base + dated.relative_to(docs).with_suffix("").as_posix() + "/"
        assert _wait_for(dated_url, "2024년 11월 5일")

        # 9. A speaker renamed in the registry: every listing line, chip and byline naming
        # her changes, on pages that list her notes as much as on her own.
        _replace(speakers, "  name: Rani Borkar\n", "  name: Rani Borkar Probe\n")
        assert _wait_for(base + "speakers/rani-borkar/", "Rani Borkar Probe")

        # 10. The date of step 8 put back (and a line written): the pages that list the note
        # are rendered again, though their answers are those of an earlier build.
        text = dated.read_text(encoding="utf-8").replace("date: 2024-11-05\n",
                                                         "date: 2024-11-04\n", 1)
        dated.write_text(text + "\n\nserveprobe-undo\n", encoding="utf-8")
        assert _wait_for(dated_url, "serveprobe-undo")

        served = server.copy(tmp_path / "served")
    finally:
        log = server.stop()
    rendered = [tuple(map(int, m)) for m in re.findall(r"rendering (\d+) of (\d+) pages", log)]
    assert len(rendered) >= 10, log[-3000:]
    assert all(done < total for done, total in rendered), rendered  # pages were kept
    # Each save is one rebuild: a change the system reported is not found again by polling.
    assert all(done > 0 for done, _total in rendered), rendered

    clean = Server(project, port, dirty=False)
    try:
        assert _wait_for(clean.base + "speakers/probe-person/", "새로 쓴 노트", timeout=120)
        built = clean.copy(tmp_path / "clean")
    finally:
        clean.stop()

    ours, theirs = _files(served), _files(built)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in theirs if ours[name] != theirs[name]]
    assert different == []
    assert "search/search_index.json" in theirs and "data/notes.json" in theirs
    assert any(name.endswith("feed.xml") for name in theirs)
