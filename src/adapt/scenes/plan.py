"""The story's scenes as a whole: where each chapter opens, and a heading at every scene start.

``settings.scenes`` finds scene changes inside one chapter from the prose's cues. This
module reads the whole story around them: the places the story keeps returning to (a
chapter, or the story itself, that names no place opens in the last one, or the usual
one), whether a named place is a house one is *at* or a town one is *in*, a place the
chapter's title names, and a chapter's opening time ("The next morning..."). Every
heading names a place; where that is a guess, a note says so.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from adapt.read.beats import Beat, Heading, Paragraph, SceneBreak
from adapt.scenes.chapters import chapter_title
from adapt.scenes.places import NAMED_SIDE, NOT_NAMES, canon, is_place
from adapt.scenes.settings import Scene, Setting, heading, opening_jump
from adapt.scenes.settings import scenes as find_scenes


@dataclass(frozen=True, slots=True)
class Start:
    """A scene heading to print before a beat, and a note when it is a guess."""

    heading: str
    note: str | None = None


KEPT = "a new chapter that names no place; kept from the scene before"
USUAL = "the text does not say where this happens; the place the story returns to most"
NOWHERE = "the text never says where this happens; a guess"


def plan(beats: Sequence[Beat], *, names: frozenset[str] = frozenset(),
         main: str | None = None, find: Callable[..., tuple[Scene, ...]] | None = None) -> dict[int, Start]:
    """Beat index → the scene heading that starts there, for the whole story.

    A chapter and a scene break always start a scene. ``names`` are the characters'
    names (never places); ``main`` is the main character, whose home is the guess
    for a story that never names a place. ``find`` finds a chapter's scenes
    (``settings.scenes``, or what was found ahead: ``transform/plan_ahead.py``).
    """
    chapters = _chapters(beats)
    text = " ".join(b.narration for b in beats if isinstance(b, Paragraph))
    found = [(find or find_scenes)(paragraphs, names=names) for _, paragraphs in chapter_narration(beats)]
    sides = _sides(text, {sc.setting.place for fs in found for sc in fs
                          if sc.setting.interior is None})
    found = [[replace(sc, setting=replace(sc.setting, interior=sides.get(
        sc.setting.place, sc.setting.interior))) for sc in fs] for fs in found]
    usual = _usual(found, [len(body) for _, body in chapters])
    if usual is None:
        who = f"{main.upper()}'S HOUSE" if main else "HOUSE"
        usual = Setting(who, True, "DAY")
    starts: dict[int, Start] = {}
    current: Setting | None = None
    for (head, body), scenes in zip(chapters, found, strict=True):
        if not body:
            continue
        opening = _opening(head, body, beats, scenes, text, current, usual, names)
        starts.update(_chapter(body, beats, opening, scenes, current))
        current = _last(starts, body, current, opening, scenes)
    return starts


def _chapters(beats: Sequence[Beat]) -> list[tuple[str | None, list[int]]]:
    out: list[tuple[str | None, list[int]]] = [(None, [])]
    for bi, b in enumerate(beats):
        if isinstance(b, Heading):
            out.append((b.text, []))
        else:
            out[-1][1].append(bi)
    return out


def chapter_narration(beats: Sequence[Beat]) -> list[tuple[list[int], list[str]]]:
    """Each chapter's beats (not its heading) and their narration, which ``find`` reads for scenes."""
    return [(body, [_narration(beats[bi]) for bi in body]) for _, body in _chapters(beats)]


def _narration(b: Beat) -> str:
    return b.narration if isinstance(b, Paragraph) else ""


def _sides(text: str, places: set[str]) -> dict[str, bool]:
    """A named place one is *at* is a house (INT.); one is *in* is a town or a county (EXT.)."""
    sides: dict[str, bool] = {}
    for place in places:
        last = place.split()[-1].lower()
        if last in NAMED_SIDE:
            sides[place] = NAMED_SIDE[last]
            continue
        name = place.title()
        sides[place] = _count(text, "at " + name) >= _count(text, "in " + name)
    return sides


def _count(text: str, phrase: str) -> int:
    """``len(re.findall(rf"\\b{re.escape(phrase)}\\b", text))``, trying the pattern only where
    the phrase stands (``str.find``), not at every character of the book."""
    rx = re.compile(rf"\b{re.escape(phrase)}\b")
    n, i = 0, text.find(phrase)
    while i >= 0:
        if rx.match(text, i):
            n, i = n + 1, text.find(phrase, i + len(phrase))
        else:
            i = text.find(phrase, i + 1)
    return n


def _usual(found: list[list[Scene]], lengths: list[int]) -> Setting | None:
    """The place the story returns to most often (then: spends most paragraphs in)."""
    returns: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    side: dict[str, bool | None] = {}
    for scenes, n in zip(found, lengths, strict=True):
        for k, sc in enumerate(scenes):
            end = scenes[k + 1].start if k + 1 < len(scenes) else n
            returns[sc.setting.place] += 1
            weight[sc.setting.place] += end - sc.start
            side.setdefault(sc.setting.place, sc.setting.interior)
    if not weight:
        return None
    place = max(weight, key=lambda p: (returns[p], weight[p], p))
    return Setting(place, side[place], "DAY")


