"""Return story pages and the stories index, rendered as Markdown per language."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from babel.support import NullTranslations

from returnsite.content import Story, StoryFile, load_content
from returnsite.content.stories import SupportKind
from returnsite.i18n import translations
from returnsite.render_stories import SUPPORT_LABELS, stories_index, story_page

FIXTURE = Path(__file__).parent / "fixtures" / "content_build"
ENGLISH = NullTranslations()


class Catalog(NullTranslations):
    """Translations from a dict, for tests."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)


def make_story(name: str = "ma-2020-test", **data: object) -> Story:
    fields = {
        "country": "ma",
        "year_of_return": 2020,
        "support_used": ["housing"],
        "partner": "Test Partner",
        "example": True,
        "texts": {"en": {"title": "English title", "body": "English body."}},
        **data,
    }
    path = Path("return_stories") / f"{name}.yml"
    return Story(name=name, path=path, data=StoryFile.model_validate(fields))


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE)


def test_every_kind_of_support_has_a_label() -> None:
    assert list(SUPPORT_LABELS) == list(get_args(SupportKind))


# --- A story's page ---------------------------------------------------------------


def test_a_translated_story_page(content) -> None:
    page = story_page(content.stories["ma-2019-test-bakery"], "fr", ENGLISH)
    # The fixture's French text was made from an older English text.
    assert page.startswith(
        '---\ntitle: "Récit de test d\'une boulangerie"\nsource_newer: true\n---\n\n'
        "# Récit de test d'une boulangerie\n"
    )
    assert (
        '<div class="content-facts" markdown>\n\n'
        "- **Country:** [Maroc](../countries/ma.md)\n"
        "- **Year of return:** 2019\n"
        "- **Support used for:** Small business et Housing\n"
        "- **Reintegration partner:** Test Partner Organisation\n\n"
        "</div>\n"
    ) in page
    assert "Texte de test du récit, en français." in page
    assert "[About returning to Maroc](../countries/ma.md) · [All return stories](index.md)" in page


def test_an_untranslated_story_falls_back_to_english(content) -> None:
    page = story_page(content.stories["ma-2019-test-bakery"], "ps", ENGLISH)
    assert page.startswith('---\ntitle: "Test story of a bakery"\ntext_language: "en"\n---\n')
    assert "Test story text in English. Back to [the sheet](../countries/ma.md)." in page
    assert '<div class="content-facts" markdown lang="ps" dir="rtl">' in page
    assert "- **Country:** [مراکش](../countries/ma.md)\n" in page


def test_an_example_has_a_visible_label_under_its_title(content) -> None:
    page = story_page(content.stories["ma-2019-test-bakery"], "en", ENGLISH)
    assert (
        "# Test story of a bakery\n\n"
        '<p class="content-badge content-badge--example content-badge--block">'
        "<strong>Illustrative example</strong> This story was written to show how the support "
        "can be used. It is not the testimony of a real person.</p>\n"
    ) in page


def test_a_real_story_has_no_example_label(content) -> None:
    page = story_page(content.stories["dz-2021-test-workshop"], "en", ENGLISH)
    assert "Illustrative example" not in page


def test_support_labels_are_translated_and_listed_in_the_readers_language() -> None:
    story = make_story(support_used=["small_business", "housing", "health"])
    catalog = Catalog({"Small business": "Petite entreprise", "Housing": "Logement"})
    page = story_page(story, "fr", catalog)
    assert "- **Support used for:** Petite entreprise, Logement et Health\n" in page


def test_the_photo_is_shown_with_its_alt_text(content) -> None:
    page = story_page(content.stories["ma-2019-test-bakery"], "en", ENGLISH)
    assert (
        "![A test picture of nothing](../assets/stories/photos/ma-2019-test-bakery.png)"
        '{ .content-photo loading="lazy" }\n'
    ) in page


def test_an_english_alt_text_on_a_translated_page_is_marked_as_english(content) -> None:
    # The French text has no photo_alt: the English one is used, marked as English.
    page = story_page(content.stories["ma-2019-test-bakery"], "fr", ENGLISH)
    assert (
        "![A test picture of nothing](../assets/stories/photos/ma-2019-test-bakery.png)"
        '{ .content-photo loading="lazy" lang="en" dir="ltr" }\n'
    ) in page


def test_a_story_without_photo_has_no_image(content) -> None:
    assert "![" not in story_page(content.stories["dz-2021-test-workshop"], "en", ENGLISH)


def test_links_in_the_story_text_point_to_the_pages() -> None:
    body = "See [health](sheet:ma#health), [another](story:dz-2021-x) and [gone](story:gone)."
    story = make_story(texts={"en": {"title": "T", "body": body}})
    page = story_page(story, "en", ENGLISH, story_names={"dz-2021-x"})
    assert (
        "See [health](../countries/ma.md#health), [another](dz-2021-x.md) and [gone](index.md)."
    ) in page


