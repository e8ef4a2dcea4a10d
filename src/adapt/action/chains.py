"""Narration → present tense: coordinated verbs the clause rules did not reach.

``tense.coordinated`` follows a subject's verbs until a clause word ("as", "when",
"if") or a semicolon, because what follows may have a subject of its own.  This
pass takes up the verbs left past after such a break: "struck Cecil as subtle, and
pleased him" (the "and" joins "pleased" to "struck"), "places them on the chest;
folded the handkerchief", "sinks into a corner, turned his back" (a list of the
same subject's actions).  A verb joins the
nearest finite verb before it in the sentence, and only when that verb was put
into the present; a past form left standing in between (a participle, a kept
counterfactual, "the door locked and bolted") stops it.
"""
from __future__ import annotations

import re

from adapt.action.finite import coordinate_ok, keep_past, listed_verb
from adapt.action.tense import agree
from adapt.language.lexicon import AUX, DETS, MODALS, NOMINATIVE, is_past, is_vbn, past_lemma, present
from adapt.language.words import Word, is_adverb, next_verb, set_word

_PAUSE = re.compile(r"[,;:—–(]")
_LISTING, _ENDING = re.compile(r"[;,]"), re.compile(r"[.!?:]")

_JOINS = {"and", "but", "then", "or", "nor", "yet"}


def _agreement(word: Word, new: str) -> str | None:
    """The agreement a verb was given: 'strikes' → '3sg', 'strike' → 'pl'."""
    low, new = word.low.removesuffix("n't"), new.lower().removesuffix("n't")
    if low in MODALS:
        return None  # "can not complete it, and looked": the modal's subject may differ
    if low in AUX:
        return {"is": "3sg", "has": "3sg", "does": "3sg", "are": "pl", "have": "pl",
                "do": "pl"}.get(new)
    lemma = past_lemma(low)
    if lemma is None:
        return None
    return "3sg" if new == present(lemma, "3sg") else "pl" if new == present(lemma, "pl") else None


def _verb_before(ws: list[Word], q: int, out: dict[int, str]) -> tuple[int | None, bool]:
    """The nearest finite verb before ``q`` in its sentence, if the tense rules changed it,
    and whether it was reached through its participle ("had come … and").

    After a comma and a conjunction (", and despatched it") a clause of another subject
    in the present may stand between: "writes a line, asking when she can receive him,
    and despatched it" joins "writes"; only a past left standing stops the search."""
    crossing = ws[q].low in _JOINS and "," in ws[q].before
    crossed = False
    for k in range(q - 1, -1, -1):
        w = ws[k]
        if w.sent != ws[q].sent or w.prot:
            return None, False
        low = w.low.removesuffix("n't")
        if w.k in out:
            found = (low in AUX or past_lemma(low)) and _agreement(w, out[w.k])
            if found and crossed and not _same_agreement(ws, k, out):
                return None, False  # "remembers that the Wellands do not…, and pictured": whose?
            if found:
                return k, False
            if crossing and low in MODALS:
                crossed = True
                continue  # "she can receive him"
            return None, False
        if k and ws[k - 1].low in DETS and not w.before.strip():
            continue  # "to the left": a noun
        if is_vbn(low) and (aux := _perfect_aux(ws, k, out)) is not None:
            return aux, True  # "had come into the kitchen, …, and had sat down": the changed "had"
        if low in MODALS and crossing:
            crossed = True
            continue  # "that her son should marry, and declared"
        if crossing and low in {"be", "been"} and _after_modal(ws, k):
            return None, False  # "should be with Jane again, and enabled to": a participle
        if is_past(low) or is_vbn(low) or low in MODALS:
            return None, False  # a past left standing, a modal, a participle: not this chain
        if low in NOMINATIVE or low in _SUBORDINATE_BUT_AS or ";" in w.before:
            if not crossing or ";" in w.before:
                return None, False  # another subject, or another clause: "that Diana and Jane, …, clasped"
            crossed = True
    return None, False


def _after_modal(ws: list[Word], k: int) -> bool:
    """'might be', 'should herself be', 'would never have been': ``ws[k]`` after a modal."""
    j = k - 1
    while j >= 0 and (is_adverb(ws[j]) or ws[j].low in {"have", "not", "herself", "himself",
                                                         "themselves", "itself"}):
        j -= 1
    return j >= 0 and ws[j].low in MODALS


