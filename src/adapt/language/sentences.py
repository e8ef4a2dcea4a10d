"""Narration → sentences and short action paragraphs; where the quotations are."""
from __future__ import annotations

import re
import textwrap
from bisect import bisect_right
from functools import cache

from adapt.language.lexicon import ABBREV, lemmas
from adapt.language.speech_verbs import ENGLISH_LEMMAS as SPEECH_VERBS  # noqa: F401 (the stages' list)

ELLIPSIS = re.compile(r"\.(?:\s?\.){2}")
_ELISIONS = ("em", "tis", "twas", "cause", "til", "n", "round", "bout")
_BOUNDARY = re.compile(r"(\.(?:\s?\.){2,}|[.!?]+)([\"”’')\]]*)(\s+)(?=\S)")


# ---------------------------------------------------------------- quotations
def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1: i + 6].lower()
    return ((before.isspace() or before in "([{—–-\"“") and bool(after[:1])
            and after[0].isalpha() and not after.startswith(_ELISIONS))


def _closes_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not text[i - 1].isspace() and not after.isalnum()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted material, quote marks included.

    An unclosed double quote runs to the end (a speech spanning paragraphs); an
    unclosed single quote is taken for an apostrophe and protects nothing.
    """
    spans: list[tuple[int, int]] = []
    start, closer = -1, ""
    for m in _QUOTE_MARK.finditer(text):  # only quote marks can open or close a span
        i, ch = m.start(), m.group()
        if start < 0:
            if ch in "\"“":
                start, closer = i, "”" if ch == "“" else '"'
            elif ch in "'‘" and _opens_single(text, i):
                start, closer = i, "’" if ch == "‘" else "'"
        elif ch == closer and (closer in "\"”" or _closes_single(text, i)):
            spans.append((start, i + 1))
            start = -1
    if start >= 0 and closer in "\"”":
        spans.append((start, len(text)))
    return spans


_QUOTE_MARK = re.compile("[\"“”'‘’]")


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of ``spans`` (``quoted_spans``: in order, not overlapping)?"""
    k = bisect_right(spans, (pos, _AFTER_ALL)) - 1  # the last span starting at or before pos
    return k >= 0 and pos < spans[k][1]


_AFTER_ALL = float("inf")


