"""Field types for country and language codes, checked against Babel/CLDR
and ``data/languages.yml``."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from babel import Locale
from pydantic import AfterValidator

from returnsite import languages
from returnsite.validation import Shape, rule_error

# CLDR territories that are not ISO 3166-1 countries (regions, unions, test
# codes, exceptionally reserved codes). Kosovo (XK) stays: it is a common
# country of return and CLDR names it in every language.
_NOT_COUNTRIES = {
    "AC",
    "CP",
    "CQ",
    "DG",
    "EA",
    "EU",
    "EZ",
    "IC",
    "QO",
    "TA",
    "UN",
    "XA",
    "XB",
    "ZZ",
}


@cache
def country_codes() -> frozenset[str]:
    """Lowercase ISO 3166-1 alpha-2 codes known to Babel/CLDR."""
    return frozenset(
        code.lower()
        for code in Locale("en").territories
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


def country_name(code: str, locale: str | Locale = "en") -> str:
    """The country's name in a language, from CLDR (e.g. 'ma', 'fr' -> 'Maroc')."""
    return Locale.parse(locale).territories[code.upper()]


def language_codes() -> tuple[str, ...]:
    return tuple(languages.codes())  # follows data/languages.yml (cached by its time)


def _check_country(value: str) -> str:
    code = value.strip().lower()
    if code not in country_codes():
        raise rule_error(
            f"'{value}' is not a country code; write the two-letter ISO 3166-1 code, "
            "e.g. ma for Morocco"
        )
    return code


def _check_language(value: str) -> str:
    if value not in language_codes():
        raise rule_error(
            f"'{value}' is not one of the site's languages; use one of: "
            + ", ".join(language_codes())
        )
    return value


CountryCode = Annotated[str, AfterValidator(_check_country), Shape("country code, e.g. ma")]
"""An ISO 3166-1 alpha-2 country code, read case-insensitively, kept lowercase."""

LanguageCode = Annotated[str, AfterValidator(_check_language), Shape("language code, e.g. fr")]
"""The code of one of the site's 17 languages (``data/languages.yml``)."""
