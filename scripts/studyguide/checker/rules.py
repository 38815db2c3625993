"""Compiles the checked data into the rules JSON that checker.js matches notes against (no matching here).

The build writes the rules next to the page (``assets/checker-rules.json``) and ``scripts/check_notes.py``
hands the same rules to the same script under Node, so the browser and the command line cannot disagree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..data.model import MONTHS, Chapter, Event, GuideData, SectionRef
from ..pages.markdown import to_plain_text
from ..paths import DATA_DIR, DOCS_DIR
from .patterns import parse_pattern

RULES_PATH = "assets/checker-rules.json"  # inside the built site

# The words that say an event of each kind happened, with how the person it happened to stands to them:
# plain (the person comes first: "Lenin died"), ``:passive`` (the person first with was/were between,
# "Kirov was murdered", or straight after, "exiled Trotsky") or ``:noun`` ("Kirov's murder", "the murder
# of Kirov"). Kinds left out (congress, policy, document...) are recognised by their ordinal ("the 14th
# Congress") or not at all: their wording is too varied to date them safely.
KIND_VERBS = {
    "death": ["died", "dies", "die", "dead", "killed himself", "shot himself", "suicide", "death:noun",
              "shot:passive", "executed:passive"],
    "murder": ["murdered:passive", "killed:passive", "assassinated:passive", "shot:passive", "murder:noun",
               "assassination:noun", "killing:noun"],
    "exile": ["exiled:passive", "deported:passive", "banished:passive", "sent:passive", "exile:noun",
              "deportation:noun"],
    "expulsion": ["expelled:passive", "thrown out:passive", "expulsion:noun"],
    "removal": ["removed:passive", "dismissed:passive", "sacked:passive", "demoted:passive", "stripped:passive",
                "lost", "lose", "loses", "gave up", "resigned", "removal:noun"],
    "appointment": ["appointed:passive", "elected:passive", "made:passive", "became", "becomes", "took over",
                    "replaced:passive", "replaces"],
    "trial": ["tried:passive", "sentenced:passive", "condemned:passive", "trial:noun"],
    "arrest": ["arrested:passive", "detained:passive", "seized:passive", "arrest:noun", "detention:noun"],
}
# Kinds that happen to a person more than once: a sentence must also name one of the event's details
# (a place, a post, a body from its title) before the checker compares dates.
NEEDS_DETAIL = {"exile", "expulsion", "removal", "appointment", "trial"}
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) (?:Party )?(Congress|Conference)\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z]")
_NOT_DETAILS = {"the", "a", "an", "in", "on", "at", "of", "and", "his", "her", "their", "first", "second", "third"}


def build_rules(data: GuideData, docs_dir: Path = DOCS_DIR, data_dir: Path = DATA_DIR) -> dict:
    """Everything checker.js needs, as plain JSON-ready values."""
    people = {person.id: person for person in data.people}
    return {
        "misconceptions": [
            {
                "id": item.id,
                "claim": _plain(item.claim),
                "correction": _plain(item.correction),
                "section": _section(item.section, data.chapters),
                "patterns": [parse_pattern(pattern) for pattern in item.patterns],
                "unless": [" ".join(words.split()) for words in item.unless],
            }
            for item in data.misconceptions
            if item.patterns
        ],
        "events": [rule for event in data.events if (rule := _event_rule(event, people, data.chapters))],
        "names": _names(data),
        "known": _known_words(data, docs_dir, data_dir),
    }


def rules_json(data: GuideData) -> str:
    """The rules as compact JSON text."""
    return json.dumps(build_rules(data), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _event_rule(event: Event, people: dict, chapters: dict[str, Chapter]) -> dict | None:
    headline = event.title.split(";")[0]
    ordinal = _ORDINAL.search(headline)
    subjects = [
        person_id for person_id in event.people
        if person_id in people
        and any(name in headline for name in (people[person_id].name, *people[person_id].aliases))
    ]
    if not ordinal and (event.kind not in KIND_VERBS or not subjects):
        return None
    names_in_title = {word for person_id in event.people if person_id in people
                      for name in (people[person_id].name, *people[person_id].aliases) for word in name.split()}
    details = [
        word for word in dict.fromkeys(_CAPITALISED.findall(headline))
        if word not in names_in_title and word.casefold() not in _NOT_DETAILS and len(word) >= 4
        and not word.startswith(("Congress", "Conference", "Party")) and word not in MONTHS
    ]
    rule = {
        "id": event.id,
        "title": _plain(event.title),
        "date": [event.date.year, event.date.month, event.date.day],
        "display": event.date.display(),
        "section": _section(event.section, chapters),
        "kind": event.kind,
    }
    if ordinal:
        rule["ordinal"] = [int(ordinal.group(1)), ordinal.group(2).casefold()]
    else:
        rule["subjects"] = [[people[person_id].name, *people[person_id].aliases] for person_id in subjects]
        rule["verbs"] = KIND_VERBS[event.kind]
        rule["details"] = details if event.kind in NEEDS_DETAIL else []
        if event.kind in NEEDS_DETAIL and not details:
            return None
    return rule


def _names(data: GuideData) -> list[dict]:
    """One-word names (people's surnames and other one-word aliases, terms' words) a misspelling may be near."""
    names = []
    for person in data.people:
        for alias in dict.fromkeys(person.aliases):
            if " " not in alias and len(alias) >= 4:
                names.append({"word": alias, "ref": person.id, "name": person.name, "page": "people.md"})
    taken = {item["word"].casefold() for item in names}  # "Ryutin Platform": a person's name stays theirs
    for term in data.terms:
        for phrase in (term.term, *term.aliases):
            for word in re.findall(r"[A-Za-z][a-z]+", phrase):
                if len(word) >= 6 and word.casefold() not in taken:
                    names.append({"word": word, "ref": term.id, "name": term.term, "page": "glossary.md"})
    # A word in several terms ("Testament") suggests the shortest of them, not a tie that says nothing.
    best: dict[str, dict] = {}
    for item in names:
        key = item["word"].casefold()
        shorter_term = item["page"] == best.get(key, {}).get("page") == "glossary.md" and len(item["name"]) < len(
            best[key]["name"]
        )
        if key not in best or shorter_term:
            best[key] = item
    return list(best.values())


def _known_words(data: GuideData, docs_dir: Path, data_dir: Path) -> list[str]:
    """Words the guide itself uses that look like a name: never reported as misspellings.

    Only words that could be taken for a name are kept (same first letter, similar length), which keeps
    the file small.
    """
    # Pages and data that quote the notes' misspellings ("Ryton") would teach the checker to accept them.
    quoting = {"about-the-notes.md", "check-your-notes.md", "misconceptions.yml"}
    paths = [*sorted(docs_dir.rglob("*.md")), *sorted(data_dir.glob("*.yml"))]
    texts = [path.read_text(encoding="utf-8") for path in paths if path.name not in quoting]
    shapes = {(item["word"][0].casefold(), len(item["word"])) for item in _names(data)}
    words = {word.casefold() for text in texts for word in re.findall(r"[^\W\d_]+", text)}
    # People's search aliases are the misspellings themselves (Ryton, Trotski): never known-good words.
    words -= {
        word.casefold() for person in data.people for alias in person.search_aliases
        for word in re.findall(r"[^\W\d_]+", alias)
    }  # fmt: skip
    return sorted(
        word for word in words
        if any((word[0], length) in shapes for length in range(len(word) - 2, len(word) + 3))
    )


def _section(section: SectionRef, chapters: dict[str, Chapter]) -> dict:
    chapter = chapters.get(section.chapter)
    heading = chapter.headings.get(section.anchor, "") if chapter else ""
    title = f"{heading} ({chapter.title})" if chapter and heading else heading or section.chapter
    return {"page": section.src_path, "anchor": section.anchor, "title": title}


def _plain(text: str) -> str:
    """Text for the page and the terminal: Markdown formatting dropped (it is shown as text, never as HTML)."""
    return to_plain_text(text)
