"""Who sings: the singer the narration names when it announces a song or a recited verse.

"Old Abel ... set down his pipe and began to pipe up his song:", "Tom stood up and sang
'The Ash Grove':", "as he worked at the laces he hummed to himself:", "Peter stood on the
hearthrug and recited:". The subject of the verb that announces the verse is who
performs it, whoever spoke last. One pure function, meant to become an attribution
pass: ``singer(narration)`` → the name phrase as the text gives it ("Old Abel", "the old
gardener", "I"), or None.
"""
from __future__ import annotations

import re

from adapt import patterns
from adapt.language.sentences import sentences
from adapt.language.songs import RECITE_RE, SING_RE
from adapt.speakers.names import NAME, NOT_NAMES

_PRONOUN = r"(?:he|she|they|I|we)"
# What may stand between a subject and the verb: "began to", "would", "softly", "then".
_CHAIN = (r"(?:\s+(?:\w+ly|then|again|at\s+once|suddenly|presently|also|too|still|now|once\s+more))*"
          r"(?:\s+(?:began|begins|started|starts|commenced|proceeded|continued|went\s+on|would|could|did|had|"
          r"was|were|is|are|fell|set\s+out)(?:\s+to)?)?\s*$")
_NOT_NOUN = r"(?!(?:and|or|but|as|he|she|they|we|then|who|which|that|while|when|to|of|in|on|at|with)\b)"
_NP = rf"(?:[Tt]he\s+(?:{_NOT_NOUN}[a-z-]+\s+){{0,2}}{_NOT_NOUN}[a-z-]+|{NAME}|{_PRONOUN})"
_BEFORE_VERB = patterns.compile(rf"(?<![\w'’])({_NP}){_CHAIN}")
_OPENING = patterns.compile(rf"^(?:(?:And|But|So|Then|Now|At\s+last|At\s+length|Presently|Suddenly)\s*,?\s+)?({_NP})\b")
_ADVERBS_ONLY = re.compile(r"^(?:\s*(?:and|then|so|now|presently|suddenly|at\s+once|,))*\s*$", re.I)
_INVERTED = patterns.compile(rf"^\s*(?:out|up|forth)?\s*({NAME}|the\s+(?:[a-z-]+\s+){{0,2}}[a-z-]+)\s*(?:[,:.;!—–-]|$)")
_NAMES = re.compile(NAME)
_SOURCES = {"band", "radio", "orchestra", "choir", "music", "jukebox", "gramophone", "organ", "piano",
            "speakers", "stereo", "crowd", "birds", "bird", "wind", "kettle", "bells", "congregation"}


def singer(narration: str) -> str | None:
    """The name phrase of whoever the narration says sings, hums, chants, pipes up,
    strikes up or recites the verse that follows it; None when it names nobody.

    A pronoun subject ("he hummed") is given as the name it stands for in the same
    narration (the nearest name before it), else None; "I" stays "I".
    """
    sents = sentences(" ".join(narration.split()))
    for k in range(len(sents) - 1, max(-1, len(sents) - 3), -1):
        sent = sents[k]
        verbs = [m for rx in (SING_RE, RECITE_RE) for m in rx.finditer(sent)]
        if not verbs:
            continue
        verb = max(verbs, key=lambda m: m.start())
        if re.search(r"\b(?:not|never|nobody|no one|could\s+not|couldn't)\b", sent[:verb.start()][-30:], re.I):
            return None
        found = _subject(sent, verb.start(), verb.end())
        if found in ("", "\x00"):
            prior = " ".join(sents[:k]) + (" " + sent[:verb.start()] if found == "" else "")
            names = [m.group(0) for m in _NAMES.finditer(prior) if _is_name(m.group(0), prior, m.start())]
            return names[-1] if names else None
        return found
    return None


def _subject(sent: str, start: int, end: int) -> str | None:
    """The subject of the verb at sent[start:end]; "" for a pronoun to resolve."""
    before = sent[:start]
    near = _BEFORE_VERB.search(before)
    if near and near.group(1).lower() != "the":
        found = _person(near.group(1), before, near.start(1))
        if found is not None:
            return found
        if near.group(1).split()[-1].lower() in _SOURCES:
            return None  # "the band struck up a tune": heard, sung by no one in the scene
    inverted = _INVERTED.match(sent[end:])
    if inverted and _ADVERBS_ONLY.match(before) and _is_name(inverted.group(1), sent, end):
        return inverted.group(1)  # "Then sang out Old Abel:"
    opening = _OPENING.match(before)
    if opening:
        found = _person(opening.group(1), before, opening.start(1))
        if found == "":
            return "\x00"  # a pronoun opening the sentence: a name from the sentences before
        return found
    return None


def _person(phrase: str, text: str, at: int) -> str | None:
    """A subject phrase as a singer: the phrase, "" for he/she/they, None for no one."""
    if re.fullmatch(_PRONOUN, phrase, re.I):
        return "I" if phrase == "I" else ""
    phrase = re.sub(r"\s+(?:\w+ly)$", "", phrase)
    return phrase if _is_name(phrase, text, at) else None


def _is_name(phrase: str, text: str, at: int) -> bool:
    words = phrase.split()
    if words[0].lower() == "the":
        return len(words) > 1 and words[-1].lower() not in _SOURCES | {"song", "tune", "verse", "room", "fire"}
    if words[0] in NOT_NAMES:
        return False
    # A capital that only opens the sentence is no name ("Singing, ..."): names keep theirs.
    return not (at == 0 and len(words) == 1 and words[0].lower() + " " in text.lower()[1:])
