"""The Exam practice page: enough questions, across every chapter, each with the full set of guidance."""

import re

import pytest
from bs4 import BeautifulSoup

from chapterparts import CHAPTER_ANCHORS, sections
from sitebuild import REPO_ROOT

EXAM_BOARDS = re.compile(r"\b(AQA|Edexcel|OCR|WJEC|Eduqas|CCEA|IB|Cambridge International|SQA)\b")


@pytest.fixture(scope="module")
def questions(site_dir):
    soup = BeautifulSoup((site_dir / "exam-practice" / "index.html").read_text(encoding="utf-8"), "html.parser")
    parts = sections(soup.select_one("article"))
    return {anchor: elements for anchor, elements in parts.items() if re.fullmatch(r"q\d+", anchor)}


def test_at_least_12_questions(questions):
    assert len(questions) >= 12


def test_each_question_has_command_word_plan_top_answer_mistakes_and_evidence(questions):
    for anchor, elements in questions.items():
        text = " ".join(element.get_text(" ") for element in elements)
        assert "Command word:" in text, anchor
        titles = [
            d.find("summary").get_text(strip=True) for e in elements for d in ([e] if e.name == "details" else [])
        ]
        assert titles[:3] == ["Plan", "What a top answer includes", "Common mistakes"], (anchor, titles)
        evidence = [
            a
            for e in elements
            for a in e.find_all("a")
            if "chapters/" in a.get("href", "") or "why-stalin-won/" in a.get("href", "")
        ]
        assert evidence, f"{anchor} links to no evidence"


def test_questions_cover_every_chapter_and_the_synthesis(questions):
    linked = " ".join(
        a["href"] for elements in questions.values() for e in elements for a in e.find_all("a", href=True)
    )
    for chapter in CHAPTER_ANCHORS:
        assert f"chapters/{chapter}/" in linked, f"no question draws on {chapter}"
    assert "why-stalin-won/" in linked


def test_no_question_claims_a_named_exam_board():
    text = (REPO_ROOT / "docs" / "exam-practice.md").read_text(encoding="utf-8")
    assert not EXAM_BOARDS.search(text)
