"""The printed editions of the real site: tagged structure, answers that can be found, wording for paper,
a workbook without answers, page layout, and the cache and dates that make builds quick and reproducible."""

import datetime
import functools
import html
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from studyguide.book import organisers, printed_cards
from studyguide.book import pdf as book_pdf
from studyguide.book.book import ANSWERS, EDITIONS, GUIDE, WORKBOOK, BookInfo, BookPage, build_book, read_sections
from studyguide.book.print_wording import SCREEN_WORDS
from studyguide.book.structure import headings, problems, read_structure, stranded_headings

from datafixtures import VALID
from pdftext import contents_entries, flat, page_texts, pdf_reader, squash

# The book's PDFs are read once: these tests and test_pdf's share a worker, and its cached readers.
pytestmark = pytest.mark.xdist_group("the-book")

ANSWER_LABEL = re.compile(
    r"^\s*(Chapter \d+, question \d+|Chapter \d+, exam-style question"
    r"|Why did Stalin win\? (Question \d+|Exam-style question)|Exam practice, question \d+):",
    flags=re.MULTILINE,
)
# Read once for the tests that look at the same edition's structure.
_structure = functools.cache(read_structure)

ANSWER_REFERENCE = re.compile(r"Answer on page (\d+)")


@pytest.fixture(scope="module")
def pdfs(site_dir):
    return {edition.key: site_dir / edition.file_name for edition in EDITIONS}


@pytest.fixture(scope="module")
def texts(pdfs):
    return {key: page_texts(path) for key, path in pdfs.items()}


@pytest.fixture(scope="module")
def reading(pdfs):
    """Each edition's whole text in reading order, column by column (the layout mode puts two columns side by
    side, line by line), whitespace collapsed."""
    return {key: flat("\n".join(page_texts(path, layout=False))) for key, path in pdfs.items()}


@pytest.fixture(scope="module")
def sections(site_dir):
    """The book's own record of every page, question and answer, read from the built site."""
    pages = []
    for html_file in [site_dir / "index.html", *sorted(site_dir.glob("*/**/index.html"))]:
        url = html_file.parent.relative_to(site_dir).as_posix() + "/" if html_file.parent != site_dir else ""
        # The page's title as the navigation gives it: the <title> before the site's name.
        title = re.search(r"<title>(.*?)</title>", html_file.read_text(encoding="utf-8")).group(1).split(" - ")[0]
        pages.append(BookPage(url, html.unescape(title), html_file))
    return read_sections(pages, None)


# Accessible PDF ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", [edition.key for edition in EDITIONS])
def test_every_edition_is_tagged_pdf_ua_with_language_and_title(pdfs, edition):
    structure = _structure(pdfs[edition])
    assert problems(structure) == []
    assert structure.language == "en-GB"
    assert structure.title.startswith("Stalin's Rise to Power")
    metadata = pdf_reader(pdfs[edition]).xmp_metadata
    assert metadata is not None and "pdfuaid" in str(metadata.rdf_root.toxml()), "no PDF/UA identification"


def test_guide_structure_has_headings_in_reading_order_lists_tables_links_and_a_described_figure(pdfs):
    structure = _structure(pdfs["guide"])
    levels = headings(structure)
    pages = [page for _, page in levels]
    assert pages == sorted(pages), "headings are not in reading order"
    # The cover's title, the contents, and one for each part of the book, on the page the contents gives.
    top = sorted({page + 1 for level, page in levels if level == 1})
    assert top == [1, 2, *(number for _, number in contents_entries(pdfs["guide"]))]
    tags = [node.tag for node in structure.root.walk()]
    assert tags.count("H2") > 50 and tags.count("H3") > 50
    assert tags.count("L") > 100 and tags.count("LI") > 500
    assert tags.count("Table") >= 5 and tags.count("TH") > 20
    assert tags.count("Link") > 1000
    figures = [node for node in structure.root.walk() if node.tag == "Figure"]
    assert figures and all(figure.alt for figure in figures)


@pytest.mark.parametrize("edition", [edition.key for edition in EDITIONS])
def test_no_heading_is_left_at_the_foot_of_a_page(pdfs, edition):
    assert stranded_headings(_structure(pdfs[edition])) == []


# Answers you can find ----------------------------------------------------------------------------------------


