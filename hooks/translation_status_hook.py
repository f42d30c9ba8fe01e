"""Translation status: the editors' page ``translation-status/`` in the built site
(see returnsite.translation_status and returnsite.status_page), made by a fork
of the build while the languages are built."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from returnsite import validation
from returnsite.content_build import build_options
from returnsite.forked import in_fork
from returnsite.status_page import FOLDER, status_files, write_status

log = get_plugin_logger("translation_status")

_files: Future[dict[str, str]] | None = None


def on_config(config):
    global _files
    if config.plugins["i18n"].building:
        return  # a language build nested in the first one: made once, for all
    root = Path(config.config_file_path).resolve().parent
    options = build_options(config.extra, root)
    today = validation.today()
    _files = in_fork(status_files, root, Path(config.docs_dir), options.content_root, today)


def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # written once, at the end
    write_status(Path(config.site_dir), _files.result())
    log.info("translation status written to %s/ (for editors)", FOLDER)
