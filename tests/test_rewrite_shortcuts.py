"""The narration rewrite's shortcuts skip only what would do nothing: the clause loop asks
``inverted``, ``fronted`` and ``subject`` about fewer words (``subjects.OPENERS``), and the
rules find a word's sentence by its bounds (``words.sentence_start``/``sentence_bounds``)."""
from pathlib import Path

from adapt.action.subjects import KNOWN_NAMES, OPENERS, subject
from adapt.action.tense import fronted, inverted
from adapt.language.sentences import quoted_spans
from adapt.language.words import sentence_bounds, sentence_start, tokens, words

ROOT = Path(__file__).resolve().parents[1]
NOVEL = ROOT.parent / "shared" / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt"


def _passages() -> list[str]:
    texts = [(ROOT / "seeds" / "tourniquet.txt").read_text(encoding="utf-8")]
    if NOVEL.exists():  # a real novel's narration when the shared corpus is beside the repo
        texts.append(NOVEL.read_text(encoding="utf-8")[:150_000])
    texts.append("It was late. The man in the grey coat, who had waited, was gone; "
                 "what it meant nobody knew. \"Stay,\" said he, and they were off. Then came a voice.")
    return [" ".join(p.split()) for t in texts for p in t.split("\n\n") if p.strip()]


def test_no_subject_and_no_inversion_away_from_a_clause_start() -> None:
    token = KNOWN_NAMES.set(frozenset({"Elizabeth", "Darcy", "Bennet", "Jane"}))
    try:
        asked = 0
        for text in _passages():
            ws = words(tokens(text), quoted_spans(text))
            for p, w in enumerate(ws):
                if w.clause_start or w.low in OPENERS:
                    continue
                asked += 1
                assert subject(ws, p) is None, (text, p, w.text)
                out: dict[int, str] = {}
                inverted(ws, p, None, out)
                fronted(ws, p, out)
                assert out == {}, (text, p, w.text)
        assert asked > 1000
    finally:
        KNOWN_NAMES.reset(token)


def test_sentence_bounds_are_the_words_of_the_sentence() -> None:
    for text in _passages()[:400]:
        ws = words(tokens(text), quoted_spans(text))
        for p, w in enumerate(ws):
            same = [k for k, x in enumerate(ws) if x.sent == w.sent]
            assert sentence_bounds(ws, p) == (same[0], same[-1] + 1)
            assert sentence_start(ws, p) == same[0]
