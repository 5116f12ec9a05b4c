"""What small hostile inputs cost: each case of issue 12's table at three doubling sizes.

Each run is a fresh process on a fresh site (the repository's mkdocs.yml, hooks and templates,
one hostile note or picture): `confnotes check` for what reading costs, `mkdocs build` for
what the site costs. For each run: wall seconds, the process's peak memory (MB), and for builds
the size of site/ and of its feeds. A case passes when its largest size takes under 5 s and
500 MB, and each doubling of the input at most doubles the time spent above an empty site's
(with a little room for noise). Time is judged as CPU seconds (user and system, the card-drawing
process included): on a machine shared with other work, wall seconds vary by several seconds
from run to run; both are printed.

Usage: python bench/hostile.py [--only NAME ...] [--timeout 120] [--json out.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.site.merged_pr import gif, word  # noqa: E402  (the site test's GIF)

LIMIT_SECONDS = 5.0
LIMIT_MB = 500.0
NOISE_SECONDS = 0.3    # differences smaller than this are start-up jitter, not growth
REPEAT_BELOW = 10.0    # runs faster than this are made twice

Docs = dict[str, str | bytes]


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    command: str                      # "check" or "build"
    sizes: tuple[int, int, int]
    make: Callable[[int], Docs]
    unit: str = ""


def _note(front: str, body: str = "본문\n") -> str:
    return f"---\n{front}---\n{body}"


def _look_alikes(count: int) -> Docs:
    """`count` names that all meet under one look-alike key: one root, each with one more
    character of its own (deleting it gives the root back), fifty names a note."""
    names = [f"이강욱{chr(0x4E00 + n)}" for n in range(count)]
    per_note = 50
    return {f"notes/people-{n}.md": _note(
        f"title: 사람들 {n}\nspeakers: [{', '.join(names[n * per_note:(n + 1) * per_note])}]\n")
        for n in range((count + per_note - 1) // per_note)}


def _summary(kilobytes: int) -> Docs:
    speakers = ", ".join(f"발표자{n}" for n in range(20))
    topics = ", ".join(f"주제{n}" for n in range(20))
    text = ("요약 문장입니다. " * (kilobytes * 1024 // 24))[: kilobytes * 1024 // 3]
    return {"notes/long-summary.md": _note(
        f"title: 긴 요약\ndate: 2024-11-04\nspeakers: [{speakers}]\ntopics: [{topics}]\n"
        f"summary: {text}\n")}


CASES = [
    Case("star-a", "a line of ' *a' repeated (the body's plain-text step)", "check",
         (60, 120, 240), lambda kb: {"notes/stars.md": "# 별\n\n" + " *a" * (kb * 1024 // 3)},
         "KB"),
    Case("speaker-parens", "'발표자: ' and '(' × n", "check", (20_000, 40_000, 80_000),
         lambda n: {"notes/parens.md": "# 괄호\n\n발표자: " + "(" * n + "\n"}, "chars"),
    Case("heading-spaces", "'# a', many spaces, 'b'", "check", (20_000, 40_000, 80_000),
         lambda n: {"notes/spaces.md": "# a" + " " * n + "b\n"}, "spaces"),
    Case("person-items", "n list items 'Title - [Name](profile)' with an unknown given name",
         "check", (2_000, 4_000, 8_000),
         lambda n: {"notes/items.md": "## 목록\n\n" + "- t - [Ivy Lin](https://x.example/in/y/)\n"
                    * n}, "items"),
    Case("look-alikes", "look-alike check over distinct names", "check", (500, 1_000, 2_000),
         _look_alikes, "names"),
    Case("long-name", "one name of n syllables", "check", (5_000, 10_000, 20_000),
         lambda n: {"notes/long-name.md": _note(f"title: 긴 이름\nspeakers: [{'가' * n}]\n")},
         "syllables"),
    Case("many-speakers", "one note naming n speakers", "build", (500, 1_000, 2_000),
         lambda n: {"notes/crowd.md": _note(
             f"title: 군중\nspeakers: [{', '.join(f'Speaker {i}' for i in range(n))}]\n")},
         "speakers"),
    Case("many-topics", "one note with n topics", "build", (1_000, 2_000, 4_000),
         lambda n: {"notes/tags.md": _note(
             f"title: 태그\ntopics: [{', '.join(word(i) for i in range(n))}]\n")},
         "topics"),
    Case("gif-frames", "a GIF of n frames on 8000×8000", "build", (250, 500, 1_000),
         lambda n: {"notes/anim.md": "# 움짤\n\n![](anim.gif)\n",
                    "notes/anim.gif": gif(n, 8000, 8000)},
         "frames"),
    Case("long-summary", "a summary of n KB, 20 topics and 20 speakers", "build",
         (256, 512, 1_024), _summary, "KB"),
]


@dataclass
class Run:
    seconds: float
    cpu: float                      # user + system seconds, its own processes included
    megabytes: float
    status: int | str
    site_mb: float | None = None
    feeds_mb: float | None = None


def _site(root: Path, docs: Docs) -> None:
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "templates"):
        shutil.copytree(ROOT / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name, content in docs.items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def _size(folder: Path, pattern: str = "*") -> float:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file()) / 1e6


def measure(command: str, docs: Docs, timeout: float, work: Path) -> Run:
    root = work / f"site-{time.monotonic_ns()}"
    _site(root, docs)
    if command == "check":
        argv = [str(Path(sys.executable).parent / "confnotes"), "check"]
    else:
        argv = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", "site"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "CONFNOTES_CACHE_DIR": str(root / ".cache")}
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=root, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = start + timeout
    status: int | str = "timeout"
    usage = None
    while time.perf_counter() < deadline:
        pid, code, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(code)
            break
        time.sleep(0.02)
    else:
        process.kill()
        _, _, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime if usage else 0.0
    run = Run(seconds, cpu, usage.ru_maxrss / 1024 if usage else 0.0, status)
    if command == "build" and (root / "site").is_dir():
        run.site_mb = _size(root / "site")
        run.feeds_mb = _size(root / "site", "feed.*")
    shutil.rmtree(root, ignore_errors=True)
    return run


def judge(case: Case, runs: list[Run], empty: Run) -> tuple[bool, str]:
    last = runs[-1]
    if any(not isinstance(r.status, int) for r in runs):
        return False, "timed out"
    if last.cpu >= LIMIT_SECONDS or last.megabytes >= LIMIT_MB:
        return False, f"largest over {LIMIT_SECONDS:.0f} s or {LIMIT_MB:.0f} MB"
    above = [max(0.0, r.cpu - empty.cpu) for r in runs]
    for small, large in itertools.pairwise(above):
        if large > NOISE_SECONDS and large > 2.5 * small + NOISE_SECONDS:
            return False, "grows faster than its input"
    return True, "linear, within limits"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="case names (default: all)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds before a run is stopped and counted as failed")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    cases = [c for c in CASES if not args.only or c.name in args.only]
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="confnotes-hostile-") as tmp:
        work = Path(tmp)
        plain: Docs = {"notes/plain.md": "# 평범한 노트\n"}
        empty = {kind: min(measure(kind, plain, args.timeout, work),
                           measure(kind, plain, args.timeout, work), key=lambda r: r.cpu)
                 for kind in ("check", "build")}
        for kind, run in empty.items():
            print(f"empty site, {kind}: {run.seconds:.2f} s, {run.cpu:.2f} s CPU, "
                  f"{run.megabytes:.0f} MB")
        print(f"{'case':<16} {'size':>14} {'seconds':>8} {'CPU s':>6} {'MB':>6} {'site MB':>8} "
              f"{'feeds MB':>8}  verdict")
        failed = 0
        for case in cases:
            runs = []
            for size in case.sizes:
                run = measure(case.command, case.make(size), args.timeout, work)
                if run.cpu < REPEAT_BELOW:
                    # Builds draw cards in a second process and write many small files: on
                    # two cores their time varies by a second or more. The faster of two runs.
                    again = measure(case.command, case.make(size), args.timeout, work)
                    run = min(run, again, key=lambda r: r.cpu)
                runs.append(run)
                site = f"{run.site_mb:8.1f}" if run.site_mb is not None else f"{'':>8}"
                feeds = f"{run.feeds_mb:8.2f}" if run.feeds_mb is not None else f"{'':>8}"
                status = "" if run.status == 0 else f" (exit {run.status})"
                print(f"{case.name:<16} {size:>8,} {case.unit:<5} {run.seconds:8.2f} "
                      f"{run.cpu:6.2f} {run.megabytes:6.0f} {site} {feeds}{status}", flush=True)
            ok, verdict = judge(case, runs, empty[case.command])
            failed += not ok
            print(f"{'':<16} {case.what}: {'PASS' if ok else 'FAIL'}, {verdict}", flush=True)
            results.append({"case": case.name, "what": case.what, "command": case.command,
                            "unit": case.unit, "pass": ok, "verdict": verdict,
                            "runs": [{"size": s, **vars(r)} for s, r in
                                     zip(case.sizes, runs, strict=True)]})
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
