"""Every folder of ``docs/`` and ``locales/`` belongs to a language of the site,
and every translated page has the name of an English page: a misnamed folder or
file would otherwise be published nowhere, or as a page nobody links to.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from returnsite.validation import ContentError, ContentErrors

ASSETS = {"assets"}  # docs/ folders that hold files, not a language's pages


def check_language_folders(root: Path) -> list[ContentError]:
    from returnsite.languages import load_languages

    try:
        languages = load_languages(root / "data" / "languages.yml")
    except ContentErrors:
        return []  # the data check reports data/languages.yml itself
    codes = [lang.code for lang in languages]
    default = next(lang.code for lang in languages if lang.default)
    errors = []
    for folder, kind in ((root / "docs", "pages"), (root / "locales", "UI strings")):
        for path in _folders(folder):
            if path.name not in codes and path.name not in ASSETS:
                errors.append(ContentError(path, None, _not_a_language(path.name, codes, kind)))
    english = root / "docs" / default
    pages = {p.relative_to(english).as_posix() for p in english.rglob("*.md")}
    for code in codes:
        folder = root / "docs" / code
        if code == default or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            name = path.relative_to(folder).as_posix()
            if name not in pages:
                close = difflib.get_close_matches(name, sorted(pages), n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                errors.append(
                    ContentError(
                        path,
                        None,
                        f"there is no English page {name}{hint}; a translation has the name "
                        f"of the English page it translates, in docs/{default}/",
                    )
                )
    return errors


def _folders(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _not_a_language(name: str, codes: list[str], kind: str) -> str:
    close = difflib.get_close_matches(name.lower(), codes, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (
        f"'{name}' is not a language of the site{hint}, so its {kind} are not published; "
        "name the folder with a code from data/languages.yml, or add the language there first"
    )
