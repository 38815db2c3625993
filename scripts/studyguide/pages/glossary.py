"""Renders the Glossary page: an A–Z jump bar, then every term with its definition, links and mentions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from string import ascii_uppercase

from ..data.model import Chapter, Event, Mention, Term
from .markdown import front_matter, markdown, plain
from .mentions import event_groups, mention_groups

PAGE = "glossary.md"


def render_glossary(
    terms: Sequence[Term],
    mentions: Mapping[str, Sequence[Mention]],
    events: Mapping[str, Sequence[Event]],
    chapters: Mapping[str, Chapter] | None = None,
    reading_order: Sequence[str] = (),
) -> str:
    """Return the Glossary page as Markdown.

    Args:
        terms: The terms, in the order they should appear (alphabetical).
        mentions: For each link key (``term:<id>``), the sections that mention it.
        events: For each link key, the timeline events that concern it.
        chapters: Chapters by file stem, to group the timeline events by chapter.
        reading_order: The pages in the guide's reading order, to order the mentions.
    """
    by_letter: dict[str, list[Term]] = {}
    for term in terms:
        by_letter.setdefault(_letter(term.term), []).append(term)
    names = {term.id: term.term for term in terms}
    lines = [
        *front_matter(
            "Glossary",
            "Every institution, policy, faction and idea in the guide, defined and linked to where it is explained.",
            # The A–Z bar is the way round this page; a contents list of every term costs phones time.
            table_of_contents=False,
        ),
        "",
        "# Glossary",
        "",
        "Each term links back to the sections of the guide that mention it. In the chapters, the first",
        "mention of a term in each section links here; tap it, hover over it or move the keyboard focus to it to see",
        "the definition without leaving the page.",
        "",
        '<nav class="az-bar" aria-label="Jump to a letter" markdown>',
        " ".join(
            f"[{letter}](#{_letter_anchor(letter)})"
            if letter in by_letter
            else f'<span aria-hidden="true">{letter}</span>'
            for letter in (DIGITS, *ascii_uppercase)
        ),
        "</nav>",
    ]
    for letter in sorted(by_letter, key=lambda letter: (letter != DIGITS, letter)):
        lines += ["", f"## {letter} {{#{_letter_anchor(letter)}}}"]
        for term in by_letter[letter]:
            key = f"term:{term.id}"
            lines += [
                "",
                *_term_entry(term, names, mentions.get(key, ()), events.get(key, ()), chapters or {}, reading_order),
            ]
    return "\n".join(lines) + "\n"


DIGITS = "0–9"


def _letter(word: str) -> str:
    initial = word.lstrip("\"'“‘(").upper()[:1]
    return initial if initial in ascii_uppercase else DIGITS


def _letter_anchor(letter: str) -> str:
    return "letter-0-9" if letter == DIGITS else f"letter-{letter.lower()}"


def _term_entry(
    term: Term,
    names: Mapping[str, str],
    mentions: Sequence[Mention],
    events: Sequence[Event],
    chapters: Mapping[str, Chapter],
    reading_order: Sequence[str],
) -> list[str]:
    lines = [
        f"### {plain(term.term)} {{#{term.id} .glossary-term}}",
        "",
        f'<span class="term-category">{term.category}</span>',
        "",
        plain(term.definition),
    ]
    if term.explanation:
        lines += ["", markdown(term.explanation)]
    if term.related:
        see_also = ", ".join(f"[{plain(names[related])}](#{related})" for related in term.related)
        lines += ["", f"**See also:** {see_also}"]
    if mentions:
        lines += ["", *mention_groups("Mentioned in:", mentions, PAGE, reading_order)]
    if events:
        lines += ["", *event_groups("On the timeline:", events, PAGE, chapters)]
    return lines
