"""Laid-out blocks → pages, by the industry's page-break rules (PDF stage 2).

The rules a reader of scripts expects: a scene heading or character cue never ends a
page; a transition never starts one; action and speeches split only with two lines
either side, and at a sentence end (mid-line if need be, re-wrapping the rest) unless
the block would otherwise leave a heading stranded or fill a page alone; a split speech
ends with ``(MORE)`` and resumes under ``NAME (CONT'D)``; dual dialogue stays whole.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from adapt.inline import Run, runs
from adapt.model import Screenplay, TitlePage
from adapt.writers.pdf.blocks import (
    MID_SENTENCE_END,
    SENTENCE_END,
    Block,
    Line,
    Piece,
    Segment,
    blocks,
    piece_lines,
    place,
    slices,
    wrap,
    wrap_from,
)
from adapt.writers.pdf.cells import cells
from adapt.writers.pdf.settings import PdfSettings

Page = tuple[Line, ...]
"""A page's body lines, top to bottom, at most ``lines_per_page`` of them."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything the renderer draws, already placed on the character grid."""

    title: Page | None
    """The title page, or None when the script has no printable title fields."""
    pages: tuple[Page, ...]
    """Body pages; the renderer numbers them from 1 (page 1 shows no number)."""
    title_more: tuple[Page, ...] = ()
    """Where the title page's text runs past one page, the pages it goes on to."""


def layout(doc: Screenplay, s: PdfSettings) -> Layout:
    """Place the whole script on pages."""
    title = _title_pages(doc.title, s)
    return Layout(title[0] if title else None, _paginate(blocks(doc.elements, s), s), title[1:])


def _leads(bs: list[Block]) -> list[int]:
    """Lines each block needs together at the top of its placement.

    A splittable block needs only its first legal chunk; an unsplittable one needs
    all of itself plus, when it must not end a page, the lead of what follows.
    Computed back to front so chains (heading, short action, transition) add up.
    """
    lead = [0] * len(bs)
    for i in reversed(range(len(bs))):
        b = bs[i]
        if b.page_break:
            continue
        first = _first(b)
        if first is not None:
            lead[i] = first + (1 if b.more is not None else 0)
        else:
            lead[i] = len(b.lines) + _follow(bs, lead, i)
    return lead


def _follow(bs: list[Block], lead: list[int], i: int) -> int:
    if bs[i].keep_with_next and i + 1 < len(bs) and not bs[i + 1].page_break:
        return bs[i + 1].space + lead[i + 1]
    return 0


def _fixed(b: Block) -> int:
    """Lines at the top of a block that never end a page on their own (the cue)."""
    n = 0
    while n < len(b.spans) and b.pieces[b.spans[n][0]].kind == "cue":
        n += 1
    return n


def _first(b: Block) -> int | None:
    """The shortest legal first part of a split, or None when the block cannot split."""
    n, fixed = len(b.lines), _fixed(b)
    if len(b.spans) < n:
        return None  # dual dialogue: two columns side by side never split
    return next((k for k in range(fixed + 2, n - 1)
                 if b.pieces[b.spans[k - 1][0]].kind in _SPLITS), None)


_SPLITS = ("speech", "text")


def split(r: Rest, room: int, any_line: bool) -> tuple[list[Line], Rest] | None:
    """The first part of what is left of a block that best fills ``room`` lines, and the
    rest.

    Legal: at least two lines of speech or text above the split (after the cue) and
    two lines below it, never right after a cue or a wryly. Preferred: the latest
    sentence end, even mid-line (the rest of that speech or paragraph is re-wrapped on
    the next page, as screenwriting software does). With ``any_line`` a split may fall
    mid-sentence when no sentence end fits. Reads only the lines a page can hold, so a
    long block costs its length once, not once a page.
    """
    b, ix = r.block, r.index
    fixed = r.fixed()
    most = room - (1 if b.more is not None else 0)
    best: tuple[int, int] | None = None  # (line, offset of the rest in that line's piece)
    fallback: tuple[int, int] | None = None
    i = fixed + 1
    while i < most and r.has(i + 1):  # the first part is lines[:i] + part of line i
        q, a, e = r.span(i)
        p = ix.piece(q)
        i += 1
        if p.kind not in _SPLITS:
            continue
        text = ix.text(q)
        after = len(b.lines) - 1 - ix.last[q]  # lines of later pieces
        if p.align == "left":
            for end in r.ends(MID_SENTENCE_END, q, a, e):
                if after >= 2 or ix.lines_at_least(q, _skip_spaces(text, end), 2 - after):
                    best = (i - 1, end)
        if r.has(i + 2):  # two lines below line i - 1
            if e == len(text) or r.ends(SENTENCE_END, q, a, e):
                best = (i - 1, e)
            fallback = (i - 1, e)
    chosen = best or (fallback if any_line else None)
    if chosen is None:
        return None
    i, at = chosen
    q, a, e = r.span(i)
    p = ix.piece(q)
    head = r.lines(0, i) + [place(p, ix.cut(q, a, at), first=a == 0)]
    if b.more is not None:
        head.append(b.more)
    # The rest of this piece starts where its next line would (or after the spaces).
    nxt = r.span(i + 1) if r.has(i + 2) else None
    text = ix.text(q)
    start = nxt[1] if at == e and nxt is not None and nxt[0] == q else _skip_spaces(text, at)
    return head, Rest(b, ix, q, start)


