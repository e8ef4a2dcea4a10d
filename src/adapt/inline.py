"""Inline-marked text (Fountain emphasis) ↔ styled runs, for every writer."""
from __future__ import annotations

import re
from dataclasses import dataclass

_SPECIAL = re.compile(r"([\\*_])")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


def escape(plain: str) -> str:
    """Plain prose → inline-marked text that shows exactly those characters."""
    if "\\" not in plain and "*" not in plain and "_" not in plain:
        return plain  # nothing to escape (most text)
    return _SPECIAL.sub(r"\\\1", plain)


# One token per marker or literal character; escapes are consumed first.
_TOKEN = re.compile(r"\\([\\*_])|(\*\*\*|\*\*|\*|_)|([^\\*_]+|\\)", re.S)


def runs(marked: str) -> tuple[Run, ...]:
    """Split inline-marked text into styled runs.

    A marker only toggles a style when its closing twin exists later in the same
    text (Fountain: "an asterisk without a closing pair is a literal"), so stray
    ``*`` or ``_`` print as themselves.
    """
    if _SPECIAL.search(marked) is None:  # most text has no markup: one plain run
        return (Run(marked),) if marked else ()
    tokens: list[tuple[str, str]] = []  # (kind, text): kind "lit" or "mark"
    for m in _TOKEN.finditer(marked):
        if m.group(1) is not None:
            tokens.append(("lit", m.group(1)))
        elif m.group(2) is not None:
            tokens.append(("mark", m.group(2)))
        else:
            tokens.append(("lit", m.group(3)))
    # Pair markers: a marker is active only if the same marker appears again later.
    active = [False] * len(tokens)
    open_at: dict[str, int] = {}
    for i, (kind, text) in enumerate(tokens):
        if kind != "mark":
            continue
        if text in open_at:
            active[open_at.pop(text)] = True
            active[i] = True
        else:
            open_at[text] = i
    out: list[Run] = []
    bold = italic = underline = False
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Run("".join(buf), bold, italic, underline))
            buf.clear()

    for (kind, text), on in zip(tokens, active, strict=True):
        if kind == "mark" and on:
            flush()
            if text == "_":
                underline = not underline
            else:
                if "***" == text:
                    bold, italic = not bold, not italic
                elif "**" == text:
                    bold = not bold
                else:
                    italic = not italic
        else:
            buf.append(text)
    flush()
    return tuple(out)


def plain(marked: str) -> str:
    """The characters a reader sees, without markup."""
    return "".join(r.text for r in runs(marked))
