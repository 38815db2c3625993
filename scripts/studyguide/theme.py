"""The one place the pure code knows Material for MkDocs: its front-matter options and the HTML of its pages.

Moving to another theme or renderer means changing this module (and scripts/hooks.py), not the pages
or the book.
"""

from __future__ import annotations

# The element of a built page that holds the page's own content, and the theme's chrome inside it that
# a printed book leaves out (permalink anchors, the edit/PDF buttons, the "last updated" footer).
CONTENT_ELEMENT = "article"
CONTENT_CHROME = "a.headerlink, .md-content__button, .md-source-file"
# The classes a collapsible or plain call-out box carries, and its title, in the built HTML.
BOX_CLASS = "admonition"
BOX_TITLE_CLASS = "admonition-title"


def page_options(*, searchable: bool, table_of_contents: bool) -> list[str]:
    """Front-matter lines that keep a page out of search or hide its table of contents."""
    lines = []
    if not searchable:
        lines += ["search:", "  exclude: true"]
    if not table_of_contents:
        lines += ["hide:", "  - toc"]
    return lines
