"""Social cards and avatars: fonts found locally, Hangul drawn as Hangul, the same bytes on
every build, long titles wrapped and cut with an ellipsis."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from confnotes import avatars, card_fonts, cards
from confnotes.adapter.pages import View
from confnotes.card_fonts import Fonts
from confnotes.cards import Card
from PIL import Image, ImageChops, ImageDraw, ImageFont

from tests.pictures import encoded

BASE = Card("노트", "", (), "Confnotes", "notes.example.com")


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    found, why_not = card_fonts.find_fonts(None)
    if found is None:
        if os.environ.get("CI"):  # CI installs fonts-noto-cjk: a missing font is a failure there
            pytest.fail(why_not)
        pytest.skip(why_not)
    return found


def latin_only_font(size: int = 40) -> ImageFont.FreeTypeFont:
    """Pillow's own font (Aileron): Latin letters, no Hangul."""
    font = ImageFont.load_default(size)
    assert isinstance(font, ImageFont.FreeTypeFont)
    return font


# -- fonts ------------------------------------------------------------------------------------


def test_a_system_font_with_hangul_is_found(fonts: Fonts) -> None:
    for bold in (True, False):
        assert not card_fonts.missing(fonts.get(40, bold), "가나다라한글힣ABCabc123")


def test_the_tofu_check_sees_what_a_font_lacks(fonts: Fonts) -> None:
    assert card_fonts.missing(latin_only_font(), "한글 abc") == {"한", "글"}
    assert card_fonts.missing(fonts.get(40), "AI 반도체 🚀") == {"🚀"}


def test_no_font_at_all_is_said_once_with_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(card_fonts, "_fontconfig", lambda: [])
    found, why_not = card_fonts.find_fonts(
        None, system=[("/nonexistent/b.ttf", "/nonexistent/r.ttf")])
    assert found is None and "fonts-noto-cjk" in why_not and "card_font" in why_not


def test_a_configured_font_is_used_or_nothing(tmp_path: Path, fonts: Fonts) -> None:
    found, _ = card_fonts.find_fonts(fonts.bold.path)
    assert found is not None and found.bold == fonts.bold
    assert card_fonts.find_fonts(str(tmp_path / "none.ttf"))[1].endswith("there is no file "
                                                                      f"'{tmp_path}/none.ttf'")
    fake = tmp_path / "fake.ttf"
    fake.write_text("not a font")
    assert card_fonts.find_fonts(str(fake))[1].endswith("is not a font Pillow can read")


def test_a_configured_font_without_hangul_is_refused() -> None:
    latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.isfile(latin):
        pytest.skip("no DejaVu Sans here")
    assert card_fonts.find_fonts(latin)[1].endswith("has no Hangul")


def test_the_choice_is_remembered_while_the_fonts_are_unchanged(
        tmp_path: Path, fonts: Fonts, monkeypatch: pytest.MonkeyPatch) -> None:
    remembered = tmp_path / "fonts.json"
    system = [(fonts.bold.path, fonts.regular.path)]
    first, _ = card_fonts.find_fonts(None, system, remembered)

    def fail(*_: object) -> None:
        raise AssertionError("fonts opened again")
    monkeypatch.setattr(card_fonts, "_find_fonts", fail)
    assert card_fonts.find_fonts(None, system, remembered) == (first, "")


# -- text -------------------------------------------------------------------------------------


def test_a_long_title_wraps_and_ends_in_an_ellipsis(fonts: Fonts) -> None:
    font = fonts.get(54)
    title = ("초거대 언어모델 시대의 반도체 패키징 기술과 HBM 공급망 재편, 그리고 한국 반도체 "
             "산업이 앞으로 십 년 동안 준비해야 할 것들")
    lines = cards.wrap(title, font, 700, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 700 for line in lines)
    assert "".join(lines).replace("…", "").replace(" ", "") in title.replace(" ", "")


def test_lines_break_between_words_and_inside_only_an_overlong_word(fonts: Fonts) -> None:
    font = fonts.get(40)
    assert cards.wrap("AI 인프라 시장의 현재와 전망", font, 330, 5) == [
        "AI 인프라 시장의", "현재와 전망"]
    long = cards.wrap("Hyperscale-Datacenter-Interconnect", font, 300, 5)
    assert long[0].endswith("-") and all(font.getlength(x) <= 300 for x in long)
    word = cards.wrap("가" * 40, font, 400, 9)
    assert len(word) > 1 and all(font.getlength(x) <= 400 for x in word)


