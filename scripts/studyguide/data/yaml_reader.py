"""Reads a data file as YAML, turning every way it can be unreadable into a problem rather than a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import ProblemLog


# libyaml's parser when PyYAML was built with it (about ten times faster), the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainDatesLoader(_SafeLoader):
    """The safe loader, minus the implicit timestamp type.

    PyYAML turns ``1924-01-21`` into a ``datetime.date`` and raises a bare ``ValueError`` for an
    impossible one such as ``1925-13-40``; keeping dates as text lets the checker say which entry
    is wrong and why.
    """


_PlainDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def read_entries(path: Path, log: ProblemLog) -> list:
    """Return the list of entries in ``path``, or an empty list after logging why it can't be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        log.add("the whole file", "the file is missing", f"create {path.name} (see data/README.md for its fields)")
        return []
    except UnicodeDecodeError as error:
        log.add(
            "the whole file",
            f"it is not UTF-8 text (byte {error.start} cannot be read)",
            "save the file with UTF-8 encoding",
        )
        return []
    try:
        entries = yaml.load(text, Loader=_PlainDatesLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the whole file"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        log.add(where, f"the YAML cannot be read ({problem})", "check the indentation, colons and quotes there")
        return []
    if entries is None:
        log.add("the whole file", "the file is empty", "add entries as a YAML list (see data/README.md)")
        return []
    if not isinstance(entries, list):
        log.add(
            "the whole file",
            f"the file holds a {type(entries).__name__}, not a list of entries",
            "start each entry with '- id: ...'",
        )
        return []
    return entries
