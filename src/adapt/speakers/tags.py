"""Dialogue tags: finding them ("said Alice", "she has the nerve to say") and
splitting them from the business around them without losing a word.

The attribution reads the tag's subject; the adaptation moves that subject and the
speech verb into the character cue, and keeps everything else — the manner
("coldly"), the addressee ("to Colonel Fitzwilliam"), what the speaker does — as a
wryly or an action line.
"""
from __future__ import annotations

import re
from functools import cache

from adapt import patterns
from adapt.language.lexicon import base_lemma, past_lemma, plural
from adapt.language.words import word_alt
from adapt.speakers.names import EPITHETS, NAME, is_name, speech_verbs


@cache
def verb_pattern() -> str:
    """Any inflected speech verb, with a particle ("went on", "broke in"); the speech verbs
    of other languages too ("dit Marie", "sagte Anna", "спросила Ольга"), less any form
    that is also an English word, so English tags read as before."""
    from adapt.language.lexicon import lemmas
    from adapt.language.speech_verbs import SPEECH_VERBS

    foreign = {f for forms in SPEECH_VERBS.values() for f in forms if " " not in f and not lemmas(f)}
    # A letter tree, not a flat alternation of ~1,500 forms: compiled and matched many times faster.
    # ("said on the telephone": a place, no particle; "went on the old man" is _PHRASAL's)
    return r"(?:%s\s+(?:in|out|%s|up)|%s\s+%s|(?:%s)(?:\s+(?:on(?!\s+(?:the|a|an|his|her|my|their|our|its|your)\b)|in|out|up|back))?)" % (
        word_alt(sorted(_PHRASAL - _GO)), _ON, word_alt(sorted(_GO)), _ON, word_alt(sorted(speech_verbs() | foreign)))


# Verbs that speak only with their particle: "put in Freddy", "broke in Lucy", "went on".
_PHRASAL = set("put puts broke breaks break struck strikes strike cut cuts chimed chimes chime burst bursts "
               "threw throws flung flings went goes go piped pipes spoke speaks".split())
_GO = {"went", "goes", "go"}
"""Verbs of going, which speak with "on" alone: "he went in" enters a room."""
_ON = r"on(?!\s+(?:down|up|along|into|in|out|to|towards?|across|through|past|over|ahead|home|with|foot|board)\b)"
"""'went on': going on speaking, not "went on down the steps" nor "went on with her work"."""


# A noun phrase runs to its head noun: "the old gentleman", not "the old"; it stops before a
# preposition, a conjunction, an adverb or a participle ("the girl in a low voice", "the man
# quietly", "the boy looking up").
_NOT_IN_NP_WORDS = (r"(?:in|on|at|to|with|of|and|or|but|as|who|which|that|for|from|by|into|upon|up|down|out|"
                    r"off|over|after|before|during|without|behind|between|through|across|against|among|"
                    r"the|a|an|his|her|my|their|our|him|them|me|us|it|was|were|is|had|has|then|again)\b")
_NOT_IN_NP = rf"(?!{_NOT_IN_NP_WORDS}|[a-z]+ly\b|[a-z]+ing\b)"
# Before the head an -ly word is an adjective ("the kindly old aunt", "the stately lady").
_MODIFIER = rf"(?!{_NOT_IN_NP_WORDS}|[a-z]+ing\b)[a-z-]+"
# The head may be a name with its title: "the more candid Lady Bertram", not "the more candid Lady".
SUBJECT = (rf"(?:(?:[Aa]n?|[Tt]he)\s+(?:{_MODIFIER}\s+){{0,2}}[a-z-]+['’]s\s+voice\b"  # "said a man's voice"
           rf"|I|he|she|He|She|{NAME}|(?:the|a|an|his|her|my|their|our|The|His|Her|My)\s+"
           rf"(?:{_MODIFIER}\s+){{0,2}}(?:{NAME}|{_NOT_IN_NP}[A-Za-z-]+))")


