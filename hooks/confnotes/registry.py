"""The registry files under docs/: speakers, topics and events described once, by id.

    kai-fu-lee:
      name: Kai-Fu Lee
      name_ko: 리카이푸
      aliases: [Kaifu Lee]

A registry file the build cannot make sense of (not YAML, not a mapping of entries, an entry
without a name, two entries claiming one name) raises RegistryError with every problem found;
a doubtful value (a bad date, an unsafe link) is a warning and is left out.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .dates import parse_date
from .front_matter import decode
from .kinds import SPEC
from .messages import Problem, Report, shown
from .model import FIRST_DATE, LAST_DATE, MAX_DAY, SECTION, Kind, Link, Term
from .names import RESERVED_SLUGS, bounded_slug, clean, key, slugify, visible_name
from .yaml_loader import (
    REGISTRY,
    YamlMap,
    YamlProblem,
    YamlRefused,
    error_place,
    load_yaml,
    reader_problem,
)


class RegistryError(Exception):
    """A registry file is broken; `problems` says where and why, all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.for_mkdocs() for p in problems))
        self.problems = problems


_COMMON = ("name", "name_en", "name_ko", "aliases", "slug")
KNOWN_KEYS: dict[Kind, tuple[str, ...]] = {k: (*_COMMON, *SPEC[k].fields) for k in SPEC}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass
class Registry:
    """Registered terms of one kind, and a lookup from any of their names to their id."""

    kind: Kind
    terms: dict[str, Term] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    distinct: set[frozenset[str]] = field(default_factory=set)
    path: str = ""
    slugs: dict[str, str] = field(default_factory=dict)   # slug -> id
    # What `suggest` found for each key: under `mkdocs serve` a registry whose file is
    # unchanged is kept between builds (collect.read_registries), and so are its answers.
    suggested: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def find(self, name: str) -> str | None:
        """The id of the registered term called `name` (any spelling, alias or id)."""
        return self.by_key.get(key(name))

    def suggest(self, name: str) -> str | None:
        """A registered name close to `name`, for a did-you-mean."""
        wanted = key(name)
        if wanted not in self.suggested:
            close = difflib.get_close_matches(wanted, list(self.by_key), n=1, cutoff=0.85)
            self.suggested[wanted] = self.terms[self.by_key[close[0]]].name if close else None
        return self.suggested[wanted]


def load(kind: Kind, path: str, data: bytes | None, report: Report) -> Registry:
    """Read one registry file (`data` None: the file does not exist, an empty registry)."""
    registry = Registry(kind, path=path)
    if data is None:
        return registry
    errors = Report()
    text = decode(data, path, report)
    if len(text) > REGISTRY.chars:
        raise RegistryError([Problem(path, 1, f"the file is {len(text):,} characters long, over "
                                     f"the limit of {REGISTRY.chars:,}.", 1, "error")])
    problems: list[YamlProblem] = []
    try:
        root = load_yaml(text, 1, REGISTRY, problems)
    except YamlRefused as exc:
        line, column = error_place(exc, text)
        raise RegistryError([Problem(path, line + 1, f"the file {exc.problem}.", column,
                                     "error")]) from None
    except yaml.MarkedYAMLError as exc:
        line, column = error_place(exc, text)
        raise RegistryError([Problem(path, line + 1, f"not valid YAML: {exc.problem or exc}",
                                     column, "error")]) from None
    except yaml.reader.ReaderError as exc:
        raise RegistryError([Problem(path, text.count("\n", 0, exc.position) + 1,
                                     f"the file {reader_problem(exc)}; delete it.", 1,
                                     "error")]) from None
    for problem in problems:
        report.warn(path, problem.line, problem.text, problem.column)
    if root is None:
        return registry
    if not isinstance(root, YamlMap):
        raise RegistryError([Problem(path, 1, f"a {kind} registry must be a mapping from id to "
                                              f"entry ('my-id:' then 'name: ...').", 1, "error")])
    first_line: dict[str, int] = {}
    for ident, line, earlier in root.duplicates:
        first_line.setdefault(ident, earlier)
        # The first keeps the id: notes already written resolve to it, never to a newcomer.
        report.warn(path, line, f"{kind} id '{ident}' is given again (first on line "
                    f"{first_line[ident]}); this entry is ignored. Give it an id of its own.")
    for ident, entry in root.items():
        entry = root.first.get(ident, entry)
        if not isinstance(entry, YamlMap):
            errors.error(path, root.lines.get(ident),
                         f"{kind} '{ident}' must be a mapping with at least 'name:'.")
            continue
        # Messages about an entry point at its id, the line a contributor looks for.
        entry.line = first_line.get(ident) or root.lines.get(ident, entry.line)
        term = _read_entry(kind, str(ident), entry, path, report, errors)
        if term is not None:
            _add(registry, term, entry, errors)
    if errors.problems:
        raise RegistryError(errors.problems)
    return registry


