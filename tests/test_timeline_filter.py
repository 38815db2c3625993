"""The timeline's filters work in a browser with JavaScript switched off, and every event shows by default."""

import pytest

from studyguide.data.load import load_guide_data


@pytest.fixture(scope="module")
def timeline_url(site_url):
    return f"{site_url}timeline/"


def test_filters_work_without_javascript(timeline_url, chromium):
    data = load_guide_data()
    triumvirate = [event for event in data.events if event.section.chapter == "02-triumvirate"]
    trials = [event for event in data.events if event.kind == "trial"]
    page = chromium.new_context(java_script_enabled=False).new_page()
    page.goto(timeline_url)
    events = page.locator(".tl-event")
    assert events.count() == len(data.events)
    assert all(events.nth(i).is_visible() for i in range(0, events.count(), 10)), "all events show at first"

    page.get_by_label("The Triumvirate").check()
    visible = page.locator(".tl-event:visible")
    assert visible.count() == len(triumvirate)

    page.locator("#tl-phase-all").check()
    page.locator("#tl-kind-trial").check()
    assert page.locator(".tl-event:visible").count() == len(trials)
