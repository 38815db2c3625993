"""Takes the flashcards out of the site: an Anki deck (.apkg), Quizlet-ready TSV files and an Anki text file."""

from __future__ import annotations

import hashlib
import html
import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urljoin

from .data.model import Chapter
from .pages.cards import CARD_KINDS, Card

DOWNLOADS_DIR = "downloads"  # inside the built site
DECK_NAME = "Stalin's Rise to Power, 1922-1940"
APKG_NAME = "stalins-rise-to-power.apkg"
ANKI_TEXT_NAME = "flashcards-anki.txt"
ALL_TSV_NAME = "flashcards-all.tsv"
PRINTED_CARDS_NAME = "flashcards-printable.pdf"  # written with the PDFs (book/printed_cards.py)
# Fixed ids: Anki recognises the note type and decks across imports by them, so a corrected deck
# re-imported over an old one updates cards in place and keeps the student's review history.
MODEL_ID = 1_922_194_001


def tsv_name(chapter: str) -> str:
    """The file name of one chapter's TSV deck."""
    return f"flashcards-{chapter}.tsv"


def page_url(src_path: str) -> str:
    """The URL of a page inside the site, from its path in docs/: ``chapters/01-x.md`` -> ``chapters/01-x/``."""
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def card_link(card: Card, site_url: str | None) -> str:
    """The card's "read more" address on the public site, or "" when the build does not know the site's address."""
    if not site_url:
        return ""
    return urljoin(site_url, f"{page_url(card.link_page)}#{card.link_anchor}")


def _one_line(text: str) -> str:
    """Text for a tab-separated line: no tabs or line breaks inside a field."""
    return " ".join(text.split())


def quizlet_tsv(cards: Sequence[Card]) -> str:
    """Term TAB definition, one card a line: the form Quizlet's import (and many other apps) accepts."""
    return "".join(f"{_one_line(card.question)}\t{_one_line(card.answer)}\n" for card in cards)


def anki_text(cards: Sequence[Card], chapters: Mapping[str, Chapter], site_url: str | None) -> str:
    """Anki's text-import format with a GUID column, so that re-importing updates notes in place."""
    lines = [
        "#separator:tab",
        "#html:false",
        "#columns:GUID\tQuestion\tAnswer\tLink\tDeck\tTags",
        "#guid column:1",
        "#deck column:5",
        "#tags column:6",
    ]
    for card in cards:
        fields = (
            note_guid(card), card.question, card.answer, card_link(card, site_url),
            deck_name(chapters[card.chapter]), " ".join(card_tags(card)),
        )  # fmt: skip
        lines.append("\t".join(_one_line(field) for field in fields))
    return "\n".join(lines) + "\n"


def note_guid(card: Card) -> str:
    """A GUID derived from the card's stable id alone: rewording a card keeps its note and history."""
    return hashlib.sha256(f"stalin-guide:{card.id}".encode()).hexdigest()[:20]


def deck_name(chapter: Chapter) -> str:
    """The sub-deck for one chapter, e.g. ``Stalin's Rise to Power, 1922-1940::02 The Triumvirate``."""
    return f"{DECK_NAME}::{chapter.stem[:2]} {chapter.title}"


def card_tags(card: Card) -> tuple[str, str]:
    """Anki tags (no spaces allowed): the chapter and the kind of card."""
    return (f"chapter::{card.chapter}", f"kind::{card.kind}")


def _stable_id(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % (2**31 - 1) + 1


def write_apkg(cards: Sequence[Card], chapters: Mapping[str, Chapter], site_url: str | None, output: Path) -> None:
    """Write the Anki package: one sub-deck per chapter, plain-text fields, tags by chapter and kind."""
    import genanki  # imported here: only the build's last step needs it

    link = '{{#Link}}<p class="link"><a href="{{Link}}">Read about it in the guide</a></p>{{/Link}}'
    model = genanki.Model(
        MODEL_ID,
        "Stalin guide card",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Link"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}' + link,
        }],  # fmt: skip
        css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }",
    )
    decks = {}
    for card in cards:
        chapter = chapters[card.chapter]
        name = deck_name(chapter)
        deck = decks.setdefault(name, genanki.Deck(_stable_id(name), name))
        deck.add_note(genanki.Note(
            model=model,
            fields=[html.escape(card.question, quote=False), html.escape(card.answer, quote=False),
                    card_link(card, site_url)],
            guid=note_guid(card),
            tags=list(card_tags(card)),
        ))  # fmt: skip
    output.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(list(decks.values())).write_to_file(str(output), timestamp=0)


def write_downloads(
    cards: Sequence[Card], chapters: Mapping[str, Chapter], site_url: str | None, site_dir: Path
) -> None:
    """Write every deck into the built site's downloads folder."""
    folder = site_dir / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    write_apkg(cards, chapters, site_url, folder / APKG_NAME)
    (folder / ANKI_TEXT_NAME).write_text(anki_text(cards, chapters, site_url), encoding="utf-8")
    (folder / ALL_TSV_NAME).write_text(quizlet_tsv(cards), encoding="utf-8")
    for stem in chapters:
        in_chapter = [card for card in cards if card.chapter == stem]
        if in_chapter:
            (folder / tsv_name(stem)).write_text(quizlet_tsv(in_chapter), encoding="utf-8")


def downloads_markdown(
    cards: Sequence[Card], chapters: Mapping[str, Chapter], page: str, printed: bool = True
) -> str:
    """The flashcards page's "Take the cards with you" section: each download with one line of instructions.

    The links are HTML, not Markdown: the files are written after the pages, so MkDocs cannot check
    them; the site's link crawl does. ``printed`` adds the cards to print (a PDF, made with the book).
    """
    # Raw HTML is not rewritten by MkDocs, so the link is relative to the page's URL, not its source file.
    folder = posixpath.relpath(DOWNLOADS_DIR, page_url(page).rstrip("/") or ".")

    def link(name: str, label: str) -> str:
        return f'<a href="{folder}/{name}" download>{html.escape(label)}</a>'

    used = [stem for stem in chapters if any(card.chapter == stem for card in cards)]
    per_chapter = ", ".join(link(tsv_name(stem), chapters[stem].title) for stem in used)
    kinds = ", ".join(label.lower() for label in CARD_KINDS.values())
    lines = [
        "## Take the cards with you {#downloads}",
        "",
        f"The same {len(cards)} cards ({kinds}) as files for other apps. They are made from the same checked",
        "data with every build, so a corrected card reaches you when you download the deck again.",
        "",
        f"- **Anki:** {link(APKG_NAME, 'the whole deck')}, one sub-deck per chapter. In Anki choose",
        "  *File → Import*. Importing a newer copy updates the cards in place and keeps your review history.",
        f"- **Quizlet:** {link(ALL_TSV_NAME, 'all the cards')}, or one chapter: {per_chapter}. In Quizlet",
        "  create a study set, choose *Import*, paste the file's contents and keep *Tab* between term and",
        "  definition and *New line* between cards.",
        f"- **Anki, as text:** {link(ANKI_TEXT_NAME, 'a tab-separated file with a GUID column')}, for",
        "  other flashcard apps that read Anki's text format; in Anki, *File → Import* reads it as it is.",
    ]
    if printed:
        lines += [
            f"- **On paper:** {link(PRINTED_CARDS_NAME, 'cards to print and cut out (PDF)')}, twelve to a sheet.",
            "  Print double-sided, flipping on the long edge, and each answer lands behind its question.",
        ]
    return "\n".join([*lines, ""])
