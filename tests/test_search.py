"""The per-language Pagefind indexes, started while the next language builds."""

from __future__ import annotations

import json

import pytest

from returnsite.search import Indexes, bundle_dir, language_glob, last_built

PAGE = '<html lang="{lang}"><body><main data-pagefind-body><h1>{title}</h1></main></body></html>'


@pytest.mark.parametrize(
    ("pages", "glob"),
    [
        pytest.param(
            ["index.html", "faq/index.html", "countries/ma/index.html", "countries/index.html"],
            "{countries/**/*.html,faq/**/*.html,index.html}",
            id="default-language-at-the-root",
        ),
        pytest.param(["fr/index.html", "fr/faq/index.html"], "fr/**/*.html", id="one-folder"),
    ],
)
def test_the_glob_matches_the_pages_of_one_build_only(pages, glob):
    assert language_glob(pages) == glob


def test_there_is_no_glob_without_pages():
    with pytest.raises(ValueError, match="no HTML page to index"):
        language_glob([])


def test_each_language_gets_its_own_bundle_of_its_pages_only(tmp_path):
    for path, lang, title in [
        ("index.html", "en", "Home"),
        ("faq/index.html", "en", "Questions"),
        ("fr/index.html", "fr", "Accueil"),
    ]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(PAGE.format(lang=lang, title=title), encoding="utf-8")
    indexes = Indexes()
    indexes.start(tmp_path, "en", ["index.html", "faq/index.html"])
    indexes.start(tmp_path, "fr", ["fr/index.html"])
    assert indexes.finish() == ["en", "fr"]
    counts = {}
    for code in ("en", "fr"):
        entry = json.loads((tmp_path / bundle_dir(code) / "pagefind-entry.json").read_text())
        counts[code] = {lang: data["page_count"] for lang, data in entry["languages"].items()}
    assert counts == {"en": {"en": 2}, "fr": {"fr": 1}}
    bundle = tmp_path / bundle_dir("fr")
    assert (bundle / "pagefind.js").is_file()
    assert not (bundle / "pagefind-ui.js").exists()  # Pagefind's interfaces are not used


def test_a_failed_index_stops_the_build_with_pagefinds_words(tmp_path):
    indexes = Indexes()
    indexes.start(tmp_path / "no-such-site", "en", ["index.html"])
    with pytest.raises(RuntimeError, match="Pagefind failed:\nen: "):
        indexes.finish()


def test_the_last_language_built_is_the_last_other_than_the_default():
    assert last_built(["en", "fr", "ar"], "en") == "ar"
    assert last_built(["fr", "en"], "en") == "fr"
    assert last_built(["en"], "en") == "en"
