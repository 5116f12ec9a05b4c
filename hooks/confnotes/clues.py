"""A note's event and date when its front matter does not give them: read from the title, the
tags, the file and folder names and the body, as a careful reader would.

    Deview2017 2일차 후기                  -> DEVIEW 2017 (the catalogue), the year 2017
    스사모 2023 / EMOCON S/S 2017 후기      -> an event named by its title and year
    파이어폭스 컨퍼런스 후기                 -> an event named by its title and an event word
    - 일시: 2019-05-18 (토) 13시 ~ 18시     -> the date, from a labelled line
    2015년 9월 14, 15일 개최된 DEVIEW 2015  -> the dates, from the opening lines
    9/29일(월) with the year from the title -> the date, the weekday confirming the year
    어제 ... 다녀왔다 in a post of 8월 16일  -> 8월 15일

Each answer says where it came from, so `confnotes explain` and the export can show it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from .body_shapes import LEAD
from .catalogue import KOREAN_EDITION, SERIES, Mention, find_series
from .dates import date_in_name, dates_in, month_day_in
from .names import clean, key, slugify
from .vocabulary import EVENT_WORDS, GENERIC_EVENT_NAMES, NOT_TOPICS, TITLE_TAIL

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class EventClue:
    """An event a note names, and where it says so."""

    name: str                  # `DEVIEW 2015`
    series: str | None         # the series' id: `deview`
    series_name: str | None    # `DEVIEW`
    year: int | None
    source: str                # `title`, `tags`, `folder`, `body`, `line 12`
    line: int | None = None
    aliases: tuple[str, ...] = ()  # how the note spells the series, when not as the catalogue


@dataclass(frozen=True)
class When:
    """When a note's talks took place, as far as the note says."""

    start: dt.date
    end: dt.date | None
    precision: Precision
    source: str                # `front matter`, `text`, `file name`, `folder`, `post date`, ...
    line: int | None = None


@dataclass(frozen=True)
class Text:
    """The parts of a note the clues are read from."""

    path: str
    title: str
    heading: str | None                   # the first H1, when it differs from the title
    tags: tuple[str, ...]
    lines: tuple[tuple[int, str], ...]    # (file line, text) of the body, code left out
    lang: str


_EVENT_LABEL = re.compile(LEAD + r"(?:\*\*)?(?:[^\w\s*]{1,3}\s?)?(?:행사명?|컨퍼런스|콘퍼런스|"
                          r"세미나명?|밋업|conference|event|meetup)(?:\*\*)?\s?[:：](?:\*\*)?\s*",
                          re.IGNORECASE)
# A label may be bold or italic (`*발표 일시: 2025-07-27*`) and say whose day it is: the talk's
# or the event's (`발표 일시`, `행사 날짜`), never a sign-up's (`신청 기간`).
_DATE_LABEL = re.compile(LEAD + r"(?:\*{1,2}|_{1,2})?(?:[^\w\s*]{1,3}\s?)?(?:일시|날짜|일자|기간|"
                         r"(?:행사|발표|강연|세미나|모임|밋업|컨퍼런스|콘퍼런스|대회|교육|워크숍|"
                         r"워크샵|스터디)\s?(?:일시|날짜|일자)|date|dates|when|시간)"
                         r"(?:\*{1,2}|_{1,2})?\s?[:：]", re.IGNORECASE)
# `#### 세미나 정보` over the event's day and place: a note of one event, which its title names.
_EVENT_INFO = re.compile(r"#{1,6}\s*(?:세미나|행사|컨퍼런스|콘퍼런스|밋업|강연|event|seminar|"
                         r"conference|meetup)\s?(?:정보|개요|info|information|details)\s*:?\s*$",
                         re.IGNORECASE)
