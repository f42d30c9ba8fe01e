"""Build speed: faster alternates for mkdocs-static-i18n and templates compiled
once for all language builds (see returnsite.build_speed and bench/README.md)."""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from returnsite.build_speed import TemplateCodeCache, install_fast_alternates

log = get_plugin_logger("build_speed")

# One cache for the language builds of one `mkdocs build` (or `serve` rebuild):
# mkdocs loads this hook file anew with each configuration.
_templates = TemplateCodeCache()


@event_priority(100)  # before mkdocs-static-i18n reads the files of a language
def on_config(config):
    if not install_fast_alternates(config.plugins["i18n"]):
        log.debug("docs_structure is not 'folder': mkdocs-static-i18n's alternates kept")
    return config


def on_env(env, config, files):
    env.bytecode_cache = _templates
    return env
