"""Raw HTML in notes and SVG files: what notes use stays, what could run or reach out goes,
and every removal is named."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from confnotes.markup import located, sanitise, scan_markdown
from confnotes.pictures import process, svg_refusal
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.pictures import gif_of_frames

KEPT = ('<details class="note" open><summary>요약</summary><p>H<sub>2</sub>O, x<sup>2</sup>, '
        '<kbd>Ctrl</kbd><br>끝</p></details>'
        '<p><a href="https://example.com/x">웹</a> <a href="../other/">노트</a> '
        '<a href="mailto:a@example.com">메일</a> <a class="headerlink" href="#h">¶</a></p>'
        '<p><img alt="슬라이드" height="10" loading="lazy" src="images/a.png" width="20"></p>'
        '<table><thead><tr><th style="text-align:left">a</th></tr></thead>'
        '<tbody><tr><td style="text-align:right">1</td></tr></tbody></table>'
        '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
        '<input type="checkbox" disabled="disabled" checked=""></label> 완료</li></ul>')


def shape(html: str) -> list[tuple[str, dict[str, str], str]]:
    """Each element's name, attributes (a boolean one as present) and own text."""
    soup = BeautifulSoup(html, "html.parser")
    return [(e.name, {k: str(v) if v else "" for k, v in e.attrs.items()},
             "".join(e.find_all(string=True, recursive=False))) for e in soup.find_all(True)]


def test_what_notes_use_is_kept_as_it_is() -> None:
    cleaned, removed = sanitise(KEPT)
    assert removed == []
    assert shape(cleaned) == shape(KEPT.replace('open', 'open=""').replace(
        'disabled="disabled" checked=""', 'checked="" disabled="disabled"'))


@pytest.mark.parametrize(("html", "what", "gone"), [
    ("<script>alert(1)</script><p>글</p>", "<script>", "alert"),
    ('<a href="javascript:alert(1)">x</a>', "the address 'javascript:alert(1)'",
     "javascript"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "the address 'javascript:alert(1)'",
     "alert"),
    ('<a href=" java\nscript:alert(1)">x</a>', "the address ' java script:alert(1)'",
     "alert"),
    ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "the address", "data:"),
    ('<img src="x.png" onerror="alert(1)">', "the attribute 'onerror'", "onerror"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe>", "iframe"),
    ('<form action="https://evil.example/"><input name="pw" type="password"></form>', "<form>",
     "password"),
    ('<div style="position:fixed;inset:0">가림막</div>', "the attribute 'style'",
     "fixed"),
    ('<td style="text-align:left;background:url(https://x/)">1</td>',
     "the style 'background'", "url("),
    ('<p id="__drawer">x</p>', "the attribute 'id'", "__drawer"),
    ('<svg><circle onclick="alert(1)"/></svg>', "<svg>", "onclick"),
])
def test_what_could_run_or_reach_out_is_removed_and_named(html: str, what: str,
                                                          gone: str) -> None:
    cleaned, removed = sanitise(html)
    assert gone not in cleaned
    assert any(r.what.startswith(what) for r in removed), removed


def test_a_removal_is_found_at_its_line_of_the_note() -> None:
    source = "---\ntitle: t\n---\n# 제목\n\n본문\n\n<IMG src=x OnError=alert(1)>\n"
    _, removed = sanitise('<img src="x" onerror="alert(1)">')
    assert located(removed, source, 20) == [(removed[0], 8)]
    assert located(removed * 30, source, 20) == [(removed[0], 8)] * 20


def test_an_svg_is_published_only_without_script_or_references() -> None:
    drawing = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/'
               b'xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="4" '
               b'height="4"/><use xlink:href="#g"/><style>rect { fill: url(#g) }</style></svg>')
    assert svg_refusal(drawing) is None
    for data, why in [
            (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
             "is an SVG with <script>, which runs or embeds content"),
            (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
             "is an SVG with the event handler 'onload', which runs script"),
            (b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x'
             b'</text></a></svg>', "is an SVG that refers to 'javascript:alert(1)' outside "
             "itself"),
            (b'<svg><image href="https://tracker.example/p.png"/></svg>',
             "is an SVG that refers to 'https://tracker.example/p.png' outside itself"),
            (b'<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
             "is an SVG whose <set> changes a link"),
            (b'<svg><foreignObject><p>x</p></foreignObject></svg>',
             "is an SVG with <foreignobject>, which runs or embeds content"),
            (b'<svg><style>@import "https://x/a.css";</style></svg>',
             "is an SVG whose style sheet fetches from elsewhere"),
            (b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg>&a;</svg>',
             "is an SVG with a DOCTYPE, entities or a style sheet instruction"),
            (b"<svg><unclosed></svg>", "is not a well-formed SVG")]:
        assert (svg_refusal(data) or "").startswith(why), data


def test_an_animation_is_refused_before_its_frames_are_decoded() -> None:
    picture, _ = process(gif_of_frames(1_000, 8000, 8000))
    assert picture.refused == ("is an animation of 1,000 frames of 8000×8000 pixels, over the "
                               "limits for animations (16 megapixels a frame, 320 for all its "
                               "frames)")
    assert process(gif_of_frames(3, 300, 200))[0].refused is None


