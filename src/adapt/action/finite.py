"""Which verb forms after a subject are its finite verb.

A past form may instead be a participle ("the plan found among his papers"),
an adjective ("tired and worried"), part of an inversion ("had he known") or a
counterfactual that must stay past ("if she had stayed").  These guards keep
the tense and agreement rewrites off them.
"""
from __future__ import annotations

import re

from adapt.language.lexicon import (
    AUX,
    CLAUSE_WORDS,
    DETS,
    INTRANSITIVE,
    LINKING,
    MODALS,
    NOMINATIVE,
    OBJECTS,
    PRONOUN_AGR,
    STOP,
    base_lemma,
    is_past,
    is_vbn,
    lemmas,
    past_lemma,
    plural,
)
from adapt.language.words import Word, is_adverb, next_verb, sentence_start

_END_MARK = re.compile(r"[.;!?]")
_PAUSE_MARK = re.compile(r"[,;:—–-]")
_QUOTE_MARK = re.compile(r"[\"”’']")

_DIRECTIONS = {"forward", "forwards", "backward", "backwards", "ahead", "aside", "upward",
               "upwards", "downward", "downwards", "onward", "onwards", "inside", "outside"}
_ADVERB_PARTICLES = {"up", "down", "out", "back", "away", "off"}
STOP_MARK = re.compile(r"[.!?;:]")
"""A stop or a colon between two words: the clause ends there."""
_PARTICLES = _ADVERB_PARTICLES | {"in", "on", "over"}
_PERSONAL_OBJECTS = {"me", "him", "them", "us", "himself", "herself", "themselves", "myself"}
_OBJECT_START = DETS | NOMINATIVE | {"me", "him", "them", "us", "it", "himself", "herself",
                                     "themselves", "myself", "that"}
# Unions of the word lists, made once (not at every word).
_LISTED_OBJECT = _OBJECT_START - NOMINATIVE - {"that"}
_OBJECT_NOT_THAT = _OBJECT_START - {"that"}
_PARTICLES_OR_DIRECTIONS = _PARTICLES | _DIRECTIONS
_LINKING_STATE = LINKING - {"go", "get", "turn"}
_NOMINATIVE_OR_DETS = NOMINATIVE | DETS
_CLAUSE_OR_STOP = CLAUSE_WORDS | STOP


def listed_verb(ws: list[Word], v: int, q: int, to_present: bool, marks: tuple[str, ...] = (",",)) -> bool:
    """'thrust the point home, pressed down the piston': a verb after a bare comma
    (or one of ``marks``).

    Only with an object right after it: a participle phrase ("lost in thought",
    "struck by it") takes none, so the object shows a finite verb.
    """
    w = ws[q]
    if w.before.strip() not in marks or w.low in AUX or w.low in MODALS or q + 1 >= len(ws):
        return False
    start = v
    while start > 0 and not ws[start].clause_start:
        start -= 1
    if start > 0 and ws[start - 1].low in {"which", "whom", "that"}:
        return False  # "tears which the subject occasioned, brought on": the tears brought
    form = past_lemma(w.low) if to_present else base_lemma(w.low)
    if form is None:
        return False
    after = q + 2 if ws[q + 1].low in _ADVERB_PARTICLES and q + 2 < len(ws) else q + 1  # past "out", "up"
    if ws[after].low in {"and", "or"} and not ws[after].prot and ws[after].before.strip() in ("", ","):
        return _closes_series(ws, q, after)
    obj = ws[after] if not ws[after].before.strip() else ws[q + 1]
    return not obj.prot and not obj.before.strip() and obj.low in _LISTED_OBJECT or _series_ends(ws, q)


def _series_ends(ws: list[Word], q: int) -> bool:
    """'landed on the bonnet, looked at them through the windscreen, and flew off': the past
    at ``q`` stands in a list of actions that ", and" closes on a past, later in the sentence,
    with no subject or clause word between."""
    for k in range(q + 1, len(ws)):
        w = ws[k]
        if w.sent != ws[q].sent or w.prot or STOP_MARK.search(w.before) or ";" in w.before:
            return False
        if w.low in NOMINATIVE or w.low in {"who", "which", "that", "when", "while", "as", "if", "because"}:
            return False
        if w.low == "and" and "," in w.before:
            return _closes_series(ws, q, k)
    return False


