"""Made-up translation catalogs for tests that look at how translated texts are used."""

from __future__ import annotations

from babel.support import NullTranslations


class Marked(NullTranslations):
    """A complete catalog of any text: each marked with «xx»."""

    class _All(dict):
        def __contains__(self, key):
            return True

    def __init__(self):
        super().__init__()
        self._catalog = self._All()

    def gettext(self, message):
        return "«xx» " + message
