"""Renders the Who's who page: one card per person with posts, sides, fate and where they appear."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .link import Mention
from .mdtext import event_links, front_matter, markdown, mention_links, plain
from .model import PHASE_TITLES, Event, Person, Post

PAGE = "people.md"
SIDE_LABELS = {
    "leadership": "with the leadership",
    "opposition": "in opposition",
    "neutral": "neutral",
    "victim": "victim",
    "agent": "agent of the terror",
    "exile": "in exile",
}


def render_people(
    people: Sequence[Person], mentions: Mapping[str, Sequence[Mention]], events: Mapping[str, Sequence[Event]]
) -> str:
    """Return the Who's who page as Markdown.

    Args:
        people: The people, in the order they should appear (by surname).
        mentions: For each link key (``person:<id>``), the sections that mention the person.
        events: For each link key, the timeline events the person took part in.
    """
    lines = [
        *front_matter("Who's who", "The people of Stalin's rise to power: their posts, the side they took in each phase, and their fate."),
        "",
        "# Who's who",
        "",
        "One card per person, in order of surname. In the chapters, the first mention of a person in each",
        "section links to their card, and each card links back to the sections that mention them.",
    ]
    for person in people:
        key = f"person:{person.id}"
        lines += ["", *_card(person, mentions.get(key, ()), events.get(key, ()))]
    return "\n".join(lines) + "\n"


def _card(person: Person, mentions: Sequence[Mention], events: Sequence[Event]) -> list[str]:
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
    if person.posts:
        lines += ["", "**Posts held**", ""]
        lines += [f"- {plain(post.title)} ({_span(post)})" for post in person.posts]
    if person.sides:
        lines += ["", "**Side taken**", ""]
        lines += [
            f"- {PHASE_TITLES[side.phase]}: *{SIDE_LABELS[side.side]}*. {plain(side.note)}" for side in person.sides
        ]
    lines += ["", f"**Fate:** {plain(person.fate)}"]
    if mentions:
        lines += ["", f"**In the guide:** {mention_links(mentions, PAGE)}", "{: .mentions }"]
    if events:
        lines += ["", f"**On the timeline:** {event_links(events, PAGE)}", "{: .timeline-links }"]
    lines += ["", "</div>"]
    return lines


def _lifespan(person: Person) -> str:
    died = person.died.display() if person.died else "?"
    return f"{person.born.display()} – {died}"


def _span(post: Post) -> str:
    if post.start and post.end:
        return f"{post.start.display()} – {post.end.display()}"
    if post.start:
        return f"from {post.start.display()}"
    return f"until {post.end.display()}" if post.end else "dates not recorded"
