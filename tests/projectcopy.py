"""A copy of the project in a temporary folder, built with the real `make build`, for tests that break it."""

import os
import shutil
import subprocess
from pathlib import Path

from sitebuild import REPO_ROOT

COPIED = ["docs", "data", "overrides", "scripts", "mkdocs.yml", "Makefile", "requirements.txt"]
VENV = REPO_ROOT / ".venv"


def copy_project(destination: Path) -> Path:
    """Copy what a build reads into ``destination`` (the checkout's .venv is shared) and return it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def make(
    root: Path,
    target: str = "build",
    *args: str,
    pdf: bool = False,
    env: dict | None = None,
    user: list[str] | None = None,
    background: bool = False,
):
    """Run ``make <target>`` in ``root``; the PDF and the other extras are off unless the test is about them.

    Returns the finished ``CompletedProcess``, or the running ``Popen`` when ``background``.
    """
    command = [*(user or []), "make", "--no-print-directory", target, f"VENV={VENV}", *args]
    switch = "on" if pdf else "off"
    # The PDF, the print documents, the decks and the offline worker: on only where the test is about them.
    environment = {**os.environ, "GUIDE_PDF": switch, "GUIDE_DOWNLOADS": switch, "GUIDE_OFFLINE": switch, **(env or {})}
    if background:
        return subprocess.Popen(
            command, cwd=root, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
    return subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes, to check that a failed build changed nothing."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }
