"""The contact data: data/contact.yml and data/desks.yml, and their mistakes."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from returnsite import ROOT, desks
from returnsite.desks import (
    check_contact_data,
    international,
    load_contact_data,
    tel_uri,
)
from returnsite.hours import Interval
from returnsite.i18n import gettext
from returnsite.validation import ContentErrors

FIXTURES = ROOT / "tests" / "fixtures" / "desks"
CONTACT = FIXTURES / "contact.yml"
OPTIONAL = (
    "address",
    "geo",
    "hours",
    "phone",
    "email",
    "accessibility",
    "appointment_needed",
    "public_transport",
)


def errors_of(desks_file, contact_file=CONTACT) -> list[str]:
    data, errors = check_contact_data(contact_file, desks_file)
    assert data is None
    return [str(error) for error in errors]


# --- The shipped data ---------------------------------------------------------


def test_the_five_return_desks_of_the_sources():
    data = load_contact_data()
    assert [desk.city for desk in data.desks.values()] == [
        "Brussels",
        "Ghent",
        "Antwerp",
        "Liège",
        "Charleroi",
    ]
    assert list(data.desks) == ["brussels", "ghent", "antwerp", "liege", "charleroi"]


@pytest.mark.parametrize("slug", ["brussels", "ghent", "antwerp", "liege", "charleroi"])
def test_shipped_desks_invent_nothing_the_sources_do_not_give(slug):
    desk = load_contact_data().desks[slug]
    assert {name: getattr(desk, name) for name in OPTIONAL} == dict.fromkeys(OPTIONAL)
    assert desk.languages == []
    assert (desk.source.publisher, desk.source.title) == (
        "Fedasil",
        "Le programme de retour volontaire",
    )


def test_the_free_line_answers_every_day_with_a_source():
    phone = load_contact_data().phone
    assert phone.international == "+32 800 32 745"
    assert phone.tel_uri == "tel:+3280032745"
    assert phone.opening_hours.week == ((Interval(540, 750), Interval(810, 960)),) * 7
    assert (phone.hours_source.title, phone.hours_source.language) == (
        "www.voluntaryreturn.be",
        None,
    )


def test_no_order_address_is_shipped_until_the_programme_gives_one():
    assert load_contact_data().orders is None


# --- Mistakes -----------------------------------------------------------------

DAY_HINT = (
    "write a day in English (monday, tuesday, wednesday, thursday, friday, saturday, "
    "sunday), a range like 'monday to friday', or 'every day'"
)
TIME_HINT = "write it as HH:MM on the 24-hour clock, from 00:00 to 23:59, e.g. 09:00 or 16:30"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param(
            "bad_hours.yml",
            [
                "tests/fixtures/desks/bad_hours.yml:5: desks.ghent.hours.monday to friday: "
                f"'25:00' is not a time of day; {TIME_HINT}",
                "tests/fixtures/desks/bad_hours.yml:6: desks.ghent.hours.saturday: '25:00' is "
                "not a time range; write the opening and closing time as HH:MM-HH:MM, e.g. "
                "09:00-12:30 (several separated by commas), or 'closed'",
            ],
            id="hours-25-00",
        ),
        pytest.param(
            "unknown_weekday.yml",
            [
                "tests/fixtures/desks/unknown_weekday.yml:6: desks.ghent.hours.thurs day: "
                f"'thurs day' is not a day; did you mean 'thursday'? {DAY_HINT}",
                "tests/fixtures/desks/unknown_weekday.yml:7: desks.ghent.hours.funday: "
                f"'funday' is not a day; did you mean 'sunday'? {DAY_HINT}",
            ],
            id="unknown-weekday",
        ),
    ],
)
def test_a_bad_desk_is_reported_with_path_and_line(fixture, expected):
    assert errors_of(FIXTURES / fixture) == expected


def test_every_mistake_of_a_desks_file_is_reported_at_once():
    path = "tests/fixtures/desks/many_mistakes.yml"
    assert errors_of(FIXTURES / "many_mistakes.yml") == [
        f"{path}:2: desks.Ghent Desk: 'Ghent Desk' cannot be a desk's name in web addresses; "
        "write lowercase letters, digits and - only, e.g. liege",
        f"{path}:5: desks.liege.source: missing; add it, e.g. 'source: {{title: Le programme "
        "de retour volontaire, language: fr, publisher: Fedasil, kind: web_page}'",
        f"{path}:8: desks.liege.names.de: 'de' is not one of the site's languages; use one of: "
        "en, fr, nl, es, sq, sr, uk, ru, ar, fa, ps, zh, mn, am, ti, ff, ln",
        f"{path}:11: desks.liege.address.postcode: '40000' is not a Belgian postcode; "
        "write its four digits, e.g. 1000",
        f"{path}:13: desks.liege.geo.latitude: '5.57' is not a latitude in Belgium; write "
        "degrees as a decimal number between 49.4 and 51.6, e.g. 50.85 (latitude first, "
        "then longitude)",
        f"{path}:14: desks.liege.geo.longitude: '50.63' is not a longitude in Belgium; write "
        "degrees as a decimal number between 2.5 and 6.5, e.g. 4.35 (latitude first, "
        "then longitude)",
        f"{path}:18: desks.liege.hours.friday to monday: 'friday to monday' does not go "
        "forward through the week; write the earlier day first, e.g. 'monday to friday'",
        f"{path}:19: desks.liege.hours.tuesday: '12:30-09:00' closes before it opens; "
        "write the opening time first, e.g. 09:00-12:30",
        f"{path}:20: desks.liege.hours.wednesday: '09:00-12:30' and '12:00-16:00' overlap or "
        "are not in order; write the times of the day from morning to evening, e.g. "
        "09:00-12:30, 13:30-16:00",
        f"{path}:21: desks.liege.phone: '123' is not a Belgian phone number; write it as on a "
        "Belgian phone, e.g. 02 123 45 67, or with +32, e.g. +32 2 123 45 67",
        f"{path}:22: desks.liege.email: 'desk at fedasil.be' is not an e-mail address; "
        "write it like name@fedasil.be",
        f"{path}:23: desks.liege.languages: 'french' is not a language code; write the "
        "language's code as CLDR knows it, e.g. fr for French, nl for Dutch, ar for Arabic, "
        "fa-AF for Dari, ps for Pashto",
        f"{path}:24: desks.liege.accessibility: is empty; write step_free: true or false, "
        "or a note, or remove it",
        f"{path}:25: desks.liege.appointment_needed: expected true or false, got 'yes'",
        f"{path}:26: desks.liege: unknown field 'opening_hours'; write it as 'hours'",
        f"{path}:27: desks.charleroi.city: missing; add it, e.g. 'city: Ghent'",
    ]


def test_mistakes_of_the_contact_file():
    path = "tests/fixtures/desks/contact_mistakes.yml"
    assert errors_of(FIXTURES / "minimal.yml", FIXTURES / "contact_mistakes.yml") == [
        f"{path}:6: phone.hours_source: missing: the hours need a source; add "
        "'hours_source:' with the title, language, publisher and kind of the document they "
        "come from",
        f"{path}:9: orders.form: 'https://forms.example.com/brochures' is not on the "
        "programme's own web site; give the address of the programme's form (on fedasil.be "
        "or voluntaryreturn.be), or an e-mail address instead, never a form service of "
        "another company",
    ]


def test_a_desk_with_every_field_is_read():
    data = load_contact_data(CONTACT, FIXTURES / "full.yml")
    desk = data.desks["testville"]
    assert desk.name_in("fr") == "Villetest"
    assert desk.name_in("ar") == "Testville"
    assert desk.languages == ["fr", "nl", "ar", "fa_AF"]
    assert (desk.geo.latitude, desk.geo.longitude) == (50.85, 4.35)
    assert desk.accessibility.step_free is True
    assert desk.appointment_needed is True
    assert data.orders.email == "brochures@fedasil.be"


@pytest.mark.parametrize(
    ("number", "uri", "dialled_from_abroad"),
    [
        ("02 123 45 67", "tel:+3221234567", "+32 2 123 45 67"),
        ("+32 2 123 45 67", "tel:+3221234567", "+32 2 123 45 67"),
        ("0470 12 34 56", "tel:+32470123456", "+32 470 12 34 56"),
    ],
)
def test_belgian_numbers_become_international(number, uri, dialled_from_abroad):
    assert tel_uri(number) == uri
    assert international(number) == dialled_from_abroad


# --- The build stops on a mistake ---------------------------------------------


def _contact_hook():
    spec = importlib.util.spec_from_file_location(
        "contact_hook", ROOT / "hooks" / "contact_hook.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_fails_with_every_mistake_as_path_and_line(monkeypatch):
    hook = _contact_hook()
    bad = FIXTURES / "bad_hours.yml"
    monkeypatch.setattr(hook, "load_contact_data", lambda: desks.load_contact_data(CONTACT, bad))
    with pytest.raises(PluginError) as raised:
        hook.on_env(SimpleNamespace(globals={}), SimpleNamespace(theme={"language": "en"}), None)
    assert str(raised.value).splitlines() == [
        *errors_of(bad),
        "2 mistake(s) in the contact data; nothing was published",
    ]


def test_the_footer_gets_the_hours_of_the_free_line_in_the_language_built():
    env = SimpleNamespace(globals={})
    _contact_hook().on_env(env, SimpleNamespace(theme={"language": "fr"}), None)
    assert [(line.days, line.times) for line in env.globals["phone_hours"]] == [
        (gettext("fr", "Every day"), "09:00\u2009–\u200912:30 et 13:30\u2009–\u200916:00")
    ]
    assert 'data-days="[&quot;lundi&quot;' in env.globals["phone_status"]


def test_load_contact_data_raises_the_list_of_mistakes():
    with pytest.raises(ContentErrors) as raised:
        load_contact_data(CONTACT, FIXTURES / "unknown_weekday.yml")
    assert [error.line for error in raised.value.errors] == [6, 7]
