"""Runs docs/assets/javascripts/checker.js under Node: the command line and the tests use the page's own matcher."""

from __future__ import annotations

import json
import shutil
import subprocess

from ..paths import DOCS_DIR

CHECKER_JS = DOCS_DIR / "assets" / "javascripts" / "checker.js"


class NodeMissingError(RuntimeError):
    """Node.js is not installed, so the checker cannot run outside a browser."""


def check_texts(rules: dict, texts: list[str]) -> list[list[dict]]:
    """The checker's results for each text, in order (one Node process for all of them)."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise NodeMissingError("Node.js is needed to run the checker outside a browser: sudo apt-get install nodejs")
    completed = subprocess.run(
        [node, str(CHECKER_JS)],
        input=json.dumps({"rules": rules, "texts": texts}),
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"checker.js failed: {completed.stderr.strip()[-2000:]}")
    return json.loads(completed.stdout)
