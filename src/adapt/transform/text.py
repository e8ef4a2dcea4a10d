"""Prose pieces → the model's inline-marked text: italics, speeches joined and ended."""
from __future__ import annotations

import re

from adapt.inline import escape
from adapt.read.beats import Beat, Paragraph, Part
from adapt.read.verse import Verse

_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")


def marked(text: str) -> str:
    """Prose → inline-marked text; Gutenberg's _word_ means italics."""
    if "_" not in text:
        return escape(text)  # no italics to find
    out, last = [], 0
    for m in _ITALIC.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append("*" + escape(m.group(1)) + "*")
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def words_of_part(p: Part) -> str:
    return " ".join(p.lines) if isinstance(p, Verse) else p.text.strip()


def words_of(b: Beat) -> str:
    """A beat's words, narration and quotations, for looking around a song."""
    if isinstance(b, Paragraph):
        return " ".join(words_of_part(p) for p in b.parts)
    return ""


def join_speech(first: str, second: str) -> str:
    """'...the great frost,' he said. 'The river...' reads as two sentences once the
    tag goes to the cue; '"So," she starts, "like the show?"' as one."""
    if first.endswith(",") and second[:1].isupper() and not re.match(r"I\b|I['’]", second):
        first = first[:-1] + "."
    elif first[-1:].isalnum() and second[:1].isupper() and not re.match(r"I\b|I['’]", second):
        first += "."  # « ..., tout simplement », dit Marie. « C'est l'hiver. »: the comma stood outside
    return first + " " + second


def end_speech(text: str) -> str:
    """A speech the tag cut at a comma ends there: 'A match,' → 'A match.'"""
    return text[:-1] + "." if text.endswith(",") else text

