"""Translation status: the editors' page ``translation-status/`` in the built site
(see returnsite.translation_status and returnsite.status_page)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from returnsite import validation
from returnsite.content_build import build_options
from returnsite.status_page import FOLDER, write_status
from returnsite.translation_status import build_report

log = get_plugin_logger("translation_status")


def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language build nested in the first one: written once, at the end
    root = Path(config.config_file_path).resolve().parent
    options = build_options(config.extra, root)
    reports = build_report(root, Path(config.docs_dir), options.content_root)
    write_status(Path(config.site_dir), reports, validation.today())
    log.info("translation status written to %s/ (for editors)", FOLDER)
