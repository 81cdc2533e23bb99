"""Start the batch's kernels early: before the batch process imports papermill.

A batch's first reports wait for their kernels (a new Python process importing ipykernel),
and the batch process itself first imports papermill, nbformat and nbconvert (~1.5 s on the
machine of ``benchmarks/``: jsonschema builds its URI grammars at import), with the other
core idle. :func:`start_kernels` launches the kernel processes once every argument is
validated and before those imports, so both happen at once; :func:`potensi.report.kernel.adopt`
then gives each batch thread one of them. The kernels are started as the batch's threads start
theirs (same kernel, working directory, in-memory IPython history, no output cache) and die with
the batch like any warm kernel (``JPY_PARENT_PID``). This module imports only jupyter_client.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["HISTORY_IN_MEMORY", "NO_OUTPUT_CACHE", "start_kernels"]

#: nbclient's default for the kernels it starts: no history file per kernel.
HISTORY_IN_MEMORY = "--HistoryManager.hist_file=:memory:"
#: The batch's kernels keep no ``Out[n]``/``_`` references to the cells' results. IPython's
#: output cache keeps every figure a report displayed (its artists and its pixel buffer) alive
#: until the kernel is reset, so every later garbage collection of the report walks them all:
#: a warm Jawa Timur report took 13.0–14.2 s with the cache, 12.9–13.3 s without (4 runs each).
#: The outputs written into the notebook are the same.
NO_OUTPUT_CACHE = "--InteractiveShell.cache_size=0"


def start_kernels(n: int, *, kernel_name: str, cwd: str | Path) -> list:
    """Launch ``n`` kernels of ``kernel_name`` in ``cwd``; their started kernel managers.

    Fewer (possibly none) if a kernel cannot be launched: the batch threads then start their
    own kernels and report a failure as they always do.
    """
    from jupyter_client import AsyncKernelManager
    from jupyter_core.utils import run_sync

    started = []
    for _ in range(n):
        km = AsyncKernelManager(kernel_name=kernel_name)
        try:
            run_sync(km.start_kernel)(cwd=str(cwd), extra_arguments=[HISTORY_IN_MEMORY, NO_OUTPUT_CACHE])
        except Exception:  # noqa: BLE001 - e.g. no such kernel: left to the threads, which say why
            break
        started.append(km)
    return started