def _same_agreement(ws: list[Word], k: int, out: dict[int, str]) -> bool:
    """The changed verbs before ``k`` in its sentence agree as the one at ``k`` does, so a
    verb joined after them takes the same form whichever is its own."""
    agr = _agreement(ws[k], out[ws[k].k])
    for j in range(k - 1, -1, -1):
        w = ws[j]
        if w.sent != ws[k].sent:
            break
        low = w.low.removesuffix("n't")
        if w.k in out and (low in AUX or past_lemma(low)) and _agreement(w, out[w.k]) != agr:
            return False
    return True


def _perfect_aux(ws: list[Word], k: int, out: dict[int, str]) -> int | None:
    """The changed auxiliary of the participle at ``k`` ("has come", "is never seen")."""
    j = k - 1
    while j >= 0 and is_adverb(ws[j]) and not ws[j + 1].before.strip():
        j -= 1
    if j < 0 or ws[j + 1].before.strip() or ws[j].k not in out:
        return None
    low = ws[j].low.removesuffix("n't")
    return j if low in {"had", "was", "were"} and _agreement(ws[j], out[ws[j].k]) else None


_SUBORDINATE = {"when", "while", "as", "because", "though", "although", "if", "until", "till",
                "before", "after", "since", "where", "whereupon", "unless", "whilst", "whenever",
                "that", "who", "which", "whom", "whose", "what", "lest", "once", "whether"}
_SUBORDINATE_BUT_AS = _SUBORDINATE - {"as"}


def _in_subordinate(ws: list[Word], v: int) -> bool:
    """The verb at ``v`` belongs to a subordinate clause ("till they were out of sight"):
    a verb after it and a comma may be the main clause's ("..., assured the company")."""
    for k in range(v, max(v - 8, -1), -1):
        if ws[k].low in _SUBORDINATE:
            return True
        if ws[k].sent_start or k < v and _PAUSE.search(ws[k + 1].before):
            return False
    return False


def _item_before(ws: list[Word], q: int, out: dict[int, str]) -> int | None:
    """In a list of actions split by semicolons, the previous item's verb: 'folds the
    handkerchief in which they have been wrapped; put it away' → 'folds'."""
    first = q
    for k in range(q - 1, -1, -1):
        if ws[k].sent != ws[q].sent or ws[k].prot:
            break
        first = k
        if ";" in ws[k].before:
            break
    for k in range(first, q):
        t = ws[k]
        low = t.low.removesuffix("n't")
        if t.k in out and (low in AUX or past_lemma(low)):
            return k if _agreement(t, out[t.k]) else None
    return None


def chains(ws: list[Word], out: dict[int, str]) -> None:
    """Put the verbs coordinated with an already-changed verb into the present."""
    for q, w in enumerate(ws):
        if w.prot or w.k in out:
            continue
        joined = w.low in _JOINS
        listed = not joined and w.before != " " and _LISTING.search(w.before) is not None \
            and not _ENDING.search(w.before)
        if not (joined or listed):
            continue
        c = next_verb(ws, q) if joined else q
        if c is None or ws[c].k in out or ws[c].prot:
            continue
        cand = ws[c]
        if cand.low in MODALS or not (is_past(cand.low) or cand.low not in AUX and past_lemma(cand.low)):
            continue  # no form the checks below could put into the present: no verb to look for
        v, through = _verb_before(ws, q, out)
        if v is None and ";" in w.before:
            v = _item_before(ws, q, out)
        if v is None or cand.low in MODALS or listed and _in_subordinate(ws, v):
            continue
        if is_vbn(cand.low) and cand.low.removesuffix("n't") not in AUX and (
                through or w.low == "then" and q == v + 1):
            continue  # "was nailed down, and dimmed", "is then led away": a passive's participle
        agr = _agreement(ws[v], out[ws[v].k])
        # "and put it away": after a singular subject the bare form can only be the past
        if not (is_past(cand.low) or agr == "3sg" and cand.low not in AUX and past_lemma(cand.low)) \
                or keep_past(ws, c, cand.low not in AUX):
            continue
        if joined and not coordinate_ok(ws, q, c, v, past_lemma(ws[v].low), True):
            continue
        if listed and (cand.low in AUX or not listed_verb(ws, v, c, True, (";", ","))):
            continue
        if agr:
            set_word(out, cand, agree(cand, agr, True))
