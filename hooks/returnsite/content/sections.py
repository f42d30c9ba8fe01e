"""The sections of a country sheet, declared once in ``data/sheet_sections.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from returnsite import ROOT
from returnsite.data_loading import PlainText, cached_by_mtime, load_list
from returnsite.validation import (
    ContentError,
    ContentErrors,
    Markdown,
    Shape,
    matching,
)

SECTIONS_FILE = ROOT / "data" / "sheet_sections.yml"


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # English heading; pages translate it through the UI catalogs
    description: str


SectionKey = Annotated[
    str,
    AfterValidator(
        matching(
            r"[a-z][a-z0-9_]*",
            "'{value}' cannot be a section's key; write lowercase letters, digits and _, "
            "e.g. social_protection",
        )
    ),
    Shape("lowercase letters and _"),
]


class SectionEntry(BaseModel):
    """One section of a country sheet (one entry of ``data/sheet_sections.yml``)."""

    model_config = ConfigDict(extra="forbid")

    key: SectionKey = Field(
        description="The name editors write under 'sections:'.", examples=["housing"]
    )
    title: PlainText = Field(description="The English heading.", examples=["Housing"])
    description: PlainText = Field(
        description="The hint in the editors' field reference.",
        examples=["Finding a place to live, rent, temporary shelter."],
    )


def check_sections(
    path: Path = SECTIONS_FILE,
) -> tuple[tuple[Section, ...] | None, list[ContentError]]:
    """The sections, or every mistake of the file."""
    entries, errors = load_list(path, SectionEntry)
    if entries is None:
        return None, errors
    seen: dict[str, int] = {}
    for line, entry in entries:
        if entry.key in seen:
            errors.append(
                ContentError(
                    path,
                    line,
                    f"key: '{entry.key}' is listed twice (first on line {seen[entry.key]}); "
                    "keep only one of them",
                )
            )
        seen.setdefault(entry.key, line)
    if errors:
        return None, errors
    return tuple(Section(**entry.model_dump()) for _, entry in entries), []


@cached_by_mtime
def load_sections(path: Path = SECTIONS_FILE) -> tuple[Section, ...]:
    """The checked sections; :class:`ContentErrors` lists every mistake otherwise."""
    sections, errors = check_sections(path)
    if sections is None:
        raise ContentErrors(errors)
    return sections


def section_keys() -> tuple[str, ...]:
    return tuple(section.key for section in load_sections())


@cache
def sections_model() -> type[BaseModel]:
    """The model of ``sections:`` in a language file: one optional text per section."""
    try:
        sections = load_sections()
    except ContentErrors:
        # Made when the build code is imported: no traceback there. The mistakes
        # are reported by check_data and by the content check (section_keys).
        sections = ()
    fields = {
        section.key: (
            Markdown | None,
            Field(None, title=section.title, description=section.description),
        )
        for section in sections
    }
    return create_model(
        "Sections",
        __base__=_SectionsBase,
        __doc__="The texts of a country sheet, one Markdown text per section.",
        **fields,
    )


class _SectionsBase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field_noun: ClassVar[str] = "section"
