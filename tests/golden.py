"""Golden-file comparison: expected renderer output lives in tests/golden/ and is reviewed like code."""

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def assert_matches_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<name>``, failing with a unified diff when they differ.

    Run with ``UPDATE_GOLDEN=1`` to rewrite the file after an intended change, then review the diff.
    """
    path = GOLDEN_DIR / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.is_file():
        pytest.fail(f"tests/golden/{name} is missing; run UPDATE_GOLDEN=1 make test and review it", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"tests/golden/{name}",
            "actual output",
        )
        pytest.fail(
            f"output differs from tests/golden/{name}; if intended, run UPDATE_GOLDEN=1 make test and review:\n"
            + "".join(diff),
            pytrace=False,
        )
