"""Word lists and verb-form look-ups shared by the narration rewriters.

There is no POS tagger: lemminflect says which forms a word can be, and these
lists name the closed-class words the positional rules need.
"""
from __future__ import annotations

from functools import cache

from adapt.language.tables import all_inflections as getAllInflections
from adapt.language.tables import all_lemmas as getAllLemmas
from adapt.language.tables import inflection, install, oov_verb_lemma

install()  # lemminflect reads a word's table entry when asked, not all 120,000 lines (numpy: when used)

TITLES = {"mr", "mrs", "ms", "dr", "st", "miss", "sir", "lady", "lord", "captain",
          "colonel", "major", "aunt", "uncle", "madame", "mme", "prof", "rev", "capt"}
ABBREV = TITLES | {"jr", "sr", "col", "gen", "lt", "sgt", "hon", "mt", "vs", "no",
                   "e.g", "i.e", "etc", "cf", "viz", "inc", "co", "ft", "ave"}
ADVERBS = {"never", "always", "just", "still", "also", "even", "often", "then", "now",
           "soon", "already", "almost", "sometimes", "once", "quite", "rather", "too",
           "really", "ever", "only", "again", "all", "both", "instead", "nearly", "most",
           "first", "thus", "scarce", "hardly", "merely", "barely", "presently"}
CLAUSE_WORDS = {"and", "but", "or", "so", "yet", "nor", "when", "while", "as", "because",
                "how", "why", "whether",
                "though", "although", "if", "until", "till", "before", "after", "since",
                "where", "whereupon", "that", "unless", "whilst", "whenever", "then"}
STOP = CLAUSE_WORDS - {"and", "but", "or", "then", "nor", "yet"} | {
    "who", "which", "whom", "whose", "what", "i", "he", "she", "we", "they"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my",
        "our", "its", "your", "every", "each", "no"}
INDEFINITE = {"everyone", "everybody", "someone", "somebody", "nobody", "anyone",
              "anybody", "everything", "something", "nothing"}
# Function words lemminflect does not list: an unknown capitalised word that
# starts a sentence is a name unless it is one of these.
FUNCTION_WORDS = {"the", "a", "an", "of", "and", "but", "at", "with", "from", "for",
                  "into", "during", "upon", "among", "against", "toward", "towards",
                  "nor", "if", "than", "because", "although", "every", "three", "four",
                  "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                  "twenty", "thirty", "forty", "fifty", "hundred", "thousand"}
NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "several",
           "many", "few", "both"}
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "last", "next", "other", "same", "only"}
PLURAL_NOUNS = {"people", "police", "cattle", "folk", "gentry", "children", "clothes"}
OBJECTS = DETS | {"me", "him", "them", "us", "it", "you", "her", "himself", "herself",
                  "themselves", "myself", "up", "down", "out", "back", "away", "off",
                  "in", "on", "at", "to", "into", "onto", "over", "through", "from",
                  "with", "for", "around", "across", "toward", "towards", "behind"}
MODALS = {"can", "could", "will", "would", "shall", "should", "may", "might", "must",
          "cannot", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't",
          "needn't", "ought"}
LINKING = {"be", "seem", "appear", "look", "become", "grow", "remain", "feel", "sound",
           "get", "turn", "stay", "prove", "go"}
# (lemma, tense) for the auxiliaries whose form carries agreement.
AUX = {"am": ("be", "present"), "is": ("be", "present"), "are": ("be", "present"),
       "was": ("be", "past"), "were": ("be", "past"), "has": ("have", "present"),
       "have": ("have", "present"), "had": ("have", "past"), "does": ("do", "present"),
       "do": ("do", "present"), "did": ("do", "past")}
NUMBERED = {"chapter", "part", "book", "volume", "vol", "act", "scene", "section",
            "canto", "letter", "stave"}
# Irregular pasts that are also the base of a much rarer verb ("found a company",
# "saw wood"): read as the past.  lemminflect cannot rank the readings, and its
# computed list holds pairs where the present is the common one ("resent", "rent").
PAST_FIRST = {"found", "saw", "lay", "fell", "ground", "bore", "wound", "bound"}
# Verbs with no passive participle: after a comma "her hand trembled" is a clause,
# never an absolute phrase like "her hands clasped".
INTRANSITIVE = {"tremble", "quiver", "shiver", "shudder", "seem", "appear", "flow", "arrive",
                "happen", "rise", "fall", "come", "go", "sit", "lie", "die", "laugh", "smile",
                "sigh", "weep", "flutter", "burst", "glow", "sparkle", "gleam", "vanish",
                "disappear", "remain", "exist", "elapse", "sleep", "wander", "throb", "ache",
                "pass", "return", "fade", "linger", "falter", "hesitate", "pause", "nod",
                "blush", "flush", "twinkle", "speak", "call", "cry", "look", "grow", "become"}
# Verbs of place and motion that come before their subject after "here", "then",
# "beside it": "then came a flush", "beside him lay a mass".
INVERTING = INTRANSITIVE - {"laugh", "smile", "sigh", "nod", "blush", "flush", "speak",
                            "call", "cry", "look", "grow", "become"} | {
    "stand", "hang", "rush", "run", "arise", "follow", "spring", "soar", "float", "stretch",
    "emerge", "dash", "step", "walk", "ride", "lie"}
MEETING = ("met", "meets", "passed", "passes", "overtook", "overtakes", "encountered", "encounters",
           "came upon", "comes upon")
