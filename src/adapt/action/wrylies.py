"""Parentheticals as screenwriters use them: short, how the line is said, never last.

The tag splitter (``speakers.tags``) leaves whatever business surrounds a tag as a
wryly. Here a dialogue block is reshaped: a wryly of more than a few words, or one
that is a clause of its own, becomes an action line between the two parts of the
speech (the second cued ``CONT'D``); a wryly that ends a speech moves before the
line it qualifies when it is a manner, or becomes action after the speech; the
remnants of a tag's subject (``(lady)``, ``(and)``) go, since the cue now says who
speaks. Words move; none is dropped but those remnants.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from lemminflect import getAllInflections

from adapt.inline import plain
from adapt.language.lexicon import (
    ADVERBS,
    AUX,
    DETS,
    MODALS,
    PERSON_NOUNS,
    lemmas,
    present,
)
from adapt.model import Action, Dialogue, DialoguePart, Element, Parenthetical, Speech

MAX_WORDS = 5
"""A wryly longer than this is business: action between the parts of the speech."""
_THINGS = {"door", "window", "book", "letter", "box", "gate", "lid", "paper", "bag", "cup", "glass", "bottle",
           "curtain", "curtains", "drawer", "map", "engine", "car", "light", "lamp", "fire", "candle", "table",
           "chair", "key", "note", "envelope", "newspaper", "purse", "bell", "piano", "room", "house"}
"""What "opened the door", "lit the lamp" act on, never a subject after its verb."""

_KEEP_ONE = {"beat", "pause", "closer", "again", "aside", "softer", "louder", "continuing",
             "whispering", "alone", "sotto", "quietly"}
_SUBJECTS = {"he", "she", "they", "it", "i", "we", "there", "this", "that"}
_TAG_REMNANTS = {"and", "but", "or", "then", "so", "poor", "old", "young", "little", "good",
                 "voice", "dear"}
_OBJECTS = {"her", "him", "them", "me", "us"}


def reshape(d: Dialogue, name: str, retell: Callable[[str], str], pronoun: str | None = None) -> list[Element]:
    """One dialogue block → dialogue blocks and the action between them.

    ``name``: the speaker as action names them ("Faith"); ``retell`` puts a sentence
    into the script's tense (``voice.to_action`` with the story's options); ``pronoun``:
    the speaker's "he" or "she", where the cast knows it.
    """
    parts = [_addressee(p, name) for p in d.parts if not (isinstance(p, Parenthetical) and _drop(p.text))]
    parts = _manner_first(parts)
    out: list[Element] = []
    block: list[DialoguePart] = []
    spoke = False  # a block of this speech has been written: the next one is CONT'D
    pending: list[str] = []  # business waiting to become one action paragraph

    def emit_block() -> None:
        nonlocal block, spoke
        if any(not isinstance(p, Parenthetical) for p in block):
            if isinstance(block[-1], Speech) and block[-1].text.endswith(","):
                block[-1] = Speech(block[-1].text[:-1] + ".")  # 'Go home, Faith,' → '... Faith.'
            first = next(i for i, x in enumerate(block) if not isinstance(x, Parenthetical))
            if spoke and isinstance(block[first], Speech) and block[first].text[:1].islower():
                text = block[first].text  # the speech goes on after the action: a new sentence
                block[first] = Speech(text[:1].upper() + text[1:])
            ext = d.extension if not spoke or d.extension not in (None, "CONT'D") else "CONT'D"
            out.append(Dialogue(d.character, tuple(block), ext, d.dual, d.line))
            spoke = True
        elif block:  # wrylies with no line after them: action
            pending.extend(sentence(p.text, name, retell, pronoun=pronoun) for p in block
                           if isinstance(p, Parenthetical))
        block = []

    def emit_action() -> None:
        nonlocal pending
        if pending:
            out.append(Action(" ".join(pending), d.line))
            pending = []

    for k, p in enumerate(parts):
        last_line = not any(not isinstance(x, Parenthetical) for x in parts[k + 1:])
        if isinstance(p, Parenthetical) and (last_line or is_business(p.text, name)):
            emit_block()
            pending.append(sentence(p.text, name, retell, pronoun=pronoun))
            continue
        if pending:
            emit_block()
            emit_action()
        block.append(p)
    emit_block()
    emit_action()
    return out


def is_business(text: str, name: str = "") -> bool:
    """More than a wryly: long, a clause with its own subject (the speaker's ``name`` too:
    "(Robert leans forward)"), or a bare verb ("step")."""
    ws = plain(text).split()
    if is_manner(text):
        return False
    if len(ws) > MAX_WORDS:
        return True
    first = ws[0].lower().strip(",;") if ws else ""
    if (first in _SUBJECTS or name and ws[0] == name.split()[0]) and len(ws) > 2 or first in DETS and len(ws) > 3:
        return True  # "(she strikes her again)", "(the tears are slower this time)"
    if len(ws) == 1 and first not in _KEEP_ONE:
        pos = lemmas(first)
        return first in pos.get("VERB", ()) and "ADV" not in pos and "ADJ" not in pos
    return False


def _drop(text: str) -> bool:
    """What a tag leaves behind of its subject: '(lady)' of 'said the old lady', '(and)'."""
    ws = [w.lower() for w in re.findall(r"[\w'’]+", plain(text))]
    return not ws or len(ws) == 1 and (ws[0] in _TAG_REMNANTS or ws[0] in PERSON_NOUNS)


def _addressee(p: DialoguePart, name: str = "") -> DialoguePart:
    """'"Stop running," I tell her.' leaves '(her)': the one spoken to, '(to her)'; so
    does '"A room," he told the landlord.' — a bare noun phrase that is not the speaker
    is what the tag's verb took as its object: '(to the landlord)'."""
    if not isinstance(p, Parenthetical):
        return p
    text = plain(p.text).strip()
    if text.lower() in _OBJECTS or _noun_phrase(text) and text.split()[-1].lower() not in name.lower().split():
        return Parenthetical("to " + p.text.strip())
    return p


