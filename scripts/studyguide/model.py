"""Frozen dataclasses for the guide's data: dates with a precision, terms, people and events."""

from __future__ import annotations

from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

TERM_CATEGORIES = ("institution", "policy", "ideology", "faction", "event", "concept", "place")
PHASES = ("triumvirate", "duumvirate", "right-opposition", "terror")
PHASE_TITLES = {
    "triumvirate": "The Triumvirate (1922–1925)",
    "duumvirate": "The Duumvirate (1925–1928)",
    "right-opposition": "The Right Opposition (1928–1930)",
    "terror": "Kirov and the Terror (1934–1940)",
}
# The chapters' numbers, mapped to the phase each covers; the timeline filters by phase.
CHAPTER_PHASES = {"01": "background", "02": "triumvirate", "03": "duumvirate", "04": "right-opposition", "05": "terror"}
SIDES = ("leadership", "opposition", "neutral", "victim", "agent", "exile")
FALL_KINDS = ("demoted", "removed", "expelled", "exiled", "deported", "arrested", "executed", "murdered", "suicide")
EVENT_KINDS = (
    "revolution", "war", "congress", "appointment", "alliance", "illness", "death", "document",
    "policy", "removal", "expulsion", "exile", "murder", "decree", "trial", "purge",
)  # fmt: skip


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
class Chapter:
    """A chapter as data sees it: its file stem, title and the headings that can be linked to."""

    stem: str
    title: str
    headings: dict[str, str]  # anchor -> heading text

    @property
    def src_path(self) -> str:
        """The chapter's path inside ``docs/``."""
        return f"chapters/{self.stem}.md"

    @property
    def phase(self) -> str:
        """The phase of the struggle the chapter covers (``background`` for chapter 1)."""
        return CHAPTER_PHASES.get(self.stem[:2], "background")


@dataclass(frozen=True)
class Term:
    """A glossary entry."""

    id: str
    term: str
    aliases: tuple[str, ...]
    category: str
    definition: str
    explanation: str
    related: tuple[str, ...]


@dataclass(frozen=True)
class Post:
    """An office a person held, with the dates it began and ended where known."""

    title: str
    start: Date | None
    end: Date | None


@dataclass(frozen=True)
class Side:
    """Where a person stood in one phase of the power struggle."""

    phase: str
    side: str
    note: str


@dataclass(frozen=True)
class Fall:
    """One step in a person's downfall: a removal, expulsion, exile or death."""

    date: Date
    kind: str
    what: str


@dataclass(frozen=True)
class Person:
    """A who's-who entry."""

    id: str
    name: str
    full_name: str
    aliases: tuple[str, ...]
    born: Date
    died: Date | None
    posts: tuple[Post, ...]
    sides: tuple[Side, ...]
    falls: tuple[Fall, ...]
    fate: str
    profile: str

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
class Event:
    """A dated event on the timeline."""

    id: str
    date: Date
    title: str
    summary: str
    section: SectionRef
    people: tuple[str, ...]
    kind: str
    note: str


@dataclass(frozen=True)
class GuideData:
    """Everything loaded from ``data/``, validated and cross-checked."""

    terms: tuple[Term, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]
    chapters: dict[str, Chapter]
