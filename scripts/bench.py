"""Benchmark (`make bench`): full build against bare Material, the PDF, and the cross-linker's growth.

`.venv/bin/python scripts/bench.py --pdf` measures only the PDF stage, cold and cached.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import load_config

from studyguide.book.organisers import FOLDER as ORGANISERS
from studyguide.build import GENERATED_PAGES, GuideBuild
from studyguide.data.load import load_guide_data
from studyguide.link import LinkTarget, Matcher, PageLinker, link_targets
from studyguide.paths import DOCS_DIR, REPO_ROOT

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CORPUS_COPIES, TERM_COUNT = 50, 1000


def median_seconds(action, runs: int = RUNS) -> float:
    """The median wall-clock time of ``action()`` over ``runs`` runs, after one warm-up run."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed_build(config_file: Path, pdf: bool = True, pdf_cache: str = "") -> tuple[float, float | None]:
    """Build once in a fresh process, as `make build` does: (wall time, the PDF step's time if any).

    The PDFs are laid out afresh (an empty cache) unless ``pdf_cache`` names a cache to use; each PDF's own
    time is kept in ``PDF_TIMES``.
    """
    with tempfile.TemporaryDirectory() as site_dir, tempfile.TemporaryDirectory() as empty_cache:
        env = dict(os.environ, GUIDE_PDF="on" if pdf else "off", GUIDE_PDF_CACHE=pdf_cache or empty_cache)
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", site_dir],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        wall = time.perf_counter() - start
    output = result.stdout + result.stderr
    laid_out = re.findall(r"PDF (\S+\.pdf) laid out in ([0-9.]+) s \(([0-9.]+) s of CPU\)", output)
    for name, seconds, cpu in laid_out:
        # The knowledge organisers are twelve small documents: reported together.
        name = f"{ORGANISERS}/*.pdf (all)" if name.startswith(f"{ORGANISERS}/") else name
        PDF_TIMES.setdefault(name, {}).setdefault(len(PDF_STAGE_CPU), []).append((float(seconds), float(cpu)))
    if laid_out:
        PDF_STAGE_CPU.append(sum(float(cpu) for _, _, cpu in laid_out))
    match = re.search(r"PDF written in ([0-9.]+) s", output)
    return wall, float(match.group(1)) if match else None


# Each PDF's (wall, CPU) seconds, by build, in every build that laid it out; the CPU time of each such stage.
PDF_TIMES: dict[str, dict[int, list[tuple[float, float]]]] = {}
PDF_STAGE_CPU: list[float] = []


def pdf_figures(cold_stages: list[float] | None = None) -> list[tuple[str, float, str]]:
    """The PDF stage cold (an empty cache) and cached, and each document's wall and CPU time: medians.

    ``cold_stages`` are the stage's times from full builds already run (else RUNS builds are run here).
    """
    load_before = os.getloadavg()[0]
    cold = statistics.median(cold_stages or [timed_build(REPO_ROOT / "mkdocs.yml")[1] for _ in range(RUNS)])
    # Each document's figures from the same cold builds as the stage's, not from the build filling the cache.
    documents = {name: dict(by_build) for name, by_build in PDF_TIMES.items()}
    stage_cpu = list(PDF_STAGE_CPU)
    with tempfile.TemporaryDirectory() as warm_cache:
        timed_build(REPO_ROOT / "mkdocs.yml", pdf_cache=warm_cache)  # fills the cache
        cached = statistics.median(timed_build(REPO_ROOT / "mkdocs.yml", pdf_cache=warm_cache)[1] for _ in range(RUNS))
    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPU(s)"
    rows = [
        ("PDF stage, every document in parallel (target under 10 s)", cold, "s"),
        ("PDF stage, CPU time of all its workers", statistics.median(stage_cpu), "s"),
    ]
    for name, by_build in documents.items():
        walls = [sum(wall for wall, _ in times) for times in by_build.values()]
        cpus = [sum(cpu for _, cpu in times) for times in by_build.values()]
        rows.append((f"  {name}", statistics.median(walls), f"s ({statistics.median(cpus):.2f} s of CPU)"))
    rows.append(("PDF stage, unchanged sources (cache; target under 1 s)", cached, "s"))
    rows.append((f"  ({load})", float("nan"), ""))
    return rows


def print_rows(rows: list[tuple[str, float, str]]) -> None:
    for label, value, unit in rows:
        print(label if value != value else f"{label:<60}{value:8.2f} {unit}")


