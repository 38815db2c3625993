"""Renders the corrections table of About the notes from data/misconceptions.yml, so the two cannot disagree."""

from __future__ import annotations

import re

from ..data.model import Chapter, Reference
from ..data.problems import DataError, Problem
from ..pages.markdown import plain, render_field

PAGE = "about-the-notes.md"
MARKER = "<!-- corrections table: generated from data/misconceptions.yml -->"
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)


def insert_table(
    page_markdown: str, misconceptions, references: dict[str, Reference], chapters: dict[str, Chapter]
) -> str:
    """Replace the page's marker with the table; a page without the marker stops the build."""
    if MARKER not in page_markdown:
        raise DataError([Problem(
            f"docs/{PAGE}", "the Corrections section", "the marker for the generated table is missing",
            f"put the line {MARKER} where the table belongs",
        )])
    headings = {anchor: title for title, anchor in _HEADING.findall(page_markdown)}
    return page_markdown.replace(MARKER, render_table(misconceptions, references, chapters, headings), 1)


def render_table(misconceptions, references: dict[str, Reference], chapters: dict[str, Chapter],
                 page_headings: dict[str, str]) -> str:
    """One row per misconception found in the source notes, numbered in the order of the file."""
    rows = [
        "| No. | Note(s) | What the note says | What the guide says | Reference |",
        "| --- | --- | --- | --- | --- |",
    ]
    for number, item in enumerate((item for item in misconceptions if item.notes), start=1):
        see = " and ".join(_link(target, chapters, page_headings) for target in (str(item.section), *item.see_also))
        guide = f"{_cell(item.correction)} See {see}."
        cited = "; ".join(f"[{plain(references[ref].short)}](sources.md#{ref})" for ref in item.sources)
        rows.append(f"| {number} | {', '.join(item.notes)} | {_cell(item.says)} | {guide} | {cited} |")
    return "\n".join(rows)


def _link(target: str, chapters: dict[str, Chapter], page_headings: dict[str, str]) -> str:
    chapter, _, anchor = target.partition("#")
    if not chapter:
        return f"[{plain(page_headings.get(anchor, anchor))}](#{anchor})"
    return f"[Chapter {int(chapters[chapter].stem[:2])}](chapters/{chapter}.md#{anchor})"


def _cell(text: str) -> str:
    """A Markdown field as one table cell: rendered and sanitised like every data field, on one line.

    Markdown's special characters outside tags become character references, so that a pipe cannot end
    the cell and nothing in the text is read as Markdown a second time.
    """
    body = render_field(" ".join(text.split())).strip()
    body = re.sub(r"^<p>|</p>$", "", body).replace("\n", " ")
    cell = "".join(
        piece if piece.startswith("<") else _SPECIAL.sub(lambda match: f"&#{ord(match.group())};", piece)
        for piece in re.split(r"(<[^>]*>)", body)
    )
    return " ".join(cell.split())


_SPECIAL = re.compile(r"[\\`*_\[\]{}|!#:]")
