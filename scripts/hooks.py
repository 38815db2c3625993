"""Thin MkDocs hook: hands each build step to the plain-Python studyguide package."""

import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from markdown import Extension  # noqa: E402  (the path must be set before the studyguide imports)
from markdown.treeprocessors import Treeprocessor  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

from studyguide.pages import page_meta  # noqa: E402
from studyguide.book.pdf import PAPER_SIZES, publish_book  # noqa: E402
from studyguide.data.problems import DataError  # noqa: E402
from studyguide.build import GENERATED_PAGES, GuideBuild  # noqa: E402

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
            raise PluginError(f"{page.file.src_uri} was rendered before {sorted(missing)}; its back-links would be incomplete")
        body, page.meta = get_data(_build.render(page.file.src_uri))
        return body
    _page = page
    return _build.chapter_markdown(page_meta.add_period(markdown, page.meta), page.file.src_uri)


def on_nav(nav, config, files):
    """Remember the reading order for the PDF."""
    global _nav
    _nav = nav
    return nav


def on_post_build(config):
    """Write the whole guide as a PDF into the site; WeasyPrint's warnings fail a strict build.

    GUIDE_PDF=off skips it: `make serve` does, so that live reload stays quick.
    """
    if os.environ.get("GUIDE_PDF", "on").lower() == "off":
        log.info("PDF skipped (GUIDE_PDF=off)")
        return
    pages = [(page.url, page.title) for page in _nav.pages]
    start = time.perf_counter()
    # The cover gives the address only when the build was told it (SITE_URL), never the local default.
    site_url = config.site_url if os.environ.get("SITE_URL") else None
    site_dir = Path(config.site_dir)
    warnings = publish_book(site_dir, pages, config.site_name, config.site_description, site_url, _paper, log.info)
    for warning in warnings:
        log.warning(f"PDF: {warning}")
    log.info(f"PDF written in {time.perf_counter() - start:.2f} s")
