"""Opening hours: reading days and times, and showing them in the reader's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from returnsite.hours import (
    Hours,
    Interval,
    OpeningHours,
    day_names,
    hours_lines,
    hours_text,
    status_data,
    time_label,
)
from returnsite.validation import validate_document
from returnsite.yaml_source import parse_yaml

# The free line's hours (data/contact.yml): every day 09:00-12:30 and 13:30-16:00.
PHONE = OpeningHours(((Interval(540, 750), Interval(810, 960)),) * 7)
# Monday to Friday like the phone line, Saturday morning, Sunday closed.
DESK = OpeningHours(((Interval(540, 750), Interval(810, 960)),) * 5 + ((Interval(600, 720),), ()))


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hours: Hours


def read(yaml_text: str) -> tuple[OpeningHours | None, list[str]]:
    model, errors = validate_document(parse_yaml(yaml_text), Model, Path("desks.yml"))
    return (model.hours if model else None), [str(error) for error in errors]


# --- Reading ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "week"),
    [
        pytest.param("hours:\n  every day: 09:00-12:30, 13:30-16:00\n", PHONE.week, id="every-day"),
        pytest.param(
            "hours:\n  monday to friday: 09:00-12:30, 13:30-16:00\n"
            "  saturday: 10:00-12:00\n  sunday: closed\n",
            DESK.week,
            id="range-day-closed",
        ),
        pytest.param(
            "hours:\n  Monday - Friday: [09:00-12:30, 13:30-16:00]\n  saturday: 10:00 – 12:00\n",
            DESK.week,
            id="list-capitals-dashes",
        ),
        pytest.param(
            "hours:\n  tuesday: 9:00-12:00\n",
            ((), ((Interval(540, 720),)), (), (), (), (), ()),
            id="one-day",
        ),
    ],
)
def test_reads_days_and_times(yaml_text, week):
    hours, errors = read(yaml_text)
    assert errors == []
    assert hours.week == week


DAY_HINT = (
    "write a day in English (monday, tuesday, wednesday, thursday, friday, saturday, "
    "sunday), a range like 'monday to friday', or 'every day'"
)


@pytest.mark.parametrize(
    ("yaml_text", "error"),
    [
        pytest.param(
            "hours:\n  monday: 09:00-25:00\n",
            "desks.yml:2: hours.monday: '25:00' is not a time of day; write it as HH:MM on the "
            "24-hour clock, from 00:00 to 23:59, e.g. 09:00 or 16:30",
            id="hour-25",
        ),
        pytest.param(
            "hours:\n  monday: 09:60-12:00\n",
            "desks.yml:2: hours.monday: '09:60' is not a time of day; write it as HH:MM on the "
            "24-hour clock, from 00:00 to 23:59, e.g. 09:00 or 16:30",
            id="minute-60",
        ),
        pytest.param(
            "hours:\n  monday: 25:00\n",
            "desks.yml:2: hours.monday: '25:00' is not a time range; write the opening and "
            "closing time as HH:MM-HH:MM, e.g. 09:00-12:30 (several separated by commas), or "
            "'closed'",
            id="not-a-range",
        ),
        pytest.param(
            "hours:\n  monday:\n",
            "desks.yml:2: hours.monday: has no times; write the opening and closing time as "
            "HH:MM-HH:MM, e.g. 09:00-12:30, or 'closed'",
            id="no-times",
        ),
        pytest.param(
            "hours:\n  monday: 9h-12h\n",
            "desks.yml:2: hours.monday: '9h' is not a time of day; write it as HH:MM on the "
            "24-hour clock, from 00:00 to 23:59, e.g. 09:00 or 16:30",
            id="french-hours",
        ),
        pytest.param(
            "hours:\n  funday: 09:00-12:00\n",
            f"desks.yml:2: hours.funday: 'funday' is not a day; did you mean 'sunday'? {DAY_HINT}",
            id="unknown-weekday",
        ),
        pytest.param(
            "hours:\n  monday: 09:00-12:00\n  lundi: 09:00-12:00\n",
            f"desks.yml:3: hours.lundi: 'lundi' is not a day; {DAY_HINT}",
            id="french-weekday",
        ),
        pytest.param(
            "hours:\n  monday to fryday: 09:00-12:00\n",
            f"desks.yml:2: hours.monday to fryday: 'monday to fryday' is not a day; "
            f"did you mean 'friday'? {DAY_HINT}",
            id="unknown-weekday-in-range",
        ),
        pytest.param(
            "hours:\n  friday to monday: 09:00-12:00\n",
            "desks.yml:2: hours.friday to monday: 'friday to monday' does not go forward "
            "through the week; write the earlier day first, e.g. 'monday to friday'",
            id="range-backwards",
        ),
        pytest.param(
            "hours:\n  monday: 12:30-09:00\n",
            "desks.yml:2: hours.monday: '12:30-09:00' closes before it opens; write the opening "
            "time first, e.g. 09:00-12:30",
            id="closes-before-opening",
        ),
        pytest.param(
            "hours:\n  monday: 13:30-16:00, 09:00-12:30\n",
            "desks.yml:2: hours.monday: '13:30-16:00' and '09:00-12:30' overlap or are not in "
            "order; write the times of the day from morning to evening, e.g. 09:00-12:30, "
            "13:30-16:00",
            id="not-in-order",
        ),
        pytest.param(
            # A day written twice involves two lines: reported on the "hours:" line.
            "hours:\n  every day: 09:00-12:00\n  sunday: closed\n",
            "desks.yml:1: hours: sunday is written twice ('every day' and 'sunday'); give each "
            "day once",
            id="day-twice",
        ),
    ],
)
def test_a_mistake_is_reported_on_its_line(yaml_text, error):
    hours, errors = read(yaml_text)
    assert hours is None
    assert errors == [error]


def test_every_mistake_is_reported_at_once():
    _, errors = read("hours:\n  mondy: 09:00-12:00\n  tuesday: 09:00-25:00\n")
    assert [error.split(":")[1] for error in errors] == ["2", "3"]


# --- Showing ------------------------------------------------------------------

# Day names, Monday first, from Babel/CLDR. Checked against what speakers write:
# French and Arabic (al-ithnayn ... al-ahad) as in any calendar; Tigrinya
# Senuy, Selus, Rebu'e, Hamus, Arbi, Qedam, Senbet; Pashto as CLDR writes it:
# the days counted from Sunday with Pashto numbers (yaw 1: يونۍ Sunday, dwa 2:
# دونۍ Monday, dre 3, tsalor 4, pindza 5), Friday جمعه, Saturday اونۍ (much as
# Dari counts doshanbe "second day" = Monday).
DAY_NAMES = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "ps": ["دونۍ", "درېنۍ", "څلرنۍ", "پينځنۍ", "جمعه", "اونۍ", "يونۍ"],
    "ti": ["ሰኑይ", "ሰሉስ", "ረቡዕ", "ሓሙስ", "ዓርቢ", "ቀዳም", "ሰንበት"],
}


@pytest.mark.parametrize("code", DAY_NAMES)
def test_day_names_in_the_readers_language(code):
    assert day_names(code) == DAY_NAMES[code]


NNBSP, THIN = "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        (
            "en",
            [
                (
                    f"Monday{THIN}–{THIN}Friday",
                    f"9:00{NNBSP}AM{THIN}–{THIN}12:30{NNBSP}PM and 1:30{THIN}–{THIN}4:00{NNBSP}PM",
                ),
                ("Saturday", f"10:00{NNBSP}AM{THIN}–{THIN}12:00{NNBSP}PM"),
                ("Sunday", "Closed"),
            ],
        ),
        (
            "fr",
            [
                (
                    f"Lundi{THIN}–{THIN}vendredi",
                    f"09:00{THIN}–{THIN}12:30 et 13:30{THIN}–{THIN}16:00",
                ),
                ("Samedi", f"10:00{THIN}–{THIN}12:00"),
                ("Dimanche", "Closed"),
            ],
        ),
        (
            "ar",
            [
                ("الاثنين – الجمعة", f"9:00 ص{THIN}–{THIN}12:30 م و1:30–4:00 م"),
                ("السبت", f"10:00 ص{THIN}–{THIN}12:00 م"),
                ("الأحد", "Closed"),
            ],
        ),
        (
            "ps",
            [
                ("دونۍ – جمعه", "09:00–12:30 او 13:30–16:00"),
                ("اونۍ", "10:00–12:00"),
                ("يونۍ", "Closed"),
            ],
        ),
        (
            "ti",
            [
                ("ሰኑይ – ዓርቢ", f"9:00 ቅ.ቀ.{THIN}–{THIN}12:30 ድ.ቀ.ን 1:30 – 4:00 ድ.ቀ.ን"),
                ("ቀዳም", f"10:00 ቅ.ቀ.{THIN}–{THIN}12:00 ድ.ቀ."),
                ("ሰንበት", "Closed"),
            ],
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_hours_in_the_readers_language(code, lines):
    # "Closed" is a UI string: this gettext leaves it in English.
    shown = [(line.days, line.times) for line in hours_lines(DESK, code, lambda m: m)]
    assert shown == lines


def test_the_same_hours_every_day_make_one_line():
    assert [(line.days, line.times) for line in hours_lines(PHONE, "fr", str.upper)] == [
        ("EVERY DAY", f"09:00{THIN}–{THIN}12:30 et 13:30{THIN}–{THIN}16:00")
    ]


def test_hours_text_has_one_line_per_group_of_days():
    assert hours_text(DESK, "nl", lambda m: m).splitlines() == [
        f"Maandag{THIN}–{THIN}vrijdag: 09:00–12:30 en 13:30–16:00",
        "Zaterdag: 10:00–12:00",
        "Zondag: Closed",
    ]


@pytest.mark.parametrize(
    ("code", "label"),
    [("en", f"1:30{NNBSP}PM"), ("fr", "13:30"), ("ar", "1:30 م"), ("ti", "1:30 ድ.ቀ.")],
)
def test_a_time_as_the_language_writes_it(code, label):
    assert time_label(810, code) == label


def test_status_data_gives_the_browser_schedule_times_and_days():
    data = status_data(DESK, "fr")
    assert json.loads(data["data-hours"]) == {
        **{str(day): [[540, 750], [810, 960]] for day in range(1, 6)},
        "6": [[600, 720]],
    }
    assert json.loads(data["data-times"]) == {
        "540": "09:00",
        "600": "10:00",
        "720": "12:00",
        "750": "12:30",
        "810": "13:30",
        "960": "16:00",
    }
    assert json.loads(data["data-days"]) == DAY_NAMES["fr"]
