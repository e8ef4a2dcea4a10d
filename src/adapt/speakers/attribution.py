"""Who speaks each quotation: tags, then action, continuity, turn-taking, vocatives.

Evidence is ranked the way a careful reader weighs it: an explicit tag ("said Alice",
"I ask") beats the character whose action opens the paragraph, which beats the
rhythm of a two-person exchange. Runs of untagged lines are resolved by counting turns
outward from the nearest anchored line in either direction (speaker of n = speaker of
n-2), never by carrying a single guess forward, so one slip does not spread.
A first-person narrator and any "she"/"he" nobody names in narration start as
placeholders and are named afterwards from what the others call them (vocatives).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from adapt.language.sentences import sentences
from adapt.read.beats import Beat, Heading, Paragraph, Quote, SceneBreak
from adapt.speakers import tags
from adapt.speakers.cast import (
    Cast,
    collect_cast,
    is_first_person,
    merge_vocative_aliases,
    name_placeholders,
    narrator_gender,
)
from adapt.speakers.evidence import Attribution, tag_evidence
from adapt.speakers.names import ADDRESS_GENDER, vocatives
from adapt.speakers.resolver import (
    NAME_RE,
    NARRATOR,
    PLACEHOLDER,
    Resolver,
    first_subject,
)
from adapt.speakers.turns import best_sequence

__all__ = ["NARRATOR", "Attribution", "Cast", "attribute"]  # Cast and NARRATOR: re-exported for callers

W = {"same_gap": 1.0, "same": 3.0, "alt": 2.0, "third": 2.0, "reply": 2.5, "weak": 2.5, "pron": 1.0, "carry": 2.0, "last": 1.0, "present": 2.0, "prior": 2.0, "about": 2.0}


def attribute(beats: list[Beat], *, narrator: str | None = None,
              aliases: dict[str, str] | None = None) -> tuple[dict[tuple[int, int], Attribution], Cast]:
    """Speaker of every quotation, keyed by (beat index, quote index within the paragraph)."""
    known, genders, alias, people, nouns = collect_cast(beats)
    for a, n in (aliases or {}).items():
        alias[a] = n
        known.add(n)
    first_person = is_first_person(beats)
    genders[PLACEHOLDER["m"]], genders[PLACEHOLDER["f"]] = "m", "f"
    r = Resolver(known, genders, alias)
    r.people = people
    r.nouns |= nouns  # nouns that speak somewhere ("said the gardener") name characters
    r.link_roles("\n".join(p.text for b in beats if isinstance(b, Paragraph) for p in b.parts))
    out: dict[tuple[int, int], Attribution] = {}
    para_speaker: dict[int, Attribution] = {}
    weak: dict[int, str] = {}
    gendered: dict[int, str] = {}  # paragraph → gender its pronoun tag requires
    carrying_on: set[int] = set()  # "she added", "he went on": the last speaker again
    present: dict[int, tuple[str, ...]] = {}
    fresh: set[int] = set()
    runs: list[list[int]] = [[]]
    prev_open: str | None = None
    open_bi: int | None = None  # the last paragraph, if its speech runs on into the next
    head: dict[int, int] = {}  # paragraph continuing a speech → the paragraph it began in
    intro: str | None = None
    actor: str | None = None  # who acts in a short narration paragraph just before
    addressee: str | None = None  # named by a vocative in the last speech: likely to answer
    last_speaker: str | None = None
    for bi, b in enumerate(beats):
        if isinstance(b, (Heading, SceneBreak)):
            runs.append([])
            fresh.add(len(runs) - 1)  # a new chapter or scene: nobody carries over
            prev_open = intro = addressee = last_speaker = open_bi = actor = None
            continue
        if not isinstance(b, Paragraph):
            continue
        quotes = [(qi, p) for qi, p in enumerate(b.parts) if isinstance(p, Quote)]
        if not quotes:
            text = b.narration
            sents = sentences(text)
            intro = None
            actor = None
            if sents:
                # Pronouns in narration point at the named character they follow.
                subj = first_subject(sents[0], r)
                if subj:
                    r.mention(subj)
                actor = first_subject(sents[-1], r) if len(text.split()) <= 60 else None
                if text.rstrip().endswith((":", ":--", ":—", ":–")) and not intro:
                    intro = first_subject(sents[-1], r)  # "...and began to repeat it:--"
            r.mentions_in(text)
            if sents:
                found = list(tags.intro().finditer(sents[-1]))
                if found and not re.search(r"\b(?:not|never)\b", sents[-1][found[-1].start():]):
                    who = r.subject(found[-1].group("s"))
                    intro = who if who and (who.startswith("\x00") or who in r.known or who in r.people) else None
            if len(text.split()) > 120:
                runs.append([])
                addressee = last_speaker = None
            prev_open = open_bi = None
            continue
        if open_bi is not None and isinstance(b.parts[0], Quote):
            head[bi] = head.get(open_bi, open_bi)  # one speech over several paragraphs: one turn
        else:
            runs[-1].append(bi)
        # Per-quote explicit tags.
        present[bi] = tuple(r.recent[-4:])  # who is on stage as this paragraph begins
        r.addressed = addressee
        qpos = [i for i, p in enumerate(b.parts) if isinstance(p, Quote)]
        explicit, pronoun, carries_on = tag_evidence(b, qpos, r)
        if carries_on:
            carrying_on.add(bi)
        para: Attribution | None = None
        if explicit:
            first_tag = min(explicit)
            if first_tag in pronoun and len(explicit) == len(pronoun):
                para = Attribution(explicit[first_tag], "pronoun")
                gendered[bi] = pronoun[first_tag]
            else:
                para = Attribution(explicit[first_tag], "tag")
        elif prev_open and b.parts and isinstance(b.parts[0], Quote):
            para = Attribution(prev_open, "continued")
        else:
            first = qpos[0]
            if first > 0:
                sents = sentences(b.parts[first - 1].text)  # type: ignore[union-attr]
                subj = first_subject(sents[-1], r) if sents else None
                if subj:
                    para = Attribution(subj, "action")
            if para is None and intro:
                para = Attribution(intro, "intro")
            if para is None and addressee and addressee != last_speaker:
                para = Attribution(addressee, "replied")
            if para is None and actor and qpos[0] == 0:
                weak[bi] = actor  # "She leans back." / "What do you wanna hear?"
            if para is None and bi not in weak:
                last = qpos[-1]
                if last + 1 < len(b.parts):
                    sents = sentences(b.parts[last + 1].text)  # type: ignore[union-attr]
                    subj = first_subject(sents[0], r) if sents else None
                    if subj:
                        weak[bi] = subj
        if para:
            h = head.get(bi)
            if h is None:
                para_speaker[bi] = para
            elif para.evidence == "tag" and para_speaker.get(h, para).evidence not in ("tag",):
                para_speaker[h] = para
        for i in qpos:
            key = explicit.get(i) or (para.speaker if para else None)
            if key:
                ev = ("pronoun" if i in pronoun else "tag") if i in explicit else para.evidence  # type: ignore[union-attr]
                out[(bi, i)] = Attribution(key, ev)
        r.addressed = None
        r.mentions_in(b.narration)
        spoken = explicit.get(qpos[-1]) or (para.speaker if para else None)
        voc = [r.canonical(v) for q in b.quotes for v in vocatives(q.text)]
        for v in voc:  # the one addressed is in the room
            if v in known and v != spoken:
                r.mention(v)
        if spoken:
            r.mention(spoken)
        last_speaker = spoken
        addressee = next((v for v in reversed(voc) if v in known and v != spoken), None)
        runs_on = not b.parts[qpos[-1]].closed and qpos[-1] == len(b.parts) - 1  # type: ignore[union-attr]
        prev_open = spoken if runs_on else None
        open_bi = bi if runs_on else None
        intro = actor = None
    _turns(beats, runs, _Evidence(para_speaker, weak, gendered, carrying_on, present, fresh), out, r, first_person)
    merge_vocative_aliases(beats, out, r)
    for bi, h in head.items():  # a continued speech keeps its speaker unless tagged anew
        opening = next((a for (b2, _), a in sorted(out.items()) if b2 == h), None)
        if opening is None:
            continue
        for (b2, qi) in [k for k in out if k[0] == bi] or [(bi, i) for i, p in enumerate(beats[bi].parts) if isinstance(p, Quote)]:  # type: ignore[union-attr]
            if out.get((b2, qi), opening).evidence != "tag":
                out[(b2, qi)] = Attribution(opening.speaker, "continued")
    cast = Cast(genders=genders, first_person=first_person, known=frozenset(known | people))
    g = narrator_gender(beats, out) if first_person else None
    if g:
        cast.genders[NARRATOR] = g
    name_placeholders(beats, out, cast, narrator, r)
    return out, cast


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

    def score(self, i: int, s: str, s1: str | None, s2: str | None, ev: _Evidence,
              genders: dict[str, str]) -> float:
        """How likely speaker s is for line i after s1 (line i-1) and s2 (line i-2)."""
        b = self.run[i]
        v = 0.0
        if s1 is None and i == 0 and self.last_other:
            s1 = self.last_other
        if s == s1 and b in ev.carrying_on:
            v += W["carry"]
        elif s == s1:
            v -= W["same_gap"] if self.gap[i] else W["same"]
        elif s2 is not None and s == s2:
            v += W["alt"]
        elif s2 is not None:
            v -= W["third"]
        if i > 0 and s in self.called[i - 1] and s != s1:
            v += W["reply"]
        if s in self.called[i]:
            v -= 6.0
        if s in self.about[i]:
            v -= W["about"]
        if len(self.to_gender[i]) == 1 and genders.get(s) in self.to_gender[i]:
            v -= 2.0
        if ev.weak.get(b) == s:
            v += W["weak"]
        if b in ev.gendered and ev.para[b].speaker == s:
            v += W["pron"]
        return v + W["prior"] * self.cands[s] / max(1, len(self.run))


@dataclass
class _Evidence:
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


def _exchange(beats: list[Beat], run: list[int], fixed: list[str | None], ev: _Evidence, r: Resolver,
              first_person: bool, last_other: str | None) -> _Exchange:
    quotes = [[p for p in beats[b].parts if isinstance(p, Quote)] for b in run]  # type: ignore[union-attr]
    called = [{r.canonical(v) for q in qs for v in vocatives(q.text)} for qs in quotes]
    to_gender = [{ADDRESS_GENDER[w.lower()] for q in qs for w in re.findall(r"[A-Za-z']+", q.text)
                  if w.lower() in ADDRESS_GENDER and re.search(rf",\s*{w}\b|\b{w}\s*[,!?.]", q.text)}
                 for qs in quotes]
    # People rarely name themselves: whoever a speech talks about is not speaking it.
    about = [{k for q in qs for m in NAME_RE.finditer(q.text) if (k := r.person(m.group(0)))} - called[i]
             for i, qs in enumerate(quotes)]
    # Narration between two quotation paragraphs loosens the turn order.
    gap = [i > 0 and run[i] - run[i - 1] > 1 for i in range(len(run))]
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
    return _Exchange(run, gap, called, about, to_gender, cands, last_other)


def _turns(beats: list[Beat], runs: list[list[int]], ev: _Evidence, out: dict[tuple[int, int], Attribution],
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
        for i, b in enumerate(run):
            if fixed[i] is not None:
                options.append([fixed[i]])  # type: ignore[list-item]
            elif b in ev.gendered:
                # "said she": any woman of the exchange; the last one named is a hint.
                g = ev.gendered[b]
                fits = [c for c in candidates if r.genders.get(c) == g and c != NARRATOR]
                options.append(list(dict.fromkeys([ev.para[b].speaker] + fits)))
            else:
                options.append(candidates)
        def score(i: int, s: str, s1: str | None, s2: str | None, ex: _Exchange = ex) -> float:
            return ex.score(i, s, s1, s2, ev, r.genders)

        seq = best_sequence(options, score)
        for i, b in enumerate(run):
            if fixed[i] is not None:
                continue
            evidence = "pronoun" if b in ev.gendered else "after" if ev.weak.get(b) == seq[i] else "turns"
            for k, p in enumerate(beats[b].parts):  # type: ignore[union-attr]
                if isinstance(p, Quote) and ((b, k) not in out or out[(b, k)].evidence == "pronoun"):
                    out[(b, k)] = Attribution(seq[i], evidence)
        last_other = seq[-1] if seq else last_other
