"""Derived tables kept between runs: computed once, read back while their inputs and code are unchanged.

Two results of a province study do not depend on the province: the sector classes of every
kab/kota of Indonesia against its own province (12 s, used for partners across a province border
and for peers elsewhere) and the contiguity of the 514 kab/kota (3 s). Each is stored as
``data/processed/derived/<name>-<key>.parquet``, where ``key`` is the SHA-256 of

* the bytes of every input file (the processed PDRB table, the catalogue ``regions.csv``, the
  boundary file),
* the source of every module of the ``potensi`` package (any code change recomputes), and
* the parameters (the year window).

A stored table is therefore only ever read for exactly the inputs and code that produced it; it is
written atomically, only under ``data/processed/derived/``, and older versions of the same table
are removed there. Where that folder cannot be written (a read-only checkout) the table is simply
computed. ``POTENSI_NO_DERIVED=1`` turns the store off (every run computes).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from potensi.core.atomic import write_atomic
from potensi.core.paths import DATA_PROCESSED, PACKAGE
from potensi.data.build import file_sha256

__all__ = ["cached_table", "derived_folder", "code_digest"]


def derived_folder(processed: Path = DATA_PROCESSED) -> Path:
    """Where derived tables are stored (inside the processed folder, never under ``data/raw/``)."""
    return Path(processed) / "derived"


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 of the source of every module of the package, in path order."""
    h = hashlib.sha256()
    for path in sorted(Path(PACKAGE).rglob("*.py")):
        h.update(str(path.relative_to(PACKAGE)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _key(name: str, inputs: Iterable[Path], params: dict) -> str:
    h = hashlib.sha256()
    h.update(name.encode())
    h.update(code_digest().encode())
    for path in inputs:
        h.update(str(Path(path).name).encode())
        h.update(file_sha256(Path(path)).encode())
    h.update(json.dumps(params, sort_keys=True, default=str).encode())
    return h.hexdigest()[:20]


def cached_table(name: str, compute: Callable[[], pd.DataFrame], *, inputs: Iterable[Path], params: dict,
                 folder: Path | None = None) -> pd.DataFrame:
    """``compute()``, or the table it returned last time for the same inputs, code and parameters.

    Parameters
    ----------
    name
        File stem of the stored table (letters, digits and ``_``).
    compute
        Computes the table (a DataFrame whose columns parquet stores exactly: strings, numbers,
        booleans, ordered or unordered categoricals).
    inputs
        Files the result depends on; their bytes enter the key.
    params
        Parameters the result depends on (JSON-serialisable); they enter the key.
    folder
        Default :func:`derived_folder`.
    """
    if not name.replace("_", "").isalnum():
        raise ValueError(f"cached_table: name {name!r} must be letters, digits and '_'")
    if os.environ.get("POTENSI_NO_DERIVED") == "1":
        return compute()
    folder = derived_folder() if folder is None else Path(folder)
    target = folder / f"{name}-{_key(name, list(inputs), params)}.parquet"
    if target.is_file():
        try:
            return pd.read_parquet(target)
        except (OSError, ValueError):
            pass  # unreadable (e.g. truncated by a full disk before the rename could not happen): recompute
    table = compute()
    try:
        write_atomic(target, lambda p: table.to_parquet(p, index=False))
        for old in folder.glob(f"{name}-*.parquet"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout: the table is computed each time
    return table