@cache
def tag_after() -> re.Pattern[str]:
    """A tag opening the narration right after a quotation."""
    v = verb_pattern()
    return patterns.compile(
        rf"^\s*[,;:!?—–-]*\s*(?:(?P<v4>{v})\s+(?:the\s+)?(?:(?!(?:the|a|an|his|her|my|our|their)\s){_MODIFIER}\s+){{1,2}}(?P<s4>{NAME})(?=[\s,.;:!?]|$)"  # said the wary Jones
        rf"|(?:half-)?(?P<v1>{v})\s+(?:(?!{_NOT_IN_NP_WORDS})[a-z]+\s+)??(?P<s1>{SUBJECT})(?![a-z])"
        rf"|(?P<s2>{SUBJECT})\s+(?:[\w'’-]+\s+){{0,4}}?(?:half-)?(?P<v2>{v})\b"
        # '"...," implored Anne': right after a quotation, verb-then-name is a tag
        # whatever the verb.
        rf"|(?!(?:was|is|has|does|goes|as|his|this|thus|yes|less|unless)\b)(?P<v3>[a-z]+(?:ed|s))\s+(?P<s3>{NAME})(?=[\s,.;:!?]|$)"
        # '"...," was Marilla's comment', '"No," was his answer': a nominal tag.
        rf"|(?P<v5>was|were|came)\s+(?P<s5>{NAME}(?:['’]s)?|his|her|my|the\s+(?:[a-z]+\s+)?[a-z]+['’]s)\s+"
        rf"(?:[a-z]+\s+)?{_SAYING}(?P<n5>))")


@cache
def speaker_after() -> re.Pattern[str]:
    """Who a quotation's own sentence goes on with, when no speech verb tags it: '"...,"
    Janey speculated', '"...," thought Elizabeth'. Evidence of the speaker only: the
    narration stays as it is written (``split_after`` reads speech verbs alone)."""
    return patterns.compile(
        rf"^\s*(?:(?:thought|thinks)\s+(?P<s1>{NAME}|I|he|she)(?=[\s,.;:!?]|$)"
        rf"|(?P<s2>{NAME}|he|she)\s+(?:[a-z]+ly\s+)?(?:thought|thinks|[a-z]+ed)\b(?!\s+(?:to|that)\b))")


_SAYING = (r"(?:comment|answer|reply|response|rejoinder|retort|remark|exclamation|greeting|question|"
           r"observation|verdict|advice|protest|explanation|announcement|assurance|apology|words?)\b")
_POSSESSIVE = {"his": "he", "her": "she", "my": "I"}
GROUPS = ("s1", "s2", "s3", "s4", "s5")


def as_subject(word: str) -> str:
    """A nominal tag's possessive as the subject it stands for: "his (answer)" → "he"."""
    word = re.sub(r"['’]s$", "", word.strip())  # "Marilla's (comment)", "the doctor's (answer)"
    return _POSSESSIVE.get(word.lower(), word)


def subject_group(m: re.Match[str]) -> str:
    """Which of a tag match's subject groups (``GROUPS``) matched."""
    return next(g for g in GROUPS if m.group(g))


def subject_text(m: re.Match[str]) -> str:
    """The subject a tag match names, as a subject: "his answer" → "he"."""
    return as_subject(m.group(subject_group(m)))


@cache
def nominal_before() -> re.Pattern[str]:
    """A nominal tag closing the narration before a quotation: "Miss Bartlett's only reply:"."""
    return patterns.compile(rf"(?:^|{_SENTENCE_END}\s+|,\s*)(?P<s>{NAME}|[Hh]is|[Hh]er|[Mm]y)['’]?s?\s+(?:[a-z]+\s+){{0,2}}"
                      rf"{_SAYING}(?:\s+(?:was|is|had been))?\s*[:,—–-]+\s*$")


