"""Crawls a built site served under a sub-path: broken links and anchors, outside links, unsafe links."""

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from serving import serve

__all__ = ["CrawlReport", "crawl", "new_tab_without_noopener", "serve"]

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
# Schemes a link may use; anything else (javascript:, data:, file:...) is reported.
SAFE_SCHEMES = {"", "http", "https", "mailto"}
# Targets that keep the link in the same browsing context; any other target opens a new one.
SAME_TAB_TARGETS = {"", "_self", "_parent", "_top"}


def new_tab_without_noopener(tag) -> bool:
    """Whether the link opens a new tab or window that could reach back to this page through window.opener."""
    if (tag.get("target") or "").strip().lower() in SAME_TAB_TARGETS:
        return False
    return not {"noopener", "noreferrer"} & {value.lower() for value in tag.get("rel") or []}


@dataclass
class CrawlReport:
    """What a crawl found: pages visited, outside links seen, broken links and anchors, unsafe links."""

    pages: set = field(default_factory=set)
    external: set = field(default_factory=set)
    broken: list = field(default_factory=list)
    bad_schemes: list = field(default_factory=list)
    unsafe_new_tabs: list = field(default_factory=list)


def _fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, b""


def _ids(html: bytes) -> set:
    soup = BeautifulSoup(html, "html.parser")
    names = {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return {tag["id"] for tag in soup.find_all(id=True)} | names


def crawl(root_url: str) -> CrawlReport:
    """Follow every internal link from ``root_url``; record broken targets and missing anchors."""
    report = CrawlReport()
    host = urlsplit(root_url).netloc
    anchors: dict = {}  # page URL -> ids on it, or None when the page could not be fetched
    wanted: list = []  # (source page, link as written, target page, fragment)
    queue = [root_url]
    while queue:
        url = queue.pop()
        if url in anchors:
            continue
        status, content_type, body = _fetch(url)
        if status != 200:
            anchors[url] = None
            continue
        if content_type != "text/html":
            anchors[url] = set()
            continue
        anchors[url] = _ids(body)
        report.pages.add(url)
        soup = BeautifulSoup(body, "html.parser")
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                if tag_name == "link" and "canonical" in (tag.get("rel") or []):
                    continue  # names the page's public address, which is not this test server
                written = tag[attribute]
                absolute = urljoin(url, written)
                parts = urlsplit(absolute)
                if tag_name == "a" and new_tab_without_noopener(tag):
                    report.unsafe_new_tabs.append(f"{url}: {written} opens a new tab without rel=noopener")
                if parts.scheme not in SAFE_SCHEMES:
                    report.bad_schemes.append(f"{url}: {written} uses the scheme {parts.scheme!r}")
                if parts.scheme not in {"http", "https"} or parts.netloc != host:
                    if parts.scheme in {"http", "https"}:
                        report.external.add(absolute)
                    continue
                target, fragment = urldefrag(absolute)
                wanted.append((url, written, target, fragment))
                if target not in anchors:
                    queue.append(target)
    for source, written, target, fragment in wanted:
        ids = anchors.get(target)
        if ids is None:
            report.broken.append(f"{source}: {written} -> {target} does not exist")
        elif fragment and fragment not in ids:
            report.broken.append(f"{source}: {written} -> no element with id {fragment!r} on {target}")
    return report


def main(argv: list[str]) -> int:
    """`make links`: crawl a built site under a sub-path, list its outside links and any broken ones."""
    import tempfile

    site = Path(argv[1] if len(argv) > 1 else "site")
    with tempfile.TemporaryDirectory() as work_dir, serve(site, "/study-guide/", Path(work_dir)) as root_url:
        report = crawl(root_url)
    print(f"{len(report.pages)} pages crawled under /study-guide/.")
    print(f"Outside links ({len(report.external)}):")
    print("\n".join(f"  {url}" for url in sorted(report.external)) or "  none")
    problems = report.broken + report.bad_schemes + report.unsafe_new_tabs
    if problems:
        print(f"Broken or unsafe links and anchors ({len(problems)}):")
        print("\n".join(f"  {line}" for line in problems))
        return 1
    print("No broken internal links or anchors.")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