def test_every_answer_heading_names_its_chapter_number_and_question(sections, texts):
    answers = [answer for section in sections for answer in section.answers]
    assert len(answers) >= 50
    answers_text = flat("\n".join(texts["answers"]))
    for answer in answers:
        assert ANSWER_LABEL.match(answer.label + ":"), answer.label
        assert flat(f"{answer.label}: {answer.question}") in answers_text
    chapter_two = [answer for answer in answers if answer.label.startswith("Chapter 2, question")]
    assert chapter_two[0].question == "What power base did each member of the Triumvirate have?"


def test_every_answer_on_page_reference_points_at_the_page_of_its_answer(texts):
    pages = texts["guide"]
    answers_start = next(number for number, text in enumerate(pages) if text.lstrip().startswith("Answers"))
    references = [
        (number, int(page))
        for number, text in enumerate(pages[:answers_start])
        for page in ANSWER_REFERENCE.findall(text)
    ]
    answer_pages = [
        number for number, text in enumerate(pages) if number >= answers_start for _ in ANSWER_LABEL.findall(text)
    ]
    assert len(references) == len(answer_pages) >= 50
    for (question_page, printed), answer_page in zip(references, answer_pages, strict=True):
        assert printed == answer_page + 1, f"the reference on page {question_page + 1} says {printed}"


def test_the_guide_leaves_the_flashcards_to_their_own_pdf_and_says_where_they_are(sections, texts, reading):
    guide = flat("\n".join(texts["guide"]))
    assert "This book does not reprint them. They have a PDF of their own" in guide
    assert "Test yourself: flashcards" in guide, "the flashcards keep their part, in the contents and outline"
    assert not re.search(r"Flashcards: \w", guide), "no flashcards' answers at the back of the guide"
    cards = [card for section in sections for group in section.card_groups for card in group.cards]
    assert len(cards) > 100
    printed = [card.number for card in cards if squash(card.question) in squash(reading["guide"])]
    assert printed == [], "card questions printed in the guide"
    # The workbook and the answers book still print every card (test_answers_edition_repeats_...).
    assert all(squash(card.question)[:50] in squash(reading["workbook"]) for card in cards)


# Print says print things -------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", [edition.key for edition in EDITIONS])
def test_no_screen_only_wording_in_print(texts, edition):
    found = {word.group(0) for word in SCREEN_WORDS.finditer("\n".join(texts[edition]))}
    assert found == set()


def test_no_stray_backslashes_in_questions(site_dir, texts):
    assert '\\"' not in "\n".join(texts["guide"])
    assert '\\"' not in (site_dir / "chapters" / "02-triumvirate" / "index.html").read_text(encoding="utf-8")


# Editions for class ------------------------------------------------------------------------------------------


def test_workbook_has_every_question_and_no_answer_text(sections, reading):
    workbook = squash(reading["workbook"])
    for section in sections:
        for answer in section.answers:
            assert squash(answer.question)[:50] in workbook
            for _, body in answer.parts:
                answer_text = squash(re.sub(r"<[^>]+>", " ", body))
                assert answer_text[:60] not in workbook, f"{answer.label}'s answer is in the workbook"
        for group in section.card_groups:
            for card in group.cards:
                # A short answer ("7 November 1917") may well be part of another question; a longer one not.
                if len(card.answer) >= 30:
                    assert squash(card.answer)[:50] not in workbook, f"card {card.number}'s answer is in the workbook"


def test_answers_edition_repeats_each_flashcard_question(sections, reading):
    cards = [card for section in sections for group in section.card_groups for card in group.cards]
    assert len(cards) > 100
    for card in cards:
        assert squash(f"{card.question} {card.answer}")[:60] in squash(reading["answers"]), card.number


# Book typography ---------------------------------------------------------------------------------------------


def test_cover_breaks_the_title_before_its_dates_and_gives_no_local_address(texts):
    cover = [line.strip() for line in texts["guide"][0].splitlines() if line.strip()]
    assert "Stalin's Rise to Power," in cover and "1922–1940" in cover
    for edition in texts:
        assert not re.search(r"127\.0\.0\.1|localhost", texts[edition][0])