@cache
def tag_before() -> re.Pattern[str]:
    """A tag closing the narration right before a quotation ("Elizabeth said,")."""
    v = verb_pattern()
    return patterns.compile(rf"(?:(?:^|{_SENTENCE_END}\s+|,\s*)(?:(?:and|but|then|when|while|till|until|And|But|Then|So|so|When|While)\s+)?"
                            rf"(?:(?:even|Even|at last|At last|now|Now|again|Again|[a-z]+ly)\s+)?"
                            # "...the ancestral cuisine and Mr. Jackson continued:": a clause of its own
                            rf"|\s(?:and|but)\s+(?={NAME}\s)"
                            # "Not till then did Miss Bartlett reply:"
                            rf"|\b(?:did|does|do)\s+)"
                            rf"(?P<s>{SUBJECT})(?:(?:\s+[a-z]+){{1,2}}(?=\s*,))?{_ASIDE}\s+(?:[\w'’-]+\s+){{0,4}}?(?P<v>{v})\b[^.!?;\"“”]*[,:—–-]?\s*$")


@cache
def by_agent() -> re.Pattern[str]:
    """A passive speech verb and its agent closing the narration: "when thus accosted by Miss
    Bingley,", "interrupted by Mr. Collins:"."""
    return patterns.compile(rf"\b(?:{verb_pattern()})\s+by\s+(?P<s>{NAME})\s*[,:—–-]*\s*$")


@cache
def by_gerund() -> re.Pattern[str]:
    """A possessive and a speech verb's -ing closing the narration: "she was stopped by Sir
    Thomas's saying with authority,"."""
    return patterns.compile(rf"(?P<s>{NAME})['’]s\s+(?:[a-z]+ly\s+)?(?:{verb_pattern()})(?<=ing){_HOW}\s*[,:—–-]*\s*$")


def opens_with_verb(clause: str) -> bool:
    """A clause that is its speech verb alone, its subject in the clause before ("said,")."""
    return _opens_with_verb().match(clause) is not None


@cache
def _opens_with_verb() -> re.Pattern[str]:
    return patterns.compile(rf"\s*(?:[a-z]+ly\s+)?(?:{verb_pattern()})\b")


@cache
def heard_saying() -> re.Pattern[str]:
    """'Archer heard Reggie Chivers say', 'I heard Holmes remark': the one heard speaks, not
    the one who hears."""
    return patterns.compile(rf"\b(?:heard|hear|hears|overheard|overhears)\s+(?P<s>{NAME}|him|her)\s+"
                            rf"(?:(?!and\b)[\w'’-]+\s+){{0,3}}?(?:and\s+)?(?:[a-z]+ly\s+)?(?:{verb_pattern()})\b")


def last_tag_before(text: str, pos: int = 0) -> re.Match[str] | None:
    """The tag closing the narration, by its last subject: "Skaggs started to sit down alone,
    but Thomas called him," is Thomas's, not Skaggs's ("started" speaks only in a tag)."""
    found = None
    m = tag_before().search(text, pos)
    while m:
        # "Fanny was returned to her seat": a passive is narration, no tag.
        if not (m.group("v").endswith("ed") and re.search(r"\b(?:was|were|been|be|being)\s+$", text[:m.start("v")])):
            found = m
        m = tag_before().search(text, m.start("s") + 1)
    return found


# A sentence's end, not a title's full stop ("when Mrs. Norris called out": not "Norris").
_SENTENCE_END = r"(?<!\bMrs)(?<!\bMr)(?<!\bDr)(?<!\bMs)(?<!\bSt)[.!?;]"
# "Cecil, sharing the discontent, called out:": a phrase set off by commas after the subject.
_ASIDE = r"(?:(?:\s*,[^,.!?;:\"“”]{1,60}){1,2},)?"


@cache
def intro() -> re.Pattern[str]:
    """'Then she speaks', 'Elizabeth said:' closing a paragraph that a speech follows."""
    return patterns.compile(rf"\b(?P<s>I|he|she|He|She|{NAME}){_ASIDE}\s+(?:(?:[a-z]+\s+){{0,2}}(?P<v>{verb_pattern()})\b"
                      rf"|(?:[\w'’-]+,?\s+){{1,14}}?(?:and|then)\s+(?:(?:[a-z]+ly|thus|then|again)\s+)?(?P<v2>{verb_pattern()})"
                      rf"(?:\s+(?:to\s+)?(?:him|her|them|me|us|it))?\s*[,:.—–-]?\s*$)")


