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


# ---- lexicon ---------------------------------------------------------------

_INT = ("room drawing-room sitting-room dining-room dining-parlour breakfast-room "
        "morning-room dressing-room billiard-room ballroom ball-room parlour parlor bedroom "
        "bed-room kitchen hall library study office schoolroom school-room classroom school "
        "church chapel vestry club nightclub bar pub inn tavern hotel shop store restaurant "
        "cafe café cellar attic garret house cottage apartment carriage cab coach train cabin "
        "barn stable stables shed pantry dairy conservatory gallery corridor lobby saloon "
        "hospital prison cell dance-floor")
_EXT = ("street alley alleyway road lane path garden gardens park field fields meadow wood "
        "woods forest yard backyard farmyard roof rooftop bridge river riverbank shore beach "
        "square courtyard platform dock docks wharf quay pier lawn porch veranda verandah "
        "orchard hill hillside pond lake brook village churchyard graveyard cemetery "
        "shrubbery grove avenue paddock pasture moor heath cliff")
# Surface forms that name another canonical place (a dance floor is in a club).
_ALIAS = {"alleyway": "ALLEY", "rooftop": "ROOF", "dance-floor": "CLUB", "nightclub": "CLUB",
          "bed-room": "BEDROOM", "school-room": "SCHOOLROOM", "woods": "WOOD",
          "gardens": "GARDEN", "fields": "FIELD", "stables": "STABLE", "docks": "DOCK",
          "verandah": "VERANDA", "café": "CAFE", "ball-room": "BALLROOM"}
_SIDE = {w: True for w in _INT.split()} | {w: False for w in _EXT.split()}
# Generic nouns that usually mean the room or house you're in: "the room" never
# starts a scene (and "INT. ROOM" says nothing), "the house" only from outside.
_ANAPHORIC = {"ROOM", "HOUSE"}
_OWN = {"his", "her", "my", "your"}  # "her room" is a bedroom; "our room" is not
# Things that betray a setting without naming it; used only for a chapter's opening.
_HINTS = {"barstool": "BAR", "bar-stool": "BAR", "mantel-piece": "SITTING ROOM",
          "mantelpiece": "SITTING ROOM", "fireplace": "SITTING ROOM", "pew": "CHURCH",
          "pulpit": "CHURCH", "stove": "KITCHEN"}
# A place noun followed by one of these is a modifier ("kitchen door", "beach picnic").
_HEADS = ("door doors window windows gate wall walls floor fire table chair steps stairs "
          "staircase station party picnic light lights lamp clock bell fence maid servant "
          "dishes keeper man men girls boys children teacher master bill")


def _canon(surface: str) -> tuple[str, bool]:
    key = re.sub(r"[\s-]+", "-", surface.lower())
    if key not in _SIDE and key.rstrip("s") in _SIDE:
        key = key.rstrip("s")
    if key not in _SIDE and key[:-2] in _SIDE:  # "churches"
        key = key[:-2]
    return _ALIAS.get(key) or key.replace("-", " ").upper(), _SIDE.get(key, True)


def _alt(words: Sequence[str]) -> str:
    forms = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\-", r"[-\s]?") for w in forms)


_STOP = r"(?:to|of|in|on|at|into|and|or|but|with|from|for|by|the|a|an|beyond|near|behind)\b"
_NP = (rf"(?P<det>the|a|an|this|that|his|her|their|our|my|your|its|\w+'s)\s+"
       rf"(?:(?!{_STOP})[a-z][\w'-]*\s+){{0,2}}?"
       rf"(?P<place>(?-i:{_alt(list(_SIDE))})(?:e?s)?)\b"
       rf"(?![-'’]|\s+(?:{_alt(list(_SIDE) + _HEADS.split())})\b)")

# ---- movement and being-at cues ---------------------------------------------


