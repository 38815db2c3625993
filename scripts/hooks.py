"""Thin MkDocs hook: hands each build step to the plain-Python studyguide package."""

import logging
import os
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from studyguide import social
from studyguide.book.fonts import MissingFontsError, check_fonts
from studyguide.book.organisers import OrganiserOverflowError
from studyguide.book.pdf import PAPER_SIZES, PDF_NAME, publish_book
from studyguide.build import GENERATED_FILES, GENERATED_PAGES, ONLINE_ONLY_PAGES, GuideBuild
from studyguide.data.problems import DataError
from studyguide.hosting import UnexpectedPageError, self_locating_404
from studyguide.offline import write_offline_site
from studyguide.pages import page_meta
from studyguide.safety import add_content_security_policy, duplicate_ids, site_url_problem, unsafe_markup
from studyguide.theme import ThemeChangedError, fix_page

_build = None  # the GuideBuild of the build in progress
_page = None  # the hand-written page being converted, or None for a generated one
_nav = None  # the site's navigation: the reading order of the PDF
_paper = "a4"  # the PDF's paper size, from PDF_PAPER
_command = "build"  # "build", "serve" or "gh-deploy"
log = logging.getLogger("mkdocs.hooks.studyguide")


class _CrossLinker(Treeprocessor):
    def run(self, root):
        if _page is not None:
            _build.link_page(root, _page.file.src_uri, _page.title or "")