# "added with dignity", "said in a whisper", "replied quietly": how, after the verb.
_HOW = r"(?:\s+(?:with|in)\s+[^.!?;:,\"“”]{1,40}|\s+[a-z]+ly)?"


@cache
def named_before() -> re.Pattern[str]:
    """A name right before the speech verb that ends the narration, wherever its clause starts."""
    return patterns.compile(rf"(?<![\w'’])(?P<s>{NAME}){_ASIDE}\s+(?:[a-z]+ly\s+)?{verb_pattern()}{_HOW}\s*[,:—–-]*\s*$")


@cache
def ends_speaking() -> re.Pattern[str]:
    """Narration that ends on a speech verb, whoever its subject: "..., by saying,", "thought it
    most becoming to reply": the one the sentence is about speaks next."""
    return patterns.compile(rf"\b{verb_pattern()}(?:\s+[a-z]+ly)?\s*[,:—–-]*\s*$")


_NOT_A_TAG_AFTER_VERB = re.compile(r"\s+(?:it|this|that|these|those|them)\b|\s+\w+ing\b")
_PRONOUNS = {"i", "he", "she", "we", "they"}


def _real_subject(text: str) -> bool:
    words = text.split()
    return (text.lower() in _PRONOUNS or is_name(text)
            or words[0].lower() in ("the", "a", "an", "his", "her", "my", "their", "our"))


def _disagrees(subject: str, verb: str) -> bool:
    """One person with a verb of many: '"...it" a fair start "..."' is no tag ("a fair" does
    not "start"; she "starts"). A verb whose past is its base ("put in Mrs. Grant") agrees."""
    low, first = subject.lower().split(), verb.split()[0].lower()
    if base_lemma(first) != first or past_lemma(first) or low[0] in ("i", "we", "they", "you"):
        return False
    return low[0] in ("he", "she") or (low[0] in ("a", "an") and not plural(low[-1]))


_VERB_OF = {"s1": "v1", "s2": "v2", "s3": "v3", "s4": "v4"}


def match_after(text: str) -> re.Match[str] | None:
    """The tag opening the narration after a quotation, if it is one: not "Elizabeth
    replied that it was" (speech reported, not the quotation's tag)."""
    m = tag_after().match(text)
    if not m:
        return None
    sg = subject_group(m)
    if sg != "s5" and re.match(r"\s+that\b", text[m.end(_VERB_OF[sg]):]):
        return None
    return m


def named_tag(text: str) -> str | None:
    """The name a tag opening this narration has for its subject ("said Tom": Tom), not
    "he" or "her brother"."""
    m = tag_after().match(text)
    s = m and m.group(subject_group(m))
    if not s or not s[:1].isupper() or s in ("I", "He", "She") or s.startswith(("The ", "His ", "Her ", "My ")):
        return None
    return _NOT_OF_NAME.sub("", s)  # "cried Old Horace": Horace


_NOT_OF_NAME = re.compile(rf"^(?:{'|'.join(EPITHETS)})\s+(?=[A-Z])|['’]s$")
"""What a tag's name carries that is not the name: an epithet before it, a possessive after."""


def split_after(text: str) -> tuple[bool, str]:
    """Narration after a quotation → (it opens with a tag, the narration without the
    tag's subject and verb): ', he coldly replied. He left.' → (True, 'coldly. He left.').

    Words between subject and verb stay; so does the verb when they are more than
    manner ("she has the nerve to say" keeps "has the nerve to say").
    """
    m = tag_after().match(text)
    if not m:
        return False, text
    sg = subject_group(m)
    if sg == "s5":  # "was Marilla's comment": the whole phrase goes to the cue
        return True, text[m.end():].strip(" ,;.")
    vg = _VERB_OF[sg]
    if not _real_subject(m.group(sg)) or _NOT_A_TAG_AFTER_VERB.match(text, m.end(vg)) \
            or (sg == "s2" and not text[m.end(sg):m.start(vg)].strip() and _disagrees(m.group(sg), m.group(vg))):
        return False, text  # "She begins walking", "I shouted it more fiercely"
    (a, b), (c, d) = sorted([m.span(sg), m.span(vg)])
    middle = text[b:c].strip()
    progressive = m.group(vg).endswith("ing") and middle in ("was", "were", "is", "are")  # "Mary was screaming"
    if sg == "s2" and middle and not progressive and not all(w.endswith("ly") for w in middle.split()):
        kept = text[b:]  # "has the nerve to say, trying to catch her breath"
    else:
        if sg == "s4":  # "said the unsympathetic Marilla" → (unsympathetic)
            middle = re.sub(r"^the\s+", "", middle)
        if progressive:
            middle = ""
        kept = text[m.start():a] + " " + middle + " " + text[d:]
    kept = re.sub(r"^[\s,;:!?—–-]*(?:half-)?", "", kept)
    kept = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(kept.split()))
    kept = kept.strip(" ,;")
    if m.group(sg).split()[-1].lower() in ("voice", "voices"):
        kept = _whose_voice(kept)
    return True, kept


