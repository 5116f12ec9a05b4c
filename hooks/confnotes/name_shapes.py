"""Whether a string is shaped like a person's name, in Korean or in Latin letters.

Notes name their speakers in headings and list items that also hold talk titles, companies and
roles, so "is this a name?" decides what becomes a person. A Korean name is a surname and one or
two syllables of the kind given names are made of; a Latin name is two to four capitalised words
that are not words of a talk title. Where the structure of a line already says "this is the
speaker" (`Speaker - Outsider`, a `발표자` table column), `loose` accepts a nickname too.
"""

from __future__ import annotations

import re
import unicodedata

# Family names, most frequent first; together they cover nearly every Korean speaker.
SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 류 고 문 양 손 배 백 허 남 "
    "심 노 하 곽 성 차 주 우 구 민 나 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 "
    "마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 복 태 목 "
    "형 피 두 감 음 빈 호 좌 계 라 변 견 승 빙 단 시".split())
SURNAMES_2 = frozenset("남궁 황보 제갈 선우 독고 사공 서문 동방 어금 망절".split())
COMMON_SURNAMES_2 = frozenset("남궁 황보 제갈 선우 독고 사공".split())
# Besides _NOT_LAST, the particles and words that end a word `사공` or `선우` begins
# (`사공은`, `선우와`): no given syllable after a two-syllable surname.
_NOT_ONE_GIVEN = frozenset("은 와 과 의 도 만 로 에 님 씨 팀".split())

# Syllables that Korean given names are made of (Sino-Korean and the common native ones).
# A "name" with a syllable outside this set (스, 트, 벤, 튜, ...) is a loanword, not a person.
GIVEN = frozenset("""
가 각 간 갑 강 건 걸 검 겸 경 계 고 곤 공 관 광 교 구 국 군 권 귀 규 균 근 금 기 길 김
나 낙 난 남 내 녀 년 념 노 농 누 늘 능 니 님
다 단 달 담 당 대 덕 도 돈 동 두 득 등 들
라 란 람 랑 래 량 려 련 렬 령 로 록 룡 루 류 륜 률 륭 리 린 림 립
마 만 매 맹 면 명 모 목 무 문 미 민
바 박 반 발 방 배 백 범 법 변 별 병 보 복 본 봉 부 분 비 빈 빛 봄
사 산 삼 상 새 샘 서 석 선 설 섭 성 세 소 손 솔 송 수 숙 순 숭 슬 승 시 식 신 실 심
솜 결 겸 별
아 안 애 양 언 엄 여 연 열 염 엽 영 예 오 옥 온 완 왕 요 용 우 욱 운 울 웅 원 월 위 유 육 윤
율 융 은 을 음 의 이 익 인 일 임
자 작 장 재 전 정 제 조 종 주 준 중 증 지 진
차 찬 창 채 천 철 청 초 최 추 춘 충 치
탁 탄 태 택
파 평 표 풍 피 필
하 학 한 함 해 향 허 헌 혁 현 협 형 혜 호 홍 화 환 황 효 후 훈 훤 휘
흠 흥 희
""".split())

