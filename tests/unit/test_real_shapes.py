"""The shapes real notes use for speakers, events and dates, each in a note of our own words,
and the look-alike shapes that must NOT give a person, an event or a date."""

from __future__ import annotations

import datetime as dt

import pytest
from confnotes.normalize import RawNote

from .helpers import note, people


def talk_speakers(raw: RawNote, named: bool = False) -> list[tuple[str, list[str]]]:
    """Each talk's title and its speakers' names; `named`: only talks that name someone."""
    return [(t.title, [a.person.name for a in t.people]) for t in raw.talks
            if t.people or not named]


Named = list[tuple[str, str | None]]   # (name, company) of each speaker


def talk_companies(raw: RawNote, named: bool = False) -> list[tuple[str, Named]]:
    """Each talk's title and its speakers' names with their companies; `named`: only talks
    that name someone."""
    return [(t.title, [(a.person.name, a.person.affiliation) for a in t.people])
            for t in raw.talks if t.people or not named]


def companies(raw: RawNote) -> Named:
    """Every talk's speakers' names with their companies, in order."""
    return [(a.person.name, a.person.affiliation) for t in raw.talks for a in t.people]


# -- speakers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### 검색 랭킹 다시 보기 (한도윤 | 예시랩)\n본문\n", [("한도윤", "예시랩")]),
        ("**클라우드 비용 줄이기 (문서진)**\n본문\n", [("문서진", None)]),
        ("**로그 수집기 이야기(문서진)**\n본문\n", [("문서진", None)]),
        ("## 로그 수집기 이야기 (예시컴퍼니 - 배주원)\n본문\n", [("배주원", "예시컴퍼니")]),
        ("**1. 행복한 코드 리뷰 : 남도현**\n본문\n", [("남도현", None)]),
        ("**테스트 전략 - 유시온 -**\n본문\n", [("유시온", None)]),
        ("**비동기의 모든 것 -석지안-**\n본문\n", [("석지안", None)]),
        ("## 성능 튜닝 - 정개발(정도윤)\n본문\n", [("정도윤", None)]),
        ("## 웹 컴포넌트 - 권민찬, 탁서율\n본문\n", [("권민찬", None), ("탁서율", None)]),
        ("### 2. The Future of Builds, Olivia Grant & Daniel Marsh\n본문\n",
         [("Olivia Grant", None), ("Daniel Marsh", None)]),
        ("### Caching at Scale, Emma Lawson, Examplecorp\n본문\n",
         [("Emma Lawson", "Examplecorp")]),
        ("## Streams by Jessica Holt @jholt\n본문\n", [("Jessica Holt", None)]),
        ("# 키노트_구하람 소장(예시연구소)\n본문\n", [("구하람", "예시연구소")]),
        ("### 1. 이서후 외 2인 '우리의 첫 도전'\n본문\n", [("이서후", None)]),
        ("## 1. 같이 자라기 - 김태오·산책토끼\n본문\n", [("김태오", None)]),
    ],
)
def test_a_talk_heading_names_its_speaker(text: str,
                                          expected: list[tuple[str, str | None]]) -> None:
    raw, _ = note(text)
    assert companies(raw) == expected


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        ("# Modular 이야기\n### Speaker - Nora Whitfield@Examplesoft\n본문\n",
         "Nora Whitfield", "Examplesoft"),
        ("# 환영사\n### Speaker - Outsider\n본문\n", "Outsider", None),
        ("# 강연\n### 연사 소개\n(권태희(th.kwon) 님)\n\n본문\n", "권태희", None),
        ("# 강연\n## 발표자\n- 석지안 | 예시랩 대표\n\n본문\n", "석지안", "예시랩"),
        ("# 강연\n## 발표자\n- 예시클라우드 CTO 변하람님\n\n본문\n", "변하람", "예시클라우드"),
        ("# 강연\n\nBy Grace Holloway ([@grace](https://example.com/grace))\n\n본문\n",
         "Grace Holloway", None),
        ("# 강연\n\n-- by [Tom Reyes](https://example.com/tom)\n\n본문\n", "Tom Reyes", None),
        ("# 강연\n\n**강연자 : 홍지호, 예시전자 연구소**\n\n본문\n", "홍지호", "예시전자 연구소"),
        ("# 강연\n\n*Speaker: Maya Chen, Exampleworks*\n\n본문\n", "Maya Chen", "Exampleworks"),
    ],
)
def test_labels_and_sections_name_the_speaker(text: str, name: str,
                                              affiliation: str | None) -> None:
    raw, _ = note(text)
    found = companies(raw)
    assert found == [(name, affiliation)]


def test_a_person_heading_under_a_section_is_a_talk_of_that_section() -> None:
    raw, _ = note("# 1일차\n## keynote\n#### 김민찬 - 예시전자\n* 내용\n"
                  "#### David Holm - 예시재단 부의장\n* 내용\n")
    assert talk_speakers(raw) == [
        ("keynote", ["김민찬"]), ("keynote", ["David Holm"])]
    assert raw.talks[0].people[0].person.affiliation == "예시전자"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("### 러스트로 만든 파이썬\n- Marcus Bell - [github](https://github.com/example)\n",
         "Marcus Bell"),
        ("### 패키지 개발 여정\n- [한지섭](https://github.com/example)\n- 내용\n", "한지섭"),
        ("## 키노트\n* 송하준 예시 CTO\n* 조직 문화 이야기\n", "송하준"),
        ("### 추천 시스템\n> Example Search 김도경/채윤서\n", "김도경"),
        ("#### 인사말\n\n- 류하진\n  - 예시 운영진\n", "류하진"),
    ],
)
def test_the_first_item_under_a_talk_heading_can_be_its_speaker(text: str, name: str) -> None:
    raw, _ = note(text)
    assert [a.person.name for t in raw.talks for a in t.people][:1] == [name]


def test_a_table_with_a_speaker_column_gives_a_talk_per_row() -> None:
    raw, _ = note("# 라이트닝 토크\n\n발표자 | 제목 | 한 줄 소개\n-- | -- | --\n"
                  "오재윤 | Numerical Tricks | 수치 해법\n아샬 | 객체지향 이야기 | 위임\n")
    assert talk_speakers(raw) == [
        ("Numerical Tricks", ["오재윤"]), ("객체지향 이야기", ["아샬"])]


@pytest.mark.parametrize(
    ("line", "title", "name"),
    [
        ("- 전하윤(예시 코리아) / 모두를 위한 새 소식", "모두를 위한 새 소식", "전하윤"),
        ("- 신다인: `State of Things`", "State of Things", "신다인"),
        ("- 비동기 서버 만들기 (강태린)", "비동기 서버 만들기", "강태린"),
        ("[13:00 ~ 13:40] 웹 3D 소개 (최유찬 - 예시소프트)", "웹 3D 소개", "최유찬"),
        ("🌳 [Scaling Queues - Emma Lawson, Examplecorp](https://youtu.be/example)",
         "Scaling Queues", "Emma Lawson"),
    ],
)
def test_a_programme_line_or_list_item_is_a_talk_with_its_speaker(line: str, title: str,
                                                                  name: str) -> None:
    raw, _ = note(f"# 프로그램\n\n{line}\n")
    assert talk_speakers(raw) == [(title, [name])]


def test_a_by_line_under_a_numbered_title_line_makes_that_line_a_talk() -> None:
    raw, _ = note("# 세미나\n\n(1) 일상이 바뀐 이야기\nby 황보라 @bora.h ([블로그](https://x.example))"
                  "\n(2) 챗봇 만들기\nby 문지섭 @js.moon\n")
    assert talk_speakers(raw) == [
        ("일상이 바뀐 이야기", ["황보라"]), ("챗봇 만들기", ["문지섭"])]


def test_a_korean_name_with_nim_over_an_item_is_that_talks_speaker() -> None:
    raw, _ = note("## 제4회 모임\n\n* 마은결님\n  * [CLI 새 버전 알아보기](https://x.example)\n"
                  "* 석지안님 (예시랩)\n  * 쿼리를 CLI로 써 보기\n\n## 후기\n\n* 문도경님\n"
                  "  * 오늘 발표가 정말 재미있었다.\n")
    assert talk_speakers(raw, named=True) == [("CLI 새 버전 알아보기", ["마은결"]),
                                              ("쿼리를 CLI로 써 보기", ["석지안"])]


