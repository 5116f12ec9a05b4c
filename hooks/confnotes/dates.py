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


# Dates written in running text. Every pattern is anchored on digits and bounded, and the
# range tail (`-13`, `~ 08.13`, `, 15일`) is optional.
_WEEKDAY = r"(?:\s?\(\s?([월화수목금토일])(?:요일)?\s?\))?"
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
# `9/29일(월)`, `9월 29일(월)`: no year, so only with a weekday that the year can confirm.
_MONTH_DAY = re.compile(
    r"(?<![\d./])(\d{1,2})\s?(?:/|월\s?)(\d{1,2})\s?일?\s?\(\s?([월화수목금토일])(?:요일)?\s?\)")
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
        if start is None or not _weekday_ok(start, m.group(5)):
            continue
        end = None
        if m.group(8):
            end = _day(int(m.group(6) or start.year), int(m.group(7) or start.month),
                       int(m.group(8)))
        found.append((start, end if end and start < end <= start + dt.timedelta(31) else None,
                      m.start()))
    for m in _KOREAN_IN_TEXT.finditer(text):
        start = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if start is None or not _weekday_ok(start, m.group(4)):
            continue
        end = _day(start.year, int(m.group(5) or start.month), int(m.group(6))) if m.group(6) \
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


def month_day_in(text: str, years: list[int]) -> dt.date | None:
    """`9/29일(월)` in a year from `years` whose calendar puts that day on that weekday."""
    m = _MONTH_DAY.search(text[:2000])
    if not m:
        return None
    for year in years:
        day = _day(year, int(m.group(1)), int(m.group(2)))
        if day is not None and _weekday_ok(day, m.group(3)):
            return day
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
