"""Renders the "My revision" page: progress kept on the device, drawn by its script from the store."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..data.model import Chapter
from .cards import Card
from .markdown import front_matter
from .scripts import DOM, STORE, script_tags

PAGE = "revision.md"
NEEDS_SCRIPT = '<p class="revision-nojs">This part shows progress kept by your browser, so it needs JavaScript.</p>'


def revision_data(cards: Sequence[Card], chapters: Mapping[str, Chapter], question_ids: Sequence[str]) -> str:
    """The ids the page's script needs, as JSON safe inside a ``<script type="application/json">``."""
    data = {
        "chapters": [
            {
                "id": stem,
                "title": chapter.title,
                "page": f"../chapters/{stem}/",
                "cards": [card.id for card in cards if card.chapter == stem],
                "sections": [[anchor, title] for anchor, title in chapter.headings.items()],
            }
            for stem, chapter in sorted(chapters.items())
        ],
        "questions": list(question_ids),
    }
    # "<" is written as \u003c so that no text in the data can close the script element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_revision(cards: Sequence[Card], chapters: Mapping[str, Chapter], question_ids: Sequence[str]) -> str:
    """Return the My revision page as Markdown."""
    def block(anchor: str, title: str, intro: str) -> list[str]:
        return [f"## {title} {{#{anchor}}}", "", intro, "", f'<div id="revision-{anchor}" class="revision-block">',
                NEEDS_SCRIPT, "</div>", ""]  # fmt: skip

    return "\n".join([
        *front_matter(
            "My revision",
            "Your revision progress on this device: flashcards seen, due and mastered per chapter, quiz scores, "
            "sections marked revised and how confident you feel, with export, import and reset.",
            searchable=False,
        ),
        "",
        "# My revision",
        "",
        "Everything here is kept in this browser only: nothing is sent anywhere. Export it to a file to move it",
        "to another device or to keep it safe if the browser's data is cleared.",
        "",
        *block("cards", "Flashcards by chapter",
               "A card is *due* when the [flashcard drill](flashcards.md) wants to see it again today, and "
               "*mastered* once you are expected to remember it for three weeks or more."),
        *block("quizzes", "Recent quiz scores", "Your last scores in a [quiz of 10](quiz.md)."),
        *block("sections", "Sections you have revised",
               "Each section of a chapter has a *Mark as revised* button under its heading."),
        *block("confidence", "How confident are you?",
               "Rate each chapter red (not yet), amber (getting there) or green (confident)."),
        *block("backup", "Back up, move or reset", "Export your progress to a file, import it on another device, "
               "or start again. Import and reset ask before changing anything."),
        f'<script type="application/json" id="revision-data">{revision_data(cards, chapters, question_ids)}</script>',
        "",
        *script_tags(PAGE, STORE, DOM, "revision.js"),
    ]) + "\n"  # fmt: skip
