"""The programme's contact data (``data/contact.yml``) and its placeholders in pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from returnsite import ROOT
from returnsite.data_loading import cached_by_mtime, load_data_model
from returnsite.desks import ContactFile
from returnsite.placeholders import PLACEHOLDER, PLACEHOLDERS
from returnsite.validation import ContentErrors

CONTACT_FILE = ROOT / "data" / "contact.yml"


@dataclass(frozen=True)
class Phone:
    national: str
    international: str

    @property
    def tel_uri(self) -> str:
        return "tel:" + re.sub(r"[^\d+]", "", self.international)


@cached_by_mtime
def load_phone(path: Path = CONTACT_FILE) -> Phone:
    """The checked free number; :class:`ContentErrors` lists every mistake otherwise."""
    contact, errors = load_data_model(path, ContactFile)
    if contact is None:
        raise ContentErrors(errors)
    return Phone(national=contact.phone.national, international=contact.phone.international)


def phone_markdown(phone: Phone) -> str:
    # dir=ltr keeps the digit groups in order inside right-to-left text.
    return f'[{phone.national}]({phone.tel_uri}){{ .phone-link dir="ltr" }}'


def unknown_placeholders(markdown: str) -> list[tuple[int, str]]:
    """(line, name) of every ``[[name]]`` that the build does not know."""
    return [
        (markdown.count("\n", 0, match.start()) + 1, match.group(1))
        for match in PLACEHOLDER.finditer(markdown)
        if match.group(1) not in PLACEHOLDERS
    ]


def replace_placeholders(markdown: str, phone: Phone) -> str:
    """Replace ``[[phone]]`` in a page's Markdown with the tap-to-call link."""
    return PLACEHOLDER.sub(
        lambda m: phone_markdown(phone) if m.group(1) == "phone" else m.group(0), markdown
    )
