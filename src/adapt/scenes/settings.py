"""Narration paragraphs → scene settings (place, INT/EXT, time of day) and headings.

Lexicon- and cue-based on purpose: a wrong scene break costs more than a missed
one, so a place only starts a scene when a sentence moves someone into it
("she moves along the alley") or puts them there ("it's colder on the roof");
a bare mention ("lights from nearby apartments") never does.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from adapt import patterns
from adapt.language.sentences import sentences
from adapt.scenes.places import (
    AMBIENT,
    ANAPHORIC,
    AND,
    ANY_PLACE,
    BACKSTORY,
    BARE,
    BE,
    BLOCK,
    CLAUSE,
    DET_BEFORE,
    ENTER,
    FLASHBACK,
    HINTS,
    JUMP,
    MOTION,
    MOVE,
    NAMED,
    NAMED_SIDE,
    PLACE_WORDS,
    NAMED_VERB,
    NOT_MOVER,
    NOT_NAMES,
    NP,
    NP_MOD,
    OPENER,
    OWN,
    TIMES,
    TRAVEL,
    alt,
    canon,
)


@dataclass(frozen=True, slots=True)
class Setting:
    """Where and when a scene happens."""

    place: str
    """Upper-case place name as printed in a heading: ``CLUB``, ``DRAWING ROOM``."""
    interior: bool | None
    """True → ``INT.``, False → ``EXT.``, None when the lexicon cannot tell (named places)."""
    time: str | None = None
    """``NIGHT``, ``DAY``, ``MORNING``, ``EVENING``, ``DUSK``, ``DAWN``, or None if unknown."""


@dataclass(frozen=True, slots=True)
class Scene:
    """A scene break found in a chapter."""

    start: int
    """Index of the paragraph the scene starts at."""
    setting: Setting
    """The scene's place and (resolved) time."""
    suffix: str | None
    """``CONTINUOUS`` or ``LATER`` to print instead of the time, else None."""
    cue: str
    """The sentence that triggered the break ("" for the chapter's opening scene)."""


def heading(setting: Setting, suffix: str | None = None) -> str:
    """``EXT. ALLEY - NIGHT``; a suffix (``CONTINUOUS``, ``LATER``) replaces the time.

    Unknown interior prints ``INT.``: lexicon places always know their side, so
    None only comes from named places reached by travel ("drove to Longbourn"),
    which are mostly houses one arrives at; ``INT./EXT.`` would wrongly claim a
    scene that straddles both.
    """
    prefix = "EXT." if setting.interior is False else "INT."
    tail = suffix or setting.time
    return f"{prefix} {setting.place}" + (f" - {tail}" if tail else "")




def time_of_day(text: str) -> str | None:
    """The first time-of-day word in ``text`` that speaks of the present scene."""
    m = AMBIENT.search(_clean(text))
    return TIMES[m.group(1).lower()] if m else None


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split())  # re.sub(r"\s+", " ", ...).strip()


def _jump(sentence: str) -> str | None:
    """Time named by a sentence-initial jump ("The next morning"); ``LATER`` if none."""
    m = JUMP.match(sentence)
    if not m:
        return None
    word = next((g for g in (m.group(k) for k in "abcde") if g), None)
    if word:
        return TIMES[word.lower()]
    return "DAY" if m.group("wd") else "LATER"  # "On Sunday": a new day, its hour untold


def opening_jump(text: str) -> str | None:
    """The time a passage's first sentence jumps to ("The next morning" → MORNING, "On
    Sunday" → DAY, "Two days later" → LATER), or None."""
    first = next(iter(sentences(_clean(text), clauses=True)), "")
    return _jump(first) if first else None


# ---- finding a change -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Change:
    place: str | None  # None: only the time changes
    interior: bool | None
    kind: str  # "near" (walked into), "travel" (drove to), "be" (was in), "time"
    jump: str | None  # time-of-day word or "LATER" from a sentence-initial jump
    cue: str


def _blocked(sentence: str, start: int, verb: str = "") -> bool:
    """Hypothetical, habitual, perceived or flashback moves are not moves now."""
    prefix = sentence[:start]
    if BLOCK.search(prefix):
        return True
    if verb and NOT_MOVER.search(prefix):
        return True
    if verb and (m := DET_BEFORE.search(prefix)):
        # A determiner makes a noun of a base form ("a sharp step") and, right before
        # it, of "-s"/"-ing" ("the walks", "his returning"); "the girl walks" is a verb.
        if verb in BARE or not m.group(1) and verb.endswith(("ing", "s")):
            return True
    if BACKSTORY.search(prefix) and not CLAUSE.match(sentence):
        return True
    return bool(FLASHBACK.search(prefix)) and not CLAUSE.match(sentence)


def _np_place(m: re.Match[str]) -> tuple[str, bool]:
    name, interior = canon(m.group("place"))
    if name == "ROOM" and m.group("det").lower() in OWN:
        return "BEDROOM", True
    return name, interior


