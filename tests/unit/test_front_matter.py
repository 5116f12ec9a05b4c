from __future__ import annotations

import datetime as dt

import pytest
from confnotes.front_matter import decode, split
from confnotes.messages import Report
from confnotes.registry import RegistryError, load
from confnotes.yaml_loader import YamlList, YamlMap


def read(text: str | bytes, path: str = "notes/x.md") -> tuple[object, Report]:
    report = Report()
    data = text.encode("utf-8") if isinstance(text, str) else text
    return split(decode(data, path, report), path, report), report


def messages(report: Report) -> list[str]:
    return [p.for_mkdocs() for p in report.problems]


def test_front_matter_keeps_line_numbers_of_keys_and_items() -> None:
    source, report = read("---\ntitle: 제목\nspeakers:\n  - A\n  - B\n---\n본문\n")
    meta = source.meta  # type: ignore[attr-defined]
    assert isinstance(meta, YamlMap)
    assert meta.lines == {"title": 2, "speakers": 3}
    assert isinstance(meta["speakers"], YamlList) and meta["speakers"].lines == [4, 5]
    assert source.body == "본문\n" and source.body_line == 7  # type: ignore[attr-defined]
    assert not report.problems


def test_broken_yaml_warns_with_file_line_and_keeps_body() -> None:
    source, report = read("---\ntitle: ok\nspeakers: [A, B\ndate: 2024-11-04\n---\n# 본문\n")
    assert source.body == "# 본문\n"  # type: ignore[attr-defined]
    assert dict(source.meta) == {}  # type: ignore[attr-defined]
    [message] = messages(report)
    assert message.startswith("Doc file 'notes/x.md', line 3: front matter is not valid YAML")


def test_front_matter_that_is_a_list_or_scalar_is_ignored_with_a_warning() -> None:
    _, report = read("---\n- a\n- b\n---\nbody\n")
    assert "must be a mapping" in messages(report)[0] and "a list" in messages(report)[0]
    _, report = read("---\njust text\n---\nbody\n")
    assert "'just text'" in messages(report)[0]


def test_unclosed_front_matter_is_published_as_text() -> None:
    source, report = read("---\ntitle: x\nbody without end\n")
    assert source.body.startswith("---")  # type: ignore[attr-defined]
    assert "never closed" in messages(report)[0] and "line 1" in messages(report)[0]


def test_duplicate_keys_are_reported_at_the_second_one() -> None:
    source, report = read("---\ntitle: a\ntitle: b\n---\n")
    assert source.meta["title"] == "b"  # type: ignore[attr-defined]
    assert messages(report) == [
        "Doc file 'notes/x.md', line 3: front matter field 'title' is given twice; "
        "the last one is used."]


def test_bom_and_crlf_and_lone_cr_are_normalised() -> None:
    source, report = read(b"\xef\xbb\xbf---\r\ntitle: t\r\n---\r\nline\rnext\r\n")
    assert source.meta["title"] == "t"  # type: ignore[attr-defined]
    assert source.body == "line\nnext\n"  # type: ignore[attr-defined]
    assert not report.problems


def test_cp949_file_is_decoded_with_a_warning() -> None:
    data = "---\ntitle: 반도체 설계\n---\n본문\n".encode("cp949")
    source, report = read(data)
    assert source.meta["title"] == "반도체 설계"  # type: ignore[attr-defined]
    [message] = messages(report)
    assert "CP949/EUC-KR" in message and "line 2" in message


def test_undecodable_file_is_kept_with_replacement_characters() -> None:
    source, report = read(b"# Title\n\xff\xfe\xfa bytes\n")
    assert source.body.startswith("# Title\n")  # type: ignore[attr-defined]
    assert "\ufffd" in source.body  # type: ignore[attr-defined]
    assert "could not be decoded" in messages(report)[0] and "line 2" in messages(report)[0]


def test_empty_file_and_empty_front_matter() -> None:
    source, report = read("")
    assert source.body == "" and not report.problems  # type: ignore[attr-defined]
    source, report = read("---\n---\nbody")
    assert dict(source.meta) == {} and source.body == "body"  # type: ignore[attr-defined]


def test_yaml_dates_and_numbers_keep_their_written_form() -> None:
    source, _ = read("---\ndate: 2024-11-04\ntitle: 2024\n---\n")
    meta = source.meta  # type: ignore[attr-defined]
    assert meta["date"] == dt.date(2024, 11, 4)
    assert meta["title"] == 2024 and meta.raw["title"] == "2024"


