"""Time ``potensi batch`` (papermill API, N workers) against a sequential loop of CLI commands.

The loop is what a user would type by hand for each province:
``papermill notebooks/laporan_provinsi.ipynb out.ipynb -r province_code <kode>`` then
``jupyter nbconvert --to html --no-input out.ipynb``. Prints the two wall-clock times; no assertions.

    python benchmarks/batch.py [--provinces 64 61 63 65] [--jobs 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def sequential_cli(codes: list[str], out: Path) -> float:
    t0 = time.perf_counter()
    for code in codes:
        nb = out / f"laporan_{code}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(ROOT / "notebooks" / "laporan_provinsi.ipynb"), str(nb),
                        "-r", "province_code", code, "-k", "python3", "--cwd", str(ROOT / "notebooks"),
                        "--no-progress-bar"], check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb)],
                       check=True, capture_output=True)
    return time.perf_counter() - t0


def batch(codes: list[str], jobs: int, out: Path) -> tuple[float, int]:
    from potensi.report.render import BatchConfig, render_batch

    t0 = time.perf_counter()
    results = render_batch(BatchConfig(provinces=codes, national=False, jobs=jobs), out_root=out, progress=False)
    return time.perf_counter() - t0, sum(r.ok for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", nargs="+", default=["64", "61", "62", "63"])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "cli").mkdir()
        t_cli = sequential_cli(args.provinces, tmp / "cli")
        t_batch, ok = batch(args.provinces, args.jobs, tmp / "batch")
    n = len(args.provinces)
    print(f"provinsi: {' '.join(args.provinces)}")
    print(f"loop papermill + jupyter nbconvert (berurutan): {t_cli:7.1f} s  ({t_cli / n:.1f} s/laporan)")
    print(f"potensi batch --jobs {args.jobs} (+ XLSX, manifest):   {t_batch:7.1f} s  ({t_batch / n:.1f} s/laporan; "
          f"{ok}/{n} berhasil)")
    print(f"rasio: {t_cli / t_batch:.2f}×")


if __name__ == "__main__":
    main()
