"""``potensi data``: build ``data/processed/`` from ``data/raw/`` and print a quality summary."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from potensi.core.paths import DATA_PROCESSED, DATA_RAW

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
        print("\nRingkasan kualitas data (PDRB 17 lapangan usaha, miliar rupiah):")
        print(tables["quality"].to_string(index=False))
        disc = tables["discrepancy"].dropna(subset=["difference_pct"])
        print(f"\nΣ kab/kota vs provinsi (total PDRB): {len(disc)} provinsi-tahun, "
              f"selisih {disc['difference_pct'].min():+.2f} % … {disc['difference_pct'].max():+.2f} %")
        excluded = tables["excluded"]
        if len(excluded):
            provinces = sorted(excluded["region_code"].str[:2].unique())
            years = sorted(excluded["year"].unique())
            print(f"Angka ditolak: {len(excluded)} angka (wilayah {', '.join(provinces)}; {years[0]}–{years[-1]}): "
                  "total kab/kota WebAPI yang merupakan salinan angka Sumatera Selatan, dan baris tanpa lapangan "
                  "usaha E (rincian dan alasan di excluded.parquet)")
        pop = tables["population"].groupby("concept")["region_code"].size()
        print("\nPenduduk menurut konsep sumber:")
        print(pop.to_string())
    return 0
