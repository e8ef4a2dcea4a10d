"""Explicit evidence of who speaks: the speech tags of one paragraph, read through the resolver."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from adapt.language.sentences import clauses, last_clause, sentences
from adapt.read.beats import Narration, Paragraph
from adapt.speakers import family, tags
from adapt.speakers.family import RELATIVES
from adapt.speakers.names import COMMON_GENDER, NAME, PRONOUN_GENDER, names_in
from adapt.speakers.resolver import (
    GENERIC_PEOPLE,
    NAME_RE,
    PLACEHOLDER,
    Resolver,
    first_subject,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str
    """Entity key: a name as the text spells it, or a placeholder (narrator, she, he)."""
    evidence: str
    """tag | action | continued | intro | turns | after | guess."""


def tag_evidence(b: Paragraph, qpos: list[int], r: Resolver) -> tuple[dict[int, str], dict[int, str], bool]:
    """Who the tags of paragraph ``b`` name, the strongest evidence there is.

    Returns the speaker of each tagged quotation (keyed by part index), the gender
    of those tagged only by a pronoun ("said she"), and whether the first tag
    carries on ("she added": the last speaker again).
    """
    carries_on = False
    explicit: dict[int, str] = {}
    pronoun: dict[int, str] = {}  # tags by "he"/"she": a gender, the name only a guess
    for k, i in enumerate(qpos):
        q = b.parts[i]
        # Whom the speech calls or talks about ("Jane is ill," she said): not its speaker.
        addressed = r.called([q.text]) | r.talked_about([q.text])  # type: ignore[union-attr]
        after = b.parts[i + 1] if i + 1 < len(b.parts) else None
        heard = _heard(after.text if isinstance(after, Narration) else "", addressed, r, first=True)
        if heard:
            explicit[i] = heard  # '"...," Archer heard Reggie Chivers say'
            r.mention(heard)
            continue
        if isinstance(after, Narration):
            m = tags.match_after(after.text)
            if m:
                subject = tags.subject_text(m)
                subj_text = subject.strip().lower()
                marked = _marked_out(subj_text, after.text, m, r)
                if marked:
                    explicit[i] = marked
                    r.mention(marked)
                    continue
                s = r.subject(subject, addressed)
                if s and s.startswith("\x00"):
                    rest = after.text[m.end(tags.subject_group(m)):]
                    s = _named_after(s, rest, r) or _voice_of(subj_text, rest, addressed, r) or s
                if subj_text in ("he", "she"):
                    s = _actor_before(b, i, PRONOUN_GENDER[subj_text], addressed, r) or s
                if s:
                    explicit[i] = s
                    if subj_text in ("he", "she"):
                        pronoun[i] = PRONOUN_GENDER[subj_text]
                    head = _the_noun(subj_text)
                    if head in GENERIC_PEOPLE and not s.startswith("\x00"):
                        pronoun[i] = GENERIC_PEOPLE[head]  # "said the old gentleman"
                    kin = _kin_guess(subj_text, s, addressed, r)
                    if kin:
                        pronoun[i] = kin
                    verb = (m.group("v1") or m.group("v2") or m.group("v3") or m.group("v4") or "").lower()
                    if k == 0 and re.match(r"(?:continu|add|went on|goes on|go on|resum|pursu|proceed|persist|repeat)", verb):
                        carries_on = True
                    r.mention(s)
                    continue
            found = _speaker_after(q.text, after.text, addressed, r)  # type: ignore[union-attr]
            if found:
                explicit[i], g = found
                if g:
                    pronoun[i] = g
                r.mention(explicit[i])
                continue
        before = b.parts[i - 1] if i > 0 else None
        if k > 0 and isinstance(before, Narration) and qpos[k - 1] in explicit and _split(before.text):
            # '"...," said Mr. Bennet, when Elizabeth had read the note aloud, "..."': one
            # speech split by its tag; the tag's speaker says the rest.
            explicit[i] = explicit[qpos[k - 1]]
            if qpos[k - 1] in pronoun:
                pronoun[i] = pronoun[qpos[k - 1]]
            continue
        heard = _heard(before.text, addressed, r) if isinstance(before, Narration) and (
            k == 0 or len(sentences(before.text)) > 1) else None
        if heard:
            explicit[i] = heard  # 'Archer heard Madame Olenska say, in Italian:'
            r.mention(heard)
            continue
        if isinstance(before, Narration):
            m = tags.last_tag_before(before.text)
            ending = _PARTICIPLE_END.search(before.text)
            if m and ending and m.end("v") <= ending.start():
                m = None  # "he was still urging it when Henry Crawford entered, calling out,": not his
            if not (m and before.text.rstrip().endswith((",", ":", "—", "–", "-")) or (m and k == 0 and len(sentences(before.text)) >= 1 and m.end() >= len(before.text.rstrip()) - 1)):
                m = tags.nominal_before().search(before.text)  # "Her answer was:"
            gerund = tags.by_gerund().search(before.text) if m else None
            if gerund and gerund.start() >= m.start("s"):  # type: ignore[union-attr]
                m = gerund  # "when she was stopped by Sir Thomas's saying,": Sir Thomas speaks
            said = tags.as_subject(m.group("s")) if m else ""
            rel = WHO_OPENS.match((sentences(before.text) or [""])[-1].lstrip()) \
                if m and m.re is tags.tag_before() else None
            if rel and rel.group(1) != m.group("s"):  # type: ignore[union-attr]
                said = rel.group(1)  # "Fanny, who sat opposite Miss Crawford, ... said,": Fanny
            between = before.text[m.end("s"):m.start("v")].strip() if m and "v" in m.re.groupindex else ""
            if between.lower() in ("he", "she"):
                said = between  # "Aloud he said,": he, not "Aloud"
            s = r.subject(said, addressed) if m else None  # "and falling on her neck, said,": no one
            # A later quotation of the paragraph: only a sentence of its own after the tag of
            # the one before ("...," said Lady Bertram. After a pause Sir Thomas added, "...").
            if not s and (k == 0 or len(sentences(before.text)) > 1 or _named_intro(before.text)) and (
                    tags.ends_speaking().search(before.text) or tags.named_before().search(before.text)):
                sents = sentences(before.text)
                who = closing_speaker(sents[-1], addressed, r) if sents else None
                if who and who not in addressed:
                    explicit[i] = who
                    r.mention(who)
                    continue
            if s:
                explicit[i] = s
                if said.strip().lower() in ("he", "she"):
                    pronoun[i] = PRONOUN_GENDER[said.strip().lower()]
                r.mention(s)
    if explicit and qpos[-1] + 1 < len(b.parts):
        # '"Justice!" snarled the ex-convict. ... Small had dropped his mask': an
        # epithet in the tag, the name in the narration that follows.
        after_text = b.parts[qpos[-1] + 1].text  # type: ignore[union-attr]
        sents = sentences(after_text)
        if sents and tags.tag_after().match(after_text):
            sents = sents[1:]  # the tag's own sentence
        revealed = next((m for sent in sents[:3] if (m := _IT_WAS.search(sent))), None)
        named = r.person(revealed.group(1)) if revealed else None
        named = named or (first_subject(sents[0], r) if sents else None)
        for i in [i for i, k in explicit.items() if k.startswith("\x00the ")]:
            if named and not named.startswith("\x00"):
                explicit[i] = named
    return explicit, pronoun, carries_on


def _kin_guess(subject: str, speaker: str, addressed: set[str], r: Resolver) -> str | None:
    """The sex a kinship tag tells, when which one it means is a guess ("said her sister" in
    a family of sisters); none when it is the parent of the one the speech is about ("Kitty
    don't drink no beer," broke in her mother: the one Mrs. of Kitty's surname)."""
    rel = re.fullmatch(r"(his|her)\s+(\w+)", subject)
    if not rel or not RELATIVES.get(rel.group(2)):
        return None
    if rel.group(2) in ("mother", "father") and speaker == family.parent(
            r, family.possessor(r, PRONOUN_GENDER[rel.group(1)], addressed), rel.group(2)):
        return None
    return RELATIVES[rel.group(2)]


def closing_speaker(sentence: str, addressed: set[str], r: Resolver) -> str | None:
    """Who speaks next when a sentence closes on a speech verb whatever its subject: "Julia
    called his attention to her sister, by saying," is the sentence's subject; "...; but
    Edmund, after waiting a moment, ... by saying," the last clause's; "Then for the first
    time Joe spoke:" the name right before the verb; "when thus accosted by Miss Bingley,"
    the one the passive names."""
    agent = tags.by_agent().search(sentence) or tags.by_gerund().search(sentence)
    if agent and (who := r.subject(agent.group("s"), addressed)):
        return who
    parts = clauses(sentence)
    aside = _ASIDE_FIRST.match(parts[-1]) if len(parts) > 1 else None
    if aside and tags.opens_with_verb(parts[-1][aside.end():]):
        # "Mr. Bumble surveyed the little speaker...; and, turning to his companion, said,":
        # the clause has no subject of its own ("his" is not one); the clause before's is it.
        # "..., when Mr. Bumble rushed into the room, and addressing ..., said,"
        # "she thought nothing of it till the butler reappeared, and advancing ..., said,":
        # the subject of a "till" or "when" clause that ends the clause before acts.
        till = list(_UNTIL.finditer(parts[-2]))
        who = (_named_at(_where_subject(parts[-2]), r) or (first_subject(parts[-2][till[-1].end():], r) if till else None)
               or first_subject(parts[-2], r))
        if who:
            return who
    relative = WHO_OPENS.match(sentence.lstrip())
    if relative and (who := r.person(relative.group(1))):
        return who  # "Fanny, who was sitting opposite Miss Crawford, ..., now looked at him, and said"
    if _PARTICIPLE_END.search(sentence):
        # "...when Henry Crawford entered the room, fresh from the Parsonage, calling out,":
        # the one a verb follows last, not the clause's "he".
        who = _last_actor(sentence, r) or first_subject(last_clause(sentence), r) or first_subject(sentence, r)
    else:
        who = (first_subject(last_clause(sentence), r) or _clause_before(parts, sentence, r)
               or _last_actor(sentence, r) or first_subject(sentence, r))
    named = tags.named_before().search(sentence)
    return (r.subject(named.group("s"), addressed) if named else None) or who


WHO_OPENS = re.compile(rf"(?:(?:And|But|Then)\s+)?({NAME}),\s+who\b")
_UNTIL = re.compile(r"\b(?:till|until|when|while|before|as soon as)\s+")
_ASIDE_FIRST = re.compile(r"(?:(?:and|but|then)\s*)?,?\s*(?:[a-z]+ly\s+)?[a-z]+ing\b[^,;:]{0,60},\s*")
_PARTICIPLE_END = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+ing(?:\s+out)?\s*[,:—–-]*\s*$")
_AFTER_NAME = re.compile(r"(?:(?:,[^,;:]{1,100}){1,2},)?\s+(?:(?:[a-z]+ly|almost|then|now|soon|at\s+once)\s+){0,2}([a-z]+)\b")


def _last_actor(sentence: str, r: Resolver, g: str | None = None) -> str | None:
    """"When Anne ... had gone upstairs, Matthew, who had been asleep, opened his eyes and
    said decidedly:": the last name a verb follows, its asides set apart (of gender ``g``,
    when given)."""
    from adapt.language.lexicon import lemmas

    for m in reversed(names_in(sentence)):
        after = _AFTER_NAME.match(sentence, m.end())
        if after and "VERB" in lemmas(after.group(1)) and not after.group(1).endswith("ing"):
            who = r.person(m.group(0))
            if who and (g is None or r.genders.get(who) == g):
                return who
    return None


_LEADING = re.compile(r"^(?:(?:and|but|then|so|when|while|as|till|until)\s+)+")


def _clause_before(parts: list[str], sentence: str, r: Resolver) -> str | None:
    """"...; and the day came at last, when Mr. Rushworth turned to her with a black look,
    and said,": the subject of the clause the speech verb closes, its "when" set aside.
    ``parts``: the sentence's ``clauses``."""
    if len(parts) < 2 or not tags.opens_with_verb(parts[-1]):
        return None  # "the former continued the subject, by saying,": a subject of its own
    opened = _where_subject(parts[-2])
    pronoun = re.match(r"(he|she)\b", opened, re.I)
    if pronoun:
        # "as Miss Crawford was standing at the window with Edmund, while Henry Crawford
        # was busy, she suddenly revived it ... and saying,": the woman acting earlier on.
        g = PRONOUN_GENDER[pronoun.group(1).lower()]
        return _last_actor(sentence[:sentence.rfind(opened)], r, g) or r.by_gender(g)
    return _named_at(opened, r)  # "returned to Mr. Crawford": no subject


