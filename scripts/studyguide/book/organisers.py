"""Knowledge organisers: one A4 page per chapter and one for the whole period, from the checked data.

Each has the chapter's key questions, a short chronology, about ten key dates, up to eight key people
with their role, about twenty key terms with definitions, and the chapter's summary. A "cover and
recall" version prints the same page with the answers left blank, to be filled in from memory.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from bs4 import BeautifulSoup

from ..data.model import Chapter, Event, GuideData, Mention
from ..theme import BOX_CLASS, BOX_TITLE_CLASS, CONTENT_ELEMENT
from .pdf import PageLimitError, PrintDocument, render_pdf

ORGANISER_CSS = Path(__file__).resolve().parent / "organiser.css"
FOLDER = "organisers"  # inside the built site
PERIOD_SLUG = "whole-period"
KEY_DATES, KEY_PEOPLE, KEY_TERMS, EVENTS_PER_YEAR = 10, 8, 18, 2


@dataclass(frozen=True)
class Organiser:
    """What one knowledge organiser shows."""

    slug: str  # the file name without ".pdf": the chapter's stem, or "whole-period"
    title: str
    period: str
    questions: tuple[str, ...]
    chronology: tuple[tuple[int, tuple[str, ...]], ...]  # (year, event titles)
    dates: tuple[tuple[str, str], ...]  # (date, what happened)
    people: tuple[tuple[str, str], ...]  # (name, role)
    terms: tuple[tuple[str, str], ...]  # (term, definition)
    summary: tuple[str, ...]


def file_name(slug: str, recall: bool = False) -> str:
    """The organiser's PDF file name; the cover-and-recall version ends in ``-recall``."""
    return f"{slug}-recall.pdf" if recall else f"{slug}.pdf"


