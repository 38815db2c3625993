"""The build as a whole, independent of MkDocs: load data once, link pages, render generated pages."""

from __future__ import annotations

from collections import defaultdict
from xml.etree.ElementTree import Element

from . import render_flashcards, render_glossary, render_people, render_timeline
from .flashcards import build_cards
from .link import Matcher, Mention, PageLinker, link_targets
from .load import load_guide_data
from .model import Event, GuideData
from .render_chart import render_chart

GENERATED_PAGES = (render_glossary.PAGE, render_people.PAGE, render_timeline.PAGE, render_flashcards.PAGE)


class GuideBuild:
    """State for one build: the checked data, the compiled matcher and every mention found so far."""

    def __init__(self, data: GuideData | None = None):
        """Load and check the data (raises ``DataError``) and compile the matcher once."""
        self.data = data if data is not None else load_guide_data()
        self.matcher = Matcher(link_targets(self.data, render_glossary.PAGE, render_people.PAGE))
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        self.linked_pages: set[str] = set()
        self.events_by_key = self._events_by_key()

    def _events_by_key(self) -> dict[str, list[Event]]:
        """Which events concern each term and person: those named in the event's text or people."""
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.data.events:
            keys = {f"person:{person}" for person in event.people}
            keys |= {target.key for _, _, target in self.matcher.find(f"{event.title}. {event.summary}")}
            for key in sorted(keys):
                found[key].append(event)
        return found

    def link_page(self, root: Element, page: str, page_title: str) -> None:
        """Cross-link one hand-written page's tree and remember where each entry was mentioned."""
        for mention in PageLinker(self.matcher, page, page_title).link(root):
            self.mentions[mention.key].append(mention)
        self.linked_pages.add(page)

    def chapter_markdown(self, markdown: str, page: str) -> str:
        """Add the key-dates box to a chapter's Markdown (other pages are returned unchanged)."""
        stem = page.removeprefix("chapters/").removesuffix(".md")
        if stem not in self.data.chapters:
            return markdown
        events = [event for event in self.data.events if event.section.chapter == stem]
        if not events:
            return markdown
        return render_timeline.insert_key_dates(markdown, render_timeline.render_key_dates(events, page))

    def render(self, page: str) -> str:
        """The Markdown of a generated page; call it after every hand-written page has been linked."""
        data = self.data
        if page == render_glossary.PAGE:
            return render_glossary.render_glossary(data.terms, self.mentions, self.events_by_key)
        if page == render_people.PAGE:
            return render_people.render_people(data.people, self.mentions, self.events_by_key)
        if page == render_timeline.PAGE:
            people = {person.id: person for person in data.people}
            return render_timeline.render_timeline(data.events, people, data.chapters, render_chart(data.people))
        if page == render_flashcards.PAGE:
            return render_flashcards.render_flashcards(build_cards(data, self.mentions), data.chapters)
        raise KeyError(f"{page} is not a generated page")
