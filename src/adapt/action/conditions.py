"""Narration → present tense: conditions and "were" forms that are the narration's own tense.

``finite.keep_past`` leaves every "if … had" and "if they were" in the past, because most
are counterfactuals ("if he had known, he would have gone"). A condition whose main
clause the rules put into the present, with no would/could/might anywhere in the
sentence, is no counterfactual but the narration's past: "If they had sympathy, they
dared not show it" → "If they have sympathy, they dare not show it". The same holds for
"whether she were happy" and "fearing she were ill" (an old indicative, "is" today),
"as if they were strangers" (→ "are", as "as if it were" → "is" in ``tense.sweep``), an
indirect question after an object ("asks him if he had been drinking" → "has been") and
"had rather" (today's "would rather").
"""
from __future__ import annotations

import re

from adapt.action.inversions import subject_number
from adapt.action.tense import head_noun
from adapt.language.lexicon import AUX, MODALS, NOMINATIVE, base_lemma, is_past, lemmas, plural
from adapt.language.words import Word, is_adverb, next_verb, sentence_bounds, sentence_start, set_word

_COUNTERFACTUAL = {"would", "could", "might", "should", "ought", "wouldn't", "couldn't",
                   "mightn't", "shouldn't", "i'd", "he'd", "she'd", "they'd", "we'd", "you'd"}
_WISH = {"wish", "wishes", "wished", "wishing"}
_ASKING = {"ask", "inquire", "enquire", "wonder", "question", "doubt", "know", "see", "tell"}
_THINKING = {"fear", "hear", "think", "believe", "suppose", "feel", "hope", "find", "learn",
             "know", "imagine", "perceive", "fancy", "doubt"}
_OBJECT = {"him", "her", "them", "me", "us", "you", "himself", "herself"}
_PRESENT = {"is", "are", "am", "has", "have", "does", "do", "isn't", "aren't", "hasn't",
            "haven't", "doesn't", "don't"}


def conditions(ws: list[Word], out: dict[int, str]) -> None:
    """Put into the present the conditions and subjunctive-looking "were"s that narrate."""
    for i, w in enumerate(ws):
        if w.low not in _CONDITION_WORDS or w.prot:
            continue
        if w.low == "whether" or w.low in {"though", "if"} and i and ws[i - 1].low == "as":
            _whether(ws, i, out)
        elif w.low in {"if", "unless"}:
            _condition(ws, i, out)
        elif w.low == "had" and w.k not in out:
            _had_rather(ws, i, out)
    for i, w in enumerate(ws):
        if w.low not in _WERE_OR_HAD:
            continue
        if not w.prot and w.k not in out and w.low.removesuffix("n't") in {"were", "had"}:
            _reported(ws, i, out)
        if not w.prot and w.k not in out and w.low == "were":
            _of_it(ws, i, out)


_CONDITION_WORDS = {"whether", "though", "if", "unless", "had"}
_WERE_OR_HAD = {"were", "weren't", "had", "hadn't"}


_OF = {"of", "about", "after", "on", "in", "with", "to", "from", "round", "for", "at", "by",
       "around", "behind", "beside", "under", "over", "upon"}


def _of_it(ws: list[Word], v: int, out: dict[int, str]) -> None:
    """'the airs she puts on about it were sickening', 'round the walls of it were hung':
    "it" is a preposition's object, the subject came before → 'are'; after "as if" the
    subject's own number: 'as if every phase of it were enacted' → 'is'."""
    if v < 2 or ws[v - 1].low != "it" or ws[v - 2].low not in _OF or ws[v].before.strip() \
            or ws[v - 1].before.strip():
        return
    before = [x.low for x in ws[sentence_start(ws, v):v]]
    as_if = any(a == "as" and b in {"if", "though"} for a, b in zip(before, before[1:], strict=False))
    if as_if:
        _change(ws, v, "pl" if plural(head_noun(ws, v - 1)) else "3sg", out)
    elif not {"if", "though", "unless", "whether", "wish", "wished", "wishes"} & set(before):
        _change(ws, v, "pl", out)


def _finite_after(ws: list[Word], i: int) -> tuple[str, int] | None:
    """(number, index) of the past auxiliary after the subject that follows ``ws[i]``."""
    found = subject_number(ws, i + 1)
    if found is None or ws[i + 1].low == "i":
        return None
    agr, last = found
    v = next_verb(ws, last)
    if v is None or ws[v].prot:
        return None
    return agr, v


def _change(ws: list[Word], v: int, agr: str, out: dict[int, str]) -> None:
    low = ws[v].low
    neg = "n't" if low.endswith("n't") else ""
    stem = low.removesuffix("n't")
    if stem == "had":
        new = "has" if agr == "3sg" else "have"
    elif stem == "were":
        new = "are" if agr == "pl" else "is"
    else:
        return
    set_word(out, ws[v], new + neg)


def _counterfactual(sent: list[Word]) -> bool:
    """A modal of the unreal ("would", "might have") or a wish anywhere in the sentence."""
    for k, x in enumerate(sent):
        if x.low in _COUNTERFACTUAL or x.low in _WISH:
            return True
        if x.low in MODALS and "have" in [y.low for y in sent[k + 1: k + 6]]:
            return True  # "must have been", "may have"
    return False


