"""Helpers for the benchmarks: build the site, serve it, open it in Chromium."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from returnsite.pdf import HEADLESS_ARGS

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = HEADLESS_ARGS


def build(site_dir: Path | None = None) -> Path:
    """Build the project's site into *site_dir* (a new temporary folder by default)."""
    site_dir = site_dir or Path(tempfile.mkdtemp(prefix="bench-site-"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site_dir)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return site_dir


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static host as the site will have: text files sent gzip-compressed."""

    COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".vcf")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # its redirect from folder to folder/
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in self.COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def gzip_size(data: bytes) -> int:
    """Bytes on the wire from a static host that compresses (gzip -6)."""
    return len(gzip.compress(data, compresslevel=6))


def local_file(site_dir: Path, base_url: str, url: str) -> Path | None:
    path = url.removeprefix(base_url).split("?")[0].split("#")[0]
    candidate = site_dir / path
    if candidate.is_dir() or path.endswith("/") or not path:
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None
