"""The reintegration page's table "who can get what", generated from
data/estimator.yml through the [[support_table]] placeholder (issue 14, item 10)."""

from __future__ import annotations

import re
import sys
from types import SimpleNamespace

import pytest

from returnsite import ROOT
from returnsite.languages import codes
from returnsite.placeholders import PAGE_PLACEHOLDERS, placeholder_problems

sys.path.insert(0, str(ROOT / "hooks"))
import estimator_hook  # noqa: E402


@pytest.mark.parametrize("code", codes())
def test_each_language_shows_the_generated_table_once_with_one_caveat(code):
    text = (ROOT / "docs" / code / "reintegration.md").read_text(encoding="utf-8")
    assert text.count("[[support_table]]") == 1
    assert text.count("!!! note") == 1  # the one caveat, under the table
    assert text.index("[[support_table]]") < text.index("!!! note")
    # No amount typed by hand: they all come from data/estimator.yml.
    assert not re.search(r"\b(700|350|1[.,\u202f ]?500|500|1[.,\u202f ]?000)\b", text)


def test_the_placeholder_is_known_to_the_checks():
    assert placeholder_problems("[[support_table]]", PAGE_PLACEHOLDERS) == []
    # A sheet's or a story's text is about one country: no table of everyone's support.
    assert placeholder_problems("[[support_table]]") == [
        (0, "[[support_table]] works only in the programme's pages (docs/); leave it out here")
    ]


def test_the_hook_replaces_the_placeholder_with_the_table_in_the_pages_language():
    estimator_hook.on_config(SimpleNamespace())
    config = SimpleNamespace(theme={"language": "fr"})
    markdown = estimator_hook.on_page_markdown(
        "Intro\n\n[[support_table]]\n\nFin", None, config, None
    )
    assert "[[support_table]]" not in markdown
    assert '\n<table class="estimator-rules">' in markdown
    assert "<caption>" in markdown and "9 août 2017" in markdown
    assert "jusqu&#39;à 250\u00a0€ par adulte, 125\u00a0€ par enfant" in markdown
    assert markdown.startswith("Intro\n\n") and markdown.endswith("\n\nFin")