def test_cover_gives_the_address_when_it_is_known():
    pages = [BookPage("", "Introduction", VALID.parent / "book" / "index.html")]
    book = build_book(pages, "A, 1922–1940", "Sub", datetime.date(2026, 11, 24), "https://example.org/guide/")
    assert 'Read online at <a href="https://example.org/guide/">' in book
    assert 'A,<br><span class="cover-title-tail">1922–1940</span>' in book
    assert "Read online" not in build_book(pages, "A", "Sub", datetime.date(2026, 11, 24), None)


def ink_fill(pdf_path) -> list[float]:
    """How far down each page's body the last ink reaches (0 to 1), from a rendering of every page."""
    output = subprocess.run(["pdftoppm", "-r", "20", "-gray", str(pdf_path)], capture_output=True, check=True).stdout
    fills, offset = [], 0
    while offset < len(output):
        # pdftoppm writes one binary PGM (P5) image per page to standard output.
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", output[offset:])
        width, height = int(header.group(1)), int(header.group(2))
        start = offset + header.end()
        image = Image.frombytes("L", (width, height), output[start:start + width * height])
        offset = start + width * height
        top, bottom = int(height * 0.045), int(height * 0.93)  # leave out the running head and the folio
        body = image.crop((0, top, width, bottom)).point(lambda value: 255 if value < 160 else 0)
        box = body.getbbox()
        fills.append(box[3] / (bottom - top) if box else 0.0)
    return fills


@pytest.mark.parametrize("edition", [edition.key for edition in EDITIONS])
def test_no_page_is_more_than_half_empty_except_before_a_new_part(pdfs, edition):
    reader = pdf_reader(pdfs[edition])
    part_starts = {reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)}
    fills = ink_fill(pdfs[edition])
    assert len(fills) == len(reader.pages)
    half_empty = [
        number + 1
        for number, fill in enumerate(fills)
        if fill < 0.5 and number + 1 not in part_starts and number + 1 < len(fills) and number > 1
    ]
    assert half_empty == []


def test_the_sources_are_set_as_a_compact_bibliography(site_dir, pdfs):
    """Looked things up in, not read through: with a chapter's headings, 193 references took 41 pages."""
    starts = contents_entries(pdfs["guide"])
    index = [title for title, _ in starts].index("Sources")
    pages = starts[index + 1][1] - starts[index][1]
    references = (site_dir / "sources" / "index.html").read_text(encoding="utf-8").count('class="reference"')
    assert references > 100
    assert references / pages >= 5.5, f"{references} references on {pages} pages"


@pytest.mark.parametrize("edition", [edition.key for edition in EDITIONS])
def test_contents_page_numbers_are_the_pages_their_links_lead_to(pdfs, edition):
    reader = pdf_reader(pdfs[edition])
    contents = reader.pages[1]
    printed = [number for _, number in contents_entries(pdfs[edition])]
    targets = []
    for annotation in sorted(
        (annotation.get_object() for annotation in contents.get("/Annots", [])),
        key=lambda annotation: -float(annotation["/Rect"][1]),
    ):
        destination = annotation.get("/Dest") or annotation.get("/A", {}).get("/D")
        page = reader.named_destinations[str(destination)].page if isinstance(destination, str) else destination[0]
        targets.append(reader.get_page_number(page.get_object()) + 1)
    # Each entry's text and its page number are one link each, or one link for both: either way, in order.
    assert printed and [page for page in dict.fromkeys(targets)] == printed


# Speed and reproducibility -----------------------------------------------------------------------------------


@pytest.fixture
def fixture_site(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(VALID.parent / "book", site)
    return site


def fixture_pages(site):
    return [
        BookPage("", "Introduction", site / "index.html"),
        BookPage("chapters/01-first/", "First", site / "chapters" / "01-first" / "index.html"),
        BookPage("glossary/", "Glossary", site / "glossary" / "index.html"),
    ]


INFO = BookInfo("A & B, 1922–1940", "Sub", datetime.date(2026, 11, 24), None)


def test_unchanged_inputs_reuse_the_cached_pdfs_and_a_changed_page_is_laid_out_again(fixture_site, tmp_path):
    cache = tmp_path / "cache"
    first = book_pdf.publish_books(fixture_site, fixture_pages(fixture_site), INFO, cache_dir=cache)
    assert [result.cached for result in first] == [False, False, False]
    made = {result.edition.key: result.path.read_bytes() for result in first}
    again = book_pdf.publish_books(fixture_site, fixture_pages(fixture_site), INFO, cache_dir=cache)
    assert [result.cached for result in again] == [True, True, True]
    assert {result.edition.key: result.path.read_bytes() for result in again} == made
    chapter = fixture_site / "chapters" / "01-first" / "index.html"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("began in 1921", "began in spring 1921"))
    changed = book_pdf.publish_books(fixture_site, fixture_pages(fixture_site), INFO, cache_dir=cache)
    assert [result.cached for result in changed] == [False, False, False]


