"""Laid-out blocks → pages, by the industry's page-break rules (PDF stage 2).

The rules a reader of scripts expects: a scene heading or character cue never ends a
page; a transition never starts one; action and speeches split only with two lines
either side, and at a sentence end (mid-line if need be, re-wrapping the rest) unless
the block would otherwise leave a heading stranded or fill a page alone; a split speech
ends with ``(MORE)`` and resumes under ``NAME (CONT'D)``; dual dialogue stays whole.
"""
from __future__ import annotations

from dataclasses import dataclass

from adapt.inline import runs
from adapt.model import Screenplay, TitlePage
from adapt.writers.pdf.blocks import (
    MID_SENTENCE_END,
    SENTENCE_END,
    Block,
    Line,
    Segment,
    blocks,
    place,
    wrap,
)
from adapt.writers.pdf.cells import cells
from adapt.writers.pdf.rest import Rest, skip_spaces
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
                if after >= 2 or ix.lines_at_least(q, skip_spaces(text, end), 2 - after):
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
    start = nxt[1] if at == e and nxt is not None and nxt[0] == q else skip_spaces(text, at)
    return head, Rest(b, ix, q, start)


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
