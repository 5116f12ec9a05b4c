from __future__ import annotations

import datetime as dt

import pytest

from .helpers import note, people


@pytest.mark.parametrize(
    "key", ["speakers", "speaker", "Speaker", "presenter", "발표자", "연사", "SPEAKERS"])
def test_speaker_key_synonyms(key: str) -> None:
    raw, problems = note(f"---\n{key}: Rani Borkar (Microsoft CVP)\n---\n# T\n")
    assert people(raw) == [[("Rani Borkar", "speaker", "Microsoft")]]
    assert problems == []


@pytest.mark.parametrize(
    ("key", "role"),
    [("moderator", "moderator"), ("진행", "moderator"), ("사회", "moderator"),
     ("좌장", "moderator"), ("panelists", "panelist"), ("panel", "panelist"),
     ("패널", "panelist"), ("참여자", "panelist")],
)
def test_role_key_synonyms(key: str, role: str) -> None:
    raw, _ = note(f"---\n{key}: 오혜연\n---\n")
    assert people(raw) == [[("오혜연", role, None)]]


@pytest.mark.parametrize("key", ["topics", "tags", "keywords", "태그", "주제", "Tags"])
def test_topic_key_synonyms(key: str) -> None:
    raw, _ = note(f"---\n{key}: AI, 반도체\n---\n")
    assert [t.path for t in raw.topics] == [("AI",), ("반도체",)]


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [("event: SK AI Summit", "event", "SK AI Summit"),
     ("conference: X", "event", "X"), ("행사: X", "event", "X"), ("컨퍼런스: X", "event", "X"),
     ("title: T", "title", "T"), ("제목: T", "title", "T"), ("Title: T", "title", "T"),
     ("source: https://a.example/x", "source", "https://a.example/x"),
     ("url: https://a.example/x", "source", "https://a.example/x"),
     ("link: https://a.example/x", "source", "https://a.example/x"),
     ("원본: https://a.example/x", "source", "https://a.example/x"),
     ("date: 2024-11-04", "date", dt.date(2024, 11, 4)),
     ("날짜: 2024년 11월 4일", "date", dt.date(2024, 11, 4)),
     ("lang: en", "lang", "en"), ("language: English", "lang", "en"),
     ("authors: 김노트", "authors", ["김노트"]), ("author: [A, B]", "authors", ["A", "B"]),
     ("작성자: 김노트", "authors", ["김노트"]), ("day: 2", "day", 2), ("day: Day 2", "day", 2),
     ("day: 둘째 날", "day", 2), ("session: 오후 세션", "session", "오후 세션")],
)
def test_field_synonyms(front: str, field: str, value: object) -> None:
    raw, problems = note(f"---\n{front}\n---\n# Heading\n")
    assert getattr(raw, field) == value
    assert problems == []


def test_unknown_key_gets_did_you_mean() -> None:
    _, problems = note("---\ntitle: t\nspeakrs: A\n---\n")
    assert problems == ["Doc file 'notes/x.md', line 3: unknown field 'speakrs' (did you mean "
                        "'speakers'?); it is ignored."]
    _, problems = note("---\ntitle: t\nzzz: 1\n---\n")
    assert problems == ["Doc file 'notes/x.md', line 3: unknown field 'zzz'; it is ignored."]


def test_material_page_keys_pass_through() -> None:
    raw, problems = note("---\ntitle: t\nhide: [toc]\n---\n")
    assert raw.page_meta == {"hide": ["toc"]} and problems == []


@pytest.mark.parametrize(
    "value", ['"AI, 반도체"', "[AI, 반도체]", "\n  - AI\n  - 반도체", '"#AI #반도체"',
              '["#AI", "#반도체"]'])
def test_lists_as_list_string_or_comma_string(value: str) -> None:
    raw, _ = note(f"---\ntags: {value}\n---\n")
    assert [t.path for t in raw.topics] == [("AI",), ("반도체",)]


@pytest.mark.parametrize(("head", "topics"), [
    # A Jekyll post (it has a layout): Jekyll makes a list of the words, and so do we.
    ("layout: post\ntags: android 반도체", [("android",), ("반도체",)]),
    ("layout: post\ncategories: android 반도체", [("android",), ("반도체",)]),
    ("layout: post\ntags: \"AI 인프라, 반도체\"", [("AI 인프라",), ("반도체",)]),   # commas rule
    ("layout: post\ntags: [AI 인프라]", [("AI 인프라",)]),                   # a list as written
    ("tags: AI 인프라", [("AI 인프라",)]),                                     # not Jekyll's
    ("layout: post\ntags: NDC 2019", []),          # an event and its year, read as the event
])
def test_jekyll_reads_a_string_of_tags_as_words(head: str, topics: list[tuple[str]]) -> None:
    raw, _ = note(f"---\n{head}\n---\n")
    assert [t.path for t in raw.topics] == topics
    if "NDC" in head:
        assert raw.event == "NDC 2019"


