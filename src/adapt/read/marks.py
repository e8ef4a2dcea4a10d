"""Which quotation marks carry speech in this text (reading): « », » «, „ “, 「」...

The grammar reads speech in English marks (``"…"``, ``“…”``). A text that speaks in
another convention — French or Russian « », German » « or „ “, Polish „ ”, Chinese and
Japanese 「」 — is read through a *mask*: the same text, character for character, with
its speech marks swapped for ``“ ”`` and every other quotation mark (nested quotes,
apostrophes) for a placeholder the grammar takes for a letter. The parser then sees
English marks; ``prose.parse`` gives the tokens back their original text. A text in
English marks is never masked, so English reading does not change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_GRAMMAR_MARKS = "\"“”'‘’"
"""The characters the grammar reads as quotation marks (grammar/prose.lark)."""
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate(_GRAMMAR_MARKS)}
"""Private-use stand-ins, one per mark, for marks that do not carry speech here."""
MIN_USES = 2
"""A convention needs this many speech marks (or a text with no English ones)."""


@dataclass(frozen=True, slots=True)
class Marks:
    """The marks that open and close speech in one text."""

    open: str
    close: str

    @property
    def english(self) -> bool:
        return self.open in "\"“"


ENGLISH = Marks("“", "”")

_PARA_START = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*(\S)")


def speech_marks(text: str) -> Marks:
    """The speech marks the text uses, decided from how often each convention appears."""
    count = {c: text.count(c) for c in "«»„“”「」『』‹›‚‘\""}
    english = max(count["“"], count["”"], count['"'] // 2)
    starts: dict[str, int] = {}
    for m in _PARA_START.finditer(text):
        starts[m.group(1)] = starts.get(m.group(1), 0) + 1
    options: list[tuple[int, Marks]] = []

    def enough(n: int) -> bool:
        return n >= MIN_USES or (n >= 1 and english == 0)

    guillemets = min(count["«"], count["»"])
    if enough(guillemets) and guillemets > english:
        # French « … », German and Danish » … «: the opener starts more paragraphs.
        down = starts.get("»", 0) > starts.get("«", 0)
        options.append((guillemets, Marks("»", "«") if down else Marks("«", "»")))
    low = count["„"]
    if enough(low) and low * 5 >= english * 4:
        # German „ … “; Polish, Hungarian, Romanian „ … ”.
        options.append((low, Marks("„", "“" if count["“"] >= count["”"] else "”")))
    for o, c in (("「", "」"), ("『", "』")):
        if enough(min(count[o], count[c])) and min(count[o], count[c]) > english:
            options.append((min(count[o], count[c]), Marks(o, c)))
    singles = min(count["‹"], count["›"])
    if enough(singles) and singles > english:
        down = starts.get("›", 0) > starts.get("‹", 0)
        options.append((singles, Marks("›", "‹") if down else Marks("‹", "›")))
    if enough(count["‚"]) and count["‚"] > english and count["‚"] > low:
        options.append((count["‚"], Marks("‚", "‘")))
    return max(options, key=lambda o: o[0])[1] if options else ENGLISH


def mask(text: str, marks: Marks) -> str:
    """``text`` with ``marks`` as ``“ ”`` and other quotation marks as placeholders,
    character for character (so every offset into the mask is one into ``text``)."""
    if marks.english:
        return text
    table = dict(_PLACEHOLDER)
    table[marks.open], table[marks.close] = "“", "”"
    return text.translate(str.maketrans(table))
