"""Turn-taking over one exchange: the pass that fills what the paragraph passes left.

Runs of untagged lines are resolved by counting turns outward from every anchored line at
once, in both directions (speaker of n = speaker of n-2), never by carrying one guess
forward, so one slip does not spread (SPEAKERS.md: 63.5 % against 30.9 % for forward
alternation). The score rewards what conversations do and punishes what they rarely do;
``turns.best_sequence`` finds the best sequence by second-order Viterbi.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from collections.abc import Sequence
from itertools import pairwise

from adapt.language.words import word_alt
from adapt.read.beats import Beat, Paragraph, Quote
from adapt.speakers import family, tags
from adapt.speakers.evidence import Attribution
from adapt.speakers.names import ADDRESS_GENDER, names_in
from adapt.speakers.resolver import NARRATOR, PLACEHOLDER, Resolver
from adapt.speakers.turns import best_sequence

W = {"same_gap": 0.0, "same": 4.0, "alt": 1.0, "third": 2.0, "reply": 4.5, "weak": 3.5, "pron": 3.0, "carry": 2.0,
     "last": 1.0, "present": 2.0, "prior": 3.0, "about": 3.0, "decay": 0.99, "glob": 1.0, "self_call": 6.0,
     "to_gender": 1.0, "short_gap": 10, "same_short": 1.0}
"""Score weights: penalties for one speaker twice (none across narration, a little across a
few words of it: ``short_gap``), a third voice, a speaker calling or naming themself; rewards
for A-B-A, answering a vocative, the actor next to the line, a pronoun tag's guess; ``prior``
for who the lines around are about (nearer lines count more by ``decay`` per line), ``glob``
for who the whole exchange is about. Set on the eight development novels not set aside
(bench/attribution_report.py), checked on the two set aside."""


_KIN = {"ma": "mother", "mother": "mother", "mamma": "mother", "mama": "mother", "mammy": "mother",
        "mummy": "mother", "pa": "father", "papa": "father", "father": "father", "dad": "father", "daddy": "father"}
_KIN_CALL = re.compile(r"(?:^|[,!?;]\s+)(" + "|".join(_KIN) + r")(?=\s*[,.?!;])", re.I)
"""A parent called by what the child calls them: "Yes, ma.", "Mother, come here!"."""


# A run of ASCII letters and apostrophes that is a form of address, in any case ("Sir",
# "MA'AM"): the words ``_to_gender`` looks at, found by one scan of a letter tree.
_ADDRESS_WORD = re.compile(r"(?<![A-Za-z'])(?:%s)(?![A-Za-z'])" % word_alt(
    sorted(w for w in ADDRESS_GENDER if re.fullmatch(r"[a-z']+", w))), re.I | re.A)


def _to_gender(text: str) -> set[str]:
    """The gender of a 'sir' or 'madam' the speech addresses (set off by a comma or a stop)."""
    return {ADDRESS_GENDER[w.lower()] for w in set(_ADDRESS_WORD.findall(text)) if _set_off(w, text)}  # each word once


def _set_off(word: str, text: str) -> bool:
    r"""``re.search(rf",\s*{word}\b|\b{word}\s*[,!?.]", text)`` for a word that starts and ends
    with a letter, with no pattern compiled for each word: somewhere ``word`` follows a comma
    (spaces between) and ends a word, or starts a word and a comma or a stop follows it."""
    n, at = len(text), text.find(word)
    while at >= 0:
        end = at + len(word)
        j = at
        while j and text[j - 1].isspace():
            j -= 1
        if j and text[j - 1] == "," and (end == n or not (text[end].isalnum() or text[end] == "_")):
            return True
        if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            k = end
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] in ",!?.":
                return True
        at = text.find(word, at + 1)
    return False


_Line = tuple[list[float], list[float], list[float], list[float], dict[str, list[int]]]
_NOBODY = "\x00nobody"
"""A speaker key no character has: the one before who is neither of the line's speakers."""


