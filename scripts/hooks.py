"""Thin MkDocs hook: hands each build step to the plain-Python studyguide package."""

import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from studyguide.book.pdf import PAPER_SIZES, publish_book
from studyguide.build import GENERATED_PAGES, GuideBuild
from studyguide.data.problems import DataError
from studyguide.offline import write_offline_site
from studyguide.pages import page_meta

_build = None  # the GuideBuild of the build in progress
_page = None  # the hand-written page being converted, or None for a generated one
_nav = None  # the site's navigation: the reading order of the PDF
_paper = "a4"  # the PDF's paper size, from PDF_PAPER
log = logging.getLogger("mkdocs.hooks.studyguide")


class _CrossLinker(Treeprocessor):
    def run(self, root):
        if _page is not None:
            _build.link_page(root, _page.file.src_uri, _page.title or "")


class _CrossLinkExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802  (Python-Markdown's name)
        # After attr_list (8) and toc (5) have set heading ids; before MkDocs (0) checks the links made.
        md.treeprocessors.register(_CrossLinker(md), "studyguide_crosslinks", 4)


def on_config(config):
    """Load and check the data once per build; a problem stops the build before anything is written."""
    global _build, _paper
    _paper = os.environ.get("PDF_PAPER", "a4").lower()
    if _paper not in PAPER_SIZES:
        raise PluginError(f"PDF_PAPER is {os.environ['PDF_PAPER']!r}. Fix: set it to one of: {', '.join(PAPER_SIZES)}.")
    try:
        _build = GuideBuild()
    except DataError as error:
        raise PluginError(error.report()) from None
    config.markdown_extensions.append(_CrossLinkExtension())
    # The template adds the manifest and the offline script only where the worker will exist.
    config.extra["offline"] = os.environ.get("GUIDE_OFFLINE", "on").lower() != "off"
    return config


def on_files(files, config):
    """Add the generated pages last, so that they are rendered after every page that links to them."""
    for page in GENERATED_PAGES:
        files.append(File.generated(config, page, content=""))
    return files


def on_page_markdown(markdown, page, config, files):
    """Give generated pages their content; mark hand-written pages for cross-linking."""
    global _page
    if page.file.src_uri in GENERATED_PAGES:
        _page = None
        missing = {f.src_uri for f in files.documentation_pages()} - _build.linked_pages - set(GENERATED_PAGES)
        if missing:
            raise PluginError(
                f"{page.file.src_uri} was rendered before {sorted(missing)}; its back-links would be incomplete"
            )
        body, page.meta = get_data(_build.render(page.file.src_uri))
        return body
    _page = page
    return _build.chapter_markdown(page_meta.add_period(markdown, page.meta), page.file.src_uri)


def on_nav(nav, config, files):
    """Remember the reading order for the PDF."""
    global _nav
    _nav = nav
    return nav


def known_site_url(site_url: str | None) -> str | None:
    """The site's public address, or None when the build was given none (the local preview's default)."""
    if not site_url or site_url.startswith(("http://127.0.0.1", "http://localhost")):
        return None
    return site_url


def on_post_build(config):
    """Write what is made from the built pages: the flashcard decks, the PDF, then the offline worker.

    `make serve` skips all three (GUIDE_DOWNLOADS=off, GUIDE_PDF=off, GUIDE_OFFLINE=off) so that live
    reload stays quick. WeasyPrint's warnings fail a strict build.
    """
    if os.environ.get("GUIDE_DOWNLOADS", "on").lower() != "off":
        _build.write_downloads(Path(config.site_dir), known_site_url(config.site_url))
    if os.environ.get("GUIDE_PDF", "on").lower() == "off":
        log.info("PDF skipped (GUIDE_PDF=off)")
    else:
        _write_pdf(config)
    if config.extra["offline"]:
        # Last: the worker's precache list covers every file written before it.
        count = write_offline_site(Path(config.site_dir), config.site_name, config.site_description)
        log.info(f"Service worker precaches {count} files")


def _write_pdf(config):
    pages = [(page.url, page.title) for page in _nav.pages]
    start = time.perf_counter()
    site_dir = Path(config.site_dir)
    warnings = publish_book(site_dir, pages, config.site_name, config.site_description, config.site_url, _paper)
    for warning in warnings:
        log.warning(f"PDF: {warning}")
    log.info(f"PDF written in {time.perf_counter() - start:.2f} s")
