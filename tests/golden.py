"""Golden-file comparison: expected renderer output lives in tests/golden/ and is reviewed like code."""

import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def assert_matches_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<name>``.

    Run with ``UPDATE_GOLDEN=1`` to rewrite the file after an intended change, then review the diff.
    """
    path = GOLDEN_DIR / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"tests/golden/{name} is missing; run UPDATE_GOLDEN=1 make test and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from tests/golden/{name}; if intended, run UPDATE_GOLDEN=1 make test"
