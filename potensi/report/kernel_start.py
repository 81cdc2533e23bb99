"""Start the batch's kernels early: before the batch process imports papermill.

A batch's first reports wait for their kernels (a new Python process importing ipykernel),
and the batch process itself first imports papermill, nbformat and nbconvert (~1.5 s on the
machine of ``benchmarks/``: jsonschema builds its URI grammars at import), with the other
core idle. :func:`start_kernels` launches the kernel processes once every argument is
validated and before those imports, so both happen at once; :func:`potensi.report.kernel.adopt`
then gives each batch thread one of them. The kernels are started as the batch's threads start
theirs (same kernel, working directory, in-memory IPython history, no output cache) and die with
the batch like any warm kernel (``JPY_PARENT_PID``). This module imports only jupyter_client.

Every kernel potensi starts (:class:`PrivateKernelManager`) talks to it over Unix sockets in a
folder only the user can open, not over TCP on localhost: ipykernel warns at every start that
a TCP kernel's messages can be read by anyone on the machine, and here they could be.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import threading
from pathlib import Path

from jupyter_client import AsyncKernelManager

__all__ = ["HISTORY_IN_MEMORY", "NO_OUTPUT_CACHE", "PrivateKernelManager", "start_kernels"]

#: nbclient's default for the kernels it starts: no history file per kernel.
HISTORY_IN_MEMORY = "--HistoryManager.hist_file=:memory:"
#: The batch's kernels keep no ``Out[n]``/``_`` references to the cells' results. IPython's
#: output cache keeps every figure a report displayed (its artists and its pixel buffer) alive
#: until the kernel is reset, so every later garbage collection of the report walks them all:
#: a warm Jawa Timur report took 13.0–14.2 s with the cache, 12.9–13.3 s without (4 runs each).
#: The outputs written into the notebook are the same.
NO_OUTPUT_CACHE = "--InteractiveShell.cache_size=0"


#: Longest socket path prefix used: a Unix socket path holds at most 104 bytes (macOS; 108 on
#: Linux), and ipykernel appends ``-<port>``.
MAX_SOCKET_PREFIX = 96

_SOCKETS: dict[str, str] = {}  # this process's private socket folder, made on first use
_SOCKETS_LOCK = threading.Lock()
_SOCKET_NUMBERS = itertools.count(1)


def _socket_prefix() -> str | None:
    """A path prefix for one more kernel's sockets (``<folder>/kernel-<n>``) in this process's
    private folder (mode 0700, removed when the process exits); None where Unix sockets are not
    available (Windows), no temporary folder can be made or the path would be too long (then
    the kernel uses TCP)."""
    if os.name != "posix":
        return None
    with _SOCKETS_LOCK:
        if "folder" not in _SOCKETS:
            try:
                _SOCKETS["folder"] = tempfile.mkdtemp(prefix="potensi-kernel-")
            except OSError:  # no writable temporary folder: TCP, as jupyter_client does by default
                return None
            atexit.register(shutil.rmtree, _SOCKETS["folder"], True)
        prefix = os.path.join(_SOCKETS["folder"], f"kernel-{next(_SOCKET_NUMBERS)}")
    return prefix if len(prefix.encode()) <= MAX_SOCKET_PREFIX else None


class PrivateKernelManager(AsyncKernelManager):
    """jupyter_client's kernel manager, its kernel listening on Unix sockets of its own in a
    private folder (``transport="ipc"``) instead of TCP ports on localhost.

    Any local user can connect to a TCP port (the messages are signed but not encrypted: ipykernel
    warns so at every start); a socket in a mode-0700 folder only the user can reach. Each kernel
    gets its own path prefix, so kernels started at once never pick the same socket. On Windows,
    or with a temporary folder whose path is too long for a socket, it is the usual TCP kernel.
    Given as ``kernel_manager_class`` to nbclient (papermill passes it through).
    """

    def __init__(self, **kwargs) -> None:
        if "transport" not in kwargs and "ip" not in kwargs:
            prefix = _socket_prefix()
            if prefix is not None:
                kwargs.update(transport="ipc", ip=prefix)
        super().__init__(**kwargs)


def start_kernels(n: int, *, kernel_name: str, cwd: str | Path) -> list:
    """Launch ``n`` kernels of ``kernel_name`` in ``cwd``; their started kernel managers.

    Fewer (possibly none) if a kernel cannot be launched: the batch threads then start their
    own kernels and report a failure as they always do.
    """
    from jupyter_core.utils import run_sync

    started = []
    for _ in range(n):
        km = PrivateKernelManager(kernel_name=kernel_name)
        try:
            run_sync(km.start_kernel)(cwd=str(cwd), extra_arguments=[HISTORY_IN_MEMORY, NO_OUTPUT_CACHE])
        except Exception:  # noqa: BLE001 - e.g. no such kernel: left to the threads, which say why
            break
        started.append(km)
    return started
