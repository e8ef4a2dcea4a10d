"""Narration → screenplay action: third person, present tense, short paragraphs.

This module is the rewriter's front door; the stages live in their own modules:
``sentences`` (splitting, quotations), ``lexicon`` (word lists, verb forms),
``words`` and ``subjects`` (tokens; what is a subject), ``finite`` (which past
forms are verbs), ``tense`` (past → present), ``person`` (first → third) and
``inner_voice`` (the narrator's reflection, for ``NAME (V.O.)``).  There is no
POS tagger: lemminflect supplies word forms, positional rules do the rest, and
each rule is conservative because a wrong change reads worse than a missed one.
Quoted material is never touched.
"""
from __future__ import annotations

from adapt.action.chains import chains
from adapt.action.company import name_the_group
from adapt.action.conditions import conditions
from adapt.action.inversions import asked_if, inversions, openings, sentence_ends
from adapt.action.inner_voice import is_inner_voice, split_inner_voice
from adapt.action.person import (
    FIRST_PERSON,
    NARRATOR_FORMS,
    SAME_PRONOUNS,
    Narrator,
    narrator_word,
)
from adapt.action.pronouns import name_the_other
from adapt.action.subjects import KNOWN_NAMES, OPENERS
from adapt.action.tense import detect_tense, fronted, inverted, sweep, tense_clause
from adapt.language.lexicon import DETS, NOMINATIVE, NUMBERED, STOP
from adapt.language.sentences import quoted_spans, sentences, short_paragraphs
from adapt.language.words import tokens, words

NOT_NAMES = NOMINATIVE | DETS | STOP | {"it", "there", "the"}
"""Words that are never the cast's names, whatever the name finder took."""

__all__ = ["NOT_NAMES", "to_action", "split_inner_voice", "is_inner_voice", "short_paragraphs",
           "detect_tense", "sentences", "quoted_spans"]


def to_action(text: str, *, narrator: str | None, pronoun: str = "they",
              tense: str | None = None, named: bool = False,
              names: frozenset[str] = frozenset(), other: str | None = None,
              company: str | None = None) -> str:
    """One narration passage → screenplay action (third person, present tense).

    ``narrator`` names a first-person narrator; the first reference in the passage
    (and any that would be ambiguous after another character's same pronoun) uses
    the name, later ones ``pronoun``.  ``tense`` is the narration's tense, "past" or
    "present" (pass the whole document's, from ``detect_tense``); None detects it
    on this passage.  In a present-tense story a clear past ("I found") stays past.
    ``named``: the narrator is already named (a wryly under their own cue), so even the
    first reference is the pronoun. ``names``: words of the cast's names, names even
    where they are common words ("Archer choked"). ``other``: the one other character
    in the scene who takes the narrator's pronoun; where "she" could mean either, the
    action names them (``pronouns``). ``company``: the one character with the narrator
    in the scene; the narrator's "we/us/our" name them both (``company``).
    """
    token = KNOWN_NAMES.set(names)
    try:
        toks, out = _rewrites(text, narrator=narrator, pronoun=pronoun, tense=tense, named=named,
                              other=other, company=company)
        for k, new in out.items():  # the tokens hold every character: the rest stays as written
            toks[k] = new
        return "".join(toks)
    finally:
        KNOWN_NAMES.reset(token)


def rewrite(text: str, *, narrator: str | None, pronoun: str = "they", tense: str | None = None,
            named: bool = False, other: str | None = None,
            company: str | None = None) -> list[tuple[str, str]]:
    """``to_action`` token by token: (source token, its rewrite), for checking referents."""
    toks, out = _rewrites(text, narrator=narrator, pronoun=pronoun, tense=tense, named=named,
                          other=other, company=company)
    return [(tok, out.get(k, tok)) for k, tok in enumerate(toks)]


def _rewrites(text: str, *, narrator: str | None, pronoun: str, tense: str | None, named: bool,
              other: str | None, company: str | None) -> tuple[list[str], dict[int, str]]:
    """The passage's tokens, and the rewrite of each token the rules change, by its index."""
    if tense not in (None, "past", "present"):
        raise ValueError(f"tense must be 'past', 'present' or None, not {tense!r}")
    if pronoun not in NARRATOR_FORMS:
        raise ValueError(f"pronoun must be one of {sorted(NARRATOR_FORMS)}")
    toks = tokens(text)
    ws = words(toks, quoted_spans(text))
    to_present = tense == "past" or (tense is None and detect_tense(text) == "past")
    nar = Narrator(narrator, pronoun, named=named) if narrator else None
    out: dict[int, str] = {}
    for p, w in enumerate(ws):
        if w.prot or w.k in out:
            continue
        if to_present and w.clause_start:  # (``inverted`` and ``fronted`` look at no other word)
            inverted(ws, p, nar.agr if nar else None, out)
        if w.low == "i" and p and ws[p - 1].low in NUMBERED:
            continue  # "Chapter I" is a numeral
        if nar is not None and w.low in FIRST_PERSON:
            narrator_word(ws, p, nar, to_present, out)
            if w.low == "my" and to_present:  # "my mind had" → "his mind has"
                tense_clause(ws, p, out)
            continue
        if nar is not None and w.low.split("'")[0] in SAME_PRONOUNS[pronoun]:
            nar.other(w.sent)
        if to_present and (w.clause_start or w.low in OPENERS):
            tense_clause(ws, p, out)
            fronted(ws, p, out)
    if to_present:
        inversions(ws, out, sentence_ends(ws, toks))
        openings(ws, out)
        asked_if(ws, out)
        sweep(ws, out)
        conditions(ws, out)
        chains(ws, out)
    if nar is not None and other:
        name_the_other(ws, out, narrator=nar.name, other=other, pronoun=pronoun)
    if nar is not None and company:
        name_the_group(ws, out, narrator=nar.name, companion=company)
    return toks, out
