"""Time ``potensi batch`` against the naive loop a user would type, and against the floor.

Default run (6 provinces, interleaved rounds, medians; prints, asserts nothing):

* naive loop: for each province ``papermill notebooks/laporan_provinsi.ipynb out.ipynb -r
  province_code <kode>`` then ``jupyter nbconvert --to html --no-input out.ipynb``, one after the
  other, and the same commands run two at a time with ``xargs -P2``;
* ``potensi batch --province ... --no-national --jobs 2`` (warm kernels; also writes the
  workbook, the kab/kota pages, the manifest and the index);
* the floor: a notebook that only imports pandas, seaborn, statsmodels and potensi, executed and
  exported the naive way, against one province report (Kalimantan Timur, 64) measured the same way.

The last line is ``speedup_vs_naive_sequential=<x>``.

``--full``: the whole batch (every province, the national summary, every kab/kota page, the
index) once, with the peak memory of the whole process tree (batch, workers, kernels): the sum
of RSS (an upper bound: shared pages count once per process) and of PSS, sampled every 0.2 s.

    python benchmarks/batch.py [--provinces 11 32 35 64 73 94] [--jobs 2] [--rounds 3]
    python benchmarks/batch.py --full [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TEMPLATE = ROOT / "notebooks" / "laporan_provinsi.ipynb"
PROVINCES = ["11", "32", "35", "64", "73", "94"]


def _naive_commands(code: str, notebook: Path, out: Path) -> str:
    """The two commands for one province; ``code`` is shell text (a quoted code, or ``"$0"`` for
    xargs, expanded by the shell in the output name too: every run writes its own notebook)."""
    nb = f"{shlex.quote(str(out))}/laporan_{code}.ipynb"
    return (f"{shlex.quote(str(BIN / 'papermill'))} {shlex.quote(str(notebook))} {nb} "
            f"-r province_code {code} -k python3 --cwd {shlex.quote(str(ROOT / 'notebooks'))} --no-progress-bar "
            f"&& {shlex.quote(str(BIN / 'jupyter'))} nbconvert --to html --no-input {nb}")


def _run(cmd: str | list[str], **kw) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, cwd=ROOT, text=True, **kw)
    if done.returncode:
        sys.exit(f"benchmark command failed (exit {done.returncode}): {cmd}\n{done.stderr[-3000:]}")
    return time.perf_counter() - t0


def naive_sequential(codes: list[str], out: Path, notebook: Path = TEMPLATE) -> float:
    t0 = time.perf_counter()
    for code in codes:
        _run(_naive_commands(shlex.quote(code), notebook, out), shell=True)
    return time.perf_counter() - t0


def naive_parallel(codes: list[str], out: Path, jobs: int) -> float:
    """The same commands, ``jobs`` at a time with ``xargs -P``."""
    commands = _naive_commands('"$0"', TEMPLATE, out)
    script = f"sh -c {shlex.quote(commands)}"
    seconds = _run(f"printf '%s\\n' {' '.join(codes)} | xargs -P{jobs} -I{{}} {script} {{}}", shell=True)
    missing = [c for c in codes if not (out / f"laporan_{c}.html").exists()]
    if missing:  # each run must have written its own page
        sys.exit(f"benchmark: the -P{jobs} loop wrote no page for {missing}")
    return seconds


def batch(codes: list[str], jobs: int, out: Path, *, national: bool = False) -> float:
    cmd = [str(BIN / "potensi"), "batch", "--jobs", str(jobs), "--out", str(out), "--no-progress"]
    cmd += [] if national else ["--no-national"]
    for code in codes:
        cmd += ["--province", code]
    return _run(cmd)


def floor_notebook(path: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('province_code = "64"', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import pandas, seaborn, statsmodels.api, potensi")]
    nbformat.write(nb, path)
    return path


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def comparison(codes: list[str], jobs: int, rounds: int) -> None:
    times: dict[str, list[float]] = {"seq": [], "par": [], "batch": [], "floor": [], "one": []}
    print(f"provinsi: {' '.join(codes)}; {rounds} putaran berselang-seling; load average awal {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_nb = floor_notebook(tmp / "floor.ipynb")
        for i in range(rounds):
            work = tmp / f"r{i}"
            for name in ("seq", "par", "batch", "floor", "one"):
                (work / name).mkdir(parents=True)
            times["seq"].append(naive_sequential(codes, work / "seq"))
            times["par"].append(naive_parallel(codes, work / "par", jobs))
            times["batch"].append(batch(codes, jobs, work / "batch"))
            times["floor"].append(naive_sequential(["64"], work / "floor", floor_nb))
            times["one"].append(naive_sequential(["64"], work / "one"))
            print(f"putaran {i + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items())
                  + f"; load {_load()}", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    n = len(codes)
    print(f"loop papermill + jupyter nbconvert (berurutan):   {med['seq']:7.1f} s  ({med['seq'] / n:.1f} s/laporan)")
    print(f"loop yang sama dengan xargs -P{jobs}:                {med['par']:7.1f} s")
    print(f"potensi batch --jobs {jobs} (+ XLSX, profil, indeks): {med['batch']:7.1f} s  "
          f"({med['batch'] / n:.1f} s/laporan)")
    print(f"lantai (impor saja, papermill + nbconvert):       {med['floor']:7.1f} s")
    print(f"satu laporan 64, cara yang sama:                  {med['one']:7.1f} s  "
          f"({med['one'] / med['floor']:.2f}× lantai)")
    print(f"batch vs xargs -P{jobs}: {med['par'] / med['batch']:.2f}×; load average akhir {_load()}")
    print(f"speedup_vs_naive_sequential={med['seq'] / med['batch']:.2f}")


def _role(p) -> str:
    cmd = " ".join(p.cmdline())
    return ("kernel" if "ipykernel" in cmd else "worker" if "multiprocessing" in cmd or "spawn_main" in cmd
            else "batch" if "potensi" in cmd else p.name())


class TreeMemory(threading.Thread):
    """Peak of Σ RSS and Σ PSS over a process and all its descendants (psutil)."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0
        self.peak_procs = 0
        self.at_peak = ""
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            rss = pss = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    rss += p.memory_info().rss
                    pss += p.memory_full_info().pss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            if pss > self.peak_pss:  # the processes at the peak: "worker 412, kernel 655, ..." MiB
                self.at_peak = ", ".join(f"{_role(p)} {p.memory_full_info().pss / 2**20:.0f}"
                                         for p in procs if p.is_running())
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(procs))
            self.stop.wait(self.every)


