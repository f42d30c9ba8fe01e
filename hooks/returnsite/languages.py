"""The site's languages, declared once in ``data/languages.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from returnsite import ROOT
from returnsite.data_loading import PlainText, cached_by_mtime, load_list
from returnsite.validation import (
    ContentError,
    ContentErrors,
    Shape,
    YamlBool,
    matching,
    rule_error,
)

LANGUAGES_FILE = ROOT / "data" / "languages.yml"


@dataclass(frozen=True)
class Language:
    code: str
    english_name: str
    dir: str
    material: str
    native_name: str
    default: bool = False

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.code)

    @property
    def prefix(self) -> str:
        """URL prefix of the language's pages: '' for the default language."""
        return "" if self.default else f"{self.code}/"


def native_name(code: str) -> str:
    """The language's own name for itself, from CLDR, capitalised for a menu."""
    name = Locale.parse(code).get_display_name(code) or ""
    return name[:1].upper() + name[1:]


# --- Schema of one entry of data/languages.yml ----------------------------------

_LANGUAGE_TAG = r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_[A-Z]{2})?"


def _check_cldr(value: str) -> str:
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError):
        raise rule_error(
            f"'{value}' is not a language that Babel (CLDR) knows; write its code, "
            "e.g. fr, or fa_AF for Dari"
        ) from None
    return value


Code = Annotated[
    str,
    AfterValidator(
        matching(
            _LANGUAGE_TAG,
            "'{value}' is not a language code; write two or three lowercase letters, "
            "e.g. fr (and a region after _ if needed, e.g. fa_AF)",
        )
    ),
    AfterValidator(_check_cldr),
    Shape("language code, e.g. fr"),
]
MaterialCode = Annotated[
    str,
    AfterValidator(
        matching(
            r"[a-z]{2,3}(?:-[A-Za-z]+)?",
            "'{value}' is not a Material UI language; write its code, e.g. fr",
        )
    ),
    Shape("Material language code, e.g. fr"),
]


class LanguageEntry(BaseModel):
    """One language of the site (one line of ``data/languages.yml``)."""

    model_config = ConfigDict(extra="forbid")

    code: Code = Field(description="The language's code (CLDR).", examples=["fr"])
    english_name: PlainText = Field(
        description="The language's name in English.", examples=["French"]
    )
    dir: Literal["ltr", "rtl"] = Field(
        description="Writing direction: ltr (left to right) or rtl (right to left).",
        examples=["ltr"],
    )
    material: MaterialCode = Field(
        description="The Material for MkDocs UI language.", examples=["fr"]
    )
    native_name: PlainText | None = Field(
        None,
        description="The language's own name, only if CLDR does not know it.",
        examples=["Français"],
    )
    default: YamlBool = Field(
        False, description="true for the one language of the site's root.", examples=["true"]
    )

    def language(self) -> Language:
        data = self.model_dump()
        data["native_name"] = self.native_name or native_name(self.code)
        return Language(**data)


def check_languages(
    path: Path = LANGUAGES_FILE,
) -> tuple[tuple[Language, ...] | None, list[ContentError]]:
    """The languages, or every mistake of the file (without looking at other files)."""
    entries, errors = load_list(path, LanguageEntry)
    if entries is None:
        return None, errors
    lines = [line for line, _ in entries]
    seen: dict[str, int] = {}
    for line, entry in entries:
        if entry.code in seen:
            errors.append(
                ContentError(
                    path,
                    line,
                    f"code: '{entry.code}' is listed twice (first on line {seen[entry.code]}); "
                    "keep only one of them",
                )
            )
        seen.setdefault(entry.code, line)
        if entry.native_name is None and not native_name(entry.code):
            errors.append(
                ContentError(
                    path,
                    line,
                    f"native_name: CLDR has no name of '{entry.code}' in the language itself; "
                    "add native_name: with the name its speakers use",
                )
            )
        cldr = Locale.parse(entry.code).text_direction
        if entry.dir != cldr:
            errors.append(
                ContentError(
                    path,
                    line,
                    f"dir: {entry.english_name} is written {cldr} in CLDR, not {entry.dir}; "
                    f"write dir: {cldr}",
                )
            )
    defaults = [index for index, (_, entry) in enumerate(entries) if entry.default]
    if not defaults:
        errors.append(
            ContentError(
                path,
                lines[0],
                "no language has 'default: true'; add it to the language of the site's root "
                "(English: {code: en, ..., default: true})",
            )
        )
    for index in defaults[1:]:
        errors.append(
            ContentError(
                path,
                lines[index],
                f"default: only one language can be the default (line {lines[defaults[0]]} "
                "is already); remove 'default: true' here",
            )
        )
    if errors:
        return None, sorted(errors, key=ContentError.sort_key)
    return tuple(entry.language() for _, entry in entries), []


@cached_by_mtime
def load_languages(path: Path = LANGUAGES_FILE) -> tuple[Language, ...]:
    """The checked languages; :class:`ContentErrors` lists every mistake otherwise."""
    languages, errors = check_languages(path)
    if languages is None:
        raise ContentErrors(errors)
    return languages


def language(code: str) -> Language:
    for lang in load_languages():
        if lang.code == code:
            return lang
    raise KeyError(f"unknown language code {code!r}; known: {codes()}")


def codes() -> list[str]:
    return [lang.code for lang in load_languages()]


def default_language() -> Language:
    return next(lang for lang in load_languages() if lang.default)


def preview_languages(value: str) -> set[str] | None:
    """The languages of a preview, from ``fr,ar`` (None: every language).

    Raises ValueError naming an unknown code.
    """
    wanted = {code.strip() for code in value.replace(" ", ",").split(",") if code.strip()}
    if not wanted:
        return None
    unknown = sorted(wanted - set(codes()))
    if unknown:
        raise ValueError(
            f"unknown language {', '.join(unknown)}; write codes from data/languages.yml, "
            f"e.g. fr,ar (known: {', '.join(codes())})"
        )
    return wanted


def page_path(url: str, code: str) -> str:
    """The language-neutral part of a page URL: 'fr/faq/' -> 'faq/'."""
    prefix = language(code).prefix
    return url[len(prefix) :] if prefix and url.startswith(prefix) else url


def alternate_links(url: str, code: str) -> list[dict[str, str]]:
    """Links to the same page in every language, for the switcher and hreflang.

    Every page exists in every language (untranslated ones fall back to
    English), so the link is the language prefix plus the same path.
    Links are relative to the site root, without a leading slash, so that
    the site works under any base path.
    """
    path = page_path(url, code)
    return [
        {"name": lang.native_name, "lang": lang.code, "link": lang.prefix + path or "./"}
        for lang in load_languages()
    ]


def set_html_dir(html: str, lang: Language) -> str:
    """Give the <html> element the language's direction (Material sets it on <body> only)."""
    return html.replace("<html ", f'<html dir="{lang.dir}" ', 1)
