"""The one place the pure code knows Material for MkDocs: its front-matter options and the HTML of its pages.

Moving to another theme or renderer means changing this module (and scripts/hooks.py), not the pages
or the book.
"""

from __future__ import annotations

import re

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


# Build-time fixes to the HTML Material writes, each failing loudly if an upgrade changes what it expects.
# Material's search partial leaves its dialog without a name, which axe reports (aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
_STYLE = re.compile(r"<style>.*?</style>\n?", re.DOTALL)


class ThemeChangedError(Exception):
    """Material's HTML no longer has what a fix expects: review the fix after an upgrade."""


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog an accessible name, instead of overriding its whole partial."""
    if SEARCH_DIALOG not in html:
        raise ThemeChangedError(
            f"the page has no {SEARCH_DIALOG!r}: check how Material's search partial names its dialog"
        )
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)


def move_styles_to_head(html: str) -> str:
    """Move ``<style>`` elements that pages put in their content into ``<head>``, the only place HTML allows them.

    The timeline's filter rules are generated with its radios, so they arrive in the page's content.
    """
    head_end = html.find("</head>")
    if head_end == -1:
        raise ThemeChangedError("the page has no </head>")
    head, body = html[:head_end], html[head_end:]
    styles = _STYLE.findall(body)
    if not styles:
        return html
    return head + "".join(styles) + _STYLE.sub("", body)


# Python-Markdown's permalink after each heading, with its hover text.
_PERMALINK = re.compile(r'<a class="headerlink" href="([^"]*)" title="([^"]*)"')


def label_permalinks(html: str) -> str:
    """Name each heading's permalink with ``aria-label`` rather than ``title``.

    Material turns every ``title`` into a tooltip of its own when the page loads (``content.tooltips``):
    the Glossary's 112 permalinks made a third of its main-thread work on a phone, for a tooltip that says
    only "Link to this section". Screen readers get the same words from the label.
    """
    labelled = _PERMALINK.sub(r'<a class="headerlink" href="\1" aria-label="\2"', html)
    if re.search(r'<a class="headerlink"[^>]* title=', labelled):
        raise ThemeChangedError("a permalink kept its title: check how Python-Markdown's toc writes permalinks")
    return labelled


def fix_page(html: str) -> str:
    """Every fix, in order, for one built page."""
    return label_permalinks(move_styles_to_head(name_search_dialog(html)))
