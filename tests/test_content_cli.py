import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from returnsite import ROOT, validation
from returnsite.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "today", lambda: dt.date(2025, 6, 1))


def test_validate_valid_content_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(CORPUS / "valid")]) == 0
    assert capsys.readouterr().out == (
        "OK: 1 country sheets, 1 stories, and every file in data/, docs/, locales/ checked\n"
    )


def test_validate_prints_each_error_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(CORPUS / "duplicate_key")]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        "tests/fixtures/content/duplicate_key/country_sheets/ma/sheet.yml:4: 'status' is "
        "written twice (first on line 2); keep only one of them\n"
    )
    assert captured.err == "1 error(s) in 1 file(s); nothing was published\n"


def test_validate_reports_only_the_paths_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(CORPUS / "story_without_consent", tmp_path, dirs_exist_ok=True)
    sheet_file = tmp_path / "country_sheets" / "ma" / "sheet.yml"
    assert main(["validate", "--root", str(tmp_path), str(sheet_file)]) == 0
    assert capsys.readouterr().out == "OK: 1 country sheets, 0 stories checked\n"
    assert main(["validate", "--root", str(tmp_path), str(tmp_path / "return_stories")]) == 1
    assert "consent_to_publish" in capsys.readouterr().out


def test_validate_rejects_a_path_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--root", str(tmp_path), str(tmp_path / "nothing")]) == 2
    assert capsys.readouterr().err == f"no such file or folder: {tmp_path / 'nothing'}\n"


def test_validate_rejects_a_file_outside_the_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy of a sheet elsewhere would otherwise be "OK: 0 country sheets".
    copy = tmp_path / "fr.yml"
    copy.write_text("summary: Texte.\n", encoding="utf-8")
    assert main(["validate", str(copy)]) == 2
    assert capsys.readouterr().err == (
        f"not content of {ROOT}: {copy}; name files or folders in country_sheets/, "
        "return_stories/, data/, docs/, locales/ (or give the folder holding the content "
        "with --root)\n"
    )


def test_the_console_script_runs_validate() -> None:
    script = Path(ROOT / ".venv" / "bin" / "returnsite")
    if not script.exists():
        pytest.skip("the project is not installed in .venv")
    result = subprocess.run(
        [str(script), "validate", "--root", str(CORPUS / "unknown_field_typo")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == (
        "tests/fixtures/content/unknown_field_typo/country_sheets/ma/sheet.yml:4: unknown field "
        "'partnres'; did you mean 'partners'?\n"
    )
