"""Who a pronoun, noun or name refers to: the characters mentioned last, by gender and role."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from adapt import patterns
from adapt.language.sentences import sentences
from adapt.speakers import family, strangers
from adapt.speakers.names import (
    COMMON_GENDER,
    HONORIFIC,
    NAME,
    NOT_PERSON_NOUNS,
    PEOPLE_NOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    STYLED,
    TALKED_OF,
    TITLES,
    clean_name,
    gender_of_title,
    is_name,
    names_in,
    one_titled,
    opening_pronoun,
    person_noun,
    plausible_name,
    same_trade,
    title_of,
    vocatives,
)

# Entity keys for characters the text never names: replaced by names in unnamed.name_placeholders.
NARRATOR = "\x00I"
PLACEHOLDER = {"m": "\x00he", "f": "\x00she"}
_COMPANIONS = {"companion", "friend", "comrade", "colleague", "partner", "fellow-traveller"}
_SUBORDINATE = {"before", "after", "when", "while", "as", "if", "because", "although", "though",
                "since", "until", "unless", "once", "whenever", "whether"}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SUBJECT_WORDS = dict.fromkeys(("i", "my", "i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll"), NARRATOR)
NAME_RE = patterns.compile(NAME)
_EPITHET = patterns.compile(rf"(?:the\s+)?(?:[a-z]+\s+){{1,2}}({NAME})$")
"""'the wary Jones', 'skeptical Anne': a name after a word or two of description."""
_GOES_ON = re.compile(r"\s+[a-z]")
"""A name the speech goes on from without a stop: its subject ("Frank is ..."), not one called."""
RECENT_ROOM = 6
"""The last mentions that say who is in the room."""
_LEAD_CONJUNCTION = re.compile(r"(?:And|But|Then|So|Yet|Now)\s+(?=[HhSs]he\b)")
_THE_OLD = re.compile(r"The old (man|gentleman|woman|lady)\b")
# Nouns that describe anyone of a sex ("the lady", "the young man"): who they mean is the scene's.
GENERIC_PEOPLE = {w: COMMON_GENDER[w] for w in ("man", "gentleman", "fellow", "woman", "lady")}
YOUNG = {"girl", "boy", "child", "lad", "lass", "youth"}
"""Nouns for the young, which a novel uses of its heroine or hero as much as of anyone."""
_ANYONE = frozenset(GENERIC_PEOPLE) | YOUNG
"""Nouns that say the sex or age of whoever the scene is about, so name no character of their own."""


@lru_cache(maxsize=20000)  # the same few names, tens of thousands of times a novel
def _normal(name: str) -> str:
    """A name as the alias table writes it: single spaces, straight apostrophe, no "'s"."""
    name = " ".join(name.replace("’", "'").split())
    return name[:-2] if name.endswith("'s") else name  # re.sub(r"'s$", "", name): no newline is left


class Resolver:
    """Tracks who was mentioned last, to resolve pronouns and common nouns."""

    def __init__(self, known: set[str], genders: dict[str, str], alias: dict[str, str]) -> None:
        self.known, self.genders, self.alias = known, genders, alias
        self.people: set[str] = set()  # names seen as speakers (tags, vocatives): surely people
        self.addressed: str | None = None  # who the last speech called by name
        self.nouns: set[str] = set(PEOPLE_NOUNS)  # "the gardener" once seen speaking
        self.recent: list[str] = []
        self.proper: frozenset[str] = frozenset()  # words written with a capital mid-sentence
        self.roles: dict[str, str] = {}  # "doctor" → "Mr. Losberne" (see ``roles.link_roles``)
        self.old: Counter[str] = Counter()  # how often the text writes "old <name>"
        self._surnames: dict[str, set[str]] | None = None
        self.described: set[str] = set()  # keys a tag reached as "the Jew": descriptions
        self.role_votes: dict[str, Counter[str]] = {}  # "\x00the girl" → whom the narration named at each tag
        self.first_person = False  # whether an "I" tells the story (else an "I" of the narration is a letter's)

    def canonical(self, name: str) -> str:
        name = _normal(name)
        return self.alias.get(name, name)

    def called(self, speeches: Iterable[str]) -> set[str]:
        """Whom these speeches call by name ("Yes, Charlotte, ..."): the keys, never the speaker."""
        return {self.in_room(v) for text in speeches for v in vocatives(text)}

    def talked_about(self, speeches: Iterable[str]) -> set[str]:
        """Whom these speeches name past their first word ("I think Anne is good"), or as the
        subject opening them ("Frank is getting down to work"), not a vocative ("Frank, ..."):
        people rarely name themselves, so not the speaker either."""
        return {k for text in speeches for m in names_in(text)
                if (m.start() > 0 or _GOES_ON.match(text, m.end())) and (k := self.person(m.group(0)))}

    def in_room(self, vocative: str) -> str:
        """The one a title and surname addresses: in a scene without the eldest Miss Bennet,
        "Miss Bennet" is the sister who is there (Elizabeth Bennet, just mentioned)."""
        key = self.canonical(vocative)
        words = vocative.split()
        if len(words) == 1 and key not in self.known and len(key) >= 3:
            # "Fan" said to Fanny: the one name of the cast it begins, a letter or two short
            longer = [k for k in self.known if " " not in k and k.startswith(key) and len(k) - len(key) <= 2
                      and k in self.genders and k not in (key + "s", key + "es")]  # not the family, "Basts"
            if len(longer) == 1:
                return longer[0]
        g = gender_of_title(vocative)
        if len(words) != 2 or not g or key in self.recent[-RECENT_ROOM:]:
            return key
        here = [k for k in self.recent[-RECENT_ROOM:] if k != key and self.genders.get(k) == g
                and words[1] in self.surnames().get(k, ())]
        return here[-1] if len(here) == 1 else key

    def surnames(self) -> dict[str, set[str]]:
        """Key → the surnames its full forms carry ("Elizabeth Bennet" → Elizabeth: Bennet)."""
        if self._surnames is None:
            self._surnames = {}
            for form, k in self.alias.items():
                words = form.split()
                if len(words) >= 2 and not title_of(form) and words[-1][:1].isupper():
                    self._surnames.setdefault(k, set()).add(words[-1])
        return self._surnames

    def person(self, phrase: str) -> str | None:
        """The character a capitalised phrase names: 'When Jane' → 'Jane'."""
        words = phrase.split()
        for i in range(len(words)):
            key = self.canonical(" ".join(words[i:]))
            if key in self.known or key in self.people:
                return key
        return None

    def mention(self, key: str) -> None:
        if key in self.recent:
            self.recent.remove(key)
        self.recent.append(key)
        del self.recent[:-12]

    def mentions_in(self, text: str) -> list[str]:
        """Puts whom the text names or brings in in the room; returns the bit parts it brought in."""
        brought: list[str] = []
        for sentence in sentences(text):
            g = opening_pronoun(_LEAD_CONJUNCTION.sub("", sentence.lstrip(), 1))
            held = self.last_of(g) if g else None
            for m in names_in(sentence):
                if TALKED_OF.search(sentence[max(0, m.start() - 40):m.start()]):
                    continue  # "she thought of Wickham": talked of, not in the room
                key = self.person(m.group(0))
                if key:
                    self.mention(key)
            for key in strangers.brought_in(self.genders, sentence):
                self.mention(key)  # "Inside, an old man sat in the corner."
                brought.append(key)
            for m in _PARENT_OF.finditer(sentence):
                # "Her father read his newspaper": Mr. Price is in the room
                if parent := family.parent(self, self.by_gender(PRONOUN_GENDER[m.group(1).lower()]), m.group(2).lower()):
                    self.mention(parent)
            opener = NAME_RE.match(sentence.strip())
            key = self.canonical(opener.group(0)) if opener else None
            aged = _THE_OLD.match(sentence.lstrip())
            if key in self.known:
                self.mention(key)  # the subject outranks the objects
            elif aged and (key := self.the_old(GENERIC_PEOPLE[aged.group(1).lower()])) in self.recent[-RECENT_ROOM:]:
                self.mention(key)  # "The old man was refreshed by sleep": Mr. Emerson
            elif key := self._role_opening(sentence):
                # "The patient had raised herself upright.": an unnamed character who speaks
                # somewhere holds the stage, so a "she cried" next is hers.
                self.mention(key)
            elif held and self.last_of(g) != held:
                self.mention(held)  # "She saw that Jane had not written": she outranks Jane
        return brought

    def role_sexes(self, sents: list[str]) -> None:
        """"The detective examined the room. He paused at a window.": the pronoun opening
        the sentence after one about an unnamed character tells its sex (before
        ``mentions_in``, which reads the same sentences)."""
        for a, b in pairwise(sents):
            if (g := opening_pronoun(b)) and (key := self._role_opening(a)) and key not in self.genders:
                self.genders[key] = g

    def _role_opening(self, sentence: str) -> str | None:
        """The unnamed character a sentence opens on ("The patient ..."), not a noun that
        says only the sex or age of whoever the scene is about ("The lady ...")."""
        if sentence.lstrip()[:4].lower() != "the " and not (
                sentence.lstrip()[:2].lower() == "a " or sentence.lstrip()[:3].lower() == "an "):
            return None
        key = first_subject(sentence, self)
        return key if key and key.startswith("\x00") and key.split()[-1] not in _ANYONE else None

    def by_gender(self, g: str, exclude: set[str] = frozenset(), avoid: set[str] = frozenset()) -> str:  # type: ignore[assignment]
        """Most recent character of gender g; prefer one not in ``avoid`` (the last speaker)."""
        for key in reversed(self.recent):
            if key != NARRATOR and key not in exclude and key not in avoid and self.genders.get(key) == g:
                return key
        for key in reversed(self.recent):
            if key != NARRATOR and key not in exclude and self.genders.get(key) == g:
                return key
        for key in reversed(self.recent):  # a speaker whose gender the text never showed
            if key != NARRATOR and key not in exclude and key not in self.genders and key in self.people:
                self.genders[key] = g
                return key
        return PLACEHOLDER[g]

    def last_of(self, g: str) -> str | None:
        """The one of sex g mentioned last (no guess at anyone's sex, unlike ``by_gender``)."""
        return next((k for k in reversed(self.recent) if k != NARRATOR and self.genders.get(k) == g), None)

    def the_old(self, g: str, exclude: set[str] = frozenset()) -> str | None:
        """The one of the scene "the old man" or "the old lady" means: whom the text calls old far most."""
        aged = [k for k in self.recent if self.old[k] >= 3 and self.genders.get(k) == g and k not in exclude]
        top = max(aged, key=self.old.__getitem__, default=None)
        return top if top and all(self.old[top] >= 2 * self.old[k] for k in aged if k != top) else None

    def _vote(self, key: str, g: str | None, exclude: set[str], avoid: set[str]) -> None:
        """Count whom the narration just named of the role's gender ("said the beadle" beside
        Mr. Bumble), for ``unnamed.name_placeholders`` to name the role after the one it mostly is."""
        if g:
            who = self.by_gender(g, exclude, avoid)
            if who not in PLACEHOLDER.values() and not who.startswith("\x00"):
                self.role_votes.setdefault(key, Counter())[who] += 1

    def subject(self, text: str, exclude: set[str] = frozenset(), avoid: set[str] = frozenset()) -> str | None:  # type: ignore[assignment]
        """The entity a tag's subject names."""
        text = text.strip()
        low = text.lower()
        if low in ("i", "me"):
            return NARRATOR
        if low in ("he", "she"):
            # "'I am afraid, Mr. Darcy, ...' / 'Not at all,' he replied": the one just
            # addressed answers.
            a = self.addressed
            g = PRONOUN_GENDER[low]
            if a and a not in exclude and self.genders.get(a) == g:
                return a
            return self.by_gender(PRONOUN_GENDER[low], exclude, avoid)
        words = text.split()
        epithet = _EPITHET.match(text)
        if epithet and is_name(epithet.group(1)):
            titled = one_titled(epithet.group(1), self.known) if epithet.group(1) in TITLES else None
            if titled:
                return titled  # "the Professor" of a story with one Professor de Worms
            key = self.canonical(epithet.group(1))  # "the wary Jones", "skeptical Anne"
            if len(words) == 2 and words[0].lower() == "the":
                self.described.add(key)  # "said the Jew": a description, whatever its capital
            return key
        if words[0].lower() in ("the", "a", "an", "his", "her", "my", "their", "our"):
            if len(words) < 2:
                return None  # "The" alone opens a sentence; it names nobody
            head = words[-1]
            if head.lower() in HONORIFIC:  # "her Ladyship"
                titled = [k for k in reversed(self.recent) if k not in exclude
                          and k.split()[0].rstrip(".") in STYLED.get(head.lower(), ())]
                # "said her Ladyship": the lady of the scene (Lady Catherine), not whoever was named last
                return titled[0] if titled else self.by_gender(HONORIFIC[head.lower()], exclude, avoid)
            if words[0].lower() in ("my", "our") and head.lower() in _COMPANIONS:
                # "said my companion" in a first-person story: whoever is with the narrator.
                for key in reversed(self.recent):
                    if key != NARRATOR and key not in exclude:
                        return key
                return None
            if words[0].lower() in ("his", "her") and head.lower() in family.SPOUSE and len(words) == 2:
                # "his wife" of a "Mr. Bennet" is "Mrs. Bennet", and the other way round.
                possessor = self.by_gender(PRONOUN_GENDER[words[0].lower()], exclude)
                spouse = family.spouse(self, possessor, head.lower())
                if spouse:
                    self.known.add(spouse)
                    self.genders.setdefault(spouse, "m" if head.lower() == "husband" else "f")
                    return spouse
            if words[0].lower() in ("his", "her") and head.lower() in family.RELATIVES:
                return family.relative(self, words, exclude, avoid)  # "said her mother"
            if head[:1].isupper():  # "the Hatter": a name in all but form
                if head in TITLES and len(words) == 2:
                    # "said the Captain" in a story with one Captain Hale
                    titled = one_titled(head, self.known)
                    if titled:
                        return titled
                if words[0].lower() == "the" and title_of(rest := " ".join(words[1:])) and (key := self.person(rest)):
                    return key  # "The Countess Olenska has said": Madame Olenska
                return self.canonical("the " + " ".join(words[1:]))
            if words[0].lower() == "the" and head.lower() in self.roles:
                return self.roles[head.lower()]  # "the doctor" of a story with one Doctor Losberne
            if not person_noun(head):
                return None  # "said the other": the turn order knows who, not the tag
            if words[0].lower() == "the" and head.replace("-", "").isalpha() and head.lower() not in COMMON_GENDER:
                # "said the gardener": whoever speaks is a character, named by the noun.
                key = "\x00the " + head.lower()
                self.nouns.add(head.lower())
                self._vote(key, self.genders.get(key), exclude, avoid)
                kin = [k for k in reversed(self.recent[-RECENT_ROOM:]) if k != key and k.startswith("\x00the ")
                       and same_trade(k[5:], head.lower())]
                return kin[0] if kin else key  # "asked the officer" of the scene's detective
            kind = COMMON_GENDER.get(head.lower())
            if words[0].lower() == "the" and head.lower() in GENERIC_PEOPLE:
                # "said the old gentleman": like "he said", someone of the scene the narration
                # just named (Mr. Brownlow), not a character called GENTLEMAN; the turn
                # model may re-choose among the men of the exchange.
                # A named one, or one this noun named: "the lad" of the line before is not
                # the gentleman, "the gentleman in the white waistcoat" may be.
                roles = {k for k in self.recent if k.startswith("\x00") and head.lower() not in k.split()}
                g = GENERIC_PEOPLE[head.lower()]
                if "old" in words[1:-1] and (top := self.the_old(g, exclude)):
                    return top  # "said the old lady" of a scene with old Mrs. Mingott
                who = self.by_gender(g, exclude | roles, avoid)
                if who not in PLACEHOLDER.values():
                    return who
            if words[0].lower() == "the" and (kin := family.kin_present(self, head.lower(), exclude, self.recent[-RECENT_ROOM:])):
                return kin  # "said the son" of a scene with Mr. Emerson: the one man "<given> Emerson"
            if words[0].lower() in ("the", "a", "an") and head.lower() in ROLE_NOUNS:
                # "the child", "the stationmaster": a character of its own until named (unnamed.name_placeholders)
                key = "\x00the " + head.lower()
                if head.lower() in GENERIC_PEOPLE and len(words) == 3 and words[1].isalpha() \
                        and words[1].lower() not in NOT_PERSON_NOUNS:
                    key = "\x00the " + " ".join(words[1:]).lower()  # "the young lady": YOUNG LADY, not LADY
                room = self.recent[-RECENT_ROOM:]
                if kind and head.lower() in YOUNG and words[0].lower() == "the" and key not in room \
                        and (young := strangers.named_young(room, self.genders, kind, exclude | {NARRATOR}, avoid, self.alias)):
                    return young  # "said the boy" after "handed it to Joe": Joe, not a BOY
                if kind:
                    self.genders.setdefault(key, kind)
                    if head.lower() in YOUNG:
                        # no girl named near: a vote, for unnamed.name_placeholders to name her after
                        self._vote(key, kind, exclude, avoid)
                return key
            return None
        text = clean_name(text)  # "When Miss Harris" → "Miss Harris"
        if text in self.known or (is_name(text) and plausible_name(text, self.proper)):
            return self.canonical(text)
        return None


def first_subject(sentence: str, r: Resolver) -> str | None:
    """The character a sentence is about, if it opens with one (within four words).

    A leading subordinate clause ("And before I can respond, she's...") is skipped:
    its subject is not the one acting.
    """
    words = sentence.split(None, 2)  # the first two words are all it reads
    lead = [w.lower().strip(",") for w in words[:2]]
    if (lead and lead[0] in _SUBORDINATE) or (len(lead) > 1 and lead[0] in ("and", "but", "so", "then") and lead[1] in _SUBORDINATE):
        if "," in sentence:
            sentence = sentence.split(",", 1)[1]
    for i, m in enumerate(_WORD.finditer(sentence)):
        if i >= 4:
            break
        w = m.group(0)
        lw = w.lower()
        if lw in _SUBJECT_WORDS:
            return NARRATOR
        if lw == "her" and not sentence[m.end():].strip(" .!?;:,—–-\"'”’"):
            continue  # "Anything but her.": an object, not the one acting
        if lw in PRONOUN_GENDER and lw not in ("him", "himself", "herself", "hers"):
            return r.by_gender(PRONOUN_GENDER[lw])
        if lw in ("she's", "he's", "she’s", "he’s", "she'd", "he'd", "she'll", "he'll"):
            return r.by_gender("f" if lw.startswith("s") else "m")
        if lw in ("a", "an", "there") and i == 0 and (key := strangers.stranger(r.genders, sentence)):
            return key  # "A stout woman held the door.": a bit part of her own, STOUT WOMAN
        if lw in ("the", "a", "an") and i == 0:
            # "The child puts out her hand": an unnamed character holds the stage.
            np = re.match(r"(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b", sentence[m.start():], re.I)
            if np and np.group(1).lower() in r.nouns | ROLE_NOUNS:
                key = "\x00the " + np.group(1).lower()
                g = COMMON_GENDER.get(np.group(1).lower()) or _own_pronoun(sentence[m.start() + np.end():])
                if g:
                    r.genders.setdefault(key, g)
                return key
        if w[:1].isupper():
            nm = NAME_RE.match(sentence, m.start())
            if nm:
                key = r.canonical(nm.group(0))
                if key in r.known or key in r.people:  # "Tom crossed his arms.": unproven, yet acting
                    return key
    return None


def _own_pronoun(rest: str) -> str | None:
    """The sex a reflexive or "his" the sentence goes on with says ("The patient had raised herself")."""
    found = {PRONOUN_GENDER[w] for w in re.findall(r"\b(?:herself|his|himself)\b", rest.lower())}
    return found.pop() if len(found) == 1 else None


_PARENT_OF = re.compile(r"\b(his|her)\s+(father|mother)\b", re.I)
