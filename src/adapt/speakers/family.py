"""Who a kinship tag means: "said her mother" is the Mrs. of her surname, "his wife" of Mr.
Bennet Mrs. Bennet, "his brother" of Frank Oakley the one other man surnamed Oakley."""
from __future__ import annotations

from typing import Protocol

from adapt.speakers.names import PRONOUN_GENDER, title_of


class Resolver(Protocol):
    """What of ``resolver.Resolver`` the kinship rules read (it imports this module)."""

    known: set[str]
    genders: dict[str, str]
    alias: dict[str, str]

    def surnames(self) -> dict[str, set[str]]: ...
    def canonical(self, name: str) -> str: ...
    def by_gender(self, g: str, exclude: set[str] = ..., avoid: set[str] = ...) -> str: ...

SPOUSE = {"wife": {"Mr.": "Mrs.", "Mr": "Mrs", "Sir": "Lady", "Lord": "Lady"},
          "lady": {"Mr.": "Mrs.", "Mr": "Mrs", "Sir": "Lady", "Lord": "Lady"},
          "husband": {"Mrs.": "Mr.", "Mrs": "Mr", "Lady": "Sir"}}
"""The spouse's title: "his wife" of a Mr. is a Mrs., of a Sir a Lady."""
RELATIVES = {"mother": "f", "father": "m", "wife": "f", "husband": "m", "sister": "f", "brother": "m",
             "aunt": "f", "uncle": "m", "daughter": "f", "son": "m", "niece": "f", "nephew": "m",
             "cousin": "", "friend": "", "companion": "", "lady": "f", "mistress": "f", "master": "m"}
"""Relations a tag names ("said her mother") and the sex they tell."""


def parent(r: Resolver, child: str, relation: str) -> str | None:
    """The "Mrs. S" of a child whose surname is S, for "her mother" ("Mr. S" for "his father");
    the one other man (woman) surnamed S for "his brother" ("her sister")."""
    if relation in ("brother", "sister", "son", "daughter"):
        # "his brother" of Frank Oakley: the one other man whose full name ends in Oakley;
        # "his son" of Mr. Emerson, the one man written "<given> Emerson"
        words = child.split()
        theirs = r.surnames().get(child, set()) | (
            {words[-1]} if relation in ("son", "daughter") and len(words) > 1 and title_of(child) else set())
        g = RELATIVES[relation]
        kin = {k for k, names in r.surnames().items() if names & theirs and k != child and r.genders.get(k) == g}
        return kin.pop() if len(kin) == 1 else None
    title = {"mother": "Mrs.", "father": "Mr."}.get(relation)
    if not title:
        return None
    words = child.split()
    names = r.surnames().get(child, set()) | ({words[-1]} if len(words) > 1 and title_of(child) else set())
    found = {k for s in names if (k := r.canonical(f"{title} {s}")) in r.known and k != child}
    return found.pop() if len(found) == 1 else None


def relative(r: Resolver, words: list[str], exclude: set[str], avoid: set[str]) -> str | None:
    """"said her mother" (``words``): someone of that sex other than the "her" — the Mrs. of
    Elizabeth Bennet's surname, Mrs. Bennet; the man just named; or, in a story that names
    no one else, a character of its own, FATHER."""
    relation = words[-1].lower()
    whose = possessor(r, PRONOUN_GENDER[words[0].lower()], exclude)
    g = RELATIVES[relation]
    kin = parent(r, whose, relation) if len(words) == 2 else None
    if kin and kin not in exclude:
        return kin
    who = r.by_gender(g, exclude | {whose}, avoid) if g else None
    if who is not None and who.startswith("\x00") and who[1:] in ("he", "she") and len(words) == 2:
        r.genders.setdefault(who := "\x00the " + relation, g)  # type: ignore[arg-type]
    return who


def spouse(r: Resolver, key: str, relation: str) -> str | None:
    """"his wife" of Mr. Bennet: Mrs. Bennet; of Sir Thomas (Bertram): Lady Bertram."""
    parts = key.split()
    swap = SPOUSE.get(relation, {})
    if len(parts) < 2 or parts[0] not in swap:
        return None
    names = sorted(r.surnames().get(key, set()) | {f.split()[-1] for f, k in r.alias.items()
                                                       if k == key and len(f.split()) > 2 and f.startswith(parts[0])}
                   ) if parts[0] in ("Sir", "Lord") else []
    return r.canonical(swap[parts[0]] + " " + (names[0] if len(names) == 1 else " ".join(parts[1:])))


def possessor(r: Resolver, g: str, spoken_to: set[str]) -> str:
    """Whose "his brother", "her husband" a tag means: the one of that sex the speech is to
    ("'How could you do it, Frank?' gasped his brother"), else the last one named."""
    to = [k for k in sorted(spoken_to) if r.genders.get(k) == g]
    return to[0] if len(to) == 1 else r.by_gender(g, spoken_to)


def kin_present(r: Resolver, noun: str, exclude: set[str], room: list[str]) -> str | None:
    """"said the son" of a scene with Mr. Emerson: his son, the one man written "<given>
    Emerson"; "said the father" of a scene with George Emerson, Mr. Emerson: kin of one of
    ``room``, the last ones mentioned."""
    if noun not in ("son", "daughter", "father", "mother"):
        return None
    for k in reversed(room):
        if (title_of(k) or noun in ("father", "mother")) and (kin := parent(r, k, noun)) and kin not in exclude:
            return kin
    return None