def test_a_description_written_as_a_heading_with_nim_names_the_speaker() -> None:
    raw, _ = note('+++\ntitle = "11월 소모임"\n'
                  'description = "닷새 만에 클러스터 옮기기 - 석지안님(예시커넥트)"\n+++\n\n본문\n')
    assert companies(raw) == [
        ("석지안", "예시커넥트")]
    raw, _ = note("---\ntitle: 모임\ndescription: 김철수님 덕분에 즐거운 모임이었습니다\n"
                  "---\n본문\n")
    assert talk_speakers(raw, named=True) == []


def test_a_list_of_titled_people_names_the_speakers_of_the_talk_above() -> None:
    raw, _ = note("# 키노트\n\n- 예시 클라우드 CEO 김예준님\n- 예시 랩 CTO 박서윤님\n")
    assert people(raw) == [[("김예준", "speaker", "예시 클라우드"),
                            ("박서윤", "speaker", "예시 랩")]]


def test_names_in_tags_and_a_labelled_description_are_speakers_not_topics() -> None:
    raw, _ = note("---\ntitle: 밋업\ntags: [gdg, 차은호, react]\n---\n# 밋업\n")
    assert people(raw) == [[("차은호", "speaker", None)]]
    assert [t.path for t in raw.topics] == [("gdg",), ("react",)]
    raw, _ = note("---\ntitle: 워크샵\ndescription: >\n  워크샵 리뷰입니다.\n\n"
                  "  **강연자 : 홍지호**\n---\n본문\n")
    assert people(raw) == [[("홍지호", "speaker", None)]]


@pytest.mark.parametrize(
    "text",
    [
        "### 장점\n내용\n### 이야기\n내용\n",
        "#### The Apache Way - 5가지 운영 원칙\n1. 합의\n",
        "## 삽질기 1 - 502 Bad Gateway\n내용\n",
        "# 총평\n### 음..기초의 중요성? - 비타\n### 다음엔 더 잘하자 - 데파\n",
        "## Docker Orchestration\n## React Everywhere\n",
        "### 데이터 라벨링, Ground Truth\n- 내용\n",
        "- **Amazon Managed Chain (Closed Beta)**\n",
        "## 발표\n* [Talk](https://x.example)\n* Summary By: Nate Example\n",
        "## 즐길거리\n### 도시락\n맛있었다\n",
        "### 자동화\n- 분석 패키지를 미리 설치함\n",
        "## 모임\n- 이상한 모임\n",
        "### 2015 - http://example.io/\n",
        "### 발표 정리 (20분)\n### 구조 (Incubating)\n",
        "- tinder - migrated from poll to push\n- Hadoop Cluster (Vector Size)\n",
        "### 시각화 도구\n* 시각화\n",
        "# 예시 모임\n\n ID | Paid | Name | Photo\n -- | -- | -- | --\n"
        " 1 | :smile: | Heejun P. | x\n 2 | | 김두진 | x\n",
    ],
)
def test_shapes_that_give_no_person(text: str) -> None:
    raw, _ = note("# 노트\n" + text)
    assert people(raw) == [[] for _ in raw.talks]


# -- events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "body", "path", "event", "series"),
    [
        ("title: Deview2017 2일차 후기", "", "notes/x.md", "DEVIEW 2017", "deview"),
        ("title: '[컨퍼런스] if(kakaoAI)2024 다녀온 후기'", "", "notes/x.md", "if(kakao) 2024",
         "ifkakao"),
        ("title: 토스ㅣSLASH 22 - 유저의 시간", "", "notes/x.md", "SLASH 2022", "slash"),
        ("title: '[Join IT] 2023 INFCON'", "", "notes/x.md", "INFCON 2023", "infcon"),
        ("title: PyconKR 2018 후기 1일차", "", "notes/x.md", "PyCon Korea 2018", "pycon-korea"),
        ("title: 후기", "", "notes/deveiw2015/README.md", "DEVIEW 2015", "deview"),
        ("title: 스사모 2023", "", "notes/x.md", "스사모 2023", "스사모"),
        ("title: 제1회 예시 테크 밋업 후기", "", "notes/x.md", "제1회 예시 테크 밋업", None),
        ("title: '[예시넷 2017] 보안 세션'", "", "notes/x.md", "예시넷 2017", "예시넷"),
        ("title: 노트", "- 행사: 예시 데브데이 2024\n", "notes/x.md", "예시 데브데이 2024", None),
        ("title: Kubecon, still for me?", "Kubecon 2023 is a wrap! Kubecon Valencia 2022 was "
         "my first.\n", "notes/x.md", "KubeCon 2023", "kubecon"),
        ("title: 예시 테크데이 2025 with Upstage", "", "notes/x.md", "예시 테크데이 2025", None),
        ("title: 예시랩 2022 MLOps Meet-up", "", "notes/x.md", "예시랩 MLOps Meet-up 2022", None),
        ("title: 예시DB 2023 웨비나 후기", "", "notes/x.md", "예시DB 웨비나 2023", None),
        ("title: 미래의 예시 언어와 마이크로서비스", "#### 세미나 정보\n1. 주제 : 예시\n2. 일시 : "
         "2018년 03월 17일\n", "notes/x.md", "미래의 예시 언어와 마이크로서비스 2018", None),
    ],
)
def test_the_event_is_read_from_title_folder_tags_and_lines(
        front: str, body: str, path: str, event: str, series: str | None) -> None:
    raw, _ = note(f"---\n{front}\n---\n{body}", path)
    assert raw.event == event
    if series is not None:
        assert raw.event_series == series


def test_a_label_in_brackets_names_the_talks_speaker_or_moderator() -> None:
    raw, _ = note("## 오후 세션\n\n- 클러스터 이야기 (발표자 : 석지안)\n- 토론 (사회자: 문도경)\n"
                  "- 쿠버네티스 (참고: 공식 문서)\n")
    assert [(t.title, [(a.person.name, a.role) for a in t.people]) for t in raw.talks
            if t.people] == [("클러스터 이야기", [("석지안", "speaker")]),
                             ("토론", [("문도경", "moderator")])]
    raw, _ = note("## 강의\n\n- 강사진 : 초급반 1일차 수업\n\n## 데이터-설계서\n\n본문\n")
    assert talk_speakers(raw, named=True) == []


def test_a_label_in_brackets_among_a_panels_people_names_its_moderator() -> None:
    raw, _ = note("---\ntitle: 모임 후기\n---\n\n## 패널\n\n- 토론 (사회자: 문도경)\n"
                  "- 석지안 (예시랩)\n- 용하람 (예시전자)\n")
    assert [[(a.person.name, a.role, a.person.affiliation) for a in t.people]
            for t in raw.talks] == [[("문도경", "moderator", None),
                                     ("석지안", "panelist", "예시랩"),
                                     ("용하람", "panelist", "예시전자")]]
    # Under a speakers' heading they are speakers.
    raw, _ = note("---\ntitle: 모임 후기\n---\n\n## 발표자\n\n- 석지안 (예시랩)\n")
    assert people(raw) == [[("석지안", "speaker", "예시랩")]]


def test_a_paragraph_of_a_title_and_a_labelled_speaker_is_a_talk() -> None:
    raw, _ = note("---\ntitle: 세미나 후기\n---\n\n클러스터 운영기 (발표자: 석지안)\n\n"
                  "본문이다.\n\n서비스 메시 도입 (발표자 : 용하람, 부지안)\n\n다른 본문.\n")
    assert talk_speakers(raw) == [("클러스터 운영기", ["석지안"]),
                                  ("서비스 메시 도입", ["용하람", "부지안"])]
    # A sentence is no title, even with a label in brackets after it.
    raw, _ = note("---\ntitle: 일기\n---\n\n오늘은 발표를 들었다 (발표자: 석지안)\n\n끝.\n")
    assert talk_speakers(raw, named=True) == []


