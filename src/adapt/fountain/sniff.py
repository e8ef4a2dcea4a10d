"""Is a text a Fountain script or prose? For standard input, which has no file name.

A script announces itself in ways prose never does: a title page (``Title:`` on the
first line, or another of the spec's keys), or scene headings (``INT.``/``EXT.`` lines
after a blank line) together with character cues (a line in capitals with speech
right under it). Prose with one "INT." line in it stays prose: a heading and a cue
are both needed.
"""
from __future__ import annotations

import re

_TITLE_PAGE = re.compile(r"\A\s*(?:title|credit|author|authors|source|draft date)\s*:", re.I)
_HEADING = re.compile(r"(?:\A|\n\n)[ \t]*(?:INT\.?/EXT|INT|EXT|EST|I/E)[. ]\S", re.I)
_CUE = re.compile(r"(?:\A|\n\n)[ \t]*@?[A-Z][A-Z0-9 .'’\-]*(?:\([^()\n]*\))?[ \t]*\^?\n[ \t]*\S")


def looks_like_fountain(text: str) -> bool:
    """True when ``text`` reads as a screenplay in Fountain, not as a story."""
    if _TITLE_PAGE.match(text):
        return True
    sample = text[:200_000]
    return _HEADING.search(sample) is not None and _CUE.search(sample) is not None
