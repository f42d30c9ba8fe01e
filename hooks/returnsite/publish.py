"""Readers always see the last good site: a build writes into a new folder beside
``site/`` and takes the place of ``site/`` only once it has succeeded. A failed,
strict-failed or killed build leaves ``site/`` exactly as it was; its unfinished
folder is removed by the next build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

_NEW, _OLD = "new", "old"


def staging_dir(final: Path, pid: int | None = None) -> Path:
    """The folder a build of ``final`` writes into (hidden, beside it)."""
    return final.parent / f".{final.name}.{_NEW}-{pid or os.getpid()}"


def start(final: Path) -> Path:
    """Remove what killed builds left, create this build's folder and return it.

    Raise :class:`PublishError` if the folder beside ``final`` cannot be written.
    """
    remove_leftovers(final)
    staging = staging_dir(final)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
    except OSError as error:
        raise PublishError(
            f"cannot write the new site beside {final} ({error.strerror}); "
            f"make the folder {final.parent} writable, or build elsewhere with -d"
        ) from None
    return staging


def finish(staging: Path, final: Path) -> list[str]:
    """Put the built ``staging`` in place of ``final``; return warnings (the old
    copy could not be removed). Raise :class:`PublishError` if it cannot be put in place."""
    old = final.parent / f".{final.name}.{_OLD}-{os.getpid()}"
    try:
        if final.exists():
            final.rename(old)
        staging.rename(final)
    except OSError as error:
        if old.exists() and not final.exists():
            old.rename(final)  # the previous site back in place
        raise PublishError(
            f"the site was built but could not replace {final} ({error.strerror}); "
            f"the previous site is unchanged, the new one is in {staging}"
        ) from None
    warnings = []
    if old.exists():
        shutil.rmtree(old, onerror=lambda *_: None)
        if old.exists():
            warnings.append(f"could not remove the previous site's copy {old}; remove it by hand")
    return warnings


def abandon(staging: Path) -> None:
    """Remove an unfinished build's folder; the previous site stays as it was."""
    shutil.rmtree(staging, ignore_errors=True)


def remove_leftovers(final: Path) -> None:
    """Remove the folders of builds that were killed (their process is gone)."""
    if not final.parent.is_dir():
        return
    for kind in (_NEW, _OLD):
        for path in final.parent.glob(f".{final.name}.{kind}-*"):
            pid = path.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder of ours from before: this process starts anew
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PublishError(Exception):
    """The site could not be written or put in place; the message says why."""
