"""Assembles the built site's pages into printable books (HTML): the whole guide, a workbook, the answers."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, SoupStrainer, Tag

from ..theme import BOX_CLASS, BOX_TITLE_CLASS, CONTENT_CHROME, CONTENT_ELEMENT
from .print_wording import apply_print_wording

BOOK_HOST = "https://book.invalid/"  # a stand-in origin for resolving the site's relative links
# The theme's chrome, the timeline's filters (no use on paper), scripts and anything an author marked as
# for the screen only are left out of the book.
REMOVED = f"{CONTENT_CHROME}, form.tl-filters, script, noscript, .screen-only"
REFERENCE_PAGES = {"glossary/", "people/", "timeline/", "flashcards/"}  # looked things up in: set smaller
# Collapsible kinds whose bodies are answers: moved to the Answers section, left out of the workbook.
HIDDEN_ANSWERS = {"question", "success", "tip", "warning"}
LONG_BOX_ITEMS = 6  # a box with this many list items (key dates) may run onto the next page
NUMBERED = re.compile(r"^(\d+)\.\s*")  # "3. Why did ..." -> question 3
CHAPTER_URL = re.compile(r"^chapters/0*(\d+)-")


@dataclass(frozen=True)
class BookPage:
    """One page of the site as the book uses it."""

    url: str  # the page's URL relative to the site root, e.g. "chapters/01-background/"
    title: str
    html_file: Path

    @property
    def anchor(self) -> str:
        """The id of the page's first heading in the book: ``p-chapters-01-background``."""
        return "p-" + (re.sub(r"[^a-z0-9]+", "-", self.url.lower()).strip("-") or "home")

    @property
    def place(self) -> str:
        """How an answer names the page it belongs to: "Chapter 2", or the page's title."""
        match = CHAPTER_URL.match(self.url)
        return f"Chapter {match.group(1)}" if match else self.title


@dataclass
class Answer:
    """One answer, moved out of its page: to the Answers section, and left out of the workbook."""

    anchor: str  # the id of the answer's heading
    question_anchor: str  # the id of the question it answers, in the whole guide
    label: str  # "Chapter 2, question 1", "Exam practice, question 3"
    question: str  # the question itself, as text
    parts: list[tuple[str, str]] = field(default_factory=list)  # (title or "", body HTML)
    workbook_html: str = ""  # how the question is set in the workbook


@dataclass
class Card:
    """One flashcard: its number, question and answer, as text."""

    number: int
    question: str
    answer: str


@dataclass
class CardGroup:
    """The flashcards of one chapter, as the flashcards page groups them."""

    anchor: str  # the id of its heading in the Answers section
    title: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class Section:
    """One page of the site, prepared once and shared by every edition."""

    page: BookPage
    css_class: str
    # The page as the whole guide prints it: answers replaced by "Answer on page N", and the flashcards
    # replaced by a note saying where they are printed (see ``_cards_in_brief``).
    body: str
    answers: list[Answer]
    card_groups: list[CardGroup]  # the flashcards, for the workbook and the answers book


@dataclass(frozen=True)
class Edition:
    """One printed document made from the same pages."""

    key: str
    file_name: str
    kicker: str  # the line above the title on the cover
    what: str  # how the site describes it in a link


GUIDE = Edition("guide", "stalins-rise-to-power.pdf", "A revision guide", "the whole guide")
WORKBOOK = Edition(
    "workbook", "stalins-rise-to-power-workbook.pdf", "Workbook: every question, without answers",
    "a workbook: every question, without answers",
)  # fmt: skip
ANSWERS = Edition("answers", "stalins-rise-to-power-answers.pdf", "Answers", "the answers on their own")
EDITIONS = (GUIDE, WORKBOOK, ANSWERS)


EDITION_LINKS_PAGE = "exam-practice.md"  # besides the home page, where the workbook and answers are linked


