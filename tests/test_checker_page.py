"""The "Check your notes" page in headless Chromium: paste, check, flags with links, the keyboard, axe in both
schemes, no request leaving the site, and the page reached by the theme's instant navigation."""

import pytest

from browser import axe_violations, rules_for

NOTES = (
    "Lenin had a heart attack in 1922.\n"
    "In 1936 Kirov was mysteriously murdered.\n"
    "Stalin moved against Ryton in September 1932.\n"
    "Kirov was murdered on 1 December 1934.\n"
    "My cat sat on the mat."
)
EXPECTED = {
    ("misconception", "lenin-heart-attacks", "chapters/01-background/#lenins-strokes"),
    ("date", "kirov-murdered", "chapters/05-kirov-and-the-purges/#kirov-murder"),
    ("spelling", "ryutin", "people/#ryutin"),
}


def _flags(page):
    return {
        (flag.get_attribute("data-flag"), flag.get_attribute("data-ref"),
         flag.locator("a").first.get_attribute("href").removeprefix("../"))
        for flag in page.locator("[data-flag]").all()
    }


def _paste(page, text):
    page.locator("#notes-input").focus()
    page.keyboard.insert_text(text)  # what a paste does: one input of the whole text


def test_paste_and_check_shows_each_flag_with_its_correction_and_link(site_url, chromium):
    page = chromium.new_page()
    outside = []
    page.on("request", lambda request: None if request.url.startswith(site_url) else outside.append(request.url))
    page.goto(site_url + "check-your-notes/")
    assert "nothing is sent" in page.locator("article").inner_text().lower() or \
        "not sent anywhere" in page.locator("article").inner_text()
    assert page.locator("#notes-noscript").is_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('#notes-input')).width") == page.evaluate(
        "getComputedStyle(document.querySelector('#notes-checker')).width"), "the page's stylesheet is loaded"
    _paste(page, NOTES)
    page.locator("#check-notes").click()
    page.wait_for_selector("[data-flag]")
    assert _flags(page) == EXPECTED
    assert page.locator("#notes-status").inner_text() == "Found 3 things to check in 3 sentences."
    murder = page.locator('[data-flag="date"][data-ref="kirov-murdered"]')
    assert "1 December 1934" in murder.inner_text() and "not 1936" in murder.inner_text()
    # The correct sentence about the murder is recognised: it gets a link to read more, and no flag.
    sentences = page.locator(".checker-sentence")
    correct = sentences.filter(has_text="Kirov was murdered on 1 December 1934.")
    assert correct.locator("[data-flag]").count() == 0
    assert correct.locator("a").first.get_attribute("href").endswith("chapters/05-kirov-and-the-purges/#kirov-murder")
    assert sentences.filter(has_text="My cat").count() == 0
    # The links work: following one reaches the section.
    page.locator('[data-flag="misconception"] a').first.click()
    page.wait_for_url("**/chapters/01-background/#lenins-strokes")
    assert page.locator("#lenins-strokes").count() == 1
    assert outside == [], f"requests left the site: {outside}"


def test_the_keyboard_alone_checks_the_notes(site_url, chromium):
    page = chromium.new_page()
    page.goto(site_url + "check-your-notes/")
    page.locator("#notes-input").focus()
    page.keyboard.type("Trotsky was murdered in 1941.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "check-notes"
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-flag="date"][data-ref="trotsky-murdered"]')
    # Ctrl+Enter in the box checks again, with the new text.
    page.locator("#notes-input").fill("Lenin had a heart attack.")
    page.locator("#notes-input").press("Control+Enter")
    page.wait_for_selector('[data-flag="misconception"][data-ref="lenin-heart-attacks"]')
    assert page.locator('[data-flag="date"]').count() == 0
    # The flag's link is reachable with Tab from the button.
    page.locator("#check-notes").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('[data-flag]') !== null"):
            break
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_notes_are_shown_as_text_never_as_html(site_url, chromium):
    page = chromium.new_page()
    page.goto(site_url + "check-your-notes/")
    _paste(page, 'Lenin had a heart attack <img src=x onerror="document.title=1">.')
    page.locator("#check-notes").click()
    page.wait_for_selector("[data-flag]")
    assert page.locator(".checker-sentence img").count() == 0
    assert "<img" in page.locator(".checker-sentence blockquote").inner_text()


def test_the_page_works_when_reached_by_instant_navigation(site_url, chromium):
    page = chromium.new_page()
    page.goto(site_url)
    page.evaluate("document.querySelector('a[href$=\"check-your-notes/\"]').click()")
    page.wait_for_url("**/check-your-notes/")
    page.wait_for_selector("#notes-checker:not([hidden])")
    _paste(page, "Stalin moved against Ryton.")
    page.locator("#check-notes").click()
    page.wait_for_selector('[data-flag="spelling"][data-ref="ryutin"]')


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_results_shown(site_url, chromium, scheme):
    page = chromium.new_context(color_scheme=scheme).new_page()
    page.goto(site_url + "check-your-notes/")
    _paste(page, NOTES)
    page.locator("#check-notes").click()
    page.wait_for_selector("[data-flag]")
    violations = axe_violations(page, rules=rules_for(scheme))
    assert violations == [], violations
