"""Build-time benchmark: Confnotes hooks vs. a plain MkDocs + Material build.

For each corpus size N (synthetic notes from ``bench/generate.py``), builds the site twice,
each as its own ``python -m mkdocs build`` subprocess:

* ``plain``     - the project's mkdocs.yml with the ``hooks:`` list and the theme's
                  ``custom_dir:`` removed (Confnotes' templates read what the hooks give
                  them), plus placeholder pages for the nav targets the hooks would otherwise
                  generate;
* ``confnotes`` - the project's mkdocs.yml, hooks/ and templates/ as they are, except that
                  social cards are off (``extra.confnotes.cards: false``): plain Material
                  draws none, and a first build draws one per page (~50 ms of CPU each, in a
                  second process). ``--cards`` keeps them on; bench/hooks_time.py reports
                  their share of a rebuild, when they come from the cache.

Measured per build: wall time, CPU time and peak RSS of the build process (``os.wait4``
rusage), size and file count of the built site, size of ``search/search_index.json`` (raw
and gzip) and of the other JSON files, and the number of WARNING lines the build logged.
Prints a table and writes ``<out>/results.json``; exits non-zero if any build fails.

Search, for the sizes in ``--search-notes`` (default 1000): a third build, ``search-plain``
(the confnotes variant with Material's default ``plugins: - search`` block), gives the cost of
the Korean search analysis (build time, peak RSS) and the index it is compared with (gzip
bytes). Both sites are then served on 127.0.0.1 and Debian's Chromium types queries into the
search box one keystroke at a time: milliseconds from each keyup to the result list changing,
and seconds from page load until the worker has indexed everything.

Usage: ``.venv/bin/python bench/run.py [--notes 1000 5000] [--repeat K] [--keep] [--out DIR]
[--search-notes N ...]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from generate import SHAPES, CorpusConfig, generate

REPO = Path(__file__).resolve().parent.parent
VARIANTS = ("plain", "confnotes")
SEARCH_VARIANT = "search-plain"
# Typed one keystroke at a time into the search box of the synthetic corpus: Korean words
# with particles, compounds with and without spaces, names, English, a syllable being typed.
SEARCH_QUERIES = ["쿠버네티스를", "관측성", "데이터베이스 샤딩", "분산추적", "서비스 메시",
                  "Kubernetes", "observability", "장애 대응", "비용최적화", "프론트엔드 성능",
                  "LLM 평가", "검색 증강 생성", "리액트의", "타입스크립트", "보안 사례",
                  "쿠버네ㅌ", "Rust", "김", "API 설계", "모니터링"]
FALLBACK_NAV = ["index.md", "notes/index.md", "events/index.md", "speakers/index.md",
                "topics/index.md"]
NAV_ENTRY = re.compile(r"""(?:^\s*-|:)\s*['"]?([^\s:'"]+\.md)['"]?\s*$""")
MIB = 1024 * 1024
STDERR_TAIL = 40
# Python keeps the hooks' compiled bytecode beside them after the first build, as it keeps every
# installed package's: later builds do not compile them again (0.1 s of each build, and as
# much again in the second process).
BUILD_ENV = {"NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class BuildResult:
    variant: str
    ok: bool
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    warnings: int
    site_mb: float = 0.0
    site_files: int = 0
    search_index_kb: float = 0.0
    search_index_gz_kb: float = 0.0
    search_docs: int = 0
    other_json_kb: float = 0.0
    returncode: int = 0
    sample_warnings: list[str] = field(default_factory=list)
    stderr_tail: str = ""


@dataclass
class Summary:
    """Best (minimum) and median over the repeats of one variant."""

    best_s: float
    median_s: float
    cpu_s: float
    peak_rss_mb: float
    runs: list[BuildResult]

    @property
    def last(self) -> BuildResult:
        return self.runs[-1]


# --------------------------------------------------------------------------- setup


def strip_hooks(config_text: str) -> str:
    """Remove the top-level ``hooks:`` key and its list from mkdocs.yml, as text."""
    out: list[str] = []
    skipping = False
    for line in config_text.splitlines(keepends=True):
        if re.match(r"hooks\s*:", line):
            skipping = True
            continue
        if skipping and (not line.strip() or line[0] in " \t-#"):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def strip_custom_dir(config_text: str) -> str:
    """mkdocs.yml without the theme's `custom_dir:` line."""
    return "".join(line for line in config_text.splitlines(keepends=True)
                   if not re.match(r"\s+custom_dir\s*:", line))


