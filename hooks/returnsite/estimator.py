"""The support estimator's rules (``data/estimator.yml``): schema, JSON and table.

The same rules drive the browser's estimate (``docs/assets/estimator/estimator.js``
reads them as JSON) and the table of rules that the page shows without JavaScript.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from babel import Locale
from babel.numbers import get_currency_symbol, get_group_symbol, parse_pattern
from jinja2 import Environment
from markupsafe import Markup
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from returnsite import ROOT
from returnsite.data_loading import missing_file
from returnsite.i18n import or_list, translations
from returnsite.sources import Source, citation, format_day
from returnsite.validation import (
    ContentError,
    PastDate,
    Shape,
    YamlBool,
    read_document,
    rule_error,
    validate_document,
)

RULES_FILE = ROOT / "data" / "estimator.yml"
# Where the build writes the rules for the browser, relative to the site folder.
RULES_JSON_PATH = "assets/estimator/rules.json"

Status = Literal["asylum_procedure", "order_to_leave_30d", "rejected", "never_applied"]


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogs; translated when rendered."""
    return message


# Short descriptions of each status, for the "who can get it" column.
STATUS_LABELS: dict[str, str] = {
    "asylum_procedure": N_("asked for protection (asylum) and are still waiting for the answer"),
    "order_to_leave_30d": N_("got an order to leave the territory less than 30 days ago"),
    "rejected": N_("were refused protection more than 30 days ago"),
    "never_applied": N_("never asked for protection"),
}


# --- Schema ------------------------------------------------------------------


def _not_negative(value: int) -> int:
    if value < 0:
        raise rule_error(f"{value} is negative; write an amount of 0 or more euros, e.g. 250")
    return value


def _at_least_one_month(value: int) -> int:
    if value < 1:
        raise rule_error(f"{value} is too short; write a number of months of 1 or more, e.g. 12")
    return value


@dataclass(frozen=True)
class AtMost:
    """The highest value a field takes without ``amount_checked_above_limit: true``."""

    most: int


# Bounds that catch a typing mistake (an extra zero: 25000 for 2500) and leave
# room for the programme to raise its amounts. The sources (slides of
# 2017-08-09, shared/sources/001) give 250/125 (departure premium, adult/child),
# 700/350 (reintegration), 1500 per business file and up to 500/500/1000 for
# vulnerability: every limit is about three times the highest amount of its kind.
PER_PERSON_LIMIT = 3000  # highest today: 700 per adult
PER_FILE_LIMIT = 5000  # highest today: 1500 per business file
UP_TO_LIMIT = 5000  # highest today: up to 1000 for an exceptional situation
MONTHS_LIMIT = 60  # today: 12 months

Euros = Annotated[int, Field(examples=[250]), AfterValidator(_not_negative)]
PerPerson = Annotated[
    Euros, AtMost(PER_PERSON_LIMIT), Shape(f"whole euros, at most {PER_PERSON_LIMIT}")
]
PerFile = Annotated[Euros, AtMost(PER_FILE_LIMIT), Shape(f"whole euros, at most {PER_FILE_LIMIT}")]
UpTo = Annotated[Euros, AtMost(UP_TO_LIMIT), Shape(f"whole euros, at most {UP_TO_LIMIT}")]
SourceIds = Annotated[list[str], Field(min_length=1, examples=["[slides_2017]"])]
Statuses = Annotated[list[Status], Field(min_length=1, examples=["[asylum_procedure]"])]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Travel(_Rule):
    sources: SourceIds


def _override() -> Any:
    """The documented way past a bound (:class:`AtMost`): the editor confirms that
    an amount far above the programme's usual range is right. Not in the JSON."""
    return Field(
        False,
        exclude=True,
        description="true only when an amount above its limit is right (checked in the "
        "source); say why in a comment",
        examples=["true"],
    )


class DeparturePremium(_Rule):
    per_adult: PerPerson
    per_child: PerPerson
    decided_case_by_case: YamlBool = Field(
        description="true when the return counsellor decides the premium according to the "
        "person's situation: the pages then show the amounts as 'up to' (the most a person "
        "gets); false only if a source says that everyone in the programme gets it",
        examples=["true"],
    )
    sources: SourceIds
    amount_checked_above_limit: YamlBool = _override()


class Reintegration(_Rule):
    per_adult: PerPerson
    per_child: PerPerson
    statuses: Statuses
    within_months: Annotated[
        int,
        Field(examples=[12]),
        AfterValidator(_at_least_one_month),
        AtMost(MONTHS_LIMIT),
        Shape(f"whole number of months, at most {MONTHS_LIMIT}"),
    ]
    sources: SourceIds
    amount_checked_above_limit: YamlBool = _override()


class BusinessSupport(_Rule):
    per_file: PerFile
    statuses: Statuses
    sources: SourceIds
    amount_checked_above_limit: YamlBool = _override()


class Vulnerability(_Rule):
    vulnerable_person_up_to: UpTo
    family_with_children_up_to: UpTo
    exceptional_situation_up_to: UpTo
    sources: SourceIds
    amount_checked_above_limit: YamlBool = _override()


