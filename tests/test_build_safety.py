"""`make build` is atomic and exclusive: concurrent builds, a read-only site or project (as a non-root user),
and building without the PDF never lose the site or leave a dangling link."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from projectcopy import VENV, make, snapshot

PDF = "stalins-rise-to-power.pdf"
OLD_PDF = b"%PDF-1.7 the PDF of the last build"
# A user who is not root, who may read (but not write) every file, as an ordinary user reads the checkout:
# this machine runs the tests as root, who could write to a read-only folder.
AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
             "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]  # fmt: skip


def _pages(site):
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html"))


def test_two_builds_at_once_end_with_one_complete_site_and_the_pdf_kept(project):
    (project / "site").mkdir()
    (project / "site" / PDF).write_bytes(OLD_PDF)
    first = make(project, background=True)
    second = make(project, background=True)
    outputs = [process.communicate(timeout=300)[0] for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert any("Another build is running in this folder; waiting" in output for output in outputs), outputs
    site = project / "site"
    assert len(_pages(site)) >= 14 and (site / "search" / "search_index.json").is_file()
    assert sorted(path.name for path in project.iterdir() if path.name.startswith("site")) == ["site"]
    # GUIDE_PDF=off: the last PDF is kept, so the pages' links to it still work.
    assert (site / PDF).read_bytes() == OLD_PDF
    assert f'href="{PDF}"' in (site / "index.html").read_text()


def test_without_a_pdf_pages_do_not_link_to_one(project):
    result = make(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "site" / PDF).exists()
    assert not [page for page in (project / "site").rglob("*.html") if PDF in page.read_text()]


@pytest.fixture()
def open_project(project_template):
    """A copy in a folder that ``nobody`` can reach (pytest's own temporary folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="studyguide-readonly-"))
    folder.chmod(0o755)
    root = folder / "project"
    shutil.copytree(project_template, root)
    yield root
    subprocess.run(["chmod", "-R", "u+w", str(folder)], check=True)
    shutil.rmtree(folder)


def _as_nobody(root):
    """Hand the copy to ``nobody``; return the make arguments and environment to build as them."""
    subprocess.run(["chown", "-R", "nobody:nogroup", str(root)], check=True)
    home = root.parent / "home"
    home.mkdir()
    shutil.chown(home, "nobody", "nogroup")
    # The shared .venv's interpreter lives under /root here, and make checks execute permission itself
    # (ignoring the read capability): small scripts in a folder anyone can use hand over to it.
    wrappers = root.parent / "bin"
    wrappers.mkdir()
    for tool in ("python", "mkdocs"):
        (wrappers / tool).write_text(f'#!/bin/sh\nexec {VENV / "bin" / tool} "$@"\n')
        (wrappers / tool).chmod(0o755)
    return [f"BIN={wrappers}"], {"HOME": str(home)}


def _previous_site(root):
    site = root / "site"
    (site / "chapters").mkdir(parents=True)
    (site / "index.html").write_text("the last good build")
    (site / "chapters" / "index.html").write_text("a chapter")
    return site


def test_a_read_only_site_is_left_whole_as_a_non_root_user(open_project):
    project = open_project
    site = _previous_site(project)
    arguments, environment = _as_nobody(project)
    os.chmod(site / "chapters", 0o555)
    before = snapshot(site)
    result = make(project, "build", *arguments, env=environment, user=AS_NOBODY)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (
        "site/ could not be replaced: site/chapters/ is read-only, so nothing was built and site/ is unchanged. "
        "Fix: make it writable" in output
    )
    assert "Traceback" not in output
    assert snapshot(site) == before
    assert sorted(path.name for path in project.iterdir() if path.name.startswith("site")) == ["site"]


def test_a_read_only_project_folder_gives_a_clear_message_as_a_non_root_user(open_project):
    project = open_project
    site = _previous_site(project)
    arguments, environment = _as_nobody(project)
    before = snapshot(site)
    os.chmod(project, 0o555)
    try:
        result = make(project, "build", *arguments, env=environment, user=AS_NOBODY)
    finally:
        os.chmod(project, 0o755)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (
        f"Build stopped: cannot write in {project} (Permission denied). Fix: build in a folder you can write to"
        in output
    )
    assert "Traceback" not in output and snapshot(site) == before
