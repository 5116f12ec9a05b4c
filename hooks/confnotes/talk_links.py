"""A talk's slides and video: `slides:` and `video:` in front matter, for the note or for each
of its `talks:`, or a `슬라이드: <address>` line under a talk's heading in a note of several.

Only http(s) addresses are kept. A video on a host whose addresses name the video (YouTube,
Vimeo) has a key, so a picture of it saved under docs/ can stand beside the link: nothing is
fetched from the host.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs, urlsplit

from .messages import shown
from .names import clean

if TYPE_CHECKING:
    from .fields import Context

MAX_URL = 2000
# `- **슬라이드:** https://...`, `영상: <https://...>`, `Slides: https://...`: one line each.
_LINE = re.compile(
    r"^[ \t]{0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?(슬라이드|발표[ \t]?자료|slides?|영상|동영상|video)"
    r"[ \t]*[:：](?:\*\*|__)?[ \t]*<?(https?://[^\s<>]{1,2000})>?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_VIDEO_WORDS = ("영상", "동영상", "video")
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"\d{1,12}")


class HasLinks(Protocol):
    slides: str | None
    video: str | None
    text: str


def web_address(text: str) -> str | None:
    """`text` when it is an http(s) address with a host, of a bounded length."""
    parts = urlsplit(text)
    if (parts.scheme.lower() in ("http", "https") and parts.netloc and len(text) <= MAX_URL
            and not any(c.isspace() for c in text)):
        return text
    return None


def as_link(value: Any, key: str, ctx: Context) -> str | None:
    """A `slides:` or `video:` value: one web address."""
    if value is None or value == "":
        return None
    text = clean(value) if isinstance(value, str) else None
    address = web_address(text) if text else None
    if address is None:
        ctx.warn(key, f"'{key}' must be one web address starting with http:// or https://; "
                      f"{shown(value)} is left out.")
    return address


def carry(talks: list[Any], given: Iterable[Any]) -> None:
    """Give each talk the links its `talks:` entry wrote, else those its own section names."""
    for talk, entry in zip(talks, given, strict=False):
        talk.slides, talk.video = entry.slides, entry.video
    for talk in talks:
        if talk.text and not (talk.slides or talk.video):
            talk.slides, talk.video = in_section(talk.text)


def in_section(text: str) -> tuple[str | None, str | None]:
    """The first slides and video lines of a talk's section."""
    slides = video = None
    for match in _LINE.finditer(text):
        address = web_address(match.group(2))
        if address is None:
            continue
        if match.group(1).casefold() in _VIDEO_WORDS:
            video = video or address
        else:
            slides = slides or address
    return slides, video


def video_key(url: str) -> str | None:
    """`youtube-<id>` or `vimeo-<id>` for a video address on those hosts, else None: the
    name a local picture of the video is saved under (docs/assets/videos/<key>.jpg)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/")
    ident = None
    if host == "youtu.be":
        ident = path.split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if path == "watch":
            ident = (parse_qs(parts.query).get("v") or [""])[0]
        elif path.startswith(("embed/", "shorts/", "live/")):
            ident = path.split("/")[1]
    if ident is not None:
        return f"youtube-{ident}" if _YOUTUBE_ID.fullmatch(ident) else None
    if host in ("vimeo.com", "player.vimeo.com"):
        last = path.split("/")[-1] if path else ""
        return f"vimeo-{last}" if _VIMEO_ID.fullmatch(last) else None
    return None


PROGRAMME_NUMBER = re.compile(r"^\s{0,3}(?:#{1,6}\s+|\*\*|__)?\s*(?:세션|session|talk|발표)?\s*"
                              r"#?(\d{1,3})\s*(?:[.):]|번|\s[-—–]\s)", re.IGNORECASE)


def programme_number(text: str) -> int | None:
    """The number a talk's heading gives it in the event's programme (`## 10. 제목`,
    `**세션 12 — 제목**`), else None."""
    first = text.split("\n", 1)[0]
    match = PROGRAMME_NUMBER.match(first)
    return int(match.group(1)) if match else None
