"""The files of data/: one schema each, every mistake at once with its file and line."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from returnsite import ROOT
from returnsite.contact import load_phone
from returnsite.content import sections
from returnsite.content.sections import load_sections
from returnsite.data_files import check_data
from returnsite.desks import load_contact_data
from returnsite.estimator import load_rules, rules_json
from returnsite.languages import load_languages
from returnsite.validation import ContentErrors
from returnsite.yaml_source import ALIASES

MARKUP = "which would make a link or markup on the page; write plain text, without [ ] < > { } or `"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data files, mkdocs.yml, and a folder for each language."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    languages = ROOT / "overrides" / "partials" / "languages"
    shutil.copytree(languages, tmp_path / "overrides" / "partials" / "languages")
    for lang in load_languages():
        (tmp_path / "docs" / lang.code).mkdir(parents=True)
        if not lang.default:
            catalog = tmp_path / "locales" / lang.code / "LC_MESSAGES" / "messages.po"
            catalog.parent.mkdir(parents=True)
            catalog.touch()
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> Path:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def messages(root: Path) -> list[str]:
    return [
        f"{error.path.relative_to(root).as_posix()}:{error.line}: {error.message}"
        for error in check_data(root)
    ]


def test_the_project_s_data_files_have_no_mistakes() -> None:
    assert check_data(ROOT) == []


def test_a_copy_of_the_project_has_no_mistakes(project: Path) -> None:
    assert messages(project) == []


# --- One mistake of each kind, in each file -------------------------------------------

CASES = [
    # data/languages.yml
    pytest.param(
        "languages.yml",
        "{code: ar, english_name: Arabic, dir: rtl,",
        "{code: ar, english_name: Arabic, dir: rlt,",
        ["data/languages.yml:14: dir: 'rlt' is not allowed; write one of: 'ltr' or 'rtl'"],
        id="languages-dir-misspelt",
    ),
    pytest.param(
        "languages.yml",
        "english_name: French",
        "englsh_name: French",
        ["data/languages.yml:7: unknown field 'englsh_name'; did you mean 'english_name'?"],
        id="languages-unknown-key",
    ),
    pytest.param(
        "languages.yml",
        "{code: nl, english_name: Dutch, dir: ltr, material: nl}",
        "{code: nl, english_name: Dutch, dir: ltr}",
        ["data/languages.yml:8: material: missing; add it, e.g. 'material: fr'"],
        id="languages-missing-key",
    ),
    pytest.param(
        "languages.yml",
        "{code: fr, english_name: French, dir: ltr,",
        "{code: fr, english_name: French, dir: rtl,",
        ["data/languages.yml:7: dir: French is written ltr in CLDR, not rtl; write dir: ltr"],
        id="languages-wrong-direction",
    ),
    pytest.param(
        "languages.yml",
        "- {code: ln, english_name: Lingala, dir: ltr, material: ln}\n",
        "- {code: ln, english_name: Lingala, dir: ltr, material: ln}\n"
        "- {code: de, english_name: German, dir: ltr, material: de}\n",
        [
            "data/languages.yml:23: de: the language has no pages: add the folder docs/de/ "
            "(copy docs/en/ to start), or remove the language here",
            "data/languages.yml:23: de: the language has no translations of the site's "
            "texts: add locales/de/LC_MESSAGES/messages.po (pybabel init -i "
            "locales/messages.pot -d locales -l de), or remove the language here",
            "data/languages.yml:23: de: missing in mkdocs.yml (plugins: i18n: languages); "
            "add '- {locale: de, name: Deutsch, build: true}' there, at the same place in "
            "the list as here",
        ],
        id="languages-new-language-without-its-files",
    ),
    pytest.param(
        "languages.yml",
        "{code: en, english_name: English, dir: ltr, material: en, default: true}",
        "{code: en, english_name: English, dir: ltr, material: en}",
        [
            "data/languages.yml:6: no language has 'default: true'; add it to the language "
            "of the site's root (English: {code: en, ..., default: true})"
        ],
        id="languages-no-default",
    ),
    pytest.param(
        "languages.yml",
        "english_name: Spanish",
        "english_name: 'Spanish](javascript:alert(1)) [x'",
        [f"data/languages.yml:9: english_name: contains ']', {MARKUP}"],
        id="languages-hostile-link-in-name",
    ),
    # data/contact.yml
    pytest.param(
        "contact.yml",
        'international: "+32 800 32 745"',
        'international: "+32 800 32 746"',
        [
            "data/contact.yml:6: phone.international: '+32 800 32 746' is not the same "
            "number as national: 0800 327 45; write the same digits, with +32 instead of "
            "the leading 0: +32 800 327 45"
        ],
        id="contact-national-and-international-differ",
    ),
    pytest.param(
        "contact.yml",
        'international: "+32 800 32 745"',
        'international: "free number 0800"',
        [
            "data/contact.yml:6: phone.international: 'free number 0800' is not a Belgian "
            "phone number in international form; write +32 and the number without its "
            "leading 0, in digits and spaces only, e.g. +32 800 32 745"
        ],
        id="contact-words-in-the-number",
    ),
    pytest.param(
        "contact.yml",
        '  national: "0800 327 45"\n',
        "",
        ["data/contact.yml:4: phone.national: missing; add it, e.g. 'national: 0800 327 45'"],
        id="contact-missing-key",
    ),
    pytest.param(
        "contact.yml",
        "free_from: Belgian phones",
        "free_form: Belgian phones",
        ["data/contact.yml:7: phone: unknown field 'free_form'; did you mean 'free_from'?"],
        id="contact-unknown-key",
    ),
    pytest.param(
        "contact.yml",
        'national: "0800 327 45"',
        "national: '0800 327 45\" autofocus onfocus=\"alert(1)'",
        [
            "data/contact.yml:5: phone.national: '0800 327 45\" autofocus onfocus=\"alert(1)' "
            "is not a Belgian phone number; write it as on a Belgian phone, e.g. "
            "02 123 45 67, or with +32, e.g. +32 2 123 45 67"
        ],
        id="contact-hostile-attribute-in-number",
    ),
    pytest.param(
        "contact.yml",
        "    kind: website\n",
        "    kind: website\n"
        "orders:\n  form: https://www.fedasil.be/x)[a](javascript:alert(1)\n"
        "  source: {title: x, language: en, publisher: x, kind: document}\n",
        [
            "data/contact.yml:29: orders.form: 'https://www.fedasil.be/x)[a](javascript:alert(1)' "
            "contains ')', which cannot be in the form's address; write the address as the "
            "browser shows it, with %29 for ')' and so on"
        ],
        id="contact-hostile-link-after-the-form-address",
    ),
    pytest.param(
        "contact.yml",
        "    kind: website\n",
        "    kind: website\n"
        "orders:\n  email: a{:onclick=alert(1)}@fedasil.be\n"
        "  source: {title: x, language: en, publisher: x, kind: document}\n",
        [
            "data/contact.yml:29: orders.email: 'a{:onclick=alert(1)}@fedasil.be' is not an "
            "e-mail address; write it like name@fedasil.be"
        ],
        id="contact-hostile-attributes-in-the-order-address",
    ),
    # data/desks.yml
    pytest.param(
        "desks.yml",
        "    city: Charleroi\n",
        "    cty: Charleroi\n",
        ["data/desks.yml:107: desks.charleroi: unknown field 'cty'; did you mean 'city'?"],
        id="desks-unknown-key",
    ),
    pytest.param(
        "desks.yml",
        "    city: Charleroi\n",
        "    city: Charleroi\n    phone: 071 23 45 6x\n",
        [
            "data/desks.yml:108: desks.charleroi.phone: '071 23 45 6x' is not a Belgian "
            "phone number; write it as on a Belgian phone, e.g. 02 123 45 67, or with +32, "
            "e.g. +32 2 123 45 67"
        ],
        id="desks-broken-phone",
    ),
    pytest.param(
        "desks.yml",
        "      fr: Gand\n",
        "      fr: Gand](javascript:alert(1)) [x\n",
        [f"data/desks.yml:53: desks.ghent.names.fr: contains ']', {MARKUP}"],
        id="desks-hostile-link-in-name",
    ),
    pytest.param(
        "desks.yml",
        "    city: Liège\n",
        "    city: 'Liège {: onclick=alert(1) }'\n",
        [f"data/desks.yml:91: desks.liege.city: contains '{{', {MARKUP}"],
        id="desks-hostile-attributes-in-city",
    ),
    # data/estimator.yml
    pytest.param(
        "estimator.yml",
        "per_adult: 250\n",
        "per_adult: 2500000\n",
        [
            "data/estimator.yml:54: departure_premium.per_adult: 2500000 euros is far above "
            "what the programme gives (at most 3000 is expected here); check the amount "
            "(whole euros, no separators); if it is right, add "
            "'amount_checked_above_limit: true' under 'departure_premium:' with a comment "
            "naming the document"
        ],
        id="estimator-amount-above-its-limit",
    ),
    pytest.param(
        "estimator.yml",
        "within_months: 12",
        "within_month: 12",
        [
            "data/estimator.yml:70: reintegration: unknown field 'within_month'; "
            "did you mean 'within_months'?"
        ],
        id="estimator-unknown-key",
    ),
    pytest.param(
        "estimator.yml",
        "title: Programme de retour volontaire",
        "title: '<img src=x onerror=alert(1)>'",
        [f"data/estimator.yml:33: sources.slides_2017.title: contains '<', {MARKUP}"],
        id="estimator-hostile-markup-in-title",
    ),
    # data/sheet_sections.yml
    pytest.param(
        "sheet_sections.yml",
        "title: Housing",
        "titel: Housing",
        ["data/sheet_sections.yml:13: unknown field 'titel'; did you mean 'title'?"],
        id="sections-unknown-key",
    ),
    pytest.param(
        "sheet_sections.yml",
        "  description: Documents, airport, transport.\n",
        "",
        [
            "data/sheet_sections.yml:9: description: missing; add it, e.g. "
            "'description: Finding a place to live, rent, temporary shelter.'"
        ],
        id="sections-missing-key",
    ),
    pytest.param(
        "sheet_sections.yml",
        "key: work",
        "key: housing",
        [
            "data/sheet_sections.yml:18: key: 'housing' is listed twice (first on line 12); "
            "keep only one of them"
        ],
        id="sections-key-twice",
    ),
    pytest.param(
        "sheet_sections.yml",
        "title: Health care",
        "title: 'Health <img src=x onerror=alert(1)>'",
        [f"data/sheet_sections.yml:16: title: contains '<', {MARKUP}"],
        id="sections-hostile-markup-in-title",
    ),
    pytest.param(
        "sheet_sections.yml",
        "key: overview",
        "key: &k overview",
        [f"data/sheet_sections.yml:6: {ALIASES}"],
        id="sections-anchor",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES)
def test_a_mistake_is_reported_with_its_file_and_line(
    project: Path, name: str, old: str, new: str, expected: list[str]
) -> None:
    edit(project, name, old, new)
    assert messages(project) == expected


def test_every_mistake_of_every_file_comes_out_in_one_run(project: Path) -> None:
    edit(project, "languages.yml", "dir: rtl, material: ar", "dir: rlt, material: ar")
    edit(project, "contact.yml", '"+32 800 32 745"', '"+32 800 32 746"')
    edit(project, "desks.yml", "    city: Charleroi\n", "    cty: Charleroi\n")
    edit(project, "estimator.yml", "per_adult: 250\n", "per_adult: 2500000\n")
    edit(project, "sheet_sections.yml", "title: Housing", "titel: Housing")
    assert [line.split(": ")[0] for line in messages(project)] == [
        "data/contact.yml:6",
        "data/desks.yml:107",
        "data/estimator.yml:54",
        "data/languages.yml:14",
        "data/sheet_sections.yml:13",
    ]


def test_a_missing_data_file_is_named(project: Path) -> None:
    (project / "data" / "sheet_sections.yml").unlink()
    assert messages(project) == [
        "data/sheet_sections.yml:None: the file is missing; the build needs it: restore it "
        "from the project's history (git checkout -- <file>)"
    ]


def test_a_file_the_build_does_not_read_is_reported(project: Path) -> None:
    shutil.copy(project / "data" / "desks.yml", project / "data" / "desks.yaml")
    assert messages(project) == [
        "data/desks.yaml:None: the build does not read this file (the build reads desks.yml, "
        "with the ending .yml); the data files are languages.yml, contact.yml, desks.yml, "
        "estimator.yml, sheet_sections.yml, organisations.yml: move its content into one of "
        "them, or remove it"
    ]


def test_mkdocs_yml_with_a_language_more_is_reported_on_its_line(project: Path) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    old = "        - {locale: ln, name: Lingála, build: true}\n"
    path.write_text(
        text.replace(old, old + "        - {locale: de, name: Deutsch, build: true}\n"),
        encoding="utf-8",
    )
    line = text[: text.index(old)].count("\n") + 2
    assert messages(project) == [
        f"mkdocs.yml:{line}: plugins: i18n: languages: 'de' is not in data/languages.yml; add "
        "it there (code, english_name, dir, material), or remove it here"
    ]


def test_an_override_lets_a_checked_amount_above_its_limit_through(project: Path) -> None:
    path = edit(
        project,
        "estimator.yml",
        "per_adult: 250\n",
        "per_adult: 3250\n  # Checked: the 2030 decree doubles the premium.\n"
        "  amount_checked_above_limit: true\n",
    )
    assert messages(project) == []
    rules, errors = load_rules(path)
    assert rules.departure_premium.per_adult == 3250
    assert "amount_checked_above_limit" not in rules_json(rules)


def test_an_alias_bomb_in_a_data_file_is_refused_at_once(project: Path) -> None:
    lines = ['- &a {key: a, title: "lol", description: "lol"}']
    lines += [f"- &{c} [" + ", ".join([f"*{chr(ord(c) - 1)}"] * 9) + "]" for c in "bcdefghij"]
    (project / "data" / "sheet_sections.yml").write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    found = messages(project)
    assert time.perf_counter() - start < 1
    assert found == [f"data/sheet_sections.yml:{line}: {ALIASES}" for line in range(1, 11)]


# --- Values keep the text written ------------------------------------------------------


def test_an_unquoted_number_keeps_its_leading_zero(project: Path) -> None:
    path = edit(
        project,
        "contact.yml",
        'national: "0800 327 45"\n  international: "+32 800 32 745"',
        "national: 021234567\n  international: +3221234567",
    )
    assert messages(project) == []
    phone = load_phone(path)
    assert phone.national == "021234567"
    assert phone.international == "+3221234567"
    assert phone.tel_uri == "tel:+3221234567"
    assert load_contact_data(path, project / "data" / "desks.yml").phone.national == "021234567"


def test_the_free_number_of_the_project() -> None:
    phone = load_phone()
    assert (phone.national, phone.international) == ("0800 327 45", "+32 800 32 745")
    assert phone.tel_uri == "tel:+3280032745"


# --- The loaders of the build: the same models, ContentErrors, fresh data ---------------


@pytest.mark.parametrize(
    ("name", "old", "new", "load"),
    [
        pytest.param(
            "contact.yml", "international: ", "internatonal: ", load_phone, id="load_phone"
        ),
        pytest.param("languages.yml", "code: fr,", "cod: fr,", load_languages, id="load_languages"),
        pytest.param(
            "sheet_sections.yml", "key: work", "kee: work", load_sections, id="load_sections"
        ),
    ],
)
def test_a_loader_called_after_a_failed_check_raises_the_mistakes(
    project: Path, name: str, old: str, new: str, load
) -> None:
    path = edit(project, name, old, new)
    with pytest.raises(ContentErrors) as raised:
        load(path)
    assert [str(error) for error in raised.value.errors] == [
        str(error) for error in check_data(project)
    ]


def test_load_contact_data_after_a_failed_check_raises_the_mistakes(project: Path) -> None:
    desks = edit(project, "desks.yml", "    city: Charleroi\n", "    cty: Charleroi\n")
    with pytest.raises(ContentErrors) as raised:
        load_contact_data(project / "data" / "contact.yml", desks)
    assert [error.line for error in raised.value.errors] == [107]


def _touch_later(path: Path) -> None:
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))


def test_the_loaders_follow_the_files_when_they_change(project: Path) -> None:
    contact = project / "data" / "contact.yml"
    assert load_phone(contact).national == "0800 327 45"
    edit(project, "contact.yml", '"0800 327 45"', '"0800 327 46"')
    edit(project, "contact.yml", '"+32 800 32 745"', '"+32 800 32 746"')
    _touch_later(contact)
    assert load_phone(contact).national == "0800 327 46"

    languages = project / "data" / "languages.yml"
    assert len(load_languages(languages)) == 17
    edit(
        project,
        "languages.yml",
        "- {code: ln, english_name: Lingala, dir: ltr, material: ln}\n",
        "",
    )
    _touch_later(languages)
    assert len(load_languages(languages)) == 16

    sections = project / "data" / "sheet_sections.yml"
    assert load_sections(sections)[0].title == "Overview"
    edit(project, "sheet_sections.yml", "title: Overview", "title: Situation")
    _touch_later(sections)
    assert load_sections(sections)[0].title == "Situation"


# --- The hooks: a PluginError with the list, no traceback --------------------------------


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _broken_phone(project: Path):
    path = edit(project, "contact.yml", '"+32 800 32 745"', '"free number 0800"')
    return lambda: load_phone(path)


def test_the_i18n_hook_reports_the_mistakes_of_the_data(project: Path, monkeypatch) -> None:
    hook = _hook("i18n_hook")
    monkeypatch.setattr(hook, "load_phone", _broken_phone(project))
    env = SimpleNamespace(globals={}, filters={}, add_extension=lambda name: None)
    env.install_gettext_translations = lambda translations, newstyle: None
    env.install_gettext_callables = lambda *args, **kwargs: None
    with pytest.raises(PluginError) as raised:
        hook.on_env(env, SimpleNamespace(theme={"language": "en"}), None)
    lines = str(raised.value).splitlines()
    assert lines[0].endswith(
        "data/contact.yml:6: phone.international: 'free number 0800' is not a Belgian phone "
        "number in international form; write +32 and the number without its leading 0, in "
        "digits and spaces only, e.g. +32 800 32 745"
    )
    assert lines[1:] == ["1 mistake(s) in the data files; nothing was published"]


def test_the_contact_hook_reports_the_mistakes_of_the_phone(project: Path, monkeypatch) -> None:
    hook = _hook("contact_hook")
    monkeypatch.setattr(hook, "load_phone", _broken_phone(project))
    page = SimpleNamespace(file=SimpleNamespace(content_string="", src_uri="en/index.md"))
    with pytest.raises(PluginError) as raised:
        hook.on_page_markdown("Call [[phone]].", page, None, None)
    assert str(raised.value).splitlines()[1:] == [
        "1 mistake(s) in the contact data; nothing was published"
    ]


def test_the_brochure_hook_reports_the_mistakes_of_the_desks(project: Path, monkeypatch) -> None:
    hook = _hook("brochure_hook")
    desks = edit(project, "desks.yml", "    city: Charleroi\n", "    cty: Charleroi\n")
    contact = project / "data" / "contact.yml"
    monkeypatch.setattr(hook, "load_contact_data", lambda: load_contact_data(contact, desks))
    config = SimpleNamespace(
        plugins={"i18n": SimpleNamespace(building=False)}, extra={"brochure_pdfs": "off"}
    )
    with pytest.raises(PluginError) as raised:
        hook.on_config(config)
    lines = str(raised.value).splitlines()
    assert lines[0].endswith(
        "data/desks.yml:107: desks.charleroi: unknown field 'cty'; did you mean 'city'?"
    )
    assert lines[1:] == ["1 mistake(s) in the data files; nothing was published"]


def test_the_preview_hook_reports_the_mistakes_of_the_languages(project: Path, monkeypatch) -> None:
    hook = _hook("preview_hook")
    path = edit(project, "languages.yml", "dir: rtl, material: ar", "dir: rlt, material: ar")
    monkeypatch.setattr(hook, "preview_languages", lambda value: load_languages(path))
    config = SimpleNamespace(
        plugins={"i18n": SimpleNamespace(building=False)}, extra={"preview_languages": "fr"}
    )
    with pytest.raises(PluginError) as raised:
        hook.on_config(config)
    lines = str(raised.value).splitlines()
    assert lines[0].endswith(
        "data/languages.yml:14: dir: 'rlt' is not allowed; write one of: 'ltr' or 'rtl'"
    )
    assert lines[1:] == ["1 mistake(s) in the data files; nothing was published"]


def test_the_sections_model_is_made_even_when_the_sections_file_is_broken(monkeypatch) -> None:
    # The model is made when the build code is imported: no traceback there.
    def broken() -> None:
        raise ContentErrors([])

    monkeypatch.setattr(sections, "load_sections", broken)
    assert sections.sections_model.__wrapped__().model_fields == {}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "{locale: fr, name: Français, build: true}",
            "{locale: fr, name: Francais, build: true}",
            "plugins: i18n: languages: the name of 'fr' is 'Francais', but the language's own "
            "name (data/languages.yml, CLDR) is 'Français'; write name: Français",
            id="name",
        ),
        pytest.param(
            "{locale: fr, name: Français, build: true}",
            "{locale: fr, name: Français, build: true, default: true}",
            "plugins: i18n: languages: 'fr' is not the default language in data/languages.yml; "
            "remove 'default: true' here",
            id="default",
        ),
    ],
)
def test_mkdocs_yml_disagreeing_with_languages_yml_is_reported(
    project: Path, old: str, new: str, expected: str
) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    assert messages(project) == [f"mkdocs.yml:{line}: {expected}"]