_VOICE_IS = re.compile(r"(?:(of)\s|(which|that)\s+(?!is\b|was\b)|which\s+(?=is\b|was\b))")


def _whose_voice(rest: str) -> str:
    """What a tag says of a voice, as action of its own: '"Me!" replied the voice of the
    Dodger, through the key-hole' → 'The voice is that of the Dodger, through the key-hole.';
    'said a voice, which was evidently that of the gentleman' → 'The voice was evidently
    that of the gentleman.' (the story's tense is the action stage's)."""
    m = _VOICE_IS.match(rest)
    if not m:
        return rest
    if m.group(1):
        return "the voice is that " + rest
    return "the voice " + rest[m.end():]


@cache
def _subject_last() -> re.Pattern[str]:
    """A subject (and a manner adverb) closing the action before a quotation ("..., Tom")."""
    return patterns.compile(rf"(?:^|[,;]\s*|\b(?:[Aa]nd|[Tt]hen)\s+)(?:{SUBJECT})\s+(?P<how>[a-z]+ly\s+)?$")


def split_before(text: str) -> tuple[str, str]:
    """Narration before a quotation ending 'and said with a look of composure,' →
    (the action before the tag, what the tag adds: 'with a look of composure').

    Only a verb whose subject is right before it ("Elizabeth said", "and said") is a
    tag; "..., adding," keeps every word as action.
    """
    if not re.search(r"[,:—–-]\s*$", text):
        return text, ""
    verbs = list(patterns.compile(rf"\b{verb_pattern()}\b").finditer(text))
    if not verbs:
        return text, ""
    v = verbs[-1]
    action, adds = text[:v.start()], text[v.end():]
    if re.search(r"[.!?]", adds):
        return text, ""  # the verb belongs to an earlier sentence
    subject = _subject_last().search(action)
    joined = re.search(r",?\s*\b(?:[Aa]nd|[Tt]hen)\s+(?P<how>[a-z]+ly\s+)?$", action)
    found = subject or joined
    if not found:
        return text, ""
    how = (found.group("how") or "").strip()  # "Elizabeth privately added," keeps "privately"
    adds = " ".join(x for x in (how, adds.strip(" ,:;—–-")) if x)
    return action[:found.start()].strip(" ,;"), adds


_TURNED_TO = re.compile(
    r"\b(?:said|says|asked|cried|replied|whispered|answered|added|called|turning|turned|looking|looked|"
    r"nodding|nodded|bowing|bowed|smiling|smiled|appealing|glancing|glanced)\s+(?:[a-z]+ly\s+)?"
    rf"(?:to|at|towards|upon)\s+({NAME})|\b(?:addressing|addressed)\s+({NAME})"
    rf"|\b(?:said|asked|cried|replied|whispered|added)\s+(?:{NAME}|he|she)\s+to\s+({NAME})")


def spoken_to(narration: str) -> list[str]:
    """Names the narration has a speech turn to ("she said to Lucy", "turning to Mr. Beebe",
    "addressing Elinor"): the one spoken to, so not the speaker, and likely to answer."""
    return [m.group(1) or m.group(2) or m.group(3) for m in _TURNED_TO.finditer(narration)]