def test_balanced_lines_leave_no_lone_word(fonts: Fonts) -> None:
    font = fonts.get(72)
    lines = cards.balance("[패널] AI 시대의 인프라, 현재와 미래", font, 1040, 2)
    assert len(lines) == 2 and lines[1] != "미래"


def test_characters_without_a_glyph_are_left_out(fonts: Fonts) -> None:
    assert cards.printable("🚀  발사   준비 ✅", fonts.get(40)) == "발사 준비"


# -- cards ------------------------------------------------------------------------------------


def card(title: str = "AI 인프라 시장의 현재와 전망") -> Card:
    return replace(BASE, title=title, details=("SK AI Summit 2024 · 1일차",
                                               "2024년 11월 4일 · 마크 애덤스"))


def test_a_card_is_1200_by_630_and_the_same_bytes_every_time(fonts: Fonts) -> None:
    first = cards.encode(cards.render(card(), fonts), card())
    assert first == cards.encode(cards.render(card(), fonts), card())
    stored = Image.open(io.BytesIO(first))
    assert stored.size == (1200, 630)
    # Stored with a palette, and still the picture drawn: no channel off by more than 16.
    extrema = ImageChops.difference(stored.convert("RGB"), cards.render(card(), fonts)).getextrema()
    assert all(high <= 16 for _, high in extrema)  # type: ignore[misc]
    assert cards.card_key(card(), fonts) == cards.card_key(card(), fonts)
    assert cards.card_key(card("다른 제목"), fonts) != cards.card_key(card(), fonts)


def test_the_card_shows_hangul_glyphs_not_boxes(fonts: Fonts) -> None:
    """Each title line on the card is exactly the font's drawing of that text, and the font has
    a glyph for each of its characters; the same text drawn as missing glyphs looks different."""
    image = cards.render(card(), fonts)
    titles = [r for r in cards.layout(card(), fonts) if r.size >= 54]
    assert "".join(r.text for r in titles).replace(" ", "") == "AI인프라시장의현재와전망"
    for run in titles:
        font = fonts.get(run.size, run.bold)
        assert not card_fonts.missing(font, run.text)
        alone = Image.new("RGB", image.size, cards.BACKGROUND)
        ImageDraw.Draw(alone).text((run.x, run.y), run.text, font=font, fill=run.fill)
        box = ImageChops.difference(alone, Image.new("RGB", image.size, cards.BACKGROUND)).getbbox()
        assert box is not None
        assert ImageChops.difference(alone.crop(box), image.crop(box)).getbbox() is None
        tofu = Image.new("RGB", image.size, cards.BACKGROUND)
        ImageDraw.Draw(tofu).text((run.x, run.y), "\U0010ffff" * len(run.text), font=font,
                                  fill=run.fill)
        assert ImageChops.difference(tofu.crop(box), image.crop(box)).getbbox() is not None


