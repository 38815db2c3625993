"""A real build of a copy of the project with broken data fails cleanly and publishes nothing."""

import os
import shutil
import subprocess
import sys

import pytest

from datafixtures import edit
from sitebuild import REPO_ROOT

COPIED = ["docs", "data", "overrides", "scripts", "mkdocs.yml"]


@pytest.fixture()
def project(tmp_path):
    """A copy of the project, with a site already built there by an earlier, good build."""
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the previous, good build")
    return tmp_path


def _build(project):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        ("data/glossary.yml", "- id: politburo\n", "- id: politburo\n  colour: red\n",
         "data/glossary.yml, entry 'politburo': unknown field 'colour'"),
        ("data/timeline.yml", "section: 02-triumvirate#lenins-death-and-funeral",
         "section: 02-triumvirate#lenins-funeral",
         "data/timeline.yml, entry 'lenin-dies': 'section' points at '#lenins-funeral'"),
        ("data/people.yml", "died: 1940-08-21", "died: 1940-08-32",
         "data/people.yml, entry 'trotsky': 'died': '1940-08-32' is not a day in the calendar"),
    ],
    ids=["unknown field", "unknown anchor", "impossible date"],
)
def test_broken_data_stops_the_build_with_a_clear_message(project, file, old, new, message):
    edit(project, file, old, new)
    result = _build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output and "Fix:" in output
    assert "Traceback" not in output
    assert (project / "site" / "index.html").read_text() == "the previous, good build"
