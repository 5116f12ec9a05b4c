"""Pictures, avatars and social cards in a real build: every bad picture is a warning at its
line and is not published, good ones are resized with their size in the HTML, speakers get
their square avatars, every page kind gets a 1200×630 card and its tags, a second build redoes
no picture work, and a build without a Hangul font skips cards with one warning."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from PIL import Image, ImageDraw

from tests.pictures import jpeg, png, png_claiming

from .conftest import ROOT, Built, build_site, write_files

SITE_URL = "http://127.0.0.1:8000/"  # the repository's mkdocs.yml


SPEAKERS = """\
painted:
  name: 김화가
  affiliation: 그림 연구소
  avatar: assets/avatars/painted.jpg
lost:
  name: Lost Person
  avatar: assets/avatars/none.jpg
climber:
  name: 박등반
  avatar: ../outside.jpg
broken:
  name: 최깨짐
  avatar: assets/avatars/broken.jpg
"""
EVENTS = """\
summit:
  name: 그림 서밋 2024
  start: 2024-11-04
  end: 2024-11-05
  place: 서울
"""
NOTE = """\
---
title: 슬라이드로 보는 AI 인프라의 세 가지 물결과 데이터센터의 전력, 그리고 냉각
date: 2024-11-04
event: summit
speakers: [김화가, Lost Person, 박등반, 최깨짐]
topics: [AI 인프라]
---
# 슬라이드

![세 가지 물결](images/big.jpg)

![돌려 찍은 사진](images/turned.jpg)

![작은 도표](images/small.png)

![폭탄](images/bomb.png)

![깨진 파일](images/corrupt.jpg)

![없는 사진](images/missing.jpg)

![밖의 사진](../../../../outside.jpg)

![절대 경로](/images/abs.png)

![링크](images/link.png)

