"""Read a note's bytes: decode them, split off the front matter, parse it with line numbers.

MkDocs renders a note whose YAML is broken as plain text and says nothing; it aborts on a file
that is not UTF-8. Confnotes reads every note itself first, so both become warnings that name
the file and line, and the body is still published.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .messages import Report

_HANGUL = re.compile(r"[가-힣]")
_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_TOML = re.compile(r"^\+\+\+[ \t]*$")
_TOML_ERROR_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


class YamlMap(dict[str, Any]):
    """A YAML mapping that remembers the line of each key and the source text of scalars."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, int] = {}
        self.columns: dict[str, int] = {}
        self.raw: dict[str, str] = {}
        self.line = 0
        # (key, line, line of the earlier one) of each key given again, and the value each had
        # first: front matter uses the last, registries keep the first.
        self.duplicates: list[tuple[str, int, int]] = []
        self.first: dict[str, Any] = {}


class YamlList(list[Any]):
    """A YAML sequence that remembers the line of each item."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []
        self.line = 0


@dataclass
class Source:
    """A note's text as read from disk, before any of it is interpreted."""

    text: str                      # the whole file, decoded, NFC, with \n line ends
    body: str                      # the Markdown after the front matter
    body_line: int                 # file line number of the body's first line
    meta: YamlMap = field(default_factory=YamlMap)
    has_front_matter: bool = False


