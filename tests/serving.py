"""Serves a built site over real HTTP under a sub-path, as GitHub Pages does (optionally gzipped)."""

import functools
import gzip
import io
import shutil
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", "/")


class _Handler(SimpleHTTPRequestHandler):
    """Quiet, and gzips text files for browsers that accept it when ``compress`` is set, as GitHub Pages does."""

    compress = False
    not_found_page: Path | None = None  # the site's 404.html, sent for a missing address as GitHub Pages does

    def _not_found(self):
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.exists() and self.not_found_page is not None:
            return self._not_found()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.is_file() and self.path.split("?")[0].endswith(COMPRESSIBLE)):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class _GzipHandler(_Handler):
    compress = True


class _Server(ThreadingHTTPServer):
    """A browser that leaves a page mid-download closes the connection: that is no error worth a traceback."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path, sub_path: str, work_dir: Path, *, compress: bool = False):
    """Serve ``site_dir`` at ``http://127.0.0.1:<port><sub_path>`` and yield that root URL.

    Only the sub-path exists on the server, as on GitHub Pages, so a link that escapes it is a 404.
    """
    root = work_dir / "webroot"
    shutil.copytree(site_dir, root / sub_path.strip("/"))
    handler_class = type("Handler", (_GzipHandler if compress else _Handler,), {})
    site_404 = root / sub_path.strip("/") / "404.html"
    handler_class.not_found_page = site_404 if site_404.is_file() else None
    handler = functools.partial(handler_class, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
