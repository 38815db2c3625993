"""Assembles the built site's pages into one printable book (HTML): cover, contents, pages, answers."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, SoupStrainer, Tag

from ..theme import BOX_CLASS, BOX_TITLE_CLASS, CONTENT_CHROME, CONTENT_ELEMENT

BOOK_HOST = "https://book.invalid/"  # a stand-in origin for resolving the site's relative links
# The theme's chrome, the timeline's filters (no use on paper) and scripts are left out of the book.
REMOVED = f"{CONTENT_CHROME}, form.tl-filters, script, noscript"
REFERENCE_PAGES = {"glossary/", "people/", "timeline/", "flashcards/"}  # looked things up in: set smaller
HIDDEN_ANSWERS = {"question", "success"}  # collapsible kinds whose bodies move to the Answers section


@dataclass(frozen=True)
class BookPage:
    """One page of the site as the book uses it."""

    url: str  # the page's URL relative to the site root, e.g. "chapters/01-background/"
    title: str
    html_file: Path

    @property
    def anchor(self) -> str:
        """The id of the page's first heading in the book: ``p-chapters-01-background``."""
        return "p-" + (re.sub(r"[^a-z0-9]+", "-", self.url.lower()).strip("-") or "home")


def build_book(pages: list[BookPage], title: str, subtitle: str, build_date: datetime.date, site_url: str) -> str:
    """Return the whole book as one HTML document (without styles; see ``pdf.py``).

    Args:
        pages: The site's pages in reading order; each must already be built.
        title: The book's title, for the cover.
        subtitle: A line under the title.
        build_date: When the site was built, shown on the cover.
        site_url: The public address of the site, for the cover and for links to things outside the book.
    """
    by_url = {page.url: page for page in pages}
    answers: list[str] = []
    sections = [_page_section(page, by_url, answers, site_url) for page in pages]
    contents = "\n".join(
        f'<li><a href="#{page.anchor}">{html.escape(page.title)}</a></li>' for page in pages
    )
    answer_section = (
        '<section class="book-page answers" id="answers"><h1 data-running="Answers">Answers</h1>\n'
        "<p>Answers to the questions in each chapter, and plans for the exam-style questions. Each answer "
        "links back to its question.</p>\n" + "\n".join(answers) + "\n</section>"
        if answers
        else ""
    )
    contents_answers = '<li><a href="#answers">Answers</a></li>' if answers else ""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{html.escape(title)}</title>",
            f'<meta name="description" content="{html.escape(subtitle)}">',
            f'<meta name="dcterms.created" content="{build_date.isoformat()}">',
            "</head><body>",
            '<section class="cover">',
            f'<p class="cover-kicker">A revision guide</p><h1 class="cover-title">{html.escape(title)}</h1>',
            f'<p class="cover-subtitle">{html.escape(subtitle)}</p>',
            f'<p class="cover-date">Built on {build_date.day} {build_date:%B %Y}</p>',
            f'<p class="cover-url">Read online at {html.escape(site_url)}</p>' if site_url else "",
            "</section>",
            '<nav class="contents" id="contents"><h1>Contents</h1><ol>',
            contents,
            contents_answers,
            "</ol></nav>",
            *sections,
            answer_section,
            "</body></html>",
        ]
    )


def _page_section(page: BookPage, by_url: dict, answers: list[str], site_url: str) -> str:
    # Only the article is parsed: the rest of the page is navigation the book leaves out.
    soup = BeautifulSoup(page.html_file.read_text(encoding="utf-8"), "lxml", parse_only=SoupStrainer(CONTENT_ELEMENT))
    article = soup.find(CONTENT_ELEMENT)
    for element in article.select(REMOVED):
        element.decompose()
    _condense_mentions(article)
    _prefix_ids(article, page)
    _rewrite_links(article, page, by_url, site_url)
    _move_answers(article, page, answers)
    heading = article.find("h1")
    if heading is not None:
        heading["data-running"] = page.title
    if page.url.startswith("chapters/"):
        css_class = "chapter"
    else:
        css_class = "reference" if page.url in REFERENCE_PAGES else "reading"
    return f'<section class="book-page {css_class}" id="{page.anchor}">{article.decode_contents()}</section>'


