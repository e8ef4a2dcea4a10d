"""Speakers: "as he proceeded" — a speech the narration says goes on is its last speaker's.

A long story told inside a novel (Small's in The Sign of the Four) breaks for a paragraph
of narration ("He may have observed it, for there was a touch of defiance in his voice
as he proceeded.") and resumes under a bare "said he". The turn model reads that "he" as
the man named last in the narration; the narration itself says the teller goes on. Runs
after the turn model, on what it decided, so the speaker of the speech before is known.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from adapt.read.beats import Beat, Heading, Paragraph, Quote, SceneBreak
from adapt.speakers.evidence import Attribution
from adapt.speakers.names import PRONOUN_GENDER

GOES_ON = re.compile(r"\b(he|she|He|She)\s+(?:[a-z]+ly\s+)?(?:proceed(?:s|ed)?|continu(?:es|ed)|went on|goes on|"
                     r"resum(?:es|ed)|pursu(?:es|ed))\b[^.!?]*[.:!?—–-]*\s*$")
GUESSES = {"pronoun", "turns", "alternation", "after"}
"""What the turn model decided: the narration's word may overrule it."""


def carry_on(beats: list[Beat], head: dict[int, int], out: dict[tuple[int, int], Attribution],
             genders: dict[str, str], called: Callable[[Iterable[str]], set[str]]) -> set[int]:
    """The first speech after a "he went on" narration keeps the teller of the speech before,
    when the pronoun fits, only a guess named someone else and the speech does not call
    the teller by name ("Good boy, ... Oliver"). Returns the paragraphs it
    gave back to their teller (the turn order around them is to be read again)."""
    changed: set[int] = set()
    last: int | None = None  # the last quotation paragraph
    carried: str | None = None
    for bi, b in enumerate(beats):
        if isinstance(b, (Heading, SceneBreak)):
            last = carried = None
            continue
        if not isinstance(b, Paragraph):
            continue
        if not b.quotes:
            m = GOES_ON.search(b.narration)
            teller = _teller(beats, head, out, last) if m else None
            carried = teller if teller and genders.get(teller) == PRONOUN_GENDER[m.group(1).lower()] else None  # type: ignore[union-attr]
            continue
        if carried:
            a = out.get((bi, _first_quote(b)))
            # A "he said" of its own after "she went on" is someone else's.
            if a and a.evidence in GUESSES and a.speaker != carried and carried not in called(q.text for q in b.quotes) \
                    and not (a.evidence == "pronoun" and genders.get(a.speaker) != genders.get(carried)):
                for k, p in enumerate(b.parts):
                    if isinstance(p, Quote) and out.get((bi, k), a).evidence in GUESSES:
                        out[(bi, k)] = Attribution(carried, "goes on")
                changed.add(bi)
        carried = None
        last = bi
    return changed


def _teller(beats: list[Beat], head: dict[int, int], out: dict[tuple[int, int], Attribution],
            last: int | None) -> str | None:
    """Who told the speech the paragraph ``last`` belongs to: its first paragraph's speaker."""
    if last is None:
        return None
    h = head.get(last, last)
    b = beats[h]
    assert isinstance(b, Paragraph)
    a = out.get((h, _first_quote(b)))
    return a.speaker if a else None


def _first_quote(b: Paragraph) -> int:
    return next(i for i, p in enumerate(b.parts) if isinstance(p, Quote))
