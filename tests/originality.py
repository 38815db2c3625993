"""Detects wording copied from the source notes: runs of twelve words that a page shares with them.

The notes live outside the repository (``../shared/source-notes``), so the check compares against
fingerprints (hashes) of every twelve-word run in them, kept in ``tests/data/notes-fingerprints.txt``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

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
