"""Deterministic synthetic corpus of conference notes for the Confnotes benchmark.

Writes ``docs/notes/<year>/<event>/<n>.md`` plus the registries ``docs/speakers.yml``,
``docs/topics.yml`` and ``docs/events.yml`` under a work directory.  The same seed and
sizes always produce byte-identical files.

Shapes, per note: ~70% Korean / 30% English prose of 300-1500 words with a few ``##``
headings, lists, tables, code blocks and admonitions; ~15% cover several talks (3-8) with
speakers named only in the body (``- **발표자:** 이름 (소속 직함)``); ~10% use loose front
matter (``speaker:`` singular, ``tags:`` as a comma string, dates like ``2024.11.04``).
Speakers, topics and events are drawn with Zipf-like skew; about half of the speakers and
topics are registered, the rest only appear in notes.

Usage: ``python bench/generate.py WORKDIR --notes 1000``
"""

from __future__ import annotations

import argparse
import bisect
import functools
import itertools
import json
import random
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

T = TypeVar("T")

DEFAULT_SEED = 20240517


def words(text: str) -> list[str]:
    return text.split()


# --------------------------------------------------------------------------- vocabulary

KO_SURNAMES: list[tuple[str, str]] = [
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"),
    ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"),
    ("한", "Han"), ("오", "Oh"), ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"),
    ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"), ("류", "Ryu"), ("전", "Jeon"),
    ("홍", "Hong"), ("고", "Ko"), ("문", "Moon"), ("양", "Yang"), ("손", "Son"),
]
KO_GIVEN_SYLLABLES = words(
    "민 서 지 준 현 우 연 수 윤 하 도 예 은 진 성 영 재 승 태 주 경 혜 유 다 시 원 석 호 "
    "빈 희 아 정 나 소 채 건 훈 율 린 환 규 찬 혁 솔 람 별"
)

LATIN_FIRST: list[tuple[str, str]] = [
    ("James", "제임스"), ("Mary", "메리"), ("David", "데이비드"), ("Sarah", "세라"),
    ("Michael", "마이클"), ("Emma", "에마"), ("Daniel", "대니얼"), ("Olivia", "올리비아"),
    ("Thomas", "토머스"), ("Sophie", "소피"), ("Lucas", "루카스"), ("Anna", "안나"),
    ("Peter", "피터"), ("Laura", "로라"), ("Mark", "마크"), ("Julia", "율리아"),
    ("Kevin", "케빈"), ("Nina", "니나"), ("Samuel", "새뮤얼"), ("Grace", "그레이스"),
    ("Hiroshi", "히로시"), ("Yuki", "유키"), ("Wei", "웨이"), ("Mei", "메이"),
    ("Arjun", "아르준"), ("Priya", "프리야"), ("Carlos", "카를로스"), ("Lucia", "루시아"),
    ("Ahmed", "아흐메드"), ("Fatima", "파티마"), ("Lars", "라르스"), ("Ingrid", "잉그리드"),
    ("Pierre", "피에르"), ("Camille", "카미유"), ("Mateo", "마테오"), ("Elena", "엘레나"),
    ("Oliver", "올리버"), ("Chloe", "클로이"), ("Ethan", "이선"), ("Hannah", "해나"),
]
LATIN_LAST: list[tuple[str, str]] = [
    ("Smith", "스미스"), ("Johnson", "존슨"), ("Brown", "브라운"), ("Miller", "밀러"),
    ("Wilson", "윌슨"), ("Taylor", "테일러"), ("Anderson", "앤더슨"), ("Martin", "마틴"),
    ("Garcia", "가르시아"), ("Martinez", "마르티네스"), ("Müller", "뮐러"), ("Schmidt", "슈미트"),
    ("Dubois", "뒤부아"), ("Rossi", "로시"), ("Tanaka", "다나카"), ("Suzuki", "스즈키"),
    ("Sato", "사토"), ("Chen", "천"), ("Wang", "왕"), ("Nguyen", "응우옌"),
    ("Patel", "파텔"), ("Singh", "싱"), ("Silva", "실바"), ("Costa", "코스타"),
    ("Novak", "노바크"), ("Kowalski", "코발스키"), ("Larsen", "라르센"), ("Berg", "베리"),
    ("O'Brien", "오브라이언"), ("Fischer", "피셔"), ("Lopez", "로페스"), ("Clark", "클라크"),
    ("Walker", "워커"), ("Young", "영"), ("Hall", "홀"), ("Wright", "라이트"),
]

AFFILIATIONS = [
    "한빛소프트", "누리클라우드", "바다데이터", "가온페이", "하늘모빌리티", "다온커머스",
    "새봄게임즈", "별빛AI", "온누리은행", "미르보안", "라온헬스케어", "푸른물류",
    "소리뮤직", "초록에너지", "한결로보틱스", "나래교육", "서울대학교", "한국과학기술원",
    "고려대학교", "연세대학교", "오픈소스 커뮤니티", "프리랜서",
    "Acme Labs", "Northwind", "Globex", "Initech", "Umbrella Cloud", "Hooli",
    "Stark Systems", "Wayne Data", "Cyberdyne", "Tyrell Labs", "Soylent Analytics",
    "Vandelay Industries", "Aperture Research", "Black Mesa",
]
KO_TITLES = [
    "시니어 엔지니어", "백엔드 개발자", "프론트엔드 개발자", "테크 리드", "CTO", "데이터 엔지니어",
    "SRE", "연구원", "수석 연구원", "프로덕트 매니저", "엔지니어링 매니저", "교수", "대표",
    "플랫폼 엔지니어", "보안 엔지니어", "ML 엔지니어", "iOS 개발자", "안드로이드 개발자",
]
EN_TITLES = [
    "Staff Engineer", "Principal Engineer", "Developer Advocate", "Software Engineer",
    "Engineering Manager", "Research Scientist", "VP of Engineering", "Architect",
]

