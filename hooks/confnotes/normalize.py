"""Front matter and body -> one normalised note. The fields are read by the table in
fields.py; the body is read for talks, people, anchors and excerpts (body.py), and what neither
says is looked for in clues (clues.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from . import body as body_mod
from . import body_lines, body_shapes, bylines, clues, generator_keys
from .body_shapes import Appearance
from .catalogue import find_series
from .dates import date_in_name as parse_date_in_name
from .fields import FIELDS, PAGE_KEYS, Context, RawTalk, TopicRef, read_fields
from .front_matter import Source
from .messages import Report
from .name_shapes import has_known_first_name, is_korean_name
from .names import clean, key
from .people import PersonRef
from .talk_links import carry
from .vocabulary import NOT_TOPICS

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class RawNote:
    """A note after normalisation, with names as written (not yet resolved to terms)."""

    path: str
    title: str
    date: dt.date | None
    event: str | None
    day: int | None
    session: str | None
    talks: list[RawTalk]
    topics: list[TopicRef]
    source: str | None
    lang: str
    authors: list[str]
    summary: str | None
    lines: dict[str, int]
    markdown: str                      # the body to render, with talk anchors written in
    excerpt: str = ""                  # the opening prose as plain text, for feeds and cards
    page_meta: dict[str, Any] = field(default_factory=dict)
    slides: str | None = None
    video: str | None = None
    date_end: dt.date | None = None    # the last day, when the note spans several
    date_precision: clues.Precision = "day"
    date_source: str | None = None     # where the date was read: `front matter`, `line 5`, ...
    post_date: dt.date | None = None   # the post's own date, when it is not the talk's
    event_source: str | None = None    # where the event was read, when not from front matter
    event_series: str | None = None    # the series an inferred event belongs to
    event_series_name: str | None = None
    event_aliases: tuple[str, ...] = ()  # the event's name as the note spells it
    draft: bool = False
    picture: str | None = None         # the note's own picture (a path under docs/ or a URL)
    place: str | None = None


def guess_lang(text: str) -> str:
    """ko when Hangul carries the text, en otherwise (a Hangul syllable ~ three letters)."""
    hangul = len(_HANGUL.findall(text))
    return "ko" if hangul * 3 >= len(_LATIN.findall(text)) and hangul else "en"


def normalise(source: Source, path: str, report: Report,
              slugify: body_mod.Slugify = body_mod.anchor_slug) -> RawNote:
    """One note, read from its front matter and body, every field in its clean form; its talks'
    headings get ids made by `slugify`, the site's own."""
    ctx = Context(path, source.meta, report)
    found = read_fields(source.meta, ctx, FIELDS)
    scanned = body_mod.scan(source.body, source.body_line)
    if scanned.unclosed_fence is not None:
        report.warn(path, scanned.unclosed_fence, "this code block (```) is never closed, so it "
                                                  "swallows the rest of the note; close it.")
    title = _readable_title(found.get("title")) or _title_from_body(scanned, path, report)
    talks = _talks(found, scanned, title)
    _people_from_front_matter(talks, found, source)
    _speaker_from_link(talks, source)
    markdown = body_mod.anchor_talks(scanned, [t for t, _ in talks], slugify)
    sections = body_mod.sections(scanned, [t for t, _ in talks]) if len(talks) > 1 else {}
    raw_talks = [
        RawTalk(t.title or title, None if len(talks) == 1 else t.anchor, list(t.people), topics,
                t.heading.index + source.body_line if t.heading else None,
                sections.get(id(t), ""))
        for t, topics in talks
    ]
    carry(raw_talks, found.get("talks") or [])
    # Gatsby and Hexo name their own layouts in `template:` (`template: post`): that is
    # another generator's setting, not a template of this site's theme.
    page_meta = {k: v for k, v in source.meta.items() if str(k).casefold() in PAGE_KEYS
                 and not (str(k).casefold() == "template" and isinstance(v, str)
                          and not v.strip().endswith(".html"))}
    lang = found.get("lang") or guess_lang(title + "\n" + source.body[:4000])
    text = _clue_text(source, scanned, path, title, found, lang)
    event, event_clue = found.get("event"), None
    if not event:
        event_clue = clues.infer_event(text)
    named = clues.named_in_front_matter(event, lang) if event else None
    if event_clue is not None and event_clue.year is None and (
            year := clues.year_elsewhere(event_clue.series, text)):
        event_clue = clues.with_year(event_clue, year)
    when, post_date = _when(found, source, path, text, event_clue or named)
    if event_clue is not None and event_clue.year is None and when is not None:
        event_clue = clues.with_year(event_clue, when.start.year)
    published = found.get("published")
    return RawNote(
        path=path,
        title=title,
        date=when.start if when else None,
        event=event or (event_clue.name if event_clue else None),
        day=found.get("day") or clues.day_of(text),
        session=found.get("session"),
        talks=raw_talks,
        topics=_topics(found, event, event_clue),
        source=found.get("source"),
        lang=lang,
        authors=found.get("authors", []),
        summary=found.get("summary"),
        lines={k: v for k, v in source.meta.lines.items() if k in FIELDS},
        markdown=markdown,
        excerpt=scanned.excerpt,
        page_meta=page_meta,
        slides=found.get("slides"),
        video=found.get("video"),
        date_end=when.end if when else None,
        date_precision=when.precision if when else "day",
        date_source=when.source if when else None,
        post_date=post_date,
        event_source=event_clue.source if event_clue else ("front matter" if event else None),
        event_series=event_clue.series if event_clue else named.series if named else None,
        event_series_name=event_clue.series_name if event_clue else None,
        event_aliases=event_clue.aliases if event_clue else (),
        draft=bool(found.get("draft")) or published is False,
        picture=found.get("picture"),
        place=found.get("place"),
    )


