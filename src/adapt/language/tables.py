"""lemminflect's word tables (language stage), read lazily: a word's entry is parsed when asked for.

lemminflect parses all 120,000 lines of its two tables on the first look-up (≈ 0.7 s a run);
a novel asks for a few thousand words. ``install`` hands lemminflect tables that keep the
lines and build each word's entry on demand with lemminflect's own codecs, so every answer
is the one the eager tables give (``tests/test_tables.py`` compares them word by word).
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import marshal
import os
import sys
import types
from collections.abc import Callable

from adapt import usercache

_installed = False


class LazyTable:
    """The mapping lemminflect reads (``.get(word, default)`` only), built word by word."""

    def __init__(self, fn: str, entry, fixed: dict | None = None) -> None:  # type: ignore[no-untyped-def]
        self._lines = _lines_by_word(fn)
        self._entry = entry
        self._done: dict = dict(fixed or {})

    def get(self, word, default=None):  # type: ignore[no-untyped-def]
        try:
            return self._done[word]
        except KeyError:
            pass
        lines = self._lines.get(word)
        if lines is None:
            return default
        # The word's lines in file order (lemminflect merges them in that order).
        value = self._done[word] = self._entry([lines] if isinstance(lines, str) else list(lines))
        return value


def _lines_by_word(fn: str) -> dict[str, str | tuple[str, ...]]:
    """A table's lines by the word each is about (one line, or a tuple of them in file order),
    kept in the user's cache after the first run: one dict to load, not a list of lines to
    index again every run (splitting 120,000 lines is most of the cost that is left)."""
    stat = os.stat(fn)
    name = "tables-by-word-" + hashlib.sha1(f"{fn}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    kept = usercache.read_dict(name)
    if kept is not None:
        return kept
    with open(fn, "rb") as f:
        lines = gzip.decompress(f.read()).decode().split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the newline that ends the file, not a line
    grouped: dict[str, list[str]] = {}
    for line in lines:
        grouped.setdefault(line[:line.find(",")], []).append(line)
    table = {w: ls[0] if len(ls) == 1 else tuple(ls) for w, ls in grouped.items()}
    usercache.write(name, marshal.dumps(table))
    return table


def _lemma_entry(lines: list[str]) -> dict:
    """What ``LemmaLUCodec.load`` makes of one word's lines."""
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.LexicalUtils import categoryToUPos

    entry: dict = {}
    for line in lines:
        _, category, forms = LemmaLUCodec.fromString(line)
        entry.update({categoryToUPos(category): forms})
    return entry


def _inflection_entry(lines: list[str]) -> dict:
    """What ``InflectionLUCodec.load`` makes of one word's lines."""
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec

    entry: dict = {}
    for line in lines:
        entry.update(InflectionLUCodec.fromString(line)[2])
    return entry


def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """``lemminflect.getAllLemmas(word)``, without its two deep copies per call (the table's
    values are tuples of strings: a new dict holding them is as good as a deep copy)."""
    from lemminflect.core.Lemmatizer import Lemmatizer
    from lemminflect.core.LexicalUtils import applyCapsStyleToDict, getCapsStyle

    lem = Lemmatizer()
    style, low = getCapsStyle(word), word.lower()
    found = dict(lem._getLemmaDict().get(low, {}))
    found.update(lem._getOverridesDict().get(low, {}))
    if style == "lower":  # what applyCapsStyleToDict makes of it, without a call per form
        return {k: tuple([w.lower() for w in v]) if isinstance(v, (list, tuple)) else v.lower()
                for k, v in found.items()}
    return applyCapsStyleToDict(found, style)


