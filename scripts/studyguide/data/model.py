"""The guide's vocabulary (phases, sides, kinds) and frozen dataclasses for its data, each field declared once."""

from __future__ import annotations

from dataclasses import dataclass, field

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The person the guide is about: the chart's first row and the one side whose every phase is carded.
SUBJECT = "stalin"


@dataclass(frozen=True)
class Date:
    """A New Style date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``: how much of the date is known."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """A key that orders dates, an unknown month or day sorting before known ones."""
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        """The date as written in the data files: ``1924``, ``1924-01`` or ``1924-01-21``."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """The date for readers, at its precision: ``1924``, ``January 1924`` or ``21 January 1924``."""
        if self.month is None:
            return str(self.year)
        month_year = f"{MONTHS[self.month - 1]} {self.year}"
        return month_year if self.day is None else f"{self.day} {month_year}"


# ----------------------------------------------------------------------------------------------------
# The vocabulary: every list the data may use, defined here once; pages, cards, the chart and the
# timeline filter's CSS are derived from these tuples.


@dataclass(frozen=True)
class Phase:
    """A phase of the power struggle, told by one chapter."""

    id: str
    chapter: str  # the number of the chapter that tells it, e.g. "02"
    label: str  # a short label for the chart's axis
    start: Date  # when the alignment began and ended, to the month, as the chart draws it
    end: Date


PHASES = (
    Phase("triumvirate", "02", "Triumvirate", Date(1922, 4), Date(1925, 12)),
    Phase("duumvirate", "03", "Duumvirate", Date(1925, 12), Date(1928, 7)),
    Phase("right-opposition", "04", "Right Opp.", Date(1928, 7), Date(1930, 12)),
    Phase("terror", "05", "Terror", Date(1934, 12), Date(1940, 8)),
)
PHASE_IDS = tuple(phase.id for phase in PHASES)
# Chapters that tell no phase of the struggle (chapter 1, the background) are filed under this one.
BACKGROUND = "background"


@dataclass(frozen=True)
class SideKind:
    """A side a person could take in a phase, with how each page words it."""

    id: str
    label: str  # on the Who's who, after the phase: "in opposition"
    answer: str  # a flashcard's answer: "In opposition to Stalin"
    legend: str  # the chart's legend
    colour: str  # the chart's fill, also used in print and the PDF


SIDES = (
    SideKind("leadership", "with the leadership", "With Stalin and the majority", "With Stalin's majority", "#c62828"),
    SideKind("opposition", "in opposition", "In opposition to Stalin", "In opposition", "#1565c0"),
    SideKind("neutral", "neutral", "Neutral or sidelined", "Neutral or sidelined", "#9e9e9e"),
    SideKind("exile", "in exile", "In exile", "In exile", "#ef8f00"),
    SideKind("victim", "victim", "A victim of the terror", "Victim of the terror", "#8e24aa"),
    SideKind("agent", "agent of the terror", "An agent of the terror", "Ran the terror", "#4e342e"),
)
SIDE_IDS = tuple(side.id for side in SIDES)
SIDES_BY_ID = {side.id: side for side in SIDES}


@dataclass(frozen=True)
class FallKind:
    """A kind of downfall, and the group of chart markers it is drawn with."""

    id: str
    marker: str


FALL_MARKERS = {  # marker -> legend
    "removed": "Removed or demoted",
    "expelled": "Expelled",
    "exiled": "Exiled or deported",
    "arrested": "Arrested",
    "killed": "Killed (shot, murdered or suicide)",
}
FALL_KINDS = (
    FallKind("demoted", "removed"), FallKind("removed", "removed"), FallKind("expelled", "expelled"),
    FallKind("exiled", "exiled"), FallKind("deported", "exiled"), FallKind("arrested", "arrested"),
    FallKind("executed", "killed"), FallKind("murdered", "killed"), FallKind("suicide", "killed"),
)  # fmt: skip
FALL_KIND_IDS = tuple(kind.id for kind in FALL_KINDS)

EVENT_KINDS = (
    "revolution", "war", "crisis", "protest", "congress", "appointment", "alliance", "illness", "incident",
    "death", "ceremony", "document", "policy", "removal", "expulsion", "arrest", "exile", "murder",
    "decree", "trial", "inquiry", "purge",
)  # fmt: skip
TERM_CATEGORIES = ("institution", "policy", "ideology", "faction", "event", "concept", "place")
REFERENCE_KINDS = ("encyclopedia", "primary", "book", "scholarly", "reference")
PRECISIONS = ("year", "month", "day")


# ----------------------------------------------------------------------------------------------------
# How a field is written in the data files. Each dataclass below is the one declaration of its file's
# fields: the loader reads, checks and reports on exactly these (see data/fields.py).


@dataclass(frozen=True)
class Datum:
    """How one field is read: its kind of value, whether it is required, its key and limits."""

    kind: str  # id, text, markdown, names, ids, choice, date, section, entries, sides, number, url, key
    required: bool = True
    key: str | None = None  # the key in the YAML file, where it differs from the field's name
    options: tuple[str, ...] = ()  # for choice
    max_length: int | None = None
    item: type | None = None  # for entries: the dataclass of each item
    noun: str = ""  # for entries: how messages name one item ("post")


def datum(kind: str, **spec) -> object:
    """A dataclass field read from the data as ``kind`` (see :class:`Datum`)."""
    return field(metadata={"datum": Datum(kind, **spec)})


# Caps that keep every message and page bounded, whatever a contributor writes.
DEFINITION_MAX = 200
NAME_MAX = 120
TEXT_MAX = 600
MARKDOWN_MAX = 6000


@dataclass(frozen=True)
class Reference:
    """A source in the bibliography (``data/references.yml``)."""

    id: str = datum("id")
    author: str = datum("text", max_length=NAME_MAX)
    title: str = datum("text", max_length=TEXT_MAX)
    year: int | None = datum("number", required=False)
    url: str = datum("url")
    kind: str = datum("choice", options=REFERENCE_KINDS)
    note: str = datum("text", required=False, max_length=TEXT_MAX)

    @property
    def short(self) -> str:
        """A compact citation: ``Kotkin 2014`` for a book, ``Encyclopaedia Britannica: Joseph Stalin`` otherwise."""
        if self.kind in ("book", "scholarly"):
            return f"{self.author} {self.year}" if self.year else self.author
        return f"{self.author}: {self.title}"


@dataclass(frozen=True)
class Term:
    """A glossary entry."""

    id: str = datum("id")
    term: str = datum("text", max_length=NAME_MAX)
    aliases: tuple[str, ...] = datum("names", required=False)
    category: str = datum("choice", options=TERM_CATEGORIES)
    definition: str = datum("text", max_length=DEFINITION_MAX)
    explanation: str = datum("markdown", required=False)
    related: tuple[str, ...] = datum("ids", required=False)


@dataclass(frozen=True)
class Post:
    """An office a person held, with the dates it began and ended where known."""

    title: str = datum("text", max_length=TEXT_MAX)
    start: Date | None = datum("date", required=False, key="from")
    end: Date | None = datum("date", required=False, key="to")


@dataclass(frozen=True)
class Side:
    """Where a person stood in one phase of the power struggle."""

    phase: str = datum("key")  # the phase is the key the side is written under
    side: str = datum("choice", options=SIDE_IDS)
    note: str = datum("text", max_length=TEXT_MAX)


@dataclass(frozen=True)
class Fall:
    """One step in a person's downfall: a removal, expulsion, exile or death."""

    date: Date = datum("date")
    kind: str = datum("choice", options=FALL_KIND_IDS)
    what: str = datum("text", max_length=TEXT_MAX)


