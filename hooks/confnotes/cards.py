"""Social cards: a 1200×630 picture for every note and term page, drawn with Pillow in a font
that has Hangul (card_fonts.py).

Why not Material's social plugin: it needs cairosvg (and the Cairo C library) for its icons,
and fetches its fonts from Google Fonts on first use; this site is built without the network.

Each card is cached under .cache/confnotes/cards/ by the hash of what it shows and of the font,
and drawn in a second process while MkDocs renders the pages (adapter/social.py).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

from . import avatars
from .card_fonts import Fonts, missing
from .dates import korean_date, korean_dates
from .index import Site
from .kinds import KIND_LABELS, NOTE_LABEL
from .model import Kind, Note, Term
from .pictures import write_atomically

if TYPE_CHECKING:
    from PIL import Image, ImageFont

_ELLIPSIS = "…"

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/confnotes/cards"
PIPELINE = f"card-2/{WIDTH}x{HEIGHT}/{PIL.__version__}"

# Colours: Material's indigo, as the site's header.
BACKGROUND = "#283593"
ACCENT = "#8c9eff"
TEXT = "#ffffff"
MUTED = "#c5cae9"
CHIP = "#e8eaf6"
CHIP_TEXT = "#1a237e"
PAD = 80
AVATAR = 220
# (size, lines): the largest size at which the title fits that many lines; the last size
# takes the title in three lines, the third cut with an ellipsis when even that is too few.
TITLE_SIZES = ((72, 2), (62, 2), (54, 3))
LABELS: dict[str, str] = {"note": NOTE_LABEL, "page": ""} | {k: v for k, v in KIND_LABELS.items()}


# -- what a card shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """Everything a card shows; equal cards are the same picture."""

    label: str                       # 노트, 발표자, 주제, 행사 (or none)
    title: str
    details: tuple[str, ...]         # at most two lines under the title: event or role, date
    site: str                        # the site's name
    host: str = ""                   # the site's host, when site_url is set
    avatar: str | None = None        # a speaker's square picture (a file in the cache)
    initials_of: str | None = None   # else a speaker's name, drawn as their initials


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _people(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" 외 {len(names) - limit}명" if len(names) > limit else "")


def _first_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + _ELLIPSIS


def note_card(site: Site, note: Note, base: Card) -> Card:
    event = site.term("event", note.event).name if note.event else None
    day = f"{note.day}일차" if note.day else None
    names = [site.term("speaker", s).name for s in note.speakers]
    return replace(base, label=LABELS["note"], title=note.title,
                   details=tuple(d for d in (_join(event, day, note.session),
                                             _join(korean_dates(note.date, note.date_end,
                                                                note.date_precision)
                                                   if note.date else None,
                                                   _people(names))) if d))


def term_card(site: Site, term: Term, base: Card, avatar: str | None = None) -> Card:
    kind: Kind = term.kind
    notes = site.notes_by_term.get((kind, term.id), [])
    latest = max((n.date for n in notes if n.date), default=None)
    latest_text = f"최근 {korean_date(latest)}" if latest else None
    if kind == "speaker":
        count = len(site.appearances.get(term.id, []))
        details = (_join(term.affiliation, term.title),
                   _join(f"발표 {count}회" if count else None, latest_text))
        return replace(base, label=LABELS["speaker"], title=term.name, details=details,
                       avatar=avatar, initials_of=None if avatar else term.name)
    if kind == "event":
        return replace(base, label=LABELS["event"], title=term.name,
                       details=(_join(term.place, term.organizer),
                                korean_dates(term.start, term.end) if term.start
                                else _join(latest_text)))
    if kind != "topic":
        talks_under = len(site.talks_by_term.get((kind, term.id), []))
        return replace(base, label=LABELS[kind], title=term.name,
                       details=(_join(term.description and _first_line(term.description)),
                                _join(f"발표 {talks_under}개" if talks_under else None,
                                      f"노트 {len(notes)}개" if notes else None, latest_text)))
    parent = site.term("topic", term.parent).name if term.parent in site.terms["topic"] else None
    talks = sum(1 for n in notes for t in n.talks if term.id in t.topics)
    return replace(base, label=LABELS["topic"], title=term.name,
                   details=(_join(parent and f"상위 주제: {parent}"),
                            _join(f"노트 {len(notes)}개" if notes else None,
                                  f"발표 {talks}개" if talks else None, latest_text)))


# -- drawing ----------------------------------------------------------------------------------


def printable(text: str, font: ImageFont.FreeTypeFont) -> str:
    """`text` on one line, without the characters `font` would draw as boxes."""
    text = " ".join(text.split())
    gone = missing(font, text)
    if gone:
        text = " ".join("".join(ch for ch in text if ch not in gone).split())
    return text


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, max_lines: int) -> list[str]:
    """`text` in at most `max_lines` lines no wider than `width`: broken between words, inside
    a word only when it is wider than a line; a cut-off last line ends in an ellipsis."""
    lines: list[str] = []
    current = ""
    # Words end at spaces, and after a hyphen or slash inside a long compound.
    for word in re.findall(r"\S+?(?:[-/–—](?=\S)|\s+|$)", text):
        if font.getlength((current + word).rstrip()) <= width:
            current += word
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        if font.getlength(word.rstrip()) <= width:
            current = word
            continue
        for ch in word:  # a word longer than the line: break between its letters
            if current and font.getlength((current + ch).rstrip()) > width:
                lines.append(current.rstrip())
                current = ""
            current += ch
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) <= max_lines:
        return lines
    return [*lines[:max_lines - 1], ellipsize(lines[max_lines - 1], font, width, cut=True)]


def balance(text: str, font: ImageFont.FreeTypeFont, width: float, count: int) -> list[str]:
    """`text` in `count` lines of about equal width (no last line of one short word), each no
    wider than `width`; `count` must be what `wrap` gives at `width`."""
    if count < 2:
        return wrap(text, font, width, count)
    low, high = width / count, width
    while high - low > 4:  # px: the narrowest width that still needs only `count` lines
        middle = (low + high) / 2
        if len(wrap(text, font, middle, 99)) <= count:
            high = middle
        else:
            low = middle
    return wrap(text, font, high, count)


def ellipsize(line: str, font: ImageFont.FreeTypeFont, width: float, cut: bool = False) -> str:
    """`line`, or as much of it as fits with an ellipsis after it. `cut`: text followed it."""
    if not cut and font.getlength(line) <= width:
        return line
    while line:
        line = line.rstrip(" ,.·:;—-–")
        if font.getlength(line + _ELLIPSIS) <= width:
            return line + _ELLIPSIS
        line = line[:-1]
    return _ELLIPSIS


@dataclass(frozen=True)
class Run:
    """One line of text as drawn: where, what, how big."""

    x: float
    y: float
    text: str
    size: int
    bold: bool
    fill: str
    anchor: str = "la"


def layout(card: Card, fonts: Fonts) -> list[Run]:
    """Every line of text on the card, in drawing order."""
    runs: list[Run] = []
    right = WIDTH - PAD - ((AVATAR + 56) if card.avatar or card.initials_of else 0)
    width = right - PAD
    label = printable(card.label, fonts.get(30))
    if label:
        runs.append(Run(PAD + 22, 81, label, 30, True, CHIP_TEXT))
    title = printable(card.title, fonts.get(72)) or printable(card.site, fonts.get(72))
    for size, max_lines in TITLE_SIZES:
        lines = wrap(title, fonts.get(size), width, 99)
        if len(lines) <= max_lines:
            lines = balance(title, fonts.get(size), width, len(lines))
            break
    else:
        lines = wrap(title, fonts.get(size), width, max_lines)
    details = [ellipsize(printable(d, fonts.get(34, False)), fonts.get(34, False), width)
               for d in card.details[:2]]
    details = [d for d in details if d]
    line_height = round(size * 1.3)
    # The title and details as one block, centred between the label and the footer.
    block = len(lines) * line_height + (20 + 50 * len(details) if details else 0)
    top, bottom = 160, HEIGHT - 120
    y = top + max(0, (bottom - top - block) // 2)
    for line in lines:
        runs.append(Run(PAD, y, line, size, True, TEXT))
        y += line_height
    y += 20
    for detail in details:
        runs.append(Run(PAD, y, detail, 34, False, MUTED))
        y += 50
    footer = HEIGHT - 64
    site_width = (WIDTH - 2 * PAD) * (0.6 if card.host else 1.0)
    runs.append(Run(PAD, footer, ellipsize(printable(card.site, fonts.get(32)), fonts.get(32),
                                           site_width), 32, True, TEXT, "ls"))
    if card.host:
        host = ellipsize(printable(card.host, fonts.get(28, False)), fonts.get(28, False),
                         (WIDTH - 2 * PAD) * 0.38)
        runs.append(Run(WIDTH - PAD, footer, host, 28, False, MUTED, "rs"))
    return runs


def render(card: Card, fonts: Fonts) -> Image.Image:
    """The card as an RGB picture, WIDTH × HEIGHT."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 15, HEIGHT), fill=ACCENT)
    runs = layout(card, fonts)
    if card.label and runs:
        chip = runs[0]
        length = fonts.get(chip.size).getlength(chip.text)
        draw.rounded_rectangle((PAD, 72, PAD + 44 + length, 72 + 56), radius=28, fill=CHIP)
    for run in runs:
        draw.text((run.x, run.y), run.text, font=fonts.get(run.size, run.bold), fill=run.fill,
                  anchor=run.anchor)
    picture = _avatar(card, fonts)
    if picture is not None:
        image.paste(picture, (WIDTH - PAD - AVATAR, (HEIGHT - AVATAR) // 2 - 20), picture)
    return image


def _avatar(card: Card, fonts: Fonts) -> Image.Image | None:
    from PIL import Image

    if card.avatar:
        with Image.open(card.avatar) as opened:
            picture = opened.convert("RGBA").resize((AVATAR, AVATAR), Image.Resampling.LANCZOS)
        picture.putalpha(avatars.circle_mask(AVATAR))
        return picture
    if card.initials_of:
        return avatars.initials(card.initials_of, AVATAR, fonts.get(round(AVATAR * 0.45)))
    return None


def encode(image: Image.Image, card: Card) -> bytes:
    """PNG bytes. A card of flat colours and text is stored with a palette of 256 colours: it
    looks the same, weighs a third, and takes less time; one with a photo keeps every colour."""
    from PIL import Image

    out = io.BytesIO()
    if card.avatar:
        image.save(out, "PNG", compress_level=6)
    else:
        image.quantize(256, method=Image.Quantize.FASTOCTREE,
                       dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return out.getvalue()


def draw_card(path: Path, card: Card, fonts: Fonts) -> float:
    """Draw one card into the cache; the seconds it took. Runs in the drawing process."""
    start = time.perf_counter()
    write_atomically(path, encode(render(card, fonts), card))
    return time.perf_counter() - start


def card_key(card: Card, fonts: Fonts) -> str:
    return _key(card, fonts.identity)


# Every page's card is planned at every build: under `mkdocs serve` the same cards again.
@functools.lru_cache(maxsize=1 << 15)
def _key(card: Card, fonts: str) -> str:
    # The avatar's file is named by its content hash, so its path stands for its content.
    text = json.dumps([PIPELINE, fonts, asdict(card)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]
