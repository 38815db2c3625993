"""Hostile data never scripts a reader's browser: built HTML, the PDF and cross-links in Chromium."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from projectcopy import copy_project, make
from studyguide.book.book import BookPage, build_book
from studyguide.book.pdf import write_pdf
from studyguide.pages.markdown import markdown

from datafixtures import entry, mutate
from serving import serve
from sitebuild import SUB_PATH

# One hostile build (and its PDF) for the whole file, on one worker.
pytestmark = pytest.mark.xdist_group("injection")

ATTACK = "alert(document.domain)"
# What a contributor could write that the data checks accept: attribute lists, javascript: links,
# quotes and angle brackets that try to leave an attribute, and newlines that try to start blocks.
HOSTILE_MARKDOWN = (
    f'Clicked {{: onclick="{ATTACK}" style="position:fixed;inset:0;z-index:9" #politburo }}\n\n'
    f"[a link](javascript:{ATTACK}) [another](JaVaScRiPt:{ATTACK}) [data](data:text/html,x) [ok](https://example.org)\n"
    f'{{: onmouseover="{ATTACK}" }}'
)
HOSTILE_TEXT = f"\"' onmouseover='{ATTACK}' data-x=\" > a \"quoted\" & 'odd' R&D < 5"


def _hostile(root):
    def glossary(entries):
        politburo = entry(entries, "politburo")
        politburo["definition"] = "The inner committee " + HOSTILE_TEXT
        politburo["explanation"] = HOSTILE_MARKDOWN

    def people(entries):
        stalin = entry(entries, "stalin")
        stalin["profile"] = (
            f"Stalin [ran](javascript:{ATTACK}) the \"party\" {{: onclick='{ATTACK}' }}. " + HOSTILE_MARKDOWN
        )
        stalin["fate"] = HOSTILE_TEXT

    def timeline(entries):
        entry(entries, "lenin-dies")["title"] = 'Lenin dies\n\n# Injected heading\n\n!!! danger "Injected box"\n    x'

    mutate(root, "data/glossary.yml", glossary)
    mutate(root, "data/people.yml", people)
    mutate(root, "data/timeline.yml", timeline)


# Links whose preview shows a hostile entry (the Politburo, Stalin), links in rendered data Markdown, hover text.
HOSTILE_LINKS = 'a[href$="#politburo"], a[href$="#stalin"], .data-markdown a, a[title]'

# The pages that print the hostile Markdown (the Politburo's explanation, Stalin's profile) in full.
HOSTILE_PAGES = {"glossary/": "Glossary", "people/": "Who's who"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real site built with hostile data by `make build` (HTML only: the PDF is checked below)."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    _hostile(root)
    result = make(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def hostile_pdf(hostile_site, tmp_path_factory):
    """A tagged PDF laid out, as the book is, from the hostile site's pages that carry the hostile entries.

    Only these pages: the whole book takes a quarter of a minute to lay out, and every other page is the
    same renderer's output from data these tests leave alone.
    """
    pages = [BookPage(url, title, hostile_site / url / "index.html") for url, title in HOSTILE_PAGES.items()]
    book_html = build_book(pages, "Hostile", "data", datetime.date(2026, 1, 1), "https://example.org/guide/")
    assert "The inner committee" in book_html and 'the "party"' in book_html, "the hostile entries are laid out"
    output = tmp_path_factory.mktemp("hostile-pdf") / "hostile.pdf"
    assert write_pdf(book_html, output, str(hostile_site)) == []
    return output


class _Attributes(HTMLParser):
    """Every start tag's attributes, as a browser reads them (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.found.extend((tag, name, value or "") for name, value in attrs)


