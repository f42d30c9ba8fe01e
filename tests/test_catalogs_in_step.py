"""The catalogs hold exactly the UI strings the code marks: `returnsite i18n`
would add nothing and drop nothing (a message used but not marked would be
dropped by the next run, with its translations)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from returnsite import ROOT
from returnsite.catalogs import TEMPLATE


def _ids(path: Path) -> set[str]:
    with path.open("rb") as file:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(file) if m.id}


def test_the_template_is_what_extraction_finds(tmp_path: Path) -> None:
    extracted = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "--quiet",
            "extract",
            "--mapping-file",
            str(ROOT / "babel.cfg"),
            "--no-location",
            "--output-file",
            str(extracted),
            str(ROOT),
        ]
    )
    found, kept = _ids(extracted), _ids(TEMPLATE)
    assert sorted(found - kept) == [], "marked but not in the catalogs: run returnsite i18n"
    assert sorted(kept - found) == [], "in the catalogs but no longer marked in the code"


def test_every_catalog_has_the_template_messages() -> None:
    kept = _ids(TEMPLATE)
    for path in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        assert _ids(path) == kept, path