TOPIC_DOMAINS: list[tuple[str, str, str, list[str]]] = [
    ("kubernetes", "쿠버네티스", "Kubernetes", ["k8s"]),
    ("observability", "관측성", "Observability", ["o11y", "옵저버빌리티"]),
    ("databases", "데이터베이스", "Databases", ["DB"]),
    ("frontend", "프론트엔드", "Frontend", ["FE"]),
    ("backend", "백엔드", "Backend", []),
    ("mlops", "MLOps", "MLOps", ["머신러닝 운영"]),
    ("llm", "대규모 언어 모델", "Large Language Models", ["LLM"]),
    ("security", "보안", "Security", ["정보보안"]),
    ("devops", "데브옵스", "DevOps", []),
    ("testing", "테스트", "Testing", ["테스팅", "QA"]),
    ("rust", "러스트", "Rust", []),
    ("go", "Go 언어", "Go", ["golang", "고랭"]),
    ("python", "파이썬", "Python", []),
    ("java", "자바", "Java", ["JVM"]),
    ("kotlin", "코틀린", "Kotlin", []),
    ("typescript", "타입스크립트", "TypeScript", ["TS"]),
    ("react", "리액트", "React", []),
    ("mobile", "모바일", "Mobile", ["앱 개발"]),
    ("data-engineering", "데이터 엔지니어링", "Data Engineering", []),
    ("stream-processing", "스트림 처리", "Stream Processing", ["스트리밍"]),
    ("search", "검색", "Search", ["검색 엔진"]),
    ("recommender-systems", "추천 시스템", "Recommender Systems", ["추천"]),
    ("payments", "결제", "Payments", ["핀테크"]),
    ("cloud", "클라우드", "Cloud", []),
    ("serverless", "서버리스", "Serverless", []),
    ("networking", "네트워크", "Networking", []),
    ("distributed-systems", "분산 시스템", "Distributed Systems", []),
    ("microservices", "마이크로서비스", "Microservices", ["MSA"]),
    ("software-architecture", "소프트웨어 아키텍처", "Software Architecture", ["아키텍처"]),
    ("accessibility", "접근성", "Accessibility", ["a11y", "웹 접근성"]),
    ("design-systems", "디자인 시스템", "Design Systems", []),
    ("career", "커리어", "Career", ["경력 관리"]),
    ("engineering-leadership", "엔지니어링 리더십", "Engineering Leadership", ["리더십"]),
    ("open-source", "오픈소스", "Open Source", ["OSS"]),
    ("game-development", "게임 개발", "Game Development", ["게임"]),
    ("embedded", "임베디드", "Embedded Systems", []),
    ("compilers", "컴파일러", "Compilers", []),
    ("webassembly", "웹어셈블리", "WebAssembly", ["Wasm"]),
    ("edge-computing", "엣지 컴퓨팅", "Edge Computing", []),
    ("ci-cd", "CI/CD", "CI/CD", ["지속적 통합", "지속적 배포"]),
    ("platform-engineering", "플랫폼 엔지니어링", "Platform Engineering", []),
    ("sre", "SRE", "Site Reliability Engineering", ["사이트 신뢰성 엔지니어링"]),
    ("data-science", "데이터 과학", "Data Science", []),
    ("computer-vision", "컴퓨터 비전", "Computer Vision", ["CV"]),
    ("nlp", "자연어 처리", "Natural Language Processing", ["NLP"]),
    ("privacy", "개인정보 보호", "Privacy", []),
    ("i18n", "국제화", "Internationalization", ["i18n", "다국어"]),
    ("ux", "UX", "User Experience", ["사용자 경험"]),
    ("product-management", "프로덕트 관리", "Product Management", ["PM"]),
    ("agile", "애자일", "Agile", ["스크럼"]),
]
# Areas combined with a domain into flat topics ("쿠버네티스 운영") once the named ones run out.
TOPIC_AREAS: list[tuple[str, str, str]] = [
    ("operations", "운영", "Operations"), ("monitoring", "모니터링", "Monitoring"),
    ("migration", "마이그레이션", "Migration"), ("cost", "비용 최적화", "Cost Optimization"),
    ("scalability", "확장성", "Scalability"), ("security", "보안", "Security"),
    ("performance", "성능", "Performance"), ("testing", "테스트", "Testing"),
    ("tooling", "도구", "Tooling"), ("architecture", "아키텍처", "Architecture"),
    ("case-studies", "사례", "Case Studies"), ("incidents", "장애 대응", "Incident Response"),
    ("automation", "자동화", "Automation"), ("onboarding", "온보딩", "Onboarding"),
    ("best-practices", "모범 사례", "Best Practices"), ("internals", "내부 구조", "Internals"),
    ("debugging", "디버깅", "Debugging"), ("data-modeling", "데이터 모델링", "Data Modeling"),
    ("caching", "캐싱", "Caching"), ("deployment", "배포", "Deployment"),
]

