"""Who is who: character names, titles, pronouns and vocatives in prose (no I/O, no model)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from adapt import patterns
from adapt.language.lexicon import KIN_NAMES

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Doctor", "Sir", "Lady", "Lord", "Captain", "Colonel",
          "Major", "Professor", "Aunt", "Uncle", "Madame", "Monsieur", "Mademoiselle", "Master",
          "Mistress", "Father", "Mother", "Sister", "Brother", "Inspector", "Sergeant", "Lieutenant",
          "General", "Judge", "Rev", "Reverend", "Prince", "Princess", "King", "Queen", "Duke", "Duchess",
          "Count", "Countess", "Baron", "Baroness", "Dame", "Squire", "Marquis", "Marquess", "Marchioness",
          "Marquise", "Viscount", "Viscountess", "Earl",
          # Forms of address of other languages, used in English novels too ("Mlle. Reuter").
          "Mlle", "Mme", "Mons", "M", "Herr", "Frau", "Fräulein", "Signor", "Signora", "Signorina",
          "Signorino", "Signore", "Señor", "Señora", "Señorita", "Senhor", "Senhora", "Don", "Doña", "Donna", "Mynheer", "Monseigneur",
          # Dialect spellings of address in English novels ("Mistah Oakley", "Marse Tom").
          "Mistah", "Mista", "Marse", "Massa", "Missis", "Missus")
MALE_TITLES = {"Mr", "Sir", "Lord", "Master", "Father", "Brother", "Uncle", "Monsieur", "Prince",
               "King", "Duke", "Count", "Baron", "Squire", "Marquis", "Marquess", "Viscount", "Earl",
               "Captain", "Colonel", "Major", "General",
               "Sergeant", "Lieutenant", "Inspector", "Rev", "Reverend", "Dr", "Doctor", "Professor", "Judge",
               "Mons", "M", "Herr", "Signor", "Signorino", "Signore", "Señor", "Senhor", "Don", "Mynheer", "Monseigneur",
               "Mistah", "Mista", "Marse", "Massa"}
FEMALE_TITLES = {"Mrs", "Ms", "Miss", "Lady", "Mistress", "Mother", "Sister", "Aunt", "Madame",
                 "Mademoiselle", "Princess", "Queen", "Duchess", "Countess", "Baroness", "Dame", "Marchioness",
                 "Marquise", "Viscountess",
                 "Mlle", "Mme", "Frau", "Fräulein", "Signora", "Signorina", "Señora", "Señorita", "Senhora",
                 "Doña", "Donna", "Missis", "Missus"}

_TITLE = r"(?:%s)\.?" % "|".join(TITLES)


# Letters of the scripts novels are written in, by case: Latin with its accents (Latin-1,
# Extended-A and -B, where the cases alternate, so both sit in each class), Greek, Cyrillic.
# "Renée", "Øyvind", "Śliwa", "Зоя" are names as much as "Anne". (Python's re has no \\p{Lu};
# a class of every Unicode capital would make each name pattern slow to compile.)
UPPER = "[A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫϒϓϔЀ-Я]"
LOWER = "[a-zß-öø-ÿĀ-ɏά-ώϐ-ϗа-џ]"
# "Anne", "Renée", "McAllister", "O'Brien", "Anne-Marie"
_CAP = rf"{UPPER}(?:{LOWER}+(?:{UPPER}{LOWER}+)?|['’]{UPPER}{LOWER}+)(?:-{UPPER}{LOWER}+)?"
# "Mrs. Bennet", "Elizabeth", "Sherlock Holmes", "Mr. Athelney Jones", "B"
# "Mr. van der Luyden", "Lady Catherine de Bourgh": lower-case particles inside a name
_PARTICLE_WORD = re.compile(r"(?:van|von|de|der|den|du|da|di|del|della|le|la|ten|ter)")
_PARTICLE = _PARTICLE_WORD.pattern + r"\s+"
# The look-ahead only says what every match starts with (each title too starts with a capital):
# the scan skips other characters at once instead of trying sixty titles at each (5× faster).
NAME = rf"(?={UPPER})(?:{_TITLE}\s+(?:{_PARTICLE}){{0,2}})?{_CAP}(?:\s+(?:{_PARTICLE}){{0,2}}{_CAP}){{0,2}}"

# Capitalised words that start sentences or address no one: never a character's name.
NOT_NAMES = frozenset("""
I A An The And But Or So Then Now Yet Oh Ah Well Yes No Not Nay Aye Why What Who Whom Whose Where
When How Which If Is It Its It's This That These Those There Here He She They We You Me My Your His Her
Our Their Him Them Us Do Does Did Don't Can Could Would Should Will Shall May Might Must Let Come Go
Look Listen Hush Please Thank Thanks Good Goodbye Hello Hey Hi Dear Sir Madam Ma'am Miss Mister Lord
God Heaven Heavens Goodness Alas Indeed Certainly Perhaps Really Surely Nonsense Nothing Everything
Nobody Somebody Everybody Anyone Someone Everyone All Some Any None Each Every One Two Three After
Before Because Since Until Unless Though Although While As At By For From In Into Of On To With Without
First Another Other Next
Upon Over Under About Again Still Just Only Even Also Too Very Quite Rather Never Always Often Ever
Soon Later Today Tomorrow Yesterday Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April June July August September October November December Christmas Easter
English French England London Mamma Papa Mama Mum Mom Dad Daddy Mummy Mommy Baby Babe Darling Honey
Sweetheart Love Child Boy Girl Man Woman Gentlemen Ladies Friend Friends Brother Sister Mother Father
Aunt Uncle Doctor Captain Colonel Inspector Master Mistress Chapter Book Part Okay OK Ok Shut Stop Wait
Get Tell Make Take Give Keep Help Try Say See Know Think Want Like Fine Right Wrong Sorry Excuse Never
Mr Mrs Ms Dr St Hallo Hullo Bravo Pray Whoever Whatever However Besides Alright Damn Hell Fuck Jesus
During Through Across Behind Beyond Towards Toward Among Against Within Along Around Near Above Below
Beneath Beside Between Despite Except Inside Outside Past Throughout Till Unto Whereupon Meanwhile
Presently Suddenly Afterwards Nevertheless Therefore Thus Hence Whereas Whether Once Twice Instead
Such Other Nor Both Either Neither Ladyship Lordship Majesty Highness Honour Worship
Christ Lord's Good-bye Goodnight Night Morning Evening Afternoon Man's Woman's Poor Confused Little
""".split())

# Given names that are also words a capital starts ("May I?", "Will you?", "in June"): a name
# only where a tag makes the word a speaker ("said May"), never from a vocative or a sentence start.
WORD_NAMES = frozenset("May Will April June August".split())

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}


def opening_pronoun(sentence: str) -> str | None:
    """The sex a sentence's opening "He ..." or "She ..." gives its subject ("m", "f"), if it opens so."""
    lead = sentence.lstrip()[:4].lower()
    return "m" if lead.startswith("he ") else "f" if lead.startswith("she ") else None


