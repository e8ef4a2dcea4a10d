"""What is left of a block after a page ends inside it: its lines wrapped once, re-wrapped
only from the cut until the new wrap meets a line start the old one had (linear pagination)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import islice

from adapt.inline import Run
from adapt.writers.pdf.blocks import (
    Block,
    Line,
    Piece,
    piece_lines,
    place,
    slices,
    wrap_from,
)


_NEWLINE = re.compile("\n")


def skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


class _Index:
    """What splitting a block needs about its pieces, worked out once per block."""

    def __init__(self, b: Block) -> None:
        self.block = b
        self.texts: dict[int, str] = {}
        self.last: dict[int, int] = {}  # piece → its last line
        for k, (q, _, _) in enumerate(b.spans):
            self.last[q] = k
        self._starts: dict[int, dict[int, int]] = {}
        self._ends: dict[int, list[int]] = {}
        self._offsets: dict[int, list[int]] = {}
        self._contd: list[tuple[Line, int, int, int]] | None = None

    @property
    def contd(self) -> list[tuple[Line, int, int, int]]:
        """The resumed cue's lines; its pieces are numbered -1, -2..."""
        if self._contd is None:
            self._contd = [(line, -1 - j, a, e) for j, p in enumerate(self.block.contd)
                           for line, a, e in piece_lines(p)]
        return self._contd

    def piece(self, q: int) -> Piece:
        return self.block.pieces[q] if q >= 0 else self.block.contd[-1 - q]

    def text(self, q: int) -> str:
        if q not in self.texts:
            self.texts[q] = "".join(r.text for r in self.piece(q).runs)
        return self.texts[q]

    def starts(self, q: int) -> dict[int, int]:
        """Where each of the block's own lines of piece ``q`` starts → that line."""
        if q not in self._starts:
            self._starts[q] = {a: k for k, (p, a, _) in enumerate(self.block.spans) if p == q}
        return self._starts[q]

    def hard_end(self, q: int, at: int) -> int:
        """The end of the piece's ``\\n``-separated line holding offset ``at``."""
        if q not in self._ends:
            text = self.text(q)
            self._ends[q] = [m.start() for m in _NEWLINE.finditer(text)] + [len(text)]
        ends = self._ends[q]
        return ends[bisect_left(ends, at)]

    def lines_at_least(self, q: int, at: int, need: int) -> bool:
        """Does the piece from ``at`` on wrap to at least ``need`` (<= 2) lines?"""
        end = self.hard_end(q, at)
        if need <= 0 or end < len(self.text(q)):
            return True  # another hard line follows: that is two
        return sum(1 for _ in islice(wrap_from(self.text(q), at, end, self.piece(q).width),
                                     need)) >= need

    def cut(self, q: int, a: int, b: int) -> tuple[Run, ...]:
        """The runs of piece ``q`` showing characters ``a`` to ``b``."""
        runs_ = self.piece(q).runs
        if q not in self._offsets:
            offs, at = [], 0
            for run in runs_:
                offs.append(at)
                at += len(run.text)
            self._offsets[q] = offs
        k = max(0, bisect_right(self._offsets[q], a) - 1)
        return slices(runs_, [(a, b)], k, self._offsets[q][k])[0]


class Rest:
    """What is left of a block to place: lines made afresh (the resumed cue and the rest
    of the piece the last page ended in, wrapped again only as far as it is read, and
    only until that wrap meets one of the block's own lines), then the block's own
    lines from there on."""

    def __init__(self, b: Block, ix: _Index | None = None, piece: int | None = None,
                 start: int = 0) -> None:
        self.block, self._index = b, ix
        self.space = b.space if piece is None else 0
        self.splits = bool(b.pieces)
        self.head: list[tuple[Line, int, int, int]] = []
        self.at = 0  # the block's own lines, from here on, follow the head
        self.origin = (piece, start)  # where the cut piece's text now starts
        self._more: Iterator[tuple[Line, int, int, int]] | None = None
        if piece is not None:
            self.head = list(self.index.contd)
            if start < len(self.index.text(piece)):
                self._more = self._rewrap(piece, start)
            else:
                self.at = self.index.last[piece] + 1

    @property
    def index(self) -> _Index:
        if self._index is None:
            self._index = _Index(self.block)
        return self._index

    def _rewrap(self, q: int, start: int) -> Iterator[tuple[Line, int, int, int]]:
        ix = self.index
        text, p, own = ix.text(q), ix.piece(q), ix.starts(q)
        end = ix.hard_end(q, start)
        for a, e in wrap_from(text, start, end, p.width):
            if a in own:  # from here the block's own lines are the same lines
                self.at = own[a]
                return
            yield place(p, ix.cut(q, a, e), first=False), q, a, e
        self.at = own[end + 1] if end < len(text) else ix.last[q] + 1

    def has(self, k: int) -> bool:
        """Are there at least ``k`` lines?"""
        while len(self.head) < k and self._more is not None:
            line = next(self._more, None)
            if line is None:
                self._more = None
            else:
                self.head.append(line)
        return len(self.head) + len(self.block.lines) - self.at >= k

    def span(self, i: int) -> tuple[int, int, int]:
        """(piece, start, end) of line ``i``; the piece's offsets are its whole text's."""
        self.has(i + 1)
        if i < len(self.head):
            return self.head[i][1:]
        return self.block.spans[self.at + i - len(self.head)]

    def lines(self, lo: int = 0, hi: int | None = None) -> list[Line]:
        """Lines ``lo`` to ``hi`` (default: to the end)."""
        while self._more is not None and (hi is None or len(self.head) < hi):
            self.has(len(self.head) + 1)
        own = self.block.lines
        head = [line for line, _, _, _ in self.head[lo:hi]]
        first = self.at + max(0, lo - len(self.head))
        last = len(own) if hi is None else self.at + max(0, hi - len(self.head))
        return head + list(own[first:last])

    def fixed(self) -> int:
        """Lines at the top that never end a page on their own (the cue)."""
        ix, n = self.index, 0
        while self.has(n + 1) and ix.piece(self.span(n)[0]).kind == "cue":
            n += 1
        return n

    def ends(self, pattern: re.Pattern[str], q: int, a: int, e: int) -> list[int]:
        """Where ``pattern`` matches in line ``a..e`` of piece ``q``, as the text the
        page breaker saw there (it starts where the piece was last cut)."""
        text = self.index.text(q)
        origin = self.origin[1] if self.origin[0] == q else 0
        if a - origin >= 8:  # look-behinds reach a few characters back
            return [m.end() for m in pattern.finditer(text, a, e)]
        return [origin + m.end() for m in pattern.finditer(text[origin:e], a - origin)]

    def drop(self, k: int) -> Rest:
        """All but the first ``k`` lines, never to split (cut where a page ended)."""
        made = bool(self.head) or self._more is not None
        lines = tuple(self.lines()) if made else self.block.lines
        rest = Rest(Block(lines, 0, keep_with_next=self.block.keep_with_next))
        rest.at = k if made else self.at + k
        return rest
