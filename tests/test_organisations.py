"""Partner organisations are named as the texts of each language name them."""

from __future__ import annotations

from returnsite.organisations import check_organisations, organisation_name


def test_the_shipped_names_follow_the_texts_of_each_language():
    assert organisation_name("IOM", "fr") == "OIM"
    assert organisation_name("IOM", "ru") == "МОМ"
    assert organisation_name("IOM", "nl") == "IOM"  # Dutch texts write IOM
    assert organisation_name("Caritas International", "fr") == "Caritas International"


def test_a_name_for_an_unknown_language_is_reported_with_its_line(tmp_path):
    path = tmp_path / "organisations.yml"
    path.write_text("organisations:\n  IOM:\n    names:\n      fr: OIM\n      xx: IOM\n")
    errors = [str(error).split(": ", 1)[1] for error in check_organisations(path)]
    assert errors == [
        "organisations.IOM.names.xx: 'xx' is not one of the site's languages; use one of: "
        "en, fr, nl, es, sq, sr, uk, ru, ar, fa, ps, zh, mn, am, ti, ff, ln"
    ]
    assert [error.line for error in check_organisations(path)] == [5]
