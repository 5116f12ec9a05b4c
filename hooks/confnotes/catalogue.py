"""Recurring tech conferences Confnotes knows by name, and finding them in a title or a line.

Notes name their event the way people say it: `Deview2017 2일차 후기`, `[컨퍼런스] if(kakaoAI)2024`,
`NAVER DEVIEW 2023`, `토스ㅣSLASH 22`, `2023 INFCON`, a folder `deveiw2015`. Text is cut into
tokens (letters, digits and Hangul apart, punctuation dropped), runs of one to four tokens are
looked up among every series' spellings, a spelling off by one letter is found through its
one-letter deletions (the look-alike index names.py uses for people), and the year written next
to the name makes the edition. A registry entry with the same name always wins over this table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .names import deletions


@dataclass(frozen=True)
class Series:
    """A conference held again and again: its id, the name it goes by, its other spellings."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    short_years: bool = False     # editions written `SLASH 22`, `NHN FORWARD 22`
    bare: bool = True             # the name alone, without a year, is safe to read as the event


# (id, name, other spellings...). Korean first, then international; one line each.
_TABLE: tuple[tuple[str, str, str], ...] = (
    ("deview", "DEVIEW", "naver deview|네이버 데뷰|데뷰|deview"),
    ("ifkakao", "if(kakao)", "ifkakao|if kakao|if(kakaoAI)|ifkakaoai|if(kakao)dev|ifkakaodev|"
                             "이프카카오|이프 카카오"),
    ("feconf", "FEConf", "fe conf|feconf korea|에프이콘프"),
    ("pycon-korea", "PyCon Korea", "pycon kr|pyconkr|pycon.kr|pycon korea|파이콘 한국|파이콘한국|"
                                   "파이콘 코리아|파이콘"),
    ("pycon", "PyCon", ""),
    ("ndc", "NDC", "nexon developers conference|넥슨 개발자 컨퍼런스|넥슨 개발자 콘퍼런스"),
    ("aws-summit-seoul", "AWS Summit Seoul", "aws summit korea|aws 서밋 서울|aws 서밋"),
    ("aws-summit", "AWS Summit", ""),
    ("sk-ai-summit", "SK AI Summit", "sk ai 서밋"),
    ("nhn-forward", "NHN FORWARD", "nhnforward|nhn 포워드|toast forward|토스트 포워드"),
    ("infcon", "INFCON", "인프콘|inflearn conference|인프런 컨퍼런스"),
    ("slash", "SLASH", "toss slash|토스 slash|토스 슬래시|토스슬래시"),
    ("woowa-tech-seminar", "우아한테크세미나", "우아한 테크 세미나|우아한 테크세미나|우테세|"
                                              "woowa tech seminar"),
    ("woowacon", "우아콘", "woowacon|woowa con"),
    ("kakao-tech-meet", "kakao tech meet", "카카오 테크 밋|카카오테크밋|카카오 tech meet"),
    ("soscon", "SOSCON", "samsung open source conference|삼성 오픈소스 컨퍼런스|"
                         "삼성 오픈소스 콘퍼런스"),
    ("playnode", "play.node", "playnode|플레이노드|플레이 노드"),
    ("emocon", "EMOCON", "이모콘"),
    ("awskrug", "AWSKRUG", "aws korea user group|aws 한국 사용자 모임|aws kr ug|awskr"),
    ("line-dev-day", "LINE DEVELOPER DAY", "line dev day|line devday|라인 개발자 데이"),
    ("naver-engineering-day", "NAVER ENGINEERING DAY", "네이버 엔지니어링 데이"),
    ("droidknights", "Droid Knights", "droidknights|드로이드나이츠|드로이드 나이츠"),
    ("letswift", "Let'Swift", "letswift|let swift|렛츠스위프트"),
    ("spring-camp", "Spring Camp", "springcamp|스프링캠프|스프링 캠프"),
    ("gophercon-korea", "GopherCon Korea", "gophercon kr|고퍼콘 코리아|고퍼콘"),
    ("jsconf-korea", "JSConf Korea", "jsconf kr|jsconf.kr"),
    ("openinfra-days-korea", "OpenInfra Days Korea", "openstack days korea|오픈인프라 데이|"
                                                     "오픈스택 데이즈 코리아"),
    ("kcd-korea", "KCD Korea", "kubernetes community day korea|kubernetes community days korea"),
    ("devfest", "DevFest", "gdg devfest|데브페스트|데브 페스트"),
    ("google-io-extended", "Google I/O Extended", "io extended|i/o extended|google io extended|"
                                                  "구글 io 익스텐디드|ioe"),
    ("google-io", "Google I/O", "google io|구글 io|구글 i/o"),
    ("sk-tech-summit", "SK Tech Summit", "sk 테크 서밋|sktechsummit"),
    ("krnet", "KRnet", ""),
    ("droidkaigi", "DroidKaigi", "droid kaigi"),
    ("devground", "데브그라운드", "dev ground|devground|데브 그라운드"),
    ("kubecon", "KubeCon", "kubecon cloudnativecon|cloudnativecon|쿠버콘"),
    ("jsconf", "JSConf", "js conf"),
    ("reinvent", "AWS re:Invent", "re:invent|reinvent|aws reinvent|리인벤트"),
    ("wwdc", "WWDC", "apple wwdc"),
    ("gdc", "GDC", "game developers conference"),
    ("gtc", "NVIDIA GTC", "nvidia gtc|gtc"),
    ("data-ai-summit", "Data + AI Summit", "data ai summit|dais|spark summit|spark ai summit"),
    ("ms-build", "Microsoft Build", "ms build"),
    ("ms-ignite", "Microsoft Ignite", "ignite"),
    ("google-cloud-next", "Google Cloud Next", "cloud next|gcp next"),
    ("springone", "SpringOne", "spring one|springone platform"),
    ("dockercon", "DockerCon", "docker con"),
    ("hashiconf", "HashiConf", "hashi conf"),
    ("srecon", "SREcon", "sre con"),
    ("qcon", "QCon", ""),
    ("devoxx", "Devoxx", ""),
    ("fosdem", "FOSDEM", ""),
    ("europython", "EuroPython", "euro python"),
    ("pycon-us", "PyCon US", "pycon usa"),
    ("pydata", "PyData", "pydata conference"),
    ("react-conf", "React Conf", "reactconf"),
    ("vueconf", "VueConf", "vue conf|vue.js conf"),
    ("nodeconf", "NodeConf", "node conf"),
    ("rustconf", "RustConf", "rust conf"),
    ("kotlinconf", "KotlinConf", "kotlin conf"),
    ("rubykaigi", "RubyKaigi", "ruby kaigi"),
    ("rubyconf", "RubyConf", "ruby conf"),
    ("railsconf", "RailsConf", "rails conf"),
    ("gophercon", "GopherCon", "gopher con"),
    ("strange-loop", "Strange Loop", "strangeloop"),
    ("full-stack-fest", "Full Stack Fest", "fullstackfest|full stack festival"),
    ("web-summit", "Web Summit", "websummit"),
    ("neurips", "NeurIPS", "nips"),
    ("icml", "ICML", ""),
    ("cvpr", "CVPR", ""),
    ("siggraph", "SIGGRAPH", ""),
    ("ces", "CES", "consumer electronics show"),
    ("mwc", "MWC", "mobile world congress"),
)
_SHORT_YEARS = frozenset({"slash", "nhn-forward", "feconf", "woowacon", "infcon", "devfest",
                          "deview", "ifkakao", "ndc"})