def test_a_link_to_a_repository_or_a_post_is_no_handle() -> None:
    # A link to a person's own page says "person"; one to a repository, a post or slides
    # does not.
    raw, _ = note("# Building Tools\n\n- See the code - [Example Repo](https://github.com/ex/repo)"
                  "\n- a point\n")
    assert talk_speakers(raw, named=True) == []
    raw, _ = note("# Building Tools\n\n- Yuki Example ([@yuki](https://twitter.com/yuki))\n"
                  "- a point\n")
    assert talk_speakers(raw) == [("Building Tools", ["Yuki Example"])]


def test_a_link_to_the_conferences_page_of_the_speaker_names_them() -> None:
    raw, _ = note("# Software That Fits\n\nhttp://conf.example/speaker/DanExample\n\n- point\n")
    assert talk_speakers(raw, named=True) == [("Software That Fits", ["Dan Example"])]
    raw, _ = note("# Talk\n\nhttps://conf.example/speaker/Kubernetes\n\n- point\n")
    assert talk_speakers(raw, named=True) == []


def test_a_long_run_of_person_items_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Items that each read as a person, too few of them known: every line of the run asks
    # whether a run starts there, and each item must still be read once, not once per line.
    from confnotes import body_lines
    reads = 0
    real = body_lines.read_person

    def counted(text: str, *args: object, **kwargs: object) -> object:
        nonlocal reads
        reads += 1
        return real(text, *args, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(body_lines, "read_person", counted)
    note("## 목록\n\n" + "- t - [Ivy Lin](https://x.example/in/y/)\n" * 400)
    assert reads < 3 * 400


def test_a_log_of_many_meetups_is_no_one_event() -> None:
    log = ("# 예시KRUG CLI 밋업 기록\n\n## [제5회 예시KRUG CLI모임 (5월 7일 화요일)](https://x.example/5)\n"
           "\n* 석지안님\n  * 나만의 CLI\n\n## [제4회 예시KRUG CLI모임 (3월 5일 화요일)](https://x.example/4)"
           "\n\n* 마은결님\n  * CLI v2\n\n## [제3회 예시KRUG CLI모임 (10월 16일 화요일)](https://x.example/3)"
           "\n\n* 문도경님\n  * 모바일 앱\n")
    raw, _ = note(log)
    assert raw.event is None
    assert len([t for t in raw.talks if t.people]) == 3
    # The days of one conference, and the dates of a talk's own story, are not meetings.
    days = ("# 예시콘 2019 후기\n\n## 2019년 10월 28일 (1일차)\n본문\n## 2019년 10월 29일 (2일차)\n"
            "본문\n## 2019년 11월 1일 (워크숍)\n본문\n")
    assert note(days)[0].event == "예시콘 2019"
    story = ("---\ntitle: 예시콘 2018 후기\n---\n# 모바일 앱 개발기\n#### 16 년 5 월 1 일\n본문\n"
             "#### 6 월 1 일 출발\n본문\n#### 9 월 오픈\n본문\n")
    assert note(story)[0].event == "예시콘 2018"


@pytest.mark.parametrize(
    "front",
    ["title: 'Do more, with less. - 디자인 시스템, 그다음은?'", "title: slash 기호 쓰는 법",
     "title: 2023 회고", "title: 개발자 컨퍼런스 후기"],
)
def test_no_event_when_the_note_names_none(front: str) -> None:
    raw, _ = note(f"---\n{front}\n---\n본문\n")
    assert raw.event is None


def test_tags_that_name_the_event_a_year_or_a_kind_of_post_are_not_topics() -> None:
    raw, _ = note("---\ntitle: Deview2017 후기\ntags: ['conference', 'deview2017', '2017', "
                  "'후기', 'machine-learning']\ncategories: [Conference, 데이터]\n---\n")
    assert [t.path for t in raw.topics] == [("machine-learning",), ("데이터",)]


def test_a_slash_in_a_tag_is_no_level() -> None:
    raw, _ = note("---\ntitle: 후기\ntags: ['EMOCON S/S 2017', 'CI/CD']\n---\n")
    assert ("EMOCON S", "S 2017") not in [t.path for t in raw.topics]


# -- dates ---------------------------------------------------------------------------------


def _when(text: str, path: str = "notes/x.md") -> tuple[object, object, str, str | None]:
    raw, _ = note(text, path)
    return raw.date, raw.date_end, raw.date_precision, raw.date_source


@pytest.mark.parametrize(
    ("text", "path", "start", "end", "precision"),
    [
        ("# 밋업\n- 일시: 2019-05-18 (토) 13시 ~ 18시\n", "notes/x.md",
         dt.date(2019, 5, 18), None, "day"),
        ("# 연합 세미나: 강연 후기\n\n본문\n\n---\n\n*발표 일시: 2025-07-27*  \n*장소: 예시허브*\n",
         "notes/x.md", dt.date(2025, 7, 27), None, "day"),
        ("# 모임 후기\n\n- 신청 기간: 2025-01-02 ~ 2025-01-09\n- _행사 날짜_: 2025-01-20\n",
         "notes/x.md", dt.date(2025, 1, 20), None, "day"),
        ('+++\ntitle = "2020년 11월 26일 소모임"\ndate = "2020-11-14"\n+++\n\n본문\n', "notes/x.md",
         dt.date(2020, 11, 26), None, "day"),
        ("# 파이콘\n::: tip\n2023.08.11-13 COEX 그랜드볼룸\n:::\n", "notes/x.md",
         dt.date(2023, 8, 11), dt.date(2023, 8, 13), "day"),
        ("# Deview 2015\n2015년 9월 14, 15일 개최된 DEVIEW 2015 후기\n", "notes/x.md",
         dt.date(2015, 9, 14), dt.date(2015, 9, 15), "day"),
        ("---\ntitle: Deview2014 Review\npub_date: '2014-10-02'\n---\n9/29일(월) 9:00 ~ 18:00\n",
         "notes/x.md", dt.date(2014, 9, 29), None, "day"),
        ("---\ntitle: INFCON 2023\ndate: 2023-08-16\nlayout: post\n---\n어제 드디어 인프콘을 "
         "다녀왔다!\n", "notes/x.md", dt.date(2023, 8, 15), None, "day"),
        ("---\ntitle: 예시콘 2024 가이드\ndate: 2024-07-03\nlayout: post\n---\n"
         "> 공식 사이트 기준으로 작성했다. (2024. 07. 03)\n\n예시콘은 2024년 8월 2일 금요일 "
         "코엑스에서 열린다.\n", "notes/x.md", dt.date(2024, 8, 2), None, "day"),
        ("---\ntitle: SOSCON 2015\n---\n본문\n", "notes/x.md", dt.date(2015, 1, 1), None,
         "year"),
        ("# 모임\n본문\n", "notes/[190316]Spring_Meetup/notes.md", dt.date(2019, 3, 16), None,
         "day"),
        ("---\ntitle: 예시 밋업 후기\n---\n본문\n", "notes/2019-03-02-spring-meetup.md",
         dt.date(2019, 3, 2), None, "day"),
        ("---\ntitle: 행사 후기\ndate: 2018-02-12\nlayout: post\n---\n"
         "<img src=\"/img/2018-02-11-event-01.jpg\">\n본문\n", "notes/x.md",
         dt.date(2018, 2, 12), None, "day"),
        ("---\ntitle: KRnet 2017 보안\n---\n인터컨티넨탈 호텔에서 6월 26, 27일 양일간 열리는 "
         "KRnet 2017\n", "notes/x.md", dt.date(2017, 6, 26), dt.date(2017, 6, 27), "day"),
    ],
)
def test_the_date_of_the_talks(text: str, path: str, start: dt.date, end: dt.date | None,
                               precision: str) -> None:
    found = _when(text, path)
    assert found[:3] == (start, end, precision)


def test_the_post_date_yields_to_the_text_and_to_the_events_year() -> None:
    date, _, precision, source = _when("---\ntitle: Deview2017 2일차 후기\npub_date: "
                                       "'2017-10-21'\n---\n본문\n")
    assert (date, precision, source) == (dt.date(2017, 10, 21), "day", "post date")
    date, _, precision, source = _when("---\ntitle: Deview2017 후기\npub_date: '2018-01-05'\n"
                                       "---\n본문\n")
    assert (date, precision, source) == (dt.date(2017, 1, 1), "year", "event")


def test_confnotes_own_date_is_the_talks() -> None:
    date, _, precision, source = _when("---\ntitle: 노트\ndate: 2024-11-04\n---\n"
                                       "2024년 11월 5일에 열린 행사\n")
    assert (date, precision, source) == (dt.date(2024, 11, 4), "day", "front matter")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## 1. 공모전 이야기\n\n- 🎤 발표자 : 부지안 예시전자\n", [("부지안", "예시전자")]),
        ("#### 2026년 4월 - 모임\n* **발표내용**:\n  * **세션1 - 에이전트 만들기 (남궁지원, Cloud "
         "Engineer)** [실습자료](./src/x), [영상](https://x.example/v)\n",
         [("남궁지원", "Cloud Engineer")]),
        ("### 6월 모임\n  - Main Session\n    - 람다를 후회하는 이유 - [`마은결`]() | 예시베리\n",
         [("마은결", "예시베리")]),
        ("## 2019\n\n- Deep dive into networking by Hana Example [Youtube](https://x.example/v)\n",
         [("Hana Example", None)]),
        ("## 2019\n\n- 최소한의 비용으로 만든 CI/CD (독고혁 님)\n", [("독고혁", None)]),
        ("[[Track1-4_2]문어와 사는 개발자들의 협업 방식-강지안](https://x.example/v)\n\n"
         "### 해결\n\n본문\n", [("강지안", None)]),
        ("## 2019. 09\n\n[2019. 09. 03] 예시 밋업 발표 (발표자 : 용지안) [발표자료 링크](https://x.example)"
         "\n", [("용지안", None)]),
        ("### 모임\n  - Main\n    - 미국에서 살아남기 [`마은결`](https://x.example/in/m) | "
         "예시클라우드\n", [("마은결", "예시클라우드")]),
        ("# Keynote\n\n## Bear Example - @bearexample - 19 Feb 2015 - 13:00\n\nnotes\n",
         [("Bear Example", None)]),
        ("# Brain Against Software\n### Jenna Example...\n\nnotes\n### 하지만... ###\n",
         [("Jenna Example", None)]),
        ("## React + Blocks\nMatías Example, Gregory Sample\n\n- notes\n## Venue\nNew York, San "
         "Francisco\n\n- notes\n", [("Matías Example", None), ("Gregory Sample", None)]),
        ("### 2019\n  - Main\n    - Living abroad - [`Ivy Sample`](https://www.linkedin.com/in/iv/)\n"
         "    - Follow us - [Example News](https://twitter.com/examplenews)\n",
         [("Ivy Sample", None)]),
        ("## Keynote\n\n### Cloud 2023 - CEO Keynote with Adam Example ([link](https://x.example))"
         "\n\nnotes\n### Building apps with React Native\n\nnotes\n", [("Adam Example", None)]),
        ("#\u00a0Talk the Talk: Speaking to Everyone\n\nEllen Example\n\nhttp://x.example/talk\n",
         [("Ellen Example", None)]),
        ("## 키노트\n\n- **🎤 발표자** : Hana Lee\n", [("Hana Lee", None)]),
        ("# Moderated by Dana Holt, Example Foundation\n\n", [("Dana Holt", "Example Foundation")]),
        ("# 오늘\n\n:one: 자바스크립트의 새 기능 - 석지안\n:two: 안드로이드 테마 - 문도경\n",
         [("석지안", None), ("문도경", None)]),
        ("# Talks\n\n[Fast Pages](https://x.example/a) from [Mina Park, 이서후](https://x.example/b)"
         "\n", [("Mina Park", None), ("이서후", None)]),
        ("# Talks\n\n“The World We Build” - Grace Holloway\nhttps://youtu.be/example\n",
         [("Grace Holloway", None)]),
        ("# Talks\n\n* [Knots With Long\nNotations](https://youtu.be/example) by Kay Morrow\n",
         [("Kay Morrow", None)]),
        ("# Keynote\n\n* Kelsey Marsh - Staff Advocate, Example\n  * boring is good\n",
         [("Kelsey Marsh", "Example")]),
        ("# Matz\n\nYukihiro Example (Matz) ([@matz_example](https://twitter.com/x))\n\n본문\n",
         [("Yukihiro Example", "Matz")]),
        ("# Keynotes\n\n* [Karen Stone Senior Backend Engineer Examplelab](https://youtu.be/x)\n",
         [("Karen Stone", "Examplelab")]),
        ("##### 다음 자바 -- 예시의민족 박도윤\n", [("박도윤", "예시의민족")]),
        ("### 로그 시스템\n> Example Search 김도경/채윤서\n", [("김도경", "Example Search")]),
    ],
)
def test_more_shapes_of_speakers(text: str, expected: list[tuple[str, str | None]]) -> None:
    raw, _ = note(text)
    found = companies(raw)
    assert found[:len(expected)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "# K\n\n🌳 [Keynote: Building a Greener Cloud - ](https://youtu.be/x)\n",
        "## 문제\n1. 정보량 과다\n2. 모바일 대응\n",
        "# K\n\nKeynote: Building a Sustainable Cloud\n",
        "# 메모\n- 출판: 예시 출판사, 2023년 12월 5일\n",
    ],
)
def test_more_shapes_that_give_no_person(text: str) -> None:
    raw, _ = note(text)
    assert people(raw) == [[] for _ in raw.talks]