# Subtopics written "parent > child" in notes; a child's name is unique across all topics.
TOPIC_CHILDREN: dict[str, list[tuple[str, str]]] = {
    "kubernetes": [("오토스케일링", "Autoscaling"), ("서비스 메시", "Service Mesh"),
                   ("헬름", "Helm"), ("오퍼레이터 패턴", "Operator Pattern")],
    "observability": [("분산 추적", "Distributed Tracing"), ("로그 수집", "Log Collection"),
                      ("오픈텔레메트리", "OpenTelemetry"), ("알림 설계", "Alert Design")],
    "databases": [("샤딩", "Sharding"), ("쿼리 최적화", "Query Optimization"),
                  ("벡터 데이터베이스", "Vector Databases"),
                  ("스키마 마이그레이션", "Schema Migration")],
    "frontend": [("상태 관리", "State Management"), ("렌더링 성능", "Rendering Performance"),
                 ("번들 최적화", "Bundle Optimization")],
    "backend": [("API 설계", "API Design"), ("메시지 큐", "Message Queues"),
                ("캐시 전략", "Caching Strategy")],
    "mlops": [("피처 스토어", "Feature Stores"), ("모델 서빙", "Model Serving"),
              ("실험 추적", "Experiment Tracking")],
    "llm": [("검색 증강 생성", "Retrieval-Augmented Generation"), ("파인튜닝", "Fine-tuning"),
            ("프롬프트 엔지니어링", "Prompt Engineering"), ("LLM 평가", "LLM Evaluation"),
            ("AI 에이전트", "AI Agents")],
    "security": [("공급망 보안", "Supply Chain Security"), ("제로 트러스트", "Zero Trust"),
                 ("침투 테스트", "Penetration Testing")],
    "devops": [("인프라 코드화", "Infrastructure as Code"), ("깃옵스", "GitOps")],
    "testing": [("단위 테스트", "Unit Testing"), ("E2E 테스트", "End-to-End Testing"),
                ("속성 기반 테스트", "Property-Based Testing"), ("부하 테스트", "Load Testing")],
    "rust": [("비동기 러스트", "Async Rust"), ("소유권 모델", "Ownership Model")],
    "go": [("고루틴", "Goroutines"), ("Go 제네릭", "Go Generics")],
    "python": [("타입 힌트", "Type Hints"), ("파이썬 패키징", "Python Packaging"),
               ("asyncio", "asyncio")],
    "java": [("가상 스레드", "Virtual Threads"), ("가비지 컬렉션", "Garbage Collection"),
             ("스프링 부트", "Spring Boot")],
    "kotlin": [("코루틴", "Coroutines"), ("코틀린 멀티플랫폼", "Kotlin Multiplatform")],
    "typescript": [("타입 시스템", "Type System"), ("모노레포", "Monorepos")],
    "react": [("서버 컴포넌트", "Server Components"), ("리액트 네이티브", "React Native")],
    "mobile": [("iOS 개발", "iOS Development"), ("안드로이드 개발", "Android Development"),
               ("앱 성능", "App Performance")],
    "data-engineering": [("데이터 레이크하우스", "Data Lakehouse"),
                         ("ETL 파이프라인", "ETL Pipelines"), ("데이터 품질", "Data Quality")],
    "stream-processing": [("카프카", "Apache Kafka"), ("플링크", "Apache Flink"),
                          ("이벤트 기반 아키텍처", "Event-Driven Architecture")],
    "search": [("형태소 분석", "Morphological Analysis"), ("벡터 검색", "Vector Search"),
               ("검색 랭킹", "Search Ranking")],
    "recommender-systems": [("협업 필터링", "Collaborative Filtering"),
                            ("개인화", "Personalization")],
    "payments": [("정산 시스템", "Settlement Systems"), ("이상 거래 탐지", "Fraud Detection")],
    "cloud": [("멀티 클라우드", "Multi-Cloud"), ("클라우드 비용 관리", "FinOps")],
    "serverless": [("콜드 스타트", "Cold Starts"), ("함수 워크플로", "Function Workflows")],
    "networking": [("HTTP/3", "HTTP/3"), ("CDN", "CDN"), ("로드 밸런싱", "Load Balancing")],
    "distributed-systems": [("합의 알고리즘", "Consensus Algorithms"),
                            ("분산 트랜잭션", "Distributed Transactions"), ("CRDT", "CRDT")],
    "microservices": [("API 게이트웨이", "API Gateway"), ("사가 패턴", "Saga Pattern")],
    "software-architecture": [("도메인 주도 설계", "Domain-Driven Design"),
                              ("헥사고날 아키텍처", "Hexagonal Architecture"),
                              ("모듈러 모놀리스", "Modular Monolith")],
    "accessibility": [("스크린 리더", "Screen Readers"),
                      ("키보드 내비게이션", "Keyboard Navigation")],
    "design-systems": [("디자인 토큰", "Design Tokens"),
                       ("컴포넌트 라이브러리", "Component Libraries")],
    "career": [("기술 면접", "Technical Interviews"), ("주니어 성장", "Junior Growth"),
               ("이직", "Changing Jobs")],
    "engineering-leadership": [("1:1 미팅", "One-on-Ones"), ("조직 설계", "Org Design"),
                               ("기술 전략", "Technical Strategy")],
    "open-source": [("메인테이너", "Maintainers"), ("오픈소스 라이선스", "Open Source Licensing")],
    "game-development": [("게임 엔진", "Game Engines"), ("게임 서버", "Game Servers")],
    "embedded": [("실시간 운영체제", "RTOS"), ("펌웨어 업데이트", "Firmware Updates")],
    "compilers": [("LLVM", "LLVM"), ("정적 분석", "Static Analysis")],
    "webassembly": [("WASI", "WASI")],
    "edge-computing": [("엣지 함수", "Edge Functions")],
    "ci-cd": [("빌드 캐시", "Build Caching"), ("배포 전략", "Deployment Strategies")],
    "platform-engineering": [("내부 개발자 플랫폼", "Internal Developer Platforms"),
                             ("개발자 포털", "Developer Portals")],
    "sre": [("에러 예산 정책", "Error Budget Policies"), ("장애 회고", "Postmortems"),
            ("온콜", "On-Call")],
    "data-science": [("A/B 테스트", "A/B Testing"), ("인과 추론", "Causal Inference")],
    "computer-vision": [("객체 탐지", "Object Detection"), ("OCR", "OCR")],
    "nlp": [("한국어 언어 모델", "Korean Language Models"), ("기계 번역", "Machine Translation")],
    "privacy": [("차등 프라이버시", "Differential Privacy"), ("가명 처리", "Pseudonymization")],
    "i18n": [("현지화", "Localization"), ("유니코드", "Unicode")],
    "ux": [("사용성 테스트", "Usability Testing"), ("UX 라이팅", "UX Writing")],
    "product-management": [("제품 지표", "Product Metrics"), ("로드맵 수립", "Roadmapping")],
    "agile": [("스프린트 회고", "Sprint Retrospectives"), ("칸반", "Kanban")],
}

EVENT_SERIES: list[tuple[str, str, str]] = [
    ("hanbit-devcon", "한빛 개발자 컨퍼런스", "서울 코엑스"),
    ("cloud-native-day", "Cloud Native Day Seoul", "서울 aT센터"),
    ("frontend-summit", "프론트엔드 서밋", "서울 세종대학교 광개토관"),
    ("data-eng-day", "데이터 엔지니어링 데이", "판교 스타트업캠퍼스"),
    ("rust-seoul", "Rust Seoul Meetup", "서울 강남 공유오피스"),
    ("ai-engineer-forum", "AI 엔지니어 포럼", "서울 코엑스"),
    ("mobile-festa", "모바일 개발자 페스타", "부산 벡스코"),
    ("security-week", "보안 위크", "서울 양재 aT센터"),
    ("pymeet-korea", "PyMeet Korea", "서울 COEX 그랜드볼룸"),
    ("sre-summit", "SRE Korea Summit", "온라인"),
    ("kotlin-meetup", "코틀린 밋업 서울", "서울 성수 공연장"),
    ("jsconf-busan", "JSConf Busan", "부산 벡스코"),
    ("game-dev-con", "게임 개발자 컨퍼런스 NDX", "성남 판교"),
    ("women-in-tech", "Women in Tech Seoul", "서울 여의도"),
    ("platform-con", "플랫폼 엔지니어링 컨퍼런스", "대전 KAIST"),
    ("open-infra-days", "오픈 인프라 데이즈", "서울 그랜드 인터컨티넨탈"),
    ("db-conf", "DB Conf Korea", "온라인"),
    ("devrel-day", "DevRel Day", "제주 ICC"),
]
EVENT_YEARS = list(range(2019, 2026))

