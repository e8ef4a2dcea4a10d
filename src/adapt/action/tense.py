"""Narration → present tense: finite verbs re-formed to agree with their subjects.

Each rule is conservative, because a wrong change reads worse in a screenplay
than a missed one.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from adapt.action.finite import (
    BE_FORMS,
    STOP_MARK,
    bare_verb,
    coordinate_ok,
    inverted_subject,
    keep_past,
    listed_verb,
    participle_phrase,
    verb_after_predicate,
)
from adapt.action.interrupted import after_interruption
from adapt.action.subjects import KNOWN_NAMES, opens_sentence, subject
from adapt.language.lexicon import (
    AUX,
    DETS,
    INVERTING,
    MODALS,
    NOMINATIVE,
    NUMBERS,
    OBJECTS,
    PRONOUN_AGR,
    STOP,
    TITLES,
    apos,
    base_lemma,
    is_past,
    is_vbn,
    lemmas,
    oov_verb,
    participle,
    past_lemma,
    plural,
    present,
    present_lemma,
)
from adapt.language.sentences import SPEECH_VERBS, quoted_spans
from adapt.language.words import Word, next_verb, set_word, tokens, word_after, words

_BREAK_MARK = re.compile(r"[,.;:!?—–]")


def agree(word: Word, agr: str, to_present: bool, nxt: str | None = None) -> str | None:
    """The finite verb ``word`` re-formed for ``agr``; None when it must not change.

    ``nxt``, the word after it, is given only where ``word`` is surely in verb
    position (right after a subject pronoun); then a verb lemminflect does not
    know is conjugated by the regular rules.
    """
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
    elif (past := past_lemma(low)) and (to_present or is_past(low)):
        lemma, tense = past, "past"  # "I found" in a present story stays past
    elif (pres := present_lemma(low)) is not None:
        lemma, tense = pres, "present"
    elif nxt is not None and (oov := oov_verb(low, nxt)):
        lemma, tense = oov
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
        if w.prot or STOP_MARK.search(w.before) or w.low in STOP or (
                w.low in {"it", "you"} and w.clause_start):
            return
        if w.clause_start and w.text[:1].isupper() and subject(ws, q) is not None:
            return  # "When they parted, Lady Catherine wished": a new subject
        if w.low == "to" and q + 1 < len(ws) and (
                "VERB" in lemmas(ws[q + 1].low)
                and ws[q + 1].low not in OBJECTS):
            return  # "want to go and see": the "see" belongs to the infinitive
        if w.low in {"and", "or", "then", "nor", "but"}:
            c = next_verb(ws, q)
            if c is not None and coordinate_ok(ws, q, c, v, main, to_present):
                set_word(out, ws[c], agree(ws[c], agr, to_present))
                v, q = c, c + 1
                continue
        if listed_verb(ws, v, q, to_present):
            set_word(out, w, agree(w, agr, to_present))
            v, q = q, q + 1
            continue
        if q == v + 1 and ws[v].low in BE_FORMS and (c := verb_after_predicate(ws, q)) != 0:
            if c is None:
                return
            set_word(out, ws[c], agree(ws[c], agr, to_present))  # "was bewildered, and obeyed him"
            v, q = c, c + 1
            continue
        if participle(w.low) and not (q + 1 < len(ws) and not ws[q + 1].before.strip()
                                      and "NOUN" in lemmas(ws[q + 1].low) and w.low not in OBJECTS
                                      and "ADJ" in lemmas(w.low)):
            return  # "a bottle filled with ink and labeled": the "and" may be the participle's
        q += 1


def tense_clause(ws: list[Word], p: int, out: dict[int, str]) -> int:
    """Put the clause whose subject starts at ``p`` into the present; returns its end."""
    subj = subject(ws, p)
    if subj is None:
        return p
    v = next_verb(ws, subj.last)
    if v is None and subj.kind in {"name", "np"}:
        v = after_interruption(ws, subj.last)  # "Old Abel, who had sat there, set down his pipe"
    if v is None:
        return subj.last
    verb = ws[v]
    if subj.kind == "pron" and inverted_subject(ws, p):
        return v
    if subj.kind == "there":
        new = {"was": "is", "were": "are", "wasn't": "isn't", "weren't": "aren't"}
        if verb.low not in new and INVERTING & set(lemmas(verb.low).get("VERB", ())):
            agr = _subject_after(ws, v + 1)  # "there came a voice"
            set_word(out, verb, agree(verb, agr, True) if agr else None)
        set_word(out, verb, new.get(verb.low))
        return v
    if subj.kind == "pron" and (oov := oov_verb(verb.low, word_after(ws, v))):
        if oov[1] == "past":  # "she backhanded him"
            set_word(out, verb, present(oov[0], subj.agr))
        return v
    lexical = verb.low not in AUX and verb.low not in MODALS and not verb.low.endswith(
        "n't") and past_lemma(verb.low) is not None
    # "she put": with a singular subject the bare form can only be the past.
    if not (is_past(verb.low) or lexical and subj.agr == "3sg"):
        return v
    agr = subj.agr
    if subj.kind in {"np", "bare", "rel"} and verb.low.removesuffix("n't") in {"was", "were"}:
        # The verb knows the number better than the noun ("the news was").
        agr = "3sg" if verb.low.startswith("was") else "pl" if agr == "pl" else ""
    if not agr or keep_past(ws, v, lexical) or subj.kind == "bare" and lexical and not (
            opens_sentence(ws, p) and bare_verb(ws, v)):
        return v
    if subj.kind in {"np", "rel"} and lexical and participle_phrase(ws, p, v, subj.kind):
        return v
    if set_word(out, verb, agree(verb, agr, True)) and (lexical or verb.low in BE_FORMS):
        coordinated(ws, v, agr, True, out)
    return v


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
    elif ws[q].low in DETS and SPEECH_VERBS & set(lemmas(w.low).get("VERB", ())):
        # "said the fat detective.": a short noun phrase, then the sentence goes on
        while q + 1 < len(ws) and q < p + 5 and not ws[q + 1].before.strip() and (
                {"NOUN", "ADJ"} & set(lemmas(ws[q + 1].low))):
            q += 1
        if q == p + 1:
            return
        agr = "pl" if plural(ws[q].low) else "3sg"
    else:
        return
    if q + 1 == len(ws) or _BREAK_MARK.search(ws[q + 1].before):
        set_word(out, w, agree(w, agr, True))


_FRONTED = {"here", "then", "so", "such", "thus", "inside", "outside", "beside", "beyond",
            "above", "below", "behind", "near", "upon", "among", "within", "in", "on", "under",
            "over", "around", "opposite"}
_PREPOSITIONS = _FRONTED - {"here", "then", "so", "such", "thus"}
_IN_PHRASE = _PREPOSITIONS | {"at", "of"}


def fronted(ws: list[Word], p: int, out: dict[int, str]) -> None:
    """'Here was a problem', 'Then came rows of villas', 'Beside him lay a dark mass'.

    A clause opened by an adverb or a place, then a past verb, then its subject.
    """
    if not ws[p].clause_start or ws[p].low not in _FRONTED:
        return
    in_phrase = ws[p].low in _PREPOSITIONS  # "Beside him", "In one corner"
    for v in range(p + 1, min(p + 5, len(ws))):
        x = ws[v]
        if x.prot or x.before.strip() or x.low in NOMINATIVE or x.low in STOP:
            return
        if x.low in AUX or is_past(x.low) and ws[v - 1].low not in DETS:
            break
        in_phrase = in_phrase or x.low in _IN_PHRASE
        if not in_phrase and (x.low in DETS or "NOUN" in lemmas(x.low) and "ADJ" not in lemmas(
                x.low) or x.text[:1].isupper()):
            return  # a subject before the verb: "Then the man came", "Such doings"
    else:
        return
    verb = ws[v]
    if verb.low in AUX and verb.low not in {"was", "were"} or verb.low in MODALS:
        return
    if verb.low not in AUX and not INVERTING & set(lemmas(verb.low).get("VERB", ())):
        return  # "then thought no more of it": the subject came before
    agr = {"was": "3sg", "were": "pl"}.get(verb.low) or _subject_after(ws, v + 1)
    if agr and _subject_after(ws, v + 1) and not keep_past(ws, v, False):
        set_word(out, verb, agree(verb, agr, True))


def _subject_after(ws: list[Word], q: int) -> str | None:
    """The number of a subject that follows its verb ("came rows of", "was he")."""
    if q >= len(ws) or ws[q].before.strip() or ws[q].prot:
        return None
    w = ws[q]
    if w.low in NOMINATIVE or w.low == "it":
        return PRONOUN_AGR[w.low] if w.low != "i" else None
    if w.text[:1].isupper() and w.low not in DETS and not lemmas(w.low):
        return "3sg"  # a name
    start = q + 1 if w.low in DETS else q
    r = start
    while r + 1 < len(ws) and not ws[r + 1].before.strip() and "NOUN" not in lemmas(ws[r].low) \
            and "ADJ" in lemmas(ws[r].low):
        r += 1
    if r >= len(ws) or "NOUN" not in lemmas(ws[r].low) or ws[r].low in OBJECTS:
        return None
    return "pl" if w.low in {"these", "those"} or plural(ws[r].low) else "3sg"


# ---------------------------------------------------------------- detection
def detect_tense(text: str) -> str | None:
    """'past' or 'present' by counting the finite verbs of clause subjects.

    None when undecided.  Callers adapting a whole book should detect once on a
    long stretch and pass ``tense=`` so every passage is treated alike.  A noun
    phrase counts only with an auxiliary ("the evening was"), because a noun
    phrase is only recognised before an auxiliary or a past form.
    """
    ws = words(tokens(text), quoted_spans(text))
    past = pres = 0
    p = 0
    while p < len(ws):
        head, _, tail = ws[p].low.partition("'")
        if not ws[p].prot and head in PRONOUN_AGR and tail in {"s", "re", "m", "ve"}:
            pres += 1  # "she's", "they're"
        subj = None if ws[p].prot else subject(ws, p)
        v = next_verb(ws, subj.last) if subj else None
        if subj is None or v is None:
            p += 1
            continue
        low = ws[v].low.removesuffix("n't")
        if low in AUX:
            past += AUX[low][1] == "past"
            pres += AUX[low][1] == "present"
        elif subj.kind in {"np", "bare", "there", "rel"}:
            pass
        elif is_past(low):
            past += 1
        elif low not in MODALS and "VERB" in lemmas(low) and past_lemma(low) is None:
            pres += 1
        p = subj.last + 1
    return "past" if past > pres else "present" if pres > past else None


# ---------------------------------------------------------------- the last sweep
_SWEEP = {"was": "is", "were": "are", "wasn't": "isn't", "weren't": "aren't"}
_DEMONSTRATIVES = {"this", "that", "these", "those", "here"}
_PLURAL_SUBJECTS = {"they", "we", "you", "i", "both", "all", "who", "which", "that"}
_SWEPT = _SWEEP.keys() | {"had", "hadn't", "did", "didn't"}
_PLURAL_PRONOUNS = _PLURAL_SUBJECTS - {"who", "which", "that"}
_DETS_OR_STOP = DETS | STOP
_NOMINATIVE_OR_DETS = NOMINATIVE | DETS


def sweep(ws: list[Word], out: dict[int, str]) -> None:
    """What the clause rules left: 'By the time Lucy was ready', 'it was Miss Bartlett
    did not', 'After supper Anne sat'. A past auxiliary after a subject word is the
    narration's tense wherever it stands; a clear past after a cast name (set in
    ``subjects.KNOWN_NAMES``) too. Counterfactuals stay (``keep_past``)."""
    names = KNOWN_NAMES.get()
    for v in range(1, len(ws)):
        w, prev = ws[v], ws[v - 1]
        if w.low not in _SWEPT and prev.text not in names and not w.low.startswith("were"):
            continue  # no word any rule below changes
        if w.prot or w.k in out or w.before.strip() or prev.prot:
            continue
        if prev.k in out and prev.low not in PRONOUN_AGR:
            if w.low in {"was", "were"} and is_past(prev.low) and prev.low not in AUX \
                    and v >= 2 and ws[v - 2].low in PRONOUN_AGR and not keep_past(ws, v, False):
                set_word(out, w, _SWEEP[w.low])  # "the form it took was": a clause's verb, then the main one
            continue
        subjectish = prev.low in PRONOUN_AGR or prev.text in names or prev.low in _DEMONSTRATIVES or (
            prev.text[:1].isupper() and not prev.sent_start and prev.low not in _DETS_OR_STOP)
        low = w.low
        nounish = "NOUN" in lemmas(prev.low) and prev.low not in OBJECTS
        joined = prev.low in {"and", "but", "or", "then"} and low.startswith("was")
        if low.startswith("were") and _as_if(ws, v - 1) and prev.low in {"he", "she", "it"}:
            set_word(out, w, "is" + low[4:])  # "as if it were a tragedy" → "as if it is"
            continue
        if low in _SWEEP and (subjectish or nounish or joined) and not keep_past(ws, v, False):
            if prev.low in PRONOUN_AGR and PRONOUN_AGR[prev.low] == "1sg":
                continue  # "I was": the narrator's rewrite owns it
            if low.startswith("were") and not (prev.low in _PLURAL_SUBJECTS or plural(prev.low)
                                               or prev.text[:1].isupper() and prev.low not in PRONOUN_AGR):
                continue  # "if she were": a subjunctive
            set_word(out, w, _SWEEP[low])
        elif low in {"had", "hadn't", "did", "didn't"} and (subjectish or nounish and _perfect(ws, v)) \
                and not keep_past(ws, v, False) and not (
                    prev.low not in PRONOUN_AGR and prev.text not in names and v + 1 < len(ws)
                    and ws[v + 1].low in _NOMINATIVE_OR_DETS):  # "that had her family known"
            if prev.low in {"i"}:
                continue
            many = prev.low in _PLURAL_PRONOUNS or plural(head_noun(ws, v - 1))
            new = {"had": "have" if many else "has", "did": "do" if many else "does"}[low[:3]]
            set_word(out, w, new + ("n" + apos(w.text) + "t" if low.endswith("n't") else ""))
        elif prev.text in names and not prev.sent_start and is_past(low) and low not in AUX \
                and low not in MODALS and not keep_past(ws, v, True) and not (
                    is_vbn(low) and v >= 2 and ws[v - 2].k in out  # "finds Holmes dejected"
                    and _COMPLEMENTED & set(lemmas(ws[v - 2].low).get("VERB", ()))):
            set_word(out, w, agree(w, "3sg", True))


_COMPLEMENTED = {"find", "see", "leave", "keep", "think", "hear", "watch", "feel", "make", "have",
                 "get", "want", "like", "consider", "believe", "wish", "set", "hold", "catch"}
_OF_PHRASE = {"of", "in", "on", "at", "from", "with", "near", "behind", "beside", "under"}


def head_noun(ws: list[Word], p: int) -> str:
    """The head noun of the noun phrase that ends at ``p``: 'the men in the back room of
    the Plough' → 'men' (prepositional phrases are stepped over); else ws[p] itself."""
    head, q = p, p
    while q > 0 and q > p - 12:
        w = ws[q]
        if w.prot or w.before.strip() or w.sent_start:
            break
        prev = ws[q - 1]
        if prev.low in _OF_PHRASE:
            r = q - 2  # the noun before the preposition
            if r >= 0 and ws[r].low in {"one", "each", "either", "neither", "none"}:
                return "one"  # "one of the girls has"
            if r < 0 or ws[r].prot or "NOUN" not in lemmas(ws[r].low) or ws[r].low in NUMBERS:
                break  # "two of her girls have": the number is the noun's after "of"
            head, q = r, r
            continue
        if not (prev.low in DETS or {"NOUN", "ADJ"} & set(lemmas(prev.low)) or prev.text[:1].isupper()):
            break
        q -= 1
    return ws[head].low


def _perfect(ws: list[Word], v: int) -> bool:
    """'had done', 'had never been': a past perfect (adverbs may come between)."""
    q = next_verb(ws, v)
    return q is not None and is_vbn(ws[q].low)


def _as_if(ws: list[Word], p: int) -> bool:
    """The subject at ``p`` follows 'as if' / 'as though'."""
    return p >= 2 and ws[p - 1].low in {"if", "though"} and ws[p - 2].low == "as"
