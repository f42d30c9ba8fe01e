"""Country sheets: ``country_sheets/<cc>/sheet.yml`` holds the language-neutral
facts, written once; ``country_sheets/<cc>/<lang>.yml`` holds the texts of one
language (``en.yml`` is required: other languages fall back to it)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from returnsite import languages
from returnsite.content.dates import DocDate, DocumentDate
from returnsite.content.fields import CountryCode, country_codes, language_codes
from returnsite.content.links import LinkTargets, document_link_errors
from returnsite.content.sections import Section, load_sections, sections_model
from returnsite.content.translation import TranslationInfo
from returnsite.content.visa import VisaForBelgium
from returnsite.validation import (
    ContentError,
    Markdown,
    PastDate,
    Shape,
    Text,
    Url,
    matching,
    read_document,
    rule_error,
    validate_document,
)

SHEET_FILE = "sheet.yml"
_check_key = matching(
    r"[a-z0-9]+(?:[_-][a-z0-9]+)*",
    "'{value}' cannot be a key; write lowercase letters, digits and _ only, "
    "e.g. families_with_children",
)


Key = Annotated[
    str, AfterValidator(_check_key), Shape("short name: lowercase letters, digits and _")
]


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: Key | None = Field(
        None,
        description="Short name by which partners, projects and sections say that their "
        "facts come from this source.",
        examples=["partners_meeting_2019"],
    )
    title: Text = Field(
        description="Title of the document or web page.", examples=["Country fact sheet"]
    )
    publisher: Text = Field(description="Who published it.", examples=["IOM"])
    url: Url | None = Field(
        None,
        description="Its web address, if it is online.",
        examples=["https://www.example.org/report"],
    )
    date: DocDate | None = Field(
        None,
        description="Date of the document, as precise as the document gives it: "
        "2019-03-28, 2019-03 or 2019. The page shows how old the sheet's facts are from it. "
        "Leave it out when the document shows no date: never guess one.",
        examples=["2019-03-28"],
    )


class Review(BaseModel):
    """Who checked the whole sheet, and when."""

    model_config = ConfigDict(extra="forbid")

    date: PastDate = Field(
        description="The day the reviewer checked the whole sheet (YYYY-MM-DD).",
        examples=["2024-03-15"],
    )
    by: Text = Field(
        description="The person or partner organisation who checked it, by name.",
        examples=["Caritas International"],
    )


class Partner(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text = Field(description="The organisation's name.", examples=["IOM"])
    source: Key | None = Field(
        None,
        description="The key of the source that names this partner for this country "
        "(the page shows that source's date beside the partner).",
        examples=["partners_meeting_2019"],
    )

    @model_validator(mode="before")
    @classmethod
    def _name_alone(cls, value: object) -> object:
        return {"name": value} if isinstance(value, str) else value


class Project(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: Key = Field(
        description="Short name that the language files use for the project's text.",
        examples=["families_with_children"],
    )
    name: Text = Field(
        description="The project's name as its organisers write it.",
        examples=["Reintegration of families with children"],
    )
    partner: Text | None = Field(
        None, description="Organisation running it.", examples=["Caritas International"]
    )
    url: Url | None = Field(
        None, description="Its web address, if any.", examples=["https://www.example.org/project"]
    )
    source: Key | None = Field(
        None,
        description="The key of the source the project's facts come from "
        "(the page shows that source's date beside the project).",
        examples=["partners_meeting_2019"],
    )


class SheetFacts(BaseModel):
    """``sheet.yml``: the facts of a country sheet, the same in every language."""

    model_config = ConfigDict(extra="forbid")
    field_hints: ClassVar[dict[str, str]] = {
        name: "texts belong in a language file such as en.yml, not in sheet.yml"
        for name in ("summary", "sections", "title", "texts")
    } | {
        name: "a sheet has a review only once a named person or partner checked it: "
        "remove this line from a draft, or write 'review: {date: 2024-03-15, by: <who>}' "
        "with 'status: reviewed'"
        for name in ("last_reviewed", "reviewed_by")
    }

    country: CountryCode = Field(
        description="ISO 3166-1 two-letter code of the country, the same as the folder name.",
        examples=["ma"],
    )
    visa_for_belgium: VisaForBelgium = Field(
        description="Whether people of this nationality need a visa to enter Belgium, "
        "with the source: the page's 'What support you may get' follows from it."
    )
    status: Literal["draft", "reviewed"] = Field(
        description="'draft' until a local partner has checked the sheet, then 'reviewed'.",
        examples=["draft"],
    )
    review: Review | None = Field(
        None,
        description="Only once a named person or partner has checked the whole sheet: "
        "the date and who. Required for a reviewed sheet, refused for a draft "
        "(a draft shows how old its newest source is instead).",
        validate_default=True,
    )
    partners: list[Partner] = Field(
        [],
        description="Reintegration partner organisations in this country: a name, "
        "or 'name:' and 'source:' (the key of the source that names it).",
        examples=[["IOM"]],
    )
    projects: list[Project] = Field([], description="Country-specific projects.")
    sources: list[Source] = Field([], description="Sources of the facts in the sheet.")
    section_sources: dict[str, list[Key]] = Field(
        {},
        description="For each section (its key, e.g. partner), the keys of the sources its "
        "texts come from: the page says when a section's information is older than the "
        "freshness limit.",
        examples=[{"partner": ["partners_meeting_2019"]}],
    )

    @field_validator("review")
    @classmethod
    def _review_matches_status(cls, value: Review | None, info: ValidationInfo) -> Review | None:
        status = info.data.get("status")
        if value is None and status == "reviewed":
            raise rule_error(
                "missing; a reviewed sheet says when and by whom it was checked, e.g. "
                "'review: {date: 2024-03-15, by: Caritas International}'",
                at=("status",),
            )
        if value is not None and status == "draft":
            raise rule_error(
                "a draft sheet has no review; remove 'review:' until a named person or "
                "partner has checked the sheet, then write 'status: reviewed' with it"
            )
        return value

    @model_validator(mode="after")
    def _known_source_keys(self) -> SheetFacts:
        known = [source.key for source in self.sources if source.key]
        seen: set[str] = set()
        for index, source in enumerate(self.sources):
            if source.key in seen:
                raise rule_error(
                    f"the key '{source.key}' is used twice; give each source its own key",
                    at=("sources", index, "key"),
                )
            if source.key:
                seen.add(source.key)
        places: list[tuple[str | None, str, tuple[object, ...]]] = [
            (p.source, "partners.source", ("partners", i, "source"))
            for i, p in enumerate(self.partners)
        ] + [
            (p.source, "projects.source", ("projects", i, "source"))
            for i, p in enumerate(self.projects)
        ]
        for section, keys in self.section_sources.items():
            places += [
                (key, f"section_sources: {section}", ("section_sources", section, i))
                for i, key in enumerate(keys)
            ]
        for key, field, at in places:
            if key is not None and key not in known:
                raise rule_error(f"{field}: {_unknown_source(key, known)}", at=at)
        sections = [section.key for section in load_sections()]
        for section in self.section_sources:
            if section not in sections:
                close = difflib.get_close_matches(section, sections, n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(sections)}"
                )
                raise rule_error(
                    f"section_sources: '{section}' is not a section; {hint}",
                    at=("section_sources", section),
                )
        return self

    def source(self, key: str | None) -> Source | None:
        return next((s for s in self.sources if key and s.key == key), None)

    def newest_source_date(self, keys: list[str] | None = None) -> DocumentDate | None:
        """The newest date of the sheet's sources (or of the sources ``keys``)."""
        dates = [s.date for s in self.sources if s.date and (keys is None or s.key in keys)]
        return max(dates, key=lambda d: d.last_day, default=None)

    @field_validator("projects")
    @classmethod
    def _unique_project_keys(cls, projects: list[Project]) -> list[Project]:
        seen: set[str] = set()
        for index, project in enumerate(projects):
            if project.key in seen:
                raise rule_error(
                    f"the key '{project.key}' is used twice; give each project its own key",
                    at=("projects", index, "key"),
                )
            seen.add(project.key)
        return projects


