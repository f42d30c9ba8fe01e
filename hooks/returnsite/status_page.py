"""The editors' translation status page and its JSON, written into the built site
(``translation-status/``) by ``hooks/translation_status_hook.py``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from returnsite import ROOT
from returnsite.translation_status import (
    COLOURS,
    KINDS,
    STATUSES,
    LanguageReport,
    bar_chart_svg,
    report_data,
)

FOLDER = "translation-status"
TEMPLATE = "translation-status.html"


def status_page(reports: Sequence[LanguageReport], made_on: dt.date) -> str:
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            reports=reports,
            kinds=KINDS,
            statuses=STATUSES,
            colours=COLOURS,
            charts={kind: Markup(bar_chart_svg(reports, kind)) for kind in KINDS},
            made_on=made_on.isoformat(),
        )
    )


def write_status(site_dir: Path, reports: Sequence[LanguageReport], made_on: dt.date) -> Path:
    """Write ``translation-status/index.html`` and ``status.json``; return the folder."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(status_page(reports, made_on), encoding="utf-8")
    data = json.dumps(report_data(reports), indent=1, ensure_ascii=False)
    (folder / "status.json").write_text(data + "\n", encoding="utf-8")
    return folder


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(ROOT / "overrides"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
