"""The partner organisations' names in each language (``data/organisations.yml``).

Sheets (``partners:``) and stories (``partner:``) name an organisation as
English writes it ("IOM"); a page shows the name its language's texts use
("OIM" in French, "МОМ" in Russian), or the English one where the file gives
none, so that the label and the text of a page say the same.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from returnsite import ROOT
from returnsite.content.fields import LanguageCode
from returnsite.data_loading import PlainText, cached_by_mtime, load_data_model
from returnsite.validation import ContentError

ORGANISATIONS_FILE = ROOT / "data" / "organisations.yml"


class Organisation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    names: dict[LanguageCode, PlainText] = Field(
        description="The organisation's name in other languages of the site, as the texts "
        "of that language write it (its short form, like the English name).",
        examples=[{"fr": "OIM", "ru": "МОМ"}],
    )


class OrganisationsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organisations: dict[PlainText, Organisation] = Field(
        description="Each organisation under its name as written in sheets and stories "
        "(in English).",
    )


def check_organisations(path: Path = ORGANISATIONS_FILE) -> list[ContentError]:
    return load_data_model(path, OrganisationsFile)[1]


@cached_by_mtime
def _names(path: Path) -> dict[str, dict[str, str]]:
    data, _ = load_data_model(path, OrganisationsFile)
    if data is None:
        return {}  # the gate reports the file's mistakes before the build
    return {name: dict(org.names) for name, org in data.organisations.items()}


def organisation_name(name: str, code: str, path: Path = ORGANISATIONS_FILE) -> str:
    """``name`` ("IOM") as the texts of language ``code`` write it ("OIM" in French)."""
    return _names(path).get(name, {}).get(code, name)
