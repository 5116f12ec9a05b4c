from __future__ import annotations

import datetime as dt

from confnotes.front_matter import YamlList, YamlMap, decode, split
from confnotes.messages import Report


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