![원격](https://example.com/remote.png)

<img src="../images/small.png" alt="HTML로 쓴 그림">
"""
NOTE_PATH = "notes/2024/summit/slides.md"
IMAGES = "notes/2024/summit/images"
DOCS: dict[str, str | bytes] = {
    "speakers.yml": SPEAKERS,
    "events.yml": EVENTS,
    NOTE_PATH: NOTE,
    f"{IMAGES}/big.jpg": jpeg(3200, 1800, gps=True),
    f"{IMAGES}/turned.jpg": jpeg(1200, 800, orientation=6),
    f"{IMAGES}/small.png": png(300, 200),
    f"{IMAGES}/bomb.png": png_claiming(100_000, 100_000),
    f"{IMAGES}/corrupt.jpg": b"\xff\xd8 this is not really a JPEG",
    f"{IMAGES}/unused.png": b"junk nobody shows",
    "assets/avatars/painted.jpg": jpeg(600, 800),
    "assets/avatars/broken.jpg": b"junk",
}


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def prepare(root: Path) -> None:
    """A symbolic link from docs/ to a picture outside it, made before the build."""
    outside = root / "outside.jpg"
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_bytes(jpeg(40, 30))
    link = root / "docs" / IMAGES / "link.png"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("images")
    prepare(root)
    return build_site(root, DOCS)


def test_every_bad_picture_is_one_warning_at_its_line(built: Built) -> None:
    at = lambda needle: f"Doc file '{NOTE_PATH}', line {line_of(NOTE, needle)}: image "  # noqa: E731
    fix = "it is left out and not published."
    expected = {
        at("bomb.png") + "'images/bomb.png' has 10,000 megapixels, over the 64-megapixel limit "
        f"(a decompression bomb, or a scan far larger than a page needs); {fix} Shrink it to "
        "about 1,600 px wide.",
        at("corrupt.jpg") + f"'images/corrupt.jpg' is not a picture Pillow can read; {fix} "
        "Save it again as JPEG, PNG or WebP.",
        at("missing.jpg") + "'images/missing.jpg' is not found: there is no "
        f"docs/{IMAGES}/missing.jpg. Check the file name and folder.",
        at("outside.jpg") + "'../../../../outside.jpg' points outside docs/; it is left out. "
        "Put the picture under docs/ (next to the note) and link it from there.",
        at("abs.png") + "'/images/abs.png' is an absolute path; it is left out. Write it "
        "relative to this file, e.g. 'images/slide.jpg'.",
        at("link.png") + "'images/link.png' is a symbolic link to a file outside docs/ or to "
        "nothing; it is left out and not published. Copy the picture into docs/.",
        f"Doc file '{IMAGES}/unused.png': this picture is not a picture Pillow can read; it is "
        "not published. Save it again as JPEG, PNG or WebP.",
    }
    image_warnings = [w for w in built.warnings
                      if ("image '" in w or "picture" in w) and "avatar" not in w]
    assert sorted(image_warnings) == sorted(expected)
    assert not [w for w in built.warnings if "not found among documentation files" in w]


def test_bad_avatars_are_warnings_at_the_registry_entry(built: Built) -> None:
    def at(ident: str) -> str:
        return (f"Doc file 'speakers.yml', line {line_of(SPEAKERS, ident + ':')}: "
                f"speaker '{ident}': avatar ")
    shown = " The initials are shown instead."
    assert {w for w in built.warnings if "avatar" in w} == {
        at("lost") + "'assets/avatars/none.jpg' is not found: there is no "
        "docs/assets/avatars/none.jpg. Check the file name and folder." + shown,
        at("climber") + "'../outside.jpg' points outside docs/; it is left out. Put the picture "
        "under docs/ (next to the note) and link it from there." + shown,
        at("broken") + "'assets/avatars/broken.jpg' is not a picture Pillow can read; it is "
        "left out and not published. Save it again as JPEG, PNG or WebP." + shown,
    }


def test_refused_pictures_are_not_published(built: Built) -> None:
    folder = built.site / IMAGES
    assert sorted(p.name for p in folder.iterdir()) == ["big.jpg", "small.png", "turned.jpg"]
    assert not (built.site / "assets/avatars/broken.jpg").exists()


def test_good_pictures_are_resized_turned_and_stripped(built: Built) -> None:
    big = Image.open(built.site / IMAGES / "big.jpg")
    assert big.size == (1600, 900) and big.format == "JPEG"
    assert not big.getexif().get_ifd(0x8825)  # no GPS
    turned = Image.open(built.site / IMAGES / "turned.jpg")
    assert turned.size == (800, 1200) and 0x0112 not in turned.getexif()
    assert (built.site / IMAGES / "small.png").read_bytes() == DOCS[f"{IMAGES}/small.png"]
    # The originals stay as they were.
    assert Image.open(built.root / "docs" / IMAGES / "big.jpg").size == (3200, 1800)


def test_pictures_have_their_size_lazy_loading_and_a_lightbox(built: Built) -> None:
    page = built.html("notes/2024/summit/slides/")
    content = page.select_one("article")
    assert content is not None
    attrs = {img["alt"]: (img.get("width"), img.get("height"), img.get("loading"),
                          img.parent.name if img.parent else None)
             for img in content.select("img")}
    assert attrs == {
        "세 가지 물결": ("1600", "900", "lazy", "a"),
        "돌려 찍은 사진": ("800", "1200", "lazy", "a"),
        "작은 도표": ("300", "200", "lazy", "p"),
        "원격": (None, None, None, "p"),
        "HTML로 쓴 그림": ("300", "200", "lazy", "p"),
    }
    links = [a["href"] for a in content.select("a.cn-lightbox")]
    assert links == ["../images/big.jpg", "../images/turned.jpg"]
    assert [s.text for s in content.select(".cn-image-missing")] == [
        "폭탄", "깨진 파일", "없는 사진", "밖의 사진", "절대 경로", "링크"]
    assert page.select_one('script[src$="assets/javascripts/confnotes-lightbox.js"]')
    assert (built.site / "assets/javascripts/confnotes-lightbox.js").is_file()
    assert not built.html("").select_one('script[src$="confnotes-lightbox.js"]')


def test_a_registry_avatar_is_a_small_square(built: Built) -> None:
    img = built.html("speakers/painted/").select_one("img.cn-avatar")
    assert img is not None and img["src"] == "../../assets/confnotes/avatars/painted.jpg"
    assert (img["width"], img["height"], img["loading"]) == ("256", "256", "lazy")
    assert Image.open(built.site / "assets/confnotes/avatars/painted.jpg").size == (256, 256)
    for ident in ("lost", "climber", "broken"):
        page = built.html(f"speakers/{ident}/")
        assert page.select_one("svg.cn-avatar--initials") and not page.select_one(
            "img.cn-avatar")


@pytest.mark.parametrize(("url", "kind", "title"), [
    ("notes/2024/summit/slides/", "article",
     "슬라이드로 보는 AI 인프라의 세 가지 물결과 데이터센터의 전력, 그리고 냉각"),
    ("speakers/painted/", "profile", "김화가"),
    ("topics/ai/", "website", "AI 인프라"),
    ("events/summit/", "website", "그림 서밋 2024"),
    ("", "website", "Confnotes"),
])
def test_every_page_kind_has_a_card_and_its_tags(built: Built, url: str, kind: str,
                                                 title: str) -> None:
    if not (built.site / url / "index.html").exists():  # a topic's slug, found from the data
        url = next(t["url"] for t in built.data("topics") if t["name"] == title)
    page = built.html(url)
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("head meta")
            if m.get("property", "").startswith(("og:", "article:"))
            or m.get("name", "").startswith("twitter:")}
    assert meta["og:type"] == kind and meta["og:title"] == title
    assert meta["og:site_name"] == "Confnotes" and meta["og:url"] == SITE_URL + quote(url)
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"] == meta["twitter:image"]
    assert meta["og:image"].startswith(SITE_URL + "assets/confnotes/cards/")
    card = Image.open(built.site / unquote(meta["og:image"].removeprefix(SITE_URL)))
    assert card.size == (1200, 630) and card.format == "PNG"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    if kind == "article":
        assert meta["article:published_time"] == "2024-11-04"


def test_a_rebuild_with_nothing_changed_redoes_no_picture_work(built: Built) -> None:
    cache = Path(os.environ.get("CONFNOTES_CACHE_DIR") or built.root / ".cache" / "confnotes")
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    cards = sorted((built.site / "assets/confnotes/cards").rglob("*.png"))
    card_bytes = [p.read_bytes() for p in cards]
    again = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-v", "-d", "site"],
                           cwd=built.root, capture_output=True, text=True, check=False,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert again.returncode == 0
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == before
    assert "(0 made), avatars: 1 (0 made), cards:" in again.stderr
    assert "(0 drawn)" in again.stderr
    assert [p.read_bytes() for p in cards] == card_bytes


def build_with_settings(root: Path, docs: dict[str, str | bytes], settings: str) -> Built:
    """Like conftest.build_site, with lines added under `extra.confnotes` in mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "base.yml")
    (root / "mkdocs.yml").write_text(f"INHERIT: base.yml\nextra:\n  confnotes:\n{settings}",
                                     encoding="utf-8")
    for folder in ("hooks", "templates"):
        shutil.copytree(ROOT / folder, root / folder, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    write_files(root / "docs", docs)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=root,
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return Built(root, result.returncode, result.stderr + result.stdout)


def test_without_a_hangul_font_cards_are_left_out_with_one_warning(tmp_path: Path) -> None:
    docs = {k: v for k, v in DOCS.items() if k.endswith((".yml", ".md", "big.jpg", "ed.jpg"))}
    (tmp_path / "fake.ttf").write_text("not a font")
    built = build_with_settings(tmp_path, docs, "    card_font: fake.ttf\n")
    assert built.returncode == 0
    cards = [w for w in built.warnings if "card" in w]
    assert cards == [f"Social cards are left out: extra.confnotes.card_font: "
                     f"'{tmp_path / 'fake.ttf'}' is not a font Pillow can read. The rest of the "
                     "site is built as usual."]
    page = built.html("notes/2024/summit/slides/")
    assert page.select_one('meta[property="og:title"]')["content"].startswith("슬라이드로")
    assert page.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert not page.select_one('meta[property="og:image"]')
    assert not (built.site / "assets/confnotes/cards").exists()
    assert Image.open(built.site / IMAGES / "big.jpg").size == (1600, 900)