def all_inflections(lemma: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
    """``lemminflect.getAllInflections(lemma, upos)``, likewise without the deep copies."""
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.LexicalUtils import applyCapsStyle, applyCapsStyleToDict, getCapsStyle, uposToTags

    infl = Inflections()
    if upos is not None and upos not in infl.DICT_UPOS_TYPES:
        return infl.getAllInflections(lemma, upos)  # lemminflect warns and answers {}
    style, low = getCapsStyle(lemma), lemma.lower()
    if upos == "PROPN":
        low, upos = applyCapsStyle(low, "first_upper"), "NOUN"
    forms = dict(infl._getInflDict().get(low, {}))
    forms.update(infl._getOverridesDict().get(low, {}))
    if upos is not None:
        tags = uposToTags(upos)
        forms = {k: v for k, v in forms.items() if k in tags}
    return applyCapsStyleToDict(forms, style)


class _NumpyWhenUsed(types.ModuleType):
    """Stands for numpy in ``sys.modules`` until code reads one of its names: then numpy is
    imported and takes its place (the name read comes from it, and every later one)."""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get("numpy") is self:
            del sys.modules["numpy"]
            try:
                importlib.import_module("numpy")
            except BaseException:
                sys.modules.setdefault("numpy", self)
                raise
        real = sys.modules["numpy"]
        self.__dict__.update(vars(real))  # later reads through this module find it at once
        return getattr(real, name)


def _numpy_when_used() -> None:
    """numpy imported on the first use of one of its names, not when lemminflect imports it.

    Only lemminflect's guesser for words its tables lack uses numpy (inside its functions),
    on a few words of a novel if any; importing numpy is ≈ 0.1 s of every run's start.
    (importlib's LazyLoader would not wait: Python 3.11's next ``import numpy`` reads the
    module's ``__spec__`` and so runs the import.)"""
    if "numpy" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("numpy")
    except (ImportError, ValueError):
        return
    if spec is None:
        return
    stand_in = _NumpyWhenUsed("numpy")
    stand_in.__spec__ = spec
    sys.modules["numpy"] = stand_in


_GUESSED: dict[tuple[str, str], object] | None = None
_GUESSED_MAX = 50_000


def oov_verb_lemma(word: str) -> str | None:
    """``getAllLemmasOOV(word, "VERB")``'s lemma, or None (kept: ``_guessed``)."""
    def guess() -> str | None:
        from lemminflect import getAllLemmasOOV
        return getAllLemmasOOV(word, "VERB").get("VERB", (None,))[0]
    return _guessed("VERB", word, guess)  # type: ignore[return-value]


def inflection(lemma: str, tag: str) -> tuple[str, ...]:
    """``getInflection(lemma, tag)`` (kept: ``_guessed``)."""
    def guess() -> tuple[str, ...]:
        from lemminflect import getInflection
        return tuple(getInflection(lemma, tag))
    return _guessed(tag, lemma, guess)  # type: ignore[return-value]


def _guessed(kind: str, word: str, guess: Callable[[], object]) -> object:
    """What ``guess()`` answers for ``word``, kept in the user's cache. lemminflect guesses
    the forms of the few words of a novel its tables lack with neural models (numpy, their
    weights: ≈ 0.15 s a run); once guessed, a word's answer is read back."""
    global _GUESSED
    if _GUESSED is None:
        _GUESSED = usercache.read_dict(_guessed_name()) or {}
    key = (kind, word)
    if key in _GUESSED:
        return _GUESSED[key]
    answer = guess()
    if len(_GUESSED) < _GUESSED_MAX:
        _GUESSED[key] = answer
        usercache.write(_guessed_name(), marshal.dumps(_GUESSED))  # a few words a run, if any
    return answer


def _guessed_name() -> str:
    """The cache file of the guesses of this lemminflect's models under this numpy."""
    from lemminflect import config

    parts = []
    for fn in (config.model_lemma_fn, config.model_infl_fn, getattr(importlib.util.find_spec("numpy"), "origin", None)):
        try:
            stat = os.stat(fn) if fn else None
        except OSError:
            stat = None
        parts.append(f"{fn}|{stat.st_size}|{stat.st_mtime_ns}" if stat else f"{fn}|-")
    return "guessed-forms-" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def install() -> None:
    """Give lemminflect's look-ups the lazy tables (once; a no-op when they already loaded)."""
    global _installed
    if _installed:
        return
    _installed = True
    _numpy_when_used()
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lem, infl = Lemmatizer(), Inflections()
    try:
        if not hasattr(lem, "lemma_dict"):
            lem.lemma_dict = LazyTable(lem.lemma_lu_fn, _lemma_entry)
        if not hasattr(infl, "infl_dict"):
            # The auxiliaries and modals lemminflect sets by hand after reading the table.
            infl.infl_dict = LazyTable(infl.infl_lu_fn, _inflection_entry,
                                       InflectionLUCodec.updateForAuxMod({}))
    except (OSError, ValueError, AttributeError):
        pass  # lemminflect loads its tables itself, as it always did
