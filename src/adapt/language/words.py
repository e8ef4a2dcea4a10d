"""Narration → word tokens that know their sentence, clause and quotation.

The rewriters change words in place: ``tokens`` keeps every character, so
joining the tokens (with some replaced) rebuilds the passage exactly.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from adapt.language.lexicon import ABBREV, ADVERBS, CLAUSE_WORDS, lemmas, match_case
from adapt.language.sentences import ELLIPSIS

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\s+|\.(?:\s?\.){2}|.", re.S)
_WORDLIKE = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class Word:
    """One word token with the context the rules look at."""

    k: int  # index into the token list
    text: str
    low: str  # lower case, straight apostrophe
    prot: bool  # inside quoted material
    before: str  # the non-word tokens since the previous word
    sent_start: bool
    clause_start: bool
    sent: int  # sentence number within the passage


_STOP = re.compile(r"[.!?]")
_PAUSE = re.compile(r"[,;:—–(]")
_COMMA = re.compile(r"[,;]")
_TIME_NOUNS = {"time", "moment", "instant", "minute"}
_TIME_DETS = {"the", "every", "each", "next", "first", "last"}
"""A clause may follow these with no conjunction: "by the time the ferry reached the island"."""


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def words(toks: list[str], spans: list[tuple[int, int]]) -> list[Word]:
    # A letter starts a word (ASCII letters are the only ASCII ones _WORDLIKE takes); the
    # rest are the gaps between words (one space, mostly): the loop goes word to word.
    starts = [k for k, tok in enumerate(toks) if tok[0].isalpha() or (tok[0] >= "\x80" and _WORDLIKE.match(tok))]
    inside = _inside(toks, spans) if spans else None
    out: list[Word] = []
    append = out.append
    new = object.__new__  # each slot set below: a third of what calling ``Word`` costs
    prev: Word | None = None
    last = -1  # the previous word's token
    for k in starts:
        gap = "" if k == last + 1 else toks[k - 1] if k == last + 2 else "".join(toks[last + 1:k])
        if prev is None:
            sent = clause = True
            n_sent = 0
        else:
            if not gap or gap.isspace():  # the usual gap: spaces, no stop, no pause
                sent = pause = False
                blank = True
            else:
                sent = ("." in gap or "!" in gap or "?" in gap) and bool(
                    _STOP.search(ELLIPSIS.sub("", gap))) and not (
                    prev.low in ABBREV and gap.strip().startswith("."))
                pause = bool(_PAUSE.search(gap))
                blank = not gap.strip()
            pl = prev.low
            clause = (sent or (inside is not None and any(inside[last + 1:k])) or pause or pl in _CLAUSE_WORDS
                      # ", for the night was cold": "for" as a conjunction
                      or (pl == "for" and bool(_COMMA.search(prev.before)))
                      or (prev.clause_start and blank and is_adverb(prev))  # "Surely it was"
                      # "By the time the ferry reached", "the moment the door opened"
                      or (pl in _TIME_NOUNS and blank and len(out) > 1 and out[-2].low in _TIME_DETS))
            n_sent = prev.sent + sent
        tok = toks[k]
        low = tok.lower()
        w = new(Word)
        w.k = k
        w.text = tok
        w.low = low.replace("’", "'") if "’" in low else low
        w.prot = inside is not None and inside[k]
        # Gutenberg's _emphasis_ marks are no punctuation: "_He_ knew" is subject and verb.
        w.before = gap.replace("_", "") if "_" in gap else gap
        w.sent_start = sent
        w.clause_start = clause
        w.sent = n_sent
        append(w)
        prev, last = w, k
    return out


def _inside(toks: list[str], spans: list[tuple[int, int]]) -> list[bool]:
    """Per token: inside quoted material (``spans``, in order, by character)."""
    out = []
    pos, j, n_spans = 0, 0, len(spans)  # the first span not yet behind ``pos``
    for tok in toks:
        while j < n_spans and spans[j][1] <= pos:
            j += 1
        out.append(j < n_spans and spans[j][0] <= pos)
        pos += len(tok)
    return out


_RELATIVES = {"which", "whom"}
_CLAUSE_WORDS = frozenset(CLAUSE_WORDS | _RELATIVES)
"""Words after which a clause starts."""


def is_adverb(w: Word) -> bool:
    """lemminflect lists few adverbs ("lazily" is missing): an unlisted "-ly" word is one."""
    pos = lemmas(w.low)
    return w.low in ADVERBS or (w.low.endswith("ly") and ("ADV" in pos or not pos))


def sentence_start(ws: list[Word], p: int) -> int:
    """Where the words of ``ws[p]``'s sentence start in ``ws`` (a word's ``sent`` never
    falls along ``ws``, so a sentence's words stand together)."""
    sent = ws[p].sent
    while p and ws[p - 1].sent == sent:
        p -= 1
    return p


def sentence_bounds(ws: list[Word], p: int) -> tuple[int, int]:
    """(first, last + 1): where the words of ``ws[p]``'s sentence stand in ``ws``."""
    sent, end = ws[p].sent, p + 1
    while end < len(ws) and ws[end].sent == sent:
        end += 1
    return sentence_start(ws, p), end


def next_verb(ws: list[Word], p: int) -> int | None:
    """Index of the first non-adverb word after ``p`` with only spaces between."""
    q = p + 1
    while q < len(ws) and not ws[q].prot and not ws[q].before.strip():
        if ws[q].low in {"kind", "sort"} and q + 1 < len(ws) and ws[q + 1].low == "of":
            q += 2  # "I kind of like it"
            continue
        if not is_adverb(ws[q]):
            return q
        q += 1
    return None


def word_after(ws: list[Word], p: int) -> str | None:
    """The next word, lower case, when only spaces come between."""
    q = p + 1
    return ws[q].low if q < len(ws) and not ws[q].prot and not ws[q].before.strip() else None


def set_word(out: dict[int, str], word: Word, new: str | None) -> bool:
    """Record ``new`` as the replacement of ``word`` (keeping its capital); False if None."""
    if new is None:
        return False
    out[word.k] = match_case(word.text, new)
    return True


def word_alt(words: Sequence[str]) -> str:
    """Regex alternation of whole words as a letter tree ("c(?:ame|ome(?:s)?)"): the same
    matches as ``"|".join(words)`` where each must end a word, tried many times faster
    (Python's re tries every alternative in turn at every word boundary)."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here, and longer ones go on
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(tree)
