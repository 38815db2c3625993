"""Wide tables that fit a phone: each cell is labelled with its column, so the stylesheet can stack rows as cards."""

from __future__ import annotations

from xml.etree.ElementTree import Element

# Tables this wide or wider hide columns off-screen on a phone; narrower ones fit as they are.
STACK_FROM_COLUMNS = 3
STACKED_CLASS = "stacked-table"


def label_table_cells(root: Element) -> int:
    """Mark every table of ``root`` with at least :data:`STACK_FROM_COLUMNS` columns; return how many.

    Each body cell gets ``data-label`` (its column's heading, as text), which the stylesheet shows above
    the cell when the rows are stacked as cards (docs/assets/stylesheets/extra.css).
    """
    marked = 0
    for table in root.iter("table"):
        head_row = table.find("thead/tr")
        if head_row is None:
            continue
        headings = [" ".join("".join(cell.itertext()).split()) for cell in head_row]
        if len(headings) < STACK_FROM_COLUMNS:
            continue
        classes = (table.get("class") or "").split()
        table.set("class", " ".join([*classes, STACKED_CLASS]))
        for row in table.iterfind("tbody/tr"):
            for heading, cell in zip(headings, row, strict=False):  # a short row leaves its last cells unlabelled
                if heading:
                    cell.set("data-label", heading)
        marked += 1
    return marked
