"""Dual dialogue: the model marks the right-hand speech; writers that lay the two
side by side (FDX, HTML) want them as one pair."""
from __future__ import annotations

from dataclasses import dataclass

from adapt.model import Dialogue, Element


@dataclass(frozen=True, slots=True)
class DualDialogue:
    """Two speeches printed side by side."""

    left: Dialogue
    right: Dialogue


def pair_duals(elements: tuple[Element, ...]) -> list[Element | DualDialogue]:
    """Join each ``dual=True`` speech with the speech right before it."""
    out: list[Element | DualDialogue] = []
    for el in elements:
        prev = out[-1] if out else None
        if isinstance(el, Dialogue) and el.dual and isinstance(prev, Dialogue) and not prev.dual:
            out[-1] = DualDialogue(prev, el)
        else:
            out.append(el)
    return out
