"""vCards: escaping, folding, CRLF, and cards that a vCard parser reads back."""

from __future__ import annotations

import pytest
import vobject

from returnsite import ROOT
from returnsite.contact_pages import desk_vcard, phone_vcard
from returnsite.desks import load_contact_data
from returnsite.vcard import Card, PostalAddress, escape, fold, vcard

FIXTURES = ROOT / "tests" / "fixtures" / "desks"

TRICKY = "Retour; volontaire, ligne\\gratuite\nà Bruxelles"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
        ("plain", "plain"),
    ],
    ids=["comma", "semicolon", "backslash", "newline", "crlf", "plain"],
)
def test_escape(text, escaped):
    assert escape(text) == escaped


def test_fold_keeps_lines_within_75_octets_without_cutting_a_character():
    line = "NOTE:" + "الخط المجاني " * 20
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


def test_fold_never_cuts_an_escape_in_two():
    line = "NOTE:" + "ab\\," * 40
    for piece in fold(line).split("\r\n"):
        assert not piece.endswith("\\") or piece.endswith("\\\\")


def test_short_lines_are_not_folded():
    assert fold("FN:Fedasil") == "FN:Fedasil"


def _card() -> Card:
    return Card(
        full_name=TRICKY,
        phones=("+32 2 123 45 67",),
        emails=("desk@example.org",),
        address=PostalAddress("Rue de l'Exemple 1, boîte 2", "1000", "Bruxelles", "Belgique"),
        geo=(50.85, 4.35),
        url="https://example.org/fr/desks/brussels/",
        note="Lundi – vendredi: 09:00 – 12:30; " * 4,
        language="fr",
    )


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_every_line_ends_with_crlf(version):
    text = vcard(_card(), version)
    assert text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_a_parser_reads_back_every_value(version):
    card = vobject.readOne(vcard(_card(), version))
    assert card.version.value == version
    assert card.fn.value == TRICKY
    assert card.org.value == [TRICKY]
    assert card.email.value == "desk@example.org"
    assert card.adr.value.street == "Rue de l'Exemple 1, boîte 2"
    assert (card.adr.value.city, card.adr.value.code) == ("Bruxelles", "1000")
    assert card.adr.value.country == "Belgique"
    assert card.note.value == "Lundi – vendredi: 09:00 – 12:30; " * 4
    assert card.url.value == "https://example.org/fr/desks/brussels/"


@pytest.mark.parametrize(
    ("version", "tel", "geo"),
    [("3.0", "+32 2 123 45 67", "50.85;4.35"), ("4.0", "tel:+3221234567", "geo:50.85,4.35")],
)
def test_phone_and_geo_in_the_form_of_each_version(version, tel, geo):
    card = vobject.readOne(vcard(_card(), version))
    assert card.tel.value == tel
    assert card.geo.value == geo


def test_version_4_says_the_card_is_an_organisation_and_its_language():
    text = vcard(_card(), "4.0")
    assert "\r\nKIND:org\r\n" in text
    assert "\r\nFN;LANGUAGE=fr:" in text


def test_the_free_line_card_from_the_data():
    phone = load_contact_data().phone
    card = vobject.readOne(phone_vcard(phone, "en", "https://example.org/contact/"))
    assert card.fn.value == "Voluntary return: free phone line"
    assert card.tel.value == "+32 800 32 745"
    assert card.url.value == "https://example.org/contact/"
    assert card.note.value.splitlines() == [
        "The call is free from Belgian phones.",
        "When the line answers (Brussels time):",
        "Every day: 9:00\u202fAM\u2009–\u200912:30\u202fPM and 1:30\u2009–\u20094:00\u202fPM",
    ]


def test_a_desk_without_its_own_number_dials_nothing_named_for_it():
    """A card named for a desk never dials the free line: the line has its own card."""
    data = load_contact_data(FIXTURES / "contact.yml", FIXTURES / "address_only.yml")
    card = vobject.readOne(desk_vcard(data.desks["testville"], data.phone, "en"))
    assert card.fn.value == "Fedasil: Return desk in Testville"
    assert "tel" not in card.contents
    assert card.adr.value.street == "Example street 1"
    assert "note" not in card.contents


def test_a_desk_with_every_field():
    data = load_contact_data(FIXTURES / "contact.yml", FIXTURES / "full.yml")
    card = vobject.readOne(desk_vcard(data.desks["testville"], data.phone, "fr"))
    assert card.tel.value == "+32 2 123 45 67"
    assert card.email.value == "desk@example.org"
    assert card.adr.value.street == "Example street 1, box 2"
    assert (card.adr.value.city, card.adr.value.country) == ("Testville-Centre", "Belgique")
    assert card.geo.value == "50.85;4.35"
    assert card.note.value.splitlines()[1] == (
        "Lundi\u2009–\u2009vendredi: 09:00\u2009–\u200912:30 et 13:30\u2009–\u200916:00"
    )
