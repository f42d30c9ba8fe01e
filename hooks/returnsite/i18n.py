"""UI strings: gettext catalogs in ``locales/``, compiled in memory at build time.

Catalogs are edited as ``locales/<code>/LC_MESSAGES/messages.po`` and never
committed compiled: :func:`translations` checks the ``.po`` file
(:mod:`returnsite.catalog_check`) and compiles it with Babel on first use, and
again whenever the file changes (``mkdocs serve``).
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from returnsite import ROOT
from returnsite.catalog_check import check_catalog
from returnsite.validation import ContentErrors

LOCALES_DIR = ROOT / "locales"
DOMAIN = "messages"


def catalog_path(code: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(code: str, locales_dir: Path = LOCALES_DIR) -> NullTranslations:
    """Translations for a language; English (the source) needs no catalog.

    Raises :class:`ContentErrors` for a catalog with mistakes: a broken catalog
    is never compiled.
    """
    key = _catalog_key(code, locales_dir)
    return NullTranslations() if key is None else _compiled(*key)


@lru_cache(maxsize=64)
def _compiled(path: Path, code: str, mtime_ns: int, size: int) -> NullTranslations:
    """The catalog at ``path`` compiled; the file's time and size key the cache."""
    errors = check_catalog(path, code)
    if errors:
        raise ContentErrors(errors)
    with path.open("rb") as po:
        catalog = read_po(po, locale=code, abort_invalid=True)
    compiled = BytesIO()
    # Fuzzy entries are drafts a translator has not confirmed yet: they are
    # still better for a reader than English, so they are compiled too.
    write_mo(compiled, catalog, use_fuzzy=True)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def draft_messages(code: str, locales_dir: Path = LOCALES_DIR) -> frozenset[str]:
    """The messages of language *code* whose translation no translator has checked
    yet: the catalog's ``#, fuzzy`` entries (shown to readers, marked as drafts)."""
    key = _catalog_key(code, locales_dir)
    return frozenset() if key is None else _drafts(*key)


def _catalog_key(code: str, locales_dir: Path) -> tuple[Path, str, int, int] | None:
    """The catalog of *code* with its time and size (what the caches are keyed by),
    or None when the language has no catalog."""
    path = catalog_path(code, locales_dir)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return path, code, stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=64)
def _drafts(path: Path, code: str, mtime_ns: int, size: int) -> frozenset[str]:
    with path.open("rb") as po:
        catalog = read_po(po, locale=code)
    return frozenset(
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalog
        if message.id and message.fuzzy
    )


def N_(message: str) -> str:
    """Mark a string for the catalogs where it is defined; it is translated where shown."""
    return message


def gettext(code: str, message: str) -> str:
    return translations(code).gettext(message)


# Strings that live in configuration rather than code (mkdocs.yml site_name).
CONFIG_MESSAGES = [
    N_("Voluntary return"),
    N_("Free, voluntary and discreet return to your country, with support to start again."),
]


def or_list(items: list[str], code: str) -> str:
    """ "a, b or c" in language *code*.

    CLDR has no "or" list for some of the site's languages (Pulaar, Lingala):
    Babel then gives the English word. Those get the catalog's pattern instead.
    """
    if Locale.parse(code).list_patterns["or"] != Locale.parse("root").list_patterns["or"]:
        return format_list(items, style="or", locale=code)
    if code == "en" or len(items) < 2:
        return format_list(items, style="or", locale="en")
    pattern = gettext(code, N_("%(items)s or %(last)s"))
    return pattern % {"items": ", ".join(items[:-1]), "last": items[-1]}
