"""data/misconceptions.yml is checked like the other data files: each mistake gives one clear message."""

import pytest

from studyguide.data.load import load_guide_data
from studyguide.data.problems import DataError

from datafixtures import copy_valid, edit

FILE = "data/misconceptions.yml"
ENTRY = "data/misconceptions.yml, entry 'lenin-heart-attack': "
PATTERN_FIX = "Fix: write words joined by ' + ' (all must occur) and ' | ' (any one of them)"

BAD_MISCONCEPTIONS = [
    ("unknown source", "sources: [encyclopedia-one]", "sources: [encyclopaedia-one]",
     ENTRY + "'sources' names 'encyclopaedia-one', which is not a reference in references.yml. "
     "Fix: use an id from data/references.yml"),
    ("no sources", "  sources: [encyclopedia-one]\n", "",
     ENTRY + "the required field 'sources' is missing. Fix: add 'sources:' with a value"),
    ("unknown section", "02-triumvirate#forming", "02-triumvirate#forming-the-troika",
     ENTRY + "'section' points at '#forming-the-troika', which is not a heading in docs/chapters/02-triumvirate.md"),
    ("section without a chapter", "section: 02-triumvirate#forming", "section: forming",
     ENTRY + "'section' is 'forming#', which names no chapter. Fix: write it as chapter#anchor"),
    ("regular expression in a pattern", "Lenin + heart attack*", r"Lenin + heart\s+attacks?",
     ENTRY + r"'patterns' 1 ('Lenin + heart\s+attacks?') has 'heart\s', which is not a plain word. " + PATTERN_FIX),
    ("empty alternative", "Lenin + heart attack*", "Lenin + heart attack* |",
     ENTRY + "'patterns' 1 ('Lenin + heart attack* |') has an empty item or alternative"),
    ("one word alone", "Lenin + heart attack*", "Lenin",
     ENTRY + "'patterns' 1 ('Lenin') has a single item of fewer than 3 words, which would match too much"),
    ("wildcard inside a word", "Lenin + heart attack*", "Lenin + he*rt attack",
     ENTRY + "'patterns' 1 ('Lenin + he*rt attack') has 'he*rt', which is not a plain word"),
    ("symbol in unless", "unless: [stroke]", "unless: [stroke?]",
     ENTRY + "'unless' 1 ('stroke?') has 'stroke?', which is not a plain word"),
    ("unless without patterns", "  patterns:\n    - Lenin + heart attack*\n", "",
     ENTRY + "'unless' is given without 'patterns'. Fix: add the patterns it qualifies, or remove 'unless'"),
    ("unknown note", 'notes: ["000"]', 'notes: ["005"]',
     ENTRY + "'notes' names '005', which is not one of the source notes. Fix: use some of: 000, 001, 002, 003, 004"),
    ("notes without says", "  says: Lenin had a heart attack and then a second one.\n", "",
     ENTRY + "'notes' is given without 'says'. Fix: add 'says:', a paraphrase of what those notes claim"),
    ("HTML in the claim", "claim: Lenin had", "claim: <b>Lenin</b> had",
     ENTRY + "'claim' contains HTML"),
    ("claim too long", "claim: Lenin had heart attacks.", "claim: Lenin had " + "very " * 40 + "heart attacks.",
     ENTRY + "'claim' is 224 characters long, over the limit of 200"),
    ("misspelt field", "  correction:", "  corection:",
     ENTRY + "unknown field 'corection'. Fix: remove it or rename it (did you mean 'correction'?)"),
    ("see_also without an anchor", "  sources: [encyclopedia-one]\n",
     "  sources: [encyclopedia-one]\n  see_also: [02-triumvirate]\n",
     ENTRY + "'see_also' names '02-triumvirate', which is not chapter#anchor"),
]


@pytest.fixture()
def guide(tmp_path):
    return copy_valid(tmp_path)


def test_the_valid_misconceptions_load(guide):
    data = load_guide_data(guide / "data", guide / "docs")
    [item] = data.misconceptions
    assert item.patterns == ("Lenin + heart attack*",) and item.unless == ("stroke",)
    assert str(item.section) == "02-triumvirate#forming"


@pytest.mark.parametrize("case, old, new, message", BAD_MISCONCEPTIONS, ids=[case[0] for case in BAD_MISCONCEPTIONS])
def test_bad_misconception_gives_one_clear_message(guide, case, old, new, message):
    edit(guide, FILE, old, new)
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    report = raised.value.report()
    assert message in report, report
    assert report.startswith("The guide's data has 1 problem; nothing was built."), report
    assert "Traceback" not in report


def test_a_reference_cited_only_by_a_misconception_counts_as_used(guide):
    edit(guide, FILE, "sources: [encyclopedia-one]", "sources: [encyclopedia-one, historian-two]")
    load_guide_data(guide / "data", guide / "docs")
