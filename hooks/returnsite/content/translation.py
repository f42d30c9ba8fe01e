"""What a translated text records about itself: the English version it was
made from, and whether a translator has checked it.

The same two fields are written in a programme page's front matter, at the
top of a country sheet's language file and in a story's text of one language
(see :mod:`returnsite.translation_status`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from returnsite.validation import Shape, matching

_check_hash = matching(
    r"[0-9a-f]{12}",
    "'{value}' is not a version mark; leave this field to 'returnsite translated', "
    "which writes it (12 letters and digits)",
)


SourceHash = Annotated[
    str, AfterValidator(_check_hash), Shape("version mark, written by returnsite")
]


class TranslationInfo(BaseModel):
    """Fields of a translated text (not of the English one)."""

    translated_from: SourceHash | None = Field(
        None,
        description="The version of the English text this translation was made from. "
        "'returnsite new translation' and 'returnsite translated' write it: do not type it.",
        examples=["3f2a9c41d0be"],
    )
    translation: Literal["draft"] | None = Field(
        None,
        description="'draft' until a translator has checked the translation: "
        "the page tells readers so. Remove the line once it is checked.",
        examples=["draft"],
    )


# Not part of the text itself: left out of the version mark of the English text.
TRANSLATION_FIELDS = frozenset(TranslationInfo.model_fields)
