"""The real build's generated pages and cross-links: glossary, who's who, timeline and key dates."""

import functools
from datetime import date

import pytest
from bs4 import BeautifulSoup

from studyguide.data.load import load_guide_data

from chapterparts import CHAPTER_ANCHORS, article

HAND_WRITTEN = [f"chapters/{chapter}" for chapter in CHAPTER_ANCHORS] + ["why-stalin-won", "about-the-notes", ""]


@pytest.fixture(scope="module")
def data():
    return load_guide_data()


@functools.cache  # each page is parsed once; the tests only read it
def _page(site_dir, path):
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("chapter", CHAPTER_ANCHORS)
def test_every_chapter_has_at_least_15_glossary_or_people_links(site_dir, chapter):
    links = article(site_dir, f"chapters/{chapter}").select("a.autolink")
    assert len(links) >= 15, f"{chapter}: only {len(links)} cross-links"
    assert all(link.get("data-preview") and not link.get("title") for link in links), "previews, not Material tooltips"
    described = {span["id"] for span in article(site_dir, f"chapters/{chapter}").select(".autolink-descriptions span")}
    assert all(link["aria-describedby"] in described for link in links), "each link is described by its preview"


@pytest.mark.parametrize("chapter", CHAPTER_ANCHORS)
def test_people_are_linked_once_per_chapter_and_never_in_the_summary(site_dir, chapter):
    content = article(site_dir, f"chapters/{chapter}")
    people = [link["href"] for link in content.select("a.autolink-person")]
    assert len(people) == len(set(people)), "a person is linked at the first mention on the page only"
    assert not content.select(
        ".admonition.abstract a.autolink, .admonition.question a.autolink, .admonition.example a.autolink"
    )


@pytest.mark.parametrize("page", HAND_WRITTEN)
def test_cross_links_skip_headings_and_question_titles(site_dir, page):
    content = article(site_dir, page)
    assert not content.select(
        "h1 a.autolink, h2 a.autolink, h3 a.autolink, summary a.autolink, .admonition-title a.autolink"
    )


def test_every_glossary_term_is_mentioned_and_links_back(site_dir, data):
    glossary = _page(site_dir, "glossary")
    for term in data.terms:
        heading = glossary.find(id=term.id)
        assert heading is not None, f"no glossary entry for {term.id}"
        entry_text = " ".join(sibling.get_text() for sibling in heading.find_next_siblings(limit=6))
        assert "Mentioned in:" in entry_text, f"no page mentions the glossary term {term.term!r}"


def test_every_person_is_mentioned_and_links_back(site_dir, data):
    people = _page(site_dir, "people")
    for person in data.people:
        card = people.find(id=person.id).find_parent("div", class_="person-card")
        assert "In the guide:" in card.get_text(), f"no page mentions {person.name}"


def test_glossary_jump_bar_reaches_every_letter_used(site_dir, data):
    glossary = _page(site_dir, "glossary")
    bar_targets = {link["href"].lstrip("#") for link in glossary.select(".az-bar a")}
    headings = {h2["id"] for h2 in glossary.select("article h2") if h2["id"].startswith("letter-")}
    assert bar_targets == headings


def test_a_chapter_link_leads_to_the_entry_and_the_entry_leads_back(site_dir):
    chapter = article(site_dir, "chapters/03-duumvirate")
    link = next(a for a in chapter.select("a.autolink-person") if "#bukharin" in a["href"])
    assert link["href"] == "../../people/#bukharin"
    card = _page(site_dir, "people").find(id="bukharin").find_parent("div", class_="person-card")
    assert any(a["href"].startswith("../chapters/03-duumvirate/#") for a in card.find_all("a"))


def test_timeline_is_in_chronological_order_with_every_event(site_dir, data):
    timeline = _page(site_dir, "timeline")
    stamps = [time["datetime"] for time in timeline.select(".tl-event time")]
    assert len(stamps) == len(data.events) >= 60
    keys = [tuple(int(part) for part in stamp.split("-")) + (0,) * (3 - stamp.count("-") - 1) for stamp in stamps]
    assert keys == sorted(keys)
    assert all(date(1917, 1, 1) <= date(k[0], max(k[1], 1), max(k[2], 1)) <= date(1940, 12, 31) for k in keys)


def test_every_event_links_to_a_heading_that_exists(site_dir, data):
    timeline = _page(site_dir, "timeline")
    for event in data.events:
        box = timeline.find(id=event.id)
        read = [a["href"] for a in box.select(".tl-links a") if "chapters/" in a["href"]]
        assert read == [f"../chapters/{event.section.chapter}/#{event.section.anchor}"]
        target = _page(site_dir, f"chapters/{event.section.chapter}")
        assert target.find(id=event.section.anchor) is not None, f"{event.id} points at a missing heading"


@pytest.mark.parametrize("chapter", CHAPTER_ANCHORS)
def test_key_dates_box_lists_only_this_chapters_events(site_dir, data, chapter):
    content = article(site_dir, f"chapters/{chapter}")
    box = next(
        box
        for box in content.select(".admonition.note")
        if box.select_one(".admonition-title").get_text() == "Key dates"
    )
    listed = [link["href"].split("#")[1] for link in box.select("a")]
    expected = [event.id for event in data.events if event.section.chapter == chapter]
    assert listed == expected and len(listed) >= 10


def test_chart_has_a_text_alternative_and_a_row_per_leader(site_dir):
    timeline = _page(site_dir, "timeline")
    svg = timeline.select_one("svg.struggle-chart")
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    names = [text.get_text() for text in svg.select("text.name")]
    assert names[0] == "Joseph Stalin" and {"Leon Trotsky", "Nikolai Bukharin", "Grigory Zinoviev"} <= set(names)
    text_version = svg.find_parent("div").find_next_sibling("details")
    assert text_version.summary.get_text() == "The chart as text"
    assert len(text_version.find_all("li")) == len(names)


def test_people_and_terms_link_to_their_timeline_events(site_dir):
    card = _page(site_dir, "people").find(id="trotsky").find_parent("div", class_="person-card")
    assert "../timeline/#trotsky-deported-to-turkey" in [a["href"] for a in card.find_all("a")]
    glossary = _page(site_dir, "glossary")
    entry_links = [
        a["href"] for sibling in glossary.find(id="alma-ata").find_next_siblings(limit=6) for a in sibling.find_all("a")
    ]
    assert any(href.startswith("../timeline/#") and "alma-ata" in href for href in entry_links), entry_links