def decode(data: bytes, path: str, report: Report) -> str:
    """Decode a note's bytes: UTF-8 (BOM or not), else CP949/EUC-KR, else best effort."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = _decode_legacy(data, path, line, report)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode_legacy(data: bytes, path: str, line: int, report: Report) -> str:
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = ""
    if text and _HANGUL.search(text):
        report.warn(path, line, "the file is not UTF-8; it was read as CP949/EUC-KR (Korean "
                                "Windows). Save it as UTF-8 so every tool reads it the same way.")
        return text
    report.warn(path, line, "the file is not valid UTF-8 and could not be decoded; unreadable "
                            "bytes are shown as '\ufffd'. Save it as UTF-8.")
    return data.decode("utf-8", errors="replace")


def split(text: str, path: str, report: Report) -> Source:
    """Split front matter from body and parse it; problems become warnings, never exceptions.

    YAML between `---` lines, as Jekyll, Hugo, Hexo and most generators write it; TOML between
    `+++` lines (Hugo); a JSON object opened by `{` on the first line and closed by `}` on a
    line of its own (Hugo).
    """
    lines = text.split("\n")
    if lines and _TOML.match(lines[0]):
        return _split_toml(text, lines, path, report)
    if lines and lines[0].rstrip() == "{":
        return _split_json(text, lines, path, report)
    if lines and not _OPEN.match(lines[0]) and _FIELD_LINE.match(lines[0]):
        return _split_unfenced(text, lines, path, report)
    if not lines or not _OPEN.match(lines[0]):
        return Source(text, text, 1)
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        report.warn(path, 1, "front matter opened with '---' on line 1 is never closed; add a "
                             "line '---' after the last field. The whole file is shown as text.")
        return Source(text, text, 1)
    body = "\n".join(lines[end + 1:])
    meta = parse_yaml_mapping("\n".join(lines[1:end]), path, 2, report, what="front matter")
    return Source(text, body, end + 2, meta if meta is not None else YamlMap(), True)


# `title: ...` on the first line: Hexo writes front matter with only its closing `---`, and
# Pelican writes `Title:`/`Date:` lines ended by a blank line.
_FIELD_LINE = re.compile(r"[A-Za-z][\w-]{0,30}:(?:\s|$)")
_PELICAN_KEYS = frozenset({"title", "date", "modified", "slug", "tags", "category", "author",
                           "authors", "summary", "lang", "status", "save_as", "url"})
UNFENCED_LINES = 40


def _split_unfenced(text: str, lines: list[str], path: str, report: Report) -> Source:
    head = lines[:UNFENCED_LINES]
    end = next((i for i, line in enumerate(head) if _CLOSE.match(line)), None)
    if end is not None and all(_FIELD_LINE.match(ln) or ln[:1] in (" ", "-", "\t") or not
                               ln.strip() for ln in head[:end]):
        meta = parse_yaml_mapping("\n".join(lines[:end]), path, 1, report, what="front matter")
        return Source(text, "\n".join(lines[end + 1:]), end + 2,
                      meta if meta is not None else YamlMap(), True)
    blank = next((i for i, line in enumerate(head) if not line.strip()), len(head))
    fields = [ln.split(":", 1) for ln in head[:blank]]
    if blank and all(len(f) == 2 and f[0].strip().casefold() in _PELICAN_KEYS for f in fields):
        meta = YamlMap()
        meta.line = 1
        for n, (name, value) in enumerate(fields):
            name = name.strip()
            meta[name] = value.strip()
            meta.lines[name] = n + 1
            meta.raw[name] = value.strip()
        return Source(text, "\n".join(lines[blank + 1:]), blank + 2, meta, True)
    return Source(text, text, 1)


def _split_toml(text: str, lines: list[str], path: str, report: Report) -> Source:
    end = next((i for i in range(1, len(lines)) if _TOML.match(lines[i])), None)
    if end is None:
        report.warn(path, 1, "front matter opened with '+++' on line 1 is never closed; add a "
                             "line '+++' after the last field. The whole file is shown as text.")
        return Source(text, text, 1)
    source = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1:])
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_ERROR_PLACE.search(str(exc))
        line, column = (int(place.group(1)), int(place.group(2))) if place else (1, 1)
        problem = _TOML_ERROR_PLACE.sub("", str(exc)).strip()
        report.warn(path, line + 1, f"front matter is not valid TOML ({problem}); fix it so "
                    "its fields are used. The text is still published.", column)
        return Source(text, body, end + 2, YamlMap(), True)
    return Source(text, body, end + 2, _as_yaml_map(data, lines[1:end], 2), True)


def _split_json(text: str, lines: list[str], path: str, report: Report) -> Source:
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "}"), None)
    if end is None:
        return Source(text, text, 1)
    try:
        data = json.loads("\n".join(lines[: end + 1]))
    except ValueError as exc:
        place = getattr(exc, "lineno", 1)
        report.warn(path, place, f"front matter is not valid JSON ({getattr(exc, 'msg', exc)}); "
                    "fix it so its fields are used. The text is still published.",
                    getattr(exc, "colno", 1))
        return Source(text, "\n".join(lines[end + 1:]), end + 2, YamlMap(), True)
    if not isinstance(data, dict):
        return Source(text, text, 1)
    return Source(text, "\n".join(lines[end + 1:]), end + 2,
                  _as_yaml_map(data, lines[: end + 1], 1), True)


def _as_yaml_map(data: dict[str, Any], lines: list[str], first_line: int) -> YamlMap:
    """TOML or JSON front matter as the YamlMap that YAML gives, each key with the line it is
    written on (found by its name; a key written twice is told apart by TOML itself)."""
    where: dict[str, int] = {}
    for n, line in enumerate(lines):
        m = re.match(r"\s*[\"']?([^\"'=:\s]{1,100})[\"']?\s*[=:]", line)
        if m and m.group(1) not in where:
            where[m.group(1)] = first_line + n
    converted: YamlMap = _converted(data, where, first_line)
    return converted


def _converted(value: Any, where: dict[str, int], line: int) -> Any:
    if isinstance(value, dict):
        mapping = YamlMap()
        mapping.line = line
        for k, v in value.items():
            key = str(k)
            key_line = where.get(key, line)
            mapping[key] = _converted(v, where, key_line)
            mapping.lines[key] = key_line
            if not isinstance(v, (dict, list)):
                mapping.raw[key] = v.isoformat() if isinstance(v, (dt.date, dt.time)) else str(v)
        return mapping
    if isinstance(value, list):
        items = YamlList()
        items.line = line
        for v in value:
            items.append(_converted(v, where, line))
            items.lines.append(line)
        return items
    return value


def parse_yaml_mapping(
    text: str, path: str, first_line: int, report: Report, what: str
) -> YamlMap | None:
    """Parse YAML that must be a mapping; None (with a warning) when it is not.

    `first_line` is the file line of the YAML's first line, so every reported line is a line
    of the file.
    """
    if len(text) > FRONT_MATTER.chars:
        report.warn(path, first_line, f"{what} is {len(text):,} characters long, over the "
                    f"limit of {FRONT_MATTER.chars:,}; it is ignored. Move long text into the "
                    "note's body. The text is still published.")
        return None
    problems: list[YamlProblem] = []
    try:
        data = load_yaml(text, first_line, FRONT_MATTER, problems)
    except YamlRefused as exc:
        line, column = error_place(exc, text)
        report.warn(path, first_line + line, f"{what} {exc.problem}; it is ignored. The text "
                    "is still published.", column)
        return None
    except yaml.MarkedYAMLError as exc:
        line, column = error_place(exc, text)
        problem = (exc.problem or exc.context or "syntax error").strip()
        report.warn(path, first_line + line, f"{what} is not valid YAML ({problem}); fix it so "
                    "its fields are used. The text is still published.", column)
        return None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position)
        report.warn(path, first_line + line, f"{what} {reader_problem(exc)}; delete it so its "
                    "fields are used. The text is still published.")
        return None
    except yaml.YAMLError as exc:
        report.warn(path, first_line, f"{what} is not valid YAML ({exc}).")
        return None
    for left_out in problems:
        report.warn(path, left_out.line, f"{what}: {left_out.text}", left_out.column)
    if data is None:
        return YamlMap()
    if not isinstance(data, YamlMap):
        kind = "a list" if isinstance(data, list) else f"the single value {str(data)[:40]!r}"
        report.warn(path, first_line, f"{what} must be a mapping of fields such as 'title: ...', "
                                      f"but it is {kind}; it is ignored.")
        return None
    for key, line, _earlier in data.duplicates:
        report.warn(path, line, f"{what} field '{key}' is given twice; the last one is used.",
                    data.columns.get(key, 1))
    return data


def error_place(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int]:
    """0-based line and 1-based column of a YAML error. An error found only at the end of
    the text (an unclosed bracket or quote) is reported where the unclosed thing began."""
    problem, context = exc.problem_mark, exc.context_mark
    mark = problem or context
    if problem is not None and context is not None and (
            problem.line >= text.rstrip("\n").count("\n")):
        mark = context
    return (int(mark.line), int(mark.column) + 1) if mark is not None else (0, 1)


def reader_problem(exc: yaml.reader.ReaderError) -> str:
    """What a YAML reader error means, for a contributor: a character YAML does not allow."""
    character = exc.character
    code = ord(character) if isinstance(character, str) else int(character)
    return f"holds the character U+{code:04X}, a control character YAML does not allow"


# -- the loader ---------------------------------------------------------------------------------
#
# YAML from strangers costs what it says, not more: an alias (`*a`) could repeat a structure
# exponentially (a few hundred bytes that take minutes and gigabytes), nesting a thousand deep
# exhausts the stack (a hundred thousand crashes libyaml's composer outright), and a
# five-thousand-digit integer makes int() raise. So the composer below is PyYAML's own, over
# the events of libyaml's (non-recursive) parser, with a limit on depth and on nodes checked
# as each node is made; an alias is never followed (it reads as an empty value, with a
# warning), a list or mapping used as a key is skipped, and an over-long integer is refused.


@dataclass(frozen=True)
class YamlLimits:
    chars: int      # characters of YAML text
    nodes: int      # scalars, lists and mappings
    depth: int      # lists and mappings inside one another


# Front matter of a note: a few dozen fields a few levels deep.
FRONT_MATTER = YamlLimits(chars=1_000_000, nodes=50_000, depth=20)
# A registry of thousands of entries, each a small mapping.
REGISTRY = YamlLimits(chars=20_000_000, nodes=2_000_000, depth=20)
MAX_INT_DIGITS = 30


@dataclass(frozen=True)
class YamlProblem:
    """A part of the YAML that was left out; the rest is read."""

    line: int       # a file line
    column: int
    text: str


class YamlRefused(yaml.MarkedYAMLError):
    """The YAML is over a limit and is not read at all; `problem` says which, in words that
    follow the file's name ('front matter nests ...')."""


