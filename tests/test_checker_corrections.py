"""The corrections table on About the notes is generated from data/misconceptions.yml: one row per entry."""

import re

import pytest

from studyguide.checker.corrections import MARKER, insert_table
from studyguide.data.load import load_guide_data
from studyguide.data.problems import DataError

from datafixtures import copy_valid


@pytest.fixture()
def fixture_data(tmp_path):
    root = copy_valid(tmp_path)
    return load_guide_data(root / "data", root / "docs")


def test_a_row_from_an_entry(fixture_data):
    references = {reference.id: reference for reference in fixture_data.references}
    page = f"# About\n\n## Corrections {{#corrections}}\n\n{MARKER}\n"
    table = insert_table(page, fixture_data.misconceptions, references, fixture_data.chapters)
    assert table.splitlines()[-1] == (
        "| 1 | 000 | Lenin had a heart attack and then a second one. | Lenin had three strokes, the last in March "
        "1923. See [Chapter 2](chapters/02-triumvirate.md#forming). "
        "| [An Encyclopedia: Joseph Stalin](sources.md#encyclopedia-one) |"
    )


def test_cells_are_sanitised_and_a_pipe_cannot_end_one(fixture_data):
    references = {reference.id: reference for reference in fixture_data.references}
    [item] = fixture_data.misconceptions
    odd = item.__class__(**{**item.__dict__, "says": "A | B <script>x</script>"})
    table = insert_table(MARKER, (odd,), references, fixture_data.chapters)
    row = table.splitlines()[-1]
    assert "| A &#124; B |" in row and "script" not in row


def test_a_page_without_the_marker_stops_the_build(fixture_data):
    with pytest.raises(DataError) as raised:
        insert_table("# About\n", fixture_data.misconceptions, {}, fixture_data.chapters)
    assert "the marker for the generated table is missing" in raised.value.report()


def test_the_built_page_lists_every_misconception_from_the_notes(site_dir):
    data = load_guide_data()
    page = (site_dir / "about-the-notes" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="corrections"'):page.index('id="unconfirmed"')]
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>", table)
    in_notes = [item for item in data.misconceptions if item.notes]
    assert [int(row) for row in rows] == list(range(1, len(in_notes) + 1))
    for item in in_notes:
        assert f'href="../chapters/{item.section.chapter}/#{item.section.anchor}"' in table, item.id
        for source in item.sources:
            assert f'href="../sources/#{source}"' in table, (item.id, source)
