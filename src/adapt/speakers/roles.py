"""Roles the text ties to a name: "said the beadle", with Mr. Bumble named beside it, is Mr. Bumble.

The reading pass counts, at every tag naming a role ("the beadle", "the girl"), whom the
narration has just named of the role's sex (``Resolver.role_votes``). A role mostly voted
for one character is that character, unless the two answer each other. Deciding it before
the turn model was tried (the exchange would have one key for the one person) and lost
3 lines on the ten novels, so ``unnamed.name_placeholders`` asks once, when every line has a speaker.

The same evidence of the finished attribution joins keys: a name said in tagged lines whose
tagged neighbours are another key's ("Caroline" to Miss Bingley; "Fagin" to "the Jew").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from adapt import patterns
from adapt.read.beats import Beat, Paragraph
from adapt.speakers.evidence import Attribution
from adapt.speakers.names import NAME, TITLES, one_titled, title_of
from adapt.speakers.resolver import YOUNG, Resolver

_ROLE_NOUN = {"Dr": "doctor"}
_OLD_NAME = re.compile(rf"\bold ({NAME})")
# The look-ahead: the letters the titles start with (the whole text is scanned, once).
_ROLE_TITLE = re.compile(r"(?=[ACDGIJLMPRSV])\b(Doctor|Dr\.|Captain|Colonel|Major|General|Inspector|Professor|Sergeant|Lieutenant|"
                         r"Judge|Parson|Vicar|Rector|Squire|Admiral|Governor)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def link_roles(r: Resolver, text: str) -> None:
    """Role nouns that name one character: a story whose only titled doctor is
    "Doctor Losberne" means him by "the doctor"; so with the captain, the inspector."""
    surnames: dict[str, set[str]] = {}
    for m in _ROLE_TITLE.finditer(text):
        role = _ROLE_NOUN.get(m.group(1).rstrip("."), m.group(1).lower())
        surnames.setdefault(role, set()).add(m.group(2))
    aged: Counter[str] = Counter(m.group(1) for m in patterns.finditer_at(_OLD_NAME, text, "old "))
    for form, n in aged.items():
        # "old Mrs. Mingott", one time in twelve or more: whom "the old lady" means ("old
        # Fagin" now and then is not what the text calls him)
        key, c = r.person(form), text.count(form)
        if key and (n >= 3 and n >= 0.08 * c or c <= 2):
            r.old[key] += max(n, 3)  # ("old Amos Crane", his only full mention: the old man)
    for role, found in surnames.items():
        if len(found) != 1:
            continue
        (last,) = found
        keys = {r.canonical(k) for k in r.known if k.split()[-1] == last}
        if len(keys) == 1:
            r.roles[role] = keys.pop()


def titled(role: str, known: set[str] | frozenset[str]) -> str | None:
    """"the colonel" of a story whose one colonel is Colonel Saunders is he."""
    head = role.split()[-1].capitalize()
    if head in ("Master", "Miss"):
        return None  # "the master" of the workhouse is no Master Bates, a boy's title
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
    # (once is no proof: the woman who says "I'm Diane Porter" hands over to DIANE's next line)
    return turns_between(a, b, by_para, order) > max(1.0, 0.2 * sum(by_para[x] == a for x in order))


def turns_between(a: str, b: str, by_para: dict[int, str], order: list[int]) -> int:
    """How often a and b speak one after the other (a line of narration or another voice between at most)."""
    return sum({by_para[x], by_para[y]} == {a, b} and y - x <= 2 for x, y in pairwise(order))


def speakers_by_paragraph(out: dict[tuple[int, int], Attribution]) -> tuple[dict[int, str], list[int]]:
    """Each paragraph's first speaker, and the paragraphs in order."""
    by_para: dict[int, str] = {}
    for (bi, _), a in sorted(out.items()):
        by_para.setdefault(bi, a.speaker)
    return by_para, sorted(by_para)


def merge_vocative_aliases(beats: list[Beat], out: dict[tuple[int, int], Attribution], r: Resolver) -> None:
    """'Upon my word, Caroline' said to Miss Bingley, twice: Caroline is Miss Bingley."""
    merge = {}
    for v, c in _calls_beside_tags(beats, out, r, of_tagged=False).items():
        (target, k), = c.most_common(1)
        if k >= 2 and k * 2 > sum(c.values()):
            merge[v] = target
    _merge(out, r, merge)