# ---------------------------------------------------------------- sentences
def _ends_sentence(text: str, m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    punct, closers = m.group(1), m.group(2)
    if ELLIPSIS.fullmatch(punct) or in_spans(m.start(3), spans):
        return False  # an ellipsis trails off; a stop inside a quotation is the speaker's
    first = text[m.end():m.end() + 1]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'(["):
        return False
    if punct == ".":
        word = _word_before(text, m.start()).lower().lstrip("(\"“'‘")
        if word in ABBREV or _INITIALS.fullmatch(word):
            return False  # "Mr. Darcy", "J. Smith", "e.g. Rome"
    if closers.strip() and punct != ".":  # '"Where?" I ask.' is one sentence
        nxt = _TWO_WORDS.match(text, m.end())
        if nxt and any(lemma in SPEECH_VERBS
                       for lemma in lemmas(nxt.group(2).lower()).get("VERB", ())):
            return False
    return True


_TWO_WORDS = re.compile(r"\W*(\w+)\W+(\w+)")
_INITIALS = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")


def _word_before(text: str, end: int) -> str:
    """What ``re.search(r"(\\S+)$", text[:end])`` finds, or "": the non-space run
    ending at ``end`` (or just before a newline there), without copying the text
    before it (a long paragraph has many sentence ends)."""
    if end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


_CLAUSE_BREAK = re.compile(r"(?<=[;:])\s+")


def sentences(text: str, *, clauses: bool = False) -> list[str]:
    """Split prose into sentences, keeping abbreviations, ellipses and quotations whole.

    The one splitter every stage uses. ``clauses=True`` also cuts at ``;`` and ``:``,
    for readers (scene finding) that want the clause where a move happens, not the
    whole periodic sentence around it.
    """
    key = (text, clauses)
    found = _SPLIT.get(key)
    if found is None:  # the stages split the same paragraphs again and again
        if len(_SPLIT) >= _SPLIT_MAX:
            _SPLIT.clear()
        found = _SPLIT[key] = tuple(_sentences(text, clauses))
    return list(found)


_SPLIT: dict[tuple[str, bool], tuple[str, ...]] = {}
_SPLIT_MAX = 20000  # passages remembered (then forgotten all at once: memory stays bounded)


def _sentences(text: str, clauses: bool) -> list[str]:
    spans = quoted_spans(text)
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _ends_sentence(text, m, spans):
            out.append(text[start: m.start(3)].strip())
            start = m.end()
    tail = text[start:].strip()
    out = out + [tail] if tail else out
    if clauses:
        out = [c for s in out for c in _CLAUSE_BREAK.split(s) if c]
    return out


def short_paragraphs(text: str, max_lines: int = 4, width: int = 60) -> list[str]:
    """Action paragraphs of at most ``max_lines`` lines of ``width`` columns.

    Screenplay action rarely runs past four lines; a long passage is cut at sentence
    boundaries, and a single sentence longer than that at its clauses (``long_sentence``).
    """
    pieces = [s for whole in sentences(" ".join(text.split())) for s in long_sentence(whole, max_lines, width)]
    return _pack(pieces, max_lines, width)


# Where a periodic sentence can be cut: after ; : or a dash, then before a conjunction
# or a relative word that follows a comma.
_CUTS = (re.compile(r"(?<=[;:])\s+(?=\S)"), re.compile(r"\s+[–—]\s+|(?<=\w)—(?=\w)"),
         re.compile(r"(?<=,)\s+(?=(?:and|but|or|yet|so|for|while|whilst|when|though|although|"
                    r"because|then)\b)"))


def long_sentence(sentence: str, max_lines: int = 4, width: int = 60) -> list[str]:
    """A sentence too long for one action paragraph → its clauses as sentences.

    Cut at ``;`` and ``:`` first, then at dashes, then at a comma before a conjunction,
    then at any comma; never inside a quotation. Each piece starts with a capital and
    ends with the stop the cut replaced, so no word is lost and no piece starts mid-
    sentence in lower case.
    """
    if wrapped_lines(sentence, width, max_lines) <= max_lines:
        return [sentence]
    spans = quoted_spans(sentence)
    for cut in _CUTS:
        points = [m for m in cut.finditer(sentence) if not in_spans(m.start(), spans)]
        if not points:
            continue
        pieces, start = [], 0
        for m in points:
            pieces.append(sentence[start:m.start()])
            start = m.end()
        pieces.append(sentence[start:])
        pieces = [p.strip() for p in pieces if p.strip()]
        if len(pieces) < 2:
            continue
        out: list[str] = []
        for piece in _pack(pieces, max_lines, width):
            out.extend(long_sentence(piece, max_lines, width))
        return [_as_sentence(p) for p in out]
    return [sentence]


def wrapped_lines(text: str, width: int, limit: int | None = None) -> int:
    """``len(textwrap.wrap(text, width))``, counted without building the lines; with a
    ``limit``, any count above it may stand for the true one (the caller asks "fits?").

    Words between single spaces wrap greedily, as textwrap wraps them; other text is cut
    into textwrap's own chunks (hyphens, dashes) and counted the way ``_wrap_chunks`` fills
    lines; a chunk wider than a line (which textwrap breaks) goes to textwrap itself.
    """
    plain = text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
    if plain and limit is not None and len(text) + 1 > limit * (width + 1):
        # Each line holds at most ``width`` characters, and a break drops at most the one
        # space it falls on (none at a hyphen or inside a long word).
        return limit + 1
    if plain and "-" not in text:
        if 0 < len(text) <= width:
            return 1
        lines, used = 0, width
        for word in text.split(" ") if text else ():
            n = len(word)
            if n > width:
                break
            if used + 1 + n <= width:
                used += 1 + n
            else:
                lines, used = lines + 1, n
                if limit is not None and lines > limit:
                    return lines  # more lines than asked about: the rest cannot fit
        else:
            return lines
    wrapper = _wrapper(width)
    chunks = wrapper._split_chunks(text)
    if max(map(len, chunks), default=0) > width:
        return len(wrapper._wrap_chunks(chunks))
    lines, i, n = 0, 0, len(chunks)
    while i < n:
        if lines and not chunks[i].strip():
            i += 1  # a line after the first drops the space it would start with
        start, used = i, 0
        while i < n and used + len(chunks[i]) <= width:
            used += len(chunks[i])
            i += 1
        if i > start and (chunks[i - 1].strip() or i - 1 > start):
            lines += 1  # a line of more than the space it would end with
            if limit is not None and lines > limit:
                return lines
    return lines


@cache
def _wrapper(width: int) -> textwrap.TextWrapper:
    return textwrap.TextWrapper(width)


def _pack(pieces: list[str], max_lines: int, width: int) -> list[str]:
    """Join neighbouring sentences or clauses while they fit in one paragraph."""
    out: list[str] = []
    for p in pieces:
        joined = f"{out[-1]} {p}" if out else p
        if out and wrapped_lines(joined, width, max_lines) <= max_lines:
            out[-1] = joined
        else:
            out.append(p)
    return out


def _as_sentence(piece: str) -> str:
    """A clause cut from its sentence, as a sentence: capital first, a stop last."""
    piece = piece.strip(" ,;:–—")
    if piece[:1].islower():
        piece = piece[:1].upper() + piece[1:]
    if not re.search(r"[.!?…][\"”’')\]]*$", piece):
        piece = piece + "."
    return piece


_AND_CLAUSE = re.compile(r",\s+(?:and|but|then|while)\s+|;\s+")


def clauses(sentence: str) -> list[str]:
    """A sentence cut at ", and", ", but", ", then", ", while" and semicolons."""
    return [c for c in _AND_CLAUSE.split(sentence) if c.strip()]


def last_clause(sentence: str) -> str:
    """"…, and Lucy poured out hers to her cousin." → "Lucy poured out hers to her cousin.":
    the subject of the last clause is the one who acts last, just before the speech."""
    return _AND_CLAUSE.split(sentence)[-1]
