"""Loading the data: the valid fixture loads; each kind of broken input gives one clear message.

Cases change the parsed data (load the YAML, change it, write it back), so that they keep working when
the fixture's wording or layout changes; only what exists in the text alone (YAML syntax, encodings,
keys given twice, anchors, number notations) is written as text.
"""

import pytest

from studyguide.data.load import load_guide_data
from studyguide.data.model import Date
from studyguide.data.problems import DataError

from datafixtures import copy_valid, edit, entry, mutate


def setting(entry_id, field, value):
    """A change that sets ``field`` of the entry ``entry_id``."""
    return lambda entries: entry(entries, entry_id).__setitem__(field, value)


def removing(entry_id, field):
    return lambda entries: entry(entries, entry_id).pop(field)


def renaming(entry_id, field, new_name):
    def change(entries):
        item = entry(entries, entry_id)
        item[new_name] = item.pop(field)

    return change


def adding(item):
    return lambda entries: entries.append(item)


def replacing(value):
    """A change that replaces the file's whole content with ``value``."""

    def change(entries):
        entries.clear()
        entries.append(value)

    return change


def text(old, new):
    """A change to the file's text (for what only text can show)."""
    return ("text", old, new)


def _apply(root, file, change):
    if isinstance(change, tuple):
        edit(root, file, change[1], change[2])
    elif isinstance(change, bytes):
        edit(root, file, None, change)
    else:
        mutate(root, file, change)


def _set_side_phase(entries):
    stalin = entry(entries, "stalin")
    stalin["sides"]["troika"] = stalin["sides"].pop("triumvirate")


def _fall_kind(entries):
    entry(entries, "kamenev")["falls"][0]["kind"] = "purged"


def _post_backwards(entries):
    entry(entries, "kamenev")["posts"][0].update({"from": "1926-05", "to": 1918})


