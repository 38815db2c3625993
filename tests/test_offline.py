"""The installable, offline guide: manifest and icons, then the worker in Chromium with the network cut."""

import json

import pytest
from PIL import Image

from studyguide.offline import MANIFEST_NAME, WORKER_NAME, precache_entries, worker_script

from linkcheck import serve
from sitebuild import SUB_PATH

WAIT = 30_000  # ms: the first visit downloads every page of the guide


@pytest.fixture()
def served(site_dir, tmp_path):
    with serve(site_dir, SUB_PATH, tmp_path) as root_url:
        yield root_url, tmp_path / "webroot" / SUB_PATH.strip("/")


def test_the_manifest_names_the_guide_and_its_icons(site_dir):
    manifest = json.loads((site_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    for field in ("name", "short_name", "start_url", "scope", "display", "theme_color", "background_color"):
        assert manifest.get(field), f"the manifest has no {field}"
    assert manifest["start_url"] == manifest["scope"] == "./", "relative, so that any sub-path works"
    sizes = set()
    for icon in manifest["icons"]:
        with Image.open(site_dir / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_the_worker_precaches_pages_assets_and_search_but_not_the_pdf(site_dir):
    urls = {url for url, _ in precache_entries(site_dir)}
    assert {"index.html", "glossary/index.html", "search/search_index.json", "404.html"} <= urls
    assert any(url.startswith("assets/javascripts/bundle.") for url in urls)
    assert not any(url.endswith(".pdf") or url.startswith("downloads/") for url in urls)


@pytest.mark.searches
def test_the_whole_guide_works_offline_and_a_new_deploy_shows_an_update(served, chromium):
    root_url, served_dir = served
    context = chromium.new_context(service_workers="allow")  # the worker is what is tested
    page = context.new_page()
    page.goto(root_url)
    page.locator("#offline-status", has_text="Available offline").wait_for(timeout=WAIT)

    context.set_offline(True)
    page.goto(root_url + "chapters/02-triumvirate/")
    assert "The Triumvirate" in page.locator("h1").inner_text()
    page.goto(root_url + "glossary/")
    assert page.locator("#politburo").count() == 1
    page.goto(root_url + "flashcards/")
    card = page.locator("details.flashcard").first
    card.locator("summary").click()
    assert card.locator("p").first.is_visible()
    # A drill step offline: the drill's scripts (FSRS, the store, drill.js) came from the worker's cache.
    page.get_by_role("button", name="Start drill").click()
    drilled = page.locator(".drill-card").get_attribute("data-card-id", timeout=WAIT)
    page.get_by_role("button", name="Show answer").click()
    page.locator(".drill-answer").wait_for(timeout=WAIT)
    page.locator('[data-rating="3"]').click()
    progress = json.loads(page.evaluate("localStorage.getItem('stalin-guide:revision')") or "{}")
    assert drilled in progress.get("cards", {}), "the rating was stored offline"
    page.keyboard.press("/")
    page.keyboard.type("Ryutin")
    page.locator(".md-search-result__item").first.wait_for(timeout=WAIT)
    # A quiz question offline, marked at once with why.
    page.goto(root_url + "quiz/")
    question = page.locator(".quiz-question", has=page.locator(".quiz-options")).first
    question.locator(".quiz-options button").first.click()
    feedback = question.locator(".quiz-feedback")
    feedback.wait_for(timeout=WAIT)
    assert feedback.inner_text().startswith(("Right.", "Not quite.")), feedback.inner_text()
    assert question.locator("details.quiz-answer").get_attribute("open") is not None, "the answer and why show"

    context.set_offline(False)
    home = served_dir / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</h1>", " (new edition)</h1>", 1), encoding="utf-8")
    (served_dir / WORKER_NAME).write_text(worker_script(precache_entries(served_dir)), encoding="utf-8")
    page.goto(root_url)
    page.get_by_role("button", name="Reload").click(timeout=WAIT)
    page.locator("h1", has_text="(new edition)").wait_for(timeout=WAIT)
    context.set_offline(True)
    page.reload()
    assert "(new edition)" in page.locator("h1").inner_text(), "the update replaced the cached page"
    context.close()