_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]]{0,300})\]\(([^()]{0,300})\)")


def _readable_title(title: str | None) -> str | None:
    """A title written as Markdown (`![GPT와 개발자](제1회 밋업 후기)`) as a reader sees it: the
    text, and a bracket's non-address part in parentheses."""
    if not title or "](" not in title:
        return title

    def shown(m: re.Match[str]) -> str:
        target = m.group(2).strip()
        if not target or "/" in target or "." in target.split(" ")[0]:
            return m.group(1)
        return f"{m.group(1)} ({target})"
    return clean(_MARKDOWN_LINK.sub(shown, title)) or title


def _clue_text(source: Source, scanned: body_shapes.Body, path: str, title: str,
               found: dict[str, Any], lang: str) -> clues.Text:
    h1 = next((h.text for h in scanned.headings if h.level == 1 and h.text), None)
    tags = [" ".join(t.path) for t in [*found.get("topics", []), *found.get("categories", [])]]
    # The clues read the opening lines, headings, and lines that could hold a date or a label;
    # the rest of a long note is left unread.
    lines = tuple((source.body_line + i, text) for i, line in enumerate(scanned.lines)
                  if i not in scanned.code and (i < CLUE_LINES or _may_hold_a_clue(line))
                  and (text := _words_of(line)))
    # A title made of the file's name (`2019_log_system`) says nothing about an event.
    named = found.get("title") or (title if scanned.headings or (
        scanned.first_line and _reads_as_title(scanned.first_line[0])) else "")
    return clues.Text(path, str(named), h1 if h1 != title else None, tuple(tags), lines, lang)


CLUE_LINES = 60
_CLUE_MARK = re.compile(r"[0-9:：#]")


def _may_hold_a_clue(line: str) -> bool:
    return _CLUE_MARK.search(line) is not None


_ADDRESSES = re.compile(r"<[^<>\n]{0,1000}>|\]\([^()\s]{0,1000}\)|(?:https?:|www\.)\S{0,1000}")


def _words_of(line: str) -> str:
    """A line as the clues read it: without HTML tags, link targets and addresses, where a
    date in a picture's file name (`2018-02-11-droidkaigi-01.jpg`) is no date of the note."""
    if len(line) > 5000:
        line = line[:5000]
    if "<" in line or "](" in line or "http" in line or "www." in line:
        line = _ADDRESSES.sub(lambda m: "]" if m.group().startswith("]") else " ", line)
    if "\\ " in line:
        line = line.replace("\\ ", " ")      # math text: `October\ 26,\ 2022`
    return line.strip()


def _when(found: dict[str, Any], source: Source, path: str, text: clues.Text,
          event: clues.EventClue | None) -> tuple[clues.When | None, dt.date | None]:
    """The talk's date and the post's own date. `date:` in Confnotes' own notes is the talk's;
    in another generator's post (`layout:`, `pub_date:`, a dated file name) it is the post's,
    and what the text says about the talk wins over it."""
    time = found.get("time")
    if time is not None:
        return clues.When(time, None, "day", "front matter", source.meta.lines.get("time")), None
    date: dt.date | None = found.get("date")
    published = found.get("published")
    post: dt.date | None = found.get("post_date") or (
        published if isinstance(published, dt.date) else None)
    named = parse_date_in_name(PurePosixPath(path).name)
    post_like = _from_another_generator(source) or (date is not None and date == named)
    if date is not None and not post_like:
        return clues.When(date, None, "day", "front matter", source.meta.lines.get("date")), post
    # A post dated twice (front matter and file name) was written by the earlier date; the
    # later one is usually an edit.
    dated = [d for d in (post, date) if d is not None]
    post = min(dated) if dated else None
    post_source = "post date"
    if named is not None and (post is None or named < post):
        post, post_source = named, "post date (file name)"
    return clues.infer_date(text, event, post, post_source), post


