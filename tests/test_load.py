"""Loading the data: the valid fixture loads; each kind of broken input gives one clear message."""

import pytest

from datafixtures import copy_valid, edit
from studyguide.data.load import load_guide_data
from studyguide.data.model import Date
from studyguide.data.problems import DataError

# (case, file, text to replace or None for the whole file, replacement, what the message must say)
BAD_DATA = [
    ("malformed YAML", "data/glossary.yml", "  term: Politburo\n", "  term: [Politburo\n",
     "data/glossary.yml, line 3, column 10: the YAML cannot be read ("),
    ("not a list", "data/glossary.yml", None, "id: politburo\nterm: Politburo\n",
     "data/glossary.yml, the whole file: the file holds a dict, not a list of entries. Fix: start each entry with '- id: ...'"),
    ("empty file", "data/people.yml", None, "",
     "data/people.yml, the whole file: the file is empty"),
    ("not UTF-8", "data/timeline.yml", None, "- id: caf\xe9\n".encode("latin-1"),
     "data/timeline.yml, the whole file: it is not UTF-8 text (byte 9 cannot be read). Fix: save the file with UTF-8 encoding"),
    ("missing field", "data/glossary.yml",
     "  definition: The party's governing body between congresses, which elected the Politburo.\n", "",
     "entry 'central-committee': the required field 'definition' is missing. Fix: add 'definition:' with a value"),
    ("misspelt field", "data/glossary.yml", "  definition: The small", "  defintion: The small",
     "entry 'politburo': unknown field 'defintion'. Fix: remove it or rename it (did you mean 'definition'?)"),
    ("wrong type", "data/glossary.yml", "aliases: [Political Bureau]", "aliases: {Political: Bureau}",
     "entry 'politburo': 'aliases' should be a list of text values"),
    ("duplicate id", "data/timeline.yml", "- id: fourteenth-congress", "- id: lenin-dies",
     "data/timeline.yml, entry 'lenin-dies': the id 'lenin-dies' is already used by entry 1. Fix: give each entry its own id"),
    ("alias claimed twice", "data/glossary.yml", "aliases: [the Right]", "aliases: [the Right, Political Bureau]",
     "entry 'right-opposition': the name or alias 'Political Bureau' is already claimed by data/glossary.yml entry 'politburo'"),
    ("alias of a term and a person", "data/glossary.yml", "aliases: [the Right]", "aliases: [the Right, Stalin]",
     "data/people.yml, entry 'stalin': the name or alias 'Stalin' is already claimed by data/glossary.yml entry 'right-opposition'"),
    ("unknown related term", "data/glossary.yml", "related: [central-committee]", "related: [orgburo]",
     "entry 'politburo': 'related' names 'orgburo', which is not a term in glossary.yml. Fix: use an id from data/glossary.yml"),
    ("impossible month", "data/timeline.yml", "date: 1924-01-21", "date: 1925-13-40",
     "data/timeline.yml, entry 'lenin-dies': 'date': '1925-13-40' has no month 13. Fix: months run from 01 to 12"),
    ("impossible day", "data/people.yml", "died: 1953-03-05", "died: 1953-02-30",
     "entry 'stalin': 'died': '1953-02-30' is not a day in the calendar"),
    ("not a date", "data/people.yml", "born: 1883-07-18", "born: July 1883",
     "entry 'kamenev': 'born': 'July 1883' is not a date. Fix: write it as YYYY, YYYY-MM or YYYY-MM-DD"),
    ("died before born", "data/people.yml", "born: 1878-12", "born: 1960",
     "entry 'stalin': 'died' (1953-03-05) is before 'born' (1960)"),
    ("day for a month-precision event", "data/timeline.yml", "date: 1925-12\n", "date: 1925-12-18\n",
     "entry 'fourteenth-congress': the date 1925-12-18 is given to the day, but 'precision' says month"),
    ("unknown person", "data/timeline.yml", "people: [stalin]", "people: [stalin, trotsky]",
     "entry 'lenin-dies': 'people' names 'trotsky', which is not a person in people.yml. Fix: use an id from data/people.yml"),
    ("unknown chapter anchor", "data/timeline.yml", "02-triumvirate#forming", "02-triumvirate#forming-the-troika",
     "entry 'fourteenth-congress': 'section' points at '#forming-the-troika', which is not a heading in docs/chapters/02-triumvirate.md"),
    ("chapter lost a heading", "docs/chapters/02-triumvirate.md", "## Lenin's death {#lenins-death}", "## Lenin's death",
     "entry 'lenin-dies': 'section' points at '#lenins-death', which is not a heading in docs/chapters/02-triumvirate.md. Fix: use the {#anchor} of a heading in that chapter, or restore the heading"),
    ("unknown chapter", "data/timeline.yml", "02-triumvirate#forming", "09-cold-war#forming",
     "entry 'fourteenth-congress': 'section' is '09-cold-war#forming', which names no chapter"),
    ("HTML in a definition", "data/glossary.yml", "definition: The small", "definition: <script>alert(1)</script> The small",
     "entry 'politburo': 'definition' contains HTML. Fix: write 'definition' as plain text, without tags such as <script>"),
    ("definition too long", "data/glossary.yml", "definition: The small", "definition: " + "very " * 40 + "small",
     "entry 'politburo': 'definition' is 276 characters long, over the limit of 200"),
    ("unknown category", "data/glossary.yml", "category: faction", "category: organisation",
     "entry 'right-opposition': 'category' is 'organisation', which is not one of the allowed values. Fix: use one of: institution, policy"),
    ("invalid id", "data/glossary.yml", "- id: kulaks", "- id: Kulaks",
     "data/glossary.yml, entry 'Kulaks': the id 'Kulaks' is not a valid id"),
    ("unknown phase", "data/people.yml", "    triumvirate: {side: leadership, note: The Triumvir", "    troika: {side: leadership, note: The Triumvir",
     "entry 'stalin': 'sides' names an unknown phase 'troika'"),
    ("unknown kind of fall", "data/people.yml", "kind: expelled", "kind: purged",
     "entry 'kamenev', fall 1: 'kind' is 'purged', which is not one of the allowed values"),
    ("post ends before it starts", "data/people.yml", "from: 1918, to: 1926-05", "from: 1926-05, to: 1918",
     "entry 'kamenev', post 1: 'to' (1918) is before 'from' (1926-05)"),
    ("entry that is not a mapping", "data/glossary.yml", "- id: central-committee\n", "- just a line\n- id: central-committee\n",
     "data/glossary.yml, entry 2: it is a str, not a set of fields"),
]


