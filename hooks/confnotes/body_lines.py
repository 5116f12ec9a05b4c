"""The state of one scan over a note's body and the readers of its lines that are not headings:
talk lines, lists of people, tables with a speaker column."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .body_shapes import (
    EMOJI_ITEM,
    HEADING_LABELS,
    INLINE,
    LABELS,
    LINE_LIMIT,
    LINK_BY_END,
    LINK_FROM,
    LINK_LINE,
    LINK_START,
    LIST_ITEM,
    NAME_COLUMNS,
    NUMBER,
    SETEXT,
    SPEAKER_COLUMNS,
    SPEAKER_LINE_REACH,
    TIME_PREFIX,
    TITLE_COLUMNS,
    Appearance,
    BodyTalk,
    Heading,
    atx,
    bold_text,
    plain,
    talk_title,
)
from .bylines import (
    META_TITLE,
    heading_people,
    label_people,
    label_value,
    name_then_title,
    schedule_talk,
    split_attrs,
    table_cells,
)
from .name_shapes import has_known_first_name, is_korean_name, is_name
from .names import clean, key
from .people import (
    PersonRef,
    Role,
    people_at,
    read_affiliation,
    read_person,
    split_list,
)


@dataclass
class Scan:
    """The state of one scan: what the lines read so far have set up."""

    first_line: int
    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    talks: list[BodyTalk] = field(default_factory=list)
    by_title: dict[str, BodyTalk] = field(default_factory=dict)
    stack: list[Heading] = field(default_factory=list)      # open headings, outermost first
    last_heading: Heading | None = None
    since_heading = 0
    current: BodyTalk | None = None
    own_section: int | None = None     # depth of a note-taker's section heading we are in
    people_section: Heading | None = None
    people_section_count = 0
    first_item_open = False            # the next content line may be the speaker
    # The indent of a list item read as a speaker over notes of their talk, under the
    # current heading: its siblings of the same shape are speakers too.
    speaker_items: int | None = None
    # A list item under a heading read as its speaker: its indent and talk, so that the
    # items after it are read as that talk's other speakers while they begin with a name.
    item_siblings: tuple[int, BodyTalk, bool] | None = None    # (indent, talk, linked)
    # Where the last speaker component ended and its talk: one right after it shares it.
    component_talk: tuple[int, BodyTalk] | None = None
    # Plain lines right under talk headings that could be their speakers (`katie barnett`).
    name_lines: list[tuple[Heading, Appearance]] = field(default_factory=list)
    # How many talks at each heading depth had their speaker on the first line below.
    first_lines: dict[int, int] = field(default_factory=dict)
    lightning: bool = False            # under a `Lightning talks` heading: each item a talk
    # List items `Lin Example - A Cartoon Intro` whose name the reader does not know, and how
    # many items of that shape named someone it does.
    name_items: list[tuple[int, str, PersonRef]] = field(default_factory=list)
    named_items = 0
    # Headings `Name - Title` whose name has no given name the reader knows, and how many
    # headings of that shape at each depth had one.
    name_headings: list[tuple[Heading, str, list[PersonRef]]] = field(default_factory=list)
    named_headings: dict[int, int] = field(default_factory=dict)
    # Headings `Title - Name (Company)` whose name the reader does not know, and how many of
    # that shape at each depth named someone it does.
    title_headings: list[tuple[Heading, str, list[PersonRef]]] = field(default_factory=list)
    titled_headings: dict[int, int] = field(default_factory=dict)
    speaker_lines: list[int] = field(default_factory=list)
    people_run: PeopleRun | None = None    # the last run of person items read (_people_list)

    def file_line(self, i: int) -> int:
        return self.first_line + i

    def open_heading(self, heading: Heading) -> None:
        while self.stack and self.stack[-1].depth >= heading.depth:
            self.stack.pop()
        self.stack.append(heading)
        self.headings.append(heading)
        if self.own_section is not None and heading.depth <= self.own_section:
            self.own_section = None
        self.people_section = None
        self.speaker_items = None
        self.item_siblings = None
        self.lightning = False

    def talk_at(self, heading: Heading, title: str | None = None, extra_key: str = "") -> BodyTalk:
        title = talk_title(heading.text) if title is None else title
        k = key(title) + extra_key
        existing = self.by_title.get(k)
        if existing is not None:
            # The same talk listed again (an overview, then its own section): one talk, at
            # its own section, which comes later.
            existing.heading = heading
            return existing
        talk = BodyTalk(title=title, heading=heading)
        self.by_title[k] = talk
        self.talks.append(talk)
        return talk

    def talk_titled(self, title: str) -> BodyTalk:
        """The talk of this title that has no heading of its own, made at its first mention."""
        talk = self.by_title.get(key(title))
        if talk is None:
            talk = BodyTalk(title=title, heading=None)
            self.by_title[key(title)] = talk
            self.talks.append(talk)
        return talk

    def talk_for_line(self) -> BodyTalk:
        """The talk a speaker line belongs to: the heading just above it, else the note."""
        heading = self.last_heading
        if heading is not None and self.since_heading <= SPEAKER_LINE_REACH and (
                self.current is None or self.current.heading is not heading):
            self.current = self.talk_at(heading)
        elif self.current is None:
            self.current = BodyTalk(title="", heading=None)
            self.talks.append(self.current)
        return self.current

    def enclosing_talk(self, below: Heading) -> BodyTalk:
        """The talk a `## 발표자` section belongs to: the heading it sits under, or the note."""
        parents = [h for h in self.stack if h.depth < below.depth and h is not below]
        if parents:
            for talk in self.talks:
                if talk.heading is parents[-1]:
                    return talk
            return self.talk_at(parents[-1])
        for talk in self.talks:
            if talk.heading is None:
                return talk
        talk = BodyTalk(title="", heading=None)
        self.talks.append(talk)
        return talk


def bare(text: str) -> str:
    """A heading's words without numbers, emoji and punctuation, for matching section names."""
    return re.sub(r"[^\w&]+", " ", NUMBER.sub("", text)).strip()


