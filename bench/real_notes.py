"""How well Confnotes reads real notes: build a copy of the site with a folder of other
people's notes added, then score what the export says against gold annotations.

The development set lives outside the repository (`../shared/real-notes`: notes, gold.json,
score.py); nothing of it is committed. Without it this prints a line saying so and exits 0.

Prints the scorer's lines (one per note with a problem, then the figures), and the build's
warnings counted by kind, so that a change can be judged by both: more found, fewer wrongly
warned. `--keep DIR` leaves the built site there to look at.

Usage: .venv/bin/python bench/real_notes.py [--set ../shared/real-notes] [--keep DIR] [-v]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PREFIX = "zz-real"
_WARNING = re.compile(r"^WARNING\s+-\s+(.*)$")


def tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True)
    return [p for p in out.stdout.decode().split("\0") if p]


def copy_site(dest: Path, notes: Path) -> None:
    for rel in tracked_files():
        src = REPO / rel
        if src.is_file():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    shutil.copytree(notes, dest / "docs" / PREFIX)


def warning_kinds(lines: list[str]) -> collections.Counter[str]:
    """Warnings about the real notes, grouped by what they say (file and quoted text dropped)."""
    kinds: collections.Counter[str] = collections.Counter()
    for line in lines:
        m = _WARNING.match(line)
        if not m or PREFIX not in m.group(1):
            continue
        text = re.sub(r"^Doc file '[^']*'(?:, line \d+(?:, column \d+)?)?:\s*", "", m.group(1))
        text = re.sub(r"'[^']*'", "'…'", text)
        kinds[text[:110]] += 1
    return kinds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(REPO.parent / "shared" / "real-notes"),
                        help="folder with notes/, gold.json and score.py")
    parser.add_argument("--scorer", help="score.py to use (default: the one in --set)")
    parser.add_argument("--keep", help="build into this folder and leave it")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every warning")
    args = parser.parse_args(argv)
    dev = Path(args.set)
    scorer = Path(args.scorer) if args.scorer else dev / "score.py"
    if not scorer.is_file() or not (dev / "gold.json").is_file():
        print(f"real notes: no development set at {dev}; skipped")
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="confnotes-real-"))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    try:
        copy_site(work, dev / "notes")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CONFNOTES_SIDE_PROCESS="0")
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(work / "site")],
            cwd=work, env=env, capture_output=True, text=True)
        log = (build.stdout + build.stderr).splitlines()
        if build.returncode != 0:
            print("\n".join(log[-30:]))
            print("real notes: the build failed")
            return 1
        kinds = warning_kinds(log)
        print(f"warnings about the real notes: {sum(kinds.values())}")
        for text, count in kinds.most_common(None if args.verbose else 12):
            print(f"  {count:4d}  {text}")
        if args.verbose:
            for line in log:
                if PREFIX in line:
                    print(line)
        score = subprocess.run(
            [sys.executable, str(scorer), str(work / "site" / "data"),
             str(dev / "gold.json"), PREFIX + "/"], capture_output=True, text=True)
        print(score.stdout, end="")
        print(score.stderr, end="", file=sys.stderr)
        return score.returncode
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
