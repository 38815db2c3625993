"""`mkdocs serve` as `make serve` runs it: a busy port is avoided; broken data keeps the last good pages."""

import re
import socket
import subprocess
import time
import urllib.request

from projectcopy import VENV, copy_project

from datafixtures import mutate


def _wait_for(log_path, pattern: str, timeout: float = 90) -> re.Match:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, log_path.read_text(errors="replace"))
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{pattern!r} not seen; the server said:\n{log_path.read_text(errors='replace')}")


def _without_reload_script(page: bytes) -> bytes:
    """The page without the live-reload script MkDocs adds, which carries the build's number."""
    return re.sub(rb"<script>\s*var livereload.*?</script>|livereload\([^)]*\)", b"", page, flags=re.DOTALL)


def test_serve_picks_a_free_port_and_keeps_the_last_good_pages(tmp_path):
    root = copy_project(tmp_path / "project")
    log_path = tmp_path / "serve.log"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [str(VENV / "bin" / "mkdocs"), "serve", "--strict", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=root,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={"PATH": "/usr/bin:/bin", "GUIDE_PDF": "off", "NO_MKDOCS_2_WARNING": "1"},
            )  # fmt: skip
        try:
            served = int(_wait_for(log_path, r"Serving on http://127\.0\.0\.1:(\d+)/").group(1))
            assert served != port
            assert f"Port {port} is in use" in log_path.read_text()
            url = f"http://127.0.0.1:{served}/glossary/"
            good = urllib.request.urlopen(url, timeout=10).read()
            assert b"Politburo" in good

            def duplicate(entries):
                entries[1]["id"] = entries[0]["id"]

            mutate(root, "data/glossary.yml", duplicate)
            _wait_for(log_path, r"keeps showing the last good pages")
            # Answered at once (MkDocs alone would hold every request until the data was fixed).
            again = urllib.request.urlopen(url, timeout=10).read()
            assert _without_reload_script(again) == _without_reload_script(good)
            output = log_path.read_text()
            assert "is already used by entry 1" in output and "Traceback" not in output, output
        finally:
            server.terminate()
            server.wait(timeout=30)
