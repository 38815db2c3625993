"""Reads a data file as YAML, turning every way it can be unreadable into a problem rather than a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .problems import ProblemLog

# libyaml's parser when PyYAML was built with it (about ten times faster), the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A data file bigger than this is a mistake (the real ones are a few hundred kilobytes).
MAX_FILE_BYTES = 5_000_000
# Values a file may hold once aliases are expanded (the real files hold about 10,000).
MAX_VALUES = 200_000
_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


class _PlainDatesLoader(_SafeLoader):
    """The safe loader, minus the implicit timestamp type and non-decimal integers.

    PyYAML turns ``1924-01-21`` into a ``datetime.date`` and raises a bare ``ValueError`` for an
    impossible one such as ``1925-13-40``; keeping dates as text lets the checker say which entry
    is wrong and why. YAML 1.1 also reads ``0x794`` as 1940 and ``1_940`` or ``32:20`` as numbers:
    here only plain decimals are numbers, so such values are reported instead of silently converted.
    """


_PlainDatesLoader.yaml_implicit_resolvers = {
    first: [
        (tag, _DECIMAL if tag == "tag:yaml.org,2002:int" else regexp)
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def read_entries(path: Path, log: ProblemLog) -> list:
    """Return the list of entries in ``path``, or an empty list after logging why it can't be read."""
    try:
        if path.is_dir():
            log.add(
                "the whole file",
                "it is a folder, not a file",
                f"remove the folder and put the file {path.name} in its place",
            )
            return []
        if path.stat().st_size > MAX_FILE_BYTES:
            log.add(
                "the whole file",
                f"it is {path.stat().st_size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                "split or shorten it",
            )
            return []
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
    except OSError as error:
        log.add(
            "the whole file",
            f"it cannot be read ({error.strerror})",
            "check that the file exists and that you may read it",
        )
        return []
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors write: harmless here
    try:
        structure_problem = _check_structure(text)
        if structure_problem:
            log.add(*structure_problem)
            return []
        entries = yaml.load(text, Loader=_PlainDatesLoader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        log.add(*_describe_yaml_error(error))
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
    if not any(isinstance(item, dict) for item in entries):
        # One message for the file, not one per line and more for every reference to it.
        log.add(
            "the whole file",
            "none of its entries is a set of 'key: value' fields",
            "start each entry with '- id: ...' and indent its fields under it",
        )
        return []
    return entries


def _check_structure(text: str) -> tuple[str, str, str] | None:
    """Refuse keys given twice in one mapping, and anchors and aliases that would expand without bound.

    Works on the parser's events, before anything is built, so the cost is bounded by the text. An alias
    (``*name``) counts as every value its anchor holds: a few lines of nested aliases can stand for
    billions of values, which building the data (or a message echoing it) would try to hold in memory.
    """
    stack: list[list] = []  # per open collection: [is_mapping, expecting_key, keys seen, anchor, size at start]
    sizes: dict[str, int] = {}  # anchor -> how many values it stands for
    scalars: dict[str, str] = {}  # anchor -> its text, for an anchored scalar
    total = 0

    def node_done():
        if stack and stack[-1][0]:
            stack[-1][1] = not stack[-1][1]

    for event in yaml.parse(text, Loader=_PlainDatesLoader):
        line = f"line {event.start_mark.line + 1}" if event.start_mark else "the whole file"
        if isinstance(event, yaml.AliasEvent):
            total += sizes.get(event.anchor, 1)
            if stack and stack[-1][0] and stack[-1][1] and event.anchor in scalars:
                # An alias used as a key is that key again.
                if scalars[event.anchor] in stack[-1][2]:
                    return (
                        line,
                        f"the key '{scalars[event.anchor][:40]}' is given twice in one entry",
                        "keep one of them",
                    )
                stack[-1][2][scalars[event.anchor]] = event.start_mark.line + 1
            node_done()
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if stack and stack[-1][0] and stack[-1][1]:
                return (line, "a key is a list or a set of fields", "write each key as a plain word")
            total += 1
            stack.append([isinstance(event, yaml.MappingStartEvent), True, {}, event.anchor, total])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            _, _, _, anchor, start = stack.pop()
            if anchor:
                sizes[anchor] = total - start + 1
            node_done()
        elif isinstance(event, yaml.ScalarEvent):
            total += 1
            if event.anchor:
                sizes[event.anchor] = 1
                scalars[event.anchor] = event.value
            if stack and stack[-1][0] and stack[-1][1]:
                keys = stack[-1][2]
                if event.value in keys:
                    return (
                        line,
                        f"the key '{event.value[:40]}' is given twice in one entry (first at line "
                        f"{keys[event.value]}); YAML would keep only the last",
                        "keep one of them",
                    )
                keys[event.value] = event.start_mark.line + 1
            node_done()
        if total > MAX_VALUES:
            return (
                line,
                f"its anchors and aliases (&name, *name) expand to more than {MAX_VALUES:,} values",
                "write the values out instead of repeating them with aliases",
            )
    return None


def _describe_yaml_error(error: yaml.YAMLError) -> tuple[str, str, str]:
    """Where and what a YAML error is, and a fix that fits it."""
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    # An unclosed bracket or quote is found only on a later line: point at where it was opened.
    mark = (
        context_mark
        if context_mark is not None and problem_mark is not None and context_mark.line < problem_mark.line
        else problem_mark
    )
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the whole file"
    problem = (getattr(error, "problem", None) or str(error).splitlines()[0])[:200]
    context = getattr(error, "context", None)
    if context and mark is context_mark:
        problem = f"{context}: {problem}"
    if "constructor for the tag" in problem or "could not determine a constructor" in str(error):
        return (
            where,
            "it uses a YAML tag such as !!python/object",
            "remove the tag: data files hold plain text, numbers, lists and fields only",
        )
    return where, f"the YAML cannot be read ({problem})", "check the brackets, colons, quotes and indentation there"