COMMON_GENDER = {
    "man": "m", "gentleman": "m", "boy": "m", "lad": "m", "fellow": "m", "husband": "m",
    "father": "m", "brother": "m", "son": "m", "uncle": "m", "king": "m", "prince": "m",
    "woman": "f", "lady": "f", "girl": "f", "lass": "f", "wife": "f", "mother": "f",
    "sister": "f", "daughter": "f", "aunt": "f", "queen": "f", "princess": "f", "maid": "f",
}

SPEECH_LEMMAS = """say ask cry reply return answer continue add exclaim observe remark whisper shout
mutter begin start repeat interrupt call retort respond insist declare murmur sigh laugh snap growl
scream yell demand inquire enquire rejoin explain suggest protest urge plead stammer gasp sob tell
admit agree announce assert beg bellow breathe chuckle complain concede confess grumble hiss howl
moan mumble muse note order pant persist pray proceed promise propose purr question rage rave
recall reason reflect remind resume roar scoff scold shriek snarl sneer speak squeal state stutter
swear taunt tease threaten venture vow wail warn wonder gush croak thunder falter drawl chime
retaliate challenge address giggle smile grin whimper lament sing chant recite cry read write think
comment interpose pursue ejaculate volunteer query quip opine assent concur soothe coax implore entreat
beseech instruct greet conclude confide acknowledge affirm argue demur lisp blurt exult groan grunt
squeak trill snort sputter splutter echo hazard accost
""".split()


@cache
def speech_verbs() -> frozenset[str]:
    """Every inflected form of the speech verbs (said, says, saying, cried...)."""
    from adapt.language.lexicon import getAllInflections  # lemminflect, with its lazy tables

    forms: set[str] = set()
    for lemma in SPEECH_LEMMAS:
        forms.add(lemma)
        for tags in getAllInflections(lemma, upos="VERB").values():
            forms.update(tags)
    forms.discard("thought")  # reported thought is not speech; "think" rarely tags a quote
    forms.discard("think")
    forms.discard("thinks")
    forms.discard("thinking")
    return frozenset(forms)


