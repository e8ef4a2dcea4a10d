"""lemminflect's lazy tables (language/tables.py) give exactly what its eager tables give."""
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

from adapt.language.lexicon import lemmas, present
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
