"""Headless Chromium (Debian's package) driven by Playwright, for tests that need a real browser."""

import os
import shutil
import time
from contextlib import contextmanager

from playwright.sync_api import sync_playwright

# Debian's chromium-headless-shell: Chromium built for headless use, as Playwright's own downloads are, which
# loads a page for about 30% less CPU than the full browser (some 400 loads make up most of the suite's time).
# On a GitHub-hosted Ubuntu runner, its preinstalled Google Chrome; or $CHROME_PATH.
CHROMIUM = (
    os.environ.get("CHROME_PATH")
    or shutil.which("chromium-headless-shell")
    or shutil.which("google-chrome")
    or "/usr/bin/chromium-headless-shell"
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
            f"no Chromium at {CHROMIUM}: install Debian's chromium-headless-shell with "
            "`sudo bash .ci/install-system-packages`, "
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


def tab_walk(page, describe: str, until: str, limit: int) -> list[dict]:
    """Press Tab up to ``limit`` times and return what each press focused, up to the first for which ``until`` holds.

    ``describe`` and ``until`` are JavaScript functions of the focused element. Each element is described in
    the page as focus reaches it, so a press costs one round trip rather than two; once ``until`` holds, the
    page keeps Tab from moving focus, so the element it found is still focused when the walk returns.
    """
    # The two functions are written into the script, not passed to eval(): a page's CSP may forbid eval.
    page.evaluate(
        f"""() => {{
             const describeFocused = {describe}, isLast = {until};
             window.__tabWalk = {{seen: [], done: false}};
             document.addEventListener('focusin', (event) => {{
               if (window.__tabWalk.done) return;
               window.__tabWalk.seen.push(describeFocused(event.target));
               window.__tabWalk.done = Boolean(isLast(event.target));
             }}, true);
             document.addEventListener('keydown', (event) => {{
               if (event.key === 'Tab' && window.__tabWalk.done) event.preventDefault();
             }}, true);
           }}"""
    )
    pressed = 0
    while pressed < limit and not page.evaluate("window.__tabWalk.done"):
        for _ in range(min(20, limit - pressed)):  # between checks; presses after the last are held back
            page.keyboard.press("Tab")
        pressed += 20
    return page.evaluate("window.__tabWalk.seen")


# The rules whose results depend on colours: all that a change of colour scheme can change.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def rules_for(scheme: str) -> list[str] | None:
    """The axe rules to run in a colour scheme: every rule in the light one; only the colour rules in the
    dark one, which changes nothing else (its pages are checked with every rule in the light scheme)."""
    return COLOUR_RULES if scheme == "dark" else None


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