def test_more_dates_and_events() -> None:
    raw, _ = note("# GDG DevFest Example 2019\n\n- **⏰ 일시** : 2019. 11. 05 (화)\n")
    assert (raw.date, raw.date_source) == (dt.date(2019, 11, 5), "line 3")
    raw, _ = note("# 모임\n", "notes/1105_DevFest_2019.md")
    assert raw.date == dt.date(2019, 11, 5)
    raw, _ = note("---\ntitle: 후기\ndate: 2023-10-20\nlayout: post\n---\n본문\n",
                  "notes/2023-10-14-summit.md")
    assert (raw.date, raw.date_source) == (dt.date(2023, 10, 14), "post date (file name)")
    raw, _ = note("# DEVGROUND JUNIOR 2019\n")
    assert raw.event == "데브그라운드 JUNIOR 2019" and "DEVGROUND" in raw.event_aliases
    raw, _ = note("# Git 활용하기\n\n본문\n", "notes/[2022 예시컨퍼런스] Git 활용하기.md")
    assert raw.event == "예시컨퍼런스 2022"
    raw, _ = note("DEVIEW 2일차 첫 번째 세션에서 들은 이야기.\n", "notes/2019_log_system.md")
    assert raw.event == "DEVIEW 2019"


def _warnings(*texts: str) -> list[str]:
    from confnotes import index
    from confnotes.messages import Report
    from confnotes.registry import Registry
    raws = [note(t, f"notes/{n}.md")[0] for n, t in enumerate(texts)]
    report = Report()
    index.build(raws, {r.path: r.path[:-3] + "/" for r in raws},
                {k: Registry(k) for k in ("speaker", "topic", "event")},  # type: ignore[misc]
                report)
    return [p.text for p in report.problems]


def test_korean_look_alikes_need_something_in_common() -> None:
    apart = _warnings("---\nspeakers: 김태호 (예시랩)\nevent: 예시콘 2019\n---\n",
                      "---\nspeakers: 김태희 (다른랩)\nevent: 다른콘 2023\n---\n")
    assert apart == []
    together = _warnings("---\nspeakers: 이강욱 (예시하이닉스)\n---\n",
                         "---\nspeakers: 이강옥 (예시하이닉스)\n---\n")
    assert len(together) == 1 and "looks like" in together[0]
    assert _warnings("---\nspeakers: Stephen Balaban\n---\n",
                     "---\nspeakers: Stephan Balaban\n---\n") != []


