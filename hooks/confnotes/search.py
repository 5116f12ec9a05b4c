"""Korean search: analysed words in hidden fields of Material's search index.

Material's search worker indexes every field named in the index's `config.fields`, shown or
not, splits text and queries with the configured `separator`, and prefix-matches every query
word (`word*`). The separator in mkdocs.yml already strips particles (`반도체를` -> `반도체`) on
both sides; what a separator cannot do is done here, once, after the search plugin has written
`search/search_index.json` (what it needs of the pages, their heading levels, recorded as each
page rendered):

- `words`: compounds a reader may type differently from the text. Neighbouring Hangul words
  are joined (`반도체 설계` -> `반도체설계`) and long words are cut into words the notes use on
  their own (`클라우드보안` -> `보안`; a prefix query already finds `클라우드`).
- `titles`: the same for the section title; on a speaker, topic or event page, every other
  name of the term, so a page is found by any of its names; on a talk's section, every
  spelling of its speakers (a byline weighs like a title: `Kai-Fu Lee` finds his talk before
  a note titled `Future`); and both halves of a brand (`SK하이닉스`: sk, 하이닉스), on the
  page as well as on its section, as Material ranks a page by the share of the query's words
  it matches.
- `about`: every spelling of the talk's topics and of the note's event and topics, so
  `고대역폭메모리` finds the talk whose text only says `HBM`.

A section inside one of several talks is titled `talk › section`, and topic and event pages
weigh less than notes, so note text outranks them at equal match; a speaker's page less so.

Nothing here is a documented Material extension point: Material is pinned, and
tests/browser/test_search.py types real queries into the search box to guard it. The fields
are filled only when mkdocs.yml declares them under `plugins: search: fields:`, so a plain
search block gives plain Material search.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .index import Site
from .kinds import SPEC
from .model import KINDS, Kind, Note, Talk, Term
from .names import key
from .outputs import file_status

FIELDS = ("titles", "words", "about")
BREADCRUMB = " › "

_TAG = re.compile(r"<[^>]*>")
# Whole Hangul words separated by single spaces: punctuation, markup and other scripts end a
# run, so no compound is made across a list item, a sentence, or into `1.3년` or `SK하이닉스`.
# A run may end at an opening bracket: `**전력 관리(Power Management)**` is the compound
# 전력관리 with its English name after it.
_RUN = re.compile(r"(?<![^\s\"'“‘(\[])[가-힣]+(?: [가-힣]+)*(?![^\s.,:;!?\"'”’)\]([])")
# A brand that joins a Latin name to a Hangul word (`SK하이닉스`, `KT클라우드의`): the separator
# cuts it in two, so `SK 하이닉스` finds pages that only say `SK` first. Its Hangul half goes
# where a match outweighs a title's `SK`.
_BRAND = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9&]{0,11})([가-힣]{2,})")
_HANGUL_WORD = re.compile(r"[가-힣]+")
_PREDICATE = ("다", "요")
# One-syllable words that start no compound: determiners, counters, bound nouns (`할 수`).
_NOT_FIRST = frozenset("이 그 저 각 및 등 더 또 잘 안 못 수 것 때 곳 중 후 전 약 총 한 두 세 네 "
                       "몇 좀 꼭 왜 다 참 뭐 제 내 각 온 새 첫 줄 데 바 뿐 채 듯 양 만 번".split())
MIN_PART = 2     # syllables: one-syllable parts are mostly endings and particles
MIN_SPLIT = 4    # syllables: the shortest word cut into two parts of MIN_PART
MAX_PARTS = 4
# Under `mkdocs serve`, a vocabulary that gains or loses more stems than this at once has
# every page analysed again rather than the words they could cut looked for.
RELEARN_ALL = 64


@dataclass
class Analyser:
    """Tokenises like the search worker (same separator) and finds compounds and parts."""

    separator: re.Pattern[str]
    vocabulary: set[str] = field(default_factory=set)
    _stems: dict[str, str] = field(default_factory=dict)
    _parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _tails: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def tokens(self, text: str) -> list[str]:
        """The words the worker indexes for `text`, lower-cased, in order."""
        out: list[str] = []
        start = 0
        for match in self.separator.finditer(text):
            if match.start() > start:
                out.append(text[start:match.start()].lower())
            start = max(start, match.end())
        if start < len(text):
            out.append(text[start:].lower())
        return out

    def stem(self, word: str) -> str:
        """A Hangul word without its particles, as the separator leaves it."""
        stem = self._stems.get(word)
        if stem is None:
            tokens = self.tokens(word)
            stem = self._stems[word] = tokens[0] if len(tokens) == 1 else ""
        return stem

    def learn(self, text: str) -> None:
        """Add the Hangul words of `text` that stand on their own to the vocabulary."""
        self.learn_words(_HANGUL_WORD.findall(text))

    def learn_words(self, words: Iterable[str]) -> None:
        self.vocabulary.update(self.standalone(words))

    def standalone(self, words: Iterable[str]) -> set[str]:
        """The stems of `words` the vocabulary takes."""
        found: set[str] = set()
        for word in words:
            stem = self.stem(word)
            # Predicates (`했다`, `있어요`) are no part of a compound noun.
            if len(stem) >= MIN_PART and not stem.endswith(_PREDICATE):
                found.add(stem)
        return found

    def parts(self, word: str) -> tuple[str, ...]:
        """`word` cut into the fewest vocabulary words, longest first part on a tie; () when
        it cannot be cut."""
        cached = self._parts.get(word)
        if cached is not None:
            return cached
        n = len(word)
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[n] = ()
        for i in range(n - MIN_PART, -1, -1):
            for j in range(n, i + MIN_PART - 1, -1):
                rest = best[j]
                if rest is None or (i == 0 and j == n) or word[i:j] not in self.vocabulary:
                    continue
                candidate = (word[i:j], *rest)
                current = best[i]
                if len(candidate) <= MAX_PARTS and (current is None
                                                    or len(candidate) < len(current)):
                    best[i] = candidate
        found = best[0] or ()
        self._parts[word] = found
        return found

    def tails(self, stem: str) -> tuple[str, ...]:
        """The tails of `stem` after each cut (`클라우드보안` -> `보안`)."""
        found = self._tails.get(stem)
        if found is None:
            parts = self.parts(stem) if len(stem) >= MIN_SPLIT else ()
            found = self._tails[stem] = tuple("".join(parts[k:]) for k in range(1, len(parts)))
        return found

    def compounds(self, text: str) -> Iterator[str]:
        """Words to index besides the text's own: joined neighbours and the tails of long
        words from each cut (a prefix query finds the head)."""
        # The hottest loop of the analysis: stems and tails come from caches, and a run of
        # one word (the most common) skips the pairing.
        stems, stem, tails = self._stems, self.stem, self.tails
        for run in _RUN.findall(text):
            if " " not in run:
                yield from tails(stems[run] if run in stems else stem(run))
                continue
            words = run.split(" ")
            cut = [stems[w] if w in stems else stem(w) for w in words]
            last = len(words) - 1
            for i, word_stem in enumerate(cut):
                yield from tails(word_stem)
                # A word that lost a particle ends a compound: `반도체를 설계` is no `반도체설계`.
                if (i < last and word_stem == words[i] and word_stem not in _NOT_FIRST
                        and cut[i + 1]):
                    yield word_stem + cut[i + 1]


def brand_parts(analyser: Analyser, text: str) -> list[str]:
    """The Latin and the Hangul half of each brand in `text` (`SK하이닉스의` -> sk, 하이닉스)."""
    parts: list[str] = []
    for latin, hangul in _BRAND.findall(text):
        stem = analyser.stem(hangul)
        if len(stem) >= MIN_PART:
            parts += [latin.lower(), stem]
    return parts


def plain_text(markup: str) -> str:
    """Index text without Material's kept tags; each tag ends a run of words."""
    return html.unescape(_TAG.sub("\n", markup))


