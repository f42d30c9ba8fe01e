"""The ``returnsite`` command for editors and maintainers.

To add a subcommand, write ``_configure_<name>(parser)`` and
``_run_<name>(args) -> int`` and list them in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from returnsite import ROOT


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders to report on (default: all country sheets and stories)",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="project folder holding the content (default: this project)",
    )


def _run_validate(args: argparse.Namespace) -> int:
    from returnsite.content import check_content

    root: Path = args.root.resolve()
    wanted = [path.resolve() for path in args.paths]
    missing = [str(path) for path in args.paths if not path.exists()]
    if missing:
        print(f"no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    content, errors = check_content(root)
    errors = [error for error in errors if _selected(error.path, wanted, partial=False)]
    for error in errors:
        print(error)
    if errors:
        files = len({error.path for error in errors})
        print(f"{len(errors)} error(s) in {files} file(s); nothing was published", file=sys.stderr)
        return 1
    sheets = sum(_selected(sheet.folder, wanted) for sheet in content.sheets.values())
    stories = sum(_selected(story.path, wanted) for story in content.stories.values())
    print(f"OK: {sheets} country sheets, {stories} stories checked")
    return 0


def _selected(path: Path, wanted: list[Path], *, partial: bool = True) -> bool:
    """Whether ``path`` is one of the paths asked for (all when none were).

    With ``partial``, a sheet folder also counts when one of its files was asked for.
    """
    if not wanted:
        return True
    path = path.resolve()
    return any(
        path.is_relative_to(target) or (partial and target.is_relative_to(path))
        for target in wanted
    )


def _configure_i18n(parser: argparse.ArgumentParser) -> None:
    pass


def _run_i18n(args: argparse.Namespace) -> int:
    from returnsite.catalogs import update_catalogs

    for path in update_catalogs():
        print(path.relative_to(ROOT))
    return 0


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]

COMMANDS: dict[str, Command] = {
    "validate": (
        "check the country sheets and return stories; print every error as path:line: message",
        _configure_validate,
        _run_validate,
    ),
    "i18n": (
        "collect the UI strings of templates and hooks into locales/messages.pot "
        "and add new ones to every language's catalog",
        _configure_i18n,
        _run_i18n,
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="returnsite", description="Tools for the editors and maintainers of the site."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, (help_text, configure, run) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        configure(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
