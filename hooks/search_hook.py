"""Search: one Pagefind index per language, loaded in small pieces by a search page.

Material's built-in search is not used: it writes one index of every language
that each page downloads. Each language build here starts the indexing of
its own pages in the background (returnsite.search.Indexes); the outer build
waits for all of them at its end.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

from returnsite.generated_pages import add_pages
from returnsite.i18n import translations
from returnsite.options import OptionError, flag
from returnsite.search import Indexes, last_built, search_page

log = get_plugin_logger("search")

_indexes = Indexes()
_pages: list[str] = []  # the HTML files written by the language build in progress


@event_priority(-200)  # after mkdocs-static-i18n, see returnsite.generated_pages
def on_files(files, config):
    code = config.theme["language"]
    add_pages(files, config, code, [("search.md", search_page(translations(code)))])
    return files


def on_pre_build(config):
    _pages.clear()


def on_post_page(output, page, config):
    _pages.append(page.file.dest_uri)
    return output


# Before mkdocs-static-i18n (-100) builds the other languages from the default
# language's on_post_build: that language's pages are all written by then.
@event_priority(0)
def _index_this_language(config):
    if _wanted(config):
        code = config.theme["language"]
        i18n = config.plugins["i18n"]
        last = code == last_built(i18n.build_languages, i18n.default_language)
        _indexes.start(config.site_dir, code, _pages, last=last)
    _pages.clear()


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def _wait_for_the_indexes(config):
    if config.plugins["i18n"].building or not _wanted(config):
        return  # a language build nested inside the default one, or a preview
    try:
        codes = _indexes.finish()
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    log.info("search indexes written to pagefind/<language>/ for %d languages", len(codes))


on_post_build = CombinedEvent(_index_this_language, _wait_for_the_indexes)


def _wanted(config) -> bool:
    try:
        return flag(config.extra, "search_index", True)
    except OptionError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
