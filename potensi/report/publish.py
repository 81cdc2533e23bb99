"""Publishing an output set: one atomic step, only over what potensi wrote, one run at a time.

An *output set* is a folder (a report ``<out>/64/``, the national summary ``<out>/nasional/``,
the files of ``potensi indicators --out DIR``). It is produced in a *staging* folder next to its
final place and published by renaming that folder into place; the previous set is removed after.
The rules:

* **Only potensi's own folders are replaced.** A folder is potensi's when it holds a
  ``manifest.json`` whose ``"package"`` is ``"potensi"`` (:func:`is_potensi_output`); anything
  else under the final name is refused with :class:`PublishError`, never deleted
  (:func:`check_replaceable`). An empty folder counts as free.
* **One publisher per output root.** :func:`root_lock` holds ``fcntl.flock`` on
  ``<root>/.potensi.lock`` while a set is swapped in (and while leftovers are cleaned); a second
  run waits up to :data:`LOCK_TIMEOUT` seconds (``POTENSI_LOCK_TIMEOUT``), then fails with a one-line
  error. Rendering itself is not under the lock, so the batch's workers render in parallel.
* **Atomic swap.** On Linux ``renameat2(RENAME_EXCHANGE)`` swaps the staging folder and the old
  set in one step; elsewhere two renames (``final`` -> ``.old-<name>-<id>``, staging -> ``final``).
* **Leftovers of killed runs are cleaned at the next publish** (:func:`clean_leftovers`): a live
  staging folder is locked (``flock`` on the folder) by the process that renders into it, so a
  ``.staging-*`` folder that can be locked belongs to a dead run and is removed; an ``.old-*``
  folder is removed, or renamed back when the kill fell between the two renames and its set has
  no folder under the final name; a ``.trash-*`` folder (a removal cut short) is removed.
* **The index page** ``<root>/index.html`` obeys the same rules (:func:`write_index_page`): it is
  written atomically under the root's lock, and only over an index potensi wrote (its
  ``<meta name="generator" content="potensi">``, :func:`is_potensi_index`); a user's own
  ``index.html`` is refused with :class:`PublishError`, never overwritten.
* Nothing is written under ``data/raw/`` (:func:`resolve_out` calls
  :func:`potensi.core.atomic.check_not_raw`); ``--out`` is resolved to an absolute path before any
  kernel starts, and a path that is a file or lies under a file is refused.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from potensi.core.atomic import check_not_raw

__all__ = [
    "LOCK_NAME",
    "LOCK_TIMEOUT",
    "MANIFEST",
    "PublishError",
    "Staging",
    "check_index_replaceable",
    "check_replaceable",
    "clean_leftovers",
    "describe_error",
    "dir_mode",
    "INDEX_GENERATOR",
    "is_potensi_index",
    "is_potensi_output",
    "publish",
    "read_manifest",
    "remove_output",
    "resolve_out",
    "root_lock",
    "write_index_page",
]

MANIFEST = "manifest.json"
LOCK_NAME = ".potensi.lock"
STAGING_PREFIX = ".staging-"
OLD_PREFIX = ".old-"
TRASH_PREFIX = ".trash-"
#: Seconds a run waits for another run publishing into the same output root.
LOCK_TIMEOUT = 600.0


class PublishError(RuntimeError):
    """An output cannot be published (refused path, foreign folder, lock timeout); one line."""


def dir_mode() -> int:
    """The mode a plain ``mkdir`` would give (0o777 minus the umask: 0755 under umask 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def describe_error(exc: BaseException) -> str:
    """One line for what went wrong; a full disk (``ENOSPC``) and a quota said in words."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "disk full: no space left on the device" if exc.errno == errno.ENOSPC else "disk quota exceeded"
        where = f" while writing {exc.filename}" if exc.filename else ""
        return f"{what}{where}; nothing of this run was published"
    return first


# --------------------------------------------------------------------------------------------
# paths and markers
# --------------------------------------------------------------------------------------------
def resolve_out(path: str | Path, *, argument: str = "--out") -> Path:
    """``path`` made absolute (``~`` expanded, symlinks resolved) and checked as an output folder.

    Raises :class:`PermissionError` under ``data/raw/`` and :class:`PublishError` when ``path`` is
    a file or lies under a file.
    """
    resolved = check_not_raw(path)
    if resolved.exists() and not resolved.is_dir():
        raise PublishError(f"{argument} {path}: is a file, not a folder")
    for parent in resolved.parents:
        if parent.exists():
            if not parent.is_dir():
                raise PublishError(f"{argument} {path}: lies under {parent}, which is a file, not a folder")
            break
    return resolved


def read_manifest(folder: str | Path) -> dict | None:
    """The ``manifest.json`` of ``folder`` as a dict, or None when missing, unreadable or not JSON."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_potensi_output(folder: str | Path) -> bool:
    """Whether ``folder`` is an output set potensi wrote (its manifest says ``"package": "potensi"``)."""
    folder = Path(folder)
    if folder.is_symlink() or not folder.is_dir():
        return False
    manifest = read_manifest(folder)
    return manifest is not None and manifest.get("package") == "potensi"


def check_replaceable(final: str | Path) -> None:
    """Refuse to replace ``final`` unless it is absent, an empty folder or potensi's own output."""
    final = Path(final)
    if not final.exists() and not final.is_symlink():
        return
    if final.is_dir() and not final.is_symlink() and (is_potensi_output(final) or not any(final.iterdir())):
        return
    kind = "a file" if final.is_file() else "a link" if final.is_symlink() else "a folder"
    raise PublishError(f"{final} exists and is {kind} potensi did not write (no {MANIFEST} of potensi in it); "
                       "refusing to replace or delete it: move it away or choose another --out")


INDEX = "index.html"
#: The mark of an index page potensi wrote (in its ``<head>``); checked before an index is replaced.
INDEX_GENERATOR = '<meta name="generator" content="potensi">'
# an index written before the mark existed: its title and its "Dibuat oleh potensi" line
_LEGACY_INDEX = ("<title>Laporan Potensi Ekonomi Daerah</title>", "Dibuat oleh potensi ")


def is_potensi_index(path: str | Path) -> bool:
    """Whether ``path`` is an index page potensi wrote (its first 8 KiB carry :data:`INDEX_GENERATOR`,
    or the title and credit line of an index of an earlier version); False for a link or a folder."""
    path = Path(path)
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192).decode("utf-8", errors="replace")
    except OSError:
        return False
    return INDEX_GENERATOR in head or all(mark in head for mark in _LEGACY_INDEX)


