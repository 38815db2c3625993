"""The checks that keep script out of pages: the site's address, page content and the Content-Security-Policy."""

import pytest

from studyguide.safety import add_content_security_policy, duplicate_ids, site_url_problem, unsafe_markup

GOOD_ADDRESSES = [
    "https://example.org/",
    "https://you.github.io/study-guide/",
    "http://127.0.0.1:8000/",
    "http://localhost:8000/guide/",
]
BAD_ADDRESSES = [
    ('https://example.org/"><script>alert(1)</script>/', "a quote"),
    ("javascript://example.org/%0aalert(1)", "not http:// or https://"),
    ("https://example.org/my guide/", "a space"),
    ("ftp://example.org/", "not http:// or https://"),
    ("https:///nohost/", "no host"),
    ("https://exa_mple/", "not a host name"),
    ("example.org/guide/", "not http:// or https://"),
    ("https://example.org/?x=1", "?query"),
    ("https://example.org:80a/", "port"),
]


@pytest.mark.parametrize("url", GOOD_ADDRESSES)
def test_real_addresses_are_accepted(url):
    assert site_url_problem(url) is None


@pytest.mark.parametrize("url, reason", BAD_ADDRESSES)
def test_bad_addresses_are_refused_with_a_reason(url, reason):
    assert reason in (site_url_problem(url) or "")


@pytest.mark.parametrize(
    "html, problem",
    [
        ('<p onclick="x()">a</p>', "<p> has an event handler (onclick=...)"),
        ("<img src=x OnError=alert(1)>", "<img> has an event handler (onerror=...)"),
        ('<a href=" jav&#x09;ascript:alert(1)">a</a>', "<a> has a script URL"),
        ('<a href="JAVASCRIPT:alert(1)">a</a>', "<a> has a script URL"),
        ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed"),
        ("<script>alert(1)</script>", "an inline <script>"),
    ],
)
def test_script_in_page_content_is_found(html, problem):
    assert any(problem in found for found in unsafe_markup(html)), unsafe_markup(html)


def test_ordinary_content_passes():
    html = (
        '<p><a href="../glossary/#politburo" title="A &lt; B">x</a></p>'
        '<script src="x.js"></script><script type="application/json">{}</script>'
    )
    assert unsafe_markup(html) == [] and duplicate_ids(html) == []


def test_duplicate_ids_are_found():
    assert duplicate_ids('<h2 id="a">x</h2><h2 id="b">y</h2><div id="a"></div>') == ["a"]


def test_the_policy_hashes_only_the_theme_scripts_and_comes_first():
    page = (
        '<html><head><meta charset="utf-8"><script>theme()</script></head>'
        "<body><article><script>content()</script></article></body></html>"
    )
    result = add_content_security_policy(page, "<script>content()</script>")
    assert result.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    policy = result.split('content="')[1].split('"')[0]
    assert "script-src 'self' 'sha256-" in policy and policy.count("sha256-") == 1
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