def _where_subject(clause: str) -> str:
    """Where a clause's subject stands: its last comma-part, a leading "when"/"and" set aside."""
    return _LEADING.sub("", clause.split(",")[-1].strip())


def _named_at(text: str, r: Resolver) -> str | None:
    """The character a name opening ``text`` names."""
    m = NAME_RE.match(text)
    return r.person(m.group(0)) if m else None


def _heard(text: str, addressed: set[str], r: Resolver, first: bool = False) -> str | None:
    """Whom the narration next to a quotation hears speak it: the first sentence after the
    quotation, or the last before it when that sentence leads into the speech."""
    if "hear" not in text:
        return None
    sents = sentences(text)
    if not sents:
        return None
    sent = sents[0] if first else sents[-1]
    if "hear" not in sent or not first and not text.rstrip().endswith((",", ":", "—", "–", "-")):
        return None
    m = tags.heard_saying().search(sent)
    if m and first and len(sent[:m.start()].split()) > 3:
        return None  # '"...," Archer heard X say': the hearing opens the narration
    if m and m.group("s") in ("him", "her"):  # "Mr. Beebe heard her kiss Lucy and say:"
        who = r.by_gender("m" if m.group("s") == "him" else "f", addressed)
        return None if who in PLACEHOLDER.values() else who
    who = r.subject(m.group("s"), addressed) if m else None
    return who if who and who in r.known | r.people else None


