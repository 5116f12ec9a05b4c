"""YAML from strangers, parsed with the line and column of every key: a bounded loader (no alias
followed, limits on depth, nodes and digits) and the mapping and list types it makes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


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
