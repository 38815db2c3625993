"""No page or data file repeats twelve consecutive words of the source notes."""

import re
from pathlib import Path

import pytest

from originality import FINGERPRINTS, NOTES_DIR, copied_runs, fingerprints
from sitebuild import REPO_ROOT

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


def test_fingerprints_match_the_notes(known):
    """With the notes beside the checkout, the fingerprints must be theirs; without them the test fails.

    A checkout that cannot have the notes (CI) says so with SOURCE_NOTES=none; the committed
    fingerprints are then the only check, and must at least be well-formed.
    """
    assert all(re.fullmatch(r"[0-9a-f]{16}", line) for line in known) and len(known) > 1000, (
        f"{FINGERPRINTS.relative_to(REPO_ROOT)} is not a list of fingerprints: "
        "run .venv/bin/python tests/fingerprint_notes.py"
    )
    if NOTES_DIR is None:
        return
    notes = sorted(NOTES_DIR.glob("*.txt"))
    assert notes, (
        f"the source notes are not in {NOTES_DIR}: put the project's shared folder beside this checkout "
        "(../shared/source-notes), or set SOURCE_NOTES to the folder that holds the notes; "
        "where the notes cannot be had (CI), set SOURCE_NOTES=none to check against the fingerprints alone"
    )
    assert known == fingerprints(path.read_text(encoding="utf-8", errors="replace") for path in notes), (
        "the notes changed: run .venv/bin/python tests/fingerprint_notes.py"
    )
