"""`make audit`: Lighthouse scores for key pages, served gzipped under a sub-path as GitHub Pages serves them."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from studyguide.paths import REPO_ROOT

# The server and the sub-path are the tests' own (tests/serving.py, tests/sitebuild.py).
sys.path.insert(0, str(REPO_ROOT / "tests"))
from serving import serve
from sitebuild import SUB_PATH

PAGES = ["", "chapters/02-triumvirate/", "glossary/", "timeline/"]
RUNS = 3  # Lighthouse's simulated timings vary from run to run; each score is the median of three
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def _lighthouse(lighthouse: Path, url: str, report: Path) -> dict[str, int]:
    subprocess.run(
        [str(lighthouse), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
         f"--only-categories={','.join(TARGETS)}", "--output=json", f"--output-path={report}"],
        check=True, env=dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium")),
    )  # fmt: skip
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in TARGETS}


def main() -> int:
    site = REPO_ROOT / "site"
    if not (site / "index.html").is_file():
        print("No built site: run `make build` first.", file=sys.stderr)
        return 1
    lighthouse = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
    failures = []
    # Served gzipped, as GitHub Pages serves it, so that the performance score is the published one.
    with tempfile.TemporaryDirectory() as root, serve(site, SUB_PATH, Path(root), compress=True) as base:
        print(f"{'Page':<28}" + "".join(f"{name:>16}" for name in TARGETS))
        for page in PAGES:
            runs = [_lighthouse(lighthouse, base + page, Path(root) / "report.json") for _ in range(RUNS)]
            scores = {name: statistics.median(run[name] for run in runs) for name in TARGETS}
            print(f"{'/' + page:<28}" + "".join(f"{scores[name]:>16}" for name in TARGETS))
            failures += [
                f"/{page} {name} {scores[name]} < {target}" for name, target in TARGETS.items() if scores[name] < target
            ]
    if failures:
        print("Below target:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("All pages meet the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
