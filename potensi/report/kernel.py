"""Warm kernels for the batch: one Jupyter kernel per batch thread, reused report after report.

A fresh kernel per report spends ~2.5 s starting and importing pandas, seaborn, statsmodels,
geopandas and potensi before the first line of analysis. The batch instead keeps one kernel
per batch thread and runs each report in it through papermill with the engine
:class:`WarmEngine`, so a report still goes through ``papermill.execute_notebook``: the
parameters cell is injected and recorded exactly as papermill does (``injected-parameters``
cell, ``metadata.papermill.parameters``), every cell gets its papermill timing and status, a
failing cell gets papermill's error banner and :class:`~papermill.exceptions.PapermillExecutionError`.

Between two reports the kernel is reset (:data:`RESET_CODE`: ``%reset -f``, every figure
closed, the warning registries cleared so that a warning shown for one province is shown again
for the next, the execution counter back to 1): a report sees only its own variables, while
imported modules and potensi's read-only data caches stay warm. After a failure (an error in a
cell, a cell timeout, a dead kernel) the kernel is shut down and the next report starts a new
one: a failing province never leaves state behind for the next.

The kernel dies with the process that started it: jupyter_client starts it with
``JPY_PARENT_PID`` and ipykernel exits within a second when that parent goes.

Outside the batch nothing changes: ``render_province`` and the papermill CLI start a fresh
kernel per notebook with papermill's default engine.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger

from potensi.report.kernel_start import NO_OUTPUT_CACHE, PrivateKernelManager

__all__ = ["ENGINE", "RESET_CODE", "WarmEngine", "WarmKernel", "adopt", "use_warm_kernels", "shutdown_warm_kernels",
           "warm_kernels", "release_memory"]

#: papermill engine name of :class:`WarmEngine` (``papermill.execute_notebook(..., engine_name=ENGINE)``).
ENGINE = "potensi-warm"

#: Run (silently, without history) in the kernel after each successful report.
RESET_CODE = """\
__import__("matplotlib.pyplot").pyplot.close("all")
__import__("warnings")._filters_mutated()
get_ipython().run_line_magic("reset", "-f")
__import__("gc").collect()
__import__("gc").freeze()
__import__("potensi.report.kernel").report.kernel.release_memory()
get_ipython().execution_count = 1
"""


def release_memory() -> None:
    """Give the heap pages freed by the last report back to the system (glibc ``malloc_trim``).

    A report allocates and frees hundreds of MB (figures, tables, the notebook); without this the
    process keeps them as free heap, so each warm kernel (and the batch) would hold the peak of
    its largest report for the rest of the run. A no-op where glibc is not the C library.
    """
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # musl or another libc without malloc_trim
        pass


class WarmKernel:
    """One kernel kept alive across notebooks (``kernel_name`` started in ``cwd``)."""

    def __init__(self, kernel_name: str, cwd: str):
        self.kernel_name = kernel_name
        self.cwd = cwd
        self.km = None  # jupyter_client AsyncKernelManager, started by nbclient on first use
        self.kc = None
        self.reports = 0  # notebooks run in the current kernel

    def execute(self, nb_man, *, timeout=None, startup_timeout=60, log_output=False, stdout_file=None,
                stderr_file=None, **kwargs):
        """Execute ``nb_man``'s notebook as papermill's nbclient engine does, in this kernel."""
        kwargs.setdefault("kernel_manager_class", PrivateKernelManager)
        client = PapermillNotebookClient(
            nb_man, km=self.km, timeout=timeout, startup_timeout=startup_timeout, kernel_name=self.kernel_name,
            log=logger, log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
            extra_arguments=[NO_OUTPUT_CACHE], **kwargs)
        client.kc = self.kc
        clean = False
        try:
            nb = client.execute(cleanup_kc=False, cwd=self.cwd)
            self.km, self.kc = client.km, client.kc
            self.reports += 1
            clean = not nb.metadata.get("papermill", {}).get("exception") and self._reset()
            return nb
        finally:
            if not clean:  # an error, a timeout or a dead kernel: the next notebook gets a new kernel
                self.km, self.kc = client.km, client.kc
                self.shutdown()

    def _reset(self) -> bool:
        """Clear the user namespace for the next notebook; False if the kernel did not answer ok."""
        from jupyter_core.utils import run_sync

        try:
            reply = run_sync(self.kc._async_execute_interactive)(
                RESET_CODE, silent=True, store_history=False, timeout=60, output_hook=lambda msg: None)
        except Exception:  # noqa: BLE001 - any failure here means: start afresh
            return False
        return reply.get("content", {}).get("status") == "ok"

    def alive(self) -> bool:
        return self.km is not None and self.km.has_kernel

    def shutdown(self) -> None:
        """Stop the kernel (now) and its channels; the next :meth:`execute` starts a new one."""
        from jupyter_core.utils import run_sync

        km, kc = self.km, self.kc
        self.km = self.kc = None
        self.reports = 0
        try:
            if kc is not None:
                kc.stop_channels()
        finally:
            if km is not None and km.has_kernel:
                try:
                    run_sync(km.shutdown_kernel)(now=True)
                except Exception:  # noqa: BLE001 - already dead; nothing left to stop
                    pass


_KERNELS: dict[tuple[str, str, int], WarmKernel] = {}
_SPARE: list[WarmKernel] = []  # adopted kernels, started, not yet given to a thread
_LOCK = threading.Lock()


def adopt(managers: list, *, kernel_name: str, cwd: str) -> None:
    """Kernels already started (:func:`potensi.report.kernel_start.start_kernels`) for the next
    warm kernels of ``kernel_name`` in ``cwd``: a thread's first report runs in one of them
    instead of starting its own; those never used are stopped with the others."""
    spares = []
    for km in managers:
        spare = WarmKernel(kernel_name, str(cwd))
        spare.km = km  # nbclient connects its client to it at the first report
        spares.append(spare)
    with _LOCK:
        _SPARE.extend(spares)


def _kernel_for(kernel_name: str) -> WarmKernel:
    """This process's warm kernel for ``kernel_name`` in the current directory (papermill has
    already changed into the notebook's ``cwd``); one per thread, a started one if adopted."""
    key = (kernel_name, os.getcwd(), threading.get_ident())
    with _LOCK:
        kernel = _KERNELS.get(key)
        if kernel is None:
            spare = next((k for k in _SPARE if (k.kernel_name, k.cwd) == key[:2]), None)
            if spare is not None:
                _SPARE.remove(spare)
            kernel = _KERNELS[key] = spare or WarmKernel(kernel_name, key[1])
    return kernel