# Words that look like a surname and given-name syllables but are not names. Mostly words
# of talk titles and notes; extend when a real note shows another.
NOT_KOREAN_NAMES = frozenset("""
정리 정보 정책 정도 정의 정상 정답 조직 조건 조회 조사 조정 조합 이유 이해 이슈 이상 이전 이후
이번 이제 이용 이름 이동 이상 이력 장점 장애 장비 장기 장소 장단 한계 한국 한번 한글 한정
신규 신입 신뢰 신청 신호 유지 유저 유형 유료 유일 전체 전략 전환 전달 전문 전부 전후 전시
고객 고민 고급 고정 고려 문제 문서 문화 문의 문장 서버 서울 서명 서로 서비 안내 안정 안전
오늘 오류 오후 오전 오픈 양식 배포 배경 백업 백엔 허용 남은 심화 심사 노하 노드 하루 하나
하지 하면 성능 성장 성공 성과 차이 차례 주제 주요 주의 주간 주말 우리 우선 구현 구조 구성
구글 구매 민감 나의 나중 진행 진짜 진단 지원 지금 지식 지난 지표 채용 채널 원리 원인 원칙
원본 천천 방법 방향 방식 방문 공유 공개 공식 공부 공간 공통 현재 현장 현실 함께 함수 변화
변경 변수 연구 연결 연사 연습 연동 연말 여러 여정 추천 추가 추상 추론 도구 도입 도전 도메
소개 소스 소통 소감 석사 선택 선배 선언 설계 설정 설명 설치 마무 마지 마음 길이 위한 위해
위치 표준 표현 명령 명확 기술 기능 기본 기반 기대 기록 기준 기업 기획 기존 반응 반복 반영
왕도 금융 인프 인공 인사 인증 인기 인터 제품 제목 제공 제안 제한 모델 모바 모니 모든 모두
국내 은행 용어 예시 예제 예외 예측 경험 경우 경력 경쟁 사례 사용 사람 사업 사내 사이 사실
부분 부족 부터 복잡 태그 목표 목차 형태 두번 감사 음성 호출 계획 계속 계정 단계 단점 단위
시간 시작 시스 시장 시도 시대 시리 시험 승인 최신 최종 최근 최고 최대 최소 최적 권한 황금
강의 강연 강조 강력 윤리 임시 임베 송출 홍보 양자 손실 배치 허브 노력 곽정 차세 나머 엄청
채팅 천만 염두 육성 맹점 탁월 어떤 어디 어려 편집 편리 용량 봉사 빈도 좌석 라이 견해
이야기 이벤트 이미지 서비스 정리본 최적화 조회수 마무리 구현기 도입기 적용기 운영기 전환기
성장기 회고록 한국어 영어로 인터뷰 인프라 인공지능 오픈소스 유튜브 유튜버 신입생 정규식
정규화 정규직 조직도 공유회 발표회 설명회 세미나 이론편 실습편 기초편 심화편 사용기 후기편
구축기 개발기 도전기 전시회 간담회 신청서 정보원 이용자 사용자 관리자 개발자 기획자 장애물
이상한 이러한 정확한 강력한 유용한 유연한 명확한 신기한 진정한 원활한 안전한 성실한 신속한
충분한 적절한 정당한 진지한 심각한 고유한 우수한 우아한 우월한 한정된 정해진 유명한 조용한
소중한 단순한 고요한 편안한 허무한 황당한 방대한 막대한 거대한 중요한 차세대 함수형
이기적 이상적 정기적 시각화 자동화 고도화 표준화 정규화 가상화 현대화 경량화 내재화 안정화 효율화
다양화 전문화 구조화 문서화 단순화 민주화 개인화 상용화 차별화 체계화 선택권 배우자 주도권 저작권
전반적 주기적 기본적 기술적 구조적 경제적 성공적 오래된 오랜만 최근의 최신의 유일한 추가로
공모전 정보량 모바일 연구소 사무소 연구실 설득의 기본기 추가된 추상화 구체적 신선한 진화한
진화된 우리의 우리가 우리는 이번엔 이번에 이제는 이렇게
강사진 경영진 임원진 심사진 제작진 연구진 편집진 출제진 검수진 운영진 교수진 의료진
하지만 하여튼 하물며 설계서 설명서 계획서 제안서 보고서 명세서 사양서 안내서 지침서
해설서 기획서 요구서 결과서
현상황 인재상 호기심 안정성 유연성 전문성 공정성 편의성 연관성 방향성 진정성 주도성 주기성
경제성 시장성 성장세 선순환 구성원 인건비 유지비 전환율 성공률 인지도 선호도
""".split())