Sections = sections_model()


class SheetTexts(TranslationInfo):
    """``<lang>.yml``: the texts of a country sheet in one language."""

    model_config = ConfigDict(extra="forbid")
    field_hints: ClassVar[dict[str, str]] = {
        name: f"'{name}' is a fact written once in sheet.yml, not in each language; remove it here"
        for name in SheetFacts.model_fields
        if name != "projects"
    }

    summary: Markdown | None = Field(
        None, description="One or two sentences shown at the top and in the countries index."
    )
    sections: Sections = Field(  # type: ignore[valid-type]
        default_factory=Sections, description="One Markdown text per section (all optional)."
    )
    projects: dict[str, Markdown] = Field(
        {},
        description="A text per project, under the project's key from sheet.yml.",
        examples=[{"families_with_children": "What the project offers, to whom, and how.\n"}],
    )
    project_names: dict[str, Text] = Field(
        {},
        description="The project's name in this language, under its key from sheet.yml "
        "(the page shows sheet.yml's name where there is none).",
        examples=[{"families_with_children": "Families with children"}],
    )

    def section_texts(self) -> list[tuple[Section, str]]:
        """The written sections, in page order."""
        return [
            (section, text)
            for section in load_sections()
            if (text := getattr(self.sections, section.key)) is not None
        ]