def _closes_series(ws: list[Word], q: int, conj: int) -> bool:
    """'stood, stretched, and yawned', 'looked out, and closed it': the past at ``q`` is one of
    a series the "and" at ``conj`` closes on another past; not a state ("sat, exhausted, and
    waited"), nor participles the sentence ends on or an agent follows ("woke, strengthened
    and refreshed.", "blanched and demolished by")."""
    w, c = ws[q], next_verb(ws, conj)
    pos = lemmas(w.low)
    if c is None or not is_past(w.low) or "ADJ" in pos or _FELT & set(pos.get("VERB", ())):
        return False
    then = ws[c + 1] if c + 1 < len(ws) else None
    return is_past(ws[c].low) and ws[c].low not in AUX and ("," in ws[conj].before or (
        then is not None and not STOP_MARK.search(then.before) and then.low != "by"))


BE_FORMS = {"was", "were", "is", "are"}


def verb_after_predicate(ws: list[Word], q: int) -> int | None:
    """After "was" + the word at ``q``, a comma and "and": the subject's second verb
    ("was bewildered, and obeyed him"), None for none (stop looking); 0 where no comma
    and "and" follow."""
    if not (q + 1 < len(ws) and ws[q + 1].low in {"and", "but"} and "," in ws[q + 1].before):
        return 0
    c = q + 2
    if c < len(ws) and not ws[c].prot and is_past(ws[c].low) and ws[c].low not in AUX \
            and past_lemma(ws[c].low) and "NOUN" not in lemmas(ws[c].low):
        return c
    return None


def coordinate_ok(ws: list[Word], q: int, c: int, v: int, main: str | None,
                  to_present: bool) -> bool:
    """Whether the word ``c`` after the conjunction at ``q`` is a second verb of ``v``'s."""
    cand, prev = ws[c], ws[q - 1]
    cpos, ppos = lemmas(cand.low), lemmas(prev.low)
    if to_present and cand.low.removesuffix("n't") in {"was", "were", "had", "did"}:
        return True  # "wondered at it, and was sure": same subject, same tense shift
    if cand.low in AUX or cand.low in MODALS:
        return False
    nxt = ws[c + 1] if c + 1 < len(ws) else None
    if "," in ws[q].before and nxt is not None and not nxt.before.strip() and not nxt.prot \
            and nxt.low in _PERSONAL_OBJECTS and (past_lemma(cand.low) if to_present
                                                  else base_lemma(cand.low)) is not None:
        return True  # "struck him as subtle, and pleased him": an adjective takes no object
    # "tired and worried", "cold and bored": adjectives, not a second verb.
    if q - 1 != v and ("ADJ" in ppos or past_lemma(prev.low)) and "ADJ" in cpos:
        return False
    if main in LINKING and "ADJ" in cpos:
        return False
    if main in _LINKING_STATE and "ADJ" in ppos and "ADV" not in ppos \
            and is_vbn(cand.low) and not ("," in ws[q].before and c > q + 1):
        return False  # "felt shy and frightened": the participle is an adjective too
    if q - 1 != v and past_lemma(prev.low) and not set(ppos) - {"VERB", "ADJ"}:
        return False
    nxt = ws[c + 1] if c + 1 < len(ws) else None
    follows = nxt is None or _END_MARK.search(nxt.before) is not None or not nxt.before.strip() and (
        nxt.low in OBJECTS or is_adverb(nxt) or nxt.low in _DIRECTIONS)
    form = past_lemma(cand.low) if to_present else base_lemma(cand.low)
    return form is not None and ("NOUN" not in cpos or follows)