def test_titles_and_names_are_not_markup() -> None:
    story = make_story(partner="A_B *C*", texts={"en": {"title": "[T]", "body": "B."}})
    page = story_page(story, "en", ENGLISH)
    assert "# \\[T\\]\n" in page
    assert "- **Reintegration partner:** A\\_B \\*C\\*\n" in page


# --- The stories index ------------------------------------------------------------


def test_stories_are_grouped_by_country_in_the_readers_order_newest_first() -> None:
    stories = [
        make_story("ma-2019", year_of_return=2019),
        make_story("dz-2020", country="dz", year_of_return=2020),
        make_story("ma-2021", year_of_return=2021),
    ]
    index = stories_index(stories, "fr", ENGLISH)
    order = [line.split("](", 1)[1].split(")", 1)[0] for line in index.splitlines()
             if line.startswith("<li ")]  # fmt: skip
    assert order == ["dz-2020.md", "ma-2021.md", "ma-2019.md"]  # Algérie, then Maroc


def test_each_story_carries_its_country_and_support_for_the_filters(content) -> None:
    index = stories_index(content.stories.values(), "fr", ENGLISH)
    assert (
        '<li data-country="ma" data-support="small_business housing" markdown="span">'
        "[Récit de test d'une boulangerie](ma-2019-test-bakery.md)\n"
        '<span class="content-list__meta">Maroc · 2019 · Small business et Housing</span>\n'
        '<span class="content-badge content-badge--example">Illustrative example</span>\n'
        "</li>\n"
    ) in index
    assert (
        '[<span lang="en" dir="ltr">Test story of a workshop</span>](dz-2021-test-workshop.md)'
    ) in index


def test_the_filters_offer_the_countries_and_kinds_of_support_used(content) -> None:
    index = stories_index(content.stories.values(), "fr", ENGLISH)
    assert (
        '<option value="">All countries</option>\n'
        '<option value="dz">Algérie</option>\n'
        '<option value="ma">Maroc</option>\n'
        "</select>"
    ) in index
    assert (
        '<option value="">All kinds of support</option>\n'
        '<option value="small_business">Small business</option>\n'
        '<option value="housing">Housing</option>\n'
        '<option value="work">Work</option>\n'
        "</select>"
    ) in index


def _introduction(index: str) -> list[str]:
    """The paragraphs between the index's title and its list (or filters)."""
    body = index.split("\n# ", 1)[1].split("\n", 1)[1]
    body = body.split("<form", 1)[0].split("There are no stories yet.", 1)[0]
    return [line for line in body.splitlines() if line.strip()]


TESTIMONY = "People who returned tell what they did with the reintegration support."
ALL_EXAMPLES = (
    "**These stories are illustrative examples: they were written to show how the "
    "reintegration support can be used. They are not testimonies of real people.**"
)
SOME_EXAMPLES = (
    "**Some of these stories are illustrative examples: they were written to show how the "
    "reintegration support can be used and are not testimonies of real people. They are "
    "marked “Illustrative example”.**"
)


def test_an_index_of_examples_only_says_so_first_and_presents_no_testimony() -> None:
    stories = [make_story("ma-2019", example=True), make_story("ma-2020", example=True)]
    assert _introduction(stories_index(stories, "en", ENGLISH)) == [ALL_EXAMPLES]


def test_an_index_with_some_examples_says_so_first() -> None:
    real = make_story("ma-2020", example=False, consent_to_publish=True)
    stories = [make_story("ma-2019", example=True), real]
    assert _introduction(stories_index(stories, "en", ENGLISH)) == [
        SOME_EXAMPLES,
        "In the other stories, people who returned tell what they did with the "
        "reintegration support.",
    ]


def test_an_index_of_real_stories_presents_them_as_testimonies() -> None:
    real = make_story(example=False, consent_to_publish=True)
    assert _introduction(stories_index([real], "en", ENGLISH)) == [TESTIMONY]


def test_the_examples_notice_is_translated() -> None:
    french = translations("fr")
    index = stories_index([make_story(example=True)], "fr", french)
    assert _introduction(index) == [f"**{french.gettext(ALL_EXAMPLES.strip('*'))}**"]
    assert french.gettext(ALL_EXAMPLES.strip("*")) != ALL_EXAMPLES.strip("*")


def test_an_empty_index_says_there_are_no_stories_yet() -> None:
    index = stories_index([], "en", ENGLISH)
    assert "There are no stories yet." in index
    assert "data-filter-form" not in index


@pytest.mark.parametrize(
    ("include_examples", "introduction"),
    [
        pytest.param(True, [ALL_EXAMPLES], id="with-the-shipped-examples"),
        pytest.param(False, [], id="INCLUDE_EXAMPLE_STORIES=false"),
    ],
)
def test_the_shipped_stories_index_in_both_builds(include_examples, introduction) -> None:
    from returnsite import ROOT

    content = load_content(ROOT)
    if not include_examples:
        content = content.without_examples()
    index = stories_index(content.stories.values(), "en", ENGLISH)
    assert _introduction(index) == introduction
    assert TESTIMONY not in index
    assert ("There are no stories yet." in index) is not include_examples
