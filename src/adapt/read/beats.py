"""Parse tree → story beats: one walk of the grammar's tree, a pure function of it.

Beats are the prose-side vocabulary (narration, quotation, stanza, heading) that the
adaptation step (``transform/``) maps onto the screenplay model. Two calls need the
whole document, so they are taken once up front and handed to the walk:
whether single quotes mark speech here, and whether paragraphs are hard-wrapped.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Union

from lark import Token, Tree

from adapt.read import verse as verses
from adapt.read.unspoken import unspoken
from adapt.read.verse import Piece, Verse

_QUOTE_MARKS = "\"“”'‘’"


@dataclass(frozen=True, slots=True)
class Narration:
    """Prose outside quotation marks."""

    text: str

    def __reduce__(self) -> tuple[type, tuple]:
        # Pickled as its fields (the CLI's reading copy sends the story back pickled): the
        # slots dataclass's own state functions take 4-5 times as long, object by object.
        return Narration, (self.text,)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words inside quotation marks, without the marks."""

    text: str
    closed: bool = True
    """False when the paragraph ends before the closing mark (speech continued)."""
    line: int | None = None
    verse: tuple[str, ...] = ()
    """The lines, when the quotation is verse a character sings or recites."""
    pieces: tuple[Piece, ...] = ()
    """Prose and verse in order, when the quotation holds verse among its prose."""

    def __reduce__(self) -> tuple[type, tuple]:
        return Quote, (self.text, self.closed, self.line, self.verse, self.pieces)


