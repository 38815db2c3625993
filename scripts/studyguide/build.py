"""The build as a whole, independent of MkDocs: load data once, link pages, render generated pages."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from xml.etree.ElementTree import Element

from . import exports
from .book import book, organisers, printed_cards
from .book.pdf import PrintDocument
from .checker import corrections
from .checker import page as checker_page
from .checker.rules import RULES_PATH, rules_json
from .data.load import load_guide_data
from .data.model import Event, GuideData, Mention
from .link import Matcher, PageLinker, link_targets
from .pages import flashcards, glossary, people, quiz, revision, sources, timeline
from .pages.cards import build_cards
from .pages.chart import render_chart
from .pages.scripts import script_tags
from .tables import label_table_cells

# Rendered after every hand-written page, in this order, because they list where entries are mentioned.
GENERATED_PAGES = (
    glossary.PAGE, people.PAGE, timeline.PAGE, flashcards.PAGE, quiz.PAGE, revision.PAGE, sources.PAGE,
    checker_page.PAGE,
)  # fmt: skip
# Other files the build writes into the site: path inside the site -> what renders it.
GENERATED_FILES = {RULES_PATH: lambda build: rules_json(build.data)}

# Pages that only work on screen (progress kept by the browser, self-marking questions, checking notes
# typed into the page): not in the PDF.
ONLINE_ONLY_PAGES = (quiz.PAGE, revision.PAGE, checker_page.PAGE)


class GuideBuild:
    """State for one build: the checked data, the compiled matcher and every mention found so far."""

    def __init__(self, data: GuideData | None = None):
        """Load and check the data (raises ``DataError``) and compile the matcher once."""
        self.data = data if data is not None else load_guide_data()
        self.matcher = Matcher(link_targets(self.data, glossary.PAGE, people.PAGE))
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        self.page_titles: dict[str, str] = {}  # hand-written pages linked so far: path -> title
        self.events_by_key = self._events_by_key()
        self.reading_order: list[str] = []  # pages in the navigation's order, when the site generator gives it
        # Whether pages link the PDFs (book, organisers, printable cards): False when a build makes none
        # and has none to keep, so that no page links a file the site lacks.
        self.link_print_documents = True
        self.link_downloads = True  # likewise for the flashcard decks

    @property
    def linked_pages(self) -> set[str]:
        """The hand-written pages cross-linked so far."""
        return set(self.page_titles)

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
        """Cross-link one hand-written page's tree, remember where each entry was mentioned, label wide tables."""
        for mention in PageLinker(self.matcher, page, page_title).link(root):
            self.mentions[mention.key].append(mention)
        label_table_cells(root)
        self.page_titles[page] = page_title

    def chapter_markdown(self, markdown: str, page: str) -> str:
        """Add key dates, revision-sheet links and the "Mark as revised" script to a chapter; the sheets to
        the home page; the corrections table to About the notes."""
        if page == corrections.PAGE:
            references = {reference.id: reference for reference in self.data.references}
            return corrections.insert_table(markdown, self.data.misconceptions, references, self.data.chapters)
        if page == "index.md":
            if not self.link_print_documents:
                return markdown
            return f"{markdown}\n\n{organisers.home_page_links(self.data.chapters)}\n\n{book.edition_links(page)}\n"
        if page == book.EDITION_LINKS_PAGE:
            # Teachers look for the workbook with the exam questions: say so before the first of them.
            if not self.link_print_documents:
                return markdown
            return markdown.replace("\n## ", f"\n{book.edition_links(page)}\n\n## ", 1)
        stem = page.removeprefix("chapters/").removesuffix(".md")
        if stem not in self.data.chapters:
            return markdown
        # The script adds a small "Mark as revised" control under each section heading.
        markdown = "\n".join([markdown.rstrip("\n"), "", *script_tags(page, "revision-store.js", "revised.js")]) + "\n"
        events = [event for event in self.data.events if event.section.chapter == stem]
        box = timeline.render_key_dates(events, page) if events else ""
        links = organisers.chapter_links(stem) if self.link_print_documents else ""
        return timeline.insert_key_dates(markdown, box + links) if box or links else markdown

    def render(self, page: str) -> str:
        """The Markdown of a generated page; call it after every hand-written page has been linked."""
        data = self.data
        references = {reference.id: reference for reference in data.references}
        if page == glossary.PAGE:
            return glossary.render_glossary(
                data.terms, self.mentions, self.events_by_key, data.chapters, self.reading_order
            )
        if page == people.PAGE:
            return people.render_people(
                data.people,
                self.mentions,
                self.events_by_key,
                data.phase_titles,
                references,
                data.chapters,
                self.reading_order,
            )
        if page == timeline.PAGE:
            by_id = {person.id: person for person in data.people}
            chart = render_chart(data.people, data.phase_titles)
            return timeline.render_timeline(data.events, by_id, data.chapters, references, chart)
        if page == flashcards.PAGE:
            cards = build_cards(data, self.mentions)
            page_markdown = flashcards.render_flashcards(cards, data.chapters)
            if not self.link_downloads:
                return page_markdown
            downloads = exports.downloads_markdown(cards, data.chapters, flashcards.PAGE, self.link_print_documents)
            return f"{page_markdown}\n{downloads}"
        if page == quiz.PAGE:
            return quiz.render_quiz(quiz.build_questions(data, self.mentions), data.chapters)
        if page == revision.PAGE:
            question_ids = [question.id for question in quiz.build_questions(data, self.mentions)]
            return revision.render_revision(build_cards(data, self.mentions), data.chapters, question_ids)
        if page == sources.PAGE:
            return sources.render_sources(
                data.references, data.events, data.people, data.citing_pages, self.page_titles
            )
        if page == checker_page.PAGE:
            return checker_page.render_page(data)
        raise KeyError(f"{page} is not a generated page")

    def print_jobs(self, site_dir: Path) -> list[PrintDocument]:
        """The PDFs made with the book's editions, in the same parallel, cached stage (``book/pdf.py``): every
        knowledge organiser, plain and cover-and-recall, from the built chapter pages, and the flashcards to
        print double-sided."""
        built = site_dir / "chapters"
        pages = {stem: (built / stem / "index.html").read_text(encoding="utf-8") for stem in self.data.chapters}
        documents = [
            organisers.organiser_document(organiser, recall)
            for organiser in organisers.organisers(self.data, self.mentions, pages)
            for recall in (False, True)
        ]
        cards = build_cards(self.data, self.mentions)
        return [*documents, printed_cards.cards_document(cards, self.data.chapters)]

    def print_documents(self) -> list[str]:
        """The paths, inside the site, of the PDFs made after the pages besides the book itself."""
        slugs = [*sorted(self.data.chapters), organisers.PERIOD_SLUG]
        made = [
            f"{organisers.FOLDER}/{organisers.file_name(slug, recall)}" for slug in slugs for recall in (False, True)
        ]
        editions = [edition.file_name for edition in book.EDITIONS if edition is not book.GUIDE]
        return [*made, f"{exports.DOWNLOADS_DIR}/{printed_cards.FILE_NAME}", *editions]

    def write_downloads(self, site_dir: Path, site_url: str | None) -> None:
        """Write the flashcard decks into the built site; call it after every page has been built."""
        exports.write_downloads(build_cards(self.data, self.mentions), self.data.chapters, site_url, site_dir)
