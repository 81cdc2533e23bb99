"""The ``potensi`` command line: ``potensi <subcommand> --help``.

Errors in data or arguments are printed as one line (``potensi: error: ...``) with exit
status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys

from potensi import __version__
from potensi.commands import batch as batch_command
from potensi.commands import data as data_command
from potensi.commands import indicators as indicators_command
from potensi.commands import report as report_command
from potensi.commands import template as template_command
from potensi.core.errors import DataError

COMMANDS = [data_command, indicators_command, report_command, batch_command, template_command]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="potensi",
        description="Identifikasi Potensi Ekonomi Daerah: sektor unggulan dan kerja sama daerah dari PDRB BPS.",
    )
    parser.add_argument("--version", action="version", version=f"potensi {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="<subcommand>", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except (DataError, ValueError, KeyError, FileNotFoundError, PermissionError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"potensi: error: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