Part = Union[Narration, Quote, Verse]
"""Verse stands among narration when a paragraph sets a hummed tune in on its own lines."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: tuple[Part, ...]
    line: int | None = None
    _narration: str | None = field(default=None, init=False, repr=False, compare=False)
    """``narration`` once joined: every stage asks for it, some many times."""

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(p for p in self.parts if isinstance(p, Quote))

    @property
    def narration(self) -> str:
        text = self._narration
        if text is None:
            text = " ".join(p.text.strip() for p in self.parts if isinstance(p, Narration) and p.text.strip())
            object.__setattr__(self, "_narration", text)  # frozen: the parts never change
        return text

    def __reduce__(self) -> tuple[type, tuple]:
        return Paragraph, (self.parts, self.line)


@dataclass(frozen=True, slots=True)
class Stanza:
    """Verse whose line breaks matter (a song, a poem)."""

    lines: tuple[str, ...]
    line: int | None = None

    def __reduce__(self) -> tuple[type, tuple]:
        return Stanza, (self.lines, self.line)


@dataclass(frozen=True, slots=True)
class Heading:
    """A chapter or part heading."""

    text: str
    line: int | None = None

    def __reduce__(self) -> tuple[type, tuple]:
        return Heading, (self.text, self.line)


@dataclass(frozen=True, slots=True)
class SceneBreak:
    line: int | None = None

    def __reduce__(self) -> tuple[type, tuple]:
        return SceneBreak, (self.line,)


Beat = Union[Paragraph, Stanza, Heading, SceneBreak]


@dataclass(frozen=True, slots=True)
class Conventions:
    """Whole-document facts the walk needs."""

    single_quotes: bool
    """Single quotation marks open speech (British style) instead of double ones."""
    wrap_width: int | None
    """Column at which paragraphs are hard-wrapped, None when paragraphs are one line."""
    line_width: int = 80
    """The wrap width, else the longest line: what a short (hand-broken) line is short of."""


def conventions(tree: Tree) -> Conventions:
    """Look at the whole tree once: which quote marks carry speech, and the wrap width."""
    kinds: Counter[str] = Counter()
    paragraphs = []
    for block in tree.children:  # the grammar's one shape: blocks, a paragraph's parts
        if block.data == "paragraph":
            paragraphs.append(block)
            kinds.update(p.data for p in block.children)
    doubles = kinds["quote"] + kinds["open_quote"]
    singles = kinds["single_quote"] + kinds["open_single_quote"]
    lengths: list[int] = []  # in any order: only its quantiles and counts are read
    longest = 0
    for par in paragraphs:
        text = "".join([p.children[0] for p in par.children])  # each part is one token
        lines = text.split("\n")
        longest = max(longest, *(len(x) for x in lines))
        if len(lines) > 1:
            lengths.extend(len(x) for x in lines[:-1])
    # Hard-wrapped prose: most inner lines of multi-line blocks sit near one width.
    wrap = None
    if len(lengths) >= 20:
        width = int(statistics.quantiles(lengths, n=20)[-1])  # 95th percentile
        near = sum(1 for n in lengths if n >= width * 0.75)
        if width >= 50 and near >= len(lengths) * 0.6:
            wrap = width
    return Conventions(single_quotes=singles > doubles * 2 and singles >= 3, wrap_width=wrap,
                       line_width=wrap or max(longest, 60))


_INDENTED = re.compile(r"^[ \t]+\S", re.M)


def _is_stanza(text: str, wrap: int | None, width: int) -> bool:
    """Verse: several lines that are short for this text and not wrapped prose."""
    lines = text.split("\n")
    if len(lines) < 2 or any(m in text for m in "\"“”"):
        return False
    if any(len(x.strip()) == 0 for x in lines):
        return False
    longest = max(len(x.rstrip()) for x in lines[:-1])
    if wrap is None:
        # One-line paragraphs elsewhere: any hand-broken block of short lines is verse
        # (short for this text: a short story wrapped by hand runs its lines to ``width``).
        return longest <= 80 and longest < width * 0.8
    indented = sum(1 for x in lines if _INDENTED.match(x))
    if indented >= len(lines) - 1:
        return True
    return longest < wrap * 0.7


def _join_wrapped(text: str) -> str:
    """Join hard-wrapped lines into one paragraph (keeping a hyphen at a line end)."""
    if "\n" not in text:
        return text.strip()  # one line already
    return " ".join([line.strip(" \t") for line in text.split("\n")]).strip()  # re.sub(r"[ \t]*\n[ \t]*", " ", text), 4× faster


class _ToBeats:
    """Tree → beats; single quotes become speech only when the text uses them so.

    The grammar's tree has one shape (blocks; a paragraph's parts; one token each), so it
    is walked directly, bottom-up as a Lark ``Transformer`` would call these methods, for
    a third of the time (no dispatch by name nor wrapper per node)."""

    def __init__(self, conv: Conventions) -> None:
        self.conv = conv
        self._parts = {"quote": self.quote, "open_quote": self.open_quote, "single_quote": self.single_quote,
                       "open_single_quote": self.open_single_quote, "narration": self.narration}

    def transform(self, tree: Tree) -> list[Beat]:
        beats: list[Beat] = []
        for block in tree.children:
            if block.data == "paragraph":
                parts = self._parts
                beats.append(self.paragraph(block.meta, [parts[p.data](p.children) for p in block.children]))
            elif block.data == "heading":
                beats.append(self.heading(block.meta, block.children))
            else:
                beats.append(self.scene_break(block.meta, block.children))
        return beats

    def heading(self, meta, children: list[Token]) -> Heading:  # type: ignore[no-untyped-def]
        text = re.sub(r"^#{1,6}[ \t]+", "", str(children[0]))  # "# A Title" (Markdown's form)
        return Heading(" ".join(text.split()), _line(meta))

    def scene_break(self, meta, children: list[Token]) -> SceneBreak:  # type: ignore[no-untyped-def]
        return SceneBreak(_line(meta))

    def _quote(self, tok: Token, closed: bool) -> Quote:
        raw = str(tok)[1:-1] if closed else str(tok)[1:]
        # Verse inside quotation marks (a song, a recited poem) keeps its lines.
        pieces = verses.quote_pieces(raw, (tok.column or 1) + 1, self.conv.line_width)
        if len(pieces) == 1 and isinstance(pieces[0], Verse):
            return Quote(_join_wrapped(raw), closed, tok.line, pieces[0].lines)
        return Quote(_join_wrapped(raw), closed, tok.line, (), pieces)

    def quote(self, children: list[Token]) -> Quote:
        return self._quote(children[0], True)

    def open_quote(self, children: list[Token]) -> Quote:
        return self._quote(children[0], False)

    def single_quote(self, children: list[Token]) -> Part:
        if self.conv.single_quotes:
            return self._quote(children[0], True)
        return Narration(str(children[0]))

    def open_single_quote(self, children: list[Token]) -> Part:
        if self.conv.single_quotes:
            return self._quote(children[0], False)
        return Narration(str(children[0]))

    def narration(self, children: list[Token]) -> Narration:
        return Narration(str(children[0]))

    def paragraph(self, meta, parts: list[Part]) -> Beat:  # type: ignore[no-untyped-def]
        raw = "".join(p.text if isinstance(p, Narration) else "\x00" for p in parts)
        if all(isinstance(p, Narration) for p in parts):
            hum = verses.hummed(raw, self.conv.line_width)
            if hum:  # a tune set in among the narration's lines
                lead, lines, tail = hum
                return Paragraph(tuple(p for p in (Narration(lead), Verse(lines), Narration(tail))
                                       if not isinstance(p, Narration) or p.text), _line(meta))
            if _is_stanza(raw, self.conv.wrap_width, self.conv.line_width):
                return Stanza(tuple(x.strip() for x in raw.split("\n")), _line(meta))
        if len(parts) > 1 and isinstance(parts[0], Narration) and not parts[0].text.strip() \
                and isinstance(parts[1], Quote) and (parts[1].verse or parts[1].pieces):
            parts = parts[1:]  # a poem's set-in first line: the indent is layout
        out: list[Part] = []
        for p in _runs(parts):  # adjacent narration tokens (apostrophes) become one run
            if isinstance(p, Narration):
                text = _join_wrapped(p.text) if "\n" in p.text else p.text
                if p.text[:1].isspace():
                    text = " " + text
                if p.text[-1:].isspace():
                    text = text + " "
                p = Narration(text)
            out.append(p)
        # A quoted term folded into the narration joins the prose around it.
        return Paragraph(tuple(_runs(unspoken(out, Narration, Quote))), _line(meta))


def _runs(parts: list[Part]) -> list[Part]:
    """Adjacent narration parts joined into one."""
    merged: list[Part] = []
    for p in parts:
        if isinstance(p, Narration) and merged and isinstance(merged[-1], Narration):
            merged[-1] = Narration(merged[-1].text + p.text)
        else:
            merged.append(p)
    return merged


def _line(meta) -> int | None:  # type: ignore[no-untyped-def]
    return getattr(meta, "line", None)


def to_beats(tree: Tree) -> list[Beat]:
    """The story as a flat list of beats, in reading order."""
    return _ToBeats(conventions(tree)).transform(tree)
