"""`./run serve fr`: a preview of some languages, without the slow steps."""

from __future__ import annotations

import pytest
from conftest import build_site

from returnsite.languages import preview_languages


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("", None, id="all"),
        pytest.param("fr", {"fr"}, id="one"),
        pytest.param("fr,ar", {"fr", "ar"}, id="two"),
        pytest.param(" fr, ps ", {"fr", "ps"}, id="spaces"),
    ],
)
def test_preview_languages(value, expected):
    assert preview_languages(value) == expected


def test_an_unknown_preview_language_is_named():
    with pytest.raises(ValueError, match="unknown language de, xx; write codes from"):
        preview_languages("fr,de,xx")


def test_a_preview_builds_english_and_the_languages_asked_for_only(tmp_path):
    site = tmp_path / "site"
    env = {"PREVIEW_LANGUAGES": "fr", "SEARCH_INDEX": "false", "BROCHURE_PDFS": "off"}
    result = build_site(site, env=env)
    assert result.returncode == 0, result.stderr
    assert "preview of en, fr only" in result.stderr
    assert (site / "fr" / "faq" / "index.html").is_file()
    assert (site / "faq" / "index.html").is_file()
    assert not (site / "ar").exists() and not (site / "pagefind").exists()
    assert not list(site.rglob("*.pdf"))


def test_a_mistake_in_the_preview_languages_stops_the_build(tmp_path):
    result = build_site(tmp_path / "site", env={"PREVIEW_LANGUAGES": "french"})
    assert result.returncode == 1
    assert "PREVIEW_LANGUAGES: unknown language french" in result.stderr