def spellings(names: Iterable[str]) -> list[str]:
    """Every name as written, and run together when written in words (`카이푸 리` ->
    `카이푸리`, `Kai-Fu Lee` -> `kaifulee`), so a reader may type it either way."""
    out: dict[str, None] = {}
    for name in names:
        out.setdefault(name, None)
        joined = key(name)
        if joined != name.casefold() and (joined.isascii() or _HANGUL_WORD.fullmatch(joined)):
            out.setdefault(joined, None)
    return list(out)


def term_names(site: Site, kind: Kind, ident: str) -> list[str]:
    term = site.terms[kind].get(ident)
    return [term.name, *term.other_names] if term is not None else []


def talk_names(site: Site, talk: Talk) -> list[str]:
    return [n for t in talk.topics for n in term_names(site, "topic", t)]


def talk_people(site: Site, talk: Talk) -> list[str]:
    """Every spelling of the people on stage: a talk's byline, weighed like its title."""
    names = [n for a in talk.speakers for n in term_names(site, "speaker", a.speaker)]
    return names + [a.name for a in talk.speakers]  # the spelling written in the note


def note_names(site: Site, note: Note) -> list[str]:
    names = term_names(site, "event", note.event) if note.event else []
    return names + [n for t in note.topics for n in term_names(site, "topic", t)]


