"""Speakers whose names look alike: one letter or jamo apart, or the same words in another
order. Names are grouped by look-alike keys, so the check stays linear in the number of names;
each pair is reported once, at the likely misspelling."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .messages import Report
from .model import Kind, Term
from .names import is_hangul, key, look_alike, look_alike_keys
from .registry import Registry

if TYPE_CHECKING:
    from .index import Site


@dataclass
class Seen:
    """Where a derived term's name was first written, for messages."""

    path: str
    line: int | None
    count: int = 0


LOOK_ALIKE_GROUP = 24     # names sharing one look-alike key, at most, for it to be compared
LOOK_ALIKE_NAMES = 20     # spellings of one speaker compared
LOOK_ALIKE_LENGTH = 80    # a longer "name" is no name to compare


def report_look_alikes(site: Site, registry: Registry, seen: Mapping[tuple[Kind, str], Seen],
                        report: Report) -> None:
    """Warn about two speakers whose names differ by one letter or jamo, or only in order."""
    groups: dict[str, dict[str, None]] = defaultdict(dict)
    names: dict[str, set[str]] = defaultdict(set)
    for ident, term in site.terms["speaker"].items():
        for name in (term.name, *term.other_names[:LOOK_ALIKE_NAMES]):
            if len(name) <= LOOK_ALIKE_LENGTH:
                names[ident].add(name)
    for ident in sorted(names):
        for name in sorted(names[ident]):
            for k in set(look_alike_keys(name)):
                groups[k][ident] = None
    pairs: set[tuple[str, str]] = set()
    for group in groups.values():
        members = list(group)
        # A key that many names share says nothing about any two of them; skipping it keeps
        # the check linear however many names a site has.
        if len(members) > LOOK_ALIKE_GROUP:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b) if a < b else (b, a))
    order = {k: i for i, k in enumerate(seen)}
    contexts = _contexts(site)
    for a, b in sorted(pairs):
        if frozenset((a, b)) in registry.distinct or not _alike(names[a], names[b]):
            continue
        if _korean(names[a]) and not _related(a, b, site, contexts):
            continue
        odd, usual = _odd_one(a, b, site, seen, order)
        odd_term, usual_term = site.terms["speaker"][odd], site.terms["speaker"][usual]
        where = _where(odd, odd_term, seen)
        other = _where(usual, usual_term, seen)
        hint = (f"add an alias in {registry.path or 'the speakers registry'} if they are one "
                "person" if not (odd_term.registered and usual_term.registered) else
                "merge the entries if they are one person, or list each in the other's "
                "'not_same_as'")
        report.warn(where[0], where[1], f"speaker '{odd_term.name}' looks like "
                                        f"'{usual_term.name}' ({other[0]}); {hint}.")


def _korean(spellings: set[str]) -> bool:
    return any(is_hangul(ch) for name in spellings for ch in name[:1])


def _contexts(site: Site) -> dict[str, set[str]]:
    """What a speaker is seen with: their affiliations and the events they spoke at."""
    found: dict[str, set[str]] = defaultdict(set)
    for ident, appearances in site.appearances.items():
        for note, _talk, appearance in appearances[:LOOK_ALIKE_NAMES]:
            if appearance.affiliation:
                found[ident].add("a:" + key(appearance.affiliation))
            if note.event:
                found[ident].add("e:" + note.event)
    return found


def _related(a: str, b: str, site: Site, contexts: dict[str, set[str]]) -> bool:
    """Two Korean names one jamo apart are taken for one person misspelt only with something
    more in common: one of them registered, or a company or an event both are seen with.
    Otherwise `김태호`/`김태희` are simply two people."""
    terms = site.terms["speaker"]
    if terms[a].registered or terms[b].registered:
        return True
    return bool(contexts.get(a, set()) & contexts.get(b, set()))


def _alike(a: set[str], b: set[str]) -> bool:
    return any(look_alike(x, y) for x in a for y in b)


def _odd_one(a: str, b: str, site: Site, seen: Mapping[tuple[Kind, str], Seen],
             order: dict[tuple[Kind, str], int]) -> tuple[str, str]:
    """Of two look-alikes, the likely misspelling: unregistered, then rarer, then seen later."""

    def weight(ident: str) -> tuple[bool, int, int]:
        term = site.terms["speaker"][ident]
        place = seen.get(("speaker", ident))
        return term.registered, place.count if place else 0, -order.get(("speaker", ident), -1)
    ordered = sorted((a, b), key=weight)
    return ordered[0], ordered[1]


def _where(ident: str, term: Term, seen: Mapping[tuple[Kind, str], Seen]) -> tuple[str, int | None]:
    place = seen.get(("speaker", ident))
    if place is not None:
        return place.path, place.line
    return term.source, term.line
