"""Shared fixtures (one strict build of the real site per run, served once per worker) and the no-skip rule."""

import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from projectcopy import copy_project

from browser import browser
from serving import serve
from sitebuild import SUB_PATH, build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The book is stamped with the build date, which is part of each PDF's cache key: a fixed date lets a
# later run (on another day) reuse the PDFs in .cache/pdf when nothing else has changed.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1795000000")  # 18 November 2026


@contextmanager
def _locked(lock_file: Path):
    """Hold an exclusive lock on ``lock_file`` (created if missing) for the duration of the block."""
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, worker_id):
    """The real site, built strictly once per run into a temporary folder that the tests only read.

    Under pytest-xdist every worker asks for it: the first builds it (with its PDFs, about half a minute)
    while the others wait on a lock, then all read the same folder.
    """
    if worker_id == "master":
        return build_site(tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above every worker's own
    site, finished = shared / "site", shared / "site.built"
    with _locked(shared / "site.lock"):
        if not finished.exists():
            build_site(site)
            finished.touch()
    return site


@pytest.fixture(scope="session")
def site_url(site_dir, tmp_path_factory):
    """The real site served once over HTTP under the GitHub Pages sub-path; its root URL."""
    with serve(site_dir, SUB_PATH, tmp_path_factory.mktemp("served")) as url:
        yield url


SEARCH_INDEX = "**/search/search_index.json"


class QuietSearchBrowser:
    """The session's Chromium, whose pages get an empty search index unless the test is marked ``searches``.

    Material fetches the whole search index (over half a megabyte) on every full page load and builds
    its lunr index from it in a worker: about 0.3 s of CPU a load, a sixth of a browser test's cost. Only
    the tests that type into the search need it; the others get the same index with no documents in it.
    """

    real_search = False  # set for each test by the autouse fixture below

    def __init__(self, chromium):
        self._chromium = chromium
        self._empty_index: bytes | None = None

    def new_context(self, **options):
        context = self._chromium.new_context(**options)
        if not self.real_search:
            context.route(SEARCH_INDEX, self._answer_with_empty_index)
        return context

    def new_page(self, **options):
        """A page in a context of its own that closes with it, as ``Browser.new_page`` gives."""
        context = self.new_context(**options)
        page = context.new_page()
        page.on("close", lambda _: context.close())
        return page

    def __getattr__(self, name):
        return getattr(self._chromium, name)

    def _answer_with_empty_index(self, route):
        if self._empty_index is None:
            index = route.fetch().json()
            self._empty_index = json.dumps({**index, "docs": []}).encode()
        route.fulfill(status=200, content_type="application/json", body=self._empty_index)


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, started once for each test file that drives a browser (see QuietSearchBrowser)."""
    with browser() as instance:
        yield QuietSearchBrowser(instance)


@pytest.fixture(autouse=True)
def _search_index_only_where_searched(request):
    QuietSearchBrowser.real_search = request.node.get_closest_marker("searches") is not None


@pytest.fixture(scope="session")
def project_template(tmp_path_factory):
    """A copy of what a build reads, made once; each test that changes the project copies this again."""
    return copy_project(tmp_path_factory.mktemp("template") / "project")


@pytest.fixture()
def project(project_template, tmp_path):
    """A fresh copy of the project for one test to change and build."""
    root = tmp_path / "project"
    shutil.copytree(project_template, root)
    return root


def _fail_skips(report, nodeid: str) -> None:
    """A skip becomes a failure: a missing prerequisite must say how to get it, not turn the suite green."""
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"{nodeid} was skipped ({reason}); tests never skip: fail with how to get what is missing"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Skipped tests fail."""
    outcome = yield
    _fail_skips(outcome.get_result(), item.nodeid)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """Skipped modules (``pytest.skip(allow_module_level=True)``, ``importorskip`` at the top) fail."""
    outcome = yield
    _fail_skips(outcome.get_result(), collector.nodeid)


def pytest_collection_modifyitems(items):
    """Tests that do not read the shared site run first (in their files' order), then those that do.

    Under pytest-xdist one worker builds the site (with every PDF, over half a minute on a cold cache)
    while the others wait for it; with this order the others have work of their own meanwhile.
    """
    items.sort(key=lambda item: "site_dir" in getattr(item, "fixturenames", ()))
