"""Which desks have a page of their own, and the newsletter's channel in data/contact.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from returnsite import ROOT
from returnsite.desks import check_contact_data, desk_pages, load_contact_data

FIXTURES = ROOT / "tests" / "fixtures" / "desks"
CONTACT = FIXTURES / "contact.yml"


@pytest.mark.parametrize(
    ("desks_file", "pages"),
    [
        pytest.param(ROOT / "data" / "desks.yml", set(), id="shipped-data-cities-only"),
        pytest.param(FIXTURES / "minimal.yml", set(), id="city-only"),
        pytest.param(FIXTURES / "address_only.yml", {"testville"}, id="with-address"),
        pytest.param(FIXTURES / "full.yml", {"testville"}, id="every-field"),
        pytest.param(FIXTURES / "many_mistakes.yml", set(), id="mistakes"),
        pytest.param(FIXTURES / "no-such-file.yml", set(), id="missing-file"),
    ],
)
def test_a_desk_has_a_page_once_its_address_is_known(desks_file: Path, pages: set[str]) -> None:
    assert desk_pages(desks_file) == pages


def test_the_same_rule_for_the_loaded_data() -> None:
    data = load_contact_data(CONTACT, FIXTURES / "address_only.yml")
    assert {slug for slug, desk in data.desks.items() if desk.has_page} == {"testville"}


def _newsletter_errors(tmp_path: Path, newsletter: str) -> list[str]:
    contact = tmp_path / "contact.yml"
    contact.write_text(CONTACT.read_text(encoding="utf-8") + newsletter, encoding="utf-8")
    _, errors = check_contact_data(contact, FIXTURES / "minimal.yml")
    return [e.message for e in errors]


def test_a_newsletter_needs_a_way_to_subscribe(tmp_path: Path) -> None:
    assert _newsletter_errors(
        tmp_path,
        "newsletter:\n  source: {title: T, language: en, publisher: T, kind: document}\n",
    ) == [
        "newsletter: no way to subscribe is given; add 'email:' or 'form:', or remove 'newsletter:'"
    ]


def test_a_newsletter_form_must_be_the_programmes_own(tmp_path: Path) -> None:
    text = (
        "newsletter:\n  form: https://forms.example.com/news\n"
        "  source: {title: T, language: en, publisher: T, kind: document}\n"
    )
    assert _newsletter_errors(tmp_path, text) == [
        "newsletter.form: 'https://forms.example.com/news' is not on the programme's own web "
        "site; give the address of the programme's form (on fedasil.be or voluntaryreturn.be), "
        "or an e-mail address instead, never a form service of another company"
    ]


def test_a_declared_newsletter_is_read(tmp_path: Path) -> None:
    contact = tmp_path / "contact.yml"
    contact.write_text(
        CONTACT.read_text(encoding="utf-8") + "newsletter:\n  email: news@fedasil.be\n"
        "  source: {title: T, language: en, publisher: T, kind: document}\n",
        encoding="utf-8",
    )
    data = load_contact_data(contact, FIXTURES / "minimal.yml")
    assert data.newsletter is not None and data.newsletter.email == "news@fedasil.be"