def nav_targets(config_text: str) -> list[str]:
    """The ``.md`` files listed in the top-level ``nav:`` block."""
    targets: list[str] = []
    in_nav = False
    for line in config_text.splitlines():
        if re.match(r"nav\s*:", line):
            in_nav = True
            continue
        if in_nav and line and not line[0].isspace() and not line.startswith(("-", "#")):
            break
        match = re.search(NAV_ENTRY, line) if in_nav else None
        if match:
            targets.append(match.group(1))
    return targets or FALLBACK_NAV


def write_placeholders(docs: Path, targets: Sequence[str]) -> None:
    for target in targets:
        path = docs / target
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            title = path.parent.name if path.stem == "index" and path.parent != docs else "홈"
            path.write_text(f"# {title}\n\nPlaceholder page for the plain build.\n",
                            encoding="utf-8")


def without_cards(config_text: str) -> str:
    """mkdocs.yml with `cards: false` as the first key under `extra: confnotes:`."""
    out, done = [], False
    for line in config_text.splitlines(keepends=True):
        out.append(line)
        if not done and re.match(r"  confnotes\s*:\s*$", line):
            out.append("    cards: false\n")
            done = True
    if not done:
        raise SystemExit("bench: no 'extra: confnotes:' block in mkdocs.yml to turn cards off")
    return "".join(out)


def copy_project(dest: Path, with_hooks: bool, cards: bool = True) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if not with_hooks:
        config = strip_custom_dir(strip_hooks(config))
    elif not cards:
        config = without_cards(config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    dirs = ["templates", "hooks"] if with_hooks else []
    for name in dirs:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name, ignore=ignore)
        else:
            (dest / name).mkdir()


def search_box() -> Any:
    """tests/search/searchbox.py, which the browser tests use to drive the same box."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.search import searchbox

    return searchbox


def prepare_search_plain(workdir: Path) -> Path:
    """The confnotes build directory again, with Material's default search block."""
    source, dest = workdir / "confnotes", workdir / SEARCH_VARIANT
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("site", "*.log"))
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(search_box().plain_config(config), encoding="utf-8")
    return dest


