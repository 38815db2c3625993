"""Script tags for the one generated page that uses each script, so no other page loads them."""

from __future__ import annotations

import posixpath

from .markdown import attribute

SCRIPT_DIR = "assets/javascripts"
# Every page that keeps progress loads the store; the pages that draw the revision engine (drill, quiz,
# My revision) also load its shared DOM helpers, and the drill the vendored FSRS scheduler.
FSRS = "vendor/ts-fsrs.umd.js"
STORE = "revision-store.js"
DOM = "revision-dom.js"


def page_url_depth(page: str) -> int:
    """How many folders deep a page's URL is with directory URLs: ``chapters/02-x.md`` is two."""
    stem = posixpath.splitext(page)[0]
    parts = [part for part in stem.split("/") if part]
    return len(parts) - 1 if parts[-1] == "index" else len(parts)


def script_tags(page: str, *names: str) -> list[str]:
    """``<script>`` lines, in order, for files in assets/javascripts, relative to ``page``'s URL.

    Material's instant navigation runs scripts found in the page content one after another, so the
    order holds there too.
    """
    prefix = "../" * page_url_depth(page)
    return [f'<script src="{attribute(prefix + SCRIPT_DIR + "/" + name)}"></script>' for name in names]
