"""Loads glossary, people and timeline data, checks every entry and cross-reference, and reports all problems."""

from __future__ import annotations

from pathlib import Path

from .anchors import read_chapters
from .fields import EntryReader
from .model import (
    EVENT_KINDS, FALL_KINDS, PHASES, SIDES, TERM_CATEGORIES,
    Chapter, Event, Fall, GuideData, Person, Post, SectionRef, Side, Term,
)  # fmt: skip
from .paths import DATA_DIR, DOCS_DIR
from .problems import DataError, ProblemLog
from .yaml_reader import read_entries

DEFINITION_MAX = 200
TERM_FIELDS = {"id": True, "term": True, "aliases": False, "category": True, "definition": True,
               "explanation": False, "related": False}  # fmt: skip
PERSON_FIELDS = {"id": True, "name": True, "full_name": True, "aliases": True, "born": True, "died": False,
                 "posts": True, "sides": True, "falls": False, "fate": True, "profile": True}  # fmt: skip
EVENT_FIELDS = {"id": True, "date": True, "precision": True, "title": True, "summary": True, "section": True,
                "people": False, "kind": True, "note": False}  # fmt: skip


def load_guide_data(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR) -> GuideData:
    """Load and check everything in ``data_dir`` against the chapters in ``docs_dir``.

    Raises:
        DataError: listing every problem in every file, when there is at least one.
    """
    logs = {name: ProblemLog(f"data/{name}") for name in ("glossary.yml", "people.yml", "timeline.yml")}
    terms, term_ids = _entries(data_dir / "glossary.yml", logs["glossary.yml"], TERM_FIELDS, _term)
    people, person_ids = _entries(data_dir / "people.yml", logs["people.yml"], PERSON_FIELDS, _person)
    events, _ = _entries(data_dir / "timeline.yml", logs["timeline.yml"], EVENT_FIELDS, _event)

    # References are checked against every id a file declares, even on entries with problems of
    # their own, and not at all against a file that could not be read: one mistake, one message.
    if term_ids is not None:
        _check_related_terms(terms, term_ids, logs["glossary.yml"])
    _check_aliases_unique(terms, people, logs)
    chapters = read_chapters(docs_dir)
    _check_event_references(events, person_ids, chapters, logs["timeline.yml"])

    problems = [problem for log in logs.values() for problem in log.problems]
    if problems:
        raise DataError(problems)
    return GuideData(
        terms=tuple(sorted(terms, key=lambda term: term.term.casefold())),
        people=tuple(sorted(people, key=lambda person: person.name.split()[-1].casefold())),
        events=tuple(sorted(events, key=lambda event: (event.date.sort_key, event.id))),
        chapters=chapters,
    )


