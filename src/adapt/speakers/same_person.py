"""One person under a title and under a name: 'Miss Bartlett' is 'Charlotte Bartlett' is 'Charlotte'.

A novel calls a character "Miss Bartlett" in narration and "Charlotte" in speech; a script
needs one cue, and the turn model one key (else CHARLOTTE answering MISS BARTLETT looks like
two people). ``variants.py`` joins the forms of one given name; this joins a title and a
surname ("Miss Bartlett", "Madame Olenska", "Mr. Vyse") to the one person the text writes
with that surname and a given name, and a titled full name ("Mr. Sillerton Jackson") to its
shorter forms. Evidence only: the person must be the one full name of that surname and sex,
never written beside the titled form in one sentence as someone else ("Mr. Emerson and
George", "Mrs. Barry and Diana").
"""
from __future__ import annotations

from collections import Counter

from adapt.speakers.names import EPITHETS, TITLES, gender_of_title, one_titled, title_of
from adapt.speakers.variants import follow

# Married titles: the wife, never a daughter of the house.
_MARRIED = {"Mrs", "Madame", "Mme", "Frau", "Signora", "Señora", "Senhora", "Lady", "Countess", "Baroness"}


def _pet_form(a: str, b: str) -> bool:
    """"Nance" of "Nancy", "Tibby" of "Tibbikins": the shorter, all but its last letter, begins
    the longer (not a plural: "Wilcoxes")."""
    short, long = sorted((a, b), key=len)
    return long[:len(short) - 1] == short[:-1] and long not in (short + "s", short + "es")


def _title(form: str) -> str | None:
    t = title_of(form)
    return t.rstrip(".") if t else None


