"""Thin MkDocs hook: hands each build step to the plain-Python studyguide package."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from studyguide import page_meta  # noqa: E402  (the path must be set before the import)


def on_page_markdown(markdown, page, config, files):
    """Add the period line to pages whose front matter names one."""
    return page_meta.add_period(markdown, page.meta)
