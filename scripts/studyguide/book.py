"""Assembles the built site's pages into one printable book (HTML): cover, contents, pages, answers."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

BOOK_HOST = "https://book.invalid/"  # a stand-in origin for resolving the site's relative links
REMOVED = "a.headerlink, .md-content__button, form.tl-filters, .md-source-file, script, noscript"
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
            f'<p class="cover-url">Read online at {html.escape(site_url)}</p>',
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
    soup = BeautifulSoup(page.html_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    for element in article.select(REMOVED):
        element.decompose()
    _prefix_ids(article, page)
    _rewrite_links(article, page, by_url, site_url)
    _move_answers(article, page, answers)
    heading = article.find("h1")
    if heading is not None:
        heading["data-running"] = page.title
    css_class = "chapter" if page.url.startswith("chapters/") else "reference"
    return f'<section class="book-page {css_class}" id="{page.anchor}">{article.decode_contents()}</section>'


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
        else:
            link["href"] = urljoin(site_url, absolute[len(BOOK_HOST):])


def _move_answers(article: Tag, page: BookPage, answers: list[str]) -> None:
    """Replace hidden answers with a pointer to the Answers section; expand every other collapsible block."""
    moved = []
    for number, details in enumerate(article.find_all("details"), start=1):
        summary = details.find("summary")
        title = summary.get_text(" ", strip=True) if summary else ""
        if summary:
            summary.decompose()
        kinds = set(details.get("class") or [])
        if kinds & HIDDEN_ANSWERS:
            answer_id = f"{page.anchor}--answer-{number}"
            question_id = f"{page.anchor}--question-{number}"
            moved.append(
                f'<div class="answer" id="{answer_id}"><p class="answer-question">'
                f'<a href="#{question_id}">{html.escape(title)}</a></p>{details.decode_contents()}</div>'
            )
            details.replace_with(
                BeautifulSoup(
                    f'<div class="question-box {" ".join(sorted(kinds))}" id="{question_id}">'
                    f'<p class="question-title">{html.escape(title)}</p>'
                    f'<p class="answer-ref"><a href="#{answer_id}">Answer in the Answers section</a></p></div>',
                    "html.parser",
                )
            )
        else:
            details.name = "div"
            details.attrs.pop("open", None)
            details["class"] = ["admonition", *sorted(kinds)]
            details.insert(0, BeautifulSoup(f'<p class="admonition-title">{html.escape(title)}</p>', "html.parser"))
    if moved:
        answers.append(f'<h2 id="{page.anchor}--answers">{html.escape(page.title)}</h2>')
        answers.extend(moved)
