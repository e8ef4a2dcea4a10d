"""Dash dialogue and tags inside speech (reading): — Где ты был? — спросила Ольга.

Russian, Greek, Spanish, French and Joyce's English open a speech with a dash at the
start of its paragraph. A later dash after the speech's punctuation (``? — спросила``,
or Spanish ``Hola —dijo``) closes it and opens the tag; the next dash reopens the speech
(``. — Там холодно.``). With no closing dash, a tag clause after a comma ends the speech
all the same (``—Good morning, said Stephen.``, ``— Bonjour, répondit Paul.``) and what
follows it is speech again. Decided per document: dash paragraphs must be a real share
of the text's speech, so an English novel's odd dash stays narration.
"""
from __future__ import annotations

import re

from adapt.language.speech_verbs import inline_tag
from adapt.read.beats import Beat, Narration, Paragraph, Part, Quote

DASH = re.compile(r"^[ \t]*(?:—|–|―|--)[ \t\u00a0]*")
"""A dash that opens a paragraph: the paragraph is a speech."""
_CLOSE = re.compile(r"(?<=[,.!?…;:])[ \t\u00a0]+(?:—|–|―|--)[ \t\u00a0]*|[ \t\u00a0](?:—|–|―|--)(?=\w)")
"""The dash that ends a speech and opens its tag."""
_REOPEN = re.compile(r"[ \t\u00a0]*(?:—|–|―|--)[ \t\u00a0]*")
"""The dash that ends a tag and reopens the speech."""
_AFTER_COLON = re.compile(r":[ \t\u00a0]+(?:—|–|―|--)[ \t\u00a0]*(?=\w)")
"""``He added: —For this...``: a speech opening mid-paragraph."""
_STRAY = "»«”“\"›‹」』"
"""Closing marks left over where a quotation's last paragraph is a dash reply."""
MIN_DASH_PARAGRAPHS = 3


def speaks_in_dashes(beats: list[Beat], english: bool = True) -> bool:
    """Dash paragraphs are this text's dialogue: at least three (one, outside English,
    where the convention is common), and a third as many as the paragraphs with
    quotation marks."""
    dashed = quoted = 0
    for b in beats:
        if isinstance(b, Paragraph):
            if b.quotes:
                quoted += 1
            elif DASH.match(b.parts[0].text if b.parts else ""):
                dashed += 1
    return dashed >= (MIN_DASH_PARAGRAPHS if english else 1) and dashed * 3 >= quoted


def dash_paragraph(p: Paragraph, language: str) -> Paragraph:
    """An all-narration paragraph that opens with a dash (or has ``: —``) → speech and tags."""
    if p.quotes or not p.parts:
        return p
    text = p.parts[0].text if len(p.parts) == 1 else "".join(x.text for x in p.parts)
    lead = ""
    m = DASH.match(text)
    if m is None:
        colon = _AFTER_COLON.search(text)
        if colon is None:
            return p
        lead, text = text[:colon.start() + 1], text[colon.end():]
    else:
        text = text[m.end():]
    parts: list[Part] = [Narration(lead + " ")] if lead else []
    speaking = True
    pos = 0
    while pos < len(text):
        found = (_CLOSE if speaking else _REOPEN).search(text, pos)
        end = found.start() if found else len(text)
        chunk = text[pos:end]
        if speaking:
            parts.extend(_speech(chunk, language, p.line))
        elif chunk.strip():
            parts.append(Narration(" " + chunk.strip() + " "))
        if found is None:
            break
        pos, speaking = found.end(), not speaking
    return Paragraph(tuple(_tidy(parts)), p.line)


def tags_in_quotes(p: Paragraph, language: str) -> Paragraph:
    """French incises and their like: « Bonjour, dit Marie, entre. » → speech, tag, speech."""
    if not p.quotes:
        return p
    parts: list[Part] = []
    for x in p.parts:
        if isinstance(x, Quote) and not x.verse:
            got = _speech(x.text, language, x.line, closed=x.closed)
            parts.extend(got)
        else:
            parts.append(x)
    return Paragraph(tuple(_tidy(parts)), p.line)


def _speech(text: str, language: str, line: int | None, closed: bool = True) -> list[Part]:
    """A speech with no marks round its tags: quotes and narration, split at inline tags."""
    out: list[Part] = []
    for _ in range(4):  # a speech seldom carries more than one or two tags
        at = inline_tag(text, language)
        if at is None:
            break
        a, b = at
        out.append(Quote(text[:a].strip(), True, line))
        out.append(Narration(" " + text[a:b].strip() + text[b:b + 1] + " "))
        text = text[b + 1:].lstrip(" \t\u00a0,;")
    text = text.strip().rstrip(_STRAY).strip()
    if text.strip(" .,;"):
        out.append(Quote(text, closed, line))
    elif out and text:  # the tag's own full stop
        last = out[-1]
        assert isinstance(last, Narration)
        out[-1] = Narration(last.text.rstrip() + text + " ")
    return out


def _tidy(parts: list[Part]) -> list[Part]:
    """Adjacent narration joined; a speech's leading punctuation (Spanish ``—. ¿Qué``)
    handed back to the tag before it."""
    out: list[Part] = []
    for x in parts:
        if isinstance(x, Quote) and out and isinstance(out[-1], Narration):
            lead = re.match(r"[.,;:]+", x.text)
            if lead:
                out[-1] = Narration(out[-1].text.rstrip() + lead.group() + " ")
                x = Quote(x.text[lead.end():].strip(), x.closed, x.line, x.verse)
                if not x.text:
                    continue
        if isinstance(x, Narration) and out and isinstance(out[-1], Narration):
            out[-1] = Narration(out[-1].text + x.text)
            continue
        out.append(x)
    return out


def dash_dialogue(beats: list[Beat], language: str) -> list[Beat]:
    """Every paragraph read for dash dialogue (when the text speaks in dashes) and, in
    a language other than English, for tags inside its quotations."""
    dashes = speaks_in_dashes(beats, language == "en")
    if not dashes and language == "en":
        return beats
    out: list[Beat] = []
    for b in beats:
        if isinstance(b, Paragraph):
            if dashes and not b.quotes:
                b = dash_paragraph(b, language)
            elif language != "en":
                b = tags_in_quotes(b, language)
        out.append(b)
    return out
