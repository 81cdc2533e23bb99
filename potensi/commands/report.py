"""``potensi report``: render the report of one province into ``reports/<kode>/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from potensi.core.paths import REPORTS

HELP = "render the analysis report of one province (HTML, notebook, XLSX, manifest)"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("report", help=HELP, description=HELP.capitalize() + ".")
    parser.add_argument("--province", required=True, help='province code, e.g. "64" (Kalimantan Timur)')
    parser.add_argument("--start", type=int, default=2013, help="first year (default: %(default)s)")
    parser.add_argument("--end", type=int, default=None,
                        help="last year (default: the latest year with kab/kota data, else the province's)")
    parser.add_argument("--reference", choices=["published", "sum"], default="published",
                        help="reference for the kab/kota: the published province or the sum of kab/kota")
    parser.add_argument("--exclude-sector", action="append", default=[], metavar="CODE",
                        help="leave a sector out of the indicators (repeatable), e.g. B")
    parser.add_argument("--population-source", choices=["dukcapil", "bps"], default=None,
                        help="population series (default: the one covering the end year)")
    parser.add_argument("--add", action="append", type=Path, default=[], metavar="FILE",
                        help="the region's own figures (intake workbook of 'potensi template', or a PDRB file), "
                             "repeatable: the file's figure wins; the report lists every replaced figure")
    parser.add_argument("--out", type=Path, default=REPORTS, help="reports folder (default: %(default)s)")
    parser.add_argument("--pdf", action="store_true",
                        help="also print laporan.pdf (A4) with headless Chromium (needs chromium installed)")
    parser.add_argument("--timeout", type=int, default=600, help="per-cell timeout in seconds (default: %(default)s)")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Every argument is checked before a kernel starts (exit 2, the last good report untouched);
    a failed render exits 1. ``--out`` is resolved to an absolute path first."""
    from potensi.report.publish import resolve_out
    from potensi.report.render import find_chromium, render_province

    if args.pdf and find_chromium() is None:
        print("potensi: error: --pdf needs Chromium, which is not installed (apt-get install chromium, "
              "or set POTENSI_CHROMIUM to its path)", file=sys.stderr)
        return 2

    args.out = resolve_out(args.out)
    result = render_province(args.province, start_year=args.start, end_year=args.end, reference=args.reference,
                             excluded_sectors=args.exclude_sector, population_source=args.population_source,
                             out_root=args.out, timeout=args.timeout, extra_data=args.add,
                             pdf=args.pdf)
    from potensi.report.batch import write_index
    from potensi.report.publish import PublishError, describe_error

    try:  # under the lock of --out, only over potensi's own index.html (a user's is never overwritten)
        write_index([result], out_root=args.out)
    except PublishError as exc:  # a user's own index.html, or the lock held too long: the report stands
        print(f"potensi: warning: index not updated: {describe_error(exc)}", file=sys.stderr)
    except (OSError, ValueError) as exc:  # e.g. another folder's corrupt manifest: the report itself stands
        print(f"potensi: warning: {args.out / 'index.html'} not updated: {describe_error(exc)}", file=sys.stderr)
    if result.ok:
        print(f"{result.title}: {result.files['html']} ({result.seconds:.1f} s)")
        return 0
    print(f"potensi: error: report {result.key} failed: {result.error}", file=sys.stderr)
    return 1
