"""Place and time lexicons for scene finding: kinds of place, movement cues, time-of-day words."""
from __future__ import annotations

import re
from collections.abc import Sequence

from adapt import patterns
from adapt.language.words import word_alt

# ---- lexicon ---------------------------------------------------------------

_INT = ("room drawing-room sitting-room dining-room dining-parlour breakfast-room "
        "morning-room dressing-room billiard-room ballroom ball-room parlour parlor bedroom "
        "bed-room kitchen hall library study office schoolroom school-room classroom school "
        "church chapel vestry club nightclub bar pub inn tavern hotel shop store restaurant "
        "cafe café cellar attic garret house cottage apartment carriage cab coach train cabin "
        "barn stable stables shed pantry dairy conservatory gallery corridor lobby saloon "
        "hospital prison cell dance-floor theatre theater opera-house station "
        "waiting-room lighthouse")
_EXT = ("street alley alleyway road lane path garden gardens park field fields meadow wood "
        "woods forest yard backyard farmyard roof rooftop bridge river riverbank shore beach "
        "square courtyard platform dock docks wharf quay pier lawn porch veranda verandah "
        "orchard hill hillside pond lake brook village churchyard graveyard cemetery "
        "shrubbery grove avenue paddock pasture moor heath cliff boat harbour harbor ferry island allotment "
        "market marketplace market-place fairground")
# Surface forms that name another canonical place (a dance floor is in a club).
_ALIAS = {"alleyway": "ALLEY", "rooftop": "ROOF", "dance-floor": "CLUB", "nightclub": "CLUB",
          "bed-room": "BEDROOM", "school-room": "SCHOOLROOM", "woods": "WOOD",
          "gardens": "GARDEN", "fields": "FIELD", "stables": "STABLE", "docks": "DOCK",
          "verandah": "VERANDA", "café": "CAFE", "ball-room": "BALLROOM"}
_SIDE = {w: True for w in _INT.split()} | {w: False for w in _EXT.split()}
PLACE_WORDS = sorted(_SIDE)
"""Every kind of place the lexicon knows ("kitchen", "drawing-room")."""
# Generic nouns that usually mean the room or house you're in: "the room" never
# starts a scene (and "INT. ROOM" says nothing), "the house" only from outside.
ANAPHORIC = {"ROOM", "HOUSE"}
OWN = {"his", "her", "my", "your"}  # "her room" is a bedroom; "our room" is not
# Things that betray a setting without naming it; used only for a chapter's opening.
HINTS = {"barstool": "BAR", "bar-stool": "BAR", "mantel-piece": "SITTING ROOM",
         "mantelpiece": "SITTING ROOM", "fireplace": "SITTING ROOM", "pew": "CHURCH",
         "pulpit": "CHURCH", "stove": "KITCHEN", "bed": "BEDROOM", "bedside": "BEDROOM"}
# A place noun followed by one of these is a modifier ("kitchen door", "beach picnic").
_HEADS = ("door doors window windows gate wall walls floor fire table chair steps stairs "
          "staircase party picnic light lights lamp clock bell fence maid servant "
          "dishes keeper man men girls boys children teacher master bill")


def canon(surface: str) -> tuple[str, bool]:
    """Heading name and side of a place word: "churches" → ("CHURCH", True), True = interior."""
    key = re.sub(r"[\s-]+", "-", surface.lower())
    if key not in _SIDE and key.rstrip("s") in _SIDE:
        key = key.rstrip("s")
    if key not in _SIDE and key[:-2] in _SIDE:  # "churches"
        key = key[:-2]
    return _ALIAS.get(key) or key.replace("-", " ").upper(), _SIDE.get(key, True)


def is_place(word: str) -> bool:
    """A word the lexicon knows as a kind of place ("garden", "Kitchens")."""
    key = re.sub(r"[\s-]+", "-", word.lower())
    return key in _SIDE or key.rstrip("s") in _SIDE or key[:-2] in _SIDE