class _CrossLinkExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802  (Python-Markdown's name)
        # After attr_list (8) and toc (5) have set heading ids; before MkDocs (0) checks the links made.
        md.treeprocessors.register(_CrossLinker(md), "studyguide_crosslinks", 4)


def on_startup(command, dirty):
    """Remember whether this is a preview: `mkdocs serve` injects its own inline live-reload script."""
    global _command
    _command = command


def on_config(config):
    """Load and check the data once per build; a problem stops the build before anything is written."""
    global _build, _paper
    _paper = os.environ.get("PDF_PAPER", "a4").lower()
    if _paper not in PAPER_SIZES:
        raise PluginError(
            f"PDF_PAPER is {os.environ['PDF_PAPER'][:20]!r}. Fix: set it to one of: {', '.join(PAPER_SIZES)}."
        )
    # No SITE_URL (mkdocs.yml's default) means no public address: nothing to check.
    problem = site_url_problem(config.site_url) if config.site_url else None
    if problem:
        shown = (config.site_url or "")[:80]
        raise PluginError(
            f"SITE_URL is {shown!r}, which cannot be the site's address: {problem}. "
            "Fix: set SITE_URL to the full http:// or https:// address the site will live at, e.g. https://example.org/guide/."
        )
    try:
        _build = GuideBuild()
    except DataError as error:
        raise PluginError(error.report()) from None
    # Pages link to the PDF only if the site will have one: built now, or kept from the last build.
    config.extra["guide_pdf_link"] = _pdf_wanted() or _previous_pdf() is not None
    _build.link_print_documents = config.extra["guide_pdf_link"]
    _build.link_downloads = _downloads_wanted()
    if _pdf_wanted():
        # Before any page is built: a missing font stops the build in seconds, not after the whole site.
        try:
            check_fonts()
        except MissingFontsError as error:
            raise PluginError(str(error)[0].upper() + str(error)[1:] + ".") from None
    config.markdown_extensions.append(_CrossLinkExtension())
    # The template adds the manifest and the offline script only where the worker will exist.
    config.extra["offline"] = os.environ.get("GUIDE_OFFLINE", "on").lower() != "off"
    return config


def _downloads_wanted() -> bool:
    return os.environ.get("GUIDE_DOWNLOADS", "on").lower() != "off"


def _pdf_wanted() -> bool:
    return os.environ.get("GUIDE_PDF", "on").lower() != "off"


def _previous_pdf() -> Path | None:
    """The PDF of the last build, which scripts/build_site.py passes on when this build makes none."""
    previous = os.environ.get("GUIDE_PDF_PREVIOUS")
    return Path(previous) if previous and Path(previous).is_file() else None


def on_files(files, config):
    """Add the generated pages last, so that they are rendered after every page that links to them."""
    for page in GENERATED_PAGES:
        files.append(File.generated(config, page, content=""))
    for path, render in GENERATED_FILES.items():
        files.append(File.generated(config, path, content=render(_build)))
    # The picture for shared links (overrides/main.html names it): made here, never committed.
    picture = social.social_image(config.site_name, "Checked dates, self-tests, a timeline and a printable PDF")
    files.append(File.generated(config, social.PATH, content=picture))
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


def on_page_content(html, page, config, files):
    """Stop the build if any page (hand-written or generated) carries script: the data and pages are untrusted."""
    problems = unsafe_markup(html)
    if problems:
        raise PluginError(
            f"docs/{page.file.src_uri}: {'; '.join(problems[:5])}. "
            "Fix: remove it; pages may not run script (event handlers such as onclick=, javascript: links, inline "
            "scripts)."
        )
    duplicates = duplicate_ids(html)
    if duplicates:
        shown = ", ".join(f"'{name[:40]}'" for name in duplicates[:5])
        raise PluginError(
            f"docs/{page.file.src_uri}: more than one element has the id {shown}, so links to it are ambiguous. "
            "Fix: give each heading its own {#anchor} (and each data entry an id no generated anchor uses)."
        )
    return html


def on_nav(nav, config, files):
    """Remember the reading order for the PDF and for the order of "Mentioned in" lists."""
    global _nav
    _nav = nav
    _build.reading_order = [page.file.src_uri for page in nav.pages]
    return nav


def known_site_url(site_url: str | None) -> str | None:
    """The site's public address, or None when the build was given none (the local preview's default)."""
    if not site_url or site_url.startswith(("http://127.0.0.1", "http://localhost")):
        return None
    return site_url


def on_post_page(output, page, config):
    """Fix what Material writes where it breaks accessibility or the HTML standard (studyguide/theme.py), then
    give the page a Content-Security-Policy that forbids inline handlers and javascript: URLs.

    No policy under `mkdocs serve`, whose live-reload script is inline and added after this hook.
    """
    try:
        output = fix_page(output)
    except ThemeChangedError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    if _command == "serve":
        return output
    return add_content_security_policy(output, page.content or "")


def on_post_template(output, template_name, config):
    """The same fixes for pages made from a template alone (404.html); sitemap.xml is not HTML.

    Built without SITE_URL, the 404 page finds the site's root itself (studyguide/hosting.py), so that it
    works when the site is served under a sub-path such as /<repository>/.
    """
    if not template_name.endswith(".html"):
        return output
    try:
        output = fix_page(output)
        if template_name == "404.html" and not config.site_url:
            output = self_locating_404(output, probe=config.extra_css[0])
        return output
    except (ThemeChangedError, UnexpectedPageError) as error:
        raise PluginError(f"{template_name}: {error}") from None


def on_post_build(config):
    """Write what is made from the built pages: the flashcard decks, the PDF, then the offline worker.

    `make serve` skips all three (GUIDE_DOWNLOADS=off, GUIDE_PDF=off, GUIDE_OFFLINE=off) so that live
    reload stays quick. WeasyPrint's warnings fail a strict build.
    """
    site_dir = Path(config.site_dir)
    if _downloads_wanted():
        _build.write_downloads(site_dir, known_site_url(config.site_url))
    if _pdf_wanted():
        _write_pdf(config)
        _build.write_printed_cards(site_dir, PAPER_SIZES[_paper])
        try:
            _build.write_organisers(site_dir, PAPER_SIZES[_paper])
        except OrganiserOverflowError as error:
            raise PluginError(str(error)) from None
    else:
        _keep_previous_print_documents(site_dir)
    if config.extra["offline"]:
        # Last: the worker's precache list covers every file written before it.
        count = write_offline_site(site_dir, config.site_name, config.site_description)
        log.info(f"Service worker precaches {count} files")


def _keep_previous_print_documents(site_dir: Path) -> None:
    """GUIDE_PDF=off: keep the last build's PDFs, or (with none) the pages were built without links to them."""
    previous = _previous_pdf()
    if previous is None:
        log.info("PDF skipped (GUIDE_PDF=off); pages do not link to it")
        return
    shutil.copyfile(previous, site_dir / PDF_NAME)
    for document in _build.print_documents():
        if (previous.parent / document).is_file():
            (site_dir / document).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(previous.parent / document, site_dir / document)
    log.info("PDF skipped (GUIDE_PDF=off); the previous build's PDFs are kept")


def _write_pdf(config):
    pages = [(page.url, page.title) for page in _nav.pages if page.file.src_uri not in ONLINE_ONLY_PAGES]
    start = time.perf_counter()
    site_dir = Path(config.site_dir)
    try:
        # The covers give the address only when the build knows the real one, never the local default.
        site_url = known_site_url(config.site_url)
        warnings = publish_book(site_dir, pages, config.site_name, config.site_description, site_url, _paper, log.info)
    except MissingFontsError as error:
        raise PluginError(str(error)[0].upper() + str(error)[1:] + ".") from None
    for warning in warnings:
        log.warning(f"PDF: {warning}")
    log.info(f"PDF written in {time.perf_counter() - start:.2f} s")


# ----------------------------------------------------------------------------------------------------
# `make serve`: a busy port and a broken rebuild are reported, and the preview keeps working.

PORTS_TRIED = 20


def on_serve(server, config, builder):
    """Serve on a free port, and keep serving the last good pages when a rebuild fails."""
    _use_a_free_port(server)
    last_good = Path(tempfile.mkdtemp(prefix="studyguide-last-good-"))
    root = Path(server.root)
    _copy_tree(root, last_good)
    rebuild = server.builder

    def guarded_rebuild():
        try:
            rebuild()
        except BaseException as error:  # (MkDocs' own loop would print a traceback and then hang requests)
            if isinstance(error, KeyboardInterrupt):
                raise
            if not getattr(error, "message", None) and not isinstance(error, SystemExit):
                log.error(f"{type(error).__name__}: {str(error)[:500]}")
            _copy_tree(last_good, root)
            log.error("The preview keeps showing the last good pages; fix the problem above and save to rebuild.")
        else:
            _copy_tree(root, last_good)

    server.builder = guarded_rebuild
    return server


def _copy_tree(source: Path, target: Path) -> None:
    """Make ``target`` an exact copy of ``source`` (the folder itself stays: the server serves it)."""
    for child in target.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    shutil.copytree(source, target, dirs_exist_ok=True)


def _use_a_free_port(server) -> None:
    host, wanted = server.server_address[:2]
    for port in range(wanted, wanted + PORTS_TRIED):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError:
                continue
        if port != wanted:
            log.warning(f"Port {wanted} is in use (another `make serve`?); serving on port {port} instead.")
            server.server_address = (host, port)
            server.url = server.url.replace(f":{wanted}/", f":{port}/", 1)
        return
    raise PluginError(
        f"Ports {wanted} to {wanted + PORTS_TRIED - 1} on {host} are all in use. "
        "Fix: stop another `make serve` (or whatever uses them) and run it again."
    )
