"""The revision engine in a real browser: FSRS drill, quick quiz, My revision, export/import, bad data, axe."""

import json
import re

import pytest
from playwright.sync_api import expect

from browser import axe_violations, keep_only, rules_for, wait_until

KEY = "stalin-guide:revision"


@pytest.fixture
def context(chromium):
    """A fresh browser profile (empty localStorage) that fails the test on any script error."""
    # The offline worker would serve pages from its cache, past the routes that reword or remove a card.
    context = chromium.new_context(accept_downloads=True, service_workers="block")
    errors = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    yield context
    context.close()
    assert not errors, errors


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def with_store(context, text):
    """Put ``text`` in the store before any page script runs."""
    seed(context, KEY, text)


def seed(context, key, text):
    """Set a localStorage item once per tab, before the first page's scripts run (about:blank has no storage)."""
    context.add_init_script(f"try {{ if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem({json.dumps(key)}, "
                            f"{json.dumps(text)}); sessionStorage.setItem('seeded', '1'); }} }} catch (e) {{}}")


def open_drill(page, site_url, deck="02-triumvirate"):
    page.goto(site_url + "flashcards/")
    page.locator("#drill-deck").select_option(deck)


def current_card(page):
    return page.locator(".drill-card").get_attribute("data-card-id")


def test_full_drill_session_is_scheduled_by_fsrs_and_survives_a_reload(site_url, context):
    page = context.new_page()
    open_drill(page, site_url)
    page.locator("#drill-new").fill("3")
    page.locator("#drill-new").dispatch_event("change")
    assert "plus 3 new" in page.locator(".drill-status").inner_text()
    page.get_by_role("button", name="Start drill").click()
    first = current_card(page)
    assert page.locator(".drill-answer").is_hidden()
    page.get_by_role("button", name="Show answer").click()
    assert page.locator(".drill-answer").is_visible()
    page.locator('[data-rating="3"]').click()  # Good
    second = current_card(page)
    assert second != first
    page.keyboard.press(" ")
    page.keyboard.press("1")  # Again: it comes back in this session, after the remaining card
    third = current_card(page)
    page.keyboard.press(" ")
    page.keyboard.press("4")
    assert current_card(page) == second, "a card rated Again comes back within the session"
    page.keyboard.press(" ")
    page.keyboard.press("3")
    assert "Session finished: 4 reviews" in page.locator(".drill-status").inner_text()

    store = stored(page)
    assert set(store["cards"]) == {first, second, third}, "progress is kept by the cards' stable ids"
    end_of_today = page.evaluate("window.StalinRevision.endOfToday().toISOString()")
    assert all(record["due"] > end_of_today for record in store["cards"].values()), "nothing reviewed is due today"
    assert store["cards"][second]["again_at"] and store["cards"][second]["lapses"] >= 0
    assert store["newCards"]["count"] == 3

    page.reload()
    page.locator("#drill-deck").select_option("02-triumvirate")
    status = page.locator(".drill-status").inner_text()
    assert "Due today: 0 cards, plus 0 new" in status and "Seen 3 of" in status and "1 recent mistakes" in status
    page.get_by_role("button", name="Start drill").click()
    assert "Nothing to review here right now" in page.locator(".drill-status").inner_text()
    page.locator("#drill-which").select_option("mistakes")
    page.get_by_role("button", name="Start drill").click()
    assert current_card(page) == second


def test_a_reworded_card_keeps_its_history_and_a_removed_one_drops_it(site_url, context):
    page = context.new_page()
    open_drill(page, site_url)
    page.get_by_role("button", name="Start drill").click()
    card = current_card(page)
    page.keyboard.press(" ")
    page.keyboard.press("1")
    before = stored(page)["cards"][card]

    def reword(route):
        html = route.fetch().text()
        html = re.sub(rf'(data-card-id="{card}"[^>]*>\s*<summary>)[^<]*', r"\1A question worded afresh?", html)
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    page.route("**/flashcards/", reword)
    page.reload()
    page.locator("#drill-which").select_option("mistakes")
    page.get_by_role("button", name="Start drill").click()
    assert current_card(page) == card
    assert page.locator(".drill-question").inner_text() == "A question worded afresh?"
    assert stored(page)["cards"][card] == before

    def remove(route):
        html = route.fetch().text()
        html = re.sub(rf'<details class="flashcard" data-card-id="{card}".*?</details>', "", html, flags=re.S)
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    page.unroute("**/flashcards/")
    page.route("**/flashcards/", remove)
    page.reload()
    assert card not in stored(page)["cards"], "a card gone from the guide takes its history with it"
    page.unroute("**/flashcards/")


