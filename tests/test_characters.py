import pytest

from returnsite.characters import forbidden_characters


@pytest.mark.parametrize(
    "text,offset,name",
    [
        ("call 0800\u202e54 723", 9, "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
        ("a\u2066b", 1, "LEFT-TO-RIGHT ISOLATE (U+2066)"),
        ("zero\u200bwidth", 4, "ZERO WIDTH SPACE (U+200B)"),
        ("bell\x07", 4, "CONTROL CHARACTER (U+0007)"),
    ],
    ids=["rlo", "isolate", "zwsp", "control"],
)
def test_names_each_forbidden_character(text, offset, name):
    [found] = forbidden_characters(text)
    assert (found.offset, found.name) == (offset, name)
    assert name in found.message


def test_allows_what_scripts_need():
    # ZWNJ in Persian, RLM, tabs and newlines are legitimate.
    assert forbidden_characters("می\u200cخواهم\u200f\tline\nnext") == []
