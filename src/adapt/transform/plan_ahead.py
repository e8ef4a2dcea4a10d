"""The scene plan's chapters found ahead in a forked copy while the cast is collected (transform stage).

Finding a chapter's scenes (``scenes.settings.scenes``) reads every sentence for places, and
needs of the cast only whether the few names it meets as places ("went to Jane") are
characters'. While attribution collects the cast, its first step, the second core has
nothing to do; so as attribution starts, a copy forked as ``ahead.py`` forks its own finds
every chapter's scenes, from the end, knowing no names, records the names it asked about,
and sends each chapter's scenes keyed by a digest of its paragraphs. The plan (the
writer's, and that of the copy working ahead, which takes with it what has arrived when it
forks) takes a chapter's scenes from there where its names answer each question the same,
and finds them itself where one differs (0-3 chapters in each of the ten development
novels): the same plan, in less time. A small story, or no fork: no copy.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence

from adapt.read.beats import Beat
from adapt.read.settle import song_titles
from adapt.scenes.plan import chapter_narration
from adapt.scenes.settings import Scene
from adapt.scenes.settings import scenes as find_scenes
from adapt.transform import ahead


class Asked(frozenset):
    """Names that remember each one asked about, and the answer (``scenes`` only asks
    ``name in names``)."""

    asked: dict[object, bool]

    def __new__(cls, names: Sequence[str] | frozenset[str] = ()) -> Asked:
        found = super().__new__(cls, names)
        found.asked = {}
        return found

    def __contains__(self, name: object) -> bool:
        found = super().__contains__(name)
        self.asked[name] = found
        return found


def _key(paragraphs: Sequence[str]) -> bytes:
    """A chapter's paragraphs, as a digest: what the copy sends instead of the text."""
    h = hashlib.blake2b(digest_size=20)
    for p in paragraphs:
        data = p.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


class Chapters:
    """The parent's end of the copy: each chapter's scenes as far as they have arrived."""

    def __init__(self, copy: ahead.Ahead) -> None:
        self.copy = copy
        self.owner = os.getpid()  # a copy forked later keeps what it inherited, never reads the pipe

    def poll(self) -> None:
        """Take in what has arrived."""
        if os.getpid() == self.owner:
            self.copy.poll()

    def find(self, paragraphs: Sequence[str], *, names: frozenset[str]) -> tuple[Scene, ...]:
        """``settings.scenes``, from what the copy found where ``names`` answers as its none did."""
        self.poll()
        found = self.copy.memo.get(_key(paragraphs))
        if found is not None:
            scenes, asked = found
            if all((name in names) == answer for name, answer in asked.items()):
                return scenes
        return find_scenes(paragraphs, names=names)

    def stop(self) -> None:
        if os.getpid() == self.owner:
            self.copy.stop()


class _Work:
    """The copy's side: at each chapter's first beat, that chapter's scenes with no names known."""

    def __init__(self, beats: list[Beat]) -> None:
        self.beats = beats
        self.record: dict = {}
        self.first: dict[int, list[str]] | None = None

    def recording(self, record: dict) -> None:
        self.record = record

    def write(self, bi: int) -> None:
        if self.first is None:
            folded, _ = song_titles(self.beats, {})  # the beats the plan reads: the same folding
            self.first = {body[0]: paragraphs for body, paragraphs in chapter_narration(folded) if body}
        paragraphs = self.first.get(bi)
        if paragraphs is not None:
            names = Asked()
            self.record[_key(paragraphs)] = (find_scenes(paragraphs, names=names), names.asked)


def start(beats: list[Beat]) -> Chapters | None:
    """The copy finding the chapters' scenes; None for a small story or without fork."""
    work = _Work(beats)
    copy = ahead.start(len(beats), 0, work.write, work.recording, {}, nice=0)  # the plan needs it all
    return Chapters(copy) if copy else None