def talk_of_sections(anchors: list[str], talks: tuple[Talk, ...],
                     levels: dict[str, int]) -> dict[str, Talk]:
    """The talk each section anchor belongs to: from the talk's heading to the next heading at
    its level or above (sections listed in page order)."""
    by_anchor = {t.anchor: t for t in talks if t.anchor}
    owner: dict[str, Talk] = {}
    current: Talk | None = None
    for anchor in anchors:
        level = levels.get(anchor, 1)
        if anchor in by_anchor:
            current = by_anchor[anchor]
        elif current is not None and level <= levels.get(current.anchor or "", 0):
            current = None
        if current is not None:
            owner[anchor] = current
    return owner


def _talk_owners(levels: Mapping[str, Mapping[str, int]], notes: dict[str, Note],
                 docs: list[dict[str, Any]]) -> dict[str, Talk]:
    """The talk of each section location in notes of several talks; `levels` gives each
    page's heading levels by id, as the page rendered them."""
    anchors: dict[str, list[str]] = {}
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if anchor:
            anchors.setdefault(page, []).append(anchor)
    owners: dict[str, Talk] = {}
    for url, note in notes.items():
        if len([t for t in note.talks if t.anchor]) < 2 or url not in anchors:
            continue
        if url not in levels:
            continue
        for anchor, talk in talk_of_sections(anchors[url], note.talks, dict(levels[url])).items():
            owners[f"{url}#{anchor}"] = talk
    return owners


def _add(doc: dict[str, Any], name: str, words: Iterable[str], have: set[str]) -> None:
    """Set a hidden field to the words not already indexed for the doc, once each."""
    new = [w for w in dict.fromkeys(words) if w and w not in have]
    if new:
        doc[name] = " ".join(new)


def enrich(site_dir: Path, site: Site, levels: Mapping[str, Mapping[str, int]]) -> None:
    """Add analysed Korean text to `search/search_index.json` under `site_dir`. `levels`: each
    page's heading levels by id (site-relative URL -> id -> level), recorded as it rendered."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    text = enriched(json.loads(path.read_text(encoding="utf-8")), site, levels)
    if text is not None:
        path.write_text(text, encoding="utf-8")


def enriched(index: dict[str, Any], site: Site, levels: Mapping[str, Mapping[str, int]]
             ) -> str | None:
    """The search index (as `search_index.json` holds it, read) with the analysed fields, as
    the file's text; None when mkdocs.yml declares none of them (plain Material search)."""
    declared = set(index.get("config", {}).get("fields", {}))
    if not declared.intersection(FIELDS):
        return None
    analyser = Analyser(re.compile(index["config"]["separator"]))
    docs: list[dict[str, Any]] = index["docs"]
    # Two passes over the text, the first for the vocabulary. Nothing of a doc is kept for the
    # second: a word set per section is several hundred MB at 5,000 notes.
    seen: set[str] = set()
    brands: dict[str, dict[str, None]] = {}  # page -> both halves of the brands it names
    for doc in docs:
        found = _read_words(analyser, doc, seen)
        if found:
            brands.setdefault(doc["location"].partition("#")[0], {}).update(
                dict.fromkeys(found))
    analyser.learn_words(seen)
    del seen
    context = _Context(site, declared, analyser)
    owners = _talk_owners(levels, context.notes, docs)
    for doc in docs:
        _enrich_doc(doc, context, owners, brands)
    # UTF-8 rather than Material's \uXXXX escapes: a third fewer bytes, 8% fewer gzipped.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def _read_words(analyser: Analyser, doc: dict[str, Any], seen: set[str]) -> list[str]:
    """The first pass over a doc: its Hangul words into `seen`; the brands it names."""
    title, text = plain_text(doc.get("title", "")), plain_text(doc.get("text", ""))
    seen.update(_HANGUL_WORD.findall(title))
    seen.update(_HANGUL_WORD.findall(text))
    return brand_parts(analyser, title + "\n" + text)


