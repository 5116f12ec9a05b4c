from __future__ import annotations

import datetime as dt

import pytest
from confnotes.dates import korean_date, parse_date
from confnotes.names import initial, jamo, key, look_alike_keys, one_edit_apart, slugify, sort_key
from confnotes.people import PersonRef, parse_person, split_list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rani Borkar", PersonRef("Rani Borkar")),
        ("Mark Adams (Penguin Solutions)", PersonRef("Mark Adams", "Penguin Solutions")),
        ("Steve Scott (AMD Corporate Fellow)", PersonRef("Steve Scott", "AMD", "Corporate Fellow")),
        ("유영상 (SK텔레콤 CEO)", PersonRef("유영상", "SK텔레콤", "CEO")),
        ("오혜연 교수 (KAIST, Moderator)", PersonRef("오혜연", "KAIST", "교수", "moderator")),
        ("Kai-Fu Lee (Sinovation Ventures 회장)",
         PersonRef("Kai-Fu Lee", "Sinovation Ventures", "회장")),
        ("Gary Grider (HPC Division Leader, Los Alamos National Laboratory)",
         PersonRef("Gary Grider", "Los Alamos National Laboratory", "HPC Division Leader")),
        ("Bryan Black (CEO & Chairman, Chipletz)", PersonRef("Bryan Black", "Chipletz",
                                                             "CEO & Chairman")),
        ("Gary Grider (LANL, 모더레이터)", PersonRef("Gary Grider", "LANL", None, "moderator")),
        ("이강욱 부사장님 (SK하이닉스)", PersonRef("이강욱", "SK하이닉스", "부사장")),
        ("이강욱부사장님", PersonRef("이강욱", None, "부사장")),
        ("김철수님", PersonRef("김철수")),
        ("Jeff Dean (Google Research)", PersonRef("Jeff Dean", "Google Research")),
        ("Mark Adams — Penguin Solutions CEO", PersonRef("Mark Adams", "Penguin Solutions", "CEO")),
        ("Bill Coughran (Sequoia Capital, 사회)",
         PersonRef("Bill Coughran", "Sequoia Capital", None, "moderator")),
        ("Chris Levesque (패널)", PersonRef("Chris Levesque", None, None, "panelist")),
        ("<script>alert(1)</script>", PersonRef("<script>alert(1)</script>")),
    ],
)
def test_parse_person(text: str, expected: PersonRef) -> None:
    assert parse_person(text) == expected


def test_split_list_ignores_separators_inside_brackets() -> None:
    assert split_list("Steve Scott (AMD, Fellow), Mohamed Awad (Arm) 및 이강욱; Jeff Dean and "
                      "Bill Coughran") == [
        "Steve Scott (AMD, Fellow)", "Mohamed Awad (Arm)", "이강욱", "Jeff Dean", "Bill Coughran"]


@pytest.mark.parametrize(
    "text",
    ["2024-11-04", "2024.11.04", "2024/11/04", "2024년 11월 4일", "Nov 4, 2024",
     "4 November 2024", "November 4th, 2024", "2024. 11. 4.", "2024-11-04 09:30"],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2024, 11, 4)


@pytest.mark.parametrize("value", ["2024-13-40", "다음 주", "", None, 20241104, ["2024-11-04"]])
def test_unparseable_dates_are_none(value: object) -> None:
    assert parse_date(value) is None


def test_yaml_datetime_and_korean_form() -> None:
    assert parse_date(dt.datetime(2024, 11, 4, 9, 0)) == dt.date(2024, 11, 4)
    assert korean_date(dt.date(2024, 11, 4)) == "2024년 11월 4일"


def test_keys_ignore_case_spaces_and_hyphens() -> None:
    assert key("Kai Fu Lee") == key("Kai-Fu Lee") == key("kai-fu lee")
    assert key("AI Infra") == key("ai-infra") == key("AI  infra")
    assert key("이강욱") != key("이강옥")


def test_slugs_are_readable_and_keep_hangul() -> None:
    assert slugify("Kai-Fu Lee") == "kai-fu-lee"
    assert slugify("AI 인프라") == "ai-인프라"
    assert slugify("R&D / 전략!") == "r-and-d-전략"
    assert slugify("  ") == ""


def test_initials_group_double_consonants_and_latin() -> None:
    assert [initial(n) for n in ["강", "까치", "이강욱", "Zed", "élan", "3D"]] == [
        "ㄱ", "ㄱ", "ㅇ", "Z", "E", "#"]


def test_korean_sort_order_puts_hangul_first_in_dictionary_order() -> None:
    names = ["Steve Scott", "유영상", "Aravind", "오혜연", "이강욱", "가나", "123"]
    assert sorted(names, key=sort_key) == [
        "가나", "오혜연", "유영상", "이강욱", "Aravind", "Steve Scott", "123"]


def test_look_alike_keys_meet_for_one_jamo_and_word_order() -> None:
    assert jamo("욱") == "ㅇㅜㄱ" and jamo("옥") == "ㅇㅗㄱ"
    assert set(look_alike_keys("이강욱")) & set(look_alike_keys("이강옥"))
    assert set(look_alike_keys("Lee Kang-wook")) & set(look_alike_keys("Kang-wook Lee"))
    assert one_edit_apart(jamo(key("이강욱")), jamo(key("이강옥")))
    assert one_edit_apart("stevescott", "stevescot")
    assert not one_edit_apart("stevescott", "stevescott")
    assert not one_edit_apart("abc", "xyz")


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [("이강욱", "이강옥", True), ("정린소", "장린소", False), ("홍서연", "송서연", False),
     ("오수아", "이수아", False), ("김서연", "김서윤", False), ("남궁규돈", "남궁규도", True),
     ("Stephen Balaban", "Stephan Balaban", True),
     ("Jane Roberts", "Roberts Jane", True), ("Steve Scott", "Steve Scot", True),
     ("Wei Berg", "Mei Berg", False), ("P. Smith", "C. Smith", False),
     ("Pierre Smith", "Camille Smith", False), ("Kai-Fu Lee", "Kai Fu Lee", False),
     ("이강욱", "이강욱", False), ("김민준", "박서연", False)],
)
def test_look_alike_names(a: str, b: str, alike: bool) -> None:
    from confnotes.names import look_alike
    assert look_alike(a, b) is alike
    assert look_alike(b, a) is alike


def test_slugs_drop_latin_accents_only() -> None:
    assert slugify("Arjun Müller") == "arjun-muller"
    assert slugify("Łukasz Żółć") == "lukasz-zolc"
    assert slugify("José 김") == "jose-김"
