"""How long `mkdocs serve` takes to show an edit: to a note, and to a registry entry.

Starts `mkdocs serve` on 127.0.0.1 for a corpus folder (one made by generate.py, or the
repository itself), edits one note and one speaker's bio, and polls the served pages until
the change appears. The server is stopped by its PID; the edits are undone.
Usage: python bench/serve_edit.py [--workdir DIR] [--notes N] [--timeout S]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, marker: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


def first_note(docs: Path) -> Path:
    return sorted((docs / "notes").rglob("*.md"))[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="confnotes-serve-"))
    if not (workdir / "docs").exists():
        generate.generate(workdir, generate.CorpusConfig(args.notes))
    if workdir.resolve() != ROOT:
        shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
        for folder in ("hooks", "templates"):
            shutil.rmtree(workdir / folder, ignore_errors=True)
            shutil.copytree(ROOT / folder, workdir / folder)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--livereload"], cwd=workdir, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    note = first_note(workdir / "docs")
    original = note.read_bytes()
    speakers = workdir / "docs" / "speakers.yml"
    registry = speakers.read_bytes() if speakers.exists() else None
    result: dict[str, float | None] = {}
    try:
        started = time.perf_counter()
        while not fetch(base) and time.perf_counter() - started < args.timeout:
            time.sleep(0.2)
        result["first_build_s"] = round(time.perf_counter() - started, 2)
        url = base + note.relative_to(workdir / "docs").with_suffix("").as_posix() + "/"
        marker = f"serve-edit-{time.time_ns()}"
        note.write_bytes(original + f"\n\n{marker}\n".encode())
        seconds = wait_for(url, marker, args.timeout)
        result["note_edit_s"] = round(seconds, 2) if seconds is not None else None
        # A new registry entry must get its own page on the next rebuild.
        probe = f"Serve Probe {time.time_ns()}"
        speakers.write_bytes((registry or b"") + f"\nserve-probe:\n  name: {probe}\n".encode())
        seconds = wait_for(base + "speakers/serve-probe/", probe, args.timeout)
        result["registry_edit_s"] = round(seconds, 2) if seconds is not None else None
    finally:
        note.write_bytes(original)
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
    print(json.dumps(result))
    ok = result.get("note_edit_s") is not None and result.get("registry_edit_s") is not None
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
