"""Renders the book's editions to tagged PDF with WeasyPrint: in parallel processes, cached by their inputs.

Each edition (the whole guide, the workbook, the answers) is one document. Their HTML is made from pages
parsed once (``book.read_sections``); each document is then laid out in its own process, since layout
is the slow part and the machine has more than one core. A document whose inputs (the built pages, the
book's code and stylesheet, WeasyPrint's version, the paper, the date and the address) have not changed
is copied from the cache instead of being laid out again. Anything WeasyPrint warns about is reported,
never hidden.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..paths import REPO_ROOT
from .book import EDITIONS, GUIDE, BookInfo, BookPage, Edition, read_sections, render_edition
from .fonts import check_fonts

PAPER_SIZES = {"a4": "A4", "letter": "Letter"}
PDF_NAME = GUIDE.file_name
BOOK_DIR = Path(__file__).resolve().parent
BOOK_CSS = BOOK_DIR / "book.css"
PDF_VARIANT = "pdf/ua-1"  # tagged, with the document's language and title: readable by screen readers
DEFAULT_CACHE = REPO_ROOT / ".cache" / "pdf"
CACHE_KEEP = 12  # documents kept in the cache; older ones are removed


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def write_pdf(book_html: str, output: Path, base_url: str, paper: str = "a4") -> list[str]:
    """Write ``book_html`` to ``output`` as a tagged PDF (PDF/UA-1) and return WeasyPrint's warnings, if any.

    Args:
        book_html: An edition from ``book.render_edition`` (or ``book.build_book``).
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
        document.write_pdf(output, pdf_variant=PDF_VARIANT, pdf_identifier=True)
    finally:
        logger.removeHandler(collector)
    return collector.messages


def build_date() -> datetime.date:
    """The date the book is stamped with: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


@dataclass(frozen=True)
class Rendered:
    """What became of one document: its file, how long it took and whether it came from the cache."""

    edition: Edition
    path: Path
    seconds: float
    cached: bool
    warnings: tuple[str, ...]


def inputs_hash(edition: Edition, book_pages: list[BookPage], info: BookInfo, paper: str) -> str:
    """A hash of everything a document is made from, without parsing anything (so that it is quick)."""
    from weasyprint import __version__ as weasyprint_version

    digest = hashlib.sha256()
    for part in (edition.key, paper, PDF_VARIANT, weasyprint_version, repr(info)):
        digest.update(part.encode() + b"\0")
    for source in sorted(BOOK_DIR.glob("*.py")) + [BOOK_CSS, REPO_ROOT / "scripts" / "studyguide" / "theme.py"]:
        digest.update(source.read_bytes() + b"\0")
    for page in book_pages:
        digest.update(f"{page.url}\0{page.title}\0".encode() + page.html_file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _render(book_html: str, output: str, base_url: str, paper: str) -> tuple[list[str], float]:
    start = time.perf_counter()
    warnings = write_pdf(book_html, Path(output), base_url, paper)
    return warnings, time.perf_counter() - start


def publish_books(
    site_dir: Path,
    book_pages: list[BookPage],
    info: BookInfo,
    paper: str = "a4",
    editions: tuple[Edition, ...] = EDITIONS,
    cache_dir: Path | None = DEFAULT_CACHE,
) -> list[Rendered]:
    """Write each edition into ``site_dir``, laying out in parallel only those not already in the cache.

    Args:
        site_dir: The built site, which the PDFs are written into.
        book_pages: The site's pages in reading order.
        info: The title, subtitle, date and address for the covers and metadata.
        paper: ``"a4"`` or ``"letter"``.
        editions: Which documents to make.
        cache_dir: Where finished documents are kept by the hash of their inputs; None for no cache.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    results: dict[str, Rendered] = {}
    to_render: list[tuple[Edition, Path]] = []
    for edition in editions:
        start = time.perf_counter()
        output = site_dir / edition.file_name
        cached = cache_dir / f"{edition.key}-{inputs_hash(edition, book_pages, info, paper)}.pdf" if cache_dir else None
        if cached is not None and cached.exists():
            shutil.copyfile(cached, output)
            os.utime(cached)  # most recently used: kept longest
            results[edition.key] = Rendered(edition, output, time.perf_counter() - start, True, ())
        else:
            to_render.append((edition, cached))
    if to_render:
        check_fonts()  # once, here: a missing font is reported plainly rather than from a worker process
        sections = read_sections(book_pages, info.site_url)  # parsed once, shared by every edition
        jobs = [(edition, cached, render_edition(edition, sections, info)) for edition, cached in to_render]
        workers = min(len(jobs), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) if workers > 1 else _InProcess() as pool:
            # The longest document first, so that the others fill the remaining workers meanwhile.
            futures = []
            for edition, cached, book_html in sorted(jobs, key=lambda job: -len(job[2])):
                output = str(site_dir / edition.file_name)
                futures.append((edition, cached, pool.submit(_render, book_html, output, str(site_dir), paper)))
            for edition, cached, future in futures:
                warnings, seconds = future.result()
                output = site_dir / edition.file_name
                if cached is not None and not warnings:
                    # Written under a temporary name and renamed: a concurrent or interrupted build never
                    # finds half a file in the cache.
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
                    shutil.copyfile(output, partial)
                    os.replace(partial, cached)
                results[edition.key] = Rendered(edition, output, seconds, False, tuple(warnings))
        if cache_dir is not None:
            _prune(cache_dir)
    return [results[edition.key] for edition in editions]


class _InProcess:
    """A stand-in for a process pool on a one-core machine: runs each job when it is submitted."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, function, *args):
        from concurrent.futures import Future

        future = Future()
        future.set_result(function(*args))
        return future


def _prune(cache_dir: Path) -> None:
    documents = sorted(cache_dir.glob("*.pdf"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in documents[CACHE_KEEP:]:
        old.unlink(missing_ok=True)


def publish_book(
    site_dir: Path,
    pages: list[tuple[str, str]],
    site_name: str,
    description: str,
    site_url: str | None,
    paper: str = "a4",
    log: Callable[[str], None] | None = None,
) -> list[str]:
    """Build every edition of the guide as PDF from a built site and write them into the site.

    Args:
        site_dir: The built site.
        pages: ``(url, title)`` of each page, in reading order; the home page's title becomes "Introduction".
        site_name: The book's title.
        description: The line under the title on the cover.
        site_url: The site's public address, or None when the build does not know it (no address is printed).
        paper: ``"a4"`` or ``"letter"``.
        log: Where to report each document's time, if anywhere.

    Returns:
        WeasyPrint's warnings (none is expected; the caller should report them as build warnings).
    """
    book_pages = [
        BookPage(url, "Introduction" if url == "" else title, site_dir / url / "index.html") for url, title in pages
    ]
    info = BookInfo(site_name, description, build_date(), site_url or None)
    cache = os.environ.get("GUIDE_PDF_CACHE", "")
    cache_dir = None if cache.lower() == "off" else Path(cache) if cache else DEFAULT_CACHE
    results = publish_books(site_dir, book_pages, info, paper, cache_dir=cache_dir)
    if log is not None:
        for result in results:
            how = "from the cache" if result.cached else "laid out"
            log(f"PDF {result.edition.file_name} {how} in {result.seconds:.2f} s")
    return [f"{result.edition.file_name}: {warning}" for result in results for warning in result.warnings]
