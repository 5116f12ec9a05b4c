"""GitHub workflows and the pre-commit hook: valid for actionlint, and doing what they say."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def workflow(name: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((ROOT / ".github/workflows" / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict[str, Any]) -> list[str]:
    """Each step as one string: its action or command, and its inputs."""
    return [f"{s.get('uses', '')} {s.get('run', '')} {s.get('with', '')}" for s in job["steps"]]


def test_actionlint_finds_nothing() -> None:
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    actionlint = shutil.which("actionlint", path=search)
    if actionlint is None:
        pytest.fail("actionlint is not installed; it comes with requirements-dev.txt (`make`)")
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]
    result = subprocess.run([actionlint, "-no-color", *map(str, WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_pull_requests_are_checked_built_and_tested() -> None:
    pr = workflow("pull-request.yml")
    assert "pull_request" in pr["on"]
    site = " | ".join(steps(pr["jobs"]["site"]))
    assert "'python-version': '3.11'" in site
    assert "hashFiles('requirements*.txt')" in site
    assert re.search(r"confnotes check --strict", site)
    assert "make build" in site and "actions/upload-artifact" in site
    tests = pr["jobs"]["tests"]
    assert "chromium chromium-driver fonts-noto-cjk" in " | ".join(steps(tests))
    assert "make test" in " | ".join(steps(tests))


def test_the_default_branch_is_deployed_to_pages() -> None:
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build = " | ".join(steps(deploy["jobs"]["build"]))
    assert "actions/configure-pages" in build and "make build" in build
    assert "actions/upload-pages-artifact" in build
    assert deploy["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert deploy["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_pre_commit_hook_checks_changed_notes() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = config["repos"][0]["hooks"][0]
    files = re.compile(hook["files"])
    for path in ("docs/notes/2024/x/y.md", "docs/speakers.yml", "mkdocs.yml"):
        assert files.search(path), path
    for path in ("README.md", "hooks/main.py", "docs/schemas/note.schema.json"):
        assert not files.search(path), path
    command = shlex.split(hook["entry"])
    assert command[:3] == [".venv/bin/confnotes", "check", "--strict"]
    note = "docs/notes/2024/sk-ai-summit/day2-overview.md"
    installed = Path(sys.executable).parent / "confnotes"
    result = subprocess.run([str(installed), *command[1:], note], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


def test_no_checkout_leaves_its_token_in_git_config() -> None:
    checkouts = [step for name in ("deploy.yml", "pull-request.yml")
                 for job in workflow(name)["jobs"].values() for step in job["steps"]
                 if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert len(checkouts) == 4
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)
