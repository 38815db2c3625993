"""Reads typed fields out of one YAML entry, logging a problem (never raising) for each bad value."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
from urllib.parse import urlsplit

from .model import PHASE_IDS, Date, Datum, SectionRef
from .problems import ProblemLog

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
PLAUSIBLE_YEARS = range(1840, 2001)
ID_MAX = 80
LIST_MAX = 50  # items in a list field (aliases, related, people, sources)
NAME_LIMIT = 120  # characters in one item of a list field
# Markup an HTML parser would act on: a tag (<img, </a, <!--) or a character reference (&lt; &#60;
# &name; and &lt without its semicolon). "R&D" and "a < b" are text.
MARKUP = re.compile(r"<(?=[A-Za-z/!?])|&(?=#|[A-Za-z][A-Za-z0-9]*;|lt|LT)")
MARKUP_OR_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]\S*|&\S*")


class EntryReader:
    """Typed access to the fields of one entry, with every problem logged against that entry."""

    def __init__(self, log: ProblemLog, raw: object, label: str, fields: dict[str, bool]):
        """Check the entry's shape.

        Args:
            log: Where problems go.
            raw: The entry as YAML gave it.
            label: How messages name the entry, e.g. ``entry 'politburo'``.
            fields: Every field the entry may have, mapped to whether it is required.
        """
        self.log = log
        self.label = label
        self.raw = raw if isinstance(raw, dict) else {}
        self.ok = isinstance(raw, dict)
        if not self.ok:
            log.add(
                label, f"it is a {type(raw).__name__}, not a set of fields", "write the entry as 'key: value' lines"
            )
            return
        suggested = set()
        for name in self.raw:
            if name not in fields:
                close = difflib.get_close_matches(str(name), [f for f in fields if f not in self.raw], n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"the fields are: {', '.join(fields)}"
                suggested.update(close)
                log.add(label, f"unknown field '{name}'", f"remove it or rename it ({hint})")
        for name, required in fields.items():
            # A misspelt field is reported once, as unknown, not again as missing.
            value = self.raw.get(name)
            if required and name not in suggested and (value is None or (isinstance(value, str) and not value.strip())):
                log.add(label, f"the required field '{name}' is missing", f"add '{name}:' with a value")

    def problem(self, message: str, fix: str) -> None:
        """Log a problem against this entry."""
        self.log.add(self.label, message, fix)

    def text(self, name: str, *, max_length: int | None = None, plain: bool = True) -> str:
        """A text field ('' when absent or wrong), capped at ``max_length`` characters.

        ``plain`` text may hold no HTML, and its line breaks are folded into spaces: a newline in a
        title must not start a Markdown heading or box on the pages it is shown on.
        """
        value = self.raw.get(name)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(f"'{name}' should be text, not a {type(value).__name__}", f"write '{name}' as plain text")
            return ""
        value = str(value).strip()
        # The length is checked first, so that nothing below ever works on an unbounded value.
        if max_length and len(value) > max_length:
            self.problem(
                f"'{name}' is {len(value)} characters long, over the limit of {max_length}",
                f"shorten it to at most {max_length} characters",
            )
            return ""
        if plain:
            value = " ".join(value.split())
        # Neither kind of text may hold HTML: a tag, or a character reference such as &lt; that a
        # browser would turn back into one (Material's tooltips insert hover text as HTML).
        if MARKUP.search(value) or re.search(r"<\s*/?\s*[A-Za-z!?]", value):
            what = "plain text" if plain else "Markdown"
            self.problem(
                f"'{name}' contains HTML ('{_shorten(MARKUP_OR_TAG.search(value).group(), 20)}')",
                f"write '{name}' as {what}, without tags such as <script> or codes such as &lt;",
            )
            return ""
        return value

    def text_list(self, name: str) -> tuple[str, ...]:
        """A list of text values (empty when absent or wrong)."""
        value = self.raw.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, (str, int)) and not isinstance(item, bool) for item in value
        ):
            self.problem(f"'{name}' should be a list of text values", f"write it as {name}: [first, second]")
            return ()
        items = tuple(" ".join(str(item).split()) for item in value)
        if len(items) > LIST_MAX:
            self.problem(f"'{name}' has {len(items)} items, over the limit of {LIST_MAX}", "keep the list short")
            return ()
        for item in items:
            if not item:
                self.problem(f"'{name}' has an empty item", f"remove the empty item ('') from '{name}'")
                return ()
            if len(item) > NAME_LIMIT:
                self.problem(
                    f"an item of '{name}' is {len(item)} characters long, over the limit of {NAME_LIMIT}", "shorten it"
                )
                return ()
            if MARKUP.search(item) or re.search(r"<\s*/?\s*[A-Za-z!?]", item):
                self.problem(
                    f"an item of '{name}' contains HTML ('{_shorten(item, 20)}')",
                    f"write each item of '{name}' as plain text",
                )
                return ()
        return items

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        """A field whose value must be one of ``options``."""
        value = self.raw.get(name)
        if value is None:
            return ""
        if value not in options:
            self.problem(
                f"'{name}' is '{_shorten(value)}', which is not one of the allowed values",
                f"use one of: {', '.join(options)}",
            )
            return ""
        return value

    def identifier(self, name: str = "id") -> str:
        """An id: lower-case letters, digits and single hyphens."""
        value = self.raw.get(name)
        if value is None:
            return ""
        if not isinstance(value, str) or not ID_PATTERN.match(value) or len(value) > ID_MAX:
            self.problem(
                f"the {name} '{_shorten(value)}' is not a valid id",
                f"use at most {ID_MAX} lower-case letters, digits and hyphens, e.g. 'socialism-in-one-country'",
            )
            return ""
        return value

    def date(self, name: str) -> Date | None:
        """A date written as YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar."""
        value = self.raw.get(name)
        if value is None:
            return None
        return parse_date(value, lambda message, fix: self.problem(f"'{name}': {message}", fix))

    def mapping(self, name: str) -> dict:
        """A nested set of fields (empty when absent or wrong)."""
        value = self.raw.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(f"'{name}' should be a set of 'key: value' lines", f"indent the fields of '{name}' under it")
            return {}
        return value

    def items(self, name: str) -> list:
        """A list of nested entries (empty when absent or wrong)."""
        value = self.raw.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(f"'{name}' should be a list", f"start each item of '{name}' with '- '")
            return []
        return value


def parse_date(value: object, report) -> Date | None:
    """Parse a data-file date, calling ``report(message, fix)`` and returning None when it is wrong."""
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    match = DATE_PATTERN.match(text) if text is not None else None
    if match is None:
        report(f"'{value}' is not a date", "write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1924-01-21")
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    if year not in PLAUSIBLE_YEARS:
        report(
            f"the year {year} is outside this guide's period",
            f"check the year; it should lie between {PLAUSIBLE_YEARS.start} and {PLAUSIBLE_YEARS.stop - 1}",
        )
        return None
    if month is not None and not 1 <= month <= 12:
        report(f"'{text}' has no month {month}", "months run from 01 to 12")
        return None
    if day is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            report(f"'{text}' is not a day in the calendar", "check the day of the month")
            return None
    return Date(year, month, day)


def read_entry(cls: type, entry: EntryReader):
    """Build a ``cls`` (a dataclass declared with ``datum`` fields) from one entry's fields."""
    values = {}
    for item in dataclasses.fields(cls):
        spec: Datum = item.metadata["datum"]
        values[item.name] = _READERS[spec.kind](entry, spec.key or item.name, spec)
    return cls(**values)


