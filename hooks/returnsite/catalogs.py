"""Keep the gettext catalogs in ``locales/`` in step with the UI strings in the code.

``update_catalogs()`` extracts every ``_()``/``N_()`` string from the hooks and
templates into ``locales/messages.pot`` and merges it into one catalog per
language (creating missing ones), as ``pybabel extract`` + ``update`` would.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from returnsite import ROOT
from returnsite.i18n import DOMAIN, LOCALES_DIR, catalog_path
from returnsite.languages import load_languages

TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def update_catalogs(root: Path = ROOT) -> list[Path]:
    """Extract the UI strings and merge them into every language's catalog."""
    _pybabel(
        "extract",
        "--mapping-file",
        str(root / "babel.cfg"),
        "--no-location",
        "--sort-output",
        "--project",
        "voluntary-return-site",
        "--output-file",
        str(TEMPLATE),
        str(root),
    )
    written = []
    for lang in load_languages():
        if lang.default:
            continue  # the strings are written in English
        path = catalog_path(lang.code)
        action = "update" if path.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if action == "update" else []
        _pybabel(
            action,
            "--input-file",
            str(TEMPLATE),
            "--output-dir",
            str(LOCALES_DIR),
            "--locale",
            lang.code,
            "--domain",
            DOMAIN,
            *extra,
        )
        written.append(path)
    return written
