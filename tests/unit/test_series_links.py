"""Series names and talk links, without a build."""

from __future__ import annotations

import pytest
from confnotes.series import series_name
from confnotes.talk_links import in_section, programme_number, video_key, web_address


@pytest.mark.parametrize(("names", "expected"), [
    (["DEVIEW 2014", "DEVIEW 2015", "DEVIEW 2023"], "DEVIEW"),
    (["if(kakao) 2022", "if(kakao)2023"], "if(kakao)"),
    (["PyCon Korea 2024", "PyCon Korea 2025", "파이콘 한국 2023"], "PyCon Korea"),
    (["2024 SK AI Summit", "SK AI Summit (2025)"], "SK AI Summit"),
    (["NDC '24", "NDC ’25"], "NDC"),
    (["2024", "2025"], "fallback-id"),
])
def test_series_name(names: list[str], expected: str) -> None:
    assert series_name(names, "fallback-id") == expected


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "youtube-dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "youtube-dQw4w9WgXcQ"),
    ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube-dQw4w9WgXcQ"),
    ("https://www.youtube.com/watch?v=../../etc", None),
    ("https://vimeo.com/12345", "vimeo-12345"),
    ("https://vimeo.com/channels/x/12345", "vimeo-12345"),
    ("https://example.com/watch?v=dQw4w9WgXcQ", None),
])
def test_video_key(url: str, key: str | None) -> None:
    assert video_key(url) == key


def test_web_address_keeps_http_only() -> None:
    assert web_address("https://example.com/a") == "https://example.com/a"
    for bad in ("javascript:alert(1)", "https://", "ftp://x.y/z", "https://a.b/c d",
                "https://a.b/" + "x" * 3000):
        assert web_address(bad) is None, bad


def test_links_in_a_talk_section() -> None:
    text = ("## 3. 제목\n- **발표자:** 김\n- **슬라이드:** https://example.com/s\n"
            "영상: <https://youtu.be/dQw4w9WgXcQ>\nVideo: https://example.com/second\n"
            "본문에 있는 슬라이드: 설명 https://example.com/not-a-link-line\n")
    assert in_section(text) == ("https://example.com/s", "https://youtu.be/dQw4w9WgXcQ")
    assert in_section("slides: javascript:alert(1)\n") == (None, None)


@pytest.mark.parametrize(("line", "number"), [
    ("## 10. Powering AI", 10), ("## 세션 12 — Rethinking", 12), ("**13) 패널**", 13),
    ("### Talk #4: Title", 4), ("## 2024년 회고", None), ("## Llama 3 이야기", None),
    ("## 제목", None),
])
def test_programme_number(line: str, number: int | None) -> None:
    assert programme_number(line + "\n본문") == number
