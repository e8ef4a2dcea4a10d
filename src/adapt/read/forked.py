"""A forked copy of this process that works on and writes what it finds to a pipe (reading stage).

The CLI reads the story in one (``cli/reading.py``) and the writer rewrites narration ahead
in another (``transform/ahead.py``); both start, feed and end them the same way.
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable


def fork(work: Callable[[int], None]) -> tuple[int, int] | None:
    """Fork a copy that runs ``work(fd)``, ``fd`` the pipe's writing end, and then ends;
    (its pid, the reading end), or None without fork, with threads running or on one core."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return None
    try:
        r, w = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid == 0:  # the copy: never returns
        try:
            os.close(r)
            work(w)
            os.close(w)  # the reader sees the end now, not once the exit has freed this copy's memory
        except BaseException:  # noqa: B036 (the copy must end here, whatever happened)
            pass
        os._exit(0)
    os.close(w)
    return pid, r


def end(pid: int, fd: int) -> None:
    """Close our end of the pipe and end the copy, if it still runs."""
    try:
        os.close(fd)
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass
