"""Country sheets and return stories: schema, loading and validation.

Layout (documented for editors in the field reference):

- ``country_sheets/<cc>/sheet.yml``: facts written once (:class:`SheetFacts`);
  ``country_sheets/<cc>/<lang>.yml``: texts of one language (:class:`SheetTexts`),
  ``en.yml`` required.
- ``return_stories/<name>.yml``: one story with its texts per language
  (:class:`StoryFile`); photos in ``return_stories/photos/``.
- Links between them in any text: ``[text](sheet:ma)``, ``[text](sheet:ma#health)``,
  ``[text](story:<name>)`` (see :mod:`returnsite.content.links`).
"""

from returnsite.content.fields import country_codes, country_name
from returnsite.content.links import ContentLink, find_links, rewrite_links
from returnsite.content.loader import Content, check_content, load_content
from returnsite.content.sections import Section, load_sections, section_keys
from returnsite.content.sheets import CountrySheet, Project, SheetFacts, SheetTexts, Source
from returnsite.content.stories import Photo, Story, StoryFile, StoryText
from returnsite.validation import ContentError, ContentErrors

__all__ = [
    "Content",
    "ContentError",
    "ContentErrors",
    "ContentLink",
    "CountrySheet",
    "Photo",
    "Project",
    "Section",
    "SheetFacts",
    "SheetTexts",
    "Source",
    "Story",
    "StoryFile",
    "StoryText",
    "check_content",
    "country_codes",
    "country_name",
    "find_links",
    "load_content",
    "load_sections",
    "rewrite_links",
    "section_keys",
]
