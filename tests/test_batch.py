"""The batch runner: config errors, --jobs, bad codes, warm kernels, killing the batch.

Reports here come from a tiny fake template (the real one takes seconds per province); the
real template is exercised by tests/test_report.py.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest

from potensi.report import batch, kernel
from potensi.report.render import RenderResult

PARAMS = ('province_code = "64"\nstart_year = 2013\nend_year = None\nreference = "published"\n'
          'excluded_sectors = []\npopulation_source = None\nextra_data = []\nworkbook = ""')


def _template(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(PARAMS, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)
    return path


def _fake(tmp_path: Path) -> Path:
    """Fails for province 65 only (stands in for bad data); prints its code otherwise."""
    return _template(tmp_path / "fake.ipynb", 'assert province_code != "65", "data 65 rusak (uji)"',
                     'print("laporan", province_code)')


def _parser():
    from potensi.commands import batch as batch_command

    parser = argparse.ArgumentParser()
    batch_command.add_parser(parser.add_subparsers())
    return parser


# --------------------------------------------------------------------------------------------
# config
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, message", [
    ('end_year = "abc"', "config/batch.toml: key 'end_year': expected an integer year, got 'abc'"),
    ("start_year = 2013.5", "config/batch.toml: key 'start_year': expected an integer year, got 2013.5"),
    ("end_year = 2010", "config/batch.toml: key 'end_year': 2010 is not after start_year 2013"),
    ('reference = "provinsi"', "config/batch.toml: key 'reference': expected one of ['published', 'sum'], "
                               "got 'provinsi'"),
    ('excluded_sectors = ["ZZ"]', "config/batch.toml: key 'excluded_sectors': unknown sector code(s) ['ZZ']"),
    ('population_source = "sensus"', "config/batch.toml: key 'population_source': expected one of"),
    ('national = "ya"', "config/batch.toml: key 'national': expected true or false, got 'ya'"),
    ("jobs = 0", "config/batch.toml: key 'jobs': expected a number of worker processes >= 1, got 0"),
    ("timeout = -5", "config/batch.toml: key 'timeout': expected a number of seconds >= 1, got -5"),
    ('provinces = "semua"', "config/batch.toml: key 'provinces': expected \"all\" or a list of province codes"),
    ('add = ["tidak_ada.csv"]', "config/batch.toml: key 'add': 'tidak_ada.csv' is not a readable file"),
    ("tahun = 2020", "config/batch.toml: unknown key(s) ['tahun']; known:"),
    ("end_year = ", "config/batch.toml: not valid TOML: "),
])
def test_config_errors_name_file_and_key(tmp_path, monkeypatch, line, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config").mkdir()
    head = "" if line.startswith("start_year") else "start_year = 2013\n"
    (tmp_path / "config" / "batch.toml").write_text(f"{head}{line}\n", encoding="utf-8")
    with pytest.raises(batch.ConfigError) as info:
        batch.load_config("config/batch.toml")
    assert str(info.value).startswith(message)


def test_shipped_config_is_valid():
    config = batch.load_config()
    assert config.provinces == "all" and config.jobs >= 1


def test_config_error_exits_2_before_any_worker(tmp_path, monkeypatch, capsys):
    from potensi.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(batch, "render_batch", lambda *a, **k: pytest.fail("the batch started"))
    Path("batch.toml").write_text('end_year = "abc"\n', encoding="utf-8")
    assert main(["batch", "--config", "batch.toml", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == (
        "potensi: error: batch.toml: key 'end_year': expected an integer year, got 'abc'")


def test_numbers_shown_plainly_never_as_numpy_reprs():
    with pytest.raises(batch.ConfigError, match=r"key 'timeout': expected .* got -5\.0$") as info:
        batch.BatchConfig(timeout=np.float64(-5.0)).check()
    assert "np." not in str(info.value)
    failed = RenderResult("64", "Kalimantan Timur", False, 1.0, error="ValueError: nilai np.float64(-5.0) < 0")
    assert "nilai -5.0 < 0" in batch.summary([failed]) and "np.float64" not in batch.summary([failed])


# --------------------------------------------------------------------------------------------
# --jobs
# --------------------------------------------------------------------------------------------
def test_jobs_clamped_to_cores_and_tasks(monkeypatch):
    monkeypatch.setattr(batch, "_cores", lambda: 2)
    assert batch.worker_count(1000, 40) == (2, "--jobs 1000: this machine has 2 core(s) available; "
                                                "running 2 worker(s)")
    assert batch.worker_count(2, 40) == (2, "")
    assert batch.worker_count(2, 1) == (1, "")  # one report: one kernel
    assert batch.worker_count(1, 0)[0] == 1
    for bad in (0, -3, True, "2"):
        with pytest.raises(ValueError, match=r"render_batch: argument jobs=.*: expected a number of worker processes >= 1"):
            batch.worker_count(bad, 40)


@pytest.mark.parametrize("value", ["0", "-1", "dua"])
def test_jobs_below_one_refused_on_the_command_line(value, capsys):
    with pytest.raises(SystemExit) as info:
        _parser().parse_args(["batch", "--jobs", value])
    assert info.value.code == 2
    assert "argument --jobs/-j: expected a number of worker processes" in capsys.readouterr().err


def test_jobs_1000_starts_no_more_workers_than_cores(tmp_path, monkeypatch, capsys):
    seen = {}
    real = batch.ThreadPoolExecutor

    def pool(max_workers, **kw):
        seen["workers"] = max_workers
        return real(max_workers=max_workers, **kw)

    monkeypatch.setattr(batch, "ThreadPoolExecutor", pool)
    config = batch.BatchConfig(provinces=["64", "96", "65"], national=False, timeout=120)
    results = batch.render_batch(config, out_root=tmp_path / "out", jobs=1000, progress=False,
                                 template=_fake(tmp_path))
    assert seen["workers"] == min(batch._cores(), 3)
    assert [r.key for r in results] == ["64", "96", "65"]
    assert [r.ok for r in results] == [True, True, False], [r.error for r in results]
    if batch._cores() < 1000:
        assert "potensi: note: --jobs 1000: this machine has" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# a bad code in the config
# --------------------------------------------------------------------------------------------
def test_bad_code_in_config_reported_others_render(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "render_batch", functools.partial(batch.render_batch, template=_fake(tmp_path)))
    config = tmp_path / "batch.toml"
    config.write_text('provinces = ["99", "64", "96"]\nnational = false\njobs = 1\ntimeout = 120\n',
                      encoding="utf-8")
    out = tmp_path / "out"
    args = _parser().parse_args(["batch", "--config", str(config), "--out", str(out), "--no-progress"])
    assert args.run(args) == 1
    captured = capsys.readouterr()
    assert "2 dari 3 laporan berhasil; 1 gagal." in captured.out
    assert "potensi: error: 99 (99): " in captured.err
    assert "key 'provinces': unknown province code '99'; valid codes: 11 12" in captured.err
    assert (out / "64" / "laporan.html").exists() and (out / "96" / "laporan.html").exists()
    assert "unknown province code" in (out / "index.html").read_text(encoding="utf-8")


def test_bad_code_on_the_command_line_exits_2(tmp_path, monkeypatch, capsys):
    from potensi.cli import main

    monkeypatch.setattr(batch, "render_batch", lambda *a, **k: pytest.fail("the batch started"))
    assert main(["batch", "--province", "64", "--province", "99", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("potensi: error: --province 99: unknown province code '99'")


# --------------------------------------------------------------------------------------------
# warm kernels
# --------------------------------------------------------------------------------------------
def test_warm_kernel_runs_many_notebooks_records_parameters_survives_a_failure(tmp_path):
    import papermill

    template = _template(tmp_path / "warm.ipynb",
                         "import os\nmine = province_code",
                         'assert province_code != "65", "data 65 rusak (uji)"',
                         'print(os.getpid(), "leaked" if "leak" in dir() else "clean")\nleak = 1')
    pids, counts = {}, {}
    try:
        for code in ("65", "64", "96"):
            out = tmp_path / f"{code}.ipynb"
            if code == "65":
                with pytest.raises(papermill.PapermillExecutionError, match="data 65 rusak"):
                    papermill.execute_notebook(str(template), str(out), parameters={"province_code": code},
                                               engine_name=kernel.ENGINE, progress_bar=False, cwd=str(tmp_path))
                continue
            nb = papermill.execute_notebook(str(template), str(out), parameters={"province_code": code},
                                            engine_name=kernel.ENGINE, progress_bar=False, cwd=str(tmp_path))
            saved = nbformat.read(out, as_version=4)
            assert saved.metadata.papermill.parameters == {"province_code": code}
            injected = [c for c in saved.cells if "injected-parameters" in c.metadata.get("tags", [])]
            assert len(injected) == 1 and f'province_code = "{code}"' in injected[0].source
            pid, state = nb.cells[-1].outputs[0]["text"].split()
            assert state == "clean", "a variable of the previous notebook survived the reset"
            pids[code] = int(pid)
            counts[code] = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    finally:
        kernel.shutdown_warm_kernels()
    assert pids["64"] == pids["96"], "the second notebook did not reuse the warm kernel"
    assert counts["64"] == counts["96"] == [1, 2, 3, 4, 5]


def test_first_report_runs_in_the_kernel_started_before_papermill_and_it_stops_with_the_batch(tmp_path, monkeypatch):
    """The batch launches its kernels once the arguments are checked (before it imports papermill);
    the first report runs in that kernel (same process id), the next in the same warm kernel, and
    no kernel outlives the batch."""
    from jupyter_core.utils import run_sync

    from potensi.report import kernel_start

    started, started_pids = [], []
    real = kernel_start.start_kernels

    def recording(n, **kw):
        started.extend(real(n, **kw))
        started_pids.extend(km.provisioner.process.pid for km in started)
        return list(started)

    monkeypatch.setattr(kernel_start, "start_kernels", recording)
    template = _template(tmp_path / "pid.ipynb", 'import os\nprint("pid", os.getpid())')
    config = batch.BatchConfig(provinces=["64", "96"], national=False, jobs=1, timeout=120)
    results = batch.render_batch(config, out_root=tmp_path / "out", progress=False, template=template)
    assert [r.ok for r in results] == [True, True], [r.error for r in results]
    assert len(started) == 1
    pids = set()
    for code in ("64", "96"):
        executed = nbformat.read(tmp_path / "out" / code / "laporan.ipynb", as_version=4)
        pids |= {int(o["text"].split()[1]) for c in executed.cells for o in c.get("outputs", [])
                 if o.get("name") == "stdout" and o["text"].startswith("pid")}
    assert pids == set(started_pids)
    assert not run_sync(started[0].is_alive)()


def test_batch_kernels_show_results_but_keep_no_output_cache(tmp_path):
    """A cell's result is still written into the notebook, but neither the kernel started before
    the batch imports papermill nor one started by a batch thread keeps it in ``Out`` (where it
    would keep every figure of the report alive until the reset)."""
    import papermill

    from potensi.report.kernel_start import start_kernels
    from potensi.report.render import KERNEL

    template = _template(tmp_path / "out.ipynb", "[province_code] * 2", 'print("cached", len(Out))')
    try:
        for prestarted in (True, False):
            if prestarted:
                kernel.adopt(start_kernels(1, kernel_name=KERNEL, cwd=tmp_path), kernel_name=KERNEL, cwd=str(tmp_path))
            nb = papermill.execute_notebook(str(template), str(tmp_path / "run.ipynb"), parameters={"province_code": "64"},
                                            engine_name=kernel.ENGINE, progress_bar=False, cwd=str(tmp_path),
                                            kernel_name=KERNEL)
            shown, printed = nb.cells[-2].outputs, nb.cells[-1].outputs
            assert shown[0]["output_type"] == "execute_result" and shown[0]["data"]["text/plain"] == "['64', '64']"
            assert printed[0]["text"] == "cached 0\n", prestarted
            kernel.shutdown_warm_kernels()
    finally:
        kernel.shutdown_warm_kernels()


KERNEL_TRANSPORT = ('from ipykernel.kernelapp import IPKernelApp\n'
                    'app = IPKernelApp.instance()\n'
                    'print("transport", app.transport, app.ip)')


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets: POSIX only (TCP elsewhere)")
def test_kernels_listen_on_private_unix_sockets_not_tcp(tmp_path, capfd):
    """Every kernel potensi starts (one report, a batch thread's, one started before the batch
    imports papermill) uses Unix sockets in a folder only the user can open, each kernel its own
    path, and ipykernel's warning that its TCP traffic can be read on the machine is gone."""
    import stat

    import papermill
    from jupyter_core.utils import run_sync

    from potensi.report.kernel_start import start_kernels
    from potensi.report.render import KERNEL, render_notebook

    template = _template(tmp_path / "transport.ipynb", KERNEL_TRANSPORT)
    seen = []
    nb = render_notebook(template, {"province_code": "64"}, kernel=KERNEL, cwd=tmp_path)
    seen.append(nb.cells[-1].outputs[0]["text"].split())
    try:
        managers = start_kernels(2, kernel_name=KERNEL, cwd=tmp_path)
        assert [km.transport for km in managers] == ["ipc", "ipc"] and managers[0].ip != managers[1].ip
        folder = Path(managers[0].ip).parent
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        client = managers[1].client()
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=60)  # the kernel has bound its sockets
        client.stop_channels()
        assert stat.S_ISSOCK(os.stat(f"{managers[1].ip}-{managers[1].shell_port}").st_mode)
        kernel.adopt(managers[:1], kernel_name=KERNEL, cwd=str(tmp_path))
        for _ in range(2):  # the adopted kernel, then (after its shutdown) one a thread starts
            nb = papermill.execute_notebook(str(template), None, parameters={"province_code": "64"},
                                            engine_name=kernel.ENGINE, progress_bar=False, cwd=str(tmp_path),
                                            kernel_name=KERNEL)
            seen.append(nb.cells[-1].outputs[0]["text"].split())
            kernel.shutdown_warm_kernels()
        kernel.adopt(managers[1:], kernel_name=KERNEL, cwd=str(tmp_path))
    finally:
        kernel.shutdown_warm_kernels()
    assert [s[:2] for s in seen] == [["transport", "ipc"]] * 3
    assert seen[1][2] == managers[0].ip and len({s[2] for s in seen}) == 3
    assert {Path(s[2]).parent for s in seen} == {folder}
    assert not list(folder.iterdir()), "socket files left after the kernels stopped"
    assert "without encryption" not in capfd.readouterr().err


