"""Templates escape by default: every value is text until our code says it is markup.

mkdocs' Jinja environment has no autoescape, and Material's templates rely on
that (they print ``page.content`` as it is). :func:`autoescape_own` turns
escaping on for the templates of ``overrides/`` only, and
:func:`install_escaped_gettext` makes a translator's ``msgstr`` text: with
autoescape on, Jinja's newstyle gettext would take it as trusted markup.

Values that Material's own (unescaped) templates print, such as the page
title and the site's name, are given to them as :class:`markupsafe.Markup`
holding the escaped text (:func:`escaped`): Material prints the escaped text,
our templates see markup and do not escape it twice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from babel.support import NullTranslations
from jinja2 import Environment
from markupsafe import Markup, escape

from returnsite import ROOT

OVERRIDES = ROOT / "overrides"


def own_template_names(folder: Path = OVERRIDES) -> frozenset[str]:
    """The template names (as Jinja's loader spells them) of every file in ``folder``."""
    return frozenset(
        path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()
    )


def autoescape_own(names: frozenset[str]) -> Callable[[str | None], bool]:
    """An ``autoescape=`` callable (like ``select_autoescape``): on for our templates.

    Templates made from a string (no name) are ours too.
    """
    return lambda name: name is None or name in names


def install_escaped_gettext(env: Environment, translations: NullTranslations) -> None:
    """``_()``, ``gettext`` and ``ngettext`` whose translated text is escaped.

    Jinja's newstyle gettext fills the placeholders with ``%`` on the result:
    on :class:`Markup`, the values are escaped too, unless they are markup
    themselves (a link built in the template).
    """

    def gettext(message: str) -> Markup:
        return escape(translations.gettext(message))

    def ngettext(singular: str, plural: str, n: int) -> Markup:
        return escape(translations.ngettext(singular, plural, n))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)


def escaped(text: str | None) -> Markup | None:
    """``text`` as escaped markup, for templates that escape and templates that do not."""
    if text is None or isinstance(text, Markup):
        return text
    return escape(text)
