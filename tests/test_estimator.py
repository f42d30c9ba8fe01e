"""The support estimator: rules file, JSON for the browser, table of rules, hook, page."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
from io import BytesIO
from types import SimpleNamespace

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import NullTranslations, Translations
from mkdocs.exceptions import PluginError

from returnsite import ROOT, estimator, sources
from returnsite.estimator import (
    RULES_FILE,
    EstimatorRules,
    format_euros,
    load_rules,
    page_context,
    rules_json,
    rules_rows,
    rules_table,
)
from returnsite.i18n import translations

FIXTURES = ROOT / "tests" / "fixtures" / "estimator"


@pytest.fixture
def english_labels(monkeypatch):
    """Labels in English whatever the language: the tests look at numbers and dates."""
    monkeypatch.setattr(estimator, "translations", lambda code: NullTranslations())
    monkeypatch.setattr(sources, "translations", lambda code: NullTranslations())


@pytest.fixture(scope="module")
def rules() -> EstimatorRules:
    rules, errors = load_rules(RULES_FILE)
    assert errors == []
    return rules


def _load_hook():
    spec = importlib.util.spec_from_file_location(
        "estimator_hook", ROOT / "hooks" / "estimator_hook.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- The rules file ------------------------------------------------------------


def test_rules_file_holds_the_amounts_of_the_sources(rules):
    # Programme slides of 09/08/2017 (shared/sources/001_*.txt), as listed in issue 5.
    assert rules.applies_from == dt.date(2017, 8, 9)
    assert (rules.departure_premium.per_adult, rules.departure_premium.per_child) == (250, 125)
    assert (rules.reintegration.per_adult, rules.reintegration.per_child) == (700, 350)
    assert rules.reintegration.statuses == ["asylum_procedure", "order_to_leave_30d", "rejected"]
    assert rules.reintegration.within_months == 12
    assert rules.business_support.per_file == 1500
    assert rules.business_support.statuses == ["asylum_procedure", "order_to_leave_30d"]
    vulnerability = rules.vulnerability
    assert (
        vulnerability.vulnerable_person_up_to,
        vulnerability.family_with_children_up_to,
        vulnerability.exceptional_situation_up_to,
    ) == (500, 500, 1000)


def test_every_source_is_a_shared_document(rules):
    assert {source.file for source in rules.sources.values()} == {
        "001_e7131cb96c650248.txt",
        "000_d9e60ddcf7aa1fe6.txt",
    }
    assert rules.sources["slides_2017"].date == dt.date(2017, 8, 9)
    assert rules.sources["reintegration_page"].date is None  # the page shows no date


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param(
            "broken.yml",
            [
                (
                    2,
                    "applies_from: '09/08/2017' is not a date; "
                    "write it as YYYY-MM-DD, e.g. 2024-03-15",
                ),
                (
                    7,
                    "sources.slides_2017.date: 2099-01-01 is in the future; "
                    "write a date that has passed",
                ),
                (
                    11,
                    "departure_premium.per_adult: expected a whole number like 250, got '250 EUR'",
                ),
                (
                    17,
                    "reintegration.per_child: -350 is negative; "
                    "write an amount of 0 or more euros, e.g. 250",
                ),
                (
                    18,
                    "reintegration.statuses: 'refused' is not allowed; write one of: "
                    "'asylum_procedure', 'order_to_leave_30d', 'rejected' or 'never_applied'",
                ),
                (
                    25,
                    "vulnerability.exceptional_situation_up_to: missing; "
                    "add it, e.g. 'exceptional_situation_up_to: 250'",
                ),
                (
                    27,
                    "vulnerability: unknown field 'family_with_child_up_to'; "
                    "did you mean 'family_with_children_up_to'?",
                ),
            ],
            id="wrong-values-in-fields",
        ),
        pytest.param(
            "bad_references.yml",
            [
                (
                    14,
                    "departure_premium.sources: 'slides' is not under 'sources:'; "
                    "write one of: slides_2017, or add it under 'sources:'",
                ),
                (
                    25,
                    "business_support.statuses: 'order_to_leave_30d' can never get business "
                    "support, which only comes on top of reintegration support; "
                    "remove it here or add it to reintegration.statuses",
                ),
                (
                    31,
                    "vulnerability.sources: 'web_page' is not under 'sources:'; "
                    "write one of: slides_2017, or add it under 'sources:'",
                ),
            ],
            id="fields-that-disagree",
        ),
    ],
)
def test_broken_rules_file_lists_every_error_with_its_line(fixture, expected):
    rules, errors = load_rules(FIXTURES / fixture)
    assert rules is None
    assert [str(error) for error in errors] == [
        f"tests/fixtures/estimator/{fixture}:{line}: {message}" for line, message in expected
    ]


# --- JSON for the browser ---------------------------------------------------------


def test_rules_json_round_trip(rules):
    text = rules_json(rules)
    assert EstimatorRules.model_validate(json.loads(text)) == rules
    assert json.loads(text)["departure_premium"] == {
        "per_adult": 250,
        "per_child": 125,
        "decided_case_by_case": True,
        "sources": ["slides_2017"],
    }


def test_rules_json_is_safe_inside_a_script_element(rules):
    source = rules.sources["slides_2017"].model_copy(update={"title": "</script><b>&"})
    tricky = rules.model_copy(update={"sources": {**rules.sources, "slides_2017": source}})
    text = rules_json(tricky)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["sources"]["slides_2017"]["title"] == "</script><b>&"


# --- The table of rules -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "amounts"),
    [
        ("en", {250: "€250", 1000: "€1,000", 1500: "€1,500"}),
        ("fr", {250: "250\u00a0€", 1000: "1\u202f000\u00a0€", 1500: "1\u202f500\u00a0€"}),
        ("ar", {250: "\u200f250\u00a0€", 1000: "\u200f1,000\u00a0€", 1500: "\u200f1,500\u00a0€"}),
    ],
    ids=["en", "fr", "ar"],
)
def test_whole_euros_in_the_language_format(code, amounts):
    assert {amount: format_euros(amount, code) for amount in amounts} == amounts


@pytest.mark.parametrize(
    ("code", "caption", "premium", "exceptional"),
    [
        (
            "en",
            "amounts from August 9, 2017",
            "up to €250 per adult, €125 per child",
            "up to €1,000",
        ),
        (
            "fr",
            "amounts from 9 août 2017",
            "up to 250\u00a0€ per adult, 125\u00a0€ per child",
            "up to 1\u202f000\u00a0€",
        ),
        (
            "ar",
            "amounts from 9 أغسطس 2017",
            "up to \u200f250\u00a0€ per adult, \u200f125\u00a0€ per child",
            "up to \u200f1,000\u00a0€",
        ),
    ],
    ids=["en", "fr", "ar"],
)
def test_rules_table_in_the_reader_language(
    rules, english_labels, code, caption, premium, exceptional
):
    html = rules_table(rules, code)
    assert f"<caption>Support of the programme, {caption}</caption>" in html
    assert f'<td data-label="Amount">{premium}</td>' in html
    assert f'<td data-label="Amount">{exceptional}</td>' in html
    assert html.count('<th scope="row">') == 7


def test_rules_table_says_who_gets_reintegration_support_and_how(rules):
    row = rules_rows(rules, "en")[2]
    assert row.support == "Reintegration support"
    assert row.amount == "€700 per adult, €350 per child"
    assert row.who == (
        "People whose nationality needs a visa for Belgium and who asked for protection (asylum) "
        "and are still waiting for the answer, got an order to leave the territory less than "
        "30 days ago, or were refused protection more than 30 days ago"
    )
    assert row.note == (
        "Not cash: the local partner pays for what you need, within 12 months after your return."
    )


def test_rules_table_follows_the_rules_file(rules):
    changed = rules.model_copy(
        update={"business_support": rules.business_support.model_copy(update={"per_file": 2000})}
    )
    assert "€2,000 per file" in rules_table(changed, "en")
    assert "€1,500 per file" not in rules_table(changed, "en")


def test_rules_table_cites_sources_with_their_dates(rules, english_labels):
    html = rules_table(rules, "fr")
    assert (
        '<p class="estimator-sources">Sources: Fedasil, presentation slides <cite lang="fr" '
        'dir="ltr">Programme de retour volontaire</cite>, 9 août 2017; Fedasil, web page '
        '<cite lang="fr" dir="ltr">Aide à la réintégration</cite>, undated.</p>'
    ) in html


def test_rules_table_labels_come_from_the_language_catalog(rules, monkeypatch):
    catalog = Catalog(locale="fr")
    catalog.add("Departure premium", "Prime de départ")
    catalog.add(
        "up to %(adult)s per adult, %(child)s per child",
        "jusqu'à %(adult)s par adulte, %(child)s par enfant",
    )
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    french = Translations(compiled)
    monkeypatch.setattr(estimator, "translations", lambda code: french)
    html = rules_table(rules, "fr")
    assert '<th scope="row">Prime de départ</th>' in html
    assert "jusqu&#39;à 250\u00a0€ par adulte, 125\u00a0€ par enfant" in html


def test_page_context_for_the_template(rules):
    context = page_context(rules, "ar")
    assert context["applies_from"] == "9 أغسطس 2017"
    assert context["applies_from_iso"] == "2017-08-09"
    assert context["within_months"] == 12
    assert json.loads(str(context["rules_json"])) == json.loads(rules_json(rules))


# --- The mkdocs hook ------------------------------------------------------------------


def test_hook_stops_the_build_with_every_error(monkeypatch):
    hook = _load_hook()
    monkeypatch.setattr(hook, "RULES_FILE", FIXTURES / "bad_references.yml")
    with pytest.raises(PluginError) as raised:
        hook.on_config(SimpleNamespace())
    lines = str(raised.value).splitlines()
    assert lines[0] == "data/estimator.yml has errors:"
    assert [line.split(":")[1] for line in lines[1:]] == ["14", "25", "31"]


def test_hook_writes_rules_json_and_feeds_the_template(tmp_path, rules, english_labels):
    hook = _load_hook()
    hook.on_config(SimpleNamespace())
    config = SimpleNamespace(site_dir=str(tmp_path), theme={"language": "fr"})
    hook.on_post_build(config)
    written = tmp_path / "assets" / "estimator" / "rules.json"
    assert json.loads(written.read_text(encoding="utf-8")) == rules.model_dump(mode="json")

    page = SimpleNamespace(meta={"template": "estimator.html"})
    context = hook.on_page_context({}, page, config, nav=None)
    assert "1\u202f500\u00a0€ per file" in context["estimator"]["rules_table"]
    other = hook.on_page_context({}, SimpleNamespace(meta={}), config, nav=None)
    assert "estimator" not in other


# --- The built site ----------------------------------------------------------------------


def test_site_has_rules_json_and_the_modules(site, rules):
    folder = site / "assets" / "estimator"
    assert json.loads((folder / "rules.json").read_text(encoding="utf-8")) == json.loads(
        rules_json(rules)
    )
    assert (folder / "estimator.js").is_file()
    assert (folder / "estimator-ui.js").is_file()


@pytest.mark.parametrize(
    ("code", "amount"),
    [("en", "€1,500"), ("fr", "1\u202f500\u00a0€"), ("ar", "\u200f1,500\u00a0€")],
    ids=["en", "fr", "ar"],
)
def test_estimator_page_embeds_rules_and_table(site, rules, code, amount):
    prefix = "" if code == "en" else f"{code}/"
    html = (site / prefix / "estimator" / "index.html").read_text(encoding="utf-8")
    amount = translations(code).gettext("%(amount)s per file") % {"amount": amount}
    assert (
        f'<script type="application/json" id="estimator-rules-data">{rules_json(rules)}</script>'
        in html
    )
    assert amount in html
    assert 'aria-live="polite"' in html
    assert "0800 327 45" in html


# --- In the browser --------------------------------------------------------------------------


def _requests_after_load(page) -> list[str]:
    made: list[str] = []
    page.on("request", lambda request: made.append(request.url))
    return made


def _amounts(page, column: str) -> dict[str, str]:
    """Amounts shown in one column of the estimate, by item."""
    rows = page.locator("#estimator-table tr[data-item]")
    return {
        row.get_attribute("data-item"): row.locator(f"td[data-col='{column}']").text_content()
        for row in rows.all()
    }


@pytest.mark.browser
def test_english_estimate_for_a_family(page, site_url):
    page.goto(site_url + "estimator/", wait_until="networkidle")
    requests = _requests_after_load(page)
    page.get_by_label("Yes, and I am still waiting for the answer").check()
    page.get_by_label("Adults, you included").fill("2")
    page.get_by_label("Children (under 18)").fill("2")
    page.get_by_label("Yes, a visa is needed").check()
    page.locator("#est-business").check()
    assert _amounts(page, "one") == {
        "travel": "Free",
        "departure_premium": "up to €750",
        "reintegration": "€2,100",
        "business_support": "€1,500",
        "vulnerability_up_to": "up to €500",
        "total_up_to": "€4,850",
    }
    assert page.locator("#estimator-summary").text_content() == "Estimate: €4,850 in total at most."
    assert page.locator("#estimator-table th[data-col='visa']").is_hidden()
    assert requests == []


@pytest.mark.browser
def test_arabic_estimate_shows_both_outcomes_when_the_visa_is_unknown(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "ar/estimator/", wait_until="networkidle")
    requests = _requests_after_load(page)
    page.locator("#est-status-order").check()
    page.locator("#est-children").fill("1")
    page.locator("#est-visa-unknown").check()
    assert _amounts(page, "visa")["total_up_to"] == "\u200f1,925\u00a0€"  # 375 + 1,050 + 500
    assert _amounts(page, "novisa")["total_up_to"] == "\u200f875\u00a0€"  # 375 + 500
    assert page.locator("#estimator-table td[data-col='one']").first.is_hidden()
    # Nothing in the page's content sticks out of the 320 px screen, on either side.
    left, right = page.evaluate(
        """() => {
            const boxes = [...document.querySelectorAll('.md-content *')]
                .map((element) => element.getBoundingClientRect())
                .filter((box) => box.width > 0);
            return [Math.min(...boxes.map((b) => b.left)), Math.max(...boxes.map((b) => b.right))];
        }"""
    )
    assert left >= 0 and right <= 320
    assert requests == []


@pytest.mark.browser
def test_wrong_count_is_shown_next_to_the_field(page, site_url):
    page.goto(site_url + "estimator/")
    page.locator("#est-status-never").check()
    page.locator("#est-adults").fill("0")
    assert page.locator("#est-adults").get_attribute("aria-invalid") == "true"
    assert page.locator("#est-adults-error").is_visible()
    assert page.locator("#estimator-table").is_hidden()


@pytest.mark.browser
def test_printed_estimate_fits_one_a4_page_with_answers_and_date(page, site_url, tmp_path):
    page.goto(site_url + "estimator/")
    page.locator("#est-status-rejected").check()
    page.locator("#est-children").fill("3")
    page.locator("#est-visa-yes").check()
    page.locator("#est-vulnerable").check()
    made_on = page.locator("#estimator-date").text_content()
    pdf = tmp_path / "estimate.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.rstrip("\f").count("\f") == 0, "more than one page"
    assert made_on in text
    assert "Adults, you included: 1; Children (under 18): 3" in text
    assert "€3,375" in text  # 625 + 1,750 + 500 + 500
    assert "Tick what is true" not in text  # the form itself is not printed


@pytest.mark.browser
def test_without_javascript_the_rules_table_is_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "estimator/")
    assert page.locator("table.estimator-rules").is_visible()
    assert page.locator("#estimator-form").is_hidden()
    assert page.locator(".estimator-nojs").is_visible()
    context.close()
