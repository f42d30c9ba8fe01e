import shutil
from pathlib import Path

import pytest

from returnsite import ROOT
from returnsite.language_folders import check_language_folders


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for code in ("en", "fr"):
        shutil.copytree(ROOT / "docs" / code, tmp_path / "docs" / code)
    (tmp_path / "locales" / "fr").mkdir(parents=True)
    return tmp_path


def _errors(root: Path) -> list[str]:
    return [str(error).removeprefix(f"{root}/") for error in check_language_folders(root)]


def test_the_real_project_has_no_stray_folder_or_page() -> None:
    assert check_language_folders(ROOT) == []


@pytest.mark.parametrize(
    "made,expected",
    [
        (
            "docs/Fr",
            "docs/Fr: 'Fr' is not a language of the site (did you mean 'fr'?), so its pages are "
            "not published; name the folder with a code from data/languages.yml, or add the "
            "language there first",
        ),
        (
            "locales/pt",
            "locales/pt: 'pt' is not a language of the site, so its UI strings are not "
            "published; name the folder with a code from data/languages.yml, or add the "
            "language there first",
        ),
        (
            "docs/fr/faqs.md",
            "docs/fr/faqs.md: there is no English page faqs.md (did you mean faq.md?); a "
            "translation has the name of the English page it translates, in docs/en/",
        ),
    ],
    ids=["folder-case", "unknown-language", "misnamed-translation"],
)
def test_strays_are_reported(root: Path, made: str, expected: str) -> None:
    path = root / made
    if path.suffix:
        path.write_text("# Questions\n", encoding="utf-8")
    else:
        path.mkdir(parents=True)
    assert _errors(root) == [expected]