@dataclass
class _Exchange:
    """One run of quotation paragraphs and what the text says about its turns."""

    run: list[int]
    """Beat indices of the quotation paragraphs, in order."""
    gap: list[bool]
    """Narration stands between this paragraph and the previous one."""
    called: list[set[str]]
    """Who each paragraph's speech addresses by name."""
    about: list[set[str]]
    """Who each paragraph's speech talks about (so is not speaking it)."""
    to_gender: list[set[str]]
    """The gender of a 'sir' or 'madam' each speech addresses."""
    cands: Counter[str]
    """Who is in the exchange, weighted by how much the text says so."""
    last_other: str | None
    """Who spoke last before the exchange, when it carries on from one."""
    short: list[bool]
    """The narration between this paragraph and the previous one is a few words ("Silence. Then –")."""
    local: list[dict[str, float]] | None = None
    """Per line: how strongly the lines around it put each candidate in the room."""
    _alone: dict[tuple[int, str], tuple[tuple[float, ...], float | None]] = field(default_factory=dict)
    """``score``'s terms for a line and a speaker, once worked out (``_line_and_speaker``)."""
    _lines: dict[int, _Line] = field(default_factory=dict)
    """``scores``' table for a line, once worked out (``_line``)."""

    def scores(self, i: int, options: Sequence[str], s1: str | None, s2: str | None, ev: Evidence,
               genders: dict[str, str]) -> list[float]:
        """How likely each speaker of ``options`` is for line i after s1 (line i-1) and s2
        (line i-2). The Viterbi search asks this of every state before line i: the scores
        of a speaker neither s1 nor s2 are worked out once per line, and patched where a
        speaker is one of them."""
        if i == 0:
            return [self.score(i, s, s1, s2, ev, genders) for s in options]
        line = self._lines.get(i)
        if line is None:
            line = self._lines[i] = self._line(i, options, ev, genders)
        third, fresh, same, alt, where = line
        out = third if s2 is not None else fresh
        if s1 in where or s2 in where:
            out = list(out)
            for k in where.get(s2, ()):  # type: ignore[arg-type]
                out[k] = alt[k]
            for k in where.get(s1, ()):  # type: ignore[arg-type]
                out[k] = same[k]  # after the alternation's: s1 == s2 is the same speaker twice
        return out

    def _line(self, i: int, options: Sequence[str], ev: Evidence, genders: dict[str, str]) -> _Line:
        """Line i's scores for each speaker of ``options``: after two others, after one (the
        line before is the first), after themself, after another and themself; and where
        each speaker stands in ``options``."""
        where: dict[str, list[int]] = {}
        for k, s in enumerate(options):
            where.setdefault(s, []).append(k)
        return ([self.score(i, s, _NOBODY, _NOBODY, ev, genders) for s in options],
                [self.score(i, s, _NOBODY, None, ev, genders) for s in options],
                [self.score(i, s, s, None, ev, genders) for s in options],
                [self.score(i, s, _NOBODY, s, ev, genders) for s in options], where)

    def score(self, i: int, s: str, s1: str | None, s2: str | None, ev: Evidence,
              genders: dict[str, str]) -> float:
        """How likely speaker s is for line i after s1 (line i-1) and s2 (line i-2)."""
        b = self.run[i]
        v = 0.0
        if s1 is None and i == 0 and self.last_other:
            s1 = self.last_other
        if s == s1 and b in ev.carrying_on:
            v += W["carry"]
        elif s == s1:
            v -= W["same_short"] if self.short[i] else W["same_gap"] if self.gap[i] else W["same"]
        elif s2 is not None and s == s2:
            v += W["alt"]
        elif s2 is not None:
            v -= W["third"]
        if i > 0 and s in self.called[i - 1] and s != s1:
            v += W["reply"]
        # What depends on the line and the speaker alone, worked out once per pair: the
        # same terms, added in the same order, so the same sum to the last bit.
        found = self._alone.get((i, s))
        if found is None:
            found = self._alone[(i, s)] = self._line_and_speaker(i, s, ev, genders)
        terms, prior = found
        for t in terms:
            v += t
        return v + prior if prior is not None else v

    def _line_and_speaker(self, i: int, s: str, ev: Evidence, genders: dict[str, str]
                          ) -> tuple[tuple[float, ...], float | None]:
        """The terms of ``score`` that do not depend on the speakers before, in order (a
        penalty as its negative), and the ``prior`` term added last (None: no ``local``)."""
        b = self.run[i]
        terms: list[float] = []
        if s in self.called[i]:
            terms.append(-W["self_call"])
        if s in self.about[i]:
            terms.append(-W["about"])
        if len(self.to_gender[i]) == 1 and genders.get(s) in self.to_gender[i]:
            terms.append(-W["to_gender"])
        if ev.weak.get(b) == s:
            terms.append(W["weak"])
        if b in ev.gendered and ev.para[b].speaker == s:
            terms.append(W["pron"])
        terms.append(W["glob"] * self.cands[s] / max(1, len(self.run)))
        return tuple(terms), W["prior"] * self.local[i].get(s, 0.0) if self.local is not None else None