_BRACKETED_LEAD = re.compile(r"^\s*(?:[\[【(][^\]】)]{1,24}[\]】)]\s*)+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_EDITION_NUMBER = re.compile(r"제\s?(\d{1,3})\s?회\s+(\S.{1,40})$")
_NOT_NAME_CHARS = re.compile(r"[^\w\s&+.'/:()-]")
_ATTENDED = re.compile(r"(다녀왔|다녀 왔|다녀온|참석했|참석하|참가했|참가하|갔다|갔었|방문했|"
                       r"attended|went to|was at)")
_RELATIVE_DAY = {"그저께": -2, "그제": -2, "어제": -1, "오늘": 0, "yesterday": -1, "today": 0}
_VENUE_WORDS = re.compile(r"(개최|열린|열렸|열리|열립|다녀|참석|참가|장소|코엑스|coex|센터|호텔|홀|"
                          r"행사|양일|진행되|진행하는|held|took place|venue|attend|happening|"
                          r"was at|were at|spoke at|speaking at|(?:give|gave|giving) an? (?:\w+ )?"
                          r"talk|발표했|발표하고)", re.IGNORECASE)
_OTHER_LABEL = re.compile(r"\s*(?:[-*+]\s+)?(?:\*\*)?[^:：\d]{1,16}(?:\*\*)?\s?[:：]\s")
_DATE_HEADING = re.compile(r"(?:일시|날짜|일정|행사\s?일시|date|dates|when|schedule)",
                           re.IGNORECASE)
OPENING_LINES = 12
_MONTH_FIRST = re.compile(r"\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                          r"\s+\d{1,2}(?!\d)", re.IGNORECASE)
# Right after a conference's name, the day the writer was there: `DEVIEW 2일차 첫 세션`,
# `if(kakao) 둘째 날`, `JSConf Day 2`. (`DEVIEW 세션에서 들었던 ...` is a mention in passing.)
_PART_OF = re.compile(r"\s{0,2}(?:\d{1,2}\s?일차|[첫둘셋넷]째\s?날|day\s?\d)", re.IGNORECASE)
_CONNECTORS = frozenset("with x × feat feat. featuring by in at @ - – : with: presented "
                        "hosted powered 주최 주관 후원 in: at:".split())
_DETERMINERS = frozenset("the a an this that these those our my your their 이번 올해 그".split())
_BRACKETED_DATE = re.compile(r"[(\[（][\d.\-/~ ]{4,30}[)\]）]")
_NAME_YEAR = re.compile(r"([A-Z][A-Za-z.+]{2,30})[-_ ]?((?:19|20)\d{2})")


def _clean_title(text: str) -> str:
    """A title without its category prefix (`[컨퍼런스]`), emoji and trailing `후기`."""
    text = _BRACKETED_LEAD.sub("", clean(text))
    text = _NOT_NAME_CHARS.sub(" ", text)
    text = clean(text)
    for _ in range(3):
        cut = TITLE_TAIL.sub("", text).strip(" -:")
        if cut == text:
            break
        text = cut
    return text


def _from_catalogue(text: str, lang: str, source: str, line: int | None,
                    fuzzy: bool = True) -> EventClue | None:
    for mention in find_series(text, fuzzy):
        if mention.year is None and mention.number is None and not mention.series.bare:
            continue
        return _clue(mention, lang, source, line)
    return None


def _clue(mention: Mention, lang: str, source: str, line: int | None) -> EventClue:
    series = mention.series
    if lang == "ko" and series.id in KOREAN_EDITION:
        series = SERIES[KOREAN_EDITION[series.id]]
        mention = Mention(series, mention.year, mention.number, mention.qualifier,
                          mention.start, mention.end, mention.written)
    written = mention.written.strip()
    aliases = (written,) if written and key(written) != key(series.name) and not (
        written.isdigit()) else ()
    return EventClue(mention.name, series.id, series.name, mention.year, source, line, aliases)


def _named(name: str, year: int | None, source: str, line: int | None) -> EventClue | None:
    """An event the catalogue does not know, by the name the note gives it."""
    name = clean(name.strip(" -:·|ㅣ"))
    if not name or len(name) > 60 or key(name) in GENERIC_EVENT_NAMES or key(name) in NOT_TOPICS:
        return None
    if not re.search(r"[A-Za-z가-힣]", name):
        return None
    series = slugify(name)
    full = f"{name} {year}" if year else name
    return EventClue(full, series or None, name, year, source, line)


def _from_words(text: str, source: str, line: int | None) -> EventClue | None:
    """`스사모 2023`, `2023 Spring Meetup`, `제1회 OO 밋업`, `파이어폭스 컨퍼런스`."""
    cleaned = _clean_title(text)
    if m := _EDITION_NUMBER.search(cleaned):
        return _named(f"제{m.group(1)}회 {_clean_title(m.group(2))}", None, source, line)
    words = cleaned.split()
    at = next((n for n, w in enumerate(words) if _YEAR.fullmatch(w)), None)
    if at is not None and len(words) >= 2:
        after = words[at + 1:]
        if after and _BRACKETED_DATE.fullmatch(" ".join(after)):
            after = []          # `OpenInfra Days Korea 2023 (2023.07.03)`: the day, no name
        # `데브그라운드 2025 with Upstage`: what follows the year is a co-host, not the name.
        if 1 <= at <= 5 and (not after or after[0].casefold() in _CONNECTORS):
            return _named(" ".join(words[:at]), int(words[at]), source, line)
        if at == 0 and 1 <= len(after) <= 4:
            return _named(" ".join(after), int(words[0]), source, line)
    folded = cleaned.casefold()
    for word in EVENT_WORDS:
        at = folded.find(word)
        if at <= 0 or (at + len(word) < len(folded) and folded[at + len(word)].isalnum()):
            continue
        before = cleaned[:at].rstrip()
        name_words = re.split(r"\s[-:|·]\s|[,]", before)[-1].split()[-5:]
        if not name_words:
            continue
        year = next((int(w) for w in name_words if _YEAR.fullmatch(w)), None)
        name_words = [w for w in name_words if not _YEAR.fullmatch(w)]
        if not name_words or key(" ".join(name_words)) in GENERIC_EVENT_NAMES or (
                name_words[-1].casefold() in _DETERMINERS):
            continue            # `Story of the Conference`: some conference, not a name
        return _named(" ".join(name_words) + " " + cleaned[at:at + len(word)], year, source,
                      line)
    return None


# A month in a heading: `#### 2026년 5월 - ...`, `## 2019. 07`, `## [제4회 모임 (3월 5일 화요일)]`.
_HEADING_MONTH = re.compile(r"(?<!\d)(?:((?:19|20)\d{2})\s?(?:년\s?|[.\-/]\s?)(\d{1,2})(?!\d)|"
                            r"(\d{1,2})\s?월)")
MANY_MONTHS = 3


def many_meetings(lines: tuple[tuple[int, str], ...]) -> bool:
    """Whether the note's headings date meetings in three or more months: a log of a group's
    meetups (a README of every meeting), not a note of one event. The days of one conference
    fall within a month or two."""
    months: set[tuple[str, str]] = set()
    for _line, value in lines:
        if value.startswith("#") and len(value) <= 300:
            top = value.startswith(("# ", "## ", "##\t", "#\t"))
            for m in _HEADING_MONTH.finditer(value):
                month = m.group(2) or m.group(3)
                # A month without its year, low in a talk's outline, is a day of its story
                # (`#### 6월 1일 4명에서 출발`), not a meeting's.
                if 1 <= int(month) <= 12 and (m.group(1) or top):
                    months.add((m.group(1) or "", month.lstrip("0")))
                    if len(months) >= MANY_MONTHS:
                        return True
    return False


def infer_event(text: Text) -> EventClue | None:
    """The event a note is about, from what it says outside its front matter; None when it
    names none, or is a log of many meetings (`many_meetings`). A conference the catalogue
    knows, wherever it is named, wins over a name made of the title's words."""
    if many_meetings(text.lines):
        return None
    for line, value in _labelled(text.lines, _EVENT_LABEL):
        if value:
            return _from_catalogue(value, text.lang, f"line {line}", line) or _named(
                value, None, f"line {line}", line)
    titles = (("title", text.title), ("heading", text.heading or ""))
    for source, value in titles:
        if value and (found := _from_catalogue(value, text.lang, source, None)):
            return found
    for tag in text.tags:
        if found := _from_catalogue(tag, text.lang, "tags", None):
            return found
    parts = PurePosixPath(text.path).parts
    for part in reversed(parts):
        stem = part.rsplit(".", 1)[0]
        if found := _from_catalogue(stem.replace("_", " "), text.lang, "folder", None):
            return found
    stem = parts[-1].rsplit(".", 1)[0] if parts else ""
    for source, value in (*titles, ("file name", stem)):
        lead = _BRACKETED_LEAD.match(value or "")
        if lead and _YEAR.search(lead.group()) and (
                found := _from_words(lead.group().strip(" []【】()"), source, None)):
            return found                    # `[KRnet 2017] IoT보안에 대하여`
    for source, value in titles:
        if value and (found := _from_words(value, source, None)):
            return found
    for tag in text.tags:
        if _YEAR.search(tag) and (found := _from_words(tag, "tags", None)):
            return found
        if (m := _NAME_YEAR.fullmatch(tag.strip())) and key(m.group(1)) not in NOT_TOPICS:
            return _named(m.group(1), int(m.group(2)), "tags", None)      # tags: [ICSE2024]
    if (m := _NAME_YEAR.fullmatch(stem)) and key(m.group(1)) not in NOT_TOPICS:
        return _named(m.group(1), int(m.group(2)), "file name", None)    # PhillyETE2017.md
    if len(parts) > 1:
        folder = parts[-2]
        if date_in_name(folder) or _YEAR.search(folder):
            plain = re.sub(r"[\[\]()_]+", " ", re.sub(r"\d{6,8}", " ", folder))
            words = plain.split()
            if words and any(w.casefold() in EVENT_WORDS for w in words):
                name = " ".join(w for w in words if not _YEAR.fullmatch(w))
                return _named(name, None, "folder", None)
    # Named in the opening lines beside words that say the writer was there, or in the very
    # first line: another conference mentioned in passing (`FlexRound (ICML 2023)`) is not
    # the note's event.
    for n, (line, value) in enumerate(text.lines[:OPENING_LINES]):
        there = bool(_ATTENDED.search(value) or _VENUE_WORDS.search(value))
        for mention in find_series(value, fuzzy=False):
            day = _PART_OF.match(value, mention.end) is not None
            if (mention.year is not None and there) or (n < 2 and mention.series.bare) or day:
                return _clue(mention, text.lang, f"line {line}", line)
    if text.title and any(_EVENT_INFO.match(value) for _, value in text.lines[:OPENING_LINES]):
        return _named(_clean_title(text.title), None, "title", None)
    return None


def named_in_front_matter(name: str, lang: str) -> EventClue:
    """An event named in front matter, with the series and year its name says
    (`DEVIEW 2015` -> series `deview`, 2015)."""
    found = _from_catalogue(name, lang, "front matter", None, fuzzy=False)
    year = found.year if found else None
    if year is None and (m := _YEAR.search(name)):
        year = int(m.group(1))
    return EventClue(name, found.series if found else None,
                     found.series_name if found else None, year, "front matter")


def year_elsewhere(series: str | None, text: Text) -> int | None:
    """The year written beside a series' name anywhere else in the note: the body
    (`NHN FORWARD 22`), a tag, a folder (`playnode2015/`)."""
    if series is None:
        return None
    values = [v for _, v in text.lines] + list(text.tags) + [
        p.replace("_", " ") for p in PurePosixPath(text.path).parts]
    for value in values:
        for mention in find_series(value, fuzzy=True):
            wanted = {mention.series.id, KOREAN_EDITION.get(mention.series.id)}
            if series in wanted and mention.year is not None:
                return mention.year
    return None


def with_year(clue: EventClue, year: int) -> EventClue:
    """The clue for the edition of `year`. An edition counted (`제1회 ...`) keeps its name."""
    numbered = re.match(r"제\s?\d{1,3}\s?회", clue.name)
    name = clue.name if str(year) in clue.name or numbered else f"{clue.name} {year}"
    return EventClue(name, clue.series, clue.series_name, year, clue.source, clue.line,
                     clue.aliases)


def _labelled(lines: tuple[tuple[int, str], ...], label: re.Pattern[str]
              ) -> list[tuple[int, str]]:
    found = []
    for line, value in lines:
        if len(value) < 300 and (m := label.match(value)):
            found.append((line, clean(value[m.end():].strip("*_ "))))
    return found


def infer_date(text: Text, event: EventClue | None, post: dt.date | None,
               post_source: str) -> When | None:
    """When the talks took place, from the text: a labelled line, a dated heading or opening
    line, a line naming the event or saying it was held, a month and day with the year the
    title gives, `어제` in a dated post, a dated folder; the post's own date, then the year of
    the event, last. A date in another year than the event's is another event's."""
    years = [y for y in (event.year if event else None, _title_year(text)) if y]

    def fits(day: dt.date) -> bool:
        if years and day.year not in years:
            return False
        return post is None or day <= post + dt.timedelta(days=366)

    def when(day: dt.date, end: dt.date | None, line: int | None) -> When:
        return When(day, end, "day", f"line {line}" if line else "text", line)

    labelled = _labelled(text.lines, _DATE_LABEL) + _under_date_heading(text.lines)
    context = years or ([post.year] if post else [])
    for line, value in labelled:
        for start, end, _ in dates_in(value):
            if fits(start):
                return when(start, end, line)
        if context and (found := month_day_in(value, context, weekday_needed=False)):
            return when(found[0], found[1], line)
    # A title that dates its meeting (`2020년 11월 26일 소모임`), whatever day it was posted.
    for value in (text.title, text.heading or ""):
        for start, end, _ in dates_in(value):
            if fits(start):
                return When(start, end, "day", "title", None)
    named = _naming(event)
    # First a date beside words that say the event was held, then one on a line naming the
    # event, then a dated heading or a short dated line at the top (`2023.08.12-13 COEX`).
    for tier in (0, 1, 2):
        for n, (line, value) in enumerate(text.lines):
            if len(value) > 2000 or (tier == 2 and n >= 8 and not value.startswith("#")):
                continue
            if tier == 2 and _OTHER_LABEL.match(value) and not _DATE_LABEL.match(value):
                continue            # `- 출판: MIT Press, 2023년 12월 5일` dates a book
            if (tier == 0 and not _VENUE_WORDS.search(value)) or (tier == 1 and not named(value)):
                continue
            for start, end, at in dates_in(value):
                if not fits(start):
                    continue
                if (tier == 0 and _VENUE_WORDS.search(value[max(0, at - 60):at + 80])) or (
                        tier == 1) or (value.startswith(("#", ":::")) or len(value) <= 60) or (
                        _named_weekday(value[max(0, at - 14):at], start)):
                    return when(start, end, line)
    for line, value in text.lines[:OPENING_LINES]:
        if context and (found := month_day_in(value, context)) and fits(found[0]):
            return when(found[0], found[1], line)
    if years:
        # A short line at the top that begins with a month and day, the year in the title:
        # `# 2026 Example Conference` then `February 10–12, Oulu (Finland)`.
        shown = [(n, v) for n, v in text.lines[:8] if v.strip() and not v.lstrip().startswith(
            ("@", "}", "{", "<!--"))]       # DocC's `@Metadata { ... }` and like markup
        for line, value in shown[:4]:
            if len(value) <= 60 and _MONTH_FIRST.match(value) and (
                    found := month_day_in(value, years, weekday_needed=False)) and fits(found[0]):
                return when(found[0], found[1], line)
    if context:
        for line, value in text.lines[:40]:
            if (named(value) or _VENUE_WORDS.search(value)) and (
                    found := month_day_in(value, context, weekday_needed=False)):
                return when(found[0], found[1], line)
    if post is not None:
        for line, value in text.lines[:OPENING_LINES]:
            if _ATTENDED.search(value):
                for word, shift in _RELATIVE_DAY.items():
                    if word in value:
                        return when(post + dt.timedelta(days=shift), None, line)
    parts = PurePosixPath(text.path).parts
    for part in reversed(parts):
        if context and (m := _MONTH_DAY_PREFIX.match(part)):    # `1105_DevFestSuwon.md`
            for year in context:
                if (day := _real_day(year, int(m.group(1)), int(m.group(2)))) and fits(day):
                    return When(day, None, "day", "file name" if part == parts[-1] else "folder")
        if _JEKYLL_POST.match(part):
            continue
        if (day := date_in_name(part)) and fits(day):
            return When(day, None, "day", "folder" if part != parts[-1] else "file name")
    if post is not None and (not years or post.year in years):
        return When(post, None, "day", post_source)
    if years:
        return When(dt.date(years[0], 1, 1), None, "year", "event" if event and event.year
                    else "title")
    if post is not None:
        return When(post, None, "day", post_source)
    return None


_JEKYLL_POST = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}-")
_MONTH_DAY_PREFIX = re.compile(r"(\d{2})(\d{2})[_\-](?!\d)")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _named_weekday(before: str, day: dt.date) -> bool:
    """`Wednesday October 26, 2022`: the weekday written before a date, and the right one."""
    folded = before.casefold()
    return _WEEKDAYS[day.weekday()] in folded or _WEEKDAYS[day.weekday()][:3] + " " in folded


def _real_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _under_date_heading(lines: tuple[tuple[int, str], ...]) -> list[tuple[int, str]]:
    """The lines right below a heading `## 일시` or `### Date`."""
    found: list[tuple[int, str]] = []
    for n, (_line, value) in enumerate(lines[:-1]):
        if value.startswith("#") and _DATE_HEADING.fullmatch(value.lstrip("# ").strip()):
            found.extend(lines[n + 1:n + 3])
    return found


def _naming(event: EventClue | None) -> Callable[[str], bool]:
    """Whether a line names the note's event, in any of its spellings."""
    if event is None:
        return lambda value: False
    own = {k for k in (key(event.series_name or ""), key(event.name)) if len(k) >= 3}

    def names(value: str) -> bool:
        folded = key(value)
        if any(k in folded for k in own):
            return True
        return event.series is not None and any(
            m.series.id == event.series or KOREAN_EDITION.get(m.series.id) == event.series
            for m in find_series(value, fuzzy=False))
    return names


_DAY = re.compile(r"(?:^|[^\w])(?:day\s?-?\s?(\d{1,2})|(\d{1,2})\s?일차|(첫째|둘째|셋째|넷째)\s?날)"
                  r"(?!\d)", re.IGNORECASE)
_DAY_WORDS = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4}


def day_of(text: Text) -> int | None:
    """Which day of its event a note is about, when its file name, title or first lines say
    (`day1-keynote.md`, `2일차 후기`, `첫째 날 오후`, `Day 2`)."""
    name = PurePosixPath(text.path).name.rsplit(".", 1)[0].replace("_", " ").replace("-", " ")
    for value in (name, text.title, text.heading or "", *(v for _, v in text.lines[:3])):
        if m := _DAY.search(value[:300]):
            number = int(m.group(1) or m.group(2) or 0) or _DAY_WORDS.get(m.group(3) or "", 0)
            if 1 <= number <= 14:
                return number
    return None


def _title_year(text: Text) -> int | None:
    """A year the note's title, first heading or file name gives (`2019_log_system.md`)."""
    stem = PurePosixPath(text.path).name.rsplit(".", 1)[0]
    for value in (text.title, text.heading or "", "" if _JEKYLL_POST.match(stem) else stem):
        if m := _YEAR.search(value):
            return int(m.group(1))
    return None
