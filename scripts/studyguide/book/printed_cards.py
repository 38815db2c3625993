"""Flashcards to print double-sided and cut out: a sheet of questions, then the same sheet's answers mirrored.

Printed on both sides (flipping on the long edge), each answer lands behind its question. Dashed
borders are the cut lines; each card carries its number on both faces, so a dropped pile can be sorted.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..data.model import Chapter
from ..exports import DOWNLOADS_DIR, PRINTED_CARDS_NAME
from ..pages.cards import Card
from .pdf import PrintDocument

CARDS_CSS = Path(__file__).resolve().parent / "printed_cards.css"
FILE_NAME = PRINTED_CARDS_NAME
COLUMNS, ROWS = 3, 4  # twelve cards a sheet


def sheets(cards: Sequence[Card]) -> list[list[tuple[int, Card]]]:
    """The numbered cards, a sheet's worth at a time."""
    numbered = list(enumerate(cards, start=1))
    size = COLUMNS * ROWS
    return [numbered[start : start + size] for start in range(0, len(numbered), size)]


def _rows(sheet: list[tuple[int, Card]]) -> list[list[tuple[int, Card] | None]]:
    cells: list[tuple[int, Card] | None] = [*sheet, *([None] * (COLUMNS * ROWS - len(sheet)))]
    return [cells[row * COLUMNS : (row + 1) * COLUMNS] for row in range(ROWS)]


def _face(cell: tuple[int, Card] | None, chapters: Mapping[str, Chapter], back: bool) -> str:
    if cell is None:
        return '<td class="empty"></td>'
    number, card = cell
    text = card.answer if back else card.question
    label = "Answer" if back else chapters[card.chapter].title
    return (
        f'<td><p class="label"><span class="number">No. {number}</span> · {html.escape(label)}</p>'
        f'<p class="text">{html.escape(text)}</p></td>'
    )


def cards_html(cards: Sequence[Card], chapters: Mapping[str, Chapter]) -> str:
    """Every sheet as a page of questions followed by a page of answers, each row mirrored."""
    pages = []
    for number, sheet in enumerate(sheets(cards), start=1):
        rows = _rows(sheet)
        fronts = "".join(f"<tr>{''.join(_face(cell, chapters, False) for cell in row)}</tr>" for row in rows)
        # Mirrored left to right, so that the back of each card is behind its front after a long-edge flip.
        backs = "".join(f"<tr>{''.join(_face(cell, chapters, True) for cell in reversed(row))}</tr>" for row in rows)
        for side, rows_html in (("front", fronts), ("back", backs)):
            label = f"Sheet {number}, {'questions' if side == 'front' else 'answers'}"
            pages.append(f'<section class="sheet {side}" aria-label="{label}"><table>{rows_html}</table></section>')
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8"><title>Flashcards to print double-sided</title></head><body>',
        *pages,
        "</body></html>",
    ])  # fmt: skip


def cards_document(cards: Sequence[Card], chapters: Mapping[str, Chapter]) -> PrintDocument:
    """The printable flashcards as a document for the PDF stage (``pdf.publish_books``)."""
    return PrintDocument(path=f"{DOWNLOADS_DIR}/{FILE_NAME}", html=cards_html(cards, chapters), stylesheet=CARDS_CSS)
