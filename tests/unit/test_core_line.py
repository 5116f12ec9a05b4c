"""The line between the core and MkDocs: the core imports nothing from MkDocs, Jinja, Markdown
or Material, and nothing from the adapter that does."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hooks" / "confnotes"
BLOCKED = ("mkdocs", "material", "jinja2", "markupsafe", "markdown", "pymdownx")

# Run in a fresh interpreter: this one may already have MkDocs loaded by other tests.
_IMPORT_ALL = """
import importlib, pkgutil, sys
BLOCKED = {blocked!r}

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"blocked: {{name}}")
        return None

sys.meta_path.insert(0, Blocker())
sys.path.insert(0, {hooks!r})
import confnotes
names = [m.name for m in pkgutil.iter_modules(confnotes.__path__)
         if m.name not in ("adapter", "__main__")]
for name in sorted(names):
    importlib.import_module("confnotes." + name)
print(len(names))
{then}
"""


def _run(then: str = "") -> subprocess.CompletedProcess[str]:
    code = _IMPORT_ALL.format(blocked=BLOCKED, hooks=str(PACKAGE.parent), then=then)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)


def test_every_core_module_imports_with_mkdocs_jinja_and_material_blocked() -> None:
    done = _run()
    assert done.returncode == 0, done.stderr
    core = [p for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert int(done.stdout.split()[0]) == len(core) > 30


def test_the_adapter_does_not_import_so() -> None:
    done = _run("import confnotes.adapter.build")
    assert done.returncode != 0 and "blocked: mkdocs" in done.stderr


def test_no_core_module_imports_the_adapter() -> None:
    upward: list[str] = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [a.name for a in node.names]
                if node.level == 1 and any(n.split(".")[0] == "adapter" for n in names):
                    upward.append(f"{path.name}: line {node.lineno}")
            elif isinstance(node, ast.Import) and any(
                    a.name.startswith("confnotes.adapter") for a in node.names):
                upward.append(f"{path.name}: line {node.lineno}")
    assert upward == []
