"""Screenplay model → Fountain text (fountain.io syntax).

The writer's one hard job is escaping: model text is inline-marked prose, and any of it
may look like Fountain syntax. The rules below keep every element the kind it is for
``adapt.fountain.reader`` *and* for other Fountain readers (screenplain, Highland...),
which know no escapes beyond ``\\*`` and ``!``/``@``/``.``/``>`` forcing:

- A line of action that a reader could take for something else gets ``!``.
- A character cue that is not plainly upper case gets ``@``.
- Inside dialogue a leading ``(``, ``~`` or ``!`` gets ``\\`` (adapt's reader drops it).
- ``[[`` and ``/*`` inside text would open a note or boneyard in every reader (the spec
  has no escape for them), so one bracket or the slash is wrapped in an underline pair:
  ``[_[_``, ``_/_*``. Every reader prints the same characters; only that one character
  is underlined.
- An empty line inside an element is written as two spaces (the spec's rule).
- Without a title page, a first line that looks like ``Key: value`` is preceded by a
  blank line, since a title page must start on the very first line.
"""
from __future__ import annotations

import re
from typing import assert_never

from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Dialogue,
    DialoguePart,
    Lyrics,
    Note,
    PageBreak,
    Parenthetical,
    SceneHeading,
    Screenplay,
    Section,
    Speech,
    Sung,
    Synopsis,
    TitlePage,
    Transition,
)

_HEADING = re.compile(r"^(?:INT|EXT|EST|INT\.?/EXT|I/E)[. ]", re.I)
# A line a Fountain reader would take for something other than action.
_TAKEN_FOR_OTHER = re.compile(
    r"^\s*(?:[!@~#=>.\[(]|\*/|(?:INT|EXT|EST|INT\.?/EXT|I/E)[. ])|TO:\s*$|<\s*$", re.I)
_MARKERS = ("!", "@", "~", "#", "=", ">", ".", "[", "(")
# Inline-marked text: escapes first (as adapt.inline reads them), then a lone backslash,
# then what would open a note or boneyard.
_INLINE_SCAN = re.compile(r"\\[\\*_]|\\|\[\[|/\*")
_UNDERSCORE = re.compile(r"\\[\\*_]|_")
_BREAK = {"\\": "\\\\", "[[": "[_[_", "/*": "_/_*"}
_SPEECH_MARK = re.compile(r"^\\?[(~!]")


def _inline(marked: str) -> str:
    """``marked`` with no ``[[`` or ``/*`` left, showing the same plain text.

    The inserted underline pair toggles style only, so the characters stay the same
    provided every ``_`` already pairs up: an unpaired one (printed literally) is
    escaped first. A lone ``\\`` becomes ``\\\\`` so that it cannot escape an inserted
    ``_``.
    """
    if "[[" not in marked and "/*" not in marked:
        return marked
    marks = [m.start() for m in _UNDERSCORE.finditer(marked) if m.group() == "_"]
    if len(marks) % 2:
        last = marks[-1]
        marked = marked[:last] + "\\_" + marked[last + 1:]
    return _INLINE_SCAN.sub(lambda m: _BREAK.get(m.group(), m.group()), marked)


def _blank_as_spaces(line: str) -> str:
    """An empty line inside an element would end it: the spec's two spaces keep it."""
    return line if line.strip() else "  "


def _looks_like_cue(line: str) -> bool:
    # adapt's reader: no lower-case letter before any "("; screenplain: str.isupper()
    # of that part. Either way the first line of an action must then be forced.
    head = line.split("(", 1)[0]
    return head.isupper() or (any(c.isalpha() for c in head) and not any(c.islower() for c in head))


def _action(text: str) -> str:
    lines = _inline(text).split("\n")
    if not any(x.strip() for x in lines):
        return "\n".join(["!"] + ["  "] * (len(lines) - 1))  # keeps an all-blank action
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            out.append("  ")
        elif _TAKEN_FOR_OTHER.search(line) or (i == 0 and _looks_like_cue(line)):
            out.append("!" + line)
        else:
            out.append(line)
    return "\n".join(out)


def _speech_line(line: str) -> str:
    # Inside dialogue only a leading "(" (parenthetical) or "~" (lyric) changes meaning;
    # the reader drops a "\" before "(", "~" or "!", so a literal one is doubled.
    s = line.strip()
    if not s:
        return "  "
    if _SPEECH_MARK.match(s):
        return "\\" + s
    return s


