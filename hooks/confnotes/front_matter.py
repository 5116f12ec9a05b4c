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
from .yaml_loader import (
    FRONT_MATTER,
    YamlList,
    YamlMap,
    YamlProblem,
    YamlRefused,
    error_place,
    load_yaml,
    reader_problem,
)

_HANGUL = re.compile(r"[가-힣]")
_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_TOML = re.compile(r"^\+\+\+[ \t]*$")
_TOML_ERROR_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


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
