"""Laid-out blocks → pages, by the industry's page-break rules (PDF stage 2).

The rules a reader of scripts expects: a scene heading or character cue never ends a
page; a transition never starts one; action and speeches split only with two lines
either side, preferably at a sentence end; a split speech ends with ``(MORE)`` and
resumes under ``NAME (CONT'D)``; dual dialogue stays whole.
"""
from __future__ import annotations

from dataclasses import dataclass

from adapt.inline import runs
from adapt.model import Screenplay, TitlePage
from adapt.writers._pdf_blocks import Block, Line, PdfSettings, Segment, blocks, wrap

Page = tuple[Line, ...]
"""A page's body lines, top to bottom, at most ``lines_per_page`` of them."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything the renderer draws, already placed on the character grid."""

    title: Page | None
    """The title page, or None when the script has no printable title fields."""
    pages: tuple[Page, ...]
    """Body pages; the renderer numbers them from 1 (page 1 shows no number)."""


def layout(doc: Screenplay, s: PdfSettings) -> Layout:
    """Place the whole script on pages."""
    return Layout(_title_page(doc.title, s), _paginate(blocks(doc.elements, s), s))


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
        if b.breaks:
            lead[i] = min(b.breaks) + (1 if b.more is not None else 0)
        else:
            lead[i] = len(b.lines) + _follow(bs, lead, i)
    return lead


def _follow(bs: list[Block], lead: list[int], i: int) -> int:
    if bs[i].keep_with_next and i + 1 < len(bs) and not bs[i + 1].page_break:
        return bs[i + 1].space + lead[i + 1]
    return 0


def _pick(breaks: frozenset[int], preferred: frozenset[int], most: int) -> int:
    """The latest legal split that fits, at a sentence end when there is one."""
    fits = [k for k in breaks if k <= most]
    nice = [k for k in fits if k in preferred]
    return max(nice or fits, default=0)


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
        lines, breaks, preferred = list(b.lines), b.breaks, b.preferred
        extra = [b.more] if b.more is not None else []
        while True:
            cur = pages[-1]
            gap = b.space if cur else 0
            room = size - len(cur) - gap
            if len(lines) + follow <= room:
                cur += [()] * gap + lines
                break
            k = _pick(breaks, preferred, room - len(extra))
            if k:
                cur += [()] * gap + lines[:k] + extra
                pages.append([])
                lines = list(b.contd) + lines[k:]
                shift = len(b.contd) - k
                # The rest must again keep two lines before any further split.
                breaks = frozenset(j + shift for j in breaks if j - k >= 2)
                preferred = frozenset(j + shift for j in preferred if j - k >= 2)
            elif cur:
                pages.append([])  # move the whole block (and what it keeps with) over
            elif len(lines) <= size:
                cur += lines  # the keep-with chain cannot fit any page: keep the text
                break
            else:
                # Taller than a page with no legal split (dual dialogue, a huge heading):
                # cut where the page ends rather than lose or overprint text.
                cur += lines[:size]
                pages.append([])
                lines, breaks, preferred = lines[size:], frozenset(), frozenset()
    return tuple(tuple(p) for p in pages if p)


_CENTERED_KEYS = ("Title", "Credit", "Author", "Authors", "Source")
_LOWER_KEYS = ("Draft date", "Contact", "Copyright")


def _title_page(tp: TitlePage, s: PdfSettings) -> Page | None:
    """Title and credits centred a third of the way down; dates and contact lower left.

    This is the Fountain spec's recommendation; other keys (Format, Notes...) are
    metadata and are not printed.
    """
    def group(keys: tuple[str, ...], center: bool) -> list[Line]:
        out: list[Line] = []
        for key in keys:
            value = tp.get(key)
            if value is None or not value.strip():
                continue
            if out:
                out.append(())
            for piece in wrap(runs(value.strip("\n")), s.width):
                room = s.width - sum(len(r.text) for r in piece)
                out.append((Segment(room // 2 if center else 0, piece),) if piece else ())
        return out

    top, bottom = group(_CENTERED_KEYS, True), group(_LOWER_KEYS, False)
    if not top and not bottom:
        return None
    size = s.lines_per_page
    start = max(0, min(size // 3, size - len(bottom) - len(top) - 1))
    body: list[Line] = [()] * start + top
    body += [()] * max(1 if top and bottom else 0, size - len(bottom) - len(body))
    return tuple(body + bottom)
