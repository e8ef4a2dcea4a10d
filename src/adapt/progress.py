"""Progress on stderr for long inputs: one ``\\r``-redrawn percentage line.

The standard library is enough here, and neither suggested library pays for itself.
The display is a single line, ``adapting story.txt:  42%``, redrawn only when the
whole percentage changes, so a novel costs at most 101 short writes. rich would bring
pygments and markdown-it along for that one line; tqdm is small but would still be a
runtime dependency, for a rate and an ETA that a run of a few seconds (Pride and
Prejudice adapts in about 2 s) does not need. Progress is only shown to a person at a
terminal: when stderr is not a TTY (a pipe, a log file, CI) or the caller turns it off
(``--quiet``), nothing is written at all.
"""
from __future__ import annotations

import sys
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
        self._shown: int | None = None  # the percentage on screen
        self._width = 0  # characters on screen, to wipe them

    @property
    def active(self) -> bool:
        """True when this reporter writes to the terminal."""
        return self._active

    def advance(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self._active:
            self._draw()

    def _draw(self) -> None:
        percent = self.done * 100 // self.total
        if percent == self._shown:
            return
        self._shown = percent
        line = f"{self.label}: {percent:3d}%"
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
