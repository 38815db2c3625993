"""Accessibility: axe-core finds nothing on any page in either colour scheme; the keyboard reaches everything."""

import pytest
from bs4 import BeautifulSoup

from studyguide.build import GENERATED_PAGES

from browser import COLOUR_RULES, axe_violations, keep_only
from sitebuild import site_pages


def _one_page_per_template(pages):
    """The pages that differ in more than their words: every chapter is made the same way, so one stands for all.

    The dark scheme changes only colours, so it is checked on one page of each kind, without the
    repeats inside it (DROP_REPEATS); the light scheme is checked on every page (see ``_whole``).
    """
    chapters = [page for page in pages if page.startswith("chapters/")]
    assert len(chapters) >= 5, chapters
    return [page for page in pages if page not in chapters[1:]]


# Removes from the page's content every element that only repeats, under the same parent, an element
# already kept three times with the same kinds of element inside (tags, classes, inline colours):
# the dark scheme changes colours, so one of each kind shows what it does, and the glossary,
# who's who and flashcards then take seconds rather than tens of seconds. Three are kept so that
# alternating (odd/even) styles are still seen.
DROP_REPEATS = """() => {
  const kind = (e) =>
    [e.tagName, ...[...e.classList].sort(), e.getAttribute('style'), e.getAttribute('fill')].join(' ');
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
}"""


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


# Every page's check is spread over a few tests, so that parallel workers share the slowest check in the suite.
SHARES = 3


@pytest.mark.parametrize("share", range(SHARES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(site_dir, site_url, chromium, scheme, share):
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    pages = site_pages(site_dir) if scheme == "light" else _one_page_per_template(site_pages(site_dir))
    for path in pages[share::SHARES]:
        page.goto(site_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        if scheme == "dark" or not _whole(path):
            page.evaluate(DROP_REPEATS)
        # The other rules' results are the same in both schemes, and the light scheme's check runs them all.
        violations = axe_violations(page, rules=COLOUR_RULES if scheme == "dark" else None)
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
        assert axe_violations(page, region="#drill") == [], scheme


def test_keyboard_reaches_search_palette_and_answers_with_a_visible_focus(site_url, chromium):
    page = chromium.new_page()
    page.goto(site_url + "chapters/02-triumvirate/")
    reached = {}
    for _ in range(500):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                return {tag: e.tagName, cls: e.className, label: e.getAttribute('aria-label') || e.textContent.trim(),
                        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }"""
        )
        assert focused["outline"], f"no visible focus on {focused}"
        if "md-search__input" in focused["cls"]:
            reached["search"] = True
        if "md-option" in focused["cls"]:
            reached["palette"] = True
        if focused["tag"] == "SUMMARY":
            reached["answer"] = True
            break
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
