"""One character, many names: 'Miss Eliza', 'Lizzy' and 'Elizabeth Bennet' are Elizabeth.

A novel names a person by first name, full name, title and name, pet name; a script needs
one cue for them, and the turn model one key (else 'LIZZY' answering 'ELIZABETH' dodges the
penalty for one speaker twice). Forms are merged only by evidence that holds in any novel:
the same given name (a pet form of it from the table below, or a clear shortening), with
the full name or "Miss"/"Master" around it. Surnames and "Mr. X" are ``cast.py``'s.
"""
from __future__ import annotations

from collections import Counter

from adapt.speakers.names import TITLES, title_of

# Common English pet forms of given names (the usual nickname tables): form → given names.
_PETS = {
    "Elizabeth": "Eliza Lizzy Lizzie Liz Lizbeth Beth Betsy Betty Bess Bessie Libby",
    "Margaret": "Maggie Meg Peggy Madge Margery Marjorie", "Catherine": "Kate Kitty Katie Cathy",
    "Katherine": "Kate Kitty Katie Kathy", "Thomas": "Tom Tommy", "William": "Will Willy Willie Bill Billy",
    "Robert": "Rob Bob Bobby", "Richard": "Dick Rich Richie", "Edward": "Ed Eddie Ned Ted Teddy",
    "Henry": "Harry Hal Hank", "John": "Jack Johnny", "James": "Jim Jimmy Jem Jamie",
    "Charles": "Charlie Charley", "Frederick": "Fred Freddy Freddie", "Frances": "Fanny Fran",
    "Mary": "Polly Molly Mamie Mollie", "Anne": "Annie Nan", "Ann": "Annie Nan", "Sarah": "Sally Sadie",
    "Susan": "Sue Susie Sukey", "Dorothy": "Dolly Dot", "Eleanor": "Nell Nelly Ellie", "Helen": "Nell Nelly",
    "Joseph": "Joe Joey", "Samuel": "Sam Sammy", "Benjamin": "Ben Benny", "Nicholas": "Nick Nicky",
    "Alexander": "Alex Sandy", "Christopher": "Kit Chris", "Isabella": "Bella", "Rebecca": "Becky",
    "Matilda": "Tilly Tilda", "Harriet": "Hattie Hetty", "Theodore": "Theo Ted", "Josephine": "Josie",
    "Louisa": "Lou Louie", "Caroline": "Carrie", "Georgiana": "Georgie", "Francis": "Frank",
    "Walter": "Walt", "Albert": "Bert", "Alfred": "Alf Fred", "Daniel": "Dan Danny", "David": "Dave Davy",
    "Michael": "Mike Mick", "Peter": "Pete", "Patrick": "Pat Paddy", "Timothy": "Tim", "Anthony": "Tony",
    "Lawrence": "Larry", "Edmund": "Ned", "Augustus": "Gus", "Emily": "Emmy", "Emma": "Emmy",
    "Amelia": "Milly", "Gertrude": "Gertie Trudy",
}
_PET: dict[str, set[str]] = {}
for _given_name, _pets in _PETS.items():
    for _p in _pets.split():
        _PET.setdefault(_p, set()).add(_given_name)
_GIVEN_TITLES = {"Miss", "Master"}  # "Miss Eliza", "Master Tom": a title before a given name


def surnames(forms: Counter[str]) -> set[str]:
    """Words the text uses more to end a name ("Mr. Bennet", "Jane Bennet") than to begin one
    ("Ellen Olenska", "Miss Ellen"): family names, never merged as given names."""
    last: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for f, c in forms.items():
        words = f.split()
        if len(words) < 2:
            continue
        last[words[-1]] += c
        title = title_of(f)
        rest = words[1:] if title else words
        if len(rest) > 1 or (title in _GIVEN_TITLES | {"Lady", "Sir", "Lord"} and rest):
            first[rest[0]] += c
    return {w for w, c in last.items() if c > first[w]}


