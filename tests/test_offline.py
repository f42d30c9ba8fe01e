"""pages.json, the list of the site's files that the service worker uses to drop
removed pages from readers' devices (returnsite.offline)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from pathlib import Path

import pytest

from returnsite.offline import PAGE_LIST, site_files, write_page_list


def test_the_list_holds_every_file_but_the_search_index_and_itself(tmp_path: Path) -> None:
    for name in ["index.html", "fr/faq/index.html", "assets/site.css", "pagefind/fr/x.pf_index"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    path = write_page_list(tmp_path)
    assert path == tmp_path / PAGE_LIST
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "files": ["assets/site.css", "fr/faq/index.html", "index.html"]
    }
    assert site_files(tmp_path) == ["assets/site.css", "fr/faq/index.html", "index.html"]


def test_the_built_site_lists_its_pages_next_to_the_service_worker(site: Path) -> None:
    files = json.loads((site / PAGE_LIST).read_text(encoding="utf-8"))["files"]
    assert (site / "sw.js").is_file()
    assert "index.html" in files and "fr/faq/index.html" in files and "404.html" in files
    assert "translation-status/index.html" in files
    assert not [name for name in files if name.startswith("pagefind/")]
    assert all((site / name).is_file() for name in files)


# --- In Chromium: a real service worker on a small site ---------------------------------

SW = Path(__file__).resolve().parents[1] / "docs" / "sw.js"


@pytest.fixture
def small_site(tmp_path: Path):
    """sw.js and two pages, served on 127.0.0.1 (a secure context for workers)."""
    (tmp_path / "sw.js").write_text(SW.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(f"<!doctype html><title>{name}</title>")
    write_page_list(tmp_path)
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


STORED = """async () => {
  const names = await caches.keys();
  const ours = names.filter((name) => name.endsWith(location.origin + "/"));
  if (ours.length !== 1) return names;
  const keys = await (await caches.open(ours[0])).keys();
  return keys.map((request) => new URL(request.url).pathname).sort();
}"""


@pytest.mark.browser
def test_a_page_removed_from_the_site_leaves_the_readers_cache(page, small_site):
    root, url = small_site
    page.goto(url + "a/")
    page.evaluate(
        "navigator.serviceWorker.register('../sw.js').then(() => navigator.serviceWorker.ready)"
    )
    page.reload()  # now under the worker
    assert page.evaluate("!!navigator.serviceWorker.controller")
    page.goto(url + "b/")
    page.goto(url + "a/")
    _wait_until(page, lambda paths: "/b/" in paths)
    # The story is withdrawn: the next build no longer has it.
    (root / "b" / "index.html").unlink()
    (root / "b").rmdir()
    write_page_list(root)
    cdp = page.context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")  # the reader's next visit starts it anew
    page.goto(url + "a/")
    assert _wait_until(page, lambda paths: "/b/" not in paths) == ["/a/"]


def _wait_until(page, condition, seconds: float = 10) -> list[str]:
    """The stored paths once they meet ``condition`` (the worker stores and deletes
    in the background)."""
    deadline = time.monotonic() + seconds
    while not condition(paths := page.evaluate(STORED)) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    return paths
