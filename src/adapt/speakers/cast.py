"""The cast of a book: names, aliases and genders, and names for the narrator and unnamed speakers."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from adapt.language.lexicon import FUNCTION_WORDS, KIN_NAMES, lemmas
from adapt.language.sentences import sentences
from adapt.read.beats import Beat, Paragraph, Quote
from adapt.speakers import tags
from adapt.speakers.family import RELATIVES
from adapt.speakers.names import (
    NAME,
    PRONOUN_GENDER,
    WORD_NAMES,
    clean_name,
    gender_of_title,
    is_name,
    kin_named,
    names_in,
    opening_pronoun,
    person_noun,
    plausible_name,
    title_of,
    vocatives,
)
from adapt.speakers.resolver import NAME_RE
from adapt.speakers.same_person import same_person
from adapt.speakers.variants import follow, name_variants, pet_form_of, surnames


@dataclass
class Cast:
    """What attribution learned about the characters."""

    names: dict[str, str] = field(default_factory=dict)
    """Entity key → the name to print (placeholders resolved)."""
    genders: dict[str, str] = field(default_factory=dict)
    first_person: bool = False
    known: frozenset[str] = frozenset()
    """Every name the text uses for a character (for telling people from places)."""
    forms: dict[str, str] = field(default_factory=dict)
    """Another way the text names a character → that character's key ("Lizzy" → "Elizabeth")."""
    written: dict[str, str] = field(default_factory=dict)
    """The forms the cast file writes: those the cast's first reading and the user gave. The
    joins attribution makes later ("Fagin" and "the Jew") it makes again on a re-run, where an
    alias given up front would change the attribution it came from."""


_AT_PLACE = re.compile(r"\b(?:in|at|to|from|into|of|near|towards?|on|by|through)\s+(?:the\s+)?$")
_PRONOUN_AFTER = re.compile(r"[^.;:!?]{0,60}?\b(?:he|she|his|her|him|himself|herself)\b")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_SEMICOLON = re.compile(r";\s+")
_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers|himself|herself)\b")
_KIN_SEXED = "|".join(k for k, g in RELATIVES.items() if g and k not in ("lady", "mistress", "master"))
"""The relations that name their bearer's sex ("brother", "daughter")."""
_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Mm]y|[Tt]heir)\s+(%s),?\s+(%s)" % (_KIN_SEXED, NAME))
"""Such a relation right before the name ("her brother, Thomas Vance", "Their daughter Amy")."""
_KIN_AFTER = re.compile(r",\s+(?:his|her|my|their)\s+(%s)\b" % _KIN_SEXED)
"""The same relation right after the name: "Kate Grey, his sister," (the "his" is not hers)."""


def _untitled(name: str) -> str:
    """'Mr. Sherlock Holmes' → 'Sherlock Holmes'; 'Mr. Archer' → 'Archer'."""
    return name.split(None, 1)[1] if title_of(name) else name


def _keys(text: str, alias: dict[str, str]) -> set[str]:
    """The keys of the names written in ``text``."""
    return {alias.get(n, n) for f in names_in(text) if (n := clean_name(f.group(0)))}


def _clauses_apart(sent: str, found: list[re.Match[str]], alias: dict[str, str],
                   apart: Counter[frozenset[str]]) -> None:
    """``_apart`` of the names of each clause of ``sent`` (cut at "; ") from those ``found`` in
    the whole sentence: a name holds no ";", so a clause's names are the sentence's between its cuts."""
    if len(found) < 2:  # fewer than two names in any clause: nobody apart
        return
    cuts = [m.start() for m in _SEMICOLON.finditer(sent)] + [len(sent) + 1]
    clause, keys = 0, set()
    for m in found:
        while m.start() >= cuts[clause]:
            _apart(keys, apart)
            clause, keys = clause + 1, set()
        if n := clean_name(m.group(0)):
            keys.add(alias.get(n, n))
    _apart(keys, apart)


def _apart(keys: set[str], apart: Counter[frozenset[str]]) -> None:
    """Names written together are two people (a sentence, a speech and its tag), counted."""
    if len(keys) > 1:
        apart.update({frozenset((a, c)) for a in keys for c in keys if a < c})