# How a sentence ends, in Korean or English: `...했다.`, `...좋아요`, `...설치함`, `... it.`
_SENTENCE = re.compile(r"(?:[다요음함됨죠네](?:\.|!|\?)?|[a-z]{2}[.!?])\s*$")
# What sets a speaker apart from a title on one line: brackets, ` / `, a dash, a colon, quotes.
_MARKED = re.compile(r"[(（]|\s/\s|\s[-–—]+\s|[:：]\s|\sby\s|['‘“`]")
_QUOTED_TITLE = re.compile(r"\s*[“\"‘'](.{2,200})[”\"’']\s*[-–—]+\s*(\S.{1,120})$")


def standalone(lines: list[str], i: int) -> bool:
    """A line that is a paragraph of its own (blank above and below), or a line followed by
    the address of its video (`“Title” - Name` then `https://youtube...`)."""
    below = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if _BARE_ADDRESS.fullmatch(below):
        return True
    return (i == 0 or not lines[i - 1].strip()) and not below


_BARE_ADDRESS = re.compile(r"<?https?://\S{1,800}>?")


def bracketed_label(line: str) -> tuple[str, list[PersonRef]] | None:
    """`Title (발표자 : 용찬호)`, `토론 (사회자: 문도경)`: the text before the brackets and the
    people the label names, in the label's role; a date before (`[2019. 09. 03]`) and links to
    material after are left out."""
    if not (("(" in line or "（" in line) and (":" in line or "：" in line)):
        return None
    m = _BRACKETED_LABEL.match(plain(_MATERIAL_LINKS_END.sub("", _DATE_PREFIX.sub("", line,
                                                                                  count=1))))
    if m is None or m.group(2).casefold() not in HEADING_LABELS:
        return None
    people = label_people(m.group(3))
    if not people:
        return None
    role = LABELS.get(m.group(2).casefold(), "speaker")
    return m.group(1), [replace(p, role=p.role or role) for p in people]


