"""Words → the subject that starts a clause, with its number, for verb agreement."""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

from adapt.language.lexicon import (
    ADVERBS,
    AUX,
    CLAUSE_WORDS,
    DETS,
    FUNCTION_WORDS,
    INDEFINITE,
    INTRANSITIVE,
    MODALS,
    NOMINATIVE,
    NUMBERS,
    OBJECTS,
    ORDINALS,
    PRONOUN_AGR,
    STOP,
    TITLES,
    is_past,
    is_vbn,
    lemmas,
    past_lemma,
    plural,
)
from adapt.language.words import Word, is_adverb, next_verb

_CLAUSE_MARK = re.compile(r"[;:—–(]")
# Unions of the word lists, made once (not at every word).
_PRONOUNS_AND_DETS = PRONOUN_AGR.keys() | DETS
_NOT_BARE = CLAUSE_WORDS | STOP | OBJECTS | ADVERBS
_OBJECT_START = DETS | {"him", "her", "them", "it", "me", "us", "himself", "herself", "themselves"}
_BEFORE_OBJECT = {"to"} | MODALS | NOMINATIVE
_CLAUSE_OR_STOP = CLAUSE_WORDS | STOP
_COUNTING = NUMBERS | ORDINALS
_OBJECTS_OR_PRONOUNS = OBJECTS | PRONOUN_AGR.keys()


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


KNOWN_NAMES: ContextVar[frozenset[str]] = ContextVar("KNOWN_NAMES", default=frozenset())
"""Words of the cast's names ("Archer", "Price", "Grant"): names even where they are also
common words at the start of a sentence. Set for one passage by ``voice.to_action``."""


def is_name(words: list[Word], p: int) -> bool:
    w = words[p]
    if not w.text[:1].isupper() or w.low.split("'")[0] in _PRONOUNS_AND_DETS:
        return False  # also "She's", "That's": a pronoun and its verb
    if w.low == "i":
        return False
    if w.text.split("'")[0].split("’")[0] in KNOWN_NAMES.get():
        return True
    if not w.sent_start or w.low in TITLES:
        return True
    if not lemmas(w.low) and w.low not in FUNCTION_WORDS:
        return True
    nxt = words[p + 1] if p + 1 < len(words) else None
    if nxt is not None and not nxt.before.strip() and is_past(nxt.low) and nxt.low not in AUX \
            and lemmas(w.low) == {"VERB": (w.low,)} and w.low not in FUNCTION_WORDS:
        return True  # "Peter stood", "Sue went": a bare verb before a past is a name, not an order
    return (nxt is not None and nxt.text[:1].isupper() and not nxt.before.strip()
            and nxt.low.split("'")[0] not in PRONOUN_AGR)


