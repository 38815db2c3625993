"""The Content-Security-Policy: inline handlers and javascript: URLs are refused, and the site still works."""

from contextlib import contextmanager

import pytest

from browser import wait_until
from serving import serve
from sitebuild import SUB_PATH, TEST_SITE_URL

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@contextmanager
def serve_for_instant_navigation(site_dir, work, built_for=TEST_SITE_URL):
    """Serve the site, its sitemap pointing at the server: Material navigates instantly only to pages listed there."""
    with serve(site_dir, SUB_PATH, work) as root_url:
        sitemap = work / "webroot" / SUB_PATH.strip("/") / "sitemap.xml"
        sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(built_for, root_url), encoding="utf-8")
        yield root_url


@pytest.fixture(scope="module")
def instant_url(site_dir, tmp_path_factory):
    with serve_for_instant_navigation(site_dir, tmp_path_factory.mktemp("csp")) as root_url:
        yield root_url


def test_every_page_has_the_policy(site_dir):
    pages = sorted(site_dir.rglob("index.html"))
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8")[:3000]
        assert (
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'sha256-"
            in head
        ), page


@pytest.mark.searches
def test_search_instant_navigation_and_the_palette_work_under_the_policy(instant_url, chromium):
    site_url = instant_url
    console = []
    page = chromium.new_page()
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(f"{site_url}chapters/02-triumvirate/")

    # The palette toggle (the theme's inline script reads the stored choice on every page).
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    wait_until(page, f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")

    # Search (a web worker loading the index).
    # The index is built in the worker first; a query typed before then is not run.
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(timeout=30_000)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Zinoviev", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)

    # Instant navigation: the next page comes without a reload, so this marker survives.
    page.goto(f"{site_url}chapters/02-triumvirate/")
    page.evaluate("window.__stillHere = true")
    page.locator("a.md-footer__link--next").click()
    wait_until(page, "location.pathname.endsWith('/03-duumvirate/')")
    page.locator("h1").first.wait_for()
    assert page.evaluate("window.__stillHere") is True

    # What the policy is for: an injected handler or javascript: link does not run.
    page.evaluate("""() => {
        document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__ran = 1">');
        const link = document.createElement("a");
        link.href = "javascript:window.__ran = 2";
        link.textContent = "x";
        document.body.append(link);
        link.click();
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") is None
    violations = page.evaluate("window.__violations")
    assert violations and all(v.startswith("script-src") for v in violations), violations
    assert len([v for v in violations if "inline" in v]) >= 1
    assert not [text for text in console if "Content Security Policy" in text and "inline" not in text], console
