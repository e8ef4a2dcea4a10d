"""Chapter structure over the story's beats: chapter headings in their common shapes, front matter.

The grammar reads the clean shapes ("CHAPTER I.", "IV", "Chapter 3" alone as a block);
this pass, over the whole story's beats, catches what a block-level grammar cannot
tell alone: a heading indented or run into its title lines, a bare number, a title on
the line after a number, titles in capitals standing alone when the story is divided
only by them, and the front matter before the first chapter (the title, the author's
byline, a subtitle or dedication), which a script keeps off its pages.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from adapt.read.beats import Beat, Heading, Paragraph, Stanza

_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty first second third fourth fifth "
          "sixth seventh eighth ninth tenth last")
_NUMBER = rf"(?:[IVXLCDM]+|\d{{1,3}}|(?i:{'|'.join(_WORDS.split())}))"
_KEY = (r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|VOL\.|Vol\.|STAVE|Stave|"
        r"CANTO|Canto|SECTION|Section)")
# "CHAPTER IV.", "Chapter 3: The Storm", "PART TWO", "12.", "XII — The Storm": a label, then
# maybe a title after a separator (or, after a keyword, after a space).
_LABEL = re.compile(rf"^(?P<label>{_KEY}\s+{_NUMBER}\b\.?|{_NUMBER}\b\.?)"
                    r"(?:(?P<sep>\s*[.:—–-]\s*|\s+)(?P<title>[A-Z\d\"“'‘(].*))?$")
_KEYWORD = re.compile(rf"^{_KEY}\s")
_SENTENCE_END = re.compile(r"[,;!?]$|[a-z]{2}\.$")


@dataclass(frozen=True, slots=True)
class Structure:
    """The story's beats with its chapter structure read, and what stood before chapter one."""

    beats: list[Beat]
    """The story: chapter headings as ``Heading`` beats, front matter taken out."""
    title: str | None = None
    """The title the front matter opens with (when the first line did not already give it)."""
    author: str | None = None
    """The author a byline names ("By Jane Austen" → "Jane Austen")."""
    front: tuple[str, ...] = ()
    """The rest of the front matter (subtitle, date, dedication), one string per block."""


def structure(beats: Sequence[Beat], *, titled: bool = False) -> Structure:
    """Chapter headings found and the front matter set apart (see the module docstring).

    ``titled``: the story's title is already known, so the front matter gives none.
    """
    out = _titles_after_labels(_labels(beats))
    if not any(isinstance(b, Heading) for b in out):
        out = _capital_titles(out)
    return _front_matter(out, titled)


def _text(b: Beat) -> str | None:
    """A block's words when it could be a heading: no quotation in it, a few lines at most."""
    if isinstance(b, Stanza):
        return " ".join(x.strip() for x in b.lines) if len(b.lines) <= 3 else None
    if isinstance(b, Paragraph) and not b.quotes:
        return " ".join(b.narration.split())
    return None


def _is_title(text: str, *, strict: bool = False) -> bool:
    """Words that read as a title: short, capitalised, not a sentence."""
    words = text.split()
    limit = 12 if strict else 45 if text.isupper() else 30  # Dickens's titles run long
    if not words or len(words) > limit or _SENTENCE_END.search(text):
        return False
    if text.upper() == text:
        return bool(re.search(r"[A-Z]{2}", text))
    long = [w for w in words if len(w.strip("'\"(),.:;-")) >= 4]
    return bool(long) and sum(w[:1].isupper() for w in long) >= len(long) * 0.7


def _labels(beats: Sequence[Beat]) -> list[Beat]:
    """Blocks that are chapter headings the grammar could not see (indented, run into titles)."""
    out: list[Beat] = []
    for b in beats:
        text = _text(b)
        m = _LABEL.match(text) if text and len(text.split()) <= 50 else None
        if m and text is not None and _labelled(m, text):
            out.append(Heading(text, getattr(b, "line", None)))
        else:
            out.append(b)
    return out


