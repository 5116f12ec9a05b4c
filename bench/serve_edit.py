"""How long `mkdocs serve --dirty` takes to show an edit: the time from saving a file to the
served page showing the change.

Starts `make serve`'s command on 127.0.0.1 for a corpus folder (one made by generate.py, or
the repository itself), then makes ten edits to notes spread over the corpus, one at a time:
eight to a note's body, one that renames a speaker in a note's front matter, one that adds a
topic no note had; then one to a speaker's registry entry. Each is timed from the write to
the page showing it (polled every 50 ms); the server is stopped by its PID and the files are
put back.
Usage: python bench/serve_edit.py [--workdir DIR] [--notes N] [--shape long|light]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

EDITS = 10
POLL_S = 0.05


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, marker: str, timeout: float, since: float) -> float | None:
    while time.perf_counter() - since < timeout:
        if marker in fetch(url):
            return time.perf_counter() - since
        time.sleep(POLL_S)
    return None


def front_matter_edit(text: str, key: str, value: str) -> str | None:
    """`text` with `value` put first in the flow list of front matter `key`, or None."""
    head, sep, body = text[4:].partition("\n---\n")
    match = re.search(rf"(?m)^{key}: \[", head)
    if not text.startswith("---\n") or not sep or match is None:
        return None
    head = head[:match.end()] + value + ", " + head[match.end():]
    return "---\n" + head + sep + body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--shape", choices=generate.SHAPES, default="long")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="confnotes-serve-"))
    if not (workdir / "docs").exists():
        generate.generate(workdir, generate.CorpusConfig(args.notes, shape=args.shape))
    if workdir.resolve() != ROOT:
        shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
        for folder in ("hooks", "templates"):
            shutil.rmtree(workdir / folder, ignore_errors=True)
            shutil.copytree(ROOT / folder, workdir / folder)
    docs = workdir / "docs"
    notes = sorted((docs / "notes").rglob("*.md"))
    originals = {path: path.read_bytes() for path in notes}
    speakers = docs / "speakers.yml"
    registry = speakers.read_bytes() if speakers.exists() else None
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--livereload", "--dirty"], cwd=workdir, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    result: dict[str, object] = {"notes": len(notes), "shape": args.shape}
    edits: list[dict[str, object]] = []
    try:
        started = time.perf_counter()
        while not fetch(base) and time.perf_counter() - started < args.timeout:
            time.sleep(0.2)
        result["first_build_s"] = round(time.perf_counter() - started, 2)
        time.sleep(1)
        kinds = ["body"] * EDITS
        kinds[3], kinds[7] = "speaker", "topic"
        for number, kind in enumerate(kinds):
            note = notes[(number * len(notes)) // EDITS + len(notes) // (2 * EDITS)]
            text = originals[note].decode("utf-8")
            stamp = time.time_ns()
            marker = f"serve-edit-{stamp}"
            if kind == "speaker":
                marker = f"Probe Speaker {stamp}"
                edited = front_matter_edit(text, "speakers", marker)
            elif kind == "topic":
                marker = f"Probe Topic {stamp}"
                edited = front_matter_edit(text, "topics", marker)
            else:
                edited = None
            if edited is None:
                kind, marker = "body", f"serve-edit-{stamp}"
                edited = text + f"\n\n{marker}\n"
            url = base + note.relative_to(docs).with_suffix("").as_posix() + "/"
            since = time.perf_counter()
            note.write_bytes(edited.encode("utf-8"))
            seconds = wait_for(url, marker, args.timeout, since)
            edits.append({"kind": kind, "note": note.relative_to(docs).as_posix(),
                          "s": round(seconds, 3) if seconds is not None else None})
            time.sleep(0.5)
        # A new registry entry must get its own page on the next rebuild.
        probe = f"Serve Probe {time.time_ns()}"
        since = time.perf_counter()
        speakers.write_bytes((registry or b"") + f"\nserve-probe:\n  name: {probe}\n".encode())
        seconds = wait_for(base + "speakers/serve-probe/", probe, args.timeout, since)
        result["registry_edit_s"] = round(seconds, 3) if seconds is not None else None
    finally:
        for path, data in originals.items():
            if path.read_bytes() != data:
                path.write_bytes(data)
        if registry is None:
            speakers.unlink(missing_ok=True)
        else:
            speakers.write_bytes(registry)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    times = [e["s"] for e in edits if isinstance(e["s"], float)]
    result["edits"] = edits
    if times:
        result["edit_median_s"] = round(statistics.median(times), 3)
        result["edit_max_s"] = round(max(times), 3)
    print(json.dumps(result, ensure_ascii=False))
    ok = len(times) == len(edits) == EDITS and result.get("registry_edit_s") is not None
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
