"""The ``potensi`` command line: ``potensi <subcommand> --help``.

What goes wrong is said in one line on stderr, never as a traceback:

* exit 2, ``potensi: error: ...``: bad data or arguments (``DataError``, ``ValueError``, a missing
  or refused file or folder, an output potensi may not replace): the user can fix it;
* exit 1, ``potensi: error: ...``: the system failed the run (``OSError``: a full disk, a
  read-only folder, ...);
* exit 1, ``potensi: internal error: ...``: anything else (``KeyError``, ``TypeError``, ...) is a
  bug in potensi, not the user's mistake: it is named as such, with its type, and
  ``POTENSI_DEBUG=1`` prints the traceback for the bug report (a ``KeyError`` is deliberately *not*
  treated as a user error: its message, a bare key, would mislead).

Warnings of potensi itself are printed as ``potensi: warning: ...`` (one line, no source line).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from pathlib import Path

from potensi import __version__
from potensi.commands import batch as batch_command
from potensi.commands import data as data_command
from potensi.commands import indicators as indicators_command
from potensi.commands import report as report_command
from potensi.commands import template as template_command
from potensi.core.errors import DataError
from potensi.core.wording import CLI
from potensi.report.publish import PublishError, describe_error

COMMANDS = [data_command, indicators_command, report_command, batch_command, template_command]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="potensi",
        description=CLI["description"],
    )
    parser.add_argument("--version", action="version", version=f"potensi {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="<subcommand>", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


#: Errors the user can fix (exit 2).
USER_ERRORS = (DataError, ValueError, FileNotFoundError, PermissionError, NotADirectoryError, IsADirectoryError,
               FileExistsError, PublishError)
PACKAGE_DIR = Path(__file__).resolve().parent


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """potensi's own warnings as ``potensi: warning: ...``; other packages' as Python shows them."""
    try:
        ours = Path(filename).resolve().is_relative_to(PACKAGE_DIR)
    except (OSError, ValueError):
        ours = False
    if ours:
        print(f"potensi: warning: {str(message).strip().splitlines()[0] if str(message).strip() else category.__name__}",
              file=sys.stderr if file is None else file)
    else:
        _DEFAULT_SHOWWARNING(message, category, filename, lineno, file, line)


_DEFAULT_SHOWWARNING = warnings.showwarning


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = warnings.showwarning
    warnings.showwarning = _show_warning
    try:
        return int(args.run(args) or 0)
    except USER_ERRORS as exc:
        print(f"potensi: error: {_first_line(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"potensi: error: {describe_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: say so, in one line; the traceback on request
        if os.environ.get("POTENSI_DEBUG"):
            traceback.print_exc()
        print(f"potensi: internal error (a bug in potensi; POTENSI_DEBUG=1 shows the traceback): "
              f"{type(exc).__name__}: {_first_line(exc)}", file=sys.stderr)
        return 1
    finally:
        warnings.showwarning = previous


if __name__ == "__main__":
    sys.exit(main())