# Last syllables that end words and sentences, hardly ever a name: `설치함`, `이동이`.
_NOT_LAST = frozenset("이 가 을 를 는 함 됨 음 임 게 께 며 고 다 요 죠 네 서요 듯 것".split())
# Given names many people share: two of them one jamo apart (`서연`/`서윤`) are two people.
COMMON_GIVEN_NAMES = frozenset("""
서연 서윤 지우 서현 민서 하은 하윤 윤서 지유 지민 채원 수아 지아 지윤 다은 은서 예은 수빈 소율 예린
민준 서준 도윤 예준 시우 하준 주원 지호 지후 준우 준서 도현 건우 현우 우진 선우 유준 연우 서진 민재
현준 은우 정우 시윤 승우 지훈 민성 지원 영수 영호 영식 영희 순자 미숙 경희 지영 성호 성민 상훈 동현
성진 재현 준호 민호 지현 은지 수진 혜진 민지 유진 지은 현정 은영 미영 정희 성훈 상현 민수 영민 진우
현수 수민 지수 민영 은정 혜원 수연 지혜 유나 민아 가은 나은 다인 아린 서아 채은 하린 하율 윤아 시아
수현 재원 태윤 태민 도훈 시후 은호 이준 준혁 준영 승민 승현 동욱 동민 상민 정민 정훈 영훈 재훈 재민
재영 종민 진호 진영 현석 혜린 유리 소연 소윤 정현 정수 정호 경민 경수 경호 미경 미정 은경 은주 혜경
""".split())
HONORIFIC_TAIL = re.compile(r"(님|씨|군|양)$")
_HANGUL_WORD = re.compile(r"[가-힣]+")
# A capitalised word of a name: Ana, O'Neil, Jean-Luc, McKercher, YunWon, Marchán, J.
_LATIN_WORD = re.compile(
    r"^(?:[A-Z][a-z\u00df-\u00ff\u0101-\u017f]*(?:['’\-][A-Za-z\u00df-\u00ff\u0101-\u017f]+)*"
    r"(?:[A-Z][a-z\u00df-\u00ff\u0101-\u017f]+)?\.?)$")
_PARTICLES = frozenset("van von de da der den del della di du la le bin al ter ten dos das".split())
# Capitalised words of talk titles and company names that are not parts of names.
NOT_NAME_WORDS = frozenset("""
a an the of for with and or in on to from by at into onto over under about after before your our
my their his her its how why what when where who which is are was be been being do does can will
not no yes all any new next more most best first last real this that these those one two three
hello hi welcome intro introduction introducing keynote talk session panel workshop tutorial
lightning track day part chapter opening closing summary review recap notes note q&a qa
future past present modern native cloud web app apps api data open source security secure safe
scale scaling scalable deep dive inside outside beyond toward towards building build built using
use make making writing write running run testing test design designing system systems service
services platform engine framework library tool tools team teams company labs lab inc corp ltd
co university institute foundation group community conference summit meetup seminar forum fest
festival camp con devcon conf world global korea korean seoul japan china europe america asia
ai ml llm gpu cpu machine learning model models network networks computer computing software
hardware server servers serverless database databases stack full front end frontend back
backend mobile android ios kubernetes docker react vue angular node python java javascript
typescript go rust swift kotlin scala ruby php spark kafka redis linux git github microsoft
google apple amazon aws azure meta facebook netflix uber nvidia intel samsung naver kakao line
toss coupang baemin woowa microservices microservice architecture performance realtime real-time
media video image images search graph graphql rest grpc http https edge streaming stream
distributed pipeline pipelines infrastructure infra ops devops mlops sre observability
monitoring logging tracing story stories lessons lesson learned way ways guide tips tricks journey
practical practice practices pattern patterns principle principles case study studies experience
state machine machines memory cache caching storage file files code coding programming language
languages type types typed functional reactive async await concurrency parallel quantum
compliance container containers scanner scanners trust trusting malicious next-generation
generation enabling enable time back world
""".split())


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def is_korean_name(text: str, short: bool = False) -> bool:
    """A surname and two given-name syllables (`정규돈`, `남궁민수`); `short` also takes one
    (`김슬`), which a bare two-syllable word matches too often to allow everywhere."""
    text = _nfc(text)
    if not _HANGUL_WORD.fullmatch(text) or text in NOT_KOREAN_NAMES:
        return False
    if text[-1] in _NOT_LAST:
        return False
    for surname in (text[:2], text[:1]):
        if surname in SURNAMES_2 or (len(surname) == 1 and surname in SURNAMES):
            given = text[len(surname):]
            # A name with a surname of two syllables may have one given syllable (`독고혁`,
            # `남궁옥`): three syllables, not a bare word's two.
            one = short or (surname in COMMON_SURNAMES_2 and text[-1] not in _NOT_ONE_GIVEN)
            if (len(given) == 2 or (one and len(given) == 1)) and all(
                    s in GIVEN for s in given):
                return True
    return False


