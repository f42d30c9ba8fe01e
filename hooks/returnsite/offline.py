"""The list of the site's files for the service worker (``docs/sw.js``): at a
reader's next online visit, it deletes the stored copies of every file that
is no longer on the site (a withdrawn story, its photo, a removed page)."""

from __future__ import annotations

import json
from pathlib import Path

PAGE_LIST = "pages.json"
# Never stored by the worker (its NOT_STORED): no need to list them.
NOT_STORED = ("pagefind/",)


def site_files(site_dir: Path) -> list[str]:
    """Every file of the built site, relative to its root, in ``/`` form."""
    files = (
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()
    )
    return sorted(f for f in files if f != PAGE_LIST and not f.startswith(NOT_STORED))


def write_page_list(site_dir: Path) -> Path:
    """Write ``pages.json`` (``{"files": [...]}``) at the root of the built site."""
    path = site_dir / PAGE_LIST
    text = json.dumps({"files": site_files(site_dir)}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return path
