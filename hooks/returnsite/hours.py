"""Opening hours: written by editors as days and times, shown with Babel in a language.

In a data file, opening hours are a list of days with their times::

    hours:
      monday to friday: 09:00-12:30, 13:30-16:00
      saturday: closed

A day is ``monday`` ... ``sunday``, a range ``monday to friday`` or ``every day``;
times are ``HH:MM-HH:MM`` (24-hour clock), several separated by commas, or
``closed``. A day that is not written is closed. :data:`Hours` is the field
type that checks all this, with an editor's message on the line of the mistake,
and gives an :class:`OpeningHours`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from babel import Locale
from babel.dates import format_interval, format_time
from babel.lists import format_list
from pydantic import AfterValidator, BeforeValidator

from returnsite.i18n import N_
from returnsite.validation import Shape, rule_error

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EVERY_DAY = "every day"
CLOSED = "closed"
EVERY_DAY_LABEL = N_("Every day")
CLOSED_LABEL = N_("Closed")

Gettext = Callable[[str], str]


@dataclass(frozen=True, order=True)
class Interval:
    """Open from ``start`` to ``end``, in minutes after midnight (Brussels time)."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


@dataclass(frozen=True)
class OpeningHours:
    """The times of each day of the week, Monday first; a day without times is closed."""

    week: tuple[tuple[Interval, ...], ...]

    def schedule(self) -> dict[str, list[list[int]]]:
        """For the browser: ISO weekday ("1" is Monday) -> [[start, end], ...] in minutes."""
        return {
            str(day + 1): [[i.start, i.end] for i in intervals]
            for day, intervals in enumerate(self.week)
            if intervals
        }

    def boundaries(self) -> list[int]:
        """Every opening and closing time of the week, in minutes, in order."""
        return sorted({m for intervals in self.week for i in intervals for m in (i.start, i.end)})


@dataclass(frozen=True)
class HoursLine:
    days: str
    times: str


# --- Reading ------------------------------------------------------------------

_RANGE = re.compile(r"(?P<start>[^-–]+?)\s*[-–]\s*(?P<end>[^-–]+)")
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")
_DAY_RANGE = re.compile(r"(?P<first>[a-z]+)\s*(?:to|-|–)\s*(?P<last>[a-z]+)")


