"""Dates as people write them: YAML dates, 2024.11.04, 2024년 11월 4일, Nov 4, 2024, ..."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
# The written forms parse_date reads; the note schema (schema.py) offers the same.
NUMERIC = re.compile(r"^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:[ T].*)?$")
KOREAN = re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?(?:\s*\(.\))?$")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
MONTH_FIRST = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
DAY_FIRST = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")


def parse_date(value: object) -> dt.date | None:
    """A date from a YAML value or a string in a common form; None when it is not a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    parts: tuple[str, str, str] | None = None
    if m := NUMERIC.match(text) or KOREAN.match(text):
        parts = (m.group(1), m.group(2), m.group(3))
    elif (m := DAY_MONTH_YEAR.match(text)) and int(m.group(1)) > 12:
        parts = (m.group(3), m.group(2), m.group(1))   # 30-10-2017; 03-10-2017 is ambiguous
    elif (m := MONTH_FIRST.match(text)) and m.group(1).lower() in _MONTHS:
        parts = (m.group(3), str(_MONTHS[m.group(1).lower()]), m.group(2))
    elif (m := DAY_FIRST.match(text)) and m.group(2).lower() in _MONTHS:
        parts = (m.group(3), str(_MONTHS[m.group(2).lower()]), m.group(1))
    if parts is None:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def korean_date(day: dt.date) -> str:
    """`2024년 11월 4일`."""
    return f"{day.year}년 {day.month}월 {day.day}일"


def korean_dates(start: dt.date, end: dt.date | None = None, precision: str = "day") -> str:
    """`2024년 11월 4일–5일`, `2024년 11월 30일–12월 1일`, `2015년 9월`, `2015년`: as much
    as is known."""
    if precision == "year":
        return f"{start.year}년"
    if precision == "month":
        return f"{start.year}년 {start.month}월"
    if end is None or end <= start:
        return korean_date(start)
    if end.year != start.year:
        return f"{korean_date(start)}–{korean_date(end)}"
    if end.month != start.month:
        return f"{korean_date(start)}–{end.month}월 {end.day}일"
    return f"{korean_date(start)}–{end.day}일"


def machine_date(start: dt.date, precision: str = "day") -> str:
    """The date as HTML's <time datetime> and ISO 8601 write it: `2015`, `2015-09`, or whole."""
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return start.isoformat()


# Dates written in running text. Every pattern is anchored on digits and bounded, and the
# range tail (`-13`, `~ 08.13`, `, 15일`) is optional.
_WEEKDAY = r"(?:\s?\(\s?([월화수목금토일])(?:요일)?\s?\)|\s([월화수목금토일])요일)?"
_NUMERIC_IN_TEXT = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\s?([-./])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?!\d)\.?" + _WEEKDAY +
    r"(?:\s?[-~–]\s?(?:(?:((?:19|20)\d{2})\s?[-./]\s?)?(\d{1,2})\s?[-./]\s?)?(\d{1,2})(?![\d:]))?")
_KOREAN_IN_TEXT = re.compile(
    r"((?:19|20)\d{2})\s?년\s?(\d{1,2})\s?월\s?(\d{1,2})(?:\s?일)?" + _WEEKDAY +
    r"(?:\s?(?:[,~\-–]|부터)\s?(?:(\d{1,2})\s?월\s?)?(\d{1,2})\s?일)?")
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ENGLISH_IN_TEXT = re.compile(
    r"\b(" + _MONTH_NAMES + r")\.?\s(\d{1,2})(?:st|nd|rd|th)?"
    r"(?:\s?[-–]\s?(\d{1,2})(?:st|nd|rd|th)?)?,?\s((?:19|20)\d{2})\b", re.IGNORECASE)
_ENGLISH_DAY_FIRST = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s?[-–]\s?(\d{1,2})(?:st|nd|rd|th)?)?\s(" + _MONTH_NAMES +
    r")\.?,?\s((?:19|20)\d{2})\b", re.IGNORECASE)
# Dates without a year, read with the year the note's title or event gives:
# `9/29일(월)`, `6월 26, 27일`, `6월 30일 일요일`, `230815(화)`, `18th-21st of April`.
_MONTH_DAY = re.compile(
    r"(?<![\d./년])(\d{1,2})\s?(/|월\s?)(\d{1,2})(?!\d)\s?(일)?" + _WEEKDAY +
    r"(?:\s?(?:,|~|-|–|부터)\s?(\d{1,2})\s?일)?")
_COMPACT = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})\s?\(\s?([월화수목금토일])(?:요일)?\s?\)")
_ENGLISH_NO_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s?(?:-|–|to|until)\s?(?:[A-Z][a-z]+day\s)?(\d{1,2})"
    r"(?:st|nd|rd|th)?)?\s(?:of\s)?(" + _MONTH_NAMES + r")\b(?!\s?\d)", re.IGNORECASE)