def _entries(path: Path, log: ProblemLog, fields: dict[str, bool], build) -> tuple[list, set[str] | None]:
    """Read every entry of one file with ``build``, dropping broken entries and duplicate ids.

    Returns:
        The entries without problems, and every id the file declares (None if it could not be read).
    """
    built, seen = [], {}
    raw_entries = read_entries(path, log)
    if not raw_entries:
        return [], None
    for number, raw in enumerate(raw_entries, start=1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        label = f"entry '{raw_id}'" if isinstance(raw_id, str) and raw_id else f"entry {number}"
        reader = EntryReader(log, raw, label, fields)
        if not reader.ok:
            continue
        before = len(log.problems)
        item = build(reader)
        if isinstance(raw_id, str) and raw_id in seen:
            reader.problem(f"the id '{raw_id}' is already used by entry {seen[raw_id]}", "give each entry its own id")
        elif isinstance(raw_id, str) and raw_id:
            seen[raw_id] = number
        if len(log.problems) == before:
            built.append(item)
    return built, set(seen)


def _term(entry: EntryReader) -> Term:
    return Term(
        id=entry.identifier(),
        term=entry.text("term"),
        aliases=entry.text_list("aliases"),
        category=entry.choice("category", TERM_CATEGORIES),
        definition=entry.text("definition", max_length=DEFINITION_MAX, plain=True),
        explanation=entry.text("explanation"),
        related=entry.text_list("related"),
    )


def _person(entry: EntryReader) -> Person:
    born, died = entry.date("born"), entry.date("died")
    if born and died and died.sort_key < born.sort_key:
        entry.problem(f"'died' ({died.iso()}) is before 'born' ({born.iso()})", "check both dates")
    posts = tuple(_post(entry, number, raw) for number, raw in enumerate(entry.items("posts"), start=1))
    falls = tuple(_fall(entry, number, raw, died) for number, raw in enumerate(entry.items("falls"), start=1))
    sides = []
    for phase, raw in entry.mapping("sides").items():
        if phase not in PHASES:
            entry.problem(f"'sides' names an unknown phase '{phase}'", f"use one of: {', '.join(PHASES)}")
            continue
        side = EntryReader(entry.log, raw, f"{entry.label}, sides.{phase}", {"side": True, "note": True})
        sides.append(Side(phase, side.choice("side", SIDES), side.text("note")))
    return Person(
        id=entry.identifier(),
        name=entry.text("name"),
        full_name=entry.text("full_name"),
        aliases=entry.text_list("aliases"),
        born=born,
        died=died,
        posts=posts,
        sides=tuple(sorted(sides, key=lambda side: PHASES.index(side.phase))),
        falls=tuple(sorted((fall for fall in falls if fall.date), key=lambda fall: fall.date.sort_key)),
        fate=entry.text("fate"),
        profile=entry.text("profile"),
    )


def _post(entry: EntryReader, number: int, raw: object) -> Post:
    post = EntryReader(entry.log, raw, f"{entry.label}, post {number}", {"title": True, "from": False, "to": False})
    start, end = post.date("from"), post.date("to")
    if start and end and end.sort_key < start.sort_key:
        post.problem(f"'to' ({end.iso()}) is before 'from' ({start.iso()})", "check both dates")
    return Post(post.text("title"), start, end)


def _fall(entry: EntryReader, number: int, raw: object, died) -> Fall:
    fall = EntryReader(entry.log, raw, f"{entry.label}, fall {number}", {"date": True, "kind": True, "what": True})
    date = fall.date("date")
    if date and died and date.year > died.year:
        fall.problem(f"the date {date.iso()} is after the person's death ({died.iso()})", "check the date")
    return Fall(date, fall.choice("kind", FALL_KINDS), fall.text("what"))


def _event(entry: EntryReader) -> Event:
    date = entry.date("date")
    precision = entry.choice("precision", ("year", "month", "day"))
    if date and precision and date.precision != precision:
        entry.problem(
            f"the date {date.iso()} is given to the {date.precision}, but 'precision' says {precision}",
            "give the date to the stated precision (e.g. 1925-12 for a month) or correct 'precision'",
        )
    section_text = entry.text("section")
    chapter, _, anchor = section_text.partition("#")
    return Event(
        id=entry.identifier(),
        date=date,
        title=entry.text("title", plain=True),
        summary=entry.text("summary", plain=True),
        section=SectionRef(chapter.strip(), anchor.strip()),
        people=entry.text_list("people"),
        kind=entry.choice("kind", EVENT_KINDS),
        note=entry.text("note"),
    )


def _check_related_terms(terms: list[Term], ids: set[str], log: ProblemLog) -> None:
    for term in terms:
        for related in term.related:
            if related not in ids:
                log.add(f"entry '{term.id}'", f"'related' names '{related}', which is not a term", "use the id of a term in glossary.yml")
            elif related == term.id:
                log.add(f"entry '{term.id}'", "'related' names the term itself", f"remove '{related}' from 'related'")


def _check_aliases_unique(terms: list[Term], people: list[Person], logs: dict[str, ProblemLog]) -> None:
    """Every name the linker matches must lead to exactly one entry, across both files."""
    owners: dict[str, str] = {}
    named = [("glossary.yml", term.id, (term.term, *term.aliases)) for term in terms]
    named += [("people.yml", person.id, (person.name, *person.aliases)) for person in people]
    for file, entry_id, names in named:
        for name in dict.fromkeys(names):
            key = name.replace("’", "'")
            owner = owners.setdefault(key, f"data/{file} entry '{entry_id}'")
            if owner != f"data/{file} entry '{entry_id}'":
                logs[file].add(
                    f"entry '{entry_id}'",
                    f"the name or alias '{name}' is already claimed by {owner}",
                    "keep each alias on one entry only",
                )


def _check_event_references(events, person_ids: set[str] | None, chapters: dict[str, Chapter], log: ProblemLog) -> None:
    for event in events:
        label = f"entry '{event.id}'"
        if event.section.chapter not in chapters or not event.section.anchor:
            log.add(
                label,
                f"'section' is '{event.section}', which names no chapter",
                f"write it as chapter#anchor with one of: {', '.join(sorted(chapters))}",
            )
        elif event.section.anchor not in chapters[event.section.chapter].headings:
            log.add(
                label,
                f"'section' points at '#{event.section.anchor}', which is not a heading in docs/{event.section.src_path}",
                "use the {#anchor} of a heading in that chapter, or restore the heading",
            )
        for person in event.people:
            if person_ids is not None and person not in person_ids:
                log.add(label, f"'people' names '{person}', who is not in people.yml", "use an id from data/people.yml")
