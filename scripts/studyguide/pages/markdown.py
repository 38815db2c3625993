"""Safe Markdown from data: escaping plain text and Markdown fields, and links between pages."""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import markdown as _markdown
import nh3

from ..data.fields import MARKUP
from ..theme import page_options

if TYPE_CHECKING:
    from ..data.model import Event, Mention

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")


def front_matter(title: str, description: str, *, searchable: bool = True, table_of_contents: bool = True) -> list[str]:
    """A page's front matter; the values are JSON strings, which YAML reads whatever they contain.

    ``searchable=False`` keeps the page out of the site search; ``table_of_contents=False`` hides the
    page's table of contents (the theme's options, from ``theme.page_options``).
    """
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
    ]
    return [*lines, *page_options(searchable=searchable, table_of_contents=table_of_contents), "---"]


def plain(text: str) -> str:
    """Escape ``text`` so that it shows exactly as written: no HTML, no Markdown formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# What a Markdown field from data may become: simple formatting and links to other sites, nothing else.
# No attribute but a link's href survives, so no event handler, style, class or id can come from data.
ALLOWED_TAGS = {"p", "br", "em", "strong", "code", "ul", "ol", "li", "blockquote", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https"}
# Tags whose content goes too, not only the tag: their text is code or styling, never prose.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "textarea", "noscript", "title"}


def _only_web_links(tag: str, attribute: str, value: str) -> str | None:
    """Keep links to other sites (http or https); a relative link could point anywhere in the guide unchecked."""
    if (
        tag == "a"
        and attribute == "href"
        and (not re.match(r"https?://", value, re.IGNORECASE) or re.search(r"[\s<>\"'`{}\\]", value))
    ):
        return None
    return value


def sanitise_html(fragment: str) -> str:
    """Reduce an HTML fragment to the allow-list: plain formatting and http(s) links only."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        attribute_filter=_only_web_links,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_field(text: str) -> str:
    """A Markdown field rendered to HTML, then sanitised.

    It is rendered on its own, with no extensions: ``attr_list``, ``md_in_html`` and the rest of the
    site's Markdown features never see data, and the sanitiser removes anything the plain renderer let
    through (raw HTML, ``javascript:`` links).
    """
    return sanitise_html(_markdown.markdown(text, output_format="html"))


def markdown(text: str) -> str:
    """A Markdown field from data as a block of sanitised HTML that the page's Markdown leaves alone."""
    # Inside a card that md_in_html parses, the page's Markdown sees the field's text again: attr_list
    # would turn a leftover "{: onclick=... }" into an attribute. Its special characters become character
    # references, which read the same and which no Markdown feature acts on.
    body = "".join(
        piece if piece.startswith("<") else _SPECIAL_IN_HTML.sub(lambda match: f"&#{ord(match.group())};", piece)
        for piece in re.split(r"(<[^>]*>)", render_field(text))
    )
    # One line per element and no blank line, so that Python-Markdown keeps the block as one piece.
    lines = [line for line in body.splitlines() if line.strip()]
    return "\n".join(['<div class="data-markdown">', *lines, "</div>"])


_SPECIAL_IN_HTML = re.compile(r"[\\`*_\[\]{}|!#:]")


def to_plain_text(text: str) -> str:
    """A Markdown field as plain text (for hover text and cards): formatting and tags removed."""
    return " ".join(html.unescape(nh3.clean(_markdown.markdown(text), tags=set())).split())


def hover_text(text: str) -> str:
    """Hover text for a link: one line of plain text that reads the same as text or as HTML.

    The data checks reject entries whose hover text would look like markup, so this changes nothing for
    accepted data; it is the last guard, because Material's tooltips insert the title as HTML.
    """
    return MARKUP.sub(lambda match: match.group() + " ", " ".join(text.split()))


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
