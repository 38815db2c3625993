"""Turns a page's front matter into visible Markdown, such as the period line under a chapter title."""

import html
import re

_H1 = re.compile(r"^# .+$", re.MULTILINE)


def period_line(period: str) -> str:
    """Return the Markdown block that shows a chapter's period.

    Args:
        period: The period from the page's front matter, e.g. "1922–1925".

    Returns:
        A paragraph carrying the ``chapter-period`` class, with the period HTML-escaped.
    """
    return f'<p class="chapter-period"><span>Period:</span> {html.escape(period.strip())}</p>'


def add_period(markdown: str, meta: dict) -> str:
    """Insert the period line straight after the page's first level-one heading.

    Pages without a ``period`` in their front matter, or without a level-one heading, are returned as
    they are.

    Args:
        markdown: The page's Markdown source, front matter already removed.
        meta: The page's front matter.

    Returns:
        The Markdown with the period line added.
    """
    period = meta.get("period")
    if not period:
        return markdown
    heading = _H1.search(markdown)
    if heading is None:
        return markdown
    end = heading.end()
    return f"{markdown[:end]}\n\n{period_line(str(period))}\n{markdown[end:]}"
