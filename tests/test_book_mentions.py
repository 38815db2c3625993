"""In the PDF, the reference pages' grouped "Mentioned in" and timeline lists shrink to one line each."""

import datetime

from bs4 import BeautifulSoup

from studyguide.book.book import BookPage, build_book

# The pages it links to are not in this one-page book, so they stay links to the site.
SITE = "https://example.org/guide/"
ENTRY = """<article class="md-content__inner"><h1>Glossary</h1>
<div class="mentions"><p><strong>Mentioned in:</strong></p><ul>
<li><a href="../chapters/one/">One</a>: <a href="../chapters/one/#a">Section A</a>,
<a href="../chapters/one/#b">Section B</a></li>
<li><a href="../">Home</a></li></ul>
<details class="more-mentions"><summary>2 more pages</summary>
<ul><li><a href="../x/">X</a>: <a href="../x/#c">C</a></li></ul></details></div>
<div class="timeline-links"><p><strong>On the timeline:</strong></p><ul>
<li>One: <a href="../timeline/#e1">21 January 1924: Lenin dies</a>;
<a href="../timeline/#e2">1925: Something</a></li></ul></div>
</article>"""


def test_grouped_lists_print_as_one_line_of_pages_and_one_of_dates(tmp_path):
    html_file = tmp_path / "index.html"
    html_file.write_text(ENTRY, encoding="utf-8")
    book = BeautifulSoup(
        build_book([BookPage("glossary/", "Glossary", html_file)], "T", "S", datetime.date(2026, 1, 1), SITE),
        "html.parser",
    )
    mentions = book.select_one("p.mentions")
    assert [a.get_text() for a in mentions.find_all("a")] == ["One", "Home", "X"]
    assert mentions.get_text() == "Mentioned in: One, Home, X"
    assert book.select_one("p.timeline-links").get_text() == "On the timeline: 21 January 1924; 1925"
    assert not book.select("div.mentions, div.timeline-links, details.more-mentions")
