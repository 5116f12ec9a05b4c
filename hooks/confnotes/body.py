"""What a note's Markdown body says about itself: its title, its talks and their speakers.

Notes written without Confnotes in mind carry their speakers in the text, in the shapes people
use in blog posts and READMEs:

    ### Kakao AI Native (정규돈 | 카카오)          a name after the talk's title, in brackets
    **1. 행복한 프로그래머를 위한 철학 : 유석문**    ... or after a dash or colon
    ### 2. Title, Andrew Martin & Matt Jarvis      ... or after a comma, in English
    #### 김영윤 - 삼성전자                         a heading that is a person
    ### Speaker - Tim Oxley@NodeSource             a label: `발표자: X`, `연사 - X`, `By X`
    ## 발표자  /  - 정민호 | 예시랩 대표             a section of people
    | 발표자 | 제목 |                              a table with a speaker column
    ### 러스트 파이썬  /  - Jeong YunWon - [github] the first item under a talk's heading

One scan over the lines finds headings, these shapes and code fences; what is not shaped like a
name (name_shapes.py) in a place that may hold one is left as text. Every pattern here is
anchored and bounded, so a hostile line costs time in proportion to its length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .body_lines import (
    Scan,
    add_people,
    bare,
    bracketed_label,
    component_speaker,
    heading_at,
    list_after,
    paragraph_talk,
    read_table,
    standalone,
    talk_above,
    talk_line,
)
from .body_shapes import (
    EXCERPT_CHARS,
    FENCE,
    LABELS,
    LINE_LIMIT,
    LIST_ITEM,
    MEDIA_ITEM,
    OWN_SECTION,
    PEOPLE_SECTION,
    PEOPLE_SECTION_ITEMS,
    PROSE_MARKS,
    SPEAKER_LINE,
    TABLE_RULE,
    TITLE_LIKE_LABELS,
    Appearance,
    Body,
    BodyTalk,
    Heading,
    atx,
    plain,
    shorten,
    talk_title,
)
from .bylines import (
    LIGHTNING,
    bold_speaker,
    by_line,
    emphasised_speakers,
    first_item_people,
    heading_label,
    heading_people,
    label_people,
    label_value,
    lightning_item,
    name_line,
    name_then_title,
    sibling_person,
    title_then_people,
)
from .name_shapes import has_known_first_name, is_korean_name, is_name
from .names import clean, key
from .people import (
    PersonRef,
    people_at,
    read_person,
)


def scan(body: str, first_line: int) -> Body:
    """Read headings, talks and speakers from a body starting at file line `first_line`."""
    lines = body.split("\n")
    state = Scan(first_line, lines)
    fence: tuple[str, int] | None = None
    quoted = False
    code: set[int] = set()
    first_text: tuple[str, int] | None = None
    prose: list[str] = []
    prose_size = 0
    previous_text = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        lead = line.lstrip()[:1]
        if fence is not None:
            code.add(i)
            stripped = line.strip()
            if stripped.startswith(fence[0]) and stripped.strip(fence[0][0]) == "":
                fence = None
            elif quoted and stripped:
                quoted = False
                _fenced_talk(state, stripped, i)
            i += 1
            continue
        # A backtick fence whose info string has a backtick is inline code, not a fence.
        if lead in ("`", "~") and (m := FENCE.match(line)) and not (
                m.group(1)[0] == "`" and "`" in line[m.end():]):
            fence = (m.group(1), first_line + i)
            # A fence without a language often quotes a talk's abstract from the programme.
            quoted = not line[m.end():].strip()
            code.add(i)
            i += 1
            continue
        if not line.strip():
            i += 1
            continue
        if lead == "@" and _DIRECTIVE.match(line):
            i = _after_directive(lines, i)      # DocC's `@Metadata { ... }`: markup, not text
            continue
        heading = heading_at(lines, i, lead) if len(line) <= LINE_LIMIT else None
        if heading is not None:
            if first_text is None:
                first_text = (heading.text, first_line + i)
            _read_heading(state, heading)
            previous_text = ""
            i += 2 if heading.kind == "setext" else 1
            continue
        if first_text is None:
            first_text = (clean(line), first_line + i)
        if len(line) <= LINE_LIMIT:
            consumed = _read_line(state, lines, i, lead, previous_text)
            if consumed:
                previous_text = ""
                i = consumed
                continue
        if prose_size < EXCERPT_CHARS and lead not in ("|", "<", "!", "{", "[", "$", ":"):
            text = plain(PROSE_MARKS.sub("", line[:1000], count=1))
            if text and not text.startswith(("![", "---", "***")):
                prose.append(text)
                prose_size += len(text) + 1
        if lead != "!" and not line.lstrip().startswith(("<img", "<iframe", "{{<")):
            state.since_heading += 1
        previous_text = line
        i += 1
    if state.name_lines:
        _name_lines(state)
    if state.name_headings:
        _shaped_headings(state, state.name_headings, state.named_headings, alone=True)
    if state.title_headings:
        _shaped_headings(state, state.title_headings, state.titled_headings, alone=False)
    if state.name_items and state.named_items >= 2 and len(state.name_items) <= state.named_items:
        _name_items(state)
    return Body(state.headings, _merge_overview(state.talks), first_text,
                fence[1] if fence else None, lines, state.speaker_lines,
                shorten(" ".join(prose), EXCERPT_CHARS), code)


_CODE_MARKS = re.compile(r"[=;{}<>$\\]|^(?:def|class|import|from|return|const|let|var|if|for)\b")


# A block directive of Apple's DocC (`@Metadata {`, `@Row {`), whose lines up to its closing
# brace say how to show the page.
_DIRECTIVE = re.compile(r"\s*@[A-Z]\w{0,40}(?:\([^)]{0,200}\))?\s*\{\s*$")


def _after_directive(lines: list[str], i: int) -> int:
    """The index after the block directive opening at line i; one that does not close
    within a few dozen lines is read as text after its first line."""
    depth = 0
    for j in range(i, min(len(lines), i + DIRECTIVE_LINES)):
        depth += lines[j].count("{") - lines[j].count("}")
        if depth <= 0:
            return j + 1
    return i + 1


DIRECTIVE_LINES = 40


def _fenced_talk(state: Scan, line: str, i: int) -> None:
    """The first line of a fence without a language, when it is a talk with its speaker as a
    programme writes it (`Airflow 홀로 서기 - 최종원(예시랩)`): code never reads so."""
    if len(line) > 200 or state.own_section is not None or _CODE_MARKS.search(line):
        return
    found = heading_people(plain(line), person=False)
    if found is None or not found[0] or not all(
            is_korean_name(p.name) or has_known_first_name(p.name) for p in found[1]):
        return
    title = talk_title(found[0])
    if len(title) < 2 or key(title) in state.by_title:
        return
    talk = BodyTalk(title=title, heading=None)
    state.by_title[key(title)] = talk
    state.talks.append(talk)
    add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(i)) for p in found[1]])


def _merge_overview(talks: list[BodyTalk]) -> list[BodyTalk]:
    """A talk listed in an overview (`- 11) Technical Requirements — Steve Scott`) and given
    its own section later (`## 11. Technical Requirements for AI Advancement`) is one talk: the
    same speaker, and one title the start of the other."""
    with_heading = [t for t in talks if t.heading is not None]
    if not with_heading or len(with_heading) == len(talks):
        return talks
    by_speaker: dict[str, list[BodyTalk]] = {}
    for talk in with_heading:
        for appearance in talk.people:
            by_speaker.setdefault(key(appearance.person.name), []).append(talk)
    kept: list[BodyTalk] = []
    for talk in talks:
        if talk.heading is None and talk.title:
            short = key(talk.title)
            match = next((t for a in talk.people for t in by_speaker.get(key(a.person.name), [])
                          if key(t.title).startswith(short) or short.startswith(key(t.title))),
                         None)
            if match is not None:
                add_people(match, talk.people)
                continue
        kept.append(talk)
    return kept


def _read_heading(state: Scan, heading: Heading) -> None:
    """A heading: a label (`Speaker - X`), a section of people, a talk with its speakers in
    its text, a person, or a plain heading that a speaker line below may make a talk."""
    labelled = heading_label(heading.text)
    if labelled is not None:
        role, value = labelled
        single = read_person(value, loose=True)
        people = people_at(value, loose=True) or ([single] if single is not None else [])
        if people:
            talk = state.talk_for_line()
            add_people(talk, [Appearance(p, p.role or role, state.file_line(heading.index))
                               for p in people])
            state.headings.append(heading)
            state.since_heading += 1
            return
    if heading.kind == "bold" and state.since_heading == 0 and (
            above := state.last_heading) is not None and above.kind != "bold" and (
            state.own_section is None) and (named := bold_speaker(heading.text)):
        # `### 개발자를 위한 재테크` then `**@k16wire 황상철**`: the talk's speaker line.
        talk = state.talk_at(above)
        state.current = talk
        add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(heading.index))
                          for p in named])
        state.headings.append(heading)
        state.since_heading += 1
        state.first_item_open = False
        return
    state.open_heading(heading)
    state.last_heading, state.since_heading = heading, 0
    state.first_item_open = False
    if state.own_section is not None:
        return
    if OWN_SECTION.fullmatch(bare(heading.text)):
        state.own_section = heading.depth
        return
    if PEOPLE_SECTION.fullmatch(bare(heading.text)):
        state.people_section, state.people_section_count = heading, 0
        return
    if LIGHTNING.fullmatch(bare(heading.text)):
        state.lightning = True
        return
    found = heading_people(heading.text)
    if found is None:
        state.first_item_open = True
        if (shape := name_then_title(heading.text)) is not None:
            state.name_headings.append((heading, shape[0], [shape[1]]))
        elif (titled := title_then_people(heading.text)) is not None:
            state.title_headings.append((heading, titled[0], titled[1]))
        return
    title, people, person_only = found
    if not person_only and name_then_title(heading.text) is not None:
        state.named_headings[heading.depth] = state.named_headings.get(heading.depth, 0) + 1
    elif not person_only and title_then_people(heading.text) is not None:
        state.titled_headings[heading.depth] = state.titled_headings.get(heading.depth, 0) + 1
    line = state.file_line(heading.index)
    if person_only:
        parent = next((h for h in reversed(state.stack[:-1])), None)
        title = talk_title(parent.text) if parent is not None else ""
        talk = state.talk_at(heading, title, "\x00" + key(people[0].name))
    else:
        talk = state.talk_at(heading, talk_title(title))
    state.current = talk
    add_people(talk, [Appearance(p, p.role or "speaker", line) for p in people])


def _read_line(state: Scan, lines: list[str], i: int, lead: str, previous: str) -> int:
    """Read one non-heading line; the index after what was consumed, or 0 for plain text."""
    line = lines[i]
    file_line = state.file_line(i)
    labelled = label_value(line)
    if labelled is not None:
        role, value = labelled
        state.speaker_lines.append(i)
        people = [Appearance(p, p.role or role, file_line) for p in label_people(value)]
        end = i + 1
        if not value:
            items, end = list_after(lines, i + 1, state.first_line, role)
            if (m := SPEAKER_LINE.match(line)) and m.group(1).casefold() in TITLE_LIKE_LABELS:
                # `- 패널:` then its people; not `Keynote:` over a list of talks' titles.
                items = [a for a in items if is_name(a.person.name) or is_korean_name(
                    a.person.name, short=True)]
            people.extend(items)
        add_people(state.talk_for_line(), people)
        state.since_heading += 1
        state.first_item_open = False
        return end
    if state.own_section is not None:
        return 0
    if state.item_siblings is not None and (end := _sibling_item(state, line, i)):
        return end
    if state.lightning and (item := LIST_ITEM.match(line)) and (
            found := lightning_item(line[item.end():])) is not None and found[0]:
        add_people(state.talk_titled(found[0]),
                   [Appearance(p, "speaker", file_line) for p in found[1]])
        return i + 1
    if lead == "<" and (end := component_speaker(state, lines, i)):
        return end
    if ("|" in line) and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1]):
        end = read_table(state, lines, i)
        if end:
            return end
    if state.people_section is not None and state.people_section_count < PEOPLE_SECTION_ITEMS:
        if (bracketed := bracketed_label(line)) is not None:
            # `- 토론 (사회자: 문도경)` among a panel's people: the label's people are the
            # panel's, the text before the brackets is no person.
            talk = state.enclosing_talk(state.people_section)
            add_people(talk, [Appearance(p, p.role or "speaker", file_line)
                              for p in bracketed[1]])
            return i + 1
        text = plain(PROSE_MARKS.sub("", line, count=1)) if len(line) <= 200 else ""
        # A nickname counts where the line itself says "person": `님`, a handle, `|`.
        cue = bool(re.search(r"님|@|\||\(", text)) and state.people_section_count == 0
        person = read_person(text, loose=cue) if text else None
        if person is not None:
            state.people_section_count += 1
            talk = state.enclosing_talk(state.people_section)
            # Under `## 패널` the people are panelists; under `## 발표자`, speakers.
            word = bare(state.people_section.text).split()[0].strip(":：").casefold()
            panel = LABELS.get(word) == "panelist"
            add_people(talk, [Appearance(person, person.role or (
                "panelist" if panel else "speaker"), file_line)])
            return i + 1
    if lead in ("b", "B", "-", "*", "+", "p", "P", "f", "F") and (
            person := by_line(line)) is not None:
        talk = talk_above(state, previous, i)
        add_people(talk, [Appearance(person, person.role or "speaker", file_line)])
        state.first_item_open = False
        return i + 1
    if lead in ("-", "*", "+", "[", "<") or lead.isdigit() or not lead.isalnum() or (
            "](" in line and (" by " in line or line.rstrip(" .").endswith(")"))):
        end = talk_line(state, lines, i)
        if end:
            state.first_item_open = False
            return end
    if standalone(lines, i) and (paragraph := paragraph_talk(line)) is not None:
        add_people(state.talk_titled(paragraph[0]),
                   [Appearance(p, p.role or "speaker", file_line) for p in paragraph[1]])
        state.first_item_open = False
        return i + 1
    if state.first_item_open and lead != "!" and not line.lstrip().startswith(("<", "{{")) \
            and not MEDIA_ITEM.match(line):
        state.first_item_open = False
        heading = state.last_heading
        if heading is not None and state.since_heading <= 1 and (
                first := first_item_people(line) or emphasised_speakers(line)):
            talk = state.talk_at(heading)
            state.current = talk
            if not talk.people:
                state.first_lines[heading.depth] = state.first_lines.get(heading.depth, 0) + 1
                add_people(talk, [Appearance(p, p.role or "speaker", file_line) for p in first])
                if item := LIST_ITEM.match(line):
                    state.item_siblings = (len(line) - len(line.lstrip()), talk,
                                           line[item.end():].startswith("["))
                end = i + 1
                # `Caile Example, YouTube  ` then `Noah Sample, Google` after a line break.
                while end < len(lines) and lines[end - 1].endswith(("  ", "<br>", "<br/>")) and (
                        more := first_item_people(lines[end])):
                    add_people(talk, [Appearance(p, p.role or "speaker", state.file_line(end))
                                      for p in more])
                    end += 1
                return end
        elif heading is not None and state.since_heading <= 1 and (
                person := name_line(lines, i)) is not None:
            state.name_lines.append((heading, Appearance(person, "speaker", file_line)))
    return 0


def _sibling_item(state: Scan, line: str, i: int) -> int:
    """An item of the list whose first item named the talk's speaker, when it too begins
    with a name: `* [Kerri Example Senior Engineer Examplelab](...)` after
    `* [Yukihiro Example (Matz)](...)`. The list ends at the first item that does not."""
    assert state.item_siblings is not None
    indent, talk, linked = state.item_siblings
    m = LIST_ITEM.match(line)
    own = len(line) - len(line.lstrip())
    if m is not None and own > indent:
        return 0                          # an item of the item above: its notes
    text = line[m.end():] if m is not None and own == indent else ""
    person = sibling_person(text) if text and text.startswith("[") == linked else None
    # Plain items after a speaker may as well say what they do (`- Hobby Photographer`): a
    # name there must be one the reader knows as a name; items that are links to talks are
    # read by shape.
    if person is not None and not linked and not (
            is_korean_name(person.name) or has_known_first_name(person.name)):
        person = None
    if person is None:
        state.item_siblings = None
        return 0
    add_people(talk, [Appearance(person, "speaker", state.file_line(i))])
    return i + 1


# How many talks must each open with a plain name line before those lines are read as their
# speakers: one such line could as well be a subtitle.
NAME_LINES = 3


def _name_lines(state: Scan) -> None:
    """Talks whose speakers are written plainly under their headings, each the same way."""
    by_depth: dict[int, list[tuple[Heading, Appearance]]] = {}
    for heading, appearance in state.name_lines:
        by_depth.setdefault(heading.depth, []).append((heading, appearance))
    added = False
    for depth, found in by_depth.items():
        # Enough alone, or beside talks at that depth whose first line named their speaker
        # in a surer way (`Rae Example (@rae)`).
        siblings = state.first_lines.get(depth, 0)
        if len(found) < NAME_LINES and (siblings < 2 or len(found) > siblings):
            continue
        for heading, appearance in found:
            talk = state.talk_at(heading)
            if not talk.people:
                add_people(talk, [appearance])
                added = True
    if added:
        _in_note_order(state)


def _shaped_headings(state: Scan, shaped: list[tuple[Heading, str, list[PersonRef]]],
                     known_at: dict[int, int], alone: bool) -> None:
    """Headings of one shape whose speakers' given names the reader may not know, taken for
    talks by those speakers when three headings at one depth share the shape: with at least
    one of them naming someone known, or (`alone`) three such headings by themselves.
    `#### Addy Example - The browser hacker's guide` (alone counts);
    `### Ceph for Big Science - Wido den Hollander (42on.com)` (one known needed)."""
    by_depth: dict[int, list[tuple[Heading, str, list[PersonRef]]]] = {}
    for one in shaped:
        by_depth.setdefault(one[0].depth, []).append(one)
    added = False
    for depth, found in by_depth.items():
        known = known_at.get(depth, 0)
        if len(found) + known < NAME_LINES or not (
                known or (alone and len(found) >= NAME_LINES)):
            continue
        for heading, title, people in found:
            talk = state.talk_at(heading, talk_title(title))
            if not talk.people:
                line = state.file_line(heading.index)
                add_people(talk, [Appearance(p, p.role or "speaker", line) for p in people])
                added = True
    if added:
        _in_note_order(state)


def _name_items(state: Scan) -> None:
    """`- Lin Example - A Cartoon Intro to WebAssembly.` among list items of that shape whose
    speakers the reader knows: a talk and its speaker too."""
    for i, title, person in state.name_items:
        title = talk_title(title).removesuffix(".")
        if not title or len(title) < 2:
            continue
        add_people(state.talk_titled(title), [Appearance(person, "speaker", state.file_line(i))])
    _in_note_order(state)


def _in_note_order(state: Scan) -> None:
    """Talks in the order the note gives them, after a pass that added some at the end."""
    def place(talk: BodyTalk) -> int:
        if talk.heading is not None:
            return state.file_line(talk.heading.index)
        return min((a.line for a in talk.people if a.line is not None), default=-1)
    state.talks.sort(key=place)


_ANCHOR_DROP = re.compile(r"[^\w\- ]")
_TAG = re.compile(r"</?[^>]*>")
# How headings' ids are made from their text: (text, separator) -> id, as Python-Markdown's toc
# extension calls its `slugify`.
Slugify = Callable[[str, str], str]


def anchor_slug(text: str, separator: str = "-") -> str:
    """A heading id as mkdocs.yml's toc slugify makes it (`pymdownx.slugs.slugify` with `case:
    lower`): Hangul kept, lower case. The build calls the configured one itself; this is for
    `confnotes check`, which reads mkdocs.yml without running its Python tags."""
    text = _TAG.sub("", unicodedata.normalize("NFC", text)).strip().lower()
    return _ANCHOR_DROP.sub("", text).replace(" ", separator)


def anchor_talks(body: Body, talks: list[BodyTalk], slugify: Slugify = anchor_slug) -> str:
    """Give each talk's heading a stable id and return the Markdown to render.

    Ids are written into the heading (`{#id}`), so the talk's link never depends on how many
    other headings share its words. A bold line that starts a talk becomes a real heading.
    `slugify` makes an id from a heading's text, as the site's table of contents does.
    """
    lines = list(body.lines)
    used = {h.anchor for h in body.headings if h.anchor}
    for number, talk in enumerate(talks, start=1):
        heading = talk.heading
        if heading is None:
            continue
        if heading.anchor:
            talk.anchor = heading.anchor
            continue
        anchor = slugify(clean(heading.text), "-")[:80].strip("-") or f"talk-{number}"
        base, n = anchor, 0
        while anchor in used:
            n += 1
            anchor = f"{base}_{n}"
        used.add(anchor)
        talk.anchor = anchor
        if heading.kind == "bold":
            hashes = "#" * _bold_level(body, heading, talks)
            lines[heading.index] = f"{hashes} {heading.text} {{#{anchor}}}"
        else:
            lines[heading.index] = lines[heading.index].rstrip() + f" {{#{anchor}}}"
    for i in reversed(body.speaker_lines):
        _separate(lines, i)
    return "\n".join(lines)


def _separate(lines: list[str], i: int) -> None:
    """Keep `진행: X` and `참여자:` on lines of their own, and the list under `참여자:` a list:
    Markdown would otherwise run them into one paragraph."""
    line, following = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
    if (following.strip() and not LIST_ITEM.match(line) and not line.lstrip().startswith(">")
            and atx(following) is None):
        lines.insert(i + 1, "")


def _bold_level(body: Body, heading: Heading, talks: list[BodyTalk]) -> int:
    """A bold talk title becomes a sibling of the talk headings before it, else a level below
    the heading it sits under."""
    siblings = [t.heading.level for t in talks if t.heading and t.heading.kind != "bold"
                and t.heading.index < heading.index]
    if siblings:
        return siblings[-1]
    above = [h.level for h in body.headings if h.index < heading.index and h.kind != "bold"]
    return min(6, max(2, above[-1] + 1)) if above else 2


def sections(body: Body, talks: list[BodyTalk]) -> dict[int, str]:
    """Each talk's own text, from its heading to the next talk's, keyed by id(talk)."""
    starts = sorted((t.heading.index, id(t)) for t in talks if t.heading is not None)
    found: dict[int, str] = {}
    for n, (start, ident) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(body.lines)
        found[ident] = "\n".join(body.lines[start:end])
    return found
