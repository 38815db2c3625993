"""Renders the "Test yourself" page: flashcards grouped by chapter and kind, each a click-to-reveal block."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from ..data.model import Chapter
from .cards import CARD_KINDS, Card
from .markdown import attribute, front_matter, plain, relative
from .scripts import DOM, FSRS, STORE, script_tags

PAGE = "flashcards.md"


def render_flashcards(cards: Sequence[Card], chapters: Mapping[str, Chapter]) -> str:
    """Return the flashcards page as Markdown.

    Every card works without JavaScript (a collapsible block); the page's script adds a drill mode.
    """
    lines = [
        *front_matter(
            "Test yourself: flashcards",
            f"{len(cards)} flashcards on Stalin's rise to power, built from the guide's checked data, "
            "with a drill mode that remembers what you know.",
            # Every card repeats the Glossary, Who's who or Timeline, which search already finds.
            searchable=False,
        ),
        "",
        "# Test yourself: flashcards",
        "",
        f"There are {len(cards)} cards, made from the same checked data as the Glossary, the Who's who and",
        "the Timeline. Say the answer out loud, then open the card to check it; every answer links to where",
        "the guide explains it. With JavaScript on, **drill mode** schedules each card with FSRS (the Free",
        "Spaced Repetition Scheduler): rate how well you knew it, and the card comes back just before you",
        "would forget it. Progress stays on this device; see [My revision](revision.md) to export it.",
        "Printed, the cards come out as cut-out cards: fold along the dashed line, question on one side.",
        "",
        '<div id="drill" class="drill" hidden></div>',
    ]
    for stem, in_chapter in groupby(cards, key=lambda card: card.chapter):
        chapter = chapters[stem]
        in_chapter = list(in_chapter)
        lines += ["", f"## {plain(chapter.title)} {{#cards-{stem}}}", "", f"{len(in_chapter)} cards."]
        for kind, of_kind in groupby(in_chapter, key=lambda card: card.kind):
            lines += ["", f"### {CARD_KINDS[kind]} {{#cards-{stem}-{kind}}}"]
            for card in of_kind:
                lines += ["", *_card(card)]
    return "\n".join([*lines, "", *script_tags(PAGE, FSRS, STORE, DOM, "drill.js")]) + "\n"


def _card(card: Card) -> list[str]:
    # The card's stable id from the data keys the learner's progress: rewording a question keeps it.
    target = f"{relative(PAGE, card.link_page)}#{card.link_anchor}"
    return [
        f'<details class="flashcard" data-card-id="{attribute(card.id)}" '
        f'data-chapter="{attribute(card.chapter)}" markdown>',
        f"<summary>{attribute(card.question)}</summary>",
        "",
        plain(card.answer),
        "",
        f"[{plain(card.link_label)}]({target}){{ .card-source }}",
        "",
        "</details>",
    ]
