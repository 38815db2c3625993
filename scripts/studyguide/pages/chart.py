"""Draws the power struggle as inline SVG: phases along a time axis, each leader's side and falls.

Two layouts are drawn from the same rows and bars: a wide one (names on the left of their bars) and one
for phones (each name above its bar, labels at a size that stays legible at a phone's width, the legend
one item to a line). The site's stylesheet shows one of them by the width of the screen; the PDF and
print use the wide one. A text version of the same facts follows both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..data.model import FALL_KINDS, FALL_MARKERS, PHASES, SIDES, SIDES_BY_ID, SUBJECT, Date, Person
from .markdown import attribute, plain

START_YEAR, END_YEAR = 1922, 1941
# Colours are SVG presentation attributes (from the vocabulary's side colours), so the chart looks the
# same in the browser, in print and in the PDF; the site's stylesheet may override them by class (the
# dark scheme does).
TEXT = 'fill="currentColor" font-size="14"'
PHONE_TEXT = 'fill="currentColor" font-size="13"'
LINE = 'stroke="currentColor"'
PHASE_SPANS = {phase.id: (phase.start, phase.end) for phase in PHASES}
PHASE_LABELS = {phase.id: phase.label for phase in PHASES}
FALL_GROUPS = {kind.id: kind.marker for kind in FALL_KINDS}

WIDTH, LABEL_RIGHT, PLOT_LEFT, PLOT_RIGHT = 800, 150, 160, 785
AXIS_Y, FIRST_ROW_Y, ROW_HEIGHT, BAR_HEIGHT = 58, 84, 30, 12
LEGEND_LEFT, LEGEND_COLUMN, LEGEND_HEIGHT = 10, 250, 96
# The phone layout: drawn at about the width it is shown at (a 390 px screen less the page margins).
PHONE_WIDTH, PHONE_LEFT, PHONE_RIGHT = 360, 8, 350
PHONE_AXIS_Y, PHONE_FIRST_ROW_Y, PHONE_ROW_HEIGHT, PHONE_LEGEND_LINE = 60, 70, 44, 22


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


def _x(date: Date, left: float = PLOT_LEFT, right: float = PLOT_RIGHT) -> float:
    years = date.year + ((date.month or 1) - 1) / 12 + ((date.day or 1) - 1) / 365
    span = END_YEAR - START_YEAR
    return round(left + (min(max(years, START_YEAR), END_YEAR) - START_YEAR) / span * (right - left), 1)


def _phone_x(date: Date) -> float:
    return _x(date, PHONE_LEFT, PHONE_RIGHT)


def _bars(person: Person, phase_titles: Mapping[str, str]) -> list[tuple[str, Date, Date, str]]:
    """Each bar of a person's row: (side, start, end, hover text), cut at their death.

    Where a person kept the same side from one phase to the next and the phases do not meet (1930 to
    1934, between the Right Opposition and the terror), the gap is bridged by a bar of its own, so that
    Stalin's unbroken hold on power does not look like an absence.
    """
    died = _end_of_row(person)
    bars: list[tuple[str, Date, Date, str]] = []
    previous = None
    for side in person.sides:
        start, end = PHASE_SPANS[side.phase]
        if previous and previous[0] == side.side and previous[1].sort_key < start.sort_key:
            label = SIDES_BY_ID[side.side].legend
            text = f"{person.name}, {previous[1].year}–{start.year}, between the phases: {_lower_first(label)}"
            bars.append((side.side, previous[1], min(start, died, key=lambda date: date.sort_key), text))
        end = min(end, died, key=lambda date: date.sort_key)
        label = SIDES_BY_ID[side.side].legend
        bars.append((side.side, start, end, f"{person.name}, {phase_titles[side.phase]}: {_lower_first(label)}"))
        previous = (side.side, PHASE_SPANS[side.phase][1])
    return [bar for bar in bars if bar[1].sort_key < bar[2].sort_key]


def _end_of_row(person: Person) -> Date:
    return person.died if person.died and person.died.year < END_YEAR else Date(END_YEAR)


def render_chart(people: Sequence[Person], phase_titles: Mapping[str, str]) -> str:
    """Return the chart as an SVG element followed by a text version of the same facts.

    Args:
        people: Everyone in the Who's who; the chart picks its rows (see :func:`chart_people`).
        phase_titles: Each phase's full title, for the bars' hover text.
    """
    rows = chart_people(people)
    sides_used = {side.side for person in rows for side in person.sides}
    legend_y = FIRST_ROW_Y + len(rows) * ROW_HEIGHT + 16
    height = legend_y + LEGEND_HEIGHT
    wide = [
        _svg_open("struggle-chart struggle-chart--wide", WIDTH, height, "struggle"),
        *_phases(height),
        *_axis(),
        *(
            line
            for row, person in enumerate(rows)
            for line in _row(person, FIRST_ROW_Y + row * ROW_HEIGHT, phase_titles)
        ),
        *_legend(legend_y, sides_used),
        "</svg>",
    ]
    return "\n".join(
        [
            '<div class="struggle-chart-wrap">',
            *wide,
            *_phone_chart(rows, phase_titles, sides_used),
            "</div>",
            "",
            *_text_version(rows),
        ]
    )


def _svg_open(classes: str, width: int, height: int, prefix: str) -> str:
    return "\n".join(
        [
            f'<svg class="{classes}" viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" '
            f'aria-labelledby="{prefix}-title {prefix}-desc" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{prefix}-title">The power struggle, 1922–1940</title>',
            f'<desc id="{prefix}-desc">For each leader, coloured bars show which side they took in each phase '
            "of the struggle, and markers show when they were removed, expelled, exiled, arrested or killed. "
            "The same facts are listed as text below the chart.</desc>",
        ]
    )


def _phone_chart(rows: Sequence[Person], phase_titles: Mapping[str, str], sides_used: set[str]) -> list[str]:
    """The layout for phones: phase labels in two staggered lines, each name above its bar, the legend one item a line."""
    rows_bottom = PHONE_FIRST_ROW_Y + len(rows) * PHONE_ROW_HEIGHT
    legend = [side for side in SIDES if side.id in sides_used]
    height = rows_bottom + 16 + (len(legend) + len(FALL_MARKERS)) * PHONE_LEGEND_LINE + 8
    lines = [_svg_open("struggle-chart struggle-chart--phone", PHONE_WIDTH, height, "struggle-phone")]
    for number, (phase, (start, end)) in enumerate(PHASE_SPANS.items()):
        x1, x2 = _phone_x(start), _phone_x(end)
        lines.append(
            f'<rect class="phase-band phase-{phase}" x="{x1}" y="4" width="{round(x2 - x1, 1)}" '
            f'height="{rows_bottom - 4}" fill="currentColor" fill-opacity="{0.11 if number % 2 == 0 else 0.05}"/>'
        )
        # Alternate lines, so that the labels of short neighbouring phases never overlap.
        middle = min(max((x1 + x2) / 2, PHONE_LEFT + 40), PHONE_RIGHT - 40)
        lines.append(
            f'<text class="phase-label" x="{round(middle, 1)}" y="{18 if number % 2 == 0 else 34}" text-anchor="middle" '
            f'font-weight="700" {PHONE_TEXT}>{PHASE_LABELS[phase]}</text>'
        )
    lines.append(
        f'<line class="axis" x1="{PHONE_LEFT}" y1="{PHONE_AXIS_Y}" x2="{PHONE_RIGHT}" y2="{PHONE_AXIS_Y}" {LINE}/>'
    )
    for year in range(START_YEAR, END_YEAR + 1):
        x = _phone_x(Date(year))
        lines.append(f'<line class="tick" x1="{x}" y1="{PHONE_AXIS_Y - 3}" x2="{x}" y2="{PHONE_AXIS_Y + 3}" {LINE}/>')
        if (year - START_YEAR) % 4 == 0:
            anchor = "start" if year == START_YEAR else "middle"
            lines.append(
                f'<text class="year" x="{x}" y="{PHONE_AXIS_Y - 6}" text-anchor="{anchor}" {PHONE_TEXT}>{year}</text>'
            )
    for number, person in enumerate(rows):
        top = PHONE_FIRST_ROW_Y + number * PHONE_ROW_HEIGHT
        middle = top + 30
        lines += [
            f'<g class="person-row"><title>{attribute(person.name)}</title>',
            f'<text class="name" x="{PHONE_LEFT}" y="{top + 15}" font-weight="700" {PHONE_TEXT}>{attribute(person.name)}</text>',
            f'<line class="life" x1="{PHONE_LEFT}" y1="{middle}" x2="{_phone_x(_end_of_row(person))}" y2="{middle}" {LINE} '
            'stroke-opacity="0.5" stroke-dasharray="3 3"/>',
        ]
        # A fall at the right edge is drawn just inside it, so that the narrow picture does not cut it.
        lines += _bars_and_falls(person, middle, _phone_x, phase_titles, right_edge=PHONE_RIGHT - 6)
        lines.append("</g>")
    y = rows_bottom + 16
    for kind in legend:
        lines.append(
            f'<rect class="side-{kind.id}" x="{PHONE_LEFT}" y="{y}" width="18" height="{BAR_HEIGHT}" fill="{kind.colour}"/>'
        )
        lines.append(f'<text class="legend" x="{PHONE_LEFT + 26}" y="{y + 11}" {PHONE_TEXT}>{kind.legend}</text>')
        y += PHONE_LEGEND_LINE
    for group, label in FALL_MARKERS.items():
        lines.append(
            f'<g class="fall fall-{group}" transform="translate({PHONE_LEFT + 9} {y + 6})">{_shape(group)}</g>'
        )
        lines.append(f'<text class="legend" x="{PHONE_LEFT + 26}" y="{y + 11}" {PHONE_TEXT}>{label}</text>')
        y += PHONE_LEGEND_LINE
    return [*lines, "</svg>"]


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
    died = _end_of_row(person)
    lines = [
        f'<g class="person-row"><title>{attribute(person.name)}</title>',
        f'<text class="name" x="{LABEL_RIGHT}" y="{middle + 4}" text-anchor="end" {TEXT}>{attribute(person.name)}</text>',
        f'<line class="life" x1="{PLOT_LEFT}" y1="{middle}" x2="{_x(died)}" y2="{middle}" {LINE} stroke-opacity="0.5" '
        'stroke-dasharray="3 3"/>',
    ]
    lines += _bars_and_falls(person, middle, _x, phase_titles)
    lines.append("</g>")
    return lines


def _bars_and_falls(
    person: Person,
    middle: float,
    x_of: Callable[[Date], float],
    phase_titles: Mapping[str, str],
    right_edge: float | None = None,
) -> list[str]:
    """One person's side bars and fall markers on a row whose centre line is at ``middle``, in either layout."""
    lines = []
    for side, start, end, text in _bars(person, phase_titles):
        x1, x2 = x_of(start), x_of(end)
        lines.append(
            f'<rect class="side-{side}" x="{x1}" y="{middle - BAR_HEIGHT / 2}" width="{round(x2 - x1, 1)}" '
            f'height="{BAR_HEIGHT}" fill="{SIDES_BY_ID[side].colour}"><title>{attribute(text)}</title></rect>'
        )
    for fall in person.falls:
        x, group = x_of(fall.date), FALL_GROUPS[fall.kind]
        if right_edge is not None:
            x = min(x, right_edge)
        title = f"<title>{attribute(f'{person.name}: {fall.what} ({fall.date.display()})')}</title>"
        lines.append(f'<g class="fall fall-{group}" transform="translate({x} {middle})">{_shape(group)}{title}</g>')
    return lines


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
        x, row_y = LEGEND_LEFT + (number % 3) * LEGEND_COLUMN, y + (number // 3) * 20
        lines.append(
            f'<rect class="side-{kind.id}" x="{x}" y="{row_y}" width="18" height="{BAR_HEIGHT}" fill="{kind.colour}"/>'
        )
        lines.append(f'<text class="legend" x="{x + 24}" y="{row_y + 10}" {TEXT}>{kind.legend}</text>')
    for number, (group, label) in enumerate(FALL_MARKERS.items()):
        x, row_y = LEGEND_LEFT + (number % 3) * LEGEND_COLUMN, y + 48 + (number // 3) * 20
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
