"""The editors' field reference, written from the content schemas themselves.

Each field's description and example come from its ``Field(...)``, its shape
from its type (the :class:`~returnsite.validation.Shape` of the field types),
so the reference cannot drift from what validation accepts. It lives in
``EDITING.md`` between two marker lines; ``returnsite fields`` writes it and
``tests/test_field_reference.py`` fails when it is stale.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from returnsite import ROOT
from returnsite.content.sections import SectionEntry
from returnsite.content.sheets import SheetFacts, SheetTexts
from returnsite.content.stories import StoryFile
from returnsite.desks import ContactFile, Desk
from returnsite.estimator import EstimatorRules
from returnsite.languages import LanguageEntry
from returnsite.organisations import Organisation
from returnsite.page_check import PageFrontMatter
from returnsite.validation import Shape

EDITING_FILE = ROOT / "EDITING.md"
START = "<!-- field reference: written by 'returnsite fields' from the schema; do not edit -->"
END = "<!-- end of the field reference -->"

# (file, what it holds, model), in the order of the reference.
FILES: list[tuple[str, str, type[BaseModel]]] = [
    ("country_sheets/<cc>/sheet.yml", "the facts of a country sheet", SheetFacts),
    ("country_sheets/<cc>/<language>.yml", "the texts of a sheet in one language", SheetTexts),
    ("return_stories/<name>.yml", "one return story", StoryFile),
    ("data/desks.yml", "one return desk, under desks: <short name>:", Desk),
    ("data/contact.yml", "the free phone line and how to order brochures", ContactFile),
    ("data/languages.yml", "one language of the site, one '- {...}' line each", LanguageEntry),
    ("data/estimator.yml", "the rules of the support estimator", EstimatorRules),
    (
        "data/organisations.yml",
        "one partner organisation, under organisations: <its English name>:",
        Organisation,
    ),
    (
        "data/sheet_sections.yml",
        "one section of a country sheet, one '- ' entry each",
        SectionEntry,
    ),
    ("docs/<language>/<page>.md", "the front matter of a programme page", PageFrontMatter),
]


def field_reference() -> str:
    """The Markdown of the whole reference."""
    parts = []
    for path, what, model in FILES:
        parts.append(f"### `{path}`: {what}\n")
        parts += _table(model)
    return "\n".join(parts)


def update_editing_guide(text: str) -> str:
    """*text* (EDITING.md) with its reference between the markers written anew."""
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise ValueError(f"{EDITING_FILE.name} has lost its marker lines {START!r} and {END!r}")
    return f"{before}{START}\n\n{field_reference()}\n{END}{after}"


def _table(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    rows = ["| Field | Required | Write | Example |", "| --- | --- | --- | --- |"]
    nested: list[tuple[str, type[BaseModel]]] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        inner = _nested_model(info.annotation)
        if inner is not None:
            nested.append((path + (".<language>" if _is_mapping(info.annotation) else ""), inner))
        required = "yes" if info.is_required() else ""
        description = (info.description or info.title or "").replace("|", "\\|")
        shape = _shape(info)
        write = f"{description} *({shape})*" if shape else description
        rows.append(f"| `{path}` | {required} | {write} | {_example(info)} |")
    yield "\n".join(rows) + "\n"
    for path, inner in nested:
        yield f"Fields of `{path}`:\n"
        yield from _table(inner, path + ".")


def _shape(info: FieldInfo) -> str:
    for item in info.metadata:
        if isinstance(item, Shape):
            return item.words
    return _describe(info.annotation)


def _describe(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is Annotated:
        base, *metadata = get_args(tp)
        words = next((m.words for m in metadata if isinstance(m, Shape)), None)
        return words or _describe(base)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in get_args(tp) if arg is not type(None))
    if origin is Literal:
        return "one of: " + ", ".join(str(arg) for arg in get_args(tp))
    if origin is list:
        return f"a list, each: {_describe(get_args(tp)[0])}"
    if origin is dict:
        key, value = get_args(tp)
        return f"under each {'key' if key is str else _describe(key)}: {_describe(value)}"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "fields below"
    return {str: "text", int: "whole number", bool: "true or false"}.get(tp, "")


def _nested_model(tp: Any) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in get_args(tp):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def _is_mapping(tp: Any) -> bool:
    if get_origin(tp) is dict:
        return True
    return any(_is_mapping(arg) for arg in get_args(tp))


def _example(info: FieldInfo) -> str:
    if not info.examples:
        return ""
    value = info.examples[0]
    if isinstance(value, list):
        value = "[" + ", ".join(str(item) for item in value) + "]"
    elif isinstance(value, dict):
        value = ", ".join(f"{key}: {item}".strip() for key, item in value.items())
    return f"`{value}`".replace("|", "\\|").replace("\n", " ")
