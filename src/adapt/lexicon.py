"""Word lists and verb-form look-ups shared by the narration rewriters.

There is no POS tagger: lemminflect says which forms a word can be, and these
lists name the closed-class words the positional rules need.
"""
from __future__ import annotations

from functools import cache

from lemminflect import getAllInflections, getAllLemmas, getInflection

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
PLURAL_NOUNS = {"people", "police", "cattle", "folk", "gentry", "children"}
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
NOMINATIVE = {"i", "he", "she", "we", "they", "you"}
PRONOUN_AGR = {"i": "1sg", "he": "3sg", "she": "3sg", "it": "3sg", "we": "pl",
               "they": "pl", "you": "pl", "there": "there"}


@cache
def lemmas(low: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(low))


@cache
def past_lemma(low: str) -> str | None:
    """The verb whose simple past (VBD) is ``low``, if any."""
    for lemma in lemmas(low).get("VERB", ()):
        if low in getAllInflections(lemma, "VERB").get("VBD", ()):
            return lemma
    return None


def base_lemma(low: str) -> str | None:
    return low if low in lemmas(low).get("VERB", ()) else None


@cache
def present_lemma(low: str) -> str | None:
    """The verb of which ``low`` is a present form (VB/VBP/VBZ), if any."""
    for lemma in lemmas(low).get("VERB", ()):
        if low == lemma or low in getAllInflections(lemma, "VERB").get("VBZ", ()):
            return lemma
    return None


@cache
def participle(low: str) -> bool:
    """A past or past-participle form ("walked", "broken", "sat")."""
    return any(low in forms for lemma in lemmas(low).get("VERB", ())
               for tag, forms in getAllInflections(lemma, "VERB").items()
               if tag in {"VBD", "VBN"})


def is_past(low: str) -> bool:
    """A finite past form, unambiguously ("put" could be either)."""
    stem = low.removesuffix("n't")
    if stem in AUX:
        return AUX[stem][1] == "past"
    return stem in {"could"} or (past_lemma(low) is not None and base_lemma(low) is None)


def plural(low: str) -> bool:
    return low in PLURAL_NOUNS or any(
        lemma != low and low in getAllInflections(lemma, "NOUN").get("NNS", ())
        for lemma in lemmas(low).get("NOUN", ()))


def present(lemma: str, agr: str) -> str:
    """The present form of ``lemma`` for agreement "1sg", "3sg" or "pl"."""
    if lemma == "be":
        return {"1sg": "am", "3sg": "is"}.get(agr, "are")
    if agr != "3sg":
        return lemma
    return {"have": "has", "do": "does"}.get(lemma) or getInflection(lemma, "VBZ")[0]


def match_case(orig: str, new: str) -> str:
    if orig[:1].isupper() and not new[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def apos(orig: str) -> str:
    return "’" if "’" in orig else "'"
