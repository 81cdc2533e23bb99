"""Time and memory of ``load_pdrb`` on a village-scale tidy CSV.

Generates ≈84 000 desa × (17 sectors + TOTAL) × 2 years (≈3 million rows, ≈200 MB) in a
temporary folder, then loads it in a fresh Python process (so the peak resident memory,
``VmHWM``, belongs to the load alone) with ``check_regions=False`` (desa codes are not in
the kab/kota catalog). Prints the file size, load time and peak memory; no assertions.

Figures on the 2-core development machine (median of two runs, 151 MiB file):
before vectorising (row by row in Python) 91.5 s, 3.9 GB; first vectorised reader (csv module
+ pandas string methods) 16.7 s, 2.26 GB; Arrow reader, labels as integer codes 3.4 s, 0.89 GB.

Run: ``.venv/bin/python benchmarks/loader.py [--regions 84000]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from potensi.data.sectors import SECTOR_CODES

CHILD = r"""
import json, resource, sys, time, warnings
import potensi
from potensi.data.loaders import load_pdrb

def kib(field):  # this process's own figure: ru_maxrss keeps the parent's high-water mark across exec
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base = kib("VmRSS")
t0, c0 = time.perf_counter(), time.process_time()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    frame = load_pdrb(sys.argv[1], check_regions=False)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = kib("VmHWM")
print(json.dumps({"seconds": seconds, "cpu": cpu, "rows": len(frame), "base_kib": base, "peak_kib": peak}))
"""


def write_village_file(path: Path, regions: int, years=(2021, 2022), seed: int = 1) -> Path:
    """A tidy CSV: ``regions`` desa codes × 17 sectors + TOTAL × ``years`` (ADHK2010, juta rupiah)."""
    rng = np.random.default_rng(seed)
    codes = [f"64{i:08d}" for i in range(regions)]
    with path.open("w", encoding="utf-8") as out:
        out.write("region_code,year,sector_code,price_basis,value,unit,source_id\n")
        for year in years:
            values = np.round(rng.uniform(1, 5000, size=(regions, len(SECTOR_CODES))), 2)
            totals = values.sum(axis=1)
            lines = []
            for code, row, total in zip(codes, values, totals, strict=True):
                lines.extend(f"{code},{year},{s},ADHK2010,{v:.2f},juta rupiah,DESA\n"
                             for s, v in zip(SECTOR_CODES, row, strict=True))
                lines.append(f"{code},{year},TOTAL,ADHK2010,{total:.2f},juta rupiah,DESA\n")
            out.writelines(lines)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=84_000, help="number of desa (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path = write_village_file(Path(tmp) / "pdrb_desa.csv", args.regions)
        size = path.stat().st_size
        print(f"file: {args.regions} desa × 18 rows × 2 years, {size / 2**20:.0f} MiB "
              f"(written in {time.perf_counter() - t0:.1f} s)")
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr.strip().splitlines()[-1])
            sys.exit(1)
        result = json.loads(done.stdout.strip().splitlines()[-1])
    peak = result["peak_kib"] / 1024
    grown = (result["peak_kib"] - result["base_kib"]) / 1024
    print(f"load_pdrb: {result['rows']} rows in {result['seconds']:.1f} s ({result['cpu']:.1f} s CPU); peak resident memory {peak:.0f} MiB "
          f"({grown:.0f} MiB above the imports, {grown * 2**20 / size:.1f}× the file size)")


if __name__ == "__main__":
    main()
