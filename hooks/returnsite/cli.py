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
        help="files or folders to report on (default: everything editors and translators "
        "write: country sheets, stories, data/, docs/ and locales/)",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="folder holding country_sheets/ and return_stories/ (default: this project; "
        "data/, docs/ and locales/ are always this project's)",
    )


def _run_validate(args: argparse.Namespace) -> int:
    from returnsite.content import check_content
    from returnsite.content.loader import SHEETS_DIR, STORIES_DIR
    from returnsite.gate import EDITED_DIRS, check_everything

    root: Path = args.root.resolve()
    wanted = [path.resolve() for path in args.paths]
    missing = [str(path) for path in args.paths if not path.exists()]
    if missing:
        print(f"no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    checked = [root / SHEETS_DIR, root / STORIES_DIR, *(ROOT / name for name in EDITED_DIRS)]
    outside = [
        str(path)
        for path, resolved in zip(args.paths, wanted, strict=True)
        if not any(resolved.is_relative_to(d) or d.is_relative_to(resolved) for d in checked)
    ]
    if outside:
        print(
            f"not content of {root}: {', '.join(outside)}; name files or folders in "
            f"{SHEETS_DIR}/, {STORIES_DIR}/, {'/, '.join(EDITED_DIRS)}/ "
            "(or give the folder holding the content with --root)",
            file=sys.stderr,
        )
        return 2
    errors = check_everything(ROOT, content_root=root)
    errors = [error for error in errors if _selected(error.path, wanted, partial=False)]
    for error in errors:
        print(error)
    if errors:
        files = len({error.path for error in errors})
        print(f"{len(errors)} error(s) in {files} file(s); nothing was published", file=sys.stderr)
        return 1
    content, _ = check_content(root)
    sheets = sum(_selected(sheet.folder, wanted) for sheet in content.sheets.values())
    stories = sum(_selected(story.path, wanted) for story in content.stories.values())
    everything = "" if wanted else f", and every file in {'/, '.join(EDITED_DIRS)}/"
    print(f"OK: {sheets} country sheets, {stories} stories{everything} checked")
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


def _configure_new(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="what")
    sheet = kinds.add_parser("sheet", help="a country sheet: sheet.yml and en.yml")
    sheet.add_argument("country", help="two-letter country code, e.g. ma")
    story = kinds.add_parser("story", help="a return story (an illustrative example at first)")
    story.add_argument("name", help="file name without .yml, e.g. ma-2024-bakery")
    story.add_argument("--country", required=True, help="country code of its sheet, e.g. ma")
    story.add_argument("--year", type=int, required=True, help="year of return, e.g. 2024")
    story.add_argument(
        "--support",
        required=True,
        help="what the support paid for, comma-separated: "
        "small_business, housing, work, health, education",
    )
    story.add_argument("--partner", required=True, help="e.g. 'Caritas International'")
    translation = kinds.add_parser(
        "translation", help="a translation of a page, sheet or story, copied from English"
    )
    translation.add_argument("language", help="language code, e.g. fr")
    translation.add_argument("target", help="page:<name>, sheet:<code> or story:<name>")
    for sub in (sheet, story, translation):
        sub.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)


def _run_new(args: argparse.Namespace) -> int:
    from returnsite import scaffold

    root = args.root.resolve()
    try:
        if args.kind == "sheet":
            written = scaffold.new_sheet(args.country, root)
        elif args.kind == "story":
            support = [item.strip() for item in args.support.split(",") if item.strip()]
            written = [
                scaffold.new_story(
                    args.name, args.country.lower(), args.year, support, args.partner, root
                )
            ]
        else:
            target = scaffold.Target.parse(args.target)
            written = [scaffold.new_translation(args.language, target, root)]
    except scaffold.ScaffoldError as error:
        print(f"returnsite new: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return _check_written(root, written)


def _configure_translated(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("language", help="language code, e.g. fr")
    parser.add_argument("targets", nargs="+", help="page:<name>, sheet:<code> or story:<name>")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)


def _run_translated(args: argparse.Namespace) -> int:
    from returnsite import scaffold

    root = args.root.resolve()
    try:
        targets = [scaffold.Target.parse(text) for text in args.targets]
        written = [scaffold.mark_translated(args.language, target, root) for target in targets]
    except scaffold.ScaffoldError as error:
        print(f"returnsite translated: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"marked {path.relative_to(root)} as up to date with the English text")
    return _check_written(root, written)


def _check_written(root: Path, written: list[Path]) -> int:
    """Validate the content files just written (pages need no check)."""
    from returnsite.content import check_content

    _, errors = check_content(root)
    errors = [error for error in errors if _selected(error.path, written)]
    for error in errors:
        print(error)
    return 1 if errors else 0


def _configure_status(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--language", help="only this language's list of what to do")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)


def _run_status(args: argparse.Namespace) -> int:
    import json

    from returnsite.translation_status import build_report, report_data, report_table

    reports = build_report(args.root.resolve())
    if args.language:
        reports = [report for report in reports if report.code == args.language]
        if not reports:
            print(f"returnsite status: no translations into '{args.language}'", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(report_data(reports), indent=1, ensure_ascii=False))
        return 0
    print(report_table(reports))
    if args.language:
        for item in reports[0].to_do():
            print(f"{item.status:<9} {item.kind}:{item.name}  ({item.path})")
    return 0


def _configure_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if EDITING.md's field reference is stale"
    )


def _run_fields(args: argparse.Namespace) -> int:
    from returnsite.field_reference import EDITING_FILE, update_editing_guide

    text = EDITING_FILE.read_text(encoding="utf-8")
    updated = update_editing_guide(text)
    if updated == text:
        return 0
    if args.check:
        print(
            f"{EDITING_FILE.name}: the field reference differs from the schema; "
            "run 'returnsite fields' to write it again",
            file=sys.stderr,
        )
        return 1
    EDITING_FILE.write_text(updated, encoding="utf-8")
    print(f"wrote the field reference into {EDITING_FILE.name}")
    return 0


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]

COMMANDS: dict[str, Command] = {
    "validate": (
        "check the country sheets and return stories; print every error as path:line: message",
        _configure_validate,
        _run_validate,
    ),
    "new": (
        "start a new country sheet, story or translation, every field present and explained",
        _configure_new,
        _run_new,
    ),
    "translated": (
        "record that translations are up to date with the current English text",
        _configure_translated,
        _run_translated,
    ),
    "status": (
        "which pages, sheets, stories and UI strings are translated, draft, outdated or missing",
        _configure_status,
        _run_status,
    ),
    "fields": (
        "write the field reference of EDITING.md from the content schema",
        _configure_fields,
        _run_fields,
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
