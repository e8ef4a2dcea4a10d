"""Narration → present tense: an auxiliary before its subject, in a question or after a
fronted adverb.

"Had they found the life of the body after all?" → "Have they found…?"; "Why had she
bidden him" → "Why has she bidden him"; "Never had Fanny more wanted a cordial" →
"Never has Fanny…"; "Bitterly did she repent" → "Bitterly does she repent".  A clause
opened by the auxiliary itself and not asking ("Had he lived, he would have…") is a
condition and keeps its past.
"""
from __future__ import annotations

import re

from adapt.action.finite import keep_past
from adapt.language.lexicon import DETS, PRONOUN_AGR, TITLES, lemmas, plural
from adapt.language.words import Word, is_adverb, set_word

_AUX = {"had": ("has", "have"), "was": ("is", "are"), "were": ("is", "are"), "did": ("does", "do")}
_AUX_FORMS = _AUX.keys() | {a + "n't" for a in _AUX}
_WH = {"why", "how", "when", "where", "what", "whom", "who", "which", "whither", "whence"}
_FRONTED = {"never", "scarcely", "hardly", "seldom", "rarely", "little", "nor", "neither",
            "twice", "thrice", "often", "much", "well", "again", "still", "more", "less",
            "very", "so", "thus", "not", "only", "especially", "continually", "steadfastly",
            "bitterly", "frequently", "wretchedly"}
_WH_OR_FRONTED = _WH | _FRONTED
_LEADING = _WH_OR_FRONTED | {"no", "sooner"}


def subject_number(ws: list[Word], q: int) -> tuple[str, int] | None:
    """The number of the subject starting at ``q`` and its last word."""
    if q >= len(ws) or ws[q].prot or ws[q].before.strip() not in {"", "."}:
        return None
    w = ws[q]
    if w.low in PRONOUN_AGR and w.low != "i":
        return PRONOUN_AGR[w.low], q
    if w.low in {"these", "those"} and q + 1 < len(ws) and ws[q + 1].low in DETS:
        return "pl", q  # "Nor were these the only feelings"
    if w.text[:1].isupper() and w.low not in DETS:
        r = q
        while r + 1 < len(ws) and ws[r + 1].text[:1].isupper() and (
                not ws[r + 1].before.strip() or ws[r].low in TITLES and ws[r + 1].before.strip() == "."):
            r += 1
        if r + 2 < len(ws) and ws[r + 1].low == "and" and ws[r + 2].text[:1].isupper():
            return "pl", r  # "Nor were Archer and Madame Olenska two lovers"
        return "3sg", r
    if w.low not in DETS:
        if set(lemmas(w.low)) == {"NOUN"}:
            return ("pl" if plural(w.low) else "3sg"), q  # "Nor did purity mean peace"
        return None
    r = q + 1
    while r < len(ws) and r < q + 4 and not ws[r].before.strip() and "NOUN" not in lemmas(ws[r].low) \
            and "ADJ" in lemmas(ws[r].low):
        r += 1
    if r >= len(ws) or ws[r].before.strip() or "NOUN" not in lemmas(ws[r].low):
        return None
    return ("pl" if w.low in {"these", "those"} or plural(ws[r].low) else "3sg"), r


def _asked(ws: list[Word], v: int, ends: dict[int, str]) -> bool:
    """The auxiliary opens a question ("Had they…?", "Why had she…", "or had she…?")
    or follows a fronted adverb ("Never had", "Bitterly did", "Very frequently were")."""
    start = v
    while start > 0 and not re.search(r"[,;:.!?—–(\"“”]", ws[start].before) and not ws[start - 1].prot \
            and (ws[start - 1].low in _LEADING or is_adverb(ws[start - 1])):
        start -= 1
    lead = ws[start:v]
    if not lead:
        return ws[v].clause_start and ends.get(ws[v].sent) == "?" and not (
            v and ws[v - 1].low in {"if", "as", "though", "what"})
    if not ws[start].clause_start:
        return False  # "she had never been": the adverb follows a subject
    return lead[0].low in _WH_OR_FRONTED or is_adverb(lead[0])


