"""Wording for paper: sentences written for the screen (hover, tap, drill, open) are replaced in the book.

Authors can also mark a paragraph as for the screen only with the class ``screen-only`` (it is left out of
the book). The table below covers text the book cannot ask its authors to mark: generated pages and
hand-written passages that describe the website. Each rule names a page, a pattern that finds the
paragraph or list item, and its printed wording; a rule that no longer matches does nothing, and the
book's test for screen-only words then fails, which is the prompt to update the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

# Words that describe using a screen; none of them may appear in the printed book (tests/test_book.py).
SCREEN_WORDS = re.compile(r"\b(hover\w*|tap|tapping|click\w*|JavaScript|drill\w*|this device|cut-out)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PrintWording:
    """Replace, on one page, each paragraph or list item whose text matches ``pattern``."""

    page: str  # the page's URL relative to the site, "" for the home page
    pattern: str
    html: str  # the printed wording; {cards_page} becomes a link to the flashcards' answers


RULES = (
    PrintWording(
        "", r"answers stay hidden",
        "<strong>Test yourself.</strong> Every chapter ends with questions, each giving the page of its answer "
        "in the Answers section at the back, and an exam-style question with a plan of a strong answer. "
        "Try before you look.",
    ),
    PrintWording(
        "", r"hover or tap",
        "<strong>Follow the references.</strong> A person's first mention on a page and a term's first "
        "mention in each section are underlined: look them up in the Who's who or the Glossary.",
    ),
    PrintWording(
        "", r"^\s*Print it",
        "<strong>Print what you need.</strong> Besides this book there is a workbook with every question and "
        "no answers, for homework and tests, the answers on their own, the flashcards as cards to print on "
        "both sides, and a one-page knowledge organiser for each chapter.",
    ),
    PrintWording(
        "people/", r"hover|\btap\b",
        "One card per person, in order of surname. In the chapters, the first mention of a person on each page "
        "is underlined; each card lists the pages of the guide that mention them.",
    ),
    PrintWording(
        "glossary/", r"hover",
        "Each term lists the pages of the guide that mention it. In the chapters, the first mention of a term "
        "in each section is underlined with dots.",
    ),
    PrintWording(
        "flashcards/", r"JavaScript|drill|Printed",
        # The whole guide leaves the cards out (book.py, ``_cards_in_brief``): this says where they are.
        "There are {cards} flashcards, made from the same checked data as the Glossary, the Who's who and "
        "the Timeline. This book does not reprint them. They have a PDF of their own, linked from the "
        "Flashcards page of the online guide: printed on both sides of the paper, it gives twelve cards to "
        "a sheet, each with its answer on the back. The workbook prints every card's question, and the "
        "answers book each question with its answer.",
    ),
    PrintWording(
        "exam-practice/", r"hides three boxes",
        "Each question names its command word and says what it asks for. A plan, what a top answer includes "
        "and the mistakes students most often make are in the Answers section at the back; each question "
        "gives the page.",
    ),
    PrintWording(
        "exam-practice/", r"before you open",
        "Read the question and spend five minutes jotting down your own plan before you turn to the answer "
        "to compare. Write the essay in timed conditions, then mark it against what a top answer includes "
        "and the common mistakes, and follow the <strong>Evidence in the guide</strong> references to fill "
        "any gaps.",
    ),
)  # fmt: skip


def apply_print_wording(article: Tag, page: str, card_groups: list) -> None:
    """Replace the screen wording on ``page`` (see ``RULES``); ``card_groups`` are the page's flashcards."""
    for rule in RULES:
        if rule.page != page:
            continue
        for element in article.find_all(["p", "li"]):
            if re.search(rule.pattern, element.get_text(" ", strip=True)):
                first = card_groups[0].anchor if card_groups else "answers"
                cards = sum(len(group.cards) for group in card_groups)
                wording = rule.html.format(cards=cards, cards_page=f'<a class="page-ref" href="#{first}"></a>')
                replacement = BeautifulSoup(f"<{element.name}>{wording}</{element.name}>", "html.parser")
                element.replace_with(replacement.find(element.name))
