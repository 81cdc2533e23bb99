"""Provenance of a run: git commit (and whether the tree is modified), input hashes, parameters."""


import datetime as _dt
import json
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from potensi import __version__
from potensi.core.paths import DATA_PROCESSED, DATA_RAW, ROOT


# --------------------------------------------------------------------------------------------
# provenance
# --------------------------------------------------------------------------------------------
def _git_commit(root: Path = ROOT) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "tidak diketahui (bukan checkout git)"
    return f"{head}{' (ada perubahan belum di-commit)' if dirty else ''}"


def input_hashes(processed: Path = DATA_PROCESSED, raw: Path = DATA_RAW) -> dict[str, str]:
    """SHA-256 of each raw input file, as recorded when ``data/processed/`` was built."""
    manifest = Path(processed) / "manifest.json"
    if manifest.exists():
        return dict(json.loads(manifest.read_text(encoding="utf-8")).get("inputs", {}))
    from potensi.data.build import file_sha256

    return {p.name: file_sha256(p) for p in sorted(Path(raw).glob("*.csv"))}


def provenance(parameters: Mapping[str, object], *, template: str = "") -> dict[str, object]:
    """What produced a report: package version, git commit, parameters, input hashes, run date."""
    return {
        "package": "potensi",
        "version": __version__,
        "git_commit": _git_commit(),
        "template": template,
        "parameters": dict(parameters),
        "inputs_sha256": input_hashes(),
        "run_date": _dt.datetime.now(_dt.UTC).astimezone().isoformat(timespec="seconds"),
    }


def provenance_table(prov: Mapping[str, object]) -> pd.DataFrame:
    """:func:`provenance` as a two-column table (keys in Indonesian) for the report."""
    rows = [("Paket", f"{prov['package']} {prov['version']}"), ("Commit git", prov["git_commit"]),
            ("Templat", prov.get("template", "")), ("Tanggal dijalankan", prov["run_date"])]
    rows += [(f"Parameter: {k}", json.dumps(v, ensure_ascii=False)) for k, v in dict(prov["parameters"]).items()]
    rows += [(f"SHA-256 {name}", digest) for name, digest in dict(prov["inputs_sha256"]).items()]
    return pd.DataFrame(rows, columns=["Butir", "Nilai"])


