"""Words Confnotes knows: tags that are no topic, one topic's several spellings, and the words
that say "this is an event" or "this is the note-taker's own writing"."""

from __future__ import annotations

import re

from .names import key

# Tags and categories that say what kind of post this is, not what it is about.
NOT_TOPICS = frozenset(key(w) for w in """
conference conferences conf 컨퍼런스 콘퍼런스 후기 세미나 seminar seminars review reviews
리뷰 참관기 참관 후기글 dev developer developers development 개발 개발자 tech 기술 테크 blog
블로그 til daily 일상
post posts meetup meetups 밋업 event events 행사 talk talks 발표 session sessions 세션 keynote
키노트 회고 retrospective notes note 노트 정리 summary 요약 study 스터디 etc misc 기타 diary 일기
log 로그 general uncategorized 미분류 기록 record records 공부 it 이벤트 summit 서밋 forum 포럼
festival 페스티벌 fest workshop 워크샵 워크숍 tutorial 튜토리얼 후기모음 참석 참석후기 참가 참가후기
engineering 엔지니어링 tech-talk techtalk 강연 강의 lecture lectures write-up writeup recap
""".split())

# One topic written several ways: every spelling's key -> the name the topic page shows.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("Kubernetes", "k8s", "쿠버네티스", "kube"),
    ("JavaScript", "js", "자바스크립트", "java script", "ecmascript"),
    ("TypeScript", "ts", "타입스크립트"),
    ("Python", "파이썬", "python3"),
    ("Java", "자바"),
    ("Kotlin", "코틀린"),
    ("Go", "golang", "고랭"),
    ("Rust", "러스트"),
    ("React", "react.js", "reactjs", "리액트"),
    ("Vue.js", "vue", "vuejs", "뷰"),
    ("Node.js", "nodejs", "node", "노드"),
    ("Spring", "스프링", "spring framework"),
    ("Docker", "도커"),
    ("DevOps", "데브옵스"),
    ("MLOps", "ml ops"),
    ("Machine Learning", "ml", "머신러닝", "머신 러닝", "기계학습", "기계 학습"),
    ("Deep Learning", "dl", "딥러닝", "딥 러닝"),
    ("AI", "인공지능", "artificial intelligence"),
    ("LLM", "llms", "large language model", "large language models", "대규모 언어 모델",
     "거대 언어 모델"),
    ("Frontend", "fe", "front-end", "front end", "프론트엔드", "프런트엔드"),
    ("Backend", "be", "back-end", "back end", "백엔드"),
    ("Database", "db", "databases", "데이터베이스"),
    ("Microservices", "msa", "microservice", "마이크로서비스", "micro service"),
    ("AWS", "amazon web services"),
    ("Google Cloud", "gcp", "google cloud platform"),
    ("PostgreSQL", "postgres"),
    ("Elasticsearch", "elastic search"),
    ("Observability", "관측성", "관찰가능성"),
    ("Open Source", "opensource", "오픈소스", "oss"),
    ("Security", "보안"),
    ("Cloud Native", "클라우드 네이티브", "cloudnative"),
)
SYNONYMS: dict[str, str] = {key(s): names[0] for names in _SYNONYMS for s in names}

# `OO 컨퍼런스`, `OO Meetup`: words that end an event's name.
EVENT_WORDS = ("컨퍼런스", "콘퍼런스", "conference", "conf", "세미나", "seminar", "밋업",
               "meetup", "meet-up", "summit", "서밋", "포럼", "forum", "해커톤", "hackathon",
               "데브데이", "devday", "dev day", "캠프", "camp", "페스트", "fest", "festival",
               "페스티벌", "심포지엄", "symposium", "테크톡", "tech talk", "techtalk", "데이",
               "day", "위크", "week", "워크숍", "워크샵", "workshop", "엑스포", "expo",
               "쇼케이스", "showcase", "웨비나", "webinar")
# Names that an event word turns into no particular event (`개발자 컨퍼런스`).
GENERIC_EVENT_NAMES = frozenset(key(w) for w in """
개발자 개발 it 기술 테크 tech 첫 첫번째 올해 올해의 사내 회사 온라인 오프라인 국내 해외
대학생 학생 주니어 시니어 우리 나의 my our the a 이번 지난 다음 작은 큰 개인 팀 팀내 그룹 소규모
연말 신년 하반기 상반기
developer developers online offline internal annual 첫날 둘째날 마지막날 day 하루 이틀
""".split())
# What is left of a title around an event's name: `후기`, `참관기`, `1일차`, `Day 2`.
TITLE_TAIL = re.compile(
    r"(?:\s|^)(?:후기|참관기|참관\s?후기|참석\s?후기|참석후기|참가\s?후기|다녀온\s?후기|다녀와서|다녀온|"
    r"리뷰|review|recap|정리|요약|노트|notes?|회고|\d{1,2}\s?일차|day\s?\d{1,2}|첫째\s?날|둘째\s?날|"
    r"셋째\s?날|[1-9]부|part\s?\d|참석|참가|발표\s?정리|세션\s?정리|키노트|keynote)\s*$",
    re.IGNORECASE)
