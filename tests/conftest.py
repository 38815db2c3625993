"""Shared fixtures: one strict build of the real site per test session."""

import os

import pytest

from sitebuild import build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The real site, built strictly once into a temporary folder."""
    return build_site(tmp_path_factory.mktemp("site"))
