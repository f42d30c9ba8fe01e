"""One Source model for the data files: the title as written, the words around it translated."""

from __future__ import annotations

import datetime as dt

import pytest

from returnsite.desks import check_contact_data
from returnsite.sources import Source, citation
from returnsite.validation import ContentError

FEDASIL_PAGE = Source(
    title="Le programme de retour volontaire", language="fr", publisher="Fedasil", kind="web_page"
)
SLIDES = Source(
    title="Programme de retour volontaire",
    language="fr",
    publisher="Fedasil",
    kind="slides",
    date=dt.date(2017, 8, 9),
)


@pytest.mark.parametrize(
    ("source", "code", "expected"),
    [
        (
            FEDASIL_PAGE,
            "nl",
            'Fedasil, webpagina <cite lang="fr" dir="ltr">Le programme de retour volontaire'
            "</cite>, zonder datum",
        ),
        (
            SLIDES,
            "fr",
            'Fedasil, présentation (diapositives) <cite lang="fr" dir="ltr">Programme de '
            "retour volontaire</cite>, 9 août 2017",
        ),
        (
            Source(title="www.voluntaryreturn.be", publisher="Fedasil", kind="website"),
            "fr",
            'Fedasil, site web <cite dir="ltr" translate="no">www.voluntaryreturn.be</cite>, '
            "sans date",
        ),
    ],
    ids=["undated-web-page-in-dutch", "dated-slides-in-french", "web-address-has-no-language"],
)
def test_a_source_is_cited_in_the_readers_language(source, code, expected):
    assert str(citation(source, code)) == expected


def test_the_title_is_text_not_markup():
    source = Source(title="A & B", language="fr", publisher="X & Y", kind="report")
    assert str(citation(source, "en")) == (
        'X &amp; Y, report <cite lang="fr" dir="ltr">A &amp; B</cite>, undated'
    )


def test_a_source_needs_the_language_of_its_title_and_a_known_kind(tmp_path):
    contact = tmp_path / "contact.yml"
    contact.write_text(
        "phone:\n"
        '  national: "0800 327 45"\n'
        '  international: "+32 800 32 745"\n'
        "  free_from: Belgian phones\n"
        "  source: {title: Le programme de retour volontaire, publisher: Fedasil, "
        "kind: web_page}\n"
        "orders:\n"
        "  email: name@fedasil.be\n"
        "  source: {title: Folder, language: french, publisher: Fedasil, kind: flyer}\n",
        encoding="utf-8",
    )
    desks = tmp_path / "desks.yml"
    desks.write_text(
        "desks:\n  ghent:\n    city: Ghent\n"
        "    source: {title: Le programme de retour volontaire, language: fr, "
        "publisher: Fedasil, kind: web_page}\n",
        encoding="utf-8",
    )
    _, errors = check_contact_data(contact, desks)
    assert [error.message for error in errors] == [
        "phone.source: missing: the language of the title; add 'language:' with its "
        "code, e.g. language: fr",
        "orders.source.language: 'french' is not a language code; write the code of the "
        "language the title is written in, e.g. fr for French, nl for Dutch, en for English",
        "orders.source.kind: 'flyer' is not allowed; write one of: 'web_page', 'website', "
        "'slides', 'leaflet', 'report', 'regulation' or 'document'",
    ]
    assert all(isinstance(error, ContentError) for error in errors)