def edition_links(page: str) -> str:
    """Markdown (raw HTML) linking the workbook and the answers, for a page given by its source path."""
    depth = page.count("/") + (0 if page.endswith("index.md") else 1)  # the page's folder in the built site
    link = "../" * depth
    return (
        '<p class="edition-links"><strong>For class:</strong> the '
        f'<a href="{link}{WORKBOOK.file_name}">workbook (PDF)</a> prints every question in the guide without '
        f'answers, for homework and tests, and the <a href="{link}{ANSWERS.file_name}">answers (PDF)</a> '
        "print on their own.</p>"
    )


@dataclass(frozen=True)
class BookInfo:
    """What the cover and the document's metadata say."""

    title: str
    subtitle: str
    build_date: datetime.date
    site_url: str | None  # the public address, or None when the build does not know it


def read_sections(pages: list[BookPage], site_url: str | None) -> list[Section]:
    """Parse each built page once and prepare it for every edition."""
    by_url = {page.url: page for page in pages}
    return [_page_section(page, by_url, site_url) for page in pages]


def build_book(
    pages: list[BookPage], title: str, subtitle: str, build_date: datetime.date, site_url: str | None
) -> str:
    """Return the whole guide as one HTML document (without styles; see ``pdf.py``).

    Args:
        pages: The site's pages in reading order; each must already be built.
        title: The book's title, for the cover.
        subtitle: A line under the title.
        build_date: When the site was built, shown on the cover.
        site_url: The public address of the site, for the cover and for links to things outside the book;
            None when the build does not know it (the cover then gives no address).
    """
    info = BookInfo(title, subtitle, build_date, site_url)
    return render_edition(GUIDE, read_sections(pages, site_url), info)


def render_edition(edition: Edition, sections: list[Section], info: BookInfo) -> str:
    """One edition of the book as an HTML document, from sections shared by all editions."""
    if edition is GUIDE:
        parts = [_guide_section(section) for section in sections]
        # Without the flashcards' answers: the guide leaves the cards to their own PDF (``_cards_in_brief``).
        parts.append(_answers_section(sections, link_back=True, cards=False))
    elif edition is WORKBOOK:
        parts = [_workbook_section(section) for section in sections]
    else:
        parts = [_answers_section(sections, link_back=False, own_book=True)]
    parts = [part for part in parts if part]
    entries = [(anchor, html.escape(title)) for anchor, title, _ in parts]
    if edition is ANSWERS:
        # One part only: its contents are the chapters and sections the answers are grouped by.
        entries = re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', parts[0][2]) if parts else []
    contents = "\n".join(f'<li><a href="#{anchor}">{title}</a></li>' for anchor, title in entries)
    document = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en-GB"><head><meta charset="utf-8">',
            f"<title>{html.escape(_document_title(edition, info.title))}</title>",
            f'<meta name="description" content="{html.escape(info.subtitle)}">',
            f'<meta name="dcterms.created" content="{info.build_date.isoformat()}">',
            f'<meta name="dcterms.modified" content="{info.build_date.isoformat()}">',
            "</head><body>",
            _cover(edition, info),
            '<nav class="contents" id="contents" aria-labelledby="contents-title">'
            '<h1 id="contents-title">Contents</h1><ol>',
            contents,
            "</ol></nav>",
            *(body for _, _, body in parts),
            "</body></html>",
        ]
    )
    return _unlink_missing(document)


def _unlink_missing(document: str) -> str:
    """Keep as plain text any link to a part of the guide that this edition leaves out."""
    ids = set(re.findall(r' id="([^"]+)"', document))

    def unlink(match: re.Match) -> str:
        return match.group(0) if match.group(1) in ids else match.group(2)

    # The book's HTML comes from its own renderers, so an internal link is always <a ... href="#id" ...>.
    return re.sub(r'<a [^>]*?href="#([^"]+)"[^>]*>(.*?)</a>', unlink, document, flags=re.DOTALL)


def _document_title(edition: Edition, title: str) -> str:
    return title if edition is GUIDE else f"{title}: {edition.kicker.split(':')[0]}"


