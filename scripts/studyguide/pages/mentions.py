"""Where an entry appears: its mentions and timeline events, grouped by chapter in reading order, long lists folded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from ..data.model import Chapter, Event, Mention
from .markdown import plain, relative

# Groups shown before the rest fold away under "N more": enough to answer "where is this explained?".
VISIBLE_GROUPS = 3


def page_order(reading_order: Sequence[str] = ()) -> Callable[[str], tuple]:
    """A sort key for pages: chapters first, then the other pages, each in the guide's reading order."""

    def key(page: str) -> tuple:
        position = reading_order.index(page) if page in reading_order else len(reading_order)
        return (not page.startswith("chapters/"), position, page)

    return key


def mention_groups(
    label: str, mentions: Iterable[Mention], from_page: str, reading_order: Sequence[str] = ()
) -> list[str]:
    """Markdown for "<label>" and one line per page that mentions an entry, with its sections, deduplicated."""
    titles: dict[str, str] = {}
    sections: dict[str, list[tuple[str, str]]] = {}
    for mention in mentions:
        titles.setdefault(mention.page, mention.page_title)
        found = sections.setdefault(mention.page, [])
        section = (mention.anchor, mention.section_title)
        if mention.anchor and mention.section_title != mention.page_title and section not in found:
            found.append(section)
    items = []
    for page in sorted(sections, key=page_order(reading_order)):
        target = relative(from_page, page)
        links = ", ".join(f"[{plain(title)}]({target}#{anchor})" for anchor, title in sections[page])
        items.append(f"- [{plain(titles[page])}]({target})" + (f": {links}" if links else ""))
    return _block("mentions", label, items, "more pages")


def event_groups(label: str, events: Iterable[Event], from_page: str, chapters: Mapping[str, Chapter]) -> list[str]:
    """Markdown for "<label>" and one line per chapter with the entry's timeline events, deduplicated."""
    by_chapter: dict[str, dict[str, Event]] = {}
    for event in events:
        by_chapter.setdefault(event.section.chapter, {})[event.id] = event
    target = relative(from_page, "timeline.md")
    items = []
    for stem in sorted(by_chapter):
        chapter = chapters.get(stem)
        links = "; ".join(
            f"[{event.date.display()}: {plain(event.title)}]({target}#{event.id})"
            for event in by_chapter[stem].values()
        )
        items.append(f"- {plain(chapter.title) if chapter else stem}: {links}")
    return _block("timeline-links", label, items, "more chapters")


def _block(css_class: str, label: str, items: list[str], more: str) -> list[str]:
    if not items:
        return []
    lines = [f'<div class="{css_class}" markdown>', "", f"**{label}**", ""]
    # One group too many is not worth a fold: fold only when it hides at least two.
    if len(items) <= VISIBLE_GROUPS + 1:
        return [*lines, *items, "", "</div>"]
    hidden = items[VISIBLE_GROUPS:]
    return [
        *lines, *items[:VISIBLE_GROUPS], "",
        f'<details class="more-mentions" markdown><summary>{len(hidden)} {more}</summary>', "", *hidden, "", "</details>",
        "", "</div>",
    ]  # fmt: skip