def alt(words: Sequence[str]) -> str:
    """Regex alternation, longest first (so "ballroom" beats "ball"); "-" also matches " " or nothing."""
    forms = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\-", r"[-\s]?") for w in forms)


_STOP = r"(?:to|of|in|on|at|into|and|or|but|with|from|for|by|the|a|an|beyond|near|behind)\b"
# Every place phrase (NP below) names a place of the lexicon, so its match holds the last
# part of one ("room" of "drawing-room", written "drawing room" too): a clause holding none
# needs none of the place patterns tried (most clauses of a book).
ANY_PLACE = patterns.compile(word_alt(sorted({w.split("-")[-1] for w in _SIDE})))
NP = (rf"(?P<det>the|a|an|this|that|his|her|their|our|my|your|its|\w+'s)\s+"
      rf"(?:(?!{_STOP})[a-z][\w'-]*\s+){{0,2}}?"
      rf"(?P<place>(?-i:{alt(list(_SIDE))})(?:e?s)?)\b"
      rf"(?![-'’]|\s+(?:{alt(list(_SIDE) + _HEADS.split())})\b)")

# "on the garden wall", "at the kitchen table": a place named as a modifier, near someone.
NP_MOD = patterns.compile(rf"\b(?:in|on|at|by|into|inside|within|near)\s+(?:the|a|an|his|her|their|our|my)\s+"
                    rf"(?P<place>(?-i:{alt(list(_SIDE))}))\s+(?:{alt(_HEADS.split())})\b", re.I)

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
# Movement in or just before a being-at cue ("I race up after her" / "on the roof"): CONTINUOUS.
MOTION = patterns.compile(rf"\b(?:{'|'.join(_NEAR)})\b|\bafter (?:her|him|them|me|us)\b", re.I)
# Base forms double as nouns ("a sharp step", "her walk").
BARE = {f for f in "walk head climb follow enter race move hurry rush dash stroll wander march "
        "turn jump return go run stride step slip come get leap flee slide drive ride travel "
        "journey reach proceed sail arrive".split()}
# Travel: time passes on the way, so never CONTINUOUS.
def _first(words: Sequence[str]) -> str:
    """A look-ahead for the letters ``words`` start with. It only says what every match starts
    with, so the matches stay the same; a scan skips other places at once instead of trying
    every word there (the patterns below run over every clause of a book)."""
    return "(?=[%s])" % "".join(sorted({re.escape(w[0].lower()) for w in words}))


TRAVEL = [f for v in ("arrive", "drive", "ride", "travel", "journey", "reach", "proceed",
                      "sail") for f in _verb(v)] + "drove driven rode ridden".split()
_PREP = (r"(?:(?:out|back|up|down|over|on|off)\s+)?(?P<prep>into|onto|on\s+to|in\s+to|to|up|"
         r"down|across|along|through|round|around|over|in|on|at|inside|upon)")
MOVE = patterns.compile(rf"\b{_first(_NEAR + TRAVEL)}(?P<verb>{word_alt(sorted(set(_NEAR + TRAVEL)))})"
                  rf"\s+(?:(?!{_STOP})[a-z]+\s+){{0,2}}?{_PREP}\s+{NP}", re.I)
ENTER = patterns.compile(r"\b(?=[erc])(?P<verb>(?:enter|reach|cross|climb)(?:s|es|ed|ing)?)\s+" + NP, re.I)
AND = patterns.compile(rf"\b(?=[at])(?:and|then)\s+(?:out\s+|back\s+)?(?P<prep>into|onto|to)\s+{NP}", re.I)
# What may stand between "was" and "in the garden" when people are there now.
_STATE = (r"(?:\w+ly|\w+er|warm|cold|hot|cool|dark|quiet|silent|still|empty|crowded|busy|"
          r"all|both|already|now|then|alone|out|back|together|there|up|down|once|again|soon|"
          r"sitting|standing|waiting|walking|strolling|lying|seated|assembled|gathered)")
