"""vCard text ("save this number"), so that a contact lands in a phone's address book.

Written as vCard 3.0 (RFC 2426) by default, the version that the address books
of Android and iOS import most reliably, or as 4.0 (RFC 6350). Text values are
escaped, long lines folded at 75 octets without cutting a UTF-8 character, and
every line ends with CRLF, as both RFCs require.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Version = Literal["3.0", "4.0"]
Kind = Literal["individual", "group", "org", "location"]


@dataclass(frozen=True)
class PostalAddress:
    street: str
    postcode: str
    locality: str
    country: str


@dataclass(frozen=True)
class Card:
    """What a vCard says; the functions below write it in either version."""

    full_name: str
    organization: str | None = None  # for a person's card; an "org" card is its own ORG
    kind: Kind = "org"
    phones: tuple[str, ...] = ()  # international form, e.g. "+32 800 32 745"
    emails: tuple[str, ...] = ()
    address: PostalAddress | None = None
    geo: tuple[float, float] | None = None
    url: str | None = None
    note: str | None = None
    language: str | None = None  # of the texts (full name, note), e.g. "fr"
    categories: tuple[str, ...] = ()


def vcard(card: Card, version: Version = "3.0") -> str:
    """The card as vCard text: CRLF line ends, folded lines, escaped values."""
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    if version == "4.0":
        lines.append(f"KIND:{card.kind}")
    lang = f";LANGUAGE={card.language}" if card.language and version == "4.0" else ""
    lines.append(f"FN{lang}:{escape(card.full_name)}")
    if card.kind == "org":
        # An organisation has no personal name: N stays empty (3.0 requires the
        # property), and address books show the ORG name instead.
        lines.append("N:;;;;")
        lines.append(f"ORG:{escape(card.full_name)}")
    else:
        lines.append(f"N:{escape(card.full_name)};;;;")
        if card.organization:
            lines.append(f"ORG:{escape(card.organization)}")
    for number in card.phones:
        if version == "4.0":
            lines.append(f"TEL;VALUE=uri;TYPE=voice:{tel_uri(number)}")
        else:
            lines.append(f"TEL;TYPE=VOICE:{number}")
    for email in card.emails:
        lines.append(f"EMAIL;TYPE={'work' if version == '4.0' else 'INTERNET'}:{email}")
    if card.address:
        a = card.address
        parts = ["", "", a.street, a.locality, "", a.postcode, a.country]
        adr_type = "work" if version == "4.0" else "WORK"
        lines.append(f"ADR;TYPE={adr_type}:" + ";".join(escape(part) for part in parts))
    if card.geo:
        lat, lon = card.geo
        lines.append(f"GEO:geo:{lat},{lon}" if version == "4.0" else f"GEO:{lat};{lon}")
    if card.url:
        lines.append(f"URL:{card.url}")
    if card.categories:
        lines.append("CATEGORIES:" + ",".join(escape(c) for c in card.categories))
    if card.note:
        lines.append(f"NOTE{lang}:{escape(card.note)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(value: str) -> str:
    """Escape a text value: backslash, comma, semicolon and line breaks."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", r"\\n", value)


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line into pieces of at most ``limit`` octets (RFC 6350 3.2).

    A piece never ends inside a UTF-8 character or an escape such as ``\\,``.
    """
    pieces: list[str] = []
    current, size = "", 0
    room = limit
    for unit in _UNITS.findall(line):
        width = len(unit.encode("utf-8"))
        if size + width > room:
            pieces.append(current)
            current, size = "", 0
            room = limit - 1  # a continuation line starts with a space
        current += unit
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


_UNITS = re.compile(r"\\.|.", re.DOTALL)


def tel_uri(number: str) -> str:
    """``+32 800 32 745`` -> ``tel:+3280032745`` (RFC 3966 global number)."""
    return "tel:" + re.sub(r"[^\d+]", "", number)
