"""Character introductions: the first time a character appears, the name in CAPS.

A screenplay introduces each character once, in action, in capitals, with the few
words the source gives about them (``EDWARD BLOOM, 40's and handsome, tells the
story.``). The first action line that names a speaking character capitalises that
name; a character who speaks before any action names them gets a short action line
just before their first speech.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from adapt.language.lexicon import PERSON_NOUNS
from adapt.model import Action, Dialogue, Element

Describe = Callable[[str], "str | None"]


def introduce(elements: list[Element], *, name_of: Callable[[str], str],
              describe: Describe | None = None) -> list[Element]:
    """The elements with each speaking character introduced before their first line."""
    cues = {e.character for e in elements if isinstance(e, Dialogue)}
    patterns = {c: _pattern(name_of(c)) for c in cues}
    waiting = {c for c in cues if patterns[c] is not None}
    out: list[Element] = []
    for e in elements:
        if isinstance(e, Action) and waiting:
            text = e.text
            for c in sorted(waiting, key=lambda c: -len(name_of(c))):
                text, found = _capitalise(text, patterns[c])  # type: ignore[arg-type]
                if found:
                    waiting.discard(c)
            out.append(Action(text, e.line) if text != e.text else e)
        elif isinstance(e, Dialogue) and e.character in waiting:
            waiting.discard(e.character)
            if e.character.lower() not in _NOT_SOMEONE:  # not "a voice": someone to introduce
                out.append(Action(intro_line(name_of(e.character), describe), e.line))
            out.append(e)
        else:
            out.append(e)
    return out


def intro_line(name: str, describe: Describe | None = None) -> str:
    """'MARILLA, a tall, thin woman, is there.' — or without a description."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    caps = name.upper()
    if name.lower() in PERSON_NOUNS or not any(ch.isupper() for ch in name):
        caps = "The " + caps  # "The PROFESSOR is there."
    about = describe(name) if describe else None
    return f"{caps}, {about}, is there." if about else f"{caps} is there."


def _pattern(name: str) -> re.Pattern[str] | None:
    """The name as action prints it, a whole word; a first name may run on into a surname."""
    name = " ".join(name.split())
    if not name or not re.search(r"[A-Za-z]", name):
        return None
    if name[:1].islower():  # a common noun cue ("gentleman"): "the gentleman"
        return re.compile(rf"(?<=\b[Tt]he )({re.escape(name)})\b")
    return re.compile(rf"(?<![\w'’-])({re.escape(name)}(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)(?![\w-])")


def _capitalise(text: str, pattern: re.Pattern[str]) -> tuple[str, bool]:
    m = pattern.search(text)
    if not m:
        return text, False
    name = m.group(1)
    # A following capitalised word is a surname only when it is not the next sentence.
    if " " in name and not pattern.pattern.startswith("(?<=") and name.split()[-1] in _NOT_SURNAME:
        name = name.rsplit(" ", 1)[0]
    return text[:m.start(1)] + name.upper() + text[m.start(1) + len(name):], True


_NOT_SOMEONE = {"voice", "voices", "all", "both", "other", "others", "from", "young", "old",
                "third", "second", "first", "someone", "somebody", "everyone", "crowd"}
_NOT_SURNAME = {"I", "The", "A", "He", "She", "It", "They", "We", "You", "But", "And", "Then"}


def first_description(text: str, name: str) -> str | None:
    """The appositive the prose gives a name: 'Marilla, a tall, thin woman,' → 'a tall, thin woman'."""
    m = re.search(rf"\b{re.escape(name)},\s+((?:an?|the)\s+[^,.;:!?\"“”]{{2,40}}?),", text)
    return " ".join(m.group(1).split()) if m else None

