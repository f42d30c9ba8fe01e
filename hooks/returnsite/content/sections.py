"""The sections of a country sheet, declared once in ``data/sheet_sections.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, create_model

from returnsite import ROOT
from returnsite.validation import Markdown

SECTIONS_FILE = ROOT / "data" / "sheet_sections.yml"


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # English heading; pages translate it through the UI catalogs
    description: str


@cache
def load_sections(path: Path = SECTIONS_FILE) -> tuple[Section, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(Section(**entry) for entry in entries)


def section_keys() -> tuple[str, ...]:
    return tuple(section.key for section in load_sections())


@cache
def sections_model() -> type[BaseModel]:
    """The model of ``sections:`` in a language file: one optional text per section."""
    fields = {
        section.key: (
            Markdown | None,
            Field(None, title=section.title, description=section.description),
        )
        for section in load_sections()
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
