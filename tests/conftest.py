"""Shared fixtures (one strict build of the real site per session, served once) and the no-skip rule."""

import os

import pytest

from serving import serve
from sitebuild import SUB_PATH, build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The real site, built strictly once into a temporary folder."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(site_dir, tmp_path_factory):
    """The real site served once over HTTP under the GitHub Pages sub-path; its root URL."""
    with serve(site_dir, SUB_PATH, tmp_path_factory.mktemp("served")) as url:
        yield url


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
