"""A -j worker's signals: Ctrl-C is the parent's; a SIGTERM unwinds the job, then exits."""
from __future__ import annotations

import os
import signal
import sys
from types import FrameType

STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
"""The signals that stop a run (the parent's handler, and each worker's)."""


def worker_start() -> None:
    """In a -j worker: Ctrl-C is the parent's to handle; a SIGTERM (the parent ending
    the pool) unwinds the job, so its temporary files are removed, then exits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in STOP_SIGNALS:
        signal.signal(sig, _exit_worker)
    sys.unraisablehook = _stop_again


_stopping: list[int] = []


def _exit_worker(signum: int, frame: FrameType | None) -> None:
    _stopping.append(signum)
    raise SystemExit(128 + signum)


def _stop_again(unraisable: sys.UnraisableHookArgs) -> None:
    """A SIGTERM that lands where Python can only ignore an exception (the handlers around
    the fork of a copy working ahead, a finaliser) would print a traceback and be lost: the
    worker exits there and then (it writes its files only at the end, so none is half made)."""
    if isinstance(unraisable.exc_value, SystemExit):
        code = unraisable.exc_value.code
        os._exit(code if isinstance(code, int) else 128 + signal.SIGTERM)
    elif not _stopping:  # (once stopped, a pipe the parent closed is no news: "Broken pipe")
        sys.__unraisablehook__(unraisable)