"""Verbs by which the one acting comes upon someone ("she met a boy driving two goats"), past
and present, as the source and the rewritten action write them."""
# Nouns for people that a tag names its speaker by ("said the old lady").
KIN_NAMES = {"Mother": "f", "Father": "m", "Mamma": "f", "Mama": "f", "Papa": "m", "Mum": "f", "Mom": "f",
             "Dad": "m", "Daddy": "m", "Mummy": "f", "Mommy": "f", "Grandma": "f", "Grandpa": "m", "Granny": "f",
             "Grandmother": "f", "Grandfather": "m", "Nana": "f", "Auntie": "f", "Aunty": "f"}
"""What a family calls its own, written as a name ("At the house, Mother sat by the stove")."""
PERSON_NOUNS = {"man", "gentleman", "boy", "lad", "fellow", "husband", "father", "brother", "son",
                "uncle", "woman", "lady", "girl", "lass", "wife", "mother", "sister", "daughter",
                "aunt", "maid", "men", "women", "ladies", "gentlemen", "person", "stranger"}
NOMINATIVE = {"i", "he", "she", "we", "they", "you"}
PRONOUN_AGR = {"i": "1sg", "he": "3sg", "she": "3sg", "it": "3sg", "we": "pl",
               "they": "pl", "you": "pl", "there": "there"}


_CLOSED = (ADVERBS | CLAUSE_WORDS | STOP | OBJECTS | FUNCTION_WORDS | INDEFINITE | MODALS
           | NOMINATIVE | {"not", "all", "both", "each", "who", "that", "kind", "sort"})


@cache
def lemmas(low: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(low))


@cache
def _inflections(lemma: str, upos: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's forms of ``lemma``, looked up once (it deep-copies them on every
    call); callers only read them."""
    return getAllInflections(lemma, upos)


@cache
def past_lemma(low: str) -> str | None:
    """The verb whose simple past (VBD) is ``low``, if any.

    A regular "-ed" form of a verb whose table lists only an irregular past
    ("knitted" beside "knit") counts too.
    """
    for lemma in lemmas(low).get("VERB", ()):
        forms = _inflections(lemma, "VERB")
        if low in forms.get("VBD", ()) or (
                low.endswith("ed") and low != lemma
                and not any(low in forms.get(t, ()) for t in ("VB", "VBZ", "VBG"))):
            return lemma
    return None


@cache
def is_vbn(low: str) -> bool:
    """Can be a past participle ("found", "walked"), unlike "sank" or "went"."""
    for lemma in lemmas(low).get("VERB", ()):
        forms = _inflections(lemma, "VERB")
        if low in forms.get("VBN", ()) or (low.endswith("ed") and past_lemma(low)):
            return True
    return False


def oov_verb(low: str, nxt: str | None) -> tuple[str, str] | None:
    """(lemma, tense) by regular English rules for a verb lemminflect does not list.

    Only for the word right after a subject pronoun, and only when the word after
    it is an object or particle ("I backhand her", "she facepalmed at"), because
    unlisted words there are as often typos, dialect or adverbs ("I cold see").
    """
    pos = lemmas(low)
    if ("VERB" in pos or "AUX" in pos or low in _CLOSED or low.endswith("ly")
            or len(low) < 3 or not low.isalpha() or nxt not in OBJECTS):
        return None
    if "ADV" in pos and "NOUN" not in pos and not low.endswith("ed"):
        return None
    if low.endswith("ed"):
        guess = oov_verb_lemma(low)
        return (guess, "past") if guess and guess != low else None
    if low.endswith(("s", "ing")):
        return None
    return low, "present"


def base_lemma(low: str) -> str | None:
    return low if low in lemmas(low).get("VERB", ()) else None


@cache
def present_lemma(low: str) -> str | None:
    """The verb of which ``low`` is a present form (VB/VBP/VBZ), if any."""
    for lemma in lemmas(low).get("VERB", ()):
        if low == lemma or low in _inflections(lemma, "VERB").get("VBZ", ()):
            return lemma
    return None


@cache
def participle(low: str) -> bool:
    """A past or past-participle form ("walked", "broken", "sat")."""
    return any(low in forms for lemma in lemmas(low).get("VERB", ())
               for tag, forms in _inflections(lemma, "VERB").items()
               if tag in {"VBD", "VBN"})


def is_past(low: str) -> bool:
    """A finite past form, unambiguously ("put" could be either)."""
    stem = low.removesuffix("n't")
    if stem in AUX:
        return AUX[stem][1] == "past"
    return stem in {"could"} or (past_lemma(low) is not None and (
        base_lemma(low) is None or low in PAST_FIRST))


@cache
def plural(low: str) -> bool:
    return low in PLURAL_NOUNS or any(
        lemma != low and low in _inflections(lemma, "NOUN").get("NNS", ())
        for lemma in lemmas(low).get("NOUN", ()))


@cache
def present(lemma: str, agr: str) -> str:
    """The present form of ``lemma`` for agreement "1sg", "3sg" or "pl"."""
    if lemma == "be":
        return {"1sg": "am", "3sg": "is"}.get(agr, "are")
    if agr != "3sg":
        return lemma
    # lemminflect's getInflection(lemma, "VBZ") takes the table's VBZ forms when it has
    # some (through deep copies); only without them do its other rules come in.
    forms = getAllInflections(lemma).get("VBZ")
    return {"have": "has", "do": "does"}.get(lemma) or (forms if forms is not None else inflection(lemma, "VBZ"))[0]


def match_case(orig: str, new: str) -> str:
    if orig[:1].isupper() and not new[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def apos(orig: str) -> str:
    return "’" if "’" in orig else "'"
