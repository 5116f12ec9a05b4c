"""The `confnotes` command: check notes, start a note, start a site of your own.

    confnotes check [--strict] [FILE ...]   problems of every note, as path:line:column lines
    confnotes explain [FILE ...]            what was understood of each note, and from where
    confnotes import SRC [--to notes/...]   another generator's posts as notes, to review
    confnotes new [--title ...] [--yes]     a note at docs/notes/<year>/<event>/<slug>.md
    confnotes new-site [--yes]              remove the sample notes and registry entries
    confnotes schemas                       write docs/schemas/*.json for editors

Wiring only: the work is done in check.py, explain.py, migrate.py, scaffold.py and schema.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import TextIO

from . import check, collect, explain, index, migrate, registry, scaffold, schema, sources
from .dates import parse_date
from .messages import Problem, Report
from .model import SECTION, Kind, Term
from .registry import Registry
from .settings import Settings, SettingsError, read_settings

Ask = Callable[[str], str | None]   # a prompt -> the answer, None when input has ended
LANGS = ("ko", "en")


class Abort(Exception):
    """The person stopped answering (end of input) or said no."""


def main(argv: Sequence[str] | None = None, ask: Ask | None = None) -> int:
    """Run one command; the exit status (0 fine, 1 problems found, 2 cannot run)."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args, ask or _ask)
        return status
    except SettingsError as exc:
        _print_problems(exc.problems, sys.stderr)
        return 2
    except Abort as exc:
        print(str(exc) or "그만두었습니다.", file=sys.stderr)
        return 1
    except sources.OutsideDocs as exc:
        print(f"{exc}: 문서 폴더 밖에는 쓰거나 지우지 않습니다. 링크를 없애고 다시 하세요.",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\n그만두었습니다.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="confnotes", description="Confnotes: 컨퍼런스 노트 "
                                     "사이트의 노트 검사와 새 노트 만들기.")
    commands = parser.add_subparsers(title="명령", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[..., int], text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--config", type=Path, help="mkdocs.yml (기본: 이 폴더나 위 폴더의 것)")
        sub.add_argument("--docs-dir", type=Path, help="노트 폴더 (기본: mkdocs.yml의 docs_dir)")
        sub.set_defaults(run=run)
        return sub

    sub = command("check", _check, "모든 노트와 레지스트리를 빌드 없이 검사합니다.")
    sub.add_argument("paths", nargs="*", type=Path, metavar="FILE",
                     help="이 파일들의 문제만 보입니다 (레지스트리는 늘 읽습니다)")
    sub.add_argument("--strict", action="store_true",
                     help="경고가 있어도 실패합니다 (mkdocs build --strict 처럼)")

    sub = command("explain", _explain, "노트마다 무엇을 읽었는지(제목, 날짜, 행사, 발표와 "
                  "발표자, 주제)와 그 출처 줄을 보입니다.")
    sub.add_argument("paths", nargs="*", type=Path, metavar="FILE",
                     help="이 노트들만 (기본: 모든 노트)")

    sub = command("import", _import, "다른 생성기(Jekyll, Hugo, ...)의 글을 노트로 가져옵니다. "
                  "머리말을 Confnotes 키로 바꾸고 읽어 낸 날짜, 행사, 발표자를 적어 둡니다; "
                  "본문은 그대로 둡니다.")
    sub.add_argument("src", type=Path, metavar="SRC", help="가져올 글의 폴더나 파일")
    sub.add_argument("--to", default="notes", help="docs/ 아래 넣을 폴더 (기본: notes)")
    sub.add_argument("--dry-run", action="store_true", help="쓰지 않고 무엇을 할지만 보입니다")

    sub = command("new", _new, "새 노트를 관례에 맞는 위치에 만듭니다.")
    sub.add_argument("--title", help="제목")
    sub.add_argument("--event", help="행사 id, 이름 또는 별칭")
    sub.add_argument("--date", help="날짜 (2024-11-04)")
    sub.add_argument("--speaker", action="append", default=[], help="발표자 (여러 번 쓸 수 있음)")
    sub.add_argument("--topic", action="append", default=[], help="주제 (여러 번 쓸 수 있음)")
    sub.add_argument("--lang", choices=LANGS, help="노트의 언어 (기본: ko)")
    sub.add_argument("--session", help="세션 이름")
    sub.add_argument("--source", help="원본 주소 (https://...)")
    sub.add_argument("--author", action="append", default=[], help="노트를 쓴 사람")
    sub.add_argument("--slug", help="파일 이름 (기본: 제목에서 만듭니다)")
    sub.add_argument("--yes", "-y", action="store_true",
                     help="묻지 않고 주어진 값과 기본값으로 만듭니다")

    sub = command("new-site", _new_site,
                  "샘플 노트와 레지스트리 항목을 지워 내 사이트를 시작합니다.")
    sub.add_argument("--yes", "-y", action="store_true", help="확인하지 않고 지웁니다")

    sub = command("schemas", _schemas, "편집기용 JSON Schema를 docs/schemas/에 씁니다.")
    sub.add_argument("--out", type=Path, help="쓸 폴더 (기본: docs/schemas)")
    return parser


def _ask(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


# -- check ---------------------------------------------------------------------------------


def _check(args: argparse.Namespace, _: Ask) -> int:
    started = time.perf_counter()
    try:
        settings = read_settings(args.config, args.docs_dir)
    except SettingsError as exc:
        outcome = check.Outcome(exc.problems, 0)
    else:
        outcome = check.run(settings, args.paths)
    _print_problems(outcome.problems, sys.stdout)
    elapsed = time.perf_counter() - started
    if outcome.registries_broken:
        print("레지스트리 파일이 깨져 노트는 읽지 못했습니다. 위의 오류부터 고치세요.",
              file=sys.stderr)
    print(f"confnotes check: 노트 {outcome.notes}개, 오류 {outcome.errors}개, "
          f"경고 {outcome.warnings}개 ({elapsed:.2f}초)", file=sys.stderr)
    return outcome.exit_status(args.strict)


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(check.line(problem), file=out)
        if github:
            print(check.annotation(problem), file=out)


# -- explain, import --------------------------------------------------------------------------


def _explain(args: argparse.Namespace, _: Ask) -> int:
    settings = read_settings(args.config, args.docs_dir)
    registries = _registries_or_say(settings, "")
    if registries is None:
        return 1
    docs = settings.docs_dir.resolve()
    wanted: list[str] = []
    for path in args.paths or []:
        resolved = path.resolve()
        if docs not in resolved.parents or not resolved.is_file():
            print(f"{path}: {settings.from_root('')} 안의 노트가 아닙니다.", file=sys.stderr)
            return 2
        wanted.append(resolved.relative_to(docs).as_posix())
    paths = wanted or [p for p in collect.markdown_files(settings.docs_dir) if collect.is_note(p)]
    report = Report()
    raws = [collect.read_note(p, (settings.docs_dir / p).read_bytes(), report) for p in paths]
    report.report_unknown_keys()
    site = index.build(raws, {r.path: collect.note_url(r.path) for r in raws}, registries, report)
    for line in explain.explain(raws, site, settings.from_root):
        print(line)
    _print_problems(check.located(report.problems, settings), sys.stdout)
    return 0


def _import(args: argparse.Namespace, _: Ask) -> int:
    settings = read_settings(args.config, args.docs_dir)
    src: Path = args.src
    if not src.exists():
        print(f"{src}: 없는 경로입니다.", file=sys.stderr)
        return 2
    notes = PurePosixPath(str(args.to).strip("/") or "notes")
    if ".." in notes.parts or notes.is_absolute():
        print(f"--to {args.to}: docs/ 안의 폴더를 주세요.", file=sys.stderr)
        return 2
    found = migrate.posts(src)
    results = migrate.run(found, src if src.is_dir() else src.parent, settings.docs_dir, notes,
                          write=not args.dry_run)
    labels = {"written": "가져옴" if not args.dry_run else "가져올 것", "unchanged": "그대로",
              "exists": "건너뜀 (이미 있고 내용이 다릅니다)"}
    for item in results:
        undecided = f"  — 못 정한 것: {', '.join(item.undecided)}" if item.undecided else ""
        print(f"{settings.from_root(item.target)}: {labels[item.status]}{undecided}")
    written = sum(r.status == "written" for r in results)
    print(f"confnotes import: 글 {len(results)}개 중 {written}개 "
          f"{'가져왔습니다' if not args.dry_run else '가져올 수 있습니다'}. 확인: make check, "
          "make serve", file=sys.stderr)
    return 0


# -- new -----------------------------------------------------------------------------------


def _new(args: argparse.Namespace, ask: Ask) -> int:
    settings = read_settings(args.config, args.docs_dir)
    registries = _registries_or_say(
        settings, "레지스트리 파일이 깨져 있어 노트를 만들지 않았습니다.")
    if registries is None:
        return 1
    interview = _Interview(registries, ask, sys.stderr, interactive=not args.yes,
                           files={k: settings.from_root(p) for k, p in settings.registries.items()})
    draft, event = interview.draft(args)
    path = scaffold.note_path(draft, event, dt.date.today(), args.slug)
    shown = settings.from_root(path)
    exists = f"{shown} 파일이 이미 있어 덮어쓰지 않습니다. --slug 로 다른 이름을 주세요."
    if (settings.docs_dir / path).exists():
        raise Abort(exists)
    if not args.yes and not interview.confirm(f"{shown} 에 만들까요?", default=True):
        raise Abort()
    try:
        scaffold.write_note(settings.docs_dir, path, scaffold.render(draft))
    except FileExistsError:  # written by someone else since the question
        raise Abort(exists) from None
    print(f"만들었습니다: {shown}")
    outcome = check.run(settings, [settings.docs_dir / path])
    _print_problems(outcome.problems, sys.stdout)
    print("미리보기: make serve (http://127.0.0.1:8000/" + collect.note_url(path) + ")",
          file=sys.stderr)
    return 0


def _registries_or_say(settings: Settings, why: str) -> dict[Kind, Registry] | None:
    """The registries, or None after printing what is broken in them (and `why` it matters)."""
    try:
        return _registries(settings)
    except registry.RegistryError as exc:
        _print_problems(check.located(exc.problems, settings), sys.stderr)
        if why:
            print(why, file=sys.stderr)
        return None


def _registries(settings: Settings) -> dict[Kind, Registry]:
    readable = set(sources.walk(settings.docs_dir).files)

    def read(rel: str) -> bytes | None:
        return (settings.docs_dir / rel).read_bytes() if rel in readable else None
    return collect.read_registries(read, settings.registries, Report())


class _Interview:
    """Asks for what the flags did not give (when interactive) and spells names as registered."""

    def __init__(self, registries: dict[Kind, Registry], ask: Ask, out: TextIO,
                 interactive: bool, files: dict[Kind, str] | None = None) -> None:
        self.registries, self.ask, self.out = registries, ask, out
        self.interactive = interactive
        self.files = files or {}

    def draft(self, args: argparse.Namespace) -> tuple[scaffold.Draft, Term | None]:
        event_text = args.event
        if event_text is None and self.interactive:
            event_text = self._line("행사 (id나 이름, 없으면 Enter): ")
        event_name = self._spell("event", event_text) if event_text else None
        events = self.registries["event"]
        event = events.terms.get(events.find(event_name) or "") if event_name else None

        title = args.title or (self._required("제목: ") if self.interactive else None)
        if not title:
            raise Abort("제목이 필요합니다: --title '...'")

        default_date = (event.start if event and event.start else None) or dt.date.today()
        date = self._date(args.date, default_date)

        speakers = [self._spell("speaker", s) for s in args.speaker]
        if not args.speaker and self.interactive:
            speakers = self._many("발표자 (한 명씩, '이름 (소속 직함)'도 됩니다; 끝나면 Enter): ",
                                  lambda typed: self._spell("speaker", typed))
        topics = [self._spell("topic", t) for t in args.topic]
        if not args.topic and self.interactive:
            answer = self._line("주제 (쉼표로 나눠서, 없으면 Enter): ")
            topics = [self._spell("topic", t) for t in answer.split(",") if t.strip()]
        lang = args.lang or (self._choice("언어", LANGS) if self.interactive else "ko")
        authors = args.author or ([a.strip() for a in self._line(
            "작성자 (노트를 쓴 사람, 쉼표로 나눠서, 없으면 Enter): ").split(",") if a.strip()]
            if self.interactive else [])
        draft = scaffold.Draft(
            title=title.strip(), date=date, event=event_name,
            day=scaffold.event_day(event, date), session=args.session, speakers=speakers,
            topics=topics, source=args.source, lang=lang, authors=authors)
        return draft, event

    def confirm(self, question: str, default: bool) -> bool:
        if not self.interactive:
            return default
        hint = "[Y/n]" if default else "[y/N]"
        answer = self.ask(f"{question} {hint} ")
        if answer is None:
            raise Abort()
        answer = answer.strip().casefold()
        return default if not answer else answer in ("y", "yes", "예", "네", "ㅇ")

    def _spell(self, kind: Kind, typed: str) -> str:
        """The registered spelling when there is one; asks about a close one when interactive."""
        spelling = scaffold.spell(self.registries[kind], typed, as_id=kind == "event")
        where = self.files.get(kind, f"docs/{SECTION[kind]}.yml")
        if spelling.registered:
            if spelling.written != spelling.typed:
                print(f"  '{spelling.typed}' → '{spelling.written}' ({where}에 등록된 표기)",
                      file=self.out)
            return spelling.written
        if spelling.suggestion:
            question = (f"  '{spelling.typed}'는 등록되지 않았고 등록된 '{spelling.suggestion}'와 "
                        "비슷합니다. 등록된 표기를 쓸까요?")
            if self.interactive and self.confirm(question, default=True):
                return spelling.suggestion
            if not self.interactive:
                print(f"  참고: '{spelling.typed}'는 등록된 '{spelling.suggestion}'와 비슷합니다. "
                      f"같은 것이면 그 표기를 쓰거나 {where}의 aliases에 더하세요.", file=self.out)
        elif self.registries[kind].terms:
            print(f"  '{spelling.typed}'는 {where}에 없습니다. 그대로 씁니다 (등록은 선택).",
                  file=self.out)
        return spelling.typed

    def _date(self, given: str | None, default: dt.date) -> dt.date:
        text = given
        while True:
            if text is None and self.interactive:
                text = self._line(f"날짜 [{default.isoformat()}]: ") or default.isoformat()
            if text is None:
                return default
            parsed = parse_date(text)
            if parsed is not None:
                return parsed
            if not self.interactive or given is not None:
                raise Abort(f"날짜 '{text}'를 읽지 못했습니다. 2024-11-04 처럼 쓰세요.")
            print("  2024-11-04 처럼 쓰세요.", file=self.out)
            text = None

    def _choice(self, label: str, choices: Sequence[str]) -> str:
        while True:
            answer = self._line(f"{label} ({'/'.join(choices)}) [{choices[0]}]: ").casefold()
            if not answer:
                return choices[0]
            if answer in choices:
                return answer
            print(f"  {', '.join(choices)} 중 하나를 쓰세요.", file=self.out)

    def _many(self, prompt: str, spell: Callable[[str], str]) -> list[str]:
        """Answers until an empty one, each spelled as soon as it is typed (so a question
        about it comes right after it)."""
        found: list[str] = []
        while answer := self._line(prompt if not found else "  다음 (끝나면 Enter): "):
            found.append(spell(answer))
        return found

    def _required(self, prompt: str) -> str:
        while not (answer := self._line(prompt)):
            print("  비워 둘 수 없습니다.", file=self.out)
        return answer

    def _line(self, prompt: str) -> str:
        answer = self.ask(prompt)
        if answer is None:
            raise Abort("입력이 끝나 그만두었습니다.")
        return answer.strip()


# -- new-site, schemas ---------------------------------------------------------------------


def _new_site(args: argparse.Namespace, ask: Ask) -> int:
    settings = read_settings(args.config, args.docs_dir)
    try:
        registries = _registries(settings)
    except registry.RegistryError:
        # Broken or not, the registries are about to be emptied; only avatars stay behind.
        registries = {kind: Registry(kind) for kind in settings.registries}
    notes = [p for p in collect.markdown_files(settings.docs_dir) if collect.is_note(p)]
    print(f"노트 {len(notes)}개를 지우고 레지스트리 {len(settings.registries)}개"
          f"({', '.join(sorted(settings.registries.values()))})를 비웁니다.", file=sys.stderr)
    if not args.yes:
        interview = _Interview({}, ask, sys.stderr, interactive=True)
        if not interview.confirm("계속할까요?", default=False):
            raise Abort()
    emptied = scaffold.empty_site(settings, registries)
    print(f"지웠습니다: 노트 {len(emptied.notes)}개, 그림 {len(emptied.files)}개. 비운 레지스트리: "
          f"{', '.join(settings.from_root(p) for p in emptied.registries)}")
    print(f"이제 {settings.config.name}에서 site_name, site_description, site_url, repo_url, "
          "repo_name, edit_uri 를 내 사이트에 맞게 바꾸세요 "
          "(README.md의 '내 노트 사이트 시작하기').")
    return 0


def _schemas(args: argparse.Namespace, _: Ask) -> int:
    settings = read_settings(args.config, args.docs_dir)
    for path in schema.write(args.out or settings.docs_dir / "schemas"):
        print(Path(os.path.relpath(path, Path.cwd())).as_posix())
    return 0