def subject(words: list[Word], p: int) -> Subject | None:
    """The subject starting at ``p``, if a clause's subject can start there."""
    w = words[p]
    if w.low in {"he", "she", "we", "they", "i"}:
        return Subject(p, "pl" if compound(words, p) else PRONOUN_AGR[w.low], "pron")
    if w.low in _RELATIVE:
        rel = _relative(words, p)
        if rel is not None or w.low != "that":
            return rel
    if w.low == "it" and not w.clause_start and _it_subject(words, p):
        return Subject(p, "3sg", "pron")
    if not w.clause_start:
        return None
    if w.low in {"it", "you", "there"}:
        return Subject(p, PRONOUN_AGR[w.low], "there" if w.low == "there" else "pron")
    if w.low in INDEFINITE:
        return Subject(p, "3sg", "pron")
    if w.low.endswith("s") and not lemmas(w.low) and "NOUN" in lemmas(w.low[:-1]) \
            and w.text not in KNOWN_NAMES.get():
        return Subject(p, "pl", "bare")  # "Gossamers glimmered": a plural lemminflect lacks
    if is_name(words, p):
        q = p
        while q + 1 < len(words) and words[q + 1].text[:1].isupper() and words[
                q + 1].low not in PRONOUN_AGR and (
                not words[q + 1].before.strip()
                or (words[q].low in TITLES and words[q + 1].before.strip() == ".")):
            q += 1
        if words[q].low.endswith("'s"):  # "Anne's white face was": a determiner
            nxt = words[q + 1] if q + 1 < len(words) else None
            if nxt is not None and nxt.low in AUX and not nxt.before.strip():
                return Subject(q, "3sg", "name")  # "as Mr. Phillips's had been"
            return _noun_phrase(words, q)
        return Subject(q, "pl" if compound(words, p) else "3sg", "name")
    if w.low in _QUANTIFIERS and _past_follows(words, p) and (
            w.low not in {"these", "those"} or _finite_after_demonstrative(words, p)):
        return Subject(p, _QUANTIFIERS[w.low], "bare")  # "This struck him", "Some came"
    if w.low in DETS or w.low in NUMBERS:  # "the old man", "two constables"
        return _noun_phrase(words, p)
    if ("NOUN" in lemmas(w.low) and "VERB" not in lemmas(w.low)
            and w.low not in _NOT_BARE):
        return Subject(p, "pl" if plural(w.low) else "3sg", "bare")
    if _bare_noun(w) and opens_sentence(words, p) and _past_follows(words, p):
        return Subject(p, "pl" if plural(w.low) else "3sg", "bare")  # "Tears streamed"
    nxt = words[p + 1] if p + 1 < len(words) else None
    if nxt is not None and not nxt.before.strip() and not nxt.prot and "ADJ" in lemmas(w.low) \
            and opens_sentence(words, p) \
            and "VERB" not in lemmas(w.low) and w.low not in _CLOSED_WORDS and _bare_noun(nxt) \
            and _past_follows(words, p + 1):
        return Subject(p + 1, "pl" if plural(nxt.low) else "3sg", "bare")  # "Strange dogs sauntered"
    return None


def _bare_noun(w: Word) -> bool:
    pos = lemmas(w.low)
    return "NOUN" in pos and not {"ADV", "ADJ"} & set(pos) and w.low not in _CLOSED_WORDS \
        and not w.low.endswith("ing") and not is_past(w.low) and w.low not in AUX and w.low not in MODALS


def opens_sentence(words: list[Word], p: int) -> bool:
    """A bare noun phrase at ``p`` can head its clause: not "a rope and pulley passed
    through" (a noun phrase going on after a bare "and"), nor a preposition's or a
    verb's object."""
    if words[p].sent_start or _CLAUSE_MARK.search(words[p].before):
        return True
    prev = words[p - 1]
    if "," in words[p].before:
        return True
    if prev.low in {"and", "or", "nor"}:
        # "flushes scarlet and embarrassment sat" opens a clause; "rope and pulley" is one noun phrase
        return bool(prev.before.strip()) or p < 2 or "NOUN" not in lemmas(words[p - 2].low) \
            or words[p - 2].low in OBJECTS or bool(past_lemma(words[p - 2].low) or is_past(words[p - 2].low))
    pos = lemmas(prev.low)
    return prev.low not in _AFTER_OBJECT and not ("VERB" in pos and "NOUN" not in pos
                                                  and prev.low not in CLAUSE_WORDS)


_QUANTIFIERS = {"this": "3sg", "neither": "3sg", "either": "3sg", "each": "3sg",
                "another": "3sg", "one": "3sg", "some": "pl", "few": "pl", "many": "pl",
                "several": "pl", "both": "pl", "others": "pl", "these": "pl", "those": "pl"}
_CLOSED_WORDS = CLAUSE_WORDS | STOP | OBJECTS | ADVERBS | FUNCTION_WORDS | DETS


def _finite_after_demonstrative(words: list[Word], p: int) -> bool:
    """'These came ploughing', 'These shared her heart', 'These seemed to', unlike 'These
    scattered fragments', 'those closely connected with', 'Those privileged to enter': a
    form that can be a participle is the verb only before an object or if intransitive."""
    v = next_verb(words, p)
    if v is None or not is_vbn(words[v].low) or INTRANSITIVE & set(lemmas(words[v].low).get("VERB", ())):
        return v is not None
    nxt = words[v + 1] if v + 1 < len(words) else None
    return nxt is not None and not nxt.before.strip() and not nxt.prot and (
        nxt.low in _OBJECT_START)


