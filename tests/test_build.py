"""The real site builds strictly and contains the pages later work relies on."""

import os
import subprocess

import pytest
from bs4 import BeautifulSoup

from sitebuild import REPO_ROOT

CHAPTERS = {
    "chapters/01-background/index.html": "Background",
    "chapters/02-triumvirate/index.html": "The Triumvirate",
    "chapters/03-duumvirate/index.html": "The Duumvirate",
    "chapters/04-right-opposition/index.html": "The Right Opposition",
    "chapters/05-kirov-and-the-purges/index.html": "Kirov and the purges",
}


def test_home_page_exists(site_dir):
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "404.html").is_file()


@pytest.mark.parametrize("path, title", CHAPTERS.items())
def test_chapter_page_exists_with_its_title(site_dir, path, title):
    page = site_dir / path
    assert page.is_file(), f"{path} was not built"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert title in soup.h1.get_text(), f"{path}: the first heading does not name {title!r}"
    assert soup.title.get_text().startswith(title)


@pytest.mark.parametrize("path", CHAPTERS)
def test_chapter_shows_its_period(site_dir, path):
    soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
    period = soup.select_one("p.chapter-period")
    assert period is not None, f"{path} has no period line"
    assert "Period:" in period.get_text()


def test_chapter_files_are_numbered_in_reading_order():
    names = sorted(p.name for p in (REPO_ROOT / "docs" / "chapters").glob("*.md"))
    assert names == [p.split("/")[1] + ".md" for p in CHAPTERS]


def test_make_build_is_strict_and_prints_no_end_of_life_banner(tmp_path):
    """The command a maintainer runs: strict, zero warnings, and no MkDocs 2 banner noise."""
    result = subprocess.run(
        ["make", "--no-print-directory", "build", f"SITE_DIR={tmp_path / 'site'}"],
        cwd=REPO_ROOT,
        # Without the PDF: the session's build (conftest.site_dir) makes it strictly and test_pdf checks it.
        env={**os.environ, "GUIDE_PDF": "off"},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "--strict" in result.stdout, "make build must run mkdocs build --strict"
    assert "WARNING" not in output
    assert "end of life" not in output.lower()
    assert (tmp_path / "site" / "index.html").is_file()