class _Alias(yaml.ScalarNode):
    """What an alias reads as: nothing, remembered so lists and mappings can leave it out."""


# libyaml's parser when PyYAML has it (several times faster); composer and constructors ours.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(yaml.composer.Composer, _BaseLoader):  # type: ignore[misc,valid-type]
    def __init__(self, text: str, first_line: int, limits: YamlLimits) -> None:
        _BaseLoader.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        self.first_line = first_line
        self.limits = limits
        self.depth = 0
        self.nodes = 0
        self.problems: list[YamlProblem] = []
        self._said: set[tuple[int, str]] = set()

    def problem(self, mark: Any, text: str) -> None:
        found = YamlProblem(mark.line + self.first_line, mark.column + 1, text)
        # Once a line: ten aliases on one line are one thing to fix.
        if (found.line, text) not in self._said:
            self._said.add((found.line, text))
            self.problems.append(found)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.nodes += 1
        if self.nodes > self.limits.nodes:
            raise YamlRefused(None, None, f"has more than {self.limits.nodes:,} values",
                              self.peek_event().start_mark)
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.problem(event.start_mark, f"'*{event.anchor}' repeats a value written "
                         "elsewhere (a YAML alias); Confnotes does not follow aliases, so it "
                         "is left out. Write the value out in full.")
            return _Alias("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        if self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            self.depth += 1
            if self.depth > self.limits.depth:
                raise YamlRefused(None, None, f"nests lists or mappings more than "
                                  f"{self.limits.depth} levels deep",
                                  self.peek_event().start_mark)
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1
        return super().compose_node(parent, index)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMap:
    kept = []
    for key_node, value_node in node.value:
        if isinstance(key_node, _Alias) or (isinstance(value_node, _Alias) and (
                key_node.tag == "tag:yaml.org,2002:merge")):
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            loader.problem(key_node.start_mark, "a list or mapping is used as a key; this "
                           "entry is left out. Keys are names, such as 'title:'.")
            continue
        kept.append((key_node, value_node))
    node.value = kept
    loader.flatten_mapping(node)
    mapping = YamlMap()
    mapping.line = node.start_mark.line + loader.first_line
    for key_node, value_node in node.value:
        key_obj = loader.construct_object(key_node, deep=True)
        key = key_obj if isinstance(key_obj, str) else str(key_obj)
        line = key_node.start_mark.line + loader.first_line
        if key in mapping:
            mapping.duplicates.append((key, line, mapping.lines[key]))
            mapping.first.setdefault(key, mapping[key])
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
        mapping.columns[key] = key_node.start_mark.column + 1
        if isinstance(value_node, yaml.ScalarNode):
            mapping.raw[key] = value_node.value
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> YamlList:
    items = YamlList()
    items.line = node.start_mark.line + loader.first_line
    for child in node.value:
        if isinstance(child, _Alias):
            continue
        items.append(loader.construct_object(child, deep=True))
        items.lines.append(child.start_mark.line + loader.first_line)
    return items


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # `2024-13-45` looks like a YAML date but is none: keep the text, so the field's own
    # normaliser warns about it with its line instead of the whole file failing to load.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    if sum(ch.isdigit() for ch in node.value) > MAX_INT_DIGITS:
        loader.problem(node.start_mark, f"a number of more than {MAX_INT_DIGITS} digits is "
                       "left out; no field needs one.")
        return None
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load_yaml(text: str, first_line: int = 1, limits: YamlLimits = FRONT_MATTER,
              problems: list[YamlProblem] | None = None) -> Any:
    """Load YAML safely into YamlMap/YamlList values that carry file line numbers.

    Raises YamlRefused over `limits`, and PyYAML's errors for what is not YAML; what was left
    out of YAML that was read (aliases, keys that are lists) is added to `problems`."""
    loader = _LineLoader(text, first_line, limits)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if problems is not None:
        problems.extend(loader.problems)
    return data
