"""Detects wording copied from the source notes: runs of twelve words that a page shares with them.

The notes live outside the repository (``../shared/source-notes``, or the folder named by
``SOURCE_NOTES``), so the check compares against fingerprints (hashes) of every twelve-word run in
them, kept in ``tests/data/notes-fingerprints.txt``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from studyguide.paths import REPO_ROOT

FINGERPRINTS = REPO_ROOT / "tests" / "data" / "notes-fingerprints.txt"
# SOURCE_NOTES=none says that this checkout has no notes (as in CI): only the fingerprints are used.
NOTES_SETTING = os.environ.get("SOURCE_NOTES", str(REPO_ROOT.parent / "shared" / "source-notes"))
NOTES_DIR = None if NOTES_SETTING == "none" else Path(NOTES_SETTING)

RUN_LENGTH = 12
_WORD = re.compile(r"[a-z0-9']+")


def word_runs(text: str, length: int = RUN_LENGTH) -> set[str]:
    """Every run of ``length`` consecutive words in ``text``, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}


def fingerprint(run: str) -> str:
    """A short, stable hash of one run of words."""
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:16]


def fingerprints(texts: Iterable[str]) -> set[str]:
    """The fingerprints of every twelve-word run in ``texts``."""
    return {fingerprint(run) for text in texts for run in word_runs(text)}


def copied_runs(text: str, known: set[str]) -> list[str]:
    """The twelve-word runs of ``text`` whose fingerprints are in ``known``."""
    return sorted(run for run in word_runs(text) if fingerprint(run) in known)
