"""Neither the build nor a page load may fetch anything from another host (no fonts, CDNs, APIs)."""

import re

import yaml
from bs4 import BeautifulSoup

from sitebuild import CONFIG_FILE

ABSOLUTE_URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")

# rel values of <link> that name a related document rather than load one.
NON_LOADING_RELS = {"canonical", "alternate", "author", "license", "next", "prev", "me", "help"}

# Addresses that appear as text in Material's bundled JavaScript but are never requested by this site.
# Each entry says why; anything else found in a script fails the test.
JS_ALLOW_LIST = {
    r"http://www\.w3\.org/": "XML namespace identifiers for SVG, not requests",
    r"https?://(www\.)?mozilla\.org/MPL/": "licence text in a comment",
    r"https://github\.com/": "source references in comments",
    r"https://api\.github\.com/": "repository facts: only fetched when repo_url is set, which the config forbids",
    r"https://\$\{e\}/api/v4/": "GitLab repository facts: as above, needs repo_url",
    r"https://unpkg\.com/mermaid": "loaded only for Mermaid diagrams, which the guide does not use",
    r"https://unpkg\.com/resize-observer-polyfill": "loaded only by browsers without ResizeObserver (pre-2020)",
    r"https://squidfunk\.github\.io/mkdocs-material/": "documentation links in comments",
    r"https?://(snowball\.)?tartarus\.org/": "stemmer credits in comments",
    r"https?://code\.google\.com/": "credits in comments",
    r"http://lunrjs\.com": "credits in comments",
    r"https?://(www\.)?fontawesome\.com": "licence text in a comment",
    r"https://clipboardjs\.com/": "credits in comments",
    r"https://bit\.ly/": "an error message's help link, never fetched",
    r"https://developer\.mozilla\.org/": "documentation link in a comment",
    r"https?://(wiki|people)\.": "specification links in comments",
    r"http://(underscorejs|narwhaljs)\.org": "credits in comments",
    r"http://msdn\.microsoft\.com/": "documentation link in a comment",
    r"http://en\.wikipedia\.org/": "documentation link in a comment",
    r"http://docs\.python\.org/": "documentation link in a comment",
    r"http://chasen\.org/": "licence link in a comment",
}
ALLOWED_IN_JS = re.compile("|".join(f"(?:{pattern})" for pattern in JS_ALLOW_LIST))


def _is_external(url: str) -> bool:
    return bool(re.match(r"(https?:)?//", url.strip()))


def _html_requests(soup):
    """Yield every URL that loading the page would fetch."""
    for tag in soup.find_all(["script", "img", "iframe", "audio", "video", "source", "embed", "track"]):
        if tag.get("src"):
            yield tag["src"]
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]
    for tag in soup.find_all("link", href=True):
        if not NON_LOADING_RELS.issuperset(tag.get("rel") or []):
            yield tag["href"]
    for tag in soup.find_all("object", data=True):
        yield tag["data"]
    for tag in soup.find_all(style=True):
        yield from re.findall(r"url\(\s*['\"]?([^'\")]+)", tag["style"])
    for tag in soup.find_all("style"):
        yield from _css_requests(tag.get_text())


def _css_requests(css: str):
    yield from re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    yield from re.findall(r"@import\s+['\"]([^'\"]+)", css)


def test_config_keeps_fonts_and_repository_widgets_off():
    config = yaml.load(CONFIG_FILE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["theme"]["font"] == "false", "theme.font must be false: Google Fonts are an outside request"
    assert "repo_url" not in config, "repo_url makes every page load ask the GitHub API for repository facts"


def test_built_html_loads_nothing_from_other_hosts(site_dir):
    offending = []
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        offending += [f"{page.relative_to(site_dir)}: {url}" for url in _html_requests(soup) if _is_external(url)]
        if soup.select(".mermaid"):
            offending.append(f"{page.relative_to(site_dir)}: a Mermaid diagram (Material would fetch Mermaid)")
    assert not offending, "\n".join(offending)


def test_built_css_loads_nothing_from_other_hosts(site_dir):
    offending = [
        f"{sheet.relative_to(site_dir)}: {url}"
        for sheet in site_dir.rglob("*.css")
        for url in _css_requests(sheet.read_text(encoding="utf-8"))
        if _is_external(url)
    ]
    assert not offending, "\n".join(offending)


def test_built_javascript_names_no_host_outside_the_allow_list(site_dir):
    offending = [
        f"{script.relative_to(site_dir)}: {url}"
        for script in site_dir.rglob("*.js")
        for url in ABSOLUTE_URL.findall(script.read_text(encoding="utf-8"))
        if not ALLOWED_IN_JS.match(url)
    ]
    assert not offending, "\n".join(offending)


def test_the_scan_catches_a_cdn_script_and_a_web_font():
    soup = BeautifulSoup(
        '<script src="https://cdn.example.com/x.js"></script>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/page/">'
        '<img src="../assets/local.png">',
        "html.parser",
    )
    external = [url for url in _html_requests(soup) if _is_external(url)]
    assert external == ["https://cdn.example.com/x.js", "https://fonts.googleapis.com/css?family=Roboto"]
    assert list(_css_requests("@import 'https://x.org/a.css'; b { background: url(//y.org/i.png) }")) == [
        "//y.org/i.png",
        "https://x.org/a.css",
    ]