def _verb(stem: str, *extra: str) -> list[str]:
    if stem.endswith("y"):
        return [stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing", *extra]
    base = stem[:-1] if stem.endswith("e") else stem
    return [stem, stem + ("es" if stem.endswith(("sh", "ch", "ss")) else "s"),
            base + "ed", base + "ing", *extra]


# Short-range moves: the characters walk straight from one place to the next.
_NEAR = [f for v in ("walk", "head", "climb", "follow", "enter", "race", "move", "hurry",
                     "rush", "dash", "stroll", "wander", "march", "hasten", "retire", "repair",
                     "withdraw", "creep", "sneak", "stumble", "turn", "emerge", "limp",
                     "jump", "return") for f in _verb(v)] + \
    "go goes went gone going run runs ran running stride strides strode striding step steps " \
    "stepped stepping slip slips slipped slipping come comes came coming get gets got " \
    "getting leap leaps leapt leaped leaping ushered shown shewn fled flee flees withdrew " \
    "withdrawn crept slid slide slides sliding".split()
# Base forms double as nouns ("a sharp step", "her walk").
_BARE = {f for f in "walk head climb follow enter race move hurry rush dash stroll wander march "
         "turn jump return go run stride step slip come get leap flee slide drive ride travel "
         "journey reach proceed sail arrive".split()}
# Travel: time passes on the way, so never CONTINUOUS.
_TRAVEL = [f for v in ("arrive", "drive", "ride", "travel", "journey", "reach", "proceed",
                       "sail") for f in _verb(v)] + "drove driven rode ridden".split()
_PREP = (r"(?:(?:out|back|up|down|over|on|off)\s+)?(?P<prep>into|onto|on\s+to|in\s+to|to|up|"
         r"down|across|along|through|round|around|over|in|on|at|inside|upon)")
_MOVE = re.compile(rf"\b(?P<verb>{'|'.join(sorted(set(_NEAR + _TRAVEL), key=len, reverse=True))})"
                   rf"\s+(?:(?!{_STOP})[a-z]+\s+){{0,2}}?{_PREP}\s+{_NP}", re.I)
_ENTER = re.compile(r"\b(?P<verb>(?:enter|reach|cross|climb)(?:s|es|ed|ing)?)\s+" + _NP, re.I)
_AND = re.compile(rf"\b(?:and|then)\s+(?:out\s+|back\s+)?(?P<prep>into|onto|to)\s+{_NP}", re.I)
# What may stand between "was" and "in the garden" when people are there now.
_STATE = (r"(?:\w+ly|\w+er|warm|cold|hot|cool|dark|quiet|silent|still|empty|crowded|busy|"
          r"all|both|already|now|then|alone|out|back|together|there|up|down|once|again|soon|"
          r"sitting|standing|waiting|walking|strolling|lying|seated|assembled|gathered)")
_BE = re.compile(rf"(?:\b(?:is|was|are|were|am|be|being)|'s|'re|'m)\s+(?:{_STATE}\s+){{0,2}}"
                 rf"(?:in|on|at|inside|upon|within)\s+{_NP}", re.I)
# "In his library he had always been sure of leisure" is a habit, not a scene.
_OPENER = re.compile(rf"^(?:(?:and|but|so|then)\s+)?(?:in|on|at|inside|upon)\s+{_NP}"
                     r"(?!,?\s+(?:\w+\s+){0,3}(?:had|would|could|used)\b)", re.I)
_NAMED = re.compile(
    r"\b(?P<verb>(?:arrived|arrives|drove|rode|travelled|traveled|journeyed|returned|walked|"
    r"went|came|hastened|hurried|proceeded|set\s+(?:off|out))\s+"
    r"(?:(?:back|over|down|up|out)\s+)?(?:at|to|in|into|for)"
    r"|reached)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b(?!['’]s|\s+(?-i:and|" + _alt(list(_SIDE))
    + r")\b)")
_NOT_NAMES = set("I The A An His Her Their Our My Mr Mrs Miss Ms Dr Lady Lord Sir Captain "
                 "Colonel Monday Tuesday Wednesday Thursday Friday Saturday Sunday God Heaven "
                 "Church Chapter".split())
_NAMED_SIDE = {"street": False, "road": False, "lane": False, "square": False, "park": False,
               "bridge": False, "gardens": False, "hill": False, "hall": True, "house": True,
               "lodge": True, "cottage": True, "abbey": True, "manor": True, "inn": True,
               "gables": True, "castle": True}
# What may come right before a verb that is not a move happening now: a modal,
# negation, habit or condition; a noun use ("his return to"); an inanimate mover
# ("the path came out to the road"); someone else seen moving ("watched her walk").
_BLOCK = re.compile(
    r"(?:\b(?:would|could|should|might|must|will|shall|may|can|cannot|not|never|if|unless|"
    r"whenever|wish|wished|hope|hoped|sometimes|often|usually|always|generally|before|since|"
    r"occasionally|frequently|seldom|rarely)|'d|n't)\s+(?:[\w'.]+\s+){0,2}$"
    r"|\b(?:saw|see|sees|seen|watched|watch|watching|heard|hear|observed|noticed|perceived|"
    r"beheld|behold|time|times|eyes?|thoughts?|mind|gaze|heart|spirits?|sign)\s+"
    r"(?:(?!(?<=,\s)(?:and|but|then)\b)[\w'.,-]+\s+){0,8}$"
    r"|\b(?:that|which)\s+(?:(?:was|were|is|are)\s+)?$", re.I)
# Only for movement verbs: infinitives and nouns ("to go to", "his return to", "a sharp
# step"), and things that move without anyone going anywhere ("the path came out").
_NOT_MOVER = re.compile(
    r"\b(?:to|of|for|whose|it|path|road|lane|river|stream|brook|track|way|step|steps|sound|"
    r"voice|knock|light|wind|sunlight|moonlight|rumou?rs)\s+$", re.I)
_DET_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|my|our|your|this|that)\s+(\w+\s+)?$",
                         re.I)
