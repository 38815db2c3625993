"""No page or data file repeats twelve consecutive words of the source notes."""

from pathlib import Path

import pytest

from sitebuild import REPO_ROOT
from originality import copied_runs, fingerprints

FINGERPRINTS = REPO_ROOT / "tests" / "data" / "notes-fingerprints.txt"
NOTES_DIR = REPO_ROOT.parent / "shared" / "source-notes"
WRITTEN = sorted(
    [*(REPO_ROOT / "docs").rglob("*.md"), *(REPO_ROOT / "data").glob("*.yml")],
    key=lambda path: str(path),
)


@pytest.fixture(scope="module")
def known():
    return set(FINGERPRINTS.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("path", WRITTEN, ids=[str(path.relative_to(REPO_ROOT)) for path in WRITTEN])
def test_no_run_of_twelve_words_from_the_notes(known, path: Path):
    copied = copied_runs(path.read_text(encoding="utf-8"), known)
    assert not copied, f"{path.relative_to(REPO_ROOT)} repeats the notes: {copied[:3]}"


def test_the_check_catches_a_copied_run_but_not_shared_short_phrases():
    source = "One two three four five six seven eight nine ten eleven twelve thirteen."
    known = fingerprints([source])
    assert copied_runs("Intro. ONE two, three four five six seven eight nine ten eleven twelve!", known) == [
        "one two three four five six seven eight nine ten eleven twelve"
    ]
    assert copied_runs("one two three four five six seven eight nine ten eleven", known) == []


@pytest.mark.skipif(not NOTES_DIR.is_dir(), reason="the source notes are not beside this checkout (../shared)")
def test_fingerprints_match_the_notes(known):
    notes = sorted(NOTES_DIR.glob("*.txt"))
    assert known == fingerprints(path.read_text(encoding="utf-8", errors="replace") for path in notes), (
        "the notes changed: run .venv/bin/python tests/fingerprint_notes.py"
    )
