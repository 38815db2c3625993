"""Quick quiz from the real data: enough questions, honest distractors, links that resolve, readable prompts."""

from pathlib import Path

import pytest

from studyguide.data.load import load_guide_data
from studyguide.pages.quiz import QUIZ_KINDS, build_questions, render_quiz, right_answer
from test_flashcards import prompt_problems

from golden import assert_matches_golden


@pytest.fixture(scope="module")
def data():
    return load_guide_data()


@pytest.fixture(scope="module")
def questions(data):
    return build_questions(data, {})


def test_at_least_150_questions_across_the_five_chapters_with_unique_ids(data, questions):
    assert len(questions) >= 150
    assert {q.chapter for q in questions} == set(data.chapters)
    assert len({q.id for q in questions}) == len(questions)


def test_distractors_never_equal_the_answer_nor_repeat(questions):
    for question in questions:
        assert len(set(question.choices)) == len(question.choices), question.id
        if question.kind in ("date", "term", "post"):
            assert len(question.choices) == 4 and question.choices.count(right_answer(question)) == 1, question.id
        else:
            assert sorted(question.answer) == list(range(len(question.choices))), question.id


def test_every_link_resolves_to_a_real_section(data, questions):
    people = {person.id for person in data.people}
    terms = {term.id for term in data.terms}
    for question in questions:
        if question.link_page.startswith("chapters/"):
            stem = question.link_page[len("chapters/"):-len(".md")]
            assert question.link_anchor in data.chapters[stem].headings, question.id
        elif question.link_page == "people.md":
            assert question.link_anchor in people, question.id
        else:
            assert question.link_page == "glossary.md" and question.link_anchor in terms, question.id


def test_prompts_read_as_a_person_would_ask_them(data, questions):
    bad = {q.id: prompt_problems(q.prompt.replace(".", "?") if q.prompt.endswith(".") else q.prompt, data.phase_titles)
           for q in questions}
    assert not {qid: problems for qid, problems in bad.items() if problems}


QUIZ_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "quiz"


@pytest.fixture(scope="module")
def fixture_questions():
    return build_questions(load_guide_data(QUIZ_FIXTURE / "data", QUIZ_FIXTURE / "docs"), {})


@pytest.mark.parametrize("kind", QUIZ_KINDS)
def test_each_kind_of_question_from_the_fixture_matches_its_golden_file(fixture_questions, kind):
    chapters = load_guide_data(QUIZ_FIXTURE / "data", QUIZ_FIXTURE / "docs").chapters
    of_kind = [question for question in fixture_questions if question.kind == kind]
    assert of_kind, f"the quiz fixture makes no {kind} question"
    assert_matches_golden(f"quiz-{kind}.md", render_quiz(of_kind, chapters))


def test_fixture_order_question_never_orders_overlapping_dates(fixture_questions):
    # "1924" and "21 January 1924" cannot be put in a certain order, so they never share a question.
    for question in fixture_questions:
        if question.kind == "order":
            assert not ({"Lenin dies", "Trotsky publishes ‘Lessons of October’"} <= set(question.choices))