@pytest.mark.parametrize(
    ("text", "path", "day"),
    [("# 후기\n", "notes/day1-keynote.md", 1), ("# Deview2017 2일차 후기\n", "notes/x.md", 2),
     ("# 노트\n행사 첫째 날 오후 세션.\n", "notes/x.md", 1),
     ("# Day 2: closing\n", "notes/x.md", 2), ("# 2023 회고\n", "notes/x.md", None)],
)
def test_the_day_of_the_event_from_the_name_title_or_first_lines(text: str, path: str,
                                                                  day: int | None) -> None:
    raw, _ = note(text, path)
    assert raw.day == day


def test_a_nickname_heading_with_nim_and_an_unusual_name_after_a_label() -> None:
    raw, _ = note("# 세미나\n## 호빵님\n발표 자료\n## 선배님\n잘 들었다\n")
    assert [[a.person.name for a in t.people] for t in raw.talks] == [["호빵"]]
    raw, _ = note("## 라이다 이야기\n\n- 🎤 발표자 : 이용이 EXAMPLELAB\n")
    assert people(raw) == [[("이용이", "speaker", "EXAMPLELAB")]]


def test_an_affiliation_is_a_few_words_not_a_paragraph() -> None:
    intro = ("예시랩에서 검색 품질을 맡고 있으며 지난 십 년 동안 여러 회사에서 추천과 랭킹을 "
             "만들어 온 엔지니어입니다")
    raw, _ = note(f"# 검색\n\n발표자: 한도윤 ({intro})\n")
    assert people(raw) == [[("한도윤", "speaker", None)]]


# -- shapes read after the third set of real notes ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("`발표자 배정만 강사님`", [("배정만", None)]),
        ("발표자 채자영 님", [("채자영", None)]),
        ("연사 김영희 (예시랩)", [("김영희", "예시랩")]),
        ("Speaker Jane Smith", [("Jane Smith", None)]),
        ("`발표자 예시에듀 신승엽 선임님`", [("신승엽", "예시에듀")]),
        ("발표자: 예시카드 김영희", [("김영희", "예시카드")]),
        ("발표자: 예시카드 김영희 매니저", [("김영희", "예시카드")]),
        # A label word starting a sentence or a section is no speaker line.
        ("발표자 소개", []),
        ("발표자 분들이 많았다", []),
        ("연사 라인업이 화려했다", []),
        ("발표자 김철수님의 발표는 재미있었다", []),
        ("Speaker notes", []),
        ("Speaker Closed Beta", []),
        ("강사 정보보호", []),
    ],
)
def test_a_label_without_its_colon_and_a_company_before_the_name(
        line: str, expected: list[tuple[str, str | None]]) -> None:
    raw, _ = note(f"# 세미나\n\n## 세션 제목\n\n{line}\n\n내용입니다.\n")
    assert companies(raw) == expected


def test_a_known_conference_named_with_the_day_is_the_event() -> None:
    body = "# 로그 이야기\n\n첫 줄입니다.\n\n둘째 줄입니다.\n\n{}\n\n내용\n"
    raw, _ = note(body.format("DEVIEW 2일차 첫 번째 세션에서 들은 이야기."),
                  "notes/2019_log.md")
    assert (raw.event, raw.event_series) == ("DEVIEW 2019", "deview")
    raw, _ = note(body.format("DEVIEW 세션에서 들었던 것과 비슷한 이야기."))
    assert raw.event is None


def test_the_siblings_of_a_speaker_item_are_speakers_too() -> None:
    text = ("# Day 2 Keynotes\n\n"
            "* Kelsey Example - Staff Advocate, Examplecloud\n  * point one\n  * point two\n"
            "* Chen Goldwater - Eng Dir, Examplecloud\n  * point three\n"
            "* Spike Curtiss - Sr S/w eng - Examplenet\n  * point four\n"
            "* Boring is good\n  * point five\n")
    raw, _ = note(text)
    assert [a.person.name for t in raw.talks for a in t.people] == [
        "Kelsey Example", "Chen Goldwater", "Spike Curtiss"]
    # Without a first speaker item that says "person" the siblings are notes.
    raw, _ = note(text.replace("* Kelsey Example - Staff Advocate, Examplecloud\n", "* Intro\n"))
    assert [a.person.name for t in raw.talks for a in t.people] == []


_NAME_LINES = ("# 서밋 후기\n\n"
               "# Running calm events\n\nkatie barwell\n\n## tips\n\n본문\n\n"
               "# 검색 팀 이야기\n\njimin seo - 예시 검색 팀\n\n본문\n\n"
               "# Leadership Skill\n\nTaewon Kang\n\n본문\n\n"
               "# Generative AI\n\nDavid(Taebum) Koh\n\n본문\n\n"
               "# Be Understood\n\nYongmin cha\nCommunication/IR\n\n본문\n")


def test_plain_name_lines_under_several_talk_headings_are_their_speakers() -> None:
    raw, _ = note(_NAME_LINES)
    assert [(a.person.name, a.person.affiliation, a.person.aliases)
            for t in raw.talks for a in t.people] == [
        ("Katie Barwell", None, ()), ("Jimin Seo", "예시 검색 팀", ()),
        ("Taewon Kang", None, ()), ("David Koh", None, ("Taebum",)),
        ("Yongmin Cha", "Communication/IR", ())]
    assert [t.title for t in raw.talks][:2] == ["Running calm events", "검색 팀 이야기"]


def test_one_or_two_plain_lines_under_headings_are_not_speakers() -> None:
    two = _NAME_LINES.split("# Leadership Skill")[0]
    raw, _ = note(two)
    assert [a.person.name for t in raw.talks for a in t.people] == []
    # Lines of title words are never names, however many.
    raw, _ = note("# 후기\n\n" + "".join(f"# Part {n}\n\nnext steps\n\n본문\n\n" for n in range(5)))
    assert [a.person.name for t in raw.talks for a in t.people] == []


def test_link_items_after_a_first_speaker_item_are_speakers_while_they_begin_with_a_name() -> None:
    raw, _ = note("# Example Conf 2020\n\n## Keynotes\n\n"
                  "* [Yukihiro Example (Matz)](https://youtu.be/a)\n"
                  "* [Ryann Samplewood Founder, Activist](https://youtu.be/b)\n"
                  "* [Kent Exampleton Gusto](https://youtu.be/c)\n"
                  "* [Automatic GC Compaction](https://youtu.be/d)\n"
                  "* [Brenna Afterlist Engineer](https://youtu.be/e)\n")
    assert companies(raw) == [
        ("Yukihiro Example", "Matz"), ("Ryann Samplewood", "Activist"),
        ("Kent Exampleton", "Gusto")]


def test_plain_items_after_a_speaker_item_need_a_name_the_reader_knows() -> None:
    raw, _ = note("# 강연\n\n## Rust in production\n\n- Jane Doe (Example)\n"
                  "- Hobby Photographer\n- John Smith\n\n본문\n")
    assert [a.person.name for t in raw.talks for a in t.people] == ["Jane Doe"]
    raw, _ = note("# 강연\n\n## 러스트 운영기\n\n- 김철수 (예시랩)\n- 이영희 (예시넷)\n"
                  "- 10년차 개발자\n- 박민수\n\n본문\n")
    assert [a.person.name for t in raw.talks for a in t.people] == ["김철수", "이영희"]


def test_a_paragraph_ending_with_its_talk_named_as_schedules_do() -> None:
    raw, _ = note("# KubeCon 후기\n\n🌳 A panel of the working group on why it matters. "
                  "[How It Changed Our Lives - Priya Example, Weaveworks; Chris Sample, Red Hat; "
                  "Filip Testson, Examplefors](https://youtu.be/x)\n\n"
                  "This one was great. [Keeping It Simple: Meshes - Liz Example, Isovalent]"
                  "(https://youtu.be/y)\n\n"
                  "I wrote more in [Part 2 - Kubernetes Basics](https://example.com/p2).\n")
    assert talk_companies(raw) == [
        ("How It Changed Our Lives", [("Priya Example", "Weaveworks"),
                                      ("Chris Sample", "Red Hat"),
                                      ("Filip Testson", "Examplefors")]),
        ("Keeping It Simple: Meshes", [("Liz Example", "Isovalent")])]


