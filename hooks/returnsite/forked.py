"""Work done beside the build, by a fork of the build's process.

mkdocs-static-i18n builds the languages one after the other, in one process,
so the second processor waits (but for Pagefind). A fork has everything
this build read and checked, and sends its results back. Forks are used on
Linux only: on macOS a forked process may crash in system libraries, and
Windows has none; there the work is done in the build's own process, with
the same result.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

FORK = sys.platform.startswith("linux")


def forked_executor() -> ProcessPoolExecutor | None:
    """One process, forked when the first work is submitted; None where forks are not used."""
    if not FORK:
        return None
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))


def in_fork(function: Callable[..., Any], *args: Any) -> Future[Any]:
    """``function(*args)`` (a module's function, with arguments that pickle) in a
    fork started now, which ends with it; done at once where forks are not used."""
    executor = forked_executor()
    if executor is None:
        done: Future[Any] = Future()
        try:
            done.set_result(function(*args))
        except Exception as error:  # raised by result(), as from a fork
            done.set_exception(error)
        return done
    try:
        return executor.submit(function, *args)
    finally:
        executor.shutdown(wait=False)
