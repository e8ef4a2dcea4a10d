"""Roles the text ties to a name: "said the beadle", with Mr. Bumble named beside it, is Mr. Bumble.

The reading pass counts, at every tag naming a role ("the beadle", "the girl"), whom the
narration has just named of the role's sex (``Resolver.role_votes``). A role mostly voted
for one character is that character, unless the two answer each other. Deciding it before
the turn model was tried (the exchange would have one key for the one person) and lost
3 lines on the ten novels, so ``cast.name_placeholders`` asks once, when every line has a speaker.
"""
from __future__ import annotations

from collections import Counter
from itertools import pairwise

from adapt.speakers.evidence import Attribution
from adapt.speakers.names import TITLES, one_titled
from adapt.speakers.resolver import YOUNG


def titled(role: str, known: set[str] | frozenset[str]) -> str | None:
    """"the colonel" of a story whose one colonel is Colonel Saunders is he."""
    head = role.split()[-1].capitalize()
    return one_titled(head, known) if len(role.split()) == 2 and head in TITLES else None


def role_name(role: str, votes: Counter[str], by_para: dict[int, str], order: list[int]) -> str | None:
    """The character a role is, from its votes: the young of a novel ("the girl") are its
    heroine often enough at 3 votes and 3 in 5; other roles need 5 and 4 in 5, and never
    to answer the one they are voted for."""
    if not votes:
        return None
    (who, n), = votes.most_common(1)
    if role.split()[-1] in YOUNG:
        return who if n >= 3 and n >= 0.6 * sum(votes.values()) else None
    if n >= 5 and n >= 0.8 * sum(votes.values()) and not take_turns(role, who, by_para, order):
        return who
    return None


def take_turns(a: str, b: str, by_para: dict[int, str], order: list[int]) -> bool:
    """Do a and b answer each other (so are two people: "the stranger" who answers Mr. Bumble
    33 times in 24 lines is not Mr. Bumble, however near the narration names him; "the beadle",
    next to him 5 times in 31 lines, where the turn order slipped, is)?"""
    turns = sum({by_para[x], by_para[y]} == {a, b} and y - x <= 2 for x, y in pairwise(order))
    return turns > 0.2 * sum(by_para[x] == a for x in order)


def speakers_by_paragraph(out: dict[tuple[int, int], Attribution]) -> tuple[dict[int, str], list[int]]:
    """Each paragraph's first speaker, and the paragraphs in order."""
    by_para: dict[int, str] = {}
    for (bi, _), a in sorted(out.items()):
        by_para.setdefault(bi, a.speaker)
    return by_para, sorted(by_para)
