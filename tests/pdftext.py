"""The text of a PDF, page by page, as poppler's pdftotext gives it: quick enough for a whole book in a test."""

import re
import subprocess
from pathlib import Path


def page_texts(pdf_path: Path, *, layout: bool = True) -> list[str]:
    """One string per page.

    With ``layout``, the text is placed as on the page (two columns side by side, line by line). Without
    it, the text comes in the order it is drawn, which for WeasyPrint is reading order: one column after
    the other, then the running header and the page number. (pypdf reads the same order, ten times slower.)
    """
    mode = "-layout" if layout else "-raw"
    text = subprocess.run(["pdftotext", mode, str(pdf_path), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    """Text with every run of whitespace made one space."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any whitespace: a line may wrap anywhere, even after a dash ("1918–" / "1921")."""
    return re.sub(r"\s+", "", text)
