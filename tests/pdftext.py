"""The text of a PDF, page by page, as poppler's pdftotext gives it: quick enough for a whole book in a test."""

import functools
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader


def _version(pdf_path: Path) -> tuple[str, int, int]:
    """The file and its version: a document rewritten at the same path is read again."""
    stat = Path(pdf_path).stat()
    return str(pdf_path), stat.st_mtime_ns, stat.st_size


def pdf_reader(pdf_path: Path) -> PdfReader:
    """pypdf's reader for ``pdf_path``, one per file and version for every test in a worker.

    Opening the whole guide takes pypdf about two seconds; the reader also keeps every object it has read.
    """
    return _reader(_version(pdf_path))


@functools.cache
def _reader(version: tuple[str, int, int]) -> PdfReader:
    return PdfReader(version[0])


def page_texts(pdf_path: Path, *, layout: bool = True) -> list[str]:
    """One string per page.

    With ``layout``, the text is placed as on the page (two columns side by side, line by line). Without
    it, the text comes in the order it is drawn, which for WeasyPrint is reading order: one column after
    the other, then the running header and the page number. (pypdf reads the same order, ten times slower.)
    """
    return list(_texts(_version(pdf_path), layout))


@functools.cache
def _texts(version: tuple[str, int, int], layout: bool) -> tuple[str, ...]:
    mode = "-layout" if layout else "-raw"
    text = subprocess.run(["pdftotext", mode, version[0], "-"], capture_output=True, text=True, check=True)
    return tuple(text.stdout.split("\f")[:-1])


# A line of a book's contents page, as pdftotext lays it out: the title, a dotted leader, the page number.
CONTENTS_LINE = re.compile(r"^\s*(.+?)\s*\.{3,}\s*(\d+)$", flags=re.MULTILINE)


def contents_entries(pdf_path: Path) -> list[tuple[str, int]]:
    """Each entry of a book's contents (its second page): the title and the page number printed for it."""
    contents = page_texts(pdf_path)[1]
    assert contents.strip().startswith("Contents"), "the contents are the second page"
    return [(title, int(number)) for title, number in CONTENTS_LINE.findall(contents)]


def flat(text: str) -> str:
    """Text with every run of whitespace made one space."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any whitespace: a line may wrap anywhere, even after a dash ("1918–" / "1921")."""
    return re.sub(r"\s+", "", text)