def paragraph_talk(line: str) -> tuple[str, list[PersonRef]] | None:
    """A line that is a talk: `“The World Set Free” - Jane Roe`, `Pat Allan - Title`,
    `쿠버네티스 운영기 (발표자: 김민수)`."""
    if len(line) > 300:
        return None
    if (labelled := bracketed_label(line)) is not None and not _SENTENCE.search(labelled[0]):
        return labelled
    text = plain(line.strip())
    if m := _QUOTED_TITLE.match(text):
        people = [p for p in (read_person(x) for x in split_list(m.group(2))) if p]
        if people and all(is_name(p.name) for p in people):
            return clean(m.group(1)), people
        return None
    head, sep, rest = text.partition(" - ")
    if sep and rest and len(head) <= 40 and (who := read_person(head)) is not None and (
            key(who.name) == key(head)) and (
            is_korean_name(who.name) or has_known_first_name(who.name)):
        return clean(rest.split(" (")[0]), [who]
    return None


_LINK_END = re.compile(r"\[([^\[\]\n]{3,300})\]\([^()\s]{1,800}\)[\s.]*$")


# A link anywhere in a line whose text is a schedule's: `[Title - Name, Company; ...](...)`.
_ANY_LINK = re.compile(r"\[([^\[\]\n]{3,300})\]\([^()\s]{1,800}\)")


def _schedule_link(line: str) -> re.Match[str] | None:
    """A link anywhere in the line whose text reads like a schedule's: a dash, then a comma."""
    for m in _ANY_LINK.finditer(line):
        text = m.group(1)
        if " - " in text and "," in text[text.index(" - "):]:
            return m
    return None


def talk_line(state: Scan, lines: list[str], i: int) -> int:
    """A line that is a talk with its speaker: a list item or programme line
    (`- Title (Name)`, `[13:00] Title (Name - Company)`, `- Name(Company) / Title`), a link
    whose text is one (`🌳 [Title - Name, Company](...)`); or a list of people
    (`- 회사 CEO 홍길동님`, each item a person with a title or `님`)."""
    line = lines[i]
    if len(line) > LINE_LIMIT:
        return 0
    used = 1
    if (m := LINK_FROM.match(line)) and (people := people_at(plain(m.group(2)), loose=True)):
        found: tuple[str, list[PersonRef], bool] | None = (plain(m.group(1)), people, False)
    elif (m := LINK_BY_END.search(line)) and (who := read_person(plain(m.group(1)))):
        opening = line.rfind("[", 0, m.start())
        if opening < 0 and i > 0 and "[" in lines[i - 1]:   # the link's text began above
            title = lines[i - 1][lines[i - 1].rfind("[") + 1:] + " " + line[:m.start()]
        else:
            title = line[opening + 1:m.start()]
        found = (plain(title), [who], False)
    elif link := LINK_LINE.match(line) or LINK_START.match(line):
        found = heading_people(plain(link.group(1)), person=False) or schedule_talk(
            plain(link.group(1)))
        if link.re is LINK_START and (found is None or not found[0]):
            # `[송현지@예시랩](https://...)님 - [제목](...)`: the item as a whole says more.
            item = LIST_ITEM.match(line)
            text = plain(line[item.end():] if item else line)
            whole = heading_people(text, person=False) if len(text) <= 300 else None
            if whole is not None and whole[0]:
                found = whole
            elif found is None:
                return 0
    elif (end := _LINK_END.search(line) or _schedule_link(line)) and (
            " - " in end.group(1)):
        # A paragraph about a talk with its recording, named as schedules do:
        # `... [Keeping It Simple - Liz Example, Isovalent](https://youtu.be/...)`.
        found = heading_people(plain(end.group(1)), person=False) or schedule_talk(
            plain(end.group(1)))
        if found is None or not found[0] or not all(is_name(p.name) for p in found[1]):
            return 0
    elif (labelled := bracketed_label(line)) is not None:
        # `[2019. 09. 03] 밋업 발표 (발표자 : 용찬호) [발표자료 링크](...)`: the label says it, in a
        # list item or a line of its own.
        found = (labelled[0], labelled[1], False)
    else:
        m = TIME_PREFIX.match(line) or LIST_ITEM.match(line) or EMOJI_ITEM.match(line)
        if m and (rest := _continued(lines, i)):
            line, used = line + " " + rest, 2
        if not m or (_SENTENCE.search(line) and not _MARKED.search(line)):
            return 0            # a point made in a sentence is no talk or person
        rest = line[m.end():]
        if bold := _BOLD_THEN_LINKS.match(rest):
            rest = bold.group(1)    # `**제목 (이름, 소속)** [실습자료](...)`: the bold part says it
        elif (material := _MATERIAL_LINKS_END.search(rest)) and material.start() > 0:
            rest = rest[:material.start()]  # `Title by Name [Youtube](...)`
        # A title in backticks (`신다인: `제목``) keeps its quotes for _people_first; a name
        # in backticks as a link's text (`[`홍은비`]()`) is the name.
        rest = _CODE_LINK_TEXT.sub(r"[\1]", rest)
        text = plain(rest.replace("`", "'"))
        if _ATTRIBUTION.match(text):
            return 0            # `"Culture eats strategy for breakfast" -- Peter Example`
        found = heading_people(text, person=False) if text else None
        if found is None and (linked := _TITLE_LINKED_NAME.match(rest)) and (
                is_korean_name(name := clean(linked.group(2))) or has_known_first_name(name)):
            # `제목 [염지원](https://...) | AWS`: the title, then its speaker's profile
            found = (plain(linked.group(1)), [PersonRef(name, clean(linked.group(3)) or None)],
                     False)
        elif found is None and (profile := _TITLE_PROFILE.match(rest)) and (
                person := read_person(plain(profile.group(2)))) is not None and (
                is_korean_name(person.name) or has_known_first_name(person.name) or (
                    "linkedin.com/in/" in profile.group(0) and is_name(person.name))):
            # `Title - [Ivy Lin](https://www.linkedin.com/in/...)`: a profile says "person"
            found = (plain(profile.group(1)), [person], False)
        if found is None:
            if text and (shape := name_then_title(text)) is not None:
                state.name_items.append((i, shape[0], shape[1]))
        elif found[0] and found[1] and text.startswith(found[1][0].name):
            state.named_items += 1          # `Rachel Example (@r) - Keep the Internet Weird`
    if found is not None:
        title, people, _ = found
        title = talk_title(title)
        if not title or len(title) < 2 or META_TITLE.fullmatch(title):
            return 0
        talk = state.talk_titled(title)
        add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(i)) for p in people])
        return i + used
    return _people_list(state, lines, i)