def bare_project(destination: Path, trees: list) -> Path:
    """The same Markdown the hooks produce (generated pages, key dates) as plain files, built without hooks."""
    guide = GuideBuild()
    for tree, path in zip(trees, sorted(DOCS_DIR.rglob("*.md")), strict=True):
        page = path.relative_to(DOCS_DIR).as_posix()
        guide.link_page(copy.deepcopy(tree), page, page)
    shutil.copytree(DOCS_DIR, destination / "docs")
    shutil.copytree(REPO_ROOT / "overrides", destination / "overrides")
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    for chapter in (destination / "docs" / "chapters").glob("*.md"):
        page = f"chapters/{chapter.name}"
        chapter.write_text(guide.chapter_markdown(chapter.read_text(encoding="utf-8"), page), encoding="utf-8")
    for page in GENERATED_PAGES:
        (destination / "docs" / page).write_text(guide.render(page), encoding="utf-8")
    return destination / "mkdocs.yml"


def hand_written_trees() -> list:
    """Each hand-written page parsed with the site's Markdown extensions, as the linker receives it."""
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    trees = []

    class Keep(Treeprocessor):
        def run(self, root):
            trees.append(copy.deepcopy(root))

    for path in sorted(DOCS_DIR.rglob("*.md")):
        # load_config runs no hooks, so these are the site's extensions without the cross-linker.
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        md.treeprocessors.register(Keep(md), "keep", 4)
        md.convert(path.read_text(encoding="utf-8").split("---", 2)[-1])
    return trees


def thousand_term_matcher(data) -> Matcher:
    names = link_targets(data, "glossary.md", "people.md")
    for number in range(TERM_COUNT - len({target.key for target in names.values()})):
        key = f"synthetic-{number:04d}"
        names[f"Synthetic Commissariat {number:04d}"] = LinkTarget(f"term:{key}", "glossary.md", key, "A made-up term")
    return Matcher(names)


def link_all(matcher: Matcher, trees: list) -> None:
    for tree in trees:
        PageLinker(matcher, "chapters/page.md", "Page").link(copy.deepcopy(tree))


def main() -> None:
    if "--pdf" in sys.argv[1:]:
        print(f"Medians of {RUNS} builds, each in a fresh process, Python {sys.version.split()[0]}")
        print_rows(pdf_figures())
        return
    data = load_guide_data()
    trees = hand_written_trees()
    full_runs = [timed_build(REPO_ROOT / "mkdocs.yml") for _ in range(RUNS)]
    full = statistics.median(wall for wall, _ in full_runs)
    pdf_rows = pdf_figures([pdf for _, pdf in full_runs])
    site = statistics.median(timed_build(REPO_ROOT / "mkdocs.yml", pdf=False)[0] for _ in range(RUNS))
    with tempfile.TemporaryDirectory() as bare_dir:
        bare_config = bare_project(Path(bare_dir), trees)
        bare = statistics.median(timed_build(bare_config)[0] for _ in range(RUNS))
    real_matcher = Matcher(link_targets(data, "glossary.md", "people.md"))
    big_matcher = thousand_term_matcher(data)
    copy_cost = median_seconds(lambda: [copy.deepcopy(tree) for tree in trees])
    linker_real = median_seconds(lambda: link_all(real_matcher, trees)) - copy_cost
    linker_1x = median_seconds(lambda: link_all(big_matcher, trees)) - copy_cost
    corpus = trees * CORPUS_COPIES
    linker_50x = median_seconds(lambda: link_all(big_matcher, corpus), runs=3) - copy_cost * CORPUS_COPIES
    words = sum(len(" ".join(tree.itertext()).split()) for tree in trees)

    python = sys.version.split()[0]
    print(f"Medians of {RUNS} runs, each build in a fresh process, on {os.cpu_count()} CPU(s), Python {python}")
    print(f"{'Full build with the PDF (strict, with hooks)':<52}{full:8.2f} s")
    print(f"{'Site only (GUIDE_PDF=off, as make serve)':<52}{site:8.2f} s")
    print(f"{'Same Markdown, hooks off (bare Material)':<52}{bare:8.2f} s")
    print(f"{'Ratio site / bare (target at most 1.3)':<52}{site / bare:8.2f}")
    print_rows(pdf_rows)
    print(f"{'Cross-linker, real site (' + str(words) + ' words, real terms)':<52}{linker_real * 1000:8.1f} ms")
    print(f"{'Cross-linker, real site, 1,000 terms':<52}{linker_1x * 1000:8.1f} ms")
    print(f"{'Cross-linker, 50x corpus, 1,000 terms':<52}{linker_50x * 1000:8.1f} ms")
    print(f"{'Growth 50x / 1x (target at most about 60)':<52}{linker_50x / linker_1x:8.1f}")


if __name__ == "__main__":
    main()
