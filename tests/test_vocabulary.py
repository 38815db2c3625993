"""Every list is defined once: a phase, a side and a kind of event added to the model work end to end.

The test adds them where a maintainer would (the vocabulary in scripts/studyguide/data/model.py, a
chapter for the phase, data that uses them) in a copy of the project, runs a real strict build, and
checks that the timeline filter, its CSS, the chart, the Who's who and the flashcards all pick them up
with no other change.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import REPO_ROOT

# One build of the extended project for the whole file, on one worker.
pytestmark = pytest.mark.xdist_group("vocabulary")

NEW_KIND = "famine"
NEW_PHASE = ("wartime", "06", "Wartime", "Date(1939, 9)", "Date(1941, 6)")
NEW_SIDE = ("abroad", "abroad", "Abroad, out of reach", "Abroad", "#00897b")
CHAPTER = """---
title: The war years
description: A chapter added by a test.
period: "1939–1941"
---

# 6. The war years

## Abroad {#abroad}

Trotsky wrote from Mexico.
"""


def _add_to_tuple(source: str, name: str, item: str) -> str:
    """Append ``item`` to the tuple assigned to ``name`` in the model's source."""
    start = source.index(f"\n{name} = (")
    end = source.index("\n)", start)
    return f"{source[:end]}\n    {item},{source[end:]}"


@pytest.fixture(scope="module")
def extended_site(tmp_path_factory):
    """A strict build of a copy of the project with one more phase, side and kind of event."""
    root = tmp_path_factory.mktemp("vocabulary")
    for name in ("docs", "data", "scripts", "overrides"):
        shutil.copytree(REPO_ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    model = root / "scripts/studyguide/data/model.py"
    source = model.read_text(encoding="utf-8")
    source = _add_to_tuple(source, "EVENT_KINDS", repr(NEW_KIND))
    source = _add_to_tuple(source, "PHASES", "Phase({!r}, {!r}, {!r}, {}, {})".format(*NEW_PHASE))
    source = _add_to_tuple(source, "SIDES", "SideKind({!r}, {!r}, {!r}, {!r}, {!r})".format(*NEW_SIDE))
    model.write_text(source, encoding="utf-8")

    (root / "docs/chapters/06-war.md").write_text(CHAPTER, encoding="utf-8")
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    last_chapter = "      - chapters/05-kirov-and-the-purges.md\n"
    config = config.replace(last_chapter, f"{last_chapter}      - chapters/06-war.md\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")

    people = yaml.safe_load((root / "data/people.yml").read_text(encoding="utf-8"))
    trotsky = next(person for person in people if person["id"] == "trotsky")
    trotsky["sides"][NEW_PHASE[0]] = {"side": NEW_SIDE[0], "note": "Wrote against Stalin from Mexico."}
    (root / "data/people.yml").write_text(yaml.safe_dump(people, allow_unicode=True, sort_keys=False), encoding="utf-8")
    events = yaml.safe_load((root / "data/timeline.yml").read_text(encoding="utf-8"))
    sources = list(next(event["sources"] for event in events if event.get("sources")))  # a copy: no YAML alias
    events.append({
        "id": "test-famine", "date": "1940", "precision": "year", "title": "A famine added by a test",
        "summary": "An event of the new kind.", "section": "06-war#abroad", "kind": NEW_KIND, "sources": sources,
    })  # fmt: skip
    timeline = yaml.safe_dump(events, allow_unicode=True, sort_keys=False)
    (root / "data/timeline.yml").write_text(timeline, encoding="utf-8")

    site = root / "site"
    # Built as `make serve` builds: no PDF, no decks, no offline worker.
    switches = {"GUIDE_PDF": "off", "GUIDE_DOWNLOADS": "off", "GUIDE_OFFLINE": "off"}
    environment = {**os.environ, **switches, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_timeline_filter_offers_and_styles_the_new_phase_and_kind(extended_site):
    timeline = _page(extended_site, "timeline")
    assert timeline.select_one(f"input#tl-kind-{NEW_KIND}") is not None
    assert timeline.select_one(f"input#tl-phase-{NEW_PHASE[0]}") is not None
    rules = " ".join(style.get_text() for style in timeline.select("style"))
    for name, value in (("kind", NEW_KIND), ("phase", NEW_PHASE[0])):
        assert re.search(rf"#tl-{name}-{value}:checked\) \.tl-event:not\(\.tl-{name}-{value}\)", rules), rules
    event = timeline.select_one("#test-famine")
    assert {f"tl-kind-{NEW_KIND}", f"tl-phase-{NEW_PHASE[0]}"} <= set(event["class"])


def test_the_chart_draws_the_new_phase_and_side(extended_site):
    chart = _page(extended_site, "timeline").select_one("svg.struggle-chart")
    assert chart.select_one(f"rect.phase-band.phase-{NEW_PHASE[0]}") is not None
    assert NEW_PHASE[2] in [text.get_text() for text in chart.select("text.phase-label")]
    bar = chart.select_one(f"rect.side-{NEW_SIDE[0]}")
    assert bar is not None and bar["fill"] == NEW_SIDE[4]
    assert NEW_SIDE[3] in [text.get_text() for text in chart.select("text.legend")]


def test_the_who_s_who_and_the_flashcards_use_the_new_side_and_the_phase_s_chapter(extended_site):
    card = _page(extended_site, "people").select_one("#trotsky").find_parent(class_="person-card")
    assert "The war years (1939–1941): abroad. Wrote against Stalin" in " ".join(card.get_text().split())
    flashcards = " ".join(_page(extended_site, "flashcards").get_text(" ").split())
    assert "Which side was Leon Trotsky on in the years of “The war years”, 1939–1941?" in flashcards
    assert f"{NEW_SIDE[2]}. Wrote against Stalin from Mexico." in flashcards


def test_a_preview_build_registers_no_offline_worker(extended_site):
    """`make serve` must not install a worker that would keep serving stale pages during live reload."""
    assert not (extended_site / "sw.js").exists() and not (extended_site / "downloads").exists()
    home = (extended_site / "index.html").read_text(encoding="utf-8")
    assert "offline.js" not in home and 'rel="manifest"' not in home