def _past_follows(words: list[Word], p: int) -> bool:
    """The word after ``p`` (adverbs between) is a clear simple past, not an auxiliary."""
    v = next_verb(words, p)
    return v is not None and words[v].low not in AUX and is_past(words[v].low) \
        and words[v].low not in MODALS


_AFTER_OBJECT = {"of", "in", "on", "at", "with", "from", "near", "under", "behind", "beside", "by",
                 "to", "for", "into", "upon", "about", "through", "over", "round", "around",
                 "against", "without", "within", "towards", "toward", "like", "than", "off",
                 "onto", "after", "before", "across", "along", "among", "between", "beyond"}


def _it_subject(words: list[Word], p: int) -> bool:
    """'the form it took', 'Sure enough it ended', 'what it meant': "it" inside a
    clause is the subject of a clear past that follows, unless the word before makes
    it an object ("see it packed", "of it conveyed", "with it came")."""
    prev, w = words[p - 1], words[p]
    if prev.prot or w.before.strip(" -") or prev.low in _AFTER_OBJECT or prev.low in AUX:
        return False
    v = next_verb(words, p)
    if v is None or words[v].low in AUX or not is_past(words[v].low):
        return False
    if v + 1 < len(words) and words[v + 1].low == "by":
        return False  # "it conveyed by her manner": a participle
    pos = lemmas(prev.low)
    if prev.low in {"what", "whatever", "wherever", "ere", "whence", "once", "enough", "last",
                    "little", "too", "indeed", "now"} or prev.low in CLAUSE_WORDS:
        return True
    if "VERB" in pos and ("NOUN" not in pos or prev.low.endswith("ing") or p >= 2 and (
            words[p - 2].low in _BEFORE_OBJECT or words[p - 2].low in AUX)):
        return False  # a verb and its object: "to see it packed", "have it rolled"
    return "NOUN" in pos or prev.text[:1].isupper() or is_adverb(prev)


_PREPOSITIONS = {"of", "in", "on", "at", "with", "from", "near", "under", "behind", "beside",
                 "upon", "without", "beyond", "inside", "outside", "across", "above", "below"}


def _noun_phrase(words: list[Word], p: int) -> Subject | None:
    """'the old man', 'the man in the grey coat': a subject noun phrase and its number.

    Only when a past form or an auxiliary follows a noun (adverbs may come
    between: "the window instantly slammed").  The number is the head noun's,
    before any prepositional phrase ("the box of matches was").
    """
    agr = {"these": "pl", "those": "pl", "a": "3sg", "an": "3sg", "this": "3sg",
           "every": "3sg", "each": "3sg"}.get(words[p].low) or (
        "pl" if words[p].low in NUMBERS else None)
    head, q, limit = None, p + 1, p + 5
    while q < len(words) and q <= limit and not words[q].prot:
        w, prev = words[q], words[q - 1]
        if w.before.strip() not in {"", "-"} or w.low in _CLAUSE_OR_STOP:
            return None
        nounish = q > p + 1 and ("NOUN" in lemmas(prev.low) or not lemmas(prev.low) and prev.text.islower()
                                 or (head is not None or not prev.sent_start) and (
            prev.text[:1].isupper() and prev.low not in DETS))  # "the Marquis sprang"
        if nounish:
            r = q
            while r < len(words) - 1 and is_adverb(words[r]) and not words[r + 1].before.strip():
                r += 1
            if words[r].low in AUX or past_lemma(words[r].low):
                last = words[head if head is not None else q - 1]
                named = _named(words, r) if words[r].low in _NAMING else None
                return Subject(q - 1 if named is None else named, agr or ("pl" if plural(last.low) or _family(last) else "3sg"), "np")
            if head is None and (w.low in _PREPOSITIONS or w.low == "to" and _to_place(words, q)):
                head, limit = q - 1, q + 4
                q += 2 if q + 1 < len(words) and words[q + 1].low in DETS else 1
                continue
        if not ({"NOUN", "ADJ"} & set(lemmas(w.low)) or w.low.endswith("'s")
                or w.low in _COUNTING or (head is not None or not lemmas(w.low)) and w.text[:1].isupper()
                or not lemmas(w.low) and w.text.islower()):  # "the ferryman": a noun lemminflect lacks
            return None
        q += 1
    return None


