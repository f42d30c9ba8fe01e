"""Translators' catalogs are checked like content: every mistake with its line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from returnsite import ROOT
from returnsite.catalog_check import check_catalogs
from returnsite.i18n import translations
from returnsite.validation import ContentErrors

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"
PO = "locales/fr/LC_MESSAGES/messages.po"
HEADER = (
    'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)  # lines 1-6; the first entry starts on line 7
PLAIN = (
    "a translation is plain text: links and formatting belong to the site's templates, "
    "so write only the words and the placeholders of the English text"
)
ENTRY = (
    'each entry is a msgid "English text" line followed by a msgstr "translation" line, '
    "longer texts continue on lines in quotes, and comments start with #"
)
KEEP_COUNTRY = "keep the placeholders of the English text exactly: %(country)s"


def catalog(root: Path, content: bytes, code: str = "fr") -> Path:
    path = root / "locales" / code / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def messages(root: Path) -> list[str]:
    return [str(error).replace(f"{root.as_posix()}/", "") for error in check_catalogs(root)]


@pytest.mark.parametrize(
    "case,expected",
    [
        ("unclosed_quote", [f'{PO}:8: the text has no closing quote mark; end it with "']),
        ("unknown_keyword", [f"{PO}:8: 'msgtsr' is not a word a catalog knows; {ENTRY}"]),
        (
            "no_msgstr",
            [
                f'{PO}:7: this msgid has no msgstr after it; add msgstr "" '
                "(empty shows the English text)"
            ],
        ),
        (
            "misspelt_placeholder",
            [
                f"{PO}:9: uses %(pays)s, which the English text does not have, "
                f"and leaves out %(country)s; {KEEP_COUNTRY}"
            ],
        ),
        ("dropped_placeholder", [f"{PO}:9: leaves out %(country)s; {KEEP_COUNTRY}"]),
        (
            "brace_placeholder",
            [
                f"{PO}:9: uses {{country}}, which the English text does not have, "
                f"and leaves out %(country)s; {KEEP_COUNTRY}"
            ],
        ),
        (
            "lone_percent",
            [
                f"{PO}:9: contains a % sign that starts no placeholder; write %% for a "
                "percent sign; keep the placeholders of the English text exactly: %(amount)s"
            ],
        ),
        (
            "plural_index",
            [
                f"{PO}:12: msgstr[2] is one plural form too many: French has 2, "
                "msgstr[0] to msgstr[1]; delete msgstr[2]"
            ],
        ),
        (
            "plural_forms_header",
            [
                f"{PO}:4: Plural-Forms: says 'nplurals=2; plural=(n != 1);', which is not "
                "the plural rule of French; write Plural-Forms: nplurals=2; plural=(n > 1);"
            ],
        ),
        (
            "language_header",
            [
                f"{PO}:3: Language: says 'nl', but this catalog is in the folder of French "
                "(fr); write Language: fr"
            ],
        ),
        (
            "html",
            [
                f"{PO}:8: contains HTML (<img src=x onerror=alert(1)>), which the English "
                f"text does not have; {PLAIN}"
            ],
        ),
        (
            "markdown_link",
            [
                f"{PO}:8: contains a Markdown link or image ([Pays](javascript:alert(1)), "
                f"which the English text does not have; {PLAIN}"
            ],
        ),
        (
            "attr_list",
            [
                f"{PO}:8: contains a Markdown attribute list ({{: autofocus onfocus=alert(1) }}), "
                f"which the English text does not have; {PLAIN}"
            ],
        ),
        ("valid", []),
    ],
)
def test_reports_each_mistake_on_its_line(tmp_path, case, expected):
    catalog(tmp_path, (FIXTURES / f"{case}.po").read_bytes())
    assert messages(tmp_path) == expected


def test_names_an_invisible_character(tmp_path):
    catalog(tmp_path, (HEADER + 'msgid "Menu"\nmsgstr "Menu \u202e"\n').encode())
    assert messages(tmp_path) == [
        f"{PO}:8: contains the invisible character RIGHT-TO-LEFT OVERRIDE (U+202E), which "
        "can change how the text reads (a reversed phone number, hidden words); delete it, "
        "and for right-to-left text rely on the page's direction"
    ]


def test_a_file_not_in_utf8(tmp_path):
    text = HEADER + 'msgid "Home"\nmsgstr "Accueil é"\n'
    catalog(tmp_path, text.encode("latin-1"))
    assert messages(tmp_path) == [
        f"{PO}:8: is not saved as UTF-8 (byte 0xE9 on this line cannot be read); save the "
        "file with the encoding UTF-8 (in Poedit and most editors: Save as, Encoding: UTF-8)"
    ]


def test_a_byte_order_mark(tmp_path):
    catalog(tmp_path, b"\xef\xbb\xbf" + (FIXTURES / "dropped_placeholder.po").read_bytes())
    assert messages(tmp_path) == [
        f"{PO}:1: starts with an invisible byte order mark (BOM), which Babel cannot read; "
        "save the file as UTF-8 without BOM",
        f"{PO}:9: leaves out %(country)s; {KEEP_COUNTRY}",
    ]


def test_what_only_babel_refuses_gets_a_line(tmp_path, capsys):
    # A location comment with an unpaired isolate: Babel's reader refuses it.
    catalog(tmp_path, (HEADER + '#: \u2069x\nmsgid "Home"\nmsgstr "Accueil"\n').encode())
    assert messages(tmp_path) == [
        f"{PO}:7: Babel cannot read this entry (location comment contains more Pop "
        "Directional Isolate characters, than First Strong Isolate characters); " + ENTRY
    ]
    assert "Problem on line" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "msgstr",
    [
        "<x:y onfocus=alert(1)>Menu</x:y>",
        "<https://example.org>",
        "Menu { .x }",
        "Menu {#top}",
        "Menu { autofocus onfocus=alert(1) }",
        "[Pays][1]\\n\\n[1]: https://example.org",
        "![x](data:image/svg+xml,abc)",
        "java\\tscript:alert(1)",
        "VBScript:msgbox",
        "<!-- x -->",
        "</p>",
    ],
)
def test_refuses_markup_in_every_form(tmp_path, msgstr):
    catalog(tmp_path, (HEADER + f'msgid "Menu"\nmsgstr "{msgstr}"\n').encode())
    [message] = messages(tmp_path)
    assert message.startswith(f"{PO}:8: contains ") and message.endswith(PLAIN)


def test_refuses_a_quote_that_can_end_an_attribute(tmp_path):
    entries = 'msgid "Home"\nmsgstr "Accueil\\" onmouseover=\\"alert(1)"\n\n'
    entries += 'msgid "\\"Up to\\" means"\nmsgstr "\\"Jusqu\'à\\" veut dire"\n'
    catalog(tmp_path, (HEADER + entries).encode())
    assert messages(tmp_path) == [
        f'{PO}:8: contains a straight double quote ("), which the English text does not '
        "have and which can end a value in the page's HTML; use the quotation marks of "
        "the language instead (« », „ “ or “ ”)"
    ]


def test_all_mistakes_of_a_catalog_at_once(tmp_path):
    catalog(tmp_path, (FIXTURES / "many_mistakes.po").read_bytes())
    assert messages(tmp_path) == [
        f"{PO}:4: Plural-Forms: says 'nplurals=3; plural=(n > 1);', which is not the "
        "plural rule of French; write Plural-Forms: nplurals=2; plural=(n > 1);",
        f"{PO}:9: uses %(telephone)s, which the English text does not have, and leaves "
        "out %(phone)s; keep the placeholders of the English text exactly: %(phone)s",
        f"{PO}:12: contains HTML (<b>, </b>), which the English text does not have; {PLAIN}",
        f"{PO}:15: contains a Markdown link or image ([la carte](https://example.org)), "
        f"which the English text does not have; {PLAIN}",
        f'{PO}:20: the text has no closing quote mark; end it with "',
        f"{PO}:24: uses % d, which the English text does not have; keep the placeholders "
        "of the English text exactly: %(amount)s (a percent sign is written %%)",
        f"{PO}:27: contains a % sign, which the English text does not have and which this "
        "text cannot show (it would break the page); write the word instead",
        f"{PO}:32: msgstr[1] is empty while msgstr[0] is translated, so readers would see "
        "English there; French needs msgstr[0] to msgstr[1]: translate every form or "
        "leave them all empty",
        f"{PO}:35: this msgid is already in the file, at line 11; keep only one of the two entries",
    ]


def test_all_catalogs_at_once(tmp_path):
    catalog(tmp_path, (FIXTURES / "html.po").read_bytes(), "fr")
    nl = (FIXTURES / "dropped_placeholder.po").read_bytes().replace(b"fr", b"nl")
    catalog(tmp_path, nl.replace(b"(n > 1)", b"(n != 1)"), "nl")
    assert [m.split(":")[0] for m in messages(tmp_path)] == [PO, PO.replace("fr", "nl")]


def test_the_real_catalogs_pass():
    assert [str(error) for error in check_catalogs(ROOT)] == []


@pytest.mark.parametrize(
    "case,line",
    [("unclosed_quote", 8), ("html", 8), ("markdown_link", 8), ("lone_percent", 9)],
)
def test_a_catalog_with_mistakes_is_never_compiled(tmp_path, capsys, case, line):
    catalog(tmp_path, (FIXTURES / f"{case}.po").read_bytes())
    with pytest.raises(ContentErrors) as raised:
        translations("fr", tmp_path / "locales")
    assert [error.line for error in raised.value.errors] == [line]
    assert "Problem on line" not in capsys.readouterr().out


def test_an_edited_catalog_is_read_again(tmp_path):
    path = catalog(tmp_path, (HEADER + 'msgid "Menu"\nmsgstr "Menu A"\n').encode())
    assert translations("fr", tmp_path / "locales").gettext("Menu") == "Menu A"
    stat = path.stat()
    path.write_bytes((HEADER + 'msgid "Menu"\nmsgstr "Menu B"\n').encode())  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert translations("fr", tmp_path / "locales").gettext("Menu") == "Menu B"
    shutil.rmtree(tmp_path / "locales")
    assert translations("fr", tmp_path / "locales").gettext("Menu") == "Menu"


def test_a_catalog_the_build_would_not_read(tmp_path):
    stray = tmp_path / "locales" / "fr" / "messages.po"
    stray.parent.mkdir(parents=True)
    stray.write_bytes((FIXTURES / "valid.po").read_bytes())
    assert messages(tmp_path) == [
        "locales/fr/messages.po: is not read by the build, which reads only "
        "locales/<language>/LC_MESSAGES/messages.po; move the translations there"
    ]