# Links to a talk's material at the end of its line: `[Youtube](...)`, `[발표자료 링크](...)`.
_MATERIAL_LINKS_END = re.compile(
    r"(?:[\s,·|/]*\[[^\[\]\n]{0,20}?(?:youtube|유튜브|video|영상|slides?|슬라이드|자료|링크|link|pdf|"
    r"recording|녹화|사진)[^\[\]\n]{0,20}\]\([^()\s]{0,800}\))+\s*$", re.IGNORECASE)
# A talk's line with its speaker in brackets after a label: `Title (발표자 : 용찬호)`.
_BRACKETED_LABEL = re.compile(r"(?:[-*+]\s+|\d{1,3}[.)]\s+)?(\S.{1,200}?)\s*[(（]\s*"
                              r"([^\W\d]{2,10})\s?[:：]\s*([^()（）:：]{2,80})[)）]\s*$")
_DATE_PREFIX = re.compile(r"\s*\[\s*(?:19|20)\d{2}[.\-/ \d~]{2,20}\]\s*")
_TITLE_LINKED_NAME = re.compile(r"\s*(\S.{1,200}?)\s+\[([^\[\]\n]{2,40})\]\([^()\s]{0,800}\)"
                                r"\s*\|\s*([^|\[\]\n]{1,60})$")
# `Title - [Name](profile)`: a person's own page (one path segment), not a repository's.
_TITLE_PROFILE = re.compile(r"\s*(\S.{1,200}?)\s+[-–—]\s+\[([^\[\]\n]{2,60})\]\(https?://(?:www\.)?"
                            r"(?:linkedin\.com/in/|github\.com/|twitter\.com/|x\.com/|"
                            r"facebook\.com/)[\w.-]{1,100}/?\)\s*$")
_CODE_LINK_TEXT = re.compile(r"\[`([^`\[\]\n]{1,120})`\]")
# A bold item followed only by links to its material.
_BOLD_THEN_LINKS = re.compile(r"\*\*([^*\n]{2,300})\*\*"
                              r"(?:[\s,·|/]*\[[^\[\]\n]{0,300}\]\([^()\s]{0,800}\))+\s*$")


