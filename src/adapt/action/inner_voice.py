"""Narration → runs of visible action and the narrator's unseen reflection (V.O.)."""
from __future__ import annotations

import re

from adapt.language.lexicon import ADVERBS
from adapt.language.sentences import in_spans, quoted_spans, sentences
from adapt.language.words import is_adverb, tokens, words

_MENTAL = {"know", "think", "wonder", "suppose", "guess", "realize", "realise", "remember",
           "hope", "wish", "believe", "doubt", "imagine", "swear", "bet", "reckon",
           "understand", "forget", "regret", "fear", "admit", "confess", "figure"}
_FUTURE = {"will", "shall", "'ll", "won't", "shan't", "gonna"}
_HYPOTHETICAL = {"would", "might"}
_IF = {"if", "unless", "wish", "suppose", "imagine"}


def is_inner_voice(sentence: str) -> bool:
    """A narrator's unseen reflection, which the camera cannot show.

    True for direct address to the reader ("you" outside quotation marks, which
    also catches a general "you"),
    rhetorical questions, first-person thoughts ("I know", "I wonder"), future
    resolutions ("I'll stake her") and hypotheticals ("I would ... if ...").
    Precision over recall: anything else is action.
    """
    spans = quoted_spans(sentence)
    outside = "".join(ch for i, ch in enumerate(sentence) if not in_spans(i, spans))
    ws = [w for w in words(tokens(sentence), spans) if not w.prot]
    lows = {w.low for w in ws}
    if re.search(r"\?(?![\w-])", outside) or {"you", "your", "yourself", "yours"} & lows:
        return True
    for i, w in enumerate(ws):
        if w.low == "i'll":
            return True
        # Only a main-clause "I": "the first thing I think of" is action.
        if w.low != "i" or not (w.clause_start or i and ws[i - 1].low in ADVERBS):
            continue
        rest = [x.low for x in ws[i + 1: i + 4] if not is_adverb(x)]
        verb = rest[0] if rest else ""
        # Present tense only: the narrator speaking now, not narrated past thought.
        if verb in _FUTURE or rest == ["am", "going", "to"] or verb in _MENTAL:
            return True
        if verb in _HYPOTHETICAL and _IF & lows:
            return True
    return False


def split_inner_voice(text: str) -> list[tuple[str, bool]]:
    """A narration passage as runs of sentences, flagged True for inner voice.

    The caller makes action of the False runs and (V.O.) dialogue of the True ones.
    """
    runs: list[tuple[str, bool]] = []
    for sentence in sentences(" ".join(text.split())):
        flag = is_inner_voice(sentence)
        if runs and runs[-1][1] == flag:
            runs[-1] = (f"{runs[-1][0]} {sentence}", flag)
        else:
            runs.append((sentence, flag))
    return runs
