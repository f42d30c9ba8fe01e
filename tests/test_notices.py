from returnsite.notices import DRAFT, FALLBACK, OUTDATED, SOURCE_NEWER, Notice, page_notices


def test_page_in_the_readers_language_has_no_notice():
    assert page_notices("fr", "fr", {}) == []


def test_english_text_on_a_french_page_says_it_is_not_translated():
    assert page_notices("fr", "en", {}) == [Notice("fallback", FALLBACK)]


def test_draft_translation_says_it_is_not_checked():
    assert page_notices("ps", "ps", {"translation": "draft"}) == [Notice("draft", DRAFT)]


def test_english_source_is_never_a_draft_notice_when_shown_as_fallback():
    # The English page itself may be marked draft, but a fallback shows only the fallback notice.
    assert page_notices("ps", "en", {"translation": "draft"}) == [Notice("fallback", FALLBACK)]


def test_a_sheet_not_reviewed_for_long_says_it_may_be_out_of_date():
    assert page_notices("fr", "fr", {"outdated": True}) == [Notice("outdated", OUTDATED)]


def test_an_outdated_fallback_page_has_both_notices():
    assert page_notices("ps", "en", {"outdated": True}) == [
        Notice("fallback", FALLBACK),
        Notice("outdated", OUTDATED),
    ]


def test_a_translation_of_an_older_english_text_says_the_english_is_newer():
    assert page_notices("fr", "fr", {"source_newer": True, "translation": "draft"}) == [
        Notice("source_newer", SOURCE_NEWER),
        Notice("draft", DRAFT),
    ]


def test_a_fallback_page_never_says_its_translation_is_older():
    assert page_notices("fr", "en", {"source_newer": True}) == [Notice("fallback", FALLBACK)]
