"""Provenance of a run: git commit (and whether the tree is modified), input hashes, parameters.

Every input a report reads is hashed: the raw files (as recorded when ``data/processed/`` was
built), the catalogues (``potensi/data/catalog/*.csv``, or ``POTENSI_CATALOG``) and the boundary
files (``data/raw/geo/``). The run date is taken once per run (:func:`run_date_now`) and handed
to every output of that run.
"""

import datetime as _dt
import hashlib
import json
import subprocess
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

from potensi import __version__
from potensi.core.paths import CATALOG, DATA_PROCESSED, DATA_RAW, ROOT
from potensi.core.wording import PROVENANCE

__all__ = ["provenance", "provenance_table", "input_hashes", "file_hashes", "git_state", "run_date_now"]

BOUNDARIES = DATA_RAW / "geo"


# --------------------------------------------------------------------------------------------
# provenance
# --------------------------------------------------------------------------------------------
def git_state(root: Path = ROOT) -> tuple[str, bool | None]:
    """``(commit, dirty)``: HEAD and whether tracked files differ from it (None outside git)."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "", None
    return head, bool(dirty)


def _git_commit(root: Path = ROOT, state: tuple[str, bool | None] | None = None) -> str:
    head, dirty = state or git_state(root)
    if dirty is None:
        return PROVENANCE["no_git"]
    return f"{head}{PROVENANCE['dirty'] if dirty else ''}"


def run_date_now() -> str:
    """The run date of a run (local time, ISO 8601 to the second); take it once and pass it on."""
    return _dt.datetime.now(_dt.UTC).astimezone().isoformat(timespec="seconds")


@lru_cache(maxsize=256)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_hashes(folder: Path, pattern: str = "*") -> dict[str, str]:
    """SHA-256 of every file matching ``pattern`` in ``folder`` (name -> hex digest), sorted by name."""
    out = {}
    for p in sorted(Path(folder).glob(pattern)):
        if p.is_file():
            st = p.stat()
            out[p.name] = _sha256(str(p), st.st_size, st.st_mtime_ns)
    return out


def input_hashes(processed: Path = DATA_PROCESSED, raw: Path = DATA_RAW) -> dict[str, str]:
    """SHA-256 of each raw input file, as recorded when ``data/processed/`` was built."""
    manifest = Path(processed) / "manifest.json"
    if manifest.exists():
        return dict(json.loads(manifest.read_text(encoding="utf-8")).get("inputs", {}))
    from potensi.data.build import file_sha256

    return {p.name: file_sha256(p) for p in sorted(Path(raw).glob("*.csv"))}


def provenance(parameters: Mapping[str, object], *, template: str = "",
               run_date: str | None = None) -> dict[str, object]:
    """What produced a report: package version, git commit (and ``git_dirty``: whether the working
    tree was modified), parameters, hashes of every input (raw files, catalogues, boundaries) and
    the run date (``run_date``, default now: pass the one date of the run)."""
    state = git_state()
    return {
        "package": "potensi",
        "version": __version__,
        "git_commit": _git_commit(state=state),
        "git_dirty": state[1],
        "template": template,
        "parameters": dict(parameters),
        "inputs_sha256": input_hashes(),
        "catalog_sha256": file_hashes(CATALOG, "*.csv"),
        "boundaries_sha256": file_hashes(BOUNDARIES),
        "run_date": run_date or run_date_now(),
    }


def provenance_table(prov: Mapping[str, object]) -> pd.DataFrame:
    """:func:`provenance` as a two-column table (keys in Indonesian) for the report."""
    w = PROVENANCE
    rows = [(w["package"], f"{prov['package']} {prov['version']}"), (w["commit"], prov["git_commit"]),
            (w["template"], prov.get("template", "")), (w["run_date"], prov["run_date"])]
    rows += [(w["parameter"].format(name=k), json.dumps(v, ensure_ascii=False))
             for k, v in dict(prov["parameters"]).items()]
    rows += [(w["sha256"].format(name=name), digest) for name, digest in dict(prov["inputs_sha256"]).items()]
    for key, folder in (("catalog_sha256", w["catalog"]), ("boundaries_sha256", w["boundaries"])):
        rows += [(w["sha256_in"].format(folder=folder, name=name), digest)
                 for name, digest in dict(prov.get(key, {})).items()]
    return pd.DataFrame(rows, columns=list(w["columns"]))