class _Context:
    """What the second pass reads besides the doc: the model's pages by address, the fields
    declared, and the analyser with the whole vocabulary (the terms' names learnt here)."""

    def __init__(self, site: Site, declared: set[str], analyser: Analyser,
                 learn: bool = True) -> None:
        self.site = site
        self.declared = declared
        self.analyser = analyser
        self.terms: dict[str, Term] = {t.url_path: t for kind in KINDS
                                       for t in site.terms.get(kind, {}).values()}
        for named in self.terms.values() if learn else ():
            for name in (named.name, *named.other_names):
                analyser.learn(name)
        self.notes = {n.url: n for n in site.notes}


def _enrich_doc(doc: dict[str, Any], context: _Context, owners: Mapping[str, Talk],
                brands: Mapping[str, Mapping[str, None]]) -> None:
    """The second pass over a doc: its hidden fields filled."""
    site, analyser, declared = context.site, context.analyser, context.declared
    title, text = plain_text(doc.get("title", "")), plain_text(doc.get("text", ""))
    title_words, words = _HANGUL_WORD.findall(title), set(_HANGUL_WORD.findall(text))
    location = doc["location"]
    page, _, anchor = location.partition("#")
    titles = list(analyser.compounds(title))
    about: list[str] = []
    if (term := context.terms.get(page)) is not None:
        doc["boost"] = doc.get("boost", 1) * SPEC[term.kind].search_boost
        names = spellings([term.name, *term.other_names])
        titles += names + [c for n in names for c in analyser.compounds(n)]
    elif (note := context.notes.get(page)) is not None:
        talk = owners.get(location)
        if talk is not None and talk.anchor != anchor:
            doc["title"] = html.escape(talk.title, quote=False) + BREADCRUMB + doc["title"]
            title = talk.title + "\n" + title
            title_words = title_words + _HANGUL_WORD.findall(talk.title)
            titles = list(analyser.compounds(title))
        if not anchor:
            about += note_names(site, note)
        for own in note.talks:
            if (own.anchor or "") == anchor:
                about += talk_names(site, own)
                people = spellings(talk_people(site, own))
                titles += people + [c for n in people for c in analyser.compounds(n)]
    # Material ranks a result by how many of the query's words it matches, a page above
    # its sections: the page carries the brands its sections name, both halves.
    titles += [*brands.get(page, ())] if not anchor else [
        p for p in brand_parts(analyser, title + "\n" + text) if _HANGUL_WORD.fullmatch(p)]
    title_tokens = {analyser.stem(w) for w in title_words}
    have = title_tokens | {analyser.stem(w) for w in words}
    if "titles" in declared:
        _add(doc, "titles", titles, title_tokens)
    if "words" in declared:
        _add(doc, "words", analyser.compounds(text), have)
    if "about" in declared and about:
        _add(doc, "about", spellings(about), set())


# -- under `mkdocs serve --dirty` ------------------------------------------------------------


@dataclass
class _Page:
    """One page's share of the index: its entries as the search plugin made them, read back
    as the index file gives them; the vocabulary and brands they add; the enriched entries as
    JSON, while the vocabulary and model they were made with stand."""

    entries: list[dict[str, Any]]
    docs: list[dict[str, Any]]
    stems: set[str]
    brands: dict[str, dict[str, None]]
    urls: set[str] = field(default_factory=set)   # the pages its entries are of
    haystack: str = ""               # its text, as analysed
    levels: dict[str, dict[str, int]] | None = None
    facts: tuple[Any, ...] | None = None
    json: bytes | None = None


# The name the index is kept under while Material's plugin writes its own (KeptIndex).
ASIDE_PREFIX = ".confnotes-kept-"

# Buffers given to one os.writev call (POSIX lets a system take no more than 1024).
WRITEV_BATCH = 1024


def _write_joined(handle: BinaryIO, lead: list[bytes], parts: list[bytes]) -> None:
    """Write `lead`, then `parts` joined by commas, then `]}` at the handle's position. The
    parts go to the file as they are (os.writev), not first copied into one string: an index
    of tens of megabytes was slower to join in memory than to write."""
    buffers = list(lead)
    for n, part in enumerate(parts):
        if n:
            buffers.append(b",")
        buffers.append(part)
    buffers.append(b"]}")
    writev = getattr(os, "writev", None)
    if writev is None:  # a system without it (Windows)
        handle.write(b"".join(buffers))
        return
    handle.flush()
    fd = handle.fileno()
    position = handle.tell()
    for start in range(0, len(buffers), WRITEV_BATCH):
        batch = buffers[start:start + WRITEV_BATCH]
        size = sum(len(b) for b in batch)
        done = writev(fd, batch)
        rest = b"".join(batch)[done:] if done < size else b""
        while rest:  # a short write, which files rarely give: the rest written plainly
            rest = rest[os.write(fd, rest):]
        position += size
    handle.seek(position)


