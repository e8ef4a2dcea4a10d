"""First person → third: the narrator's "I/me/my" become a name or a pronoun."""
from __future__ import annotations

from dataclasses import dataclass

from adapt.action.finite import inverted_subject, keep_past
from adapt.action.subjects import compound
from adapt.action.tense import agree, coordinated
from adapt.language.lexicon import (
    AUX,
    MODALS,
    apos,
    base_lemma,
    is_past,
    lemmas,
    match_case,
    past_lemma,
    present,
)
from adapt.language.words import Word, next_verb, set_word, word_after

NARRATOR_FORMS = {
    "she": {"i": "she", "me": "her", "my": "her", "mine": "hers", "myself": "herself"},
    "he": {"i": "he", "me": "him", "my": "his", "mine": "his", "myself": "himself"},
    "they": {"i": "they", "me": "them", "my": "their", "mine": "theirs",
             "myself": "themselves"},
}
SAME_PRONOUNS = {"she": {"she", "her", "hers", "herself"},
                 "he": {"he", "him", "his", "himself"},
                 "they": {"they", "them", "their", "theirs", "themselves"}}
FIRST_PERSON = set(NARRATOR_FORMS["she"]) | {"i'm", "i've", "i'll", "i'd"}


@dataclass(slots=True)
class Narrator:
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
        forms = NARRATOR_FORMS[self.pronoun]
        use_name = force or self._use_name(low, sent)
        self.named, self.ambiguous, self.last_sent = True, False, sent
        if use_name:
            text = self.name + "'s" if low in {"my", "mine"} else self.name
            return text, "3sg"
        return forms[low], "pl" if self.pronoun == "they" else "3sg"


def narrator_word(ws: list[Word], p: int, nar: Narrator, to_present: bool,
                  out: dict[int, str]) -> int:
    """Rewrite the first-person word at ``p`` and the verb it is subject of."""
    w = ws[p]
    low = w.low
    if "'" in low:  # I'm, I've, I'll, I'd
        ref, agr = nar.refer("i", w.sent)
        tail = low.split("'")[1]
        named = agr == "3sg" and ref not in {"she", "he"}
        if tail in {"m", "ve"}:
            new = (ref + " " + present("have" if tail == "ve" else "be", agr) if named
                   else ref + apos(w.text) + ("s" if agr == "3sg" else
                                              "re" if tail == "m" else "ve"))
        elif named:
            nxt = next_verb(ws, p)
            had = nxt is not None and past_lemma(ws[nxt].low) is None and bool(
                lemmas(ws[nxt].low).get("VERB")) and base_lemma(ws[nxt].low) is None
            new = ref + " " + ("will" if tail == "ll" else "had" if had else "would")
        else:
            new = ref + apos(w.text) + tail
        out[w.k] = new if named else match_case("X" if w.sent_start else "x", new)
        return p
    both = low == "i" and compound(ws, p)  # "Holmes and Watson", not "and he"
    ref, agr = nar.refer(low, w.sent, both)
    out[w.k] = ref if ref[:1].isupper() else match_case(
        "X" if (w.sent_start if low == "i" else w.text[:1].isupper()) else "x", ref)
    if low != "i":
        return p
    if both:
        agr = "pl"
    if inverted_subject(ws, p):
        if ws[p - 1].low in {"was", "wasn't", "am", "is"}:  # "so hot was I" → "was he"
            set_word(out, ws[p - 1], agree(ws[p - 1], agr, to_present))
        return p
    v = next_verb(ws, p)
    if v is None:
        return p
    verb = ws[v]
    lexical = verb.low not in AUX and verb.low not in MODALS and "'" not in verb.low
    past = lexical and is_past(verb.low)
    if to_present and keep_past(ws, v, lexical):
        return v
    if past and not to_present:
        return v
    if set_word(out, verb, agree(verb, agr, to_present, word_after(ws, v))) and lexical:
        coordinated(ws, v, agr, to_present and past, out)
    return v