def test_a_team_then_its_speakers_and_items_carried_on_the_next_line() -> None:
    raw, _ = note("### 로그 시스템\n> Example Search 김도경/채윤서\n")
    assert people(raw) == [[("김도경", "speaker", "Example Search"),
                             ("채윤서", "speaker", "Example Search")]]
    raw, _ = note("# 행사 가이드\n\n### 백엔드\n\n"
                  "- <a href=\"https://example.com/1\" target=\"_blank\">"
                  "김재훈 '오래 가는 설계'</a>\n"
                  "- <a href=\"https://example.com/2\" target=\"_blank\">"
                  "이일현 '깨끗한 스프링: 개발자를 위한\n  전략'</a>\n"
                  "- 발표 목록은 바뀔 수 있다 (공지\n  참고)\n")
    assert talk_speakers(raw) == [
        ("오래 가는 설계", ["김재훈"]), ("깨끗한 스프링: 개발자를 위한 전략", ["이일현"])]


@pytest.mark.parametrize(
    ("heading", "path", "title"),
    [
        ("세미나 정보", "notes/2017-05-25-캠퍼스_채용데이.md", "캠퍼스 채용데이"),
        ("행사 개요", "notes/230815_예시 자바 세미나.md", "예시 자바 세미나"),
        ("Notes", "notes/strange-example-2015.md", "strange example 2015"),
        # A heading that says something keeps its place; a file name with nothing to say
        # leaves a generic heading as it is.
        ("로그 수집기 이야기", "notes/2019-01-01-log.md", "로그 수집기 이야기"),
        ("세미나 정보", "notes/README.md", "세미나 정보"),
        ("세미나 정보", "notes/2019-01-01.md", "세미나 정보"),
    ],
)
def test_a_heading_that_names_a_kind_of_section_gives_way_to_the_file_name(
        heading: str, path: str, title: str) -> None:
    raw, _ = note(f"###### {heading}\n1. 일시 : 2017년 5월 25일\n\n본문\n", path)
    assert raw.title == title


def test_the_first_line_of_a_quoted_abstract_and_names_beside_names_in_a_comma_tail() -> None:
    raw, _ = note("# Airflow 모임\n\n```\n데이터팀에서 Airflow 홀로 서기 - 최종민(예시랩)\n"
                  "혼자서 클러스터를 운영하는 이야기입니다.\n```\n\n본문\n")
    assert people(raw) == [[("최종민", "speaker", "예시랩")]]
    raw, _ = note("# 코드\n\n```\nresult = total - 김철수\n```\n\n```python\n"
                  "title = '로그 이야기 - 김영희(예시랩)'\n```\n")
    assert people(raw) == [[]]
    raw, _ = note("### 3. Reflections on Trusting Scanners, Ian Sample, Duffie Example, "
                  "Brad Testman, Rory Exampleson, Datadog\n")
    assert [a.person.name for t in raw.talks for a in t.people] == [
        "Ian Sample", "Duffie Example", "Brad Testman", "Rory Exampleson"]


def test_a_bold_line_under_a_talk_heading_that_names_its_speaker() -> None:
    raw, _ = note("# 예시콘 아카이브\n\n## Day 1\n\n### 개발자를 위한 재테크\n\n"
                  "**@k16example 황상철**\n\n"
                  "본문입니다.\n\n### 엔지니어링 이야기\n\n**예시펀딩 박형식**\n\n본문\n\n"
                  "### 장고로 블로그 만들기\n\n**@chiyoexample**\n\n본문\n\n"
                  "### 맺으며\n\n**Introduction**\n\n본문\n")
    assert [t.title for t in raw.talks if t.people] == [
        "개발자를 위한 재테크", "엔지니어링 이야기", "장고로 블로그 만들기"]
    named = {a.person.name: a.person for t in raw.talks for a in t.people}
    assert set(named) == {"황상철", "박형식", "chiyoexample"}
    assert named["황상철"].aliases == ("k16example",)
    assert named["박형식"].affiliation == "예시펀딩"


def test_a_programme_table_without_a_speaker_column() -> None:
    raw, _ = note("# 예시 소모임\n\n|밋업링크|세션내용|발표자료|\n|---|---|---|\n"
                  "|[Link](https://example.com/1)|"
                  "세션 1 : 예시 메일 쉽게 쓰기 : 배진우님 (예시마켓)|x|\n"
                  "|[Link](https://example.com/2)|세션 1 : 권한관리 - 고병민님, 이수진님 (AWS)|x|\n"
                  "|[Link](https://example.com/3)|세션 2 : 알림 봇|x|\n")
    assert talk_companies(raw) == [
        ("예시 메일 쉽게 쓰기", [("배진우", "예시마켓")]),
        ("권한관리", [("고병민", "AWS"), ("이수진", "AWS")])]


def test_a_person_marked_as_one_before_the_title_and_links_sections_are_the_writers() -> None:
    raw, _ = note("# 예시 모임\n\n## 발표\n\n"
                  "- [`송하람@예시엔터프라이즈`](https://example.com/me)님 - "
                  "[**웹 인프라 다시 보기**](./a.pdf)\n"
                  "- [`김선우@예시크루`]()님 - [**자격증 플랫폼 소개**](https://example.com/b)\n\n"
                  "## Links\n\n"
                  "* [Example 2020 blow by blow](https://example.com/c) - Brooke Example\n")
    assert talk_companies(raw) == [
        ("웹 인프라 다시 보기", [("송하람", "예시엔터프라이즈")]),
        ("자격증 플랫폼 소개", [("김선우", "예시크루")])]


def test_an_italic_line_under_a_talk_heading_and_a_sentence_after_a_label() -> None:
    raw, _ = note("# Example Loop 2023\n\n## A Meaningful Career\n"
                  "_Taylor Example and Scott Sample_ [:video_camera:](https://youtu.be/x)\n\n"
                  "* it's ok to make money\n\n## Playing with Engineering\n_AnnMarie Example_\n\n"
                  "* play is about process\n\n## Closing\n_thanks to everyone_\n\n"
                  "* speaker: match expectations set in submission\n")
    assert talk_speakers(raw, named=True) == [
        ("A Meaningful Career", ["Taylor Example", "Scott Sample"]),
        ("Playing with Engineering", ["AnnMarie Example"])]


def test_speaker_components_of_another_site_generator() -> None:
    raw, _ = note("# Overview\n\n### Day One\n\n"
                  "<Admonition type=\"danger\" "
                  "title={<a href=\"/docs/a\">Accessible by Default</a>}>\n"
                  "  <Speaker\n    name='Joel Example'\n    position='Staff Engineer at GitHub'\n"
                  "    imageUrl='https://example.com/a.png'\n  />\n\n"
                  "  <Speaker\n    name='Stephan Sample'\n"
                  "    position=\"Developer at Gusto\"\n  />\n"
                  "</Admonition>\n\n<Speaker name='Nobody Here' />\n")
    assert [(t.title, [(a.person.name, a.person.affiliation, a.person.title)
                       for a in t.people]) for t in raw.talks] == [
        ("Accessible by Default", [("Joel Example", "GitHub", "Staff Engineer"),
                                   ("Stephan Sample", "Gusto", "Developer")]),
        ("Day One", [("Nobody Here", None, None)])]


