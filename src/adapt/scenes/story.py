"""The story as read, before any adapting: its beats in chapters, title and language (scenes stage).

What the adaptation starts from, and all it needs of the parse tree. Kept apart from
``transform`` (which imports every stage, lemminflect included) so that a process can read
a story without them (``cli.reading``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Tree

from adapt.language.detect import detect as detect_language
from adapt.read.beats import Beat, Paragraph, to_beats
from adapt.read.dashes import dash_dialogue
from adapt.read.settle import settle
from adapt.scenes.chapters import Structure, structure


@dataclass(frozen=True, slots=True)
class Story:
    """A story read: what ``read_story`` gives."""

    title: str | None
    """The title its first line gives, if any (taken off the beats)."""
    structure: Structure
    """Its chapters, front matter and beats."""
    language: str
    """The language it is written in (a code: "en", "fr"...)."""


def read_story(tree: Tree, language: str | None = None) -> Story:
    """The story's structure (title line taken off, chapters, front matter) and the
    language it is written in (``language``, when the reader knows it)."""
    beats = settle(to_beats(tree))  # verse inside a speech joins the speech
    language = language or detect_language(" ".join(
        p.text for b in beats[:400] if isinstance(b, Paragraph) for p in b.parts)[:20000])
    beats = dash_dialogue(beats, language)  # — Где ты был? — спросила Ольга.
    found_title, beats = _title(beats)
    return Story(found_title, structure(beats, titled=found_title is not None), language)


def _title(beats: list[Beat]) -> tuple[str | None, list[Beat]]:
    """A short first line with no sentence in it is the story's title."""
    if beats and isinstance(beats[0], Paragraph) and not beats[0].quotes:
        text = beats[0].narration
        if "\n" not in text and len(text.split()) <= 10 and not re.search(r"[.!?,;]$", text) \
                and text[:1].isupper():
            return text, beats[1:]
    return None, beats