def test_kernels_started_but_never_used_are_stopped(tmp_path):
    from jupyter_core.utils import run_sync

    from potensi.report.kernel_start import start_kernels
    from potensi.report.render import KERNEL

    managers = start_kernels(1, kernel_name=KERNEL, cwd=tmp_path)
    assert len(managers) == 1 and run_sync(managers[0].is_alive)()
    kernel.adopt(managers, kernel_name=KERNEL, cwd=str(tmp_path))
    kernel.shutdown_warm_kernels()
    assert not run_sync(managers[0].is_alive)()


def test_failed_province_does_not_poison_the_next_in_the_batch(tmp_path):
    # one worker: 65 fails in its kernel, then 64 and 96 render in a new kernel of the same worker
    template = _template(tmp_path / "fake.ipynb",
                         'if province_code == "65":\n    broken = True  # state left by the failing report',
                         'assert province_code != "65", "data 65 rusak (uji)"',
                         'assert "broken" not in dir()\nprint("laporan", province_code)')
    config = batch.BatchConfig(provinces=["65", "64", "96"], national=False, jobs=1, timeout=120)
    results = {r.key: r for r in batch.render_batch(config, out_root=tmp_path / "out", progress=False,
                                                    template=template)}
    assert not results["65"].ok and "data 65 rusak (uji)" in results["65"].error
    assert results["64"].ok and results["96"].ok
    executed = nbformat.read(tmp_path / "out" / "96" / "laporan.ipynb", as_version=4)
    assert executed.metadata.papermill.parameters["province_code"] == "96"
    # one run date for the whole batch, taken once (not one per report)
    dates = {json.loads((tmp_path / "out" / c / "manifest.json").read_text())["run_date"] for c in ("64", "96")}
    assert len(dates) == 1