@dataclass(frozen=True)
class Person:
    """A who's-who entry."""

    id: str = datum("id")
    name: str = datum("text", max_length=NAME_MAX)
    full_name: str = datum("text", max_length=NAME_MAX)
    aliases: tuple[str, ...] = datum("names")
    born: Date = datum("date")
    died: Date | None = datum("date", required=False)
    posts: tuple[Post, ...] = datum("entries", item=Post, noun="post")
    sides: tuple[Side, ...] = datum("sides", item=Side)
    falls: tuple[Fall, ...] = datum("entries", required=False, item=Fall, noun="fall")
    fate: str = datum("text", max_length=TEXT_MAX)
    profile: str = datum("markdown")
    sources: tuple[str, ...] = datum("ids")
    # Misspellings and other transliterations readers type into the search (Ryton, Trotski): indexed for
    # the site search only, never matched by the cross-linker and never shown as the person's names.
    search_aliases: tuple[str, ...] = datum("names", required=False)

    @property
    def life(self) -> str:
        """Years of birth and death, e.g. ``1883–1936``."""
        return f"{self.born.year}–{self.died.year if self.died else ''}"

    @property
    def role(self) -> str:
        """The profile's first sentence, without its full stop: who the person was."""
        return self.profile.split(". ")[0].rstrip(".")

    @property
    def summary(self) -> str:
        """The hover text for links to this person: name, years and role."""
        return f"{self.name} ({self.life}): {self.role}."


