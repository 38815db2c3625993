"""Printing a page from the browser: Chromium with print media, in both colour schemes, to A4 PDF."""

import io
import math
import re

import pytest
from pypdf import PdfReader

from browser import browser
from pdftext import flat, page_texts, squash

# One printing browser for the whole file, on one worker.
pytestmark = pytest.mark.xdist_group("book-print")

LIGHT_LINK = "rgb(164, 22, 26)"  # --md-primary-fg-color, the light scheme's link colour
MM = 96 / 25.4  # CSS pixels in a millimetre


@pytest.fixture(scope="module")
def printer():
    with browser() as chromium:
        page = chromium.new_page()
        yield page
        page.close()


def print_page(page, url: str, scheme: str) -> tuple[PdfReader, dict]:
    """Open ``url`` in ``scheme``, switch to print media, and return the A4 PDF and some computed styles.

    The PDF's bytes are kept as ``styles["pdf"]`` for poppler, whose text follows the page's layout (pypdf's
    follows the order Chromium paints in, which puts a box's title after its text).
    """
    page.goto(url)
    # Material animates link colours: a frame painted between the scheme switch and the print media would
    # start a transition, and the colour read at once would still be the screen scheme's.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    page.emulate_media(media="print")
    styles = page.evaluate(
        """() => {
          const style = (selector, property) => {
            const element = document.querySelector(selector);
            return element ? getComputedStyle(element)[property] : null;
          };
          return {
            background: getComputedStyle(document.body).backgroundColor,
            link: style('article p a[href]:not(.autolink):not(.headerlink)', 'color'),
            h2BreakAfter: style('article h2', 'breakAfter'),
            cardSource: style('details.flashcard .card-source', 'display'),
            // Clear space either side of the dashed fold (the summary's right border) of the first card.
            fold: (() => {
              const summary = document.querySelector('details.flashcard > summary');
              const answer = document.querySelector('details.flashcard > p');
              if (!summary || !answer) return null;
              const edge = summary.getBoundingClientRect().right;
              return {before: parseFloat(getComputedStyle(summary).paddingRight),
                      after: answer.getBoundingClientRect().left - edge};
            })(),
            headings: [...document.querySelectorAll('article h2, article h3, article summary')].map(
              heading => heading.textContent.replace('¶', '').trim()),
            cards: [...document.querySelectorAll('details.flashcard')].map(card => [
              card.querySelector('summary').textContent, card.querySelector('p').textContent]),
          };
        }"""
    )
    styles["pdf"] = page.pdf(format="A4", print_background=True)
    return PdfReader(io.BytesIO(styles["pdf"])), styles


def visual_lines(pdf_bytes: bytes, tmp_path) -> list[list[str]]:
    """Each page's non-empty lines, top to bottom, as poppler lays them out."""
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf_bytes)
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in page_texts(path)]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["chapters/02-triumvirate/", "timeline/", "flashcards/"])
def test_printing_forces_the_light_scheme_and_keeps_headings_with_their_text(printer, site_url, path, scheme):
    pdf, styles = print_page(printer, site_url + path, scheme)
    assert styles["background"] == "rgb(255, 255, 255)"
    assert styles["link"] in (None, LIGHT_LINK)
    assert styles["h2BreakAfter"] in (None, "avoid")
    assert len(pdf.pages) >= 1


def test_a_printed_chapter_starts_with_text_not_a_half_empty_page(printer, site_url):
    pdf, _ = print_page(printer, site_url + "chapters/02-triumvirate/", "slate")
    first = pdf.pages[0].extract_text()
    # The first page holds the introduction, the key questions and the start of the key dates.
    assert "Key questions" in first and "Key dates" in first
    assert len(first) > 1000


@pytest.mark.parametrize("path", ["chapters/02-triumvirate/", "chapters/05-kirov-and-the-purges/", "timeline/"])
def test_printed_headings_are_not_left_at_a_page_foot(printer, site_url, path, tmp_path):
    _, styles = print_page(printer, site_url + path, "default")
    # Headings of a word or two ("1929") are left out: a wrapped line of text can read the same.
    headings = {flat(heading) for heading in styles["headings"] if len(heading) > 12}
    pages = visual_lines(styles["pdf"], tmp_path)
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines and flat(lines[-1]) not in headings, f"page {number} ends with the heading {lines[-1]!r}"


def test_printed_flashcards_fold_cleanly_without_web_links_at_least_eight_a_page(printer, site_url, tmp_path):
    pdf, styles = print_page(printer, site_url + "flashcards/", "slate")
    printed = tmp_path / "flashcards.pdf"
    printed.write_bytes(styles["pdf"])
    cards = styles["cards"]
    assert len(cards) > 100
    assert styles["fold"]["before"] >= 4 * MM and styles["fold"]["after"] >= 4 * MM, styles["fold"]
    assert styles["cardSource"] == "none"
    pages = [flat(page) for page in page_texts(printed, layout=False)]
    assert not any(re.search(r"\b(Glossary|Who's who|Timeline): ", page) for page in pages), "web links printed"
    pages = [squash(page) for page in pages]
    assert len(pdf.pages) <= math.ceil(len(cards) / 8) + 1, f"{len(cards)} cards on {len(pdf.pages)} pages"
    # No card is split across pages: each card's question and the start of its answer share a page.
    for question, answer in cards:
        question_pages = {number for number, page in enumerate(pages) if squash(question) in page}
        answer_pages = {number for number, page in enumerate(pages) if squash(answer)[:40] in page}
        assert question_pages & answer_pages, f"the card {question!r} is split or missing"