_Cue = tuple[int, str, bool | None, str]  # (position, place, interior, kind)


def _places(sentence: str, names: frozenset[str]) -> list[_Cue]:
    """Each move or being-at cue in a sentence, in order."""
    found: list[_Cue] = []
    cues = ((MOVE, "near"), (ENTER, "near"), (BE, "be"), (OPENER, "be")) if ANY_PLACE.search(sentence) else ()
    for rx, kind in cues:
        for m in rx.finditer(sentence):
            place, interior = _np_place(m)
            through = (m.groupdict().get("prep") or "").lower() == "through"
            verb = (m.groupdict().get("verb") or "").lower()
            if _blocked(sentence, m.start(), verb) or (through and interior):
                continue  # passing through a building is not being in it
            if re.search(r"\b(?:few|several|many|some|hundred|\d+)\s+yards\b", m.group(0), re.I):
                continue  # "walk on a few yards": a distance, not a yard
            found.append((m.start("place"), place, interior,
                          "travel" if verb in TRAVEL else kind))
    first_move = min((p for p, *_, k in found if k != "be"), default=None)
    if first_move is not None:  # "ran up the hill and into the kitchen"
        found += [(m.start("place"), *_np_place(m), "near") for m in AND.finditer(sentence)
                  if m.start() > first_move - 60]
    for m in NAMED.finditer(sentence) if NAMED_VERB.search(sentence) else ():
        name = m.group("name")
        if name.split()[0] in NOT_NAMES or name in names or _blocked(sentence, m.start()):
            continue
        found.append((m.start("name"), name.upper(),
                      NAMED_SIDE.get(name.split()[-1].lower()), "travel"))
    return sorted(found)


def _change(paragraph: str, current: Setting | None, names: frozenset[str]) -> _Change | None:
    """Where the paragraph leaves the story: its last cue, read against the place so far."""
    here, inside = (current.place, current.interior) if current else (None, None)
    last: tuple[str, bool | None, str, str] | None = None
    jump: str | None = None
    jump_cue = ""
    for sentence in sentences(_clean(paragraph), clauses=True):
        if jump is None and (j := _jump(sentence)):
            jump, jump_cue = j, sentence
        for _, place, interior, kind in _places(sentence, names):
            if place == "ROOM" or place in ANAPHORIC and (inside or here == place):
                continue  # "he entered the room" means the room we are already in
            here, inside = place, interior
            last = (place, interior, kind, sentence)
    if last and last[0] != (current.place if current else None):
        return _Change(last[0], last[1], last[2], jump, last[3])
    if jump and current:
        return _Change(None, current.interior, "time", jump, jump_cue)
    return None




def _suffix(ch: _Change, current: Setting | None, before: str, paragraph: str) -> str | None:
    if current is None:
        return None
    if ch.jump:
        same = ch.place is None and ch.jump in ("LATER", current.time)
        return "LATER" if same or ch.jump == "LATER" else None
    moving = ch.kind == "near" or ch.kind == "be" and bool(MOTION.search(f"{before} {paragraph}"))
    return "CONTINUOUS" if moving else None


def next_setting(paragraph: str, current: Setting | None, *, before: str = "",
                 names: frozenset[str] = frozenset()) -> tuple[Setting | None, str | None]:
    """The setting ``paragraph`` moves the story to, and the heading suffix to use.

    ``(None, None)`` when the place and time stay. ``before`` (the previous
    paragraph) only decides ``CONTINUOUS``: "I race up after her" then "It's colder
    on the roof" is one unbroken movement. ``names`` are character names, which
    must never be read as places ("went to Jane").
    """
    ch = _change(paragraph, current, names)
    return (None, None) if ch is None else _apply(ch, current, before, paragraph)


def _apply(ch: _Change, current: Setting | None, before: str,
           paragraph: str) -> tuple[Setting, str | None]:
    carried = current.time if current else None
    time = ch.jump if ch.jump and ch.jump != "LATER" else carried
    if ch.place is None:
        assert current is not None
        return replace(current, time=time), _suffix(ch, current, before, paragraph)
    return Setting(ch.place, ch.interior, time), _suffix(ch, current, before, paragraph)


