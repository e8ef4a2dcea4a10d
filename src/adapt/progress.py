"""Progress on stderr for long inputs: one ``\\r``-redrawn percentage line.

The standard library is enough here, and neither suggested library pays for itself.
The display is a single line, ``adapting story.txt:  42%``, redrawn only when the
whole percentage changes, so a novel costs at most 101 short writes. rich would bring
pygments and markdown-it along for that one line; tqdm is small but would still be a
runtime dependency, for a rate and an ETA that a run of a few seconds (Pride and
Prejudice adapts in about 2 s) does not need. Progress is only shown to a person at a
terminal: when stderr is not a TTY (a pipe, a log file, CI) or the caller turns it off
(``--quiet``), nothing is written at all.

After the first second the line carries an estimate of the time left, from the rate so
far (``adapting story.txt:  42%, about 6 s left``). A step that cannot report its own
progress (the PDF writer) runs inside ``bar.step(units)``: a timer thread moves the line
on at the rate measured so far, never past the step's end, so the line keeps moving.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TextIO


class Progress:
    """A context manager; ``advance(n)`` reports ``n`` more units of ``total`` done.

    Leaving the block wipes the line, so whatever is printed next (the summary or an
    ``adapt: error:`` message) starts on a clean line.
    """

    def __init__(self, total: int, label: str, stream: TextIO, active: bool) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._stream = stream
        self._active = active and total > 0
        self._shown: str | None = None  # the line on screen
        self._width = 0  # characters on screen, to wipe them
        self._start = time.monotonic()
        self._lock = threading.Lock()  # the main thread and a step's timer both draw

    @property
    def active(self) -> bool:
        """True when this reporter writes to the terminal."""
        return self._active

    def advance(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self._active:
            self._draw()

    def relabel(self, label: str) -> None:
        """Name the next stage (``writing story.pdf``); the percentage carries on."""
        self.label = label
        if self._active:
            self._draw()

    @contextmanager
    def step(self, units: int) -> Iterator[None]:
        """A stretch of ``units`` that reports nothing until it ends (the PDF writer):
        the line moves on at the rate measured so far, and jumps to the end after."""
        end = min(self.total, self.done + units)
        if not self._active or units <= 0:
            yield
            self.advance(end - self.done)
            return
        stop = threading.Event()
        start, first = time.monotonic(), self.done
        rate = self.done / max(1e-6, start - self._start)  # units a second so far

        ceiling = end - max(1, units // 20)  # short of the end until the step is done

        def tick() -> None:
            while not stop.wait(0.25):
                guess = min(ceiling, first + int(rate * (time.monotonic() - start)))
                if guess > self.done:
                    self.done = guess
                self._draw()

        timer = threading.Thread(target=tick, daemon=True)
        timer.start()
        try:
            yield
        finally:
            stop.set()
            timer.join()
        self.advance(end - self.done)

    def _estimate(self) -> str:
        """``, about 6 s left``: from the rate so far, once there is a rate to go by."""
        elapsed = time.monotonic() - self._start
        if elapsed < 1 or not self.done or self.done >= self.total:
            return ""
        left = elapsed * (self.total - self.done) / self.done
        if left >= 90:
            return f", about {round(left / 60)} min left"
        return f", about {max(1, round(left))} s left"

    def _draw(self) -> None:
        with self._lock:
            percent = self.done * 100 // self.total
            line = f"{self.label}: {percent:3d}%{self._estimate()}"
            if line == self._shown:
                return
            self._shown = line
            self._stream.write("\r" + line.ljust(self._width))
            self._stream.flush()
            self._width = max(self._width, len(line))

    def __enter__(self) -> Progress:
        if self._active:
            self._draw()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._active and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def progress(total: int, *, label: str, enabled: bool, stream: TextIO | None = None) -> Progress:
    """A progress line for ``total`` units of work, on ``stream`` (default: stderr).

    Silent unless ``enabled`` and the stream is a terminal::

        with progress(len(paragraphs), label=f"adapting {name}", enabled=not args.quiet) as bar:
            for p in paragraphs:
                ...
                bar.advance(1)
    """
    out = sys.stderr if stream is None else stream
    return Progress(total, label, out, enabled and _is_terminal(out))
