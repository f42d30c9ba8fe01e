"""Readers keep the last good site: a failing, strict-failing or killed build
leaves ``site/`` as it was; a fault of the build code is told without a traceback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from returnsite import ROOT, publish

# What a build reads; the copy is built with its own code (PYTHONPATH).
PROJECT = [
    "mkdocs.yml",
    "babel.cfg",
    "docs",
    "data",
    "locales",
    "hooks",
    "overrides",
    "country_sheets",
    "return_stories",
]


def test_finish_puts_the_new_site_in_place(tmp_path: Path) -> None:
    final = tmp_path / "site"
    final.mkdir()
    (final / "old.html").write_text("old")
    staging = publish.start(final)
    assert staging.parent == tmp_path and staging.name.startswith(".site.new-")
    (staging / "new.html").write_text("new")
    assert publish.finish(staging, final) == []
    assert [p.name for p in final.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_abandon_keeps_the_previous_site(tmp_path: Path) -> None:
    final = tmp_path / "site"
    final.mkdir()
    (final / "index.html").write_text("good")
    staging = publish.start(final)
    (staging / "half.html").write_text("half")
    publish.abandon(staging)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert (final / "index.html").read_text() == "good"


def test_leftovers_of_killed_builds_are_removed_but_not_a_running_one(tmp_path: Path) -> None:
    final = tmp_path / "site"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        publish.staging_dir(final, dead.pid).mkdir()
        publish.staging_dir(final, running.pid).mkdir()
        publish.remove_leftovers(final)
        assert [p.name for p in tmp_path.iterdir()] == [f".site.new-{running.pid}"]
    finally:
        running.kill()


def test_a_folder_that_cannot_be_written_is_said_plainly(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "file"
        blocked.write_text("a file, not a folder")
        final = blocked / "site"  # root may write anywhere: a file in the way instead
    else:
        tmp_path.chmod(0o500)
        final = tmp_path / "site"
    with pytest.raises(publish.PublishError, match="cannot write the new site beside"):
        publish.start(final)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with a good site built into its site/."""
    root = tmp_path_factory.mktemp("project")
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    result = _build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(_command(), cwd=root, env=_env(root), capture_output=True, text=True)


def _command() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict"]


def _env(root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(root / "hooks"),
        "NO_MKDOCS_2_WARNING": "1",
        "BROCHURE_PDFS": "off",
        "SEARCH_INDEX": "false",
    }


def _snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture
def good_site(project: Path):
    """The good site before a test, and a check after it that it is untouched."""
    before = _snapshot(project / "site")
    assert len(before) > 500
    yield project
    assert _snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def test_a_fault_while_making_pages_keeps_the_site_and_shows_no_traceback(good_site: Path):
    template = good_site / "overrides" / "main.html"
    saved = _edit(template, "{% extends", "{{ no_such_value.attribute }}{% extends")
    try:
        result = _build(good_site)
    finally:
        template.write_text(saved, encoding="utf-8")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "this is a fault of the build, not of your file" in result.stderr
    # The first page it makes, named for the maintainers.
    assert (
        "the page 404.html (made by the build): the build stopped with an internal error "
        "while making this (UndefinedError: 'no_such_value' is undefined)" in result.stderr
    )


def test_a_strict_mode_failure_keeps_the_site(good_site: Path):
    config = good_site / "mkdocs.yml"
    saved = _edit(config, "  - contact.md\n", "  - contact.md\n  - no-such-page.md\n")
    try:
        result = _build(good_site)
    finally:
        config.write_text(saved, encoding="utf-8")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr
    assert "site is unchanged" in result.stderr


def test_a_killed_build_keeps_the_site(good_site: Path):
    build = subprocess.Popen(
        _command(), cwd=good_site, env=_env(good_site), stderr=subprocess.PIPE, text=True
    )
    # Kill it once it has started writing the new site.
    for line in build.stderr:
        if "Building 'fr' documentation" in line:
            break
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert list(good_site.glob(".site.new-*")), "the build was killed before writing"
    # The next build, here one that fails, removes what the killed one left.
    data = good_site / "data" / "languages.yml"
    saved = data.read_text(encoding="utf-8")
    data.write_text(saved + "\n: broken\n", encoding="utf-8")
    try:
        _build(good_site)
    finally:
        data.write_text(saved, encoding="utf-8")
    time.sleep(0.1)
