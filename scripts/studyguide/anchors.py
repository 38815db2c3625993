"""Reads the chapters' titles and explicit heading anchors (``## Title {#anchor}``), which data may point at."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .model import Chapter

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def read_chapters(docs_dir: Path) -> dict[str, Chapter]:
    """Map each chapter's file stem (``02-triumvirate``) to its title and headings."""
    chapters = {}
    for path in sorted((docs_dir / "chapters").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = _FRONT_MATTER.match(text)
        meta = yaml.safe_load(front.group(1)) if front else {}
        title = (meta or {}).get("title") or path.stem
        headings = {anchor: _plain_heading(title_text) for title_text, anchor in _HEADING.findall(text)}
        chapters[path.stem] = Chapter(path.stem, str(title), headings)
    return chapters


def _plain_heading(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip()
