"""Narration → screenplay action: third person, present tense, short paragraphs.

Everything here is a heuristic without a POS tagger: lemminflect supplies the
word forms, and a few positional rules decide what is a subject and what is its
finite verb.  Each rule is conservative, because a wrong change reads worse in a
screenplay than a missed one.  Quoted material is never touched.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cache

from lemminflect import getAllInflections, getAllLemmas, getInflection

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\s+|\.(?:\s?\.){2}|.", re.S)
_WORDLIKE = re.compile(r"[^\W\d_]")
_ELLIPSIS = re.compile(r"\.(?:\s?\.){2}")
_ELISIONS = ("em", "tis", "twas", "cause", "til", "n", "round", "bout")
_TITLES = {"mr", "mrs", "ms", "dr", "st", "miss", "sir", "lady", "lord", "captain",
           "colonel", "major", "aunt", "uncle", "madame", "mme", "prof", "rev", "capt"}
_ABBREV = _TITLES | {"jr", "sr", "col", "gen", "lt", "sgt", "hon", "mt", "vs", "no",
                     "e.g", "i.e", "etc", "cf", "viz", "inc", "co", "ft", "ave"}
_ADVERBS = {"never", "always", "just", "still", "also", "even", "often", "then", "now",
            "soon", "already", "almost", "sometimes", "once", "quite", "rather", "too",
            "really", "ever", "only", "again", "all", "both", "instead", "nearly", "most",
            "first", "thus", "scarce", "hardly", "merely", "barely", "presently"}
_CLAUSE_WORDS = {"and", "but", "or", "so", "yet", "nor", "when", "while", "as", "because",
                 "how", "why", "whether",
                 "though", "although", "if", "until", "till", "before", "after", "since",
                 "where", "whereupon", "that", "unless", "whilst", "whenever", "then"}
_STOP = _CLAUSE_WORDS - {"and", "but", "or", "then", "nor", "yet"} | {
    "who", "which", "whom", "whose", "what", "i", "he", "she", "we", "they"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my",
         "our", "its", "your", "every", "each", "no"}
_INDEFINITE = {"everyone", "everybody", "someone", "somebody", "nobody", "anyone",
               "anybody", "everything", "something", "nothing"}
# Function words lemminflect does not list: an unknown capitalised word that
# starts a sentence is a name unless it is one of these.
_FUNCTION_WORDS = {"the", "a", "an", "of", "and", "but", "at", "with", "from", "for",
                   "into", "during", "upon", "among", "against", "toward", "towards",
                   "nor", "if", "than", "because", "although", "every", "three", "four",
                   "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                   "twenty", "thirty", "forty", "fifty", "hundred", "thousand"}
_PLURAL_NOUNS = {"people", "police", "cattle", "folk", "gentry", "children"}
_OBJECTS = _DETS | {"me", "him", "them", "us", "it", "you", "her", "himself", "herself",
                    "themselves", "myself", "up", "down", "out", "back", "away", "off",
                    "in", "on", "at", "to", "into", "onto", "over", "through", "from",
                    "with", "for", "around", "across", "toward", "towards", "behind"}
_MODALS = {"can", "could", "will", "would", "shall", "should", "may", "might", "must",
           "cannot", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't",
           "needn't", "ought"}
_LINKING = {"be", "seem", "appear", "look", "become", "grow", "remain", "feel", "sound",
            "get", "turn", "stay", "prove", "go"}
# (lemma, tense, negative) for the auxiliaries whose form carries agreement.
_AUX = {"am": ("be", "present"), "is": ("be", "present"), "are": ("be", "present"),
        "was": ("be", "past"), "were": ("be", "past"), "has": ("have", "present"),
        "have": ("have", "present"), "had": ("have", "past"), "does": ("do", "present"),
        "do": ("do", "present"), "did": ("do", "past")}
_NARRATOR_FORMS = {
    "she": {"i": "she", "me": "her", "my": "her", "mine": "hers", "myself": "herself"},
    "he": {"i": "he", "me": "him", "my": "his", "mine": "his", "myself": "himself"},
    "they": {"i": "they", "me": "them", "my": "their", "mine": "theirs",
             "myself": "themselves"},
}
_SAME_PRONOUNS = {"she": {"she", "her", "hers", "herself"},
                  "he": {"he", "him", "his", "himself"},
                  "they": {"they", "them", "their", "theirs", "themselves"}}


# ---------------------------------------------------------------- quotations
def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1: i + 6].lower()
    return ((before.isspace() or before in "([{—–-\"“") and bool(after[:1])
            and after[0].isalpha() and not after.startswith(_ELISIONS))


def _closes_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not text[i - 1].isspace() and not after.isalnum()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted material, quote marks included.

    An unclosed double quote runs to the end (a speech spanning paragraphs); an
    unclosed single quote is taken for an apostrophe and protects nothing.
    """
    spans: list[tuple[int, int]] = []
    start, closer = -1, ""
    for i, ch in enumerate(text):
        if start < 0:
            if ch in "\"“":
                start, closer = i, "”" if ch == "“" else '"'
            elif ch in "'‘" and _opens_single(text, i):
                start, closer = i, "’" if ch == "‘" else "'"
        elif ch == closer and (closer in "\"”" or _closes_single(text, i)):
            spans.append((start, i + 1))
            start = -1
    if start >= 0 and closer in "\"”":
        spans.append((start, len(text)))
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# ---------------------------------------------------------------- words
@dataclass(slots=True)
class _Word:
    """One word token with the context the rules look at."""

    k: int  # index into the token list
    text: str
    low: str  # lower case, straight apostrophe
    prot: bool  # inside quoted material
    before: str  # the non-word tokens since the previous word
    sent_start: bool
    clause_start: bool
    sent: int  # sentence number within the passage


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _words(tokens: list[str], spans: list[tuple[int, int]]) -> list[_Word]:
    words: list[_Word] = []
    pos, gap, prot_gap = 0, "", False
    for k, tok in enumerate(tokens):
        if _WORDLIKE.match(tok):
            prot = _in_spans(pos, spans)
            prev = words[-1] if words else None
            ended = bool(re.search(r"[.!?]", _ELLIPSIS.sub("", gap))) and not (
                prev is not None and prev.low in _ABBREV and gap.strip().startswith("."))
            sent = prev is None or ended
            clause = (sent or prot_gap or bool(re.search(r"[,;:—–(]", gap))
                      or (prev is not None and prev.low in _CLAUSE_WORDS)
                      or (prev is not None and prev.clause_start and not gap.strip()
                          and _is_adverb(prev)))  # "Surely it was"
            n_sent = (prev.sent if prev else 0) + (sent and prev is not None)
            words.append(_Word(k, tok, tok.lower().replace("’", "'"), prot, gap, sent,
                               clause, n_sent))
            gap, prot_gap = "", False
        else:
            gap += tok
            prot_gap = prot_gap or _in_spans(pos, spans)
        pos += len(tok)
    return words