def _read_entry(
    kind: Kind, ident: str, entry: YamlMap, path: str, report: Report, errors: Report
) -> Term | None:
    def warn(field_name: str, text: str) -> None:
        report.warn(path, entry.lines.get(field_name, entry.line), f"{kind} '{ident}': {text}")

    for field_name in entry:
        if field_name not in KNOWN_KEYS[kind]:
            close = difflib.get_close_matches(field_name, KNOWN_KEYS[kind], n=1, cutoff=0.7)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            warn(field_name, f"unknown field {shown(str(field_name), 40)}{hint}; it is ignored.")
    name = _visible(_text(entry.get("name")), "name", warn)
    if not name:
        errors.error(path, entry.line, f"{kind} '{ident}' has no 'name:'.")
        return None
    if not isinstance(entry.get("aliases", []), (list, str)):
        errors.error(path, entry.lines.get("aliases"), f"{kind} '{ident}': 'aliases' must be a "
                                                       "list of names.")
        return None
    other = [_visible(_text(entry.get(k)), k, warn) for k in ("name_ko", "name_en")]
    aliases = entry.get("aliases", [])
    other += [_visible(_text(a), "aliases", warn)
              for a in ([aliases] if isinstance(aliases, str) else aliases)]
    slug = _slug(kind, ident, _text(entry.get("slug")), functools.partial(warn, "slug"))
    values: dict[str, Any] = {}
    for field_name in SPEC[kind].fields:
        read = READERS.get(field_name)
        if read is not None and field_name in entry and entry[field_name] is not None:
            values[field_name] = read(entry[field_name], functools.partial(warn, field_name))
    return Term(kind=kind, id=ident, slug=slug, name=name,
                other_names=tuple(dict.fromkeys(n for n in other if n and n != name)),
                registered=True, source=path, line=entry.line, **values)


def _add(registry: Registry, term: Term, entry: YamlMap, errors: Report) -> None:
    existing = registry.terms.get(registry.slugs.get(term.slug, ""))
    if existing is not None:
        errors.error(registry.path, term.line, f"{term.kind} '{term.id}' has the slug "
                     f"'{term.slug}', already used by '{existing.id}' (line {existing.line}).")
        return
    registry.terms[term.id] = term
    registry.slugs[term.slug] = term.id
    for name in (term.id, term.name, *term.other_names):
        k = key(name)
        owner = registry.by_key.get(k)
        if owner is not None and owner != term.id:
            errors.error(registry.path, term.line, f"{term.kind} '{term.id}': the name {name!r} "
                         f"already belongs to '{owner}'; a name may name one {term.kind} only.")
        elif k:
            registry.by_key[k] = term.id
    others = entry.get("not_same_as") or []
    if not isinstance(others, (str, list)):
        errors.error(registry.path, entry.lines.get("not_same_as"), f"{term.kind} '{term.id}': "
                     "'not_same_as' must be an id or a list of ids.")
        return
    for other in [others] if isinstance(others, str) else others:
        registry.distinct.add(frozenset((term.id, str(other))))


def _visible(name: str, field_name: str, warn: Callable[[str, str], None]) -> str:
    """`name` without direction controls, which would let it display as another name."""
    visible, problem = visible_name(name)
    if problem:
        warn(field_name, f"the name {problem}")
    return visible


