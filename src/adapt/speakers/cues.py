"""The name a character's cue prints, where the key the cast keeps is not the one a script wants.

A novel's family shares a surname: Mansfield Park writes "Mr. Crawford", "Miss Crawford" and
"Admiral Crawford", and cues that differ only in a title are easily misread down a page of
dialogue. A screenplay calls such characters by their given names (HENRY, MARY), which the
text gives them too ("Henry Crawford", "Henry"). Only the cue changes: the key, and every form
the text names the character by, stay as the cast found them.
"""
from __future__ import annotations

from collections import defaultdict

from adapt.speakers.names import title_of

SHARE = 0.25
"""How often the given name must be written, against the titled form, to be the cue."""


def given_name_cues(keys: set[str], alias: dict[str, str], text: str) -> dict[str, str]:
    """Key → the given name its cue prints, for a title and surname that another key of the
    cast shares with another title ("Mr. Crawford" beside "Miss Crawford"), when the text writes
    that character's full name untitled ("Henry Crawford"), the given name names no one else,
    and the text uses it at least ``SHARE`` times as often as the titled form."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in sorted(keys):
        if title_of(k) and len(k.split()) == 2:
            by_surname[k.split()[1]].append(k)
    givens: dict[str, set[str]] = defaultdict(set)  # a given name → the keys it is a form of
    full: dict[str, list[list[str]]] = defaultdict(list)  # a key → its untitled two-word forms
    for form, key in alias.items():
        words = form.split()
        if not title_of(form) and len(words) in (1, 2):
            givens[words[0]].add(key)
            if len(words) == 2:
                full[key].append(words)
    cues: dict[str, str] = {}
    for surname, family in by_surname.items():
        if len({k.split()[0] for k in family}) < 2:
            continue
        for k in family:
            named = [words for words in full[k] if words[1] == surname]  # "Henry Crawford"
            if len(named) != 1:
                continue
            given = named[0][0]
            if givens[given] == {k} and alias.get(given) == k and text.count(given) >= SHARE * text.count(k):
                cues[k] = given
    return cues
