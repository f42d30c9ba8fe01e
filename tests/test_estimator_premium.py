"""The departure premium: decided by the return counsellor (data/estimator.yml), so
every place that shows it says "up to", with that reason (issue 14, item 1)."""

from __future__ import annotations

from returnsite.estimator import load_rules, rules_rows


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


def test_no_language_shows_the_premium_as_certain():
    for code in ("fr", "nl", "ar", "fa"):
        row = rules_rows(_rules(), code)[1]
        assert row.amount != rules_rows(_rules(), "en")[1].amount or code == "en"
        assert row.who != rules_rows(_rules(), code)[0].who  # not travel's "everyone"