def _given(form: str, firsts: dict[str, str], alone: bool = True) -> str | None:
    """The key of the one character whose given name ``form`` is, or is a pet form of."""
    given = [firsts[g] for g in sorted(_PET.get(form, ())) if g in firsts]
    if given:
        return given[0] if len(given) == 1 else None  # "Kate": Catherine or Katherine?
    if form in firsts:
        short_of = _shortens(form, firsts) if alone else None  # "Kit" of a "Kitty"
        return firsts[short_of or form]
    if not alone:
        return None  # "Jane Merry" is no shortening of a "Janey"
    longer = _shortens(form, firsts, least=4)
    return firsts[longer] if longer else None  # "Eliza" of "Elizabeth"


def pet_form_of(form: str, givens: set[str]) -> str | None:
    """The one name of ``givens`` that ``form`` is a pet form of ("Dan" of "Daniel")."""
    found = sorted(_PET.get(form, set()) & givens)
    return found[0] if len(found) == 1 else None


def _shortens(form: str, firsts: dict[str, str], least: int = 3) -> str | None:
    """The one given name of the cast that ``form`` begins ('Kit' of 'Kitty', 'Jim' of 'Jimmy'),
    when ``form`` has at least ``least`` letters."""
    longer = [g for g in firsts if g != form and g.startswith(form)]
    return longer[0] if len(form) >= least and len(longer) == 1 else None


def name_variants(forms: Counter[str], known: set[str], surnames: set[str]) -> dict[str, str]:
    """Form → the key it names, for forms that name a character known by another form.

    ``forms`` counts every capitalised name in the text (narration and speech); ``known``
    holds the cast's keys; ``surnames`` the words that end someone's full name (so a key
    "Darcy" is a surname, not a given name). The key kept is the form used most.
    """
    firsts: dict[str, str] = {}
    for k in sorted(known):
        words = k.split()
        if title_of(k):
            continue
        # A given name that mostly comes with a title ("Catherine" of "Lady Catherine")
        # belongs to that titled person, not to a "Kitty" of the same name.
        titled = sum(c for f, c in forms.items() if len(f.split()) == 2 and f.split()[1] == k and title_of(f))
        if len(words) == 1 and k not in surnames and titled <= forms[k]:
            firsts.setdefault(k, k)
    merged: dict[str, str] = {}
    for f in sorted(forms):
        words = f.split()
        if f in firsts and not (_PET.get(f, set()) & set(firsts)) and not _shortens(f, firsts):
            continue  # a given name of its own ("Fanny" with no "Frances" beside her)
        title = title_of(f)
        rest = words[1:] if title else words
        if title and title not in _GIVEN_TITLES and len(rest) < 2:
            continue  # "Mr. Henry" is a surname; "Mr. Henry Crawford" is not
        if not rest or any(w.rstrip(".") in TITLES for w in rest):
            continue
        target = _given(rest[0], firsts, alone=len(rest) == 1)
        if not target and len(rest) > 1 and rest[0] not in firsts:
            # "Master Charles Bates" is the Charley the text writes "Charley Bates", "Elizabeth
            # Bennet" the Lizzy of no other surname ("Josephine Barry" is no "Josie Pye")
            pets = [firsts[p] for p in sorted(_PETS.get(rest[0], "").split()) if p in firsts
                    and not any(g.startswith(p + " ") and g.split()[-1] != rest[-1] for g in forms)]
            target = pets[0] if len(pets) == 1 else None
        if target and target != f and (len(rest) == 1 or rest[-1] in surnames):
            merged[f] = target
    # The form the text uses most becomes the key: "Elizabeth" over "Lizzy".
    groups: dict[str, list[str]] = {}
    for f, k in merged.items():
        groups.setdefault(k, [k]).append(f)
    out: dict[str, str] = {}
    for k, members in groups.items():
        best = max((m for m in members if m in known or m == k), key=lambda m: (forms[m], m == k, m))
        for m in members:
            if m != best:
                out[m] = best
    return out


def follow(links: dict[str, str]) -> None:
    """Make one lookup reach the end of each chain, in place: "Small" → "Jonathan Small" → ...
    (a cycle stops where it closes)."""
    for a in list(links):
        seen = {a}
        while links[a] in links and links[a] not in seen:
            seen.add(links[a])
            links[a] = links[links[a]]
