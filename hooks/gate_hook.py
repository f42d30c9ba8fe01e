"""The gate and the published site: every editor's and translator's file is
checked before anything is written (returnsite.gate); ``mkdocs build`` writes
into a new folder that takes the place of ``site/`` only when the whole build,
all 17 languages, succeeded (returnsite.publish). ``mkdocs serve`` keeps its own
behaviour. A fault of the build code is told as one, naming the page it was
making, never as a traceback.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from returnsite import ROOT, gate, publish
from returnsite.content_build import OptionError, build_options
from returnsite.validation import display_path

log = get_plugin_logger("gate")


class _Build:
    command: str | None = None  # set by mkdocs' CLI; None when a test calls build()
    final: Path | None = None  # the site folder asked for, while building elsewhere
    staging: Path | None = None
    complete = False
    page: str | None = None  # the page being made, for faults of the build


_build = _Build()


def on_startup(command, dirty):
    # --dirty too builds into the new folder (from empty: a complete site).
    _build.command = command
    sys.excepthook = _fault_hook


@event_priority(1000)  # before every other hook and plugin reads anything
def on_config(config):
    if config.plugins["i18n"].building:
        return config  # a language build nested in the first: checked already
    # The project of this code: its loaders read data/ and locales/ there,
    # whichever mkdocs.yml (a test's, inheriting ours) is built.
    root = ROOT
    publishing = _build.command in ("build", "gh-deploy")
    if publishing:
        publish.remove_leftovers(Path(config.site_dir))
    try:
        config_dir = Path(config.config_file_path).resolve().parent
        content_root = build_options(config.extra, config_dir).content_root
    except OptionError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    errors = gate.check_everything(root, content_root)
    if errors:
        raise PluginError("\n".join(map(str, errors)) + "\n" + gate.summary(errors))
    if publishing:
        _build.final = Path(config.site_dir)
        try:
            _build.staging = publish.start(_build.final)
        except publish.PublishError as error:
            raise PluginError(str(error)) from None
        _build.complete = False
        config.site_dir = str(_build.staging)
    return config


@event_priority(1000)
def on_pre_page(page, config, files):
    source = page.file.abs_src_path
    if source and Path(source).is_file():
        _build.page = display_path(Path(source))
    else:
        _build.page = f"the page {page.file.url or '/'} (made by the build)"
    return page


@event_priority(1000)
def on_pre_template(template, template_name, config):
    _build.page = f"the page {template_name} (made by the build)"
    return template


@event_priority(-1000)  # after mkdocs-static-i18n built the other languages
def on_post_build(config):
    if not config.plugins["i18n"].building:
        _build.page = None
        _build.complete = True


def on_build_error(error):
    _build.complete = False


def on_shutdown():
    if _build.staging is None:
        return
    staging, final, _build.staging = _build.staging, _build.final, None
    if not _build.complete:
        publish.abandon(staging)
        log.info(f"The build failed: {display_path(final)} is unchanged.")
        return
    try:
        for warning in publish.finish(staging, final):
            log.warning(warning)
    except publish.PublishError as error:
        log.error(str(error))
        sys.exit(1)


def _fault_hook(kind, error, tb):
    """Instead of a traceback: what happened, where, and whose fault it is."""
    if issubclass(kind, (KeyboardInterrupt, BuildError)):
        sys.__excepthook__(kind, error, tb)
        return
    with tempfile.NamedTemporaryFile(
        "w", prefix="returnsite-fault-", suffix=".txt", delete=False
    ) as details:
        traceback.print_exception(kind, error, tb, file=details)
    where = _build.page or "the site's configuration"
    print(
        f"{where}: {gate.fault_message(error)}\n(details for the maintainers: {details.name})",
        file=sys.stderr,
    )