@pytest.fixture()
def guide(tmp_path):
    return copy_valid(tmp_path)


def test_the_valid_fixture_loads_sorted(guide):
    data = load_guide_data(guide / "data", guide / "docs")
    assert [term.id for term in data.terms] == ["central-committee", "kulaks", "politburo", "right-opposition"]
    assert [person.id for person in data.people] == ["kamenev", "stalin"]
    assert [event.id for event in data.events] == ["lenin-dies", "fourteenth-congress"]
    assert data.people[1].born == Date(1878, 12)
    assert data.events[1].date.display() == "December 1925"


@pytest.mark.parametrize("case, file, old, new, message", BAD_DATA, ids=[case[0] for case in BAD_DATA])
def test_bad_data_gives_one_clear_message(guide, case, file, old, new, message):
    edit(guide, file, old, new)
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    report = raised.value.report()
    assert message in report, report
    assert report.startswith("The guide's data has 1 problem; nothing was built."), report
    assert "Fix:" in report and "Traceback" not in report


def test_every_problem_in_a_file_is_reported_together(guide):
    edit(guide, "data/glossary.yml", "category: faction", "category: organisation")
    edit(guide, "data/glossary.yml", "related: [central-committee]", "related: [orgburo]")
    edit(guide, "data/timeline.yml", "people: [stalin]", "people: [trotsky]")
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    assert len(raised.value.problems) == 3
    report = raised.value.report()
    assert "data/glossary.yml (2 problems):" in report
    assert "data/timeline.yml (1 problem):" in report


def test_a_missing_file_is_named(guide):
    (guide / "data" / "people.yml").unlink()
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    assert "data/people.yml, the whole file: the file is missing. Fix: create people.yml" in str(raised.value)
