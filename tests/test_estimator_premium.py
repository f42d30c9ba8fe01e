"""The departure premium: decided by the return counsellor (data/estimator.yml), so
every place that shows it says "up to", with that reason (issue 14, item 1)."""

from __future__ import annotations

import pytest

from returnsite.estimator import load_rules, rules_rows
from returnsite.languages import codes


def _rules():
    rules, errors = load_rules()
    assert errors == []
    return rules


def test_the_rules_say_the_counsellor_decides_the_premium():
    assert _rules().departure_premium.decided_case_by_case is True


def test_the_table_shows_the_premium_as_up_to_with_the_reason():
    row = rules_rows(_rules(), "en")[1]
    assert row.support == "Departure premium"
    assert row.amount == "up to €250 per adult, €125 per child"
    assert row.who == (
        "Everyone in the programme, decided by the return counsellor according to your situation"
    )


def test_a_premium_for_everyone_would_be_shown_without_up_to():
    rules = _rules()
    premium = rules.departure_premium.model_copy(update={"decided_case_by_case": False})
    row = rules_rows(rules.model_copy(update={"departure_premium": premium}), "en")[1]
    assert (row.amount, row.who) == ("€250 per adult, €125 per child", "Everyone in the programme")


@pytest.mark.parametrize(
    ("code", "amount", "who"),
    [
        (
            "fr",
            "jusqu'à 250\u00a0€ par adulte, 125\u00a0€ par enfant",
            "Tout le monde dans le programme, selon votre situation : le conseiller en retour "
            "décide",
        ),
        (
            "nl",
            "tot €\u00a0250 per volwassene, €\u00a0125 per kind",
            "Iedereen in het programma, de terugkeerbegeleider beslist volgens uw situatie",
        ),
    ],
)
def test_french_and_dutch_say_up_to_with_the_reason(code, amount, who):
    row = rules_rows(_rules(), code)[1]
    assert (row.amount, row.who) == (amount, who)


@pytest.mark.parametrize("code", codes())
def test_every_language_has_the_premiums_up_to_in_its_own_words(code):
    row = rules_rows(_rules(), code)[1]
    english = rules_rows(_rules(), "en")[1]
    if code != "en":
        assert row.who != english.who
        assert not row.amount.startswith("up to ")
