"""Draws the power struggle as an inline SVG: phases along a time axis, each leader's side and falls."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..data.model import FALL_KINDS, FALL_MARKERS, PHASES, SIDES, SIDES_BY_ID, SUBJECT, Date, Fall, Person
from .markdown import attribute, plain

START_YEAR, END_YEAR = 1922, 1941
# Colours are SVG presentation attributes (from the vocabulary's side colours), so the chart looks the
# same in the browser, in print and in the PDF; the site's stylesheet may override them by class (the
# dark scheme does).
TEXT = 'fill="currentColor" font-size="12"'
LINE = 'stroke="currentColor"'
PHASE_SPANS = {phase.id: (phase.start, phase.end) for phase in PHASES}
PHASE_LABELS = {phase.id: phase.label for phase in PHASES}
FALL_GROUPS = {kind.id: kind.marker for kind in FALL_KINDS}

WIDTH, LABEL_RIGHT, PLOT_LEFT, PLOT_RIGHT = 800, 150, 160, 785
AXIS_Y, FIRST_ROW_Y, ROW_HEIGHT, BAR_HEIGHT = 58, 84, 30, 12
LEGEND_COLUMN, LEGEND_HEIGHT = 255, 96


def chart_people(people: Sequence[Person]) -> list[Person]:
    """The leaders shown: Stalin, then everyone who took a side before the terror and was brought down.

    They are ordered by the date of their last fall, so the chart reads as the order of Stalin's victories.
    """
    fallen = [
        person for person in people
        if any(side.phase != "terror" for side in person.sides)
        and any(fall.kind != "demoted" and fall.date.year >= START_YEAR for fall in person.falls)
    ]  # fmt: skip
    subject = [person for person in people if person.id == SUBJECT]
    return subject + sorted(fallen, key=lambda person: (person.falls[-1].date.sort_key, person.name))


def _x(date: Date) -> float:
    years = date.year + ((date.month or 1) - 1) / 12 + ((date.day or 1) - 1) / 365
    span = END_YEAR - START_YEAR
    return round(PLOT_LEFT + (min(max(years, START_YEAR), END_YEAR) - START_YEAR) / span * (PLOT_RIGHT - PLOT_LEFT), 1)


def render_chart(people: Sequence[Person], phase_titles: Mapping[str, str]) -> str:
    """Return the chart as an SVG element followed by a text version of the same facts.

    Args:
        people: Everyone in the Who's who; the chart picks its rows (see :func:`chart_people`).
        phase_titles: Each phase's full title, for the bars' hover text.
    """
    rows = chart_people(people)
    legend_y = FIRST_ROW_Y + len(rows) * ROW_HEIGHT + 16
    height = legend_y + LEGEND_HEIGHT
    parts = [
        f'<svg class="struggle-chart" viewBox="0 0 {WIDTH} {height}" role="img" font-family="sans-serif" '
        'aria-labelledby="struggle-title struggle-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="struggle-title">The power struggle, 1922–1940</title>',
        '<desc id="struggle-desc">For each leader, coloured bars show which side they took in each phase '
        "of the struggle, and markers show when they were removed, expelled, exiled, arrested or killed. "
        "The same facts are listed as text below the chart.</desc>",
        *_phases(height),
        *_axis(),
        *(line for row, person in enumerate(rows) for line in _row(person, FIRST_ROW_Y + row * ROW_HEIGHT, phase_titles)),
        *_legend(legend_y, {side.side for person in rows for side in person.sides}),
        "</svg>",
    ]
    return "\n".join(
        # Focusable and named, because on a phone the chart scrolls sideways (keyboard users too).
        ['<div class="struggle-chart-wrap" tabindex="0" role="region" aria-label="Chart of the power struggle">',
         *parts, "</div>", "", *_text_version(rows)]
    )


def _phases(height: int) -> list[str]:
    lines = []
    for number, (phase, (start, end)) in enumerate(PHASE_SPANS.items()):
        x1, x2, shaded = _x(start), _x(end), number % 2 == 0
        lines.append(
            f'<rect class="phase-band phase-{phase}" x="{x1}" y="8" width="{round(x2 - x1, 1)}" '
            f'height="{height - 8 - LEGEND_HEIGHT - 8}" fill="currentColor" fill-opacity="{0.11 if shaded else 0.05}"/>'
        )
        lines.append(
            f'<text class="phase-label" x="{round((x1 + x2) / 2, 1)}" y="24" text-anchor="middle" font-weight="700" {TEXT}>'
            f"{PHASE_LABELS[phase]}</text>"
        )
    return lines


def _axis() -> list[str]:
    lines = [f'<line class="axis" x1="{PLOT_LEFT}" y1="{AXIS_Y}" x2="{PLOT_RIGHT}" y2="{AXIS_Y}" {LINE}/>']
    for year in range(START_YEAR, END_YEAR + 1):
        x = _x(Date(year))
        lines.append(f'<line class="tick" x1="{x}" y1="{AXIS_Y - 4}" x2="{x}" y2="{AXIS_Y + 4}" {LINE}/>')
        if year % 2 == 0:
            lines.append(f'<text class="year" x="{x}" y="{AXIS_Y - 8}" text-anchor="middle" {TEXT}>{year}</text>')
    return lines


def _row(person: Person, y: int, phase_titles: Mapping[str, str]) -> list[str]:
    middle = y + ROW_HEIGHT / 2
    died = person.died if person.died and person.died.year < END_YEAR else Date(END_YEAR)
    lines = [
        f'<g class="person-row"><title>{attribute(person.name)}</title>',
        f'<text class="name" x="{LABEL_RIGHT}" y="{middle + 4}" text-anchor="end" {TEXT}>{attribute(person.name)}</text>',
        f'<line class="life" x1="{PLOT_LEFT}" y1="{middle}" x2="{_x(died)}" y2="{middle}" {LINE} stroke-opacity="0.5" '
        'stroke-dasharray="3 3"/>',
    ]
    for side in person.sides:
        start, end = PHASE_SPANS[side.phase]
        end = min(end, died, key=lambda date: date.sort_key)
        x1, x2 = _x(start), _x(end)
        if x2 <= x1:
            continue
        kind = SIDES_BY_ID[side.side]
        lines.append(
            f'<rect class="side-{kind.id}" x="{x1}" y="{middle - BAR_HEIGHT / 2}" width="{round(x2 - x1, 1)}" '
            f'height="{BAR_HEIGHT}" fill="{kind.colour}">'
            f"<title>{attribute(f'{person.name}, {phase_titles[side.phase]}: {_lower_first(kind.legend)}')}</title></rect>"
        )
    lines += [_marker(fall, person, middle) for fall in person.falls]
    lines.append("</g>")
    return lines


def _marker(fall: Fall, person: Person, middle: float) -> str:
    x, group = _x(fall.date), FALL_GROUPS[fall.kind]
    title = f"<title>{attribute(f'{person.name}: {fall.what} ({fall.date.display()})')}</title>"
    return f'<g class="fall fall-{group}" transform="translate({x} {middle})">{_shape(group)}{title}</g>'


def _shape(group: str) -> str:
    solid, hollow = 'fill="currentColor" stroke="currentColor"', 'fill="none" stroke="currentColor"'
    return {
        "removed": f'<path d="M-6 -6 L6 -6 L0 5 Z" {solid}/>',
        "expelled": f'<rect x="-5" y="-5" width="10" height="10" {solid}/>',
        "exiled": f'<path d="M-5 -6 L6 0 L-5 6 Z" {solid}/>',
        "arrested": f'<circle r="5.5" {hollow} stroke-width="2"/>',
        "killed": f'<path d="M-6 -6 L6 6 M6 -6 L-6 6" {hollow} stroke-width="2.5"/>',
    }[group]


def _legend(y: int, sides_used: set[str]) -> list[str]:
    """The sides the chart uses, then the kinds of fall, three to a row."""
    lines = []
    for number, kind in enumerate(side for side in SIDES if side.id in sides_used):
        x, row_y = 20 + (number % 3) * LEGEND_COLUMN, y + (number // 3) * 20
        lines.append(f'<rect class="side-{kind.id}" x="{x}" y="{row_y}" width="18" height="{BAR_HEIGHT}" fill="{kind.colour}"/>')
        lines.append(f'<text class="legend" x="{x + 24}" y="{row_y + 10}" {TEXT}>{kind.legend}</text>')
    for number, (group, label) in enumerate(FALL_MARKERS.items()):
        x, row_y = 20 + (number % 3) * LEGEND_COLUMN, y + 48 + (number // 3) * 20
        lines.append(f'<g class="fall fall-{group}" transform="translate({x + 9} {row_y + 6})">{_shape(group)}</g>')
        lines.append(f'<text class="legend" x="{x + 24}" y="{row_y + 10}" {TEXT}>{label}</text>')
    return lines


def _text_version(rows: Sequence[Person]) -> list[str]:
    lines = ['??? info "The chart as text"', ""]
    for person in rows:
        sides = "; ".join(f"{PHASE_LABELS[s.phase]}: {_lower_first(SIDES_BY_ID[s.side].legend)}" for s in person.sides)
        falls = "; ".join(f"{fall.what.rstrip('.')} ({fall.date.display()})" for fall in person.falls)
        text = f"{person.name}. {sides}." + (f" {falls}." if falls else "")
        lines.append(f"    - {plain(text)}")
    return lines


def _lower_first(label: str) -> str:
    return label[0].lower() + label[1:]
