"""Renders the Who's who page: one card per person with posts, sides, fate and where they appear."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..data.model import SIDES_BY_ID, Chapter, Event, Mention, Person, Post, Reference
from .markdown import attribute, front_matter, markdown, plain
from .mentions import event_groups, mention_groups
from .sources import source_links

PAGE = "people.md"


def render_people(
    people: Sequence[Person],
    mentions: Mapping[str, Sequence[Mention]],
    events: Mapping[str, Sequence[Event]],
    phase_titles: Mapping[str, str],
    references: Mapping[str, Reference],
    chapters: Mapping[str, Chapter] | None = None,
    reading_order: Sequence[str] = (),
) -> str:
    """Return the Who's who page as Markdown.

    Args:
        people: The people, in the order they should appear (by surname).
        phase_titles: Each phase's full title, e.g. "The Triumvirate (1922–1925)".
        references: The bibliography by id, for each person's sources.
        mentions: For each link key (``person:<id>``), the sections that mention the person.
        events: For each link key, the timeline events the person took part in.
        chapters: Chapters by file stem, to group the timeline events by chapter.
        reading_order: The pages in the guide's reading order, to order the mentions.
    """
    lines = [
        *front_matter(
            "Who's who",
            "The people of Stalin's rise to power: their posts, the side they took in each phase, and their fate.",
        ),
        "",
        "# Who's who",
        "",
        "One card per person, in order of surname. In the chapters, the first mention of a person on each",
        "page links to their card (tap or hover for who they were), and each card links back to every section",
        "that mentions them.",
        "",
        *_name_bar(people),
    ]
    for person in people:
        key = f"person:{person.id}"
        lines += [
            "",
            *_card(
                person,
                mentions.get(key, ()),
                events.get(key, ()),
                phase_titles,
                references,
                chapters or {},
                reading_order,
            ),
        ]
    return "\n".join(lines) + "\n"


def _card(
    person: Person,
    mentions: Sequence[Mention],
    events: Sequence[Event],
    phase_titles: Mapping[str, str],
    references: Mapping[str, Reference],
    chapters: Mapping[str, Chapter],
    reading_order: Sequence[str],
) -> list[str]:
    lines = [
        '<div class="person-card" markdown>',
        "",
        f"## {plain(person.name)} {{#{person.id}}}",
        "",
        f"{plain(person.full_name)} · {_lifespan(person)}",
        "{: .person-life }",
        "",
        markdown(person.profile),
    ]
    spellings = [alias for alias in (*person.aliases, *person.search_aliases) if alias not in person.name]
    if spellings:
        # Hidden from sight but indexed by the site search, so that another spelling finds this card.
        shown = ", ".join(attribute(alias) for alias in dict.fromkeys(spellings))
        lines += ["", f'<p class="search-aliases" hidden>Also searched for as: {shown}</p>']
    if person.posts:
        lines += ["", "**Posts held**", ""]
        lines += [f"- {plain(post.title)} ({_span(post)})" for post in person.posts]
    if person.sides:
        lines += ["", "**Side taken**", ""]
        lines += [
            f"- {phase_titles[side.phase]}: *{SIDES_BY_ID[side.side].label}*. {plain(side.note)}"
            for side in person.sides
        ]
    lines += ["", f"**Fate:** {plain(person.fate)}"]
    if mentions:
        lines += ["", *mention_groups("In the guide:", mentions, PAGE, reading_order)]
    if events:
        lines += ["", *event_groups("On the timeline:", events, PAGE, chapters)]
    if person.sources:
        lines += ["", f"**Sources:** {source_links(person.sources, references, PAGE)}", "{: .person-sources }"]
    lines += ["", "</div>"]
    return lines


def _name_bar(people: Sequence[Person]) -> list[str]:
    """A jump bar of surnames, in the cards' order: the way round a long page on a phone."""
    items = "".join(f'<li><a href="#{person.id}">{attribute(person.name.split()[-1])}</a></li>' for person in people)
    return [f'<nav class="name-bar" aria-label="Jump to a person"><ul>{items}</ul></nav>']


def _lifespan(person: Person) -> str:
    died = person.died.display() if person.died else "?"
    return f"{person.born.display()} – {died}"


def _span(post: Post) -> str:
    if post.start and post.end:
        return f"{post.start.display()} – {post.end.display()}"
    if post.start:
        return f"from {post.start.display()}"
    return f"until {post.end.display()}" if post.end else "dates not recorded"