def setting_from_text(text: str, names: frozenset[str] = frozenset()) -> Setting | None:
    """The setting a stretch of text (a chapter's opening paragraphs) takes place in.

    Scores each place: 3 for a move or being-at cue, 2 for a locative mention
    ("out on the dance floor"), 1 for a telltale object ("barstool" → a bar) or a place
    named as a modifier ("on the garden wall").
    Highest score wins, the earliest on a tie; the time is the first time word.
    """
    clean = _clean(text)
    score: dict[str, list[float]] = {}
    side: dict[str, bool | None] = {}

    def add(place: str, interior: bool | None, points: float, pos: int) -> None:
        entry = score.setdefault(place, [0.0, float(-pos)])
        entry[0] += points
        side.setdefault(place, interior)

    offset = 0
    for sentence in sentences(clean, clauses=True):
        for pos, place, interior, _ in _places(sentence, names):
            if place != "ROOM":
                add(place, interior, 3, offset + pos)
        # "The office is on the fourth floor.", opening the story: the place it is about
        if not offset and (m := _PLACE_SUBJECT.match(sentence.lstrip())) and (name := canon(m.group("place")))[0] not in ANAPHORIC:
            add(*name, 2, offset)
        # "in the garden", and "at the door of the inn"
        for m in _LOCATIVE.finditer(sentence) if ANY_PLACE.search(sentence) else ():
            name, interior = _np_place(m)
            if name not in ANAPHORIC or name == "HOUSE":
                add(name, interior, 2, offset + m.start())
        offset += len(sentence) + 1
    for m in NP_MOD.finditer(clean):
        add(*canon(m.group("place")), 1, m.start())
    for rx, place in _HINTS:
        if (hint := rx.search(clean)):
            add(place, True, 1, hint.start())
    if not score:
        return None
    best = max(score, key=lambda p: tuple(score[p]))
    return Setting(best, side[best], time_of_day(clean))


_PLACE_SUBJECT = patterns.compile(
    rf"The\s+(?:[a-z-]+\s+){{0,2}}?(?P<place>(?-i:{alt(PLACE_WORDS)}))\s+(?:is|was|are|were|smells|smelled|smelt|"
    r"looks|looked|seems|seemed|feels|felt|lies|lay|stands|stood)\b")
"""A sentence about a place: "The office is on the fourth floor", "The kitchen smelled of bread"."""
_LOCATIVE = patterns.compile(rf"\b(?:in|on|at|into|inside|within)\s+(?:the\s+[a-z-]+\s+of\s+)?{NP}", re.I)
_HINTS = [(patterns.compile(rf"\b{alt([word])}\b", re.I), place) for word, place in HINTS.items()]


def scenes(paragraphs: Sequence[str], *, names: frozenset[str] = frozenset(),
           opening: int = 4, window: int = 6) -> tuple[Scene, ...]:
    """Scene breaks in one chapter's narration paragraphs (quotations removed).

    The opening scene comes from the first ``opening`` paragraphs. A scene with no
    time cue takes the first time word in its first ``window`` paragraphs, else the
    previous scene's time; scenes before the first known time take that time too,
    unless a jump ("the next morning") lies between: a story's opening rarely
    names the hour that its later moonlight gives away. A jump with no move takes
    its place from the paragraphs it opens, and is dropped when they name none.
    """
    found: list[tuple[Scene, str | None]] = []  # (scene, explicit jump)
    first = next((j for j in range(min(opening, len(paragraphs)))
                  if _change(paragraphs[j], None, names)), opening)
    current = setting_from_text(" ".join(paragraphs[:first]), names) if first else None
    if current:
        found.append((Scene(0, current, None, ""), None))
    for i, par in enumerate(paragraphs[first:], start=first):
        before = paragraphs[i - 1] if i else ""
        ch = _change(par, current, names)
        if ch is None:
            continue
        new, suffix = _apply(ch, current, before, par)
        if ch.place is None:  # a jump alone: find where the next paragraphs are set
            there = setting_from_text(" ".join(paragraphs[i:i + 3]), names)
            if there is None:
                continue  # "The next day" with no place: the old one is likely stale
            if there.place != new.place:
                new, suffix = replace(there, time=new.time), None
        current = new
        if found and found[-1][0].start == i - 1 and found[-1][0].cue and not ch.jump:
            found.pop()  # a one-paragraph stop on the way is transit, not a scene
            if found and found[-1][0].setting.place == new.place:
                continue  # ... and we are back where we were
        found.append((Scene(i, new, suffix if found else None, ch.cue), ch.jump))
    return _resolve_times(found, paragraphs, window)


def _resolve_times(found: list[tuple[Scene, str | None]], paragraphs: Sequence[str],
                   window: int) -> tuple[Scene, ...]:
    times: list[str | None] = []
    for k, (sc, jump) in enumerate(found):
        end = found[k + 1][0].start if k + 1 < len(found) else len(paragraphs)
        own = time_of_day(sc.cue) or time_of_day(
            " ".join(paragraphs[sc.start:min(end, sc.start + window)]))
        times.append(jump if jump and jump != "LATER" else own)
    known = next((k for k, t in enumerate(times) if t), None)
    if known is not None and not any(j for _, j in found[:known + 1]):
        times[:known] = [times[known]] * known
    for k in range(1, len(times)):
        if times[k] is None and not found[k][1]:
            times[k] = times[k - 1]
    return tuple(replace(sc, setting=replace(sc.setting, time=t))
                 for (sc, _), t in zip(found, times, strict=True))