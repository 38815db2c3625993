"""Sharing and hosting: card tags on every page, the build's own social image, no localhost, a 404 under a sub-path."""

import datetime
import io
import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from PIL import Image

from studyguide.book.book import BookPage, build_book
from studyguide.social import PATH, SIZE, social_image

from serving import serve
from sitebuild import CONFIG_FILE, REPO_ROOT, SUB_PATH, TEST_SITE_URL, build_site

# One build without an address for the whole file, on one worker.
pytestmark = pytest.mark.xdist_group("sharing")


def _html_pages(site_dir):
    return sorted(site_dir.rglob("index.html")) + [site_dir / "404.html"]


def _meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_open_graph_and_twitter_card_tags(site_dir):
    for path in _html_pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(site_dir)
        assert _meta(soup, "og:title") and _meta(soup, "og:description") and _meta(soup, "twitter:title"), where
        assert _meta(soup, "twitter:card") == "summary_large_image", where
        assert _meta(soup, "og:image") == _meta(soup, "twitter:image") == TEST_SITE_URL + PATH, where
    chapter = BeautifulSoup(
        (site_dir / "chapters/02-triumvirate/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert _meta(chapter, "og:url") == TEST_SITE_URL + "chapters/02-triumvirate/"
    assert _meta(chapter, "og:description") == _meta(chapter, "description")


def test_the_social_image_is_made_by_the_build_and_never_committed(site_dir):
    image = Image.open(site_dir / PATH)
    assert image.format == "PNG" and image.size == SIZE
    tracked = subprocess.run(["git", "ls-files", "--", f"docs/{PATH}"], cwd=REPO_ROOT, capture_output=True, text=True)
    assert tracked.stdout == "", "the social image is generated, not committed"


def test_the_social_image_wraps_a_long_title_and_draws_text():
    image = Image.open(io.BytesIO(social_image("A very long title " * 4, "A subtitle")))
    assert image.size == SIZE and len(set(image.get_flattened_data())) > 4, "more than a blank rectangle"


def test_without_site_url_there_is_no_localhost_default(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert load_config(str(CONFIG_FILE)).site_url in (None, "")


@pytest.mark.parametrize("site_url", [None, ""])
def test_a_pdf_without_a_site_url_names_no_web_address(site_url, tmp_path):
    html_file = tmp_path / "index.html"
    html_file.write_text(
        '<article class="md-content__inner"><h1>One</h1><p><a href="../../sources/">Sources</a></p></article>'
    )
    book = build_book(
        [BookPage("chapters/one/", "One", html_file)], "Title", "Subtitle", datetime.date(2026, 1, 1), site_url
    )
    assert "Read online" not in book and "127.0.0.1" not in book and "localhost" not in book
    assert re.search(r"<p>(<a>)?Sources(</a>)?</p>", book), "a link with no address to point at is dropped, words kept"
    assert 'href="../../sources/"' not in book


def test_the_404_page_works_under_a_sub_path(site_dir):
    soup = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    addresses = [tag.get("href") or tag.get("src") for tag in soup.select("link[href], script[src], a[href]")]
    local = [address for address in addresses if not address.startswith(("http:", "https:", "#", "mailto:"))]
    assert local and all(address.startswith(SUB_PATH) for address in local), [
        a for a in local if not a.startswith(SUB_PATH)
    ]


@pytest.fixture(scope="module")
def site_without_address(tmp_path_factory):
    """The site built as a teacher might build it to upload anywhere: no SITE_URL (and no PDF, not needed here)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITE_URL", raising=False)
        for switch in ("GUIDE_PDF", "GUIDE_DOWNLOADS", "GUIDE_OFFLINE"):
            patch.setenv(switch, "off")
        return build_site(tmp_path_factory.mktemp("no-address"), site_url=None)


def test_without_site_url_the_404_page_finds_the_site_under_a_sub_path(site_without_address, tmp_path, chromium):
    with serve(site_without_address, SUB_PATH, tmp_path) as root_url:
        page = chromium.new_page()
        origin = root_url[: -len(SUB_PATH) + 1]
        for missing in ("no-such-page/", "chapters/no/such/page/", "typo.html"):
            response = page.goto(root_url + missing)
            assert response.status == 404 and "not found" in page.locator("article h1").inner_text(), missing
            # The theme's and the guide's own stylesheets applied: the header is the guide's red ...
            header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            assert header == "rgb(164, 22, 26)", (missing, header)
            # ... and every link leads into the guide, not to the server's root.
            hrefs = page.eval_on_selector_all("a[href]:not([href^='http']), link[href]", "els => els.map(e => e.href)")
            assert hrefs and all(href.startswith(root_url) for href in hrefs if href.startswith(origin)), hrefs
        page.locator(".md-header__button.md-logo").click()
        page.wait_for_url(root_url)
        assert page.locator("article h1").count() == 1