def chapter_boxes(chapter_html: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The "Key questions" and "Summary" lists of a built chapter page."""
    article = BeautifulSoup(chapter_html, "lxml").find(CONTENT_ELEMENT)
    lists = {}
    for box in article.find_all(class_=BOX_CLASS) if article else ():
        title = box.find(class_=BOX_TITLE_CLASS)
        if title is not None:
            items = tuple(" ".join(item.get_text().split()) for item in box.find_all("li"))
            lists.setdefault(title.get_text(strip=True), items)
    return lists.get("Key questions", ()), lists.get("Summary", ())


def _most_mentioned(mentions: Mapping[str, Sequence[Mention]], kind: str, pages: set[str]) -> list[str]:
    """Ids of one kind of entry, most sections mentioning them first (then by first mention)."""
    counts, first = Counter(), {}
    for key, found in mentions.items():
        if not key.startswith(f"{kind}:"):
            continue
        for index, mention in enumerate(found):
            if mention.page in pages:
                counts[key] += 1
                first.setdefault(key, index)
    ranked = sorted(counts, key=lambda key: (-counts[key], first[key], key))
    return [key.split(":", 1)[1] for key in ranked]


def _spread(events: Sequence[Event], count: int) -> list[Event]:
    """``count`` events spread evenly through the list (all of them if there are fewer)."""
    if len(events) <= count:
        return list(events)
    step = (len(events) - 1) / (count - 1)
    return [events[round(index * step)] for index in range(count)]


def build_organiser(
    slug: str, title: str, period: str, events: Sequence[Event], pages: set[str],
    questions: Sequence[str], summary: Sequence[str], data: GuideData, mentions: Mapping[str, Sequence[Mention]],
) -> Organiser:  # fmt: skip
    """One organiser from the events, pages and boxes it covers."""
    people = {person.id: person for person in data.people}
    terms = {term.id: term for term in data.terms}
    chronology = tuple(
        (year, tuple(event.title for event in list(in_year)[:EVENTS_PER_YEAR]))
        for year, in_year in groupby(events, key=lambda event: event.date.year)
    )
    return Organiser(
        slug=slug,
        title=title,
        period=period,
        questions=tuple(questions),
        chronology=chronology,
        dates=tuple((event.date.display(), event.title) for event in _spread(events, KEY_DATES)),
        people=tuple((people[i].name, people[i].role) for i in _most_mentioned(mentions, "person", pages)[:KEY_PEOPLE]),
        terms=tuple((terms[i].term, terms[i].definition) for i in _most_mentioned(mentions, "term", pages)[:KEY_TERMS]),
        summary=tuple(summary),
    )


def organisers(
    data: GuideData, mentions: Mapping[str, Sequence[Mention]], chapter_pages: Mapping[str, str]
) -> list[Organiser]:
    """One organiser per chapter, then one for the whole period.

    Args:
        data: The checked data.
        mentions: Where each term and person is mentioned, from the cross-linker.
        chapter_pages: Each chapter's built HTML, by the chapter's file stem.
    """
    made = []
    all_questions, all_events = [], list(data.events)
    for stem, chapter in sorted(data.chapters.items()):
        questions, summary = chapter_boxes(chapter_pages[stem])
        events = [event for event in data.events if event.section.chapter == stem]
        made.append(build_organiser(
            stem, chapter.title, chapter.period, events, {chapter.src_path}, questions, summary, data, mentions,
        ))  # fmt: skip
        all_questions.append(f"{chapter.title}: {questions[0]}" if questions else chapter.title)
    chapters: Sequence[Chapter] = [data.chapters[stem] for stem in sorted(data.chapters)]
    pages = {chapter.src_path for chapter in chapters}
    summary = [
        f"{chapter.title} ({chapter.period}): {organiser.summary[0]}"
        for chapter, organiser in zip(chapters, made, strict=True)
        if organiser.summary
    ]
    period = f"{chapters[0].period.split('–')[0]}–{chapters[-1].period.split('–')[-1]}" if chapters else ""
    made.append(build_organiser(
        PERIOD_SLUG, "Stalin's rise to power", period, all_events, pages, all_questions, summary, data, mentions,
    ))  # fmt: skip
    return made


def organiser_html(organiser: Organiser, recall: bool = False) -> str:
    """The organiser as one printable HTML page; ``recall`` blanks every answer."""

    def answer(text: str) -> str:
        return '<span class="blank"></span>' if recall else html.escape(text)

    def pairs(rows: Sequence[tuple[str, str]], css: str) -> str:
        items = "".join(f"<dt>{html.escape(left)}</dt><dd>{answer(right)}</dd>" for left, right in rows)
        return f'<dl class="{css}">{items}</dl>'

    chronology = "".join(
        f"<li><b>{year}</b> {answer('; '.join(titles))}</li>" for year, titles in organiser.chronology
    )
    version = "Cover and recall: fill in the blanks from memory" if recall else "Knowledge organiser"
    summary = "".join(f"<li>{answer(point)}</li>" for point in organiser.summary)
    questions = "".join(f"<li>{html.escape(question)}</li>" for question in organiser.questions)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        f"<title>{html.escape(organiser.title)}: {version.split(':')[0].lower()}</title></head><body>",
        f'<header><p class="kind">{version}</p><h1>{html.escape(organiser.title)}</h1>',
        f'<p class="period">{html.escape(organiser.period)}</p></header>',
        f'<main class="columns{" recall" if recall else ""}">',
        f'<section class="questions"><h2>Key questions</h2><ol>{questions}</ol></section>',
        f'<section class="summary"><h2>Summary</h2><ul>{summary}</ul></section>',
        f'<section class="chronology"><h2>Chronology</h2><ul>{chronology}</ul></section>',
        f'<section class="dates"><h2>Key dates</h2>{pairs(organiser.dates, "dates")}</section>',
        f'<section class="people"><h2>Key people</h2>{pairs(organiser.people, "people")}</section>',
        f'<section class="terms"><h2>Key terms</h2>{pairs(organiser.terms, "terms")}</section>',
        "</main></body></html>",
    ])  # fmt: skip


def chapter_links(stem: str) -> str:
    """A line under a chapter's key dates linking its organiser (raw HTML: the PDFs come after the pages)."""
    folder = f"../../{FOLDER}"
    return (
        '\n<p class="organiser-links">Revision sheet for this chapter: '
        f'<a href="{folder}/{file_name(stem)}">knowledge organiser (PDF)</a> · '
        f'<a href="{folder}/{file_name(stem, recall=True)}">cover-and-recall version</a></p>\n'
    )


def home_page_links(chapters: Mapping[str, Chapter]) -> str:
    """The home page's list of every organiser (its URL is the site root, so links start there)."""
    rows = [
        f'<li><a href="{FOLDER}/{file_name(slug)}">{html.escape(title)}</a> '
        f'(<a href="{FOLDER}/{file_name(slug, recall=True)}">cover and recall</a>)</li>'
        for slug, title in [*((stem, chapter.title) for stem, chapter in sorted(chapters.items())),
                            (PERIOD_SLUG, "The whole period")]
    ]  # fmt: skip
    return "\n".join([
        "## Revision sheets {#revision-sheets}",
        "",
        "One-page knowledge organisers (PDF) for each chapter and for the whole period: key questions, key",
        "dates, people and terms, and the summary. Each has a cover-and-recall version with the answers left",
        "blank, to fill in from memory.",
        "",
        f'<ul class="organiser-list">{"".join(rows)}</ul>',
        "",
    ])  # fmt: skip


# The build fails with this error when an organiser takes more than one page.
OrganiserOverflowError = PageLimitError


def organiser_document(organiser: Organiser, recall: bool = False) -> PrintDocument:
    """The organiser as a document for the PDF stage (``pdf.publish_books``), which fails if it overflows."""
    name = file_name(organiser.slug, recall)
    return PrintDocument(
        path=f"{FOLDER}/{name}",
        html=organiser_html(organiser, recall),
        stylesheet=ORGANISER_CSS,
        max_pages=1,
        too_long=(
            f"the knowledge organiser '{name}' takes {{pages}} pages, not one: shorten its chapter's summary "
            "or key questions, or lower KEY_TERMS in book/organisers.py"
        ),
    )


def write_organiser(organiser: Organiser, folder: Path, recall: bool, paper: str) -> Path:
    """Render one organiser to PDF on its own (the build renders them all in ``pdf.publish_books``).

    Raises:
        OrganiserOverflowError: if it takes more than one page (nothing is written).
    """
    document = organiser_document(organiser, recall)
    output = folder / file_name(organiser.slug, recall)
    render_pdf(document.html, output, None, paper, document.stylesheet,
               max_pages=document.max_pages, too_long=document.too_long)  # fmt: skip
    return output