def test_a_speaker_card_shows_the_avatar_or_the_initials(fonts: Fonts, tmp_path: Path) -> None:
    with_initials = replace(card("유영상"), initials_of="유영상")
    picture = cards.render(with_initials, fonts)
    centre = (cards.WIDTH - cards.PAD - cards.AVATAR // 2 + 60,
              (cards.HEIGHT - cards.AVATAR) // 2 - 20 + cards.AVATAR // 2)
    assert picture.getpixel(centre) == Image.new("RGB", (1, 1), View.colour("유영상")).getpixel(
        (0, 0))
    square, _ = avatars.square(photo(400, 600, "#00aa00"))
    path = tmp_path / "a.jpg"
    path.write_bytes(square)
    with_avatar = cards.render(replace(card("유영상"), avatar=str(path)), fonts)
    pixel = with_avatar.getpixel(centre)
    assert isinstance(pixel, tuple) and pixel[1] > 150 and pixel[0] < 60


# -- avatars ----------------------------------------------------------------------------------


def photo(width: int, height: int, colour: str, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    ImageDraw.Draw(image).rectangle((0, 0, width, height // 10), fill="black")  # a top band
    return encoded(image, orientation)


def test_an_avatar_is_a_small_square_the_same_every_time() -> None:
    data, suffix = avatars.square(photo(600, 800, "#3366cc"))
    assert suffix == ".jpg" and Image.open(io.BytesIO(data)).size == (256, 256)
    assert avatars.square(photo(600, 800, "#3366cc")) == (data, suffix)


def test_an_avatar_keeps_more_of_the_top_and_is_turned_upright() -> None:
    # A 400 x 1200 portrait whose top third is dark: a centred square starts at 400 and misses
    # it; the avatar's square starts at 320 (faces sit high), so its top row is dark.
    portrait = Image.new("RGB", (400, 1200), "white")
    ImageDraw.Draw(portrait).rectangle((0, 0, 400, 399), fill="black")
    assert dark_top(avatars.square(encoded(portrait))[0])
    # The same picture stored on its side (orientation 6: shown turned 90° clockwise).
    assert dark_top(avatars.square(encoded(portrait.rotate(-270, expand=True), 6))[0])


def dark_top(data: bytes) -> bool:
    pixel = Image.open(io.BytesIO(data)).convert("RGB").getpixel((128, 2))
    return isinstance(pixel, tuple) and sum(pixel) < 100


def test_a_transparent_avatar_stays_png() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (300, 300), (255, 0, 0, 0)).save(out, "PNG")
    data, suffix = avatars.square(out.getvalue())
    assert suffix == ".png" and Image.open(io.BytesIO(data)).mode == "RGBA"


def test_initials_are_drawn_on_the_names_own_colour(fonts: Fonts) -> None:
    font = fonts.get(100)
    first = avatars.initials("이강욱", 220, font)
    assert first.tobytes() == avatars.initials("이강욱", 220, font).tobytes()
    assert first.getpixel((20, 110))[:3] == Image.new(  # type: ignore[index]
        "RGB", (1, 1), View.colour("이강욱")).getpixel((0, 0))
    assert first.getpixel((0, 0))[3] == 0  # type: ignore[index]  # outside the disc
    assert not card_fonts.missing(font, View.initials("이강욱"))
    assert first.tobytes() != avatars.initials("Kai-Fu Lee", 220, font).tobytes()


def _cards_config(tmp_path: Path) -> Any:
    """A validated MkDocs config whose docs/ and site/ are under `tmp_path`, as the hooks'
    on_files sees it."""
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    (tmp_path / "docs").mkdir()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site")})
    errors, _warnings = config.validate()
    assert not errors
    config.plugins._current_plugin = "confnotes"  # as while MkDocs runs the hooks' on_files
    return config


def test_a_file_of_the_sites_own_at_a_cards_address_wins(fonts: Fonts, tmp_path: Path) -> None:
    from confnotes.adapter.social import Cards
    from confnotes.cards import FOLDER
    from mkdocs.structure.files import File, Files

    config = _cards_config(tmp_path)
    own = File(f"{FOLDER}/notes/a.png", config["docs_dir"], config["site_dir"], True)
    files = Files([own])
    planned = Cards(tmp_path / "cache", fonts)
    try:
        planned.plan("notes/a.md", BASE, files, config)
        planned.plan("notes/b.md", BASE, files, config)
        planned.start()
    finally:
        assert planned.finish() == []
    assert (tmp_path / "site" / FOLDER / "notes/b.png").is_file()
    assert "notes/a.md" not in planned.by_page        # the site's own file is published
    assert planned.by_page["notes/b.md"].src_uri == f"{FOLDER}/notes/b.png"


def test_a_plan_is_taken_again_only_while_its_cards_stand(fonts: Fonts, tmp_path: Path) -> None:
    """Under `mkdocs serve` a rebuild from the same model takes the last plan whole, unless a
    card is gone from the cache or a file of the site's own has come to a card's address."""
    from confnotes.adapter.social import Cards
    from confnotes.cards import FOLDER
    from mkdocs.structure.files import File, Files

    config = _cards_config(tmp_path)
    cache = tmp_path / "cache"
    first = Cards(cache, fonts, {})
    try:
        for page in ("notes/a.md", "notes/b.md"):
            first.plan(page, BASE, Files([]), config)
        first.start()
    finally:
        assert first.finish() == []
    again = Cards(cache, fonts, {})
    assert again.adopt(first.planned, first.by_page, Files([]))
    assert again.by_page == first.by_page and again.planned == first.planned
    own = File(f"{FOLDER}/notes/b.png", config["docs_dir"], config["site_dir"], True)
    assert not Cards(cache, fonts, {}).adopt(first.planned, first.by_page, Files([own]))
    for drawn in cache.iterdir():
        drawn.unlink()
    assert not Cards(cache, fonts, {}).adopt(first.planned, first.by_page, Files([]))