def test_quiz_marks_right_and_wrong_at_once_with_why_and_a_working_link(site_url, context):
    page = context.new_page()
    page.goto(site_url + "quiz/")
    question = page.locator('[data-question-id="date-october-revolution"]')
    assert question.locator("details.quiz-answer").get_attribute("open") is None
    question.get_by_role("button", name=re.compile("16 March 1919")).click()
    feedback = question.locator(".quiz-feedback")
    assert feedback.inner_text().startswith("Not quite.") and "7 November 1917" in feedback.inner_text()
    assert question.locator("details.quiz-answer").get_attribute("open") is not None
    assert "Why:" in question.locator("details.quiz-answer").inner_text()
    # The right answer is shown on the options too, where the eye already is, and only after a wrong choice.
    marked = question.locator(".quiz-option.quiz-the-answer")
    assert marked.count() == 1 and "7 November 1917" in marked.inner_text()
    question.get_by_role("button", name=re.compile("7 November 1917")).click()
    assert question.locator(".quiz-option.quiz-the-answer").count() == 0
    assert feedback.inner_text().startswith("Right.")
    assert question.get_attribute("data-result") == "right"

    order = page.locator('[data-kind="order"]').first
    answer = [int(rank) for rank in order.get_attribute("data-answer").split()]
    selects = order.locator(".quiz-selects select")
    for index, rank in enumerate(answer):
        selects.nth(index).select_option(value=str((rank + 1) % len(answer)))
    order.get_by_role("button", name="Check the order").click()
    assert order.locator(".quiz-feedback").inner_text().startswith("Not quite.")
    for index, rank in enumerate(answer):
        selects.nth(index).select_option(value=str(rank))
    order.get_by_role("button", name="Check the order").click()
    assert order.locator(".quiz-feedback").inner_text().startswith("Right.")

    match = page.locator('[data-kind="match"]').first
    for index, post in enumerate(match.get_attribute("data-answer").split()):
        match.locator(".quiz-selects select").nth(index).select_option(value=post)
    match.get_by_role("button", name="Check the matches").click()
    assert match.locator(".quiz-feedback").inner_text().startswith("Right.")

    question.locator("a.quiz-source").click()
    page.wait_for_url(re.compile(r"/chapters/01-background/#october-revolution$"))
    assert page.locator("#october-revolution").is_visible()


def test_quiz_of_ten_mixes_chapters_leans_to_weak_cards_and_records_the_score(site_url, context):
    page = context.new_page()
    page.goto(site_url + "quiz/")
    # One weak card (rated Again in the drill) from each chapter: every one should be in the quiz.
    weak = page.evaluate("""() => {
        const seen = {}, ids = [];
        document.querySelectorAll('.quiz-question[data-kind="date"]').forEach(q => {
            const c = q.dataset.chapter;
            if (!seen[c]) { seen[c] = 1; ids.push(q.dataset.cardId); }
        });
        return ids; }""")
    assert len(weak) == 5
    now = "2026-01-01T00:00:00.000Z"
    record = {"due": "2099-01-01T00:00:00.000Z", "stability": 1, "difficulty": 7, "elapsed_days": 0,
              "scheduled_days": 1, "learning_steps": 0, "reps": 1, "lapses": 1, "state": 3, "last_review": now,
              "last_rating": 1, "again_at": now}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"version": 2, "cards": {card: record for card in weak}})])
    page.reload()
    page.get_by_role("button", name="Start a quiz of 10").click()
    shown = page.locator(".quiz-round .quiz-picked")
    # The first questions appear with the tap and the rest on the next frame.
    expect(shown).to_have_count(10)
    expect(page.locator(".quiz-question:visible")).to_have_count(10)
    cards = [shown.nth(i).get_attribute("data-card-id") for i in range(10)]
    chapters = {shown.nth(i).get_attribute("data-chapter") for i in range(10)}
    assert set(weak) <= set(cards), "the weak cards come first"
    assert len(chapters) == 5, "a quiz of 10 mixes every chapter"
    for i in range(10):
        question = shown.nth(i)
        if question.locator(".quiz-options button").count():
            question.locator(".quiz-options button").first.click()
        else:
            for index, value in enumerate(question.get_attribute("data-answer").split()):
                question.locator(".quiz-selects select").nth(index).select_option(value=value)
            question.locator(".quiz-selects button").click()
    assert "Quiz finished:" in page.locator(".quiz-status").inner_text()
    quizzes = stored(page)["quizzes"]
    assert len(quizzes) == 1 and quizzes[0]["total"] == 10
    page.goto(site_url + "revision/")
    assert re.search(r"\d+ out of 10 on ", page.locator("#revision-quizzes").inner_text())