def _continued(lines: list[str], i: int) -> str:
    """The next line when it carries on an item that a quote, a bracket or a link leaves
    open (`- <a href=...>이일민 '클린 스프링: 스프링 개발자를 위한` / `  전략'</a>`); else ""."""
    line = lines[i]
    following = lines[i + 1] if i + 1 < len(lines) else ""
    if not following[:1].isspace() or not following.strip() or len(following) > 300 or (
            LIST_ITEM.match(following)):
        return ""
    if line.count("'") % 2 or line.count("(") > line.count(")") or line.count(
            "[") > line.count("]") or ("<a " in line and "</a>" not in line):
        return following.strip()
    return ""


@dataclass
class PeopleRun:
    """List items in a row that each read as a person with a title or `님`, read once: a run
    that names too few known people is asked again from each of its lines."""

    start: int
    end: int                                        # the first line after the run
    people: list[Appearance] = field(default_factory=list)
    known: list[int] = field(default_factory=list)  # known people from each item to the end
    honorific: list[bool] = field(default_factory=list)  # each item a Korean name with `님`


def _people_run(state: Scan, lines: list[str], i: int) -> PeopleRun:
    run = PeopleRun(i, i)
    while run.end < len(lines) and len(lines[run.end]) <= 200 and (
            m := LIST_ITEM.match(lines[run.end])):
        if _SENTENCE.search(lines[run.end]):
            break
        raw = plain(lines[run.end][m.end():])
        person = read_person(raw)
        if person is None or not (person.title or person.affiliation or "님" in raw):
            break
        run.honorific.append("님" in raw and is_korean_name(person.name))
        run.known.append(int(is_korean_name(person.name) or has_known_first_name(person.name)))
        run.people.append(Appearance(person, person.role or "speaker", state.file_line(run.end)))
        run.end += 1
    for k in range(len(run.known) - 2, -1, -1):
        run.known[k] += run.known[k + 1]
    return run


def _people_list(state: Scan, lines: list[str], i: int) -> int:
    """Two or more list items in a row that are each a person with a title or `님`
    (`- 네이버 클라우드 CEO 김유원님`): the people of the talk above."""
    run = state.people_run
    if run is None or not run.start <= i <= run.end:
        run = state.people_run = _people_run(state, lines, i)
    k = i - run.start
    count = run.end - i
    known = run.known[k] if count else 0
    if count >= 2 and known * 2 >= count:
        add_people(state.talk_for_line(), run.people[k:])
        return run.end
    # One person at the top of a list whose own items are notes of their talk:
    # `* Kelsey Hightower - Staff Dev Advocate, Google` then indented points.
    # Its siblings, once one such item was read: `* Chen Goldberg - Eng Dir, Google`.
    # `* 유정열님` over `  * [AWS CLI v2 알아보기](...)`: the item below is the talk's title.
    indent = len(lines[i]) - len(lines[i].lstrip())
    first = run.people[k] if count else None
    honorific = bool(count) and run.honorific[k]
    if first is not None and count == 1 and _nested_below(lines, i) and (
            (first.person.title and known) or honorific or (
                state.speaker_items == indent and is_name(first.person.name))):
        state.speaker_items = indent
        parent = state.stack[-1] if state.stack else None
        title = talk_title(parent.text) if parent is not None else ""
        if honorific and (below := _item_title(lines[i + 1])):
            title = below
        talk = BodyTalk(title=title, heading=None)
        state.talks.append(talk)
        add_people(talk, [first])
        return i + 1
    return 0


def _item_title(line: str) -> str:
    """A list item's text as a talk's title, when it reads as one; else ""."""
    m = LIST_ITEM.match(line)
    text = plain(line[m.end():]) if m else ""
    if not 2 <= len(text) <= 120 or _SENTENCE.search(line) or label_value(line) is not None:
        return ""
    return talk_title(text)