def test_name_then_title_headings_and_their_siblings() -> None:
    text = ("# Example Conf 2017\n\n"
            "#### Addy Sample - The browser hacker's guide to loading\n\n본문\n\n"
            "#### Anjana Example: Immutable data for functional JS\n\n본문\n\n"
            "#### Ruth Example: How To Be A Web Artist\n\n본문\n\n"
            "#### Jane Roe - Example Cloud\n\n본문\n")
    raw, _ = note(text)
    assert talk_companies(raw) == [
        ("The browser hacker's guide to loading", [("Addy Sample", None)]),
        ("Immutable data for functional JS", [("Anjana Example", None)]),
        ("How To Be A Web Artist", [("Ruth Example", None)]),
        ("Example Conf 2017", [("Jane Roe", "Example Cloud")])]
    # One heading of that shape with a name nobody knows is a title, not a person.
    raw, _ = note("# 후기\n\n## Redux Toolkit - How to use it\n\n본문\n")
    assert [a.person.name for t in raw.talks for a in t.people] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Open Source at Scale\n\nBeth Example, Apple\n\n* [Overview](#overview)\n",
         [("Beth Example", "Apple")]),
        ("# Sustainability Wins\n\nJoAnna Example, Marlene Sample\n\n본문\n",
         [("JoAnna Example", None), ("Marlene Sample", None)]),
        ("# Captions at Scale\n\nNoah Example, Example Video  \nLiz Sample, Example Access\n\n"
         "본문\n", [("Noah Example", "Example Video"), ("Liz Sample", "Example Access")]),
        ("# 예시 컨퍼런스\n\n## 1. 이진호 (예시넷 CPO/DPO)\n\n본문\n",
         [("이진호", "예시넷 CPO/DPO")]),
        ("# 예시 컨퍼런스\n\n## 헬스케어 데이터\n정지훈 CVO 예시연구소 <br>\n\n본문\n",
         [("정지훈", "예시연구소")]),
        ("# 예시 컨퍼런스\n\n## 공간 데이터\n하진우 대표 -예시베이스 <br>\n\n본문\n",
         [("하진우", "예시베이스")]),
    ],
)
def test_bylines_under_the_title_and_a_title_before_the_company(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    raw, _ = note(text)
    assert companies(raw) == expected


def test_a_year_glued_to_a_series_a_readme_titled_by_its_folder_and_math_spaced_dates() -> None:
    raw, _ = note("- [ ] $\\textcolor{orange}{Keynotes (Wednesday\\ October\\ 26,\\ 2022\\ "
                  "9:00am)}$\n  - [ ] notes\n", "notes/kubecon22/README.md")
    assert (raw.title, raw.event, raw.date) == ("kubecon22", "KubeCon 2022",
                                                dt.date(2022, 10, 26))


def test_title_then_a_name_nobody_knows_among_headings_of_that_shape() -> None:
    text = ("# Example Storage Day\n\n## Talks\n\n"
            "### What is new in the release - Peter Example (Example Hat)\n본문\n\n"
            "### Mail on object storage - Danny Sample (Example Telekom)\n본문\n\n"
            "### Storage at scale – a cattle cloud - Marc Sample (SAP)/ Jan Ozbek (SUSE)\n본문\n\n"
            "### Ten ways to break a cluster - Wido den Sample (Example.com)\n본문\n\n"
            "### Five years of storage - Lars Ozbek-Bree (SUSE)\n본문\n")
    raw, _ = note(text)
    assert talk_speakers(raw) == [
        ("What is new in the release", ["Peter Example"]),
        ("Mail on object storage", ["Danny Sample"]),
        ("Storage at scale – a cattle cloud", ["Marc Sample", "Jan Ozbek"]),
        ("Ten ways to break a cluster", ["Wido den Sample"]),
        ("Five years of storage", ["Lars Ozbek-Bree"])]
    # Without a sibling naming someone the reader knows, such headings are titles.
    raw, _ = note("# 후기\n\n### Getting started - Wido Sample (X)\n본문\n\n"
                  "### Next steps - Lars Ozbek (Y)\n본문\n\n### Wrap up - Rolf Ozbek (Z)\n본문\n")
    assert [a.person.name for t in raw.talks for a in t.people] == []


def test_keynote_headings_with_a_title_and_schedule_style_speakers() -> None:
    text = ("# Example Con 2018 - Day 1\n\n## Morning Keynotes\n\n"
            "### Keynote: How Good Is Our Code? - Dan Example, Executive Director, Example "
            "Foundation\n본문\n\n"
            "### Keynote: Project Update - Liz Example, Evangelist, Aqua Example; Sugu Sample, "
            "CTO, Example Data; Colin Example, Product Manager, Example Communications, Inc. & "
            "Andrew Sample, Co-founder Example Inc.\n본문\n\n"
            "### Keynote: Networking for Services - Lew Ozbek, VP/CTO Cloud Computing, Example "
            "Systems, Inc.\n본문\n\n"
            "### Keynote: Federated Clusters - Ricardo Example, Staff Member, CERN & Clen "
            "Ozbek, Software Engineer, Example University\n본문\n\n"
            "### Keynote: End User Awards - Presented by Chris Example, COO, Example "
            "Foundation\n본문\n")
    raw, _ = note(text)
    assert talk_speakers(raw) == [
        ("Keynote: How Good Is Our Code?", ["Dan Example"]),
        ("Keynote: Project Update", ["Liz Example", "Sugu Sample", "Colin Example",
                                     "Andrew Sample"]),
        ("Keynote: Networking for Services", ["Lew Ozbek"]),
        ("Keynote: Federated Clusters", ["Ricardo Example", "Clen Ozbek"]),
        ("Keynote: End User Awards", ["Chris Example"])]
    # `Keynote: Name` is still the keynote's speaker.
    raw, _ = note("# 예시 컨퍼런스\n\n## 오프닝\n\n### Keynote: Jane Example\n본문\n")
    assert [a.person.name for t in raw.talks for a in t.people] == ["Jane Example"]


def test_two_people_joined_by_and_a_numbered_slot_and_a_quotation_under_a_talk() -> None:
    text = ("# Example Con Day 2\n\n"
            "### Talk 5: Lucas Example & Nikhita Ozbek: Getting Started in the Community\n"
            "* 31,000+ contributors\n"
            "* \"Culture eats strategy for breakfast\" -- Peter Sample\n\n"
            "### Talk 6: Rediscovering a Prize Result - Ricardo Example & Lukas Ozbek\n본문\n")
    raw, _ = note(text)
    assert talk_companies(raw) == [
        ("Getting Started in the Community", [("Lucas Example", None),
                                              ("Nikhita Ozbek", None)]),
        ("Rediscovering a Prize Result", [("Ricardo Example", None), ("Lukas Ozbek", None)])]
    # A company after a comma is still the company.
    raw, _ = note("### 관측 이야기 - Liz Example, Red Hat\n본문\n")
    assert people(raw) == [[("Liz Example", "speaker", "Red Hat")]]


def test_a_name_beside_its_handle_with_a_summary_after_and_a_long_plain_name_line() -> None:
    text = ("# Example Fest 2018\n\n## Day one\n\n### Reinvent the web\n\n"
            "Andre Example ([@andre](https://twitter.com/andre)) https://example.org/).\n\n"
            "### Open Gateway\n\nKalyan Sample ([@decode](https://twitter.com/decode))\n\n"
            "### Chain apps\n\nHorea Ozbek ([@horea](https://twitter.com/horea))"
            "[Example Roasting](https://example.com/)\n\n"
            "### Chatbots in travel\nPrabh Simran Singh Ozbek\n\nLook at the slides.\n\n"
            "### Philosophy\n\nTom Sample ([@tom](https://twitter.com/tom)): Did you know that "
            + "Plato invented OOP? " * 20 + "\n\n"
            "### Sketchnotes\nChristin Example ([@c](https://twitter.com/c)) for drawing these!\n")
    raw, _ = note(text)
    assert talk_speakers(raw, named=True) == [
        ("Reinvent the web", ["Andre Example"]), ("Open Gateway", ["Kalyan Sample"]),
        ("Chain apps", ["Horea Ozbek"]), ("Chatbots in travel", ["Prabh Simran Singh Ozbek"]),
        ("Philosophy", ["Tom Sample"])]


def test_each_item_under_a_lightning_talks_heading_is_a_talk() -> None:
    text = ("# Example Fest 2017\n\n### Lightning talks\n\n"
            "1. PAKO: zlib for uploads in js. NICE. @someone\n"
            "2. DevTools in Firefox: Alex Example @alex88;  BASIC\n"
            "3. Internet for Everyone. Tom Example en Liran Sample. Accessible. GOOD\n"
            "4. Marek - ProRouter.js - No idea what this is all about.\n"
            "5. Kirill Sample - Rust! Go write Rust. Awesome!\n"
            "6. Paulo -  Functional Programming: Elixir and Phoenix.\n"
            "7. FSF designer. Uses emoji as classes.\n\n"
            "### Closing\n\n- Marek - thanks for coming\n")
    raw, _ = note(text)
    assert talk_speakers(raw, named=True) == [
        ("DevTools in Firefox", ["Alex Example"]),
        ("Internet for Everyone", ["Tom Example", "Liran Sample"]),
        ("ProRouter.js", ["Marek"]), ("Rust", ["Kirill Sample"]),
        ("Functional Programming: Elixir and Phoenix", ["Paulo"])]


def test_an_event_named_only_by_a_tag_glued_to_its_year() -> None:
    raw, _ = note("---\ntitle: 나의 첫 해외 학회 탐방기\ndate: 2024-04-29\ntags:\n  - Trip\n"
                  "  - ICSE2024\n---\n\n본문\n", "notes/2024-04-29-trip.md")
    assert raw.event == "ICSE 2024"
    raw, _ = note("---\ntitle: 나의 첫 해외 학회 탐방기\ntags: [Trip, Python3]\n---\n\n본문\n",
                  "notes/trip.md")
    assert raw.event is None


def test_a_lower_case_folder_name_gives_the_event_its_year_past_a_qualifier() -> None:
    raw, _ = note("## Introduction\n\n본문\n", "notes/kubecon-europe-2019-notes/day3.md")
    assert (raw.event, raw.date) == ("KubeCon Europe 2019", dt.date(2019, 1, 1))


def test_a_month_and_day_beside_words_that_say_the_writer_gave_a_talk() -> None:
    raw, _ = note("---\ntitle: Remote talk at a Django conference\n---\n\n"
                  "I had the honor to give a remote talk at the [Django conference]"
                  "(https://example.org/2019/) on September 14.\n",
                  "notes/2019-09-20-django.md")
    assert raw.date == dt.date(2019, 9, 14)


def test_a_panel_label_with_its_people_listed_below() -> None:
    raw, _ = note("# 예시 웨비나\n\n- 주제: 가상화 환경을 클라우드로\n- 진행: 고우진 PD\n- 패널:\n"
                  "  - 강우석 전무(예시오라클)\n  - 김석 대표이사(예시브레이크)\n"
                  "  - 이명진 부장(㈜예시원)\n- 일시: 2017-02-24 오후 2시\n")
    assert people(raw) == [[("고우진", "moderator", None), ("강우석", "panelist", "예시오라클"),
                            ("김석", "panelist", "예시브레이크"),
                            ("이명진", "panelist", "㈜예시원")]]
    # `Keynote:` over a list of titles names nobody.
    raw, _ = note("# 예시 행사\n\n**Keynote:**\n- Building Example Systems\n- Cloud Stories\n")
    assert [a for t in raw.talks for a in t.people] == []


def test_docc_directives_are_markup_and_a_short_date_line_under_a_dated_title() -> None:
    raw, _ = note("# Hidden Gems of Swift\n\n@Metadata {\n    @TitleHeading(\"Talk\")\n}\n\n"
                  "Natalia Example\n\n## Abstract\n\nSwift evolves.\n")
    assert people(raw) == [[("Natalia Example", "speaker", None)]]
    raw, _ = note("# 2026 Example Conference\n\n@Metadata {\n    @PageImage(purpose: icon)\n}\n\n"
                  "February 10–12, Oulu (Finland)\n\n## Topics\n")
    assert (raw.date, raw.date_end) == (dt.date(2026, 2, 10), dt.date(2026, 2, 12))


def test_an_event_heading_with_its_day_in_brackets_after_the_year() -> None:
    raw, _ = note("### Example Infra Community Days Korea 2023 (2023.07.03)\n    소개 글\n\n"
                  "#### ■ Track : track2\n", "notes/2023/README.md")
    assert (raw.event, raw.date) == ("Example Infra Community Days Korea 2023",
                                     dt.date(2023, 7, 3))


def test_the_conference_after_a_determiner_is_no_name() -> None:
    raw, _ = note("---\ntitle: Story of the Conference\ndate: '2018-10-16'\n---\n\n"
                  "### Why write this\n\n본문\n", "notes/2018-10-15-story.md")
    assert raw.event is None
    raw, _ = note("---\ntitle: Example Dev Conference 후기\n---\n\n본문\n", "notes/x.md")
    assert raw.event == "Example Dev Conference"


def test_a_list_item_name_then_title_among_items_naming_known_speakers() -> None:
    text = ("# Review\n\n## Day 2\n\n"
            "- Rachel Example ([@r](https://twitter.com/r)) - Keep the Internet Weird\n"
            "  - Cursor effects.\n"
            "- Chris Sample ([@c](c)) - Building JavaScript Tools\n  - Check out Jest.\n"
            "- Lin Ozbek - A Cartoon Intro to WebAssembly.\n  - [VIDEO](https://y.be/x)\n")
    raw, _ = note(text)
    assert talk_speakers(raw) == [
        ("Keep the Internet Weird", ["Rachel Example"]),
        ("Building JavaScript Tools", ["Chris Sample"]),
        ("A Cartoon Intro to WebAssembly", ["Lin Ozbek"])]
    # Alone, such an item is a point of the talk.
    raw, _ = note("# Review\n\n## Notes\n\n- Redux Toolkit - How to use it well.\n")
    assert [a for t in raw.talks for a in t.people] == []


def test_a_line_from_a_link_to_the_speakers_page() -> None:
    raw, _ = note("# JSConf 후기\n\n## 웹뷰와 네이티브 이어붙이기\n\n> 슬라이드를 찾지 못함.\n\n"
                  "from [최종현](https://example.org/speakers/jong-hyun-choi)\n\n"
                  "## 다른 세션\n\nfrom [the docs](https://example.org/docs)\n")
    assert people(raw) == [[("최종현", "speaker", None)]]


def test_schedule_named_links_in_prose_and_in_list_lines() -> None:
    text = ("# KubeCon EU 2023 후기\n\n"
            "🌳 [Adaptive Power Tuning - Atanas Ozbek, Intel & Rimma Ozbek, Red Hat]"
            "(https://youtu.be/x)\n\n"
            "🚀 Check out this session: [Grow Your Own Community! - Matt Ozbek, Snyk; Annalisa "
            "Ozbek, SparkFabrik](https://youtu.be/y). A panel of organisers.\n\n"
            "- [ ] [Title - ContribFest - Knative: Level Up Knative Eventing, And Yourself!)]"
            "(https://example.org/event)\n")
    raw, _ = note(text)
    assert talk_companies(raw, named=True) == [
        ("Adaptive Power Tuning", [("Atanas Ozbek", "Intel"), ("Rimma Ozbek", "Red Hat")]),
        ("Grow Your Own Community!", [("Matt Ozbek", "Snyk"), ("Annalisa Ozbek", "SparkFabrik")])]


def test_a_name_at_a_company_on_the_first_line_under_a_talk() -> None:
    raw, _ = note("# Talks\n\n## Dealing with Disagreement\n\nTommy Ozbek @ Root Insurance\n\n"
                  "1. We value diversity.\n\n## Scaling @ Home\n\nNotes @ the end.\n")
    assert people(raw) == [[("Tommy Ozbek", "speaker", "Root Insurance")]]


def test_a_heading_or_list_of_words_shaped_like_names_names_no_one() -> None:
    # Three-syllable nouns of talk notes that read as a surname and a given name: a section
    # about the state of things, an employer's ideal, a list of qualities.
    raw, _ = note("# 데이터 컨퍼런스\n2019-11-27\n\n### 유통의 미래 (롯데멤버스)\n\n#### 현상황\n"
                  "* 소비 둔화\n\n### 인재상\n* 회사의 인재상\n\n"
                  "* 필요 역량 : 호기심, 영리함, 글쓰기 능력\n\n### 안정성\n\n본문\n")
    assert talk_speakers(raw, named=True) == []
    # A name of the same shape is still one.
    raw, _ = note("# 데이터 컨퍼런스\n\n### 유통의 미래\n\n#### 석지안\n* 소비 둔화\n")
    assert [names for _, names in talk_speakers(raw, named=True)] == [["석지안"]]
