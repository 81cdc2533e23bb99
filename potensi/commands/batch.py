"""``potensi batch``: render the configured provinces and the national summary, then ``reports/index.html``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from potensi.core.paths import REPORTS

HELP = "render every configured province (default: all with data) plus the national summary"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("batch", help=HELP, description=HELP.capitalize() + ".")
    parser.add_argument("--config", type=Path, default=None,
                        help="batch config (TOML; default: config/batch.toml, else every province with data)")
    parser.add_argument("--province", action="append", default=None, metavar="CODE",
                        help="render only this province (repeatable); overrides the config's list")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="parallel workers (default: from the config)")
    parser.add_argument("--no-national", action="store_true", help="skip the national summary")
    parser.add_argument("--out", type=Path, default=REPORTS, help="reports folder (default: %(default)s)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    import time

    from potensi.report.batch import load_config, render_batch, summary

    config = load_config(args.config)
    if args.province:
        config.provinces = list(args.province)
    if args.no_national:
        config.national = False
    t0 = time.perf_counter()
    results = render_batch(config, out_root=args.out, jobs=args.jobs, progress=not args.no_progress)
    print(summary(results))
    print(f"waktu total {time.perf_counter() - t0:.1f} s; indeks: {args.out / 'index.html'}")
    failed = [r for r in results if not r.ok]
    for r in failed:
        print(f"potensi: error: {r.key} ({r.title}): {r.error}", file=sys.stderr)
    return 1 if failed else 0
