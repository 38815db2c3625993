"""Wide tables are labelled cell by cell, so that a phone can show them as stacked cards."""

from xml.etree.ElementTree import fromstring, tostring

from studyguide.tables import STACKED_CLASS, label_table_cells


def _table(columns):
    head = "".join(f"<th>{name}</th>" for name in columns)
    body = "".join(f"<td>{n}</td>" for n in range(len(columns)))
    return f"<table><thead><tr>{head}</tr></thead><tbody><tr>{body}</tr><tr>{body}</tr></tbody></table>"


def test_wide_tables_are_marked_and_every_cell_names_its_column():
    root = fromstring(f"<div>{_table(['Year', 'What the notes say', 'What is right'])}</div>")
    assert label_table_cells(root) == 1
    table = root.find("table")
    assert table.get("class") == STACKED_CLASS
    assert [cell.get("data-label") for cell in table.iter("td")] == ["Year", "What the notes say", "What is right"] * 2


def test_narrow_tables_and_tables_without_headings_are_left_alone():
    root = fromstring(
        f"<div>{_table(['Term', 'Meaning'])}<table><tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table></div>"
    )
    before = tostring(root)
    assert label_table_cells(root) == 0 and tostring(root) == before


def test_a_heading_with_markup_becomes_plain_text_and_stays_escaped():
    root = fromstring(
        "<div><table><thead><tr><th>A <em>&lt;b&gt;</em></th><th>B</th><th>C</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table></div>"
    )
    label_table_cells(root)
    assert root.find(".//td").get("data-label") == "A <b>"
    assert 'data-label="A &lt;b&gt;"' in tostring(root, encoding="unicode")
