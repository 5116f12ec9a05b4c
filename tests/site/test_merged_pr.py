"""Issue 12: a merged pull request can neither leak what is outside docs/, nor put live markup
before readers, nor stop or swamp the build; each trick is named at its file and line, by the
build and by `confnotes check`, and --strict fails on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from confnotes.messages import printable

from .conftest import Built, build_site, write_files
from .merged_pr import (
    CORPUS,
    ENV,
    ENV_SECRET,
    EXPECTED,
    GIT_SECRET,
    LONG_FILE,
    NEWLINE_NOTE,
    OUTSIDE_SECRET,
    prepare,
)

CONFNOTES = str(Path(sys.executable).parent / "confnotes")
REFUSED_NOTES = {"notes/passwd.md", "notes/environ.md", "notes/outside.md", NEWLINE_NOTE}


def heading(path: str, line: int | None) -> str:
    return f"Doc file '{printable(path)}'" + (f", line {line}" if line is not None else "") + ": "


def folder(built: Built, url: str) -> Path:
    return built.site / unquote(url)


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("merged-pr")
    prepare(root)
    return build_site(root, CORPUS, env=ENV)


def pages(built: Built) -> list[Path]:
    return sorted(built.site.rglob("*.html"))


def test_a_plain_build_finishes_without_a_traceback(merged: Built) -> None:
    assert merged.returncode == 0, merged.log[-3000:]
    assert "Traceback" not in merged.log


def test_nothing_outside_docs_reaches_the_site(merged: Built) -> None:
    secrets = [GIT_SECRET, OUTSIDE_SECRET, ENV_SECRET, "root:x:0:0"]
    for file in merged.site.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert not [s for s in secrets if s.encode() in data], file
    for name in ("cfg.txt", "gone.png", "passwd", "environ", "outside"):
        assert not list(merged.site.rglob(f"{name}*")), name


def test_no_page_carries_live_markup_from_a_note(merged: Built) -> None:
    for page in pages(merged):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(merged.site)
        assert not [e for e in soup.find_all(True)
                    if any(a.lower().startswith("on") for a in e.attrs)], where
        assert not soup.select("article :is(iframe, form, object, embed)"), where
        assert "attacker.example" not in str(soup), where
        assert not soup.select('[href^="javascript:" i], [src^="javascript:" i]'), where
        assert not [s for s in soup.find_all("script") if "document.title" in s.get_text()], where
    assert not list(merged.site.rglob("evil.svg"))
    home = merged.html("")
    assert home.title is not None and "<img src=x onerror" in home.title.get_text()
    section = merged.html("notes/")
    assert "<script>document.title=2</script>노트" in section.title.get_text()  # type: ignore[union-attr]


def test_what_notes_use_is_kept(merged: Built) -> None:
    article = merged.html("notes/raw-html/").select_one("article")
    assert article is not None
    assert [k.get_text() for k in article.select("kbd")] == ["Ctrl", "C"]
    assert article.select_one("sub") and article.select_one("sup") and article.select_one("br")
    assert article.select_one("details summary").get_text() == "펼치기"  # type: ignore[union-attr]
    assert "누르세요" in article.get_text()   # the link's text stays; its address goes


def test_every_trick_is_named_at_its_file_and_line(merged: Built) -> None:
    missing = [(path, line, words) for path, line, words in EXPECTED
               if not any(w.startswith(heading(path, line) + words)
                          for w in merged.warnings)]
    assert missing == []


def test_every_note_is_published_but_the_refused_files(merged: Built) -> None:
    published = {n["path"] for n in merged.data("notes")}
    notes = {p for p in CORPUS if p.endswith(".md") and p not in ("index.md", "notes/index.md")}
    assert published == notes
    assert not published & REFUSED_NOTES
    for note in merged.data("notes"):
        assert (folder(merged, note["url"]) / "index.html").is_file(), note["path"]


def test_a_term_page_keeps_its_address(merged: Built) -> None:
    assert merged.html("speakers/kai-fu-lee/").select_one("h1").get_text() == "Kai-Fu Lee"  # type: ignore[union-attr]
    moved = next(n for n in merged.data("notes") if n["path"] == "speakers/kai-fu-lee.md")
    assert moved["url"] != "speakers/kai-fu-lee/"
    speakers = {s["id"]: s for s in merged.data("speakers")}
    assert speakers["kai-fu-lee"]["name"] == "Kai-Fu Lee" and speakers["kai-fu-lee"]["bio"] is None
    assert speakers["../../index"]["url"] == "speakers/index-speaker/"
    assert speakers["impostor"]["name"] == "eeL uF-iaK"
    topics = {t["name"]: t for t in merged.data("topics")}
    assert topics["Index"]["url"] == "topics/index-topic/"
    assert merged.html("speakers/").select_one("h1") is not None


def test_what_one_note_multiplies_is_bounded(merged: Built) -> None:
    notes = {n["path"]: n for n in merged.data("notes")}
    crowd = notes["notes/crowd.md"]["talks"][0]["speakers"]
    assert len(crowd) == 50
    assert len(notes["notes/tags.md"]["topics"]) == 50
    person = next(s for s in merged.data("speakers") if s["name"] == "Person 0")
    mates = merged.html(person["url"]).select("#stage-mates + * a")
    assert 0 < len(mates) <= 24
    feed = json.loads((merged.site / "feed.json").read_text(encoding="utf-8"))
    long_item = next(i for i in feed["items"] if i["title"] == "긴 요약")
    assert len(long_item["summary"]) <= 1000
    feeds = sum(f.stat().st_size for f in merged.site.rglob("feed.*"))
    assert feeds < 5_000_000
    long_name = next(s for s in merged.data("speakers") if s["name"] == "가나다라" * 25)
    assert len(long_name["slug"].encode()) <= 120
    assert (folder(merged, long_name["url"]) / "index.html").is_file()
    long_note = notes[LONG_FILE]
    assert (folder(merged, long_note["url"]) / "index.html").is_file()
    cards = list((merged.site / "assets/confnotes/cards/notes").glob("*.png"))
    assert any(len(c.name.encode()) <= 204 and c.name.startswith("긴긴") for c in cards)
    assert sum(f.stat().st_size for f in merged.site.rglob("*") if f.is_file()) < 80_000_000


def test_strict_build_fails_on_the_same_corpus(tmp_path: Path) -> None:
    prepare(tmp_path)
    built = build_site(tmp_path, CORPUS, env=ENV, strict=True)
    assert built.returncode == 1
    assert "Aborted with" in built.log and "warnings in strict mode" in built.log
    assert "Traceback" not in built.log


def test_check_names_the_same_tricks_and_writes_no_forged_command(tmp_path: Path) -> None:
    prepare(tmp_path)
    write_files(tmp_path / "docs", CORPUS)
    (tmp_path / "mkdocs.yml").write_bytes((Path(__file__).parents[2] / "mkdocs.yml").read_bytes())
    result = subprocess.run([CONFNOTES, "check", "--strict"], cwd=tmp_path, capture_output=True,
                            text=True, check=False,
                            env={**os.environ, **ENV, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    for line in lines:
        assert not line.startswith("::") or line.startswith(("::warning file=docs/",
                                                             "::error file=docs/")), line
    plain = [line for line in lines if not line.startswith("::")]
    missing = [(path, line, words) for path, line, words in EXPECTED
               if not any(p.startswith(f"docs/{printable(path)}:{line or 1}:")
                          and words in p for p in plain)]
    assert missing == []


def test_a_linked_folder_stops_the_build_and_fails_the_check(tmp_path: Path) -> None:
    write_files(tmp_path / "docs", {"notes/a.md": "# 노트\n"})
    os.symlink("/", tmp_path / "docs" / "notes" / "everything")
    built = build_site(tmp_path, env=ENV)
    assert built.returncode == 1
    assert ("Doc file 'notes/everything': a symbolic link to a folder ('/'); MkDocs would read "
            "everything under it") in built.log
    assert not (tmp_path / "site" / "notes" / "everything").exists()
    result = subprocess.run([CONFNOTES, "check"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert result.stdout.startswith("docs/notes/everything:1:1: error: a symbolic link to a "
                                    "folder ('/')")


def test_a_control_character_in_a_registry_is_an_error_at_its_line(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"speakers.yml": "a:\n  name: A\nb:\n  name: B\x07\n",
                                     "notes/a.md": "# 노트\n"}
    built = build_site(tmp_path, files)
    assert built.returncode == 1 and "Traceback" not in built.log
    assert ("Doc file 'speakers.yml', line 4: the file holds the character U+0007, a control "
            "character YAML does not allow; delete it.") in built.log
    result = subprocess.run([CONFNOTES, "check"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert result.stdout.startswith("docs/speakers.yml:4:1: error: the file holds the character "
                                    "U+0007")


def test_new_site_deletes_nothing_outside_docs(tmp_path: Path) -> None:
    sentinel = tmp_path / "SENTINEL.txt"
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.jpg"
    for file in (sentinel, elsewhere):
        file.write_text("keep me", encoding="utf-8")
    write_files(tmp_path / "docs", {
        "speakers.yml": f"a:\n  name: A\n  avatar: ../SENTINEL.txt\nb:\n  name: B\n  avatar: "
                        f"{elsewhere}\n",
        "notes/a.md": "# 노트\n"})
    os.symlink(tmp_path / "outside-notes", tmp_path / "docs" / "notes" / "linked")
    (tmp_path / "outside-notes").mkdir()
    (tmp_path / "outside-notes" / "x.png").write_text("keep me too", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_bytes((Path(__file__).parents[2] / "mkdocs.yml").read_bytes())
    result = subprocess.run([CONFNOTES, "new-site", "--yes"], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert sentinel.read_text(encoding="utf-8") == "keep me"
    assert elsewhere.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "outside-notes" / "x.png").is_file()
    assert not (tmp_path / "docs" / "notes" / "a.md").exists()
    elsewhere.unlink()
