"""The story read in a second process while this one imports the adaptation stages (CLI).

Importing the adaptation (every stage, lemminflect, numpy) and reading a novel (the prose
grammar's parse, the beats, the chapters) take about as long as each other and need
nothing of each other. On a machine with a second core, a forked copy parses the text and
reads the story (``scenes.story.read_story``, which needs none of those imports) and sends
it back pickled, while this process imports. Anything that goes wrong there (a text the
grammar cannot read, a copy that dies) leaves the reading to this process, which then
reports it as it always did; without fork, with threads running or on one core, no copy.
"""
from __future__ import annotations

import gc
import os
import pickle
from typing import TYPE_CHECKING

from adapt.read import forked

if TYPE_CHECKING:
    from adapt.scenes.story import Story

MIN_CHARS = 200_000
"""A shorter text is read here: the copy would not pay for itself."""


class Reading:
    """The parent's end of the copy reading the story."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    def story(self) -> Story | None:
        """The story the copy read (waiting for it), or None when it could not. The copy is
        left to end by itself (``close`` reaps it later): waiting here would wait for its
        exit to free its memory, on the way to everything else."""
        _freeze()
        chunks = []
        try:
            while data := os.read(self.fd, 1 << 20):
                chunks.append(data)
        except OSError:
            chunks = []
            self.close()
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of new objects, none of them garbage
        try:
            return pickle.loads(b"".join(chunks)) if chunks else None
        except Exception:  # a copy that died mid-way: read here
            return None
        finally:
            if collecting:
                gc.enable()

    def close(self) -> None:
        """End the copy (if it still runs: nobody will read it) and forget it."""
        if self.fd < 0:
            return
        forked.end(self.pid, self.fd)
        self.fd = -1


_frozen = False


def _freeze() -> None:
    """Once per process, when the stages are imported: what the imports made lives as long
    as the process, so no collection walks it again (the old generation's collections
    during a novel's adaptation took ≈ 0.07 s of its critical path)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def start(text: str, source: str, language: str | None) -> Reading | None:
    """Fork a copy that reads ``text`` as ``read_story`` would; None when there is none."""
    if len(text) < MIN_CHARS:
        return None
    # What the copy needs that this process imports anyway (the stages import it too):
    # imported before the fork, so the copy starts reading at once.
    from adapt.read.prose import parse
    from adapt.scenes.story import read_story

    def work(w: int) -> None:
        gc.disable()  # a short life ended by os._exit: nothing to collect
        data = pickle.dumps(read_story(parse(text, source=source), language), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(w, view):]

    found = forked.fork(work)
    return Reading(*found) if found else None
