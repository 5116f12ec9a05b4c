"""Property tests: whatever a note contains, the normaliser never raises, and what it
understood survives into the export."""

from __future__ import annotations

import yaml
from confnotes import export, index
from confnotes.fields import FIELDS
from confnotes.front_matter import decode, split
from confnotes.messages import Report
from confnotes.normalize import normalise
from confnotes.registry import Registry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HANGUL = "".join(chr(c) for c in range(0xAC00, 0xAC00 + 400, 7))
YAML_SPECIAL = ":-[]{}#&*!|>'\"%@`,?\\\t"
ALPHABET = HANGUL + "abcXYZ 019" + YAML_SPECIAL + "\n\r\ufeff\u0000\u3131"
SYNONYMS = [k for f in FIELDS.values() for k in f.keys]
NAME_SYLLABLES = "김이박최정강조윤장임민서지현우준영수하은"

names = st.one_of(
    st.text(alphabet=NAME_SYLLABLES, min_size=2, max_size=4),
    st.tuples(st.text(alphabet="abcdefghijklmnoprstuvwy", min_size=3, max_size=8),
              st.text(alphabet="abcdefghijklmnoprstuvwy", min_size=3, max_size=8))
    .map(lambda p: f"{p[0].capitalize()} {p[1].capitalize()}")
    # A leading `Prof`/`Dr` is read as a title, by design (tests/unit/test_people...).
    .filter(lambda n: n.split()[0].lower() not in {"prof", "dr", "professor"}),
)
# A three-syllable Hangul tag may be a person's name (read as a speaker, by design), so
# topics here are one, two or five syllables.
topics = st.one_of(st.text(alphabet=HANGUL, min_size=1, max_size=2),
                   st.text(alphabet=HANGUL, min_size=5, max_size=5),
                   st.text(alphabet="abcdefghij", min_size=3, max_size=8))


def read(data: bytes, path: str = "notes/fuzz.md") -> tuple[object, Report]:
    report = Report()
    source = split(decode(data, path, report), path, report)
    return normalise(source, path, report), report


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_any_text_is_a_note(text: str) -> None:
    raw, _ = read(text.encode("utf-8", errors="replace"))
    assert raw.title  # type: ignore[attr-defined]
    assert raw.talks  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(SYNONYMS),
                       st.one_of(st.text(alphabet=ALPHABET, max_size=40),
                                 st.lists(st.text(alphabet=ALPHABET, max_size=20), max_size=4),
                                 st.integers(), st.booleans(), st.none(),
                                 st.dictionaries(st.text(max_size=5), st.text(max_size=5),
                                                 max_size=2)),
                       max_size=8),
       st.text(alphabet=ALPHABET, max_size=200))
def test_any_front_matter_with_known_keys_is_read(meta: dict[str, object], body: str) -> None:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    raw, _ = read(text.encode("utf-8", errors="replace"))
    assert raw.title  # type: ignore[attr-defined]


@st.composite
def notes(draw: st.DrawFn) -> tuple[str, str, list[str], list[str], list[str]]:
    title = draw(st.text(alphabet=HANGUL + "abc XYZ", min_size=1, max_size=30)).strip() or "t"
    speakers = draw(st.lists(names, min_size=1, max_size=4, unique_by=lambda n: n.lower()))
    moderators = draw(st.lists(names, max_size=1))
    tags = draw(st.lists(topics, max_size=4, unique_by=lambda t: t.lower()))
    keys = (draw(st.sampled_from(FIELDS["title"].keys)),
            draw(st.sampled_from(FIELDS["speakers"].keys)),
            draw(st.sampled_from(FIELDS["moderator"].keys)),
            draw(st.sampled_from(FIELDS["topics"].keys)))
    as_string = draw(st.booleans())
    meta = {keys[0]: title,
            keys[1]: ", ".join(speakers) if as_string else speakers,
            keys[3]: ", ".join(tags) if as_string else tags}
    if moderators:
        meta[keys[2]] = moderators[0]
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n# 본문\n"
    return text, title, speakers, moderators, tags


@settings(max_examples=150, deadline=None)
@given(notes())
def test_what_was_understood_reaches_the_export(case: tuple[str, str, list[str], list[str],
                                                            list[str]]) -> None:
    text, title, speakers, moderators, tags = case
    raw, report = read(text.encode("utf-8"))
    registries = {kind: Registry(kind) for kind in ("speaker", "topic", "event")}
    site = index.build([raw], {"notes/fuzz.md": "notes/fuzz/"},  # type: ignore[list-item]
                       registries, report)  # type: ignore[arg-type]
    records = export.records(site)
    [note] = records["notes"]
    assert note["title"] == " ".join(title.split())
    people = [(s["name"], s["role"]) for s in note["talks"][0]["speakers"]]
    expected = [(n, "speaker") for n in speakers]
    expected += [(m, "moderator") for m in moderators]
    assert sorted(people) == sorted(expected)
    assert [t["name"] for t in note["topics"]] == tags
    exported = {s["name"]: s for s in records["speakers"]}
    for name in {*speakers, *moderators}:
        assert exported[name]["appearances"][0]["note"] == "notes/fuzz.md"