class EstimatorRules(_Rule):
    applies_from: PastDate = Field(examples=["2017-08-09"])
    sources: dict[str, Source] = Field(min_length=1)
    travel: Travel
    departure_premium: DeparturePremium
    reintegration: Reintegration
    business_support: BusinessSupport
    vulnerability: Vulnerability

    def rules_with_sources(self) -> dict[str, list[str]]:
        return {
            "travel": self.travel.sources,
            "departure_premium": self.departure_premium.sources,
            "reintegration": self.reintegration.sources,
            "business_support": self.business_support.sources,
            "vulnerability": self.vulnerability.sources,
        }


def load_rules(path: Path = RULES_FILE) -> tuple[EstimatorRules | None, list[ContentError]]:
    """Read and validate the rules file; return the rules or every error in it."""
    errors = missing_file(path)
    if errors:
        return None, errors
    document, errors = read_document(path)
    if document is None:
        return None, errors
    rules, errors = validate_document(document, EstimatorRules, path)
    if rules is None:
        return None, errors
    errors = sorted(
        (
            ContentError(path, document.line_of(loc), message)
            for loc, message in _cross_checks(rules)
        ),
        key=ContentError.sort_key,
    )
    return (None, errors) if errors else (rules, [])


def _cross_checks(rules: EstimatorRules) -> list[tuple[tuple[str | int, ...], str]]:
    """Checks between fields: (where, message) for every problem."""
    problems = []
    known = list(rules.sources)
    for name, ids in rules.rules_with_sources().items():
        for index, source_id in enumerate(ids):
            if source_id not in rules.sources:
                problems.append(
                    (
                        (name, "sources", index),
                        f"{name}.sources: '{source_id}' is not under 'sources:'; "
                        f"write one of: {', '.join(known)}, or add it under 'sources:'",
                    )
                )
    problems += _above_limits(rules)
    for index, status in enumerate(rules.business_support.statuses):
        if status not in rules.reintegration.statuses:
            problems.append(
                (
                    ("business_support", "statuses", index),
                    f"business_support.statuses: '{status}' can never get business support, "
                    "which only comes on top of reintegration support; remove it here "
                    "or add it to reintegration.statuses",
                )
            )
    return problems


def _above_limits(rules: EstimatorRules) -> list[tuple[tuple[str | int, ...], str]]:
    """Every amount above the bound (:class:`AtMost`) its schema declares."""
    problems = []
    for name in rules.rules_with_sources():
        rule = getattr(rules, name)
        if getattr(rule, "amount_checked_above_limit", False):
            continue
        for field, info in type(rule).model_fields.items():
            limit = next((m.most for m in info.metadata if isinstance(m, AtMost)), None)
            value = getattr(rule, field)
            if limit is None or value <= limit:
                continue
            unit = "months" if field == "within_months" else "euros"
            problems.append(
                (
                    (name, field),
                    f"{name}.{field}: {value} {unit} is far above what the programme gives "
                    f"(at most {limit} is expected here); check the amount (whole {unit}, "
                    "no separators); if it is right, add 'amount_checked_above_limit: true' "
                    f"under '{name}:' with a comment naming the document",
                )
            )
    return problems


