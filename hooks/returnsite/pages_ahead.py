"""The Markdown of the sheet and story pages of the languages still to build,
written by a second process while this one builds the first language.

Writing that Markdown was a tenth of a 17-language build (``bench/README.md``).
The second process is a fork of this one (:mod:`returnsite.forked`): it has
the very content this build read and checked, and sends back
``(path, markdown)`` pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from returnsite.content import Content
from returnsite.content_build import language_pages
from returnsite.forked import forked_executor
from returnsite.i18n import translations
from returnsite.render_sheets import SheetOptions

Pages = list[tuple[str, str]]

# What the forked process works from: set before it starts, read by _write.
_work: tuple[Content, SheetOptions] | None = None


def _write(code: str) -> Pages:
    assert _work is not None, "the content is set before the process starts"
    content, options = _work
    return language_pages(content, code, translations(code), options)


class PagesAhead:
    """``language_pages`` for the languages *codes* with *options*, started at once
    in a second process."""

    def __init__(self, content: Content, codes: Iterable[str], options: SheetOptions) -> None:
        global _work
        self._content = content
        self._options = options
        self._runs: dict[str, Future[Pages]] = {}
        codes = list(codes)
        self._pool: ProcessPoolExecutor | None = forked_executor() if codes else None
        if self._pool is None:
            return  # nothing to write ahead, or no fork here: pages() writes them
        _work = (content, options)
        self._runs = {code: self._pool.submit(_write, code) for code in codes}

    def pages(self, code: str, options: SheetOptions) -> Pages:
        """The pages of language *code* with *options*: those of the second process
        if it wrote them with these options, else written now."""
        run = self._runs.pop(code, None)
        try:
            if run is not None and options == self._options:
                try:
                    return run.result()
                except BrokenProcessPool:
                    pass  # the process was stopped (out of memory?): write them here
            return language_pages(self._content, code, translations(code), options)
        finally:
            if not self._runs:
                self.close()

    def close(self) -> None:
        """Stop the second process (its pages not yet used are dropped)."""
        global _work
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._runs.clear()
        _work = None
