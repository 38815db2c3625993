"""Renders the book to PDF with WeasyPrint, reporting (never hiding) anything WeasyPrint warns about."""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

from .book import BookPage, build_book
from .fonts import check_fonts

PAPER_SIZES = {"a4": "A4", "letter": "Letter"}
PDF_NAME = "stalins-rise-to-power.pdf"
BOOK_CSS = Path(__file__).resolve().parent / "book.css"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def write_pdf(book_html: str, output: Path, base_url: str, paper: str = "a4") -> list[str]:
    """Write ``book_html`` to ``output`` as a PDF and return WeasyPrint's warnings, if any.

    Args:
        book_html: The book from ``book.build_book``.
        output: Where to write the PDF.
        base_url: Where relative resources (images) are looked up: the built site's folder.
        paper: ``"a4"`` or ``"letter"``.

    Raises:
        ValueError: for an unknown paper size.
        MissingFontsError: when a font the PDF is designed in is not installed.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    from weasyprint import CSS, HTML  # imported here: it is slow to import and only the PDF needs it

    check_fonts()  # raises MissingFontsError: never a crash in WeasyPrint or a silently substituted face

    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        stylesheets = [CSS(filename=str(BOOK_CSS)), CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}")]
        document = HTML(string=book_html, base_url=base_url).render(stylesheets=stylesheets)
        output.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(output)
    finally:
        logger.removeHandler(collector)
    return collector.messages


def build_date() -> datetime.date:
    """The date the book is stamped with: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def publish_book(
    site_dir: Path, pages: list[tuple[str, str]], site_name: str, description: str, site_url: str, paper: str = "a4"
) -> list[str]:
    """Build the PDF of the whole guide from a built site and write it into the site.

    Args:
        site_dir: The built site.
        pages: ``(url, title)`` of each page, in reading order; the home page's title becomes "Introduction".
        site_name: The book's title.
        description: The line under the title on the cover.
        site_url: The site's public address.
        paper: ``"a4"`` or ``"letter"``.

    Returns:
        WeasyPrint's warnings (none is expected; the caller should report them as build warnings).
    """
    book_pages = [
        BookPage(url, "Introduction" if url == "" else title, site_dir / url / "index.html") for url, title in pages
    ]
    book = build_book(book_pages, site_name, description, build_date(), site_url)
    return write_pdf(book, site_dir / PDF_NAME, base_url=str(site_dir), paper=paper)
