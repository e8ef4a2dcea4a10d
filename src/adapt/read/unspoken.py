"""Quoted words nobody speaks: a term, a title, a sign, set in the middle of a sentence.

`The word "honour" meant nothing to him` and `a sign that said "Keep Out" in red` quote
words no character says aloud; as dialogue they would need a speaker and split the
sentence in two. Read as narration, in their quotation marks, they stay where the prose
put them. Only a short quotation the sentence runs straight into and straight out of, with
no speech verb just before it, counts: speech said mid-sentence (`he said "yes" and left`)
stays speech.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

_SPOKEN_BEFORE = re.compile(
    r"\b(?:say|says|said|saying|ask|asks|asked|cry|cries|cried|answer(?:s|ed)?|repl(?:y|ies|ied)|"
    r"whisper(?:s|ed)?|shout(?:s|ed)?|exclaim(?:s|ed)?|mutter(?:s|ed)?|murmur(?:s|ed)?|add(?:s|ed)?|"
    r"repeat(?:s|ed)?|yell(?:s|ed)?|scream(?:s|ed)?|sing|sings|sang|call(?:s|ed)?\s+out|"
    r"went\s+on|goes\s+on|laugh(?:s|ed)?|sigh(?:s|ed)?)\s*$", re.I)
_MAX_WORDS = 4

P = TypeVar("P")


def unspoken(parts: Sequence[P], narration: type, quote: type) -> list[P]:
    """``parts`` with each quoted term made narration, marks kept (the caller joins it to
    the narration around it).

    ``narration`` and ``quote`` are the beat classes (``Narration(text)``, ``Quote``).
    """
    out: list[P] = []
    for i, p in enumerate(parts):
        before = parts[i - 1] if i else None
        after = parts[i + 1] if i + 1 < len(parts) else None
        if isinstance(p, quote) and _is_term(p, before, after, narration):
            out.append(narration(f"\u201c{p.text}\u201d"))  # type: ignore[attr-defined]
        else:
            out.append(p)
    return out


def _is_term(q: object, before: object, after: object, narration: type) -> bool:
    text = q.text.strip()  # type: ignore[attr-defined]
    if not q.closed or q.verse or q.pieces or not text:  # type: ignore[attr-defined]
        return False
    if len(text.split()) > _MAX_WORDS or text[-1] in "!?;:…—–-":
        return False
    if not isinstance(before, narration) or (after is not None and not isinstance(after, narration)):
        return False
    lead = before.text  # type: ignore[attr-defined]
    # The sentence runs into the quotation without a pause ...
    if not re.search(r"\w\s+$", lead) or _SPOKEN_BEFORE.search(lead):
        return False
    # ... and out of it in lower case; or the term, in lower case itself, ends the sentence
    # with the stop inside the marks, the American way (`an authority on "form."`).
    if text[-1] not in ".," and after is not None and re.match(r"\s*(?:[a-z]|[,;]\s+[a-z])", after.text):
        return True
    return text[0].islower() and (text[-1] in ".," or after is None)