def probe_word(site: Path) -> str:
    """A word the site's search surely finds (the longest of a note's title): the search
    box is ready when it gives results for it, whatever the corpus size."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if doc["location"].startswith("notes/"):
            words = re.sub(r"<[^>]+>", " ", doc["title"]).split()
            if words:
                return max(words, key=len)
    raise SystemExit(f"bench: no note in {site}'s search index to wait for")


def measure_search(sites: dict[str, Path], queries: Sequence[str]) -> dict[str, Any]:
    """Per site: seconds until the worker answers, and keyup-to-results milliseconds for every
    keystroke of every query."""
    sb = search_box()
    found: dict[str, Any] = {}
    with sb.chromium() as browser:
        for variant, site in sites.items():
            with sb.serve(site) as origin:
                page = sb.local_page(browser, origin)
                box = sb.SearchBox(page, origin)
                ready_s = box.open(probe_word(site), timeout_ms=600_000)
                times: list[float] = []
                for query in queries:
                    for end in range(1, len(query) + 1):
                        times.append(box.search(query[:end]).ms)
                page.context.close()
            times.sort()
            found[variant] = {
                "ready_s": ready_s, "keystrokes": len(times),
                "median_ms": statistics.median(times),
                "p95_ms": times[int(0.95 * (len(times) - 1))], "max_ms": times[-1],
                "over_50ms": sum(t > 50 for t in times),
            }
    return found


def report_search(results: list[dict[str, Any]]) -> None:
    rows = []
    for res in results:
        search = res.get("search")
        if not search:
            continue
        base: BuildResult = search["build"]
        ours: BuildResult = res["summary"]["confnotes"].last
        if not (base.ok and ours.ok):
            continue
        latency = search.get("latency", {})
        row = [str(res["notes"]),
               f"{base.search_index_gz_kb / 1024:.2f}", f"{ours.search_index_gz_kb / 1024:.2f}",
               f"{ours.search_index_gz_kb / base.search_index_gz_kb:.2f}x",
               f"{base.cpu_s:.1f}", f"{ours.cpu_s:.1f}",
               f"{(ours.cpu_s / base.cpu_s - 1) * 100:+.0f}%",
               f"{base.peak_rss_mb:.0f}", f"{ours.peak_rss_mb:.0f}"]
        for variant in (SEARCH_VARIANT, "confnotes"):
            lat = latency.get(variant)
            row.append(f"{lat['median_ms']:.0f}/{lat['p95_ms']:.0f}/{lat['max_ms']:.0f}"
                       f" ({lat['ready_s']:.1f}s)" if lat else "—")
        rows.append(row)
    if rows:
        print("\nSearch: Material's default search block vs Confnotes' Korean search "
              "(same notes, same hooks)")
        print("index: search_index.json gzip MiB; build: CPU s and peak RSS MiB; latency: ms "
              "from keyup to results, median/p95/max, (seconds until the index is ready)")
        print_table(rows, ["notes", "default index", "korean index", "growth",
                           "default CPU", "korean CPU", "analysis", "default RSS",
                           "korean RSS", "default latency", "korean latency"])


def prepare(workdir: Path, notes: int, seed: int,
            cards: bool, shape: str = "long") -> tuple[dict[str, int], float]:
    """Generate the corpus once and lay out one build directory per variant."""
    if workdir.exists():
        shutil.rmtree(workdir)
    hooked = workdir / "confnotes"
    hooked.mkdir(parents=True)
    started = time.perf_counter()
    stats = generate(hooked, CorpusConfig(notes=notes, seed=seed, shape=shape))
    gen_s = time.perf_counter() - started
    copy_project(hooked, with_hooks=True, cards=cards)

    plain = workdir / "plain"
    plain.mkdir()
    shutil.copytree(hooked / "docs", plain / "docs")
    copy_project(plain, with_hooks=False)
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    write_placeholders(plain / "docs", nav_targets(config))
    return stats.as_dict(), gen_s


# --------------------------------------------------------------------------- measuring


def dir_size(path: Path) -> tuple[int, int]:
    total = files = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            total += os.lstat(os.path.join(root, name)).st_size
            files += 1
    return total, files


def build(build_dir: Path, variant: str, quiet: bool) -> BuildResult:
    site = build_dir / "site"
    if site.exists():
        shutil.rmtree(site)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"]
    if quiet:
        cmd.append("-q")
    env = {**os.environ, **BUILD_ENV}
    stdout_path, stderr_path = build_dir / "build.stdout.log", build_dir / "build.stderr.log"
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=build_dir, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)

    log = stderr_path.read_text(encoding="utf-8", errors="replace")
    log += stdout_path.read_text(encoding="utf-8", errors="replace")
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    result = BuildResult(
        variant=variant,
        ok=proc.returncode == 0,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,
        warnings=len(warnings),
        returncode=proc.returncode,
        sample_warnings=warnings[:3],
    )
    if not result.ok:
        lines = log.splitlines()
        errors = [line for line in lines[:-STDERR_TAIL] if line.startswith("ERROR")][:5]
        result.stderr_tail = "\n".join([*errors, *(["..."] if errors else []),
                                        *lines[-STDERR_TAIL:]])
        return result

    size, files = dir_size(site)
    result.site_mb, result.site_files = size / MIB, files
    index = site / "search" / "search_index.json"
    if index.exists():
        raw = index.read_bytes()
        result.search_index_kb = len(raw) / 1024
        result.search_index_gz_kb = len(gzip.compress(raw, compresslevel=6)) / 1024
        result.search_docs = len(json.loads(raw).get("docs", []))
    result.other_json_kb = sum(
        p.stat().st_size for p in site.rglob("*.json") if p != index
    ) / 1024
    return result


def summarize(runs: list[BuildResult]) -> Summary:
    ok = [r for r in runs if r.ok] or runs
    times = [r.wall_s for r in ok]
    return Summary(
        best_s=min(times),
        median_s=statistics.median(times),
        cpu_s=min(r.cpu_s for r in ok),
        peak_rss_mb=max(r.peak_rss_mb for r in ok),
        runs=runs,
    )


# --------------------------------------------------------------------------- reporting


def fmt(value: float | None, spec: str, suffix: str = "") -> str:
    return "—" if value is None else f"{value:{spec}}{suffix}"


def print_table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))


def report(results: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    timing, output = [], []
    for res in results:
        p: Summary = res["summary"]["plain"]
        c: Summary = res["summary"]["confnotes"]
        both = c.last.ok and p.last.ok
        res["ratio"] = c.best_s / p.best_s if both else None
        res["cpu_ratio"] = c.cpu_s / p.cpu_s if both else None
        res["hooks_overhead_pct"] = (res["ratio"] - 1) * 100 if both else None
        # Run i of each variant ran back to back (in alternating order), so the pair saw the
        # same machine: on a shared machine whose speed drifts between runs, the median of
        # the pairs' ratios is steadier than the ratio of the bests.
        pairs = [(b.wall_s / a.wall_s, b.cpu_s / a.cpu_s)
                 for a, b in zip(p.runs, c.runs, strict=True) if a.ok and b.ok]
        res["paired_ratios"] = [round(w, 3) for w, _ in pairs]
        res["paired_ratio"] = statistics.median(w for w, _ in pairs) if pairs else None
        res["paired_cpu_ratio"] = statistics.median(u for _, u in pairs) if pairs else None

        def t(s: Summary) -> str:
            if not s.last.ok:
                return "FAILED"
            return f"{s.best_s:.2f}" + (f" ({s.median_s:.2f})" if repeat > 1 else "")

        def ok(s: Summary, value: float, spec: str) -> str:
            return fmt(value if s.last.ok else None, spec)

        timing.append([
            f"{res.get('shape', 'long')} {res['notes']}", t(p), t(c), fmt(res["ratio"], ".2f", "x"),
            fmt(res["hooks_overhead_pct"], "+.0f", "%"),
            fmt(res["paired_ratio"], ".2f", "x") + (
                f" ({min(res['paired_ratios']):.2f}–{max(res['paired_ratios']):.2f})"
                if len(res["paired_ratios"]) > 1 else ""),
            fmt(res["paired_cpu_ratio"], ".2f", "x"),
            ok(p, p.cpu_s, ".1f"), ok(c, c.cpu_s, ".1f"), fmt(res["cpu_ratio"], ".2f", "x"),
            ok(p, p.peak_rss_mb, ".0f"), ok(c, c.peak_rss_mb, ".0f"),
        ])
        output.append([
            f"{res.get('shape', 'long')} {res['notes']}",
            ok(p, p.last.site_mb, ".1f"), ok(c, c.last.site_mb, ".1f"),
            ok(p, p.last.site_files, "d"), ok(c, c.last.site_files, "d"),
            *(f"{s.last.search_index_kb / 1024:.1f}/{s.last.search_index_gz_kb / 1024:.1f}"
              if s.last.ok else "—" for s in (p, c)),
            str(p.last.warnings), str(c.last.warnings),
        ])

    label = f"best (median) of {repeat}" if repeat > 1 else "single run"
    print(f"\nBuild time: wall seconds ({label}), CPU seconds (user+sys), peak RSS MiB; "
          "paired: median of the ratios of runs made back to back")
    print_table(timing, ["notes", "plain s", "confnotes s", "ratio", "hooks overhead",
                         "paired ratio (range)", "paired CPU ratio", "plain CPU",
                         "confnotes CPU", "CPU ratio", "plain RSS", "confnotes RSS"])
    print("\nOutput: site MiB, files, search_index.json MiB raw/gzip, WARNING lines")
    print_table(output, ["notes", "plain site", "confnotes site", "plain files",
                         "confnotes files", "plain index", "confnotes index",
                         "plain warn", "confnotes warn"])

    growth: dict[str, Any] = {}
    same_shape = [r for r in results if r.get("shape") == results[0].get("shape")]
    if len(same_shape) > 1:
        lo = min(same_shape, key=lambda r: r["notes"])
        hi = max(same_shape, key=lambda r: r["notes"])
        growth["notes_factor"] = hi["notes"] / lo["notes"]
        print()
        for variant in VARIANTS:
            a, b = lo["summary"][variant], hi["summary"][variant]
            both = a.last.ok and b.last.ok
            growth[variant] = b.best_s / a.best_s if both else None
            growth[f"{variant}_cpu"] = b.cpu_s / a.cpu_s if both else None
            print(f"{variant} growth {hi['notes']}/{lo['notes']} notes "
                  f"(x{growth['notes_factor']:g}): time {fmt(growth[variant], '.2f', 'x')}, "
                  f"CPU {fmt(growth[f'{variant}_cpu'], '.2f', 'x')}")

    busy = [r for res in results for s in res["summary"].values() for r in s.runs
            if r.ok and r.wall_s > 1.15 * r.cpu_s + 0.5]
    if busy:
        worst = max(r.wall_s / r.cpu_s for r in busy)
        print(f"\nnote: {len(busy)} build(s) took up to {worst:.1f}x their CPU time in wall "
              "time: other processes were competing for the CPU, so compare the CPU columns "
              "(or rerun with --repeat).")
    for res in results:
        for variant in VARIANTS:
            last: BuildResult = res["summary"][variant].last
            for line in last.sample_warnings if last.ok else []:
                print(f"  [{res['notes']} {variant}] {line[:160]}")
    return growth


def environment() -> dict[str, Any]:
    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    def git(*args: str) -> str | None:
        proc = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else None

    return {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain")),
    }


def to_json(res: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in res.items() if k not in ("summary", "search")}
    if "search" in res:
        out["search"] = {"build": asdict(res["search"]["build"]),
                         "latency": res["search"].get("latency")}
    out["builds"] = {}
    for variant, s in res["summary"].items():
        out["builds"][variant] = {
            "ok": s.last.ok,
            "best_s": s.best_s,
            "median_s": s.median_s,
            "cpu_s": s.cpu_s,
            "peak_rss_mb": s.peak_rss_mb,
            "runs": [asdict(r) for r in s.runs],
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[1000, 5000], metavar="N",
                        help="corpus sizes to build (default: 1000 5000)")
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES),
                        help="corpus shapes (bench/generate.py; default: long light)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="builds per variant; report the best and the median")
    parser.add_argument("--keep", action="store_true", help="keep the work directories")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out",
                        help="results.json and the work directories (default: bench/out)")
    parser.add_argument("--seed", type=int, default=CorpusConfig(0).seed,
                        help="corpus seed; the same seed gives the same notes")
    parser.add_argument("--cards", action="store_true",
                        help="keep social cards on in the confnotes build (drawn on its first "
                             "run, from the cache on repeats)")
    parser.add_argument("--quiet", action="store_true",
                        help="pass -q to mkdocs (hides warnings, so they are not counted)")
    parser.add_argument("--search-notes", type=int, nargs="*", default=[1000], metavar="N",
                        help="sizes at which to compare with Material's default search and "
                             "measure search latency in Chromium (default: 1000; none: off)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or min(args.notes) < 1:
        parser.error("--notes and --repeat must be positive")

    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    results: list[dict[str, Any]] = []
    for shape, notes in [(shape, n) for shape in args.shapes for n in args.notes]:
        workdir = out / "work" / f"{shape}-n{notes}"
        print(f"[{notes} notes] generating {shape} corpus in {workdir} ...", flush=True)
        corpus, gen_s = prepare(workdir, notes, args.seed, args.cards, shape)
        print(f"[{notes} notes] {corpus['words']:,} words, {corpus['bytes'] / MIB:.1f} MiB "
              f"in {gen_s:.1f}s", flush=True)
        runs: dict[str, list[BuildResult]] = {v: [] for v in VARIANTS}
        for i in range(args.repeat):
            order = VARIANTS if i % 2 == 0 else VARIANTS[::-1]
            for variant in order:
                result = build(workdir / variant, variant, args.quiet)
                runs[variant].append(result)
                status = "ok" if result.ok else f"FAILED (exit {result.returncode})"
                print(f"[{notes} notes] {variant:9} run {i + 1}/{args.repeat}: "
                      f"{result.wall_s:6.2f}s  {result.peak_rss_mb:5.0f} MiB  "
                      f"{result.warnings} warnings  {status}", flush=True)
                if not result.ok:
                    failed = True
                    print(f"--- {variant} build log: ERROR lines, then the last {STDERR_TAIL} ---\n"
                          f"{result.stderr_tail}\n---", file=sys.stderr, flush=True)
        results.append({
            "shape": shape,
            "notes": notes,
            "corpus": corpus,
            "generate_s": gen_s,
            "summary": {v: summarize(runs[v]) for v in VARIANTS},
        })
        if (notes in args.search_notes and shape == args.shapes[0]
                and runs["confnotes"][-1].ok):
            base = build(prepare_search_plain(workdir), SEARCH_VARIANT, args.quiet)
            print(f"[{notes} notes] {SEARCH_VARIANT:9} build: {base.wall_s:6.2f}s  "
                  f"{base.peak_rss_mb:5.0f} MiB", flush=True)
            search: dict[str, Any] = {"build": base}
            if base.ok:
                print(f"[{notes} notes] typing {len(SEARCH_QUERIES)} queries in Chromium ...",
                      flush=True)
                search["latency"] = measure_search(
                    {SEARCH_VARIANT: workdir / SEARCH_VARIANT / "site",
                     "confnotes": workdir / "confnotes" / "site"}, SEARCH_QUERIES)
            else:
                failed = True
            results[-1]["search"] = search
        if args.keep:
            print(f"[{notes} notes] kept {workdir}")
        else:
            shutil.rmtree(workdir)

    growth = report(results, args.repeat)
    report_search(results)
    payload = {
        "environment": environment(),
        "settings": {"notes": args.notes, "repeat": args.repeat, "seed": args.seed,
                     "quiet": args.quiet, "cards": args.cards},
        "results": [to_json(r) for r in results],
        "growth": growth,
        "failed": failed,
    }
    if not args.keep and (out / "work").is_dir() and not any((out / "work").iterdir()):
        (out / "work").rmdir()
    (out / "results.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    print(f"\nwrote {out / 'results.json'}")
    if failed:
        print("at least one build FAILED (see stderr above)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
