"""The narration's rewrites worked out ahead in a second process (transform stage).

Rewriting narration into screenplay action (``voice.to_action``) is most of the writer's
time, and each rewrite depends only on its arguments. On a machine with a second core, a
forked copy of the writer goes through the story's paragraphs from the end, chunk by
chunk, and sends back each chunk's rewrites keyed by their arguments, while the writer
goes forward from the start; the writer takes a rewrite from the table only when every
argument is the same, so the script is the one it would write alone. Where the two meet,
the copy stops. No fork (another system, threads running, a small story): no copy, and
nothing changes but the time.
"""
from __future__ import annotations

import os
import pickle
import select
import struct
from collections.abc import Callable

from adapt.read import forked

MIN_BEATS = 400
"""A story shorter than this is written alone: the copy would not pay for itself."""
CHUNK = 60
"""Beats per chunk the copy sends back."""
_HEADER = struct.Struct("<QQ")  # chunk start, payload length


class Ahead:
    """The parent's end of a copy working backwards; ``memo`` holds what it sent so far."""

    def __init__(self, pid: int, fd: int, memo: dict, end: int) -> None:
        self.pid, self.fd, self.memo = pid, fd, memo
        self.low = end  # the first beat of the lowest chunk received (none yet: the end)
        self._buffer = b""

    def reached(self, bi: int) -> None:
        """The writer is at beat ``bi``: take in what has arrived, and stop the copy once
        the writer has reached the chunk it is working on (``CHUNK`` below ``low``)."""
        if self.fd < 0:
            return
        self._read()
        if bi >= self.low - CHUNK:
            self.stop()

    def take(self, key: tuple) -> object:
        """What the copy sent under ``key`` so far (taken out of the memo), or None."""
        self.poll()
        return self.memo.pop(key, None)

    def poll(self) -> None:
        """Take in what has arrived."""
        if self.fd >= 0:
            self._read()

    def _read(self) -> None:
        ended = False  # the copy is done (or gone): what came before the end is still taken
        try:
            while select.select([self.fd], [], [], 0)[0]:
                data = os.read(self.fd, 1 << 20)
                if not data:
                    ended = True
                    break
                self._buffer += data
        except OSError:
            ended = True
        while len(self._buffer) >= _HEADER.size:
            start, size = _HEADER.unpack_from(self._buffer)
            if len(self._buffer) < _HEADER.size + size:
                break
            payload = self._buffer[_HEADER.size:_HEADER.size + size]
            self._buffer = self._buffer[_HEADER.size + size:]
            try:
                self.memo.update(pickle.loads(payload))
            except Exception:
                self.stop()
                return
            self.low = start
        if ended:
            self.stop()

    def stop(self) -> None:
        """End the copy (if it still runs) and forget it."""
        if self.fd < 0:
            return
        forked.end(self.pid, self.fd)
        self.fd = -1


def start(n: int, first: int, write: Callable[[int], None], recording: Callable[[dict], None],
          memo: dict, *, nice: int = 19) -> Ahead | None:
    """Fork a copy that calls ``write(bi)`` for beats ``n - 1`` back to ``first``, chunk by
    chunk (each chunk in order), and sends back what each chunk recorded in the dict it
    handed ``recording``; what arrives goes into ``memo``. None when there is no copy.
    ``nice``: how far the copy stands back for the writer on a busy machine (all the way
    for guesses that may be wasted; not at all for work the writer needs whatever happens)."""
    if n - first < MIN_BEATS:
        return None
    found = forked.fork(lambda w: _work(n, first, write, recording, w, nice))
    return Ahead(*found, memo, n) if found else None


def _work(n: int, first: int, write: Callable[[int], None], recording: Callable[[dict], None],
          fd: int, nice: int) -> None:
    """The copy's loop. It never waits for the parent to read (the parent may still be busy
    elsewhere, e.g. attributing speakers, while the copy works): what the pipe cannot take
    yet waits in ``pending``, offered again after every beat."""
    try:
        if nice:
            os.nice(nice)  # a core nobody else wants: on a busy machine the writer goes first
    except OSError:
        pass
    os.set_blocking(fd, False)
    record: dict = {}
    recording(record)
    pending = bytearray()
    end = n
    while end > first:
        begin = max(first, end - CHUNK)
        record.clear()
        for bi in range(begin, end):
            write(bi)
            if pending:
                _offer(fd, pending)
        payload = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        pending += _HEADER.pack(begin, len(payload)) + payload
        _offer(fd, pending)
        end = begin
    os.set_blocking(fd, True)
    while pending:
        _offer(fd, pending)


def _offer(fd: int, pending: bytearray) -> None:
    """Write what the pipe takes now of ``pending``, and drop it from there."""
    try:
        del pending[:os.write(fd, pending)]
    except BlockingIOError:
        pass
