"""pages.json, the list of the site's files that the service worker uses to drop
removed pages from readers' devices (returnsite.offline)."""

from __future__ import annotations

import json
from pathlib import Path

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
