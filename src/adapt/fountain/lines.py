"""Fountain text → its lines, with boneyard and notes taken out in one pass (the reader's pre-pass).

An opener whose closer never comes is literal text, decided once: each closer is searched
for only once, so unclosed ``/*`` or ``[[`` cost linear time.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Token

# \[[ and \/* (escaped markers), \\ (so "\\[[" still opens a note), and the openers of
# boneyard and notes; ``_spans`` finds where each closes.
_OPENER = re.compile(r"\\(?:\[\[|/\*|\\)|/\*|\[\[")
_BLANK_LINE = re.compile(r"\n ?\n")


@dataclass(frozen=True, slots=True)
class Line:
    """One source line with notes and boneyard lifted out."""

    no: int
    text: str
    asides: tuple[Token, ...]

    @property
    def blank(self) -> bool:
        return not self.asides and self.text in ("", " ")

    @property
    def aside_only(self) -> bool:
        return bool(self.asides) and not self.text.strip()


def tok(kind: str, value: str, line: int) -> Token:
    return Token(kind, value, start_pos=0, line=line, column=1, end_line=line,
                 end_column=len(value) + 1, end_pos=0)


def lines(text: str) -> list[Line]:
    """Split into lines; spans may cross line ends, so this walks the matches."""
    out: list[Line] = []
    buf: list[str] = []
    asides: list[Token] = []
    no = start = 1

    def plain(segment: str) -> None:
        nonlocal no, start
        first, *rest = segment.split("\n")
        if asides and buf and buf[-1].endswith(" ") and first.startswith(" "):
            first = first[1:]  # "a [[n]] b" reads "a b", not "a  b"
        buf.append(first)
        for piece in rest:
            out.append(Line(start, "".join(buf), tuple(asides)))
            buf[:] = [piece]
            asides.clear()
            no += 1
            start = no

    pos = 0
    for begin, end, kind, inner in _spans(text):
        plain(text[pos:begin])
        if kind == "text":
            buf.append(inner)
        elif kind == "boneyard":
            asides.append(tok("BONEYARD", inner, no))
        else:
            # A "  " line joins a note across what would be a blank line (the spec).
            note = "\n".join(x if x.strip() else "" for x in inner.split("\n"))
            asides.append(tok("NOTE", note.strip(), no))
        no += text.count("\n", begin, end)
        pos = end
    plain(text[pos:])
    out.append(Line(start, "".join(buf), tuple(asides)))
    return out


def _spans(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Escaped markers (kind ``text``: what they print), boneyard ``/*...*/`` and notes
    ``[[...]]`` (not across a blank line), left to right: (start, end, kind, inner).

    One pass: the next closer and the next blank line are looked for only when the last
    one found lies behind the opener, so an opener that never closes is literal text
    at once instead of a scan to the end of the script per opener.
    """
    never = len(text) + 1
    bone_close = note_close = blank = -1  # the next "*/", "]]", blank line (never: none)
    pos = 0
    while (m := _OPENER.search(text, pos)) is not None:
        at, token = m.start(), m.group()
        if token[0] == "\\":
            yield at, m.end(), "text", token if token == "\\\\" else token[1:]
            pos = m.end()
            continue
        if token == "/*":
            if bone_close < at + 2:
                bone_close = _find(text, "*/", at + 2, never)
            if bone_close != never:
                yield at, bone_close + 2, "boneyard", text[at + 2:bone_close]
                pos = bone_close + 2
                continue
        else:
            if note_close < at + 2:
                note_close = _find(text, "]]", at + 2, never)
            if blank < at + 2:
                found = _BLANK_LINE.search(text, at + 2)
                blank = never if found is None else found.start()
            if note_close < blank:
                yield at, note_close + 2, "note", text[at + 2:note_close]
                pos = note_close + 2
                continue
        pos = at + 1  # an opener that does not close is text; look on from its next character


def _find(text: str, what: str, start: int, never: int) -> int:
    at = text.find(what, start)
    return never if at < 0 else at