def test_quiz_of_ten_keeps_drop_downs_only_on_its_own_questions_and_brings_them_back_when_drawn(site_url, context):
    # A drop-down anywhere on the page makes the browser lay out every question set aside when one takes focus.
    page = context.new_page()
    page.goto(site_url + "quiz/")
    start = page.locator('[data-quiz="start"]')
    outside = "[...document.querySelectorAll('select')].filter(s => !s.closest('.quiz-picked')).length"
    in_quiz = "q => q.querySelectorAll(':scope > .quiz-selects select').length"
    assert page.evaluate(outside) > 0, "the full list has its order and match questions' drop-downs"
    previous, returning = set(), None
    for _ in range(20):  # until a quiz draws an order or match question that the quiz before it set aside
        start.click()
        shown = page.locator(".quiz-round .quiz-picked")
        expect(shown).to_have_count(10)
        wait_until(page, f"{outside} === 0")
        assert page.evaluate("document.querySelector('.quiz-all').offsetHeight") == 0, "the rest take no room"
        drawn = {shown.nth(i).get_attribute("data-question-id"): shown.nth(i).get_attribute("data-kind")
                 for i in range(10)}  # fmt: skip
        returning = next((qid for qid, kind in drawn.items()
                          if previous and qid not in previous and kind in ("order", "match")), None)  # fmt: skip
        if returning:
            break
        previous = set(drawn)
    assert returning, "no quiz drew an order or match question that had been set aside"
    question = page.locator(f'.quiz-round [data-question-id="{returning}"]')
    answer = question.get_attribute("data-answer").split()
    assert question.evaluate(in_quiz) == len(answer), "its drop-downs are back"
    for index, value in enumerate(answer):
        question.locator(".quiz-selects select").nth(index).select_option(value=value)
    question.locator(".quiz-selects button").click()
    expect(question.locator(".quiz-feedback")).to_have_text(re.compile(r"^Right\."))


def _make_progress(page, site_url):
    open_drill(page, site_url, "03-duumvirate")
    page.get_by_role("button", name="Start drill").click()
    for rating in ("3", "1", "4"):
        page.keyboard.press(" ")
        page.keyboard.press(rating)
    page.goto(site_url + "chapters/02-triumvirate/")
    toggle = page.locator(".revised-toggle").first
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(site_url + "revision/")
    page.locator("#rag-02-triumvirate").select_option("amber")


def test_export_then_import_into_a_fresh_browser_gives_the_same_progress(site_url, chromium, context, tmp_path):
    page = context.new_page()
    _make_progress(page, site_url)
    assert page.locator('tr[data-chapter="03-duumvirate"] [data-stat="seen"]').inner_text() == "3"
    assert "revised" in page.locator("#revision-sections").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    original = stored(page)

    fresh = chromium.new_context()
    other = fresh.new_page()
    other.goto(site_url + "revision/")
    assert other.locator('tr[data-chapter="03-duumvirate"] [data-stat="seen"]').inner_text() == "0"
    other.once("dialog", lambda dialog: dialog.accept())
    other.locator("#revision-import").set_input_files(str(exported))
    wait_until(other, "document.querySelector('.revision-status').textContent.startsWith('Progress imported')")
    assert stored(other) == original
    assert other.locator('tr[data-chapter="03-duumvirate"] [data-stat="seen"]').inner_text() == "3"
    assert other.locator("#rag-02-triumvirate").input_value() == "amber"
    fresh.close()


JUNK = ["{not json", "42", "null", '"text"', "[1, 2]", '{"version": 99, "cards": {}}',
        '{"version": 2, "cards": {"term-politburo": {"due": "soon"}, "BAD ID": 5}, "rag": []}']


def test_corrupt_or_foreign_store_is_reported_and_ignored(site_url, context):
    page = context.new_page()
    page.goto(site_url + "revision/")
    for junk in JUNK:
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, junk])
        page.reload()
        problems = page.locator(".revision-problems")
        assert problems.is_visible() and "ignored" in problems.inner_text(), junk
        assert page.locator('tr[data-chapter="02-triumvirate"] [data-stat="seen"]').inner_text() == "0", junk
    # The drill and the quiz read the store through the same code: one bad store each shows they cope.
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, JUNK[0]])
    page.goto(site_url + "flashcards/")
    assert page.locator(".drill-status").inner_text().startswith("Due today:")
    assert "not valid JSON" in page.locator(".revision-problems").inner_text()
    page.goto(site_url + "quiz/")
    page.get_by_role("button", name="Start a quiz of 10").click()
    expect(page.locator(".quiz-round .quiz-picked")).to_have_count(10)