def declared_fields(cls: type) -> dict[str, bool]:
    """The keys an entry of ``cls`` may have in the data, mapped to whether each is required."""
    fields = {}
    for item in dataclasses.fields(cls):
        spec: Datum = item.metadata["datum"]
        if spec.kind != "key":
            fields[spec.key or item.name] = spec.required
    return fields


def _entries(entry: EntryReader, name: str, spec: Datum) -> tuple:
    built = []
    for number, raw in enumerate(entry.items(name), start=1):
        item = EntryReader(entry.log, raw, f"{entry.label}, {spec.noun} {number}", declared_fields(spec.item))
        if item.ok:
            built.append(read_entry(spec.item, item))
    return tuple(built)


def _sides(entry: EntryReader, name: str, spec: Datum) -> tuple:
    sides = []
    for phase, raw in entry.mapping(name).items():
        if phase not in PHASE_IDS:
            entry.problem(f"'{name}' names an unknown phase '{phase}'", f"use one of: {', '.join(PHASE_IDS)}")
            continue
        side = EntryReader(entry.log, raw, f"{entry.label}, {name}.{phase}", declared_fields(spec.item))
        if side.ok:
            sides.append(dataclasses.replace(read_entry(spec.item, side), phase=phase))
    return tuple(sorted(sides, key=lambda side: PHASE_IDS.index(side.phase)))


def _section(entry: EntryReader, name: str, spec: Datum) -> SectionRef:
    chapter, _, anchor = entry.text(name, max_length=spec.max_length or 200).partition("#")
    return SectionRef(chapter.strip(), anchor.strip())


def _number(entry: EntryReader, name: str, spec: Datum) -> int | None:
    value = entry.raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10000:
        entry.problem(f"'{name}' is '{_shorten(value)}', not a year", f"write '{name}' as four digits, e.g. 2014")
        return None
    return value


def _url(entry: EntryReader, name: str, spec: Datum) -> str:
    value = entry.text(name, max_length=2000)
    if value and not is_web_address(value):
        entry.problem(f"'{name}' is not a web address", "give the full http:// or https:// address of the page")
        return ""
    return value


def is_web_address(value: str) -> bool:
    """True for an http(s) URL with a host and no spaces, quotes or angle brackets."""
    # An apostrophe is allowed (Wikipedia titles have them): every URL is escaped where it is written.
    if re.search(r"[\s\"<>`\\]", value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and "." in parts.hostname.strip(".")


def _shorten(value: object, limit: int = 60) -> str:
    """A value as a message may echo it: never more than ``limit`` characters, and never a whole structure."""
    if not isinstance(value, (str, int, float, bool)) and value is not None:
        return f"a {type(value).__name__}"
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_READERS = {
    "id": lambda entry, name, spec: entry.identifier(name),
    "key": lambda entry, name, spec: "",
    "text": lambda entry, name, spec: entry.text(name, max_length=spec.max_length),
    "markdown": lambda entry, name, spec: entry.text(name, max_length=spec.max_length or MARKDOWN_LIMIT, plain=False),
    "names": lambda entry, name, spec: entry.text_list(name),
    "ids": lambda entry, name, spec: entry.text_list(name),
    "choice": lambda entry, name, spec: entry.choice(name, spec.options),
    "date": lambda entry, name, spec: entry.date(name),
    "number": _number,
    "url": _url,
    "section": _section,
    "entries": _entries,
    "sides": _sides,
}
MARKDOWN_LIMIT = 6000