def _actor_before(b: Paragraph, i: int, g: str, addressed: set[str], r: Resolver) -> str | None:
    """'Newland looked at her. "I see," he said.': the one the paragraph's own narration
    before the speech is about, when of the pronoun's gender, is the "he"."""
    texts = [p.text for p in b.parts[:i] if isinstance(p, Narration)]
    for text in reversed(texts):
        for sent in reversed(sentences(text)):
            who = first_subject(sent, r)
            if who and not who.startswith("\x00") and r.genders.get(who) == g and who not in addressed:
                return who
    # "He was conscious that Madame Olenska was looking at him. '...,' she said": the one
    # character of that gender the narration before the speech names.
    named = {k for text in texts for m in names_in(text)
             if (k := r.person(m.group(0))) and r.genders.get(k) == g and k not in addressed}
    return named.pop() if len(named) == 1 else None


def _speaker_after(quote: str, after: str, addressed: set[str], r: Resolver) -> tuple[str, str | None] | None:
    """'"...," Janey speculated': a quotation whose sentence runs on (its comma) into a
    subject and its verb is that subject's; so is '"...," thought Elizabeth'."""
    m = tags.speaker_after().match(after)
    if not m or (m.group("s2") and not quote.rstrip().endswith(",")):
        return None
    said = m.group("s1") or m.group("s2")
    s = r.subject(said, addressed)
    if not s or s in addressed:
        return None
    g = PRONOUN_GENDER.get(said.lower())
    return s, g