def _labelled(m: re.Match[str], text: str) -> bool:
    """A label alone, or with a title; "12 Angry Men" (no keyword, no separator) is no heading."""
    if m.group("title") is None:
        return True
    spaced = not m.group("sep").strip() and not m.group("label").endswith(".")
    return _is_title(m.group("title")) and (bool(_KEYWORD.match(text)) or not spaced)


def _titles_after_labels(beats: list[Beat]) -> list[Beat]:
    """"IV" then "THE STORM" on the next block: one heading, "IV. THE STORM"."""
    out: list[Beat] = []
    for b in beats:
        last = out[-1] if out else None
        text = _text(b)
        if isinstance(last, Heading) and text and _bare(last.text) and _is_title(text, strict=True):
            sep = " " if last.text.endswith((".", ":")) else ". "
            out[-1] = replace(last, text=last.text + sep + text)
        else:
            out.append(b)
    return out


def chapter_title(heading: str) -> str | None:
    """The title a chapter heading carries: "CHAPTER IV. The Storm" → "The Storm"."""
    m = _LABEL.match(heading)
    if m is None:
        return heading if _is_title(heading) else None  # a title alone ("THE STORM")
    return m.group("title")


def _bare(heading: str) -> bool:
    m = _LABEL.match(heading)
    return bool(m and m.group("title") is None)


def _capital_titles(beats: list[Beat]) -> list[Beat]:
    """A story divided only by titles in capitals alone on a line ("THE STORM"), two or more."""
    def caps(k: int, b: Beat) -> bool:
        text = _text(b)
        return bool(k and text and isinstance(b, Paragraph) and len(text.split()) <= 8
                    and text.upper() == text and re.search(r"[A-Z]{2}", text)
                    and not re.search(r"[,;:!?.]$", text)
                    and not re.fullmatch(r"(?:THE )?END", text))
    found = [k for k, b in enumerate(beats) if caps(k, b)]
    if len(found) < 2:
        return beats
    out = list(beats)
    for k in found:
        out[k] = Heading(_text(out[k]) or "", getattr(out[k], "line", None))
    return out


_DEDICATION = re.compile(r"^(?:to|for|dedicated to|dedication)\b(?:\s+\S+){0,7}$", re.I)
_BY = re.compile(r"^by\s+(?P<name>[A-Z][\w.'’ -]{1,60})$|^(?P<bare>by)$", re.I)


def _front_matter(beats: list[Beat], titled: bool) -> Structure:
    """Before chapter one: a short run of lines that are not the story (title, byline...)."""
    first = next((k for k, b in enumerate(beats) if isinstance(b, Heading)), None)
    if not first:
        return Structure(beats)
    texts = [_text(b) for b in beats[:first]]
    # A dedication may carry a poem; otherwise long blocks are a prologue, the story itself.
    dedicated = any(t and _DEDICATION.match(t) for t in texts)
    if any(t is None or len(t.split()) > (300 if dedicated else 80) for t in texts) or \
            sum(len(t.split()) for t in texts if t) > (1000 if dedicated else 400):
        return Structure(beats)
    words = [t for t in texts if t]
    title: str | None = None
    author: str | None = None
    front: list[str] = []
    after_by = False
    for k, text in enumerate(words):
        by = _BY.match(text)
        if by and by.group("name") and not author:
            author = _name(by.group("name"))
        elif by and by.group("bare") and k + 1 < len(words) and _is_title(words[k + 1], strict=True):
            after_by = True  # "by" alone: the name is the next block
            continue
        elif after_by and not author:
            author = _name(text)
        elif k == 0 and not titled and _is_title(lines := _lines(beats[0])[0], strict=True):
            title = lines
            front.extend(_lines(beats[0])[1:])
        else:
            front.append(text)
        after_by = False
    return Structure(beats[first:], title, author, tuple(front))


def _lines(b: Beat) -> list[str]:
    return [x.strip() for x in b.lines] if isinstance(b, Stanza) else [_text(b) or ""]


def _name(text: str) -> str:
    """"PAUL LAURENCE DUNBAR" → "Paul Laurence Dunbar"; "E. M. Forster" stays."""
    text = " ".join(text.strip(" .,").split())
    return text.title() if text.isupper() else text
