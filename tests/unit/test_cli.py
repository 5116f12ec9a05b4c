"""The `confnotes` command: check output and exit codes, new notes, a new site."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import frontmatter
import pytest
import yaml
from confnotes import check, cli, collect, scaffold
from confnotes.messages import Problem, Report
from confnotes.registry import Registry, load

from tests.site.conftest import build_site, write_files

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_NOTES = sum(collect.is_note(p) for p in collect.markdown_files(ROOT / "docs"))


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # CI itself runs on GitHub Actions: tests that want annotations turn them on.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def make_site(root: Path, files: dict[str, str | bytes], samples: bool = False) -> Path:
    """mkdocs.yml of the repository plus docs/ (the samples, when asked) and `files`."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if samples:
        shutil.copytree(ROOT / "docs", root / "docs")
    write_files(root, files)
    (root / "docs").mkdir(exist_ok=True)
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str,
        answers: list[str] | None = None) -> tuple[int, list[str], str]:
    """`confnotes ARGV`: exit status, stdout lines, stderr."""
    replies: Iterator[str] | None = iter(answers) if answers is not None else None

    def ask(prompt: str) -> str | None:
        return next(replies, None) if replies is not None else None

    status = cli.main(list(argv), ask=ask)
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


BROKEN_NOTES: dict[str, str | bytes] = {
    "docs/notes/bad-yaml.md": "---\ntitle: 제목\ntopics: [AI, 반도체\n---\n\n본문\n",
    "docs/notes/unknown-key.md": "---\ntitle: 제목\nspeakrs: 홍길동\n---\n\n본문\n",
    "docs/notes/cp949.md": "---\ntitle: 한글 제목\n---\n\n윈도우에서 저장한 노트\n".encode("cp949"),
}


# -- check: output, annotations, exit codes ------------------------------------------------


def test_the_samples_pass_the_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = run(capsys, "check", "--strict", "--config", str(ROOT / "mkdocs.yml"))
    assert (status, lines) == (0, [])
    assert f"노트 {SAMPLE_NOTES}개, 오류 0개, 경고 0개" in err


def test_problems_are_printed_as_path_line_column(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, BROKEN_NOTES)
    status, lines, _ = run(capsys, "check", "--config", str(site / "mkdocs.yml"))
    assert lines == [
        "docs/notes/bad-yaml.md:3:9: warning: front matter is not valid YAML (did not find "
        "expected ',' or ']'); fix it so its fields are used. The text is still published.",
        "docs/notes/cp949.md:2:1: warning: the file is not UTF-8; it was read as CP949/EUC-KR "
        "(Korean Windows). Save it as UTF-8 so every tool reads it the same way.",
        "docs/notes/unknown-key.md:3:1: warning: unknown field 'speakrs' (did you mean "
        "'speakers'?); it is ignored.",
    ]
    assert status == 0


def test_strict_fails_on_warnings_and_plain_passes(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {"docs/notes/x.md": BROKEN_NOTES["docs/notes/unknown-key.md"]})
    config = str(site / "mkdocs.yml")
    assert run(capsys, "check", "--config", config)[0] == 0
    assert run(capsys, "check", "--strict", "--config", config)[0] == 1
    (site / "docs/notes/x.md").write_text("---\ntitle: 제목\n---\n\n본문\n", encoding="utf-8")
    assert run(capsys, "check", "--strict", "--config", config)[:2] == (0, [])


def test_paths_limit_the_output_to_those_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path, BROKEN_NOTES)
    monkeypatch.chdir(site)
    status, lines, err = run(capsys, "check", "--strict", "docs/notes/unknown-key.md")
    assert [line.split(":")[0] for line in lines] == ["docs/notes/unknown-key.md"]
    assert status == 1
    assert "노트 3개" in err  # every note was still read, against the registries
    # A registry among the paths shows everything: its change concerns every note.
    (site / "docs/topics.yml").write_text("ai:\n  name: AI\n", encoding="utf-8")
    assert len(run(capsys, "check", "docs/notes/unknown-key.md", "docs/topics.yml")[1]) == 3
    assert len(run(capsys, "check", "mkdocs.yml")[1]) == 3
    # A file the check does not read is an error, never a silent pass.
    (site / "README.md").write_text("# 읽지 않는 파일\n", encoding="utf-8")
    assert run(capsys, "check", "README.md")[:2] == (1, [
        "README.md:1:1: error: is not a file under the docs folder 'docs/'; confnotes check "
        "reads notes and registry files there only."])
    assert run(capsys, "check", "docs/notes/gone.md")[:2] == (1, [
        "docs/notes/gone.md:1:1: error: there is no such file."])