# Words that are also everyday words: only an edition (a year beside them) makes them events.
_NOT_BARE = frozenset({"slash", "ignite", "gtc", "dais", "pydata", "qcon", "ces", "mwc", "gdc",
                       "wwdc", "icml", "cvpr", "ndc", "reinvent"})

SERIES: dict[str, Series] = {
    ident: Series(ident, name, tuple(a for a in aliases.split("|") if a),
                  ident in _SHORT_YEARS, ident not in _NOT_BARE)
    for ident, name, aliases in _TABLE
}

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[가-힣]+")
_MAX_WORDS = 4
FUZZY_MIN = 6   # spellings this long are found one letter off (`deveiw`, `awskrus`)


def fold(text: str) -> str:
    """A spelling as the index keeps it: lower case, letters, digits and Hangul only."""
    return "".join(_TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))


def _build() -> tuple[dict[str, str], dict[str, set[str]]]:
    exact: dict[str, str] = {}
    near: dict[str, set[str]] = {}
    for series in SERIES.values():
        for spelling in (series.name, series.id.replace("-", " "), *series.aliases):
            k = fold(spelling)
            if not k:
                continue
            exact.setdefault(k, series.id)
            if len(k) >= FUZZY_MIN and not k.isdigit():
                for variant in set(deletions(k)):
                    near.setdefault(variant, set()).add(series.id)
    return exact, near


_EXACT, _NEAR = _build()


# Names that mean the Korean edition in a note written in Korean.
KOREAN_EDITION = {"pycon": "pycon-korea", "aws-summit": "aws-summit-seoul"}