def _condition(ws: list[Word], i: int, out: dict[int, str]) -> None:
    """'If they had sympathy, they dare not show it': a condition with a present main clause."""
    if i and ws[i - 1].low in {"as", "what", "than"} and not ws[i].before.strip():
        return  # "as if" is _whether's; "what if she had" asks; "than if he had" is unreal
    if any(set(lemmas(x.low).get("VERB", ())) & _ASKING for x in ws[max(0, i - 3): i]
           if x.sent == ws[i].sent):
        return  # "asked if she had", "wonders afterward if": an indirect question (tense.sweep's)
    found = _finite_after(ws, i)
    if found is None:
        return
    agr, v = found
    if "only" in [x.low for x in ws[i + 1: v + 3]]:
        return  # "if only they had", "if she had only known": a wish
    stem = ws[v].low.removesuffix("n't")
    if ws[v].k in out or stem not in {"had", "were"} or stem == "were" and agr != "pl":
        return  # "if she were": a subjunctive, right in the present too
    if stem == "had" and (v + 1 < len(ws) and ws[v + 1].low in {"rather", "better"}
                          or i and ws[i - 1].low == "even"):
        return  # "had rather" is _had_rather's; "even if she had known" is unreal
    first, last = sentence_bounds(ws, i)
    sent = [x for x in ws[first:last] if not x.prot]
    if _counterfactual(sent):
        return
    # The if-clause runs to the next pause; the main clause is before it or after the
    # pause, or (no pause) starts at a new subject after the verb.
    end = next((k for k in range(v + 1, len(ws)) if ws[k].sent != ws[i].sent
                or re.search(r"[,;:—–()]", ws[k].before)), len(ws))
    start = next((k for k in range(v + 2, end) if ws[k].low in NOMINATIVE | {"it"}), end)
    after = end if end < len(ws) and ws[end].low not in {"but", "yet"} else len(ws)
    main = [k for k in range(first, last) if k < i or start <= k < end or k >= after]
    if any(_present(ws, k, out) for k in main if not ws[k].prot):
        _change(ws, v, agr, out)


def _present(ws: list[Word], k: int, out: dict[int, str]) -> bool:
    """A verb in the present: one the rules changed, or "must be", "can go" as written."""
    x = ws[k]
    if x.k in out:
        return out[x.k].lower() in _PRESENT | {"dare"} or is_past(x.low) and x.low not in AUX
    return x.low in {"must", "can", "cannot", "may"} and k + 1 < len(ws) and ws[k + 1].low != "have"


def _whether(ws: list[Word], i: int, out: dict[int, str]) -> None:
    """'whether she were happy' → 'whether she is'; 'as if they were strangers' → 'are'."""
    found = _finite_after(ws, i)
    if found is None:
        return
    agr, v = found
    if ws[v].k in out or ws[v].low.removesuffix("n't") != "were":
        return
    if ws[i].low != "whether" and agr != "pl":
        return  # "as if she were": tense.sweep's, for he/she/it
    if ws[i].low == "whether" and agr != "pl" and not ws[i + 1].low.isalpha():
        return
    _change(ws, v, agr, out)


def _reported(ws: list[Word], v: int, out: dict[int, str]) -> None:
    """'fearing she were ill', 'a wish of hearing that she were better' → 'is'; an indirect
    question after an object, 'asks him if he had been drinking' → 'has been'. Only after
    a verb put into the present (or an -ing form), and never after "wish"."""
    subj = ws[v - 1] if v >= 2 and not ws[v].before.strip() else None
    if subj is None or subj.low not in {"he", "she", "it", "they"}:
        return
    k = v - 2
    asked = ws[k].low in {"if", "whether"}
    if asked and k and ws[k - 1].low in _OBJECT:
        k -= 1  # "asks him if he had"
    elif asked:
        return  # "asks if she had": keep_past lets tense.sweep take it
    elif ws[k].low != "that":
        k += 1  # "fearing she were"
    verb = ws[k - 1] if k else None
    if verb is None or verb.prot or verb.sent != ws[v].sent:
        return
    lems = set(lemmas(verb.low).get("VERB", ()))
    if "wish" in lems or not lems & (_ASKING if asked else _THINKING):
        return
    stem = ws[v].low.removesuffix("n't")
    if stem == "had" and (not asked or v + 1 < len(ws) and ws[v + 1].low in {"rather", "better"}):
        return  # "fears she had gone" may be before the scene
    if stem == "were" and subj.low == "they" and not asked:
        return  # "they were": tense.sweep's
    if verb.low.endswith("ing") and not asked or verb.k in out:
        _change(ws, v, "pl" if subj.low == "they" else "3sg", out)


def _had_rather(ws: list[Word], v: int, out: dict[int, str]) -> None:
    """'she had rather stay', 'had much rather not' → 'would rather' (the same modal today)."""
    q = v + 1
    if q < len(ws) and ws[q].low == "much":
        q += 1
    if q + 1 >= len(ws) or ws[q].low != "rather" or ws[q + 1].before.strip():
        return
    nxt = ws[q + 1]
    if nxt.low == "not" or base_lemma(nxt.low) and not is_past(nxt.low) and not is_adverb(nxt):
        set_word(out, ws[v], "would")
