"""Renders the Timeline page (events by year, filterable without JavaScript) and each chapter's key dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from ..data.model import EVENT_KINDS, Chapter, Event, Person, Reference
from .markdown import attribute, front_matter, plain, relative
from .sources import source_links

PAGE = "timeline.md"
# What the events can be filtered by. Each event carries a class "tl-<filter>-<value>" for each, used only
# by the filter's rules: it changes nothing else about how the event looks.
PHASE_FILTER, KIND_FILTER = FILTERS = ("phase", "kind")


def render_timeline(
    events: Sequence[Event],
    people: Mapping[str, Person],
    chapters: Mapping[str, Chapter],
    references: Mapping[str, Reference],
    chart_svg: str = "",
) -> str:
    """Return the Timeline page as Markdown.

    Args:
        events: The events in date order.
        people: People by id, for the names of those involved.
        chapters: Chapters by file stem, for section links and the phase filter.
        references: The bibliography by id, for each event's sources.
        chart_svg: The power-struggle chart, placed above the events when given.
    """
    used_kinds = [kind for kind in EVENT_KINDS if any(event.kind == kind for event in events)]
    used_chapters = [chapter for chapter in chapters.values() if any(e.section.chapter == chapter.stem for e in events)]
    meta = front_matter(
        "Timeline",
        "Every key event of Stalin's rise to power from 1917 to 1940, by year, linked to the chapter that explains it.",
    )
    lines = [
        # The filter's choice is kept in the address by a small script (overrides/main.html loads it).
        *meta[:-1],
        "scripts:",
        "  - timeline-filter",
        meta[-1],
        "",
        "# Timeline",
        "",
        "Every event links to the section of the guide that explains it. Dates are New Style; where the",
        "sources do not agree on the day, only the month or year is given.",
    ]
    if chart_svg:
        lines += ["", "## The power struggle at a glance {#power-struggle}", "", chart_svg]
    lines += ["", "## Events {#events}", "", *_filters(used_chapters, used_kinds, events, chapters)]
    for year, in_year in groupby(events, key=lambda event: event.date.year):
        lines += [
            "",
            '<section class="tl-year" markdown>',
            "",
            f"### {year} {{#year-{year}}}",
            "",
            '<div class="tl-list" role="list" markdown>',
        ]
        for event in in_year:
            lines += ["", *_event(event, people, chapters[event.section.chapter], references)]
        lines += ["", "</div>", "", "</section>"]
    return "\n".join(lines) + "\n"


def _filters(
    chapters: Sequence[Chapter], kinds: Sequence[str], events: Sequence[Event], by_stem: Mapping[str, Chapter]
) -> list[str]:
    """Radio buttons that filter the events with CSS alone; the list stays readable without them."""

    def group(name: str, legend: str, options: list[tuple[str, str]]) -> list[str]:
        inputs = [f"<legend>{legend}</legend>"]
        for value, label in [("all", "All"), *options]:
            checked = " checked" if value == "all" else ""
            # The label wraps its radio, so the whole 44 px box is the target.
            inputs.append(
                f'<label class="tl-option" for="tl-{name}-{value}"><input type="radio" name="tl-{name}" '
                f'id="tl-{name}-{value}" value="{value}"{checked}><span>{attribute(label)}</span></label>'
            )
        return ['<fieldset class="tl-filter">', *inputs, "</fieldset>"]

    phases = [(chapter.phase, chapter.title) for chapter in chapters]
    offered = {(by_stem[event.section.chapter].phase, event.kind) for event in events}
    return [
        '<form class="tl-filters" aria-label="Filter the events">',
        *group(PHASE_FILTER, "Phase", phases),
        *group(KIND_FILTER, "Kind of event", [(kind, kind.capitalize()) for kind in kinds]),
        "</form>",
        "",
        '<p class="tl-none" role="status">No events match both filters. Choose “All” in one of them to see more.</p>',
        "",
        *filter_rules({PHASE_FILTER: [phase for phase, _ in phases], KIND_FILTER: list(kinds)}, offered),
    ]


def filter_rules(options: Mapping[str, Sequence[str]], offered: set[tuple[str, str]] = frozenset()) -> list[str]:
    """The CSS that makes the filters work without JavaScript.

    One rule per option hides the events that do not match it; one per pair of choices hides the years
    left empty; and the "no events match" message shows for each pair of choices that no event has
    (``offered`` holds the (phase, kind) pairs that some event has). Generated with the radios from the
    same lists, so that a new phase or kind of event filters as soon as it exists.
    """
    (first, firsts), (second, seconds) = options.items()
    hide = [
        f".md-content:has(#tl-{name}-{value}:checked) .tl-event:not(.tl-{name}-{value})"
        for name, values in options.items()
        for value in values
    ]
    empty_years, no_match = [], []
    for one in ("all", *firsts):
        for other in ("all", *seconds):
            if one == other == "all":
                continue
            chosen = f".md-content:has(#tl-{first}-{one}:checked):has(#tl-{second}-{other}:checked)"
            wanted = "".join(f".tl-{name}-{value}" for name, value in ((first, one), (second, other)) if value != "all")
            empty_years.append(f"{chosen} .tl-year:not(:has(.tl-event{wanted}))")
            if not any((one in ("all", a)) and (other in ("all", b)) for a, b in offered):
                no_match.append(f"{chosen} .tl-none")
    rules = [",\n".join(hide + empty_years) + " {\n  display: none;\n}"]
    if no_match:
        rules.append(",\n".join(no_match) + " {\n  display: block;\n}")
    return ["<style>", *rules, "</style>"]


def _event(
    event: Event, people: Mapping[str, Person], chapter: Chapter, references: Mapping[str, Reference]
) -> list[str]:
    section_title = chapter.headings[event.section.anchor]
    filter_classes = f"tl-{PHASE_FILTER}-{chapter.phase} tl-{KIND_FILTER}-{event.kind}"
    lines = [
        f'<div class="tl-event {filter_classes}" id="{event.id}" role="listitem" markdown>',
        "",
        f'<time datetime="{event.date.iso()}">{event.date.display()}</time> <span class="tl-kind">{event.kind}</span>',
        "{: .tl-when }",
        "",
        f"**{plain(event.title)}**",
        "{: .tl-title }",
        "",
        plain(event.summary),
    ]
    if event.note:
        lines += ["", f"*Note:* {plain(event.note)}", "{: .tl-note }"]
    links = []
    if event.people:
        names = ", ".join(f"[{plain(people[pid].name)}]({relative(PAGE, 'people.md')}#{pid})" for pid in event.people)
        links.append(f"People: {names}")
    links.append(
        f"Read: [{plain(chapter.title)}: {plain(section_title)}]({relative(PAGE, chapter.src_path)}#{event.section.anchor})"
    )
    lines += ["", " · ".join(links), "{: .tl-links }"]
    if event.sources:
        lines += ["", f"Sources: {source_links(event.sources, references, PAGE)}", "{: .tl-sources }"]
    lines += ["", "</div>"]
    return lines


def render_key_dates(events: Sequence[Event], page: str) -> str:
    """The "Key dates" box for one chapter: its events, each linked to the timeline."""
    lines = ['!!! note "Key dates"', ""]
    for event in events:
        target = f"{relative(page, PAGE)}#{event.id}"
        lines.append(f"    - **{event.date.display()}**: [{plain(event.title)}]({target})")
    return "\n".join(lines) + "\n"


def insert_key_dates(markdown: str, box: str) -> str:
    """Put the key-dates box straight after the chapter's opening "Key questions" box.

    Chapters without that box get the key dates before their first second-level heading.
    """
    lines = markdown.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith('!!! question "Key questions"')), None)
    if start is None:
        end = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    else:
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
            end += 1
    return "\n".join([*lines[:end], box, *lines[end:]])