def test_a_broken_registry_is_an_error_even_without_strict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {
        "docs/speakers.yml": "kai-fu-lee:\n  name_ko: 리카이푸\n",
        "docs/topics.yml": "ai:\n  name: [AI\n",
        "docs/notes/x.md": "---\ntitle: 제목\n---\n",
    })
    status, lines, err = run(capsys, "check", "--config", str(site / "mkdocs.yml"))
    assert status == 1
    assert lines == [
        "docs/speakers.yml:1:1: error: speaker 'kai-fu-lee' has no 'name:'.",
        "docs/topics.yml:2:9: error: not valid YAML: did not find expected ',' or ']'",
    ]
    assert "레지스트리 파일이 깨져" in err
    # Limiting the output to some notes never hides a broken registry.
    assert run(capsys, "check", "--config", str(site / "mkdocs.yml"),
               str(site / "docs/notes/x.md"))[:2] == (1, lines)


def test_registry_locations_come_from_mkdocs_yml(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {"docs/registry/people.yml": "x:\n  nam: X\n"})
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "!!python/object/apply" in text  # read without constructing it
    config.write_text(text.replace("speakers: speakers.yml", "speakers: registry/people.yml"),
                      encoding="utf-8")
    status, lines, _ = run(capsys, "check", "--config", str(config))
    assert status == 1
    assert lines == ["docs/registry/people.yml:1:1: error: speaker 'x' has no 'name:'."]
    config.write_text(text.replace("speakers: speakers.yml", "speakers: people.txt"),
                      encoding="utf-8")
    status, lines, _ = run(capsys, "check", "--config", str(config))
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "speakers: speakers.yml" in t)
    assert (status, lines) == (1, [f"mkdocs.yml:{line}:1: error: 'extra.confnotes.speakers' "
                                   "must name a .yml file under docs/, not 'people.txt'."])


def test_annotations_on_github_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path, {"docs/notes/a,b:c.md": "---\ntitle: 제목\n100%: x\n---\n"})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    status, lines, _ = run(capsys, "check", "--config", str(site / "mkdocs.yml"))
    assert lines == [
        "docs/notes/a,b:c.md:3:1: warning: unknown field '100%'; it is ignored.",
        "::warning file=docs/notes/a%2Cb%3Ac.md,line=3,col=1::unknown field '100%25'; "
        "it is ignored.",
    ]
    assert status == 0


def test_annotation_escaping_follows_github_rules() -> None:
    problem = Problem("docs/a,b:c%.md", 2, "50% done\r\nnext: a, b", 4, "error")
    assert check.annotation(problem) == (
        "::error file=docs/a%2Cb%3Ac%25.md,line=2,col=4::50%25 done%0D%0Anext: a, b")
    assert check.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # The plain line stays one line whatever the message holds.
    assert check.line(problem) == "docs/a,b:c%.md:2:4: error: 50% done next: a, b"


def test_a_missing_config_cannot_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, "check", "--config", str(tmp_path / "mkdocs.yml"))
    assert status == 1
    assert lines[0].endswith("error: mkdocs.yml not found; run this in the site's folder or "
                             "pass --config.")


# -- new: spelling, path, front matter, no overwrite ---------------------------------------


def registry_of(kind: str) -> Registry:
    name = {"speaker": "speakers.yml", "topic": "topics.yml", "event": "events.yml"}[kind]
    return load(kind, name, (ROOT / "docs" / name).read_bytes(), Report())  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "written"), [
    ("리카이푸", "Kai-Fu Lee"),
    ("kai fu lee", "Kai-Fu Lee"),
    ("Kaifu Lee", "Kai-Fu Lee"),
    ("리카이푸 (Sinovation Ventures 회장)", "Kai-Fu Lee (Sinovation Ventures 회장)"),
    ("lee kang-wook", "이강욱"),
])
def test_speakers_are_written_in_their_registered_spelling(typed: str, written: str) -> None:
    spelling = scaffold.spell(registry_of("speaker"), typed)
    assert (spelling.written, spelling.registered) == (written, True)


def test_close_names_get_a_suggestion_not_a_silent_change() -> None:
    speakers = registry_of("speaker")
    assert scaffold.spell(speakers, "Kai-Fu Le") == scaffold.Spelling(
        "Kai-Fu Le", "Kai-Fu Le", False, "Kai-Fu Lee")
    assert scaffold.spell(speakers, "이강옥").suggestion == "이강욱"
    assert scaffold.spell(speakers, "Lee Kai-Fu").suggestion == "Kai-Fu Lee"
    assert scaffold.spell(speakers, "홍길동").suggestion is None
    assert scaffold.spell(registry_of("topic"), "ai infra").written == "AI 인프라"
    assert scaffold.spell(registry_of("event"), "SK AI 서밋", as_id=True).written == (
        "sk-ai-summit-2024")