def is_latin_name(text: str, single: bool = False) -> bool:
    """Two to four capitalised words that are not title words (`Kat Marchán`, `Ty McKercher`,
    `Jeong YunWon`); `single` also takes one (`Justin`), for places that say "speaker"."""
    words = _nfc(text).split()
    if not (2 if not single else 1) <= len(words) <= 4:
        return False
    capitals = 0
    for i, word in enumerate(words):
        folded = word.casefold().strip(".")
        if folded in _PARTICLES and 0 < i < len(words) - 1:
            continue
        if not _LATIN_WORD.match(word) or folded in NOT_NAME_WORDS or folded in TITLE_WORDS:
            return False
        if len(word.rstrip(".")) > 1 and word.isupper():
            return False          # AMD, NVIDIA: acronyms are companies
        capitals += 1
    return capitals >= (1 if single else 2)


def is_name(text: str, loose: bool = False) -> bool:
    """A person's name as written in a note. `loose`: the place says it is a person, so a
    nickname (`Outsider`, `아샬`, `Justin`) counts as long as it is short and not a sentence."""
    text = _nfc(HONORIFIC_TAIL.sub("", _nfc(text))) if len(text) > 2 else _nfc(text)
    if is_korean_name(text, short=loose) or is_latin_name(text, single=loose):
        return True
    if not loose or not text or len(text) > 24:
        return False
    words = text.split()
    if len(words) > 3 or any(ch in text for ch in ".!?:;\"“”=<>[]{}|/\\#*`"):
        return False
    if len(words) > 1 and _HANGUL_WORD.search(text):
        return False            # `부현식 삼성전자` is a name and a company, not a nickname
    if any(w.casefold() in NOT_NAME_WORDS or w.casefold() in TITLE_WORDS for w in words):
        return False
    if _HANGUL_WORD.fullmatch(text):
        return 2 <= len(text) <= 4 and text not in NOT_KOREAN_NAMES
    return all(w[:1].isalpha() for w in words) and not text.isdigit()

# Words of job titles: never part of a name (`Senior Staff Engineer` is no person).
TITLE_WORDS = frozenset("""
ceo cto cfo coo cio cso cpo cmo cvp svp evp vp avp gm chair chairman chairwoman chairperson
president founder co-founder cofounder director head lead leader fellow professor prof partner
scientist engineer engineers researcher manager officer advisor adviser architect evangelist
advocate consultant specialist analyst designer developer programmer staff senior sr junior jr
principal associate assistant distinguished emeritus technical chief executive managing vice
corporate division member members owner intern student organizer organiser maintainer
contributor committer author editor host moderator panelist speaker speakers presenter cofounder
product program programs global regional country general expert mvp gde champion ambassador
""".split())