_POSSESSIVE = {"the", "his", "her", "their", "my", "our", "your", "its"}


def _noun_phrase(text: str) -> bool:
    """'the landlord', 'his old father': a determiner and nouns, nothing that acts."""
    ws = text.split()
    if not 2 <= len(ws) <= 4 or ws[0].lower() not in _POSSESSIVE or not re.fullmatch(r"[\w' ’-]+", text):
        return False
    last = lemmas(ws[-1].lower())
    return "NOUN" in last and not (set(last) - {"NOUN", "VERB", "ADJ"}) and all(
        "NOUN" in (pos := lemmas(w.lower())) or "ADJ" in pos for w in ws[1:]) and verbless(text)


def verbless(text: str) -> bool:
    """No verb form in it: 'from the doorway', 'the landlord' (a base form that is also a
    noun, 'jar', counts as a noun)."""
    for w in re.findall(r"[a-z’']+", plain(text).lower()):
        pos = lemmas(w)
        if w in AUX or w in MODALS:
            return False
        if "VERB" in pos and (w not in pos["VERB"] or "NOUN" not in pos and "ADJ" not in pos) \
                and not ("NOUN" in pos and w.endswith("s") and w[:-1] in pos["NOUN"]):
            return False
    return True


def is_manner(text: str) -> bool:
    """How a line is said: 'coldly', 'with a sigh', 'in a whisper', 'smiling', 'to her'."""
    ws = plain(text).lower().replace(",", " ").split()
    if not ws or len(ws) > MAX_WORDS + 1:
        return False
    head = ws[1] if ws[0] in {"not", "without", "still", "never"} and len(ws) > 1 else ws[0]
    return (all(w.endswith("ly") or w in {"and", "very", "more", "most", "rather", "quite"}
                for w in ws) or ws[0] in {"with", "in", "to", "half", "almost", "quite", "aside"}
            or ws[0] in _WHERE and len(ws) <= MAX_WORDS and verbless(text)
            or head.endswith("ing") and "VERB" in lemmas(head) and len(ws) <= 4
            or ws[0] == "without" and head.endswith("ing"))


_WHERE = {"from", "across", "over", "through", "at", "behind", "beside", "near", "towards",
          "toward", "into", "under", "after", "against", "round", "around", "outside", "inside"}
"""Where a line is said from: '(from the doorway)', '(over his shoulder)', '(after a pause)'."""


def _manner_first(parts: list[DialoguePart]) -> list[DialoguePart]:
    """'"No," he said coldly.' → (coldly) before the line, where a manner belongs."""
    if len(parts) < 2 or not isinstance(parts[-1], Parenthetical) or not is_manner(parts[-1].text):
        return parts
    if not isinstance(parts[-2], Speech) or len(parts) > 2 and isinstance(parts[-3], Parenthetical):
        return parts
    return parts[:-2] + [parts[-1], parts[-2]]


