"""The PDF: the book assembled from the site (golden file) and the real PDF of the real site."""

import datetime

import pytest
from pypdf import PdfReader

from studyguide.book.book import BookPage, build_book
from studyguide.book.pdf import PDF_NAME, write_pdf

from datafixtures import VALID
from golden import assert_matches_golden
from pdftext import contents_entries, pdf_reader
from pdftext import page_texts as pdf_page_texts

# The guide's PDF is read once: these tests and test_book's share a worker, and its cached readers.
pytestmark = pytest.mark.xdist_group("the-book")

BOOK_FIXTURE = VALID.parent / "book"
FIXTURE_PAGES = [
    BookPage("", "Introduction", BOOK_FIXTURE / "index.html"),
    BookPage("chapters/01-first/", "First", BOOK_FIXTURE / "chapters" / "01-first" / "index.html"),
    BookPage("glossary/", "Glossary", BOOK_FIXTURE / "glossary" / "index.html"),
]
CHAPTER_TITLES = [
    "1. Background",
    "2. The Triumvirate",
    "3. The Duumvirate",
    "4. The Right Opposition",
    "5. Kirov and the purges",
]


def _fixture_book():
    return build_book(FIXTURE_PAGES, "A & B", "Sub", datetime.date(2026, 11, 24), "https://example.org/guide/")


def test_book_assembly_matches_golden():
    assert_matches_golden("book.html", _fixture_book())


@pytest.mark.parametrize("paper, size", [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(tmp_path, paper, size):
    output = tmp_path / "book.pdf"
    assert write_pdf(_fixture_book(), output, base_url=str(tmp_path), paper=paper) == []
    box = PdfReader(output).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_weasyprint_warnings_are_reported_not_hidden(tmp_path):
    warnings = write_pdf('<p style="colour: red">x</p>', tmp_path / "x.pdf", base_url=str(tmp_path))
    assert any("colour" in warning for warning in warnings)


def test_unknown_paper_size_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown paper size 'a5'"):
        write_pdf("<p>x</p>", tmp_path / "x.pdf", base_url=str(tmp_path), paper="a5")


@pytest.fixture(scope="module")
def pdf(site_dir):
    return pdf_reader(site_dir / PDF_NAME)


@pytest.fixture(scope="module")
def page_texts(site_dir):
    return pdf_page_texts(site_dir / PDF_NAME, layout=False)


def test_page_count_is_sensible(pdf):
    assert 80 <= len(pdf.pages) <= 300


def test_outline_matches_the_chapters(pdf):
    top = [item.title for item in pdf.outline if not isinstance(item, list)]
    for title in CHAPTER_TITLES:
        assert any(entry.startswith(title) for entry in top), f"no bookmark for {title}: {top}"
    for title in ["Why did Stalin win?", "Timeline", "Who's who", "Glossary", "Answers"]:
        assert title in top


def _body(page_text: str) -> str:
    """A page's text without its running header and page number (the last two lines drawn)."""
    return " ".join(page_text.splitlines()[:-2])


def test_contents_page_numbers_point_at_the_right_pages(site_dir, pdf, page_texts):
    """Each entry's number is the printed number of the page where that entry's heading is.

    The page of a heading comes from the PDF's outline (where WeasyPrint put the heading), not from
    the contents; the running header repeats a chapter's title on every page, so finding the title's
    text on the numbered page would not show an off-by-one error.
    """
    entries = contents_entries(site_dir / PDF_NAME)
    top = [item for item in pdf.outline if not isinstance(item, list)]
    assert len(entries) == len(top) >= 10, (entries, [item.title for item in top])
    for (title, number), heading in zip(entries, top, strict=True):
        assert title.lower() in heading.title.lower() or title == "Introduction", (title, heading.title)
        index = pdf.get_destination_page_number(heading)
        assert number == index + 1, f"the contents give {title!r} page {number}; its heading is on {index + 1}"
        printed = page_texts[index].splitlines()[-1]
        assert printed == str(number), f"page {index + 1} is numbered {printed!r}, not {number}"
        opening = heading.title.split(":")[0]
        assert _body(page_texts[index]).startswith(opening), f"{heading.title!r} does not open page {number}"


def test_glossary_timeline_and_answers_are_in_the_pdf(page_texts):
    text = "\n".join(page_texts)
    assert "Politburo" in text and "Orgburo" in text
    assert "21 January 1924" in text and "20 August 1940" in text
    assert "Answers" in text and "Answer on page" in text


def test_no_web_chrome(page_texts):
    text = "\n".join(page_texts)
    for chrome in ["Skip to content", "Download the whole guide", "Table of contents", "Search", "Back to top"]:
        assert chrome not in text


def test_internal_links_are_clickable(pdf):
    internal = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            if "/Dest" in annotation or action.get("/S") == "/GoTo":
                internal += 1
    assert internal > 300


def test_fonts_are_embedded(pdf):
    for page in pdf.pages[:10]:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_flashcards_and_exam_questions_are_in_the_pdf(page_texts):
    text = "\n".join(page_texts)
    # The whole guide says where the flashcards are printed rather than reprinting them (tests/test_book.py).
    assert "Test yourself: flashcards" in text and "They have a PDF of their own" in " ".join(text.split())
    assert "Exam practice" in text and "Command word:" in text
    assert "Start drill" not in text, "drill controls are not printed"