# Given names common among speakers at international conferences: a bare two-word Latin name
# in a list or heading is only taken for a person when its first word is one of these.
FIRST_NAMES = frozenset("""
aaron adam adrian ahmed aidan aisha alan albert alberto alejandro alessandro alessio alex
alexander alexandra alexandre alexis ali alice alicia alison allison amanda amber amir amit amy
ana anand anders andre andrea andreas andrei andres andrew andy angela angelo anil anita ann anna
anne annie anthony anton antonio anurag arjun arnaud arun ashley  ben benjamin benoit
bernard beth bill blair bob bogdan brad bradley brandon brendan brent brett brian bridget bruce
bruno bryan cameron carl carla carlos carol caroline carolyn casey catherine cedric charles
charlie charlotte chen cheryl chris christian christin christina christine christoph christopher
claire clara claudia colin connor craig cristina dan dana daniel daniela danielle daniele danny
dario darren dave david dean deborah denis dennis derek diana diane diego dmitry dominic
dominik don donald doug douglas  dylan ed eddie edgar  edward elena eli elizabeth
ella ellen emily emma eric erica erik erin ethan eugene eva evan fabian fabio felipe felix
fernando filip florian frances francesca francesco francis francisco frank franz fred frederic
frederick gabriel gabriela gary gavin george georg gerard giles gina giovanni giulia giuseppe
glenn gordon grace graham greg gregory guillaume guillermo guy gwen hana hannah hans harry
heather hector helen henrik henry  hugo ian igor ilya ines ingrid isaac isabel isabella
ivan jack jacob jacqueline jake james jamie jan jane janet jared jasmine jason javier jay jean
jeff jeffrey jennifer jenny jens jeremy jerome jesse jessica jessie jim jimmy joan joanna joe
joel johan johannes john johnny jon jonas jonathan jordan jorge  jose joseph josh joshua
juan judith julia julian juliana julie julien justin kai karen karl kasper kat kate katherine
kathryn katie kay keith kelly kelsey ken kenneth kevin kim kirsten klaus krishna kristin
kurt kyle lachlan lana lara larry laura lauren laurent lee leigh leo leon leonardo liam
lily linda lisa liz lori louis lucas lucia luis luke lynn maja malte manuel marc marcel marco
marcus marcy margaret maria mariana marie marina mario  mark marta martin mary mateo
mathias matt matteo matthew matthias matthieu mauricio max maxime maya megan mehdi melissa
michael michal michel michelle miguel mike mikhail milan miriam mohamed mohammed monica morgan
myles nadia nancy naomi nat natalia natalie nathan neil nicholas nick nicola nicolas nicole
niels nikhil nikita nikolai nina noah noel olga oliver olivia omar oscar pablo pamela paolo
pascal pat patrick paul paula pavel pedro per peter petr philip philipp philippe pierre pradeep
priya priyanka  rachel rafael rahul raj rajesh ralph ramon ran randy raphael raul ravi ray
raymond rebecca reginald rey ricardo richard rick  rita rob robert  roberto robin
rodrigo roger roland roman ron ronald rory rose ross ruben russell ruth ryan sachin sally sam
samantha samuel sandra sara sarah sascha scott sean sebastian sebastien  sergey sergio
seth  shane shannon sharon shawn  simon simone sofia sonia sophia sophie stefan
stefano steffen stephan stephanie stephen steve steven  susan susanna suzanne sven tanya
tara ted teresa thomas tiago tim timothy tina tobias todd tom tomas tomasz tony tracy travis
tyler ty uwe valentina vanessa victor victoria vijay vikram vincent virginia vivek vlad
vladimir walter wayne wei wendy will william wolfgang xavier yan yang  yuki yuri yves
zach zachary zack zoe
abby abigail adele agnes alina alyssa amelia angelica anika annika ariel audrey austin barbara
becky beatrice betty bianca blake bonnie brenda brianna brittany brooke caitlin calvin carmen
carter cecilia chad charlene chelsea chloe christa cindy cody colleen courtney crystal cynthia
daisy dale damian damien darius dawn deepak derrick devin dolores donna dora doris dustin edith
eileen elaine elias elijah elise eliza ellie emil emilia emilio emmanuel erika esther evelyn ezra
fatima felicia fiona franziska freya gareth gerald gloria greta gustavo hailey harold harriet
hazel heidi helena holly irene iris isaiah jackie janice jasper jenna jerry jill joanne jocelyn
joyce julio kara karina kasia katarina kathleen katrina kayla keira kendra kerri kerry kimberly
kristen kristina leah leila leslie lindsay lindsey logan lorenzo lorraine louise lucy lydia
madeline madison mae marcia margo marian marianne marisa marissa marjorie marla marlene marja
martha maureen maxwell melanie melinda meredith mia milena miranda molly nadine natasha nate
nora norman oskar owen paige patricia penelope perry phoebe quinn rachael regina renee riley
roberta robyn rosa roxanne sabrina sadie sasha selena serena sheila shelby sherry shirley
silvia sonja stacey stacy stella sydney sylvia tamara tammy tanja taylor terri terry tess thea
theresa tiffany toby trevor valerie vera veronica vicky viktor vivian whitney yasmin yvonne
anjana arvind deepa divya kavya lakshmi meera neha pooja rohan sanjay shreya sunil vinay
akira hiroshi kenji takeshi yusuke satoshi haruka yuko
""".split())


def has_known_first_name(text: str) -> bool:
    """A Latin name whose first word is a common given name (`Kyle Tyacke`, not `Ground
    Truth`): enough, where the place alone does not say it is a person."""
    words = _nfc(text).split()
    return is_latin_name(text) and bool(words) and words[0].casefold().strip(".") in FIRST_NAMES
