"""Work done beside the build, by a fork of the build's process.

mkdocs-static-i18n builds the languages one after the other, in one process,
so the second processor waits (but for Pagefind). A fork has everything
this build read and checked, and sends its results back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


def forked_executor() -> ProcessPoolExecutor:
    """One process, forked when the first work is submitted."""
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))


def in_fork(function: Callable[..., Any], *args: Any) -> Future[Any]:
    """``function(*args)`` (a module's function, with arguments that pickle) in a
    fork started now; the process ends with it."""
    executor = forked_executor()
    try:
        return executor.submit(function, *args)
    finally:
        executor.shutdown(wait=False)
