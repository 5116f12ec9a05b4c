"""Pictures: what is refused, what is re-encoded, the cache, and the <img> a note gets."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from confnotes.adapter import image_markdown, images
from confnotes.adapter.images import MAX_WIDTH, Images, Picture, process
from confnotes.messages import Report
from PIL import Image

from tests.pictures import jpeg, png, png_claiming


def decoded(data: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


# -- refused --------------------------------------------------------------------------------


def test_a_header_claiming_ten_gigapixels_is_refused_without_decoding() -> None:
    picture, copy = process(png_claiming(100_000, 100_000))
    assert copy is None
    assert picture.refused is not None and "megapixel limit" in picture.refused
    assert "10,000 megapixels" in picture.refused
    assert "1,600 px" in picture.fix


def test_a_picture_over_the_limit_but_under_pillows_is_refused_too() -> None:
    picture, _ = process(png_claiming(9000, 8000))  # 72 MP: Pillow alone would decode it
    assert picture.refused and "9000×8000 pixels" in picture.refused


def test_bytes_that_are_no_picture_are_refused() -> None:
    picture, copy = process(b"<html>not a picture</html>")
    assert copy is None and picture.refused == "is not a picture Pillow can read"


def test_a_truncated_jpeg_is_refused() -> None:
    picture, _ = process(jpeg(800, 600)[:1500])
    assert picture.refused and picture.refused.startswith("is damaged or cut short")


# -- served as is, or re-encoded --------------------------------------------------------------


def test_a_small_plain_picture_is_served_as_it_is() -> None:
    assert process(jpeg(1200, 800)) == (Picture(1200, 800), None)
    assert process(png(300, 200)) == (Picture(300, 200), None)


def test_a_wide_jpeg_is_shrunk_to_1600_px_and_stays_jpeg() -> None:
    picture, copy = process(jpeg(4000, 3000))
    assert copy is not None and (picture.width, picture.height) == (MAX_WIDTH, 1200)
    served = decoded(copy)
    assert served.format == "JPEG" and served.size == (MAX_WIDTH, 1200)
    assert served.info.get("progressive") == 1
    assert len(copy) < len(jpeg(4000, 3000))


def test_a_wide_png_stays_lossless_png() -> None:
    picture, copy = process(png(2400, 300, "RGBA"))
    assert copy is not None and decoded(copy).format == "PNG"
    assert decoded(copy).mode == "RGBA" and picture.width == MAX_WIDTH


@pytest.mark.parametrize(("orientation", "corner"), [
    (6, "top-right"),     # turned 90° clockwise: the stored top-left ends top-right
    (8, "bottom-left"),   # turned 90° anticlockwise
    (3, "bottom-right"),  # turned 180°
])
def test_exif_orientation_is_applied_and_the_tag_dropped(orientation: int, corner: str) -> None:
    picture, copy = process(jpeg(1200, 800, orientation=orientation))
    assert copy is not None
    served = decoded(copy)
    turned = orientation in (6, 8)
    assert served.size == ((800, 1200) if turned else (1200, 800))
    assert (picture.width, picture.height) == served.size
    assert 0x0112 not in served.getexif()
    w, h = served.size
    points = {"top-left": (10, 10), "top-right": (w - 10, 10),
              "bottom-left": (10, h - 10), "bottom-right": (w - 10, h - 10)}
    for name, point in points.items():
        pixel = served.convert("RGB").getpixel(point)
        assert isinstance(pixel, tuple)
        dark = sum(pixel) < 100
        assert dark == (name == corner), (name, pixel)


def test_a_turned_photo_is_limited_by_its_width_as_shown() -> None:
    # Stored 2400 × 1800 and turned: shown 1800 wide, so shrunk to 1600 × 2133.
    picture, copy = process(jpeg(2400, 1800, orientation=6))
    assert copy is not None and (picture.width, picture.height) == (1600, 2133)


def test_gps_data_is_removed() -> None:
    picture, copy = process(jpeg(800, 600, gps=True))
    assert copy is not None and picture.width == 800
    assert not decoded(copy).getexif().get_ifd(0x8825)


def test_an_animation_is_served_as_it_is() -> None:
    frames = [Image.new("RGB", (2000, 100), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    assert process(out.getvalue()) == (Picture(2000, 100), None)


# -- the cache --------------------------------------------------------------------------------


def test_the_cache_answers_the_second_time_without_pillow(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = jpeg(3000, 2000)
    first, made, key = images.cached(tmp_path, data, ".jpg")
    assert made and first.output and (tmp_path / first.output).is_file()
    assert key == images.cache_key(data)

    def fail(_: bytes) -> Any:
        raise AssertionError("processed again")
    monkeypatch.setattr(images, "process", fail)
    assert images.cached(tmp_path, data, ".jpg") == (first, False, key)


def test_a_refusal_is_cached_too(tmp_path: Path) -> None:
    first, _, _ = images.cached(tmp_path, b"junk", ".png")
    again, made, _ = images.cached(tmp_path, b"junk", ".png")
    assert first.refused and again == first and not made


def test_the_cache_key_follows_the_content() -> None:
    assert images.cache_key(b"a") == images.cache_key(b"a") != images.cache_key(b"b")


# -- references -------------------------------------------------------------------------------


def catalogue(tmp_path: Path) -> Images:
    found = Images(tmp_path)
    found.pictures = {"notes/x/images/big.jpg": Picture(1600, 900, output="k.jpg"),
                      "notes/x/images/small.png": Picture(300, 200),
                      "notes/x/images/bomb.png": Picture.refuse("has too many", "Shrink it.")}
    found.known = {*found.pictures, "notes/x/images/diagram.svg", "notes/x.md"}
    found.escaping = {"notes/x/images/link.png"}
    return found


@pytest.mark.parametrize(("src", "problem"), [
    ("/etc/a.png", "is an absolute path"),
    ("file:///etc/a.png", "is an absolute path"),
    ("C:/photos/a.png", "is an absolute path"),
    ("../../../outside.png", "points outside docs/"),
    ("images/link.png", "is a symbolic link to a file outside docs/"),
    ("images/bomb.png", "has too many; it is left out and not published. Shrink it."),
    ("images/nothere.png", "is not found: there is no docs/notes/x/images/nothere.png"),
])
def test_problems_of_a_reference(tmp_path: Path, src: str, problem: str) -> None:
    found = catalogue(tmp_path).find(src, "notes/x")
    assert found is not None and found.problem is not None and found.problem.startswith(problem)


@pytest.mark.parametrize("src", ["https://example.com/a.png", "//cdn.example.com/a.png",
                                 "data:image/png;base64,AAAA"])
def test_remote_pictures_are_left_alone(tmp_path: Path, src: str) -> None:
    assert catalogue(tmp_path).find(src, "notes/x") is None


def test_good_references_resolve(tmp_path: Path) -> None:
    found = catalogue(tmp_path)
    assert found.find("images/big.jpg", "notes/x") == images.Found(
        "notes/x/images/big.jpg", Picture(1600, 900, output="k.jpg"))
    assert found.find("x/images/small.png?v=2", "notes") == images.Found(
        "notes/x/images/small.png", Picture(300, 200))
    assert found.find("images/diagram.svg", "notes/x") == images.Found(
        "notes/x/images/diagram.svg")


NOTE = """\
---
title: 그림
---
# 그림