def check_index_replaceable(path: str | Path) -> None:
    """Refuse to replace ``path`` unless it is absent, an empty file or an index potensi wrote."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return
    if is_potensi_index(path) or (path.is_file() and not path.is_symlink() and path.stat().st_size == 0):
        return
    kind = "a link" if path.is_symlink() else "a folder" if path.is_dir() else "a file"
    raise PublishError(f"{path} exists and is {kind} potensi did not write (no {INDEX_GENERATOR} in it); "
                       "refusing to overwrite it: move it away or choose another --out")


# --------------------------------------------------------------------------------------------
# locks
# --------------------------------------------------------------------------------------------
def _timeout() -> float:
    try:
        return float(os.environ.get("POTENSI_LOCK_TIMEOUT", LOCK_TIMEOUT))
    except ValueError:
        return LOCK_TIMEOUT


@contextlib.contextmanager
def root_lock(root: str | Path, *, timeout: float | None = None) -> Iterator[Path]:
    """Hold the exclusive lock ``<root>/.potensi.lock`` (waiting up to ``timeout`` seconds).

    The lock file is removed on release (while still held), so a finished run leaves nothing
    behind; a waiter that then holds the lock of a removed file notices (the path no longer names
    its inode) and locks the new file instead.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    path = root / LOCK_NAME
    timeout = _timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise PublishError(f"{root}: another potensi run has been publishing there for more than "
                                           f"{timeout:g} s (lock {path}); try again when it has finished") from None
                    time.sleep(0.05)
            held = os.fstat(fd)
            try:
                now = os.stat(path)
            except FileNotFoundError:
                now = None
        except BaseException:
            os.close(fd)
            raise
        if now is None or (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
            os.close(fd)  # the file was removed by the previous holder: lock the current one
            continue
        try:
            yield path
        finally:
            with contextlib.suppress(OSError):
                path.unlink()
            os.close(fd)  # closing the descriptor releases the lock
        return


def _try_lock_dir(folder: Path) -> int | None:
    """An open descriptor holding ``flock`` on ``folder``, or None when another process holds it."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


class Staging:
    """A staging folder ``<root>/.staging-<name>-<id>`` locked by this process while it exists.

    ``with Staging(root, name) as staging: ...`` creates it; leaving the block removes whatever is
    still there (after :func:`publish` nothing is). A SIGKILL releases the lock with the process,
    so the next run's :func:`clean_leftovers` knows the folder is dead.
    """

    def __init__(self, root: str | Path, name: str):
        self.root, self.name = Path(root), name
        self.path: Path | None = None
        self._fd: int | None = None

    def __enter__(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{self.name}-", dir=self.root))
        self._fd = _try_lock_dir(self.path)
        return self.path

    def __exit__(self, *exc) -> None:
        try:
            if self.path is not None and self.path.exists():
                shutil.rmtree(self.path, ignore_errors=True)
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


# --------------------------------------------------------------------------------------------
# swap and clean
# --------------------------------------------------------------------------------------------
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _old_name(staging: Path, final: Path) -> Path:
    token = staging.name.rsplit("-", 1)[-1]
    return final.with_name(f"{OLD_PREFIX}{final.name}-{token}")


def clean_leftovers(root: str | Path) -> list[str]:
    """Remove the staging and ``.old-*`` folders of dead runs in ``root`` (call under :func:`root_lock`).

    An ``.old-<name>-<id>`` folder whose set has no ``<name>`` folder (a kill between the two
    renames of the fallback swap) is renamed back: the last good output is recovered. Returns
    what was done, one phrase per folder.
    """
    root = Path(root)
    done: list[str] = []
    if not root.is_dir():
        return done
    for entry in sorted(root.iterdir()):
        if not entry.is_dir() or entry.is_symlink():
            continue
        if entry.name.startswith(STAGING_PREFIX):
            fd = _try_lock_dir(entry)
            if fd is None:  # a live run renders into it
                continue
            try:
                shutil.rmtree(entry, ignore_errors=True)
            finally:
                os.close(fd)
            done.append(f"removed {entry.name}")
        elif entry.name.startswith(TRASH_PREFIX):
            shutil.rmtree(entry, ignore_errors=True)
            done.append(f"removed {entry.name}")
        elif entry.name.startswith(OLD_PREFIX):
            name = entry.name[len(OLD_PREFIX):].rsplit("-", 1)[0]
            final = root / name
            if name and not final.exists() and is_potensi_output(entry):
                entry.rename(final)
                done.append(f"recovered {name} from {entry.name}")
            else:
                shutil.rmtree(entry, ignore_errors=True)
                done.append(f"removed {entry.name}")
    return done


def publish(staging: str | Path, final: str | Path, *, timeout: float | None = None) -> Path:
    """Put the output set ``staging`` in place as ``final`` in one step; the old set is removed after.

    Under the lock of ``final``'s folder: leftovers of killed runs are cleaned, ``final`` is
    checked (:func:`check_replaceable`: a folder potensi did not write is refused, not deleted),
    then swapped.
    """
    staging, final = Path(staging), Path(final)
    with root_lock(final.parent, timeout=timeout):
        clean_leftovers(final.parent)
        check_replaceable(final)
        if final.exists():
            if _exchange(staging, final):
                shutil.rmtree(staging, ignore_errors=True)  # the old set, now under the staging name
                return final
            old = _old_name(staging, final)
            final.rename(old)
            staging.rename(final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(final)
    return final


def remove_output(final: str | Path, *, timeout: float | None = None) -> bool:
    """Remove ``final`` if it is potensi's own output (a failed run leaves no stale report).

    A folder potensi did not write is left alone. Returns whether something was removed.
    """
    final = Path(final)
    if not final.exists():
        return False
    with root_lock(final.parent, timeout=timeout):
        clean_leftovers(final.parent)
        if not is_potensi_output(final):
            return False
        old = final.with_name(f"{TRASH_PREFIX}{final.name}-{os.getpid()}")
        final.rename(old)
        shutil.rmtree(old, ignore_errors=True)
    return True


def write_index_page(root: str | Path, page: str | Callable[[], str], *, timeout: float | None = None) -> Path:
    """Write ``<root>/index.html`` atomically under the root's lock, only over potensi's own index.

    ``page`` is the HTML, or a function returning it, called under the lock (so the listing of the
    folders it links is the one current when the page replaces the old one: two runs writing the
    index one after the other never drop each other's reports). The page must carry
    :data:`INDEX_GENERATOR`. A user's ``index.html`` (:func:`check_index_replaceable`) raises
    :class:`PublishError` and is left untouched.
    """
    from potensi.core.atomic import write_text_atomic

    root = Path(root)
    target = root / INDEX
    check_index_replaceable(target)  # before waiting for the lock: refuse at once
    with root_lock(root, timeout=timeout):
        check_index_replaceable(target)
        text = page() if callable(page) else page
        if INDEX_GENERATOR not in text[:8192]:
            raise ValueError(f"{target}: the page lacks {INDEX_GENERATOR} in its head; the next run would "
                             "refuse to replace it")
        return write_text_atomic(target, text)
