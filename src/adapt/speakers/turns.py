"""Turn order in a conversation: the likeliest speaker sequence, by second-order Viterbi.

Each quotation paragraph in a run either has a known speaker (an anchor: a tag, an
action, an introduction) or must be inferred. The score of a sequence rewards what
conversations do — A, B, A, B; an answer from the one just addressed by name — and
punishes what they rarely do — one speaker twice in a row, a speaker calling
themself by name. Searching the whole run at once means a single wrong guess cannot
push every later line out of step, which forward alternation does.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

Scores = Callable[[int, str | None, str | None], list[float]]
"""scores(i, speaker of i-1, speaker of i-2): the score of each of line i's options."""


def best_sequence(options: Sequence[Sequence[str]], scores: Scores) -> list[str]:
    """Speakers for every line, each from its options, maximising the summed score.

    A line with one option is fixed (an anchor); a "said she" line offers the women.
    """
    n = len(options)
    if n == 0:
        return []
    # state: (speaker of i-1, speaker of i) → (total, back-pointer state)
    layers: list[dict[tuple[str | None, str], tuple[float, tuple[str | None, str] | None]]] = []
    first: dict[tuple[str | None, str], tuple[float, tuple[str | None, str] | None]] = {}
    for s, v in zip(options[0], scores(0, None, None), strict=True):
        first[(None, s)] = (v, None)
    layers.append(first)
    for i in range(1, n):
        layer: dict[tuple[str | None, str], tuple[float, tuple[str | None, str] | None]] = {}
        here = options[i]
        keyed: dict[str, list[tuple[str, str]]] = {}  # the states line i may reach after p1
        for state, (total, _) in layers[-1].items():
            p2, p1 = state
            keys = keyed.get(p1)
            if keys is None:
                keys = keyed[p1] = [(p1, s) for s in here]
            for key, v in zip(keys, scores(i, p1, p2), strict=True):
                t = total + v
                best = layer.get(key)
                if best is None or t > best[0]:
                    layer[key] = (t, state)
        layers.append(layer)
    state = max(layers[-1], key=lambda k: layers[-1][k][0])
    out = [state[1]]
    for i in range(n - 1, 0, -1):
        back = layers[i][state][1]
        assert back is not None
        state = back
        out.append(state[1])
    return out[::-1]
