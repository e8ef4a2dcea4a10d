"""Speakers: what the narration says of the text as a whole — the words it writes as names,
and whether an "I" tells it."""
from __future__ import annotations

import re
from collections import Counter

from adapt.read.beats import Beat, Narration, Paragraph


def proper_words(beats: list[Beat]) -> frozenset[str]:
    """Words capitalised inside sentences somewhere in the narration: proper names, and not
    whatever merely opens a sentence ("Then", "Men")."""
    paragraphs = [b for b in beats if isinstance(b, Paragraph)]
    # One scan each: a part joined on ". " opens a sentence as it would alone.
    caps = Counter(_MID_CAPITAL.findall(". ".join(t for b in paragraphs for t in _sentence_parts(b))))
    lower = Counter(_LOWER_WORD.findall(" ".join(b.narration for b in paragraphs)))
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


# A capital after a non-word character that no stop and space precede: the lookbehinds
# follow the capital, so the search skips ahead to the next capital letter.
_MID_CAPITAL = re.compile(r"[A-Z](?<=\W.)(?<![.!?]\s.)[a-z]+")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# "I", "me", "my" as words ("I'm" counts its "I"); the lookbehinds follow the letters,
# so the search skips ahead to the next "I" or "m".
_FIRST_PERSON = re.compile(r"I(?<!\wI)\b|m[ey](?<!\w..)\b")


def is_first_person(beats: list[Beat]) -> bool:
    """Told by an "I": first-person words make over 1.2% of the narration."""
    words = i_count = 0
    for b in beats:
        if isinstance(b, Paragraph):
            text = b.narration
            words += len(text.split())
            i_count += len(_FIRST_PERSON.findall(text))
    return words > 0 and i_count / words > 0.012