def rules_json(rules: EstimatorRules) -> str:
    """The rules as JSON for the browser; safe to embed in a <script> element."""
    text = json.dumps(rules.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    # Escaped as \u003c etc., which is still the same JSON.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- The table of rules, for readers without JavaScript -----------------------


class Row(NamedTuple):
    support: str
    amount: str
    who: str
    note: str = ""
    key: str = ""  # one of ROW_KEYS


# The rows of :func:`rules_rows`, in order; "reintegration" and "business_support"
# are the ones that need a visa (basic reintegration support, and what comes on top).
ROW_KEYS = (
    "travel",
    "departure_premium",
    "reintegration",
    "business_support",
    "vulnerable_person",
    "family_with_children",
    "exceptional_situation",
)
NEEDS_VISA = frozenset({"reintegration", "business_support"})


def format_euros(amount: int, code: str) -> str:
    """A whole amount of euros in the language's currency format, e.g. '€1,500', '1 500 €'."""
    locale = Locale.parse(code)
    pattern = parse_pattern(locale.currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern.apply(amount, locale, currency="EUR", currency_digits=False)


def money_format(code: str) -> dict[str, object]:
    """What the browser needs to write amounts exactly as :func:`format_euros` does
    (``docs/assets/estimator/money.js``): the texts before and after the digits
    (positive, negative), the group separator and the group sizes, from Babel."""
    locale = Locale.parse(code)
    pattern = parse_pattern(locale.currency_formats["standard"])
    symbol = get_currency_symbol("EUR", locale)
    return {
        "prefix": [text.replace("¤", symbol) for text in pattern.prefix],
        "suffix": [text.replace("¤", symbol) for text in pattern.suffix],
        "group": get_group_symbol(locale, numbering_system="latn"),
        "grouping": list(pattern.grouping),
    }


def source_citations(rules: EstimatorRules, code: str) -> list[Markup]:
    """Every source, cited in language *code* (:func:`returnsite.sources.citation`)."""
    return [citation(source, code) for source in rules.sources.values()]


def rules_rows(rules: EstimatorRules, code: str) -> list[Row]:
    """The rules as rows of translated, formatted text."""
    t = translations(code)
    _, ngettext = t.gettext, t.ngettext

    def euros(amount: int) -> str:
        return format_euros(amount, code)

    def up_to(amount: int) -> str:
        return _("up to %(amount)s") % {"amount": euros(amount)}

    def statuses(names: list[str]) -> str:
        return or_list([_(STATUS_LABELS[name]) for name in names], code)

    everyone = _("Everyone in the programme")
    premium, basic = rules.departure_premium, rules.reintegration
    business, vulnerability = rules.business_support, rules.vulnerability
    months = basic.within_months
    per_person = _("%(adult)s per adult, %(child)s per child")
    rows = [
        Row(
            _(
                "Travel: ticket by plane or bus, help at the airports of departure, "
                "transit and arrival"
            ),
            _("Organised and paid for by the programme"),
            everyone,
        ),
        _premium_row(premium, euros, _),
        Row(
            _("Reintegration support"),
            per_person % {"adult": euros(basic.per_adult), "child": euros(basic.per_child)},
            _("People whose nationality needs a visa for Belgium and who %(statuses)s")
            % {"statuses": statuses(basic.statuses)},
            ngettext(
                "Not cash: the local partner pays for what you need, within %(num)d month "
                "after your return.",
                "Not cash: the local partner pays for what you need, within %(num)d months "
                "after your return.",
                months,
            )
            % {"num": months},
        ),
        Row(
            _("Extra support for a small business or a job with a wage subsidy"),
            _("%(amount)s per file") % {"amount": euros(business.per_file)},
            _("People who get reintegration support and who %(statuses)s")
            % {"statuses": statuses(business.statuses)},
        ),
        Row(
            _("Support for a vulnerable person"),
            up_to(vulnerability.vulnerable_person_up_to),
            _(
                "Everyone, decided case by case by the return counsellor: for example "
                "pregnancy, a serious health problem, a victim of human trafficking"
            ),
        ),
        Row(
            _("Support for a family with children"),
            up_to(vulnerability.family_with_children_up_to),
            _("Families with children, decided case by case by the return counsellor"),
        ),
        Row(
            _("Support for an exceptional situation"),
            up_to(vulnerability.exceptional_situation_up_to),
            _("Everyone, decided case by case by the return counsellor"),
        ),
    ]
    return [row._replace(key=key) for row, key in zip(rows, ROW_KEYS, strict=True)]


def _premium_row(
    premium: DeparturePremium, euros: Callable[[int], str], _: Callable[[str], str]
) -> Row:
    amounts = {"adult": euros(premium.per_adult), "child": euros(premium.per_child)}
    if premium.decided_case_by_case:
        return Row(
            _("Departure premium"),
            _("up to %(adult)s per adult, %(child)s per child") % amounts,
            _(
                "Everyone in the programme, decided by the return counsellor "
                "according to your situation"
            ),
        )
    return Row(
        _("Departure premium"),
        _("%(adult)s per adult, %(child)s per child") % amounts,
        _("Everyone in the programme"),
    )


_TABLE = Environment(autoescape=True, keep_trailing_newline=True).from_string(
    """\
<table class="estimator-rules">
  <caption>{{ caption }}</caption>
  <thead>
    <tr>
      <th scope="col">{{ head.support }}</th>
      <th scope="col">{{ head.amount }}</th>
      <th scope="col">{{ head.who }}</th>
    </tr>
  </thead>
  <tbody>
{%- for row in rows %}
    <tr>
      <th scope="row">{{ row.support }}</th>
      <td data-label="{{ head.amount }}">{{ row.amount }}
        {%- if row.note %}<br><small>{{ row.note }}</small>{% endif %}</td>
      <td data-label="{{ head.who }}">{{ row.who }}</td>
    </tr>
{%- endfor %}
  </tbody>
</table>
<p class="estimator-sources">{{ sources_label }} {{ sources | join("; ") }}.</p>
"""
)


def rules_table(rules: EstimatorRules, code: str) -> Markup:
    """The HTML table of the rules, in the language *code* (shown without JavaScript too)."""
    _ = translations(code).gettext
    html = _TABLE.render(
        caption=_("Support of the programme, amounts from %(date)s")
        % {"date": format_day(rules.applies_from, code)},
        head=Row(_("Support"), _("Amount"), _("Who can get it")),
        rows=rules_rows(rules, code),
        sources_label=_("Sources:"),
        sources=source_citations(rules, code),
    )
    return Markup(html)


def page_context(rules: EstimatorRules, code: str) -> dict[str, object]:
    """What the page template (``overrides/estimator.html``) needs, for language *code*."""
    return {
        "rules_json": Markup(rules_json(rules)),
        "rules_table": rules_table(rules, code),
        "money_json": Markup(json.dumps(money_format(code), ensure_ascii=True)),
        "applies_from": format_day(rules.applies_from, code),
        "applies_from_iso": rules.applies_from.isoformat(),
        "sources": source_citations(rules, code),
        "within_months": rules.reintegration.within_months,
    }
