"""Resolves requirements.in into exact pins (requirements.txt) for the oldest Python the guide supports."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from studyguide.paths import REPO_ROOT as ROOT  # scripts/ is on the path when this file is run

# Debian 12's Python. Pins resolved for it also install on every newer 3.x that has wheels for them.
OLDEST_PYTHON = "3.11.2"


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        resolved = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
             "--only-binary=:all:", "--python-version", OLDEST_PYTHON, "--target", str(Path(scratch) / "target"),
             "--report", str(report), "-r", str(ROOT / "requirements.in")],
        )  # fmt: skip
        if resolved.returncode != 0:
            print(f"requirements.in cannot be resolved for Python {OLDEST_PYTHON}; see pip's message above.")
            return 1
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    pins = sorted((item["metadata"]["name"], item["metadata"]["version"]) for item in installs)
    lines = [f"# Exact pins of every package, resolved from requirements.in for Python {OLDEST_PYTHON} by `make lock`."]
    lines += [f"{name}=={version}" for name, version in sorted(pins, key=lambda pin: pin[0].lower())]
    (ROOT / "requirements.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"requirements.txt: {len(pins)} pins for Python {OLDEST_PYTHON} and newer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
