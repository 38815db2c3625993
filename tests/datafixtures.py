"""A small valid data set (tests/fixtures/valid), and ways to break a copy: change the parsed data, or the text."""

import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"


def copy_valid(destination: Path) -> Path:
    """Copy the valid fixture (data/ and docs/) into ``destination`` and return it."""
    shutil.copytree(VALID, destination, dirs_exist_ok=True)
    return destination


def entry(entries: list, entry_id: str) -> dict:
    """The entry with ``entry_id`` in a parsed data file."""
    return next(item for item in entries if item.get("id") == entry_id)


def mutate(root: Path, relative: str, change: Callable[[list], object]) -> None:
    """Load a data file, let ``change`` edit the parsed entries in place, and write them back as YAML.

    Tests break the data this way rather than by replacing exact text, so that they keep working when
    the wording or layout of the data changes.
    """
    path = root / relative
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def edit(root: Path, relative: str, old: str | None, new: str | bytes) -> None:
    """Replace ``old`` with ``new`` in a file, or the whole file when ``old`` is None.

    For what only text can show: YAML syntax, encodings, duplicate keys, aliases, number notations.
    """
    path = root / relative
    if isinstance(new, bytes):
        path.write_bytes(new)
        return
    text = path.read_text(encoding="utf-8")
    if old is not None:
        assert old in text, f"{old!r} is not in {relative}"
    path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