@dataclass
class Evidence:
    """What the reading pass found, for the turn model to weigh."""

    para: dict[int, Attribution]
    """Paragraph → its anchored (or, for he/she tags, provisional) speaker."""
    weak: dict[int, str]
    """Paragraph → the character acting right before or after its speech."""
    gendered: dict[int, str]
    """Paragraph → the gender its he/she (or 'her mother') tag requires."""
    carrying_on: set[int]
    """Paragraphs tagged 'she added', 'he went on': the last speaker again."""
    present: dict[int, tuple[str, ...]]
    """Paragraph → who was last mentioned as it begins."""
    fresh: set[int]
    """Runs that start a chapter or scene: nobody carries over."""
    brought: dict[str, int] = field(default_factory=dict)
    """A bit part → the paragraph whose narration brings them in: they speak no line before it."""
    own: set[tuple[int, int]] = field(default_factory=set)
    """Quotations a pronoun of the other sex tags, after the paragraph's first tag ("...?" he
    queried; and she returned: "..."): their own speaker, whoever the turns give the first."""


def _exchange(beats: list[Beat], run: list[int], fixed: list[str | None], ev: Evidence, r: Resolver,
              first_person: bool, last_other: str | None) -> _Exchange:
    quotes = [[p for p in beats[b].parts if isinstance(p, Quote)] for b in run]  # type: ignore[union-attr]
    called = [r.called(q.text for q in qs) for qs in quotes]
    for i, b in enumerate(run):  # "she said to Lucy", "turning to Mr. Beebe": spoken to
        called[i] |= {who for n in tags.spoken_to(beats[b].narration) if (who := r.person(n)) and who != fixed[i]}  # type: ignore[union-attr]
    to_gender = [set().union(*(_to_gender(q.text) for q in qs)) for qs in quotes]
    # People rarely name themselves: whoever a speech talks about is not speaking it.
    about = [{k for q in qs for m in names_in(q.text) if (k := r.person(m.group(0)))} - called[i]
             for i, qs in enumerate(quotes)]
    # Narration between two quotation paragraphs loosens the turn order.
    words = [_narrated(beats, run[i - 1], run[i]) if i else 0 for i in range(len(run))]
    gap = [i > 0 and run[i] - run[i - 1] > 1 for i in range(len(run))]
    short = [g and n <= W["short_gap"] for g, n in zip(gap, words, strict=True)]
    cands: Counter[str] = Counter(s for s in fixed if s)
    for c in called:
        cands.update(x for x in sorted(c) if x in r.known or x in r.people)
    cands.update(ev.weak[b] for b in run if b in ev.weak)
    cands.update(ev.para[b].speaker for b in run if b in ev.gendered)
    if last_other:
        cands[last_other] += W["last"]  # type: ignore[assignment]
    for rank, key in enumerate(reversed(ev.present.get(run[0], ()))):
        cands[key] += W["present"] / (1 + rank)  # type: ignore[assignment]
    if first_person:
        cands[NARRATOR] += 1
    if len(cands) < 2:
        cands[r.by_gender("m") if not first_person else NARRATOR] += 0.1  # type: ignore[assignment]
    for i, qs in enumerate(quotes):
        calls = [m.group(1) for q in qs for m in _KIN_CALL.finditer(q.text)]
        kin = {_KIN[c.lower()] for c in calls}
        own = {w for c in calls if (w := c.capitalize()) in r.known}
        if own:
            called[i] |= own  # "Hello, Mother." of a story whose narration names her Mother
        elif len(kin) == 1 and not any(c in r.known or c in r.people for c in called[i]):
            # "Were they mean to you too, ma?": the mother of someone in the exchange.
            (relation,) = kin
            parents = {p for c in cands if (p := family.parent(r, c, relation)) and p in cands}
            if len(parents) == 1:
                called[i] |= parents
    ex = _Exchange(run, gap, called, about, to_gender, cands, last_other, short)
    if 0 < W["decay"] < 1:
        ex.local = _local(run, fixed, called, gap, ev, r)
    return ex


def _narrated(beats: list[Beat], a: int, b: int) -> int:
    """Words of narration between beats a and b ("Silence. Then –" is hardly a pause)."""
    return sum(len(beats[k].narration.split()) for k in range(a + 1, b) if isinstance(beats[k], Paragraph))


