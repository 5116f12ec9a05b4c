"""Where a Confnotes build spends its time: the hooks' own work, measured inside one build.

Runs `mkdocs build` in this process on a generated corpus and times each MkDocs event the
hooks answer, plus the generated pages (speaker/topic/event/index pages) separately from
notes. `side_process_s` is the work a second process did beside the build (the export,
feeds and calendars of a site of 300 notes or more): moved off the build's thread, not gone.
Usage: python bench/hooks_time.py --notes 1000 [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402


def measure(workdir: Path) -> dict[str, Any]:
    from mkdocs.commands import build as mkbuild
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    seconds: defaultdict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - start
                counts[name] += 1
        return run

    populate, render = mkbuild._populate_page, mkbuild._build_page

    def populate_page(page: Any, *args: Any, **kwargs: Any) -> Any:
        kind = "generated" if page.file.generated_by else "note"
        return timed(f"populate {kind} pages", populate)(page, *args, **kwargs)

    def build_page(page: Any, *args: Any, **kwargs: Any) -> Any:
        kind = "generated" if page.file.generated_by else "note"
        return timed(f"render {kind} pages", render)(page, *args, **kwargs)

    run_event = PluginCollection.run_event

    def event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        return timed(f"event {name}", run_event)(self, name, item, **kwargs)

    mkbuild._populate_page = populate_page
    mkbuild._build_page = build_page
    PluginCollection.run_event = event  # type: ignore[method-assign]
    os.chdir(workdir)
    config = load_config("mkdocs.yml", site_dir=str(workdir / "site"))
    start = time.perf_counter()
    timed("build", mkbuild.build)(config)
    total = time.perf_counter() - start
    hooks = sum(seconds[k] for k in ("event files", "event env", "event post_build",
                                     "populate generated pages", "render generated pages"))
    return {"total_s": round(total, 2), "hooks_own_s": round(hooks, 2),
            "hooks_share": round(hooks / total, 3),
            "parts": {k: {"s": round(v, 3), "calls": counts[k]}
                      for k, v in sorted(seconds.items())}}


def built_confnotes() -> Any:
    """The Confnotes object of hooks/main.py as the last build left it, or None."""
    for module in list(sys.modules.values()):
        confnotes = getattr(module, "_confnotes", None)
        if confnotes is not None and hasattr(confnotes, "outputs"):
            return confnotes
    return None


def media_seconds() -> float:
    """Seconds the last build spent on pictures, avatars and cards on the build's thread."""
    confnotes = built_confnotes()
    if confnotes is None:
        return float("nan")
    return round(float(confnotes.timings.get("media_seconds", float("nan"))), 3)


def side_seconds() -> float:
    """Seconds the last build's second process spent writing the export, feeds, calendars."""
    confnotes = built_confnotes()
    if confnotes is None:
        return float("nan")
    return round(float(confnotes.timings.get("side_seconds", float("nan"))), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="confnotes-hooks-"))
    if not (workdir / "docs").exists():
        generate.generate(workdir, generate.CorpusConfig(args.notes, generate.DEFAULT_SEED))
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, workdir / name)
    for folder in ("hooks", "templates"):
        shutil.rmtree(workdir / folder, ignore_errors=True)
        shutil.copytree(ROOT / folder, workdir / folder)
    first = measure(workdir)
    first["media_s"] = media_seconds()
    first["side_process_s"] = side_seconds()
    # The same build again, with pictures and cards already in .cache: their work on an
    # unchanged site should be a small share of it.
    second = measure(workdir)
    second["media_s"] = media_seconds()
    second["side_process_s"] = side_seconds()
    second["media_share"] = round(second["media_s"] / second["total_s"], 4)
    print(json.dumps({"first_build": first, "second_build": second}, indent=1,
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
