"""Two costs of building 17 languages one after the other, removed
(``hooks/build_speed_hook.py`` wires them in; ``bench/build.py`` measures them).

1. mkdocs-static-i18n 1.3.1 finds the other-language versions ("alternates")
   of every file in every language build with
   ``ExtendedPlugin.reconfigure_files_alternates``: for each language, each
   file, and each other-language copy of that file until one matches, it
   creates a new ``File`` just to read its locale. That is languages x files x
   copies ``File`` objects per build, and 17 builds: about half of a
   17-language build (``bench/README.md`` has the figures).
   :func:`install_fast_alternates` replaces the method on the plugin instance
   with :func:`fast_alternates`, which gives every file the same alternates,
   in the same order, but reads each copy's locale from its path (the rule of
   ``mkdocs_static_i18n.folder.create_i18n_file``, see :func:`folder_locale`)
   and creates one ``File`` per (copy, language), reused by the later
   language builds. Only the ``folder`` docs structure is handled; with
   ``suffix`` the plugin's own method stays.

2. Every link of every page is resolved with ``I18nFiles.get_file_from_path``,
   which builds several ``PurePath`` objects per call (a tenth of a build's
   Python time in a profile). :func:`fast_file_lookup` gives the same answer
   with string operations; :func:`install_fast_alternates` puts it on the
   plugin's ``I18nFiles`` class (folder structure only, like the alternates).

3. Each language build makes a new Jinja environment, which compiles every
   theme template again (17 times). :class:`TemplateCodeCache` keeps the
   compiled code of each template (checked against its source) for the
   following builds; the environments of all language builds are configured
   alike (same theme, extensions and options), which Jinja requires of a
   shared bytecode cache.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs_static_i18n import is_relative_to
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.folder import I18nFiles

# --- Alternates -------------------------------------------------------------------


def folder_locale(src_path: str, default_language: str, all_languages: Sequence[str]) -> str:
    """The locale ``folder.create_i18n_file`` gives a docs file, from its path alone.

    The same loop as the plugin's: the first configured language whose folder
    holds the file, or any first folder named like a locale, else the default.
    """
    for language in all_languages:
        if is_relative_to(src_path, language):
            return language
        first = PurePath(src_path).parts[0]
        if RE_LOCALE.match(first):
            return first
    return default_language


def fast_alternates(
    plugin: Any,
    i18n_src_uris: dict[str, File],
    i18n_alternate_src_uris: dict[str, list[File]],
    mkdocs_config: MkDocsConfig,
    create_i18n_file: Callable[..., File],
    cache: dict[tuple, File],
) -> None:
    """``reconfigure_files_alternates`` of mkdocs-static-i18n 1.3.1, same result.

    For each language and file without an alternate in that language: the
    first copy in that language; else, with ``fallback_to_default``, the first
    copy in the default language, or the file itself if it is in the default
    language; each made into a ``File`` of that language's build. ``cache``
    keeps these ``File`` objects for the next language builds: they are made
    from the copy's paths, the language and the config alone, and are only
    read (they are not part of any build's files).
    """
    default = plugin.default_language
    languages = plugin.all_languages
    fallback = plugin.config.fallback_to_default is True
    locales: dict[str, str] = {}

    def locale_of(file: File) -> str:
        if file.src_path not in locales:
            locales[file.src_path] = folder_locale(file.src_path, default, languages)
        return locales[file.src_path]

    def alternate(file: File, build_lang: str) -> File:
        key = (
            file.src_path,
            file.dest_path,
            file.dest_uri,
            file.inclusion,
            build_lang,
            default,
            tuple(languages),
            mkdocs_config.docs_dir,
            mkdocs_config.site_dir,
            mkdocs_config.use_directory_urls,
        )
        if key not in cache:
            cache[key] = create_i18n_file(file, build_lang, default, languages, mkdocs_config)
        return cache[key]

    for build_lang in sorted(plugin.build_languages):
        for i18n_src_uri, i18n_file in i18n_src_uris.items():
            if build_lang in i18n_file.alternates:
                continue
            copies = i18n_alternate_src_uris.get(i18n_src_uri, [])
            same = next((copy for copy in copies if locale_of(copy) == build_lang), None)
            if same is not None:
                i18n_file.alternates[build_lang] = alternate(same, build_lang)
            elif fallback:
                source = next((copy for copy in copies if locale_of(copy) == default), None)
                if source is not None:
                    i18n_file.alternates[build_lang] = alternate(source, build_lang)
                elif locale_of(i18n_file) == default:
                    i18n_file.alternates[build_lang] = alternate(i18n_file, build_lang)


# mkdocs-static-i18n's own method, before install_fast_alternates replaces it
# (the tests compare the two).
plugin_file_lookup = I18nFiles.get_file_from_path


def fast_file_lookup(files: Any, path: str) -> File | None:
    """``I18nFiles.get_file_from_path`` of mkdocs-static-i18n 1.3.1, same result.

    The file at *path* in the language being built, else (with
    ``fallback_to_default``) in the default language, else at *path* itself;
    a path that names a language folder is looked up as written first.
    """
    plugin = files.plugin
    uri = path if _is_normal(path) else PurePath(path).as_posix()
    if uri == ".":
        uri = "index.md"
    current, default = plugin.current_language, plugin.default_language
    fallback = plugin.config.fallback_to_default is True

    def under(language: str) -> str | None:
        """*uri* without the language's folder, if it is in that folder."""
        if uri == language:
            return "."
        return uri[len(language) + 1 :] if uri.startswith(language + "/") else None

    def join(language: str, rest: str) -> str:
        return language if rest == "." else f"{language}/{rest}"

    if (rest := under(current)) is not None:
        candidates = [uri, join(default, rest)] if fallback else [uri]
        candidates.append(rest)
    elif (rest := under(default)) is not None:
        candidates = [uri, join(current, rest)] if fallback else [uri]
        candidates.append(rest)
    else:
        candidates = [join(current, uri), join(default, uri)] if fallback else [join(current, uri)]
        candidates.append(uri)
    src_uris = files.src_uris
    for candidate in candidates:
        found = src_uris.get(candidate)
        if found:
            return found
    return None


def _is_normal(path: str) -> bool:
    """Whether *path* is already what ``PurePath(path).as_posix()`` makes of it
    (most links are): no empty or ``.`` parts, no trailing slash."""
    return bool(path) and not (
        "//" in path or "/." in path or path.startswith(".") or path.endswith("/")
    )


def install_fast_alternates(plugin: Any) -> bool:
    """Make the mkdocs-static-i18n ``plugin`` instance use :func:`fast_alternates`,
    and its ``I18nFiles`` use :func:`fast_file_lookup`.

    Returns False (and changes nothing) unless the plugin uses the folder
    structure, the only one :func:`folder_locale` knows. Installing twice
    keeps the first installation (and its cache).
    """
    if plugin.config.docs_structure != "folder":
        return False
    I18nFiles.get_file_from_path = fast_file_lookup
    if "reconfigure_files_alternates" in vars(plugin):
        return True
    cache: dict[tuple, File] = {}

    def reconfigure_files_alternates(self, i18n_src_uris, alternates, config, create):
        fast_alternates(self, i18n_src_uris, alternates, config, create, cache)

    plugin.reconfigure_files_alternates = types.MethodType(reconfigure_files_alternates, plugin)
    return True


# --- Templates --------------------------------------------------------------------


class TemplateCodeCache(BytecodeCache):
    """Compiled templates kept in memory, by template file and source checksum."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, types.CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        entry = self._code.get(bucket.key)
        if entry is not None and entry[0] == bucket.checksum:
            bucket.code = entry[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()
