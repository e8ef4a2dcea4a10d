"""Speakers: what the narration says of the text as a whole — the words it writes as names,
and whether an "I" tells it."""
from __future__ import annotations

import re
from collections import Counter

from adapt.read.beats import Beat, Narration, Paragraph


def proper_words(beats: list[Beat]) -> frozenset[str]:
    """Words capitalised inside sentences somewhere in the narration: proper names, and not
    whatever merely opens a sentence ("Then", "Men")."""
    texts = [b.narration for b in beats if isinstance(b, Paragraph)]
    caps = Counter(m.group(1) for b in beats if isinstance(b, Paragraph)
                   for t in _sentence_parts(b) for m in _MID_CAPITAL.finditer(t))
    lower = Counter(w for t in texts for w in _LOWER_WORD.findall(t))
    # "the Home Department" once, "home" a hundred times: a word, not a name.
    return frozenset(w for w, c in caps.items() if c * 10 >= lower[w.lower()])


def _sentence_parts(b: Paragraph) -> list[str]:
    """The paragraph's narration, each part on its own when a closed quotation ends the
    sentence before it: '"Bring me a stick." Women were screaming.' opens with "Women"."""
    out: list[str] = []
    for i, p in enumerate(b.parts):
        if isinstance(p, Narration):
            before = b.parts[i - 1].text.rstrip() if i else ""
            if out and not before.endswith((".", "!", "?")):
                out[-1] += " " + p.text.strip()
            else:
                out.append(p.text.strip())
    return out


_MID_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|I'm|I’m)\b")


def is_first_person(beats: list[Beat]) -> bool:
    """Told by an "I": first-person words make over 1.2% of the narration."""
    words = i_count = 0
    for b in beats:
        if isinstance(b, Paragraph):
            text = b.narration
            words += len(text.split())
            i_count += len(_FIRST_PERSON.findall(text))
    return words > 0 and i_count / words > 0.012
