"""``visa_for_belgium`` in a sheet's ``sheet.yml``: whether the country's nationals
need a visa to enter Belgium. It decides who can get basic reintegration support
(data/estimator.yml), so it is a declared fact with its source, Regulation (EU)
2018/1806: Annex I lists the countries whose nationals need a visa, Annex II
those whose nationals do not."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from returnsite.content.dates import DocDate
from returnsite.validation import Text, Url, YamlBool


class RegulationVersion(BaseModel):
    """The version of Regulation (EU) 2018/1806 that was checked."""

    model_config = ConfigDict(extra="forbid")

    title: Text = Field(
        description="The regulation's title, its Official Journal reference and the CELEX "
        "number of the consolidated version you checked.",
        examples=["Regulation (EU) 2018/1806 ... consolidated version CELEX 02018R1806-20240804"],
    )
    publisher: Text = Field(description="Who published it.", examples=["European Union, EUR-Lex"])
    url: Url = Field(
        description="Its address on eur-lex.europa.eu.",
        examples=[
            "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX%3A02018R1806-20240804"
        ],
    )
    date: DocDate = Field(
        description="The date of the consolidated version you checked (YYYY-MM-DD).",
        examples=["2024-08-04"],
    )


class VisaForBelgium(BaseModel):
    model_config = ConfigDict(extra="forbid")

    required: YamlBool = Field(
        description="true if the country is in Annex I of Regulation (EU) 2018/1806 (its "
        "nationals need a visa to enter the Schengen area, Belgium included); false if it is "
        "in Annex II (no visa needed). Check the annexes of the newest consolidated version "
        "on eur-lex.europa.eu.",
        examples=["true"],
    )
    source: RegulationVersion = Field(
        description="The version of Regulation (EU) 2018/1806 you checked: its title with "
        "the CELEX number, the publisher, the EUR-Lex address and the date of the version."
    )