KO_NOUNS = words(
    "서비스 시스템 아키텍처 배포 파이프라인 클러스터 데이터 트래픽 장애 지표 로그 대시보드 "
    "알림 캐시 큐 메시지 이벤트 스키마 인덱스 쿼리 트랜잭션 샤드 복제본 노드 컨테이너 이미지 "
    "빌드 테스트 코드 리뷰 문서 조직 팀 문화 온보딩 채용 회고 일정 우선순위 요구사항 설계 "
    "인터페이스 모듈 라이브러리 프레임워크 런타임 메모리 CPU 디스크 네트워크 지연 처리량 "
    "비용 예산 보안 권한 인증 토큰 암호화 감사 규정 개인정보 사용자 고객 피드백 실험 가설 "
    "지표 모델 학습 추론 파라미터 프롬프트 임베딩 벡터 검색 랭킹 추천 결제 주문 정산 재고 "
    "화면 컴포넌트 상태 렌더링 접근성 번들 의존성 버전 마이그레이션 레거시 기술 부채 리팩터링 "
    "자동화 스크립트 운영 모니터링 관측성 추적 메트릭 샘플링 용량 확장성 가용성 신뢰성 "
    "복구 백업 롤백 카나리 플래그 실험군 대조군 회귀 프로파일링 병목 최적화 개선 전략 로드맵 "
    "커뮤니티 오픈소스 기여 생태계 표준 명세 프로토콜 API gRPC Kafka Redis PostgreSQL "
    "Kubernetes Terraform Python Go Rust TypeScript React"
)
KO_MULTIWORD_NOUNS = [
    "응답 시간", "배포 주기", "장애 대응 절차", "온콜 체계", "코드 품질", "개발자 경험",
    "데이터 파이프라인", "검색 품질", "사용자 경험", "운영 비용", "서비스 메시", "기능 플래그",
    "이벤트 소싱", "분산 트랜잭션", "테스트 커버리지", "빌드 시간", "릴리스 노트", "내부 도구",
    "사내 플랫폼", "관리 콘솔", "권한 모델", "배치 작업", "실시간 처리", "에러 예산",
]
KO_ADJECTIVES = words(
    "안정적인 복잡한 대규모 새로운 기존의 단순한 효율적인 느린 빠른 일관된 중요한 핵심적인 "
    "반복적인 수동 자동화된 분산된 중앙화된 명확한 모호한 실험적인 검증된 가벼운 무거운 "
    "유연한 까다로운 흔한 드문 현실적인 장기적인 단기적인"
)
KO_OBJ_VERBS = [
    "개선했습니다", "도입했습니다", "정리했습니다", "측정했습니다", "분리했습니다", "통합했습니다",
    "자동화했습니다", "재설계했습니다", "검토했습니다", "공유했습니다", "줄일 수 있었습니다",
    "늘릴 수 있었습니다", "다시 만들었습니다", "점진적으로 옮겼습니다", "모니터링하기 시작했습니다",
    "표준화했습니다", "문서로 남겼습니다", "직접 구현했습니다", "오픈소스로 공개했습니다",
    "실험해 보았습니다", "비교했습니다", "걷어냈습니다", "캐싱했습니다", "병렬화했습니다",
]
KO_SUBJ_PREDICATES = [
    "크게 줄었습니다", "두 배 이상 늘었습니다", "눈에 띄게 안정되었습니다", "병목이 되었습니다",
    "가장 큰 문제였습니다", "생각보다 복잡했습니다", "예상보다 빨리 끝났습니다",
    "핵심이었습니다", "중요하다고 강조했습니다", "여전히 과제로 남아 있습니다",
    "팀 전체의 관심사가 되었습니다", "자연스럽게 해결되었습니다", "꾸준히 개선되고 있습니다",
    "다시 문제가 되었습니다", "결정적인 역할을 했습니다",
]
KO_CONNECTIVES = [
    "그래서", "하지만", "특히", "결과적으로", "예를 들어", "한편", "먼저", "다음으로",
    "마지막으로", "실제로", "그럼에도", "이 과정에서", "발표에 따르면", "흥미롭게도",
    "처음에는", "지금은", "덧붙여", "요약하면",
]
KO_CONTEXTS = [
    "운영 환경에서", "지난 분기에", "배포 과정에서", "트래픽이 몰리는 시간대에", "초기 단계에서",
    "팀 규모가 커지면서", "장애가 발생했을 때", "신규 서비스에서", "사내 전체에", "작은 팀에서",
    "모바일 앱에서", "데이터 센터 이전 중에", "출시 직전에", "야간 배치에서", "여러 리전에 걸쳐",
]
KO_HEADINGS = [
    "배경", "문제 정의", "아키텍처", "도입 과정", "운영 경험", "성능 개선", "교훈", "Q&A",
    "정리", "느낀 점", "발표 요약", "핵심 내용", "데모", "한계와 다음 단계", "참고 자료",
    "측정 결과", "설계 원칙", "시행착오", "팀 문화", "질의응답",
]
KO_TALK_PATTERNS = [
    "{t}에서 {n}까지", "{t} 도입기", "{t} 운영 3년의 기록", "우리 팀의 {t} 이야기",
    "{t}, 이렇게 시작하세요", "{n} 문제를 {t_ro} 풀기", "{t} 실전 가이드", "대규모 {t} 사례",
    "{t_ro} {n} 개선하기", "{n_eul} 위한 {t}", "다시 생각하는 {t}", "{t} 마이그레이션 회고",
]

EN_NOUNS = words(
    "service system architecture deployment pipeline cluster data traffic outage metric log "
    "dashboard alert cache queue message event schema index query transaction shard replica "
    "node container image build test review document team culture roadmap budget latency "
    "throughput cost security permission token encryption audit user customer feedback "
    "experiment hypothesis model inference prompt embedding ranking payment order inventory "
    "component state bundle dependency migration refactoring automation script capacity "
    "availability reliability backup rollback canary flag regression profile bottleneck "
    "strategy community contributor ecosystem standard protocol interface module library "
    "framework runtime memory compiler scheduler workload tenant region incident postmortem"
)
EN_ADJECTIVES = words(
    "reliable complex large new legacy simple efficient slow fast consistent critical "
    "repetitive manual automated distributed centralized explicit ambiguous experimental "
    "proven lightweight heavy flexible tricky common rare pragmatic incremental"
)
EN_VERBS = words(
    "improved introduced measured split merged automated redesigned reviewed shared reduced "
    "rebuilt migrated monitored standardized documented implemented benchmarked replaced "
    "cached parallelized simplified removed tuned scaled"
)
EN_OPENERS = [
    "First,", "Then", "In practice,", "However,", "As a result,", "For example,", "Finally,",
    "Interestingly,", "According to the speaker,", "In the end,", "At first,", "Today,",
]
EN_HEADINGS = [
    "Background", "Problem", "Architecture", "Rollout", "Operations", "Performance",
    "Lessons learned", "Q&A", "Summary", "Takeaways", "Demo", "Next steps", "References",
    "Results", "Design principles",
]
EN_TALK_PATTERNS = [
    "Scaling {T} at {o}", "{T} in production", "What we learned running {T}",
    "From {n} to {T}", "A practical guide to {T}", "Rethinking {T}", "{T} the hard way",
    "Three years of {T}", "Taming {n} with {T}",
]

