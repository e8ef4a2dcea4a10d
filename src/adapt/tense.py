"""Narration → present tense: finite verbs re-formed to agree with their subjects.

Each rule is conservative, because a wrong change reads worse in a screenplay
than a missed one.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from adapt.lexicon import (AUX, DETS, LINKING, MODALS, NOMINATIVE, OBJECTS, PRONOUN_AGR,
                           STOP, TITLES, apos, base_lemma, is_past, lemmas, participle,
                           past_lemma, present, present_lemma)
from adapt.sentences import quoted_spans
from adapt.subjects import is_name, subject
from adapt.words import Word, is_adverb, next_verb, set_word, tokens, words


def agree(word: Word, agr: str, to_present: bool) -> str | None:
    """The finite verb ``word`` re-formed for ``agr``; None when it must not change."""
    low, orig = word.low, word.text
    neg = low.endswith("n't")
    stem = low[:-3] if neg else low
    if neg and stem in {"is", "are", "was", "were", "has", "have", "had", "does", "do",
                        "did"}:
        lemma, tense = AUX[stem]
    elif neg or low in MODALS:
        if to_present and low in {"could", "couldn't"}:
            return "can't" if neg else "can"
        return None
    elif low in AUX:
        lemma, tense = AUX[low]
    elif (past := past_lemma(low)) and to_present:
        lemma, tense = past, "past"
    elif (pres := present_lemma(low)) is not None:
        lemma, tense = pres, "present"
    else:
        return None
    if lemma == "be" and stem == "were" and agr != "pl":
        return None  # "if she were": a subjunctive, not a tense
    if to_present or tense == "present":
        new = present(lemma, agr)
    elif lemma == "be":
        new = "were" if agr == "pl" else "was"
    else:
        return None
    if neg:
        if new == "am":
            return None
        new = new + "n" + apos(orig) + "t" if new != "can" else "can't"
    return new


# ---------------------------------------------------------------- clauses
def coordinated(ws: list[Word], v: int, agr: str, to_present: bool,
                out: dict[int, str]) -> None:
    """'walked to the door and opened it': carry the change to coordinated verbs."""
    main = past_lemma(ws[v].low) if to_present else base_lemma(ws[v].low)
    q = v + 1
    while q < len(ws):
        w = ws[q]
        if w.prot or re.search(r"[.!?;:]", w.before) or w.low in STOP or (
                w.low in {"it", "you"} and w.clause_start):
            return
        if w.low == "to" and q + 1 < len(ws) and (
                "VERB" in lemmas(ws[q + 1].low)
                and ws[q + 1].low not in OBJECTS):
            return  # "want to go and see": the "see" belongs to the infinitive
        if w.low in {"and", "or", "then", "nor", "but"}:
            c = next_verb(ws, q)
            if c is not None and _coordinate_ok(ws, q, c, v, main, to_present):
                set_word(out, ws[c], agree(ws[c], agr, to_present))
                v, q = c, c + 1
                continue
        if participle(w.low):
            return  # "a bottle filled with ink and labeled": the "and" may be the participle's
        q += 1


def _coordinate_ok(ws: list[Word], q: int, c: int, v: int, main: str | None,
                   to_present: bool) -> bool:
    cand, prev = ws[c], ws[q - 1]
    cpos, ppos = lemmas(cand.low), lemmas(prev.low)
    if to_present and cand.low.removesuffix("n't") in {"was", "were", "had", "did"}:
        return True  # "wondered at it, and was sure": same subject, same tense shift
    if cand.low in AUX or cand.low in MODALS:
        return False
    # "tired and worried", "cold and bored": adjectives, not a second verb.
    if q - 1 != v and ("ADJ" in ppos or past_lemma(prev.low)) and "ADJ" in cpos:
        return False
    if main in LINKING and "ADJ" in cpos:
        return False
    if q - 1 != v and past_lemma(prev.low) and not set(ppos) - {"VERB", "ADJ"}:
        return False
    nxt = ws[c + 1] if c + 1 < len(ws) else None
    follows = nxt is not None and not nxt.before.strip() and (
        nxt.low in OBJECTS or is_adverb(nxt))
    form = past_lemma(cand.low) if to_present else base_lemma(cand.low)
    return form is not None and ("NOUN" not in cpos or follows)


def tense_clause(ws: list[Word], p: int, out: dict[int, str]) -> int:
    """Put the clause whose subject starts at ``p`` into the present; returns its end."""
    subj = subject(ws, p)
    if subj is None:
        return p
    v = next_verb(ws, subj.last)
    if v is None:
        return subj.last
    verb = ws[v]
    if subj.kind == "there":
        new = {"was": "is", "were": "are", "wasn't": "isn't", "weren't": "aren't"}
        set_word(out, verb, new.get(verb.low))
        return v
    lexical = verb.low not in AUX and verb.low not in MODALS and not verb.low.endswith(
        "n't") and past_lemma(verb.low) is not None
    # "she put": with a singular subject the bare form can only be the past.
    if not (is_past(verb.low) or lexical and subj.agr == "3sg"):
        return v
    agr = subj.agr
    if subj.kind in {"np", "bare"} and verb.low.removesuffix("n't") in {"was", "were"}:
        # The verb knows the number better than the noun ("the news was").
        agr = "3sg" if verb.low.startswith("was") else "pl" if agr == "pl" else ""
    if not agr or keep_past(ws, v, lexical) or subj.kind == "bare" and lexical:
        return v
    if subj.kind == "np" and lexical:
        nxt = next_verb(ws, v)  # "the people assembled were": a participle
        if nxt is not None and (ws[nxt].low in AUX or ws[nxt].low in MODALS):
            return v
        if nxt is None and "NOUN" in lemmas(verb.low):
            return v  # "after a little thought.": a noun phrase, no verb
    if set_word(out, verb, agree(verb, agr, True)) and lexical:
        coordinated(ws, v, agr, True, out)
    return v


def keep_past(ws: list[Word], v: int, lexical: bool) -> bool:
    """Pasts that are not narrative tense: counterfactuals and points in time.

    "if she had known", "she wished he had stayed", "as if it could have been",
    "ever since he was twenty": moving these to the present changes the meaning.
    """
    low = ws[v].low.removesuffix("n't")
    nxt = [w.low for w in ws[v + 1: v + 3]]
    if low == "could" and (nxt[:1] == ["have"] or nxt == ["not", "have"]):
        return True
    if low in {"could", "had", "were"}:
        cue = {"if", "wish", "wished", "wishes", "though", "unless", "whether", "rather"}
        if any(w.low in cue for w in ws if w.sent == ws[v].sent):
            return True
    subj_start = v - 1
    while subj_start > 0 and not ws[subj_start].clause_start:
        subj_start -= 1
    return (not low == "had" and subj_start > 0
            and ws[subj_start - 1].low == "since")


def inverted(ws: list[Word], p: int, i_agr: Callable[[int], str] | None,
             out: dict[int, str]) -> None:
    """'said he,' / 'said Holmes.' / 'said I': a past verb before its subject.

    ``i_agr`` gives the agreement of a narrator's "I" in a sentence (None: no narrator).
    """
    w = ws[p]
    if not w.clause_start or not is_past(w.low) or w.low in AUX or "'" in w.low:
        return
    q = p + 1
    if q >= len(ws) or ws[q].before.strip() or ws[q].prot:
        return
    if ws[q].low in NOMINATIVE:
        agr = i_agr(ws[q].sent) if i_agr and ws[q].low == "i" else PRONOUN_AGR[ws[q].low]
    elif ws[q].text[:1].isupper() and ws[q].low not in DETS:
        while q + 1 < len(ws) and ws[q + 1].text[:1].isupper() and (
                not ws[q + 1].before.strip()
                or (ws[q].low in TITLES and ws[q + 1].before.strip() == ".")):
            q += 1
        agr = "3sg"
    else:
        return
    if q + 1 == len(ws) or re.search(r"[,.;:!?—–]", ws[q + 1].before):
        set_word(out, w, agree(w, agr, True))


# ---------------------------------------------------------------- detection
def detect_tense(text: str) -> str | None:
    """'past' or 'present' by counting finite verbs after subject pronouns and names.

    None when undecided.  Callers adapting a whole book should detect once on a
    long stretch and pass ``tense=`` so every passage is treated alike.
    """
    ws = words(tokens(text), quoted_spans(text))
    past = pres = 0
    for p, w in enumerate(ws):
        if w.prot or w.low not in PRONOUN_AGR and not (
                w.clause_start and is_name(ws, p)):
            continue
        subj = subject(ws, p)
        v = next_verb(ws, subj.last) if subj else None
        if v is None:
            continue
        low = ws[v].low.removesuffix("n't")
        if low in AUX:
            past += AUX[low][1] == "past"
            pres += AUX[low][1] == "present"
        elif past_lemma(low) and base_lemma(low) is None:
            past += 1
        elif low not in MODALS and "VERB" in lemmas(low) and past_lemma(low) is None:
            pres += 1
    return "past" if past > pres else "present" if pres > past else None