@cache
def _lemmas(low: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(low))


@cache
def _past_lemma(low: str) -> str | None:
    """The verb whose simple past (VBD) is ``low``, if any."""
    for lemma in _lemmas(low).get("VERB", ()):
        if low in getAllInflections(lemma, "VERB").get("VBD", ()):
            return lemma
    return None


def _base_lemma(low: str) -> str | None:
    return low if low in _lemmas(low).get("VERB", ()) else None


@cache
def _present_lemma(low: str) -> str | None:
    """The verb of which ``low`` is a present form (VB/VBP/VBZ), if any."""
    for lemma in _lemmas(low).get("VERB", ()):
        if low == lemma or low in getAllInflections(lemma, "VERB").get("VBZ", ()):
            return lemma
    return None


@cache
def _participle(low: str) -> bool:
    """A past or past-participle form ("walked", "broken", "sat")."""
    return any(low in forms for lemma in _lemmas(low).get("VERB", ())
               for tag, forms in getAllInflections(lemma, "VERB").items()
               if tag in {"VBD", "VBN"})


def _is_past(low: str) -> bool:
    """A finite past form, unambiguously ("put" could be either)."""
    stem = low.removesuffix("n't")
    if stem in _AUX:
        return _AUX[stem][1] == "past"
    return stem in {"could"} or (_past_lemma(low) is not None and _base_lemma(low) is None)