_FLASHBACK = re.compile(r"\bhad\s+(?:\w+\s+)?$", re.I)
_CLAUSE = re.compile(r"^(?:when|after|as soon as|no sooner|till|until)\b", re.I)

# ---- time -----------------------------------------------------------------

_TIMES = {"night": "NIGHT", "midnight": "NIGHT", "moonlight": "NIGHT", "moonlit": "NIGHT",
          "moon": "NIGHT", "stars": "NIGHT", "starlight": "NIGHT", "nightfall": "NIGHT",
          "darkness": "NIGHT", "evening": "EVENING", "supper": "EVENING", "dusk": "DUSK",
          "sunset": "DUSK", "twilight": "DUSK", "morning": "MORNING", "breakfast": "MORNING",
          "dawn": "DAWN", "sunrise": "DAWN", "daybreak": "DAWN", "noon": "DAY", "day": "DAY",
          "midday": "DAY", "afternoon": "DAY", "daylight": "DAY", "sunshine": "DAY",
          "sunlight": "DAY"}
# "last night", "every morning", "good night" speak of another time than the scene's.
_AMBIENT = re.compile(
    r"(?<!good[- ])(?<!last )(?<!every )(?<!each )(?<!yesterday )(?<!tomorrow )(?<!to-morrow )"
    r"\b(" + "|".join(w for w in _TIMES if w != "day") + r")\b(?! before| after)", re.I)
_JUMP = re.compile(
    r"^(?:(?:and|but|so|then)\s+)?(?:(?:early|late|later)\s+)?(?:(?:on|in|at|during)\s+)?"
    r"(?:(?:the\s+)?(?:next|following|succeeding)\s+(?P<a>morning|day|evening|night|afternoon)"
    r"|(?:that|this|one)\s+(?P<b>morning|evening|night|afternoon)"
    r"|(?<=in\s)the\s+(?P<c>morning|evening|afternoon)\b"
    r"|(?P<d>dawn|dusk|sunset|sunrise|nightfall|midnight|noon|daybreak)\b"
    r"|(?P<later>(?:an?|one|two|three|some|several|a\s+few)\s+(?:hours?|days?|weeks?)\s+"
    r"(?:later|afterwards?|after)))", re.I)
_SENT = re.compile(r"(?<=[.!?;:])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMs\.)\s+")


def time_of_day(text: str) -> str | None:
    """The first time-of-day word in ``text`` that speaks of the present scene."""
    m = _AMBIENT.search(_clean(text))
    return _TIMES[m.group(1).lower()] if m else None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(_clean(text)) if s]


def _jump(sentence: str) -> str | None:
    """Time named by a sentence-initial jump ("The next morning"); ``LATER`` if none."""
    m = _JUMP.match(sentence)
    if not m:
        return None
    word = next((g for g in (m.group(k) for k in "abcd") if g), None)
    return _TIMES[word.lower()] if word else "LATER"


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
    if _BLOCK.search(prefix):
        return True
    if verb and _NOT_MOVER.search(prefix):
        return True
    if verb and (m := _DET_BEFORE.search(prefix)):
        # A determiner makes a noun of a base form ("a sharp step") and, right before
        # it, of "-s"/"-ing" ("the walks", "his returning"); "the girl walks" is a verb.
        if verb in _BARE or not m.group(1) and verb.endswith(("ing", "s")):
            return True
    return bool(_FLASHBACK.search(prefix)) and not _CLAUSE.match(sentence)


