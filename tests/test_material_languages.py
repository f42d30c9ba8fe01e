"""Material's UI language partials: every site language has one, with the right keys.

Material ships no UI translation for some of the site's languages;
``overrides/partials/languages/`` provides them. A partial is a Jinja macro
around a dict literal (see Material's ``partials/languages/en.html``); these
tests read that literal with ``ast`` and also render it through Jinja.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2
import material
import pytest

from returnsite import ROOT
from returnsite.languages import Language, load_languages

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
OVERRIDE_LANGUAGES = ROOT / "overrides" / "partials" / "languages"
OVERRIDES = sorted(OVERRIDE_LANGUAGES.glob("*.html"))

# Keys whose value is a setting, not text a reader sees.
SETTINGS = {
    "language",
    "direction",
    "search.config.lang",
    "search.config.pipeline",
    "search.config.separator",
}

_DICT_LITERAL = re.compile(r"\{\{\s*(\{.*\})\s*\[key\]\s*\}\}", re.DOTALL)


def strings(path: Path) -> dict[str, str]:
    """The key -> text dict of a language partial; duplicate keys are an error."""
    match = _DICT_LITERAL.search(path.read_text(encoding="utf-8"))
    assert match, f"{path}: no '{{{{ {{ ... }}[key] }}}}' dict literal as in Material's en.html"
    node = ast.parse(match.group(1), mode="eval").body
    assert isinstance(node, ast.Dict), f"{path}: the literal is not a dict"
    keys = [ast.literal_eval(k) for k in node.keys]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{path}: keys written twice: {duplicates}"
    return dict(zip(keys, (ast.literal_eval(v) for v in node.values), strict=True))


def partial_for(lang: Language) -> Path | None:
    """The partial Material loads for the language: an override wins over Material's own."""
    for folder in (OVERRIDE_LANGUAGES, MATERIAL_LANGUAGES):
        path = folder / f"{lang.material}.html"
        if path.is_file():
            return path
    return None


ENGLISH = strings(MATERIAL_LANGUAGES / "en.html")


@pytest.mark.parametrize("lang", load_languages(), ids=lambda lang: lang.code)
def test_every_site_language_has_a_material_partial(lang: Language):
    assert partial_for(lang), (
        f"data/languages.yml: {lang.code}: Material has no partials/languages/"
        f"{lang.material}.html; write overrides/partials/languages/{lang.material}.html"
    )


@pytest.mark.parametrize("lang", load_languages(), ids=lambda lang: lang.code)
def test_partial_direction_matches_data_languages_yml(lang: Language):
    path = partial_for(lang)
    assert path
    # A partial without "direction" falls back to en.html's "ltr" (partials/language.html).
    direction = strings(path).get("direction", ENGLISH["direction"])
    assert direction == lang.dir, f"{path}: direction is {direction!r}, {lang.code} is {lang.dir!r}"


def test_the_five_languages_material_lacks_are_overridden():
    assert [p.stem for p in OVERRIDES] == ["am", "ff", "ln", "ps", "ti"]


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: p.stem)
def test_override_has_the_same_keys_as_materials_en(path: Path):
    keys = set(strings(path))
    assert sorted(set(ENGLISH) - keys) == [], f"{path}: keys missing"
    assert sorted(keys - set(ENGLISH)) == [], f"{path}: keys Material does not know"


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: p.stem)
def test_override_language_is_its_file_name(path: Path):
    assert strings(path)["language"] == path.stem


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: p.stem)
def test_override_is_translated(path: Path):
    text = strings(path)
    untranslated = sorted(k for k in set(ENGLISH) - SETTINGS if text.get(k) == ENGLISH[k])
    assert untranslated == [], f"{path}: still in English"
    empty = sorted(k for k in set(text) - SETTINGS if not text[k].strip())
    assert empty == [], f"{path}: empty texts"


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: p.stem)
def test_override_counts_keep_the_number_placeholder(path: Path):
    text = strings(path)
    for key in ("readtime.other", "search.result.other", "search.result.more.other"):
        assert "#" in text[key], f"{path}: {key} has no '#' for the number"
    for key in ("readtime.one", "search.result.one", "search.result.more.one"):
        assert "1" in text[key], f"{path}: {key} has no '1'"


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: p.stem)
def test_override_renders_through_jinja_like_material(path: Path):
    # The same Environment settings as mkdocs' Theme.get_env (no autoescape).
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(path.parent), auto_reload=False)
    module = env.get_template(path.name).module
    text = strings(path)
    assert {key: str(module.t(key)) for key in text} == text


@pytest.mark.parametrize(
    ("code", "sample", "words"),
    [
        ("am", "ሰላም፡ለሁሉም። ጤና ይስጥልኝ፣ እንዴት ነህ፧", ["ሰላም", "ለሁሉም", "ጤና", "ይስጥልኝ", "እንዴት", "ነህ"]),
        ("ti", "ሰላም፡ንኹሉ። ከመይ ኣለኹም፧", ["ሰላም", "ንኹሉ", "ከመይ", "ኣለኹም"]),
        ("ps", "سلام، څنګه یاست؟ ښه یم۔", ["سلام", "څنګه", "یاست", "ښه", "یم"]),
        ("ln", "Mbote na bino - boni?", ["Mbote", "na", "bino", "boni?"]),
    ],
)
def test_search_separator_splits_words(code: str, sample: str, words: list[str]):
    separator = strings(OVERRIDE_LANGUAGES / f"{code}.html")["search.config.separator"]
    assert [w for w in re.split(separator, sample) if w] == words