_NAME_RE = patterns.compile(NAME)  # resolver.NAME_RE: ``patterns.compile`` gives the one object
_NAMES_IN: dict[str, tuple[re.Match[str], ...]] = {}
_NAMES_IN_MAX = 50000  # texts remembered (then forgotten all at once: memory stays bounded)


def names_in(text: str) -> tuple[re.Match[str], ...]:
    """``NAME_RE.finditer(text)``, each text scanned once: the cast, the resolver and the
    turn model look for names in the same quotations and sentences again and again."""
    found = _NAMES_IN.get(text)
    if found is None:
        if len(_NAMES_IN) >= _NAMES_IN_MAX:
            _NAMES_IN.clear()
        found = _NAMES_IN[text] = tuple(_NAME_RE.finditer(text))
    return found


@lru_cache(maxsize=20000)  # pure, and asked of the same few names thousands of times
def title_of(name: str) -> str | None:
    first = name.split()[0].rstrip(".")
    return first if first in TITLES and len(name.split()) > 1 else None


HONORIFIC = {"ladyship": "f", "lordship": "m", "majesty": "m", "highness": "m", "honour": "m", "worship": "m"}
STYLED = {"ladyship": ("Lady", "Countess", "Duchess", "Baroness", "Marchioness", "Viscountess"),
          "lordship": ("Lord", "Sir", "Earl", "Duke", "Baron", "Marquis", "Viscount", "Count"),
          "majesty": ("King", "Queen"), "highness": ("Prince", "Princess")}
"""The titles a style of address belongs to: "her Ladyship" is a Lady."""


ROLE_KIN = {w: kind for kind, ws in {"police": "officer detective policeman constable inspector sergeant thief-taker",
                                     "medicine": "doctor surgeon physician apothecary",
                                     "church": "clergyman vicar curate rector parson priest"}.items() for w in ws.split()}
"""Role nouns one scene may use for one person: "the detective" is "the officer" a line later."""


def same_trade(a: str, b: str) -> bool:
    """Two role nouns of one trade ("detective", "officer")."""
    return a in ROLE_KIN and ROLE_KIN[a] == ROLE_KIN.get(b)


_KIN_AS_NAME = re.compile(r"(?:(?<=[a-z,;] )|(?<=[.!?] )|^)(%s)\b(?= [a-z])" % "|".join(KIN_NAMES), re.M)


def kin_named(narration: Iterable[str]) -> set[str]:
    """The kin words the narration writes as names, twice or more ("Mother sat by the stove",
    "..., and Father came in"): characters of their own, of the sex ``KIN_NAMES`` gives. Not
    in the speeches, where "Mother, ..." is anyone's; none of the ten novels does it twice."""
    found = Counter(m.group(1) for text in narration for m in _KIN_AS_NAME.finditer(text))
    return {k for k, n in found.items() if n >= 2}


PEOPLE_NOUNS = set("""child stranger visitor servant porter driver coachman cabman officer inspector
constable sergeant doctor nurse clerk stationmaster station-master landlord landlady maid girl boy
man woman lady gentleman fellow youth captain colonel soldier sailor prisoner guard voice
detective policeman waiter butler footman housekeeper cook gardener reporter lawyer magistrate clergyman
vicar curate rector parson priest innkeeper shopkeeper messenger governess groom postman patient
""".split())
"""Nouns for a character the text may never name ("said the gardener"): a role of its own."""
ROLE_NOUNS = frozenset(COMMON_GENDER) | PEOPLE_NOUNS
"""Nouns an unnamed character goes by ("The patient arrived", "the old man"): a key of its own."""

TALKED_OF = re.compile(r"\b(?<!sight )(?<!side )(?<!arm )(?<!hand )(?<!presence )(?<!voice )(?<!eyes )(?<!face )"
                       r"(?<!appearance )(?<!entrance )(?<!approach )(?<!arrival )(?<!return )(?<!quire )(?<!quired )"
                       r"(?<!quiring )(?:of|about|for|from|letter|news|name)\s+(?:Mr\.\s+|Mrs\.\s+|Miss\s+)?$")
"""Words before a name that make its bearer talked of, not present: "she thought of Wickham",
"a letter from Count Olenski"; not "at the sight of Edmund", "to enquire of Elizabeth"."""


EPITHETS = ("Old", "Young", "Little", "Poor")
"""Words a text writes before a name it keeps ("Old Horace" is Horace Talbot): no part of the cue."""


