"""The check of every file in ``data/``: :func:`check_data` lists all mistakes at once.

Each file has one schema (a pydantic model), next to the code that uses it:
``languages.yml`` (:mod:`returnsite.languages`), ``contact.yml`` and
``desks.yml`` (:mod:`returnsite.desks`), ``estimator.yml``
(:mod:`returnsite.estimator`), ``sheet_sections.yml``
(:mod:`returnsite.content.sections`), ``organisations.yml``
(:mod:`returnsite.organisations`). The build's loaders read the files
through the same models; this module adds the checks between a data file and
the rest of the project (a language's folders, mkdocs.yml).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import yaml
from material import __file__ as _material_init

from returnsite.content.sections import check_sections
from returnsite.desks import check_contact_data
from returnsite.estimator import load_rules
from returnsite.languages import Language, check_languages
from returnsite.organisations import check_organisations
from returnsite.validation import ContentError, ContentErrors, read_document

DATA_FILES = (
    "languages.yml",
    "contact.yml",
    "desks.yml",
    "estimator.yml",
    "sheet_sections.yml",
    "organisations.yml",
)
MATERIAL_LANGUAGES = Path(_material_init).parent / "templates" / "partials" / "languages"


def check_data(root: Path) -> list[ContentError]:
    """Every mistake in the data files of the project folder ``root``, sorted by file and line."""
    data = root / "data"
    languages, errors = check_languages(data / "languages.yml")
    if languages is not None:
        errors += check_language_files(root, languages)
    # desks.yml names languages: if languages.yml is broken, its mistakes come first.
    with contextlib.suppress(ContentErrors):
        errors += check_contact_data(data / "contact.yml", data / "desks.yml")[1]
    errors += load_rules(data / "estimator.yml")[1]
    errors += check_sections(data / "sheet_sections.yml")[1]
    errors += check_organisations(data / "organisations.yml")
    errors += _unknown_files(data)
    return sorted(errors, key=ContentError.sort_key)


def check_language_files(root: Path, languages: tuple[Language, ...]) -> list[ContentError]:
    """Each language has its pages, its catalog, its Material UI language and its
    line in mkdocs.yml; the mistakes are reported on the language's line."""
    path = root / "data" / "languages.yml"
    document, _ = read_document(path)
    assert document is not None  # checked by check_languages before
    errors = []
    for index, lang in enumerate(languages):
        line = document.line_of((index,))
        docs = root / "docs" / lang.code
        if not docs.is_dir():
            errors.append(
                ContentError(
                    path,
                    line,
                    f"{lang.code}: the language has no pages: add the folder docs/{lang.code}/ "
                    "(copy docs/en/ to start), or remove the language here",
                )
            )
        catalog = root / "locales" / lang.code / "LC_MESSAGES" / "messages.po"
        if not lang.default and not catalog.is_file():
            errors.append(
                ContentError(
                    path,
                    line,
                    f"{lang.code}: the language has no translations of the site's texts: add "
                    f"locales/{lang.code}/LC_MESSAGES/messages.po (pybabel init -i "
                    f"locales/messages.pot -d locales -l {lang.code}), or remove the language here",
                )
            )
        material = f"{lang.material}.html"
        if (
            not (MATERIAL_LANGUAGES / material).is_file()
            and not (root / "overrides" / "partials" / "languages" / material).is_file()
        ):
            errors.append(
                ContentError(
                    path,
                    line,
                    f"material: Material for MkDocs has no language '{lang.material}'; write "
                    "one of its language codes, or add "
                    f"overrides/partials/languages/{material}",
                )
            )
    return errors + _mkdocs_languages(
        root, languages, [document.line_of((i,)) for i in range(len(languages))]
    )


def _mkdocs_languages(
    root: Path, languages: tuple[Language, ...], lines: list[int]
) -> list[ContentError]:
    """``plugins: i18n: languages`` in mkdocs.yml lists the same languages, in the same order."""
    config = root / "mkdocs.yml"
    path = root / "data" / "languages.yml"
    entries = _i18n_languages(config)
    if entries is None:
        return []
    declared = {code: line for code, _, _, line in entries}
    errors = []
    for lang, line in zip(languages, lines, strict=True):
        if lang.code not in declared:
            errors.append(
                ContentError(
                    path,
                    line,
                    f"{lang.code}: missing in mkdocs.yml (plugins: i18n: languages); add "
                    f"'- {{locale: {lang.code}, name: {lang.native_name}, build: true}}' there, "
                    "at the same place in the list as here",
                )
            )
    known = {lang.code: lang for lang in languages}
    for code, name, default, line in entries:
        lang = known.get(code)
        if lang is None:
            errors.append(
                ContentError(
                    config,
                    line,
                    f"plugins: i18n: languages: '{code}' is not in data/languages.yml; add it "
                    "there (code, english_name, dir, material), or remove it here",
                )
            )
        elif name != lang.native_name:
            errors.append(
                ContentError(
                    config,
                    line,
                    f"plugins: i18n: languages: the name of '{code}' is '{name}', but the "
                    f"language's own name (data/languages.yml, CLDR) is '{lang.native_name}'; "
                    f"write name: {lang.native_name}",
                )
            )
        elif default != lang.default:
            write = "add 'default: true'" if lang.default else "remove 'default: true'"
            errors.append(
                ContentError(
                    config,
                    line,
                    f"plugins: i18n: languages: '{code}' is "
                    f"{'' if lang.default else 'not '}the default language in "
                    f"data/languages.yml; {write} here",
                )
            )
    order = [code for code, _, _, _ in entries if code in known]
    wanted = [lang.code for lang in languages if lang.code in declared]
    if not errors and order != wanted:
        first = next(i for i, (a, b) in enumerate(zip(order, wanted, strict=True)) if a != b)
        errors.append(
            ContentError(
                config,
                declared[order[first]],
                f"plugins: i18n: languages: '{order[first]}' is listed where data/languages.yml "
                f"has '{wanted[first]}'; list the languages in the order of data/languages.yml",
            )
        )
    return errors


def _i18n_languages(config: Path) -> list[tuple[str, str, bool, int]] | None:
    """(locale, name, default, line) of each language in mkdocs.yml, or None if it
    cannot be read."""
    try:
        root = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return None  # mkdocs itself reports a broken mkdocs.yml
    plugins = _value(root, "plugins")
    items = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    for item in items:
        i18n = _value(item, "i18n")
        languages = _value(i18n, "languages")
        if isinstance(languages, yaml.SequenceNode):
            return [
                (
                    _text(_value(entry, "locale")),
                    _text(_value(entry, "name")),
                    _text(_value(entry, "default")).lower() == "true",
                    entry.start_mark.line + 1,
                )
                for entry in languages.value
            ]
    return None


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)


def _text(node: yaml.Node | None) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _unknown_files(data: Path) -> list[ContentError]:
    errors = []
    for path in sorted(data.iterdir()) if data.is_dir() else []:
        if path.name in DATA_FILES or path.name.startswith("."):
            continue
        hint = ""
        if path.suffix == ".yaml" and path.with_suffix(".yml").name in DATA_FILES:
            hint = f" (the build reads {path.with_suffix('.yml').name}, with the ending .yml)"
        errors.append(
            ContentError(
                path,
                None,
                f"the build does not read this file{hint}; the data files are "
                f"{', '.join(DATA_FILES)}: move its content into one of them, or remove it",
            )
        )
    return errors