def test_old_drill_progress_is_migrated_away_with_a_note(site_url, context):
    seed(context, "stalin-guide:drill:v1", '{"c1x": {"box": 2, "seen": 3}}')
    page = context.new_page()
    page.goto(site_url + "flashcards/")
    assert "old drill" in page.locator(".revision-problems").inner_text()
    assert page.evaluate("localStorage.getItem('stalin-guide:drill:v1')") is None


BAD_IMPORTS = [b"not json at all", b'{"hello": "world"}', b'{"format": "stalin-guide-revision"}']


def test_corrupt_import_file_is_reported_and_changes_nothing(site_url, context, tmp_path):
    page = context.new_page()
    _make_progress(page, site_url)  # once: each bad file in turn must leave the same progress untouched
    before = stored(page)
    for number, content in enumerate(BAD_IMPORTS):
        bad = tmp_path / f"bad-{number}.json"
        bad.write_bytes(content)
        page.evaluate("document.querySelector('.revision-status').textContent = ''")
        page.locator("#revision-import").set_input_files(str(bad))
        wait_until(page, "/ignored/.test(document.querySelector('.revision-status').textContent)")
        assert stored(page) == before, content


def test_per_deck_reset_asks_first_and_touches_only_that_deck(site_url, context):
    page = context.new_page()
    _make_progress(page, site_url)
    open_drill(page, site_url, "02-triumvirate")
    page.get_by_role("button", name="Start drill").click()
    page.keyboard.press(" ")
    page.keyboard.press("3")
    page.goto(site_url + "revision/")
    seen = page.locator('tr[data-chapter="02-triumvirate"] [data-stat="seen"]')
    assert seen.inner_text() == "1"
    before = stored(page)

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset flashcard progress for The Triumvirate").click()
    assert stored(page) == before and seen.inner_text() == "1"

    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Reset flashcard progress for The Triumvirate").click()
    assert "The Triumvirate" in messages[0]
    after = stored(page)
    assert seen.inner_text() == "0"
    assert after["cards"] == {k: v for k, v in before["cards"].items() if k not in _deck(page, "02-triumvirate")}
    assert page.locator('tr[data-chapter="03-duumvirate"] [data-stat="seen"]').inner_text() == "3"
    assert after["revised"] == before["revised"] and after["rag"] == before["rag"]


def _deck(page, chapter):
    data = json.loads(page.locator("#revision-data").text_content())
    return set(next(c for c in data["chapters"] if c["id"] == chapter)["cards"])


def test_keyboard_only_drill_quiz_and_revised_toggle(site_url, context):
    page = context.new_page()
    open_drill(page, site_url)
    page.locator("#drill-deck").focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Start drill":
            break
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('drill-question')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Show answer"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('drill-answer')")
    for _ in range(4):  # past the answer's link to the ratings
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.rating") == "1":
            break
    assert page.evaluate("document.activeElement.dataset.rating") == "1"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Good
    assert len(stored(page)["cards"]) == 1

    page.goto(site_url + "quiz/")
    page.get_by_role("button", name="Start a quiz of 10").focus()
    page.keyboard.press("Enter")
    first = page.locator(".quiz-round .quiz-picked").first
    focused = "document.activeElement === document.querySelector('.quiz-round .quiz-picked .quiz-prompt')"
    assert page.evaluate(focused), "focus moves to the first question, which a screen reader reads"
    for _ in range(first.locator("select").count()):  # an order or match question: each drop-down's first answer
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # the first choice, or the button that checks the drop-downs
    page.keyboard.press("Enter")
    expect(first.locator(".quiz-feedback")).to_be_visible()

    page.goto(site_url + "chapters/03-duumvirate/")
    page.locator(".revised-toggle").first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".revised-toggle").first.get_attribute("aria-pressed") == "true"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_engine_in_use(site_url, chromium, scheme):
    context = chromium.new_context(color_scheme=scheme, service_workers="block")
    page = context.new_page()
    _make_progress(page, site_url)
    found = {}

    def check(name, region):
        # Only what the engine has changed: every page's first state is checked whole by test_accessibility.py.
        if region != "article":
            keep_only(page, region)  # the quiz page's whole question bank would cost more than the check
        violations = axe_violations(page, region, rules=rules_for(scheme))
        if violations:
            found[name] = violations[:5]

    check("revision with progress", "article")
    page.goto(site_url + "quiz/")
    page.get_by_role("button", name="Start a quiz of 10").click()
    page.locator(".quiz-round .quiz-options button").first.click()
    check("quiz answered", ".quiz-round")
    # The drill with an answer shown is checked by test_accessibility.py, every page's first state there too.
    context.close()
    assert not found, found