def _cover(edition: Edition, info: BookInfo) -> str:
    # The dates of the title go on a line of their own rather than breaking wherever the line runs out.
    head, comma, tail = info.title.rpartition(", ")
    title = (
        f'{html.escape(head)},<br><span class="cover-title-tail">{html.escape(tail)}</span>'
        if comma
        else html.escape(info.title)
    )
    address = (
        f'<p class="cover-url">Read online at <a href="{html.escape(info.site_url)}">'
        f"{html.escape(info.site_url)}</a></p>"
        if info.site_url
        else ""
    )
    return (
        '<section class="cover">'
        f'<p class="cover-kicker">{html.escape(edition.kicker)}</p>'
        f'<h1 class="cover-title">{title}</h1>'
        f'<p class="cover-subtitle">{html.escape(info.subtitle)}</p>'
        f'<p class="cover-date">Built on {info.build_date.day} {info.build_date:%B %Y}</p>'
        f"{address}</section>"
    )


def _guide_section(section: Section) -> tuple[str, str, str]:
    return _book_page(section.page.anchor, section.page.title, section.css_class, section.body)


def _book_page(anchor: str, title: str, css_class: str, body: str) -> tuple[str, str, str]:
    """(anchor, title for the contents, HTML) of one part of the book, which starts a new page."""
    return anchor, title, f'<section class="book-page {css_class}" id="{anchor}">{body}</section>'


def _workbook_section(section: Section) -> tuple[str, str, str] | None:
    """The page's questions without their answers, under the page's title."""
    title = html.escape(section.page.title)
    lines = [f'<h1 data-running="{title}">{title}</h1>']
    lines += [answer.workbook_html for answer in section.answers]
    for group in section.card_groups:
        lines.append(f'<h2>{html.escape(group.title)}</h2><div class="columns"><ol class="card-list">')
        lines += [
            f'<li value="{card.number}" class="card-question">{html.escape(card.question)}</li>' for card in group.cards
        ]
        lines.append("</ol></div>")
    if len(lines) == 1:
        return None
    return _book_page(section.page.anchor, section.page.title, f"workbook {section.css_class}", "\n".join(lines))


def _answers_section(
    sections: list[Section], *, link_back: bool, own_book: bool = False, cards: bool = True
) -> tuple[str, str, str] | None:
    """Every answer, headed with its chapter, its number and the question it answers; ``cards`` adds the
    flashcards' answers."""
    lines = []
    for section in sections:
        if section.answers:
            lines.append(f'<h2 id="{section.page.anchor}--answers">{html.escape(_group_title(section.page))}</h2>')
        for answer in section.answers:
            # Only the short label links back: WeasyPrint tags a link that wraps onto a second line badly.
            label = html.escape(answer.label)
            if link_back:
                label = f'<a href="#{answer.question_anchor}">{label}</a>'
            label = f'<span class="answer-label">{label}:</span> {html.escape(answer.question)}'
            lines.append(f'<div class="answer"><h3 class="answer-heading" id="{answer.anchor}">{label}</h3>')
            for title, body in answer.parts:
                if title:
                    lines.append(f'<h4 class="answer-part">{html.escape(title)}</h4>')
                lines.append(body)
            lines.append("</div>")
        for group in section.card_groups if cards else ():
            lines.append(
                f'<h2 id="{group.anchor}">Flashcards: {html.escape(group.title)}</h2>'
                '<div class="columns"><ol class="card-answers">'
            )
            # The whole guide prints the questions a few pages earlier with the same numbers; the answers on
            # their own repeat each question, so that they can be used without the guide.
            lines += [
                f'<li value="{card.number}">'
                + (f'<span class="card-question">{html.escape(card.question)}</span> ' if own_book else "")
                + f"{html.escape(card.answer)}</li>"
                for card in group.cards
            ]
            lines.append("</ol></div>")
    if not lines:
        return None
    intro = (
        "<p>The answers to every question in the book, in the order the questions come. Each is headed with "
        "its chapter, its number and the question"
        + ("; flashcards are numbered as on the flashcards pages.</p>" if cards else ".</p>")
    )
    if link_back:
        intro = intro[:-4] + " Each heading links back to its question.</p>"
    title = "Answers"
    body = f'<h1 data-running="{title}" id="answers--title">{title}</h1>\n{intro}\n' + "\n".join(lines)
    return _book_page("answers", title, "answers" + (" own-book" if own_book else ""), body)


