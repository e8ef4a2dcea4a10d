"""Narration → present tense: a subject and its verb with a clause or phrase between.

"Old Abel, who had sat there, set down his pipe", "Mrs. Archer and Janey, in the course
of their visits, had lived up to it", "Elizabeth, feeling it incumbent on her, now put
herself forward": the verb after the closing comma is the subject's, for ``tense``.
"""
from __future__ import annotations

import re

from adapt.action.subjects import compound
from adapt.language.lexicon import AUX, DETS, MODALS, NOMINATIVE, STOP, is_vbn, lemmas, past_lemma
from adapt.language.words import Word, is_adverb

_STOPS = re.compile(r"[.!?;:—–()\"“”]")
_MARKS = re.compile(r"[,.;:!?—–()]")


def after_interruption(ws: list[Word], last: int) -> int | None:
    """The verb after what a comma sets between a subject and its verb.

    A non-restrictive relative clause, 'Abel, who had sat all evening, set down' → 'set'
    (it closes at the next comma, or goes on with "and who"); or a phrase the subject's
    verb follows, 'Mrs. Archer and Janey, in the course of their visits, had lived',
    'Elizabeth, feeling it incumbent on her, now put herself forward' (the first comma
    after which a verb with its object, particle or adverb stands)."""
    if last + 1 >= len(ws) or ws[last + 1].before.strip() != ",":
        return None
    opener = ws[last + 1]
    relative = opener.low in {"who", "which", "whose", "whom"}
    if not relative and not _opens_phrase(opener):
        return None
    first = last
    while first > 0 and not ws[first].clause_start:
        first -= 1
    if first >= 2 and ws[first - 1].low == "and" and not ws[first - 1].before.strip() \
            and ws[first - 2].text[:1].isupper() and not compound(ws, first):
        return None  # "Mr. van der Luyden and Mr. Selfridge Merry, installed in…": how many?
    for q in range(last + 2, min(last + 40, len(ws))):
        w = ws[q]
        if w.prot or _STOPS.search(w.before):
            return None
        if w.before.strip() != ",":
            continue
        v = q
        while v + 1 < len(ws) and is_adverb(ws[v]) and not ws[v + 1].before.strip():
            v += 1  # "now put herself forward"
        if _verb_opens(ws, v, relative):
            return v
        if relative and not (w.low == "and" and q + 1 < len(ws) and ws[q + 1].low in {
                "who", "whose", "whom", "which"}):
            return None
    return None


_PHRASE_OPENERS = {"in", "on", "at", "with", "after", "from", "by", "of", "for", "during", "to",
                   "without", "under", "upon", "among", "through", "like", "unlike", "despite",
                   "when", "while", "though", "although", "having", "being", "once", "as"}
_DETS_BUT_NO = DETS - {"no"}
_NOT_A_VERB = MODALS | DETS | STOP | NOMINATIVE


def _opens_phrase(w: Word) -> bool:
    """A word that opens a phrase between a subject and its verb (not a list of names)."""
    low = w.low
    if w.prot or low in NOMINATIVE or low in {"and", "or", "but", "nor", "that", "it"}:
        return False
    if low in _PHRASE_OPENERS or low in _DETS_BUT_NO:
        return True  # "in the course of", "the matron of the workhouse"
    pos = lemmas(low)
    return not w.text[:1].isupper() and (
        low.endswith("ing") and "VERB" in pos or is_vbn(low) or "ADJ" in pos)


def _verb_opens(ws: list[Word], v: int, relative: bool) -> bool:
    """``ws[v]`` can be the finite verb of a subject before it; after a phrase (not a
    relative clause) only going on with what it takes."""
    w = ws[v]
    low = w.low
    if w.prot:
        return False
    if not relative and (v + 1 >= len(ws) or ws[v + 1].prot
                         or _MARKS.search(ws[v + 1].before)):
        return False  # "with her hair twisted, tied, and pinned": a list of participles
    if low in {"had", "was", "were"}:
        return True
    return low not in AUX and low not in _NOT_A_VERB \
        and past_lemma(low) is not None and not low.endswith(("ing", "ly"))
