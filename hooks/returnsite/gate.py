"""The one gate: every file that an editor or translator writes is checked before
the build writes anything. The build (``hooks/gate_hook.py``), ``returnsite
validate``, ``./run validate`` and the pre-commit hook all call
:func:`check_everything`, so they report the same mistakes, all at once, sorted
by file, each as ``path:line: what is wrong; what to write instead``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from returnsite import ROOT
from returnsite.validation import ContentError, ContentErrors, display_path


@dataclass(frozen=True)
class Check:
    folder: str  # what it reads, relative to the project root (for messages)
    run: Callable[[Path, Path], list[ContentError]]  # (project root, content root)


def _content(root: Path, content_root: Path) -> list[ContentError]:
    from returnsite.content import check_content

    return check_content(content_root)[1]


# What editors and translators write besides the content folders (which the
# build may read from elsewhere: extra.content_root).
EDITED_DIRS = ("data", "docs", "locales")


def _language_folders(root: Path, content_root: Path) -> list[ContentError]:
    from returnsite.language_folders import check_language_folders

    return check_language_folders(root)


def _pages(root: Path, content_root: Path) -> list[ContentError]:
    from returnsite.page_check import check_pages

    return check_pages(root)


def _catalogs(root: Path, content_root: Path) -> list[ContentError]:
    from returnsite.catalog_check import check_catalogs

    return check_catalogs(root)


def _data(root: Path, content_root: Path) -> list[ContentError]:
    from returnsite.data_files import check_data

    return check_data(root)


# Data first: the other checks read the languages and sheet sections.
CHECKS = (
    Check("data/", _data),
    Check("country_sheets/ and return_stories/", _content),
    Check("docs/ and locales/", _language_folders),
    Check("docs/", _pages),
    Check("locales/", _catalogs),
)


def check_everything(root: Path = ROOT, content_root: Path | None = None) -> list[ContentError]:
    """Every mistake in every file kind under project folder ``root`` (content
    folders under ``content_root``, by default the same), sorted by file and line."""
    errors: list[ContentError] = []
    for check in CHECKS:
        try:
            errors += check.run(root, content_root or root)
        except ContentErrors as error:  # a data file this check reads (reported by its own)
            errors += error.errors
        except Exception as error:  # a fault of ours must not read as the editor's
            errors.append(build_fault(root / check.folder.split(" ")[0], error))
    return sorted(set(errors), key=ContentError.sort_key)


def build_fault(path: Path, error: BaseException) -> ContentError:
    """An error of the build code itself, reported against the file it was reading."""
    return ContentError(path, None, fault_message(error, "reading"))


def fault_message(error: BaseException, doing: str = "making") -> str:
    return (
        f"the build stopped with an internal error while {doing} this ({type(error).__name__}: "
        f"{error}); this is a fault of the build, not of your file: tell the site's "
        "maintainers, and send them this message"
    )


def summary(errors: list[ContentError]) -> str:
    files = len({display_path(error.path) for error in errors})
    return (
        f"{len(errors)} mistake(s) in {files} file(s); nothing was published, the site "
        "stays as it was. Fix them, then build again (./run validate checks the files alone)."
    )
