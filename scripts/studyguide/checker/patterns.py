"""The readable pattern language of data/misconceptions.yml: parsing and validation (no matching here).

A pattern is one line: items joined by `` + ``, each item one or more alternatives joined by `` | ``,
each alternative a word or phrase. A sentence makes the claim when every item occurs in it, e.g.
``Trotsky + exiled | deported + Mexico``. A word may end in ``*`` to match any ending (``exile*``).
The matching itself is done by docs/assets/javascripts/checker.js, the one implementation.
"""

from __future__ import annotations

import re

from ..data.model import SOURCE_NOTES, Misconception
from ..data.problems import ProblemLog

# A word: letters or digits, with inner apostrophes or hyphens (Alma-Ata, Lenin's), and an optional final *.
WORD = re.compile(r"^[^\W_](?:[\w'’-]*[^\W_])?\*?$")
MAX_ITEMS = 6
MAX_ALTERNATIVES = 12
MAX_PATTERN = 300
MIN_WORDS_ALONE = 3  # a pattern of one item must be a phrase at least this long: one word is too broad


def parse_pattern(text: str) -> list[list[str]]:
    """Split a pattern into its items, each a list of alternatives (phrases, spaces normalised)."""
    return [[" ".join(alt.split()) for alt in item.split("|")] for item in text.split("+")]


def pattern_problems(text: str) -> list[str]:
    """What is wrong with one pattern, as messages (empty when it is fine)."""
    if len(text) > MAX_PATTERN:
        return [f"is {len(text)} characters long, over the limit of {MAX_PATTERN}"]
    items = parse_pattern(text)
    problems = []
    if len(items) > MAX_ITEMS:
        problems.append(f"has {len(items)} items, over the limit of {MAX_ITEMS}")
    for item in items:
        if len(item) > MAX_ALTERNATIVES:
            problems.append(f"has an item with {len(item)} alternatives, over the limit of {MAX_ALTERNATIVES}")
        for alternative in item:
            if not alternative:
                problems.append("has an empty item or alternative (two '+' or '|' in a row, or one at an end)")
                continue
            bad = [word for word in alternative.split() if not WORD.match(word)]
            if bad:
                problems.append(f"has '{bad[0][:40]}', which is not a plain word")
    problems = list(dict.fromkeys(problems))[:1]  # one message per pattern: the first thing to fix
    if not problems and len(items) == 1 and min(len(alt.split()) for alt in items[0]) < MIN_WORDS_ALONE:
        problems.append(f"has a single item of fewer than {MIN_WORDS_ALONE} words, which would match too much")
    return problems


def check_misconception(item: Misconception, entry) -> None:
    """Log every problem with one entry's patterns, notes and further sections (``entry`` is its EntryReader)."""
    fix = ("write words joined by ' + ' (all must occur) and ' | ' (any one of them), e.g. "
           "'Trotsky + exiled | deported + Mexico'; a word may end in * but hold no other symbols")
    for name in ("patterns", "unless"):
        for number, pattern in enumerate(getattr(item, name), start=1):
            for message in pattern_problems(pattern) if name == "patterns" else _unless_problems(pattern):
                entry.problem(f"'{name}' {number} ('{pattern[:60]}') {message}", fix)
    if item.unless and not item.patterns:
        entry.problem("'unless' is given without 'patterns'", "add the patterns it qualifies, or remove 'unless'")
    for note in item.notes:
        if note not in SOURCE_NOTES:
            entry.problem(
                f"'notes' names '{note[:40]}', which is not one of the source notes",
                f"use some of: {', '.join(SOURCE_NOTES)}",
            )
    if item.notes and not item.says:
        entry.problem("'notes' is given without 'says'", "add 'says:', a paraphrase of what those notes claim")


def _unless_problems(text: str) -> list[str]:
    bad = [word for word in text.split() if not WORD.match(word)]
    return [f"has '{bad[0][:40]}', which is not a plain word"] if bad else []


def check_see_also(misconceptions, chapters: dict, log: ProblemLog) -> None:
    """Each further section is ``chapter#anchor`` (a chapter heading) or ``#anchor`` (on About the notes)."""
    for item in misconceptions:
        for target in item.see_also:
            chapter, _, anchor = target.partition("#")
            if not anchor or (chapter and chapter not in chapters):
                log.add(f"entry '{item.id}'", f"'see_also' names '{target[:60]}', which is not chapter#anchor",
                        f"write it as chapter#anchor with one of: {', '.join(sorted(chapters))}, or as #anchor")
            elif chapter and anchor not in chapters[chapter].headings:
                log.add(
                    f"entry '{item.id}'",
                    f"'see_also' points at '#{anchor}', which is not a heading in docs/chapters/{chapter}.md",
                    "use the {#anchor} of a heading in that chapter",
                )
