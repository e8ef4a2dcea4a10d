"""Names where pronouns are ambiguous: a first-person narrator and another character
who take the same pronoun ("I punch her" → "Buffy punches Faith", never "She punches her").

In the source the narrator is "I" and the other is "she"; once "I" becomes "she" a
sentence can hold two women called "she". In such a sentence the narrator is named,
and the other character is named at her first mention when a reader would otherwise
take the pronoun for the narrator (the narrator came before her in the sentence or
was the last one mentioned, or she is new to the passage). After that, "she/her" in
the sentence can only mean her.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from adapt.language.lexicon import CLAUSE_WORDS, OBJECTS, STOP, lemmas
from adapt.language.words import Word, is_adverb

_OTHER_FORMS = {"she": {"she", "her", "hers", "she's", "she'd", "she'll"},
                "he": {"he", "him", "his", "he's", "he'd", "he'll"}}
_NARRATOR_WORDS = {"i", "me", "my", "mine", "i'm", "i've", "i'll", "i'd"}


def name_the_other(ws: list[Word], out: dict[int, str], *, narrator: str, other: str,
                   pronoun: str) -> None:
    """Rewrite ``out`` (token index → new text) so no sentence has two referents for
    the narrator's pronoun: the narrator's words were I/me/my, the other's she/her."""
    forms = _OTHER_FORMS.get(pronoun)
    if not forms:
        return
    last: str | None = None  # who the reader last met under the pronoun: "N" or "O"
    seen_other = False
    for sent in _sentences(ws):
        mentions = [(p, "N") if w.low in _NARRATOR_WORDS else (p, "O")
                    for p, w in sent if not w.prot and (
                        w.low in _NARRATOR_WORDS and w.k in out or w.low in forms and w.k not in out)]
        if not mentions:
            continue
        counts = {r: sum(1 for _, x in mentions if x == r) for r in ("N", "O")}
        if counts["N"] and counts["O"]:
            # Both in one sentence: the one mentioned more keeps the pronoun (after its
            # first mention), the other is named every time.
            keeper = "N" if counts["N"] > counts["O"] else "O"
            met: set[str] = set()
            for p, who in mentions:
                w = ws[p]
                first = who not in met
                met.add(who)
                if who == "N" and (keeper == "O" or first):
                    out[w.k] = _named_narrator(out[w.k], w.low, narrator, pronoun)
                elif who == "O" and (keeper == "N" or first and (
                        mentions[0][1] == "N" or last == "N" or not seen_other)):
                    out[w.k] = _named(ws, p, other)
        elif counts["O"]:
            p = mentions[0][0]
            if last == "N" or not seen_other:
                out[ws[p].k] = _named(ws, p, other)
        seen_other = seen_other or bool(counts["O"])
        last = mentions[-1][1]


def _sentences(ws: list[Word]) -> Iterable[list[tuple[int, Word]]]:
    current: list[tuple[int, Word]] = []
    for p, w in enumerate(ws):
        if current and w.sent != current[-1][1].sent:
            yield current
            current = []
        current.append((p, w))
    if current:
        yield current


def _named_narrator(text: str, source: str, name: str, pronoun: str) -> str:
    """The narrator's pronoun as the rewrite left it ("she", "her", "she's") → the name;
    ``source`` is the first-person word it came from ("i", "me", "my")."""
    low = text.lower()
    subj, obj = {"she": ("she", "her"), "he": ("he", "him")}[pronoun]
    if source in {"my", "mine"} and low in {"her", "his", "hers"}:
        return name + "'s"
    if low in {subj, obj}:
        return name
    if low.startswith((subj + "'", subj + "’")):
        return name + text[len(subj):]
    return text  # already the name, or a reflexive ("herself") bound in its clause


def _named(ws: list[Word], p: int, name: str) -> str:
    """The other's pronoun at ``p`` → her name, possessive where the pronoun is one."""
    low = ws[p].low
    if "'" in low:  # "she's" → "Faith's"
        return name + ws[p].text[low.index("'"):]
    if low in {"hers", "his"} or low == "her" and _possessive(ws, p):
        return name + "'s"
    return name


def _possessive(ws: list[Word], p: int) -> bool:
    """'her head', 'her own' are possessive; 'punch her in', 'watch her until' are not."""
    if p + 1 >= len(ws) or ws[p + 1].prot or ws[p + 1].before.strip():
        return False
    nxt = ws[p + 1]
    if nxt.low in OBJECTS | CLAUSE_WORDS | STOP or nxt.low in {"a", "an", "the"}:
        return False
    pos = lemmas(nxt.low)
    if "NOUN" in pos or nxt.low == "own":
        return True
    return "ADJ" in pos and "ADV" not in pos and not is_adverb(nxt)


def scene_other(speakers: list[set[str]], genders: dict[str, str], narrator_gender: str | None,
                window: int = 12) -> list[str | None]:
    """For each beat, the one other character of the narrator's gender who speaks near it
    (within ``window`` beats), or None when there is none or more than one."""
    if narrator_gender not in {"f", "m"}:
        return [None] * len(speakers)
    out: list[str | None] = []
    for i in range(len(speakers)):
        near = {k for s in speakers[max(0, i - window): i + window + 1] for k in s
                if genders.get(k) == narrator_gender}
        out.append(next(iter(near)) if len(near) == 1 else None)
    return out


def scene_company(speakers: list[set[str]], narrator: str, window: int = 12) -> list[str | None]:
    """For each beat, the character besides the narrator who speaks near it (within
    ``window`` beats): the only one, or the one who speaks two lines in three of the others'
    (the detective at his friend's side while a client comes and goes), or None. Who a
    first-person narrator's "we" means."""
    out: list[str | None] = []
    for i in range(len(speakers)):
        near = Counter(k for s in speakers[max(0, i - window): i + window + 1] for k in s if k != narrator)
        top = near.most_common(1)
        if len(near) == 1 or (top and top[0][1] >= 3 and 3 * top[0][1] >= 2 * sum(near.values())):
            out.append(top[0][0])
        else:
            out.append(None)
    return out
