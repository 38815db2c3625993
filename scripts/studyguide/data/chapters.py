"""Reads each chapter's title, period and explicit heading anchors (``## Title {#anchor}``), which data points at."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .model import Chapter
from .problems import ProblemLog

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
# A footnote or link citing the bibliography: [Kotkin 2014](../sources.md#kotkin-2014).
_CITATION = re.compile(r"\(\s*(?:\.\./)*sources\.md#([a-z0-9-]+)\s*\)")
SOURCES_PAGE = "sources.md"


def read_chapters(docs_dir: Path, log: ProblemLog) -> dict[str, Chapter]:
    """Map each chapter's file stem (``02-triumvirate``) to its title, period and headings.

    A chapter that cannot be read is reported to ``log`` and left out.
    """
    chapters = {}
    for path in sorted((docs_dir / "chapters").glob("*.md")):
        where = f"docs/chapters/{path.name}"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            log.add(where, f"the file cannot be read as UTF-8 text ({type(error).__name__})", "save it as UTF-8 text")
            continue
        meta = _front_matter(text, where, log)
        if meta is None:
            continue
        headings = {anchor: _plain_heading(title_text) for title_text, anchor in _HEADING.findall(text)}
        chapters[path.stem] = Chapter(
            path.stem, str(meta.get("title") or path.stem), str(meta.get("period") or ""), headings
        )
    return chapters


def cited_references(docs_dir: Path) -> dict[str, tuple[str, ...]]:
    """Map each reference id that hand-written pages cite on the Sources page to those pages (paths in docs/)."""
    cited: dict[str, list[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # read_chapters or the page build reports a page that cannot be read
        page = path.relative_to(docs_dir).as_posix()
        for reference in dict.fromkeys(_CITATION.findall(text)):
            cited.setdefault(reference, []).append(page)
    return {reference: tuple(pages) for reference, pages in cited.items()}


def _front_matter(text: str, where: str, log: ProblemLog) -> dict | None:
    """The chapter's front matter as a mapping, or None after reporting why it is unusable."""
    if text.startswith("\ufeff"):
        log.add(
            where,
            "the file starts with a byte-order mark, which hides its front matter",
            "save it as UTF-8 without a BOM",
        )
        return None
    front = _FRONT_MATTER.match(text)
    if front is None:
        return {}
    try:
        meta = yaml.safe_load(front.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark else ""
        log.add(
            where, f"the front matter is not valid YAML{line}", "write it as 'key: value' lines between the --- lines"
        )
        return None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        log.add(
            where,
            f"the front matter is a {type(meta).__name__}, not 'key: value' lines",
            "write it as title:, description: and period: lines",
        )
        return None
    return meta


def _plain_heading(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip()