@dataclass(frozen=True)
class CountrySheet:
    code: str
    folder: Path
    facts: SheetFacts
    texts: dict[str, SheetTexts]  # by language code, in the site's language order

    def text(self, code: str) -> SheetTexts | None:
        return self.texts.get(code)


def load_sheet(
    folder: Path, targets: LinkTargets
) -> tuple[CountrySheet | None, list[ContentError]]:
    """Load one sheet folder; return the sheet, or None and every error found."""
    errors: list[ContentError] = []
    default = languages.default_language().code
    facts = _load_facts(folder, errors)
    texts: dict[str, SheetTexts] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == SHEET_FILE:
            continue
        if path.suffix != ".yml" or path.stem not in language_codes():
            errors.append(ContentError(path, None, _unexpected_file(path)))
            continue
        document, file_errors = read_document(path)
        errors += file_errors
        if document is None:
            continue
        errors += document_link_errors(document, path, targets)
        model, file_errors = validate_document(document, SheetTexts, path)
        errors += file_errors
        if model is None:
            continue
        texts[path.stem] = model
        if facts is not None:
            known = [project.key for project in facts.projects]
            for field in ("projects", "project_names"):
                for key in getattr(model, field):
                    if key not in known:
                        line = document.key_line_of((field, key))
                        errors.append(ContentError(path, line, _unknown_project(field, key, known)))
    if not (folder / f"{default}.yml").is_file():
        errors.append(
            ContentError(
                folder,
                None,
                f"no {default}.yml; write the English texts in {default}.yml "
                "(other languages fall back to them)",
            )
        )
    if errors or facts is None:
        return None, errors
    ordered = {code: texts[code] for code in language_codes() if code in texts}
    return CountrySheet(code=facts.country, folder=folder, facts=facts, texts=ordered), []


def _load_facts(folder: Path, errors: list[ContentError]) -> SheetFacts | None:
    path = folder / SHEET_FILE
    if not path.is_file():
        errors.append(
            ContentError(folder, None, f"no {SHEET_FILE}; copy one from another country's folder")
        )
        return None
    document, file_errors = read_document(path)
    errors += file_errors
    if document is None:
        return None
    facts, file_errors = validate_document(document, SheetFacts, path)
    errors += file_errors
    if facts is not None and facts.country != folder.name:
        errors.append(
            ContentError(
                path,
                document.line_of(("country",)),
                f"country: '{facts.country}' does not match the folder name '{folder.name}'; "
                + _folder_fix(folder.name, facts.country),
            )
        )
        return None
    return facts


def _unknown_source(key: str, known: list[str]) -> str:
    if not known:
        return f"unknown source '{key}'; give the source 'key: {key}' under sources first"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(known)}"
    return f"unknown source '{key}'; {hint}"


def _folder_fix(folder: str, country: str) -> str:
    if folder in country_codes():
        return f"write 'country: {folder}' or rename the folder to {country}"
    return f"rename the folder to {country} (lowercase country code)"


def _unexpected_file(path: Path) -> str:
    if path.suffix == ".yaml":
        return f"rename the file to {path.stem}.yml (content files end in .yml)"
    if path.suffix == ".yml":
        return (
            f"'{path.stem}' is not one of the site's languages; name a language file after "
            f"one of: {', '.join(language_codes())} (e.g. fr.yml)"
        )
    return f"unexpected file; a sheet folder holds only {SHEET_FILE} and <language>.yml files"


def _unknown_project(field: str, key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else (
            "declare the project in sheet.yml first"
            if not known
            else f"use one of: {', '.join(known)}"
        )
    )
    return f"{field}: unknown project '{key}'; {hint}"
