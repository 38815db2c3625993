"""Renders every printed document with WeasyPrint: in parallel processes, cached by their inputs.

The documents are the book's editions (the whole guide, the workbook, the answers), the knowledge
organisers and the flashcards to print (``PrintDocument``). The editions' HTML is made from pages parsed
once (``book.read_sections``); each document is then laid out in a process of a pool as wide as the
machine, since layout is the slow part: the whole guide, much the longest, as soon as its HTML is ready,
and the others around it, the longest first. A document whose inputs have not changed is copied from
the cache instead of being laid out again: for an edition, the built pages, the book's code and
stylesheet, WeasyPrint's version, the paper, the date and the address (hashed without parsing anything,
so that a rebuild with unchanged sources takes well under a second); for the other documents, their HTML
and stylesheet. Anything WeasyPrint warns about is reported, never hidden.

Where the time goes (cProfile of the whole guide, WeasyPrint 70): about 60% is layout (line breaking
and text shaping with Pango), 12% the CSS cascade, 7% building the boxes and 20% writing the PDF
(drawing the text, the PDF/UA structure tree, compression). The cost follows the amount of text: laid
out part by part, the Glossary, the Sources, the Timeline and the Who's who take the most, and the
Glossary costs the same in one column as in two (column balancing, fonts and per-document overhead are
each small). So the guide leaves out the flashcards (``book._cards_in_brief``: 192 pages became 169,
and the lines WeasyPrint breaks 36,722 became 30,103, 18% fewer), and the writer avoids one cost that
grows with pages times tags (``_quick_page_references``). Splitting the guide into parts laid out in
separate processes was considered and not done: every part would need the page numbers of the others
("Answer on page N", the contents, over a thousand links between parts), the PDF/UA structure trees,
outlines and link destinations of the parts would have to be merged into one tagged document, and on
two cores the stage would still take half of all the documents' CPU time (about 15 s).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
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
CACHE_KEEP = 40  # documents kept in the cache besides those of the latest build; older ones are removed


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
    return render_pdf(book_html, output, base_url, paper, BOOK_CSS, tagged=True)


class PageLimitError(Exception):
    """A document that must fit on a set number of pages takes more (a knowledge organiser, for one)."""


def render_pdf(
    document_html: str, output: Path, base_url: str | None, paper: str, stylesheet: Path, *,
    tagged: bool = False, max_pages: int | None = None, too_long: str = "",
) -> list[str]:  # fmt: skip
    """Lay out ``document_html`` with ``stylesheet`` and write it to ``output``; return WeasyPrint's warnings.

    Args:
        tagged: Write a tagged PDF/UA-1 document (the book's editions).
        max_pages: Raise :class:`PageLimitError` (writing nothing) if the document takes more pages.
        too_long: The error's message; ``{pages}`` becomes the number of pages it took.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    from weasyprint import CSS, HTML  # imported here: it is slow to import and only the PDF needs it

    check_fonts()  # raises MissingFontsError: never a crash in WeasyPrint or a silently substituted face

    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        stylesheets = [CSS(filename=str(stylesheet)), CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}")]
        document = HTML(string=document_html, base_url=base_url).render(stylesheets=stylesheets)
        if max_pages is not None and len(document.pages) > max_pages:
            raise PageLimitError(too_long.format(pages=len(document.pages)))
        output.parent.mkdir(parents=True, exist_ok=True)
        with _quick_page_references():
            if tagged:
                document.write_pdf(output, pdf_variant=PDF_VARIANT, pdf_identifier=True)
            else:
                document.write_pdf(output)
    finally:
        logger.removeHandler(collector)
    return collector.messages


@contextmanager
def _quick_page_references():
    """While a PDF is written, compute pydyf's list of page references once per page added, not per use.

    pydyf 0.13's ``PDF.page_references`` builds a new tuple of every page each time it is read, and
    WeasyPrint reads it for every structure element and link of a tagged PDF: for the guide, some 32,000
    reads of a 190-item tuple, about 0.8 s (a tenth of writing the PDF) that grows with pages times tags.
    The cached value is rebuilt whenever a page has been added since, so it is always the same tuple.
    Restored afterwards; if pydyf changes, nothing is patched and the build is only slower.
    """
    import pydyf

    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property):
        yield
        return

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_studyguide_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), original.fget(pdf))
            pdf.__dict__["_studyguide_page_references"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


def build_date() -> datetime.date:
    """The date the book is stamped with: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


@dataclass(frozen=True)
class PrintDocument:
    """A document the PDF stage makes besides the book's editions: a knowledge organiser, the printable cards."""

    path: str  # inside the built site, e.g. "organisers/01-background.pdf"
    html: str
    stylesheet: Path
    max_pages: int | None = None  # the build fails (PageLimitError) if it takes more pages
    too_long: str = ""  # the error's message; {pages} becomes the number of pages

    def inputs_hash(self, paper: str) -> str:
        """A hash of what the document is made from: its HTML, stylesheet, paper and WeasyPrint's version."""
        from weasyprint import __version__ as weasyprint_version

        digest = hashlib.sha256()
        for part in (self.path, paper, weasyprint_version, str(self.max_pages), self.html):
            digest.update(part.encode() + b"\0")
        for source in (self.stylesheet, Path(__file__)):
            digest.update(source.read_bytes() + b"\0")
        return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Rendered:
    """What became of one document: its file, how long it took and whether it came from the cache."""

    name: str  # the path inside the site
    path: Path
    seconds: float
    cached: bool
    warnings: tuple[str, ...]
    edition: Edition | None = None  # None for a PrintDocument
    cpu_seconds: float = 0.0  # the worker's CPU time laying it out (0 from the cache)


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


def _render(html: str, output: str, base_url: str, paper: str, stylesheet: str, tagged: bool,
            max_pages: int | None, too_long: str) -> tuple[list[str], float, float]:  # fmt: skip
    # The CPU time too: on a shared machine the wall-clock time says as much about the neighbours.
    start, cpu = time.perf_counter(), time.process_time()
    warnings = render_pdf(html, Path(output), base_url, paper, Path(stylesheet),
                          tagged=tagged, max_pages=max_pages, too_long=too_long)  # fmt: skip
    return warnings, time.perf_counter() - start, time.process_time() - cpu


@dataclass
class _Job:
    """One document to lay out: its name in the site, its cache file, how to render it."""

    name: str
    cached: Path | None
    edition: Edition | None = None
    document: PrintDocument | None = None
    html: str = ""


def publish_books(
    site_dir: Path,
    book_pages: list[BookPage],
    info: BookInfo,
    paper: str = "a4",
    editions: tuple[Edition, ...] = EDITIONS,
    cache_dir: Path | None = DEFAULT_CACHE,
    documents: Sequence[PrintDocument] = (),
) -> list[Rendered]:
    """Write each edition and document into ``site_dir``, laying out in parallel those not in the cache.

    Args:
        site_dir: The built site, which the PDFs are written into.
        book_pages: The site's pages in reading order.
        info: The title, subtitle, date and address for the covers and metadata.
        paper: ``"a4"`` or ``"letter"``.
        editions: Which editions of the book to make.
        cache_dir: Where finished documents are kept by the hash of their inputs; None for no cache.
        documents: The other documents to make in the same pool (organisers, printable cards).

    Returns:
        The editions' results, then the documents', in the order given.

    Raises:
        PageLimitError: when a document with ``max_pages`` takes more pages (nothing is cached for it).
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    results: dict[str, Rendered] = {}
    to_render: list[_Job] = []
    used: set[Path] = set()
    wanted = [(edition.file_name, edition, None) for edition in editions]
    wanted += [(document.path, None, document) for document in documents]
    for name, edition, document in wanted:
        start = time.perf_counter()
        output = site_dir / name
        cached = None
        if cache_dir is not None:
            digest = inputs_hash(edition, book_pages, info, paper) if edition else document.inputs_hash(paper)
            cached = cache_dir / f"{name.replace('/', '--').removesuffix('.pdf')}-{digest}.pdf"
            used.add(cached)
        if cached is not None and cached.exists():
            output.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, output)
            os.utime(cached)  # most recently used: kept longest
            results[name] = Rendered(name, output, time.perf_counter() - start, True, (), edition)
        else:
            to_render.append(_Job(name, cached, edition, document, document.html if document else ""))
    if to_render:
        check_fonts()  # once, here: a missing font is reported plainly rather than from a worker process
        workers = min(len(to_render), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) if workers > 1 else _InProcess() as pool:
            futures = []
            document_jobs = sorted(
                (job for job in to_render if job.document is not None), key=lambda job: -len(job.html)
            )
            book_jobs = [job for job in to_render if job.edition is not None]
            # The longest job decides when the stage ends, and the whole guide is much the longest: it must
            # start the moment its HTML is ready. So the documents, whose HTML is ready now, take every
            # worker but one while this process parses the pages (a second or two); the guide then starts
            # at once on the free worker, and the rest queue behind, the longest first.
            first = document_jobs[: workers - 1] if book_jobs else document_jobs
            for job in first:
                futures.append((job, pool.submit(*_arguments(job, site_dir, paper))))
            if book_jobs:
                sections = read_sections(book_pages, info.site_url)  # parsed once, shared by every edition
                book_jobs.sort(key=lambda job: job.edition is not GUIDE)
                for job in book_jobs:
                    job.html = render_edition(job.edition, sections, info)
                    if job.edition is GUIDE:
                        futures.append((job, pool.submit(*_arguments(job, site_dir, paper))))
                rest = [job for job in book_jobs if job.edition is not GUIDE] + document_jobs[len(first) :]
                for job in sorted(rest, key=lambda job: -len(job.html)):
                    futures.append((job, pool.submit(*_arguments(job, site_dir, paper))))
            for job, future in futures:
                warnings, seconds, cpu_seconds = future.result()
                output = site_dir / job.name
                if job.cached is not None and not warnings:
                    # Written under a temporary name and renamed: a concurrent or interrupted build never
                    # finds half a file in the cache.
                    job.cached.parent.mkdir(parents=True, exist_ok=True)
                    partial = job.cached.with_name(f"{job.cached.name}.{os.getpid()}.partial")
                    shutil.copyfile(output, partial)
                    os.replace(partial, job.cached)
                results[job.name] = Rendered(
                    job.name, output, seconds, False, tuple(warnings), job.edition, cpu_seconds
                )
    if cache_dir is not None:
        _prune(cache_dir, used)
    return [results[name] for name, _, _ in wanted]


def _arguments(job: _Job, site_dir: Path, paper: str) -> tuple:
    """What the pool runs for ``job``: the render function and its (picklable) arguments."""
    document = job.document
    if document is None:  # an edition of the book: tagged, with no page limit
        stylesheet, tagged, max_pages, too_long = BOOK_CSS, True, None, ""
    else:
        stylesheet, tagged, max_pages, too_long = document.stylesheet, False, document.max_pages, document.too_long
    output = str(site_dir / job.name)
    return _render, job.html, output, str(site_dir), paper, str(stylesheet), tagged, max_pages, too_long


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


def _prune(cache_dir: Path, used: set[Path]) -> None:
    """Remove the least recently used documents beyond ``CACHE_KEEP``, never one this build uses."""
    documents = sorted(cache_dir.glob("*.pdf"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in [path for path in documents if path not in used][CACHE_KEEP:]:
        old.unlink(missing_ok=True)


def publish_book(
    site_dir: Path,
    pages: list[tuple[str, str]],
    site_name: str,
    description: str,
    site_url: str | None,
    paper: str = "a4",
    log: Callable[[str], None] | None = None,
    documents: Sequence[PrintDocument] = (),
) -> list[str]:
    """Build every edition of the guide, and ``documents``, as PDF from a built site and write them into it.

    Args:
        site_dir: The built site.
        pages: ``(url, title)`` of each page, in reading order; the home page's title becomes "Introduction".
        site_name: The book's title.
        description: The line under the title on the cover.
        site_url: The site's public address, or None when the build does not know it (no address is printed).
        paper: ``"a4"`` or ``"letter"``.
        log: Where to report each document's time, if anywhere.
        documents: The other documents (knowledge organisers, printable cards), made in the same pool.

    Returns:
        WeasyPrint's warnings (none is expected; the caller should report them as build warnings).

    Raises:
        PageLimitError: when a document with a page limit (a knowledge organiser) overflows it.
    """
    book_pages = [
        BookPage(url, "Introduction" if url == "" else title, site_dir / url / "index.html") for url, title in pages
    ]
    info = BookInfo(site_name, description, build_date(), site_url or None)
    cache = os.environ.get("GUIDE_PDF_CACHE", "")
    cache_dir = None if cache.lower() == "off" else Path(cache) if cache else DEFAULT_CACHE
    results = publish_books(site_dir, book_pages, info, paper, cache_dir=cache_dir, documents=documents)
    if log is not None:
        for result in results:
            if result.cached:
                log(f"PDF {result.name} from the cache in {result.seconds:.2f} s")
            else:
                log(f"PDF {result.name} laid out in {result.seconds:.2f} s ({result.cpu_seconds:.2f} s of CPU)")
    return [f"{result.name}: {warning}" for result in results for warning in result.warnings]
