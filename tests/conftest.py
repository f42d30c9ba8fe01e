"""Shared fixtures: one full build of the site per test session, served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from returnsite import ROOT
from returnsite.pdf import HEADLESS_ARGS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = HEADLESS_ARGS


def build_site(site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a real ``mkdocs build`` of the project into *site_dir*."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once for the session into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served by Python's http.server on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a downloaded one; no background network traffic.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def third_party_requests(page, site_url):
    """Every request the page makes that leaves the local test server."""
    outside: list[str] = []

    def check(request):
        if not request.url.startswith(site_url) and not request.url.startswith("data:"):
            outside.append(request.url)

    page.on("request", check)
    return outside
