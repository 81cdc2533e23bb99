"""``potensi batch``: render the configured provinces and the national summary, then ``reports/index.html``.

Checked before any worker or kernel starts (exit 2, one line): the config file (its name and the
key, ``config/batch.toml: key 'end_year': expected an integer year, got 'abc'``), every
``--province`` code, ``--jobs`` (at least 1: ``--jobs 0`` is refused rather than read as "the
default"; more than the cores is clamped to the cores, with a note) and ``--out``. An unknown
province code *in the config* is reported with the other results instead, and the rest still
renders; any failed report makes the exit status 1, after the summary.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from potensi.core.paths import REPORTS
from potensi.core.wording import CLI

HELP = "render every configured province (default: all with data) plus the national summary"


def _jobs(text: str) -> int:
    """``--jobs``: an integer >= 1 (argparse turns the ValueError into exit 2 naming the option)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of worker processes, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of worker processes >= 1, got {value} "
                                         "(omit --jobs for the config's value)")
    return value


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("batch", help=HELP, description=HELP.capitalize() + ".")
    parser.add_argument("--config", type=Path, default=None,
                        help="batch config (TOML; default: config/batch.toml, else every province with data)")
    parser.add_argument("--province", action="append", default=None, metavar="CODE",
                        help="render only this province (repeatable); overrides the config's list")
    parser.add_argument("--jobs", "-j", type=_jobs, default=None,
                        help="parallel workers, one warm kernel each (default: from the config; at most the "
                             "number of cores)")
    parser.add_argument("--no-national", action="store_true", help="skip the national summary")
    parser.add_argument("--out", type=Path, default=REPORTS, help="reports folder (default: %(default)s)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    import time

    from potensi.data.regions import province_code
    from potensi.report.batch import _shown_path, load_config, render_batch, summary
    from potensi.report.publish import is_potensi_index, resolve_out
    from potensi.report.render import DEFAULT_CONFIG

    config = load_config(args.config)
    source = _shown_path(args.config or DEFAULT_CONFIG)
    if args.province:
        for code in args.province:
            try:
                province_code(code)
            except ValueError as exc:
                raise ValueError(f"--province {code}: {exc}") from None
        config.provinces = list(args.province)
        source = "--province"
    if args.no_national:
        config.national = False
    out = resolve_out(args.out)
    t0 = time.perf_counter()
    results = render_batch(config, out_root=out, jobs=args.jobs, progress=not args.no_progress, source=source)
    print(summary(results))
    index = out / "index.html"
    written = index.is_file() and is_potensi_index(index)  # a user's own index.html was refused (warning above)
    print(CLI["batch_total"].format(seconds=time.perf_counter() - t0, index=index if written else "-"))
    failed = [r for r in results if not r.ok]
    for r in failed:
        print(f"potensi: error: {r.key} ({r.title}): {r.error}", file=sys.stderr)
    return 1 if failed else 0
