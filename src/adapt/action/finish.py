"""The last pass over the adapted elements: wrylies, merged V.O., introductions."""
from __future__ import annotations

from collections.abc import Callable

from adapt.action import introductions, wrylies
from adapt.model import Dialogue, Element, Speech


def finish(elements: list[Element], *, name_of: Callable[[str], str],
           retell: Callable[[str], str], describe: introductions.Describe | None = None) -> list[Element]:
    """Elements as written by transform → elements a screenwriter would keep.

    ``name_of``: a cue ("MR. BUMBLE") → how action names that character ("Mr. Bumble");
    ``retell``: a sentence → the script's tense; ``describe``: a character's name →
    the few words the prose gives about them (for introductions).
    """
    out: list[Element] = []
    for e in elements:
        if isinstance(e, Dialogue) and e.parts:
            out.extend(wrylies.reshape(e, name_of(e.character), retell))
        else:
            out.append(e)
    out = merge_voice_over(out)
    return introductions.introduce(out, name_of=name_of, describe=describe)


def merge_voice_over(elements: list[Element]) -> list[Element]:
    """Two V.O. blocks of one narrator in a row from one paragraph are one block.

    Blocks from two paragraphs stay apart: an element knows one source line, and
    the no-loss bookkeeping finds each paragraph's words by it."""
    out: list[Element] = []
    for e in elements:
        last = out[-1] if out else None
        if isinstance(e, Dialogue) and isinstance(last, Dialogue) and e.extension == "V.O." \
                and last.extension == "V.O." and e.character == last.character \
                and e.line == last.line \
                and isinstance(last.parts[-1], Speech) and isinstance(e.parts[0], Speech):
            joined = Speech(last.parts[-1].text + " " + e.parts[0].text)
            out[-1] = Dialogue(last.character, (*last.parts[:-1], joined, *e.parts[1:]),
                               last.extension, last.dual, last.line)
        else:
            out.append(e)
    return out