def _group_title(page: BookPage) -> str:
    return f"{page.place}: {page.title}" if page.place != page.title else page.title


def _page_section(page: BookPage, by_url: dict, site_url: str | None) -> Section:
    # Only the article is parsed: the rest of the page is navigation the book leaves out.
    soup = BeautifulSoup(page.html_file.read_text(encoding="utf-8"), "lxml", parse_only=SoupStrainer(CONTENT_ELEMENT))
    article = soup.find(CONTENT_ELEMENT)
    for element in article.select(REMOVED):
        element.decompose()
    _condense_mentions(article)
    _prefix_ids(article, page)
    _rewrite_links(article, page, by_url, site_url)
    answers, card_groups = _move_answers(article, page)
    if card_groups:
        _cards_in_brief(article, card_groups)
    for box in article.select(f"div.{BOX_CLASS}"):
        if len(box.find_all("li")) >= LONG_BOX_ITEMS:
            box["class"] = [*box.get("class", []), "long-box"]
    apply_print_wording(article, page.url, card_groups)
    heading = article.find("h1")
    if heading is not None:
        heading["data-running"] = page.title
    if page.url.startswith("chapters/"):
        css_class = "chapter"
    else:
        css_class = "reference" if page.url in REFERENCE_PAGES else "reading"
    if page.url == "":
        css_class += " home"
    return Section(page, css_class, article.decode_contents(), answers, card_groups)


def _cards_in_brief(article: Tag, card_groups: list[CardGroup]) -> None:
    """Take the flashcards out of the whole guide, keeping the page's heading, introduction and downloads.

    Why: the cards (some 380 questions, and their answers at the back) were 23 of the guide's 192 pages and
    about a sixth of its layout work (lines broken), and they print better as real cards
    (``printed_cards.py``: a duplex PDF with each answer behind its question). The introduction, reworded
    for print (``print_wording.py``), says where they are: that PDF, the workbook (every question) and the
    answers book (questions with answers). Everything from the first group's heading to the next heading of
    the page's own (the downloads) is removed; the workbook and the answers book print the cards from
    ``card_groups``.
    """
    group_ids = {group.anchor.replace("--answers-", "--", 1) for group in card_groups}
    # The references were made with ``_tag``, whose class attribute is one string, not a parsed list.
    first = article.find(lambda tag: tag.name == "p" and "cards-ref" in " ".join(tag.get_attribute_list("class")))
    start = first.find_previous_sibling("h2") if first is not None else None
    if start is None or start.get("id") not in group_ids:
        start = first
    element = start
    while element is not None:
        following = element.find_next_sibling()
        if element.name == "h2" and element is not start and element.get("id") not in group_ids:
            break
        element.decompose()
        element = following


def _condense_mentions(article: Tag) -> None:
    """In print, "mentioned in" lists link once per page (its first mention), not once per section,
    timeline lists show only the dates, and timeline events keep only their chapter link.

    On screen every section is listed; in the book that would be hundreds of long links that cost time
    to lay out and add little, since each leads into the same chapter or the same timeline.
    """
    for paragraph in article.find_all("p", class_="tl-links"):
        # The event's people are named in its summary and have their own cards; keep the chapter link.
        read = next((node for node in paragraph.contents if isinstance(node, str) and "Read:" in node), None)
        if read is not None:
            for node in list(read.previous_siblings):
                node.extract()
            read.replace_with(read[read.index("Read:"):])
    # The Glossary and Who's who list mentions and events in grouped lists (pages/mentions.py): in print,
    # one line each, the pages that mention the entry and the dates of its events.
    for box in article.select("div.mentions"):
        links = [item.find("a") for item in box.find_all("li") if item.find("a")]
        _one_line(box, links, ", ")
    for box in article.select("div.timeline-links"):
        links = box.find_all("a")
        for link in links:
            link.string = link.get_text().split(":")[0]
        _one_line(box, links, "; ")