class KeptIndex:
    """The analysed index of one `mkdocs serve --dirty` process: a rebuild analyses again only
    the pages whose entries changed, and every page when the vocabulary or the model did. The
    file written is the one `enrich` writes from the whole index."""

    def __init__(self) -> None:
        self.settings: dict[str, Any] | None = None
        self.analyser: Analyser | None = None
        self.pages: dict[str, _Page] = {}
        self.counts: dict[str, int] = {}     # stem -> pages whose words give it
        self.site: Site | None = None
        self.term_stems: set[str] = set()
        # The file as the last call left it: where, its head, its pages' parts, size and time.
        self.written: tuple[Path, bytes, list[bytes], tuple[int, int] | None] | None = None
        self.aside: Path | None = None       # where set_aside moved it

    def set_aside(self) -> None:
        """Move the file as the last call left it out of the way of Material's search plugin,
        which writes an index of the pages it rendered over it at the end of every build: the
        next `write` puts it back over that one, then writes only what changed."""
        if self.written is None or self.aside is not None:
            return
        path = self.written[0]
        if file_status(path) != self.written[3]:
            return
        aside = path.with_name(ASIDE_PREFIX + path.name)
        os.replace(path, aside)
        self.aside = aside

    def put_back(self, keep: bool) -> None:
        """The set-aside file back in its place (`keep`), or removed (the build that set it
        aside did not come to write the index: the next writes it whole)."""
        aside, self.aside = self.aside, None
        if aside is None or self.written is None:
            return
        try:
            if keep:
                os.replace(aside, self.written[0])
            else:
                aside.unlink()
                self.written = None
        except OSError:
            self.written = None

    def write(self, path: Path, settings: dict[str, Any], pages: list[tuple[str, Any]],
              site: Site, levels: Mapping[str, Mapping[str, int]]) -> None:
        """Write the analysed index of `pages` ((source, entries) in page order) at `path`."""
        self.put_back(keep=True)
        config = json.loads(json.dumps(settings, default=str))
        if config != self.settings or self.analyser is None:
            self.pages, self.counts, self.site, self.term_stems = {}, {}, None, set()
            self.settings = config
            self.analyser = Analyser(re.compile(config["separator"]))
        analyser = self.analyser
        last = self.pages
        self.pages = {}
        for src, entries in pages:
            page = last.pop(src, None)
            if page is None or page.entries is not entries:
                old = page
                page = self._read(entries)
                self._count(page.stems, 1)
                if old is not None:
                    self._count(old.stems, -1)
            self.pages[src] = page
        for gone in last.values():
            self._count(gone.stems, -1)
        if site is not self.site:
            terms = {t.url_path: t for kind in KINDS for t in site.terms.get(kind, {}).values()}
            self.term_stems = analyser.standalone(w for t in terms.values()
                                                  for n in (t.name, *t.other_names)
                                                  for w in _HANGUL_WORD.findall(n))
        vocabulary = set(self.counts) | self.term_stems
        if vocabulary != analyser.vocabulary:
            analyser = self.analyser = self._relearn(analyser, vocabulary)
        declared = set(config.get("fields", {}))
        context = _Context(site, declared, analyser, learn=False)
        brands: dict[str, dict[str, None]] = {}
        for page in self.pages.values():
            for where, found in page.brands.items():
                brands.setdefault(where, {}).update(found)
        parts: list[bytes] = []
        for page in self.pages.values():
            own_levels: dict[str, Mapping[str, int]] = {
                url: levels[url] for url in page.urls if url in levels}
            facts = (_facts(context, page.urls) if site is not self.site or page.facts is None
                     else page.facts)
            if page.json is None or page.levels != own_levels or page.facts != facts:
                copied = {url: dict(found) for url, found in own_levels.items()}
                docs = [dict(d) for d in page.docs]
                notes = {url: context.notes[url] for url in page.urls if url in context.notes}
                owners = _talk_owners(copied, notes, docs)
                for doc in docs:
                    _enrich_doc(doc, context, owners, brands)
                # Kept encoded: the file is written again at every rebuild.
                page.json = ",".join(_dumps(d) for d in docs).encode("utf-8")
                page.levels = copied
                page.facts = facts
            if page.json:
                parts.append(page.json)
        self.site = site
        self._write(path, b'{"config":' + _dumps(config).encode("utf-8") + b',"docs":[', parts)

    def _write(self, path: Path, head: bytes, parts: list[bytes]) -> None:
        """`head`, the parts joined by commas, then `]}`. A rebuild changes a few pages' parts
        (the same bytes objects are kept for the others): while the file is as the last call
        left it, only what follows the first changed part is written again."""
        last, self.written = self.written, None
        if last is not None and last[0] == path and last[1] == head and (
                file_status(path) == last[3]):
            same = 0
            for old, new in zip(last[2], parts, strict=False):
                if old is not new:
                    break
                same += 1
            if same == len(parts) == len(last[2]):
                self.written = last
                return
            # From the end of the last part unchanged, with the comma before the next part.
            offset = len(head) + sum(len(part) for part in parts[:same]) + max(same - 1, 0)
            with path.open("r+b") as handle:
                handle.seek(offset)
                _write_joined(handle, [b","] if 0 < same < len(parts) else [], parts[same:])
                handle.truncate()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                _write_joined(handle, [head], parts)
        self.written = (path, head, parts, file_status(path))

    def _relearn(self, analyser: Analyser, vocabulary: set[str]) -> Analyser:
        """An analyser of the new `vocabulary`; the pages whose analysis it changes are
        analysed again. The vocabulary decides only where a long word is cut (`tails`): a word
        that holds none of the stems gained or lost is cut as before, and of those that hold
        one only the words cut differently now change a page, a page whose text or model
        facts contain them."""
        new = Analyser(analyser.separator, vocabulary, analyser._stems)
        delta = vocabulary ^ analyser.vocabulary
        if len(delta) > RELEARN_ALL:
            for page in self.pages.values():
                page.json = None
            return new
        moved: list[str] = []
        for word, tails in analyser._tails.items():
            if len(word) >= MIN_SPLIT and any(d in word for d in delta if len(d) < len(word)):
                if new.tails(word) != tails:
                    moved.append(word)
            else:
                new._tails[word] = tails
                if word in analyser._parts:
                    new._parts[word] = analyser._parts[word]
        if moved:
            for page in self.pages.values():
                if page.json is None:
                    continue
                read = page.haystack + "\n" + repr(page.facts)
                if any(w in read for w in moved):
                    page.json = None
        return new

    def _read(self, entries: list[dict[str, Any]]) -> _Page:
        assert self.analyser is not None
        # As the search plugin's file gives them back.
        docs: list[dict[str, Any]] = json.loads(json.dumps(entries, default=str))
        seen: set[str] = set()
        brands: dict[str, dict[str, None]] = {}
        for doc in docs:
            found = _read_words(self.analyser, doc, seen)
            if found:
                brands.setdefault(doc["location"].partition("#")[0], {}).update(
                    dict.fromkeys(found))
        urls = {d["location"].partition("#")[0] for d in docs}
        haystack = "\n".join(plain_text(d.get(f, "")) for d in docs for f in ("title", "text"))
        return _Page(entries, docs, self.analyser.standalone(seen), brands, urls, haystack)

    def _count(self, stems: set[str], step: int) -> bool:
        """Count `stems` in (1) or out (-1); whether the vocabulary gained or lost a stem."""
        counts, changed = self.counts, False
        for stem in stems:
            n = counts.get(stem, 0) + step
            if n:
                counts[stem] = n
            else:
                del counts[stem]
            changed |= n == 0 or (n == 1 and step == 1)
        return changed


def _facts(context: _Context, urls: Iterable[str]) -> tuple[Any, ...]:
    """Everything `_enrich_doc` reads of the model for the entries of these pages: entries
    whose facts are the same are analysed the same. Every name read is also a word whose
    cut may move when the vocabulary does (KeptIndex._relearn looks for it here)."""
    site = context.site
    found: list[Any] = []
    for url in sorted(urls):
        term = context.terms.get(url)
        note = context.notes.get(url)
        if term is not None:
            found.append((url, term.kind, term.name, term.other_names))
        elif note is not None:
            talks = tuple((t.title, t.anchor, talk_names(site, t), talk_people(site, t))
                          for t in note.talks)
            found.append((url, talks, note_names(site, note)))
        else:
            found.append((url,))
    return tuple(found)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
