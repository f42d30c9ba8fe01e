"""Return stories: one file per story, ``return_stories/<name>.yml``, holding
its facts and its texts in every language written (``texts: {en: ..., fr: ...}``).
A photo lives beside the stories, e.g. ``return_stories/photos/<name>.jpg``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from returnsite import languages, validation
from returnsite.content.fields import CountryCode, LanguageCode, country_name
from returnsite.content.links import LinkTargets, document_link_errors
from returnsite.content.photos import image_problem
from returnsite.content.translation import TranslationInfo
from returnsite.validation import (
    ContentError,
    Markdown,
    Shape,
    Text,
    YamlBool,
    read_document,
    rule_error,
    validate_document,
)

FIRST_YEAR = 2006
SupportKind = Literal["small_business", "housing", "work", "health", "education"]
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _check_year(year: int) -> int:
    if year < FIRST_YEAR:
        raise rule_error(
            f"{year} is too early; stories start in {FIRST_YEAR}, write the year of return"
        )
    if year > validation.today().year:
        raise rule_error(f"{year} is in the future; write the year the person returned")
    return year


class Photo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: Text = Field(
        description="The photo file, relative to return_stories/ (.jpg, .png or .webp). "
        "Describe it in each text's photo_alt.",
        examples=["photos/ma-2019-bakery.jpg"],
    )


class StoryText(TranslationInfo):
    model_config = ConfigDict(extra="forbid")

    title: Text = Field(description="The story's title.", examples=["A bakery in Fes"])
    body: Markdown = Field(description="The story, in Markdown.")
    photo_alt: Text | None = Field(
        None,
        description="What the photo shows, for readers who cannot see it (required in the "
        "English text when the story has a photo).",
        examples=["A man behind the counter of a small bakery"],
    )


class StoryFile(BaseModel):
    """``return_stories/<name>.yml``: one return story."""

    model_config = ConfigDict(extra="forbid")

    country: CountryCode = Field(
        description="Country of return: the code of a country sheet.", examples=["ma"]
    )
    year_of_return: Annotated[int, AfterValidator(_check_year), Shape("year, e.g. 2019")] = Field(
        description=f"The year the person returned ({FIRST_YEAR} or later).", examples=[2019]
    )
    support_used: list[SupportKind] = Field(
        min_length=1,
        description="What the reintegration support was used for.",
        examples=[["small_business"]],
    )
    partner: Text = Field(
        description="The reintegration partner who gave the support.",
        examples=["Caritas International"],
    )
    example: YamlBool = Field(
        description="true for an illustrative example (labelled as such on the page), "
        "false for a real story.",
        examples=["true"],
    )
    consent_to_publish: YamlBool | None = Field(
        None,
        description="A real story (example: false) is published only with "
        "'consent_to_publish: true': write it once the person has agreed.",
        examples=["true"],
        validate_default=True,
    )
    photo: Photo | None = Field(None, description="An optional photo.")
    texts: dict[LanguageCode, StoryText] = Field(
        description="The title and text in each language written, under the language code; "
        "English (en) is required."
    )

    @field_validator("consent_to_publish")
    @classmethod
    def _consent_for_real_story(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if info.data.get("example") is False and value is not True:
            raise rule_error(
                "this story is not an example (example: false), so it needs "
                "'consent_to_publish: true' once the person has agreed; "
                "the build refuses to publish it without consent",
                at=("example",) if value is None else None,
            )
        return value

    @field_validator("texts")
    @classmethod
    def _english_text(
        cls, texts: dict[str, StoryText], info: ValidationInfo
    ) -> dict[str, StoryText]:
        default = languages.default_language().code
        if default not in texts:
            raise rule_error(
                f"no '{default}:' text; write the story in English too "
                "(other languages fall back to it)"
            )
        if info.data.get("photo") is not None and texts[default].photo_alt is None:
            raise rule_error(
                f"the '{default}:' text has no photo_alt; describe the photo for readers who "
                "cannot see it, "
                "e.g. 'photo_alt: A man behind the counter of a small bakery'",
                at=("texts", default),
            )
        return texts


@dataclass(frozen=True)
class Story:
    name: str  # the file name without .yml; links write story:<name>
    path: Path
    data: StoryFile

    @property
    def country(self) -> str:
        return self.data.country

    @property
    def photo_path(self) -> Path | None:
        return self.path.parent / self.data.photo.file if self.data.photo else None

    def text(self, code: str) -> StoryText | None:
        return self.data.texts.get(code)


def load_story(path: Path, targets: LinkTargets) -> tuple[Story | None, list[ContentError]]:
    """Load one story file; return the story, or None and every error found."""
    if not _NAME.fullmatch(path.stem):
        return None, [
            ContentError(
                path,
                None,
                f"'{path.name}' cannot be a story name; name the file with lowercase letters, "
                "digits and dashes, e.g. ma-2019-bakery.yml",
            )
        ]
    document, errors = read_document(path)
    if document is None:
        return None, errors
    errors += document_link_errors(document, path, targets)
    story, file_errors = validate_document(document, StoryFile, path)
    errors += file_errors
    if story is None:
        return None, errors
    if story.country not in targets.sheets:
        errors.append(
            ContentError(
                path,
                document.line_of(("country",)),
                f"country: there is no country sheet for '{story.country}' "
                f"({country_name(story.country)}); write the code of a country with a folder "
                "in country_sheets/, or add that country's sheet first",
            )
        )
    if story.photo is not None:
        problem = _photo_problem(path.parent, story.photo.file)
        if problem:
            errors.append(ContentError(path, document.line_of(("photo", "file")), problem))
    if errors:
        return None, errors
    return Story(name=path.stem, path=path, data=story), []


def _photo_problem(folder: Path, file: str) -> str | None:
    photo = (folder / file).resolve()
    if not photo.is_relative_to(folder.resolve()):
        problem = "is outside return_stories/; put the photo in return_stories/photos/"
    elif photo.suffix.lower() not in PHOTO_SUFFIXES:
        problem = "is not a .jpg, .png or .webp photo; use one of these formats"
    elif not photo.is_file():
        return (
            f"photo.file: there is no file '{file}' in return_stories/; "
            "put the photo there or correct the name"
        )
    else:
        problem = image_problem(photo)
        if problem is None:
            return None
    return f"photo.file: '{file}' {problem}"
