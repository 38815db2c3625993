"""Times each drill and quiz action in Chromium slowed to a mid-range phone (4x CPU throttling, as Lighthouse's
mobile profile): ``python scripts/bench_revision.py [SITE_DIR]``. Budget: 50 ms per action."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT / "tests")]

from browser import browser  # noqa: E402  (test support: Debian's chromium through Playwright)
from linkcheck import serve  # noqa: E402

BUDGET_MS = 50
RUNS = 7
# Each action runs its handler and then forces style and layout, so the time includes the page's response.
TIMED = "(selector) => { const t = performance.now(); document.querySelector(selector).click();" \
        " document.body.offsetHeight; return performance.now() - t; }"


def measure(page, selector: str) -> float:
    return page.evaluate(TIMED, selector)


def main() -> int:
    """Print the median time of each action and fail if any is over budget."""
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        env = {"NO_MKDOCS_2_WARNING": "1", "GUIDE_PDF": "off", "GUIDE_OFFLINE": "off", "PATH": "/usr/bin:/bin"}
        subprocess.run([str(REPO_ROOT / ".venv/bin/mkdocs"), "build", "--strict", "-q", "--site-dir", str(site)],
                       cwd=REPO_ROOT, check=True, env=env)  # fmt: skip
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as work, serve(site, "/guide/", Path(work)) as root, browser() as chromium:
        for _ in range(RUNS):
            context = chromium.new_context()
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(root + "flashcards/")
            times.setdefault("drill: start a session", []).append(measure(page, '[data-drill="start"]'))
            for _ in range(5):
                times.setdefault("drill: show answer", []).append(measure(page, '[data-drill="reveal"]'))
                times.setdefault("drill: rate Good", []).append(measure(page, '[data-rating="3"]'))
            page.goto(root + "quiz/")
            times.setdefault("quiz: answer a question", []).append(measure(page, ".quiz-options button"))
            times.setdefault("quiz: start a quiz of 10", []).append(measure(page, '[data-quiz="start"]'))
            context.close()
    worst = 0.0
    for action, values in times.items():
        median = statistics.median(values)
        worst = max(worst, median)
        print(f"{action:28} median {median:6.1f} ms  (max {max(values):6.1f} ms, {len(values)} runs)")
    print(f"budget {BUDGET_MS} ms per action: {'met' if worst <= BUDGET_MS else 'NOT met'}")
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