CODE_SNIPPETS: list[tuple[str, str]] = [
    ("python", "def handle(event: dict) -> None:\n    if event.get(\"retry\", 0) > {k}:\n"
               "        raise RuntimeError(\"too many retries\")\n    queue.put(event)\n"),
    ("yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {k}\n"
             "  template:\n    spec:\n      containers:\n        - name: api\n"
             "          resources:\n            limits: {{cpu: \"{k}00m\"}}\n"),
    ("bash", "kubectl rollout status deploy/api --timeout={k}0s\n"
             "kubectl top pods -l app=api | sort -k3 -h | tail -n {k}\n"),
    ("go", "func (s *Server) Serve(ctx context.Context) error {{\n"
           "\tctx, cancel := context.WithTimeout(ctx, {k}*time.Second)\n"
           "\tdefer cancel()\n\treturn s.loop(ctx)\n}}\n"),
    ("sql", "SELECT user_id, count(*) AS orders\nFROM orders\n"
            "WHERE created_at > now() - interval '{k} days'\nGROUP BY user_id\n"
            "ORDER BY orders DESC\nLIMIT {k}0;\n"),
    ("rust", "fn backoff(attempt: u32) -> Duration {{\n"
             "    Duration::from_millis(100 * 2u64.pow(attempt.min({k})))\n}}\n"),
    ("json", "{{\n  \"service\": \"checkout\",\n  \"slo\": {{\"availability\": 99.{k}, "
             "\"latency_p99_ms\": {k}00}}\n}}\n"),
    ("typescript", "export function useDebounce<T>(value: T, ms = {k}00): T {{\n"
                   "  const [v, setV] = useState(value);\n"
                   "  useEffect(() => {{ const t = setTimeout(() => setV(value), ms);"
                   " return () => clearTimeout(t); }}, [value, ms]);\n  return v;\n}}\n"),
]

RR_INITIALS = words("g kk n d tt r m b pp s ss - j jj ch k t p h")
RR_MEDIALS = words("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
RR_FINALS = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
    "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
]

_KEY_DROP = re.compile(r"[\s\-_·・.]+")
_PLAIN_FLOW = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*$")
_PLAIN_BLOCK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*$")


# --------------------------------------------------------------------------- helpers


def romanize(hangul: str) -> str:
    """Revised Romanization of Hangul syllables, without sound-change rules."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch)
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        out.append(RR_INITIALS[initial].replace("-", "") + RR_MEDIALS[medial] + RR_FINALS[final])
    return "".join(out)


def final_consonant(word: str) -> str:
    """The last sound's final consonant: "" (none), "l" (ㄹ) or "c" (any other)."""
    last = word[-1]
    code = ord(last) - 0xAC00
    if 0 <= code < 11172:
        final = code % 28
        return "" if final == 0 else "l" if final == 8 else "c"
    return {"l": "l", "m": "c", "n": "c"}.get(last.lower(), "")


def josa(word: str, with_final: str, without_final: str) -> str:
    final = final_consonant(word)
    if not final or (final == "l" and with_final == "으로"):
        return word + without_final
    return word + with_final


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@functools.cache
def yaml_scalar(text: str, flow: bool = False) -> str:
    """A YAML scalar for ``text``: plain when that reads back unchanged, else double-quoted."""
    pattern = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    if pattern.match(text) and text.strip() == text and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i, flow=True) for i in items) + "]"


class Zipf(Generic[T]):
    """Draws items with Zipf-Mandelbrot weight 1/(rank + q)**s, ranks in the given order."""

    def __init__(self, items: Sequence[T], s: float = 1.0, q: float = 0.0) -> None:
        self.items = list(items)
        ranks = range(1, len(self.items) + 1)
        self.cum = list(itertools.accumulate(1.0 / (r + q) ** s for r in ranks))

    def draw(self, rng: random.Random) -> T:
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]

    def sample(self, rng: random.Random, k: int) -> list[T]:
        k = min(k, len(self.items))
        picked: list[T] = []
        while len(picked) < k:
            item = self.draw(rng)
            if item not in picked:
                picked.append(item)
        return picked