# --------------------------------------------------------------------------------------------
# killing the batch
# --------------------------------------------------------------------------------------------
def test_killing_the_batch_kills_workers_and_kernels(tmp_path):
    psutil = pytest.importorskip("psutil")
    template = _template(tmp_path / "slow.ipynb", "import time\ntime.sleep(120)")
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        from pathlib import Path
        from potensi.report import batch
        if __name__ == "__main__":
            config = batch.BatchConfig(provinces=["64", "65"], national=False, jobs=2, timeout=300)
            batch.render_batch(config, out_root=Path({str(tmp_path / 'out')!r}), progress=False,
                               template=Path({str(template)!r}))
    """), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        tree = []
        main = psutil.Process(proc.pid)
        deadline = time.monotonic() + 90
        kernels = []
        while time.monotonic() < deadline:
            tree = main.children(recursive=True)
            kernels = [p for p in tree if "ipykernel" in " ".join(p.cmdline())]
            if len(kernels) >= 1 and len(tree) >= 2:
                break
            time.sleep(0.3)
        assert kernels, "no kernel started"
        time.sleep(1.0)
        tree = main.children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        gone, alive = psutil.wait_procs(tree, timeout=10)
        assert not alive, f"left running after the batch was killed: {[p.cmdline()[:3] for p in alive]}"
    finally:
        if proc.poll() is None:
            proc.kill()
        for p in tree:
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass

