"""The shared browser lends each test a context emptied of everything the previous test left in it."""

from browserpool import IRREVERSIBLE


def test_a_context_given_back_is_lent_again_with_nothing_left_of_the_last_test(chromium, site_url):
    first = chromium.new_context(color_scheme="dark")
    page = first.new_page()
    page.goto(site_url)
    page.evaluate("localStorage.setItem('left-behind', '1'); document.cookie = 'left=1; path=/'")
    seen = []
    first.on("console", lambda message: seen.append(message.text))
    first.close()

    again = chromium.new_context(color_scheme="dark")
    assert again is first, "the same options get the context back"
    assert again.pages == [], "the last test's pages are closed"
    page = again.new_page()
    page.goto(site_url)
    assert page.evaluate("localStorage.getItem('left-behind')") is None
    assert page.evaluate("document.cookie") == ""
    page.evaluate("console.log('after')")
    assert seen == [], "the last test's listeners are removed"
    assert chromium.new_context(color_scheme="light") is not again, "other options get another context"


def test_a_context_changed_for_good_is_closed_rather_than_lent_again(chromium, site_url):
    assert "add_init_script" in IRREVERSIBLE
    changed = chromium.new_context(java_script_enabled=True)
    changed.add_init_script("window.leftBehind = 1")
    changed.close()
    fresh = chromium.new_context(java_script_enabled=True)
    assert fresh is not changed
    page = fresh.new_page()
    page.goto(site_url)
    assert page.evaluate("window.leftBehind") is None