def one_titled(title: str, known: Iterable[str]) -> str | None:
    """The one character of ``known`` with this title and a name ("Captain" → Captain Hale), if one."""
    found = [k for k in known if k.split()[0].rstrip(".") == title and len(k.split()) > 1]
    return found[0] if len(found) == 1 else None


def gender_of_title(name: str) -> str | None:
    t = title_of(name)
    if t in MALE_TITLES:
        return "m"
    if t in FEMALE_TITLES:
        return "f"
    return None


@cache
def _describes(word: str) -> bool:
    """An adjective or adverb and nothing else ("Impossible"): not a name."""
    from adapt.language.lexicon import getAllLemmas  # lemminflect, with its lazy tables

    pos = set(getAllLemmas(word.lower()))
    return bool(pos) and pos <= {"ADJ", "ADV"}


@lru_cache(maxsize=20000)
def is_name(text: str) -> bool:
    """A capitalised phrase that can name a person (not 'Then', not 'Oh')."""
    words = [w for w in text.replace(".", "").split() if not _PARTICLE_WORD.fullmatch(w)]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if len(words) == 1:
        return words[0] not in NOT_NAMES and not _describes(words[0])
    return words[-1] not in NOT_NAMES or words[0].rstrip(".") in TITLES


@lru_cache(maxsize=20000)
def clean_name(phrase: str) -> str:
    """'Before Anne' → 'Anne': capitalised sentence openers are not part of a name."""
    words = phrase.split()
    while len(words) > 1 and words[0] in NOT_NAMES and words[0].rstrip(".") not in TITLES \
            and not (words[0] in WORD_NAMES and len(words) == 2):  # "May Welland", "Will Ladislaw"
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=20000)  # the writer asks it of each speech's speaker, three times
def cue_name(name: str) -> str:
    """How a script prints the cue: upper case, without a leading article, unless what is
    left is an adjective alone ("the Artful" stays THE ARTFUL, a nickname, not ARTFUL)."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    if bare != name.strip() and len(bare.split()) == 1:
        from adapt.language.lexicon import lemmas

        pos = lemmas(bare.lower())
        if pos and "NOUN" not in pos and "ADJ" in pos:
            bare = "the " + bare
    return " ".join(bare.split()).upper()


ENDEARMENTS = frozenset("""babe baby sweetheart darling dear honey love sir madam ma'am miss man girl
boy mother father mamma papa mama mum mom dad child friend lord god kid dude buddy pal sweetie
lady gentlemen ladies guys folks mister son doctor captain colonel inspector master mistress
""".split())

_VOC_AFTER = patterns.compile(rf"(?:^|[,;–—-]\s*|\b(?:[Mm]y\s+(?:dear|good|poor)\s+|[Oo]h,?\s+|[Dd]ear\s+))({NAME}|[A-Z](?![\w'’]))\s*(?=[,!?.;…–—-]|\s*$)")


def vocatives(quote: str) -> list[str]:
    """Names the speaker addresses: 'Faith, ...', '..., B.', 'my dear Watson'."""
    return list(_vocatives(quote))  # several passes ask of each quotation


@lru_cache(maxsize=20000)
def _vocatives(quote: str) -> tuple[str, ...]:
    found = []
    # A quotation within the speech ("I said: 'Dear Mrs. Vyse, ...'") addresses someone else,
    # elsewhere: not whom the speaker talks to.
    quote = _INNER_QUOTE.sub(" ", quote)
    for m in _VOC_AFTER.finditer(quote):
        name = m.group(1)
        start = m.start(1)
        before = quote[:start].rstrip()
        after = quote[m.end(1):].lstrip()
        # At the start it must be followed by a comma ("Faith, listen"); else set off by
        # punctuation on the left ("..., B.").
        if not before:
            if not after.startswith((",", "!")):
                continue
        elif not (before.endswith((",", "–", "—", "-", ";")) or re.search(r"(?:[Mm]y (?:dear|good|poor)|[Oo]h,?|[Dd]ear)$", before)):
            continue
        # "Rushworth, sir.": an answer that names someone to the one it calls "sir".
        if not before and _THEN_ADDRESS.match(after):
            continue
        # "Abdullah, Akbar, and I": a list, not an address.
        if re.match(r",\s*(?:and|or|&)\b", after) or re.search(r"\b(?:and|or)$", before):
            continue
        # People are addressed by one name or a title and name ("Anne", "Mr. Bennet");
        # "…, Green Gables." is a place in apposition.
        if len(name.split()) > 1 and name.split()[0].rstrip(".") not in TITLES:
            continue
        if name.lower() in ENDEARMENTS or name in ("I", "A", "O") or not (is_name(name) or len(name) == 1) \
                or name.rstrip(".") in TITLES:  # "Signorino, ...", "Madame, ...": a form of address, no name
            continue
        found.append(name)
    return tuple(found)


_THEN_ADDRESS = re.compile(r",\s*(?:sir|madam|ma'am|miss|ma|mamma|papa|father|mother)\s*[.!?]*$", re.I)
_INNER_QUOTE = re.compile(r"(?:^|(?<=[\s:,]))['‘][A-Z][^'’]*?[.,!?;:—–-]['’](?=\s|$)")

# Forms of address and the gender they imply ("Sit down, Doctor", "yes, mamma"): how the
# others speak to someone tells their gender when no pronoun does.
ADDRESS_GENDER = {
    "sir": "m", "mister": "m", "father": "m", "papa": "m", "dad": "m", "uncle": "m", "boy": "m",
    "lad": "m", "son": "m", "man": "m", "gentleman": "m", "fellow": "m", "chap": "m",
    "doctor": "m", "brother": "m", "mate": "m", "dude": "m", "bro": "m",
    "madam": "f", "ma'am": "f", "miss": "f", "mother": "f", "mamma": "f", "mama": "f", "mum": "f",
    "mom": "f", "aunt": "f", "girl": "f", "lass": "f", "daughter": "f", "woman": "f",
    "lady": "f", "sister": "f", "missus": "f", "sis": "f",
    **{t.lower(): "m" for t in ("Monsieur", "Signor", "Signore", "Signorino", "Herr", "Señor", "Senhor", "Mynheer")},
    **{t.lower(): "f" for t in ("Madame", "Mademoiselle", "Signora", "Signorina", "Frau", "Fräulein", "Señora",
                                "Señorita", "Senhora")},
}


# Words that stand where a person would but name nobody: "said the other", "the same",
# "cried the first"; and interjections that look like vocatives ("Ugh!", "Lor!", "Pooh!").
NOT_PERSON_NOUNS = frozenset("other others same one ones first second third fourth last next former latter "
                              "rest elder younger eldest youngest both all each either neither".split())
_INTERJECTIONS = frozenset("ugh lor la lo ay aye aha ha hah hem hm hmm humph pooh pshaw bah alas hush "
                           "tut fie heigh ho oho hallo hullo halloa whew phew".split())
_PRONOUNS = frozenset("i me my he him his she her hers it its we us our they them their you your "
                      "thee thou thy who whom".split())  # "Him" of the hymns is no one's cue


def plausible_name(name: str, proper: frozenset[str] | set[str] = frozenset(), *, nouns: bool = False) -> bool:
    """A name a character can go by: not an interjection ("Ugh", "Lor"), and a word that is
    also a verb, adjective, adverb or common noun ("Was", "True", "Tranquilly", "Piano") only
    when the text writes it with a capital inside a sentence (``proper``), as it does
    "Harry", "Bumble" or "Grace". ``nouns=True`` lets common nouns pass anyway."""
    from adapt.language.lexicon import lemmas

    words = name.replace(".", "").split()
    if not words:
        return False
    if title_of(name) or len(words) > 1:
        return True
    low = words[0].lower()
    pos = lemmas(low)
    if words[0] in WORD_NAMES and words[0] in proper:
        return True  # "May" of "May Welland", written with a capital mid-sentence
    if low in _INTERJECTIONS or low in _PRONOUNS or "AUX" in pos or (low.endswith("ing") and "VERB" in pos and "NOUN" not in pos):
        return False  # "Ugh", "Was", "Having": never anyone's name
    if words[0] in proper:
        return True
    if low.endswith("ly"):
        return False
    return not pos or (nouns and "NOUN" in pos)


_SAID_NOUNS = frozenset("declaration answer reply question remark exclamation response rejoinder retort "
                        "observation comment words speech request reproach apology protest".split())
"""What is said, not who says it: "the declaration with which she began of, '...'"."""


def person_noun(word: str) -> bool:
    """The head of "said the X" names a person ("the gardener"), not "the other", "the same",
    nor what is said ("the declaration")."""
    from adapt.language.lexicon import lemmas

    low = word.lower()
    if low in NOT_PERSON_NOUNS or low in _INTERJECTIONS or low in _SAID_NOUNS:
        return False
    pos = lemmas(low)
    return not pos or "NOUN" in pos
