"""Headless Chromium (Debian's package) driven by Playwright, for tests that need a real browser."""

import os
import shutil
import time
from contextlib import contextmanager

from playwright.sync_api import sync_playwright

# Debian's chromium; on a GitHub-hosted Ubuntu runner, its preinstalled Google Chrome; or $CHROME_PATH.
CHROMIUM = (
    os.environ.get("CHROME_PATH")
    or shutil.which("chromium")
    or shutil.which("google-chrome")
    or "/usr/bin/chromium"
)
# The flags keep Chromium from calling home, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def browser():
    """A headless Chromium; the test fails, rather than skips, if Chromium is missing."""
    if not os.access(CHROMIUM, os.X_OK):
        raise RuntimeError(
            f"no Chromium at {CHROMIUM}: install Debian's with `sudo bash .ci/install-system-packages`, "
            "or set CHROME_PATH to a Chromium or Chrome executable"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def wait_until(page, expression: str, timeout: float = 15) -> None:
    """Poll the JavaScript ``expression`` from outside the page until it is true (failing after ``timeout`` s).

    Playwright's own ``wait_for_function`` evaluates a string with eval inside the page whenever it has to
    poll, which the site's Content-Security-Policy forbids: it then fails only when the page is slow.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"{expression} never became true"
        page.wait_for_timeout(50)


def keep_only(page, region: str) -> None:
    """Remove every part of the page's article that neither is nor holds ``region``, before axe checks it.

    Axe builds its model of the whole document even when asked about one region, so on a long page (the
    317 flashcards, the quiz's whole question bank) the rest of the content costs more than the check.
    """
    page.evaluate(
        "region => document.querySelectorAll(`article > :not(${region}):not(:has(${region}))`)"
        ".forEach(element => element.remove())",
        region,
    )
    assert page.locator(region).inner_text().strip(), f"nothing left to check in {region}"


# The rules whose results depend on colours: all that a change of colour scheme can change.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, region: str | None = None, rules: list[str] | None = None) -> list[str]:
    """Every accessibility violation axe-core finds on ``page`` (or inside the ``region`` selector), one line each.

    Only violations are gathered in full: axe otherwise lists every element that passed each rule too,
    which on a long page takes as long again as the checks themselves. ``rules`` runs only those rules.
    """
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [[region]]} if region else None
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    response = Axe().run(page, context=context, options=options).response
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in response["violations"]
        for node in violation["nodes"]
    ]