def _names_event(tag: str) -> bool:
    """A tag that is an event's name (`deview2017`, `ifkakao`), not a subject."""
    for mention in find_series(tag):
        whole = mention.start == 0 and mention.end >= len(tag.rstrip())
        if whole and (mention.series.bare or mention.year is not None):
            return True
    return False


def _people_from_front_matter(talks: list[tuple[body_shapes.BodyTalk, list[TopicRef] | None]],
                              found: dict[str, Any], source: Source) -> None:
    """Speakers a blog post names only in its front matter: a label line in its description
    (`**강연자 : 신정규**`), or a tag that is a person's name (`tags: [gdg, 천민호, react]`)."""
    if any(t.people for t, _ in talks) and len(talks) > 1:
        return
    talk = talks[0][0]
    lines = source.meta.lines
    summary_keys = {generator_keys.fold(k) for k in FIELDS["summary"].keys}
    for raw_key, text in source.meta.items():
        if generator_keys.fold(str(raw_key)) not in summary_keys or not isinstance(text, str):
            continue
        for value in text.split("\n")[:20] if len(text) < 5000 else ():
            if labelled := bylines.label_value(value.strip()):
                role, names = labelled
                body_lines.add_people(talk, [Appearance(p, p.role or role, lines.get(raw_key))
                                           for p in bylines.label_people(names)])
            elif "님" in value and len(value) <= 300 and (
                    read := bylines.heading_people(value.strip(), person=False)) and read[0] and (
                    read[1] and all(is_korean_name(p.name) and f"{p.name}님" in value
                                    for p in read[1])):
                # `description = "제목 - 조성원님(Hyperconnect)"`: the talk, as a heading says it
                body_lines.add_people(talk, [Appearance(p, p.role or "speaker",
                                                        lines.get(raw_key)) for p in read[1]])
    for ref in found.get("topics", []):
        if len(ref.path) == 1 and is_korean_name(ref.path[0]):
            body_lines.add_people(talk, [Appearance(PersonRef(ref.path[0]), "speaker", ref.line)])


