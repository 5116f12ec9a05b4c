"""The few settings Confnotes needs from mkdocs.yml, read without starting MkDocs.

mkdocs.yml may hold tags only MkDocs can construct (`!!python/object/apply:...`, `!ENV`,
`!relative`); they are read as plain values, since none of them are settings Confnotes uses.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .kinds import DEFAULT_REGISTRIES, SECTION
from .messages import Problem
from .model import Kind
from .sources import relative

CONFIG_NAME = "mkdocs.yml"


class SettingsError(Exception):
    """mkdocs.yml is missing or its Confnotes settings are unusable; `problems` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.text for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    root: Path                      # the folder of mkdocs.yml: paths in messages start here
    config: Path
    docs_dir: Path
    registries: dict[Kind, str] = field(default_factory=lambda: dict(DEFAULT_REGISTRIES))
    theme_dirs: tuple[str, ...] = ()    # custom_dir, then the theme's own: what MkDocs searches

    def from_root(self, docs_path: str) -> str:
        """A path under docs/ as seen from the repository root: `docs/notes/x.md`."""
        return Path(os.path.relpath(self.docs_dir / docs_path, self.root)).as_posix()


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads any tag it does not know as the plain value underneath."""


def _plain(loader: _TolerantLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _plain)


def cache_dir(root: Path) -> Path:
    """Where pictures and cards are kept between builds, for the site in folder `root`.

    Outside site/, so a clean build still finds every picture and card already made.
    CONFNOTES_CACHE_DIR moves it: to a folder CI keeps between runs, or to one folder shared by
    all the builds of a test run (entries are named by content, so sites can share it)."""
    return Path(os.environ.get("CONFNOTES_CACHE_DIR") or root / ".cache" / "confnotes")


def find_config(start: Path) -> Path | None:
    """mkdocs.yml in `start` or the nearest folder above it."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


def read_settings(config: Path | None = None, docs_dir: Path | None = None) -> Settings:
    """Settings from mkdocs.yml (found from the working folder when not given)."""
    config = config or find_config(Path.cwd())
    if config is None or not config.is_file():
        where = config or Path.cwd() / CONFIG_NAME
        raise SettingsError([Problem(str(where), None, f"{CONFIG_NAME} not found; run this in "
                                     "the site's folder or pass --config.", 1, "error")])
    config = config.resolve()
    root = config.parent
    name = Path(os.path.relpath(config, root)).as_posix()
    text = config.read_text(encoding="utf-8")
    loader = _TolerantLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SettingsError([Problem(name, line, f"not valid YAML: {exc.problem or exc}",
                                     column, "error")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SettingsError([Problem(name, 1, f"{CONFIG_NAME} must be a mapping of settings.",
                                     1, "error")])
    docs = docs_dir or root / str(data.get("docs_dir") or "docs")
    registries, problems = registry_paths(data, lambda keys: _line_of(node, keys), name)
    if problems:
        raise SettingsError(problems)
    if not docs.is_dir():
        raise SettingsError([Problem(name, _line_of(node, ("docs_dir",)), f"the docs folder "
                                     f"'{docs}' does not exist.", 1, "error")])
    return Settings(root, config, docs.resolve(), registries, theme_dirs(data, root))


def theme_dirs(data: Mapping[str, Any], root: Path) -> tuple[str, ...]:
    """The folders MkDocs looks for templates in: `theme.custom_dir`, then Material's own."""
    theme = data.get("theme")
    theme = theme if isinstance(theme, dict) else {"name": theme}
    dirs: list[str] = []
    custom = theme.get("custom_dir")
    if isinstance(custom, str) and (root / custom).is_dir():
        dirs.append(str(root / custom))
    if theme.get("name") == "material":
        spec = importlib.util.find_spec("material")
        if spec is not None and spec.origin:
            dirs.append(os.path.join(os.path.dirname(spec.origin), "templates"))
    return tuple(dirs)


def registry_paths(
    data: Mapping[str, Any], line_of: Callable[[tuple[str, ...]], int | None], name: str
) -> tuple[dict[Kind, str], list[Problem]]:
    """Registry files from `extra.confnotes`, by the same rules as the build's on_config."""
    paths: dict[Kind, str] = dict(DEFAULT_REGISTRIES)
    extra = data.get("extra") or {}
    settings = extra.get("confnotes") if isinstance(extra, dict) else None
    if settings is None:
        return paths, []
    if not isinstance(settings, dict):
        return paths, [Problem(name, line_of(("extra", "confnotes")), "'extra.confnotes' must "
                               "be a mapping of settings.", 1, "error")]
    problems: list[Problem] = []
    for kind, default in DEFAULT_REGISTRIES.items():
        value = settings.get(SECTION[kind], default)
        if not isinstance(value, str) or not value.endswith((".yml", ".yaml")) or (
                relative(value.lstrip("/")) is None):
            problems.append(Problem(name, line_of(("extra", "confnotes", SECTION[kind])),
                                    f"'extra.confnotes.{SECTION[kind]}' must name a .yml file "
                                    f"under docs/, not {value!r}.", 1, "error"))
            continue
        paths[kind] = relative(value.lstrip("/")) or value
    return paths, problems


def _line_of(node: yaml.Node | None, keys: tuple[str, ...]) -> int | None:
    """1-based line of the value at `keys` in a composed document, or of its nearest parent."""
    line = None
    for wanted in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == wanted:
                line, node = key_node.start_mark.line + 1, value_node
                break
        else:
            break
    return line