def same_person(forms: Counter[str], known: set[str], alias: dict[str, str], genders: dict[str, str],
                apart: Counter[frozenset[str]], proper: frozenset[str]) -> dict[str, str]:
    """Key → the key of the same person, for keys that name someone another key already names.

    ``forms``: every capitalised name in the text, counted; ``alias``: form → key so far;
    ``genders``: key → "m"/"f"; ``apart``: pairs of keys written in one sentence as two people,
    with how often.
    """
    def key(f: str) -> str:
        return alias.get(f, f)

    # Full names the text writes ("Charlotte Bartlett"), by surname: the keys they belong to.
    by_surname: dict[str, Counter[str]] = {}
    once: dict[str, Counter[str]] = {}
    weak: set[str] = set()  # keys whose full name is written once
    for f, c in forms.items():
        words = f.split()
        given = words[1:] if _title(f) else words  # "Rev. Cuthbert Eager" is a full name too
        if len(given) not in (2, 3):
            continue
        if c < 2:
            once.setdefault(words[-1], Counter())[key(f)] += c
        elif given[0] in proper and key(f) in known:
            by_surname.setdefault(words[-1], Counter())[key(f)] += c
    # Once is enough for the one full name of a surname, given a character's given name:
    # "Leslie Oakley" is "Mrs. Oakley"; "Kitty Hamilton" and "Fannie Hamilton" are no one's.
    for surname, c in once.items():
        new = [p for p in c if p not in by_surname.get(surname, ())]
        if len(new) == 1 and new[0] in known and new[0].split()[0] in known:
            by_surname.setdefault(surname, Counter())[new[0]] += c[new[0]]
            weak.add(new[0])
    links: dict[str, str] = {}

    def link(a: str, b: str, proof: int = 1) -> None:
        if a != b and a in known and b in known and apart[frozenset((a, b))] < proof:
            keep, drop = (a, b) if forms[a] >= forms[b] else (b, a)
            links[drop] = keep

    # "Mr. Sillerton Jackson" is "Mr. Jackson", "Mr. Sillerton" and "Sillerton Jackson" when
    # no other "Mr. ... Jackson" is written.
    titled_full = [f for f in forms if _title(f) and len(f.split()) == 3 and key(f) in known]
    for f in sorted(titled_full):
        t, given, surname = f.split()
        same_title = [g for g in titled_full if _title(g) == _title(f) and g.split()[-1] == surname]
        if len(same_title) == 1:
            link(key(f), key(f"{t} {surname}"))
        g = gender_of_title(f)
        plain = key(f"{given} {surname}")
        if genders.get(plain) == g or (plain not in genders and _title(f) not in _MARRIED):
            link(key(f), plain)  # not "Mrs. Newland Archer" → Newland
        if _title(f) not in _MARRIED | {"Mr"}:
            link(key(f), key(f"{t} {given}"))  # "Sir Harry", "Miss Lucilla"; "Mr. Henry" is a surname
        elif g == "f" and given not in by_surname and key(f"{t} {given}") not in links:
            # "Mrs. Rachel" is "Mrs. Rachel Lynde", so "Mrs. Lynde" too; a "Mrs. Manson" beside
            # "Mrs. Manson Mingott" is a Manson of her own.
            link(links.get(key(f), key(f)), key(f"{t} {given}"))
    # "Mrs Mann" is "Mrs. Mann", the full stop left out.
    for k in sorted(known):
        first, _, rest = k.partition(" ")
        if rest and title_of(k) and not first.endswith(".") and f"{first}. {rest}" in known:
            link(key(f"{first}. {rest}"), k)
    # "Miss Bartlett" → the one woman written "<given> Bartlett".
    for k in sorted(known):
        t = _title(k)
        words = k.split()
        g = gender_of_title(k)
        if not t or len(words) != 2 or not g or words[1] not in by_surname:
            continue
        if t in _MARRIED and f"Miss {words[1]}" in known:
            continue  # "Mrs. Price" beside a "Miss Price": the mother, not the daughter both could be
        family = by_surname[words[1]]
        # Not a form of k itself; not "George Emerson", written once beside "Mr. Emerson" (his
        # son, maybe); not the "Kitty Hamilton" of a "Miss Kitty" for a Mrs.
        same_sex = [p for p in family if p != k and links.get(p) != k and genders.get(p) == g
                    and not (p in weak and (g == "m" or t in _MARRIED and forms[f"Miss {p.split()[0]}"] > 1))]
        if not same_sex and len(family) == 1 and not genders.get(p := next(iter(family))) \
                and links.get(p) != k and p != k and p not in weak:
            same_sex = [p]  # "Mr. Dawkins" and "Jack Dawkins", the one of that name
        # Once beside her is no proof for a woman ("Madame Olenska!--Oh, don't, Ellen") nor for
        # a boy ("Master Bates" is no father of Charley Bates); a "Mr. Price" written once
        # beside the one William Price may be his father.
        proof = 2 if g == "f" or t == "Master" else 1
        if t in ("Mrs", "Miss") and len(same_sex) > 1:
            # "Mrs. Hamilton" is not the daughter the text calls "Miss Kitty"; among sisters,
            # "Miss Schlegel" is the eldest, the one never written "Miss <given>".
            same_sex = [p for p in same_sex if not forms[f"Miss {p.split()[0]}"]] or same_sex
        fits = [p for p in same_sex if apart[frozenset((k, p))] < proof]
        if t == "Miss" and len(fits) > 1:
            # sisters none of whom is written "Miss <given>": the one the text names three
            # times as often as each other ("Charlotte Lucas" 7, "Maria Lucas" 2) is "Miss Lucas"
            top = max(fits, key=lambda p: family[p])
            fits = [top] if all(family[top] >= 3 * family[p] for p in fits if p != top) else fits
        # The one left must be the one the text writes that way most: among sisters, which is
        # "Miss Bennet" is a convention, not evidence ("Miss Lydia Bennet" twice is none).
        if len(fits) == 1 and 2 * family[fits[0]] >= sum(family[p] for p in same_sex):
            link(k, fits[0], proof)
    # A bare surname the narration uses ("Crawford") is the one man written with it, unless
    # "Mr. Crawford" outnumbers it (then it may be the father's).
    for k in sorted(known):
        if len(k.split()) != 1 or k in links:
            continue
        family = by_surname.get(k, Counter())
        mister = forms[f"Mr. {k}"] + forms[f"Mr {k}"]
        # once side by side in fifty mentions each is a slip, not two men
        fits = [p for p in family if p != k and genders.get(p) == "m"
                and apart[frozenset((k, p))] < (2 if min(forms[k], family[p]) >= 50 else 1)]
        mr = key(f"Mr. {k}")
        # "Mr. Crawford" is Henry too: no father's to fear
        same_mr = bool(fits) and (mr in (fits[0], links.get(fits[0])) or links.get(mr) == fits[0])
        if len(fits) == 1 and (forms[k] > mister or same_mr) and genders.get(k, "m") == "m":
            link(k, links.get(fits[0], fits[0]), 2)
        elif not [p for p in family if genders.get(p) == "m"] and genders.get(k, "m") == "m":
            # "Chitling" is Mr. Chitling, "Wickham" Mr. Wickham: no man is written "<given> S".
            link(k, mr, 2 if min(forms[k], forms[mr]) >= 50 else 1)
    # "her aunt Norris": a bare surname the text shows is a woman's is the one woman titled
    # with it (Mrs. Norris), not a character of its own.
    for k in sorted(known):
        if " " not in k and k not in links and genders.get(k) == "f":
            women = {key(f) for f in forms if len(f.split()) == 2 and f.split()[1] == k
                     and gender_of_title(f) == "f" and key(f) in known}
            if len(women) == 1:
                link(k, women.pop())
    # "Medora" is "Medora Manson", the one character written with that given name first
    # ("Manson" also begins "Mrs. Manson Mingott", so ``variants.py`` took it for no surname).
    for k in sorted(known):
        if " " in k or k in links or title_of(k):
            continue
        full = {key(f) for f in forms if len(f.split()) == 2 and f.split()[0] == k and key(f) in known and key(f) != k}
        if len(full) == 1:
            (p,) = full
            if not (genders.get(k) and genders.get(p) and genders[k] != genders[p]):  # no he and she
                link(k, p, 2)  # once in one clause: "Medora Manson ... poor Medora's record"
    # A title alone ("the Countess") is the one character the text gives that title
    # (Countess Olenska), unless the two are written side by side.
    for k in sorted(known):
        titled = one_titled(k.rstrip("."), known) if k.rstrip(".") in TITLES else None
        if titled:
            link(k, key(titled))
    # "Nance" is Nancy, "Tibbikins" Tibby: a rare name (a fifth as often, or less) the pet
    # form of a common one (all but its last letter shared), when nothing else could be it.
    single = [k for k in sorted(known) if " " not in k and len(k) >= 4 and k[:1].isupper() and k not in links]
    for a in single:
        near = [b for b in single if b != a and _pet_form(a, b) and 5 * forms[a] <= forms[b]
                and genders.get(a, genders.get(b)) == genders.get(b, genders.get(a))]
        if len(near) == 1 and len([c for c in single if c != near[0] and _pet_form(near[0], c)]) <= 1:
            link(a, near[0])
    # "Old Horace" is Horace Talbot, when the text names one Horace; "Old Abel" alone stays.
    for k in sorted(known):
        first, _, rest = k.partition(" ")
        if first in EPITHETS and rest:
            full = {key(f) for f in forms if (f == rest or f.split()[0] == rest) and key(f) in known and key(f) != k}
            if len(full) == 1 and not apart[frozenset((k, target := full.pop()))]:
                links[k] = target  # the name, never the epithet, is the cue
    follow(links)
    return links
