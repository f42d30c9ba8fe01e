"""Country sheets and return stories: validated once per build, then rendered
into every language (see returnsite.content_build for the options), the
languages after the first by a second process (returnsite.pages_ahead).

A mistake in any content file stops the build before anything is written,
with every ``path:line: message`` at once.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from returnsite import validation
from returnsite.content import Content, ContentErrors, load_content
from returnsite.content_build import (
    BuildOptions,
    OptionError,
    build_options,
    photos,
    select,
    stale_report,
)
from returnsite.estimator import EstimatorRules, load_rules
from returnsite.generated_pages import add_pages
from returnsite.pages_ahead import PagesAhead
from returnsite.render_sheets import SheetOptions

log = get_plugin_logger("content")

# The page listing the return desks (added by contact_hook), linked when present.
DESKS_PAGE = "contact.md"

_content: Content | None = None
_options: BuildOptions | None = None
_ahead: PagesAhead | None = None


def on_config(config):
    global _content, _options, _ahead
    i18n = config.plugins["i18n"]
    if i18n.building:
        return  # a language build nested in the first one: the content is loaded
    _stop_ahead()
    try:
        _options = build_options(config.extra, _config_dir(config))
        content = load_content(_options.content_root)
    except OptionError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    except ContentErrors as error:
        count = len(error.errors)
        raise PluginError(
            f"{error}\n{count} mistake(s) in the country sheets and return stories; "
            "nothing was published. Fix them, then build again "
            "(or run 'returnsite validate' to check the content alone)."
        ) from None
    _content = select(content, _options)
    report = stale_report(_content, validation.today(), _options.stale_after_months)
    if report:
        log.info(report)
    others = [lang.locale for lang in i18n.config.languages if lang.build and not lang.default]
    _ahead = PagesAhead(_content, others, _sheet_options(DESKS_PAGE))


@event_priority(-250)  # after mkdocs-static-i18n and contact_hook's pages
def on_files(files, config):
    code = config.theme["language"]
    desks = DESKS_PAGE if files.get_file_from_path(f"{code}/{DESKS_PAGE}") else None
    add_pages(files, config, code, _ahead.pages(code, _sheet_options(desks)))
    for site_path, path in photos(_content):
        # Under the language's folder, so that pages link to it like to a page,
        # and published once at the same place for every language.
        photo = File.generated(config, f"{code}/{site_path}", abs_src_path=str(path))
        photo.dest_uri = site_path
        files.append(photo)
    return files


def on_build_error(error):
    _stop_ahead()


def _stop_ahead() -> None:
    if _ahead is not None:
        _ahead.close()


def _sheet_options(desks: str | None) -> SheetOptions:
    return SheetOptions(validation.today(), _options.stale_after_months, desks, _rules())


def _rules() -> EstimatorRules | None:
    """The estimator's rules, for the sheets' "What support you may get" (the
    estimator hook reports the mistakes of data/estimator.yml)."""
    rules, _ = load_rules()
    return rules


def _config_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent
