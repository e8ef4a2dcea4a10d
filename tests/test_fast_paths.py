"""The fast paths give exactly what the slow ways they replace give: lemminflect's lazy tables
(language/tables.py), the wrapped-line count (language/sentences.py)..."""
import random
import textwrap

from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

from adapt.language.lexicon import lemmas, present
from adapt.language.sentences import wrapped_lines
from adapt.language.tables import LazyTable, _inflection_entry, _lemma_entry


def _same(lazy: LazyTable, eager: dict) -> None:
    assert set(lazy._last) | set(lazy._done) == set(eager)  # the same words, none read wrong
    for word, entry in eager.items():
        got = lazy.get(word, {})
        assert got == entry and list(got) == list(entry), word  # same keys in the same order
    for word in ("", "xqzzy", "Said", "SAID", "walked,", "zebras'"):
        if word not in eager:
            assert lazy.get(word, {}) == {}


def test_lemma_table_word_by_word() -> None:
    fn = Lemmatizer().lemma_lu_fn
    _same(LazyTable(fn, _lemma_entry), LemmaLUCodec.load(fn))


def test_inflection_table_word_by_word() -> None:
    fn = Inflections().infl_lu_fn
    _same(LazyTable(fn, _inflection_entry, InflectionLUCodec.updateForAuxMod({})),
          InflectionLUCodec.load(fn))


def test_lookups_through_lemminflect() -> None:
    assert lemmas("said") == {"VERB": ("say",)}
    assert present("go", "3sg") == "goes" and present("be", "pl") == "are"
    assert isinstance(Lemmatizer().lemma_dict, LazyTable)


def test_wrapped_lines_counts_as_textwrap() -> None:
    rnd = random.Random(17)
    words = ["a", "bb", "word", "longerword", "x" * 59, "x" * 60, "x" * 61, "-", "well-known", "--",
             "\xa0", "é", "\t", "  ", ",", "\n", "—"]
    for _ in range(20000):
        s = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40)))
        s = rnd.choice(["", " "]) + s + rnd.choice(["", " "])
        width = rnd.choice([1, 5, 35, 60])
        assert wrapped_lines(s, width) == len(textwrap.wrap(s, width)), (s, width)
