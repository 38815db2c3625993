"""The period line taken from a page's front matter."""

from studyguide.pages.page_meta import add_period, period_line


def test_period_line_is_inserted_after_the_first_heading():
    markdown = "# 2. The Triumvirate\n\nIntro.\n\n# Not this one\n"
    result = add_period(markdown, {"period": "1922–1925"})
    assert result == (
        "# 2. The Triumvirate\n\n"
        '<p class="chapter-period"><span>Period:</span> 1922–1925</p>\n'
        "\n\nIntro.\n\n# Not this one\n"
    )


def test_pages_without_a_period_are_unchanged():
    assert add_period("# Home\n\nText\n", {}) == "# Home\n\nText\n"


def test_pages_without_a_heading_are_unchanged():
    assert add_period("No heading here\n", {"period": "1917"}) == "No heading here\n"


def test_period_text_is_escaped():
    assert period_line("<b>1922</b> & after") == (
        '<p class="chapter-period"><span>Period:</span> &lt;b&gt;1922&lt;/b&gt; &amp; after</p>'
    )
