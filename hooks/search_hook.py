"""Search: one Pagefind index per language, loaded in small pieces by a search page.

Material's built-in search is not used: it writes one index of every language
that each page downloads. Pagefind splits the index by the ``lang`` of each
page and the search page loads only the fragments a query needs.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from returnsite.generated_pages import add_pages
from returnsite.i18n import translations
from returnsite.search import build_index, search_page

log = get_plugin_logger(__name__)


@event_priority(-200)  # after mkdocs-static-i18n, see returnsite.generated_pages
def on_files(files, config):
    code = config.theme["language"]
    add_pages(files, config, code, [("search.md", search_page(translations(code)))])
    return files


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return  # a language build nested inside the default one: index once at the end
    stats = build_index(config.site_dir)
    log.info(stats)
