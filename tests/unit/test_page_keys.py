"""Material's own front-matter keys: a value that would stop the build or reach the page as
markup is a warning at its line and is left out."""

from __future__ import annotations

from pathlib import Path

from confnotes import collect
from confnotes.messages import Report
from confnotes.page_keys import Theme, read
from confnotes.settings import theme_dirs

ROOT = Path(__file__).resolve().parents[2]
THEME = Theme(theme_dirs({"theme": {"name": "material", "custom_dir": "templates"}}, ROOT))


def keys(meta: dict[str, object]) -> tuple[dict[str, object], list[str]]:
    report = Report()
    kept = read(meta, {k: n for n, k in enumerate(meta, 2)}, "notes/x.md", report, THEME)
    return kept, [p.for_mkdocs() for p in report.problems]


def test_good_values_pass_and_a_subtitle_is_escaped() -> None:
    kept, said = keys({"template": "main.html", "hide": ["toc", "navigation"],
                       "search": {"boost": 2, "exclude": False}, "status": "new",
                       "icon": "material/star", "comments": True, "subtitle": "<b>x</b>",
                       "title": "not a page key"})
    assert said == []
    assert kept == {"template": "main.html", "hide": ["toc", "navigation"],
                    "search": {"boost": 2, "exclude": False}, "status": "new",
                    "icon": "material/star", "comments": True, "subtitle": "&lt;b&gt;x&lt;/b&gt;"}


def test_each_bad_value_is_named_at_its_line() -> None:
    kept, said = keys({"template": 5, "search": 5, "hide": 5, "icon": "../../etc/passwd",
                       "status": '" onmouseover="x', "comments": "maybe", "Template": "topic.html"})
    assert kept == {}
    assert said == [
        "Doc file 'notes/x.md', line 2: 'template' should name a template file such as "
        "'note.html', not 5; it is ignored.",
        "Doc file 'notes/x.md', line 3: 'search' should be a mapping such as 'exclude: true' or "
        "'boost: 2', not 5; it is ignored.",
        "Doc file 'notes/x.md', line 4: 'hide' should be a list of parts to hide (feedback, "
        "footer, navigation, path, tags, toc), not 5; it is ignored.",
        "Doc file 'notes/x.md', line 5: 'icon' should name an icon such as 'material/star', not "
        "'../../etc/passwd'; it is ignored.",
        "Doc file 'notes/x.md', line 6: 'status' should be one word such as 'new', not "
        "'\" onmouseover=\"x'; it is ignored.",
        "Doc file 'notes/x.md', line 7: 'comments' should be true or false, not 'maybe'; it is "
        "ignored.",
        "Doc file 'notes/x.md', line 8: 'Template' 'topic.html' is the template of the site's "
        "own topic page; it is ignored."]
    assert keys({"template": "nowhere.html", "icon": "material/nowhere"})[1] == [
        "Doc file 'notes/x.md', line 2: 'template' 'nowhere.html' is not a template of the "
        "theme (templates/ or Material's); it is ignored.",
        "Doc file 'notes/x.md', line 3: 'icon' 'material/nowhere' is not an icon of the theme; "
        "it is ignored."]


def test_dates_days_and_long_names_stay_in_range() -> None:
    report = Report()
    raw = collect.read_note("notes/x.md", b"---\ntitle: t\ndate: 9999-12-31\nday: 3000000\n---\n",
                            report)
    assert (raw.date, raw.day) == (None, None)
    raw = collect.read_note("notes/x.md", b"---\ntitle: t\ndate: 2199-12-31\nday: 366\n---\n",
                            report)
    assert (raw.date is not None, raw.day) == (True, 366)
    name = "노트" * 34 + ".md"   # 207 bytes
    collect.read_note(f"notes/{name}", b"# t\n", report)
    assert [p.for_mkdocs() for p in report.problems] == [
        "Doc file 'notes/x.md', line 3: date 9999-12-31 is outside 1900-2199; it is left out.",
        "Doc file 'notes/x.md', line 4: day 3000000 is not a day of an event (1-366); it is "
        "left out.",
        f"Doc file 'notes/{name}': the name '{name[:39]}…' is 207 bytes long, over 200; many "
        "systems cannot check out such a name. Shorten it."]