def _problems(html: str) -> list[str]:
    parser = _Attributes()
    parser.feed(html)
    problems = []
    for tag, name, value in parser.found:
        if name.startswith("on"):
            problems.append(f"<{tag} {name}=...>: an event handler")
        if re.sub(r"[\s\x00-\x20]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
            problems.append(f"<{tag} {name}={value[:40]!r}>: a script URL")
        if re.search(r"<[A-Za-z/!?]", value):
            problems.append(f"<{tag} {name}={value[:60]!r}>: markup inside an attribute")
        if name == "style" and "position:fixed" in value.replace(" ", ""):
            problems.append(f"<{tag} style={value!r}>: a style from data")
    return problems


def test_the_sanitiser_keeps_formatting_and_drops_everything_else():
    html = markdown(
        f'*kept* **kept** [web](https://example.org) <img src=x onerror="{ATTACK}"> <script>{ATTACK}</script>'
        f' <a href="javascript:{ATTACK}" onclick="{ATTACK}">x</a> <p style="color:red">styled</p> [rel](../x.md)'
    )
    assert "<em>kept</em>" in html and "<strong>kept</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">web</a>' in html
    assert _problems(html) == []
    assert "<img" not in html and "<script" not in html and ATTACK not in html.replace("alert(document.domain)</", "")
    assert "style=" not in html and 'href="../x.md"' not in html


def test_built_pages_have_no_handlers_script_urls_or_markup_in_attributes(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    problems = [
        f"{page.relative_to(hostile_site)}: {problem}"
        for page in pages
        for problem in _problems(page.read_text(encoding="utf-8"))
    ]
    assert problems == []
    glossary = (hostile_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org"' in glossary, "ordinary links in data are kept"
    timeline = (hostile_site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "Injected heading" in timeline and not re.search(r"<h1[^>]*>\s*Injected heading", timeline)
    assert "admonition danger" not in timeline


def test_the_pdf_has_no_script_or_script_links(hostile_pdf):
    reader = PdfReader(hostile_pdf)
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert action.get("/S") != "/JavaScript"
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    raw = hostile_pdf.read_bytes()
    assert b"/JavaScript" not in raw and b"/JS " not in raw and b"javascript:" not in raw.lower()
    assert uris and not [uri for uri in uris if not uri.startswith(("http://", "https://"))]


def test_hovering_focusing_and_tapping_cross_links_runs_no_script(hostile_site, chromium, tmp_path):
    dialogs = []
    with serve(hostile_site, SUB_PATH, tmp_path) as root_url:
        for context_options in ({}, {"has_touch": True, "is_mobile": True, "viewport": {"width": 390, "height": 844}}):
            context = chromium.new_context(**context_options)
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            for path in ("chapters/02-triumvirate/", "glossary/", "people/"):
                page.goto(f"{root_url}{path}")
                # The cross-links whose previews carry the hostile entries, the links inside their rendered
                # Markdown, and anything with hover text.
                # The first two visible links of each kind: the rest of a kind only repeat the same preview.
                chosen = []
                for kind in HOSTILE_LINKS.split(", "):
                    matches = page.locator(kind)
                    shown = matches.evaluate_all("links => links.map(link => link.getClientRects().length > 0)")
                    chosen += [matches.nth(index) for index, visible in enumerate(shown) if visible][:2]
                assert len(chosen) >= 2, f"{path}: only {len(chosen)} visible links to the hostile entries"
                for link in chosen:
                    if not link.is_visible():
                        continue  # hidden since it was chosen (the header's title link, once scrolled)
                    if context_options:
                        # A tap: Playwright's tap on a link would navigate away, so touch events only.
                        link.dispatch_event("touchstart")
                        link.dispatch_event("touchend")
                    else:
                        link.hover()
                    link.focus()
                for link in page.locator('a[href="https://example.org"]').all():
                    link.hover()  # inside the paragraph that tried to carry an onmouseover handler
                page.wait_for_timeout(300)
                tooltips = page.locator(".md-tooltip2, [role=tooltip], [popover]")
                for index in range(tooltips.count()):
                    assert tooltips.nth(index).locator("img, script, iframe, [onerror], [onclick]").count() == 0
            page.locator("body").click(position={"x": 5, "y": 300})
            context.close()
    assert dialogs == []