def bare_verb(ws: list[Word], v: int) -> bool:
    """'Darkness enveloped the flat', 'Months passed, and': after a bare noun, a past
    form that is the finite verb, not a participle ("Hands folded, she waited", "Books
    written by him").  A clear simple past, or a form both past and participle that
    does not open a passive ("by") or an absolute phrase (a comma, then a new subject)."""
    low = ws[v].low
    if not is_past(low) or low in AUX or low in MODALS:
        return False
    nxt = ws[v + 1] if v + 1 < len(ws) else None
    if nxt is None or nxt.prot:
        return True  # "Bees hummed."
    if nxt.low == "by" and not nxt.before.strip():
        return False
    if "," in nxt.before and (nxt.low in _NOMINATIVE_OR_DETS or nxt.text[:1].isupper()):
        return False
    if not is_vbn(low) or INTRANSITIVE & set(lemmas(low).get("VERB", ())):
        return True
    if _PAUSE_MARK.search(nxt.before):
        return nxt.low in {"and", "but", "then", "or"}
    if "," in ws[v - 1].before and not ws[v - 1].sent_start:
        # in a list after a comma, "money spent and renewed, reputations won and lost":
        # absolute phrases, unless an object or a particle shows the verb
        return nxt.low in _OBJECT_NOT_THAT or nxt.low in _PARTICLES_OR_DIRECTIONS \
            or is_adverb(nxt)
    # "each busied with reflections", "no one disposed to": a participle of a state.
    return not _STATES & set(lemmas(low).get("VERB", ()))


_STATES = {"busy", "dispose", "incline", "seat", "dress", "occupy", "employ", "satisfy",
           "delight", "please", "surprise", "engage", "interest", "concern", "absorb", "tire",
           "fill", "cover", "lose", "bury", "wrap", "clothe", "arm", "determine", "resolve",
           "prepare", "acquaint", "attach", "devote", "oblige", "compose", "convince", "amuse",
           "annoy", "astonish", "frighten", "terrify", "worry", "trouble", "distress", "bent"}
_FELT = _STATES | {"exhaust", "startle", "relieve", "amaze", "bewilder", "confuse", "puzzle", "shock",
                   "stun", "horrify", "embarrass", "excite", "scare", "alarm", "overwhelm", "dismay",
                   "exasperate", "agitate", "bore", "disgust", "offend", "perplex", "stupefy", "dazzle"}
"""Verbs whose past participle is a state of feeling ("sat, exhausted, and waited")."""


def inverted_subject(ws: list[Word], p: int) -> bool:
    """'had he dared', 'never did I see': the verb before the pronoun is the finite one."""
    if p == 0 or ws[p].before.strip() or ws[p - 1].prot or not (
            ws[p - 1].low in AUX or ws[p - 1].low in MODALS):
        return False
    # "what it was she could not guess": the auxiliary has its own subject.
    return p < 2 or ws[p - 2].low not in PRONOUN_AGR or bool(ws[p - 1].before.strip())


def participle_phrase(ws: list[Word], p: int, v: int, kind: str) -> bool:
    """A noun phrase and a past form that is a participle, not subject and verb.

    "the people assembled were", "the exasperation produced by", "Lydia's being
    settled", and after a comma an absolute phrase: "he stood, his arms folded".
    """
    low = ws[v].low
    intransitive = bool(INTRANSITIVE & set(lemmas(low).get("VERB", ())))
    nxt = next_verb(ws, v)
    if nxt is not None and (kind == "np" and (ws[nxt].low in AUX or ws[nxt].low in MODALS)
                            or ws[nxt].low == "by" and not intransitive
                            and nxt + 1 < len(ws) and not ws[nxt + 1].before.strip()):
        return True
    if nxt is None and "NOUN" in lemmas(low):
        return True  # "after a little thought.": a noun phrase, no verb
    if kind == "np" and is_vbn(low) and _verb_follows(ws, v):
        return True  # "the recollections connected with him gave her": the verb is "gave"
    b = v - 1
    while b > p and is_adverb(ws[b]):
        b -= 1  # "the five being thus removed"
    if ws[b].low in {"being", "having", "been"} and not (
            b > 0 and "ADJ" in lemmas(ws[b - 1].low)):  # but "her whole being seethed"
        return True
    if kind != "np" or not is_vbn(low) or intransitive or p == 0 or ws[p].sent_start:
        return False
    # An absolute phrase follows a clause with its own verb, after a bare comma,
    # and its participle takes no object ("held up her hand" is a finite verb).
    gap = ws[p].before
    if "," not in gap or _QUOTE_MARK.search(gap) or ws[p - 1].low in CLAUSE_WORDS:
        return False
    obj = next((w for w in ws[v + 1: v + 3] if w.low not in _PARTICLES), None)
    if obj is not None and not obj.before.strip() and obj.low in _OBJECT_START:
        return False
    before = [w for w in ws[sentence_start(ws, p):p] if not w.prot]
    if any(w.low in AUX or is_past(w.low) for w in before):
        return True
    # "The Indian treasure, the curious plan found among his papers, ...": a list
    return bool(before) and before[0].low in DETS and all(
        {"NOUN", "ADJ"} & set(lemmas(w.low)) or w.low in DETS or w.text[:1].isupper()
        for w in before)


