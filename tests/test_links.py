"""Every internal link and #anchor resolves when the site is served under a sub-path, as on GitHub Pages."""

import pytest
from bs4 import BeautifulSoup

from studyguide.data.load import load_guide_data

from linkcheck import crawl, new_tab_without_noopener, serve
from sitebuild import SUB_PATH

# One crawl of the site for the whole file, on one worker.
pytestmark = pytest.mark.xdist_group("links")


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


def test_the_checker_reports_a_missing_page_a_missing_anchor_and_unsafe_links(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="a/#here">ok</a> <a href="a/#gone">bad anchor</a> <a href="missing/">bad page</a>'
        ' <a href="/elsewhere/">outside the sub-path</a> <a href="https://example.org/">external</a>'
        ' <a href="javascript:alert(1)">script</a> <img src="data:image/png;base64,AAAA" alt="">'
        ' <a href="mailto:someone@example.org">mail</a>'
        ' <a href="https://example.org/new" target="_blank">new tab</a>'
        ' <a href="https://example.org/named" target="notes" rel="external">named window</a>'
        ' <a href="https://example.org/safe" target="_blank" rel="noopener">safe</a>'
    )
    (site / "a" / "index.html").write_text('<h2 id="here">Here</h2>')
    with serve(site, "/study-guide/", tmp_path) as root_url:
        report = crawl(root_url)
    assert sorted(line.split(" -> ")[1] for line in report.broken) == [
        f"http://{root_url.split('/')[2]}/elsewhere/ does not exist",
        f"{root_url}missing/ does not exist",
        f"no element with id 'gone' on {root_url}a/",
    ]
    assert report.external == {f"https://example.org/{path}" for path in ("", "new", "named", "safe")}
    assert report.bad_schemes == [
        f"{root_url}: javascript:alert(1) uses the scheme 'javascript'",
        f"{root_url}: data:image/png;base64,AAAA uses the scheme 'data'",
    ]
    assert report.unsafe_new_tabs == [
        f"{root_url}: https://example.org/new opens a new tab without rel=noopener",
        f"{root_url}: https://example.org/named opens a new tab without rel=noopener",
    ]


def test_no_link_uses_a_scheme_other_than_http_https_or_mailto(crawl_report):
    report, _ = crawl_report
    assert not report.bad_schemes, "\n".join(report.bad_schemes)


def test_every_reference_is_an_outside_link_of_the_site(crawl_report):
    """The crawl sees the guide's own outside links (the Sources page), not only Material's footer."""
    report, _ = crawl_report
    references = {reference.url for reference in load_guide_data().references}
    assert references, "data/references.yml lists no reference"
    assert references <= report.external, sorted(references - report.external)


def test_links_that_open_a_new_tab_carry_noopener(crawl_report, site_dir):
    report, _ = crawl_report
    assert not report.unsafe_new_tabs, "\n".join(report.unsafe_new_tabs)
    # Pages the crawl cannot reach by links (404.html) are checked from the files.
    unsafe = [
        f"{page.relative_to(site_dir)}: {link.get('href')}"
        for page in site_dir.rglob("*.html")
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a")
        if new_tab_without_noopener(link)
    ]
    assert not unsafe, unsafe
