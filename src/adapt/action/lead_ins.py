"""Screenplay action: the lead-in sentence before a speech ('Matthew says:'), taken apart.

The cue says who speaks, so a sentence that ends 'SUBJECT says:' keeps only what
else it tells: the action before ("He jumps over the net and sits down at her feet,
asking:" → "He jumps over the net and sits down at her feet."), what happens first
("When Miss Barry goes away she says:" → "Miss Barry goes away."), and the manner
("says in a piercing whisper" → a wryly).  A lead-in with no speech verb that is a
sentence of its own ("She turns to George:") ends with a full stop.  This pass takes
what ``speakers.tags.split_before`` (a tag right before a quotation) leaves.
"""
from __future__ import annotations

import re

from adapt.action.wrylies import is_manner
from adapt.action.wrylies import sentence as as_sentence
from adapt.language.lexicon import ADVERBS, DETS, TITLES, lemmas
from adapt.language.sentences import SPEECH_VERBS

_VERBS = SPEECH_VERBS | {"proclaim", "retort", "stammer", "falter", "sob", "groan", "gasp",
                         "interrupt", "suggest", "declare", "announce", "reflect", "think",
                         "essay", "venture", "resume", "blurt", "burst", "write", "read"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SUBORDINATE = {"when", "as", "while", "whilst", "after", "once", "till", "until", "before"}
_PARTICIPLE_LEAD = {"before", "by", "while", "without", "after"}
_SUBJECTS = {"he", "she", "they", "i", "we", "you"}
_ENDS_OPEN = DETS | {"is", "was", "are", "were", "be", "been", "with", "to", "of", "for", "in",
                     "on", "at", "by", "from", "into", "as", "and", "but", "or", "that", "these",
                     "following", "thus", "this"}


def _speech_verb(word: str, after: str = "") -> bool:
    """A verb of speaking; "go" only as "goes on:" (speaks on)."""
    verbs = set(lemmas(word.lower()).get("VERB", ()))
    return bool(_VERBS & verbs) or "go" in verbs and re.match(r"\s*on\b", after) is not None


def _tail_ok(tail: str) -> bool:
    """What may follow the speech verb in a lead-in: how, to whom, when ('in a hasty
    whisper', ', laughing', 'to Marilla again', 'out', 'with a gay smile')."""
    t = tail.strip(" ,")
    if not t:
        return True
    first = t.split()[0].lower()
    if first in DETS | {"this", "these", "the", "words", "following"}:
        return False  # "hears the words:", "painted this inscription:": an object
    if set(_WORD.findall(t.lower())) & {"he", "she", "they", "i", "we"}:
        return False  # "he thinks he hears her say:": a clause of its own follows
    return len(t.split()) <= 10 and not re.search(r"[;]", t)


def _subject_start(head: str) -> int | None:
    """Where the subject right before the verb begins in ``head`` (adverbs and one
    comma parenthesis may stand between): 'Miss Bartlett, with equal vivacity,'."""
    h = head.rstrip()
    if h.endswith(","):  # "Miss Bartlett, with equal vivacity," / "George, who dislikes any darkness,"
        j = h[:-1].rfind(",")
        return _subject_start(h[:j]) if j > 0 else None
    words = list(_WORD.finditer(h))
    k = len(words) - 1
    while k >= 0 and (words[k].group().lower() in ADVERBS or words[k].group().lower().endswith("ly")):
        k -= 1
    if k < 0:
        return None
    w = words[k].group()
    if w.lower() in _SUBJECTS:
        return words[k].start()
    if w[:1].isupper() and w.lower() not in _SUBORDINATE:
        while k > 0 and (words[k - 1].group()[:1].isupper() or words[k - 1].group().lower().rstrip(".") in TITLES):
            between = h[words[k - 1].end():words[k].start()]
            if between.strip(" .") or words[k - 1].group().lower() in _SUBORDINATE:
                break
            k -= 1
        return words[k].start()
    return None


_OPEN_HEAD = {"that", "why", "did", "does", "do", "could", "would", "can", "will", "should",
              "might", "must", "to", "how", "what", "which", "who", "whom", "if"}
_PREPOSITIONS = {"to", "at", "in", "on", "with", "for", "from", "of", "into", "upon", "under"}


def split_lead_in(sentence: str) -> tuple[str, str] | None:
    """'Lucy, from a cowardly wish to improve the situation, said:' → ('', 'from a
    cowardly wish to improve the situation'); None when the sentence is no lead-in."""
    body = sentence.rstrip()
    if not body.endswith(":"):
        return None
    body = body[:-1].rstrip()
    words = list(_WORD.finditer(body))
    verbs = [i for i, m in enumerate(words) if _speech_verb(m.group(), body[m.end():]) and not (
        i and words[i - 1].group().lower() in DETS - {"her"}  # "a tune", "a piercing whisper": nouns
        or i > 1 and words[i - 2].group().lower() in {"a", "an", "the"} and not m.group().endswith("ing")
        and set(lemmas(words[i - 1].group().lower())) == {"ADJ"}
        or m.group().endswith("ing") and i + 1 < len(words) and _noun_next(body, m, words[i + 1])
        or m.group().endswith("ing") and i and set(lemmas(words[i - 1].group().lower())) == {"ADJ"})]
    if verbs and words[verbs[-1]].group().lower().endswith("ing") and len(verbs) > 1 \
            and verbs[-1] - verbs[-2] <= 3:
        verbs.pop()  # "and then says, laughing:": the participle is how
    for i in reversed(verbs):
        m = words[i]
        head, tail = body[:m.start()], body[m.end():]
        if not _tail_ok(tail):
            return None
        adds = tail.strip(" ,")
        adds = re.sub(r"^on\b,?\s*", "", adds) if "go" in lemmas(m.group().lower()).get("VERB", ()) else adds
        if adds.lower() in {"out", "out with", "up", "with", "forth", "in"}:
            adds = ""  # "bursts out with:", "calls out:"
        low = m.group().lower()
        if low.endswith("ing"):  # ", saying:", "before saying:", "by replying:"
            before = [w.lower() for w in _WORD.findall(head)]
            while before and (before[-1] in ADVERBS or before[-1].endswith("ly")):
                before.pop()
            prev = head.rstrip(" ,").rsplit(" ", 1)
            if before and (before[-1] in _BE | _PREPOSITIONS | _OPEN_HEAD | _SEEN or before[-1].endswith("self")) \
                    and not head.rstrip().endswith(","):
                return None  # "She is reduced to saying:", "was presently saying", "feels like shouting"
            if len(prev) == 2 and prev[1].lower() in _PARTICIPLE_LEAD:
                head = prev[0]
            return _finish(head, adds)
        start = _subject_start(head)
        if start is None:
            joined = re.search(r",?\s*\b(?:and|then)\s*$", head)
            return _finish(head[:joined.start()], adds) if joined else None
        subject, head = head[start:], head[:start]
        lead = [w for w in _WORD.finditer(head)]
        while lead and lead[-1].group().lower().endswith("ly") and lead[-1].group().lower() not in {"only"}:
            adds = ", ".join(x for x in (lead[-1].group().lower(), adds) if x)  # "and presently Winsett says"
            head = head[:lead[-1].start()]
            lead.pop()
        last = lead[-1].group().lower() if lead else ""
        if last in _OPEN_HEAD or last.endswith("ing") or last in _SEEN:
            return None  # "the reason why she says:", "did Marilla say:": the tag is inside a clause
        if last in _SUBORDINATE:  # "his eye wavers when Mrs. Honeychurch exclaims:"
            head = head.rstrip()[:-len(last)]
        # "Miss Bartlett, with equal vivacity," / "and he, lifting his eyes,": the words
        # between the subject and the verb tell how; "George, who dislikes any darkness,"
        # is a sentence of its own
        inner = re.match(r"[^,]*,(.*),\s*$", subject)
        how = [w for w in _WORD.findall(subject.split(",")[-1]) if w.endswith("ly")]
        if inner:
            between, name = inner.group(1).strip(), subject.split(",")[0].strip()
            if between.lower().startswith(("who ", "whom ")):
                return _finish(head + name + " " + between.split(" ", 1)[1], ", ".join([*how, adds]).strip(", "))
            if is_manner(between):
                how = [between, *how]
            elif not _verbal(between):
                return None  # "Lucy, from a cowardly wish to improve the situation, said:"
            else:  # "Marilla, seeing the disappointment on Anne's face," → "Marilla sees…"
                done = _finish(head, "")
                business = as_sentence(between, name, lambda t: t, speaker_pronoun=False)
                return (" ".join(x for x in ((done or ("", ""))[0], business) if x),
                        ", ".join(x for x in (*how, adds) if x))
        if _speech_verb(low) and {"think", "reflect"} & set(lemmas(low).get("VERB", ())) and not adds:
            adds = "thinking"
        return _finish(head, ", ".join(x for x in (*how, adds) if x))
    # no speech verb: "She turns to George:" reads as a sentence with a full stop; not
    # "It is as follows:", "the curve that signifies:" (a verb wanting what follows)
    last = words[-1].group().lower() if words else ""
    pos = lemmas(last)
    if last in _ENDS_OPEN | {"follows", "effect", "words", "word", "way", "contents"} or len(words) < 3 or "VERB" in pos and "NOUN" not in pos:
        return None
    return body + ".", ""


_BE = {"is", "was", "are", "were", "be", "been", "am"}
_SEEN = {"heard", "seen", "found", "caught", "kept", "left", "like", "hearing", "hear", "hears"}


def _noun_next(body: str, m: re.Match[str], nxt: re.Match[str]) -> bool:
    """'her low sighing accents': an -ing form before a noun is an adjective."""
    pos = lemmas(nxt.group().lower())
    before = _WORD.findall(body[:m.start()])[-1:]
    after_adj = bool(before) and ("ADJ" in lemmas(before[0].lower()) or before[0].lower() in DETS)
    return not body[m.end():nxt.start()].strip() and "NOUN" in pos and ("VERB" not in pos or after_adj)


def _verbal(text: str) -> bool:
    """A phrase that opens with a verb ('seeing the disappointment', 'lifting his eyes')."""
    first = _WORD.match(text.strip())
    return first is not None and "VERB" in lemmas(first.group().lower()) \
        and first.group().lower() not in _PREPOSITIONS | DETS


def _finish(head: str, adds: str) -> tuple[str, str] | None:
    """What is left before the tag, as a sentence: 'When Miss Barry goes away' →
    'Miss Barry goes away.'; adverbs alone ('Suddenly') go with the manner."""
    text = re.sub(r"(?:,|\band|\bthen|\bso|\bbut)\s*$", "", head.strip()).strip(" ,;—–-")
    text = re.sub(r"(?:,|\band|\bthen)\s*$", "", text).strip(" ,;—–-")
    ws = list(_WORD.finditer(text))
    if not ws or all(w.group().lower() in ADVERBS | {"and", "but", "so", "then"} or w.group().lower().endswith("ly")
                     for w in ws):
        kept = [w.group() for w in ws if w.group().lower().endswith("ly")]  # "Suddenly he says:"
        return "", ", ".join(x for x in (" ".join(kept).lower(), adds) if x)
    if ws[0].group().lower() in {"and", "but", "so", "then"} and len(ws) > 1 \
            and ws[1].group().lower() in _SUBORDINATE:
        text, ws = text[ws[1].start():], ws[1:]  # "And as in her case…": the clause is what is left
        ws = list(_WORD.finditer(text))
    # "She bends over to lower the wick, and as the light strikes up on her face": the
    # clause the tag ended is a sentence of its own
    tail = re.search(r",\s+(?:and\s+|but\s+)?(?:as|when|while|until|till)\s+(\w.*)$", text)
    if tail and "," not in tail.group(1) and len(tail.group(1).split()) > 2:
        rest = tail.group(1)
        text = f"{text[:tail.start()]}. {rest[:1].upper()}{rest[1:]}"
    first = ws[0].group().lower()
    if (first in _PREPOSITIONS or len(ws) > 1 and ws[1].group().lower() in _PREPOSITIONS
            and lemmas(first).keys() <= {"ADV", "ADJ"}) and "," not in text:
        return None  # "To herself she adds", "At the end of the week Marilla says": no sentence
    if first in {"after", "before", "till", "until"} and len(ws) > 1 \
            and ws[1].group().lower() in DETS | {"this", "that"} and len(ws) < 5 and "," not in text:
        return None  # "After a time she says:": a preposition and its noun, no sentence
    if first in _SUBORDINATE and "," not in text and "--" not in text and len(ws) > 2:
        text = text[ws[1].start():]  # "When Miss Barry goes away" → "Miss Barry goes away"
    text = text[:1].upper() + text[1:]
    return (text if re.search(r"[.!?]$", text) else text + "."), adds
