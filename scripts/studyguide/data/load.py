"""Loads every data file, checks each entry and cross-reference, and reports all problems together."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..checker.patterns import check_misconception, check_see_also
from ..paths import DATA_DIR, DOCS_DIR
from .chapters import cited_references, read_chapters
from .fields import ID_PATTERN, EntryReader, declared_fields, read_entry
from .model import SUBJECT, Chapter, Event, GuideData, Misconception, Person, Reference, Term
from .problems import DataError, ProblemLog
from .yaml_reader import read_entries

# Anchors the generated pages make themselves (glossary letters, timeline years, timeline filters): an
# entry's id is its anchor too, and two elements with one id break links and the PDF.
RESERVED_ID = re.compile(r"^(?:letter-(?:[a-z]|0-9)|year-\d+|tl-[a-z0-9-]+|__.*)$")
# Words too common to link: as a name or alias, every "the" in the guide would become a link.
_COMMON = """
a an the and or but if of in on at to for from by with as is was were be been are it its this that these
those he she they his her their him them we you i not no yes so than then there here who whom which what
when where why how all any some one two three new old first last party state power leader leaders people
man men war year years day days time left right central general secretary committee congress
"""
COMMON_WORDS = frozenset(_COMMON.split())

# Each data file and the dataclass of its entries, in the order they are checked.
DATA_FILES = {
    "references.yml": Reference, "glossary.yml": Term, "people.yml": Person, "timeline.yml": Event,
    "misconceptions.yml": Misconception,
}


def load_guide_data(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR) -> GuideData:
    """Load and check everything in ``data_dir`` against the pages in ``docs_dir``.

    Raises:
        DataError: listing every problem in every file, when there is at least one.
    """
    logs = {name: ProblemLog(f"data/{name}") for name in DATA_FILES}
    checks = {
        "glossary.yml": _check_term, "people.yml": _check_person, "timeline.yml": _check_event,
        "misconceptions.yml": check_misconception,
    }
    loaded = {name: _entries(data_dir / name, logs[name], cls, checks.get(name)) for name, cls in DATA_FILES.items()}
    references, reference_ids = loaded["references.yml"]
    terms, term_ids = loaded["glossary.yml"]
    people, person_ids = loaded["people.yml"]
    events, _ = loaded["timeline.yml"]
    misconceptions, _ = loaded["misconceptions.yml"]

    # References are checked against every id a file declares, even on entries with problems of
    # their own, and not at all against a file that could not be read: one mistake, one message.
    chapter_log = ProblemLog("docs/chapters")
    chapters = read_chapters(docs_dir, chapter_log)
    citing_pages = cited_references(docs_dir)
    if term_ids is not None:
        _check_ids(terms, "related", term_ids, "a term", "glossary.yml", logs["glossary.yml"])
    if person_ids is not None:
        _check_ids(events, "people", person_ids, "a person", "people.yml", logs["timeline.yml"])
        if SUBJECT not in person_ids:
            logs["people.yml"].add(
                f"entry '{SUBJECT}'", "the guide's subject is missing", f"add an entry with id '{SUBJECT}'"
            )
    if reference_ids is not None:
        for name, entries in (("people.yml", people), ("timeline.yml", events), ("misconceptions.yml", misconceptions)):
            _check_ids(entries, "sources", reference_ids, "a reference", "references.yml", logs[name])
        _check_references_used(
            references, [*people, *events, *misconceptions], set(citing_pages), logs["references.yml"]
        )
        _check_references_distinct(references, logs["references.yml"])
        for reference, pages in sorted(citing_pages.items()):
            if reference not in reference_ids:
                for page in pages:
                    chapter_log.add(
                        f"docs/{page}",
                        f"it cites 'sources.md#{reference}', which is not in data/references.yml",
                        "use the id of a reference, or add the reference",
                    )
    _check_aliases_unique(terms, people, logs)
    _check_search_aliases(people, logs["people.yml"])
    if not chapter_log.problems:
        _check_sections(events, chapters, logs["timeline.yml"])
        _check_sections(misconceptions, chapters, logs["misconceptions.yml"])
        check_see_also(misconceptions, chapters, logs["misconceptions.yml"])

    problems = [problem for log in [*logs.values(), chapter_log] for problem in log.problems]
    if problems:
        raise DataError(problems)
    return GuideData(
        terms=tuple(sorted(terms, key=lambda term: term.term.casefold())),
        people=tuple(sorted(people, key=lambda person: person.name.split()[-1].casefold())),
        events=tuple(sorted(events, key=lambda event: (event.date.sort_key, event.id))),
        references=tuple(sorted(references, key=lambda reference: reference.id)),
        chapters=chapters,
        misconceptions=tuple(misconceptions),
        citing_pages={
            reference: pages for reference, pages in citing_pages.items() if reference in (reference_ids or ())
        },
    )


def _entries(path: Path, log: ProblemLog, cls: type, check: Callable | None) -> tuple[list, set[str] | None]:
    """Read every entry of one file as ``cls``, dropping broken entries and duplicate ids.

    Returns:
        The entries without problems, and every id the file declares (None if it could not be read).
    """
    built, seen = [], {}
    raw_entries = read_entries(path, log)
    if not raw_entries:
        return [], None
    # When an entry's id cannot be read, references to it would all be reported as unknown too: the
    # cause is reported once and the file's ids are not checked against (None).
    ids_complete = all(
        isinstance(raw, dict) and isinstance(raw.get("id"), str) and ID_PATTERN.match(raw["id"]) for raw in raw_entries
    )
    fields = declared_fields(cls)
    for number, raw in enumerate(raw_entries, start=1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        label = f"entry '{raw_id}'" if isinstance(raw_id, str) and raw_id and len(raw_id) <= 80 else f"entry {number}"
        reader = EntryReader(log, raw, label, fields)
        if not reader.ok:
            continue
        before = len(log.problems)
        item = read_entry(cls, reader)
        if check is not None:
            check(item, reader)
        if isinstance(raw_id, str) and raw_id in seen:
            reader.problem(f"the id '{raw_id}' is already used by entry {seen[raw_id]}", "give each entry its own id")
        elif isinstance(raw_id, str) and raw_id:
            seen[raw_id] = number
        if isinstance(raw_id, str) and RESERVED_ID.match(raw_id):
            reader.problem(
                f"the id '{raw_id[:40]}' is also an anchor the generated pages use (letter-…, year-…, tl-…)",
                "choose another id",
            )
        if len(log.problems) == before:
            built.append(item)
    return built, set(seen) if ids_complete else None


def _check_term(term: Term, entry: EntryReader) -> None:
    if term.related and term.id in term.related:
        entry.problem("'related' names the term itself", f"remove '{term.id}' from 'related'")


def _check_person(person: Person, entry: EntryReader) -> None:
    born, died = person.born, person.died
    if born and died and died.sort_key < born.sort_key:
        entry.problem(f"'died' ({died.iso()}) is before 'born' ({born.iso()})", "check both dates")
    for number, post in enumerate(person.posts, start=1):
        if post.start and post.end and post.end.sort_key < post.start.sort_key:
            entry.log.add(
                f"{entry.label}, post {number}",
                f"'to' ({post.end.iso()}) is before 'from' ({post.start.iso()})",
                "check both dates",
            )
    for number, fall in enumerate(person.falls, start=1):
        if fall.date and died and fall.date.year > died.year:
            entry.log.add(
                f"{entry.label}, fall {number}",
                f"the date {fall.date.iso()} is after the person's death ({died.iso()})",
                "check the date",
            )


def _check_event(event: Event, entry: EntryReader) -> None:
    if event.date and event.precision and event.date.precision != event.precision:
        entry.problem(
            f"the date {event.date.iso()} is given to the {event.date.precision}, "
            f"but 'precision' says {event.precision}",
            "give the date to the stated precision (e.g. 1925-12 for a month) or correct 'precision'",
        )


def _check_ids(entries, field: str, ids: set[str], what: str, file: str, log: ProblemLog) -> None:
    """Every id that ``field`` names must be declared in ``file``."""
    for item in entries:
        for named in getattr(item, field):
            if named not in ids:
                log.add(
                    f"entry '{item.id}'",
                    f"'{field}' names '{named}', which is not {what} in {file}",
                    f"use an id from data/{file}",
                )


def _check_references_used(
    references: list[Reference], citing: list, cited_by_pages: set[str], log: ProblemLog
) -> None:
    """A reference nothing cites is a mistake: either a citation was lost or the entry is left over."""
    cited = {source for item in citing for source in item.sources} | cited_by_pages
    for reference in references:
        if reference.id not in cited:
            log.add(
                f"entry '{reference.id}'",
                "no event, person or page cites this reference",
                "cite it in 'sources' of the entries it supports, or remove it",
            )


def _page_key(url: str) -> str:
    """The page a URL names, ignoring what does not change it: scheme, ``www.``, case of host, a final slash."""
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return f"{host.lower().removeprefix('www.')}/{path.rstrip('/')}"


def _check_references_distinct(references: list[Reference], log: ProblemLog) -> None:
    """Two entries for one page split its citations and list it twice on the Sources page."""
    first: dict[str, str] = {}
    for reference in references:
        key = _page_key(reference.url)
        if key in first:
            log.add(
                f"entry '{reference.id}'",
                f"it is the same page as entry '{first[key]}'",
                f"cite '{first[key]}' instead, and move anything in this entry's note into that entry's",
            )
        else:
            first[key] = reference.id


def _check_aliases_unique(terms: list[Term], people: list[Person], logs: dict[str, ProblemLog]) -> None:
    """Every name the linker matches must lead to exactly one entry, across both files."""
    owners: dict[str, tuple[str, str]] = {}  # the name, folded for case -> (owner, the name as written)
    named = [("glossary.yml", term.id, (term.term, *term.aliases)) for term in terms]
    named += [("people.yml", person.id, (person.name, *person.aliases)) for person in people]
    for file, entry_id, names in named:
        for name in dict.fromkeys(names):
            if name.casefold() in COMMON_WORDS:
                logs[file].add(
                    f"entry '{entry_id}'",
                    f"the name or alias '{name}' is a common word, so every '{name}' in the guide would become a link",
                    "remove it or use a longer, specific name",
                )
                continue
            # Folded for case: the linker also matches a lower-case name capitalised, so "politburo" on one
            # entry and "Politburo" on another would send the same word to two places.
            key = name.replace("’", "'").casefold()
            me = f"data/{file} entry '{entry_id}'"
            owner, written = owners.setdefault(key, (me, name))
            if owner != me:
                same = (
                    "is already claimed by" if written == name else f"differs only in case from '{written}', claimed by"
                )
                message = f"the name or alias '{name}' {same} {owner}"
                logs[file].add(f"entry '{entry_id}'", message, "keep each alias on one entry only")


def _check_search_aliases(people: list[Person], log: ProblemLog) -> None:
    """A misspelling kept for the search must not be another person's name, or another person's misspelling:
    the search would then offer the wrong person for it (and the checker would let that name pass)."""
    names: dict[str, Person] = {}  # every word of every person's names, folded for case -> its person
    spellings: dict[str, Person] = {}  # every search alias, folded -> the first person to list it
    for person in people:
        for name in (person.name, person.full_name, *person.aliases):
            for word in name.split():
                names.setdefault(word.casefold(), person)
    for person in people:
        for alias in person.search_aliases:
            key = alias.casefold()
            other, what, fix = names.get(key), "a name of", "remove it from 'search_aliases'"
            if other is None or other is person:
                other, what = spellings.setdefault(key, person), "also a search alias of"
                fix = "keep it on one person only"
            if other is not person:
                log.add(
                    f"entry '{person.id}'",
                    f"the search alias '{alias}' is {what} data/people.yml entry '{other.id}' ({other.name}), "
                    "so searching for that person would also offer this one",
                    fix,
                )


def _check_sections(events: list[Event], chapters: dict[str, Chapter], log: ProblemLog) -> None:
    for event in events:
        label = f"entry '{event.id}'"
        looks_like_a_chapter = re.fullmatch(r"\d\d-[a-z0-9-]+", event.section.chapter)
        if event.section.chapter not in chapters and looks_like_a_chapter and event.section.anchor:
            log.add(
                label,
                f"'section' points at docs/chapters/{event.section.chapter}.md, which is missing",
                f"restore the chapter, or point 'section' at one of: {', '.join(sorted(chapters))}",
            )
        elif event.section.chapter not in chapters or not event.section.anchor:
            log.add(
                label,
                f"'section' is '{event.section}', which names no chapter",
                f"write it as chapter#anchor with one of: {', '.join(sorted(chapters))}",
            )
        elif event.section.anchor not in chapters[event.section.chapter].headings:
            log.add(
                label,
                f"'section' points at '#{event.section.anchor}', "
                f"which is not a heading in docs/{event.section.src_path}",
                "use the {#anchor} of a heading in that chapter, or restore the heading",
            )
