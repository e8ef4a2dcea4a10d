"""The copy working ahead started before the speakers are attributed (transform stage).

Attributing speakers is a third of an adaptation, and rewriting the narration needs little
of it: the words of the cast's names, and whether an "I" narrates. So for a story told in
the third person the copy (``ahead.py``) starts as soon as the story is read, on the second
core while the parent attributes: it starts from the cast ``collect_cast`` finds (attribution's
first step, which hands it over: ``attribute(found=...)``) and lets someone other than the
narrator speak every quotation. The parent
takes a rewrite from it only where every argument agrees (``Writer.rewrite`` keys a rewrite
by the names its passage writes), so a wrong guess costs time, never a different script.
The copy plans the scenes first and sends the plan with the names it asked about
(``_Asked``): the parent takes it where its cast answers them the same (``planned``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from adapt.action import music, voice
from adapt.read.beats import Beat, Paragraph, Stanza
from adapt.read.settle import song_titles
from adapt.scenes.plan import Start
from adapt.scenes.plan import plan as plan_scenes
from adapt.speakers.attribution import Attribution, Cast
from adapt.transform import ahead
from adapt.transform.options import Options
from adapt.transform.plan_ahead import Asked as _Asked
from adapt.transform.plan_ahead import Chapters
from adapt.transform.writer import Writer

_SOMEONE = Attribution("\x00someone", "tag")
_MAIN = "\x00main"
"""The main character the copy cannot know; a plan that needed it is not taken."""
PLAN = ("scene plan",)
"""The memo key of the copy's plan: (starts, the names asked about and their answers)."""


def people(cast: Cast) -> frozenset[str]:
    """The cast's names and their words, and every other form the text names them by
    ("Charlotte Lucas" of Charlotte): never places for the scene plan ("she returns to
    Charlotte Lucas" is no scene at CHARLOTTE LUCAS)."""
    return frozenset(n for k in cast.known for n in (k, *k.split())) | frozenset(cast.forms)


def planned(copy: ahead.Ahead, names: frozenset[str]) -> dict[int, Start] | None:
    """The copy's scene plan if it has arrived and holds for ``names``: every name it asked
    about has the same answer there, and it needed no main character; else None."""
    found = copy.take(PLAN)
    if found is None:
        return None
    starts, asked = found
    if any((name in names) != answer for name, answer in asked.items()) \
            or any(_MAIN.upper() in s.heading or _MAIN.upper() in (s.note or "") for s in starts.values()):
        return None
    return starts


class _Someone(dict):
    """Speakers as the copy guesses them: someone, never the narrator, for every quotation."""

    def get(self, key: object, default: object = None) -> Attribution:
        return _SOMEONE


@dataclass
class _Guessed:
    """The copy's writer, built in the copy on its first beat (the parent never pays for it)."""

    beats: list[Beat]
    options: Options
    pronoun: str
    found: tuple[set[str], dict[str, str], set[str]]
    """What ``collect_cast`` found: names, genders, people."""
    chapters: Chapters | None = None
    """The chapters' scenes found ahead (``plan_ahead.py``), as far as they had arrived."""
    writer: Writer | None = None
    record: dict = field(default_factory=dict)

    def recording(self, record: dict) -> None:
        self.record = record
        if self.writer is not None:
            self.writer.record = record

    def write(self, bi: int) -> None:
        if self.writer is None:
            self.writer = self._writer()
            names = _Asked(people(self.writer.cast))
            starts = plan_scenes(self.writer.beats, names=names, main=_MAIN,
                                 find=self.chapters.find if self.chapters else None)
            self.record[PLAN] = (starts, names.asked)
        b = self.writer.beats[bi]
        if isinstance(b, Paragraph):
            self.writer.paragraph(bi, b, _Someone())

    def _writer(self) -> Writer:
        beats, _ = song_titles(self.beats, {})  # the parent's beats: the same folding
        known, genders, people = self.found
        known |= {n for _, n in self.options.aliases}
        cast = Cast(genders=genders, known=frozenset(known | people))
        sample = " ".join(b.narration for b in beats if isinstance(b, Paragraph))[:20000]
        return Writer(cast, self.options, {}, voice.detect_tense(sample), self.pronoun, beats=beats,
                      songs=music.Songs.for_story([b.lines for b in beats if isinstance(b, Stanza)]),
                      record=self.record)


class Early:
    """Starts the copy working ahead once attribution has found the cast (``attribute``'s
    ``found``); ``copy`` is it, None until then or when there is none."""

    def __init__(self, beats: list[Beat], options: Options, chapters: Chapters | None = None) -> None:
        self.beats, self.options, self.chapters = beats, options, chapters
        self.copy: ahead.Ahead | None = None

    def __call__(self, known: set[str], genders: dict[str, str], people: set[str], first_person: bool) -> None:
        if first_person:
            return  # the rewrites need the narrator's name: the copy starts after attribution
        if self.chapters:
            self.chapters.poll()  # the copy takes the chapters' scenes found so far
        guessed = _Guessed(self.beats, self.options, self.options.pronoun or "they", (known, genders, people),
                           self.chapters)
        self.copy = ahead.start(len(self.beats), 0, guessed.write, guessed.recording, {})


def start(beats: list[Beat], options: Options, chapters: Chapters | None = None) -> Early | None:
    """What starts the copy working ahead on an English story during attribution; None where
    the copy is better started after it (a narrator named: the rewrites need the speakers)."""
    if len(beats) < ahead.MIN_BEATS or options.narrator:
        return None
    return Early(beats, options, chapters)