@pytest.mark.parametrize("sep", [" | ", " > ", " / ", ">", " › "])
def test_topic_hierarchy(sep: str) -> None:
    raw, _ = note(f"---\ntopics: ['  AI   인프라{sep}GPU 클라우드 ']\n---\n")
    assert [t.path for t in raw.topics] == [("AI 인프라", "GPU 클라우드")]


def test_a_list_where_a_string_belongs_and_the_reverse() -> None:
    raw, problems = note("---\ntitle: [첫째, 둘째]\nspeakers: 한 사람\n---\n")
    assert raw.title == "첫째"
    assert people(raw) == [[("한 사람", "speaker", None)]]
    assert problems == ["Doc file 'notes/x.md', line 2: 'title' should be one value, not a "
                        "list; the first item is used."]


def test_numbers_and_booleans_are_read_as_written() -> None:
    raw, _ = note("---\ntitle: 2024\n---\n")
    assert raw.title == "2024"
    raw, _ = note("---\ntitle: no\n---\n")
    assert raw.title == "no"


def test_mapping_person_and_its_unknown_fields() -> None:
    raw, problems = note("---\nspeakers:\n  - name: Bill Coughran\n    affiliation: Sequoia\n"
                         "    role: moderator\n  - {name: Jeff Dean, org: Google, shoe: 9}\n"
                         "  - {affiliation: nobody}\n---\n# T\n")
    assert people(raw) == [[("Bill Coughran", "moderator", "Sequoia"),
                            ("Jeff Dean", "speaker", "Google")]]
    assert problems == [
        "Doc file 'notes/x.md', line 6: unknown field 'shoe' for a person in 'speakers' (known: "
        "name, affiliation, title, role); it is ignored.",
        "Doc file 'notes/x.md', line 7: a person in 'speakers' has no 'name:'; it is ignored."]


def test_wrong_types_warn_and_are_left_out() -> None:
    raw, problems = note("---\ntitle: t\nspeakers: 42\ndate: soon\nsource: javascript:alert(1)\n"
                         "lang: klingon\ntopics: [{a: 1}]\n---\n")
    assert raw.talks[0].people == [] and raw.date is None and raw.source is None
    assert raw.topics == []
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"Doc file 'notes/x.md', line {n}" for n in (3, 4, 5, 6, 7)]
    assert "javascript:alert(1)" in problems[2] and "http://" in problems[2]
    assert "2024-11-04" in problems[1]


def test_script_in_a_name_is_kept_as_text() -> None:
    raw, _ = note("---\ntitle: <script>alert(1)</script>\nspeakers: <img src=x onerror=y>\n---\n")
    assert raw.title == "<script>alert(1)</script>"
    assert people(raw)[0][0][0] == "<img src=x onerror=y>"


def test_title_from_front_matter_heading_first_line_or_file_name() -> None:
    assert note("---\ntitle: FM\n---\n# H1\n")[0].title == "FM"
    assert note("Intro line\n\n# The **bold** title\n")[0].title == "The bold title"
    assert note("## Section only\ntext\n")[0].title == "Section only"
    assert note("오늘 들은 이야기\n\n본문입니다.\n")[0].title == "오늘 들은 이야기"
    raw, problems = note("- just a list\n", path="notes/my-great_note.md")
    assert raw.title == "my great note"
    assert problems == ["Doc file 'notes/my-great_note.md', line 1: the note has no title; the "
                        "file name 'my great note' is used. Add 'title:' to the front matter or "
                        "start the note with '# 제목'."]


def test_empty_file_is_a_note_with_the_file_name_as_title() -> None:
    raw, problems = note("", path="notes/empty.md")
    assert raw.title == "empty" and len(raw.talks) == 1 and raw.talks[0].people == []
    assert len(problems) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [("# 반도체의 미래\n\nHBM과 GPU 이야기를 들었다. 전력이 핵심이다.", "ko"),
     ("# The future of chips\n\nA talk about HBM, 이강욱 and packaging in general.", "en")],
)
def test_language_is_guessed_when_absent(text: str, lang: str) -> None:
    assert note(text)[0].lang == lang


@pytest.mark.parametrize(
    ("text", "path"),
    [("CI/CD", ("CI/CD",)), ("AI/ML", ("AI/ML",)), ("A/B 테스트", ("A/B 테스트",)),
     ("HTTP/3", ("HTTP/3",)), ("반도체/패키징", ("반도체/패키징",)),
     ("EMOCON S/S 2017", ("EMOCON S/S 2017",)),
     ("Cloud / Security", ("Cloud", "Security")), ("#AI", ("AI",)),
     ("데이터 과학 > A/B Testing", ("데이터 과학", "A/B Testing")),
     ("CI/CD | GitHub Actions", ("CI/CD", "GitHub Actions")),
     ("반도체 / 패키징 > HBM", ("반도체", "패키징", "HBM"))],
)
def test_a_slash_inside_a_short_name_is_not_a_hierarchy(text: str, path: tuple[str, ...]) -> None:
    from confnotes.fields import topic_path
    assert topic_path(text) == path
