"""Flashcards: built from the data, unique, linked, with stable ids and prompts that read as questions."""

import re

import pytest
from bs4 import BeautifulSoup

from studyguide.data.load import load_guide_data
from studyguide.pages.cards import CARD_KINDS, build_cards, headline


@pytest.fixture(scope="module")
def data():
    return load_guide_data()


@pytest.fixture(scope="module")
def cards(data):
    return build_cards(data, {})


def test_at_least_150_cards_of_every_kind(cards):
    assert len(cards) >= 150
    assert {card.kind for card in cards} == set(CARD_KINDS)


def test_no_empty_or_duplicate_cards(cards):
    assert all(card.question.strip() and card.answer.strip() for card in cards)
    assert len({card.id for card in cards}) == len(cards)
    assert len({card.question for card in cards}) == len(cards)


def test_every_answer_comes_from_the_data(data, cards):
    terms = {term.id: term for term in data.terms}
    people = {person.id: person for person in data.people}
    events = {event.id: event for event in data.events}
    misconceptions = {item.id: item for item in data.misconceptions}
    for card in cards:
        kind, _, key = card.id.partition("-")
        if kind == "term":
            assert card.answer == terms[key].definition
        elif kind == "person":
            assert people[key].fate in card.answer and card.answer.startswith(people[key].profile.split(". ")[0])
        elif kind == "when":
            assert card.answer == events[key].date.display() and headline(events[key].title) in card.question
        elif kind == "what":
            assert card.answer.startswith(events[key].title) and events[key].date.display() in card.question
        elif kind == "truefalse":
            assert card.question == f"True or false: {misconceptions[key].claim.rstrip('.')}?"
            assert card.answer.startswith("False. ")
        else:
            phase, person = key.rsplit("-", 1)[0], key.rsplit("-", 1)[1]
            side = next(side for side in people[person].sides if side.phase == phase)
            assert side.note in card.answer


def test_date_questions_have_one_right_answer(data, cards):
    for card in cards:
        if card.kind == "what":
            matching = [event for event in data.events if f"on {event.date.display()}?" in card.question]
            assert len(matching) == 1, card.question


def test_flashcards_page_groups_by_chapter_and_kind_and_links_every_answer(site_dir, data):
    soup = BeautifulSoup((site_dir / "flashcards" / "index.html").read_text(encoding="utf-8"), "html.parser")
    chapters = [h2["id"] for h2 in soup.select("article h2") if h2["id"].startswith("cards-")]
    assert chapters == [f"cards-{stem}" for stem in sorted(data.chapters)]
    details = soup.select("details.flashcard")
    assert len(details) >= 150
    for card in details:
        assert card.find("summary").get_text(strip=True)
        assert card.select_one("a.card-source")["href"].startswith("../")
    ids = [card["data-card-id"] for card in details]
    assert len(set(ids)) == len(ids) == len(build_cards(data, {})), "every card carries its stable id"
    assert {"term-politburo", "person-stalin"} <= set(ids)



# Each revision script, and the pages that load it (in this order): no other page loads it.
REVISION_SCRIPTS = {
    "vendor/ts-fsrs.umd.js": {"flashcards"},
    "revision-store.js": {"flashcards", "quiz", "revision", "chapters"},
    "revision-dom.js": {"flashcards", "quiz", "revision"},
    "drill.js": {"flashcards"},
    "quiz.js": {"quiz"},
    "revision.js": {"revision"},
    "revised.js": {"chapters"},
}


def test_revision_scripts_load_only_on_the_pages_that_use_them_and_in_order(site_dir):
    loaded_by: dict[str, set[str]] = {name: set() for name in REVISION_SCRIPTS}
    for path in site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sources = [tag["src"].split("assets/javascripts/", 1)[-1] for tag in soup.select("script[src]")]
        ours = [source for source in sources if source in REVISION_SCRIPTS]
        assert ours == sorted(ours, key=list(REVISION_SCRIPTS).index), f"{path}: the store and helpers load first"
        for name in ours:
            loaded_by[name].add(path.relative_to(site_dir).parts[0])
    assert loaded_by == REVISION_SCRIPTS


# Prompt quality: every question reads as a person would ask it.
LEFTOVER_SYNTAX = re.compile(r"^\w+:|[{}\[\]<>|*_\\]|\s{2}")
OPENING, CLOSING = "“", "”"


def prompt_problems(prompt: str, phase_titles) -> list[str]:
    """What makes a prompt read mechanically (empty when it reads as a person would ask it)."""
    problems = []
    if LEFTOVER_SYNTAX.search(prompt):
        problems.append("leftover field syntax")
    if '"' in prompt:
        problems.append("straight double quotes (use “ ”)")
    depth = 0
    for character in prompt:
        depth += {OPENING: 1, CLOSING: -1}.get(character, 0)
        if depth > 1 or depth < 0:
            problems.append("nested or unbalanced quotes")
            break
    if depth:
        problems.append("unbalanced quotes")
    if any(title in prompt for title in phase_titles.values()):
        problems.append("a phase name instead of a chapter name")
    # A question, or a statement to judge after "True or false?".
    if not (prompt[:1].isupper() and (prompt.endswith("?") or prompt.startswith("True or false? "))):
        problems.append("not a question starting with a capital")
    return problems


@pytest.mark.parametrize(
    "prompt, problem",
    [
        ('When: Bukharin\'s speech "Lenin\'s Political Testament"?', "leftover field syntax"),
        ("What was meant by “the “Great Turn””?", "nested or unbalanced quotes"),
        ("Where did Lev Kamenev stand in The Triumvirate (1922–1925)?", "a phase name instead of a chapter name"),
        ("Who was {name}?", "leftover field syntax"),
        ("who was Stalin", "not a question starting with a capital"),
    ],
)
def test_prompt_rules_catch_mechanical_prompts(data, prompt, problem):
    assert problem in prompt_problems(prompt, data.phase_titles)


def test_every_prompt_reads_as_a_person_would_ask_it(data, cards):
    bad = {card.question: prompt_problems(card.question, data.phase_titles) for card in cards}
    assert not {question: problems for question, problems in bad.items() if problems}


def test_alliance_prompts_name_the_chapter(data, cards):
    for card in cards:
        if card.kind == "alliance":
            assert f"“{data.chapters[card.chapter].title}”" in card.question, card.question
