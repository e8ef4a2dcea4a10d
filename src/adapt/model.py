"""The screenplay document model: the only type that flows between stages.

Text fields hold *inline-marked text*: Fountain's emphasis syntax (``*italic*``,
``**bold**``, ``***bold italic***``, ``_underline_``) with ``\\`` escaping a literal
``*``, ``_`` or ``\\``. Readers produce it (``adapt.inline.escape`` for plain prose),
writers read it with ``adapt.inline.runs``. Line-level Fountain syntax (``!``, ``@``,
``~``...) never appears here: escaping that is the Fountain writer's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class TitlePage:
    """Key/value pairs in the order a title page shows them."""

    fields: tuple[tuple[str, str], ...] = ()
    """(key, value) pairs: ``Title``, ``Credit``, ``Author``, ``Source``, ``Draft date``,
    ``Contact``...; a multi-line value keeps its ``\\n``."""

    def get(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.fields:
            if k.lower() == key.lower():
                return v
        return default


@dataclass(frozen=True, slots=True)
class SceneHeading:
    """A slug line: where and when the scene happens."""

    text: str
    """The heading as printed, e.g. ``EXT. ALLEY - NIGHT``."""
    number: str | None = None
    """Scene number (``1A``) when the script carries one."""
    line: int | None = None
    """Source line this came from (1-based), when known."""


@dataclass(frozen=True, slots=True)
class Action:
    """What the audience sees; one paragraph, line breaks kept."""

    text: str
    """The paragraph; ``\\n`` separates lines the writer must keep."""
    line: int | None = None
    """Source line (1-based), when known."""


@dataclass(frozen=True, slots=True)
class Parenthetical:
    """A wryly inside a speech: how a line is said."""

    text: str
    """Without the surrounding parentheses."""


@dataclass(frozen=True, slots=True)
class Speech:
    """Spoken words inside a dialogue block."""

    text: str
    """The words; ``\\n`` separates lines the writer must keep."""


@dataclass(frozen=True, slots=True)
class Sung:
    """A sung line inside a dialogue block (Fountain ``~`` within dialogue)."""

    text: str
    """One lyric line."""


DialoguePart = Union[Parenthetical, Speech, Sung]


@dataclass(frozen=True, slots=True)
class Dialogue:
    """A character cue and what they say."""

    character: str
    """The cue as printed, upper case, e.g. ``BUFFY``."""
    parts: tuple[DialoguePart, ...]
    """Speeches, parentheticals and sung lines in order."""
    extension: str | None = None
    """``V.O.``, ``O.S.``, ``CONT'D``... without parentheses."""
    dual: bool = False
    """True for the right-hand half of dual dialogue (Fountain ``^``)."""
    line: int | None = None
    """Source line (1-based), when known."""
    more_lines: tuple[int, ...] = ()
    """Source lines of later paragraphs merged into this block (a narrator's V.O. over
    several paragraphs), for the bookkeeping that finds each paragraph's words."""


@dataclass(frozen=True, slots=True)
class Lyrics:
    """Sung lines outside dialogue (Fountain ``~``), e.g. a music cue's song."""

    lines: tuple[str, ...]
    """One entry per lyric line."""
    line: int | None = None
    """Source line (1-based), when known."""


@dataclass(frozen=True, slots=True)
class Transition:
    """``CUT TO:`` and kin, printed flush right."""

    text: str
    """Upper case, e.g. ``CUT TO:``."""


@dataclass(frozen=True, slots=True)
class Centered:
    """Centered text (Fountain ``> THE END <``)."""

    text: str
    """The text without the markers; ``\\n`` between lines."""


@dataclass(frozen=True, slots=True)
class Note:
    """A writer's note (``[[...]]``): never printed, kept for the writer."""

    text: str
    """The note's words."""


@dataclass(frozen=True, slots=True)
class Section:
    """An outline section (``#``, ``##``...): structure, not printed."""

    text: str
    """The section title."""
    depth: int = 1
    """Number of ``#`` marks."""


@dataclass(frozen=True, slots=True)
class Synopsis:
    """An outline synopsis (``=``): not printed."""

    text: str
    """The synopsis."""


@dataclass(frozen=True, slots=True)
class Boneyard:
    """Commented-out material (``/* ... */``): kept verbatim, never printed."""

    text: str
    """Everything between the markers."""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A forced page break (``===``)."""


Element = Union[
    SceneHeading, Action, Dialogue, Lyrics, Transition, Centered, Note, Section,
    Synopsis, Boneyard, PageBreak,
]


@dataclass(frozen=True, slots=True)
class Screenplay:
    """A whole script: title page plus body elements in reading order."""

    title: TitlePage = field(default_factory=TitlePage)
    """The title page (may be empty)."""
    elements: tuple[Element, ...] = ()
    """The body, in reading order."""


# Builders: so writer tests never need a parser (the idea of pandoc's Builder).

def dialogue(character: str, *parts: str | DialoguePart, extension: str | None = None,
             dual: bool = False) -> Dialogue:
    """``dialogue("ANNA", "(quietly)", "Hi.")``: strings in parentheses become wrylies."""
    built: list[DialoguePart] = []
    for p in parts:
        if isinstance(p, str):
            if p.startswith("(") and p.endswith(")"):
                built.append(Parenthetical(p[1:-1]))
            else:
                built.append(Speech(p))
        else:
            built.append(p)
    return Dialogue(character, tuple(built), extension, dual)


def screenplay(*elements: Element, **title: str) -> Screenplay:
    """``screenplay(SceneHeading("INT. X - DAY"), Action("..."), Title="T")``."""
    fields = tuple((k.replace("_", " ").capitalize() if k.islower() else k, v) for k, v in title.items())
    return Screenplay(TitlePage(fields), tuple(elements))
