"""The site's languages, declared once in ``data/languages.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from babel import Locale

from returnsite import ROOT

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


@cache
def load_languages(path: Path = LANGUAGES_FILE) -> tuple[Language, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    languages = []
    for entry in entries:
        entry = dict(entry)
        entry.setdefault("native_name", native_name(entry["code"]))
        languages.append(Language(**entry))
    return tuple(languages)


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
