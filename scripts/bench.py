"""Benchmark (`make bench`): full build against bare Material, and the cross-linker's growth with text size."""

from __future__ import annotations

import copy
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import markdown  # noqa: E402
from markdown.treeprocessors import Treeprocessor  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from studyguide.link import LinkTarget, Matcher, PageLinker, link_targets  # noqa: E402
from studyguide.load import load_guide_data  # noqa: E402
from studyguide.paths import DOCS_DIR, REPO_ROOT  # noqa: E402
from studyguide.site import GENERATED_PAGES, GuideBuild  # noqa: E402

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


def site_build(config_file: Path = REPO_ROOT / "mkdocs.yml", **overrides) -> None:
    with tempfile.TemporaryDirectory() as site_dir:
        config = load_config(str(config_file), site_dir=site_dir, **overrides)
        build(config)


def bare_project(destination: Path, trees: list) -> Path:
    """The same Markdown the hooks produce (generated pages, key dates) as plain files, for a hook-free build."""
    guide = GuideBuild()
    for tree, path in zip(trees, sorted(DOCS_DIR.rglob("*.md"))):
        page = path.relative_to(DOCS_DIR).as_posix()
        guide.link_page(copy.deepcopy(tree), page, page)
    shutil.copytree(DOCS_DIR, destination / "docs")
    shutil.copytree(REPO_ROOT / "overrides", destination / "overrides")
    shutil.copy(REPO_ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    for chapter in (destination / "docs" / "chapters").glob("*.md"):
        page = f"chapters/{chapter.name}"
        chapter.write_text(guide.chapter_markdown(chapter.read_text(encoding="utf-8"), page), encoding="utf-8")
    for page in GENERATED_PAGES:
        (destination / "docs" / page).write_text(guide.render(page), encoding="utf-8")
    return destination / "mkdocs.yml"


class _PdfTimes(logging.Handler):
    """Collects the PDF step's duration, which the hook logs after each build."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.seconds: list[float] = []

    def emit(self, record):
        match = re.match(r"PDF written in ([0-9.]+) s", record.getMessage())
        if match:
            self.seconds.append(float(match.group(1)))


def hand_written_trees() -> list:
    """Each hand-written page parsed with the site's Markdown extensions, as the linker receives it."""
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    trees = []

    class Keep(Treeprocessor):
        def run(self, root):
            trees.append(copy.deepcopy(root))

    for path in sorted(DOCS_DIR.rglob("*.md")):
        md = markdown.Markdown(extensions=config.markdown_extensions[:-1], extension_configs=config.mdx_configs)
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
    data = load_guide_data()
    trees = hand_written_trees()
    pdf_times = _PdfTimes()
    hook_log = logging.getLogger("mkdocs.hooks.studyguide")
    hook_log.addHandler(pdf_times)
    hook_log.setLevel(logging.INFO)
    full = median_seconds(lambda: site_build(strict=True))
    pdf = statistics.median(pdf_times.seconds)
    with tempfile.TemporaryDirectory() as bare_dir:
        bare_config = bare_project(Path(bare_dir), trees)
        bare = median_seconds(lambda: site_build(bare_config, hooks=[], watch=[], strict=False))
    real_matcher = Matcher(link_targets(data, "glossary.md", "people.md"))
    big_matcher = thousand_term_matcher(data)
    copy_cost = median_seconds(lambda: [copy.deepcopy(tree) for tree in trees])
    linker_real = median_seconds(lambda: link_all(real_matcher, trees)) - copy_cost
    linker_1x = median_seconds(lambda: link_all(big_matcher, trees)) - copy_cost
    corpus = trees * CORPUS_COPIES
    linker_50x = median_seconds(lambda: link_all(big_matcher, corpus), runs=3) - copy_cost * CORPUS_COPIES
    words = sum(len(" ".join(tree.itertext()).split()) for tree in trees)

    print(f"Medians of {RUNS} runs on {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    site = full - pdf
    print(f"{'Full build with the PDF (strict, with hooks)':<52}{full:8.3f} s")
    print(f"{'  of which the site (everything but the PDF)':<52}{site:8.3f} s")
    print(f"{'Same Markdown, hooks off (bare Material)':<52}{bare:8.3f} s")
    print(f"{'Ratio site / bare (target at most 1.3)':<52}{site / bare:8.2f}")
    print(f"{'PDF of the whole guide (target under 10 s)':<52}{pdf:8.3f} s")
    print(f"{'Cross-linker, real site (' + str(words) + ' words, real terms)':<52}{linker_real * 1000:8.1f} ms")
    print(f"{'Cross-linker, real site, 1,000 terms':<52}{linker_1x * 1000:8.1f} ms")
    print(f"{'Cross-linker, 50x corpus, 1,000 terms':<52}{linker_50x * 1000:8.1f} ms")
    print(f"{'Growth 50x / 1x (target at most about 60)':<52}{linker_50x / linker_1x:8.1f}")


if __name__ == "__main__":
    main()