def test_decomposed_hangul_is_composed() -> None:
    import unicodedata
    source, _ = read(unicodedata.normalize("NFD", "# 반도체\n"))
    assert source.body == "# 반도체\n"  # type: ignore[attr-defined]


def test_impossible_yaml_dates_are_kept_as_text_for_the_date_normaliser() -> None:
    source, report = read("---\ndate: 2024-13-45\nspeakers: [A]\n---\n")
    assert source.meta["date"] == "2024-13-45"  # type: ignore[attr-defined]
    assert source.meta["speakers"] == ["A"]  # type: ignore[attr-defined]
    assert not report.problems


def test_problems_carry_the_column() -> None:
    _, report = read("---\ntitle: t\n  speakers: [x\n---\n")
    [problem] = report.problems
    assert (problem.line, problem.column) == (3, 11)


def test_an_alias_is_never_followed() -> None:
    # Each level repeats the one above nine times: followed, the last key would stand for
    # 9**5 values, and a list used as a key would be printed whole.
    levels = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 6))
    text = f"---\nl0: &l0 [x, x]\n{levels}? [*l5, *l5]\n: boom\ntitle: 제목\n---\n"
    source, report = read(text)
    meta = source.meta  # type: ignore[attr-defined]
    assert meta["title"] == "제목" and meta["l5"] == [] and meta["l0"] == ["x", "x"]
    said = messages(report)
    assert said[0] == ("Doc file 'notes/x.md', line 3: front matter: '*l0' repeats a value "
                       "written elsewhere (a YAML alias); Confnotes does not follow aliases, so "
                       "it is left out. Write the value out in full.")
    assert len(said) == 7  # one a line: five levels and the key, which is also left out
    assert said[-1].startswith("Doc file 'notes/x.md', line 8: front matter: a list or mapping "
                               "is used as a key")


def test_deep_nesting_is_refused_before_it_is_read() -> None:
    for depth in (21, 1_000, 100_000):
        source, report = read("---\ntitle: " + "[" * depth + "]" * depth + "\n---\n본문\n")
        assert source.meta == {} and source.body == "본문\n"  # type: ignore[attr-defined]
        assert messages(report) == ["Doc file 'notes/x.md', line 2: front matter nests lists or "
                                    "mappings more than 20 levels deep; it is ignored. The text "
                                    "is still published."]
    # The front matter's own mapping is the first level.
    source, report = read("---\ntitle: " + "[" * 19 + "]" * 19 + "\n---\n")
    assert not report.problems


def test_size_digits_and_control_characters_are_warnings_with_their_line() -> None:
    source, report = read("---\ntitle: t\nday: " + "9" * 5000 + "\n---\n")
    assert source.meta == {"title": "t", "day": None}  # type: ignore[attr-defined]
    assert messages(report) == ["Doc file 'notes/x.md', line 3: front matter: a number of more "
                                "than 30 digits is left out; no field needs one."]
    source, report = read("---\ntitle: t\nsummary: a\x07b\n---\n")
    assert messages(report) == ["Doc file 'notes/x.md', line 3: front matter holds the "
                                "character U+0007, a control character YAML does not allow; "
                                "delete it so its fields are used. The text is still published."]
    source, report = read("---\nsummary: " + "가" * 1_000_001 + "\n---\n")
    assert messages(report) == ["Doc file 'notes/x.md', line 2: front matter is 1,000,010 "
                                "characters long, over the limit of 1,000,000; it is ignored. "
                                "Move long text into the note's body. The text is still "
                                "published."]


def test_a_registry_id_given_twice_keeps_the_first() -> None:
    report = Report()
    speakers = load("speaker", "speakers.yml", b"kfl:\n  name: Kai-Fu Lee\nx:\n  name: X\n"
                    b"kfl:\n  name: Someone Else\n", report)
    assert speakers.terms["kfl"].name == "Kai-Fu Lee" and speakers.find("Someone Else") is None
    assert messages(report) == ["Doc file 'speakers.yml', line 5: speaker id 'kfl' is given "
                                "again (first on line 1); this entry is ignored. Give it an id "
                                "of its own."]


def test_a_registry_over_a_limit_or_with_a_control_character_is_an_error_at_its_line() -> None:
    for data, line, text in [
            (b"x:\n  name: X\x01\n", 2, "the file holds the character U+0001, a control "
             "character YAML does not allow; delete it."),
            (b"x:\n  name: " + b"[" * 5000 + b"\n", 2, "the file nests lists or mappings more "
             "than 20 levels deep.")]:
        with pytest.raises(RegistryError) as caught:
            load("speaker", "speakers.yml", data, Report())
        assert [(p.line, p.text) for p in caught.value.problems] == [(line, text)]