_PREPOSITIONS = {"of", "in", "on", "at", "with", "from", "by", "to", "for", "into", "upon",
                 "under", "among", "near", "through", "about", "behind", "across"}


def _verb_follows(ws: list[Word], v: int) -> bool:
    """A participle and its phrase, then the clause's real verb ("connected with him gave").

    The past form must open a prepositional phrase, and the later verb must be
    a clear simple past ("gave", not "amused") or an auxiliary, right after a noun.
    """
    if v + 1 >= len(ws) or ws[v + 1].low not in _PREPOSITIONS or ws[v + 1].before.strip():
        return False
    for q in range(v + 2, min(v + 7, len(ws))):
        w, prev = ws[q], ws[q - 1]
        if w.prot or w.before.strip() or w.low in _CLAUSE_OR_STOP or w.low in PRONOUN_AGR:
            return False
        if (w.low in AUX or is_past(w.low) and not is_vbn(w.low) and w.low not in MODALS) \
                and "NOUN" in lemmas(prev.low) and past_lemma(prev.low) is None \
                and prev.low not in DETS:
            return True
    return False


def keep_past(ws: list[Word], v: int, lexical: bool) -> bool:
    """Pasts that are not narrative tense: counterfactuals and points in time.

    "if she had known", "she wished he had stayed", "as if it could have been",
    "ever since he was twenty": moving these to the present changes the meaning.
    """
    low = ws[v].low.removesuffix("n't")
    nxt = [w.low for w in ws[v + 1: v + 3]]
    if low == "could" and "have" in nxt and all(
            w.low == "not" or is_adverb(w) for w in ws[v + 1: v + 1 + nxt.index("have")]):
        return True  # "could have", "could never have": a counterfactual
    if low in {"could", "had", "were"}:
        cue = {"if", "wish", "wished", "wishes", "wishing", "though", "unless", "whether", "rather"}
        before = ws[sentence_start(ws, v):v]
        plural_were = low == "were" and v > 0 and (ws[v - 1].low in {"they", "we", "you"} or (
            "NOUN" in lemmas(ws[v - 1].low) and plural(ws[v - 1].low)))
        if low == "had" or plural_were:  # "whether she had been there" narrates; "if she had" does not
            cue = cue - {"whether", "though"}  # nor is "though they were sunken" a subjunctive
        if low in {"had", "were"}:
            # only the cue of this clause: "She asked if he would come, and he had"
            last_break = max((k for k, w in enumerate(before) if w.before.strip(" ") in {",", ";", ":"}
                              and k and before[k - 1].low not in cue), default=0)
            before = before[last_break:]
        for k, w in enumerate(before):
            # "as if he had found": in the present, "as if he has found"
            as_if = low == "had" and k and before[k - 1].low == "as" and w.low in {"if", "though"}
            # "asked if she might", "wondered if he had": whether, not a condition
            as_if = as_if or w.low == "if" and k and (lemmas(before[k - 1].low).get("VERB", ("",))[0]
                                                       in {"ask", "wonder", "know", "see", "inquire"})
            if w.low in cue and not as_if:
                return True  # a cue after the verb belongs to a later clause
        if low == "had" and {"rather", "better"} & set(nxt) and not (
                len(nxt) == 2 and is_vbn(nxt[1]) and not base_lemma(nxt[1])):
            return True  # "she had rather stay": would rather (but "had rather hoped")
    subj_start = v - 1
    while subj_start > 0 and not ws[subj_start].clause_start:
        subj_start -= 1
    return (not low == "had" and subj_start > 0
            and ws[subj_start - 1].low == "since")