def merge_called_keys(beats: list[Beat], out: dict[tuple[int, int], Attribution], r: Resolver) -> None:
    """'"..., Fagin," said Sikes' answered by a line tagged "said the Jew", 25 times in 43, and
    the two keys never answering each other: one man, under his name. (A name said to the
    speaker of a tagged line's neighbour, when that neighbour is tagged under another key.)"""
    tagged = Counter(a.speaker for a in out.values() if a.evidence == "tag")
    by_para, order = speakers_by_paragraph(out)
    merge: dict[str, str] = {}
    for v, c in sorted(_calls_beside_tags(beats, out, r, of_tagged=True).items()):
        (t, k), = c.most_common(1)
        if t == v or k < 3 or 2 * k <= sum(c.values()) or {v, t} & set(merge):
            continue
        gv, gt = r.genders.get(v), r.genders.get(t)
        if gv and gt and gv != gt or turns_between(v, t, by_para, order) > 0.15 * min(tagged[v], tagged[t]):
            continue  # two who answer each other are two people
        keep, drop = (v, t) if _described(t, r) or not _described(v, r) and tagged[v] >= tagged[t] else (t, v)
        merge[drop] = keep
    _merge(out, r, merge)


SELF_NAMED = re.compile(rf"\b(?:[Mm]y name is|[Mm]y name's|I am|I'm)\s+({NAME})(?=[\s,.;!?—–-]|$)")
"""'My name is Gideon Marsh', 'I am Mrs. Pell': the speaker names themself."""
_ASKED = re.compile(r"\b(?:what(?:'s| is) your name|who are you)\b[^.!?]*\?\s*$", re.I)
_GIVEN = re.compile(rf"^\s*({NAME})[.,!]")


_ON_THE_LINE = re.compile(rf"(?:^|[.?!]\s+)[Tt]his is ({NAME})(?=[\s,.;!?—–-]|$)")
"""'Miss Pelling? This is Margaret Hale': a voice on the telephone names itself."""


def own_name(text: str, asked: str, voice: bool = False) -> str | None:
    """The name a speaker gives as their own: "My name is Rosalind", or "Margaret. Margaret Ivy
    Thorne." in answer to "What's your name, my dear?" (``asked``, the line before); a
    ``voice`` heard, not seen, by "This is Margaret Hale" too (said in a room, it introduces another)."""
    m = SELF_NAMED.search(text) or (_GIVEN.match(text) if _ASKED.search(asked) else None) \
        or (_ON_THE_LINE.search(text) if voice else None)
    return m.group(1) if m else None


def merge_self_named(beats: list[Beat], out: dict[tuple[int, int], Attribution], r: Resolver) -> None:
    """"'... My name is Gideon Marsh,' said the old man": the unnamed role who says a name of
    the cast as their own is that character from the start (OLD MAN's lines are MARSH's),
    unless the two answer each other."""
    by_para, order = speakers_by_paragraph(out)
    merge: dict[str, str] = {}
    for (bi, i), a in sorted(out.items()):
        if not a.speaker.startswith("\x00") or a.speaker in merge:
            continue
        for m in SELF_NAMED.finditer(beats[bi].parts[i].text):  # type: ignore[union-attr]
            name = m.group(1)
            # "I'm Diane Porter" of a cast that knows her as "Diane": her given name
            who = r.person(name) or (r.person(name.split()[0]) if len(name.split()) == 2 and not title_of(name) else None)
            if who and not who.startswith("\x00") and not take_turns(a.speaker, who, by_para, order):
                merge[a.speaker] = who
                break
    _merge(out, r, merge)


def _calls_beside_tags(beats: list[Beat], out: dict[tuple[int, int], Attribution], r: Resolver,
                       of_tagged: bool) -> dict[str, Counter[str]]:
    """Each name a tagged line calls (a key some tag names too, ``of_tagged``, or one no tag
    names), with the speakers of the tagged lines beside it: whom the name may be."""
    tagged = {a.speaker for a in out.values() if a.evidence == "tag"}
    first: dict[int, Attribution] = {}
    for (bi, _), a in sorted(out.items()):
        first.setdefault(bi, a)
    order = sorted(first)
    votes: dict[str, Counter[str]] = {}
    for n, bi in enumerate(order):
        a = first[bi]
        if a.evidence != "tag":
            continue
        b = beats[bi]
        assert isinstance(b, Paragraph)
        for v in sorted(r.called(q.text for q in b.quotes)):
            if v == a.speaker or (v in tagged) != of_tagged:
                continue
            near = [first[order[k]] for k in (n + 1, n - 1) if 0 <= k < len(order)]
            heard = [x.speaker for x in near if x.evidence == "tag" and x.speaker != a.speaker]
            if heard:
                votes.setdefault(v, Counter())[heard[0]] += 1
    return votes


def _merge(out: dict[tuple[int, int], Attribution], r: Resolver, merge: dict[str, str]) -> None:
    """Give each merged key's lines to the key it joins, and its forms too."""
    for key, a in list(out.items()):
        if a.speaker in merge:
            out[key] = replace(a, speaker=merge[a.speaker])
    r.alias.update(merge)


def _described(key: str, r: Resolver) -> bool:
    """A key that is a description, not a name: "the undertaker", "the Jew"."""
    return key.startswith(("\x00", "the ")) or key in r.described
