"""A corpus of broken and hostile notes and registry files, each with what it must produce.

Every entry is a file under docs/ and the exact warnings (line, text) the build must give for
it. Nothing here may stop a plain build, and every note must still be published.
"""

from __future__ import annotations

DEEP_LIST = "# 깊은 목록\n\n" + "".join("  " * i + f"- level {i}\n" for i in range(120))
PARAGRAPH = "반도체 설계와 HBM 패키징 이야기를 길게 적은 문단입니다. " * 30
HUGE = "# 5 MB 노트\n\n" + (PARAGRAPH + "\n\n") * 2300
LONG_LINE = "# 한 줄이 아주 긴 노트\n\n" + "가나다라마바사 " * 12500 + "\n"
BOMB = ("---\ntitle: alias bomb\n_a: &a [x, x, x, x, x, x, x, x, x]\n"
        "_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n_d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "topics: *d\nspeakers: *d\n---\n")

SPEAKERS = """\
kai-fu-lee:
  name: Kai-Fu Lee
  name_ko: 리카이푸
  links:
    - {title: home, url: "javascript:alert(1)"}
    - {title: ok, url: "https://example.com/kfl"}
  bio: "<script>alert('bio')</script>"
  shoe_size: 270
hostile:
  name: "{{ config.site_name }} {% raw %}<b>bold</b>"
"""
TOPICS = """\
ai:
  name: AI
  parent: nowhere
loop-a:
  name: Loop A
  parent: loop-b
loop-b:
  name: Loop B
  parent: loop-a
"""
EVENTS = """\
summit:
  name: Summit
  start: someday
  url: "javascript:alert(2)"
  days: {one: x}
"""

CORPUS: dict[str, str | bytes] = {
    "speakers.yml": SPEAKERS,
    "topics.yml": TOPICS,
    "events.yml": EVENTS,
    "notes/yaml-line-2.md": "---\ntitle: [unclosed\n---\n# 본문 1\n",
    "notes/yaml-line-5.md": "---\ntitle: ok\ndate: 2024-11-04\nevent: x\nspeakers: a: b: c\n"
                            "---\n# 본문 2\n",
    "notes/yaml-tab.md": "---\ntitle: tab\nspeakers:\n\t- A\n---\n# 본문 3\n",
    "notes/fm-list.md": "---\n- a\n- b\n---\n# 목록 머리말\n",
    "notes/fm-scalar.md": "---\njust a sentence\n---\n# 문장 머리말\n",
    "notes/wrong-types.md": "---\ntitle: [a, b]\ndate: [2024-11-04]\nspeakers: 42\ntopics: {a: 1}\n"
                            "day: someday\nlang: 3\nsource: [https://example.com]\n---\n",
    "notes/unknown-keys.md": "---\ntitle: 키 오타\nspeakrs: A\ntgas: B\ncolor: red\n---\n",
    "notes/duplicate-keys.md": "---\ntitle: one\ntitle: two\nspeaker: A\nspeakers: B\n---\n",
    "notes/empty.md": "",
    "notes/only-front-matter.md": "---\ntitle: 머리말만 있는 노트\nspeakers: 이강욱\n---\n",
    "notes/not-utf8.md": b"# Latin-1 caf\xe9 \xff\xfe\n",
    "notes/cp949.md": "---\ntitle: 윈도우 메모장\n---\n본문\n".encode("cp949"),
    "notes/bom.md": b"\xef\xbb\xbf---\ntitle: BOM\n---\nbody\n",
    "notes/crlf.md": b"---\r\ntitle: CRLF\r\n---\r\n# CRLF\r\n"
                     b"\xeb\xb0\x9c\xed\x91\x9c\xec\x9e\x90: A\r\n",
    "notes/lone-cr.md": b"---\rtitle: lone CR\r---\rbody\r",
    "notes/huge.md": HUGE,
    "notes/long-line.md": LONG_LINE,
    "notes/unclosed-fence.md": "# 코드\n\n~~~python\nprint('never closed')\n",
    "notes/deep-list.md": DEEP_LIST,
    "notes/script-title.md": "---\ntitle: <script>alert(1)</script>\n---\n본문\n",
    "notes/img-onerror.md": "---\ntitle: '\"><img src=x onerror=alert(1)>'\nspeakers:\n"
                            "  - '\"><img src=x onerror=alert(2)>'\n---\n",
    "notes/javascript-source.md": "---\ntitle: js\nsource: 'javascript:alert(3)'\n---\n",
    "notes/data-source.md": "---\ntitle: data\nsource: 'data:text/html,<script>alert(4)</script>'\n"
                            "---\n",
    "notes/template-syntax.md": "---\ntitle: '{{ 7*7 }} {% if true %}yes{% endif %}'\nspeakers: "
                                "'{{ config }}'\ntopics: ['{% raw %}']\n---\n",
    "notes/same-url.md": "# 같은 주소 1\n",
    "notes/same-url/index.md": "# 같은 주소 2\n",
    "notes/slug-a.md": "---\ntitle: slug a\ntopics: [C++]\n---\n",
    "notes/slug-b.md": "---\ntitle: slug b\ntopics: [C#, C]\n---\n",
    "notes/alias-bomb.md": BOMB,
    "notes/non-string-keys.md": "---\ntitle: keys\n1: one\n2024-11-04: date key\n---\n",
    "notes/control-chars.md": "---\ntitle: \"bell\\a and nul\\0 inside\"\n---\n",
    "notes/look-alike.md": "---\ntitle: 오타 이름\nspeakers: [리카이프]\n---\n",
}

# (file, line, text) for every warning the build must give, in any order.
EXPECTED: list[tuple[str, int | None, str]] = [
    ("notes/yaml-line-2.md", 2, "front matter is not valid YAML (did not find expected ',' or "
     "']'); fix it so its fields are used. The text is still published."),
    ("notes/yaml-line-5.md", 5, "front matter is not valid YAML (mapping values are not allowed "
     "in this context); fix it so its fields are used. The text is still published."),
    ("notes/yaml-tab.md", 4, "front matter is not valid YAML (found character that cannot start "
     "any token); fix it so its fields are used. The text is still published."),
    ("notes/fm-list.md", 2, "front matter must be a mapping of fields such as 'title: ...', but "
     "it is a list; it is ignored."),
    ("notes/fm-scalar.md", 2, "front matter must be a mapping of fields such as 'title: ...', "
     "but it is the single value 'just a sentence'; it is ignored."),
    ("notes/wrong-types.md", 2, "'title' should be one value, not a list; the first item is "
     "used."),
    ("notes/wrong-types.md", 3, "date a list of 1 items is not a date Confnotes understands; "
     "write it as 2024-11-04 (also accepted: 2024.11.04, 2024년 11월 4일, Nov 4, 2024)."),
    ("notes/wrong-types.md", 4, "'speakers' should be a name or a list of names; 42 is "
     "ignored."),
    ("notes/wrong-types.md", 5, "a topic should be a name, not a mapping of 1 fields; it is "
     "ignored."),
    ("notes/wrong-types.md", 6, "day 'someday' is not a day number; write 'day: 2' for the "
     "second day."),
    ("notes/wrong-types.md", 7, "language '3' is not one Confnotes knows (ko, en); it is "
     "guessed from the text instead."),
    ("notes/wrong-types.md", 8, "'source' should be one value, not a list; the first item is "
     "used."),
    ("notes/unknown-keys.md", 3, "unknown field 'speakrs' (did you mean 'speakers'?); it is "
     "ignored."),
    ("notes/unknown-keys.md", 4, "unknown field 'tgas' (did you mean 'tags'?); it is ignored."),
    ("notes/unknown-keys.md", 5, "unknown field 'color'; it is ignored."),
    ("notes/duplicate-keys.md", 3, "front matter field 'title' is given twice; the last one is "
     "used."),
    ("notes/duplicate-keys.md", 5, "'speakers' gives 'speakers' again; the first one is used."),
    ("notes/empty.md", 1, "the note has no title; the file name 'empty' is used. Add 'title:' "
     "to the front matter or start the note with '# 제목'."),
    ("notes/not-utf8.md", 1, "the file is not valid UTF-8 and could not be decoded; unreadable "
     "bytes are shown as '\ufffd'. Save it as UTF-8."),
    ("notes/cp949.md", 2, "the file is not UTF-8; it was read as CP949/EUC-KR (Korean Windows). "
     "Save it as UTF-8 so every tool reads it the same way."),
    ("notes/unclosed-fence.md", 3, "this code block (```) is never closed, so it swallows the "
     "rest of the note; close it."),
    ("notes/javascript-source.md", 3, "'source' must be a web address starting with http:// or "
     "https://; 'javascript:alert(3)' is left out."),
    ("notes/data-source.md", 3, "'source' must be a web address starting with http:// or "
     "https://; 'data:text/html,<script>alert(4)</script>' is left out."),
    ("notes/same-url/index.md", None, "its page would have the same address as "
     "'notes/same-url.md' (notes/same-url/), so it is published at notes/same-url-2/ instead; "
     "rename one of the two files."),
    ("notes/alias-bomb.md", 3, "unknown field '_a'; it is ignored."),
    ("notes/alias-bomb.md", 4, "unknown field '_b'; it is ignored."),
    ("notes/alias-bomb.md", 5, "unknown field '_c'; it is ignored."),
    ("notes/alias-bomb.md", 6, "unknown field '_d'; it is ignored."),
    # aliases are never followed: each line that uses one says so once
    *[("notes/alias-bomb.md", line, f"front matter: '*{name}' repeats a value written "
       "elsewhere (a YAML alias); Confnotes does not follow aliases, so it is left out. Write "
       "the value out in full.") for line, name in ((4, "a"), (5, "b"), (6, "c"), (7, "d"),
                                                    (8, "d"))],
    ("notes/non-string-keys.md", 3, "unknown field '1'; it is ignored."),
    ("notes/non-string-keys.md", 4, "unknown field '2024-11-04'; it is ignored."),
    ("notes/look-alike.md", 3, "speaker '리카이프' looks like 'Kai-Fu Lee' (speakers.yml); add "
     "an alias in speakers.yml if they are one person."),
    ("speakers.yml", 8, "speaker 'kai-fu-lee': unknown field 'shoe_size'; it is ignored."),
    ("speakers.yml", 4, "speaker 'kai-fu-lee': the link 'javascript:alert(1)' is not an http(s) "
     "or mailto address; it is left out."),
    ("topics.yml", 1, "topic 'ai': parent 'nowhere' is not a registered topic; it is ignored."),
    ("topics.yml", 4, "topic 'loop-a': its parents form a loop; the parent is ignored."),
    ("events.yml", 3, "event 'summit': 'someday' is not a date (write 2024-11-04); it is left "
     "out."),
    ("events.yml", 4, "event 'summit': the link 'javascript:alert(2)' is not an http(s) or "
     "mailto address; it is left out."),
    ("events.yml", 5, "event 'summit': day 'one' is not a day number (1-366); it is left "
     "out."),
]