def inversions(ws: list[Word], out: dict[int, str], ends: dict[int, str]) -> None:
    """Put an inverted past auxiliary into the present; its participle stays as it is.

    ``ends``: each sentence's closing mark ("?", "!", "."), by sentence number.
    """
    for v, w in enumerate(ws):
        if w.low not in _AUX_FORMS or w.prot or w.k in out:
            continue
        low = w.low.removesuffix("n't")
        found = subject_number(ws, v + 1)
        if found is None or not _asked(ws, v, ends):
            continue
        agr, last = found
        if low == "were" and agr != "pl":
            continue  # "were she to come": a subjunctive
        new = _AUX[low][agr == "pl" or agr == "1sg" and low != "was"]
        if w.low.endswith("n't"):
            new += "n't"
        set_word(out, w, new)
        # "Twice has Sir Thomas inquired": the participle after the subject is no verb of its own
        nxt = last + 1
        while nxt < len(ws) and is_adverb(ws[nxt]):
            nxt += 1
        if nxt < len(ws) and not ws[nxt].prot and not re.search(r"[,.;:!?]", ws[nxt].before):
            out.setdefault(ws[nxt].k, ws[nxt].text)


def sentence_ends(ws: list[Word], toks: list[str]) -> dict[int, str]:
    """Each sentence's closing mark, by sentence number: the last ?, ! or . after its last word."""
    ends: dict[int, str] = {}
    for i, w in enumerate(ws):
        if i + 1 == len(ws) or ws[i + 1].sent != w.sent:
            gap = ws[i + 1].before if i + 1 < len(ws) else "".join(toks[w.k + 1:])
            marks = re.findall(r"[?!.]", gap)
            ends[w.sent] = marks[0] if marks else ""
    return ends


_OPENERS = {"each": "3sg", "much": "3sg", "either": "3sg", "neither": "3sg", "none": "3sg",
            "few": "pl", "many": "pl", "both": "pl", "several": "pl", "some": "pl"}
_BE = {"was": "is", "were": "are", "wasn't": "isn't", "weren't": "aren't"}


def openings(ws: list[Word], out: dict[int, str]) -> None:
    """A sentence's first word as the subject of a past auxiliary: 'Each was thoughtful',
    'Much was said', 'Retreat was impossible', 'Time did something'; and a sentence the
    paragraph split off its subject: 'And were received with joy' → 'And are received'
    (the auxiliary keeps its number)."""
    for v in range(1, len(ws)):
        w, first = ws[v], ws[v - 1]
        if not first.sent_start or w.prot or first.prot or w.k in out or w.before.strip():
            continue
        low = w.low
        after = ws[v + 1] if v + 1 < len(ws) else None
        if first.low in {"and", "but", "or", "yet"} and low in _BE:
            if after is None or after.low not in PRONOUN_AGR and after.low not in DETS:
                set_word(out, w, _BE[low])  # not "And were it only…": a condition
            continue
        if low in {"was", "wasn't"} and first.text[:1].isupper() and first.low not in PRONOUN_AGR \
                and not first.text.isupper() and not keep_past(ws, v, False):
            set_word(out, w, _BE[low])  # "Retreat was impossible", "As was the custom", "Next was"
            continue
        pos = lemmas(first.low)
        agr = _OPENERS.get(first.low) or (
            ("pl" if plural(first.low) else "3sg") if set(pos) == {"NOUN"} or set(pos) == {"NOUN", "VERB"}
            and not first.low.endswith(("ed", "s")) else None)
        if agr is None or first.text.isupper():
            continue
        if low in _BE and (low.startswith("was") == (agr == "3sg")):
            set_word(out, w, _BE[low])
        elif low in {"did", "didn't"}:
            set_word(out, w, ("does" if agr == "3sg" else "do") + low[3:])


_ASKING = {"ask", "inquire", "enquire", "wonder", "question", "doubt"}


def asked_if(ws: list[Word], out: dict[int, str]) -> None:
    """'asks if she were ill', 'wondering if it were lightness': an indirect question,
    not a condition, so its "were" is the narration's past → 'is'."""
    for v in range(2, len(ws)):
        w, subj, conj = ws[v], ws[v - 1], ws[v - 2]
        if w.low != "were" or w.prot or w.k in out or subj.low not in {"he", "she", "it"} \
                or conj.low not in {"if", "whether"}:
            continue
        if any(_ASKING & set(lemmas(x.low).get("VERB", ())) for x in ws[max(0, v - 5): v - 2]
               if x.sent == w.sent):
            set_word(out, w, "is")