def _slug(kind: Kind, ident: str, given: str, warn: Callable[[str], None]) -> str:
    """The slug of a registered term: its own `slug:` or its id, readable, bounded, and never
    one that would take a section's index page or be empty."""
    slug = bounded_slug(slugify(given or ident))
    section = SECTION[kind]
    if not slug:
        fallback = f"{kind}-{hashlib.sha256(ident.encode()).hexdigest()[:8]}"
        warn(f"{shown(given or ident)} gives no letters or digits for the page's address; the "
             f"page is at {section}/{fallback}/. Give the entry a 'slug:'.")
        return fallback
    if slug in RESERVED_SLUGS:
        warn(f"the slug '{slug}' would put the page at {section}/, the address of the "
             f"{section} list; the page is at {section}/{slug}-{kind}/. Give the entry another "
             "'slug:'.")
        return f"{slug}-{kind}"
    return slug


def _text(value: Any) -> str:
    return clean(str(value)) if value is not None and not isinstance(value, (dict, list)) else ""


def _read_text(value: Any, warn: Callable[[str], None]) -> str | None:
    if isinstance(value, (dict, list)):
        warn("should be text; it is ignored.")
        return None
    return _text(value) or None


def _read_url(value: Any, warn: Callable[[str], None]) -> str | None:
    text = _read_text(value, warn)
    if text and not text.lower().startswith(_SAFE_SCHEMES):
        warn(f"the link {shown(text)} is not an http(s) or mailto address; it is left out.")
        return None
    return text


def _read_date(value: Any, warn: Callable[[str], None]) -> Any:
    parsed = parse_date(value)
    if parsed is None:
        warn(f"{shown(value)} is not a date (write 2024-11-04); it is left out.")
    elif not FIRST_DATE <= parsed <= LAST_DATE:
        warn(f"{parsed.isoformat()} is outside {FIRST_DATE.year}-{LAST_DATE.year}; it is left "
             "out.")
        return None
    return parsed


def _read_links(value: Any, warn: Callable[[str], None]) -> tuple[Link, ...]:
    items = value.items() if isinstance(value, dict) else (
        ((None, v) for v in value) if isinstance(value, list) else None)
    if items is None:
        warn("'links' must be a list of {title, url} or a mapping title: url; it is ignored.")
        return ()
    links: list[Link] = []
    for title, item in items:
        if isinstance(item, dict):
            title, item = item.get("title") or item.get("name"), item.get("url")
        url = _read_url(item, warn)
        if url:
            links.append(Link(_text(title) or url, url))
    return tuple(links)


def _read_days(value: Any, warn: Callable[[str], None]) -> tuple[tuple[int, str], ...]:
    if not isinstance(value, dict):
        warn("'days' must map a day number to its theme (1: ...).")
        return ()
    days: list[tuple[int, str]] = []
    for number, theme in value.items():
        text = str(number).strip()
        if not (text.isdigit() and len(text) <= 3 and 1 <= int(text) <= MAX_DAY):
            warn(f"day {shown(number)} is not a day number (1-{MAX_DAY}); it is left out.")
            continue
        days.append((int(text), _text(theme)))
    return tuple(sorted(days))


def _read_series(value: Any, warn: Callable[[str], None]) -> str | None:
    text = _read_text(value, warn)
    ident = slugify(text) if text else ""
    if text and not ident:
        warn(f"series {shown(text)} gives no usable id (write e.g. 'deview'); it is left out.")
    return ident or None


_Reader = Callable[[Any, Callable[[str], None]], Any]
# A registry key reads the same in every kind that has it (kinds.TABLE says which have it);
# `not_same_as` is read with the entries it names (_add).
READERS: dict[str, _Reader] = {
    "affiliation": _read_text, "title": _read_text, "bio": _read_text, "avatar": _read_text,
    "links": _read_links, "description": _read_text, "parent": _read_text,
    "start": _read_date, "end": _read_date, "place": _read_text, "url": _read_url,
    "organizer": _read_text, "days": _read_days, "series": _read_series,
}

__all__ = ["KNOWN_KEYS", "Registry", "RegistryError", "load"]
