"""Work done by a fork of the build (returnsite.forked): the sheet and story
pages of the languages built after the first (returnsite.pages_ahead), the
same as written in this process, with a fallback when the build's options
differ."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from returnsite.content import load_content
from returnsite.content_build import language_pages
from returnsite.forked import in_fork
from returnsite.i18n import translations
from returnsite.pages_ahead import PagesAhead
from returnsite.render_sheets import SheetOptions

CONTENT = Path(__file__).parent / "fixtures" / "content_build"
OPTIONS = SheetOptions(dt.date(2026, 12, 1), 12, "contact.md")


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def here(content, code, options=OPTIONS):
    return language_pages(content, code, translations(code), options)


def test_the_second_process_writes_the_pages_this_one_would(content):
    ahead = PagesAhead(content, ["fr", "ar"], OPTIONS)
    assert ahead.pages("ar", OPTIONS) == here(content, "ar")
    assert ahead.pages("fr", OPTIONS) == here(content, "fr")
    assert ahead.pages("en", OPTIONS) == here(content, "en")  # not asked for: written here


def test_pages_wanted_with_other_options_are_written_again(content):
    without_desks = dataclasses.replace(OPTIONS, desks_page=None)
    assert here(content, "fr", without_desks) != here(content, "fr")  # the options matter
    ahead = PagesAhead(content, ["fr"], OPTIONS)
    assert ahead.pages("fr", without_desks) == here(content, "fr", without_desks)


def test_a_mistake_in_the_second_process_is_raised_here(content, monkeypatch):
    def broken(*args):
        raise ValueError("a template mistake")

    monkeypatch.setattr("returnsite.pages_ahead.language_pages", broken)
    ahead = PagesAhead(content, ["fr"], OPTIONS)  # the fork has the broken function
    monkeypatch.undo()  # and only the fork
    with pytest.raises(ValueError, match="a template mistake"):
        ahead.pages("fr", OPTIONS)


def test_closing_drops_the_pages_not_used(content):
    ahead = PagesAhead(content, ["fr", "nl"], OPTIONS)
    ahead.close()
    assert ahead.pages("fr", OPTIONS) == here(content, "fr")


def test_work_in_a_fork_runs_in_another_process_and_returns_its_result():
    assert in_fork(os.getpid).result() != os.getpid()
    assert in_fork(sorted, [3, 1, 2]).result() == [1, 2, 3]


def test_without_forks_the_work_is_done_here(content, monkeypatch):
    monkeypatch.setattr("returnsite.forked.FORK", False)
    assert in_fork(os.getpid).result() == os.getpid()
    with pytest.raises(ZeroDivisionError):
        in_fork(divmod, 1, 0).result()
    ahead = PagesAhead(content, ["fr"], OPTIONS)
    assert ahead.pages("fr", OPTIONS) == here(content, "fr")