class NameKeys:
    """Which registry entry owns each name, compared the way the build compares names."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    @staticmethod
    def key(name: str) -> str:
        return _KEY_DROP.sub("", unicodedata.normalize("NFC", name).casefold())

    def free(self, ident: str, *names: str) -> bool:
        return all(self.owner.get(self.key(n), ident) == ident for n in names)

    def claim(self, ident: str, *names: str) -> bool:
        if not self.free(ident, *names):
            return False
        for name in names:
            self.owner[self.key(name)] = ident
        return True


# --------------------------------------------------------------------------- pools


@dataclass
class Speaker:
    id: str
    name: str
    affiliation: str
    title: str
    alt_names: list[str] = field(default_factory=list)
    name_ko: str | None = None
    name_en: str | None = None
    entry: dict[str, Any] | None = None

    @property
    def registered(self) -> bool:
        return self.entry is not None

    def reference(self, rng: random.Random) -> str:
        if self.registered and self.alt_names and rng.random() < 0.15:
            return rng.choice(self.alt_names)
        return self.name


@dataclass
class Topic:
    id: str
    ko: str
    en: str
    aliases: list[str] = field(default_factory=list)
    parent: Topic | None = None
    nested: bool = False
    entry: dict[str, Any] | None = None

    @property
    def registered(self) -> bool:
        return self.entry is not None

    def reference(self, rng: random.Random, lang: str) -> str:
        roll = rng.random()
        if self.nested and self.parent is not None and roll < 0.75:
            if lang == "en" or roll < 0.15:
                return f"{self.parent.en} > {self.en}"
            return f"{self.parent.ko} > {self.ko}"
        if self.aliases and roll > 0.9:
            return rng.choice(self.aliases)
        return self.en if lang == "en" or roll > 0.7 else self.ko


@dataclass
class Event:
    id: str
    name: str
    year: int
    start: date
    end: date
    place: str


def make_speakers(rng: random.Random, count: int) -> list[Speaker]:
    korean_names = [
        (s, sr, a + b)
        for (s, sr), a, b in itertools.product(KO_SURNAMES, KO_GIVEN_SYLLABLES, KO_GIVEN_SYLLABLES)
        if a != b
    ]
    latin_names = list(itertools.product(LATIN_FIRST, LATIN_LAST))
    rng.shuffle(korean_names)
    rng.shuffle(latin_names)
    n_korean = round(count * 0.62)
    used_ids: dict[str, int] = {}
    speakers: list[Speaker] = []

    def unique_id(base: str) -> str:
        used_ids[base] = used_ids.get(base, 0) + 1
        return base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"

    for i in range(count):
        affiliation = rng.choice(AFFILIATIONS)
        if i < n_korean:
            surname, surname_rr, given = korean_names[i]
            given_rr = romanize(given).capitalize()
            speaker = Speaker(
                id=unique_id(slugify(f"{surname_rr} {given_rr}")),
                name=surname + given,
                affiliation=affiliation,
                title=rng.choice(KO_TITLES),
                name_en=f"{given_rr} {surname_rr}",
                alt_names=[f"{given_rr} {surname_rr}", f"{surname_rr} {given_rr}"],
            )
        else:
            (first, first_ko), (last, last_ko) = latin_names[i - n_korean]
            name = f"{first} {last}"
            speaker = Speaker(
                id=unique_id(slugify(name)),
                name=name,
                affiliation=affiliation,
                title=rng.choice(EN_TITLES + KO_TITLES[:6]),
                name_ko=f"{first_ko} {last_ko}",
                alt_names=[f"{first_ko} {last_ko}", f"{first[0]}. {last}"],
            )
        speakers.append(speaker)
    rng.shuffle(speakers)
    keys = NameKeys()
    for s in sorted(rng.sample(speakers, count // 2), key=lambda s: s.id):
        if not keys.claim(s.id, s.id, s.name):
            continue
        entry: dict[str, Any] = {"name": s.name}
        if s.name_en and rng.random() < 0.8 and keys.claim(s.id, s.name_en):
            entry["name_en"] = s.name_en
        if s.name_ko and rng.random() < 0.6 and keys.claim(s.id, s.name_ko):
            entry["name_ko"] = s.name_ko
        if rng.random() < 0.5:
            aliases = [a for a in s.alt_names if a not in entry.values() and keys.claim(s.id, a)]
            if aliases:
                entry["aliases"] = aliases
        entry["affiliation"] = s.affiliation
        entry["title"] = s.title
        s.entry = entry
    return speakers


def make_topics(rng: random.Random, count: int) -> list[Topic]:
    """Domains first (the popular ranks), then named subtopics, then domain x area topics."""
    domains = [Topic(tid, ko, en, list(aliases)) for tid, ko, en, aliases in TOPIC_DOMAINS]
    rng.shuffle(domains)
    domains = domains[: min(len(domains), max(3, round(count * 0.3)), count)]
    used = {d.id for d in domains}
    children: list[Topic] = []
    for d in domains:
        for ko, en in TOPIC_CHILDREN.get(d.id, []):
            tid = slugify(en) if slugify(en) not in used else f"{d.id}-{slugify(en)}"
            used.add(tid)
            children.append(Topic(tid, ko, en, parent=d, nested=True))
    rng.shuffle(children)
    children = children[: min(round(count * 0.4), count - len(domains))]
    compounds = [
        Topic(f"{d.id}-{aid}", f"{d.ko} {ko}", f"{d.en} {en}", parent=d)
        for d, (aid, ko, en) in itertools.product(domains, TOPIC_AREAS)
        if aid != d.id and ko != d.ko
    ]
    rng.shuffle(compounds)
    rest = children + compounds[: count - len(domains) - len(children)]
    rng.shuffle(rest)
    topics = domains + rest

    chosen = {t.id: t for t in rng.sample(topics, count * 2 // 5)}
    for t in list(chosen.values()):
        if t.parent is not None:
            chosen.setdefault(t.parent.id, t.parent)
    keys = NameKeys()
    for t in sorted(chosen.values(), key=lambda t: t.id):
        if not keys.claim(t.id, t.id, t.ko, t.en):
            continue
        entry: dict[str, Any] = {"name": t.ko}
        if t.en != t.ko:
            entry["name_en"] = t.en
        aliases = [a for a in t.aliases if keys.claim(t.id, a)]
        if aliases:
            entry["aliases"] = aliases
        if t.parent is not None:
            entry["parent"] = t.parent.id
        entry["description"] = Writer(rng, "ko").ko_sentence()
        t.entry = entry
    return topics


def make_events(rng: random.Random, count: int) -> list[Event]:
    combos = list(itertools.product(EVENT_SERIES, EVENT_YEARS))
    rng.shuffle(combos)
    events = []
    for (sid, name, place), year in combos[:count]:
        start = date(year, 1, 1) + timedelta(days=rng.randrange(0, 360))
        end = start + timedelta(days=rng.choice([0, 0, 1, 1, 2]))
        events.append(Event(f"{sid}-{year}", f"{name} {year}", year, start, end, place))
    return events


# --------------------------------------------------------------------------- prose


class Writer:
    """Builds Markdown bodies while counting prose words."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.lang = lang
        self.parts: list[str] = []
        self.words = 0

    def ko_noun(self) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            return rng.choice(KO_MULTIWORD_NOUNS)
        noun = rng.choice(KO_NOUNS)
        if rng.random() < 0.3:
            noun = f"{rng.choice(KO_ADJECTIVES)} {noun}"
        return noun

    def ko_sentence(self) -> str:
        rng = self.rng
        form = rng.randrange(5)
        lead = rng.choice(KO_CONNECTIVES) + " " if rng.random() < 0.4 else ""
        ctx = rng.choice(KO_CONTEXTS) + " " if rng.random() < 0.35 else ""
        if form == 0:
            body = f"{josa(self.ko_noun(), '을', '를')} {rng.choice(KO_OBJ_VERBS)}"
        elif form == 1:
            body = f"{josa(self.ko_noun(), '이', '가')} {rng.choice(KO_SUBJ_PREDICATES)}"
        elif form == 2:
            body = (f"{josa(self.ko_noun(), '은', '는')} {josa(self.ko_noun(), '과', '와')} "
                    f"{josa(self.ko_noun(), '을', '를')} 함께 {rng.choice(KO_OBJ_VERBS)}")
        elif form == 3:
            body = (f"팀은 {josa(self.ko_noun(), '으로', '로')} "
                    f"{josa(self.ko_noun(), '을', '를')} {rng.choice(KO_OBJ_VERBS)}")
        else:
            claim = rng.choice(["가장 중요하다고", "생각보다 어렵다고", "결국 사람의 문제라고"])
            verb = rng.choice(["강조했습니다", "말했습니다", "정리했습니다"])
            body = f"발표자는 {josa(self.ko_noun(), '이', '가')} {claim} {verb}"
        if rng.random() < 0.08:
            body = f"**{body}**"
        elif rng.random() < 0.06:
            body = body.replace(" ", f" `{rng.choice(KO_NOUNS[-12:])}` ", 1)
        return f"{lead}{ctx}{body}."

    def en_sentence(self) -> str:
        rng = self.rng
        lead = rng.choice(EN_OPENERS) + " " if rng.random() < 0.35 else ""
        adj = rng.choice(EN_ADJECTIVES) + " " if rng.random() < 0.5 else ""
        subject = rng.choice(["the team", "they", "the speaker", "we", "engineers"])
        form = rng.randrange(3)
        if form == 0:
            text = (f"{subject} {rng.choice(EN_VERBS)} the {adj}{rng.choice(EN_NOUNS)} "
                    f"to keep the {rng.choice(EN_NOUNS)} {rng.choice(EN_ADJECTIVES)}")
        elif form == 1:
            text = (f"the {adj}{rng.choice(EN_NOUNS)} became the main "
                    f"{rng.choice(EN_NOUNS)} once the {rng.choice(EN_NOUNS)} grew")
        else:
            text = (f"{subject} {rng.choice(EN_VERBS)} {rng.choice(EN_NOUNS)} and "
                    f"{rng.choice(EN_NOUNS)} with a {adj}{rng.choice(EN_NOUNS)} "
                    f"in about {rng.randint(2, 40)} weeks")
        text = lead + text
        return text[0].upper() + text[1:] + "."

    def sentence(self) -> str:
        return self.ko_sentence() if self.lang == "ko" else self.en_sentence()

    def add(self, text: str, counted: bool = True) -> None:
        self.parts.append(text)
        if counted:
            self.words += len(text.split())

    def paragraph(self, lo: int = 2, hi: int = 6) -> None:
        self.add(" ".join(self.sentence() for _ in range(self.rng.randint(lo, hi))))

    def heading(self, level: int = 2, text: str | None = None) -> None:
        headings = KO_HEADINGS if self.lang == "ko" else EN_HEADINGS
        self.add("#" * level + " " + (text or self.rng.choice(headings)))

    def bullet_list(self) -> None:
        rng = self.rng
        ordered = rng.random() < 0.3
        items = []
        for i in range(rng.randint(3, 6)):
            marker = f"{i + 1}." if ordered else "-"
            items.append(f"{marker} {self.sentence()}")
            if not ordered and rng.random() < 0.15:
                items.append(f"    - {self.sentence()}")
        self.add("\n".join(items))

    def table(self) -> None:
        rng = self.rng
        if self.lang == "ko":
            header = "| 항목 | 이전 | 이후 | 비고 |"
            rows = [rng.choice(["응답 시간 (p99)", "배포 시간", "월 비용", "오류율", "빌드 시간",
                                "처리량", "메모리 사용량"]) for _ in range(rng.randint(3, 6))]
        else:
            header = "| Metric | Before | After | Note |"
            rows = [rng.choice(["p99 latency", "deploy time", "monthly cost", "error rate",
                                "build time", "throughput", "memory"])
                    for _ in range(rng.randint(3, 6))]
        lines = [header, "|---|---:|---:|---|"]
        for row in rows:
            before = rng.randint(20, 2000)
            after = max(1, int(before * rng.uniform(0.2, 1.1)))
            note = rng.choice(KO_NOUNS if self.lang == "ko" else EN_NOUNS)
            lines.append(f"| {row} | {before} | {after} | {note} |")
        self.add("\n".join(lines))

    def code(self) -> None:
        lang, snippet = self.rng.choice(CODE_SNIPPETS)
        self.add(f"```{lang}\n{snippet.format(k=self.rng.randint(2, 9))}```", counted=False)

    def admonition(self) -> None:
        kind = self.rng.choice(["note", "tip", "warning", "quote"])
        label = {"ko": "메모", "en": "Note"}[self.lang]
        self.add(f'!!! {kind} "{label}"\n\n    {self.sentence()} {self.sentence()}')

    def block(self) -> None:
        roll = self.rng.random()
        if roll < 0.55:
            self.paragraph()
        elif roll < 0.75:
            self.bullet_list()
        elif roll < 0.84:
            self.table()
        elif roll < 0.93:
            self.code()
        elif roll < 0.97:
            self.admonition()
        else:
            self.add("> " + self.sentence())

    def fill(self, target: int) -> None:
        while self.words < target - 15:
            self.block()

    def text(self) -> str:
        return "\n\n".join(self.parts) + "\n"


