"""Attribution passes: small sieves, most precise first, each deciding only what the earlier left.

The order is CoreNLP's quote attribution's (Muzny et al. 2017), as far as a grammar of tags
can follow it: a tag naming the speaker, then the paragraph's own evidence (a speech that
runs on, the actor whose narration leads into the quotation, a speech the narration just
announced), then the answer to a vocative. What no pass decides is left to the turn-taking
model (``exchange.py``), which also weighs the weak evidence recorded in the table.
Each pass names itself in the ``Attribution`` it returns, so ``bench/attribution_report.py``
can say how often it fires and how often it is right.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from adapt.language.sentences import sentences
from adapt.read.beats import Paragraph, Quote
from adapt.speakers.evidence import Attribution
from adapt.speakers.names import names_in, opening_pronoun
from adapt.speakers.quotes import Turn
from adapt.speakers.resolver import NAME_RE, NARRATOR, Resolver, first_subject


class Pass(NamedTuple):
    name: str
    """The evidence kind it records (``Attribution.evidence``)."""
    rule: str
    """What it reads, for the report and the docs."""
    apply: Callable[[Turn, Paragraph, Resolver], Attribution | None]


def _tag(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    if not t.tagged:
        return None
    first = min(t.tagged)
    if first in t.tag_gender and len(t.tagged) == len(t.tag_gender):
        # "Peter leaned on the balustrade. / 'I'm sorry,' he said": the one man the narration
        # just named is sure; else provisional, the turn model may re-choose
        g, who = t.tag_gender[first], t.tagged[first]
        named = {k for m in names_in(t.before) if (k := r.person(m.group(0))) and r.genders.get(k, g) == g}
        # (not "... to Beaufort. / He felt ...": a "he" of someone else holds the narration)
        sure = named == {who} and not any(opening_pronoun(s) == g for s in sentences(t.before))
        return Attribution(who, "named" if sure else "pronoun")
    return Attribution(t.tagged[first], "tag")


def _continued(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    return Attribution(t.continues, "continued") if t.continues else None


def _action(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    first = t.quotes[0]
    if first == 0:
        return None
    sents = sentences(b.parts[first - 1].text)  # type: ignore[union-attr]
    t.action = first_subject(sents[-1], r) if sents else None
    if t.action and t.action in _called(b, r):
        return None  # "Fanny looked up. 'Fanny, at what time...'": someone speaks to her
    return Attribution(t.action, "action") if t.action else None


def _beat(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    """'"The bus broke down." Elsie sat beside him. "Has he come?"': the one who acts between
    two speeches of a paragraph speaks them."""
    if len(t.quotes) < 2:
        return None
    between = [p for p in b.parts[t.quotes[0] + 1:t.quotes[-1]] if not isinstance(p, Quote)]
    sents = sentences(between[0].text) if between else []
    # A sentence opening on a name ("Elsie sat"), not a pronoun ("'My father'--he looked up
    # at her--'says'": anyone's "he"), an aside ("(for Mrs. Philips ...)") or a participle
    # ("looking at Darcy").
    opener = NAME_RE.match(sents[0].lstrip()) if sents else None
    who = first_subject(sents[0], r) if opener else None
    if not who or who != r.person(opener.group(0)) or who in _called(b, r):  # type: ignore[union-attr]
        return None
    return Attribution(who, "beat")


def _called(b: Paragraph, r: Resolver) -> set[str]:
    """Whom the paragraph's speech calls or talks about by name: not its speaker ("Yes,
    Charlotte, ...", "Anne is a good girl")."""
    return r.called(q.text for q in b.quotes) | r.talked_about(q.text for q in b.quotes)


def _intro(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    if t.intro and t.intro in _called(b, r):
        return None  # "Marilla came in and said:" / "Now, Marilla, ...": someone speaks to her
    return Attribution(t.intro, "intro") if t.intro else None


def _replied(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    if not t.addressee:
        return None
    # "Yes, Charlotte, ...": a line that calls the one addressed before is not theirs.
    return Attribution(t.addressee, "replied") if t.addressee not in _called(b, r) else None


PARAGRAPH_PASSES: tuple[Pass, ...] = (
    Pass("tag", "a tag names the speaker: 'said Alice', 'I ask', 'the Hatter went on' "
                "(he/she tags are recorded as 'pronoun', for the turn model to check, or as 'named' when "
                "the narration paragraph just before names one person of that sex)", _tag),
    Pass("continued", "the previous paragraph's speech runs on, unclosed, into this one", _continued),
    Pass("action", "the narration leading into the quotation is about someone: 'Jane smiled. \"...\"'", _action),
    Pass("beat", "the narration between two speeches of the paragraph is about someone: "
                 "'\"...\" Jane sat down. \"...\"'", _beat),
    Pass("intro", "the narration paragraph before announced a speech: 'Then she speaks:'", _intro),
    Pass("replied", "the previous speech called this one by name: '\"..., Jane?\"' → Jane answers", _replied),
)
"""Paragraph passes in order; the first that finds a speaker decides."""

FILL_PASSES = {
    "turns": "the turn order of the exchange (second-order Viterbi over who is present)",
    "after": "the turn order, where it agrees with the character acting next to the line",
    "continued": "a speech over several paragraphs keeps the speaker of its first",
    "goes on": "after 'as he proceeded', the teller of the speech before, where the turn order only guessed",
}
"""What the later, exchange-wide passes record (see ``exchange.py`` and ``attribution.py``)."""


def decide(t: Turn, b: Paragraph, r: Resolver) -> Attribution | None:
    """The first paragraph pass that finds a speaker for turn ``t``."""
    for p in PARAGRAPH_PASSES:
        found = p.apply(t, b, r)
        if found and found.speaker == NARRATOR and not r.first_person:
            continue  # "I remain, dear Miss Crawford": a letter's "I", in a story no "I" tells
        if found:
            return found
    return None