def _parenthetical(text: str) -> list[str]:
    """``(text)``; on several lines only when the reader can find the closing line."""
    lines = [x.strip() for x in _inline(text).split("\n")]
    inner_ok = all(x and not x.startswith(("(", "~")) for x in lines[1:]) \
        and not any(x.endswith(")") for x in lines[:-1])
    if len(lines) > 1 and not inner_ok:
        # A wryly's line breaks are layout: keep its words on one line rather than
        # let an inner line read as speech or close it early.
        lines = [" ".join(x for x in lines if x)]
    lines[0] = "(" + lines[0]
    lines[-1] += ")"
    return lines


def _merged(parts: tuple[DialoguePart, ...]) -> list[DialoguePart]:
    """Consecutive speeches are one speech in Fountain; escape them as one text."""
    out: list[DialoguePart] = []
    for part in parts:
        if out and isinstance(part, Speech) and isinstance(out[-1], Speech):
            out[-1] = Speech(out[-1].text + "\n" + part.text)
        else:
            out.append(part)
    return out


def _cue(d: Dialogue) -> str:
    name = _inline(d.character)
    # Unforced only when both adapt's reader (a letter, none lower case) and screenplain
    # (str.isupper) take it for a cue: "Ⅷ" is upper but no letter, "李" has no case.
    plainly_caps = (name.isupper() and any(c.isalpha() for c in name)
                    and not any(c.islower() for c in name)
                    and not name.startswith(_MARKERS) and not _HEADING.match(name)
                    and not name.endswith("TO:"))
    cue = ("" if plainly_caps else "@") + name
    if d.extension is not None:
        cue += f" ({_inline(d.extension)})"
    if d.dual:
        cue += " ^"
    return cue


def _dialogue(d: Dialogue) -> str:
    out = [_cue(d)]
    for part in _merged(d.parts):
        match part:
            case Parenthetical(text):
                out.extend(_parenthetical(text))
            case Speech(text):
                out.extend(_speech_line(x) for x in _inline(text).split("\n"))
            case Sung(text):
                out.extend("~" + x for x in _inline(text).split("\n"))
            case _:
                assert_never(part)
    if len(out) == 1:
        out.append("  ")  # a cue alone would read as action: give it an empty speech
    return "\n".join(out)


def _title_page(tp: TitlePage) -> str:
    out = []
    for key, value in tp.fields:
        lines = _inline(value).split("\n")
        if len(lines) == 1:
            out.append(f"{key}: {lines[0]}".rstrip())  # "Author:" left for the writer
        else:
            out.append(f"{key}:")
            out.extend("    " + x for x in lines)
    return "\n".join(out)


def _heading(h: SceneHeading) -> str:
    text = " ".join(_inline(h.text).split())  # a heading is one line, spacing is layout
    text = text if _HEADING.match(text) else "." + text
    return text + (f" #{h.number}#" if h.number else "")


def _transition(text: str) -> str:
    text = _inline(text).strip()
    # adapt's reader: upper case, ends in TO:, no marker; screenplain: str.isupper().
    plain_form = (text.endswith("TO:") and text == text.upper() and text[:-3].isupper()
                  and not text.startswith(_MARKERS) and not _HEADING.match(text)
                  and "\n" not in text)
    return text if plain_form else "> " + text


def _note(text: str) -> str:
    # "]]" would close the note early and a final "]" would join the closing marks.
    lines = [_blank_as_spaces(x) for x in text.replace("]]", "] ]").split("\n")]
    body = "\n".join(lines)
    return f"[[{body} ]]" if body.endswith("]") else f"[[{body}]]"


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
                blocks.append("\n".join("~" + x for line in lines for x in _inline(line).split("\n")))
            case Transition(text):
                blocks.append(_transition(text))
            case Centered(text):
                blocks.append("\n".join(f"> {x} <" for x in _inline(text).split("\n")))
            case Note(text):
                blocks.append(_note(text))
            case Section(text, depth):
                blocks.append("#" * depth + " " + _inline(text))
            case Synopsis(text):
                blocks.append("= " + _inline(text))
            case Boneyard(text):
                blocks.append("/*" + text.replace("*/", "* /") + "*/")
            case PageBreak():
                blocks.append("===")
            case _:
                assert_never(el)
    # A title page is a first line "Key: value" (screenplain: any colon); without one,
    # a leading blank line keeps the first element out of it in every reader.
    lead = "\n" if not doc.title.fields and blocks and ":" in blocks[0].split("\n")[0] else ""
    return lead + "\n\n".join(blocks) + "\n"
