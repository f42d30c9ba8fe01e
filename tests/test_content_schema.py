"""The schema is declared once: the section list comes from data/sheet_sections.yml
and every field carries the description the editors' reference is built from."""

import pytest
import yaml
from pydantic import BaseModel

from returnsite import ROOT
from returnsite.content import (
    Photo,
    Project,
    SheetFacts,
    SheetTexts,
    Source,
    StoryFile,
    StoryText,
    country_codes,
    country_name,
    load_sections,
    section_keys,
)
from returnsite.content.sections import sections_model


def test_sections_follow_the_data_file_in_order() -> None:
    data = yaml.safe_load((ROOT / "data" / "sheet_sections.yml").read_text(encoding="utf-8"))
    assert section_keys() == tuple(entry["key"] for entry in data)
    assert section_keys() == (
        "overview", "arrival", "housing", "health", "work", "education",
        "social_protection", "vulnerable", "partner", "projects", "contacts", "sources",
    )  # fmt: skip


def test_the_sections_model_has_one_optional_text_per_section() -> None:
    model = sections_model()
    assert tuple(model.model_fields) == section_keys()
    assert all(not field.is_required() for field in model.model_fields.values())
    assert model.model_fields["health"].title == "Health care"


@pytest.mark.parametrize(
    "model",
    [SheetFacts, SheetTexts, Source, Project, StoryFile, StoryText, Photo],
    ids=lambda model: model.__name__,
)
def test_every_field_is_described_for_the_editors_reference(model: type[BaseModel]) -> None:
    undescribed = [name for name, field in model.model_fields.items() if not field.description]
    assert undescribed == []


def test_every_section_has_a_title_and_a_description() -> None:
    assert all(section.title and section.description for section in load_sections())


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        pytest.param("ma", "en", "Morocco", id="en"),
        pytest.param("ma", "fr", "Maroc", id="fr"),
        pytest.param("cd", "nl", "Congo-Kinshasa", id="nl"),
        pytest.param("xk", "en", "Kosovo", id="kosovo"),
    ],
)
def test_country_names_come_from_cldr(code: str, locale: str, name: str) -> None:
    assert country_name(code, locale) == name


@pytest.mark.parametrize("code", ["eu", "zz", "un", "001", "MA"])
def test_regions_and_non_codes_are_not_countries(code: str) -> None:
    assert code not in country_codes()
