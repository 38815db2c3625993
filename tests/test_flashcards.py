"""Flashcards: built from the data, unique, linked; the drill works in a real browser."""

import pytest
from bs4 import BeautifulSoup

from browser import browser
from linkcheck import serve
from sitebuild import SUB_PATH
from studyguide.pages.cards import CARD_KINDS, build_cards
from studyguide.data.load import load_guide_data


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
    for card in cards:
        kind, _, key = card.id.partition("-")
        if kind == "term":
            assert card.answer == terms[key].definition
        elif kind == "person":
            assert people[key].fate in card.answer and card.answer.startswith(people[key].profile.split(". ")[0])
        elif kind == "when":
            assert card.answer == events[key].date.display() and events[key].title in card.question
        elif kind == "what":
            assert card.answer.startswith(events[key].title) and events[key].date.display() in card.question
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
    chapters = [h2["id"] for h2 in soup.select("article h2")]
    assert chapters == [f"cards-{stem}" for stem in sorted(data.chapters)]
    details = soup.select("details.flashcard")
    assert len(details) >= 150
    for card in details:
        assert card.find("summary").get_text(strip=True)
        assert card.select_one("a.card-source")["href"].startswith("../")


@pytest.fixture(scope="module")
def flashcards_url(site_dir, tmp_path_factory):
    with serve(site_dir, SUB_PATH, tmp_path_factory.mktemp("drill")) as root_url:
        yield f"{root_url}flashcards/"


def test_drill_reveal_mark_reload_reset(flashcards_url):
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(flashcards_url)
        status = page.locator(".drill-status")
        assert status.inner_text().startswith("You know 0 of ")

        page.get_by_role("button", name="Start drill").click()
        question = page.locator(".drill-question")
        assert question.is_visible() and question.inner_text().strip()
        assert page.locator(".drill-answer").is_hidden()
        page.get_by_role("button", name="Show answer").click()
        assert page.locator(".drill-answer").is_visible()
        page.get_by_role("button", name="Knew it").click()

        first_again = question.inner_text()
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name="Not yet").click()
        for _ in range(3):
            page.get_by_role("button", name="Show answer").click()
            page.get_by_role("button", name="Knew it").click()
        assert question.inner_text() == first_again, "a card marked 'not yet' comes back after three others"
        assert "You know 4 of " in status.inner_text()

        page.reload()
        assert page.locator(".drill-status").inner_text().startswith("You know 4 of ")

        page.get_by_role("button", name="Reset progress").click()
        assert "You know 0 of " in page.locator(".drill-status").inner_text()
        page.reload()
        assert page.locator(".drill-status").inner_text().startswith("You know 0 of ")


def test_drill_is_keyboard_operable(flashcards_url):
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(flashcards_url)
        focused = 'document.activeElement.classList.contains("{}")'.format
        page.locator("#drill-deck").select_option(index=2)
        page.get_by_role("button", name="Start drill").focus()
        page.keyboard.press("Enter")
        assert page.evaluate(focused("drill-question")), "the question takes the focus"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Show answer"
        page.keyboard.press("Enter")
        assert page.evaluate(focused("drill-answer")), "the revealed answer takes the focus"
        for _ in range(3):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent") == "Knew it":
                break
        assert page.evaluate("document.activeElement.textContent") == "Knew it"
        page.keyboard.press("Enter")
        assert "You know 1 of " in page.locator(".drill-status").inner_text()
        assert page.evaluate(focused("drill-question"))
