"""Shared fixtures (one strict build of the real site per run, served once per worker) and the no-skip rule."""

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from browserpool import SharedBrowser, origin
from projectcopy import copy_project

from browser import browser
from serving import serve
from sitebuild import SUB_PATH, build_site, one_page_per_template, site_pages

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
        SharedBrowser.home_origin = origin(url)
        yield url


def pytest_addoption(parser):
    parser.addoption(
        "--every-page",
        action="store_true",
        help="sweep every page, not one of each kind, in the tests marked 'sweep' (make audit)",
    )


@pytest.fixture(scope="session")
def swept_pages(site_dir, pytestconfig) -> list[str]:
    """The pages a sweep (a test marked ``sweep``) checks: one of each kind, or with ``--every-page`` all."""
    pages = site_pages(site_dir)
    return pages if pytestconfig.getoption("every_page") else one_page_per_template(pages)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, started once for each worker that drives a browser (see ``SharedBrowser``)."""
    with browser() as instance:
        shared = SharedBrowser(instance)
        try:
            yield shared
        finally:
            shared.close()


@pytest.fixture(autouse=True)
def _browser_contexts_lent_per_test(request):
    """Each test gets the real search index only if marked ``searches``, and its contexts back emptied."""
    SharedBrowser.real_search = request.node.get_closest_marker("searches") is not None
    yield
    for shared in SharedBrowser.open:
        shared.give_back_all()


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
