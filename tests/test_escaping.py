"""Fountain escaping: text that looks like Fountain syntax stays the text it was.

Two property tests and the examples they found:

- the writer alone: a random document of Action, Dialogue, Lyrics (and notes) made of
  nasty text, written and read back with ``fountain_reader``, gives the same elements
  with the same plain text (whitespace at line ends aside, which Fountain cannot keep);
- the whole pipeline: random prose with Fountain-looking lines and quotations is
  adapted, and both our reader and screenplain must see exactly the element kinds the
  adaptation produced (no narration turned into a heading, cue, transition, centered
  text, section, synopsis, note, boneyard or page break), with every word of every
  quotation inside dialogue.
"""
from __future__ import annotations

import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from adapt.fountain_reader import read_fountain
from adapt.inline import escape, plain
from adapt.model import (Action, Boneyard, Centered, Dialogue, Element, Lyrics, Note, PageBreak,
                         Parenthetical, SceneHeading, Screenplay, Section, Speech, Sung,
                         Synopsis, TitlePage, Transition)
from adapt.reader import parse
from adapt.transform import Options, to_model
from adapt.writers.fountain import write_fountain

SETTINGS = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of Fountain syntax (line starts, inline markers, whole lines) and ordinary text.
NASTY = ["INT. ", "EXT.", "EST ", "I/E ", "int./ext. ", ".", "..", "!", "@", "~", "#", "##", "=",
         "===", ">", "<", "> x <", "[[", "]]", "/*", "*/", "*", "**", "***", "_", "\\", "\\\\",
         "(", ")", "^", " ^", "TO:", "CUT TO:", "Title: ", "Author:", "Key: v", ":", "BOB",
         "ÉLISE", "李", "ǅ", "Ⅷ", "ß", "#1#", " ", "  ", "\t", "x", "word", "Ann", "a", "1"]
LINE = st.lists(st.sampled_from(NASTY), max_size=6).map("".join)
TEXT = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
VISIBLE = TEXT.filter(lambda s: bool(s.strip()))
NAMES = st.one_of(
    st.sampled_from(["BOB", "ÉLISE", "ǅAN", "李", "Bob", "McCLANE", "INT. BOB", "EXT", "CUT TO:",
                     "R2D2", "DR: WHO", "!BANG", "@AT", "~TILDE", "#HASH", "=EQ", ">GT", ".DOT",
                     "[[NOTE]]", "/*BONE*/", "A_B", "X*", "Ⅷ", "STRAßE", "Title: X", "23 B"]),
    st.lists(st.sampled_from([x for x in NASTY if not set(x) & set("(^\n\t")]), min_size=1,
             max_size=4).map("".join).filter(lambda s: any(c.isalnum() for c in s))
    .map(str.strip))
PART = st.one_of(TEXT.map(Speech), TEXT.map(Parenthetical), LINE.map(Sung))
DIALOGUE = st.builds(Dialogue, NAMES, st.lists(PART, max_size=4).map(tuple),
                     st.sampled_from([None, "V.O.", "O.S.", "CONT'D", "V.O.)(CONT'D", "on *phone*"]),
                     st.booleans())
NOTE = TEXT.filter(lambda s: "]]" not in s and "[[" not in s and "/*" not in s
                   and any(c.isalnum() for c in s)).map(Note)
ELEMENT = st.one_of(VISIBLE.map(Action), DIALOGUE,
                    st.lists(LINE, min_size=1, max_size=3).map(lambda x: Lyrics(tuple(x))), NOTE)
TITLE = st.sampled_from([TitlePage(), TitlePage((("Title", "T"),))])


def _lines(marked: str) -> tuple[str, ...]:
    """Plain text by line, as Fountain keeps it: tabs expanded, line ends trimmed."""
    return tuple(x.strip() for x in plain(marked).replace("\t", "    ").split("\n"))


def _parts(d: Dialogue) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Parts as the reader rebuilds them: consecutive speeches are one speech, and an
    empty speech (the writer's stand-in for a dialogue without parts) is nothing."""
    merged: list[Any] = []
    for p in d.parts:
        if merged and isinstance(p, Speech) and isinstance(merged[-1], Speech):
            merged[-1] = Speech(merged[-1].text + "\n" + p.text)
        else:
            merged.append(p)
    return tuple((type(p).__name__, _lines(p.text)) for p in merged
                 if not (isinstance(p, Speech) and not "".join(_lines(p.text))))


def shape(e: Element) -> tuple[Any, ...]:
    """What a reader of the script sees of an element: its kind and plain text."""
    match e:
        case Action(text):
            return ("action", tuple(x.rstrip() for x in plain(text).replace("\t", "    ").split("\n")))
        case Dialogue():
            return ("dialogue", plain(e.character).strip(), e.extension, e.dual, _parts(e))
        case Lyrics(lines):
            return ("lyrics", tuple(plain(x).strip() for x in lines))
        case Note(text):
            return ("note", " ".join(text.split()))
        case SceneHeading(text, number):
            return ("scene", plain(text), number)
        case Section(text, depth):
            return ("section", plain(text), depth)
        case _:
            return (type(e).__name__.lower(), plain(getattr(e, "text", "")))


def shapes(doc: Screenplay) -> list[tuple[Any, ...]]:
    return [shape(e) for e in doc.elements]


# --- the writer alone ----------------------------------------------------------------

@settings(SETTINGS, max_examples=400)
@given(TITLE, st.lists(ELEMENT, min_size=1, max_size=5))
def test_written_documents_read_back_as_written(title: TitlePage, elements: list[Element]) -> None:
    doc = Screenplay(title, tuple(elements))
    text = write_fountain(doc)
    back = read_fountain(text)
    assert back.title == doc.title, text
    assert shapes(back) == shapes(doc), text
