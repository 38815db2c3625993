"""Every chapter has the parts a student revises from, and covers every point the notes make."""

import re
from pathlib import Path

import pytest
import yaml

from chapterparts import CHAPTER_ANCHORS, CLOSING_ANCHORS, article, section_text, sections
from sitebuild import REPO_ROOT

COVERAGE_DIR = Path(__file__).resolve().parent / "notes-coverage"
CHAPTERS = list(CHAPTER_ANCHORS)


@pytest.fixture(scope="module")
def chapter_content(site_dir):
    return {chapter: article(site_dir, f"chapters/{chapter}") for chapter in CHAPTERS}


def _front_matter(chapter):
    text = (REPO_ROOT / "docs" / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_front_matter_names_title_description_and_period(chapter):
    meta = _front_matter(chapter)
    assert meta["title"] and meta["description"]
    assert re.fullmatch(r"19\d\d–19\d\d", meta["period"]), meta["period"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_sections_appear_in_the_fixed_order(chapter_content, chapter):
    anchors = [h2["id"] for h2 in chapter_content[chapter].find_all("h2")]
    expected = CHAPTER_ANCHORS[chapter] + CLOSING_ANCHORS
    assert [anchor for anchor in anchors if anchor in expected] == expected


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_opens_with_key_questions(chapter_content, chapter):
    first_box = chapter_content[chapter].select_one(".admonition")
    assert "question" in first_box["class"] and first_box.select_one(".admonition-title").get_text() == "Key questions"
    assert 3 <= len(first_box.find_all("li")) <= 6
    assert first_box.find_previous("h2") is None, "the Key questions box must come before the first section"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_closing_parts(chapter_content, chapter):
    parts = sections(chapter_content[chapter])
    assert len(section_text(parts["why-it-mattered"]).split()) >= 80
    summary = [element for element in parts["summary"] if "abstract" in (element.get("class") or [])]
    assert summary and len(summary[0].find_all("li")) >= 5
    questions = [element for element in parts["check-your-understanding"] if element.name == "details"]
    assert len(questions) >= 6
    for question in questions:
        assert len(section_text([question]).split()) > len(question.summary.get_text().split()) + 10, (
            "an answer is missing"
        )
    exam = parts["exam-question"]
    assert any("example" in (element.get("class") or []) for element in exam)
    plan = [element for element in exam if element.name == "details"]
    assert plan and plan[0].summary.get_text().strip() == "Plan of a strong answer"
    assert len(plan[0].find_all("li")) >= 4


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_narrative_is_1200_to_2500_words(chapter_content, chapter):
    parts = sections(chapter_content[chapter])
    narrative = [element for anchor in CHAPTER_ANCHORS[chapter] + ["why-it-mattered"] for element in parts[anchor]]
    words = len(section_text(narrative).split())
    assert 1200 <= words <= 2500, f"{chapter}: {words} words of narrative"


def _coverage():
    rows = []
    for path in sorted(COVERAGE_DIR.glob("*.yml")):
        for number, row in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")), start=1):
            rows.append(pytest.param(path.stem, row, id=f"{path.stem}-{number}"))
    return rows


def test_every_chapter_has_a_coverage_table():
    assert sorted(path.stem for path in COVERAGE_DIR.glob("*.yml")) == CHAPTERS


def test_every_note_contributes_points():
    notes = {note for param in _coverage() for note in param.values[1]["notes"]}
    assert notes == {"000", "001", "002", "003", "004"}


@pytest.mark.parametrize("chapter, row", _coverage())
def test_point_from_the_notes_is_covered_where_the_table_says(chapter_content, chapter, row):
    assert set(row) == {"notes", "point", "section", "evidence"}, row
    parts = sections(chapter_content[chapter])
    assert row["section"] in parts, f"{chapter} has no section #{row['section']} ({row['point']})"
    text = section_text(parts[row["section"]]).replace("’", "'")
    assert str(row["evidence"]).replace("’", "'").lower() in text.lower(), row["point"]