_ENGLISH_MONTH_FIRST_NO_YEAR = re.compile(
    r"\b(" + _MONTH_NAMES + r")\.?\s(\d{1,2})(?:st|nd|rd|th)?(?:\s?[-–]\s?(\d{1,2})"
    r"(?:st|nd|rd|th)?)?\b(?!,?\s?\d{4})", re.IGNORECASE)
_KOREAN_WEEKDAYS = "월화수목금토일"


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_ok(day: dt.date, weekday: str | None) -> bool:
    return weekday is None or _KOREAN_WEEKDAYS[day.weekday()] == weekday


def dates_in(text: str) -> list[tuple[dt.date, dt.date | None, int]]:
    """Every full date (and date range) written in `text`: (first day, last day or None,
    position). A weekday written beside a date must agree with it."""
    found: list[tuple[dt.date, dt.date | None, int]] = []
    text = text[:2000]
    for m in _NUMERIC_IN_TEXT.finditer(text):
        start = _day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if start is None or not _weekday_ok(start, m.group(5) or m.group(6)):
            continue
        end = None
        if m.group(9):
            end = _day(int(m.group(7) or start.year), int(m.group(8) or start.month),
                       int(m.group(9)))
        found.append((start, end if end and start < end <= start + dt.timedelta(31) else None,
                      m.start()))
    for m in _KOREAN_IN_TEXT.finditer(text):
        start = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if start is None or not _weekday_ok(start, m.group(4) or m.group(5)):
            continue
        end = _day(start.year, int(m.group(6) or start.month), int(m.group(7))) if m.group(7) \
            else None
        found.append((start, end if end and start < end <= start + dt.timedelta(31) else None,
                      m.start()))
    for m in _ENGLISH_IN_TEXT.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        start = _day(int(m.group(4)), month, int(m.group(2))) if month else None
        if start is not None:
            end = _day(start.year, start.month, int(m.group(3))) if m.group(3) else None
            found.append((start, end if end and end > start else None, m.start()))
    for m in _ENGLISH_DAY_FIRST.finditer(text):
        month = _MONTHS.get(m.group(3).lower())
        start = _day(int(m.group(4)), month, int(m.group(1))) if month else None
        if start is not None:
            end = _day(start.year, start.month, int(m.group(2))) if m.group(2) else None
            found.append((start, end if end and end > start else None, m.start()))
    return sorted(found, key=lambda f: f[2])


def month_day_in(text: str, years: list[int], weekday_needed: bool = True
                 ) -> tuple[dt.date, dt.date | None] | None:
    """A month and day written without a year (`9/29일(월)`, `6월 26, 27일`, `230815(화)`,
    `18th-21st of April`), in the first of `years` where it is a real day and its weekday, if
    written, agrees. `weekday_needed`: only a date with a weekday (which confirms the year)."""
    text = text[:2000]
    if m := _COMPACT.search(text):
        day = _day(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None and _weekday_ok(day, m.group(4)):
            return day, None
    for m in _MONTH_DAY.finditer(text):
        slash, korean_day = m.group(2) == "/", m.group(4)
        weekday = m.group(5) or m.group(6)
        if slash and not (korean_day or weekday):
            continue                        # `3/4` alone is as likely a fraction
        if weekday_needed and not weekday:
            continue
        for year in years:
            day = _day(year, int(m.group(1)), int(m.group(3)))
            if day is not None and _weekday_ok(day, weekday):
                end = _day(year, day.month, int(m.group(7))) if m.group(7) else None
                return day, end if end and day < end <= day + dt.timedelta(31) else None
    if weekday_needed:
        return None
    for pattern, order in ((_ENGLISH_NO_YEAR, (3, 1, 2)), (_ENGLISH_MONTH_FIRST_NO_YEAR,
                                                            (1, 2, 3))):
        for m in pattern.finditer(text):
            month = _MONTHS.get(m.group(order[0]).lower().rstrip("."))
            if month is None:
                continue
            for year in years:
                day = _day(year, month, int(m.group(order[1])))
                if day is not None:
                    last = m.group(order[2])
                    end = _day(year, month, int(last)) if last else None
                    return day, end if end and end > day else None
    return None


# `2019-03-02-spring-meetup.md` (Jekyll), `[190316]Spring_Meetup`, `20231104_notes`.
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_PATH_SHORT_DATE = re.compile(r"(?:^|[\[(_\-])(\d{2})(\d{2})(\d{2})(?:[\])_\-]|$)")


def date_in_name(name: str) -> dt.date | None:
    """A date written into a file or folder name."""
    if m := _PATH_DATE.search(name):
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _PATH_SHORT_DATE.search(name):
        return _day(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None
