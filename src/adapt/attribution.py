"""Who speaks each quotation: tags, then action, continuity, turn-taking, vocatives.

Evidence is ranked the way a careful reader weighs it: an explicit tag ("said Alice",
"I ask") beats the character whose action opens the paragraph, which beats the
rhythm of a two-person exchange. Runs of untagged lines are resolved by counting turns
outward from the nearest anchored line in either direction (speaker of n = speaker of
n-2), never by carrying a single guess forward, so one slip does not spread.
A first-person narrator and any "she"/"he" nobody names in narration start as
placeholders and are named afterwards from what the others call them (vocatives).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from adapt.beats import Beat, Heading, Narration, Paragraph, Quote, SceneBreak
from adapt import tags
from adapt.turns import best_sequence
from adapt.names import (COMMON_GENDER, NAME, PRONOUN_GENDER, TITLES, clean_name, gender_of_title, is_name, title_of,
                         speech_verbs, vocatives)

NARRATOR = "\x00I"
_PLACEHOLDER = {"m": "\x00he", "f": "\x00she"}
_PEOPLE_NOUNS = set("""child stranger visitor servant porter driver coachman cabman officer inspector
constable sergeant doctor nurse clerk stationmaster station-master landlord landlady maid girl boy
man woman lady gentleman fellow youth captain colonel soldier sailor prisoner guard voice
""".split())
_HONORIFIC = {"ladyship": "f", "lordship": "m", "majesty": "m", "highness": "m", "honour": "m", "worship": "m"}
_COMPANIONS = {"companion", "friend", "visitor", "guest", "host", "hostess", "client", "comrade", "colleague",
               "partner", "fellow-traveller", "acquaintance", "informant", "guide"}
_SPOUSE = {"wife": {"Mr.": "Mrs.", "Mr": "Mrs"}, "lady": {"Mr.": "Mrs.", "Mr": "Mrs", "Sir": "Lady", "Lord": "Lady"},
           "husband": {"Mrs.": "Mr.", "Mrs": "Mr", "Lady": "Sir"}}
_RELATIVES = {"mother": "f", "father": "m", "wife": "f", "husband": "m", "sister": "f", "brother": "m",
              "aunt": "f", "uncle": "m", "daughter": "f", "son": "m", "niece": "f", "nephew": "m",
              "cousin": "", "friend": "", "companion": "", "lady": "f", "mistress": "f", "master": "m"}
_VOC_GENDER = {"father": "m", "sir": "m", "papa": "m", "uncle": "m", "mister": "m", "dad": "m",
               "mother": "f", "madam": "f", "ma'am": "f", "mamma": "f", "mama": "f", "aunt": "f",
               "mum": "f", "mom": "f"}
W = {"same_gap": 1.0, "same": 3.0, "alt": 2.0, "third": 2.0, "reply": 2.5, "weak": 2.5, "pron": 1.0, "carry": 2.0, "last": 1.0, "present": 2.0, "prior": 2.0, "about": 2.0}
STRONG = {"tag", "action", "continued", "intro", "replied"}


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str
    """Entity key: a name as the text spells it, or a placeholder (narrator, she, he)."""
    evidence: str
    """tag | action | continued | intro | turns | after | guess."""


@dataclass
class Cast:
    """What attribution learned about the characters."""

    names: dict[str, str] = field(default_factory=dict)
    """Entity key → the name to print (placeholders resolved)."""
    genders: dict[str, str] = field(default_factory=dict)
    first_person: bool = False
    known: frozenset[str] = frozenset()
    """Every name the text uses for a character (for telling people from places)."""


_SUBORDINATE = {"before", "after", "when", "while", "as", "if", "because", "although", "though",
                "since", "until", "unless", "once", "whenever", "whether"}
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?]+[\"”’']?\s+(?=[A-Z\"“])")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SUBJECT_WORDS = {"i": NARRATOR, "my": NARRATOR, "i'm": NARRATOR, "i've": NARRATOR, "i'd": NARRATOR,
                  "i'll": NARRATOR, "i’m": NARRATOR, "i’ve": NARRATOR, "i’d": NARRATOR, "i’ll": NARRATOR}
_NAME_RE = re.compile(NAME)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


class _Resolver:
    """Tracks who was mentioned last, to resolve pronouns and common nouns."""

    def __init__(self, known: set[str], genders: dict[str, str], alias: dict[str, str]) -> None:
        self.known, self.genders, self.alias = known, genders, alias
        self.people: set[str] = set()  # names seen as speakers (tags, vocatives): surely people
        self.addressed: str | None = None  # who the last speech called by name
        self.nouns: set[str] = set(_PEOPLE_NOUNS)  # "the gardener" once seen speaking
        self.recent: list[str] = []

    def canonical(self, name: str) -> str:
        name = " ".join(name.replace("’", "'").split())
        name = re.sub(r"'s$", "", name)
        return self.alias.get(name, name)

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

    def mentions_in(self, text: str) -> None:
        for sentence in _sentences(text):
            for m in _NAME_RE.finditer(sentence):
                key = self.person(m.group(0))
                if key:
                    self.mention(key)
            if True:
                m = _NAME_RE.match(sentence.strip())
                if m and self.canonical(m.group(0)) in self.known:
                    self.mention(self.canonical(m.group(0)))  # the subject outranks the objects

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
        return _PLACEHOLDER[g]

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
        epithet = re.match(rf"(?:the\s+)?(?:[a-z]+\s+){{1,2}}({NAME})$", text)
        if epithet and is_name(epithet.group(1)):
            return self.canonical(epithet.group(1))  # "the wary Jones", "skeptical Anne"
        if words[0].lower() in ("the", "a", "an", "his", "her", "my", "their", "our"):
            head = words[-1]
            if head.lower() in _HONORIFIC:  # "her Ladyship"
                return self.by_gender(_HONORIFIC[head.lower()], exclude, avoid)
            if words[0].lower() in ("my", "our") and head.lower() in _COMPANIONS:
                # "said my companion" in a first-person story: whoever is with the narrator.
                for key in reversed(self.recent):
                    if key != NARRATOR and key not in exclude:
                        return key
                return None
            if words[0].lower() in ("his", "her") and head.lower() in _SPOUSE and len(words) == 2:
                # "his wife" of a "Mr. Bennet" is "Mrs. Bennet", and the other way round.
                possessor = self.by_gender(PRONOUN_GENDER[words[0].lower()], exclude)
                parts = possessor.split()
                swap = _SPOUSE[head.lower()]
                if len(parts) > 1 and parts[0] in swap:
                    spouse = self.canonical(swap[parts[0]] + " " + " ".join(parts[1:]))
                    self.known.add(spouse)
                    self.genders.setdefault(spouse, "f" if parts[0].startswith("Mr.") or parts[0] == "Mr" else "m")
                    return spouse
            if words[0].lower() in ("his", "her") and head.lower() in _RELATIVES:
                # "said her mother": someone of that gender other than the "her".
                possessor = self.by_gender(PRONOUN_GENDER[words[0].lower()], exclude)
                g = _RELATIVES[head.lower()]
                return self.by_gender(g, exclude | {possessor}, avoid) if g else None
            if head[:1].isupper():  # "the Hatter": a name in all but form
                if head in TITLES and len(words) == 2:
                    # "said the Captain" in a story with one Captain Hale
                    titled = [k for k in self.known if k.split()[0].rstrip(".") == head and len(k.split()) > 1]
                    if len(titled) == 1:
                        return titled[0]
                return self.canonical("the " + " ".join(words[1:]))
            if words[0].lower() == "the" and head.replace("-", "").isalpha() and head.lower() not in COMMON_GENDER:
                # "said the gardener": whoever speaks is a character, named by the noun.
                key = "\x00the " + head.lower()
                self.nouns.add(head.lower())
                return key
            g = COMMON_GENDER.get(head.lower())
            if words[0].lower() in ("the", "a", "an") and head.lower() in _PEOPLE_NOUNS | set(COMMON_GENDER):
                # "the child", "the stationmaster": an unnamed character of its own, until
                # what the others call it names it (see _name_placeholders).
                key = "\x00the " + head.lower()
                if g:
                    self.genders.setdefault(key, g)
                return key
            return None
        text = clean_name(text)  # "When Miss Harris" → "Miss Harris"
        if is_name(text):
            return self.canonical(text)
        return None


def _first_subject(sentence: str, r: _Resolver) -> str | None:
    """The character a sentence is about, if it opens with one (within four words).

    A leading subordinate clause ("And before I can respond, she's...") is skipped:
    its subject is not the one acting.
    """
    words = sentence.split()
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
        if lw in PRONOUN_GENDER and lw not in ("him", "himself", "herself", "hers"):
            return r.by_gender(PRONOUN_GENDER[lw])
        if lw in ("she's", "he's", "she’s", "he’s", "she'd", "he'd", "she'll", "he'll"):
            return r.by_gender("f" if lw.startswith("s") else "m")
        if lw in ("the", "a", "an") and i == 0:
            # "The child puts out her hand": an unnamed character holds the stage.
            np = re.match(r"(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b", sentence[m.start():], re.I)
            if np and np.group(1).lower() in r.nouns | set(COMMON_GENDER):
                key = "\x00the " + np.group(1).lower()
                g = COMMON_GENDER.get(np.group(1).lower())
                if g:
                    r.genders.setdefault(key, g)
                return key
        if w[:1].isupper():
            nm = _NAME_RE.match(sentence, m.start())
            if nm:
                key = r.canonical(nm.group(0))
                if key in r.known:
                    return key
    return None


def _is_first_person(beats: list[Beat]) -> bool:
    words = i_count = 0
    for b in beats:
        if isinstance(b, Paragraph):
            text = b.narration
            words += len(text.split())
            i_count += len(re.findall(r"\b(?:I|me|my|I'm|I’m)\b", text))
    return words > 0 and i_count / words > 0.012


def _collect_cast(beats: list[Beat]) -> tuple[set[str], dict[str, str], dict[str, str], set[str]]:
    """Names seen as tag subjects or vocatives, their genders, and bare-name aliases."""
    names: Counter[str] = Counter()
    for b in beats:
        if not isinstance(b, Paragraph):
            continue
        for i, p in enumerate(b.parts):
            if isinstance(p, Quote):
                names.update(v for v in vocatives(p.text) if len(v) > 1)
            elif i > 0 and isinstance(b.parts[i - 1], Quote):
                m = tags.tag_after().match(p.text)
                if m:
                    s = clean_name(m.group("s1") or m.group("s2") or m.group("s3") or m.group("s4"))
                    if is_name(s) and s not in ("I", "He", "She"):
                        names[re.sub(r"['’]s$", "", s)] += 3
    known = {n for n, c in names.items() if c >= 2}
    alias: dict[str, str] = {}
    by_last: dict[str, list[str]] = defaultdict(list)
    for n in known:
        if len(n.split()) > 1:
            by_last[n.split()[-1]].append(n)
    for n in list(known):
        if len(n.split()) == 1 and n in by_last:
            # "Darcy" and "Mr. Darcy" are one person: keep the form the text uses most.
            # Several titled forms ("Mr. Bingley", "Miss Bingley"): a bare surname
            # names the man in the novels this follows.
            if any(k.startswith(n + " ") for k in known):
                continue  # "Jane" of "Jane Andrews" is a first name, not "Flora Jane"'s
            forms = sorted(by_last[n], key=lambda f: -names[f])
            male = [f for f in forms if gender_of_title(f) == "m"]
            target = male[0] if male else forms[0] if len(forms) == 1 else None
            if target is None:
                continue
            if names[target] >= names[n] or len(forms) > 1 or not title_of(target):
                alias[n] = target  # "Small" → "Jonathan Small": the full name identifies
            else:
                alias[target] = n
    known = {alias.get(n, n) for n in known}
    people = set(known)
    # Names in narration that act like people (not "to London", "at Netherfield").
    # Words capitalised inside sentences somewhere: proper names, whatever opens a sentence.
    midcaps = {m.group(1) for b in beats if isinstance(b, Paragraph)
               for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)", b.narration)}
    seen: Counter[str] = Counter()
    placed: Counter[str] = Counter()  # "in Derbyshire", "to Longbourn": places, not people
    for b in beats:
        if isinstance(b, Paragraph):
            text = b.narration
            for m in _NAME_RE.finditer(text):
                n = m.group(0)
                before = text[max(0, m.start() - 12):m.start()].lower()
                if (m.start() == 0 or text[m.start() - 2:m.start()].strip() in (".", "!", "?")) \
                        and not title_of(n) and n.split()[0] not in midcaps:
                    continue  # "Men", "Then" open sentences; "Martha" is capitalised elsewhere too
                if re.search(r"\b(?:in|at|to|from|into|of|near|towards?|on|by|through)\s+(?:the\s+)?$", before):
                    placed[alias.get(n, n)] += 1
                    continue
                if is_name(n) and n.split()[0] not in ("The",):
                    seen[alias.get(n, n)] += 1
    # A name from narration joins the cast only when it acts like a person: a title,
    # or a he/she that follows it in the same sentence.
    person: Counter[str] = Counter()
    for b in beats:
        if isinstance(b, Paragraph):
            for sent in _sentences(b.narration):
                for m in _NAME_RE.finditer(sent):
                    key = alias.get(m.group(0), m.group(0))
                    if key in seen and re.match(r"[^.;:!?]{0,60}?\b(?:he|she|his|her|him)\b", sent[m.end():]):
                        person[key] += 1
    known |= {n for n in seen if gender_of_title(n) or (person[n] >= 2 and placed[n] * 3 < seen[n])}
    # Unproven names ("I found Tom on the pier") may still take a pronoun nobody else can.
    maybe = {n for n in seen if n not in known and placed[n] * 3 < seen[n]}
    people |= {n for n in maybe}
    genders: dict[str, str] = {}
    for n in known:
        g = gender_of_title(n)
        if g:
            genders[n] = g
    # Pronoun that follows a name in narration ("Elizabeth ... she").
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for b in beats:
        if isinstance(b, Paragraph):
            for s in _sentences(b.narration):
                m = _NAME_RE.search(s)
                if not m:
                    continue
                key = alias.get(m.group(0), m.group(0))
                if key in known and key not in genders:
                    p = re.search(r"\b(he|his|him|she|her|hers)\b", s[m.end():m.end() + 80])
                    if p:
                        votes[key][PRONOUN_GENDER[p.group(1)]] += 1
    for n, v in votes.items():
        genders[n] = v.most_common(1)[0][0]
    return known, genders, alias, people


def attribute(beats: list[Beat], *, narrator: str | None = None,
              aliases: dict[str, str] | None = None) -> tuple[dict[tuple[int, int], Attribution], Cast]:
    """Speaker of every quotation, keyed by (beat index, quote index within the paragraph)."""
    known, genders, alias, people = _collect_cast(beats)
    for a, n in (aliases or {}).items():
        alias[a] = n
        known.add(n)
    first_person = _is_first_person(beats)
    genders[_PLACEHOLDER["m"]], genders[_PLACEHOLDER["f"]] = "m", "f"
    r = _Resolver(known, genders, alias)
    r.people = people
    for b in beats:  # nouns that speak somewhere ("said the gardener") name characters
        if isinstance(b, Paragraph):
            for i, p in enumerate(b.parts[1:], 1):
                if isinstance(p, Narration) and isinstance(b.parts[i - 1], Quote):
                    m = tags.tag_after().match(p.text)
                    subj = (m.group("s1") or m.group("s2") or "") if m else ""
                    if re.fullmatch(r"the\s+(?:[a-z]+\s+){0,2}[a-z]+", subj):
                        r.nouns.add(subj.split()[-1])
    out: dict[tuple[int, int], Attribution] = {}
    para_speaker: dict[int, Attribution] = {}
    weak: dict[int, str] = {}
    gendered: dict[int, str] = {}  # paragraph → gender its pronoun tag requires
    carrying_on: set[int] = set()  # "she added", "he went on": the last speaker again
    present: dict[int, tuple[str, ...]] = {}
    fresh: set[int] = set()
    runs: list[list[int]] = [[]]
    prev_open: str | None = None
    open_bi: int | None = None  # the last paragraph, if its speech runs on into the next
    head: dict[int, int] = {}  # paragraph continuing a speech → the paragraph it began in
    intro: str | None = None
    actor: str | None = None  # who acts in a short narration paragraph just before
    addressee: str | None = None  # named by a vocative in the last speech: likely to answer
    last_speaker: str | None = None
    for bi, b in enumerate(beats):
        if isinstance(b, (Heading, SceneBreak)):
            runs.append([])
            fresh.add(len(runs) - 1)  # a new chapter or scene: nobody carries over
            prev_open = intro = addressee = last_speaker = open_bi = actor = None
            continue
        if not isinstance(b, Paragraph):
            continue
        quotes = [(qi, p) for qi, p in enumerate(b.parts) if isinstance(p, Quote)]
        if not quotes:
            text = b.narration
            sents = _sentences(text)
            intro = None
            actor = None
            if sents:
                # Pronouns in narration point at the named character they follow.
                subj = _first_subject(sents[0], r)
                if subj:
                    r.mention(subj)
                actor = _first_subject(sents[-1], r) if len(text.split()) <= 60 else None
                if text.rstrip().endswith((":", ":--", ":—", ":–")) and not intro:
                    intro = _first_subject(sents[-1], r)  # "...and began to repeat it:--"
            r.mentions_in(text)
            if sents:
                found = list(tags.intro().finditer(sents[-1]))
                if found and not re.search(r"\b(?:not|never)\b", sents[-1][found[-1].start():]):
                    who = r.subject(found[-1].group("s"))
                    intro = who if who and (who.startswith("\x00") or who in r.known or who in r.people) else None
            if len(text.split()) > 120:
                runs.append([])
                addressee = last_speaker = None
            prev_open = open_bi = None
            continue
        if open_bi is not None and isinstance(b.parts[0], Quote):
            head[bi] = head.get(open_bi, open_bi)  # one speech over several paragraphs: one turn
        else:
            runs[-1].append(bi)
        # Per-quote explicit tags.
        present[bi] = tuple(r.recent[-4:])  # who is on stage as this paragraph begins
        r.addressed = addressee
        explicit: dict[int, str] = {}
        pronoun: dict[int, str] = {}  # tags by "he"/"she": a gender, the name only a guess
        qpos = [i for i, p in enumerate(b.parts) if isinstance(p, Quote)]
        for k, i in enumerate(qpos):
            q = b.parts[i]
            addressed = {r.canonical(v) for v in vocatives(q.text)}  # type: ignore[union-attr]
            after = b.parts[i + 1] if i + 1 < len(b.parts) else None
            if isinstance(after, Narration):
                m = tags.tag_after().match(after.text)
                if m:
                    subj_text = (m.group("s1") or m.group("s2") or m.group("s3") or m.group("s4")).strip().lower()
                    s = r.subject(m.group("s1") or m.group("s2") or m.group("s3") or m.group("s4"), addressed)
                    if s:
                        explicit[i] = s
                        if subj_text in ("he", "she"):
                            pronoun[i] = PRONOUN_GENDER[subj_text]
                        rel = re.fullmatch(r"(?:his|her)\s+(\w+)", subj_text)
                        if rel and _RELATIVES.get(rel.group(1)):
                            pronoun[i] = _RELATIVES[rel.group(1)]  # "said her mother": a woman, which one is a guess
                        verb = (m.group("v1") or m.group("v2") or m.group("v3") or m.group("v4") or "").lower()
                        if k == 0 and re.match(r"(?:continu|add|went on|goes on|go on|resum|pursu|proceed|persist|repeat)", verb):
                            carrying_on.add(bi)
                        r.mention(s)
                        continue
            before = b.parts[i - 1] if i > 0 else None
            if isinstance(before, Narration):
                m = tags.tag_before().search(before.text)
                if m and before.text.rstrip().endswith((",", ":", "—", "–", "-")) or (m and k == 0 and len(_sentences(before.text)) >= 1 and m.end() >= len(before.text.rstrip()) - 1):
                    s = r.subject(m.group("s"), addressed)
                    if s:
                        explicit[i] = s
                        if m.group("s").strip().lower() in ("he", "she"):
                            pronoun[i] = PRONOUN_GENDER[m.group("s").strip().lower()]
                        r.mention(s)
        para: Attribution | None = None
        if explicit and qpos[-1] + 1 < len(b.parts):
            # '"Justice!" snarled the ex-convict. ... Small had dropped his mask': an
            # epithet in the tag, the name in the narration that follows.
            after_text = b.parts[qpos[-1] + 1].text  # type: ignore[union-attr]
            sents = _sentences(after_text)
            if sents and tags.tag_after().match(after_text):
                sents = sents[1:]  # the tag's own sentence
            named = _first_subject(sents[0], r) if sents else None
            for i in [i for i, k in explicit.items() if k.startswith("\x00the ")]:
                if named and not named.startswith("\x00"):
                    explicit[i] = named
        if explicit:
            first_tag = min(explicit)
            if first_tag in pronoun and len(explicit) == len(pronoun):
                para = Attribution(explicit[first_tag], "pronoun")
                gendered[bi] = pronoun[first_tag]
            else:
                para = Attribution(explicit[first_tag], "tag")
        elif prev_open and b.parts and isinstance(b.parts[0], Quote):
            para = Attribution(prev_open, "continued")
        else:
            first = qpos[0]
            if first > 0:
                sents = _sentences(b.parts[first - 1].text)  # type: ignore[union-attr]
                subj = _first_subject(sents[-1], r) if sents else None
                if subj:
                    para = Attribution(subj, "action")
            if para is None and intro:
                para = Attribution(intro, "intro")
            if para is None and addressee and addressee != last_speaker:
                para = Attribution(addressee, "replied")
            if para is None and actor and qpos[0] == 0:
                weak[bi] = actor  # "She leans back." / "What do you wanna hear?"
            if para is None and bi not in weak:
                last = qpos[-1]
                if last + 1 < len(b.parts):
                    sents = _sentences(b.parts[last + 1].text)  # type: ignore[union-attr]
                    subj = _first_subject(sents[0], r) if sents else None
                    if subj:
                        weak[bi] = subj
        if para:
            h = head.get(bi)
            if h is None:
                para_speaker[bi] = para
            elif para.evidence == "tag" and para_speaker.get(h, para).evidence not in ("tag",):
                para_speaker[h] = para
        for i in qpos:
            key = explicit.get(i) or (para.speaker if para else None)
            if key:
                ev = ("pronoun" if i in pronoun else "tag") if i in explicit else para.evidence  # type: ignore[union-attr]
                out[(bi, i)] = Attribution(key, ev)
        r.addressed = None
        r.mentions_in(b.narration)
        spoken = explicit.get(qpos[-1]) or (para.speaker if para else None)
        voc = [r.canonical(v) for q in b.quotes for v in vocatives(q.text)]
        for v in voc:  # the one addressed is in the room
            if v in known and v != spoken:
                r.mention(v)
        if spoken:
            r.mention(spoken)
        last_speaker = spoken
        addressee = next((v for v in reversed(voc) if v in known and v != spoken), None)
        runs_on = not b.parts[qpos[-1]].closed and qpos[-1] == len(b.parts) - 1  # type: ignore[union-attr]
        prev_open = spoken if runs_on else None
        open_bi = bi if runs_on else None
        intro = actor = None
    _turns(beats, runs, para_speaker, weak, out, r, first_person, gendered, carrying_on, present, fresh)
    _merge_vocative_aliases(beats, out, r)
    for bi, h in head.items():  # a continued speech keeps its speaker unless tagged anew
        first = next((a for (b2, _), a in sorted(out.items()) if b2 == h), None)
        if first is None:
            continue
        for (b2, qi) in [k for k in out if k[0] == bi] or [(bi, i) for i, p in enumerate(beats[bi].parts) if isinstance(p, Quote)]:  # type: ignore[union-attr]
            if out.get((b2, qi), first).evidence != "tag":
                out[(b2, qi)] = Attribution(first.speaker, "continued")
    cast = Cast(genders=genders, first_person=first_person, known=frozenset(known | people))
    g = _narrator_gender(beats, out) if first_person else None
    if g:
        cast.genders[NARRATOR] = g
    _name_placeholders(beats, out, cast, narrator, r)
    return out, cast


_ADDRESS_GENDER = {"sir": "m", "mister": "m", "madam": "f", "ma'am": "f", "miss": "f", "boy": "m", "girl": "f",
                   "lad": "m", "lass": "f", "son": "m", "daughter": "f", "man": "m", "woman": "f",
                   "gentleman": "m", "lady": "f", "fellow": "m", "chap": "m", "doctor": "m", "brother": "m",
                   "sister": "f", "mate": "m", "missus": "f", "dude": "m", "bro": "m", "sis": "f"}
_ADDRESS = re.compile(r"(?:^|,\s*|\bmy\s+(?:dear\s+|good\s+|poor\s+|old\s+|young\s+)?)(%s)\b(?=\s*[,.!?;]|$)"
                      % "|".join(map(re.escape, _ADDRESS_GENDER)), re.I)


def _narrator_gender(beats: list[Beat], out: dict[tuple[int, int], Attribution]) -> str | None:
    """'Sit down, Doctor' / 'my dear fellow' said to the narrator: how others see "I"."""
    by_para: dict[int, str] = {}
    for (bi, _), a in sorted(out.items()):
        by_para.setdefault(bi, a.speaker)
    order = sorted(by_para)
    votes: Counter[str] = Counter()
    for n, bi in enumerate(order):
        if by_para[bi] == NARRATOR:
            continue
        near = {by_para[order[k]] for k in (n - 1, n + 1) if 0 <= k < len(order)}
        if NARRATOR not in near:
            continue
        b = beats[bi]
        assert isinstance(b, Paragraph)
        for q in b.quotes:
            votes.update(_ADDRESS_GENDER[m.group(1).lower()] for m in _ADDRESS.finditer(q.text))
    if not votes:
        return None
    (g, c), = votes.most_common(1)
    return g if c >= 2 and c >= 2 * (sum(votes.values()) - c) else None


def _merge_vocative_aliases(beats: list[Beat], out: dict[tuple[int, int], Attribution], r: _Resolver) -> None:
    """'Upon my word, Caroline' said to Miss Bingley, twice: Caroline is Miss Bingley."""
    tagged = {a.speaker for a in out.values() if a.evidence == "tag"}
    by_para: dict[int, Attribution] = {}
    for (bi, _), a in sorted(out.items()):
        by_para.setdefault(bi, a)
    order = sorted(by_para)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for n, bi in enumerate(order):
        a = by_para[bi]
        if a.evidence != "tag":
            continue
        b = beats[bi]
        assert isinstance(b, Paragraph)
        for v in {r.canonical(v) for q in b.quotes for v in vocatives(q.text)}:
            if v in tagged or v == a.speaker:
                continue
            near = [by_para[order[k]] for k in (n + 1, n - 1) if 0 <= k < len(order)]
            heard = [x.speaker for x in near if x.evidence == "tag" and x.speaker != a.speaker]
            if heard:
                votes[v][heard[0]] += 1
    merge = {}
    for v, c in votes.items():
        (target, k), = c.most_common(1)
        if k >= 2 and k * 2 > sum(c.values()):
            merge[v] = target
    if not merge:
        return
    for key, a in list(out.items()):
        if a.speaker in merge:
            out[key] = Attribution(merge[a.speaker], a.evidence)
    r.alias.update(merge)


def _turns(beats: list[Beat], runs: list[list[int]], para: dict[int, Attribution], weak: dict[int, str],
           out: dict[tuple[int, int], Attribution], r: _Resolver, first_person: bool,
           gendered: dict[int, str], carrying_on: set[int], present: dict[int, tuple[str, ...]],
           fresh: set[int]) -> None:
    """Fill untagged paragraphs with the likeliest turn order (see ``turns.py``)."""
    last_other: str | None = None
    for n_run, run in enumerate(runs):
        if n_run in fresh:
            last_other = None
        if not run:
            continue
        fixed = [para[b].speaker if b in para and b not in gendered else None for b in run]
        quotes = [[p for p in beats[b].parts if isinstance(p, Quote)] for b in run]  # type: ignore[union-attr]
        called = [{r.canonical(v) for q in qs for v in vocatives(q.text)} for qs in quotes]
        to_gender = [{_VOC_GENDER[w.lower()] for q in qs for w in re.findall(r"[A-Za-z']+", q.text)
                      if w.lower() in _VOC_GENDER and re.search(rf",\s*{w}\b|\b{w}\s*[,!?.]", q.text)}
                     for qs in quotes]
        # People rarely name themselves: whoever a speech talks about is not speaking it.
        about = [{k for q in qs for m in _NAME_RE.finditer(q.text) if (k := r.person(m.group(0)))} - called[i]
                 for i, qs in enumerate(quotes)]
        # Narration between two quotation paragraphs loosens the turn order.
        gap = [i > 0 and run[i] - run[i - 1] > 1 for i in range(len(run))]
        cands: Counter[str] = Counter(s for s in fixed if s)
        for i, c in enumerate(called):
            cands.update(x for x in c if x in r.known or x in r.people)
        cands.update(weak[b] for b in run if b in weak)
        cands.update(para[b].speaker for b in run if b in gendered)
        if last_other:
            cands[last_other] += W["last"]  # type: ignore[assignment]
        for rank, key in enumerate(reversed(present.get(run[0], ()))):
            cands[key] += W["present"] / (1 + rank)  # type: ignore[assignment]
        if first_person:
            cands[NARRATOR] += 1
        if len(cands) < 2:
            cands[r.by_gender("m") if not first_person else NARRATOR] += 0.1  # type: ignore[assignment]
        candidates = [c for c, _ in cands.most_common(6)]
        options: list[list[str]] = []
        for i, b in enumerate(run):
            if fixed[i] is not None:
                options.append([fixed[i]])  # type: ignore[list-item]
            elif b in gendered:
                # "said she": any woman of the exchange; the last one named is a hint.
                g = gendered[b]
                fits = [c for c in candidates if r.genders.get(c) == g and c != NARRATOR]
                options.append(list(dict.fromkeys([para[b].speaker] + fits)))
            else:
                options.append(candidates)

        def score(i: int, s: str, s1: str | None, s2: str | None) -> float:
            v = 0.0
            if s1 is None and i == 0 and last_other:
                s1 = last_other
            if s == s1 and run[i] in carrying_on:
                v += W["carry"]
            elif s == s1:
                v -= W["same_gap"] if gap[i] else W["same"]
            elif s2 is not None and s == s2:
                v += W["alt"]
            elif s2 is not None:
                v -= W["third"]
            if i > 0 and s in called[i - 1] and s != s1:
                v += W["reply"]
            if s in called[i]:
                v -= 6.0
            if s in about[i]:
                v -= W["about"]
            if to_gender[i] and r.genders.get(s) in to_gender[i] and len(to_gender[i]) == 1:
                v -= 2.0
            if weak.get(run[i]) == s:
                v += W["weak"]
            if run[i] in gendered and para[run[i]].speaker == s:
                v += W["pron"]
            v += W["prior"] * cands[s] / max(1, len(run))
            return v

        seq = best_sequence(options, score)
        for i, b in enumerate(run):
            if fixed[i] is not None:
                continue
            evidence = "pronoun" if b in gendered else "after" if weak.get(b) == seq[i] else "turns"
            for k, p in enumerate(beats[b].parts):  # type: ignore[union-attr]
                if isinstance(p, Quote) and ((b, k) not in out or out[(b, k)].evidence == "pronoun"):
                    out[(b, k)] = Attribution(seq[i], evidence)
        last_other = seq[-1] if seq else last_other


def _other(speakers: list[str | None], j: int, i: int, fallback: str | None, r: _Resolver,
           first_person: bool) -> str | None:
    """The other participant of the exchange around line j."""
    me = speakers[j] if 0 <= j < len(speakers) else fallback
    order = sorted(range(len(speakers)), key=lambda k: abs(k - i))
    for k in order:
        s = speakers[k]
        if s and s != me:
            return s
    for key in reversed(r.recent):
        if key != me:
            return key
    if me != NARRATOR and first_person:
        return NARRATOR
    return fallback if fallback != me else None


def _name_placeholders(beats: list[Beat], out: dict[tuple[int, int], Attribution], cast: Cast,
                       narrator: str | None, r: _Resolver) -> None:
    """Name the narrator and unnamed he/she from what the others call them."""
    by_para: dict[int, str] = {}
    for (bi, _), a in sorted(out.items()):
        by_para.setdefault(bi, a.speaker)
    order = sorted(by_para)
    addressed: dict[str, Counter[str]] = defaultdict(Counter)
    for n, bi in enumerate(order):
        speaker = by_para[bi]
        b = beats[bi]
        assert isinstance(b, Paragraph)
        names = [v for q in b.quotes for v in vocatives(q.text)]
        if not names:
            continue
        # The addressee: the nearest other speaker in the exchange.
        near = [by_para[order[k]] for k in sorted(range(n - 8, n + 9), key=lambda k: abs(k - n))
                if 0 <= k < len(order) and k != n]
        others = [s for s in near if s != speaker]
        if others:
            for v in names:
                addressed[others[0]][v] += 1
    # Names each speaker says in passing: "B" may stand for a "Buffy" said elsewhere.
    said: dict[str, Counter[str]] = defaultdict(Counter)
    for bi in order:
        b = beats[bi]
        assert isinstance(b, Paragraph)
        for q in b.quotes:
            for m in _NAME_RE.finditer(q.text):
                if m.start() > 0 and is_name(m.group(0)):
                    said[by_para[bi]][m.group(0)] += 1
    taken = {k for k in cast.genders} | {a.speaker for a in out.values()}
    names: dict[str, str] = {}
    placeholders = [NARRATOR, _PLACEHOLDER["f"], _PLACEHOLDER["m"]]
    placeholders += sorted({a.speaker for a in out.values() if a.speaker.startswith("\x00the ")})
    used: set[str] = set()
    for ph in placeholders:
        if ph == NARRATOR and narrator:
            names[ph] = narrator
            used.add(narrator)
            continue
        counts = addressed.get(ph, Counter())
        for initial in [n for n in counts if len(n) == 1]:
            for other, heard in said.items():
                if other != ph:
                    for n, c in heard.items():
                        if n.startswith(initial) and len(n.split()) == 1:
                            counts[n] += 0  # a candidate the initial can expand to
        best = _best_name(counts, exclude=used | {k for k in taken if not k.startswith("\x00") and k not in counts})
        if best and (ph in _PLACEHOLDER.values() or ph == NARRATOR or counts[best] >= 2):
            names[ph] = best
            used.add(best)
    for ph in placeholders:
        if ph not in names:
            names[ph] = {"\x00I": "NARRATOR", "\x00she": "WOMAN", "\x00he": "MAN"}.get(ph, ph[1:])
    cast.names = names


def _best_name(counts: Counter[str], exclude: set[str]) -> str | None:
    """Most frequent vocative; an initial ("B") counts for the name it abbreviates."""
    full = Counter({n: c for n, c in counts.items()
                    if len(n) > 1 and n not in exclude and n not in exclude
                    and (len(n.split()) > 1 or n.rstrip(".") not in TITLES)})
    for n, c in counts.items():
        if len(n) == 1:
            match = [f for f in full if f.startswith(n)]
            if len(match) == 1:
                full[match[0]] += c
    if not full:
        return None
    return max(full, key=lambda n: full[n])
