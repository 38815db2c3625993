"""`make audit`: Lighthouse scores for key pages, served gzipped under a sub-path as GitHub Pages serves them."""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SUB_PATH = "/study-guide/"
PAGES = ["", "chapters/02-triumvirate/", "glossary/", "timeline/"]
RUNS = 3  # Lighthouse's simulated timings vary from run to run; each score is the median of three
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", "/")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files gzipped when the browser accepts it, as GitHub Pages does."""

    def log_message(self, format, *args):  # noqa: A002  (the standard library's signature)
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not self.path.split("?")[0].endswith(COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


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
    with tempfile.TemporaryDirectory() as root:
        shutil.copytree(site, Path(root) / SUB_PATH.strip("/"))
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=root))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
        failures = []
        print(f"{'Page':<28}" + "".join(f"{name:>16}" for name in TARGETS))
        for page in PAGES:
            runs = [_lighthouse(lighthouse, base + page, Path(root) / "report.json") for _ in range(RUNS)]
            scores = {name: statistics.median(run[name] for run in runs) for name in TARGETS}
            print(f"{'/' + page:<28}" + "".join(f"{scores[name]:>16}" for name in TARGETS))
            failures += [f"/{page} {name} {scores[name]} < {target}" for name, target in TARGETS.items() if scores[name] < target]
        server.shutdown()
    if failures:
        print("Below target:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("All pages meet the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
