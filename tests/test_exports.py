"""The flashcard decks for Anki and Quizlet: one row or note per card, stable GUIDs, plain-text fields."""

import csv
import json
import sqlite3
import zipfile

import pytest
from bs4 import BeautifulSoup

from studyguide import exports
from studyguide.data.load import load_guide_data
from studyguide.pages.cards import build_cards
from test_render import MENTIONS

from datafixtures import VALID


@pytest.fixture(scope="module")
def fixture_cards():
    data = load_guide_data(VALID / "data", VALID / "docs")
    return build_cards(data, MENTIONS), data.chapters


def _collection(apkg, tmp_path):
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


def test_the_anki_package_has_a_note_per_card_in_a_deck_per_chapter(site_dir, tmp_path):
    tsv = (site_dir / "downloads" / exports.ALL_TSV_NAME).read_text(encoding="utf-8").splitlines()
    collection = _collection(site_dir / "downloads" / exports.APKG_NAME, tmp_path)
    notes = collection.execute("SELECT guid, flds, tags FROM notes").fetchall()
    assert len(notes) == len(tsv)
    decks = json.loads(collection.execute("SELECT decks FROM col").fetchone()[0])
    chapter_decks = [deck["name"] for deck in decks.values() if "::" in deck["name"]]
    assert len(chapter_decks) == 5, chapter_decks
    for _guid, fields, tags in notes:
        question, answer, link = fields.split("\x1f")
        assert "<" not in question + answer, f"fields are plain text: {question} / {answer}"
        assert link.startswith("https://example.org/study-guide/"), link
        assert "chapter::" in tags and "kind::" in tags


def test_note_guids_depend_only_on_the_card_id(fixture_cards, tmp_path):
    cards, chapters = fixture_cards
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    exports.write_apkg(cards, chapters, "https://example.org/", first)
    reworded = [card.__class__(**{**card.__dict__, "question": card.question + " (reworded)"}) for card in cards]
    exports.write_apkg(reworded, chapters, "https://example.org/", second)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    guids_first = [row[0] for row in _collection(first, tmp_path / "a").execute("SELECT guid FROM notes ORDER BY id")]
    guids_second = [row[0] for row in _collection(second, tmp_path / "b").execute("SELECT guid FROM notes ORDER BY id")]
    assert guids_first == guids_second == [exports.note_guid(card) for card in cards]
    assert len(set(guids_first)) == len(cards)


def test_quizlet_files_have_two_columns_and_a_row_per_card(site_dir):
    folder = site_dir / "downloads"
    total = 0
    for path in sorted(folder.glob("flashcards-0*.tsv")):
        rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
        assert rows and all(len(row) == 2 and all(cell.strip() for cell in row) for row in rows), path.name
        total += len(rows)
    assert total == len((folder / exports.ALL_TSV_NAME).read_text(encoding="utf-8").splitlines())


def test_the_anki_text_file_declares_its_guid_column(fixture_cards):
    cards, chapters = fixture_cards
    text = exports.anki_text(cards, chapters, None)
    header = [line for line in text.splitlines() if line.startswith("#")]
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert "#guid column:1" in header
    assert len(rows) == len(cards) and all(len(row) == 6 for row in rows)
    assert [row[0] for row in rows] == [exports.note_guid(card) for card in cards]
    assert all(row[3] == "" for row in rows), "no link without a known site address"


def test_the_flashcards_page_links_every_download(site_dir):
    page = BeautifulSoup((site_dir / "flashcards" / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = page.select_one("#downloads").find_parent("article")
    linked = {a["href"].rsplit("/", 1)[-1] for a in section.select("a[download]") if "/downloads/" in a["href"]}
    written = {path.name for path in (site_dir / "downloads").iterdir()}
    assert linked == written
