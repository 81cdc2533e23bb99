"""``potensi template``: write the intake workbook (*lembar isian*) a Bappeda fills in Excel."""

from __future__ import annotations

import argparse
from pathlib import Path

from potensi.core.wording import CLI

HELP = "write the intake workbook (PDRB, penduduk, sumber, kerja sama) of a province to fill in Excel"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("template", help=HELP, description=HELP.capitalize() + ".")
    parser.add_argument("--province", required=True, help='province code, e.g. "64" (Kalimantan Timur)')
    parser.add_argument("--years", type=int, nargs="+", required=True, metavar="YEAR",
                        help="years to fill in (one column each), e.g. --years 2023 2024")
    parser.add_argument("--out", type=Path, required=True, help="workbook to write (.xlsx)")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from potensi.data.intake import write_template

    if args.out.suffix.lower() != ".xlsx":
        raise ValueError(f"template: --out {args.out} must end in .xlsx")
    path = write_template(args.province, args.years, args.out)
    print(CLI["template_written"].format(path=path, province=args.province,
                                         years=", ".join(map(str, sorted(set(args.years))))))
    return 0
