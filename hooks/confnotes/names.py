"""Names of people, topics and events: identity keys, slugs, Korean order and look-alikes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator

from .messages import printable, shown
from .name_shapes import COMMON_GIVEN_NAMES, SURNAMES_2

_KEY_DROP = re.compile(r"[\s\-_·・.]+")
_SLUG_DROP = re.compile(r"[^\w\- ]")
_SLUG_SEP = re.compile(r"[\s_]+")
_DASHES = re.compile(r"-{2,}")

_S_BASE, _S_LAST = 0xAC00, 0xD7A3
_LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_TAILS = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ",
          "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")
# Double initials are filed under their plain consonant in Korean indexes.
_INITIAL_GROUP = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """NFC, trimmed, control characters dropped, inner whitespace collapsed to one space."""
    # str.split() splits at exactly the characters `\s` matches: every run of them is one space.
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())


def key(text: str) -> str:
    """Identity of a name: NFC, case-folded, spaces, hyphens and dots ignored.

    `Kai Fu Lee`, `Kai-Fu Lee` and `kai-fu lee` share one key.
    """
    return _KEY_DROP.sub("", unicodedata.normalize("NFC", text).casefold())


_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                               "ı": "i", "þ": "th"})


def _plain_latin(text: str) -> str:
    """`Müller` -> `muller`: accents dropped from Latin letters only (Hangul is untouched,
    since decomposing it would split syllables into jamo)."""
    out = []
    for ch in text.translate(_LATIN_EXTRA):
        if ch.isascii() or "LATIN" not in unicodedata.name(ch, ""):
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch)
                               if not unicodedata.combining(c)))
    return "".join(out)


def slugify(text: str) -> str:
    """A readable URL slug: Latin lower-cased, accents dropped and hyphenated; Hangul kept."""
    text = _plain_latin(unicodedata.normalize("NFC", text).lower()).replace("&", " and ")
    text = _SLUG_SEP.sub("-", _SLUG_DROP.sub("", text).strip())
    return _DASHES.sub("-", text).strip("-")


# A page's folder is named by its slug: kept far under the 255 bytes file systems allow, with
# room for `.png` of its social card and for a `-2` of a clash.
SLUG_BYTES = 120
# Slugs whose page would be a section's own index page (`speakers/index.md`).
RESERVED_SLUGS = frozenset({"index"})
# Characters that change the direction text is shown in: `\u202eeeL uF-iaK` reads
# "Kai-Fu Lee" on screen. Invisible, never part of a name.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_name(name: str) -> tuple[str, str | None]:
    """`name` without direction controls, and, if it had any, what to tell the contributor
    (words that follow "the name")."""
    if not BIDI_CONTROLS.search(name):
        return name, None
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(name)}))
    visible = clean(BIDI_CONTROLS.sub("", name))
    written = printable(name)   # the controls spelled out, never acted on
    written = written if len(written) <= 60 else written[:59] + "…"
    return visible, (f"'{written}' holds invisible characters that change the "
                     f"direction it is shown in ({codes}), so it could pass for another name; "
                     f"they are removed ({shown(visible)}).")


def bounded_slug(slug: str, limit: int = SLUG_BYTES) -> str:
    """`slug` as it is when short; else its start and a hash of the whole, under `limit` bytes
    of UTF-8, so two long names that begin alike still get two pages."""
    if len(slug.encode("utf-8")) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:10]
    start = slug.encode("utf-8")[: limit - len(digest) - 1].decode("utf-8", errors="ignore")
    return f"{start.rstrip('-')}-{digest}"


def is_hangul(ch: str) -> bool:
    return _S_BASE <= ord(ch) <= _S_LAST


def jamo(text: str) -> str:
    """Hangul syllables spelled out as jamo, so `욱` and `옥` differ by one letter."""
    out: list[str] = []
    for ch in text:
        code = ord(ch) - _S_BASE
        if 0 <= code <= _S_LAST - _S_BASE:
            lead, rest = divmod(code, 588)
            vowel, tail = divmod(rest, 28)
            out.append(_LEADS[lead] + _VOWELS[vowel] + _TAILS[tail])
        else:
            out.append(ch)
    return "".join(out)


def initial(name: str) -> str:
    """The index group of a name: ㄱ..ㅎ for Hangul, A-Z for Latin, '#' otherwise."""
    for ch in unicodedata.normalize("NFC", name).strip():
        if is_hangul(ch):
            lead = _LEADS[(ord(ch) - _S_BASE) // 588]
            return _INITIAL_GROUP.get(lead, lead)
        base = unicodedata.normalize("NFKD", ch)[:1].upper()
        if "A" <= base <= "Z":
            return base
        if ch.isalnum():
            return "#"
    return "#"


def sort_key(name: str) -> tuple[int, str]:
    """Korean collation for listings: Hangul names first (가나다 order), then Latin (A-Z), then
    the rest. Hangul syllables are encoded in dictionary order, so code-point order of the
    NFC text is 가나다 order."""
    text = unicodedata.normalize("NFC", name).strip()
    first = text[:1]
    group = 0 if first and is_hangul(first) else 1 if first.isascii() and first.isalpha() else 2
    return group, text.casefold()


def deletions(text: str) -> Iterator[str]:
    """The text and every variant with one character removed: two strings one edit apart
    always share one of these, so look-alikes are found without comparing every pair."""
    yield text
    for i in range(len(text)):
        yield text[:i] + text[i + 1:]


def look_alike_keys(name: str) -> Iterable[str]:
    """Keys under which names that look like the same person meet: the same words in any
    order; a Korean name's surname with its given name one jamo short; a Latin name one
    letter short."""
    words = sorted(key(w) for w in clean(name).split(" ") if w)
    yield "w:" + "".join(words)
    k = key(name)
    if korean := _korean_parts(k):
        surname, given = korean
        for variant in deletions(jamo(given)):
            yield f"k:{surname}:{variant}"
        return
    spelled = jamo(k)
    if 4 <= len(spelled) <= 60:
        for variant in deletions(spelled):
            yield "d:" + variant


def _korean_parts(k: str) -> tuple[str, str] | None:
    """A Korean name's surname and given name (`이강욱` -> `이`, `강욱`)."""
    if not 2 <= len(k) <= 5 or not all(is_hangul(ch) for ch in k):
        return None
    surname = k[:2] if k[:2] in SURNAMES_2 and len(k) >= 3 else k[:1]
    return surname, k[len(surname):]


