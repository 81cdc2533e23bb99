"""``potensi data``: build ``data/processed/`` from ``data/raw/`` and print a quality summary."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from potensi.core.paths import DATA_PROCESSED, DATA_RAW
from potensi.core.wording import CLI

HELP = "build data/processed/ from data/raw/ and print a data-quality summary"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("data", help=HELP, description=HELP.capitalize() + ".")
    parser.add_argument("--raw", type=Path, default=DATA_RAW, help="folder of raw files (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DATA_PROCESSED,
                        help="folder for the parquet tables (default: %(default)s)")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from potensi.data.build import build_processed

    tables = build_processed(args.raw, args.out)
    print(f"data/processed rebuilt in {args.out}")
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 60):
        print(CLI["data_quality"])
        print(tables["quality"].to_string(index=False))
        disc = tables["discrepancy"].dropna(subset=["difference_pct"])
        print(CLI["data_discrepancy"].format(n=len(disc), low=disc["difference_pct"].min(),
                                             high=disc["difference_pct"].max()))
        excluded = tables["excluded"]
        if len(excluded):
            provinces = sorted(excluded["region_code"].str[:2].unique())
            years = sorted(excluded["year"].unique())
            print(CLI["data_excluded"].format(n=len(excluded), provinces=", ".join(provinces), first=years[0],
                                              last=years[-1]))
        pop = tables["population"].groupby("concept")["region_code"].size()
        print(CLI["data_population"])
        print(pop.to_string())
    return 0
