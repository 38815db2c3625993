"""Renders the Sources page: the bibliography, each reference with links back to what cites it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..data.model import Event, Person, Reference
from .markdown import attribute, front_matter, plain, relative

PAGE = "sources.md"
KIND_LABELS = {
    "encyclopedia": "Encyclopedia",
    "primary": "Document of the time",
    "book": "Historian's book",
    "scholarly": "Scholarly article or university page",
    "reference": "Other reference site",
}


def render_sources(
    references: Sequence[Reference],
    events: Sequence[Event],
    people: Sequence[Person],
    citing_pages: Mapping[str, Sequence[str]],
    page_titles: Mapping[str, str],
) -> str:
    """Return the Sources page as Markdown.

    Args:
        references: The bibliography, in the order it should appear.
        events: Timeline events, whose ``sources`` are listed under each reference.
        people: People, likewise.
        citing_pages: For each reference id, the hand-written pages (paths in docs/) that cite it.
        page_titles: Titles of hand-written pages by path, for the links back.
    """
    lines = [
        *front_matter(
            "Sources", "Every reference the guide's facts are checked against, with links to what each supports."
        ),
        "",
        "# Sources",
        "",
        "Every date, name and figure in the guide is checked against at least one of these references.",
        "Each entry on the Timeline and in the Who's who names its sources, and disputed points in the",
        "chapters carry footnotes that lead here. Under each reference is what it is cited for.",
    ]
    for reference in references:
        lines += ["", *_reference(reference, events, people, citing_pages.get(reference.id, ()), page_titles)]
    return "\n".join(lines) + "\n"


def _reference(
    reference: Reference,
    events: Sequence[Event],
    people: Sequence[Person],
    pages: Sequence[str],
    page_titles: Mapping[str, str],
) -> list[str]:
    year = f" ({reference.year})" if reference.year else ""
    lines = [
        '<div class="reference" markdown>',
        "",
        f"## {plain(reference.author)}: {plain(reference.title)}{year} {{#{reference.id}}}",
        "",
        # Raw HTML, not a Markdown link: a URL may hold parentheses; it was checked to hold no quotes or spaces.
        f'{KIND_LABELS[reference.kind]}. '
        f'<a class="reference-url" href="{attribute(reference.url)}">{attribute(reference.url)}</a>',
    ]
    if reference.note:
        lines += ["", plain(reference.note)]
    cited = []
    if pages:
        cited.append(
            "Pages: " + ", ".join(f"[{plain(page_titles.get(page, page))}]({relative(PAGE, page)})" for page in pages)
        )
    citing_people = [person for person in people if reference.id in person.sources]
    if citing_people:
        cited.append(
            "Who's who: " + ", ".join(f"[{plain(p.name)}]({relative(PAGE, 'people.md')}#{p.id})" for p in citing_people)
        )
    citing_events = [event for event in events if reference.id in event.sources]
    if citing_events:
        cited.append(
            "Timeline: "
            + "; ".join(
                f"[{event.date.display()}: {plain(event.title)}]({relative(PAGE, 'timeline.md')}#{event.id})"
                for event in citing_events
            )
        )
    lines += ["", '<div class="cited-by" markdown>', "", *(f"- {line}" for line in cited), "", "</div>", "", "</div>"]
    return lines


def source_links(sources: Sequence[str], references: Mapping[str, Reference], from_page: str) -> str:
    """A compact list of links to an entry's sources on the Sources page."""
    target = relative(from_page, PAGE)
    return "; ".join(f"[{plain(references[source].short)}]({target}#{source})" for source in sources)