def _one_line(box: Tag, links: list, separator: str) -> None:
    label = box.find("strong")
    parts = [str(label)] + [separator.join(str(link) for link in links)]
    classes = " ".join(box.get("class", []))
    box.replace_with(BeautifulSoup(f'<p class="{classes}">{" ".join(parts)}</p>', "html.parser"))


def _prefix_ids(article: Tag, page: BookPage) -> None:
    """Make every id unique across the book by prefixing it with the page's anchor."""
    for element in article.find_all(id=True):
        element["id"] = f"{page.anchor}--{element['id']}"
    for element in article.find_all(attrs={"aria-labelledby": True}):
        element["aria-labelledby"] = " ".join(f"{page.anchor}--{ref}" for ref in element["aria-labelledby"].split())
    for label in article.find_all("label", attrs={"for": True}):
        label["for"] = f"{page.anchor}--{label['for']}"


def _rewrite_links(article: Tag, page: BookPage, by_url: dict, site_url: str | None) -> None:
    """Links to pages in the book become links inside the PDF; other site links point at the site.

    When the site's address is unknown, a link to a page of the site that is not in the book is kept as
    plain text: an address on the build machine would mean nothing to a reader.
    """
    base = urljoin(BOOK_HOST, page.url)
    for link in article.find_all("a", href=True):
        absolute = urljoin(base, link["href"])
        if not absolute.startswith(BOOK_HOST):
            continue  # a link to another site stays as it is
        target, fragment = urldefrag(absolute)
        target_url = urlsplit(target).path.lstrip("/")
        if target_url in by_url:
            target_page = by_url[target_url]
            link["href"] = f"#{target_page.anchor}--{fragment}" if fragment else f"#{target_page.anchor}"
        elif site_url:
            link["href"] = urljoin(site_url, absolute[len(BOOK_HOST):])
        else:
            link.unwrap()


def _move_answers(article: Tag, page: BookPage) -> tuple[list[Answer], list[CardGroup]]:
    """Replace hidden answers with "Answer on page N"; expand every other collapsible block.

    Consecutive answer boxes that follow one question (an exam question's plan, top answer and common
    mistakes) become one answer. Flashcards become numbered questions, with their answers in the Answers
    section, kept plain so that hundreds of cards cost little to lay out.
    """
    answers: list[Answer] = []
    groups: dict[str, CardGroup] = {}
    asked_by: dict[int, Answer] = {}  # id() of the element that asks a question -> its answer
    for details in article.find_all("details"):
        summary = details.find("summary")
        title = _text(summary) if summary else ""
        if summary:
            summary.decompose()
        kinds = set(details.get("class") or [])
        if "flashcard" in kinds:
            _move_card(details, title, page, groups)
        elif kinds & HIDDEN_ANSWERS:
            asker = details if "question" in kinds else _asking_element(details)
            answer = asked_by.get(id(asker))
            if answer is None:
                answer = _new_answer(details, asker, title, page, len(answers) + 1)
                asked_by[id(asker)] = answer
                answers.append(answer)
            if "question" in kinds:
                answer.parts.append(("", details.decode_contents()))
                details.replace_with(_question_box(answer, title))
            else:
                answer.parts.append((title, details.decode_contents()))
                details.decompose()
        else:
            details.name = "div"
            details.attrs.pop("open", None)
            details["class"] = [BOX_CLASS, *sorted(kinds)]
            details.insert(0, _tag("p", title, {"class": BOX_TITLE_CLASS}))
    return answers, list(groups.values())


def _asking_element(details: Tag) -> Tag:
    """The element that asks the question an answer box answers: the box or heading before it."""
    previous = details.find_previous_sibling(lambda tag: tag.name != "details")
    if previous is not None and BOX_CLASS in (previous.get("class") or []):
        return previous
    heading = details.find_previous_sibling(["h2", "h3"])
    return heading if heading is not None else details


