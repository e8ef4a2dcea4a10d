"""Speakers: what the narration says of the text as a whole — the words it writes as names,
whether an "I" tells it, and how the others see "I"."""
from __future__ import annotations

import re
from collections import Counter

from adapt.read.beats import Beat, Narration, Paragraph
from adapt.speakers.evidence import Attribution
from adapt.speakers.names import ADDRESS_GENDER
from adapt.speakers.resolver import NARRATOR


def narration_words(beats: list[Beat]) -> tuple[frozenset[str], frozenset[str]]:
    """(Words capitalised inside sentences somewhere in the narration: proper names, and not
    whatever merely opens a sentence ("Then", "Men"); the words it writes in lower case)."""
    paragraphs = [b for b in beats if isinstance(b, Paragraph)]
    # One scan each: a part joined on ". " opens a sentence as it would alone.
    caps = Counter(_MID_CAPITAL.findall(". ".join(t for b in paragraphs for t in _sentence_parts(b))))
    lower = Counter(_LOWER_WORD.findall(" ".join(b.narration for b in paragraphs)))
    # "the Home Department" once, "home" a hundred times: a word, not a name.
    return frozenset(w for w, c in caps.items() if c * 10 >= lower[w.lower()]), frozenset(lower)


def _sentence_parts(b: Paragraph) -> list[str]:
    """The paragraph's narration, each part on its own when a closed quotation ends the
    sentence before it: '"Bring me a stick." Women were screaming.' opens with "Women";
    '"Paul did it," Grace said.' does not open with "Grace"."""
    out: list[str] = []
    for i, p in enumerate(b.parts):
        if isinstance(p, Narration):
            before = b.parts[i - 1].text.rstrip() if i else ""
            if out and not before.endswith((".", "!", "?")):
                out[-1] += " " + p.text.strip()
            elif before and not before.endswith((".", "!", "?")):
                out.append(", " + p.text.strip())  # '"Paul did it," Grace said.': mid-sentence
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


_ADDRESS = re.compile(r"(?:^|,\s*|\bmy\s+(?:dear\s+|good\s+|poor\s+|old\s+|young\s+)?)(%s)\b(?=\s*[,.!?;]|$)"
                      % "|".join(map(re.escape, ADDRESS_GENDER)), re.I)


def narrator_gender(beats: list[Beat], out: dict[tuple[int, int], Attribution]) -> str | None:
    """'Sit down, Doctor' / 'my dear fellow' said to the narrator: how others see "I"."""
    by_para: dict[int, str] = {}
    for (bi, _), a in sorted(out.items()):
        by_para.setdefault(bi, a.speaker)
    order = sorted(by_para)
    votes: Counter[str] = Counter()
    for n, bi in enumerate(order):
        if by_para[bi] == NARRATOR:
            continue
        near = {by_para[order[k]] for k in (n - 1, n + 1) if 0 <= k < len(order)}
        if NARRATOR not in near:
            continue
        b = beats[bi]
        assert isinstance(b, Paragraph)
        for q in b.quotes:
            votes.update(ADDRESS_GENDER[m.group(1).lower()] for m in _ADDRESS.finditer(q.text))
    if not votes:
        return None
    (g, c), = votes.most_common(1)
    return g if c >= 2 and c >= 2 * (sum(votes.values()) - c) else None