def _full_names(forms: Counter[str], surname: str, proper: frozenset[str]) -> list[tuple[str, int]]:
    """Untitled full names ending in ``surname`` the text writes at least twice, most used
    first; the given name is capitalised mid-sentence somewhere ("Had Elizabeth" is none)."""
    found = [(f, c) for f, c in forms.items() if c >= 2 and not title_of(f)
             and len(f.split()) > 1 and f.split()[-1] == surname and f.split()[0] in proper]
    return sorted(found, key=lambda fc: (-fc[1], fc[0]))


def collect_cast(beats: list[Beat], proper: frozenset[str], lowered: frozenset[str]
                 ) -> tuple[set[str], dict[str, str], dict[str, str], set[str], set[str]]:
    """Names seen as tag subjects or vocatives, their genders, bare-name aliases, the
    names that act like people, and the nouns that speak ("said the gardener").
    ``proper``, ``lowered``: the words the narration capitalises mid-sentence, and those it
    writes in lower case (``narration_words``)."""
    names: Counter[str] = Counter()
    nouns: set[str] = set()
    for b in beats:
        if not isinstance(b, Paragraph):
            continue
        for i, p in enumerate(b.parts):
            if isinstance(p, Quote):
                names.update(v for v in vocatives(p.text) if len(v) > 1)
                if m := _NAME_ASKED.fullmatch(p.text.strip()):
                    names[m.group(1)] += 1  # "Susan?" said to her, the whole speech
            elif i > 0 and isinstance(b.parts[i - 1], Quote):
                m = tags.tag_after().match(p.text)
                if m:
                    noun = m.group("s1") or m.group("s2") or ""
                    if re.fullmatch(r"the\s+(?:[a-z]+\s+){0,2}[a-z]+", noun) and person_noun(noun.split()[-1]):
                        nouns.add(noun.split()[-1])  # "said the gardener"; not "said the other"
                    s = clean_name(tags.subject_text(m))
                    if (is_name(s) or s in WORD_NAMES) and s not in ("I", "He", "She"):
                        names[re.sub(r"['’]s$", "", s)] += 3
    known = {n for n, c in names.items() if c >= 2 and plausible_name(n, proper)}
    # "At the house, Mother sat by the stove": a family word the narration writes as a name
    known |= kin_named(b.narration for b in beats if isinstance(b, Paragraph))
    forms: Counter[str] = Counter(clean_name(f.group(0)) for b in beats if isinstance(b, Paragraph)
                                  for part in b.parts for f in names_in(part.text))
    alias: dict[str, str] = {}
    by_last: dict[str, list[str]] = defaultdict(list)
    for n in sorted(known):  # sorted: set order would make ties differ run to run
        if len(n.split()) > 1:
            by_last[n.split()[-1]].append(n)
    for n in sorted(known):
        if len(n.split()) == 1 and n in by_last:
            # "Darcy" and "Mr. Darcy" are one person: keep the form the text uses most.
            # Several titled forms ("Mr. Bingley", "Miss Bingley"): a bare surname
            # names the man in the novels this follows.
            if any(k.startswith(n + " ") for k in known):
                continue  # "Jane" of "Jane Andrews" is a first name, not "Flora Jane"'s
            # "Small" → "Jonathan Small": a full name identifies one person. A title and the
            # surname alone ("Mr. Archer") may be the father, the mother, the son: no merge.
            full = sorted({_untitled(f) for f in by_last[n] if len(_untitled(f).split()) > 1})
            # The full name the whole text uses (narration too) decides between members of
            # a family: "Newland Archer" 53 times against "Janey Archer" once is "Archer".
            # Unless "Mr. Emerson" outnumbers "Emerson": then the father is the bare surname.
            written = _full_names(forms, n, proper)
            misters = [f for f in forms if f.split()[-1] == n and gender_of_title(f) == "m" and len(f.split()) == 2]
            if written and forms[n] > sum(forms[f] for f in misters) \
                    and (len(written) == 1 or written[0][1] >= 3 * written[1][1]):
                alias[n] = written[0][0]
                alias.update((f, written[0][0]) for f in misters)  # and "Mr. Archer" is he
            elif len(full) == 1 and full[0].split()[0] not in known:
                # A text that calls that person by first name ("Janey" of "Janey Archer")
                # calls someone else of the family by surname ("Archer").
                found = [f for f in by_last[n] if _untitled(f) == full[0]]
                alias[n] = max(found, key=lambda f: (names[f], f))
            elif not full:
                # No full name at all: "Darcy" is the one man titled "Mr. Darcy" (a "Miss
                # Darcy" beside him is his sister); the form the text uses most is the key.
                male = [f for f in by_last[n] if gender_of_title(f) == "m"]
                if len(male) == 1:
                    if names[male[0]] >= names[n]:
                        alias[n] = male[0]
                    else:
                        alias[male[0]] = n
    known = {alias.get(n, n) for n in known}
    family_names = surnames(forms)
    variants = name_variants(forms, known, family_names)
    alias.update(variants)
    follow(alias)  # one lookup reaches the key
    known = {alias.get(n, n) for n in known}
    people = set(known)
    # Names in narration that act like people (not "to London", "at Netherfield").
    seen: Counter[str] = Counter()
    placed: Counter[str] = Counter()  # "in Derbyshire", "to Longbourn": places, not people
    opens: dict[str, bool] = {}  # per name written: may it open a sentence
    counts: dict[str, str | None] = {}  # per name written: the name it counts for, if any
    for b in beats:
        if isinstance(b, Paragraph):
            text = b.narration
            for m in names_in(text):
                n, start = m.group(0), m.start()
                if start == 0 or text[start - 2:start].strip() in (".", "!", "?"):
                    if n not in opens:
                        # ("Harriet drove.": no word and a verb after it, though it opens every sentence it is in)
                        nxt = _NEXT_WORD.match(text, m.end())
                        first = n.split()[0]
                        pos = lemmas(first.lower())
                        # ("Jack was waiting": a noun the text never writes in lower case, with no determiner)
                        word_name = first.lower() in pos.get("NOUN", ()) and set(pos) <= {"NOUN", "VERB"} \
                            and first.lower() not in lowered  # ("Tears streamed": a plural, no name)
                        opens[n] = bool(title_of(n)) or first in proper or (not pos or word_name) \
                            and first.lower() not in FUNCTION_WORDS and bool(nxt) and "VERB" in lemmas(nxt.group(1))  # type: ignore[union-attr]
                    if not opens[n]:
                        continue  # "Men", "Then" open sentences; "Martha" is capitalised elsewhere too
                if _AT_PLACE.search(text[max(0, start - 12):start].lower()):
                    placed[alias.get(n, n)] += 1
                    continue
                if n not in counts:
                    c = clean_name(n)  # "But Archer" → "Archer"
                    counts[n] = c if is_name(c) and c.split()[0] != "The" and plausible_name(c, proper, nouns=True) else None
                if (name := counts[n]) is not None:
                    seen[alias.get(name, name)] += 1
    # A name from narration joins the cast only when it acts like a person: a title,
    # or a he/she that follows it in the same sentence.
    person: Counter[str] = Counter()
    apart: Counter[frozenset[str]] = Counter()  # two keys written in one sentence: two people
    named: list[tuple[str, list[re.Match[str]]]] = []  # each narration sentence and its names, in order
    for b in beats:
        if isinstance(b, Paragraph):
            for sent in sentences(b.narration):
                found = list(names_in(sent))
                named.append((sent, found))
                for m in found:
                    key = alias.get(m.group(0), m.group(0))
                    if key in seen and _PRONOUN_AFTER.match(sent, m.end()):
                        person[key] += 1
                # Two names in one clause are two people; across the clauses of a long
                # sentence one person is often named twice ("Miss Crawford ...; Mary's ...").
                _clauses_apart(sent, found, alias, apart)
            # In speech too, and a speech's names beside the tag's ("Diana, ...," said Mrs. Barry).
            for i, p in enumerate(b.parts):
                if isinstance(p, Quote):
                    said = [_keys(q, alias) for q in sentences(p.text)]
                    for here in said:
                        _apart(here, apart)
                    nxt = b.parts[i + 1].text if i + 1 < len(b.parts) else ""
                    m = tags.tag_after().match(nxt) if nxt.strip() else None
                    first = NAME_RE.fullmatch(tags.subject_text(m)) if m else None
                    tag = _keys(first.group(0), alias) if first else set()  # the tag's speaker, not whom it adds
                    if tag:
                        _apart(set().union(*said) | tag, apart)
    # "Ruth Pelling meant to keep it. She was twenty-six.": the next sentence's he or she
    for (_, found), (nxt, _) in pairwise(named):
        if found and found[0].start() == 0 and opening_pronoun(nxt):
            if (key := alias.get(found[0].group(0), found[0].group(0))) in seen and not lemmas(key.lower()):
                person[key] += 1  # (not "Light ... She": a word)
    # "Sit down, Dan" said to the "Daniel" the narration writes: his calls
    for v, c in sorted(names.items()):
        if v not in seen and (n := pet_form_of(v, set(seen))) and n not in known:
            names[n] += c
    # ... or a name the narration writes and a speech calls ("Susan had said nothing." / "Susan?")
    acting = {n for n in seen if n not in known and (gender_of_title(n) or (
        (person[n] >= 2 or names[n] and n not in family_names and not lemmas(n.lower())) and placed[n] * 3 < seen[n]))}
    known |= acting
    # Unproven names ("I found Tom on the pier") may still take a pronoun nobody else can.
    maybe = {n for n in seen if n not in known and placed[n] * 3 < seen[n]}
    people |= maybe
    # A name known only now ("Edith straightened") joins its full form ("a schoolteacher called Edith Lowe").
    late = {f: k for f, k in name_variants(forms, known, family_names).items()
            if k in acting and f not in alias and f not in known and f.split()[0] == k}
    if late:
        alias.update(late)
        follow(alias)
        known, people = {alias.get(n, n) for n in known}, {alias.get(n, n) for n in people}
    genders: dict[str, str] = {}
    for n in known:
        g = gender_of_title(n) or KIN_NAMES.get(n)
        if g:
            genders[n] = g
    # A titled form the text also writes says the sex of its key: "Miss Julia" is Julia.
    titled: dict[str, set[str]] = defaultdict(set)
    for f, k in alias.items():
        g = gender_of_title(f)
        if g and k in known and k not in genders:
            titled[k].add(g)
    genders.update({k: g.pop() for k, g in titled.items() if len(g) == 1})
    # Pronoun that follows a name in narration ("Elizabeth ... she").
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s, found in named:
        if not found:
            continue
        m = found[0]
        if m.group(0) in ("Her", "His") and len(found) > 1:
            m = found[1]  # "Her brother, Thomas Vance, came ...": the brother's name
        key = alias.get(m.group(0), m.group(0))
        if key in known and key not in genders:
            window = s[m.end():m.end() + 80]
            if kin := _KIN_AFTER.match(window):  # "Kate Grey, his sister, followed": a woman
                votes[key][RELATIVES[kin.group(1)]] += 3
                continue
            other = NAME_RE.search(window)  # "Julia and Mr. Crawford ... he": his, not hers
            if other and alias.get(other.group(0), other.group(0)) in known:
                window = window[:other.start()]
            for pron in _PRONOUN.finditer(window):
                # "Henry ... trifled with her feelings": an object's pronoun says less
                # than a subject's "he"; "Charlotte could encourage him": someone else.
                votes[key][PRONOUN_GENDER[pron.group(0)]] += _VOTE.get(pron.group(0), 1)
        for kin in _KIN_BEFORE.finditer(s):  # "her brother, Thomas Vance,": a man
            if ((k := alias.get(kin.group(2), kin.group(2))) in known or k in people) and k not in genders:
                known.add(k)  # "Their daughter Amy": a person, whether or not she speaks
                votes[k][RELATIVES[kin.group(1)]] += 3
    # "Susan had said nothing. She was looking out of the window.": the next sentence's he/she
    for (_, found), (nxt, _) in pairwise(named):
        if len(found) == 1 and found[0].start() == 0 and (g := opening_pronoun(nxt)):
            if (key := alias.get(found[0].group(0), found[0].group(0))) in known and key not in genders:
                votes[key][g] += 1
    for n, v in votes.items():
        genders[n] = v.most_common(1)[0][0]
    links = same_person(forms, known, alias, genders, apart, proper)
    if links:
        for f in list(alias):
            alias[f] = links.get(alias[f], alias[f])
        alias.update(links)
        known = {links.get(n, n) for n in known}
        people = {links.get(n, n) for n in people}
        for drop, keep in links.items():
            if drop in genders:
                genders.setdefault(keep, genders.pop(drop))
    return known, genders, alias, people, nouns


_NAME_ASKED = re.compile(rf"({NAME})\?")

_VOTE = {"he": 3, "she": 3, "himself": 3, "herself": 3, "his": 2, "hers": 2, "her": 1, "him": 0}
"""How much a pronoun after a name says of its sex."""
