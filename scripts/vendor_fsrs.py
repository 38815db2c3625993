"""Vendors ts-fsrs (the FSRS scheduler) into the site from the exact package pinned in package-lock.json."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCK = REPO_ROOT / "package-lock.json"
PACKAGE = "ts-fsrs"
VENDOR_DIR = REPO_ROOT / "docs" / "assets" / "javascripts" / "vendor"
# Files copied byte for byte from the published package: the browser-ready UMD build and its licence.
FILES = {"package/dist/index.umd.js": "ts-fsrs.umd.js", "package/LICENSE": "ts-fsrs.LICENSE"}


class VendorError(Exception):
    """The pinned package could not be obtained or does not match the lock file."""


def pinned() -> tuple[str, str]:
    """The version and sha512 integrity of ts-fsrs recorded in package-lock.json."""
    entry = json.loads(LOCK.read_text(encoding="utf-8"))["packages"][f"node_modules/{PACKAGE}"]
    return entry["version"], entry["integrity"]


def pinned_files(offline: bool) -> dict[str, bytes]:
    """The vendored files' bytes from the pinned tarball, checked against the lock's integrity."""
    version, integrity = pinned()
    with tempfile.TemporaryDirectory() as scratch:
        command = ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", scratch, "--silent"]
        if offline:
            command.append("--offline")
        result = subprocess.run(command, capture_output=True, text=True, cwd=scratch, check=False)
        if result.returncode != 0:
            raise VendorError(
                f"npm pack {PACKAGE}@{version} failed{' offline' if offline else ''}: {result.stderr.strip()[-300:]}\n"
                f"Fix: run `make vendor` once (it downloads the pinned package into npm's cache)."
            )
        tarball = (Path(scratch) / result.stdout.strip().splitlines()[-1]).read_bytes()
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise VendorError(f"{PACKAGE}@{version}: the tarball's {algorithm} does not match package-lock.json")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        return {target: archive.extractfile(source).read() for source, target in FILES.items()}


def main() -> int:
    """Refresh the vendored files (``make vendor``)."""
    try:
        files = pinned_files(offline=False)
    except VendorError as error:
        print(error, file=sys.stderr)
        return 1
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (VENDOR_DIR / name).write_bytes(content)
        print(f"wrote {(VENDOR_DIR / name).relative_to(REPO_ROOT)} ({len(content)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