BE = patterns.compile(rf"(?=[iwab'])(?:\b(?:is|was|are|were|am|be|being)|'s|'re|'m)\s+(?:{_STATE}\s+){{0,2}}"
                rf"(?:in|on|at|inside|upon|within)\s+{NP}", re.I)
# "In his library he had always been sure of leisure" is a habit, not a scene.
# "That evening, in the kitchen, Rosa set out the plates": a time phrase may come first.
OPENER = patterns.compile(r"^(?:(?:(?:that|this|the\s+next|next|one|later\s+that)\s+(?:morning|afternoon|evening|night|day)"
                          r"|later|afterwards|at\s+(?:dawn|noon|dusk|nightfall|midnight)),\s+)?"
                          rf"(?:(?:and|but|so|then)\s+)?(?:in|on|at|inside|upon)\s+{NP}"
                    r"(?!,?\s+(?:\w+\s+){0,3}(?:had|would|could|used)\b)", re.I)
NAMED = patterns.compile(
    r"\b(?=[adrtjwchps])(?P<verb>(?:arrived|arrives|drove|rode|travelled|traveled|journeyed|returned|walked|"
    r"went|came|hastened|hurried|proceeded|set\s+(?:off|out))\s+"
    r"(?:(?:back|over|down|up|out)\s+)?(?:at|to|in|into|for)"
    r"|reached)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b(?!['’]s|\s+(?-i:and|" + alt(list(_SIDE))
    + r")\b)")
# Every NAMED match holds one of these verbs: a clause without any needs NAMED tried nowhere
# (the scan skips to the letters they start with).
NAMED_VERB = patterns.compile(r"arrive|drove|rode|travel|journeyed|returned|walked|went|came|hastened|"
                              r"hurried|proceeded|set|reached")
NOT_NAMES = set("I The A An His Her Their Our My Mr Mrs Miss Ms Dr Lady Lord Sir Captain "
                "Colonel Monday Tuesday Wednesday Thursday Friday Saturday Sunday God Heaven "
                "Church Chapter".split())
NAMED_SIDE = {"street": False, "road": False, "lane": False, "square": False, "park": False,
              "bridge": False, "gardens": False, "hill": False, "hall": True, "house": True,
              "lodge": True, "cottage": True, "abbey": True, "manor": True, "inn": True,
              "gables": True, "castle": True}
# What may come right before a verb that is not a move happening now: a modal,
# negation, habit or condition; a noun use ("his return to"); an inanimate mover
# ("the path came out to the road"); someone else seen moving ("watched her walk"), or
# thought of ("the time she went to Bath"; but "by the time she reached the harbour" is now).
BLOCK = patterns.compile(
    r"(?:\b(?:would|could|should|might|must|will|shall|may|can|cannot|not|never|if|unless|whether|"
    r"whenever|wish|wished|hope|hoped|sometimes|often|usually|always|generally|before|since|"
    r"occasionally|frequently|seldom|rarely)|'d|n't)\s+(?:[\w'.]+\s+){0,2}$"
    r"|\b(?:saw|see|sees|seen|watched|watch|watching|heard|hear|observed|noticed|perceived|"
    r"beheld|behold|(?<!by the )time|times|eyes?|thoughts?|mind|gaze|heart|spirits?|sign|"
    # A place remembered, dreamt, longed for or told about is not where anyone is now.
    r"remembers?|remembered|remembering|recall(?:s|ed)?|dream(?:s|ed|t)?|dreaming|"
    r"imagin(?:e|es|ed|ing)|fanc(?:y|ies|ied)|memory|memories|longs?|longed|yearn(?:s|ed)?|"
    r"spoke|speaks?|talk(?:s|ed)?|told|tells?|wrote|writes?|letter|story|described?)\s+"
    r"(?:(?!(?<=,\s)(?:and|but|then)\b)[\w'.,-]+\s+){0,8}$"
    r"|\b(?:that|which)\s+(?:(?:was|were|is|are)\s+)?$", re.I)
