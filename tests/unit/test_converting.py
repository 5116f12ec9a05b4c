"""adapter/converting.py: a note converted in the second process leaves its page exactly as
MkDocs' own rendering would (HTML, table of contents, title, anchors, links to anchors, the
messages), and where anything it depended on differs, MkDocs' own rendering runs instead."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from confnotes.adapter import converting
from confnotes.adapter.image_markdown import ImageExtension
from confnotes.adapter.images import Images
from confnotes.side_process import SideProcess
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]

NOTES = {
    "notes/a.md": "# 첫 제목\n\n## 세션 하나\n\n본문 [옆 글](b.md) 과 [제목으로](b.md#세션-둘).\n\n"
                  "[없는 글](없음.md) [폴더](../folder) [절대](/abs/) [위](#세션-하나)\n\n"
                  "<div id=\"raw-anchor\">원문</div>\n\n각주[^1]\n\n[^1]: 각주 본문\n",
    "notes/b.md": "## 세션 둘\n\n| 표 | 칸 |\n|---|---|\n| ~~a~~ | ==b== |\n\n"
                  "- [x] 할 일\n\n!!! note \"알림\"\n    안의 글\n\n[없는 앵커](a.md#없는-제목)\n",
    "notes/c.md": "본문만, 제목 없이. <img src=\"x.png\" alt=\"\"> 원문 그림\n",
    "notes/pic.md": "## 그림\n\n![그림](x.png)\n",
}


def config_and_files(tmp_path: Path, names: list[str]) -> tuple[MkDocsConfig, Files]:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config.load_file(handle)
    config["docs_dir"] = str(tmp_path / "docs")
    config["site_dir"] = str(tmp_path / "site")
    config["hooks"] = []
    config["plugins"] = []
    errors, _warnings = config.validate()
    assert not errors, errors
    for name in names:
        target = tmp_path / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(NOTES.get(name, "# x\n"), encoding="utf-8")
    files = Files([File(n, config.docs_dir, config.site_dir, config.use_directory_urls)
                   for n in names])
    return config, files


def rendered(page: Page) -> dict[str, Any]:
    def toc(items: Any) -> list[Any]:
        return [(i.title, i.id, i.level, toc(i.children)) for i in items]
    return {"content": page.content, "toc": toc(page.toc), "title": page.title,
            "anchors": page.present_anchor_ids,
            "links": {f.src_uri: v for f, v in (page.links_to_anchors or {}).items()}}


def render_both(config: MkDocsConfig, files: Files, src: str,
                converted: converting.Converted | None, caplog: pytest.LogCaptureFixture
                ) -> tuple[dict[str, Any], list[Any], dict[str, Any], list[Any]]:
    """MkDocs' own rendering of `src`, then the one `converted` installs: each with what it
    logged."""
    out = []
    for install in (False, True):
        page = Page(None, files.get_file_from_path(src), config)
        page.read_source(config)
        if install:
            assert converted is not None
            converting.install(page, converted)
        caplog.clear()
        page.render(config, files)
        out += [rendered(page), [(r.name, r.levelno, r.getMessage()) for r in caplog.records]]
    return out[0], out[1], out[2], out[3]


def source(tmp_path: Path, src: str) -> str:
    return "\n" + (tmp_path / "docs" / src).read_text(encoding="utf-8")


def one(tmp_path: Path, src: str) -> converting.Converted | None:
    """`src` converted as the second process would, its HTML cleaned too."""
    [converted] = converting.convert_piece("t", [(src, source(tmp_path, src), True)])
    return converted


def test_converted_elsewhere_renders_as_mkdocs_does(tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    config, files = config_and_files(tmp_path, list(NOTES))
    settings = converting.settings_of(config, files)
    assert settings is not None
    converting.prepare("t", settings)
    for src in ("notes/a.md", "notes/b.md", "notes/c.md"):
        converted = one(tmp_path, src)
        assert converted is not None
        own, own_log, taken, taken_log = render_both(config, files, src, converted, caplog)
        assert taken == own
        assert taken_log == own_log
    # The shapes are there: messages, links to anchors, a raw anchor, the title.
    assert own_log == [] or src == "notes/c.md"
    a = one(tmp_path, "notes/a.md")
    assert a is not None
    assert any("없음.md" in m for _n, _l, m in a.logged)
    assert any("'../folder'" in m for _n, _l, m in a.logged)
    assert a.links_to_anchors["notes/b.md"] == {"세션-둘": "b.md#세션-둘"}
    assert a.links_to_anchors["notes/a.md"]["세션-하나"] == "#세션-하나"
    assert "raw-anchor" in a.anchor_ids and a.title == "첫 제목"
    assert a.cleaned is not None  # no <img>: cleaned there too
    c = one(tmp_path, "notes/c.md")
    assert c is not None and c.cleaned is None  # a raw <img>: checked here before cleaning


def test_a_note_with_a_picture_is_left_to_this_process(tmp_path: Path) -> None:
    config, files = config_and_files(tmp_path, ["notes/pic.md"])
    config.markdown_extensions.append(ImageExtension(Images(tmp_path / "cache")))
    settings = converting.settings_of(config, files)
    assert settings is not None
    assert not any(isinstance(e, ImageExtension) for e in settings.extensions)
    converting.prepare("t", settings)
    assert one(tmp_path, "notes/pic.md") is None


def test_what_changed_since_is_rendered_here(tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    # Converted while notes/없음.md did not exist; it exists by the time the page renders.
    config, files = config_and_files(tmp_path, ["notes/a.md", "notes/b.md"])
    settings = converting.settings_of(config, files)
    assert settings is not None
    converting.prepare("t", settings)
    converted = one(tmp_path, "notes/a.md")
    assert converted is not None
    files.append(File("notes/없음.md", config.docs_dir, config.site_dir, True))
    own, own_log, taken, taken_log = render_both(config, files, "notes/a.md", converted, caplog)
    assert taken == own and taken_log == own_log
    assert 'href="../%EC%97%86%EC%9D%8C/"' in taken["content"]  # found, where it was not
    # The Markdown itself changed (a plugin's on_page_markdown): rendered here too.
    page = Page(None, files.get_file_from_path("notes/a.md"), config)
    page.read_source(config)
    page.markdown = (page.markdown or "") + "\n\n끝에 더한 줄\n"
    converting.install(page, converted)
    page.render(config, files)
    assert "끝에 더한 줄" in (page.content or "")


def test_the_second_process_converts_the_back_pieces(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    names = [f"notes/n{n:03}.md" for n in range(6 * converting.PIECE)]
    config, files = config_and_files(tmp_path, names)
    notes = [(n, source(tmp_path, n), True) for n in names]
    side = SideProcess()
    try:
        work = converting.Converting()
        assert work.offer(notes, config, files, side.submit)
        side.submit(converting.digest, "").result()  # wait until it has started
        taken = {}
        for n in names:
            if n == names[-converting.PIECE]:
                future = work.pieces.future_of(n)
                assert future is not None
                future.result()  # the second process has done the last
            taken[n] = work.take(n)
        work.finish()
    finally:
        side.wait()
    assert taken[names[-1]] is not None and work.taken >= converting.PIECE
    assert work.offered == len(names)
    for n, converted in taken.items():
        if converted is not None:
            own, own_log, mine, mine_log = render_both(config, files, n, converted, caplog)
            assert mine == own and mine_log == own_log


def test_a_piece_at_work_there_is_not_waited_for(tmp_path: Path) -> None:
    names = [f"notes/n{n}.md" for n in range(3)]
    config, files = config_and_files(tmp_path, names)
    settings = converting.settings_of(config, files)
    assert settings is not None
    converting.prepare("t", settings)
    futures: list[Future[Any]] = []

    def submit(job: Any, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if job is converting.convert_piece:
            future.set_running_or_notify_cancel()  # the second process is at work on it
            futures.append(future)
        return future
    work = converting.Converting()
    assert work.offer([(n, source(tmp_path, n), True) for n in names], config, files, submit)
    [future] = futures  # three notes, one piece
    # Were this process to wait for the piece, it would wait until this gives up on it.
    gives_up = threading.Timer(5, future.set_exception, (RuntimeError("gave up"),))
    gives_up.start()
    assert work.take(names[0]) is None  # converted here meanwhile
    gives_up.cancel()
    future.set_result(converting.convert_piece("t", [(n, source(tmp_path, n), True)
                                                     for n in names]))
    assert work.take(names[1]) is not None and work.take(names[2]) is not None
    assert work.taken == 2


def test_an_extension_given_as_an_object_keeps_conversion_here(tmp_path: Path) -> None:
    # A plugin's extension object may keep what it sees (cross-references) in this process.
    from markdown.extensions.toc import TocExtension
    config, files = config_and_files(tmp_path, ["notes/a.md"])
    assert converting.settings_of(config, files) is not None
    config.markdown_extensions.append(TocExtension())
    assert converting.settings_of(config, files) is None