def _nested_below(lines: list[str], i: int) -> bool:
    """Whether the list item at `i` has indented items of its own."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(LIST_ITEM.match(following)) and (
        len(following) - len(following.lstrip()) > indent)


def talk_above(state: Scan, previous: str, i: int) -> BodyTalk:
    """The talk a by-line names: the title line just above it (`(1) Title`), else the
    heading above."""
    text = plain(previous.strip()) if previous else ""
    if text and NUMBER.match(previous) and len(text) <= 200 and atx(previous) is None:
        title = talk_title(text)
        existing = state.by_title.get(key(title))
        if existing is not None:
            return existing
        talk = BodyTalk(title=title, heading=None)
        state.by_title[key(title)] = talk
        state.talks.append(talk)
        state.current = talk
        return talk
    return state.talk_for_line()


def read_table(state: Scan, lines: list[str], i: int) -> int:
    """A table with a speaker column: each row a talk (its title column) and its speakers.
    The index after the table, or 0 when the table has no speaker column."""
    header = [plain(c).casefold() for c in table_cells(lines[i])]
    speaker_col = next((n for n, c in enumerate(header) if c in SPEAKER_COLUMNS), None)
    title_col = None if speaker_col is None else next(
        (n for n, c in enumerate(header) if c in TITLE_COLUMNS and n != speaker_col), None)
    if speaker_col is None or (title_col is None and header[speaker_col] in NAME_COLUMNS):
        # A column of names beside no talk is a list of people (who signed up, who paid),
        # not of speakers.
        return _talk_cells(state, lines, i)
    end = i + 2
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        cells = table_cells(lines[end])
        if speaker_col < len(cells) and len(lines[end]) <= LINE_LIMIT:
            people = people_at(plain(cells[speaker_col]), loose=True)
            if people:
                title = plain(cells[title_col]) if title_col is not None and title_col < len(
                    cells) else ""
                if title:
                    talk = state.by_title.get(key(title))
                    if talk is None:
                        talk = BodyTalk(title=talk_title(title), heading=None)
                        state.by_title[key(title)] = talk
                        state.talks.append(talk)
                else:
                    talk = state.talk_for_line()
                add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(end))
                                   for p in people])
        end += 1
    return end


# A quotation and who said it: `"..." -- Name`, `“...” ― Name`.
_ATTRIBUTION = re.compile(r"[\"“「『][^\"”」』]{3,300}[\"”」』][.,!?]?\s*(?:--|—|―|~)\s*\S")


def _talk_cells(state: Scan, lines: list[str], i: int) -> int:
    """A table without a speaker column whose cells hold talks with their speakers, as a
    programme writes them (`세션 1 : 제목 : 배진수님 (당근)`): each such cell a talk. The
    index after the table, or 0 when no cell reads so."""
    end = i + 2
    found: list[tuple[str, list[PersonRef], int]] = []
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        if len(lines[end]) <= LINE_LIMIT:
            for cell in table_cells(lines[end]):
                text = plain(cell)
                read = heading_people(text, person=False) if 0 < len(text) <= 300 else None
                if read is not None and read[0] and all(
                        is_korean_name(p.name) or has_known_first_name(p.name) for p in read[1]):
                    found.append((talk_title(read[0]), read[1], end))
                    break
        end += 1
    if not found:
        return 0
    for title, people, row in found:
        talk = state.talk_titled(title)
        add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(row))
                          for p in people])
    return end


# A speaker as a component of another site generator (MDX in Docusaurus or Gatsby):
# `<Speaker name='Joel Example' position='Staff Engineer at GitHub' />`.
COMPONENT = re.compile(r"\s*<(Speaker|Presenter|Panelist|Moderator|Host)\b", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(name|position|title|company|affiliation|org|role)\s*=\s*"""
                        r"""(?:\{\s*)?(?:"([^"\n]{1,200})"|'([^'\n]{1,200})')""", re.IGNORECASE)
_TITLE_ATTRIBUTE = re.compile(r"""title=(?:\{?\s*<a\b[^>]{0,300}>([^<]{2,300})</a>|"""
                              r""""([^"\n]{2,300})"|'([^'\n]{2,300})')""")
COMPONENT_LINES = 12


