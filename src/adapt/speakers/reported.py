"""Speech the prose reports without quotation marks, when it is clearly spoken.

"And I'm crying those words back to her... I'm sorry. I'm sorry. I'm sorry." — the
same short sentence said again and again, right after a sentence about speaking, is
what a character says aloud. Only then: the words are the source's own, nothing is
invented, and a note tells the writer the call was made.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from adapt.language.sentences import sentences
from adapt.speakers.names import speech_verbs

_SPEAKING_NOUNS = re.compile(r"\b(?:words?|voice|whisper(?:s|ing)?|cry(?:ing)?|saying|over and over)\b", re.I)


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    before: str
    """The narration up to and including the sentence about speaking."""
    words: str
    """The repeated sentences, verbatim."""
    after: str
    """Narration after them."""
    subject: str
    """The first word of the speaking sentence's subject ("I", "she", a name)."""


def _about_speaking(sentence: str) -> bool:
    words = re.findall(r"[a-z']+", sentence.lower())
    return bool(_SPEAKING_NOUNS.search(sentence)) or any(w in speech_verbs() for w in words)


def find_reported_speech(text: str) -> ReportedSpeech | None:
    """The first run of two or more identical short sentences after one about speaking."""
    sents = sentences(text)
    for i in range(1, len(sents) - 1):
        run = i
        while run + 1 < len(sents) and sents[run + 1].strip() == sents[i].strip():
            run += 1
        if run == i or len(sents[i].split()) > 6 or not _about_speaking(sents[i - 1]):
            continue
        subject = re.match(r"\W*(?:(?:and|but|so|then)\s+)?([A-Za-z']+)", sents[i - 1], re.I)
        return ReportedSpeech(" ".join(sents[:i]), " ".join(sents[i:run + 1]),
                              " ".join(sents[run + 1:]), subject.group(1) if subject else "")
    return None
