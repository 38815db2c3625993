"""Renderers against golden files, using the small valid fixture and a fixed set of mentions."""

import pytest

from studyguide.data.load import load_guide_data
from studyguide.data.model import Mention
from studyguide.pages.chart import render_chart
from studyguide.pages.glossary import render_glossary
from studyguide.pages.mentions import mention_groups
from studyguide.pages.people import render_people
from studyguide.pages.sources import render_sources
from studyguide.pages.timeline import insert_key_dates, render_key_dates, render_timeline

from datafixtures import VALID
from golden import assert_matches_golden


@pytest.fixture(scope="module")
def data():
    return load_guide_data(VALID / "data", VALID / "docs")


@pytest.fixture(scope="module")
def events_by_key(data):
    lenin_dies, congress = data.events
    return {"person:stalin": [lenin_dies, congress], "person:kamenev": [congress], "term:politburo": [lenin_dies]}


MENTIONS = {
    "term:politburo": [
        Mention(
            "term:politburo", "chapters/02-triumvirate.md", "The Triumvirate", "forming", "Forming the Triumvirate"
        ),
        Mention("term:politburo", "chapters/02-triumvirate.md", "The Triumvirate", "lenins-death", "Lenin's death"),
        Mention("term:politburo", "index.md", "Home", "", "Home"),
    ],
    "person:stalin": [
        Mention("person:stalin", "chapters/02-triumvirate.md", "The Triumvirate", "forming", "Forming the Triumvirate"),
    ],
}


READING_ORDER = ["index.md", "chapters/02-triumvirate.md"]


def test_glossary_page(data, events_by_key):
    glossary = render_glossary(data.terms, MENTIONS, events_by_key, data.chapters, READING_ORDER)
    assert_matches_golden("glossary.md", glossary)


def test_people_page(data, events_by_key):
    references = {reference.id: reference for reference in data.references}
    people = render_people(data.people, MENTIONS, events_by_key, data.phase_titles, references, data.chapters, READING_ORDER)
    assert_matches_golden("people.md", people)


def test_mentions_are_grouped_by_page_in_reading_order_deduplicated_and_folded():
    pages = ["index.md", "about.md", *(f"chapters/0{n}-c.md" for n in range(1, 6))]
    mentions = [Mention("term:x", page, f"Title {page}", anchor, f"Section {anchor}") for page in pages for anchor in ("a", "a", "b")]
    lines = mention_groups("Mentioned in:", mentions, "glossary.md", reading_order=pages)
    listed = [line for line in lines if line.startswith("- ")]
    assert [line.split("](")[1].split(")")[0] for line in listed] == [
        "chapters/01-c.md", "chapters/02-c.md", "chapters/03-c.md", "chapters/04-c.md", "chapters/05-c.md", "index.md", "about.md"
    ], "chapters first, then the other pages, in reading order"
    assert listed[0] == "- [Title chapters/01-c.md](chapters/01-c.md): [Section a](chapters/01-c.md#a), [Section b](chapters/01-c.md#b)"
    fold = lines.index('<details class="more-mentions" markdown><summary>4 more pages</summary>')
    assert lines[fold - 2] == listed[2], "three groups show; the other four fold away"


def test_timeline_page(data):
    people = {person.id: person for person in data.people}
    references = {reference.id: reference for reference in data.references}
    assert_matches_golden("timeline.md", render_timeline(data.events, people, data.chapters, references))


def test_power_struggle_chart(data):
    assert_matches_golden("chart.html", render_chart(data.people, data.phase_titles))


def test_chart_has_a_phone_layout_and_bridges_stalins_years_between_the_phases():
    data = load_guide_data()  # the real data: the fixture's Stalin takes a side in one phase only
    chart = render_chart(data.people, data.phase_titles)
    assert chart.count("<svg ") == 2 and "struggle-chart--wide" in chart and "struggle-chart--phone" in chart
    assert chart.count("Joseph Stalin, 1930–1934, between the phases: with Stalin&#x27;s majority") == 2


def test_key_dates_box_goes_after_the_key_questions(data):
    chapter = (
        '# 2. Title\n\nIntro.\n\n!!! question "Key questions"\n\n    - Why?\n    - How?\n\n## First {#first}\n\nText.\n'
    )
    box = render_key_dates(data.events, "chapters/02-triumvirate.md")
    assert_matches_golden("key-dates.md", insert_key_dates(chapter, box))


def test_key_dates_without_key_questions_go_before_the_first_section(data):
    box = render_key_dates(data.events[:1], "chapters/02-triumvirate.md")
    result = insert_key_dates("# Title\n\nIntro.\n\n## First {#first}\n", box)
    assert result == f"# Title\n\nIntro.\n\n{box}\n## First {{#first}}\n"


def test_data_text_is_escaped(data, events_by_key):
    glossary = render_glossary(data.terms, MENTIONS, events_by_key)
    assert "(&lt;5% of households)" in glossary, "a '<' in a definition must not start an HTML tag"
    assert "<em>Stalin</em>, Trotsky &amp; Zinoviev" in glossary, "explanations keep Markdown but not raw HTML"


def test_flashcards_page(data):
    from studyguide.pages.cards import build_cards
    from studyguide.pages.flashcards import render_flashcards

    assert_matches_golden("flashcards.md", render_flashcards(build_cards(data, MENTIONS), data.chapters))


def test_sources_page(data):
    citing_pages = {"historian-two": ("chapters/02-triumvirate.md",)}
    titles = {"chapters/02-triumvirate.md": "The Triumvirate"}
    assert_matches_golden("sources.md", render_sources(data.references, data.events, data.people, citing_pages, titles))



def test_revision_page(data):
    from studyguide.pages.cards import build_cards
    from studyguide.pages.revision import render_revision

    assert_matches_golden("revision.md", render_revision(build_cards(data, MENTIONS), data.chapters, ["date-x"]))
