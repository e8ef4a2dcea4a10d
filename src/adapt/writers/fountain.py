"""Screenplay model → Fountain text (fountain.io syntax)."""
from __future__ import annotations

import re
from typing import assert_never

from adapt.model import (Action, Boneyard, Centered, Dialogue, Lyrics, Note, PageBreak,
                         Parenthetical, SceneHeading, Screenplay, Section, Speech, Sung,
                         Synopsis, TitlePage, Transition)

_HEADING = re.compile(r"^(?:INT|EXT|EST|INT\.?/EXT|I/E)[. ]", re.I)
_TRANSITION = re.compile(r"^[^a-z]*TO:$")
# A line a Fountain reader would take for something other than action.
_TAKEN_FOR_OTHER = re.compile(
    r"^\s*(?:[!@~#=>.\[]|\(|/\*|\*/|\[\[|(?:INT|EXT|EST|INT\.?/EXT|I/E)[. ])|TO:\s*$|<\s*$|^\s*={3,}\s*$|^\s*$",
    re.I,
)
_INLINE_MARKUP = re.compile(r"(\[\[|/\*)")


def _is_caps(line: str) -> bool:
    return any(c.isalpha() for c in line) and not any(c.islower() for c in line)


def _literal(line: str) -> str:
    """'[[' and '/*' inside prose are text, not a note or boneyard."""
    return _INLINE_MARKUP.sub(r"\\\1", line)


def _action_line(line: str, *, first: bool) -> str:
    # An all-caps first line would be read as a character cue (when more lines follow)
    # or, alone, stays action — forcing it is always safe.
    if not line.strip():
        return "  "
    line = _literal(line)
    if _TAKEN_FOR_OTHER.search(line) or (first and _is_caps(line)):
        return "!" + line
    return line


def _action(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(_action_line(x, first=i == 0) for i, x in enumerate(lines))


def _speech_line(line: str) -> str:
    # Inside dialogue only a leading "(" (parenthetical) or "~" (lyric) changes meaning.
    if not line.strip():
        return "  "
    if line.lstrip().startswith(("(", "~", "!")):
        return "\\" + line.lstrip()
    return _literal(line)


def _cue(d: Dialogue) -> str:
    name = d.character
    forced = not _is_caps(name) or _HEADING.match(name) or _TRANSITION.match(name) or name.startswith(("!", "@", "~", "#", "=", ">", ".", "["))
    cue = ("@" if forced else "") + name
    if d.extension:
        cue += f" ({d.extension})"
    if d.dual:
        cue += " ^"
    return cue


def _dialogue(d: Dialogue) -> str:
    out = [_cue(d)]
    for part in d.parts:
        match part:
            case Parenthetical(text):
                out.append(f"({text})")
            case Speech(text):
                out.extend(_speech_line(x) for x in text.split("\n"))
            case Sung(text):
                out.append("~" + text)
            case _:
                assert_never(part)
    return "\n".join(out)


def _title_page(tp: TitlePage) -> str:
    out = []
    for key, value in tp.fields:
        lines = value.split("\n")
        if len(lines) == 1:
            out.append(f"{key}: {value}")
        else:
            out.append(f"{key}:")
            out.extend("    " + x for x in lines)
    return "\n".join(out)


def _heading(h: SceneHeading) -> str:
    text = h.text if _HEADING.match(h.text) else "." + h.text
    return text + (f" #{h.number}#" if h.number else "")


def write_fountain(doc: Screenplay) -> str:
    """The whole script as Fountain; elements separated by one blank line."""
    blocks: list[str] = []
    if doc.title.fields:
        blocks.append(_title_page(doc.title))
    for el in doc.elements:
        match el:
            case SceneHeading():
                blocks.append(_heading(el))
            case Action(text):
                blocks.append(_action(text))
            case Dialogue():
                blocks.append(_dialogue(el))
            case Lyrics(lines):
                blocks.append("\n".join("~" + x for x in lines))
            case Transition(text):
                blocks.append(text if _TRANSITION.match(text) else "> " + text)
            case Centered(text):
                blocks.append("\n".join(f"> {x} <" for x in text.split("\n")))
            case Note(text):
                blocks.append(f"[[{text}]]")
            case Section(text, depth):
                blocks.append("#" * depth + " " + text)
            case Synopsis(text):
                blocks.append("= " + text)
            case Boneyard(text):
                blocks.append(f"/*{text}*/")
            case PageBreak():
                blocks.append("===")
            case _:
                assert_never(el)
    return "\n\n".join(blocks) + "\n"
