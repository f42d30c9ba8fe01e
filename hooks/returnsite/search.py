"""The per-language search: the search page and the Pagefind index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.support import NullTranslations

# Kept out of the index: navigation, header, footer and notices repeat on every
# page and would drown the page's own words.
EXCLUDE = ".md-header, .md-sidebar, .md-footer, .page-notice, .md-skip, .md-top"


def search_page(t: NullTranslations) -> str:
    title = t.gettext("Search")
    return f"---\ntitle: {title}\ntemplate: search.html\nsearch:\n  exclude: true\n---\n"


def build_index(site_dir: str | Path) -> str:
    """Index the built site with Pagefind: one index per ``<html lang>``."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--exclude-selectors",
            EXCLUDE,
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip() or "search index written to pagefind/"
