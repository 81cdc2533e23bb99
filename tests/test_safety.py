"""Runs that never destroy or leak (issue 14, safety part).

* outputs only replace what potensi wrote (a folder's ``manifest.json``); nothing under ``data/raw/``;
* every argument checked before a kernel starts: exit 2, one line, the last good report untouched;
* publishing is one atomic, locked step; concurrent runs both complete; a killed run is cleaned up
  by the next one and the last good output stays;
* text from data is escaped where it enters HTML (hostile names through a whole report, opened in
  Chromium), formula-like cells are text in CSV and XLSX;
* two renders with the same run date give the same bytes;
* the misleading messages of the issue, each said in one line.

Tests that need a kernel render small provinces or reuse the session's Kaltim render
(``_report_session.kaltim_report``); the browser test is skipped without Chromium (fails under CI=true).
"""

from __future__ import annotations

import errno
import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from potensi.cli import main as cli_main
from potensi.core.paths import DATA_RAW
from potensi.report import publish
from potensi.report import render as report

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HOSTILE = '<script>window.__pwned=1</script>=HYPERLINK("x")'
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _fake_report(folder: Path, text: str = "<html>laporan lama</html>") -> Path:
    """A report folder as potensi writes it (its manifest is the marker)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "laporan.html").write_text(text)
    (folder / "manifest.json").write_text(json.dumps({"package": "potensi", "title": "lama"}))
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("potensi: error: "), err
    return err


@pytest.fixture
def no_kernel(monkeypatch):
    """Fail the test if a kernel would be started."""
    def refuse(*a, **k):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(report, "render_notebook", refuse)


# --------------------------------------------------------------------------------------------
# 1. outputs only replace what potensi wrote; nothing under data/raw; paths resolved
# --------------------------------------------------------------------------------------------
def test_report_refuses_a_folder_it_did_not_write(tmp_path, capsys, no_kernel):
    thesis = tmp_path / "64" / "skripsi_bab4.docx"
    thesis.parent.mkdir()
    thesis.write_bytes(b"bab 4")
    assert cli_main(["report", "--province", "64", "--out", str(tmp_path)]) == 2
    err = _one_line_error(capsys)
    assert "potensi did not write" in err and "refusing to replace or delete it" in err
    assert thesis.read_bytes() == b"bab 4"


def test_national_refuses_a_folder_it_did_not_write(tmp_path, no_kernel):
    mine = tmp_path / "nasional" / "catatan.txt"
    mine.parent.mkdir()
    mine.write_text("punya saya")
    with pytest.raises(publish.PublishError, match="potensi did not write"):
        report.render_national(out_root=tmp_path)
    assert mine.read_text() == "punya saya"


def test_failed_run_removes_only_potensi_folders(tmp_path):
    mine = tmp_path / "64"
    mine.mkdir()
    (mine / "x.docx").write_text("x")
    assert publish.remove_output(mine) is False and (mine / "x.docx").exists()
    old = _fake_report(tmp_path / "65")
    assert publish.remove_output(old) is True and not old.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["64"]  # no lock file, no trash left


def test_publish_refuses_a_foreign_folder_and_a_file(tmp_path):
    for name, make in (("64", lambda p: (p.mkdir(), (p / "a.txt").write_text("a"))), ("65", lambda p: p.write_text("f"))):
        final = tmp_path / name
        make(final)
        with publish.Staging(tmp_path, name) as staging:
            _fake_report(staging)
            with pytest.raises(publish.PublishError, match="potensi did not write"):
                publish.publish(staging, final)
    assert (tmp_path / "64" / "a.txt").read_text() == "a" and (tmp_path / "65").read_text() == "f"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["64", "65"]  # the staging folders are gone


@pytest.mark.parametrize("command", [["report", "--province", "64"],
                                     ["indicators", "--province", "64", "--start", "2013", "--end", "2020"]])
def test_out_under_data_raw_refused(command, capsys, no_kernel):
    before = sorted(p.name for p in DATA_RAW.iterdir())
    assert cli_main([*command, "--out", str(DATA_RAW / "hasil")]) == 2
    assert "refusing to write under data/raw/" in _one_line_error(capsys)
    assert sorted(p.name for p in DATA_RAW.iterdir()) == before


def test_workbook_and_profiles_parameters_cannot_write_raw_data():
    """The papermill parameters ``workbook`` and ``profiles_dir`` end in these writers."""
    from potensi.core.atomic import write_text_atomic
    from potensi.study.export import write_workbook

    target = DATA_RAW / "pdrb_lapus_provinsi_adhk2010.csv"
    before = target.read_bytes()
    with pytest.raises(PermissionError, match="data/raw"):
        write_workbook(target, {"lq": pd.DataFrame({"a": [1]})})
    with pytest.raises(PermissionError, match="data/raw"):
        write_text_atomic(DATA_RAW / "kabkota" / "6401.html", "x")  # what profiles_dir=data/raw would do
    assert target.read_bytes() == before and not (DATA_RAW / "kabkota").exists()


def test_relative_out_resolved_before_the_kernel(tmp_path, monkeypatch):
    seen = {}

    def capture(template, parameters, **kw):
        seen.update(parameters)
        raise report.ReportError("stop (test)")

    monkeypatch.setattr(report, "render_notebook", capture)
    monkeypatch.chdir(tmp_path)
    result = report.render_province("64", out_root=Path("rel"))
    assert not result.ok and result.error == "stop (test)"
    assert Path(seen["workbook"]).is_absolute() and Path(seen["workbook"]).parent.parent == tmp_path / "rel"
    assert Path(seen["profiles_dir"]).is_absolute()
    assert not (ROOT / "notebooks" / "tabel.xlsx").exists()


# --------------------------------------------------------------------------------------------
# 2. every argument checked before a kernel starts; one-line errors
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "message"), [
    (["--start", "2020", "--end", "2013"], "start_year=2020 is not before end_year=2013"),
    (["--exclude-sector", "ZZ"], "excluded_sectors=['ZZ'] unknown"),
    (["--start", "2023", "--end", "2024"], "choose a window inside it"),
    (["--add", "nope.xlsx"], "nope.xlsx is not a readable file"),
])
def test_report_arguments_exit_2_last_report_untouched(argv, message, tmp_path, capsys, no_kernel):
    good = _fake_report(tmp_path / "64")
    before = _snapshot(good)
    assert cli_main(["report", "--province", "64", *argv, "--out", str(tmp_path)]) == 2
    assert message in _one_line_error(capsys)
    assert _snapshot(good) == before


def test_out_is_a_file_or_under_a_file(tmp_path, capsys, no_kernel):
    f = tmp_path / "berkas.txt"
    f.write_text("x")
    assert cli_main(["report", "--province", "64", "--out", str(f)]) == 2
    assert "is a file, not a folder" in _one_line_error(capsys)
    assert cli_main(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--out", str(f / "x")]) == 2
    assert "which is a file, not a folder" in _one_line_error(capsys)
    assert f.read_text() == "x"


def _indicators(out: Path, *extra: str) -> int:
    return cli_main(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--out", str(out), *extra])


def test_indicators_full_disk_one_line_old_output_intact(tmp_path, capsys, monkeypatch):
    out = tmp_path / "hasil"
    assert _indicators(out) == 0
    before = _snapshot(out)
    from potensi.study import export

    calls = []
    real = export.write_csv

    def full(path, frame):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, frame)

    monkeypatch.setattr(export, "write_csv", full)
    capsys.readouterr()
    assert _indicators(out) == 1
    err = _one_line_error(capsys)
    assert "disk full: no space left on the device" in err
    assert _snapshot(out) == before  # no new CSV beside the old workbook
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil"]  # no staging folder, no lock file left


def test_indicators_refuse_a_folder_of_the_user(tmp_path, capsys):
    out = tmp_path / "hasil"
    out.mkdir()
    (out / "catatan.docx").write_text("x")
    assert _indicators(out) == 2
    assert "potensi did not write" in _one_line_error(capsys)
    assert sorted(p.name for p in out.iterdir()) == ["catatan.docx"]


def test_report_full_disk_one_line(tmp_path, capsys, monkeypatch):
    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/x/tabel.xlsx")

    monkeypatch.setattr(report, "render_notebook", full)
    assert cli_main(["report", "--province", "64", "--out", str(tmp_path)]) == 1
    assert "report 64 failed: disk full: no space left on the device while writing /x/tabel.xlsx" in \
        _one_line_error(capsys)


def test_internal_error_is_named_a_bug_in_one_line(monkeypatch, capsys):
    from potensi.commands import indicators

    def bug(args):
        raise KeyError("region_code")

    monkeypatch.setattr(indicators, "run", bug)
    assert cli_main(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--out", "x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("potensi: internal error (a bug in potensi; POTENSI_DEBUG=1 shows the traceback): "
                          "KeyError: 'region_code'")


# --------------------------------------------------------------------------------------------
# 3. atomic publish, lock, concurrent runs, killed runs
# --------------------------------------------------------------------------------------------
DRIVER = textwrap.dedent('''
    import json, sys, time
    from pathlib import Path
    from potensi.report import publish
    root, key, tag, pause = Path(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
    with publish.Staging(root, key) as staging:
        (staging / "laporan.html").write_text(tag)
        (root / f"ready-{tag}").write_text("")
        time.sleep(pause)  # "rendering"
        (staging / "manifest.json").write_text(json.dumps({"package": "potensi", "tag": tag}))
        publish.publish(staging, root / key)
    print("published", tag)
''')


def _driver(tmp_path: Path) -> Path:
    path = tmp_path / "driver.py"
    path.write_text(DRIVER)
    return path


def _start(driver: Path, root: Path, key: str, tag: str, pause: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(driver), str(root), key, tag, str(pause)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.05)


def test_concurrent_runs_both_complete(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    _fake_report(root / "64")
    driver = _driver(tmp_path)
    slow = _start(driver, root, "64", "a", 3.0)  # renders long; its staging folder is live meanwhile
    _wait_for(root / "ready-a")
    fast = [_start(driver, root, key, tag, 0.2) for key, tag in (("65", "b"), ("64", "c"))]
    for p in (slow, *fast):
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert (root / "65" / "laporan.html").read_text() == "b"  # neither run deleted the other's report
    assert (root / "64" / "laporan.html").read_text() == "a"  # the last to publish wins, whole
    assert json.loads((root / "64" / "manifest.json").read_text())["tag"] == "a"
    assert not [p.name for p in root.iterdir() if p.name.startswith(".")]


def test_lock_timeout_is_a_clear_error(tmp_path):
    with publish.root_lock(tmp_path):
        with publish.Staging(tmp_path, "64") as staging:
            _fake_report(staging)
            with pytest.raises(publish.PublishError, match=r"another potensi run has been publishing there for "
                                                           r"more than 0.2 s"):
                publish.publish(staging, tmp_path / "64", timeout=0.2)
    assert not (tmp_path / "64").exists()


def test_killed_run_cleaned_by_the_next_last_good_output_intact(tmp_path):
    root = tmp_path / "reports"
    good = _fake_report(root / "64", "<html>laporan baik</html>")
    before = _snapshot(good)
    proc = _start(_driver(tmp_path), root, "64", "killed", 600)
    _wait_for(root / "ready-killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".staging-")]
    assert len(leftovers) == 1
    assert _snapshot(good) == before
    with publish.Staging(root, "65") as staging:  # the next run
        _fake_report(staging)
        publish.publish(staging, root / "65")
    assert sorted(p.name for p in root.iterdir()) == ["64", "65", "ready-killed"]
    assert _snapshot(good) == before


def test_kill_between_the_two_renames_recovered(tmp_path):
    """The fallback swap (no renameat2) renames final -> .old-64-<id>, then staging -> final; a kill
    between the two leaves no 64/: the next run renames the old set back."""
    root = tmp_path / "reports"
    good = _fake_report(root / "64", "<html>laporan baik</html>")
    before = _snapshot(good)
    good.rename(root / ".old-64-abc123")
    assert publish.clean_leftovers(root) == ["recovered 64 from .old-64-abc123"]
    assert _snapshot(root / "64") == before


def test_killed_indicators_run_cleaned_by_the_next(tmp_path):
    out = tmp_path / "hasil"
    assert _indicators(out) == 0
    before = _snapshot(out)
    slow = textwrap.dedent(f'''
        import time
        from pathlib import Path
        from potensi.study import export
        real = export.write_csv
        def slow(path, frame):
            result = real(path, frame)
            Path({str(tmp_path / "written")!r}).write_text(str(path))
            time.sleep(600)
            return result
        export.write_csv = slow
        from potensi.cli import main
        main(["indicators", "--province", "64", "--start", "2013", "--end", "2017", "--out", {str(out)!r}])
    ''')
    proc = subprocess.Popen([sys.executable, "-c", slow], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for(tmp_path / "written", timeout=120)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".staging-hasil-")]
    assert _snapshot(out) == before  # the half-written run is not visible
    assert _indicators(out, "--population-source", "bps") == 0  # the next run
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert json.loads((out / "manifest.json").read_text())["parameters"]["population_source"] == "bps"


USER_INDEX = "<html><head><title>Skripsi bab 4</title></head><body>daftar isi saya</body></html>"


def _rendered_64(out, monkeypatch):
    """A finished Kaltim report under ``out`` that ``render_province`` returns without a kernel."""
    _fake_report(out / "64")
    done = report.RenderResult("64", "Potensi Ekonomi Kalimantan Timur", True, 1.0, str(out / "64"),
                               {"html": str(out / "64" / "laporan.html")})
    monkeypatch.setattr(report, "render_province", lambda *a, **k: done)
    return done


def test_users_index_html_never_overwritten(tmp_path, capsys, monkeypatch):
    from potensi.report import batch

    (tmp_path / "index.html").write_text(USER_INDEX)
    drawn = []
    monkeypatch.setattr(batch, "_index_map", lambda: drawn.append(1) or ("", "", ""))
    with pytest.raises(publish.PublishError, match=r"index.html exists and is a file potensi did not write .*"
                                                   r"refusing to overwrite it"):
        batch.write_index([], out_root=tmp_path)
    assert drawn == []  # refused before the map is drawn
    # `potensi report`: the report stands (exit 0), one warning line, the user's page untouched
    done = _rendered_64(tmp_path, monkeypatch)
    assert cli_main(["report", "--province", "64", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("potensi: warning: index not updated: ")
    assert "refusing to overwrite it" in err
    # the batch: one warning line, the results stand
    batch._write_index_or_warn([done], tmp_path)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("potensi: warning: index not written: ")
    assert (tmp_path / "index.html").read_text() == USER_INDEX
    # the batch command does not name the user's page as its index
    monkeypatch.setattr(batch, "render_batch", lambda *a, **k: (batch._write_index_or_warn([done], tmp_path), [done])[1])
    assert cli_main(["batch", "--province", "64", "--out", str(tmp_path), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "indeks: -" in out and str(tmp_path / "index.html") not in out
    assert (tmp_path / "index.html").read_text() == USER_INDEX
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no lock file, no temp file left


@pytest.mark.parametrize("kind", ["link", "folder"])
def test_index_html_link_or_folder_refused(tmp_path, kind):
    target = tmp_path / "index.html"
    if kind == "link":
        (tmp_path / "mine.html").write_text(USER_INDEX)
        target.symlink_to(tmp_path / "mine.html")
    else:
        target.mkdir()
    with pytest.raises(publish.PublishError, match=f"is a {kind} potensi did not write"):
        publish.write_index_page(tmp_path, f"<head>{publish.INDEX_GENERATOR}</head>")
    assert (tmp_path / "mine.html").read_text() == USER_INDEX if kind == "link" else target.is_dir()


def test_potensi_index_replaced_and_marked(tmp_path, monkeypatch):
    from potensi.report import batch

    monkeypatch.setattr(batch, "_index_map", lambda: ("", "", ""))
    first = batch.write_index([], out_root=tmp_path).read_text(encoding="utf-8")
    assert publish.INDEX_GENERATOR in first[:2000] and publish.is_potensi_index(tmp_path / "index.html")
    _fake_report(tmp_path / "64")
    second = batch.write_index([], out_root=tmp_path).read_text(encoding="utf-8")
    assert 'href="64/laporan.html"' in second  # its own index is replaced
    legacy = ("<!DOCTYPE html><html><head><title>Laporan Potensi Ekonomi Daerah</title></head><body>"
              "<p>Dibuat oleh potensi 0.9 (commit abc) pada 2024-01-01.</p></body></html>")
    (tmp_path / "index.html").write_text(legacy)  # an index of a version before the mark
    assert 'href="64/laporan.html"' in batch.write_index([], out_root=tmp_path).read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="lacks"):  # a page without the mark would lock the next run out
        publish.write_index_page(tmp_path, "<html>no mark</html>")


def test_index_written_under_the_root_lock(tmp_path):
    """Index writers take the output root's lock: none writes while a publish holds it, and the page
    (with its listing of report folders) is built under the lock, so concurrent writers never interleave."""
    import threading

    page = f"<head>{publish.INDEX_GENERATOR}</head>"
    with publish.root_lock(tmp_path):
        with pytest.raises(publish.PublishError, match="another potensi run has been publishing there"):
            publish.write_index_page(tmp_path, page, timeout=0.3)
    assert not (tmp_path / "index.html").exists()

    spans, errors = [], []

    def writer(tag: str) -> None:
        def build() -> str:
            start = time.monotonic()
            time.sleep(0.3)
            spans.append((start, time.monotonic(), tag))
            return page + tag * 100_000

        try:
            publish.write_index_page(tmp_path, build, timeout=30)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "abc"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    spans.sort()
    assert all(end <= next_start for (_, end, _), (next_start, _, _) in zip(spans, spans[1:]))  # one at a time
    text = (tmp_path / "index.html").read_text()
    assert text == page + spans[-1][2] * 100_000  # whole, the last writer's
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------------------------
# 4. escaping
# --------------------------------------------------------------------------------------------
def test_styler_escapes_cells_labels_and_caption():
    from potensi.report.formatting import tabel

    frame = pd.DataFrame({"<b>kolom</b>": [HOSTILE], "nilai": [1.5]})
    page = tabel(frame, caption="Tabel <i>x</i>").to_html()
    assert "<script>" not in page and "<b>kolom" not in page and "<i>x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page and "&lt;b&gt;kolom&lt;/b&gt;" in page
    long = tabel(pd.concat([frame] * 5), caption="Tabel <i>x</i>", max_rows=2).to_html()
    assert "<script>" not in long and "<i>x" not in long


def test_markdown_escape_neutralises_markup():
    from potensi.report.formatting import md_escape

    assert md_escape("[klik](javascript:alert(1)) *a* <b>") == \
        "&#91;klik&#93;(javascript:alert(1)) &#42;a&#42; &lt;b&gt;"


def test_indicators_csv_and_xlsx_formula_like_cells_are_text(tmp_path):
    rows = [(r, y, s, v) for r, base in (("=1+2", 10.0), ("@SUM(A1)", 20.0), ("P", 40.0))
            for y in (2005, 2009) for s, v in (("A", base + y - 2005), ("-B", 2 * base + y - 2005))]
    data = pd.DataFrame(rows, columns=["region_code", "year", "sector_code", "value"]).assign(
        price_basis="ADHK", unit="miliar rupiah")
    path = tmp_path / "hostile.csv"
    data.to_csv(path, index=False)
    out = tmp_path / "out"
    assert cli_main(["indicators", "--data", str(path), "--reference", "P", "--start", "2005", "--end", "2009",
                     "--out", str(out)]) == 0
    lq = pd.read_csv(out / "lq.csv", dtype=str)
    assert {"'=1+2", "'@SUM(A1)"} <= set(lq["region_code"]) and "'-B" in set(lq["sector_code"])
    ws = openpyxl.load_workbook(out / "potensi_indikator.xlsx")["LQ"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=@-+"]
    assert cells and all(c.data_type == "s" for c in cells)  # strings, never formulas


def _need_chromium() -> None:
    missing = [] if CHROMIUM.exists() else [f"{CHROMIUM} not found"]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("python package playwright not installed")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail("; ".join(missing))
        pytest.skip("; ".join(missing))


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """Kalimantan Utara rendered with a catalogue where Malinau (6501) has a hostile name
    (``POTENSI_CATALOG``, inherited by the kernel), through the command line."""
    tmp = tmp_path_factory.mktemp("hostile")
    catalog = tmp / "catalog"
    shutil.copytree(ROOT / "potensi" / "data" / "catalog", catalog)
    cat = pd.read_csv(catalog / "regions.csv", dtype=str, keep_default_na=False)
    cat.loc[cat["region_code"] == "6501", "region_name"] = HOSTILE
    cat.to_csv(catalog / "regions.csv", index=False)
    out = tmp / "reports"
    env = {**os.environ, "POTENSI_CATALOG": str(catalog)}
    proc = subprocess.run([sys.executable, "-m", "potensi.cli", "report", "--province", "65", "--out", str(out),
                           "--timeout", "300"], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return out / "65"


def test_hostile_names_escaped_through_the_report(hostile_report):
    page = (hostile_report / "laporan.html").read_text(encoding="utf-8")
    profile = (hostile_report / "kabkota" / "6501.html").read_text(encoding="utf-8")
    for text in (page, profile):
        assert "<script>window.__pwned" not in text
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text
    wb = openpyxl.load_workbook(hostile_report / "tabel.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "__pwned" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_hostile_names_run_no_script_in_chromium(hostile_report):
    _need_chromium()
    from playwright.sync_api import sync_playwright

    seen = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS, headless=True)
        page = browser.new_context(offline=True).new_page()
        for name in ("laporan.html", "kabkota/6501.html"):
            page.goto((hostile_report / name).as_uri(), wait_until="load")
            seen[name] = (page.evaluate("typeof window.__pwned"), page.inner_text("body"))
        browser.close()
    for name, (pwned, body) in seen.items():
        assert pwned == "undefined", f"a script from a region name ran in {name}"
        assert HOSTILE in body, f"the name is not shown literally in {name}"


# --------------------------------------------------------------------------------------------
# 5. reproducible bytes, provenance
# --------------------------------------------------------------------------------------------
def test_two_renders_same_bytes(tmp_path):
    from _report_session import kaltim_report

    first, _ = kaltim_report()
    assert first.ok, first.error
    run_date = json.loads(Path(first.files["manifest"]).read_text(encoding="utf-8"))["run_date"]
    second = report.render_province("64", out_root=tmp_path, timeout=300, run_date=run_date)
    assert second.ok, second.error
    for name in ("laporan.html", "laporan.ipynb", "tabel.xlsx", "manifest.json", "kabkota/6474.html"):
        assert filecmp.cmp(Path(first.directory) / name, Path(second.directory) / name, shallow=False), name
    nb = (tmp_path / "64" / "laporan.ipynb").read_text(encoding="utf-8")
    assert " at 0x" not in nb and '"start_time"' not in nb and '"id": "injected-parameters"' in nb
    assert f'"run_date": "{run_date}"' in nb  # the one run date reached the notebook
    assert run_date in (tmp_path / "64" / "laporan.html").read_text(encoding="utf-8")


def test_provenance_records_dirty_tree_and_hashes_catalogues():
    from potensi.study.provenance import provenance, provenance_table

    prov = provenance({"a": 1}, run_date="2024-05-01T10:00:00+07:00")
    assert isinstance(prov["git_dirty"], bool)
    assert set(prov["catalog_sha256"]) >= {"regions.csv"}
    assert "kabkota_514_bps_simplified.geojson" in prov["boundaries_sha256"]
    assert prov["run_date"] == "2024-05-01T10:00:00+07:00"
    rows = provenance_table(prov)["Butir"].tolist()
    assert "SHA-256 katalog regions.csv" in rows


# --------------------------------------------------------------------------------------------
# 6. misleading messages
# --------------------------------------------------------------------------------------------
def test_corrupt_manifest_elsewhere_does_not_fail_a_good_render(tmp_path, capsys, monkeypatch):
    broken = tmp_path / "99"
    broken.mkdir()
    (broken / "laporan.html").write_text("x")
    (broken / "manifest.json").write_text("{")
    _rendered_64(tmp_path, monkeypatch)
    assert cli_main(["report", "--province", "64", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "Expecting value" not in err and "Traceback" not in err  # the index skips it (or warns in one line)
    assert err == "" or (err.count("\n") == 1 and err.startswith("potensi: warning: "))


def test_warning_of_potensi_printed_as_one_line(tmp_path, capsys, monkeypatch):
    from potensi.commands import indicators

    def warns(args):
        import warnings

        from potensi.data import cells  # any module of potensi

        warnings.warn_explicit("load_pdrb: x.csv: BPS markers converted: '-' 2x", UserWarning,
                               cells.__file__, 10)
        return 0

    monkeypatch.setattr(indicators, "run", warns)
    assert cli_main(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--out", "x"]) == 0
    err = capsys.readouterr().err
    assert err == "potensi: warning: load_pdrb: x.csv: BPS markers converted: '-' 2x\n"


@pytest.mark.parametrize(("content", "message"), [
    ("region_code,year\n1200,2005\n".encode("utf-16"), "UTF-16 text (Excel's 'Unicode Text'), not UTF-8"),
    ("region_code,year\n1200,2005\n".encode("utf-16-le"), "UTF-16 text (Excel's 'Unicode Text'), not UTF-8"),
    (b"sep=,\nregion_code,year\n1200,2005\n", "row 1: first line 'sep=,' is Excel's delimiter hint"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
     "password-protected (encrypted) workbook"),
])
def test_loader_messages_say_what_the_file_is(tmp_path, content, message):
    from potensi.core.errors import DataError
    from potensi.data.files import read_bytes

    path = tmp_path / "data.csv"
    path.write_bytes(content)
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_bytes(path)


def test_encrypted_xlsx_not_called_old_xls(tmp_path):
    from potensi.core.errors import DataError
    from potensi.data.files import read_workbook

    path = tmp_path / "isian.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(DataError, match=r"password-protected \(encrypted\) workbook"):
        read_workbook(path)