def _new_answer(details: Tag, asker: Tag, title: str, page: BookPage, number: int) -> Answer:
    anchor = f"{page.anchor}--answer-{number}"
    if asker is details:
        match = NUMBERED.match(title)
        label = _label(page, f"question {match.group(1)}" if match else "question")
        question = title[match.end():] if match else title
        workbook = f'<p class="question-title workbook-question">{html.escape(title)}</p>'
        return Answer(anchor, f"{page.anchor}--question-{number}", label, question, [], workbook)
    if asker.name in ("h2", "h3"):
        text = _text(asker)
        match = NUMBERED.match(text)
        label = _label(page, f"question {match.group(1)}" if match else "question")
        question = text[match.end():] if match else text
        following = asker.find_next_sibling("p")
        workbook = f'<h2 class="workbook-question">{html.escape(text)}</h2>'
        if following is not None and following.find_previous_sibling(["h2", "h3"]) is asker:
            workbook += str(following)
        _mark_question(asker, f"{page.anchor}--question-{number}")
        answer = Answer(anchor, asker["id"], label, question, [], workbook)
    else:
        box_title = asker.find(class_=BOX_TITLE_CLASS)
        kind = _text(box_title) if box_title else "Question"
        text = " ".join(
            _text(child) for child in asker.find_all(recursive=False) if child is not box_title
        )
        _mark_question(asker, f"{page.anchor}--question-{number}")
        answer = Answer(anchor, asker["id"], _label(page, kind[0].lower() + kind[1:]), text, [], str(asker))
    reference = _tag("p", "", {"class": "answer-ref"})
    reference.append(_tag("a", "Answer on page ", {"href": f"#{anchor}"}))
    details.insert_before(reference)
    return answer


def _mark_question(element: Tag, anchor: str) -> None:
    if not element.get("id"):
        element["id"] = anchor


def _label(page: BookPage, what: str) -> str:
    place = page.place
    return f"{place} {what[0].upper()}{what[1:]}" if place[-1] in "?!." else f"{place}, {what}"


def _question_box(answer: Answer, title: str) -> Tag:
    box = _tag("div", "", {"class": "question-box question", "id": answer.question_anchor})
    box.append(_tag("p", title, {"class": "question-title"}))
    reference = _tag("p", "", {"class": "answer-ref"})
    reference.append(_tag("a", "Answer on page ", {"href": f"#{answer.anchor}"}))
    box.append(reference)
    return box


def _move_card(details: Tag, title: str, page: BookPage, groups: dict[str, CardGroup]) -> None:
    heading = details.find_previous_sibling("h2")
    group_id = heading["id"] if heading is not None and heading.get("id") else f"{page.anchor}--cards"
    group = groups.get(group_id)
    if group is None:
        group_title = _text(heading) if heading is not None else "Flashcards"
        group = groups[group_id] = CardGroup(group_id.replace("--", "--answers-", 1), group_title)
        reference = _tag("p", "", {"class": "answer-ref cards-ref"})
        reference.append(_tag("a", "Answers to these cards start on page ", {"href": f"#{group.anchor}"}))
        if heading is not None:
            heading.insert_after(reference)
        else:
            details.insert_before(reference)
    for source in details.find_all("a", class_="card-source"):
        source.decompose()
    number = sum(len(each.cards) for each in groups.values()) + 1
    group.cards.append(Card(number, title, _text(details)))
    question = _tag("p", "", {"class": "card-question"})
    question.append(_tag("span", f"{number}.", {"class": "card-number"}))
    question.append(f" {title}")
    details.replace_with(question)


def _text(element: Tag) -> str:
    """An element's text as a reader sees it: inline markup joined without spaces, whitespace collapsed."""
    return " ".join(element.get_text().split())


def _tag(name: str, text: str, attrs: dict) -> Tag:
    tag = Tag(name=name, attrs=attrs)
    if text:
        tag.string = text
    return tag