def _split(between: str) -> bool:
    """The narration between two quotations is the first one's tag, in one sentence with the
    second (", remarked Anne, sniffing at her narcissi."): the second is the same speech."""
    m = tags.match_after(between)
    if not m or re.search(r"[.!?;]\s+\S", between[m.end():].rstrip()):
        return False
    # ", while Miss Bartlett, under the impression..., added:": a tag of its own for the next
    # (not "when Elizabeth had read the note aloud,": a perfect is narration).
    own = tags.last_tag_before(between, m.end())
    return not own or re.search(r"\b(?:had|has|have)\s+$", between[:own.start("v")]) is not None


_MARK = re.compile(r"\s+(?:in|with)\s+(?:the|a|an|his|her)\s+(?:[a-z-]+\s+){0,2}(?P<head>[a-z-]+)\s*(?=[,.;:!?]|$)")
# "in a low voice", "with a smile": how the line is said, not who says it.
_MANNER = set("""voice tone tones whisper undertone air smile laugh look sigh manner way accent breath glance
gesture nod shrug frown grin murmur hurry rage temper impatience emphasis effort accents eagerness
earnestness warmth surprise astonishment dignity energy gravity solemnity feeling feelings heat
sneer scowl groan chuckle giggle yawn cough shudder start wink tears""".split())