def look_alike(a: str, b: str) -> bool:
    """Two different names that may be one person written twice.

    Hangul: one jamo apart (`이강욱`/`이강옥`). Latin: the same words but one, which is one
    letter off and long enough that the difference is likely a slip (`Stephen`/`Stephan`;
    not `Wei`/`Mei`, not initials). Either: the same words in another order.
    """
    ka, kb = key(a), key(b)
    if ka == kb:
        return False
    words_a = [key(w) for w in clean(a).split(" ") if key(w)]
    words_b = [key(w) for w in clean(b).split(" ") if key(w)]
    if len(words_a) > 1 and sorted(words_a) == sorted(words_b):
        return True
    if any(is_hangul(ch) for ch in ka + kb):
        # `이강욱`/`이강옥` may be one person misspelt; `홍서연`/`송서연` are two people, and so
        # are `김서연`/`김서윤`: both given names are common ones.
        parts_a, parts_b = _korean_parts(ka), _korean_parts(kb)
        if parts_a is None or parts_b is None or parts_a[0] != parts_b[0]:
            return False
        if parts_a[1] in COMMON_GIVEN_NAMES and parts_b[1] in COMMON_GIVEN_NAMES:
            return False
        return one_edit_apart(jamo(parts_a[1]), jamo(parts_b[1]))
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return (len(differing) == 1 and min(len(w) for w in differing[0]) >= 4
            and one_edit_apart(*differing[0]))


def one_edit_apart(a: str, b: str) -> bool:
    """True when two strings differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
