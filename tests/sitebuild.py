"""Builds the real site in-process, strictly, into a folder of the test's choosing."""

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from studyguide.paths import REPO_ROOT

__all__ = ["CONFIG_FILE", "REPO_ROOT", "SUB_PATH", "TEST_SITE_URL", "build_site", "one_page_per_template", "site_pages"]

CONFIG_FILE = REPO_ROOT / "mkdocs.yml"

# GitHub Pages serves a project site under /<repository>/; the tests build and serve it the same way.
SUB_PATH = "/study-guide/"
TEST_SITE_URL = f"https://example.org{SUB_PATH}"


def build_site(site_dir: Path, *, config_file: Path = CONFIG_FILE, site_url: str = TEST_SITE_URL) -> Path:
    """Run a strict MkDocs build of ``config_file`` into ``site_dir`` and return ``site_dir``.

    A warning anywhere in the build aborts it (``mkdocs.exceptions.Abort``), as ``--strict`` does.
    """
    config = load_config(str(config_file), site_dir=str(site_dir), site_url=site_url, strict=True)
    build(config)
    return site_dir


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a path to append to its address ("" for home, "glossary/", "404.html")."""
    pages = sorted(path.relative_to(site_dir).parent.as_posix() for path in site_dir.rglob("index.html"))
    return ["" if page == "." else f"{page}/" for page in pages] + ["404.html"]


def one_page_per_template(pages: list[str]) -> list[str]:
    """The pages that differ in more than their words: every chapter is made the same way, so one stands for all.

    ``make test`` sweeps these (axe in both schemes, the phone's targets); ``make audit`` sweeps every page.
    """
    chapters = [page for page in pages if page.startswith("chapters/")]
    assert chapters, "the built site has no chapters/ pages"
    return [page for page in pages if page not in chapters[1:]]
