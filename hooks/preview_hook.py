"""Preview: `./run serve fr` builds English and French only, without the search
index and the leaflet PDFs, so that a saved file shows within seconds.

mkdocs.yml's ``extra.preview_languages`` (``PREVIEW_LANGUAGES``, e.g. ``fr,ar``)
names the languages to build besides the default one; empty: all of them.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from returnsite.languages import preview_languages
from returnsite.validation import ContentErrors

log = get_plugin_logger("preview")


@event_priority(100)  # before mkdocs-static-i18n reads which languages to build
def on_config(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return config
    try:
        wanted = preview_languages(str(config.extra.get("preview_languages") or ""))
    except ValueError as error:
        raise PluginError(f"PREVIEW_LANGUAGES: {error}") from None
    except ContentErrors as error:
        raise PluginError(
            f"{error}\n{len(error.errors)} mistake(s) in the data files; nothing was published"
        ) from None
    if wanted is None:
        return config
    for lang in i18n.config.languages:
        lang.build = lang.default is True or lang.locale in wanted
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    log.info("preview of %s only (links to other languages lead nowhere)", ", ".join(built))
    return config