@dataclass(frozen=True)
class Mention:
    """A series named in a text, with the edition written beside it."""

    series: Series
    year: int | None
    number: int | None        # `제1회`, `#3`: an edition counted rather than dated
    qualifier: str           # words between the name and the year: `Europe`, `S/S`, `Seoul`
    start: int               # character span of the mention in the text
    end: int
    written: str = ""        # the series' name as the text spells it: `Deview`, `DEVGROUND`

    @property
    def name(self) -> str:
        """The edition's name: `DEVIEW 2015`, `KubeCon Europe 2023`, `제1회 kakao tech meet`."""
        parts = [self.series.name, self.qualifier, str(self.year) if self.year else ""]
        name = " ".join(p for p in parts if p)
        return f"제{self.number}회 {name}" if self.number and not self.year else name


@dataclass(frozen=True)
class _Token:
    text: str
    folded: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    text = unicodedata.normalize("NFKC", text)
    return [_Token(m.group(), m.group().casefold(), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def find_series(text: str, fuzzy: bool = True) -> list[Mention]:
    """Every series named in `text`, in order, each once at its first place; a mention with a
    year beside it wins over a bare one of the same series."""
    tokens = _tokens(text[:2000])
    found: dict[str, Mention] = {}
    i = 0
    while i < len(tokens):
        hit = _match_at(tokens, i, fuzzy)
        if hit is None:
            i += 1
            continue
        series, end = hit
        mention = _edition(text, tokens, i, end, series)
        if series.id not in found or (found[series.id].year is None and mention.year):
            found[series.id] = mention
        i = end
    return sorted(found.values(), key=lambda m: m.start)


def _match_at(tokens: list[_Token], i: int, fuzzy: bool) -> tuple[Series, int] | None:
    for width in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
        run = tokens[i:i + width]
        if run[0].folded.isdigit():
            return None
        k = "".join(t.folded for t in run)
        ident = _EXACT.get(k)
        if ident is None and width == 1 and fuzzy and len(k) >= FUZZY_MIN:
            close = {s for v in deletions(k) for s in _NEAR.get(v, ())}
            close = {s for s in close if fold(SERIES[s].name)[:1] == k[:1]}
            ident = next(iter(close)) if len(close) == 1 else None
        if ident is not None:
            return SERIES[ident], i + width
    return None


_QUALIFIER_STOP = frozenset("후기 참관기 리뷰 review recap day 일차 세션 session keynote 키노트 "
                            "참석 다녀온 다녀와서 정리 is was the and in at".split())


def _edition(text: str, tokens: list[_Token], start: int, end: int, series: Series) -> Mention:
    """The year (or number) written beside a series' name: after it, within two words, or
    just before it (`2023 INFCON`)."""
    year: int | None = None
    qualifier_end = end
    slug = text.islower()           # `kubecon-europe-2019-notes`: every word is lower case
    for j in range(end, min(end + 3, len(tokens))):
        token = tokens[j]
        if token.folded.isdigit():
            # `SLASH 22` for series that write years so; `'19`; `kubecon22`, glued to the name.
            before = text[token.start - 1:token.start]
            year = _year(token.folded, series.short_years or before in ("'", "’") or (
                j == end and before.isalpha()))
            if year is not None:
                qualifier_end = j
            break
        if token.folded in _QUALIFIER_STOP or len(token.folded) > 12 or (
                token.text.islower() and token.text.isascii() and not slug):
            break
    if year is None:
        qualifier_end = end
        if start > 0 and tokens[start - 1].folded.isdigit():
            year = _year(tokens[start - 1].folded, False)
    qualifier = ""
    if qualifier_end > end:
        qualifier = text[tokens[end].start:tokens[qualifier_end - 1].end].strip()
        if slug:
            qualifier = " ".join(w.capitalize() for w in re.split(r"[-_\s]+", qualifier))
    number = None
    before = text[max(0, tokens[start].start - 8):tokens[start].start]
    if m := re.search(r"제\s?(\d{1,3})\s?회\s?$", before):
        number = int(m.group(1))
    return Mention(series, year, number, qualifier, tokens[start].start,
                   tokens[qualifier_end].end if year is not None and qualifier_end < len(tokens)
                   and qualifier_end >= end else tokens[end - 1].end,
                   unicodedata.normalize("NFKC", text)[tokens[start].start:tokens[end - 1].end])


def _year(digits: str, short: bool) -> int | None:
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return int(digits)
    if len(digits) == 2 and short:
        return 2000 + int(digits)
    return None