@dataclass(frozen=True)
class SectionRef:
    """A heading in a chapter: the chapter's file stem and the heading's anchor."""

    chapter: str
    anchor: str

    @property
    def src_path(self) -> str:
        """The chapter's path inside ``docs/``."""
        return f"chapters/{self.chapter}.md"

    def __str__(self) -> str:
        return f"{self.chapter}#{self.anchor}"


@dataclass(frozen=True)
class Event:
    """A dated event on the timeline."""

    id: str = datum("id")
    date: Date = datum("date")
    precision: str = datum("choice", options=PRECISIONS)
    title: str = datum("text", max_length=TEXT_MAX)
    summary: str = datum("text", max_length=MARKDOWN_MAX)
    section: SectionRef = datum("section")
    people: tuple[str, ...] = datum("ids", required=False)
    kind: str = datum("choice", options=EVENT_KINDS)
    note: str = datum("text", required=False, max_length=MARKDOWN_MAX)
    sources: tuple[str, ...] = datum("ids")


# ----------------------------------------------------------------------------------------------------
# What the build derives: chapters read from docs/, and the checked data as a whole.


@dataclass(frozen=True)
class Chapter:
    """A chapter as data sees it: its file stem, title, period and the headings that can be linked to."""

    stem: str
    title: str
    period: str
    headings: dict[str, str]  # anchor -> heading text

    @property
    def src_path(self) -> str:
        """The chapter's path inside ``docs/``."""
        return f"chapters/{self.stem}.md"

    @property
    def phase(self) -> str:
        """The phase of the struggle the chapter tells (``background`` for one that tells none)."""
        return next((phase.id for phase in PHASES if phase.chapter == self.stem[:2]), BACKGROUND)

    @property
    def heading(self) -> str:
        """The chapter's title with its period, e.g. ``The Triumvirate (1922–1925)``."""
        return f"{self.title} ({self.period})" if self.period else self.title


@dataclass(frozen=True)
class Mention:
    """A place where the linker linked an entry: a section of a hand-written page."""

    key: str  # "term:politburo" or "person:stalin"
    page: str  # path inside docs/
    page_title: str
    anchor: str  # the section heading's id ("" before the first heading)
    section_title: str


@dataclass(frozen=True)
class GuideData:
    """Everything loaded from ``data/``, validated and cross-checked."""

    terms: tuple[Term, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]
    references: tuple[Reference, ...]
    chapters: dict[str, Chapter]
    citing_pages: dict[str, tuple[str, ...]]  # reference id -> hand-written pages that cite it
    misconceptions: tuple[Misconception, ...] = ()

    @property
    def phase_titles(self) -> dict[str, str]:
        """Each phase's full title: its chapter's title and period, or its short label without a chapter."""
        titles = {phase.id: phase.label for phase in PHASES}
        titles.update({chapter.phase: chapter.heading for chapter in self.chapters.values() if chapter.phase in titles})
        return titles

    def phase_chapter(self, phase: str) -> Chapter | None:
        """The chapter that tells ``phase``, if the guide has it."""
        return next((chapter for chapter in self.chapters.values() if chapter.phase == phase), None)


# ----------------------------------------------------------------------------------------------------
# Known misconceptions (``data/misconceptions.yml``): what the checker flags, the About the notes
# corrections table and the true-or-false cards all come from these entries.

SOURCE_NOTES = ("000", "001", "002", "003", "004")  # the five student notes the guide began from


@dataclass(frozen=True)
class Misconception:
    """A known error: the claim, how a sentence making it is recognised, what is right and where it is explained."""

    id: str = datum("id")
    claim: str = datum("text", max_length=DEFINITION_MAX)  # the wrong claim, stated plainly
    notes: tuple[str, ...] = datum("names", required=False)  # which source notes made it
    says: str = datum("markdown", required=False, max_length=TEXT_MAX)  # what the notes say, paraphrased
    correction: str = datum("markdown", max_length=1200)  # what is right (without the "See ..." link)
    section: SectionRef = datum("section")
    see_also: tuple[str, ...] = datum("names", required=False)  # further sections: chapter#anchor or #anchor
    sources: tuple[str, ...] = datum("ids")
    patterns: tuple[str, ...] = datum("names", required=False)  # "Trotsky + exiled | deported + Mexico"
    unless: tuple[str, ...] = datum("names", required=False)  # words that show a sentence is not the claim