def test_check_finds_in_the_markdown_what_the_build_removes_from_the_page() -> None:
    body = ("# 제목\n\n<script>alert(1)</script>\n\n`<script>` in code is text\n\n```html\n"
            "<iframe src=x></iframe>\n```\n\n[link](javascript:alert(2)) and [ok](https://x/)\n\n"
            "문단 {: onclick=\"alert(3)\" }\n\n[ref]: data:text/html,hi\n")
    found = [(line, item.what) for item, line in scan_markdown(body, 5)]
    assert found == [(7, "<script>"), (15, "the address 'javascript:alert(2)'"),
                     (17, "the attribute 'onclick'"), (19, "the address 'data:text/html,hi'")]


def test_an_embedded_talk_video_or_deck_becomes_a_link() -> None:
    from confnotes.markup import sanitise
    cleaned, removed = sanitise(
        '<iframe src="//www.slideshare.net/slideshow/embed_code/key/x1" width="425"></iframe>'
        '<iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>'
        '<iframe src="https://evil.example/x"></iframe>')
    assert '<a class="cn-embed" href="https://www.slideshare.net/slideshow/embed_code/key/x1">' \
        in cleaned
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in cleaned
    assert "iframe" not in cleaned and "evil.example" not in cleaned
    assert [r.what for r in removed] == ["<iframe>"]      # the unknown host's, named


def test_check_reads_an_attribute_list_shorthand_as_the_build_does() -> None:
    from confnotes.markup import scan_markdown
    found = scan_markdown("## 제목 {#talk-1}\n## b {: .x #y }\n## c {: onclick=\"x\" }\n", 1)
    assert [(item.what, line) for item, line in found] == [("the attribute 'onclick'", 3)]


# -- pages of plain tags are read without the standard library's parser ------------------------

PLAIN_AND_NOT = [
    KEPT,
    '<p class="x" onclick="alert(1)">a</p><p class="x" onclick="alert(1)">b</p>',
    '<a href="javascript:alert(1)" id="__drawer">x</a><a href="java&#115;cript:x">y</a>',
    '<td style="text-align: left; position: fixed">1</td><details open>s</details>',
    '<span data-x="1" aria-label="y" target="_blank" rel="x">a</span><br /><hr/>',
    '<input type="checkbox" disabled checked/><input type="text" name="q" value="">',
    '<img src="a.png" onerror="x()"><img alt="" src="">',
    '<p>a<!-- <script>x</script> --></p>', '<script>alert(1)</script><p>b</p>',
    '<style>p { color: red }</style>', '<p onclick=x>a</p>', "<p title='a'>b</p>",
    '<P CLASS="x">a</P>', '<p\u3000onclick="x">a</p>', '<p\x0bonclick="x">a</p>',
    '<p title="a>b" onclick="c">d</p>', '<p id = "x">a</p>', '<p a="1"b="2">a</p>',
    '<iframe src="https://example.com"></iframe>', '<font color="red">a</font>',
    '<math><mi>x</mi></math>', '<p>1 < 2</p>', '<p>a</p><', '<p>a</p></ p>', '<?php x ?>',
    '<!DOCTYPE html><p>a</p>', '<![CDATA[<script>]]>', '<textarea><p onclick="x"></textarea>',
    '<title><p onclick="x"></title>', '<a href="&#95;_x" id="&#95;_y">a</a>',
    '<h2 id="_x">a</h2><h2 id="__x">b</h2>', '<p title="&lt;script&gt;" lang="">a</p>',
]


@pytest.mark.parametrize("html", PLAIN_AND_NOT)
def test_plain_tags_are_read_as_the_parser_reads_them(html: str) -> None:
    from confnotes import markup

    assert markup.removals(html) == markup._parsed_removals(html)
    cleaned, removed = sanitise(html)
    assert removed == markup._parsed_removals(markup.embeds_as_links(html))
    slow = markup._CLEANER.clean(markup.embeds_as_links(html))
    assert cleaned == markup._INPUT.sub(markup._fixed_input, slow)


def test_plain_pages_skip_the_parser_others_do_not() -> None:
    from confnotes import markup

    assert markup._plain_removals(KEPT) == []
    assert markup._plain_removals('<p class="x" onclick="y">a</p>') is not None
    for html in ('<p>a<!-- c --></p>', '<script>x</script>', "<p title='a'>b</p>",
                 '<font>a</font>', '<p>1 < 2</p>', '<P>a</P>', '<p title="a>b">c</p>'):
        assert markup._plain_removals(html) is None, html
    assert sanitise('<h2 id="__drawer">a</h2>')[0] == "<h2>a</h2>"


_PIECES = ["<p>", "</p>", "<span", "<a", "<td", "<h2", "<img", "<details", "<input", "<font",
           "<script>", "</script>", "<!--", "-->", " class=\"x\"", " id=\"__d\"", " id=\"&#95;_\"",
           " href=\"javascript:x\"", " href=\"https://a\"", " onclick=\"y\"", " open",
           " style=\"text-align:left;top:0\"", " title='a'", " checked", "/>", ">", " ", "\n",
           "<", "&amp;", "글", "\"", "=", "\u3000", "</", "a", "<br />", "</a>"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=400, deadline=None)
def test_any_mix_of_tags_is_read_as_the_parser_reads_it(pieces: list[str]) -> None:
    from confnotes import markup

    html = "".join(pieces)
    assert markup.removals(html) == markup._parsed_removals(html)
    slow = markup._INPUT.sub(markup._fixed_input, markup._CLEANER.clean(html))
    assert sanitise(html)[0] == slow
