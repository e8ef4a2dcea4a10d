"""People the narration brings in without a name: "an old man sat in the corner" (attribution stage).

A story introduces a bit part with an indefinite article and tags them with the definite
one ("Inside, an old man sat in the corner. ... '...,' the old man said"). Until the text
names them they are a character of their own, OLD MAN, not whoever was named last.
"""
from __future__ import annotations

import re

from adapt.language.lexicon import MEETING
from adapt.speakers.names import COMMON_GENDER, title_of

_HEADS = ("man", "woman", "gentleman", "lady", "fellow", "boy", "girl", "youth", "lad", "lass")
_INTRO = re.compile(r"^\s*(?:[A-Z][^,;]{0,40},\s+)?(?:[Tt]here\s+(?:was|were|sat|stood)\s+)?(?:[Aa]n?)\s+"
                    r"((?:(?!(?:the|a|an|and|or|of|in|on|at|to|his|her|their|very|little)\b)[a-z][a-z-]*\s+){1,2}"
                    r"(?:%s))\b(?=(?:\s+(?:in|with|from)\s+(?:a|an|the|his|her)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)?"
                    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|was|sat|stood|came|held|lay|had|rose|went|ran|"
                    r"looked|kept)\b|[^.;]*$)" % "|".join(_HEADS))
"""'Inside, an old man sat in the corner', 'A stout woman held the door', 'There was a tall young
fellow ...', 'A young man in a yellow jacket came along the path': a word or two of description
and a person noun opening the sentence as its subject (a bare "a man" says too little to be one
character; "she is a living woman" is no one)."""


_MET = re.compile(r"\b(?:%s)\s+" % "|".join(MEETING) +
                  r"(?:an?)\s+((?:(?!(?:the|and|or|of|in|on|at|to|his|her|their|very)\b)[a-z][a-z-]*\s+){0,2}"
                  r"(?:%s))\b(?!\s+(?:of|who\s+had\s+been)\b)" % "|".join(_HEADS))
"""'Halfway up she met a boy driving two goats': someone the one acting comes upon, who is
there when the next line is spoken ("'Are you the daughter?' he asked")."""


def brought_in(genders: dict[str, str], sentence: str) -> list[str]:
    """The keys of the unnamed people the sentence brings in: the one it opens on
    (``stranger``), then those its subject meets or passes (their sex noted)."""
    first = stranger(genders, sentence)
    return ([first] if first else []) + [_key(genders, m.group(1).split()) for m in _MET.finditer(sentence)]


def _key(genders: dict[str, str], words: list[str]) -> str:
    """"the <description>", the key of a bit part, its sex noted from its noun."""
    key = "\x00the " + " ".join(words).lower()
    g = COMMON_GENDER.get(words[-1].lower())
    if g:
        genders.setdefault(key, g)
    return key


def stranger(genders: dict[str, str], sentence: str) -> str | None:
    """The key, "the <description>", of the unnamed person the sentence opens on
    introducing (their sex noted in ``genders``); None if it introduces no one."""
    m = _INTRO.match(sentence)
    if not m:
        return None
    return _key(genders, m.group(1).split())


def named_young(room: list[str], genders: dict[str, str], g: str,
                exclude: set[str], avoid: set[str], alias: dict[str, str]) -> str | None:
    """Whom "the boy", "the girl" of a tag means when no bit part of that noun is in the room
    (``room``: the keys just named, oldest first): the named character of sex g last named,
    never a grown man or wife by title ("Mr.", "Mrs."; "Thomas", whom the text also writes
    "Mr. Thomas": ``alias``), nor one whose sex the text never showed ("whispered the lad"
    beside a Nancy is not she)."""
    named = [k for k in reversed(room) if k not in exclude and not k.startswith("\x00")
             and title_of(k) in (None, "Miss", "Master") and genders.get(k) == g
             and alias.get(f"Mr. {k}") != k and alias.get(f"Mrs. {k}") != k]
    return next((k for k in named if k not in avoid), named[0] if named else None)
