"""Dates of documents, written at the precision the document gives:
``2019``, ``2019-03`` or ``2019-03-28``; shown at that precision in every
language (Babel's CLDR patterns)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from pydantic import PlainSerializer, PlainValidator

from returnsite import validation
from returnsite.validation import Shape, rule_error

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, order=True)
class DocumentDate:
    """A year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the date may mean (what freshness is measured from)."""
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    def format(self, locale: Locale | str) -> str:
        """``28 March 2019``, ``March 2019`` or ``2019`` in the reader's language."""
        if self.day is not None:
            return format_date(self.first_day, format="long", locale=locale)
        if self.month is not None:
            return format_skeleton("yMMMM", self.first_day, locale=locale)
        return format_skeleton("y", self.first_day, locale=locale)


def _parse(value: Any) -> DocumentDate:
    if isinstance(value, DocumentDate):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()
    text = str(value).strip() if value is not None else ""
    match = _PARTIAL.fullmatch(text)
    if not match:
        raise rule_error(
            f"'{text}' is not a date; write the date the document shows: "
            "YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2019-03-28, 2019-03 or 2019"
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date = DocumentDate(year, month, day)
        date.first_day  # noqa: B018 (checks that the month and day exist)
    except ValueError:
        raise rule_error(
            f"{text} is not a real date; write an existing date as YYYY-MM-DD, YYYY-MM or YYYY"
        ) from None
    if date.first_day > validation.today():
        raise rule_error(f"{text} is in the future; write the date the document shows")
    return date


DocDate = Annotated[
    DocumentDate,
    PlainValidator(_parse),
    PlainSerializer(DocumentDate.isoformat, return_type=str),
    Shape("date as YYYY-MM-DD, YYYY-MM or YYYY, not in the future"),
]
"""The date of a document, as precise as the document is."""