_NEWLINE = re.compile("\n")


def _skip_spaces(text: str, at: int) -> int:
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


def _paginate(bs: list[Block], s: PdfSettings) -> tuple[Page, ...]:
    size = s.lines_per_page
    lead = _leads(bs)
    pages: list[list[Line]] = [[]]
    for i, b in enumerate(bs):
        if b.page_break:
            if pages[-1]:
                pages.append([])
            continue
        follow = _follow(bs, lead, i)
        if not b.pieces and len(b.lines) + follow > size:
            follow = 0  # an unsplittable chain no page can hold: keep what can be kept
        # What must stay with this block's start (a heading) was placed counting on a
        # split of it; elsewhere a block moves whole rather than split mid-sentence.
        pinned = i > 0 and bs[i - 1].keep_with_next
        r = Rest(b)
        while True:
            cur = pages[-1]
            gap = r.space if cur else 0
            room = size - len(cur) - gap
            if not r.has(room - follow + 1):
                cur += [()] * gap + r.lines()
                break
            parts = split(r, room, any_line=pinned or not cur) if r.splits else None
            if parts is not None:
                cur += [()] * gap + parts[0]
                pages.append([])
                r, pinned = parts[1], False
            elif cur:
                pages.append([])  # move the whole block (and what it keeps with) over
            elif not r.has(size + 1):
                cur += r.lines()  # the keep-with chain cannot fit any page: keep the text
                break
            else:
                # Taller than a page with no legal split (dual dialogue, a huge heading):
                # cut where the page ends rather than lose or overprint text.
                cur += r.lines(0, size)
                pages.append([])
                r = r.drop(size)
    return tuple(tuple(p) for p in pages if p)


_CENTERED_KEYS = ("Title", "Credit", "Author", "Authors", "Source")
_LOWER_KEYS = ("Draft date", "Contact", "Copyright")


def _title_pages(tp: TitlePage, s: PdfSettings) -> tuple[Page, ...]:
    """Title and credits centred on the paper a third of the way down; dates, contact
    and copyright lower left. More than a page of them (a long contact block) goes on
    to further pages rather than off the bottom of the paper.

    This is the Fountain spec's recommendation; other keys (Format, Notes...) are
    metadata and are not printed. The title stands three lines clear of the credits.
    """
    # Centred on the paper, not on the text area (which sits 1.5 in from the left edge).
    box = max(8, int(s.page_width - 2 * s.left_margin))

    def group(keys: tuple[str, ...], center: bool) -> list[Line]:
        out: list[Line] = []
        gap = 1
        for key in keys:
            value = tp.get(key)
            if value is None or not value.strip():
                continue
            out += [()] * (gap if out else 0)
            gap = 3 if key == "Title" else 1
            for piece in wrap(runs(value.strip("\n")), box if center else s.width):
                room = box - sum(cells(r.text) for r in piece)
                out.append((Segment(room // 2 if center else 0, piece),) if piece else ())
        return out

    top, bottom = group(_CENTERED_KEYS, True), group(_LOWER_KEYS, False)
    if not top and not bottom:
        return ()
    size = s.lines_per_page
    start = max(0, min(size // 3, size - len(bottom) - len(top) - 1))
    body: list[Line] = [()] * start + top
    body += [()] * max(1 if top and bottom else 0, size - len(bottom) - len(body))
    lines = body + bottom
    pages = []
    while lines:
        pages.append(tuple(lines[:size]))
        lines = lines[size:]
        while lines and not lines[0]:
            lines = lines[1:]  # a page goes on with text, not blank lines
    return tuple(pages)
