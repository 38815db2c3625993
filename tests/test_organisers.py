"""Knowledge organisers (one page each, answers blanked in the recall version) and cards to print double-sided."""

import math
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from studyguide.book import organisers, printed_cards
from studyguide.data.load import load_guide_data

from chapterparts import CHAPTER_ANCHORS
from pdftext import page_texts


@pytest.fixture(scope="module")
def data():
    return load_guide_data()


def _text(path) -> str:
    return " ".join(" ".join(page_texts(path, layout=False)).split())


@pytest.mark.parametrize("slug", [*CHAPTER_ANCHORS, organisers.PERIOD_SLUG])
def test_each_organiser_is_one_page_with_its_chapter_s_dates_and_people(site_dir, data, slug):
    plain = site_dir / organisers.FOLDER / organisers.file_name(slug)
    recall = site_dir / organisers.FOLDER / organisers.file_name(slug, recall=True)
    assert len(PdfReader(plain).pages) == 1 and len(PdfReader(recall).pages) == 1
    text, recall_text = _text(plain), _text(recall)
    events = [event for event in data.events if slug == organisers.PERIOD_SLUG or event.section.chapter == slug]
    shown = [event for event in events if event.date.display() in text]
    assert len(shown) >= min(8, len(events)), "about ten key dates"
    assert sum(person.name in text for person in data.people) >= 5, "key people"
    # The recall version keeps the prompts (dates, names, terms) and drops every answer.
    definitions = [term.definition for term in data.terms if term.definition[:40] in text]
    assert len(definitions) >= 10, "about twenty key terms with their definitions"
    for definition in definitions:
        assert definition[:40] not in recall_text, f"an answer is printed in the recall version: {definition[:40]}"
    for person in data.people:
        if person.name in text:
            assert person.role[:40] not in recall_text


def test_an_organiser_that_overflows_its_page_stops_the_build(tmp_path):
    crowded = organisers.Organiser(
        slug="crowded", title="Too much", period="1922–1940", questions=("Why?",) * 5, chronology=(),
        dates=(), people=(), terms=tuple((f"Term {n}", "A long definition " * 12) for n in range(80)), summary=(),
    )  # fmt: skip
    with pytest.raises(organisers.OrganiserOverflowError, match=r"'crowded\.pdf' takes \d+ pages, not one"):
        organisers.write_organiser(crowded, tmp_path, recall=False, paper="a4")
    assert not (tmp_path / "crowded.pdf").exists()


def test_chapters_and_the_home_page_link_their_organisers(site_dir):
    for chapter in CHAPTER_ANCHORS:
        built = (site_dir / "chapters" / chapter / "index.html").read_text(encoding="utf-8")
        page = BeautifulSoup(built, "html.parser")
        links = [a["href"] for a in page.select(".organiser-links a")]
        assert links == [f"../../organisers/{chapter}.pdf", f"../../organisers/{chapter}-recall.pdf"]
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = {a["href"] for a in home.select(".organiser-list a")}
    written = {f"organisers/{path.name}" for path in (site_dir / "organisers").iterdir()}
    assert listed == written


def test_printed_cards_put_each_answer_behind_its_question(site_dir):
    reader = PdfReader(site_dir / "downloads" / printed_cards.FILE_NAME)
    cards_page = (site_dir / "flashcards" / "index.html").read_text(encoding="utf-8")
    count = len(BeautifulSoup(cards_page, "html.parser").select("details.flashcard"))
    per_sheet = printed_cards.COLUMNS * printed_cards.ROWS
    assert len(reader.pages) == 2 * math.ceil(count / per_sheet)
    sheets = page_texts(site_dir / "downloads" / printed_cards.FILE_NAME, layout=False)
    for sheet in range(0, len(reader.pages), 2):
        fronts = [int(n) for n in re.findall(r"NO\. (\d+) ·", sheets[sheet])]
        backs = [int(n) for n in re.findall(r"NO\. (\d+) · ANSWER", sheets[sheet + 1])]
        assert fronts, "every card carries its number"
        rows = [fronts[i : i + printed_cards.COLUMNS] for i in range(0, len(fronts), printed_cards.COLUMNS)]
        mirrored = [number for row in rows for number in reversed(row)]
        assert backs == mirrored, f"sheet {sheet // 2 + 1}: fronts {fronts}, backs {backs}"
