"""The browser writes amounts exactly as the build does (Babel), in every language.

``tests/js/fixtures/money.json`` holds, per language, the format the build
embeds in the estimator page and what Babel writes for some amounts;
``tests/js/money.test.mjs`` checks that ``docs/assets/estimator/money.js``
writes the same. This test keeps the fixture in step with Babel, and runs the
node test.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from returnsite import ROOT
from returnsite.estimator import format_euros, money_format

FIXTURE = ROOT / "tests" / "js" / "fixtures" / "money.json"
# Languages that browsers' Intl lacks or formats otherwise (ps, ti, ff, ln, sq,
# mn), and some it has.
LANGUAGES = ("ps", "ti", "ff", "ln", "sq", "mn", "en", "fr", "ar", "fa", "nl", "es", "uk")
AMOUNTS = (0, 5, 125, 250, 999, 1000, 1500, 5350, 12345, 123456, 1234567)


def expected() -> dict[str, object]:
    return {
        code: {
            "format": money_format(code),
            "amounts": {str(amount): format_euros(amount, code) for amount in AMOUNTS},
        }
        for code in LANGUAGES
    }


def fixture_text() -> str:
    return json.dumps(expected(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_the_fixture_is_what_babel_writes_today():
    assert FIXTURE.read_text(encoding="utf-8") == fixture_text(), (
        "tests/js/fixtures/money.json is out of date: run "
        "PYTHONPATH=hooks python tests/test_money_format.py"
    )


def test_pashto_and_lingala_amounts_are_not_english_ones():
    assert format_euros(5350, "ps") == "€\xa05.350"
    assert format_euros(5350, "ln") == "5.350\xa0€"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_the_browser_code_writes_what_babel_writes():
    result = subprocess.run(
        ["node", "--test", "tests/js/money.test.mjs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


if __name__ == "__main__":
    FIXTURE.write_text(fixture_text(), encoding="utf-8")


def _embedded_format(site, code: str) -> dict:
    html = (site / code / "estimator" / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="estimator-money-data">')
    text = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(text)


@pytest.mark.parametrize("code", ["ps", "ln", "fr"])
def test_the_estimator_page_carries_babels_format_of_its_language(site, code):
    assert _embedded_format(site, code) == money_format(code)


@pytest.mark.browser
@pytest.mark.parametrize("code", ["ps", "ln"])
def test_the_browser_shows_amounts_as_the_table_of_rules_does(page, site_url, code):
    page.goto(site_url + f"{code}/estimator/", wait_until="networkidle")
    page.locator("#est-status-order").check()
    page.locator("#est-children").fill("2")
    page.locator("#est-visa-unknown").check()
    cell = page.locator("#estimator-table tr[data-item='total_up_to'] td[data-col='visa']")
    shown = cell.text_content().strip()
    amount = int("".join(ch for ch in shown if ch.isdigit()))
    assert amount > 1000  # a number with a group separator
    assert shown == format_euros(amount, code)