def test_new_note_from_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {}, samples=True)
    status, lines, err = run(
        capsys, "new", "--yes", "--config", str(site / "mkdocs.yml"),
        "--title", "Making AI Work: 생성형 AI 로드맵", "--event", "SK AI 서밋",
        "--date", "2024년 11월 5일", "--speaker", "리카이푸", "--speaker", "stephen balaban",
        "--topic", "ai infra", "--topic", "새 주제", "--author", "김노트")
    path = "docs/notes/2024/sk-ai-summit/making-ai-work-생성형-ai-로드맵.md"
    assert status == 0, err
    assert lines == [f"만들었습니다: {path}"]  # and the check of the new note printed nothing
    assert "'리카이푸' → 'Kai-Fu Lee'" in err
    post = frontmatter.load(site / path)
    assert post.metadata == {
        "title": "Making AI Work: 생성형 AI 로드맵", "date": dt.date(2024, 11, 5),
        "event": "sk-ai-summit-2024", "day": 2, "session": None,
        "speakers": ["Kai-Fu Lee", "Stephen Balaban"], "topics": ["AI 인프라", "새 주제"],
        "source": None, "lang": "ko", "authors": ["김노트"], "summary": None,
    }
    text = (site / path).read_text(encoding="utf-8")
    assert "\nsession:\n" in text and "## 핵심 내용" in text
    assert run(capsys, "check", "--strict", "--config", str(site / "mkdocs.yml"))[:2] == (0, [])


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {})
    args = ("new", "--yes", "--config", str(site / "mkdocs.yml"), "--title", "Same",
            "--date", "2025-01-02")
    assert run(capsys, *args)[0] == 0
    target = site / "docs/notes/2025/same.md"
    target.write_text("내가 쓴 노트\n", encoding="utf-8")
    status, _, err = run(capsys, *args)
    assert status == 1
    assert "docs/notes/2025/same.md 파일이 이미 있어 덮어쓰지 않습니다" in err
    assert target.read_text(encoding="utf-8") == "내가 쓴 노트\n"
    assert run(capsys, *args, "--slug", "same-2")[0] == 0
    assert (site / "docs/notes/2025/same-2.md").is_file()


def test_new_writes_any_title_as_valid_yaml(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {})
    title = '[패널] AI: 다음 10년, "#1" & <b>'
    status, lines, _ = run(capsys, "new", "--yes", "--config", str(site / "mkdocs.yml"),
                           "--title", title, "--date", "2025-03-01", "--lang", "en",
                           "--slug", "panel")
    assert (status, lines) == (0, ["만들었습니다: docs/notes/2025/panel.md"])
    post = frontmatter.load(site / "docs/notes/2025/panel.md")
    assert (post["title"], post["lang"]) == (title, "en")
    assert post.content.startswith("## Summary\n")


def test_new_needs_a_title_and_a_readable_date(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {})
    config = str(site / "mkdocs.yml")
    status, _, err = run(capsys, "new", "--yes", "--config", config)
    assert (status, err.strip()) == (1, "제목이 필요합니다: --title '...'")
    status, _, err = run(capsys, "new", "--yes", "--config", config, "--title", "T",
                         "--date", "어제")
    assert status == 1 and "날짜 '어제'를 읽지 못했습니다" in err
    assert not (site / "docs/notes").exists()


def test_new_asks_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {}, samples=True)
    answers = [
        "sk ai summit 2024",        # 행사
        "AI 에이전트 패널",           # 제목
        "",                         # 날짜: the event's first day
        "Kai-Fu Le", "y",           # 발표자: close to a registered name, accept it
        "오혜연 교수 (KAIST)",
        "",
        "ai agents, 에이전트 평가",     # 주제
        "",                         # 언어: ko
        "박메모",                     # 작성자
        "",                         # 만들까요? yes
    ]
    status, lines, err = run(capsys, "new", "--config", str(site / "mkdocs.yml"),
                             answers=answers)
    assert status == 0, err
    path = site / "docs/notes/2024/sk-ai-summit/ai-에이전트-패널.md"
    assert lines == ["만들었습니다: docs/notes/2024/sk-ai-summit/ai-에이전트-패널.md"]
    meta = frontmatter.load(path).metadata
    assert meta["date"] == dt.date(2024, 11, 4) and meta["day"] == 1
    assert meta["speakers"] == ["Kai-Fu Lee", "오혜연 교수 (KAIST)"]
    assert meta["topics"] == ["AI 에이전트", "에이전트 평가"]
    assert meta["authors"] == ["박메모"]


def test_new_stops_when_input_ends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {})
    status, _, err = run(capsys, "new", "--config", str(site / "mkdocs.yml"), answers=[""])
    assert status == 1 and "그만두었습니다" in err
    assert not (site / "docs/notes").exists()


