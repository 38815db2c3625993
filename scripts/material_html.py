"""Build-time fixes to the HTML that Material for MkDocs writes, each failing loudly if Material changes."""

import re

# Material's search partial leaves its dialog without a name, which axe reports (aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
_STYLE = re.compile(r"<style>.*?</style>\n?", re.DOTALL)


class MaterialChanged(Exception):
    """Material's HTML no longer has what a fix expects: review the fix after an upgrade."""


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog an accessible name, instead of overriding its whole partial."""
    if SEARCH_DIALOG not in html:
        raise MaterialChanged(f"the page has no {SEARCH_DIALOG!r}: check how Material's search partial names its dialog")
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)


def move_styles_to_head(html: str) -> str:
    """Move ``<style>`` elements that pages put in their content into ``<head>``, the only place HTML allows them."""
    head_end = html.find("</head>")
    if head_end == -1:
        raise MaterialChanged("the page has no </head>")
    head, body = html[:head_end], html[head_end:]
    styles = _STYLE.findall(body)
    if not styles:
        return html
    return head + "".join(styles) + _STYLE.sub("", body)


def fix_page(html: str) -> str:
    """Every fix, in order, for one built page."""
    return move_styles_to_head(name_search_dialog(html))