def _local(run: list[int], fixed: list[str | None], called: list[set[str]], gap: list[bool], ev: Evidence,
           r: Resolver) -> list[dict[str, float]]:
    """Who is in the room at each line: the evidence of the lines around it, nearer lines
    counting more, so a long exchange follows the people who come and go."""
    marks: list[Counter[str]] = []
    for i, b in enumerate(run):
        m: Counter[str] = Counter()
        if fixed[i]:
            m[fixed[i]] += 1
        m.update(x for x in called[i] if x in r.known or x in r.people)
        if b in ev.weak:
            m[ev.weak[b]] += 1
        if b in ev.gendered:
            m[ev.para[b].speaker] += 1
        if i == 0 or gap[i]:  # narration before the line says who is there
            for rank, key in enumerate(reversed(ev.present.get(b, ()))):
                m[key] += W["present"] / (1 + rank)  # type: ignore[assignment]
        marks.append(m)
    # Sum of marks[j] * decay**|i-j| over j, and of the weights, by one pass each way.
    decay = W["decay"]
    ahead: list[dict[str, float]] = []
    acc: dict[str, float] = {}
    for m in marks:
        acc = {k: v * decay for k, v in acc.items()}
        for k, c in m.items():
            acc[k] = acc.get(k, 0.0) + c
        ahead.append(acc)
    out: list[dict[str, float]] = [{}] * len(run)
    acc = {}
    for i in range(len(run) - 1, -1, -1):
        mass = (1 - decay ** (i + 1) + 1 - decay ** (len(run) - i)) / (1 - decay) - 1
        out[i] = {k: (v + acc.get(k, 0.0) * decay) / mass for k, v in ahead[i].items()}
        for k, v in acc.items():
            if k not in out[i]:
                out[i][k] = v * decay / mass
        acc = {k: v * decay for k, v in acc.items()}
        for k, c in marks[i].items():
            acc[k] = acc.get(k, 0.0) + c
    return out


def fill_turns(beats: list[Beat], runs: list[list[int]], ev: Evidence, out: dict[tuple[int, int], Attribution],
           r: Resolver, first_person: bool) -> None:
    """Fill untagged paragraphs with the likeliest turn order (see ``turns.py``)."""
    last_other: str | None = None
    for n_run, run in enumerate(runs):
        if n_run in ev.fresh:
            last_other = None
        if not run:
            continue
        fixed = [ev.para[b].speaker if b in ev.para and b not in ev.gendered else None for b in run]
        ex = _exchange(beats, run, fixed, ev, r, first_person, last_other)
        candidates = [c for c, _ in ex.cands.most_common(6)]
        options: list[list[str]] = []
        here: list[str] = []  # the last two the narration named, however rare in the exchange
        for i, b in enumerate(run):
            if i == 0 or ex.gap[i]:
                here = [k for k in ev.present.get(b, ())[-2:] if k not in candidates and (k in r.known or k in r.people)]
            # a bit part speaks once brought in, a named one once named (if anyone is left)
            cand_i = [c for c in candidates if ev.brought.get(c, b) <= b] + here or candidates
            if fixed[i] is not None:
                options.append([fixed[i]])  # type: ignore[list-item]
            elif b in ev.gendered:
                # "said she": any woman of the exchange; the last one named is a hint.
                g = ev.gendered[b]
                fits = [c for c in candidates if r.genders.get(c) == g and c != NARRATOR]
                found = list(dict.fromkeys([ev.para[b].speaker] + fits))
                # An unnamed "she" only when no woman of the exchange has a name.
                named = [c for c in found if c not in PLACEHOLDER.values()]
                options.append(named or found)
            elif b in ev.weak and ev.weak[b] not in cand_i:
                options.append(cand_i + [ev.weak[b]])  # the one acting beside the line, however rare
            else:
                options.append(cand_i)
        def scores(i: int, s1: str | None, s2: str | None, ex: _Exchange = ex,
                   options: list[list[str]] = options) -> list[float]:
            return ex.scores(i, options[i], s1, s2, ev, r.genders)

        seq = best_sequence(options, scores)
        for i, b in enumerate(run):
            if fixed[i] is not None:
                continue
            evidence = ("pronoun" if b in ev.gendered else "after" if ev.weak.get(b) == seq[i]
                        else "alternation" if _alternates(seq, fixed, i) else "turns")
            for k, p in enumerate(beats[b].parts):  # type: ignore[union-attr]
                if isinstance(p, Quote) and ((b, k) not in out or out[(b, k)].evidence == "pronoun") and (b, k) not in ev.own:
                    out[(b, k)] = Attribution(seq[i], evidence)
        last_other = seq[-1] if seq else last_other


def _alternates(seq: list[str], fixed: list[str | None], i: int) -> bool:
    """Line ``i`` sits in a strict two-person exchange, a tagged line of the same speaker two
    turns away: turn order is the reader's own evidence there (92 % in PDNC), no guess to flag."""
    near = seq[max(0, i - 2): i + 3]
    if len(set(near)) != 2 or any(a == b for a, b in pairwise(near)):
        return False
    return any(0 <= j < len(seq) and fixed[j] == seq[i] for j in (i - 2, i + 2))
