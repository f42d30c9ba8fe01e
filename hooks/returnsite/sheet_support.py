"""A country sheet's "What support you may get": computed from the sheet's
``visa_for_belgium`` fact and the estimator's rules (``data/estimator.yml``),
never typed by hand, so that no sheet promises support its readers cannot get."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from returnsite import ROOT
from returnsite.content import SheetFacts, country_name
from returnsite.content.loader import SHEETS_DIR
from returnsite.content.sheets import SHEET_FILE
from returnsite.estimator import NEEDS_VISA, EstimatorRules, Row, rules_rows
from returnsite.languages import language
from returnsite.validation import load_model

# The estimator's page, relative to the language root; a sheet links to it with
# its country (``?country=al``), and the estimator answers the visa question.
ESTIMATOR_PAGE = "estimator.md"


@dataclass(frozen=True)
class SupportView:
    visa_required: bool
    rows: tuple[Row, ...]
    estimator_url: str  # relative link from the sheet's page, with ?country=


def support_view(
    facts: SheetFacts, rules: EstimatorRules, code: str, estimator_link: str
) -> SupportView:
    """What the sheet's readers may get, in language *code*: every rule of the
    estimator, without the ones that need a visa when the country needs none."""
    required = facts.visa_for_belgium.required
    rows = tuple(row for row in rules_rows(rules, code) if required or row.key not in NEEDS_VISA)
    return SupportView(required, rows, f"{estimator_link}?country={facts.country}")


def visa_by_country(root: Path = ROOT) -> dict[str, bool]:
    """Whether each country sheet's nationals need a visa for Belgium, by country
    code (sheets with mistakes are left out: the gate reports them)."""
    found = {}
    for path in sorted((root / SHEETS_DIR).glob(f"*/{SHEET_FILE}")):
        facts, _ = load_model(path, SheetFacts)
        if facts is not None:
            found[facts.country] = facts.visa_for_belgium.required
    return found


def countries_json(visa: dict[str, bool], code: str) -> str:
    """The countries for the estimator's page (``?country=al``), named in language
    *code* (CLDR); safe to embed in a <script> element."""
    locale = language(code).locale
    data = {
        country: {"name": country_name(country, locale), "visa_required": required}
        for country, required in visa.items()
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
