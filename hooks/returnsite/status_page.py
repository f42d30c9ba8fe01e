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
from returnsite.csp import with_policy
from returnsite.translation_status import (
    COLOURS,
    KINDS,
    STATUSES,
    LanguageReport,
    bar_chart_svg,
    build_report,
    report_data,
)

FOLDER = "translation-status"
TEMPLATE = "translation-status.html"


def status_page(reports: Sequence[LanguageReport], made_on: dt.date) -> str:
    return with_policy(
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


def status_files(root: Path, docs: Path, content_root: Path, made_on: dt.date) -> dict[str, str]:
    """The page and its JSON (file name: text) of the translations under *root*
    (see :func:`returnsite.translation_status.build_report`)."""
    reports = build_report(root, docs, content_root)
    data = json.dumps(report_data(reports), indent=1, ensure_ascii=False)
    return {"index.html": status_page(reports, made_on), "status.json": data + "\n"}


def write_status(site_dir: Path, files: dict[str, str]) -> Path:
    """Write the :func:`status_files` into the site; return their folder."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(ROOT / "overrides"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