class WarmEngine(NBClientEngine):
    """papermill's nbclient engine, running every notebook of this process in a warm kernel."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        kwargs.pop("input_path", None)
        kwargs.pop("startup_timeout", None)
        timeout = execution_timeout if execution_timeout else kwargs.pop("timeout", None)
        kwargs.pop("timeout", None)
        return _kernel_for(kernel_name).execute(nb_man, timeout=timeout, startup_timeout=start_timeout,
                                                log_output=log_output, stdout_file=stdout_file,
                                                stderr_file=stderr_file, **kwargs)


papermill_engines.register(ENGINE, WarmEngine)


def use_warm_kernels() -> None:
    """Make :class:`WarmEngine` papermill's default engine in this process (see :func:`warm_kernels`).

    ``render_notebook`` calls ``papermill.execute_notebook`` without an engine name, so in a
    thread every report then runs in that thread's warm kernel.
    """
    papermill_engines.register(None, WarmEngine)


def shutdown_warm_kernels() -> None:
    """Stop every warm kernel of this process (at the end of a batch)."""
    with _LOCK:
        kernels = [*_KERNELS.values(), *_SPARE]
        _KERNELS.clear()
        _SPARE.clear()
    for kernel in kernels:
        kernel.shutdown()


@contextlib.contextmanager
def warm_kernels() -> Iterator[None]:
    """Within the block, papermill runs every notebook of this process in a warm kernel (one per
    thread); after it the previous default engine is back and every warm kernel is stopped."""
    previous = papermill_engines._engines.get(None)  # the registry has no public getter
    papermill_engines.register(None, WarmEngine)
    try:
        yield
    finally:
        papermill_engines.register(None, previous)
        shutdown_warm_kernels()