def sentence(text: str, name: str, retell: Callable[[str], str], speaker_pronoun: bool = True,
             pronoun: str | None = None) -> str:
    """Wryly business, or what a tag left of a sentence → an action sentence with a subject.

    '(shoots Buffy a grin)' → 'Faith shoots Buffy a grin.'; '(denting her chin)' →
    'Anne dents her chin.'; '(she walks towards Buffy)' → 'Faith walks towards Buffy.';
    '(who has not spoken)' → 'Matthew has not spoken.'; '(step)' → 'Faith steps.';
    'acquiesced the Jew, who...' → 'The Jew acquiesces, who...'. ``name`` is the
    speaker's; ``speaker_pronoun``: a leading he/she is the speaker (true in a wryly), unless
    it is not the speaker's ``pronoun``: "She was bewildered, and obeyed him." between two
    of his speeches is hers.
    """
    text = " ".join(text.split()).strip(" ,;:–—-")
    if not text:
        return text
    words = text.split(" ")
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in ADVERBS | {"and", "but"}:
        lead += 1
    head = words[lead].lower()
    adverbs = [w for w in words[:lead] if w.lower() not in {"and", "but"}]
    rest = words[lead + 1:]
    # "Grace wiped her eyes": the speaker's name, not the verb "grace"
    named = bool(name) and words[lead][:1].isupper() and words[lead].strip(",.;:!?") in name.split()
    verbal = head not in AUX and head not in MODALS and not named and _finite(head) is not None
    particle = 1 if verbal and rest and rest[0] in {"out", "in", "on", "up", "back"} else 0
    inverted = _inverted_subject(rest[particle:]) if verbal else 0
    if inverted and rest[particle][:1].isupper() and name and \
            " ".join(rest[particle:particle + inverted]).strip(",.;:!?").lower() != name.lower():
        inverted = 0  # "hugs Nell": whom the speaker hugs, not a name after its verb ("cried Tom")
    if inverted:  # "acquiesced the Jew, who..." → "the Jew acquiesces, who..."
        subj, verb = rest[particle:particle + inverted], " ".join(words[lead:lead + 1 + particle])
        inverted += particle
        stop = re.search(r"[,.;:!?]$", subj[-1])
        if stop:
            subj, verb = [*subj[:-1], subj[-1][:-1]], verb + stop.group()
        sentence = " ".join([*adverbs, *subj, verb, *rest[inverted:]])
        sentence = retell(sentence)
    elif (not speaker_pronoun and head in _SUBJECTS | {"who"}
          or pronoun in ("he", "she") and head.split("'")[0].split("’")[0] in {"he", "she"} - {pronoun}):
        sentence = text
    elif head in {"she's", "he's", "she’s", "he’s"} and rest and name:
        sentence = " ".join([*adverbs, name + words[lead][-2:], *rest])
    elif head in {"he", "she", "they"} and rest and name:
        sentence = " ".join([*adverbs, name, *rest]) if not adverbs else " ".join(
            [name, *adverbs, *rest])
    elif head == "who" and rest and name:
        sentence = " ".join([name, *adverbs, *rest])
    elif name and verbal and (verb := _finite(head)):
        sentence = " ".join([name, *adverbs, verb, *rest])
        if head.endswith("ing"):  # "turning ... and dropping the curtain" → "drops"
            sentence = re.sub(r"\b(and|then) (\w+ing)\b",
                              lambda m: f"{m.group(1)} {_finite(m.group(2)) or m.group(2)}", sentence)
    elif verbal and not head.endswith("ing") and (verb := _finite(head)):
        # No one to be its subject: the verb still takes the present ("And proceeds to").
        sentence = " ".join([*words[:lead], verb, *rest])
        text = sentence
    else:
        sentence = text
    sentence = retell(sentence) if sentence != text and not inverted else sentence
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence if re.search(r"[.!?…–—-][\"”’')]*$", sentence) else sentence + "."


def _inverted_subject(rest: list[str]) -> int:
    """Words of a subject after its verb ("the Jew," "Mrs. Bedwin."), ending at a stop."""
    n = 0
    if rest and rest[0] in {"the", "his", "her", "their"}:
        n = 1
        while n < min(len(rest), 4) and re.fullmatch(r"[A-Za-z-]+[,.;:!?]?", rest[n]):
            n += 1
            if not rest[n - 1][-1].isalpha():
                # a person ("the Jew", "his mother"), not what the verb acts on ("shook his head")
                return n if _someone(rest[:n]) else 0
    elif rest and rest[0][:1].isupper():
        while n < min(len(rest), 3) and re.fullmatch(r"[A-Z][\w'’.-]*[,.;:!?]?", rest[n]):
            n += 1
            if not rest[n - 1][-1].isalpha() and not rest[n - 1].endswith(("Mr.", "Mrs.", "Dr.")):
                return n
    return n if n == len(rest) and (n == 0 or rest[0][:1].isupper() or _someone(rest)) else 0


def _someone(phrase: list[str]) -> bool:
    """A subject after its verb names a person ("the Jew", "his mother", "the undertaker"),
    not what the verb acts on ("shook his head", "opened the door")."""
    head = phrase[-1].rstrip(",.;:!?")
    return head.lower() in PERSON_NOUNS or head[:1].isupper() or phrase[0] == "the" and head.lower() not in _THINGS


def _finite(low: str) -> str | None:
    """A verb form that can open a predicate ('shoots', 'shouted', 'denting', 'step')
    → its third-person present; None for anything else ('after', 'closer')."""
    pos = lemmas(low)
    if low in ADVERBS or "ADV" in pos or "ADP" in pos or "VERB" not in pos:
        return None
    for lemma in pos["VERB"]:
        forms = getAllInflections(lemma, "VERB")
        if low in forms.get("VBG", ()) or low in forms.get("VBD", ()) or low == lemma:
            return present(lemma, "3sg")
        if low in forms.get("VBZ", ()):
            return low
    return None