def component_speaker(state: Scan, lines: list[str], i: int) -> int:
    """A speaker component and its attributes, over up to 12 lines; its talk is the title
    the wrapping element gives on the line above, else the heading above. The index after
    the component, or 0 when it names nobody."""
    m = COMPONENT.match(lines[i])
    if m is None:
        return 0
    attributes: dict[str, str] = {}
    end = i
    while end < len(lines) and end < i + COMPONENT_LINES:
        for found in _ATTRIBUTE.finditer(lines[end]):
            attributes.setdefault(found.group(1).casefold(), found.group(2) or found.group(3))
        end += 1
        if ">" in lines[end - 1]:
            break
    name = clean(attributes.get("name", ""))
    if not is_name(name, loose=True):
        return 0
    about = attributes.get("position") or attributes.get("company") or attributes.get(
        "affiliation") or attributes.get("org") or ""
    affiliation, title, _ = read_affiliation(about) if about else (None, None, None)
    role = LABELS.get(m.group(1).casefold(), "speaker")
    talk: BodyTalk | None = None
    if state.component_talk is not None and 0 <= i - state.component_talk[0] <= 2 and all(
            not lines[k].strip() for k in range(state.component_talk[0], i)):
        talk = state.component_talk[1]          # the next speaker of the same talk
    for above in range(i - 1, max(-1, i - 4), -1):
        if talk is not None:
            break
        if (named := _TITLE_ATTRIBUTE.search(lines[above])) is not None:
            talk = state.talk_titled(talk_title(plain(next(g for g in named.groups() if g))))
            break
        if COMPONENT.match(lines[above]) is None and "/>" not in lines[above] and (
                not _ATTRIBUTE.search(lines[above])):
            break
    if talk is None:
        talk = state.talk_for_line()
    add_people(talk, [Appearance(PersonRef(name, affiliation, title), role,
                                 state.file_line(i))])
    state.component_talk = (end, talk)
    return end


def heading_at(lines: list[str], i: int, lead: str) -> Heading | None:
    # The first character rules out most lines before any pattern runs.
    line = lines[i]
    if lead == "#" and (found := atx(line)):
        text, anchor = split_attrs(found[1])
        return Heading(i, found[0], plain(text), anchor, "atx")
    if (
        lead
        and i + 1 < len(lines)
        and lines[i + 1].lstrip()[:1] in ("=", "-")
        and SETEXT.match(lines[i + 1])
        and not LIST_ITEM.match(line)
        and not line.lstrip().startswith(("|", ">", "<"))
        and label_value(line) is None
        and (i == 0 or not lines[i - 1].strip())
    ):
        text, anchor = split_attrs(line)
        return Heading(i, 1 if lines[i + 1].strip()[0] == "=" else 2, plain(text), anchor,
                       "setext")
    if lead in ("*", "_"):
        inner = bold_text(line)
        if inner is not None and label_value(line) is None:
            return Heading(i, 0, plain(inner), None, "bold")
    if lead == "<" and "**" in line:
        inner = bold_text(INLINE[2][0].sub("", line))
        if inner is not None and label_value(inner) is None:
            return Heading(i, 0, plain(inner), None, "bold")
    return None


def list_after(
    lines: list[str], i: int, first_line: int, role: Role
) -> tuple[list[Appearance], int]:
    """People listed under a `참여자:` line; returns them and the index after the list."""
    people: list[Appearance] = []
    if i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and len(lines[i]) <= LINE_LIMIT and (m := LIST_ITEM.match(lines[i])):
        item = lines[i][m.end():].strip().strip("*_ ")
        for person in label_people(item):
            people.append(Appearance(person, person.role or role, first_line + i))
        i += 1
    return people, i


def add_people(talk: BodyTalk, people: list[Appearance]) -> None:
    """Add people once each; a later mention that says more (affiliation, title) wins."""
    position = {key(a.person.name): i for i, a in enumerate(talk.people)}
    for appearance in people:
        k = key(appearance.person.name)
        if not k:
            continue
        if k not in position:
            position[k] = len(talk.people)
            talk.people.append(appearance)
        elif _detail(appearance) > _detail(talk.people[position[k]]):
            talk.people[position[k]] = appearance


def _detail(appearance: Appearance) -> int:
    return bool(appearance.person.affiliation) + bool(appearance.person.title)
