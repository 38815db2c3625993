"""Headless Chromium (Debian's package) driven by Playwright, for tests that need a real browser."""

import os
import shutil
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