def _condense_mentions(article: Tag) -> None:
    """In print, "mentioned in" lists link once per page (its first mention), not once per section,
    timeline lists show only the dates, and timeline events keep only their chapter link.

    On screen every section is listed; in the book that would be hundreds of long links that cost time
    to lay out and add little, since each leads into the same chapter or the same timeline.
    """
    for paragraph in article.find_all("p", class_="tl-links"):
        # The event's people are named in its summary and have their own cards; keep the chapter link.
        read = next((node for node in paragraph.contents if isinstance(node, str) and "Read:" in node), None)
        if read is not None:
            for node in list(read.previous_siblings):
                node.extract()
            read.replace_with(read[read.index("Read:"):])
    # The Glossary and Who's who list mentions and events in grouped lists (pages/mentions.py): in print,
    # one line each, the pages that mention the entry and the dates of its events.
    for box in article.select("div.mentions"):
        links = [item.find("a") for item in box.find_all("li") if item.find("a")]
        _one_line(box, links, ", ")
    for box in article.select("div.timeline-links"):
        links = box.find_all("a")
        for link in links:
            link.string = link.get_text().split(":")[0]
        _one_line(box, links, "; ")


def _one_line(box: Tag, links: list, separator: str) -> None:
    label = box.find("strong")
    parts = [str(label)] + [separator.join(str(link) for link in links)]
    classes = " ".join(box.get("class", []))
    box.replace_with(BeautifulSoup(f'<p class="{classes}">{" ".join(parts)}</p>', "html.parser"))


def _prefix_ids(article: Tag, page: BookPage) -> None:
    """Make every id unique across the book by prefixing it with the page's anchor."""
    for element in article.find_all(id=True):
        element["id"] = f"{page.anchor}--{element['id']}"
    for element in article.find_all(attrs={"aria-labelledby": True}):
        element["aria-labelledby"] = " ".join(f"{page.anchor}--{ref}" for ref in element["aria-labelledby"].split())
    for label in article.find_all("label", attrs={"for": True}):
        label["for"] = f"{page.anchor}--{label['for']}"


def _rewrite_links(article: Tag, page: BookPage, by_url: dict, site_url: str) -> None:
    """Links to pages in the book become links inside the PDF; other site links point at the site."""
    base = urljoin(BOOK_HOST, page.url)
    for link in article.find_all("a", href=True):
        absolute = urljoin(base, link["href"])
        if not absolute.startswith(BOOK_HOST):
            continue  # a link to another site stays as it is
        target, fragment = urldefrag(absolute)
        target_url = urlsplit(target).path.lstrip("/")
        if target_url in by_url:
            target_page = by_url[target_url]
            link["href"] = f"#{target_page.anchor}--{fragment}" if fragment else f"#{target_page.anchor}"
        elif site_url:
            link["href"] = urljoin(site_url, absolute[len(BOOK_HOST):])
        else:
            del link["href"]  # no public address to point at: the words stay, the dead link goes


def _move_answers(article: Tag, page: BookPage, answers: list[str]) -> None:
    """Replace hidden answers with a pointer to the Answers section; expand every other collapsible block.

    Flashcards become a numbered list of questions, and their answers a matching numbered list, kept
    plain so that hundreds of cards cost little to lay out.
    """
    moved, cards = [], 0
    for number, details in enumerate(article.find_all("details"), start=1):
        summary = details.find("summary")
        title = summary.get_text(" ", strip=True) if summary else ""
        if summary:
            summary.decompose()
        kinds = set(details.get("class") or [])
        answer_id, question_id = f"{page.anchor}--answer-{number}", f"{page.anchor}--question-{number}"
        if "flashcard" in kinds:
            cards += 1
            for source in details.find_all("a", class_="card-source"):
                source.decompose()
            moved.append(
                f'<p class="card-answer" id="{answer_id}"><span class="card-number">{cards}.</span> '
                f'{html.escape(details.get_text(" ", strip=True))}</p>'
            )
            question = _tag("p", "", {"class": "card-question", "id": question_id})
            question.append(_tag("span", f"{cards}.", {"class": "card-number"}))
            question.append(f" {title}")
            details.replace_with(question)
        elif kinds & HIDDEN_ANSWERS:
            moved.append(
                f'<div class="answer" id="{answer_id}"><p class="answer-question">'
                f'<a href="#{question_id}">{html.escape(title)}</a></p>{details.decode_contents()}</div>'
            )
            box = _tag("div", "", {"class": f"question-box {' '.join(sorted(kinds))}", "id": question_id})
            box.append(_tag("p", title, {"class": "question-title"}))
            reference = _tag("p", "", {"class": "answer-ref"})
            reference.append(_tag("a", "Answer in the Answers section", {"href": f"#{answer_id}"}))
            box.append(reference)
            details.replace_with(box)
        else:
            details.name = "div"
            details.attrs.pop("open", None)
            details["class"] = [BOX_CLASS, *sorted(kinds)]
            details.insert(0, _tag("p", title, {"class": BOX_TITLE_CLASS}))
    if moved:
        answers.append(f'<h2 id="{page.anchor}--answers">{html.escape(page.title)}</h2>')
        answers.extend(moved)


def _tag(name: str, text: str, attrs: dict) -> Tag:
    tag = Tag(name=name, attrs=attrs)
    if text:
        tag.string = text
    return tag
