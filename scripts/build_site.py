"""Builds the site (or only the PDF) safely: one build at a time per checkout, swapped in only when complete.

Usage: build_site.py [--pdf-only] SITE_DIR MKDOCS

The build runs into a scratch folder next to SITE_DIR; a complete build is swapped in by renaming (the
old site is renamed away first and deleted only after the swap), so a failed or interrupted build leaves
the last good site as it was and no scratch folder behind. A second build in the same checkout waits for
the first. With GUIDE_PDF=off the previous PDF is kept, so that no page links to a missing PDF.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from studyguide.book.book import GUIDE  # this script's folder, scripts/, is on the path when it runs

PDF_NAME = GUIDE.file_name
LOCK_NAME = ".build.lock"


class BuildStoppedError(Exception):
    """A problem the person building can fix; its message says how."""


def _lock(root: Path):
    """Hold the checkout's build lock (waiting for another build to finish) and return the open lock file."""
    try:
        handle = open(root / LOCK_NAME, "a+")  # noqa: SIM115 (held for the whole build)
    except OSError as error:
        raise BuildStoppedError(
            f"cannot write in {root} ({error.strerror}). Fix: build in a folder you can write to, "
            "or make this one writable (chmod u+w)"
        ) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("Another build is running in this folder; waiting for it to finish...", file=sys.stderr, flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _clear_leftovers(*paths: Path) -> None:
    """Remove scratch folders an interrupted build (killed, power cut) left behind."""
    for path in paths:
        try:
            _remove(path)
        except OSError as error:
            raise BuildStoppedError(
                f"{path} is left over from an earlier build and cannot be removed ({error.strerror}). Fix: remove "
                f"it by hand"
            ) from None


def _run_mkdocs(mkdocs: str, scratch: Path, environment: dict) -> int:
    command = [mkdocs, "build", "--strict", "--site-dir", str(scratch)]
    print(" ".join(command), flush=True)  # what runs, as make would show it
    process = subprocess.Popen(command, env=environment)
    try:
        return process.wait()
    except BaseException:
        # Interrupted (Ctrl-C, or SIGTERM turned into KeyboardInterrupt): stop MkDocs before cleaning up.
        process.terminate()
        process.wait()
        raise


def _check_replaceable(site: Path) -> None:
    """Stop before building if the old site could not be moved away and deleted after the swap."""
    if not site.exists():
        return
    for folder, _, _ in os.walk(site):
        if not os.access(folder, os.W_OK | os.X_OK):
            shown = Path(folder).relative_to(site.parent)
            raise BuildStoppedError(
                f"{site.name}/ could not be replaced: {shown}/ is read-only, so nothing was built and {site.name}/ "
                f"is unchanged. "
                f"Fix: make it writable (chmod -R u+w {site.name}) and build again"
            )


def build(site: Path, mkdocs: str, pdf_only: bool = False) -> int:
    """Build into a scratch folder and swap it in; return the exit code."""
    root = site.parent
    scratch, old = site.with_name(site.name + ".new"), site.with_name(site.name + ".old")
    handle = _lock(root)
    try:
        _clear_leftovers(scratch, old)
        if not pdf_only:
            _check_replaceable(site)
        environment = dict(os.environ)
        previous_pdf = site / PDF_NAME
        if pdf_only:
            environment["GUIDE_PDF"] = "on"
        elif environment.get("GUIDE_PDF", "on").lower() == "off" and previous_pdf.is_file():
            # Pages link to the PDF only when the site will have one: keep the last one built.
            environment["GUIDE_PDF_PREVIOUS"] = str(previous_pdf)
        try:
            code = _run_mkdocs(mkdocs, scratch, environment)
            if code != 0:
                print(f"The build failed; {site.name}/ is unchanged.", file=sys.stderr)
                return code
            if pdf_only:
                _swap_pdf(scratch / PDF_NAME, site)
            else:
                _swap(scratch, site, old)
        finally:
            _remove_quietly(scratch)
        return 0
    finally:
        handle.close()


def _swap(scratch: Path, site: Path, old: Path) -> None:
    """Put the new site in place by renaming; the old one is deleted only once the new one is in place."""
    had_site = site.exists()
    if had_site:
        try:
            os.rename(site, old)
        except OSError as error:
            raise BuildStoppedError(
                f"{site.name}/ cannot be replaced ({error.strerror}); it is unchanged. "
                f"Fix: make it and its folder writable (chmod -R u+w {site.name}) and build again"
            ) from None
    try:
        os.rename(scratch, site)
    except OSError as error:
        if had_site:
            os.rename(old, site)
        raise BuildStoppedError(
            f"the new site could not be moved into {site.name}/ ({error.strerror}); the old one is unchanged"
        ) from None
    try:
        _remove(old)
    except OSError as error:
        print(
            f"Warning: the new site is in {site.name}/, but the old one could not be removed from {old.name}/ "
            f"({error.strerror}); "
            "the next build removes it.",
            file=sys.stderr,
        )


def _swap_pdf(pdf: Path, site: Path) -> None:
    temporary = site / (PDF_NAME + ".new")
    try:
        site.mkdir(exist_ok=True)
        shutil.copyfile(pdf, temporary)
        os.replace(temporary, site / PDF_NAME)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BuildStoppedError(
            f"the PDF could not be written into {site.name}/ ({error.strerror}). Fix: make {site.name}/ writable"
        ) from None


def _remove_quietly(path: Path) -> None:
    try:
        _remove(path)
    except OSError as error:
        print(f"Warning: could not remove the scratch folder {path} ({error.strerror}).", file=sys.stderr)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """Parse the arguments and build, turning every expected failure into one clear message."""
    pdf_only = "--pdf-only" in argv
    arguments = [argument for argument in argv if argument != "--pdf-only"]
    if len(arguments) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site, mkdocs = Path(arguments[0]).absolute(), arguments[1]
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return build(site, mkdocs, pdf_only)
    except BuildStoppedError as stopped:
        print(f"Build stopped: {stopped}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Build interrupted; {site.name}/ is unchanged.", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"Build stopped: {error.strerror or error} ({error.filename or site}).", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