_NAMING = {"called", "named", "nicknamed", "christened", "dubbed"}


def _named(words: list[Word], r: int) -> int | None:
    """'a retired schoolteacher called Edith Lowe, was': "called" and the name are part of the
    noun phrase when a verb follows them; the index of the name's last word, else None."""
    q = r + 1
    while q < len(words) and words[q].text[:1].isupper() and not words[q].prot:
        q += 1
    if q == r + 1 or q >= len(words):
        return None
    return q - 1 if words[q].low in AUX or is_past(words[q].low) else None


def _to_place(words: list[Word], q: int) -> bool:
    """'The road to the lighthouse climbed', 'the way to town ran': "to" before a noun phrase
    is a preposition ("the man to see" is an infinitive)."""
    if q + 1 >= len(words):
        return False
    nxt = words[q + 1]
    pos = lemmas(nxt.low)
    return nxt.low in DETS or (nxt.text[:1].isupper() or "NOUN" in pos) and "VERB" not in pos


def _family(w: Word) -> bool:
    """'the Hamiltons', 'the Miss Bertrams', 'the Wilcoxes': a name in the plural ("the
    Thames" is not)."""
    low = w.low
    return w.text[:1].isupper() and not lemmas(low) and low.endswith("s") \
        and not low.endswith(("ss", "us", "is")) \
        and (not low.endswith("es") or low.endswith(("xes", "ses", "ches", "shes", "zes")))


_RELATIVE = {"who", "which", "that", "what"}
OPENERS = frozenset({"he", "she", "we", "they", "i", "it"} | _RELATIVE)
"""The words where ``subject`` may find a subject though no clause starts there: at any
other word it finds one only where a clause starts (the rewrite's loop asks no more)."""
_PLURAL_WORDS = {"those", "these", "they", "them", "we", "us", "you", "both", "many",
                 "few", "others", "several", "two", "three", "four", "five", "six", "seven",
                 "eight", "nine", "ten", "twelve", "twenty", "hundred", "thousand"}


def _relative(words: list[Word], p: int) -> Subject | None:
    """'the fowls, who shifted', 'a face which gave', 'what happened': a relative subject.

    Only before a verb that cannot be anything else (an auxiliary or a clear
    past), and agreeing with the word before it, the antecedent.
    """
    q = next_verb(words, p)
    if q is None:
        return None
    low = words[q].low.removesuffix("n't")
    if not (low in AUX or is_past(low)):
        return None
    after = words[q + 1: q + 3]
    if len(after) == 2 and not after[0].before.strip() and not after[1].before.strip() and (
            after[1].low in AUX and "NOUN" in lemmas(after[0].low)
            and after[0].text.islower() and after[0].low not in _OBJECTS_OR_PRONOUNS):
        return None  # "with which said tree was": the past form is an adjective
    prev = words[p - 1] if p and words[p].low != "what" else None
    if prev is not None and (prev.prot or prev.low in {"i", "me"}):
        return None
    # After a verb "that" is a conjunction or a determiner ("exalted that infatuated youth").
    verbal = prev is None or prev.low in AUX or (
        past_lemma(prev.low) is not None and "NOUN" not in lemmas(prev.low))
    if words[p].low == "that" and (
            "NOUN" in lemmas(low) or verbal and low not in AUX
            or low in {"had", "were", "did"} and not (after and is_vbn(after[0].low))):
        return None  # "that fell beast", "exalted that infatuated youth", "that had she"
    if prev is None:
        return Subject(p, "3sg", "rel")
    if prev.low in _PLURAL_WORDS or "NOUN" in lemmas(prev.low) and plural(prev.low) or (
            prev.low == "all" and words[p].low == "who") or (  # but "all that was"
            p > 2 and words[p - 2].low == "and" and prev.text[:1].isupper()
            and words[p - 3].text[:1].isupper()):  # "Jane and Elizabeth, who"
        return Subject(p, "pl", "rel")
    return Subject(p, "3sg", "rel")
