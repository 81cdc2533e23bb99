"""``potensi indicators``: every sector indicator for a province (embedded data) or a user file.

Writes ``lq.csv``, ``dlq.csv``, ``shift_share.csv``, ``mrp.csv``, ``klassen_sector.csv``,
``growth.csv`` and, for ``--province``, also ``klassen_region.csv``, ``specialisation.csv``,
``inequality.csv``, ``convergence.csv``, ``interaction.csv``, ``sektor_unggulan.csv`` and
``cooperation.csv``, plus ``potensi_indikator.xlsx`` (a sheet per table) and ``manifest.json``
(what produced them) into ``--out`` (columns: ``docs/tables.md``).

``--out`` is one output set: every file is written into a staging folder beside it, then the
folder is swapped in at once (:mod:`potensi.report.publish`), so a failed or killed run (a full
disk) never leaves new files beside old ones. ``--out`` must be a new or empty folder or an
earlier output of this command (its ``manifest.json``): a folder holding anything else is
refused, never overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from potensi.data.loaders import load_pdrb

HELP = ("compute the indicators (LQ, DLQ, shift-share, MRP, Klassen, growth; for a province also "
        "inequality, convergence, interaction, sektor unggulan, cooperation) into CSV and XLSX files")


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("indicators", help=HELP, description=HELP.capitalize() + ".")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--province", help="province code (e.g. 64): its kab/kota against the province row")
    source.add_argument("--data", type=Path, metavar="FILE",
                        help="tidy PDRB CSV (region_code, year, sector_code, price_basis, value, unit)")
    parser.add_argument("--reference", metavar="CODE", help="reference region code in --data (required with --data)")
    parser.add_argument("--region", action="append", metavar="CODE", dest="regions",
                        help="study region (repeatable; default: every region in the file but the reference)")
    parser.add_argument("--start", type=int, required=True, help="first year of the period")
    parser.add_argument("--end", type=int, required=True, help="last year of the period")
    parser.add_argument("--exclude", action="append", default=[], metavar="SECTOR",
                        help="sector code left out everywhere (repeatable; e.g. B for tanpa pertambangan)")
    parser.add_argument("--reference-mode", choices=["published", "sum"], default="published",
                        help="reference: the published row (default) or the sum of the study regions")
    parser.add_argument("--price-basis", default="ADHK2010", help="price basis to use (default: %(default)s)")
    from potensi.data.population import POPULATION_SOURCES

    parser.add_argument("--population-source", choices=list(POPULATION_SOURCES), default=None,
                        help="population series for per-capita indicators (--province only; default: the "
                             "source covering the end year, said on stderr)")
    parser.add_argument("--add", action="append", type=Path, default=[], metavar="FILE",
                        help="the region's own figures (intake workbook of 'potensi template', or a PDRB file) "
                             "added to the data (repeatable; --province only): the file's figure wins, every "
                             "replaced figure is written to data_tambahan.csv")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from potensi.report.publish import check_replaceable, resolve_out
    from potensi.study.sector_tables import sector_tables, write_tables

    out = resolve_out(args.out)
    check_replaceable(out)  # before any work: a folder of the user's is refused, never replaced

    if args.province is not None:
        from potensi.data.regions import province_code
        from potensi.data.store import province_pdrb
        from potensi.study.province import province_indicator_tables

        if args.reference or args.regions:
            raise ValueError("indicators: --reference/--region go with --data; --province uses its kab/kota")
        if args.price_basis != "ADHK2010":
            raise ValueError("indicators: --province uses constant prices (ADHK2010), the only basis with "
                             "kab/kota data by sector")
        reference = province_code(args.province)
        pdrb = province_pdrb(reference, price_basis=args.price_basis).drop(columns=["region_name", "level"])
        replaced = None
        if args.add:
            from potensi.data.intake import apply_additions
            from potensi.data.regions import members

            pdrb, replaced, _ = apply_additions(pdrb, args.add, price_basis=args.price_basis,
                                                regions={reference, *members(reference)["region_code"]})
        from potensi.data.population import POPULATION_SOURCES, covering_source

        population_source = args.population_source or covering_source(args.start, args.end)
        first, last = POPULATION_SOURCES[population_source][2:]
        chosen = "" if args.population_source else ", chosen as it covers the end year; see --population-source"
        note = f"; population source {population_source!r} ({first}–{last}{chosen})"
        from potensi.study.linkages import IO_PROVINCES
        from potensi.study.province import existing_agreements

        tables = province_indicator_tables(pdrb, province_code=reference, start=args.start, end=args.end,
                                           excluded_sectors=args.exclude, reference=args.reference_mode,
                                           population_source=population_source,
                                           existing=existing_agreements(args.add))
        if "io_sektor" not in tables:
            note += (f"; no input-output table for this province in the data (BPS IO 2016, 17 sectors: "
                     f"{', '.join(c[:2] for c in IO_PROVINCES)}), so io_sektor.csv and io_kabkota.csv are not written")
        if replaced is not None:
            tables["data_tambahan"] = replaced
    else:
        if args.add:
            raise ValueError("indicators: --add goes with --province (with --data, put the figures in the file)")
        if not args.reference:
            raise ValueError("indicators: --data needs --reference CODE (the reference region in the file)")
        # any region and sector codes (user studies on other classifications); a file with only
        # the start and end years is a normal shift-share input, so year gaps are accepted
        pdrb = load_pdrb(args.data, sectors=None, check_regions=False, allow_gaps=True)
        reference = args.reference
        note = ""
        tables = sector_tables(pdrb, reference_code=reference, regions=args.regions, start=args.start,
                               end=args.end, excluded_sectors=args.exclude, reference=args.reference_mode,
                               price_basis=args.price_basis)
    paths = _publish_tables(tables, out, write_tables, {
        "province": args.province, "data": str(args.data.resolve()) if args.data else None,
        "reference": reference, "regions": args.regions, "start_year": args.start, "end_year": args.end,
        "excluded_sectors": args.exclude, "reference_mode": args.reference_mode, "price_basis": args.price_basis,
        "population_source": getattr(args, "population_source", None), "add": [str(p.resolve()) for p in args.add]})
    n = tables["lq"]["region_code"].nunique()
    print(f"{len(paths)} files written to {args.out} ({n} regions, {args.start}-{args.end}, "
          f"reference {reference}, {args.price_basis}{note})")
    return 0


def _publish_tables(tables, out: Path, write_tables, parameters: dict) -> list[Path]:
    """Write every file into a staging folder beside ``out``, then swap it in as ``out``."""
    import json
    import os

    from potensi.core.atomic import write_text_atomic
    from potensi.report.publish import MANIFEST, Staging, dir_mode, publish
    from potensi.study.provenance import provenance

    with Staging(out.parent, out.name) as staging:
        paths = write_tables(tables, staging)
        manifest = provenance(parameters, template="potensi indicators")
        manifest["files"] = sorted(p.name for p in paths)
        write_text_atomic(staging / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n")
        os.chmod(staging, dir_mode())  # mkdtemp's 0700 would hide the folder from its readers
        publish(staging, out)
    return [out / p.name for p in paths]

