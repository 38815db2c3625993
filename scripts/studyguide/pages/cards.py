"""Builds flashcards from the checked data: terms, people, dates, events and who was allied with whom."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..data.model import PHASES, SIDES_BY_ID, SUBJECT, GuideData, Mention
from .markdown import to_plain_text

CARD_KINDS = {
    "term": "Terms",
    "person": "People",
    "when": "When did it happen?",
    "what": "What happened?",
    "alliance": "Who was allied with whom?",
    "truefalse": "True or false?",
}


@dataclass(frozen=True)
class Card:
    """One flashcard: a question, its answer from the data, and where the answer is explained."""

    id: str
    kind: str
    chapter: str  # the file stem of the chapter it belongs to
    question: str
    answer: str
    link_page: str  # path inside docs/
    link_anchor: str
    link_label: str


def quoted(text: str) -> str:
    """Text from the data ready to sit inside a question: straight quotes become typographic ones.

    Inside a question's own “ ” the data's quotes become single ‘ ’, so quotes never nest.
    """
    return re.sub(r'"([^"]*)"', "‘\\1’", text)


def headline(title: str) -> str:
    """An event's title as the end of a question: “The Bolsheviks seize…” becomes “the Bolsheviks seize…”."""
    title = re.sub(r'"([^"]*)"', "“\\1”", title)
    return title[0].lower() + title[1:] if title.startswith(("The ", "A ")) else title


def build_cards(data: GuideData, mentions: Mapping[str, Sequence[Mention]]) -> list[Card]:
    """Every card the data supports, in chapter order, then by kind, then as the data orders them."""
    chapters = sorted(data.chapters)
    cards: list[Card] = []

    def first_chapter(key: str) -> str:
        pages = [m.page for m in mentions.get(key, ()) if m.page.startswith("chapters/")]
        return min(pages)[len("chapters/"):-len(".md")] if pages else chapters[0]

    for term in data.terms:
        name = quoted(term.term)
        question = f"What and where was {name}?" if term.category == "place" else f"What was meant by “{name}”?"
        cards.append(Card(
            f"term-{term.id}", "term", first_chapter(f"term:{term.id}"), question,
            term.definition, "glossary.md", term.id, f"Glossary: {term.term}",
        ))  # fmt: skip
    for person in data.people:
        cards.append(Card(
            f"person-{person.id}", "person", first_chapter(f"person:{person.id}"), f"Who was {person.name}?",
            f"{person.role}. Fate: {person.fate}", "people.md", person.id, f"Who's who: {person.name}",
        ))  # fmt: skip
    date_counts = Counter(event.date for event in data.events)
    for event in data.events:
        chapter = data.chapters[event.section.chapter]
        label = f"{chapter.title}: {chapter.headings[event.section.anchor]}"
        cards.append(Card(
            f"when-{event.id}", "when", event.section.chapter,
            f"When did this happen: {headline(event.title)}?", event.date.display(),
            chapter.src_path, event.section.anchor, label,
        ))  # fmt: skip
        if date_counts[event.date] == 1 and event.date.precision == "day":
            cards.append(Card(
                f"what-{event.id}", "what", event.section.chapter, f"What happened on {event.date.display()}?",
                f"{event.title}. {event.summary}", chapter.src_path, event.section.anchor, label,
            ))  # fmt: skip
    for phase in PHASES:
        chapter = data.phase_chapter(phase.id)
        if chapter is None:
            continue
        for person in data.people:
            side = next((side for side in person.sides if side.phase == phase.id), None)
            if side is None or not person.falls and person.id != SUBJECT:
                continue
            cards.append(Card(
                f"alliance-{phase.id}-{person.id}", "alliance", chapter.stem,
                f"Which side was {person.name} on in the years of “{chapter.title}”, {chapter.period}?",
                f"{SIDES_BY_ID[side.side].answer}. {side.note}", "people.md", person.id, f"Who's who: {person.name}",
            ))  # fmt: skip
    # Each known misconception (data/misconceptions.yml) is a claim to judge: false, with the correction.
    for item in data.misconceptions:
        chapter = data.chapters[item.section.chapter]
        cards.append(Card(
            f"truefalse-{item.id}", "truefalse", item.section.chapter, f"True or false? {item.claim}",
            f"False. {to_plain_text(item.correction)}", chapter.src_path, item.section.anchor,
            f"{chapter.title}: {chapter.headings[item.section.anchor]}",
        ))  # fmt: skip
    order = {kind: index for index, kind in enumerate(CARD_KINDS)}
    return sorted(cards, key=lambda card: (card.chapter, order[card.kind]))