def talk_title(rng: random.Random, lang: str, topic: Topic, org: str) -> str:
    if lang == "ko":
        noun = rng.choice(KO_MULTIWORD_NOUNS)
        return rng.choice(KO_TALK_PATTERNS).format(
            t=topic.ko, t_ro=josa(topic.ko, "으로", "로"), n=noun, n_eul=josa(noun, "을", "를")
        )
    return rng.choice(EN_TALK_PATTERNS).format(T=topic.en, n=rng.choice(EN_NOUNS), o=org)


# --------------------------------------------------------------------------- corpus


# Corpus shapes. `long`: notes of 300-1,500 words, mostly one speaker each. `light`: notes of
# ~5 KB with two to five speakers each, from smaller pools (205 speakers, 70 topics and 12
# events at 1,000 notes): the per-page and per-term costs weigh more than Markdown.
SHAPES = ("long", "light")


@dataclass
class CorpusConfig:
    notes: int
    seed: int = DEFAULT_SEED
    speakers: int | None = None
    topics: int | None = None
    events: int | None = None
    shape: str = "long"

    def pool_sizes(self) -> tuple[int, int, int]:
        """Pools scale with the note count: 1,500 / 300 / 60 at 5,000 long notes."""
        per_note = (0.205, 0.07, 0.012) if self.shape == "light" else (0.3, 0.06, 0.012)
        return (
            self.speakers or max(20, round(self.notes * per_note[0])),
            self.topics or max(10, round(self.notes * per_note[1])),
            self.events or max(3, round(self.notes * per_note[2])),
        )


@dataclass
class CorpusStats:
    notes: int
    seed: int
    speakers: int
    topics: int
    events: int
    registered_speakers: int
    registered_topics: int
    multi_talk_notes: int
    loose_notes: int
    korean_notes: int
    words: int
    bytes: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def speaker_line(rng: random.Random, speaker: Speaker) -> str:
    return f"{speaker.reference(rng)} ({speaker.affiliation} {speaker.title})"


