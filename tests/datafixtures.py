"""A small valid data set (tests/fixtures/valid) and a way to break one file of it for a test."""

import shutil
from pathlib import Path

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"


def copy_valid(destination: Path) -> Path:
    """Copy the valid fixture (data/ and docs/) into ``destination`` and return it."""
    shutil.copytree(VALID, destination, dirs_exist_ok=True)
    return destination


def edit(root: Path, relative: str, old: str | None, new: str | bytes) -> None:
    """Replace ``old`` with ``new`` in a fixture file, or the whole file when ``old`` is None."""
    path = root / relative
    if isinstance(new, bytes):
        path.write_bytes(new)
        return
    text = path.read_text(encoding="utf-8")
    if old is not None:
        assert old in text, f"{old!r} is not in {relative}"
    path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
