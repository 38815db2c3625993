"""Times each drill and quiz action in Chromium slowed to a mid-range phone (4x CPU throttling, as Lighthouse's
mobile profile): ``python scripts/bench_revision.py [--only drill|quiz] [SITE_DIR]``. Budget: 50 ms per action."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT / "tests")]

from browser import browser  # noqa: E402  (test support: Chromium through Playwright; make bench picks the full one)
from linkcheck import serve  # noqa: E402

BUDGET_MS = 50
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
# Each action runs its handler and then forces style and layout, so the time includes the page's response.
# The marks let the trace find the action, whose main-thread CPU time is then read from it.
TIMED = """(selector) => {
  performance.mark("action-start");
  const t = performance.now();
  document.querySelector(selector).click();
  document.body.offsetHeight;
  const elapsed = performance.now() - t;
  performance.mark("action-end");
  return elapsed;
}"""
# The page has painted and its own scripts have settled, as before a reader's first tap.
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))"


def cpu_ms(trace: bytes) -> float | None:
    """The thread time of the task that ran the action (throttled, so like the wall time on an idle phone).

    Unlike the wall time it does not grow when other programs share the machine's cores.
    """
    events = json.loads(trace)["traceEvents"]
    marks = {event["name"]: event for event in events if event["name"] in ("action-start", "action-end")}
    if len(marks) < 2:
        return None
    start, end, thread = marks["action-start"]["ts"], marks["action-end"]["ts"], marks["action-start"]["tid"]
    tasks = [e for e in events if e.get("ph") == "X" and e["tid"] == thread and "tdur" in e
             and e["ts"] <= start and e["ts"] + e["dur"] >= end]  # fmt: skip
    return min(tasks, key=lambda e: e["dur"])["tdur"] / 1000 if tasks else None


def measure(chromium, page, selector: str, wall: list[float], cpu: list[float]) -> None:
    chromium.start_tracing(page=page, categories=["toplevel", "blink.user_timing"])
    wall.append(page.evaluate(TIMED, selector))
    thread_time = cpu_ms(chromium.stop_tracing())
    if thread_time is not None:
        cpu.append(thread_time)


def main() -> int:
    """Print the median time of each action and fail if any is over budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build one)")
    # One page alone, so that tuning it does not wait for the other on a shared machine.
    parser.add_argument("--only", choices=("drill", "quiz"), help="time only this page's actions")
    args = parser.parse_args()
    if args.site:
        site = args.site
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        env = {"NO_MKDOCS_2_WARNING": "1", "GUIDE_PDF": "off", "GUIDE_DOWNLOADS": "off", "GUIDE_OFFLINE": "off",
               "PATH": "/usr/bin:/bin"}  # fmt: skip
        subprocess.run([str(REPO_ROOT / ".venv/bin/mkdocs"), "build", "--strict", "-q", "--site-dir", str(site)],
                       cwd=REPO_ROOT, check=True, env=env)  # fmt: skip
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def timed(page, action: str, selector: str) -> None:
        measure(chromium, page, selector, wall.setdefault(action, []), cpu.setdefault(action, []))

    with tempfile.TemporaryDirectory() as work, serve(site, "/guide/", Path(work)) as root, browser() as chromium:
        for _ in range(RUNS):
            context = chromium.new_context()
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            if args.only != "quiz":
                page.goto(root + "flashcards/")
                page.evaluate(SETTLED)
                timed(page, "drill: start a session", '[data-drill="start"]')
                for _ in range(5):
                    page.evaluate(SETTLED)
                    timed(page, "drill: show answer", '[data-drill="reveal"]')
                    page.evaluate(SETTLED)
                    timed(page, "drill: rate Good", '[data-rating="3"]')
            if args.only != "drill":
                page.goto(root + "quiz/")
                page.evaluate(SETTLED)
                timed(page, "quiz: answer a question", ".quiz-options button")
                page.evaluate(SETTLED)
                timed(page, "quiz: start a quiz of 10", '[data-quiz="start"]')
            context.close()
    load = os.getloadavg()[0]
    print(f"Drill and quiz actions at 4x CPU throttling, medians of {RUNS} visits; load average {load:.1f} "
          f"on {os.cpu_count()} CPU(s). Wall time grows with the load; main-thread CPU time does not.")
    worst = 0.0
    for action, values in wall.items():
        thread = statistics.median(cpu[action]) if cpu[action] else float("nan")
        worst = max(worst, thread)
        print(f"{action:28} wall median {statistics.median(values):6.1f} ms (max {max(values):6.1f} ms); "
              f"main-thread CPU median {thread:6.1f} ms  ({len(values)} runs)")
    print(f"budget {BUDGET_MS} ms of main-thread CPU per action: {'met' if worst <= BUDGET_MS else 'NOT met'}")
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