![큰 그림](images/big.jpg)

![작은 그림](images/small.png){ width="150" }

[![링크 안](images/big.jpg)](https://example.com)

```
![코드 안](images/nothere.png)
```

![없는 그림](images/nothere.png) 그리고 ![폭탄](images/bomb.png)

![원격](https://example.com/x.png)
"""


def render(tmp_path: Path, text: str = NOTE) -> tuple[str, Report, dict[str, Any]]:
    found = catalogue(tmp_path)
    report = Report()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notes/x/page.md",
                                                content_bytes=text.encode("utf-8")), meta={})
    found.begin_page(page, report, images.PageSource(page))  # type: ignore[arg-type]
    body = text.split("---\n", 2)[2]
    md = markdown.Markdown(extensions=[image_markdown.ImageExtension(found), "attr_list",
                                       "fenced_code"])
    return md.convert(body), report, page.meta


def test_a_good_picture_gets_its_size_lazy_loading_and_a_lightbox(tmp_path: Path) -> None:
    html, _, meta = render(tmp_path)
    assert ('<a class="cn-lightbox" href="images/big.jpg"><img alt="큰 그림" decoding="async" '
            'height="900" loading="lazy" src="images/big.jpg" width="1600" /></a>') in html
    assert meta["confnotes_images"] is True


def test_a_width_the_author_wrote_is_kept_and_small_pictures_get_no_lightbox(
        tmp_path: Path) -> None:
    html, _, _ = render(tmp_path)
    assert ('<img alt="작은 그림" decoding="async" height="100" loading="lazy" '
            'src="images/small.png" width="150" />') in html


def test_a_picture_already_in_a_link_keeps_its_link(tmp_path: Path) -> None:
    html, _, _ = render(tmp_path)
    assert ('<a href="https://example.com"><img alt="링크 안" decoding="async" height="900" '
            'loading="lazy" src="images/big.jpg" width="1600" /></a>') in html


def test_missing_and_refused_pictures_are_warnings_at_their_lines(tmp_path: Path) -> None:
    html, report, _ = render(tmp_path)
    assert [(p.path, p.line, p.text.split(" is ")[0].split(" has ")[0])
            for p in report.problems] == [
        ("notes/x/page.md", 16, "image 'images/nothere.png'"),  # not line 13: that is code
        ("notes/x/page.md", 16, "image 'images/bomb.png'"),
    ]
    assert '<span class="cn-image-missing">없는 그림</span>' in html
    assert '<span class="cn-image-missing">폭탄</span>' in html
    assert '<img alt="원격" src="https://example.com/x.png" />' in html


def test_the_same_picture_twice_is_reported_at_each_line(tmp_path: Path) -> None:
    text = "---\ntitle: x\n---\n![a](gone.png)\n\n![b](gone.png)\n"
    _, report, _ = render(tmp_path, text)
    assert [p.line for p in report.problems] == [4, 6]


def test_an_img_written_as_html_is_checked_against_the_pages_address(tmp_path: Path) -> None:
    found = catalogue(tmp_path)
    report = Report()
    text = ('<img src="images/small.png" alt="a">\n<img src="x/images/small.png">\n'
            '<img src="https://example.com/r.png">\n<img src="x/images/big.jpg" width="10">\n')
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notes/x.md",
                                                content_bytes=text.encode()),
                           url="notes/x/", meta={})
    html = found.check_html(text, page, report, images.PageSource(page))  # type: ignore[arg-type]
    assert html.splitlines() == [
        '<img width="300" height="200" decoding="async" loading="lazy" src="images/small.png" '
        'alt="a">',
        '<img src="x/images/small.png">',
        '<img src="https://example.com/r.png">',
        '<img src="x/images/big.jpg" width="10">',
    ]
    assert [(p.line, p.text) for p in report.problems] == [
        (2, "image 'x/images/small.png' is not found: there is no docs/notes/x/x/images/small.png."
            " Check the file name and folder. In HTML an address is relative to the page's own "
            "address ('notes/x/'); write it as Markdown, ![…](…), to have it relative to the "
            "note."),
        (4, "image 'x/images/big.jpg' is not found: there is no docs/notes/x/x/images/big.jpg."
            " Check the file name and folder. In HTML an address is relative to the page's own "
            "address ('notes/x/'); write it as Markdown, ![…](…), to have it relative to the "
            "note."),
    ]


def docs_files(docs: Path) -> Any:
    from mkdocs.structure.files import File, Files
    return Files([File(p.relative_to(docs).as_posix(), str(docs), str(docs.parent / "site"),
                       use_directory_urls=True) for p in sorted(docs.rglob("*")) if p.is_file()])


def test_an_unchanged_file_is_not_even_read_again(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    (docs / "images").mkdir(parents=True)
    (docs / "images" / "wide.jpg").write_bytes(jpeg(2400, 1200))
    (docs / "images" / "bad.png").write_bytes(b"junk")
    (docs / "note.md").write_text("# x\n")
    first = Images(tmp_path / "cache")
    files = docs_files(docs)
    first.read(files, str(docs))
    assert first.made == 2 and first.pictures["images/wide.jpg"].width == 1600
    assert [f.src_uri for f in files] == ["images/wide.jpg", "note.md"]  # bad.png left out
    assert files.get_file_from_path("images/wide.jpg").abs_src_path == str(  # type: ignore[union-attr]
        tmp_path / "cache" / (first.pictures["images/wide.jpg"].output or ""))

    def fail(*_: object) -> Any:
        raise AssertionError("read again")
    monkeypatch.setattr(images, "cached", fail)
    again = Images(tmp_path / "cache")
    again.read(docs_files(docs), str(docs))
    assert again.made == 0 and again.pictures == first.pictures

    monkeypatch.undo()
    (docs / "images" / "wide.jpg").write_bytes(jpeg(2400, 600))  # changed: read and made anew
    third = Images(tmp_path / "cache")
    third.read(docs_files(docs), str(docs))
    assert third.made == 1 and third.pictures["images/wide.jpg"].height == 400


def test_no_damaged_file_stops_the_build() -> None:
    """Cut and scrambled pictures are refused or served, never an exception."""
    import random
    rng = random.Random(7)
    for good in (jpeg(640, 480), png(640, 480), jpeg(2000, 1000, orientation=6)):
        for _ in range(12):
            data = bytearray(good[: rng.randrange(8, len(good))])
            for _ in range(rng.randrange(0, 6)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            picture, _ = process(bytes(data))
            assert picture.refused or picture.width > 0
