"""First person plural → names: the narrator's "we/us/our" (the narrator and a companion).

A screenplay has no narrator's "we"; "we've never known" is "Buffy and Faith have never
known". Only where the scene leaves one companion (one other character speaks near
it); otherwise "we" stays as written. In a sentence the first "we/us/our" names both,
later ones are "they/them/their".
"""
from __future__ import annotations

from adapt.language.lexicon import is_vbn, match_case
from adapt.language.words import Word, next_verb

_LATER = {"we": "they", "us": "them", "our": "their", "ours": "theirs", "ourselves": "themselves"}
_CONTRACTED = {"we've": "have", "we're": "are", "we'll": "will"}


def name_the_group(ws: list[Word], out: dict[int, str], *, narrator: str, companion: str) -> None:
    """Rewrite ``out`` so the narrator's "we" forms name the narrator and the companion."""
    both = f"{narrator} and {companion}"
    named_in: set[int] = set()
    for p, w in enumerate(ws):
        low = w.low
        if w.prot or w.k in out or not (low in _LATER or low in _CONTRACTED or low == "we'd"):
            continue
        if low == "us" and p and ws[p - 1].low == "let":
            continue  # "Let us go": an exhortation, not the group on screen
        # both already named in the sentence ("Faith grabs Buffy's wrist and flips our
        # arms"): "their" is clear
        said = " ".join(out.get(x.k, x.text) for x in ws[:p] if x.sent == w.sent)
        if low == "us" and companion.split()[-1] in said.split() and narrator.split()[0] not in said.split():
            continue  # "Holmes bends his eyes upon us": someone else with the narrator
        if p + 1 < len(ws) and ws[p + 1].low == "all" or p + 2 < len(ws) and ws[p + 2].low == "all":
            continue  # "We are all eager", "we all": more than two
        first = w.sent not in named_in and not (narrator.split()[0] in said and companion.split()[0] in said)
        named_in.add(w.sent)
        if low in _LATER:
            if first:
                new = both + "'s" if low == "our" else both + "'" if low == "ours" else both
                if low == "ourselves":
                    new = "themselves"
            else:
                new = match_case(w.text, _LATER[low])
        else:
            if low == "we'd":
                v = next_verb(ws, p)
                verb = "had" if v is not None and is_vbn(ws[v].low) else "would"
            else:
                verb = _CONTRACTED[low]
            new = (both if first else match_case(w.text, "they")) + " " + verb
        out[w.k] = new