def full(jobs: int) -> None:
    print(f"batch penuh: semua provinsi, ringkasan nasional, profil kab/kota, indeks; --jobs {jobs}; "
          f"load average awal {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports"
        cmd = [str(BIN / "potensi"), "batch", "--jobs", str(jobs), "--out", str(out), "--no-progress"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        mem = TreeMemory(proc.pid)
        mem.start()
        stdout, stderr = proc.communicate()
        seconds = time.perf_counter() - t0
        mem.stop.set()
        mem.join()
        reports = sorted(p.parent.name for p in out.glob("*/laporan.html"))
        pages = len(list(out.glob("*/kabkota/*.html")))
        ok_line = [line for line in stdout.splitlines() if "laporan berhasil" in line]
        print(f"exit {proc.returncode}; {ok_line[0] if ok_line else stderr.strip()[-300:]}")
        for line in stderr.splitlines():
            if line.startswith("potensi: error:"):
                print(f"  {line[:240]}")
        print(f"laporan: {len(reports)} (nasional: {'ya' if 'nasional' in reports else 'tidak'}); "
              f"profil kab/kota: {pages}; indeks: {'ya' if (out / 'index.html').exists() else 'tidak'}")
        print(f"waktu: {seconds:.1f} s; memori puncak pohon proses: Σ RSS {mem.peak_rss / 2**20:.0f} MiB, "
              f"Σ PSS {mem.peak_pss / 2**20:.0f} MiB ({mem.peak_procs} proses); load average akhir {_load()}")
        print(f"PSS per proses di puncak (MiB): {mem.at_peak}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", nargs="+", default=PROVINCES)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="the whole batch once, with peak memory")
    args = parser.parse_args()
    if args.full:
        full(args.jobs)
    else:
        comparison(args.provinces, args.jobs, args.rounds)


if __name__ == "__main__":
    main()