# Only for movement verbs: infinitives and nouns ("to go to", "his return to", "a sharp
# step"), and things that move without anyone going anywhere ("the path came out").
NOT_MOVER = patterns.compile(
    r"\b(?:to|of|for|whose|it|path|road|lane|river|stream|brook|track|way|step|steps|sound|"
    r"voice|knock|light|wind|sunlight|moonlight|rumou?rs)\s+$", re.I)
DET_BEFORE = patterns.compile(r"\b(?:a|an|the|his|her|their|its|my|our|your|this|that)\s+(\w+\s+)?$",
                        re.I)
FLASHBACK = patterns.compile(r"\bhad\s+(?:\w+\s+)?$", re.I)
# A sentence that opens in the pluperfect ("She had spent a winter in Bath, and ...") or
# frames what follows as memory, wish or report tells of another time and place: no cue
# after it in the sentence is where anyone is now ("The rain had stopped by the time she
# reached the harbour" is now).
BACKSTORY = patterns.compile(
    r"^(?![^.;:!?]*\bby\s+the\s+time\b)(?:(?:and|but|so)\s+)?(?:[A-Z][\w.'’-]*|she|he|they|we|i)(?:\s+[A-Z][\w'’-]*)?\s+had\s+"
    r"(?!been\s+(?:sitting|standing|waiting|walking|there|here)\b)(?:\w+ly\s+)?\w+"
    r"|\b(?:remembered|remembers|recalled|recalls|dreamed|dreamt|dreams|imagined|longed|"
    r"yearned|wrote|told|spoke\s+of|talked\s+of)\b[^.;:!?]*$", re.I)
CLAUSE = patterns.compile(r"^(?:when|after|as soon as|no sooner|till|until)\b", re.I)

# ---- time -----------------------------------------------------------------

TIMES = {"night": "NIGHT", "midnight": "NIGHT", "moonlight": "NIGHT", "moonlit": "NIGHT",
         "moon": "NIGHT", "stars": "NIGHT", "starlight": "NIGHT", "nightfall": "NIGHT",
         "darkness": "NIGHT", "evening": "EVENING", "supper": "EVENING", "dusk": "DUSK",
         "sunset": "DUSK", "twilight": "DUSK", "morning": "MORNING", "breakfast": "MORNING",
         "dawn": "DAWN", "sunrise": "DAWN", "daybreak": "DAWN", "noon": "DAY", "day": "DAY",
         "midday": "DAY", "afternoon": "DAY", "daylight": "DAY", "sunshine": "DAY",
         "sunlight": "DAY"}
# "last night", "every morning", "good night" speak of another time than the scene's.
AMBIENT = patterns.compile(
    _first([w for w in TIMES if w != "day"]) + r"(?<!good[- ])(?<!last )(?<!every )(?<!each )(?<!yesterday )(?<!tomorrow )(?<!to-morrow )"
    r"\b(" + "|".join(w for w in TIMES if w != "day") + r")\b(?! before| after)", re.I)
JUMP = patterns.compile(
    r"^(?:(?:and|but|so|then)\s+)?(?:(?:early|late|later)\s+)?(?:(?:on|in|at|during)\s+)?"
    r"(?:(?:the\s+)?(?:next|following|succeeding)\s+(?P<a>morning|day|evening|night|afternoon)"
    r"|(?:that|this|one)\s+(?P<b>morning|evening|night|afternoon)"
    r"|(?<=in\s)the\s+(?P<c>morning|evening|afternoon)\b"
    r"|(?P<d>dawn|dusk|sunset|sunrise|nightfall|midnight|noon|daybreak)\b"
    r"|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?P<e>morning|evening|night|afternoon))?\b(?!\s*[,;]?\s*(?:was|is|had|would)\b)"
    r"|(?P<later>(?:an?|one|two|three|some|several|a\s+few)\s+(?:hours?|days?|weeks?)\s+"
    r"(?:later|afterwards?|after)))", re.I)