def _np_place(m: re.Match[str]) -> tuple[str, bool]:
    name, interior = _canon(m.group("place"))
    if name == "ROOM" and m.group("det").lower() in _OWN:
        return "BEDROOM", True
    return name, interior


_Cue = tuple[int, str, bool | None, str]  # (position, place, interior, kind)


def _places(sentence: str, names: frozenset[str]) -> list[_Cue]:
    """Each move or being-at cue in a sentence, in order."""
    found: list[_Cue] = []
    for rx, kind in ((_MOVE, "near"), (_ENTER, "near"), (_BE, "be"), (_OPENER, "be")):
        for m in rx.finditer(sentence):
            place, interior = _np_place(m)
            through = (m.groupdict().get("prep") or "").lower() == "through"
            verb = (m.groupdict().get("verb") or "").lower()
            if _blocked(sentence, m.start(), verb) or (through and interior):
                continue  # passing through a building is not being in it
            found.append((m.start("place"), place, interior,
                          "travel" if verb in _TRAVEL else kind))
    first_move = min((p for p, *_, k in found if k != "be"), default=None)
    if first_move is not None:  # "ran up the hill and into the kitchen"
        found += [(m.start("place"), *_np_place(m), "near") for m in _AND.finditer(sentence)
                  if m.start() > first_move - 60]
    for m in _NAMED.finditer(sentence):
        name = m.group("name")
        if name.split()[0] in _NOT_NAMES or name in names or _blocked(sentence, m.start()):
            continue
        found.append((m.start("name"), name.upper(),
                      _NAMED_SIDE.get(name.split()[-1].lower()), "travel"))
    return sorted(found)


def _change(paragraph: str, current: Setting | None, names: frozenset[str]) -> _Change | None:
    """Where the paragraph leaves the story: its last cue, read against the place so far."""
    here, inside = (current.place, current.interior) if current else (None, None)
    last: tuple[str, bool | None, str, str] | None = None
    jump: str | None = None
    jump_cue = ""
    for sentence in _sentences(paragraph):
        if jump is None and (j := _jump(sentence)):
            jump, jump_cue = j, sentence
        for _, place, interior, kind in _places(sentence, names):
            if place == "ROOM" or place in _ANAPHORIC and (inside or here == place):
                continue  # "he entered the room" means the room we are already in
            here, inside = place, interior
            last = (place, interior, kind, sentence)
    if last and last[0] != (current.place if current else None):
        return _Change(last[0], last[1], last[2], jump, last[3])
    if jump and current:
        return _Change(None, current.interior, "time", jump, jump_cue)
    return None


_MOTION = re.compile(rf"\b(?:{'|'.join(_NEAR)})\b|\bafter (?:her|him|them|me|us)\b", re.I)


def _suffix(ch: _Change, current: Setting | None, before: str, paragraph: str) -> str | None:
    if current is None:
        return None
    if ch.jump:
        same = ch.place is None and ch.jump in ("LATER", current.time)
        return "LATER" if same or ch.jump == "LATER" else None
    moving = ch.kind == "near" or ch.kind == "be" and bool(_MOTION.search(f"{before} {paragraph}"))
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
    ("out on the dance floor"), 1 for a telltale object ("barstool" → a bar).
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
    for sentence in _sentences(clean):
        for pos, place, interior, _ in _places(sentence, names):
            if place != "ROOM":
                add(place, interior, 3, offset + pos)
        for m in re.finditer(rf"\b(?:in|on|at|into|inside|within)\s+{_NP}", sentence, re.I):
            name, interior = _np_place(m)
            if name not in _ANAPHORIC or name == "HOUSE":
                add(name, interior, 2, offset + m.start())
        offset += len(sentence) + 1
    for word, place in _HINTS.items():
        if (m := re.search(rf"\b{_alt([word])}\b", clean, re.I)):
            add(place, True, 1, m.start())
    if not score:
        return None
    best = max(score, key=lambda p: tuple(score[p]))
    return Setting(best, side[best], time_of_day(clean))


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
                 for (sc, _), t in zip(found, times))
