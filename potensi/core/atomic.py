"""Atomic output: write to a temporary file in the target folder, then rename.

A failure (exception, kill) therefore never leaves a half-written file under the final name.
The published file gets the usual permissions (0666 minus the umask: 0644 under umask 022), not
the 0600 of ``mkstemp``; nothing is ever written under ``data/raw/``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_atomic", "write_text_atomic", "file_mode", "check_not_raw"]


def file_mode() -> int:
    """The mode a plain ``open(..., "w")`` would give: 0o666 minus the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def check_not_raw(target: str | Path) -> Path:
    """Refuse any path under ``data/raw/`` (raw data is immutable), resolved through symlinks."""
    from potensi.core.paths import DATA_RAW

    path = Path(target).expanduser().resolve()
    raw = DATA_RAW.resolve()
    if path == raw or raw in path.parents:
        raise PermissionError(f"{target}: refusing to write under data/raw/ (raw data is immutable)")
    return path


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it onto ``target``."""
    target = Path(target)
    check_not_raw(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if tmp_path.exists():
            os.chmod(tmp_path, file_mode())
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_atomic(target: str | Path, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and move the result onto ``target`` atomically."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


def write_text_atomic(target: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    return write_atomic(target, lambda p: p.write_text(text, encoding="utf-8"))
