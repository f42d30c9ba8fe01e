import pytest

from returnsite.collation import sorted_for


@pytest.mark.parametrize(
    ("code", "words", "expected"),
    [
        # Accented capitals sort with their base letter, not after Z.
        ("fr", ["Maroc", "Équateur", "Afghanistan"], ["Afghanistan", "Équateur", "Maroc"]),
        # Farsi letters added to the Arabic alphabet: پ comes right after ب, not at the end.
        ("fa", ["پاکستان", "تاجیکستان", "بلژیک"], ["بلژیک", "پاکستان", "تاجیکستان"]),
        ("ru", ["Эквадор", "Алжир", "Ирак"], ["Алжир", "Ирак", "Эквадор"]),
        # Ethiopic order: ሀ ለ ሐ መ ... ረ ሰ ... አ ከ
        ("am", ["ኢራቅ", "ሞሮኮ", "ሩስያ"], ["ሞሮኮ", "ሩስያ", "ኢራቅ"]),
        # Pinyin: e (厄瓜多尔) before y (伊拉克), a (阿富汗) first.
        ("zh", ["伊拉克", "厄瓜多尔", "阿富汗"], ["阿富汗", "厄瓜多尔", "伊拉克"]),
    ],
)
def test_alphabetical_order_of_each_language(code, words, expected):
    assert sorted_for(code, words) == expected