def _opening(head: str | None, body: list[int], beats: Sequence[Beat], scenes: list[Scene],
             text: str, current: Setting | None, usual: Setting, names: frozenset[str] = frozenset()
             ) -> tuple[Setting, str | None, str | None]:
    """How a chapter opens: (setting, suffix, note), from its first paragraphs, its title,
    the place before it, or the story's usual place."""
    first = next((_narration(beats[bi]) for bi in body if _narration(beats[bi])), "")
    jump = opening_jump(first) if head is not None else None
    time = jump if jump and jump != "LATER" else None
    if scenes and scenes[0].start <= 2 and not any(
            isinstance(beats[bi], SceneBreak) for bi in body[:scenes[0].start + 1][1:]):
        sc = scenes[0]  # the chapter opens where its first lines take the characters
        return (replace(sc.setting, time=time or sc.setting.time or "DAY"), None, None)
    if head is not None and (there := _title_place(head, text, names)):
        return (replace(there, time=time or "DAY"), None, None)
    if current is not None:
        return (replace(current, time=time or current.time), None if time else "LATER", KEPT)
    return (replace(usual, time=time or "DAY"), None, USUAL if usual.place != "HOUSE" and
            not usual.place.endswith("'S HOUSE") else NOWHERE)


_AT = r"(?:[Ii]n|IN|[Aa]t|AT|[Ii]nside|[Tt]o|[Aa]t\s+[Tt]he|[Ii]n\s+[Tt]he)"
_NAME = re.compile(rf"(?:\b{_AT}\s+|\b(?=[A-Z]\w+\s+(?:"
                   + "|".join(w.title() for w in NAMED_SIDE) + r")\b))"
                   r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")


def _title_place(head: str, text: str, names: frozenset[str] = frozenset()) -> Setting | None:
    """A place the chapter title names: "In Santa Croce", "Morning at Green Gables",
    "The Tragedy of Pondicherry Lodge", "At the Vicarage"; a proper name counts only when
    the story writes it as one, and never a character's ("Her Pledge to Rose Maylie")."""
    title = chapter_title(head)
    if not title:
        return None
    title = title.title() if title.isupper() else title
    m = re.search(rf"\b{_AT}\s+(?:the\s+)?([A-Za-z][\w-]*)\b", title)
    if m and is_place(m.group(1)):
        return Setting(*canon(m.group(1)), None)
    for m in _NAME.finditer(title):
        name = m.group("name")
        if name.split()[0] in NOT_NAMES or name in names or not re.search(rf"[a-z,;] {re.escape(name)}\b", text) \
                or (" " not in name and _word(name.lower()) and not re.search(rf"\b(?:at|in|to|from) {name}\b", text)):
            continue  # "In Quest of a Solution", "The Earth in Anarchy": capitals of a title, not of a name
        last = name.split()[-1].lower()
        return Setting(name.upper(), NAMED_SIDE.get(last, True), None)
    return None


def _word(w: str) -> bool:
    """A dictionary word ("anarchy"), not a proper name ("Longbourn"); one the text goes to
    or is at ("at Bath") may still be a place."""
    from adapt.language.lexicon import lemmas

    return bool(lemmas(w))


def _chapter(body: list[int], beats: Sequence[Beat], opening: tuple[Setting, str | None, str | None],
             scenes: list[Scene], before: Setting | None) -> dict[int, Start]:
    """Headings for one chapter: its opening, each scene found, each scene break."""
    setting, suffix, note = opening
    starts = {body[0]: Start(heading(setting, suffix), note)}
    current = setting
    found = {sc.start: sc for sc in scenes if sc.start > 0}
    for n, bi in enumerate(body):
        if n in found:
            sc = found[n]
            time = sc.setting.time or current.time or "DAY"
            if replace(sc.setting, time=time) == current and sc.suffix is None:
                continue  # "EXT. PIER - DAY" again, with no move between: the same scene
            current = replace(sc.setting, time=time)
            starts[bi] = Start(heading(current, sc.suffix))
        elif n and isinstance(beats[bi], SceneBreak) and n + 1 not in found:
            starts[bi] = Start(heading(current, "LATER"))
    return starts


def _last(starts: dict[int, Start], body: list[int], current: Setting | None,
          opening: tuple[Setting, str | None, str | None], scenes: list[Scene]) -> Setting:
    """Where the chapter leaves the story: its last scene's setting."""
    later = [sc for sc in scenes if sc.start > 0]
    if later:
        last = later[-1].setting
        return last if last.time else replace(last, time=opening[0].time)
    return opening[0]