def parse_days(text: str) -> tuple[int, ...]:
    """``monday`` -> (0,); ``monday to friday`` -> (0, ..., 4); ``every day`` -> all."""
    key = " ".join(str(text).lower().split())
    if key == EVERY_DAY:
        return tuple(range(7))
    if key in DAYS:
        return (DAYS.index(key),)
    match = _DAY_RANGE.fullmatch(key)
    if match and match["first"] in DAYS and match["last"] in DAYS:
        first, last = DAYS.index(match["first"]), DAYS.index(match["last"])
        if first >= last:
            raise rule_error(
                f"'{text}' does not go forward through the week; write the earlier day "
                "first, e.g. 'monday to friday'"
            )
        return tuple(range(first, last + 1))
    words = [match["first"], match["last"]] if match else [key]
    unknown = next((word for word in words if word not in DAYS), key)
    close = difflib.get_close_matches(unknown, [*DAYS, EVERY_DAY], n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise rule_error(
        f"'{text}' is not a day; {hint}write a day in English (monday, tuesday, wednesday, "
        "thursday, friday, saturday, sunday), a range like 'monday to friday', or 'every day'"
    )


def parse_times(value: Any) -> tuple[Interval, ...]:
    """``"09:00-12:30, 13:30-16:00"`` (or a list of ranges) -> intervals; ``closed`` -> ()."""
    if value is None or value == []:
        raise rule_error(
            "has no times; write the opening and closing time as HH:MM-HH:MM, "
            "e.g. 09:00-12:30, or 'closed'"
        )
    parts = value if isinstance(value, list) else str(value).split(",")
    parts = [str(part).strip() for part in parts]
    if [part.lower() for part in parts] == [CLOSED]:
        return ()
    intervals = [_parse_range(part) for part in parts]
    for before, after in zip(intervals, intervals[1:], strict=False):
        if after.start < before.end:
            raise rule_error(
                f"'{before}' and '{after}' overlap or are not in order; write the times of "
                "the day from morning to evening, e.g. 09:00-12:30, 13:30-16:00"
            )
    return tuple(intervals)


def _parse_range(text: str) -> Interval:
    match = _RANGE.fullmatch(text)
    if not match:
        raise rule_error(
            f"'{text}' is not a time range; write the opening and closing time as "
            "HH:MM-HH:MM, e.g. 09:00-12:30 (several separated by commas), or 'closed'"
        )
    start, end = _parse_time(match["start"]), _parse_time(match["end"])
    if end <= start:
        raise rule_error(
            f"'{text}' closes before it opens; write the opening time first, e.g. 09:00-12:30"
        )
    return Interval(start, end)


def _parse_time(text: str) -> int:
    match = _TIME.fullmatch(text.strip())
    hours, minutes = (int(match["h"]), int(match["m"])) if match else (99, 99)
    if hours > 23 or minutes > 59:
        raise rule_error(
            f"'{text.strip()}' is not a time of day; write it as HH:MM on the 24-hour clock, "
            "from 00:00 to 23:59, e.g. 09:00 or 16:30"
        )
    return hours * 60 + minutes


def _to_opening_hours(days: dict[tuple[int, ...], tuple[Interval, ...]]) -> OpeningHours:
    if not days:
        raise rule_error("is empty; write at least one day, e.g. 'monday to friday: 09:00-16:00'")
    week: list[tuple[Interval, ...] | None] = [None] * 7
    written: dict[int, tuple[int, ...]] = {}
    for key, intervals in days.items():
        for day in key:
            if day in written:
                raise rule_error(
                    f"{DAYS[day]} is written twice ('{_key_text(written[day])}' and "
                    f"'{_key_text(key)}'); give each day once"
                )
            written[day] = key
            week[day] = intervals
    return OpeningHours(tuple(intervals or () for intervals in week))


def _key_text(key: tuple[int, ...]) -> str:
    if len(key) == 7:
        return EVERY_DAY
    if len(key) == 1:
        return DAYS[key[0]]
    return f"{DAYS[key[0]]} to {DAYS[key[-1]]}"


DaySpec = Annotated[tuple[int, ...], BeforeValidator(lambda value: parse_days(str(value)))]
Times = Annotated[tuple[Interval, ...], BeforeValidator(parse_times)]

Hours = Annotated[
    dict[DaySpec, Times],
    AfterValidator(_to_opening_hours),
    Shape("days: times, one line per group of days"),
]
"""Field type: days -> times, read into :class:`OpeningHours` (see the module doc)."""


# --- Showing ------------------------------------------------------------------


def hours_lines(hours: OpeningHours, locale: str, gettext: Gettext) -> list[HoursLine]:
    """The week in a language: consecutive days with the same times share a line,
    e.g. in French "Lundi – vendredi" / "09:00 – 12:30 et 13:30 – 16:00"."""
    loc = Locale.parse(locale)
    if all(day == hours.week[0] for day in hours.week):
        return [HoursLine(gettext(EVERY_DAY_LABEL), _times(hours.week[0], loc, gettext))]
    lines = []
    first = 0
    for day in range(1, 8):
        if day == 7 or hours.week[day] != hours.week[first]:
            lines.append(
                HoursLine(_day_span(first, day - 1, loc), _times(hours.week[first], loc, gettext))
            )
            first = day
    return lines


def hours_text(hours: OpeningHours, locale: str, gettext: Gettext) -> str:
    """One line per group of days, ``days: times`` (for a vCard note)."""
    return "\n".join(f"{line.days}: {line.times}" for line in hours_lines(hours, locale, gettext))


def day_names(locale: str) -> list[str]:
    """The names of the days in a language, Monday first (from CLDR)."""
    days = Locale.parse(locale).days["format"]["wide"]
    return [days[day] for day in range(7)]


def time_label(minutes: int, locale: str) -> str:
    """A time of day as people write it in the language, e.g. 13:30 or 1:30 PM."""
    return format_time(_time(minutes), "short", locale=Locale.parse(locale))


def status_data(hours: OpeningHours, locale: str) -> dict[str, str]:
    """``data-*`` attributes for the browser's "open now / opens at" (assets/contact.js)."""
    return {
        "data-hours": json.dumps(hours.schedule(), separators=(",", ":")),
        "data-times": json.dumps(
            {str(m): time_label(m, locale) for m in hours.boundaries()},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        "data-days": json.dumps(day_names(locale), ensure_ascii=False, separators=(",", ":")),
    }


def _day_span(first: int, last: int, loc: Locale) -> str:
    names = day_names(str(loc))
    if first == last:
        return _capitalize(names[first])
    # CLDR's fallback pattern for a range ("{0} – {1}", "{0} تا {1}").
    pattern = loc.interval_formats.get(None) or "{0} – {1}"
    return _capitalize(pattern.format(names[first], names[last]))


def _times(intervals: tuple[Interval, ...], loc: Locale, gettext: Gettext) -> str:
    if not intervals:
        return gettext(CLOSED_LABEL)
    # The language's own clock: 24-hour in French, 12-hour with AM/PM in English.
    skeleton = "hm" if "h" in loc.time_formats["short"].pattern else "Hm"
    ranges = [
        format_interval(_time(i.start), _time(i.end), skeleton, locale=loc) for i in intervals
    ]
    return format_list(ranges, locale=loc)


def _capitalize(text: str) -> str:
    # CLDR day names are lowercase in many languages (lundi), as inside a sentence.
    return text[:1].upper() + text[1:]


def _time(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
