import pytest
import yaml

from returnsite import ROOT
from returnsite.languages import (
    alternate_links,
    codes,
    language,
    load_languages,
    page_path,
    set_html_dir,
)

EXPECTED_CODES = [
    "en",
    "fr",
    "nl",
    "es",
    "sq",
    "sr",
    "uk",
    "ru",
    "ar",
    "fa",
    "ps",
    "zh",
    "mn",
    "am",
    "ti",
    "ff",
    "ln",
]


def _mkdocs_languages() -> list[dict]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use mkdocs' own tags (!ENV, !relative): read them as plain values.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    (i18n,) = [p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    return i18n["languages"]


def test_the_seventeen_languages_of_the_programme():
    assert codes() == EXPECTED_CODES


def test_mkdocs_yml_declares_the_same_languages_as_data_languages_yml():
    expected = [
        {"locale": lang.code, "name": lang.native_name, "build": True}
        | ({"default": True} if lang.default else {})
        for lang in load_languages()
    ]
    assert _mkdocs_languages() == expected, (
        "mkdocs.yml plugins.i18n.languages is out of step with data/languages.yml"
    )


@pytest.mark.parametrize("lang", load_languages(), ids=lambda lang: lang.code)
def test_direction_agrees_with_cldr(lang):
    assert lang.dir == lang.locale.text_direction


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "English"),
        ("fr", "Français"),
        ("ar", "العربية"),
        ("fa", "فارسی"),
        ("ps", "پښتو"),
        ("zh", "中文"),
        ("am", "አማርኛ"),
        ("ti", "ትግርኛ"),
        ("ff", "Pulaar"),
        ("ln", "Lingála"),
    ],
)
def test_native_names_come_from_cldr(code, name):
    assert language(code).native_name == name


def test_right_to_left_languages():
    assert [lang.code for lang in load_languages() if lang.dir == "rtl"] == ["ar", "fa", "ps"]


@pytest.mark.parametrize(
    ("url", "code", "path"),
    [("fr/faq/", "fr", "faq/"), ("faq/", "en", "faq/"), ("ar/", "ar", ""), ("", "en", "")],
)
def test_page_path_strips_the_language_prefix(url, code, path):
    assert page_path(url, code) == path


def test_alternate_links_keep_the_reader_on_the_same_page():
    links = {link["lang"]: link["link"] for link in alternate_links("fr/countries/iq/", "fr")}
    assert links["en"] == "countries/iq/"
    assert links["ar"] == "ar/countries/iq/"
    assert len(links) == 17


def test_alternate_link_to_the_english_home_page_is_not_empty():
    links = {link["lang"]: link["link"] for link in alternate_links("ps/", "ps")}
    assert links["en"] == "./"
    assert links["ps"] == "ps/"


def test_set_html_dir():
    html = '<!doctype html><html lang="ar" class="no-js"><body dir="rtl">'
    assert set_html_dir(html, language("ar")).startswith(
        '<!doctype html><html dir="rtl" lang="ar" class="no-js">'
    )
