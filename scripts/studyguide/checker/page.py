"""Renders the "Check your notes" page: a text box, a button, and the script that checks in the browser."""

from __future__ import annotations

from ..data.model import GuideData
from ..pages.markdown import front_matter
from .rules import RULES_PATH

PAGE = "check-your-notes.md"
SCRIPT = "assets/javascripts/checker.js"
STYLESHEET = "assets/stylesheets/checker.css"
# Built pages live one folder down (check-your-notes/index.html), so site files are one level up.
SITE_ROOT = "../"


def render_page(data: GuideData) -> str:
    """The page's Markdown; its form stays hidden until checker.js is running, so nothing half-works.

    The script also brings the page's stylesheet: without JavaScript (or in the printed book) there is
    nothing for it to style.
    """
    known = sum(1 for item in data.misconceptions if item.patterns)
    return "\n".join([
        *front_matter(
            "Check your notes",
            "Paste your revision notes and see which claims, dates and names the guide's checked data "
            "contradicts. Runs in your browser; nothing is sent anywhere.",
            table_of_contents=False,
        ),
        "",
        "# Check your notes",
        "",
        "Paste your own revision notes into the box and press **Check my notes**. The checker reads them",
        "sentence by sentence and points out:",
        "",
        f"- **known mistakes**: {known} {'error' if known == 1 else 'errors'} that revision notes on this topic "
        "often make, the same list as",
        "  the [corrections on About the notes](about-the-notes.md#corrections);",
        "- **dates to check**: a sentence about an event on the [Timeline](timeline.md) with a year or month",
        "  that the timeline contradicts;",
        "- **spelling**: a name close to someone in the [Who's who](people.md) or a term in the",
        "  [Glossary](glossary.md).",
        "",
        "Every flag and every sentence it recognises links to the section of the guide that explains it.",
        "",
        '!!! note "Your notes stay on your device"',
        "    The check runs entirely in your browser, from a file that came with this page. Your notes are",
        "    not sent anywhere and not saved, and the checker works offline.",
        "",
        "The checker is cautious: it only flags what the guide's data can show to be wrong, and it keeps",
        "quiet when it cannot tell. A clean result does not prove that notes are right.",
        "",
        f'<div id="notes-checker" class="notes-checker" data-rules="{SITE_ROOT}{RULES_PATH}" '
        f'data-base="{SITE_ROOT}" data-css="{SITE_ROOT}{STYLESHEET}" hidden>',
        '<label for="notes-input">Your notes</label>',
        '<textarea id="notes-input" rows="12" spellcheck="true" '
        'aria-describedby="notes-hint"></textarea>',
        '<p id="notes-hint" class="notes-hint">Press the button, or Ctrl+Enter in the box, to check.</p>',
        '<p><button type="button" id="check-notes" class="md-button">Check my notes</button></p>',
        '<p id="notes-status" class="notes-status" role="status" aria-live="polite"></p>',
        '<div id="notes-results" class="notes-results"></div>',
        "</div>",
        "",
        '<p id="notes-noscript" class="notes-noscript">The checker needs JavaScript, which is off or still '
        "loading. Without it, the <a href=\"../about-the-notes/#corrections\">corrections table</a> lists "
        "the same mistakes.</p>",
        "",
        f'<script src="{SITE_ROOT}{SCRIPT}"></script>',
        "",
    ])