def test_a_new_note_builds_without_warnings_and_links_to_its_source(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "draft", {}, samples=True)
    status, _, _ = run(capsys, "new", "--yes", "--config", str(site / "mkdocs.yml"),
                       "--title", "새 노트", "--event", "sk-ai-summit-2024",
                       "--speaker", "리카이푸", "--topic", "HBM", "--slug", "new-note")
    assert status == 0
    rel = "notes/2024/sk-ai-summit/new-note.md"
    built = build_site(tmp_path / "build", {rel: (site / "docs" / rel).read_text("utf-8")},
                       samples=True, strict=True)
    assert built.returncode == 0, built.log
    assert built.warnings == []
    page = built.html("notes/2024/sk-ai-summit/new-note/")
    assert page.h1 is not None and page.h1.get_text(strip=True) == "새 노트"
    assert any(note["path"] == rel for note in built.data("notes"))
    # The published schemas, and no link that would make the browser call the GitHub API.
    assert sorted(p.name for p in (built.site / "schemas").iterdir()) == [
        "events.schema.json", "note.schema.json", "orgs.schema.json", "speakers.schema.json",
        "topics.schema.json"]
    assert 'data-md-component="source"' not in (built.site / "index.html").read_text("utf-8")
    edit = page.select_one('a[rel="edit"]')
    features = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\nnav:")[0])
    if "content.action.edit" not in features["theme"]["features"]:
        pytest.xfail("Material shows the edit link only with theme.features: content.action.edit")
    assert edit is not None
    assert edit["href"] == f"https://github.com/confnotes/confnotes/edit/main/docs/{rel}"
    assert built.html("speakers/kai-fu-lee/").select_one('a[rel="edit"]') is None
    assert built.html("").select_one('a[rel="edit"]') is None


# -- new-site ------------------------------------------------------------------------------


def test_new_site_leaves_an_empty_site_that_builds_strict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {}, samples=True)
    config = str(site / "mkdocs.yml")
    status, _, _ = run(capsys, "new-site", "--config", config, answers=["n"])
    assert status == 1 and len(list((site / "docs/notes").rglob("*.md"))) == SAMPLE_NOTES
    status, lines, _ = run(capsys, "new-site", "--yes", "--config", config)
    assert status == 0
    assert lines[0].startswith(f"지웠습니다: 노트 {SAMPLE_NOTES}개, 그림 ")
    assert lines[0].endswith("비운 레지스트리: docs/events.yml, docs/orgs.yml, docs/speakers.yml, "
                             "docs/topics.yml")
    assert not (site / "docs/notes").exists()
    assert not (site / "docs/assets/avatars").exists()
    speakers = (site / "docs/speakers.yml").read_text(encoding="utf-8")
    assert speakers.startswith("# yaml-language-server: $schema=schemas/speakers.schema.json\n")
    assert yaml.safe_load(speakers) is None
    assert (site / "docs/schemas/note.schema.json").is_file()
    assert run(capsys, "check", "--strict", "--config", config)[:2] == (0, [])
    built = build_site(site, strict=True)
    assert built.returncode == 0, built.log
    assert built.warnings == []
    assert built.data("notes") == []


# -- the installed command -----------------------------------------------------------------


def test_the_console_script_is_installed() -> None:
    command = Path(sys.executable).parent / "confnotes"
    if not command.is_file():
        pytest.fail("no .venv/bin/confnotes: `make` installs it (pip install --no-deps -e .)")
    result = subprocess.run([str(command), "check", "--strict"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    result = subprocess.run([sys.executable, "-m", "confnotes", "check", "--help"], cwd=ROOT,
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0 and "--strict" in result.stdout


def test_explain_says_what_was_understood_and_from_where(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path, {
        "docs/notes/day1.md": "---\ntitle: Deview2015 1일차\npub_date: '2015-09-20'\n---\n"
                              "2015년 9월 14일 개최된 DEVIEW 2015\n\n"
                              "### 검색 다시 보기 (한도윤 | 예시랩)\n본문\n"
                              "### 배치 작업 - 문서진\n본문\n"})
    status, out, _ = run(capsys, "explain", str(root / "docs/notes/day1.md"),
                         "--config", str(root / "mkdocs.yml"))
    assert status == 0
    assert out[:9] == [
        "docs/notes/day1.md",
        "  제목    Deview2015 1일차",
        "  날짜    2015-09-14 (line 5)",
        "  글 쓴 날 2015-09-20",
        "  행사    DEVIEW 2015 (title; series deview)",
        "  발표 2개",
        "    1. 검색 다시 보기 (line 7)",
        "       한도윤 — 예시랩 (line 7)",
        "    2. 배치 작업 (line 9)",
    ]
    status, _, err = run(capsys, "explain", "/etc/passwd", "--config", str(root / "mkdocs.yml"))
    assert status == 2 and "노트가 아닙니다" in err