def test_same_sources_give_the_same_bytes_and_the_date_of_source_date_epoch(fixture_site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # 24 November 2025
    info = BookInfo(INFO.title, INFO.subtitle, book_pdf.build_date(), None)
    made = []
    for run in range(2):
        site = tmp_path / f"run{run}"
        shutil.copytree(fixture_site, site)
        results = book_pdf.publish_books(site, fixture_pages(site), info, editions=(GUIDE,), cache_dir=None)
        made.append(results[0].path.read_bytes())
    assert made[0] == made[1]
    reader = PdfReader(results[0].path)
    assert reader.metadata["/CreationDate"].startswith("D:20251124")
    assert reader.metadata["/ModDate"].startswith("D:20251124")
    assert "Built on 24 November 2025" in page_texts(results[0].path)[0]


def _documents(organiser_text: str = "Key dates") -> list[book_pdf.PrintDocument]:
    return [
        book_pdf.PrintDocument(
            "organisers/first.pdf", f'<html lang="en-GB"><title>First</title><h1>{organiser_text}</h1></html>',
            organisers.ORGANISER_CSS, max_pages=1, too_long="'first.pdf' takes {pages} pages",
        ),
        book_pdf.PrintDocument(
            "downloads/cards.pdf", '<html lang="en-GB"><title>Cards</title><table><tr><td>1</td></tr></table></html>',
            printed_cards.CARDS_CSS,
        ),
    ]  # fmt: skip


def test_organisers_and_cards_are_made_in_the_same_cached_stage_as_the_editions(fixture_site, tmp_path):
    cache = tmp_path / "cache"
    pages = fixture_pages(fixture_site)
    first = book_pdf.publish_books(fixture_site, pages, INFO, cache_dir=cache, documents=_documents())
    names = [edition.file_name for edition in EDITIONS] + ["organisers/first.pdf", "downloads/cards.pdf"]
    assert [result.name for result in first] == names
    assert [result.cached for result in first] == [False] * 5
    made = {result.name: result.path.read_bytes() for result in first}
    assert len(PdfReader(fixture_site / "organisers" / "first.pdf").pages) == 1
    again = book_pdf.publish_books(fixture_site, pages, INFO, cache_dir=cache, documents=_documents())
    assert [result.cached for result in again] == [True] * 5
    assert {result.name: result.path.read_bytes() for result in again} == made
    changed = book_pdf.publish_books(fixture_site, pages, INFO, cache_dir=cache, documents=_documents("Key people"))
    assert [result.cached for result in changed] == [True, True, True, False, True]
    assert "Key people" in page_texts(fixture_site / "organisers" / "first.pdf")[0]


def test_a_document_over_its_page_limit_stops_the_stage_and_is_not_cached(fixture_site, tmp_path):
    cache = tmp_path / "cache"
    documents = _documents("<br>".join(["A heading that fills the page"] * 60))
    with pytest.raises(book_pdf.PageLimitError, match=r"'first\.pdf' takes [2-9] pages"):
        book_pdf.publish_books(fixture_site, [], INFO, editions=(), cache_dir=cache, documents=documents)
    assert not list(cache.glob("organisers--first-*.pdf"))


def test_editions_are_named_once_and_linked_from_the_pages_teachers_use(site_dir):
    assert [edition.file_name for edition in EDITIONS] == [
        "stalins-rise-to-power.pdf", "stalins-rise-to-power-workbook.pdf", "stalins-rise-to-power-answers.pdf"
    ]  # fmt: skip
    for page in ["index.html", "exam-practice/index.html"]:
        built = (site_dir / page).read_text(encoding="utf-8")
        for edition in (WORKBOOK, ANSWERS):
            assert f'{edition.file_name}"' in built, f"{page} does not link the {edition.key} PDF"