def _marked_out(subject: str, text: str, m: re.Match[str], r: Resolver) -> str | None:
    """'said the gentleman in the white waistcoat': a man told apart by what he wears or
    holds is a character of his own, not whichever man the scene just named."""
    head = _the_noun(subject)
    group = tags.subject_group(m)
    if head not in COMMON_GENDER or group != "s1":
        return None
    mark = _MARK.match(text, m.end(group))
    if not mark or mark.group("head") in _MANNER or " of " in mark.group(0):  # "with a burst of tears"
        return None
    key = "\x00" + " ".join((subject + mark.group(0)).split())
    r.genders.setdefault(key, COMMON_GENDER[head])  # type: ignore[index]
    return key


def _named_intro(text: str) -> bool:
    """'"Anything else, Mr. Cuthbert?" Matthew took his courage in both hands and replied:
    "..."': a named subject hands a later quotation of the paragraph to someone new."""
    m = tags.intro().search(text) if text.rstrip().endswith(":") else None
    return m is not None and m.group("s").lower() not in ("he", "she", "i")


_IT_WAS = re.compile(rf"\b[Ii]t was ({NAME})\b")
"""'"Me. Only me," replied a tremulous voice. Oliver raised the candle. It was Nancy.'"""
_OF = re.compile(rf"\s+of\s+((?:the\s+)?{NAME})")


def _voice_of(subject: str, rest: str, addressed: set[str], r: Resolver) -> str | None:
    """'replied the voice of the Dodger': whose voice it is."""
    m = _OF.match(rest) if subject.split()[-1] == "voice" else None
    who = r.subject(m.group(1), addressed) if m else None
    return who if who and not who.startswith("\x00") else None


_WHO_WAS = re.compile(r",\s+who\s+(?:was|is)\s+")


def _named_after(role: str, rest: str, r: Resolver) -> str | None:
    """'said the boy, who was Freddy, Lucy's brother': the text names the one it describes,
    which counts as three votes for naming the role after him (``unnamed.name_placeholders``)."""
    m = _WHO_WAS.match(rest)
    name = NAME_RE.match(rest, m.end()) if m else None
    key = r.person(name.group(0)) if name else None
    if key not in r.known:
        return None
    r.role_votes.setdefault(role, Counter())[key] += 3
    return key


def _the_noun(subject: str) -> str | None:
    """The head of a tag's "the (...) noun" subject: "the old gentleman" → "gentleman"."""
    found = re.fullmatch(r"the\s+(?:[\w-]+\s+){0,2}(\w+)", subject)
    return found.group(1) if found else None
