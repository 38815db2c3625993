"""Every internal link and #anchor resolves when the site is served under a sub-path, as on GitHub Pages."""

import pytest

from linkcheck import crawl, serve
from sitebuild import SUB_PATH


@pytest.fixture(scope="module")
def crawl_report(site_dir, tmp_path_factory):
    with serve(site_dir, SUB_PATH, tmp_path_factory.mktemp("served")) as root_url:
        yield crawl(root_url), root_url


def test_every_internal_link_and_anchor_resolves(crawl_report):
    report, _ = crawl_report
    assert not report.broken, "\n".join(report.broken)


def test_every_built_page_is_reachable_by_links(crawl_report, site_dir):
    report, root_url = crawl_report
    built = set()
    for page in site_dir.rglob("index.html"):
        folder = page.relative_to(site_dir).parent.as_posix()
        built.add(root_url if folder == "." else f"{root_url}{folder}/")
    assert built <= report.pages, sorted(built - report.pages)


def test_the_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="a/#here">ok</a> <a href="a/#gone">bad anchor</a> <a href="missing/">bad page</a>'
        ' <a href="/elsewhere/">outside the sub-path</a> <a href="https://example.org/">external</a>'
    )
    (site / "a" / "index.html").write_text('<h2 id="here">Here</h2>')
    with serve(site, "/study-guide/", tmp_path) as root_url:
        report = crawl(root_url)
    assert sorted(line.split(" -> ")[1] for line in report.broken) == [
        f"http://{root_url.split('/')[2]}/elsewhere/ does not exist",
        f"{root_url}missing/ does not exist",
        f"no element with id 'gone' on {root_url}a/",
    ]
    assert report.external == {"https://example.org/"}


def test_links_that_open_a_new_tab_carry_noopener(site_dir):
    from bs4 import BeautifulSoup

    unsafe = []
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.find_all("a", target="_blank"):
            if "noopener" not in (link.get("rel") or []):
                unsafe.append(f"{page.relative_to(site_dir)}: {link.get('href')}")
    assert not unsafe, unsafe


def test_outside_links_are_reported(crawl_report):
    report, _ = crawl_report
    assert report.external, "the About the notes page cites outside references"
    assert all(url.startswith(("https://", "http://")) for url in report.external)
