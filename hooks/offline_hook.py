"""Offline reading: pages.json, the list of the site's files that the service
worker (docs/sw.js) uses to drop removed pages from readers' devices
(returnsite.offline). Written last, once every language, PDF and index is."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from returnsite.offline import write_page_list

log = get_plugin_logger("offline")


@event_priority(-300)  # after the other languages, the search indexes and the status page
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language build nested inside the default one
    path = write_page_list(Path(config.site_dir))
    log.debug("list of the site's files written to %s", path.name)