def _is_adverb(w: _Word) -> bool:
    pos = _lemmas(w.low)
    return w.low in _ADVERBS or (w.low.endswith("ly") and "ADV" in pos)


def _next_verb(words: list[_Word], p: int) -> int | None:
    """Index of the first non-adverb word after ``p`` with only spaces between."""
    q = p + 1
    while q < len(words) and not words[q].prot and not words[q].before.strip():
        if not _is_adverb(words[q]):
            return q
        q += 1
    return None


def _match_case(orig: str, new: str) -> str:
    if orig[:1].isupper() and not new[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _apos(orig: str) -> str:
    return "’" if "’" in orig else "'"


# ---------------------------------------------------------------- conjugation
def _present(lemma: str, agr: str) -> str:
    if lemma == "be":
        return {"1sg": "am", "3sg": "is"}.get(agr, "are")
    if agr != "3sg":
        return lemma
    return {"have": "has", "do": "does"}.get(lemma) or getInflection(lemma, "VBZ")[0]


def _agree(word: _Word, agr: str, to_present: bool) -> str | None:
    """The finite verb ``word`` re-formed for ``agr``; None when it must not change."""
    low, orig = word.low, word.text
    neg = low.endswith("n't")
    stem = low[:-3] if neg else low
    if neg and stem in {"is", "are", "was", "were", "has", "have", "had", "does", "do",
                        "did"}:
        lemma, tense = _AUX[stem]
    elif neg or low in _MODALS:
        if to_present and low in {"could", "couldn't"}:
            return "can't" if neg else "can"
        return None
    elif low in _AUX:
        lemma, tense = _AUX[low]
    elif (past := _past_lemma(low)) and to_present:
        lemma, tense = past, "past"
    elif (pres := _present_lemma(low)) is not None:
        lemma, tense = pres, "present"
    else:
        return None
    if lemma == "be" and stem == "were" and agr != "pl":
        return None  # "if she were": a subjunctive, not a tense
    if to_present or tense == "present":
        new = _present(lemma, agr)
    elif lemma == "be":
        new = "were" if agr == "pl" else "was"
    else:
        return None
    if neg:
        if new == "am":
            return None
        new = new + "n" + _apos(orig) + "t" if new != "can" else "can't"
    return new


def _set(out: dict[int, str], word: _Word, new: str | None) -> bool:
    if new is None:
        return False
    out[word.k] = _match_case(word.text, new)
    return True


# ---------------------------------------------------------------- subjects
@dataclass(frozen=True, slots=True)
class _Subject:
    last: int  # index of the subject's last word
    agr: str  # "1sg", "3sg" or "pl"
    kind: str  # "pron", "name", "np", "bare", "there"


def _plural(low: str) -> bool:
    return low in _PLURAL_NOUNS or any(
        lemma != low and low in getAllInflections(lemma, "NOUN").get("NNS", ())
        for lemma in _lemmas(low).get("NOUN", ()))


def _compound(words: list[_Word], p: int) -> bool:
    """'Holmes and I', 'Mr. and Mrs. Gardiner', 'Jones, Holmes, and I': plural subjects.

    The first conjunct must be a run of names or subject pronouns that itself starts
    a clause, so "She met Holmes, and I left" stays singular.
    """
    if p < 2 or words[p - 1].low != "and" or words[p].before.strip():
        return False
    gap = words[p - 1].before.strip()
    if gap not in {"", ","} and not (gap == "." and words[p - 2].low in _TITLES):
        return False
    q, start = p - 2, None
    while q >= 0:
        w = words[q]
        if not (w.text[:1].isupper() or w.low in _NOMINATIVE):
            break
        if words[q + 1].before.strip() not in {"", ".", ","}:
            break
        start = q
        if w.sent_start:
            break
        q -= 1
    return start is not None and words[start].clause_start


def _is_name(words: list[_Word], p: int) -> bool:
    w = words[p]
    if not w.text[:1].isupper() or w.low in _PRONOUN_AGR or w.low in _DETS:
        return False
    if w.low == "i":
        return False
    if not w.sent_start or w.low in _TITLES:
        return True
    if not _lemmas(w.low) and w.low not in _FUNCTION_WORDS:
        return True
    nxt = words[p + 1] if p + 1 < len(words) else None
    return (nxt is not None and nxt.text[:1].isupper() and not nxt.before.strip()
            and nxt.low not in _PRONOUN_AGR)


_NUMBERED = {"chapter", "part", "book", "volume", "vol", "act", "scene", "section",
             "canto", "letter", "stave"}
_NOMINATIVE = {"i", "he", "she", "we", "they", "you"}
_PRONOUN_AGR = {"i": "1sg", "he": "3sg", "she": "3sg", "it": "3sg", "we": "pl",
                "they": "pl", "you": "pl", "there": "there"}


def _subject(words: list[_Word], p: int) -> _Subject | None:
    w = words[p]
    if w.low in {"he", "she", "we", "they", "i"}:
        return _Subject(p, "pl" if _compound(words, p) else _PRONOUN_AGR[w.low], "pron")
    if not w.clause_start:
        return None
    if w.low in {"it", "you", "there"}:
        return _Subject(p, _PRONOUN_AGR[w.low], "there" if w.low == "there" else "pron")
    if w.low in _INDEFINITE:
        return _Subject(p, "3sg", "pron")
    if _is_name(words, p):
        q = p
        while q + 1 < len(words) and words[q + 1].text[:1].isupper() and words[
                q + 1].low not in _PRONOUN_AGR and (
                not words[q + 1].before.strip()
                or (words[q].low in _TITLES and words[q + 1].before.strip() == ".")):
            q += 1
        return _Subject(q, "pl" if _compound(words, p) else "3sg", "name")
    if w.low in _DETS:
        return _noun_phrase(words, p)
    if ("NOUN" in _lemmas(w.low) and "VERB" not in _lemmas(w.low)
            and w.low not in _CLAUSE_WORDS | _STOP | _OBJECTS | _ADVERBS):
        return _Subject(p, "pl" if _plural(w.low) else "3sg", "bare")
    return None


def _noun_phrase(words: list[_Word], p: int) -> _Subject | None:
    """'the old man' → its last word, if a past-tense verb follows the head noun."""
    agr = {"these": "pl", "those": "pl", "a": "3sg", "an": "3sg", "this": "3sg",
           "every": "3sg", "each": "3sg"}.get(words[p].low)
    q = p + 1
    while q < len(words) and q <= p + 5 and not words[q].prot:
        w = words[q]
        if w.before.strip() not in {"", "-"} or w.low in _CLAUSE_WORDS | _STOP:
            return None
        prev = words[q - 1]
        if q > p + 1 and "NOUN" in _lemmas(prev.low) and (
                w.low in _AUX or _past_lemma(w.low)):
            return _Subject(q - 1, agr or ("pl" if _plural(prev.low) else "3sg"), "np")
        if not ({"NOUN", "ADJ"} & set(_lemmas(w.low)) or w.low.endswith("'s")):
            return None
        q += 1
    return None


# ---------------------------------------------------------------- clauses
def _coordinated(words: list[_Word], v: int, agr: str, to_present: bool,
                 out: dict[int, str]) -> None:
    """'walked to the door and opened it': carry the change to coordinated verbs."""
    main = _past_lemma(words[v].low) if to_present else _base_lemma(words[v].low)
    q = v + 1
    while q < len(words):
        w = words[q]
        if w.prot or re.search(r"[.!?;:]", w.before) or w.low in _STOP or (
                w.low in {"it", "you"} and w.clause_start):
            return
        if w.low == "to" and q + 1 < len(words) and (
                "VERB" in _lemmas(words[q + 1].low)
                and words[q + 1].low not in _OBJECTS):
            return  # "want to go and see": the "see" belongs to the infinitive
        if w.low in {"and", "or", "then", "nor", "but"}:
            c = _next_verb(words, q)
            if c is not None and _coordinate_ok(words, q, c, v, main, to_present):
                _set(out, words[c], _agree(words[c], agr, to_present))
                v, q = c, c + 1
                continue
        if _participle(w.low):
            return  # "a bottle filled with ink and labeled": the "and" may be the participle's
        q += 1


def _coordinate_ok(words: list[_Word], q: int, c: int, v: int, main: str | None,
                   to_present: bool) -> bool:
    cand, prev = words[c], words[q - 1]
    cpos, ppos = _lemmas(cand.low), _lemmas(prev.low)
    if to_present and cand.low.removesuffix("n't") in {"was", "were", "had", "did"}:
        return True  # "wondered at it, and was sure": same subject, same tense shift
    if cand.low in _AUX or cand.low in _MODALS:
        return False
    # "tired and worried", "cold and bored": adjectives, not a second verb.
    if q - 1 != v and ("ADJ" in ppos or _past_lemma(prev.low)) and "ADJ" in cpos:
        return False
    if main in _LINKING and "ADJ" in cpos:
        return False
    if q - 1 != v and _past_lemma(prev.low) and not set(ppos) - {"VERB", "ADJ"}:
        return False
    nxt = words[c + 1] if c + 1 < len(words) else None
    follows = nxt is not None and not nxt.before.strip() and (
        nxt.low in _OBJECTS or _is_adverb(nxt))
    form = _past_lemma(cand.low) if to_present else _base_lemma(cand.low)
    return form is not None and ("NOUN" not in cpos or follows)


def _tense_clause(words: list[_Word], p: int, out: dict[int, str]) -> int:
    """Put the clause whose subject starts at ``p`` into the present; returns its end."""
    subj = _subject(words, p)
    if subj is None:
        return p
    v = _next_verb(words, subj.last)
    if v is None:
        return subj.last
    verb = words[v]
    if subj.kind == "there":
        new = {"was": "is", "were": "are", "wasn't": "isn't", "weren't": "aren't"}
        _set(out, verb, new.get(verb.low))
        return v
    lexical = verb.low not in _AUX and verb.low not in _MODALS and not verb.low.endswith(
        "n't") and _past_lemma(verb.low) is not None
    # "she put": with a singular subject the bare form can only be the past.
    if not (_is_past(verb.low) or lexical and subj.agr == "3sg"):
        return v
    agr = subj.agr
    if subj.kind in {"np", "bare"} and verb.low.removesuffix("n't") in {"was", "were"}:
        # The verb knows the number better than the noun ("the news was").
        agr = "3sg" if verb.low.startswith("was") else "pl" if agr == "pl" else ""
    if not agr or _keep_past(words, v, lexical) or subj.kind == "bare" and lexical:
        return v
    if subj.kind == "np" and lexical:
        nxt = _next_verb(words, v)  # "the people assembled were": a participle
        if nxt is not None and (words[nxt].low in _AUX or words[nxt].low in _MODALS):
            return v
        if nxt is None and "NOUN" in _lemmas(verb.low):
            return v  # "after a little thought.": a noun phrase, no verb
    if _set(out, verb, _agree(verb, agr, True)) and lexical:
        _coordinated(words, v, agr, True, out)
    return v


def _keep_past(words: list[_Word], v: int, lexical: bool) -> bool:
    """Pasts that are not narrative tense: counterfactuals and points in time.

    "if she had known", "she wished he had stayed", "as if it could have been",
    "ever since he was twenty": moving these to the present changes the meaning.
    """
    low = words[v].low.removesuffix("n't")
    nxt = [w.low for w in words[v + 1: v + 3]]
    if low == "could" and (nxt[:1] == ["have"] or nxt == ["not", "have"]):
        return True
    if low in {"could", "had", "were"}:
        cue = {"if", "wish", "wished", "wishes", "though", "unless", "whether", "rather"}
        if any(w.low in cue for w in words if w.sent == words[v].sent):
            return True
    subj_start = v - 1
    while subj_start > 0 and not words[subj_start].clause_start:
        subj_start -= 1
    return (not low == "had" and subj_start > 0
            and words[subj_start - 1].low == "since")


# ---------------------------------------------------------------- narrator
@dataclass(slots=True)
class _Narrator:
    """First person → third: the name at first mention or when a pronoun is ambiguous."""

    name: str
    pronoun: str
    named: bool = False
    ambiguous: bool = False  # another referent took the pronoun since last mention
    other_sent: int = -9  # sentence where another referent last took the pronoun
    last_sent: int = -9  # sentence of the narrator's last mention

    def other(self, sent: int) -> None:
        self.ambiguous, self.other_sent = True, sent

    def _use_name(self, low: str, sent: int) -> bool:
        recent = self.other_sent >= sent - 1 and self.last_sent != sent
        return low != "myself" and (not self.named or self.ambiguous or recent)

    def agr(self, sent: int) -> str:
        """The agreement the next "I" will take, without using it up."""
        return "pl" if self.pronoun == "they" and not self._use_name("i", sent) else "3sg"

    def refer(self, low: str, sent: int, force: bool = False) -> tuple[str, str]:
        """Replacement for a first-person word and the agreement it takes."""
        forms = _NARRATOR_FORMS[self.pronoun]
        use_name = force or self._use_name(low, sent)
        self.named, self.ambiguous, self.last_sent = True, False, sent
        if use_name:
            text = self.name + "'s" if low in {"my", "mine"} else self.name
            return text, "3sg"
        return forms[low], "pl" if self.pronoun == "they" else "3sg"


def _narrator_word(words: list[_Word], p: int, nar: _Narrator, to_present: bool,
                   out: dict[int, str]) -> int:
    w = words[p]
    low = w.low
    if "'" in low:  # I'm, I've, I'll, I'd
        ref, agr = nar.refer("i", w.sent)
        tail = low.split("'")[1]
        named = agr == "3sg" and ref not in {"she", "he"}
        if tail in {"m", "ve"}:
            new = (ref + " " + _present("have" if tail == "ve" else "be", agr) if named
                   else ref + _apos(w.text) + ("s" if agr == "3sg" else
                                               "re" if tail == "m" else "ve"))
        elif named:
            nxt = _next_verb(words, p)
            had = nxt is not None and _past_lemma(words[nxt].low) is None and bool(
                _lemmas(words[nxt].low).get("VERB")) and _base_lemma(words[nxt].low) is None
            new = ref + " " + ("will" if tail == "ll" else "had" if had else "would")
        else:
            new = ref + _apos(w.text) + tail
        out[w.k] = new if named else _match_case("X" if w.sent_start else "x", new)
        return p
    compound = low == "i" and _compound(words, p)  # "Holmes and Watson", not "and he"
    ref, agr = nar.refer(low, w.sent, compound)
    out[w.k] = ref if ref[:1].isupper() else _match_case(
        "X" if (w.sent_start if low == "i" else w.text[:1].isupper()) else "x", ref)
    if low != "i":
        return p
    if compound:
        agr = "pl"
    v = _next_verb(words, p)
    if v is None:
        return p
    verb = words[v]
    lexical = verb.low not in _AUX and verb.low not in _MODALS and "'" not in verb.low
    past = lexical and _is_past(verb.low)
    if to_present and _keep_past(words, v, lexical):
        return v
    if past and not to_present:
        return v
    if _set(out, verb, _agree(verb, agr, to_present)) and lexical:
        _coordinated(words, v, agr, to_present and past, out)
    return v


def _inverted(words: list[_Word], p: int, nar: _Narrator | None,
              out: dict[int, str]) -> None:
    """'said he,' / 'said Holmes.' / 'said I': a past verb before its subject."""
    w = words[p]
    if not w.clause_start or not _is_past(w.low) or w.low in _AUX or "'" in w.low:
        return
    q = p + 1
    if q >= len(words) or words[q].before.strip() or words[q].prot:
        return
    if words[q].low in _NOMINATIVE:
        agr = nar.agr(words[q].sent) if nar and words[q].low == "i" else _PRONOUN_AGR[
            words[q].low]
    elif words[q].text[:1].isupper() and words[q].low not in _DETS:
        while q + 1 < len(words) and words[q + 1].text[:1].isupper() and (
                not words[q + 1].before.strip()
                or (words[q].low in _TITLES and words[q + 1].before.strip() == ".")):
            q += 1
        agr = "3sg"
    else:
        return
    if q + 1 == len(words) or re.search(r"[,.;:!?—–]", words[q + 1].before):
        _set(out, w, _agree(w, agr, True))


# ---------------------------------------------------------------- public API
def detect_tense(text: str) -> str | None:
    """'past' or 'present' by counting finite verbs after subject pronouns and names.

    None when undecided.  Callers adapting a whole book should detect once on a
    long stretch and pass ``tense=`` so every passage is treated alike.
    """
    words = _words(_tokens(text), quoted_spans(text))
    past = present = 0
    for p, w in enumerate(words):
        if w.prot or w.low not in _PRONOUN_AGR and not (
                w.clause_start and _is_name(words, p)):
            continue
        subj = _subject(words, p)
        v = _next_verb(words, subj.last) if subj else None
        if v is None:
            continue
        low = words[v].low.removesuffix("n't")
        if low in _AUX:
            past += _AUX[low][1] == "past"
            present += _AUX[low][1] == "present"
        elif _past_lemma(low) and _base_lemma(low) is None:
            past += 1
        elif low not in _MODALS and "VERB" in _lemmas(low) and _past_lemma(low) is None:
            present += 1
    return "past" if past > present else "present" if present > past else None


def to_action(text: str, *, narrator: str | None, pronoun: str = "they",
              tense: str | None = None) -> str:
    """One narration passage → screenplay action (third person, present tense).

    ``narrator`` names a first-person narrator; the first reference in the passage
    (and any that would be ambiguous after another character's same pronoun) uses
    the name, later ones ``pronoun``.  "we/us/our" are left alone: the narrator's
    group has no single name.  ``tense`` forces "past" or "present"; None detects.
    """
    if tense not in (None, "past", "present"):
        raise ValueError(f"tense must be 'past', 'present' or None, not {tense!r}")
    if pronoun not in _NARRATOR_FORMS:
        raise ValueError(f"pronoun must be one of {sorted(_NARRATOR_FORMS)}")
    tokens = _tokens(text)
    words = _words(tokens, quoted_spans(text))
    to_present = tense == "past" or (tense is None and detect_tense(text) == "past")
    nar = _Narrator(narrator, pronoun) if narrator else None
    out: dict[int, str] = {}
    p = 0
    while p < len(words):
        w = words[p]
        if w.prot or words[p].k in out:
            p += 1
            continue
        if to_present:
            _inverted(words, p, nar, out)
        if w.low == "i" and p and words[p - 1].low in _NUMBERED:
            p += 1  # "Chapter I" is a numeral
            continue
        if nar is not None and w.low in set(_NARRATOR_FORMS["she"]) | {
                "i'm", "i've", "i'll", "i'd"}:
            _narrator_word(words, p, nar, to_present, out)
            if w.low == "my" and to_present:  # "my mind had" → "his mind has"
                _tense_clause(words, p, out)
            p += 1
            continue
        if nar is not None and w.low.split("'")[0] in _SAME_PRONOUNS[pronoun]:
            nar.other(w.sent)
        if to_present:
            _tense_clause(words, p, out)
        p += 1
    return "".join(out.get(k, tok) for k, tok in enumerate(tokens))


# ---------------------------------------------------------------- sentences
_BOUNDARY = re.compile(r"(\.(?:\s?\.){2,}|[.!?]+)([\"”’')\]]*)(\s+)(?=\S)")
_SPEECH_VERBS = {"say", "ask", "reply", "answer", "cry", "shout", "whisper", "murmur",
                 "call", "exclaim", "continue", "add", "repeat", "mutter", "scream", "yell",
                 "snap", "return", "observe", "remark", "insist", "explain", "protest",
                 "retort", "demand", "inquire", "enquire", "laugh", "sigh", "begin"}


def _ends_sentence(text: str, m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    punct, closers = m.group(1), m.group(2)
    if _ELLIPSIS.fullmatch(punct) or _in_spans(m.start(3), spans):
        return False  # an ellipsis trails off; a stop inside a quotation is the speaker's
    after = text[m.end():]
    if not (after[:1].isupper() or after[:1].isdigit() or after[:1] in "\"“‘'(["):
        return False
    if punct == ".":
        prev = re.search(r"(\S+)$", text[: m.start()])
        word = prev.group(1).lower().lstrip("(\"“'‘") if prev else ""
        if word in _ABBREV or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word):
            return False  # "Mr. Darcy", "J. Smith", "e.g. Rome"
    if closers.strip() and punct != ".":  # '"Where?" I ask.' is one sentence
        nxt = re.match(r"\W*(\w+)\W+(\w+)", after)
        if nxt and any(lemma in _SPEECH_VERBS
                       for lemma in _lemmas(nxt.group(2).lower()).get("VERB", ())):
            return False
    return True


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, ellipses and quotations whole."""
    spans = quoted_spans(text)
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _ends_sentence(text, m, spans):
            out.append(text[start: m.start(3)].strip())
            start = m.end()
    tail = text[start:].strip()
    return out + [tail] if tail else out


def short_paragraphs(text: str, max_lines: int = 4, width: int = 60) -> list[str]:
    """Action paragraphs of at most ``max_lines`` lines of ``width`` columns.

    Screenplay action rarely runs past four lines; a long passage is cut at sentence
    boundaries, and a single sentence longer than that stays whole.
    """
    paras: list[str] = []
    for sentence in sentences(" ".join(text.split())):
        joined = f"{paras[-1]} {sentence}" if paras else sentence
        if paras and len(textwrap.wrap(joined, width)) <= max_lines:
            paras[-1] = joined
        else:
            paras.append(sentence)
    return paras


# ---------------------------------------------------------------- inner voice
_MENTAL = {"know", "think", "wonder", "suppose", "guess", "realize", "realise", "remember",
           "hope", "wish", "believe", "doubt", "imagine", "swear", "bet", "reckon",
           "understand", "forget", "regret", "fear", "admit", "confess", "figure"}
_FUTURE = {"will", "shall", "'ll", "won't", "shan't", "gonna"}
_HYPOTHETICAL = {"would", "might"}
_IF = {"if", "unless", "wish", "suppose", "imagine"}


def is_inner_voice(sentence: str) -> bool:
    """A narrator's unseen reflection, which the camera cannot show.

    True for direct address to the reader ("you" outside quotation marks, which
    also catches a general "you"),
    rhetorical questions, first-person thoughts ("I know", "I wonder"), future
    resolutions ("I'll stake her") and hypotheticals ("I would ... if ...").
    Precision over recall: anything else is action.
    """
    spans = quoted_spans(sentence)
    outside = "".join(ch for i, ch in enumerate(sentence) if not _in_spans(i, spans))
    words = [w for w in _words(_tokens(sentence), spans) if not w.prot]
    lows = {w.low for w in words}
    if re.search(r"\?(?![\w-])", outside) or {"you", "your", "yourself", "yours"} & lows:
        return True
    for i, w in enumerate(words):
        if w.low == "i'll":
            return True
        # Only a main-clause "I": "the first thing I think of" is action.
        if w.low != "i" or not (w.clause_start or i and words[i - 1].low in _ADVERBS):
            continue
        rest = [x.low for x in words[i + 1: i + 4] if not _is_adverb(x)]
        verb = rest[0] if rest else ""
        # Present tense only: the narrator speaking now, not narrated past thought.
        if verb in _FUTURE or rest == ["am", "going", "to"] or verb in _MENTAL:
            return True
        if verb in _HYPOTHETICAL and _IF & lows:
            return True
    return False


def split_inner_voice(text: str) -> list[tuple[str, bool]]:
    """A narration passage as runs of sentences, flagged True for inner voice.

    The caller makes action of the False runs and (V.O.) dialogue of the True ones.
    """
    runs: list[tuple[str, bool]] = []
    for sentence in sentences(" ".join(text.split())):
        flag = is_inner_voice(sentence)
        if runs and runs[-1][1] == flag:
            runs[-1] = (f"{runs[-1][0]} {sentence}", flag)
        else:
            runs.append((sentence, flag))
    return runs
