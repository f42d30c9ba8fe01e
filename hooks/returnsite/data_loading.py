"""Reading the files of ``data/``: validated models, caches that follow the files.

Every data file is read through :func:`returnsite.validation.load_model` (or
:func:`load_list` for a file that is a list), so the build and
:func:`returnsite.data_files.check_data` see the same values and the same
mistakes. :func:`cached_by_mtime` keeps a loader's result until one of its
files changes, so ``mkdocs serve`` shows an edit at the next rebuild.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator

from returnsite.validation import (
    ContentError,
    Text,
    load_model,
    read_document,
    rule_error,
    validate_document,
)
from returnsite.yaml_source import Document

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])

# Characters that would make Markdown or HTML of a name, a city or a phone
# number: a link ``[x](...)``, a tag or an autolink ``<...>``, attributes ``{...}``.
_MARKUP = "[]<>{}`"


def _no_markup(text: object) -> object:
    if not isinstance(text, str):
        return text  # the type check that follows says what is wrong
    for offset, char in enumerate(text):
        if char in _MARKUP:
            raise rule_error(
                f"contains '{char}', which would make a link or markup on the page; "
                "write plain text, without [ ] < > { } or `",
                offset=offset,
            )
    return text


# Checked before the checks of Text, on the text as written (so the offset is
# the character's place in the file's value).
PlainText = Annotated[Text, BeforeValidator(_no_markup)]
"""A short text shown as it is (a name, a city, a source): no Markdown, no HTML."""


def missing_file(path: Path) -> list[ContentError]:
    """An error if ``path`` is not a file (the build needs every data file)."""
    if path.is_file():
        return []
    return [
        ContentError(
            path,
            None,
            "the file is missing; the build needs it: restore it from the project's history "
            "(git checkout -- <file>)",
        )
    ]


def load_data_model(path: Path, model: type[M]) -> tuple[M | None, list[ContentError]]:
    """:func:`~returnsite.validation.load_model`, with a message for a missing file."""
    errors = missing_file(path)
    if errors:
        return None, errors
    return load_model(path, model)


def load_list(path: Path, item: type[M]) -> tuple[list[tuple[int, M]] | None, list[ContentError]]:
    """Read a file that is a list of entries (``- field: value``), each an ``item``;
    return each entry with its line, or every mistake of the file."""
    errors = missing_file(path)
    if errors:
        return None, errors
    document, errors = read_document(path)
    if document is None:
        return None, errors
    if not isinstance(document.data, list):
        return None, [
            ContentError(
                path,
                document.line_of(()),
                "expected a list of entries, each starting with '- ', e.g. '- {key: value, ...}'",
            )
        ]
    items: list[tuple[int, M]] = []
    for index, data in enumerate(document.data):
        entry = Document(
            data=data,
            positions={
                loc[1:]: position
                for loc, position in document.positions.items()
                if loc and loc[0] == index
            },
        )
        model, entry_errors = validate_document(entry, item, path)
        errors += entry_errors
        if model is not None:
            items.append((document.line_of((index,)), model))
    if not document.data:
        errors.append(ContentError(path, 1, "the list is empty; write at least one entry"))
    return (None, errors) if errors else (items, [])


def cached_by_mtime(func: F) -> F:
    """Cache ``func``'s result per arguments and per state (time, size) of its Path arguments."""
    results: dict[tuple[Any, ...], Any] = {}
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        args = bound.args
        key = (*args, *(_state(arg) for arg in args if isinstance(arg, Path)))
        if key not in results:
            results.clear()  # only the current version of the files is worth keeping
            results[key] = func(*args)
        return results[key]

    wrapper.cache_clear = results.clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def _state(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
