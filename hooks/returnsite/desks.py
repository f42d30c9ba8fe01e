"""Where a person answers: the free phone line (``data/contact.yml``) and the
return desks (``data/desks.yml``).

The sources give the desks' cities only: every other field of a desk is
optional, and a page says "call the free number" for what is missing. A desk
has a page of its own only once its address is known (:attr:`Desk.has_page`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, ClassVar
from urllib.parse import urlsplit

from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from returnsite import ROOT
from returnsite.content.fields import LanguageCode
from returnsite.data_loading import PlainText, cached_by_mtime, load_data_model
from returnsite.hours import Hours, OpeningHours
from returnsite.sources import Source
from returnsite.validation import (
    ContentError,
    ContentErrors,
    Shape,
    Url,
    YamlBool,
    matching,
    rule_error,
)

CONTACT_FILE = ROOT / "data" / "contact.yml"
DESKS_FILE = ROOT / "data" / "desks.yml"

# The programme's own web sites: an order form elsewhere would send readers'
# details to a third party.
PROGRAMME_HOSTS = ("fedasil.be", "voluntaryreturn.be")

_EMAIL = re.compile(r"[^@\s<>()\[\]{},;:\"'`]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_BELGIAN_PHONE = re.compile(r"(?:\+32|0)[\d ./-]{7,14}")
_POSTCODE = re.compile(r"[1-9]\d{3}")


# --- Field checks ---------------------------------------------------------------


_check_slug = matching(
    r"[a-z0-9]+(?:-[a-z0-9]+)*",
    "'{value}' cannot be a desk's name in web addresses; write lowercase letters, "
    "digits and - only, e.g. liege",
)


def _check_email(value: str) -> str:
    value = value.strip().removeprefix("mailto:")
    if not _EMAIL.fullmatch(value):
        raise rule_error(f"'{value}' is not an e-mail address; write it like name@fedasil.be")
    return value


def _check_phone(value: str) -> str:
    value = " ".join(value.split())
    digits = re.sub(r"\D", "", value)
    national = digits[2:] if value.startswith("+32") else digits[1:]
    if not _BELGIAN_PHONE.fullmatch(value) or not 8 <= len(national) <= 9:
        raise rule_error(
            f"'{value}' is not a Belgian phone number; write it as on a Belgian phone, "
            "e.g. 02 123 45 67, or with +32, e.g. +32 2 123 45 67"
        )
    return value


def _check_national(value: str) -> str:
    value = " ".join(value.split())
    if not value.startswith("0"):
        raise rule_error(
            f"'{value}' is not a number as dialled in Belgium; write it with its leading 0, "
            "e.g. 0800 327 45 (the form with +32 goes under 'international:')"
        )
    return _check_phone(value)


_INTERNATIONAL = re.compile(r"\+32[\d ]+")


def _check_international(value: str) -> str:
    value = " ".join(value.split())
    digits = re.sub(r"\D", "", value)
    if not _INTERNATIONAL.fullmatch(value) or not 10 <= len(digits) <= 11:
        raise rule_error(
            f"'{value}' is not a Belgian phone number in international form; write +32 and "
            "the number without its leading 0, in digits and spaces only, e.g. +32 800 32 745"
        )
    return value


def national_digits(number: str) -> str:
    """The digits that identify a Belgian number: ``0800 327 45`` and
    ``+32 800 32 745`` both give ``80032745``."""
    digits = re.sub(r"\D", "", number)
    return digits[2:] if number.strip().startswith("+32") else digits[1:]


def _check_language(value: str) -> str:
    code = value.strip().replace("-", "_")
    if code not in Locale("en").languages:
        raise rule_error(
            f"'{value}' is not a language code; write the language's code as CLDR knows it, "
            "e.g. fr for French, nl for Dutch, ar for Arabic, fa-AF for Dari, ps for Pashto"
        )
    return code


def _check_postcode(value: str) -> str:
    if not _POSTCODE.fullmatch(value.strip()):
        raise rule_error(f"'{value}' is not a Belgian postcode; write its four digits, e.g. 1000")
    return value.strip()


def _check_form(value: str) -> str:
    odd = next((char for char in value if char in "()[]{}<>\"'`"), None)
    if odd is not None:
        # A ')' ends the Markdown link the address is written into.
        raise rule_error(
            f"'{value}' contains '{odd}', which cannot be in the form's address; write "
            "the address as the browser shows it, with %29 for ')' and so on"
        )
    host = (urlsplit(value).hostname or "").lower()
    if not any(host == h or host.endswith("." + h) for h in PROGRAMME_HOSTS):
        raise rule_error(
            f"'{value}' is not on the programme's own web site; give the address of the "
            f"programme's form (on {' or '.join(PROGRAMME_HOSTS)}), or an e-mail address "
            "instead, never a form service of another company"
        )
    return value


Slug = Annotated[str, AfterValidator(_check_slug), Shape("short name: lowercase letters")]
Email = Annotated[str, AfterValidator(_check_email), Shape("e-mail address")]
BelgianPhone = Annotated[str, AfterValidator(_check_phone), Shape("Belgian phone number")]
NationalPhone = Annotated[
    str, AfterValidator(_check_national), Shape("phone number as dialled in Belgium")
]
InternationalPhone = Annotated[
    str, AfterValidator(_check_international), Shape("phone number with +32, digits and spaces")
]
SpokenLanguage = Annotated[str, AfterValidator(_check_language), Shape("language code")]
Postcode = Annotated[str, AfterValidator(_check_postcode), Shape("four digits")]
FormUrl = Annotated[Url, AfterValidator(_check_form)]


def tel_uri(number: str) -> str:
    """``02 123 45 67`` or ``+32 2 123 45 67`` -> ``tel:+3221234567``."""
    digits = re.sub(r"\D", "", number)
    return "tel:+" + (digits if number.strip().startswith("+") else "32" + digits[1:])


def international(number: str) -> str:
    """``02 123 45 67`` -> ``+32 2 123 45 67`` (the form a phone abroad can dial)."""
    number = " ".join(number.split())
    return number if number.startswith("+") else "+32 " + number[1:]


# --- data/desks.yml -------------------------------------------------------------


class Address(BaseModel):
    model_config = ConfigDict(extra="forbid")

    street: PlainText = Field(description="Street and number.", examples=["Rue de l'Exemple 1"])
    postcode: Postcode = Field(description="The four-digit postcode.", examples=["1000"])
    town: PlainText | None = Field(
        None,
        description="The town as written on letters, if it is not the desk's city.",
        examples=["Bruxelles"],
    )


def _coordinate(name: str, low: float, high: float, example: str):
    def check(value: object) -> float:
        try:
            number = float(str(value).strip())
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise rule_error(
                f"'{value}' is not a {name} in Belgium; write degrees as a decimal number "
                f"between {low} and {high}, e.g. {example} (latitude first, then longitude)"
            )
        return number

    return BeforeValidator(check)


class Geo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    latitude: Annotated[float, _coordinate("latitude", 49.4, 51.6, "50.85")] = Field(
        description="Degrees north.", examples=["50.85"]
    )
    longitude: Annotated[float, _coordinate("longitude", 2.5, 6.5, "4.35")] = Field(
        description="Degrees east.", examples=["4.35"]
    )


class Accessibility(BaseModel):
    model_config = ConfigDict(extra="forbid")

    step_free: YamlBool | None = Field(
        None, description="true if a wheelchair can get in without steps.", examples=["true"]
    )
    note: PlainText | None = Field(
        None, description="Details, in English.", examples=["Lift at the back entrance."]
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Accessibility:
        if self.step_free is None and self.note is None:
            raise rule_error("is empty; write step_free: true or false, or a note, or remove it")
        return self


class Desk(BaseModel):
    """One return desk. Only ``city`` and ``source`` are required."""

    model_config = ConfigDict(extra="forbid")
    field_hints: ClassVar[dict[str, str]] = {
        "opening_hours": "write it as 'hours'",
        "tel": "write it as 'phone'",
        "mail": "write it as 'email'",
        "e-mail": "write it as 'email'",
        "transport": "write it as 'public_transport'",
        "appointment": "write it as 'appointment_needed: true' or 'false'",
    }

    city: PlainText = Field(description="The city, in English.", examples=["Ghent"])
    names: dict[LanguageCode, PlainText] = Field(
        default_factory=dict,
        description="The city's name in other languages of the site, e.g. fr: Gand.",
        examples=[{"fr": "Gand", "nl": "Gent"}],
    )
    address: Address | None = Field(None, description="Street, number and postcode.")
    geo: Geo | None = Field(None, description="Map coordinates, for a geo: link.")
    hours: Hours | None = Field(
        None,
        description="Opening hours: days and times, e.g. 'monday to friday: 09:00-12:30'.",
        examples=["monday to friday: 09:00-12:30, 13:30-16:00"],
    )
    phone: BelgianPhone | None = Field(
        None, description="The desk's phone.", examples=["02 123 45 67"]
    )
    email: Email | None = Field(
        None, description="The desk's e-mail.", examples=["name@fedasil.be"]
    )
    languages: list[SpokenLanguage] = Field(
        default_factory=list,
        description="Languages spoken at the desk, as language codes (fa-AF for Dari).",
        examples=[["fr", "nl", "en"]],
    )
    accessibility: Accessibility | None = Field(None, description="Access for reduced mobility.")
    appointment_needed: YamlBool | None = Field(
        None, description="true if people must make an appointment first.", examples=["true"]
    )
    public_transport: PlainText | None = Field(
        None,
        description="How to get there by public transport, in English.",
        examples=["Tram 3 or 4, stop Example."],
    )
    source: Source = Field(
        description="The document these facts come from.",
        examples=[
            "{title: Le programme de retour volontaire, language: fr, publisher: Fedasil, "
            "kind: web_page}"
        ],
    )

    def name_in(self, code: str) -> str:
        return self.names.get(code, self.city)

    @property
    def has_page(self) -> bool:
        """A desk has a page of its own once its address is known; until then the
        contact page lists it with its city and the free number (declared here
        only: the contact pages and the pages' link check both ask)."""
        return self.address is not None

    @property
    def opening_hours(self) -> OpeningHours | None:
        return self.hours  # type: ignore[return-value]  # Hours reads into OpeningHours


class DesksFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    desks: dict[Slug, Desk] = Field(
        description="The desks, each under a short lowercase name used in web addresses."
    )


# --- data/contact.yml -----------------------------------------------------------


class PhoneLine(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field_hints: ClassVar[dict[str, str]] = {
        "opening_hours": "write it as 'hours'",
        "source_hours": "write it as 'hours_source'",
    }

    national: NationalPhone = Field(description="As dialled in Belgium.", examples=["0800 327 45"])
    international: InternationalPhone = Field(
        description="The same number with +32 instead of the leading 0 (the tap-to-call "
        "links use it).",
        examples=["+32 800 32 745"],
    )
    free_from: PlainText = Field(
        description="From where the call is free.", examples=["Belgian phones"]
    )
    source: Source = Field(description="The document the number comes from.")
    hours: Hours | None = Field(
        None, description="When the line answers.", examples=["every day: 09:00-12:30, 13:30-16:00"]
    )
    hours_source: Source | None = Field(
        None, description="The document the hours come from.", validate_default=True
    )

    @field_validator("international")
    @classmethod
    def _same_number(cls, value: str, info: ValidationInfo) -> str:
        national = info.data.get("national")
        if national is not None and national_digits(national) != national_digits(value):
            raise rule_error(
                f"'{value}' is not the same number as national: {national}; write the same "
                f"digits, with +32 instead of the leading 0: {international(national)}"
            )
        return value

    @field_validator("hours_source")
    @classmethod
    def _hours_have_a_source(cls, value: Source | None, info: ValidationInfo) -> Source | None:
        if value is None and info.data.get("hours") is not None:
            raise rule_error(
                "missing: the hours need a source; add 'hours_source:' with the title, "
                "language, publisher and kind of the document they come from",
                at=("hours",),
            )
        return value

    @property
    def opening_hours(self) -> OpeningHours | None:
        return self.hours  # type: ignore[return-value]

    @property
    def tel_uri(self) -> str:
        return "tel:" + re.sub(r"[^\d+]", "", self.international)


class Orders(BaseModel):
    """How to order brochures and posters: the programme's own e-mail or form."""

    model_config = ConfigDict(extra="forbid")

    email: Email | None = Field(None, examples=["name@fedasil.be"])
    form: FormUrl | None = Field(None, examples=["https://www.fedasil.be/en/contact"])
    source: Source = Field(description="The document this address comes from.")

    @model_validator(mode="before")
    @classmethod
    def _one_way(cls, data: object) -> object:
        if isinstance(data, dict) and not (data.get("email") or data.get("form")):
            raise rule_error(
                "no way to order is given; add 'email:' or 'form:', or remove 'orders:'"
            )
        return data


class Newsletter(Orders):
    """How to receive the programme's newsletter: the programme's own e-mail or form."""

    @model_validator(mode="before")
    @classmethod
    def _one_way(cls, data: object) -> object:
        if isinstance(data, dict) and not (data.get("email") or data.get("form")):
            raise rule_error(
                "no way to subscribe is given; add 'email:' or 'form:', or remove 'newsletter:'"
            )
        return data


class ContactFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: PhoneLine
    orders: Orders | None = Field(None, description="How to order brochures and posters.")
    newsletter: Newsletter | None = Field(
        None, description="How to receive the programme's newsletter."
    )


# --- Loading --------------------------------------------------------------------


@dataclass(frozen=True)
class ContactData:
    phone: PhoneLine
    orders: Orders | None
    desks: dict[str, Desk]
    newsletter: Newsletter | None = None


def check_contact_data(
    contact_file: Path = CONTACT_FILE, desks_file: Path = DESKS_FILE
) -> tuple[ContactData | None, list[ContentError]]:
    """Read and check both files; the data, or every error found in them."""
    contact, errors = load_data_model(contact_file, ContactFile)
    desks, desk_errors = load_data_model(desks_file, DesksFile)
    errors = errors + desk_errors
    if contact is None or desks is None:
        return None, errors
    data = ContactData(
        phone=contact.phone,
        orders=contact.orders,
        desks=desks.desks,
        newsletter=contact.newsletter,
    )
    return data, errors


def desk_pages(desks_file: Path = DESKS_FILE) -> frozenset[str]:
    """The names of the desks that have a page (``desks/<name>.md``); none when
    the file has mistakes (the gate reports them)."""
    desks, _ = load_data_model(desks_file, DesksFile)
    if desks is None:
        return frozenset()
    return frozenset(slug for slug, desk in desks.desks.items() if desk.has_page)


@cached_by_mtime
def load_contact_data(
    contact_file: Path = CONTACT_FILE, desks_file: Path = DESKS_FILE
) -> ContactData:
    """The checked data; :class:`ContentErrors` lists every mistake otherwise."""
    data, errors = check_contact_data(contact_file, desks_file)
    if data is None:
        raise ContentErrors(errors)
    return data
