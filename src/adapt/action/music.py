"""Action: music cues that say what the text knows of a song (its title, who sings, in the scene or over it, again).

One ``Songs`` per adaptation remembers the songs heard so far, so the second stanza
of a song is "the song continues" and a song heard again in a later scene "returns",
rather than the same sentence each time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TITLE = re.compile(
    r"\b(?:sang|sing|sings|singing|sung|hummed|hums|humming|whistled|whistles|whistling|played|plays|playing"
    r"|struck\s+up|strikes\s+up|striking\s+up|song|tune|air|ballad|hymn|carol|ditty|lullaby|anthem)"
    r"(?:\s+(?:called|named|entitled|of))?\s*,?\s*[\"“'‘_]([A-Z][^\"“”'‘’_\n]{1,60}?)[,.]?[\"”'’_](?!\w)")
_PLACE = re.compile(r"^(?:INT\./EXT|EXT\./INT|INT|EXT|I/E)\.?\s+(.+?)(?:\s+-\s+[^-]*)?$")


def title(narration: str) -> str | None:
    """The song's title when the narration names it: 'sang "The Ash Grove"', 'the old
    tune _Barbara Allen_'."""
    for m in _TITLE.finditer(narration):
        words = m.group(1).split()
        if len(words) <= 7 and all(w[:1].isupper() for w in words if len(w) > 3):
            return m.group(1).strip()
    return None


def _norm(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", line.lower()).split())


@dataclass
class _Song:
    title: str | None
    lines: set[str]
    scene: str
    announced: bool


@dataclass
class Songs:
    """The songs of one story, in the order they are first heard."""

    one_song: bool = False
    """The story's stanzas are one song (they repeat each other's lines: a chorus)."""
    heard: list[_Song] = field(default_factory=list)

    @classmethod
    def for_story(cls, stanzas: list[tuple[str, ...]]) -> Songs:
        """Three or more stanzas that share a line (a chorus) are one song heard in parts."""
        seen: dict[str, int] = {}
        for k, lines in enumerate(stanzas):
            for x in lines:
                if len(_norm(x).split()) >= 3:
                    seen.setdefault(_norm(x), k)
        shared = any(seen.get(_norm(x), k) != k for k, lines in enumerate(stanzas) for x in lines
                     if len(_norm(x).split()) >= 3)
        return cls(one_song=len(stanzas) >= 3 and shared)

    def cue(self, lines: tuple[str, ...], *, scene: str, heard: bool, name: str | None = None,
            singer: str | None = None, announced: bool = False) -> str:
        """The music cue for a passage of ``lines`` in ``scene`` (its heading): ``name`` is
        its title if the text gives one, ``singer`` who sings it, ``heard`` whether the
        scene's narration has music playing in it; ``announced`` a song the narration
        introduces (so never the story's one song)."""
        norm = {_norm(x) for x in lines if _norm(x)}
        song = self._find(norm, name, announced)
        if song is None:
            self.heard.append(_Song(name, norm, scene, announced))
            what = f"\u201c{name}\u201d" if name else "a song"
            if singer:
                return f"MUSIC CUE: {what} \u2014 {singer} sings." if name else f"MUSIC CUE: {singer} sings."
            return f"MUSIC CUE: {what} plays {_where(scene, heard)}."
        again = norm and norm <= song.lines
        song.lines |= norm
        what = f"\u201c{song.title}\u201d" if song.title else "the song"
        if song.scene != scene:
            song.scene = scene
            who = f" \u2014 {singer} sings" if singer else f", {_where(scene, heard)}"
            return f"MUSIC CUE: {what} returns{who}."
        if singer:
            return f"MUSIC CUE: {what} \u2014 {singer} sings on."
        return f"MUSIC CUE: {what} continues{': the chorus again' if again else ''}."

    def _find(self, norm: set[str], name: str | None, announced: bool) -> _Song | None:
        if name:
            return next((s for s in self.heard if s.title and s.title.lower() == name.lower()), None)
        for s in reversed(self.heard):
            if len(norm & s.lines) >= 1 and any(len(x.split()) >= 3 for x in norm & s.lines):
                return s
        if self.one_song and not announced:
            return next((s for s in self.heard if not s.announced and not s.title), None)
        return None


def _where(scene: str, heard: bool) -> str:
    """"in the club" (music the scene's narration has playing), else "over the scene"."""
    if not heard:
        return "over the scene"
    m = _PLACE.match(scene)
    place = m.group(1).strip() if m else ""
    if not place or "UNKNOWN" in place or "'" in place or len(place.split()) > 3 or "." in place:
        return "in the scene"
    return "in the " + place.lower()