# (case, file, change, what the message must say); each gives exactly one problem.
BAD_DATA = [
    (
        "malformed YAML",
        "data/glossary.yml",
        text("  term: Politburo\n", "  term: [Politburo\n"),
        "data/glossary.yml, line 2, column 9: the YAML cannot be read (while parsing a flow sequence: did not find "
        "expected ',' or ']')",
    ),
    (
        "not a list",
        "data/glossary.yml",
        text(None, "id: politburo\nterm: Politburo\n"),
        "data/glossary.yml, the whole file: the file holds a dict, not a list of entries. Fix: start each entry "
        "with '- id: ...'",
    ),
    (
        "a list of lines, not entries",
        "data/people.yml",
        lambda entries: entries.__setitem__(slice(None), ["kamenev", "stalin"]),
        "data/people.yml, the whole file: none of its entries is a set of 'key: value' fields",
    ),
    ("empty file", "data/people.yml", text(None, ""), "data/people.yml, the whole file: the file is empty"),
    (
        "two references for one page",
        "data/references.yml",
        setting("historian-two", "url", "http://www.encyclopedia.example.org/stalin/"),
        "data/references.yml, entry 'historian-two': it is the same page as entry 'encyclopedia-one'. Fix: cite "
        "'encyclopedia-one' instead, and move anything in this entry's note into that entry's",
    ),
    (
        "not UTF-8",
        "data/timeline.yml",
        "- id: caf\xe9\n".encode("latin-1"),
        "data/timeline.yml, the whole file: it is not UTF-8 text (byte 9 cannot be read). Fix: save the file with "
        "UTF-8 encoding",
    ),
    (
        "missing field",
        "data/glossary.yml",
        removing("central-committee", "definition"),
        "entry 'central-committee': the required field 'definition' is missing. Fix: add 'definition:' with a value",
    ),
    (
        "blank required field",
        "data/people.yml",
        setting("kamenev", "name", "   "),
        "entry 'kamenev': the required field 'name' is missing",
    ),
    (
        "misspelt field",
        "data/glossary.yml",
        renaming("politburo", "definition", "defintion"),
        "entry 'politburo': unknown field 'defintion'. Fix: remove it or rename it (did you mean 'definition'?)",
    ),
    (
        "wrong type",
        "data/glossary.yml",
        setting("politburo", "aliases", {"Political": "Bureau"}),
        "entry 'politburo': 'aliases' should be a list of text values",
    ),
    (
        "duplicate id",
        "data/timeline.yml",
        setting("fourteenth-congress", "id", "lenin-dies"),
        "data/timeline.yml, entry 'lenin-dies': the id 'lenin-dies' is already used by entry 1. Fix: give each "
        "entry its own id",
    ),
    (
        "key given twice",
        "data/glossary.yml",
        text("  category: institution\n", "  category: institution\n  category: concept\n"),
        "data/glossary.yml, line 5: the key 'category' is given twice in one entry (first at line 4); YAML would "
        "keep only the last",
    ),
    (
        "YAML alias bomb in an id",
        "data/glossary.yml",
        text(
            "- id: politburo\n",
            "- id: &a [x, x, x, x, x, x, x, x, x]\n"
            "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            "  f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
        ),
        "data/glossary.yml, line 6: its anchors and aliases (&name, *name) expand to more than 200,000 values. "
        "Fix: write",
    ),
    (
        "a Python tag",
        "data/glossary.yml",
        text("- id: politburo\n", "- id: !!python/object/apply:os.system [echo]\n"),
        "data/glossary.yml, line 1, column 7: it uses a YAML tag such as !!python/object. Fix: remove the tag",
    ),
    (
        "a hexadecimal year",
        "data/people.yml",
        text("died: 1953-03-05", "died: 0x7a1"),
        "entry 'stalin': 'died': '0x7a1' is not a date",
    ),
    (
        "alias claimed twice",
        "data/glossary.yml",
        setting("right-opposition", "aliases", ["the Right", "Political Bureau"]),
        "entry 'right-opposition': the name or alias 'Political Bureau' is already claimed by data/glossary.yml "
        "entry 'politburo'",
    ),
    (
        "alias of a term and a person",
        "data/glossary.yml",
        setting("right-opposition", "aliases", ["the Right", "Stalin"]),
        "data/people.yml, entry 'stalin': the name or alias 'Stalin' is already claimed by data/glossary.yml entry "
        "'right-opposition'",
    ),
    (
        "alias differing only in case",
        "data/glossary.yml",
        setting("central-committee", "aliases", ["politburo"]),
        "entry 'central-committee': the name or alias 'politburo' differs only in case from 'Politburo', claimed "
        "by data/glossary.yml entry 'politburo'",
    ),
    (
        "search alias that is another person's name",
        "data/people.yml",
        setting("kamenev", "search_aliases", ["Kamenyev", "stalin"]),
        "data/people.yml, entry 'kamenev': the search alias 'stalin' is a name of data/people.yml entry 'stalin' "
        "(Joseph Stalin), so searching for that person would also offer this one. Fix: remove it from "
        "'search_aliases'",
    ),
    (
        "search alias on two people",
        "data/people.yml",
        setting("stalin", "search_aliases", ["Kamenef"]),
        "data/people.yml, entry 'stalin': the search alias 'Kamenef' is also a search alias of data/people.yml "
        "entry 'kamenev' (Lev Kamenev), so searching for that person would also offer this one. Fix: keep it on "
        "one person only",
    ),
    (
        "alias that is a common word",
        "data/glossary.yml",
        setting("politburo", "aliases", ["Political Bureau", "the"]),
        "entry 'politburo': the name or alias 'the' is a common word, so every 'the' in the guide would become a link",
    ),
    (
        "empty alias",
        "data/people.yml",
        setting("kamenev", "aliases", ["Kamenev", ""]),
        "entry 'kamenev': 'aliases' has an empty item. Fix: remove the empty item ('') from 'aliases'",
    ),
    (
        "id that is a glossary letter anchor",
        "data/glossary.yml",
        setting("kulaks", "id", "letter-p"),
        "entry 'letter-p': the id 'letter-p' is also an anchor the generated pages use",
    ),
    (
        "id that is a timeline year anchor",
        "data/timeline.yml",
        setting("lenin-dies", "id", "year-1924"),
        "entry 'year-1924': the id 'year-1924' is also an anchor the generated pages use",
    ),
    (
        "unknown related term",
        "data/glossary.yml",
        setting("politburo", "related", ["orgburo"]),
        "entry 'politburo': 'related' names 'orgburo', which is not a term in glossary.yml. Fix: use an id from "
        "data/glossary.yml",
    ),
    (
        "impossible month",
        "data/timeline.yml",
        setting("lenin-dies", "date", "1925-13-40"),
        "data/timeline.yml, entry 'lenin-dies': 'date': '1925-13-40' has no month 13. Fix: months run from 01 to 12",
    ),
    (
        "impossible day",
        "data/people.yml",
        setting("stalin", "died", "1953-02-30"),
        "entry 'stalin': 'died': '1953-02-30' is not a day in the calendar",
    ),
    (
        "not a date",
        "data/people.yml",
        setting("kamenev", "born", "July 1883"),
        "entry 'kamenev': 'born': 'July 1883' is not a date. Fix: write it as YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "died before born",
        "data/people.yml",
        setting("stalin", "born", 1960),
        "entry 'stalin': 'died' (1953-03-05) is before 'born' (1960)",
    ),
    (
        "day for a month-precision event",
        "data/timeline.yml",
        setting("fourteenth-congress", "date", "1925-12-18"),
        "entry 'fourteenth-congress': the date 1925-12-18 is given to the day, but 'precision' says month",
    ),
    (
        "unknown person",
        "data/timeline.yml",
        setting("lenin-dies", "people", ["stalin", "trotsky"]),
        "entry 'lenin-dies': 'people' names 'trotsky', which is not a person in people.yml. Fix: use an id from "
        "data/people.yml",
    ),
    (
        "unreadable id: no knock-on errors",
        "data/people.yml",
        setting("kamenev", "id", "Kamenev"),
        "data/people.yml, entry 'Kamenev': the id 'Kamenev' is not a valid id",
    ),
    (
        "unknown chapter anchor",
        "data/timeline.yml",
        setting("fourteenth-congress", "section", "02-triumvirate#forming-the-troika"),
        "entry 'fourteenth-congress': 'section' points at '#forming-the-troika', which is not a heading in "
        "docs/chapters/02-triumvirate.md",
    ),
    (
        "chapter lost a heading",
        "docs/chapters/02-triumvirate.md",
        text("## Lenin's death {#lenins-death}", "## Lenin's death"),
        "entry 'lenin-dies': 'section' points at '#lenins-death', which is not a heading in "
        "docs/chapters/02-triumvirate.md. Fix: use the {#anchor} of a heading in that chapter, or restore the "
        "heading",
    ),
    (
        "unknown chapter",
        "data/timeline.yml",
        setting("fourteenth-congress", "section", "cold-war#forming"),
        "entry 'fourteenth-congress': 'section' is 'cold-war#forming', which names no chapter",
    ),
    (
        "chapter file missing",
        "data/timeline.yml",
        setting("fourteenth-congress", "section", "09-cold-war#forming"),
        "entry 'fourteenth-congress': 'section' points at docs/chapters/09-cold-war.md, which is missing. Fix: "
        "restore the chapter",
    ),
    (
        "HTML in a definition",
        "data/glossary.yml",
        setting("politburo", "definition", "<script>alert(1)</script> The small"),
        "entry 'politburo': 'definition' contains HTML ('<script>alert(1)</s…'). Fix: write 'definition' as plain "
        "text, without tags such as <script>",
    ),
    (
        "an encoded tag in a definition",
        "data/glossary.yml",
        setting("politburo", "definition", "&lt;img src=x onerror=alert(1)&gt; The small"),
        "entry 'politburo': 'definition' contains HTML ('&lt;img')",
    ),
    (
        "a tag in a person's name",
        "data/people.yml",
        setting("kamenev", "name", "Lev <img src=x onerror=alert(1)>"),
        "entry 'kamenev': 'name' contains HTML ('<img')",
    ),
    (
        "a tag in a profile",
        "data/people.yml",
        setting("kamenev", "profile", "Moscow <img src=x onerror=alert(1)> leader. More."),
        "entry 'kamenev': 'profile' contains HTML ('<img'). Fix: write 'profile' as Markdown",
    ),
    (
        "definition too long",
        "data/glossary.yml",
        setting("politburo", "definition", "The " + "very " * 40 + "small"),
        "entry 'politburo': 'definition' is 209 characters long, over the limit of 200",
    ),
    (
        "a profile of a million characters",
        "data/people.yml",
        setting("kamenev", "profile", "word " * 200_000),
        "entry 'kamenev': 'profile' is 999999 characters long, over the limit of 6000",
    ),
    (
        "unknown category",
        "data/glossary.yml",
        setting("right-opposition", "category", "organisation"),
        "entry 'right-opposition': 'category' is 'organisation', which is not one of the allowed values. Fix: use "
        "one of: institution, policy",
    ),
    (
        "invalid id",
        "data/glossary.yml",
        setting("kulaks", "id", "Kulaks"),
        "data/glossary.yml, entry 'Kulaks': the id 'Kulaks' is not a valid id",
    ),
    ("unknown phase", "data/people.yml", _set_side_phase, "entry 'stalin': 'sides' names an unknown phase 'troika'"),
    (
        "unknown kind of fall",
        "data/people.yml",
        _fall_kind,
        "entry 'kamenev', fall 1: 'kind' is 'purged', which is not one of the allowed values",
    ),
    (
        "post ends before it starts",
        "data/people.yml",
        _post_backwards,
        "entry 'kamenev', post 1: 'to' (1918) is before 'from' (1926-05)",
    ),
    (
        "entry that is not a mapping",
        "data/glossary.yml",
        lambda entries: entries.insert(1, "just a line"),
        "data/glossary.yml, entry 2: it is a str, not a set of fields",
    ),
    (
        "chapter front matter that is not YAML",
        "docs/chapters/02-triumvirate.md",
        text("title: The Triumvirate", "title: [The Triumvirate"),
        "docs/chapters, docs/chapters/02-triumvirate.md: the front matter is not valid YAML",
    ),
    (
        "chapter front matter that is a list",
        "docs/chapters/02-triumvirate.md",
        text('title: The Triumvirate\nperiod: "1922–1925"', "- The Triumvirate\n- 1922–1925"),
        "the front matter is a list, not 'key: value' lines",
    ),
    (
        "chapter with a byte-order mark",
        "docs/chapters/02-triumvirate.md",
        text("---\ntitle", "\ufeff---\ntitle"),
        "docs/chapters/02-triumvirate.md: the file starts with a byte-order mark",
    ),
    (
        "chapter not UTF-8",
        "docs/chapters/02-triumvirate.md",
        "---\ntitle: caf\xe9\n---\n".encode("latin-1"),
        "docs/chapters/02-triumvirate.md: the file cannot be read as UTF-8 text",
    ),
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


@pytest.mark.parametrize("case, file, change, message", BAD_DATA, ids=[case[0] for case in BAD_DATA])
def test_bad_data_gives_one_clear_message(guide, case, file, change, message):
    _apply(guide, file, change)
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    report = raised.value.report()
    assert message in report, report
    assert report.startswith("The guide's data has 1 problem; nothing was built."), report
    assert "Fix:" in report
    assert len(report) < 1000, "a message never echoes a value in full"


def test_a_newline_in_a_plain_field_is_folded(guide):
    mutate(guide, "data/timeline.yml", setting("lenin-dies", "title", "Lenin dies\n\n# A heading\n!!! danger"))
    event = next(event for event in load_guide_data(guide / "data", guide / "docs").events if event.id == "lenin-dies")
    assert event.title == "Lenin dies # A heading !!! danger"


def test_a_byte_order_mark_in_a_data_file_is_harmless(guide):
    edit(guide, "data/glossary.yml", "- id: politburo", "\ufeff- id: politburo")
    assert len(load_guide_data(guide / "data", guide / "docs").terms) == 4


def test_a_hundred_thousand_character_id_is_not_echoed(guide):
    mutate(guide, "data/glossary.yml", setting("kulaks", "id", "k" * 100_000))
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    assert "is not a valid id" in raised.value.report() and len(raised.value.report()) < 600


def test_a_data_file_that_is_a_folder(guide):
    (guide / "data" / "people.yml").unlink()
    (guide / "data" / "people.yml").mkdir()
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    assert (
        "data/people.yml, the whole file: it is a folder, not a file. Fix: remove the folder" in raised.value.report()
    )
    # Timeline entries name people: those references are not checked against a file that could not be read.
    assert len(raised.value.problems) == 1


def test_every_problem_in_a_file_is_reported_together(guide):
    mutate(guide, "data/glossary.yml", setting("right-opposition", "category", "organisation"))
    mutate(guide, "data/glossary.yml", setting("politburo", "related", ["orgburo"]))
    mutate(guide, "data/timeline.yml", setting("lenin-dies", "people", ["trotsky"]))
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


def test_a_few_aliases_are_fine(guide):
    # What yaml.safe_dump writes when two entries share a list.
    edit(guide, "data/timeline.yml", "people: [stalin]", "people: &both [stalin]")
    edit(guide, "data/timeline.yml", "people: [kamenev, stalin]", "people: *both")
    assert [event.people for event in load_guide_data(guide / "data", guide / "docs").events] == [
        ("stalin",),
        ("stalin",),
    ]


def test_an_alias_used_to_repeat_a_key_is_refused(guide):
    edit(
        guide,
        "data/glossary.yml",
        "- id: politburo\n  term: Politburo",
        "- &k id: politburo\n  term: Politburo\n  *k : x",
    )
    with pytest.raises(DataError) as raised:
        load_guide_data(guide / "data", guide / "docs")
    assert "data/glossary.yml, line 3: the key 'id' is given twice in one entry" in raised.value.report()
