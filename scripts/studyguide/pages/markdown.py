"""Safe Markdown from data: escaping plain text and Markdown fields, and links between pages."""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..theme import page_options

if TYPE_CHECKING:
    from ..data.model import Event, Mention

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")


def front_matter(title: str, description: str, *, searchable: bool = True, table_of_contents: bool = True) -> list[str]:
    """A page's front matter; the values are JSON strings, which YAML reads whatever they contain.

    ``searchable=False`` keeps the page out of the site search; ``table_of_contents=False`` hides the
    page's table of contents (the theme's options, from ``theme.page_options``).
    """
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
             f"description: {json.dumps(description, ensure_ascii=False)}"]
    return [*lines, *page_options(searchable=searchable, table_of_contents=table_of_contents), "---"]


def plain(text: str) -> str:
    """Escape ``text`` so that it shows exactly as written: no HTML, no Markdown formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def markdown(text: str) -> str:
    """Keep a Markdown field's formatting but neutralise any HTML in it."""
    return html.escape(text, quote=False)


def attribute(text: str) -> str:
    """Escape ``text`` for use inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True)


def relative(from_page: str, to_page: str) -> str:
    """The relative link from one page in docs/ to another, e.g. ``chapters/02-triumvirate.md``."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def mention_links(mentions: Iterable[Mention], from_page: str) -> str:
    """A comma-separated list of links to the sections where something is mentioned, in reading order."""
    links = []
    for mention in dict.fromkeys((m.page, m.anchor, m.page_title, m.section_title) for m in mentions):
        page, anchor, page_title, section_title = mention
        label = page_title if not anchor or section_title == page_title else f"{page_title}: {section_title}"
        target = relative(from_page, page) + (f"#{anchor}" if anchor else "")
        links.append(f"[{plain(label)}]({target})")
    return ", ".join(links)


def event_links(events: Iterable[Event], from_page: str) -> str:
    """A semicolon-separated list of links to events on the timeline, with their dates."""
    target = relative(from_page, "timeline.md")
    return "; ".join(f"[{event.date.display()}: {plain(event.title)}]({target}#{event.id})" for event in events)
