"""Accessibility: axe finds nothing on any kind of page in either colour scheme; the keyboard reaches everything."""

import pytest
from bs4 import BeautifulSoup

from studyguide.build import GENERATED_PAGES
from studyguide.pages.timeline import FILTERS

from browser import COLOUR_RULES, axe_violations, keep_only, rules_for, tab_walk
from sitebuild import one_page_per_template, site_pages

# Removes from the page's content every element that only repeats, under the same parent, an element
# already kept three times with the same kinds of element inside (tags, classes, inline colours):
# the dark scheme changes colours, so one of each kind shows what it does, and the glossary,
# who's who and flashcards then take seconds rather than tens of seconds. Three are kept so that
# alternating (odd/even) styles are still seen. The timeline filter's classes are left out of an
# element's kind: they only pick events for the filter, and would make each of the timeline's events
# a kind of its own.
FILTER_CLASS = "^tl-(" + "|".join(FILTERS) + ")-"
DROP_REPEATS = """() => {
  const kind = (e) =>
    [e.tagName, ...[...e.classList].filter((c) => !/FILTER_CLASS/.test(c)).sort(), e.getAttribute('style'),
     e.getAttribute('fill')].join(' ');
  const signature = (element) => [...new Set([element, ...element.querySelectorAll('*')].map(kind))].sort().join('|');
  let removed = 0;
  for (const parent of document.querySelectorAll('article, article *')) {
    const seen = new Map();
    for (const child of [...parent.children]) {
      const key = signature(child);
      seen.set(key, (seen.get(key) || 0) + 1);
      if (seen.get(key) > 3) { child.remove(); removed += 1; }
    }
  }
  return removed;
}""".replace("FILTER_CLASS", FILTER_CLASS)


def _whole(path: str) -> bool:
    """Whether the light scheme's check keeps every element of the page.

    A generated page (glossary, who's who, quiz...) is hundreds of entries from one renderer, so three of
    each kind of entry show what axe would find in all of them, at a fifth of the time; the hand-written
    pages are checked whole. (Duplicate ids, which only the whole page shows, are the HTML checker's.)
    """
    return f"{path.rstrip('/')}.md" not in GENERATED_PAGES


def test_the_axe_check_reports_every_element_that_breaks_a_rule(chromium):
    """The check gathers only violations in full (see ``axe_violations``): it must still name each of them."""
    page = chromium.new_page()
    page.set_content(
        '<html lang="en"><title>t</title><main><h1>t</h1><button></button><button></button>'
        '<p style="color:#eee;background:#fff">faint</p></main></html>'
    )
    found = axe_violations(page)
    colours_only = axe_violations(page, rules=COLOUR_RULES)  # as the dark scheme is checked
    page.close()
    assert sorted(line.split(" ")[0] for line in found) == ["button-name", "button-name", "color-contrast"], found
    assert [line.split(" ")[0] for line in colours_only] == ["color-contrast"], colours_only


def test_a_sweep_checks_one_chapter_and_every_other_page(site_dir):
    """``make test`` sweeps one page of each kind: the chapters are made alike, so the first stands for all."""
    pages = site_pages(site_dir)
    swept = one_page_per_template(pages)
    chapters = [page for page in pages if page.startswith("chapters/")]
    assert [page for page in swept if page.startswith("chapters/")] == chapters[:1]
    assert [page for page in pages if page not in swept] == chapters[1:]


# The sweep is spread over a few tests, so that parallel workers share the slowest check in the suite.
SHARES = 3


@pytest.mark.sweep
@pytest.mark.parametrize("share", range(SHARES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_each_kind_of_page(swept_pages, site_url, chromium, scheme, share):
    """Axe on one page of each kind (``make audit``: every page); the dark scheme runs the colour rules only."""
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in swept_pages[share::SHARES]:
        page.goto(site_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        if scheme == "dark" or not _whole(path):
            page.evaluate(DROP_REPEATS)
        violations = axe_violations(page, rules=rules_for(scheme))
        if violations:
            found[path] = violations[:5]
    context.close()
    assert not found, found


def test_no_axe_violations_at_phone_width_with_the_menu_and_search_controls(site_url, chromium):
    """At phone width the header shows the menu and search controls that a desktop hides."""
    page = chromium.new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(site_url + "chapters/02-triumvirate/")
    assert page.locator('label.md-header__button[for="__drawer"]').is_visible()
    violations = axe_violations(page)
    page.close()
    assert violations == [], violations


def test_no_axe_violations_in_drill_mode(site_url, chromium):
    """The drill's own panel, in use: the rest of the page is the same as in the check of every page."""
    for scheme in ("light", "dark"):
        page = chromium.new_context(color_scheme=scheme).new_page()
        page.goto(site_url + "flashcards/")
        page.get_by_role("button", name="Start drill").click()
        page.get_by_role("button", name="Show answer").click()
        assert page.locator("#drill .drill-answer").is_visible()
        keep_only(page, "#drill")
        assert axe_violations(page, region="#drill", rules=rules_for(scheme)) == [], scheme


def test_keyboard_reaches_search_palette_and_answers_with_a_visible_focus(site_url, chromium):
    page = chromium.new_page()
    page.goto(site_url + "chapters/02-triumvirate/")
    seen = tab_walk(
        page,
        describe="""(e) => { const s = getComputedStyle(e);
            return {tag: e.tagName, cls: String(e.className),
                    label: e.getAttribute('aria-label') || e.textContent.trim(),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }""",
        until="(e) => e.tagName === 'SUMMARY'",
        limit=500,
    )
    for focused in seen:
        assert focused["outline"], f"no visible focus on {focused}"
    reached = {
        "search": any("md-search__input" in focused["cls"] for focused in seen),
        "palette": any("md-option" in focused["cls"] for focused in seen),
        "answer": seen[-1]["tag"] == "SUMMARY",
    }
    assert reached == {"search": True, "palette": True, "answer": True}
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open"), "Enter opens a hidden answer"


def test_palette_toggle_works_from_the_keyboard(site_url, chromium):
    page = chromium.new_context(color_scheme="light").new_page()
    page.goto(site_url)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to dark mode":
            break
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to light mode"


def test_every_page_has_a_meaningful_title_and_description(site_dir):
    titles = set()
    for path in site_pages(site_dir):
        html_file = site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        title = soup.title.get_text()
        description = soup.find("meta", attrs={"name": "description"})
        assert " - Stalin's Rise to Power" in title or path in ("", "404.html"), title
        assert description and len(description["content"]) > 40, f"{path} has no real meta description"
        titles.add(title)
    assert len(titles) == len(site_pages(site_dir)), "page titles must differ"
