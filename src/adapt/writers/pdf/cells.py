"""Grid cells a character takes on the page (PDF layout): a CJK character two, a mark none.

Screenwriting's monospace grid counts characters; East Asian wide and full-width
characters are set in two cells, as every CJK terminal and editor does, and combining
marks sit on the letter before them. Text of one-cell characters only (every English
script) takes the plain ``len`` paths untouched.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Line-breaking rules for CJK (kinsoku shori): never start a line with a closing mark or
# small kana, never end one with an opening mark.
_NO_START = frozenset("、。，．・：；？！ー）」』】〕〉》〙〗｝］’”…‥々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ!),.:;?]}")
_NO_END = frozenset("（「『【〔〈《〘〖｛［‘“([{")


@lru_cache(maxsize=8192)
def char_cells(ch: str) -> int:
    """0, 1 or 2: the cells one character takes."""
    if ch < "\u0300":
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def one_cell(text: str) -> bool:
    """Every character takes one cell, so lengths are cell counts."""
    return text.isascii() or all(char_cells(c) == 1 for c in text)


def cells(text: str) -> int:
    """The cells ``text`` takes on the grid."""
    return len(text) if text.isascii() else sum(char_cells(c) for c in text)


def wrap_cells(s: str, pos: int, end: int, width: int) -> list[tuple[int, int]]:
    """``s[pos:end]`` broken into lines of at most ``width`` cells, as (start, end) offsets.

    Breaks at a space (dropped), after a hyphen, or between two characters next to a
    wide one (CJK needs no space to break) where kinsoku allows; else a word longer
    than a line is cut. Leading spaces (an indent) are never a break.
    """
    out: list[tuple[int, int]] = []
    if pos == end:
        return [(pos, pos)]
    while cells(s[pos:end]) > width:
        first = pos
        while first < end and s[first] == " ":
            first += 1
        used, k, best = 0, pos, 0
        while k < end and used + char_cells(s[k]) <= width:
            used += char_cells(s[k])
            k += 1
            if k >= end or k <= first:
                continue
            before, after = s[k - 1], s[k]
            if after == " " or before == "-" and k - 1 > first:
                best = k
            elif (char_cells(before) == 2 or char_cells(after) == 2) and char_cells(after) \
                    and before != " " and after not in _NO_START and before not in _NO_END:
                best = k
        start, pos = pos, best or max(k, pos + 1)
        out.append((start, start + len(s[start:pos].rstrip(" ")) if best and s[pos] == " " else pos))
        while pos < end and s[pos] == " ":
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out
