"""Pages made by the build (country sheets, stories, search), in the language being built.

mkdocs-static-i18n 1.3.1 rebuilds every ``File`` from disk in its ``on_files``
event, which breaks in-memory ``File.generated`` pages. So generated pages are
added *after* it (hooks call :func:`add_pages` from ``on_files`` with
``@event_priority(-200)``), only for the language being built, and carry the
attributes the plugin gives its own files. Every generated page exists in every
language: a page whose texts are not translated is rendered with the English
texts and ``text_language: en`` in its front matter, which shows the notice.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from returnsite.languages import language


def add_pages(
    files: Files, config: MkDocsConfig, code: str, pages: Iterable[tuple[str, str]]
) -> list[File]:
    """Add ``(path, markdown)`` pages, e.g. ``("countries/iq.md", ...)``, for language *code*.

    Links between pages use the same language-neutral paths as hand-written
    pages (``countries/iq.md``), and resolve in every language.
    """
    lang = language(code)
    added = []
    for path, markdown in pages:
        file = File.generated(config, f"{code}/{path}", content=markdown)
        if not lang.prefix:  # the default language lives at the site root
            file.dest_uri = file.dest_uri.removeprefix(f"{code}/")
        # What mkdocs-static-i18n's own files carry (its templates read them).
        file.locale = file.localization = file.locale_alternate_of = code
        file.norm_src_uri = path
        file.alternates = {code: file}
        files.append(file)
        added.append(file)
    return added