# An address of the conference's page of the speaker: `.../speaker/DanNorth`,
# `.../speakers/jane-example/`.
_SPEAKER_PAGE = re.compile(r"https?://[^\s()<>\]]{1,200}?/speakers?/([A-Za-z][A-Za-z-]{3,60})"
                           r"(?=[/?#)\s>\]]|$)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
SPEAKER_LINK_LINES = 6


def _speaker_from_link(talks: list[tuple[body_shapes.BodyTalk, list[TopicRef] | None]],
                       source: Source) -> None:
    """A note of one talk that names no speaker but links, at its top, to the conference's
    page of the speaker: the name in that address (`/speaker/DanNorth` -> Dan North)."""
    if len(talks) != 1 or talks[0][0].people:
        return
    for n, line in enumerate(source.body.split("\n", SPEAKER_LINK_LINES)[:SPEAKER_LINK_LINES]):
        if (m := _SPEAKER_PAGE.search(line)) is None:
            continue
        words = _CAMEL.sub(" ", m.group(1)).replace("-", " ").split()
        name = " ".join(w[:1].upper() + w[1:] for w in words)
        if 2 <= len(words) <= 3 and has_known_first_name(name):
            body_lines.add_people(talks[0][0], [Appearance(PersonRef(name), "speaker",
                                                           source.body_line + n)])
        return


def _from_another_generator(source: Source) -> bool:
    """Front matter that another generator wrote: TOML or JSON, or keys only it uses."""
    if source.has_front_matter and source.text[:1] in ("+", "{"):
        return True
    for raw_key in source.meta:
        folded = generator_keys.fold(str(raw_key))
        if generator_keys.steers_another_generator(folded) or folded in _GENERATOR_FIELDS:
            return True
    return False


# Keys only another generator's post has. A post date (`post_date:`, `pub_date:`) is not
# one of them: beside it, `date:` is the talk's, as `confnotes import` writes them.
_GENERATOR_FIELDS = frozenset(generator_keys.fold(k) for k in (
    *generator_keys.CATEGORY_KEYS, *generator_keys.DRAFT_KEYS, *generator_keys.PICTURE_KEYS,
    "published"))


def _topics(found: dict[str, Any], event: str | None,
            clue: clues.EventClue | None) -> list[TopicRef]:
    """Tags and categories that say what the note is about: not the kind of post
    (`conference`, `후기`), not a year, not the event's own name (`deview2017`)."""
    names = {key(n) for n in (event, clue.name if clue else None,
                              clue.series_name if clue else None) if n}
    kept: list[TopicRef] = []
    seen: set[str] = set()
    for ref in [*found.get("topics", []), *found.get("categories", [])]:
        leaf = key(ref.path[-1])
        if leaf in NOT_TOPICS or leaf.isdigit() or leaf in names or _names_event(ref.path[-1]) or (
                len(ref.path) == 1 and is_korean_name(ref.path[0])) or (
                clue is not None and clue.series and leaf.startswith(key(clue.series_name or "-"))
                and leaf[len(key(clue.series_name or "")):].isdigit()):
            continue
        if (k := key(" ".join(ref.path))) not in seen:
            seen.add(k)
            kept.append(ref)
    return kept


def _talks(
    found: dict[str, Any], scanned: body_shapes.Body, title: str
) -> list[tuple[body_shapes.BodyTalk, list[TopicRef] | None]]:
    if found.get("talks"):
        return [(body_shapes.BodyTalk(t.title, None, list(t.people), t.anchor), t.topics)
                for t in found["talks"]]
    people = [*found.get("speakers", []), *found.get("panelists", []), *found.get("moderator", [])]
    if people:
        return [(body_shapes.BodyTalk(title, None, people), None)]
    if scanned.talks:
        return [(t, None) for t in scanned.talks]
    return [(body_shapes.BodyTalk(title, None), None)]


# Headings that say what kind of section follows, not what the note is about: `세미나 정보`,
# `행사 개요`, `Notes`. As a note's only title, its file name says more.
_GENERIC_TITLE = re.compile(
    r"(?:(?:세미나|행사|컨퍼런스|콘퍼런스|발표|강연|세션|이벤트|밋업)\s?)?(?:정보|개요|소개|요약|정리|"
    r"후기|메모|노트)|목차|notes?|summary|overview|info|information|table of contents|"
    r"intro(?:duction)?", re.IGNORECASE)
_DATED_STEM = re.compile(r"^(?:\d{4}[-._]\d{1,2}[-._]\d{1,2}|\d{6,8})[-_ ]+")


def _title_from_body(scanned: body_shapes.Body, path: str, report: Report) -> str:
    for heading in scanned.headings:
        if heading.level == 1 and heading.text:
            return _unless_generic(heading.text, path)
    if scanned.headings and scanned.headings[0].text:
        return _unless_generic(scanned.headings[0].text, path)
    if scanned.first_line and _reads_as_title(scanned.first_line[0]) and (
            first := body_shapes.plain(scanned.first_line[0])):
        return first
    where = PurePosixPath(path)
    # `kubecon22/README.md`: the folder names what a README or an index page is about.
    stem = where.parent.name if where.stem.casefold() in ("readme", "index") and (
        where.parent.name) else where.stem
    name = stem.replace("-", " ").replace("_", " ").strip() or path
    report.warn(path, 1, f"the note has no title; the file name '{name}' is used. Add "
                         "'title:' to the front matter or start the note with '# 제목'.")
    return name


def _unless_generic(heading: str, path: str) -> str:
    """`heading`, or the file name's words when the heading only names a kind of section
    (`세미나 정보` in `2017-05-25-캠퍼스_리쿠르팅데이.md`)."""
    if not _GENERIC_TITLE.fullmatch(body_lines.bare(heading)):
        return heading
    stem = _DATED_STEM.sub("", PurePosixPath(path).stem)
    words = clean(stem.replace("_", " ").replace("-", " "))
    if not re.search(r"[A-Za-z가-힣]", words) or words.casefold() in ("readme", "index") or (
            _GENERIC_TITLE.fullmatch(words)):
        return heading
    return words


def _reads_as_title(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= 80
        and not text.startswith(("-", "*", "+", ">", "|", "<", "!", "[", "```", "~~~"))
        and not re.match(r"^\d+[.)]\s", text)
        and not text.endswith((".", "다", "요", ":", ";", ","))
        and bylines.label_value(text) is None
    )
