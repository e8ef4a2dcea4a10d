"""Words → the subject that starts a clause, with its number, for verb agreement."""
from __future__ import annotations

from dataclasses import dataclass

from adapt.lexicon import (ADVERBS, AUX, CLAUSE_WORDS, DETS, FUNCTION_WORDS, INDEFINITE,
                           NOMINATIVE, OBJECTS, PRONOUN_AGR, STOP, TITLES, lemmas,
                           past_lemma, plural)
from adapt.words import Word


@dataclass(frozen=True, slots=True)
class Subject:
    last: int  # index of the subject's last word
    agr: str  # "1sg", "3sg" or "pl"
    kind: str  # "pron", "name", "np", "bare", "there"


def compound(words: list[Word], p: int) -> bool:
    """'Holmes and I', 'Mr. and Mrs. Gardiner', 'Jones, Holmes, and I': plural subjects.

    The first conjunct must be a run of names or subject pronouns that itself starts
    a clause, so "She met Holmes, and I left" stays singular.
    """
    if p < 2 or words[p - 1].low != "and" or words[p].before.strip():
        return False
    gap = words[p - 1].before.strip()
    if gap not in {"", ","} and not (gap == "." and words[p - 2].low in TITLES):
        return False
    q, start = p - 2, None
    while q >= 0:
        w = words[q]
        if not (w.text[:1].isupper() or w.low in NOMINATIVE):
            break
        if words[q + 1].before.strip() not in {"", ".", ","}:
            break
        start = q
        if w.sent_start:
            break
        q -= 1
    return start is not None and words[start].clause_start


def is_name(words: list[Word], p: int) -> bool:
    w = words[p]
    if not w.text[:1].isupper() or w.low in PRONOUN_AGR or w.low in DETS:
        return False
    if w.low == "i":
        return False
    if not w.sent_start or w.low in TITLES:
        return True
    if not lemmas(w.low) and w.low not in FUNCTION_WORDS:
        return True
    nxt = words[p + 1] if p + 1 < len(words) else None
    return (nxt is not None and nxt.text[:1].isupper() and not nxt.before.strip()
            and nxt.low not in PRONOUN_AGR)


def subject(words: list[Word], p: int) -> Subject | None:
    """The subject starting at ``p``, if a clause's subject can start there."""
    w = words[p]
    if w.low in {"he", "she", "we", "they", "i"}:
        return Subject(p, "pl" if compound(words, p) else PRONOUN_AGR[w.low], "pron")
    if not w.clause_start:
        return None
    if w.low in {"it", "you", "there"}:
        return Subject(p, PRONOUN_AGR[w.low], "there" if w.low == "there" else "pron")
    if w.low in INDEFINITE:
        return Subject(p, "3sg", "pron")
    if is_name(words, p):
        q = p
        while q + 1 < len(words) and words[q + 1].text[:1].isupper() and words[
                q + 1].low not in PRONOUN_AGR and (
                not words[q + 1].before.strip()
                or (words[q].low in TITLES and words[q + 1].before.strip() == ".")):
            q += 1
        return Subject(q, "pl" if compound(words, p) else "3sg", "name")
    if w.low in DETS:
        return _noun_phrase(words, p)
    if ("NOUN" in lemmas(w.low) and "VERB" not in lemmas(w.low)
            and w.low not in CLAUSE_WORDS | STOP | OBJECTS | ADVERBS):
        return Subject(p, "pl" if plural(w.low) else "3sg", "bare")
    return None


def _noun_phrase(words: list[Word], p: int) -> Subject | None:
    """'the old man' → its last word, if a past-tense verb follows the head noun."""
    agr = {"these": "pl", "those": "pl", "a": "3sg", "an": "3sg", "this": "3sg",
           "every": "3sg", "each": "3sg"}.get(words[p].low)
    q = p + 1
    while q < len(words) and q <= p + 5 and not words[q].prot:
        w = words[q]
        if w.before.strip() not in {"", "-"} or w.low in CLAUSE_WORDS | STOP:
            return None
        prev = words[q - 1]
        if q > p + 1 and "NOUN" in lemmas(prev.low) and (
                w.low in AUX or past_lemma(w.low)):
            return Subject(q - 1, agr or ("pl" if plural(prev.low) else "3sg"), "np")
        if not ({"NOUN", "ADJ"} & set(lemmas(w.low)) or w.low.endswith("'s")):
            return None
        q += 1
    return None