def write_note(
    rng: random.Random,
    index: int,
    event: Event,
    speakers: Zipf[Speaker],
    topics: Zipf[Topic],
    shape: str = "long",
) -> tuple[str, str, int, str]:
    lang = "ko" if rng.random() < 0.7 else "en"
    roll = rng.random()
    kind = "multi" if roll < 0.15 else "loose" if roll < 0.25 else "normal"
    day = event.start + timedelta(days=rng.randint(0, (event.end - event.start).days))
    note_topics = topics.sample(rng, rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))
    writer = Writer(rng, lang)
    target = rng.randint(300, 1500) if shape == "long" else rng.randint(400, 620)

    if kind == "multi":
        talks = rng.randint(3, 8)
        title = (f"{event.name} 세션 정리 ({index})" if lang == "ko"
                 else f"{event.name} session notes ({index})")
        writer.paragraph(1, 3)
        for number in range(1, talks + 1):
            talk_speakers = speakers.sample(rng, 2 if rng.random() < 0.12 else 1)
            topic = topics.draw(rng)
            heading = talk_title(rng, lang, topic, talk_speakers[0].affiliation)
            writer.heading(2, f"{number}. {heading}")
            meta = ["- **발표자:** " + ", ".join(speaker_line(rng, s) for s in talk_speakers)]
            if rng.random() < 0.5:
                meta.append(f"- **세션:** 트랙 {rng.choice('ABCD')}, {rng.randint(10, 17)}:00")
            writer.add("\n".join(meta))
            writer.fill(target * number // talks)
        front = [
            f"title: {yaml_scalar(title)}",
            f"date: {day.isoformat()}",
            f"event: {event.id}",
            f"topics: {flow_list([t.reference(rng, lang) for t in note_topics])}",
            f"lang: {lang}",
        ]
    else:
        if shape == "light":
            note_speakers = speakers.sample(rng, rng.randint(2, 5))
        else:
            note_speakers = speakers.sample(
                rng, 1 if rng.random() < 0.87 else rng.choice([2, 2, 3, 4])
            )
        title = talk_title(rng, lang, note_topics[0], note_speakers[0].affiliation)
        if rng.random() < 0.1:
            title = ("[후기] " if lang == "ko" else "Notes: ") + title
        if rng.random() < 0.3:
            link = f"https://example.com/slides/{event.id}/{index}"
            writer.add(f"> {'발표 자료' if lang == 'ko' else 'Slides'}: [{link}]({link})")
        writer.paragraph(2, 4)
        sections = rng.randint(2, 5)
        for number in range(1, sections + 1):
            writer.heading()
            writer.fill(target * number // sections)
            if rng.random() < 0.15:
                writer.heading(3)
                writer.block()
        if kind == "loose":
            first = note_speakers[0]
            front = [
                f"title: {yaml_scalar(title)}",
                f"date: {day.strftime('%Y.%m.%d')}",
                f"event: {yaml_scalar(event.id if rng.random() < 0.6 else event.name)}",
                f"speaker: {yaml_scalar(first.reference(rng))}",
                f"tags: {yaml_scalar(', '.join(t.reference(rng, lang) for t in note_topics))}",
            ]
            if rng.random() < 0.5:
                front.append(f"lang: {lang}")
        else:
            refs = [
                s.reference(rng) + (f" ({s.affiliation})" if rng.random() < 0.8 else "")
                for s in note_speakers
            ]
            front = [
                f"title: {yaml_scalar(title)}",
                f"date: {day.isoformat()}",
                f"event: {event.id}",
                f"speakers: {flow_list(refs)}",
                f"topics: {flow_list([t.reference(rng, lang) for t in note_topics])}",
                f"lang: {lang}",
            ]
    text = "---\n" + "\n".join(front) + "\n---\n\n" + writer.text()
    return text, kind, writer.words, lang


def registry(terms: Sequence[Speaker | Topic]) -> dict[str, Any]:
    return {t.id: t.entry for t in sorted(terms, key=lambda t: t.id) if t.entry is not None}


def registry_events(events: Sequence[Event], rng: random.Random) -> dict[str, Any]:
    return {
        e.id: {
            "name": e.name,
            "start": e.start,
            "end": e.end,
            "place": e.place,
            "description": Writer(rng, "ko").ko_sentence(),
        }
        for e in sorted(events, key=lambda e: e.id)
    }


def dump_yaml(path: Path, data: dict[str, Any]) -> int:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def generate(root: Path, config: CorpusConfig) -> CorpusStats:
    """Write the corpus under ``root/docs`` (which must not hold older notes)."""
    rng = random.Random(config.seed)
    n_speakers, n_topics, n_events = config.pool_sizes()
    speakers = make_speakers(rng, n_speakers)
    topics = make_topics(rng, n_topics)
    events = make_events(rng, n_events)
    speaker_draw = Zipf(speakers, 1.0, 15)
    topic_draw = Zipf(topics, 0.9, 2)
    event_draw = Zipf(rng.sample(events, len(events)), 0.6, 2)

    docs = root / "docs"
    width = len(str(config.notes))
    kinds = {"multi": 0, "loose": 0, "normal": 0}
    korean = words = size = 0
    for index in range(1, config.notes + 1):
        event = event_draw.draw(rng)
        text, kind, note_words, lang = write_note(rng, index, event, speaker_draw, topic_draw,
                                                  config.shape)
        path = docs / "notes" / str(event.year) / event.id / f"{index:0{width}d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        kinds[kind] += 1
        korean += lang == "ko"
        words += note_words
        size += len(data)

    size += dump_yaml(docs / "speakers.yml", registry(speakers))
    size += dump_yaml(docs / "topics.yml", registry(topics))
    size += dump_yaml(docs / "events.yml", registry_events(events, rng))
    return CorpusStats(
        notes=config.notes,
        seed=config.seed,
        speakers=n_speakers,
        topics=n_topics,
        events=n_events,
        registered_speakers=sum(s.registered for s in speakers),
        registered_topics=sum(t.registered for t in topics),
        multi_talk_notes=kinds["multi"],
        loose_notes=kinds["loose"],
        korean_notes=korean,
        words=words,
        bytes=size,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path, help="corpus goes to WORKDIR/docs")
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--speakers", type=int, help="speaker pool (default 0.3 x notes)")
    parser.add_argument("--topics", type=int, help="topic pool (default 0.06 x notes)")
    parser.add_argument("--events", type=int, help="event pool (default 0.012 x notes)")
    parser.add_argument("--shape", choices=SHAPES, default="long",
                        help="long: 300-1,500 words, mostly one speaker; light: ~5 KB, 2-5 "
                             "speakers each")
    args = parser.parse_args(argv)
    if (args.workdir / "docs" / "notes").exists():
        parser.error(f"{args.workdir / 'docs' / 'notes'} already exists")
    config = CorpusConfig(args.notes, args.seed, args.speakers, args.topics, args.events,
                          args.shape)
    stats = generate(args.workdir, config)
    json.dump(stats.as_dict(), sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
