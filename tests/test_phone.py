"""Phone-first reading in a real browser: previews on tap, hover and focus; sizes, targets, chart, filter, focus."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser import tab_walk, wait_until
from sitebuild import TEST_SITE_URL

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 1}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
CHAPTER = "chapters/02-triumvirate/"
MIN_TARGET = 44  # px, WCAG 2.5.5 (AAA)

# The controls of the header and the content (links inside running text are exempt, as WCAG allows).
CONTROLS = """
  .md-header label.md-header__button, .md-header a.md-header__button, .md-header [tabindex="0"], .md-header .header-toggle,
  .md-content button, .md-content summary, .md-content select, .md-content input:not([type=radio]):not([type=checkbox]),
  .md-content .tl-option, .md-content .md-content__button, .md-content .md-button, .md-content .az-bar a,
  .md-content .name-bar a, .md-content .preview-popover__open, .md-top
"""


def _context(chromium, **options):
    context = chromium.new_context(**options)
    context.set_default_timeout(5000)  # a failure, not a hang: every wait here is for a state, not a time
    return context


@pytest.fixture
def phone(chromium):
    context = _context(chromium, **PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(chromium):
    context = _context(chromium, **DESKTOP)
    yield context.new_page()
    context.close()


def _font_px(locator):
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


# --- Previews of cross-links ------------------------------------------------------------------------


def test_tapping_a_cross_link_opens_its_preview_without_leaving_the_page(phone, site_url):
    phone.goto(site_url + CHAPTER)
    link = phone.locator("article a.autolink-term").first
    definition = link.get_attribute("data-preview")
    scroll = phone.evaluate("window.scrollY")
    link.tap()
    popover = phone.locator(".preview-popover")
    popover.wait_for(state="visible")
    assert phone.url == site_url + CHAPTER, "the tap stays on the page"
    assert definition in popover.inner_text()
    assert popover.get_by_role("link", name="Open in the Glossary").get_attribute("href") == link.get_attribute("href")
    assert _font_px(popover) >= 16
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the preview fits the screen"
    assert abs(phone.evaluate("window.scrollY") - scroll) < 80, "the page does not jump"

    phone.keyboard.press("Escape")
    assert popover.is_hidden()
    link.tap()
    popover.wait_for(state="visible")
    phone.locator("article h1").tap()
    assert popover.is_hidden(), "a tap outside closes the preview"
    assert phone.url == site_url + CHAPTER

    person = phone.locator("article a.autolink-person").first
    person.tap()
    assert popover.get_by_role("link", name="Open in the Who’s who").is_visible()
    popover.get_by_role("link", name="Open in the Who’s who").tap()
    phone.wait_for_url(re.compile(r"/people/#"))


def test_preview_opens_on_hover_and_on_keyboard_focus_on_a_desktop(desktop, site_url):
    desktop.goto(site_url + CHAPTER)
    link = desktop.locator("article a.autolink-term").first
    link.hover()
    popover = desktop.locator(".preview-popover")
    popover.wait_for(state="visible")
    assert link.get_attribute("data-preview") in popover.inner_text()
    assert _font_px(popover) >= 16 and not desktop.locator(".md-tooltip2--active, .md-tooltip--active").count()
    desktop.mouse.move(5, 790)
    popover.wait_for(state="hidden")

    desktop.locator("article h1").click()
    for _ in range(80):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.classList.contains('autolink')"):
            break
    focused = desktop.evaluate("document.activeElement.getAttribute('data-preview')")
    assert focused and popover.is_visible() and focused in popover.inner_text()
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.classList.contains('preview-popover__open')"), (
        "Tab enters the preview"
    )
    desktop.keyboard.press("Escape")
    assert popover.is_hidden()
    assert desktop.evaluate("document.activeElement.classList.contains('autolink')"), "Escape returns to the link"
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(re.compile(r"/(glossary|people)/#"))  # Enter on a cross-link follows it


def test_screen_readers_get_the_preview_as_the_links_description(desktop, site_url):
    desktop.goto(site_url + CHAPTER)
    link = desktop.locator("article a.autolink-term").first
    description = desktop.evaluate(
        "id => document.getElementById(id).textContent", link.get_attribute("aria-describedby")
    )
    assert link.get_attribute("data-preview") in description


def test_a_hostile_preview_stays_text(phone, site_url):
    phone.goto(site_url + CHAPTER)
    phone.evaluate(
        """() => { window.ran = false; const a = document.querySelector('article a.autolink');
           a.dataset.preview = '<img src=x onerror="window.ran = true">';
           a.dataset.previewTitle = '<b onmouseover="window.ran = true">x</b>'; }"""
    )
    phone.locator("article a.autolink").first.tap()
    popover = phone.locator(".preview-popover")
    popover.wait_for(state="visible")
    assert popover.locator("img, b").count() == 0 and "<img src=x" in popover.inner_text()
    assert phone.evaluate("window.ran") is False


def test_without_javascript_a_cross_link_is_a_plain_link(chromium, site_url):
    context = _context(chromium, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site_url + CHAPTER)
    page.locator("article a.autolink-term").first.click()
    page.wait_for_url(re.compile(r"/glossary/#"))
    context.close()


# --- Sizes, overflow and targets on a phone ---------------------------------------------------------


def test_boxes_and_answers_are_body_text_size_on_a_phone(phone, site_url):
    phone.goto(site_url + CHAPTER)
    for selector in (
        "article .admonition p:not(.admonition-title)",
        "article details summary",
        "article details > p",
        "article > p:not(.chapter-period)",
    ):
        sizes = phone.locator(selector).evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= 16, (selector, min(sizes))


def test_the_sources_read_as_a_bibliography_on_a_phone(phone, site_url):
    """Each reference is looked up, not read through: its title is bold at about the text's size, not a
    section heading three lines high, so that a screen holds more than one reference."""
    phone.goto(site_url + "sources/")
    look = phone.evaluate(
        """() => { const title = document.querySelector('.reference h2'), text = document.querySelector('.reference p');
             const t = getComputedStyle(title), p = getComputedStyle(text);
             const heights = [...document.querySelectorAll('.reference')].map(r => r.getBoundingClientRect().height);
             return {title: parseFloat(t.fontSize), weight: parseInt(t.fontWeight), text: parseFloat(p.fontSize),
                     median: heights.sort((a, b) => a - b)[Math.floor(heights.length / 2)]}; }"""
    )
    assert look["text"] >= 16 and look["title"] <= 1.25 * look["text"] and look["weight"] >= 700, look
    assert look["median"] < 0.6 * 844, look


@pytest.mark.sweep
def test_no_page_scrolls_sideways_and_every_control_is_a_44px_target_on_a_phone(swept_pages, phone, site_url):
    """On one page of each kind (``make audit``: every page)."""
    overflowing, small = {}, {}
    for path in swept_pages:
        phone.goto(site_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            overflowing[path] = width
        too_small = phone.evaluate(
            """(selector) => [...document.querySelectorAll(selector)].filter(e => {
                 const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                 // A visually hidden control (1 px, clipped) is used through its label, measured on its own.
                 return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !e.closest('[hidden]');
               }).map(e => { const r = e.getBoundingClientRect();
                 return {what: e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30),
                         w: Math.round(r.width), h: Math.round(r.height)}; })
               .filter(t => t.w < 44 - 0.5 || t.h < 44 - 0.5)""",
            CONTROLS,
        )
        if too_small:
            small[path] = too_small[:5]
    assert not overflowing, overflowing
    assert not small, small


# Material styles only tables without a class; the tables that stack on a phone carry one.
TABLE_LOOK = """() => [...document.querySelectorAll('article table')].map(table => {
  const cell = table.querySelector('tbody td'), head = table.querySelector('thead th');
  const c = getComputedStyle(cell), h = getComputedStyle(head), t = getComputedStyle(table);
  return {padding: parseFloat(c.paddingLeft), rule: parseFloat(c.borderTopWidth), frame: parseFloat(t.borderTopWidth),
          headAlign: h.textAlign, size: parseFloat(c.fontSize)};
})"""


@pytest.mark.parametrize("path", ["", "about-the-notes/", "revision/"])
def test_tables_that_stack_on_a_phone_are_ruled_and_padded_on_a_desktop(desktop, site_url, path):
    desktop.goto(site_url + path)
    wait_until(desktop, "document.querySelector('article table tbody td') !== null")  # My revision draws its own
    looks = desktop.evaluate(TABLE_LOOK)
    assert looks, "the page has a table"
    for look in looks:
        assert look["padding"] >= 8 and look["rule"] >= 1 and look["frame"] >= 1, look
        assert look["headAlign"] in ("left", "start") and look["size"] >= 15.5, look


def test_download_pdf_is_labelled_in_words(phone, site_url):
    phone.goto(site_url)
    button = phone.get_by_role("link", name="Download PDF")
    assert button.is_visible() and "Download PDF" in button.inner_text()


# --- The chart ---------------------------------------------------------------------------------------


def _visible_chart(page):
    return page.locator("svg.struggle-chart:visible")


def test_the_chart_fits_a_phone_with_legible_labels_and_its_whole_legend(phone, site_url):
    phone.goto(site_url + "timeline/")
    chart = _visible_chart(phone)
    assert chart.count() == 1
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    scroll = phone.locator(".struggle-chart-wrap:visible").evaluate("e => e.scrollWidth - e.clientWidth")
    assert scroll <= 1, "no sideways scrolling inside the chart"
    labels = chart.locator("text").evaluate_all(
        """els => els.map(t => { const svg = t.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             const r = t.getBoundingClientRect(), s = svg.getBoundingClientRect();
             return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                     inside: r.left >= s.left - 0.5 && r.right <= s.right + 0.5 && r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5}; })"""
    )
    assert labels and min(label["px"] for label in labels) >= 12, min(labels, key=lambda label: label["px"])
    assert all(label["inside"] for label in labels), [label["text"] for label in labels if not label["inside"]]
    assert "Killed (shot, murdered or suicide)" in [label["text"] for label in labels], "the whole legend shows"


def test_nothing_in_the_chart_is_clipped_on_a_desktop(desktop, site_url):
    desktop.goto(site_url + "timeline/")
    chart = _visible_chart(desktop)
    assert chart.count() == 1
    wrap = desktop.locator(".struggle-chart-wrap:visible")
    assert wrap.evaluate("e => e.scrollWidth - e.clientWidth") <= 1
    outside = chart.locator("g.fall, text").evaluate_all(
        """els => { const s = els[0].ownerSVGElement.getBoundingClientRect();
             return els.map(e => e.getBoundingClientRect()).filter(r => r.left < s.left - 0.5 || r.right > s.right + 0.5).length; }"""
    )
    assert outside == 0
    trotsky_killed = chart.locator("g.person-row", has=desktop.locator("text.name", has_text="Leon Trotsky")).locator(
        "g.fall-killed"
    )
    assert trotsky_killed.count() == 1 and trotsky_killed.is_visible()


# --- The timeline filter -----------------------------------------------------------------------------


def test_timeline_filter_keeps_its_choice_in_the_address_and_says_when_nothing_matches(phone, site_url):
    phone.goto(site_url + "timeline/")
    phone.locator("label.tl-option", has_text="Trial").tap()
    assert "timeline/?kind=trial" in phone.url  # (Material may add the section's #anchor as the reader scrolls)
    trials = phone.locator(".tl-event:visible").count()
    assert trials > 0
    phone.reload()
    assert phone.locator("#tl-kind-trial").is_checked() and phone.locator(".tl-event:visible").count() == trials
    empty_years = phone.evaluate(
        """[...document.querySelectorAll('.tl-year')].filter(y => y.checkVisibility()
             && ![...y.querySelectorAll('.tl-event')].some(e => e.checkVisibility())).length"""
    )
    assert empty_years == 0, "no year shows without events"
    assert phone.locator(".tl-none").is_hidden()

    phone.locator("label.tl-option", has_text="The Triumvirate").tap()
    assert "phase=triumvirate" in phone.url and "kind=trial" in phone.url
    assert phone.locator(".tl-event:visible").count() == 0 and phone.locator(".tl-year:visible").count() == 0
    assert phone.locator(".tl-none").is_visible()

    phone.goto(site_url + "timeline/?kind=<script>&phase=nonsense")
    assert phone.locator("#tl-kind-all").is_checked() and phone.locator("#tl-phase-all").is_checked()


# The years the table of contents lists, as a reader sees it: each visible entry's year.
CONTENTS_YEARS = """[...document.querySelectorAll('.md-nav--secondary a[href*="#year-"]')]
  .filter(link => link.checkVisibility()).map(link => link.hash.slice('#year-'.length))"""
# The years the page shows events for.
SHOWN_YEARS = """[...document.querySelectorAll('.tl-year')].filter(year => year.checkVisibility())
  .map(year => year.querySelector('h3').id.slice('year-'.length))"""


def test_timeline_contents_list_only_the_years_the_filter_shows(desktop, site_url):
    """A year the filter empties leaves the table of contents too: its entry would lead nowhere."""
    desktop.goto(site_url + "timeline/?kind=trial")
    every_year = desktop.evaluate("[...document.querySelectorAll('.tl-year h3')].map(h => h.id.slice(5))")
    shown = desktop.evaluate(SHOWN_YEARS)
    assert 0 < len(shown) < len(every_year)
    assert desktop.evaluate(CONTENTS_YEARS) == shown, "on opening a filtered address"
    desktop.locator("label.tl-option", has_text="The Triumvirate").click()
    assert desktop.evaluate(SHOWN_YEARS) == [] and desktop.evaluate(CONTENTS_YEARS) == []
    desktop.locator("#tl-kind-all").check()
    desktop.locator("#tl-phase-all").check()
    assert desktop.evaluate(CONTENTS_YEARS) == every_year, "every year comes back"


def test_timeline_no_match_message_works_without_javascript(chromium, site_url):
    context = _context(chromium, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site_url + "timeline/")
    assert page.locator(".tl-none").is_hidden()
    page.locator("label.tl-option", has_text="The Triumvirate").click()
    page.locator("label.tl-option", has_text="Trial").click()
    assert page.locator(".tl-none").is_visible() and page.locator(".tl-year:visible").count() == 0
    context.close()


# --- Focus ------------------------------------------------------------------------------------------


def test_every_tab_stop_on_a_phone_is_on_screen_and_visibly_focused(phone, site_url):
    phone.goto(site_url + CHAPTER)
    seen = tab_walk(
        phone,
        describe="""(a) => {
             // Material's palette radios are hidden; their labels show the focus.
             const e = a.matches('input.md-option') ? a.nextElementSibling : a, s = getComputedStyle(e), r = e.getBoundingClientRect();
             return {what: a.tagName + '.' + a.className + ' ' + (a.getAttribute('aria-label') || a.textContent.trim().slice(0, 30)),
                     outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                     onscreen: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && s.visibility !== 'hidden'}; }""",
        until="(e) => e.matches('a.autolink')",
        limit=60,
    )
    for index, focused in enumerate(seen):
        assert focused["onscreen"], f"an off-screen tab stop after {[f['what'] for f in seen[:index][-3:]]}: {focused}"
        assert focused["outline"], f"no visible focus on {focused}"
    seen = [focused["what"] for focused in seen]
    assert any(what.startswith("A.autolink") for what in seen), "the keyboard reaches the text quickly"


def test_header_focus_ring_shows_on_the_red_header(desktop, site_url):
    desktop.goto(site_url)
    for _ in range(10):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("!!document.activeElement.closest('.md-header')"):
            break
    colour = desktop.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert colour == "rgb(255, 255, 255)", colour


def _instant_navigation(page, site_url):
    """Let Material navigate instantly on this test server (it does so only to addresses in the sitemap)."""
    # Material keeps the sitemap's port: give it this test server's address, as a real host on the default
    # port would.
    origin = re.match(r"https?://[^/]+", site_url).group()
    test_origin = re.match(r"https?://[^/]+", TEST_SITE_URL).group()

    def sitemap(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(test_origin, origin))

    page.route("**/sitemap.xml", sitemap)


NEXT_CHAPTER = "/03-duumvirate/"


# Material's section tracking writes the section the reader has reached into the address 250 ms after the
# scrolling stops. A fast server answers before then, and the old page's tracking writes as it is torn down;
# a slow one answers after, and it writes while the old page is still on screen. Either way it stamped the
# new page's address with the old page's last section (#exam-question: both chapters have one).
@pytest.mark.parametrize("server_delay_ms", [0, 800], ids=["fast-server", "slow-server"])
def test_a_pointer_click_on_next_leaves_the_old_pages_section_behind(desktop, site_url, server_delay_ms):
    _instant_navigation(desktop, site_url)
    if server_delay_ms:
        def slow(route):
            desktop.wait_for_timeout(server_delay_ms)
            route.continue_()

        desktop.route("**" + NEXT_CHAPTER, slow)
    desktop.goto(site_url + CHAPTER)
    desktop.wait_for_load_state("networkidle")
    desktop.evaluate("window.sameDocument = true")
    # A real pointer click, from the top of the page: it scrolls the link into view and clicks at once, as
    # a reader does who flicks to the foot of the page and taps "Next".
    desktop.locator(".md-footer__link--next").click()
    wait_until(desktop, f"location.pathname.endsWith('{NEXT_CHAPTER}') && document.activeElement.tagName === 'H1'")
    assert desktop.evaluate("window.sameDocument") is True, "the page was replaced in place (instant navigation)"
    assert "Duumvirate" in desktop.evaluate("document.activeElement.textContent")
    # history.replaceState is no navigation, so the address itself is watched, for longer than the
    # tracking's 250 ms delay.
    seen = set()
    for _ in range(40):
        seen.add(desktop.evaluate("location.hash"))
        desktop.wait_for_timeout(25)
    assert seen == {""}, f"the new page's address carried {seen - {''}}"
    assert desktop.evaluate("window.scrollY") == 0, "the new page opened at the old page's offset, not at its top"
    # Back returns to the old page where the reader left it (Material keeps that offset in the history), and
    # there the section tracking still writes the section the reader scrolls to into the address.
    desktop.go_back()
    wait_until(desktop, f"location.pathname.endsWith('/{CHAPTER}') && window.scrollY > 1000")
    for _ in range(20):
        if desktop.evaluate("location.hash"):
            break
        desktop.mouse.wheel(0, -300)
        desktop.wait_for_timeout(300)  # the tracking writes 250 ms after the scrolling stops
    assert desktop.evaluate("!!location.hash && document.querySelector(location.hash).getBoundingClientRect().top < innerHeight")


def test_escape_from_search_returns_focus_to_the_search_button(phone, site_url):
    phone.goto(site_url + CHAPTER)
    button = phone.locator('label.md-header__button[for="__search"] button')
    button.focus()
    phone.keyboard.press("Enter")
    phone.locator(".md-search__input").wait_for(state="visible")
    phone.keyboard.type("Stalin")
    phone.keyboard.press("Escape")
    wait_until(phone, "document.activeElement.matches('label[for=\"__search\"] button')")


# --- Search ---------------------------------------------------------------------------------------------


MISSPELT = {
    "Ryton": "Martemyan Ryutin",
    "Zinovyev": "Grigory Zinoviev",
    "Kamenyev": "Lev Kamenev",
    "Bukarin": "Nikolai Bukharin",
    "Trotski": "Leon Trotsky",
}


@pytest.mark.searches
def test_search_forgives_misspelt_names(desktop, site_url):
    desktop.goto(site_url)
    search = desktop.locator(".md-search__input")
    found = {}
    for typed, person in MISSPELT.items():
        search.click()
        search.fill("")
        desktop.keyboard.type(typed)
        # Wait for a result naming the person: the list of the previous search can still be on screen.
        # Anywhere in the results counts: pages quoting the misspelling may rank above the card.
        try:
            desktop.locator(".md-search-result__item", has_text=person).first.wait_for(state="visible", timeout=10_000)
            found[typed] = True
        except PlaywrightTimeout:
            found[typed] = False
    assert all(found.values()), found


# A section's words that only a folded answer holds: the search finds the section, the reader must see them.
FOLDED_WORD = """() => {
  for (const details of document.querySelectorAll('.md-content details:not([open])')) {
    let heading = details.previousElementSibling;
    while (heading && !/^H[23]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    if (!heading || !heading.id) continue;
    let outside = '';
    for (let node = heading.nextElementSibling; node && !/^H[123]$/.test(node.tagName); node = node.nextElementSibling) {
      if (node.tagName !== 'DETAILS') outside += ' ' + node.textContent.toLowerCase();
    }
    const words = details.querySelector(':scope > :not(summary)').textContent.toLowerCase().match(/[a-z]{7,}/g) || [];
    const word = words.find((w) => !outside.includes(w));
    if (word) return {section: heading.id, word: word};
  }
  return null;
}"""


@pytest.mark.searches
def test_a_search_that_lands_on_a_section_opens_the_folded_answer_holding_its_words(phone, site_url):
    phone.goto(site_url + CHAPTER)
    found = phone.evaluate(FOLDED_WORD)
    assert found, "chapter 2 has a folded answer whose words are not in its section's open text"
    # The address Material's search result links to: the query in ?h= and the section as the anchor.
    phone.goto(f"{site_url}{CHAPTER}?h={found['word']}#{found['section']}")
    mark = phone.locator(f"details mark[data-md-highlight]:text-matches('^{found['word']}$', 'i')").first
    mark.wait_for(state="visible")
    # Only the answers that hold the searched words open; the others stay folded for self-testing.
    assert phone.locator(".md-content details:not([open])").count() > 0
