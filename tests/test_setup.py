"""The two README commands set themselves up: missing system packages stop `make test` before any test runs."""

import os
import subprocess
from pathlib import Path

import pytest

from lock_requirements import SOURCE_ONLY, dry_run, split_requirements

from sitebuild import REPO_ROOT

# The browsers the tests can use. Debian's full chromium is left on PATH: it is not enough (make audit's).
TEST_BROWSERS = {"chromium-headless-shell", "google-chrome"}


@pytest.fixture()
def path_without_chromium(tmp_path):
    """A PATH holding every command this machine has except the browsers the tests use (see TEST_BROWSERS)."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for folder in ("/usr/local/bin", "/usr/bin", "/usr/sbin", "/sbin", "/bin"):
        if not Path(folder).is_dir():
            continue
        for tool in Path(folder).iterdir():
            link = fake_bin / tool.name
            if tool.name in TEST_BROWSERS or link.exists():
                continue
            link.symlink_to(tool)
    return str(fake_bin)


def _make(target: str, path: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": path, "GUIDE_AUTO_INSTALL": "no", **env}
    environment.pop("CHROME_PATH", None)
    return subprocess.run(
        ["make", "--no-print-directory", target], cwd=REPO_ROOT, env=environment,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_make_test_stops_before_any_test_when_chromium_is_missing(path_without_chromium):
    result = _make("test", path_without_chromium)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "chromium-headless-shell (the browser tests)" in output
    assert "Install them with: sudo bash .ci/install-system-packages" in output
    assert "pytest" not in output and "passed" not in output, "no test may run before the set-up is complete"


def test_the_check_passes_on_a_machine_that_has_everything():
    result = _make("system-check", os.environ["PATH"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_passes_when_the_library_and_font_lists_are_long(tmp_path):
    """A found library or font ends ``grep -q`` early; the listing it stops reading must not count as a failure.

    With ``pipefail``, ``ldconfig -p | grep -q`` failed whenever the listing outgrew the pipe's buffer and
    grep quit before ldconfig finished writing (SIGPIPE): a machine with everything was told Pango was missing.
    """
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for tool, first_line in (("ldconfig", "libpango-1.0.so.0 (libc6,x86-64) => /usr/lib/libpango-1.0.so.0"),
                             ("fc-list", "/usr/share/fonts/LiberationSans-Regular.ttf: Liberation Sans")):
        # The match first, then far more than a pipe holds, so that grep -q stops reading mid-listing.
        (fake_bin / tool).write_text(f"#!/bin/sh\necho '{first_line}'\nseq 1 300000 | sed 's/^/other-line-/'\n")
        (fake_bin / tool).chmod(0o755)
    result = _make("system-check", f"{fake_bin}:{os.environ['PATH']}")
    assert result.returncode == 0, result.stdout + result.stderr


def test_too_old_a_python_is_named_with_what_to_install(tmp_path):
    old_python = tmp_path / "python3"
    old_python.write_text("#!/bin/sh\nexit 1\n")  # answers like a Python older than 3.11 to the version check
    old_python.chmod(0o755)
    result = _make("python-check", os.environ["PATH"], PYTHON=str(old_python))
    assert result.returncode != 0
    assert "Python 3.11 or newer is needed" in result.stdout + result.stderr
    assert "sudo apt-get install python3 python3-venv" in result.stdout + result.stderr


def test_the_pins_install_on_the_oldest_supported_python(tmp_path):
    """Every pin installs on Debian 12's Python: asks the package index, installs nothing."""
    pins = (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    binary, source_only = split_requirements(pins)
    assert dry_run(binary, tmp_path, binary_only=True), "see pip's message above"
    assert not source_only or dry_run(source_only, tmp_path, binary_only=False)
    pinned = {line.split("==")[0].lower() for line in binary}
    for package, needs in SOURCE_ONLY.items():
        assert {need.lower() for need in needs} <= pinned, f"{package} needs {needs} among the pins"


@pytest.mark.xdist_group("a-group-of-one")
def test_pytest_xdist_keeps_each_group_on_one_worker(request):
    """The files with an expensive set-up (a build, the HTML checker, the book's PDFs) run on one worker each.

    pytest-xdist marks a grouped test by adding "@group" to its id. Under pytest 9.2 that no longer takes
    (pytest-xdist issue 1386): the groups were silently spread over every worker, each repeating the set-up.
    """
    if request.config.getvalue("dist") == "no" and not hasattr(request.config, "workerinput"):
        return  # a run on one process (-n0) has nothing to group
    assert request.node.nodeid.endswith("@a-group-of-one"), (
        f"pytest-xdist did not group {request.node.nodeid}: pin a pytest that pytest-xdist supports "
        "(see pytest-xdist issue 1386) in requirements.in"
    )
