"""The per-language search: the search page and the Pagefind indexes.

Each language has its own Pagefind bundle, ``pagefind/<code>/``, which its
search page loads in small pieces when the reader types. A language is
indexed as soon as its pages are written, by a Pagefind process that runs
while Python builds the next language: indexing the whole site at the end
took a third of a 17-language build. One Pagefind at a time, on one thread
but for the last language, so that it never takes the processor the build
runs on (with a thread per processor, it slowed the build by a tenth).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path, PurePosixPath

from babel.support import NullTranslations

from returnsite.markdown_pages import front_matter

# Kept out of the index: navigation, header, footer and notices repeat on every
# page and would drown the page's own words.
EXCLUDE = ".md-header, .md-sidebar, .md-footer, .page-notice, .md-skip, .md-top"
BUNDLES = "pagefind"
# Pagefind's ready-made search interfaces, which search.js does not use.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def search_page(t: NullTranslations) -> str:
    # Quoted (JSON is YAML): a translated title cannot add keys to the front matter.
    meta = {"title": t.gettext("Search"), "template": "search.html", "search": {"exclude": True}}
    return front_matter(meta)


def bundle_dir(code: str) -> str:
    """Where language *code*'s index is published, from the site root."""
    return f"{BUNDLES}/{code}"


def language_glob(pages: Iterable[str]) -> str:
    """A Pagefind glob matching the HTML files *pages* (site paths) and nothing
    beside them: their top-level files and folders, e.g. ``{index.html,faq/**/*.html}``.

    The default language lives at the site root, beside the other languages'
    folders, which are being written while it is indexed.
    """
    tops = set()
    for page in pages:
        parts = PurePosixPath(page).parts
        tops.add(parts[0] if len(parts) == 1 else f"{parts[0]}/**/*.html")
    if not tops:
        raise ValueError("no HTML page to index")
    return "{" + ",".join(sorted(tops)) + "}" if len(tops) > 1 else tops.pop()


def last_built(build_languages: Sequence[str], default: str) -> str:
    """The language mkdocs-static-i18n builds last (it builds the default one first)."""
    others = [code for code in build_languages if code != default]
    return others[-1] if others else default


def pagefind_command(site_dir: str | Path, glob: str, code: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--glob",
        glob,
        "--output-subdir",
        bundle_dir(code),
        "--exclude-selectors",
        EXCLUDE,
        "--quiet",
    ]


class Indexes:
    """Pagefind runs, one per language, in the background; at most *workers* at once."""

    def __init__(self, workers: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pagefind")
        self._runs: dict[str, Future[subprocess.CompletedProcess[str]]] = {}

    def start(
        self, site_dir: str | Path, code: str, pages: Iterable[str], *, last: bool = False
    ) -> None:
        """Index language *code*: its HTML *pages* (site paths) in *site_dir*.

        Pagefind runs on one thread while the build goes on, on all of them for
        the *last* language, which the build waits for.
        """
        command = pagefind_command(site_dir, language_glob(pages), code)
        env = {**os.environ, **({} if last else ONE_THREAD)}
        bundle = Path(site_dir) / bundle_dir(code)
        self._runs[code] = self._pool.submit(_index, command, env, bundle)

    def finish(self) -> list[str]:
        """Wait for every run; the languages indexed, or raise with Pagefind's output."""
        failed = []
        for code, run in self._runs.items():
            result = run.result()
            if result.returncode != 0:
                failed.append(f"{code}: {result.stdout}\n{result.stderr}".strip())
        codes = list(self._runs)
        self._runs.clear()
        if failed:
            raise RuntimeError("Pagefind failed:\n" + "\n".join(failed))
        return codes


# Pagefind's worker threads (Rayon): one.
ONE_THREAD = {"RAYON_NUM_THREADS": "1"}


def _index(
    command: list[str], env: dict[str, str], bundle: Path
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode == 0:
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
    return result
