"""Reading, second look: beats whose meaning depends on their neighbours (verse inside a speech, song titles).

Two calls the Transformer cannot make paragraph by paragraph:

- a stanza standing between two paragraphs of one speech (the speech runs on before
  it, and goes on after it or closes on it) is the speaker's verse, not a song the
  scene plays: it becomes a quotation that continues the speech;
- a song's title in quotation marks right after the words that name it ("sang 'The
  Ash Grove'", "the old tune "Barbara Allen"") is a title, not a speech: it stays in
  the narration.
"""
from __future__ import annotations

import re
from typing import TypeVar

from adapt.read.beats import Beat, Narration, Paragraph, Quote, Stanza

T = TypeVar("T")

_MARKS = "\"“”'‘’"
# Words that name a song right before its title.
_NAMES_SONG = re.compile(
    r"\b(?:sang|sing|sings|singing|sung|hummed|hums|humming|whistled|whistles|whistling|played|plays|playing"
    r"|struck\s+up|strikes\s+up|striking\s+up|(?:song|tune|ballad|hymn|carol|ditty|lullaby|anthem)"
    r"(?:\s+(?:called|named|entitled))?)\s*,?\s*$", re.I)


def settle(beats: list[Beat]) -> list[Beat]:
    """The beats with verse inside speeches joined to them (before attribution)."""
    out = list(beats)
    for k in range(1, len(out)):
        verse = _verse_of(out[k])
        if verse is None or not _runs_on(out[k - 1]):
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        goes_on = isinstance(nxt, Paragraph) and isinstance(nxt.parts[0], Quote)
        marked = _marked(out[k])
        if not (goes_on or marked):
            continue  # an unclosed quotation, then a song: keep the song apart
        lines = _unquoted(verse)
        out[k] = Paragraph((Quote(" ".join(lines), not goes_on, _line(out[k]), lines),), _line(out[k]))
    return out


def _runs_on(b: Beat) -> bool:
    return isinstance(b, Paragraph) and isinstance(b.parts[-1], Quote) and not b.parts[-1].closed


def _verse_of(b: Beat) -> tuple[str, ...] | None:
    """The lines of a verse beat: a stanza, or verse that kept a stray closing mark."""
    if isinstance(b, Stanza):
        return b.lines
    if isinstance(b, Paragraph) and len(b.parts) >= 2 and all(
            isinstance(p, Narration) for p in b.parts[:-1]) and isinstance(b.parts[-1], Quote) \
            and not b.parts[-1].text.strip():
        # "    'The tide comes in...'" then the speech's closing mark: a quotation ended on the verse.
        text = "".join(p.text for p in b.parts[:-1] if isinstance(p, Narration))
        lines = tuple(x.strip() for x in text.split("\n") if x.strip())
        if len(lines) >= 2 and max(len(x) for x in lines) <= 64:
            return lines
    return None


def _marked(b: Beat) -> bool:
    """The verse carries quotation marks of its own (nested quotes, a closing mark)."""
    if isinstance(b, Stanza):
        return b.lines[0][:1] in _MARKS or b.lines[-1][-1:] in _MARKS
    return True


def _unquoted(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The nested quote marks around a song sung inside a speech are layout in a script."""
    first, last = lines[0], lines[-1]
    if first[:1] in "'‘\"“" and last.rstrip(" .,")[-1:] in "'’\"”":
        first = first[1:]
        last = last.rstrip()
        last = last[:-1] if last[-1:] in "'’\"”" else last
        last = last[:-1] if last[-1:] in "'’" else last
    if len(lines) == 1:
        return (first,)
    return (first, *lines[1:-1], last)


def song_titles(beats: list[Beat], speakers: dict[tuple[int, int], T]) -> tuple[list[Beat], dict[tuple[int, int], T]]:
    """Song titles in quotation marks folded into the narration, and the speakers of the
    quotations that remain under their new places. Done after attribution, so a title
    taken for a speech does not shift the turn-taking around it."""
    out = list(beats)
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    for bi, b in enumerate(beats):
        if not isinstance(b, Paragraph):
            continue
        folded, where = _titles_in_narration(b)
        if folded is not b:
            out[bi] = folded
            moved.update({(bi, i): (bi, j) for i, j in where.items()})
    if not moved:
        return out, speakers
    changed = {bi for bi, _ in moved}
    kept = {k: v for k, v in speakers.items() if k[0] not in changed}
    kept.update({moved[k]: v for k, v in speakers.items() if k in moved})
    return out, kept


def _titles_in_narration(b: Paragraph) -> tuple[Paragraph, dict[int, int]]:
    """The paragraph with its title quotations in the narration; old → new part index."""
    parts: list[tuple[int, object]] = list(enumerate(b.parts))
    k = 1
    changed = False
    while k < len(parts):
        q, before = parts[k][1], parts[k - 1][1]
        if isinstance(q, Quote) and q.closed and isinstance(before, Narration) \
                and _NAMES_SONG.search(before.text) and _is_title(q.text):
            nxt = parts[k + 1][1] if k + 1 < len(parts) else None
            after = nxt.text if isinstance(nxt, Narration) else ""
            joined = Narration(before.text + "\u201c" + q.text + "\u201d" + after)
            parts[k - 1:k + 2 if isinstance(nxt, Narration) else k + 1] = [(-1, joined)]
            changed = True
            continue
        k += 1
    if not changed:
        return b, {}
    where = {old: new for new, (old, _) in enumerate(parts) if old >= 0}
    return Paragraph(tuple(p for _, p in parts), b.line), where  # type: ignore[misc]


def _is_title(text: str) -> bool:
    """'The Ash Grove', 'Barbara Allen': a few words, capitalised, no sentence."""
    words = text.strip().rstrip(",").split()
    if not 1 <= len(words) <= 6 or re.search(r"[.!?;:]$", text.strip()) or not words[0][:1].isupper():
        return False
    major = [w for w in words if len(w) > 3]
    return all(w[:1].isupper() for w in major)


def _line(b: Beat) -> int | None:
    return getattr(b, "line", None)
