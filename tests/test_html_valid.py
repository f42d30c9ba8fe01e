"""The HTML of every built page is valid (Nu Html Checker, ``vnu-jar`` from npm).

The checker runs with the system Java over the whole built site (every page
of every language: a few seconds). ``./run test`` installs it (``npm ci``).
Errors listed in ``tests/vnu_exceptions.txt`` are accepted, each with its
justification; all other errors are reported at once as
``page:line:column: message``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from returnsite import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXCEPTIONS_FILE = Path(__file__).parent / "vnu_exceptions.txt"


@dataclass(frozen=True)
class Exception_:
    message: str
    line: int  # in vnu_exceptions.txt
    justification: str


def read_exceptions(text: str) -> tuple[list[Exception_], list[str]]:
    """The accepted messages of ``vnu_exceptions.txt``, and the mistakes in the file."""
    exceptions, mistakes, comment = [], [], []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            comment.append(stripped.lstrip("#").strip())
        elif not stripped:
            comment = []  # a justification is the comment block just above
        else:
            if not any(comment):
                mistakes.append(
                    f"vnu_exceptions.txt:{number}: no justification; write why this error "
                    "is accepted in # comment lines just above it"
                )
            exceptions.append(Exception_(stripped, number, " ".join(comment)))
            comment = []
    return exceptions, mistakes


def run_vnu(*paths: Path) -> list[dict]:
    """The checker's error messages for the given HTML files or folders."""
    if shutil.which("java") is None or not VNU_JAR.is_file():
        pytest.fail(
            "the Nu Html Checker needs Java and node_modules/vnu-jar: run ./run test "
            "(it runs npm ci), or 'npm ci' and 'apt-get install default-jre-headless'"
        )
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu Html Checker failed:\n{result.stdout}\n{result.stderr}")


def describe(message: dict, root: Path) -> str:
    """``page:line:column: message`` for one of the checker's messages."""
    path = Path(message["url"].removeprefix("file:"))
    page = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    line = message.get("lastLine", message.get("firstLine", 0))
    column = message.get("firstColumn", message.get("lastColumn", 0))
    return f"{page}:{line}:{column}: {message['message']}"


def unaccepted(messages: list[dict], exceptions: list[Exception_]) -> list[dict]:
    accepted = {exception.message for exception in exceptions}
    return [message for message in messages if message["message"] not in accepted]


# --- The built site ---------------------------------------------------------------


@pytest.fixture(scope="module")
def exceptions() -> list[Exception_]:
    exceptions, mistakes = read_exceptions(EXCEPTIONS_FILE.read_text(encoding="utf-8"))
    assert not mistakes, "\n".join(mistakes)
    return exceptions


@pytest.fixture(scope="module")
def site_messages(site) -> list[dict]:
    return run_vnu(site)


def test_every_page_is_valid_html(site, site_messages, exceptions):
    errors = sorted(describe(message, site) for message in unaccepted(site_messages, exceptions))
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_every_accepted_exception_still_occurs(site_messages, exceptions):
    seen = {message["message"] for message in site_messages}
    unused = [
        f"vnu_exceptions.txt:{exception.line}: no page has this error any more; remove it"
        for exception in exceptions
        if exception.message not in seen
    ]
    assert not unused, "\n".join(unused)


def test_the_checker_checked_every_page(site):
    # The checker is silent about files it was not given: check that it was
    # given the folder holding every page, and that there are pages in it.
    assert len(list(site.rglob("*.html"))) > 17


# --- The checker and the exceptions file --------------------------------------------


def test_checker_reports_an_invalid_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html>\n<html lang="en"><head><title>t</title></head>\n'
        "<body><p><div>block in a paragraph</div></p></body></html>\n",
        encoding="utf-8",
    )
    errors = [describe(message, tmp_path) for message in run_vnu(tmp_path)]
    assert errors == ["page.html:3:41: No “p” element in scope but a “p” end tag seen."]


def test_checker_accepts_a_valid_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html>\n<html lang="en"><head><title>t</title></head>\n'
        "<body><p>text</p></body></html>\n",
        encoding="utf-8",
    )
    assert run_vnu(tmp_path) == []


def test_exception_without_justification_is_refused():
    text = "# Why the first one is fine.\nFirst message.\n\nSecond message.\n"
    exceptions, mistakes = read_exceptions(text)
    assert [exception.message for exception in exceptions] == [
        "First message.",
        "Second message.",
    ]
    assert exceptions[0].justification == "Why the first one is fine."
    assert mistakes == [
        "vnu_exceptions.txt:4: no justification; write why this error is accepted "
        "in # comment lines just above it"
    ]


def test_exceptions_accept_only_their_exact_message():
    exceptions = [Exception_("Accepted.", 1, "why")]
    messages = [{"message": "Accepted."}, {"message": "Accepted. And more."}]
    assert unaccepted(messages, exceptions) == [{"message": "Accepted. And more."}]
