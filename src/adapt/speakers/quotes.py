"""The table of quotation paragraphs: what the text says about who speaks each, read in order.

Reading the story once, front to back, is the only way pronouns and "the lady" resolve (they
point at whoever the narration just named), so this module walks the beats with the
``Resolver`` and records, per quotation paragraph, every piece of evidence a pass can use:
its tags, the subject of the narration around it, the speech announced just before it, the
person the previous line called by name. It decides nothing itself: ``passes.py`` does, in
order, and the provisional decision it takes here only keeps the resolver's idea of who has
just spoken up to date.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from adapt.language.sentences import last_clause, sentences
from adapt.read.beats import Beat, Heading, Paragraph, Quote, SceneBreak
from adapt.speakers import tags
from adapt.speakers.evidence import (
    WHO_OPENS,
    Attribution,
    closing_speaker,
    tag_evidence,
)
from adapt.speakers.names import vocatives
from adapt.speakers.resolver import NARRATOR, Resolver, first_subject


@dataclass
class Turn:
    """One paragraph holding quotations, and the evidence about its speaker."""

    beat: int
    """Index of the paragraph among the story's beats."""
    quotes: list[int]
    """Indices of its quotations among the paragraph's parts."""
    tagged: dict[int, str] = field(default_factory=dict)
    """Quotation part → the speaker its own tag names ("said Alice", "she said")."""
    tag_gender: dict[int, str] = field(default_factory=dict)
    """Quotation part → the gender a he/she/"her mother"/"the lady" tag requires."""
    carries_on: bool = False
    """Its first tag continues the last speaker ("she added", "he went on")."""
    continues: str | None = None
    """Speaker of the previous paragraph's speech, which ran on unclosed into this one."""
    action: str | None = None
    """Who the narration right before its first quotation is about (found by the action pass)."""
    intro: str | None = None
    """Who the narration paragraph before announced ("Then she speaks:")."""
    addressee: str | None = None
    """Whom the previous speech called by name, when not its own speaker."""
    weak: str | None = None
    """Who acts right before or after the speech, when nothing stronger speaks for anyone."""
    present: tuple[str, ...] = ()
    """Who the narration last mentioned as the paragraph begins."""
    before: str = ""
    """The narration paragraph right before, if the one before holds no quotation."""
    decided: Attribution | None = None
    """The speaker a paragraph pass found (``passes.py``), with the pass's name."""


@dataclass
class Table:
    """Every quotation paragraph, grouped into exchanges (runs not broken by scenes or long narration)."""

    turns: dict[int, Turn] = field(default_factory=dict)
    """Beat index → its turn."""
    runs: list[list[int]] = field(default_factory=lambda: [[]])
    """Exchanges: beat indices of the paragraphs that take turns."""
    fresh: set[int] = field(default_factory=set)
    """Runs that open a chapter or scene: nobody carries over into them."""
    head: dict[int, int] = field(default_factory=dict)
    """A paragraph continuing one speech → the paragraph the speech began in."""
    brought: dict[str, int] = field(default_factory=dict)
    """A bit part ("the young man") → the paragraph whose narration first has them in the room."""


def _note_brought(table: Table, brought: list[str], bi: int) -> None:
    """Where the narration first brings in each bit part ("A young man came along the path")."""
    for key in brought:
        table.brought.setdefault(key, bi)


LONG_NARRATION = 120
"""Words of narration, between two quotations, that end an exchange: whoever speaks after it
starts a new one (the turn order does not run across a page of story)."""

Decide = Callable[["Turn", Paragraph, Resolver], Attribution | None]
"""The paragraph passes, run on a turn as soon as the reading reaches it (``passes.decide``)."""


def read_turns(beats: list[Beat], r: Resolver, decide: Decide) -> Table:
    """Walk the story once, filling the table; ``decide`` runs the paragraph passes."""
    table = Table()
    prev_open: str | None = None
    open_bi: int | None = None  # the last paragraph, if its speech runs on into the next
    intro: str | None = None
    actor: str | None = None  # who acts in a short narration paragraph just before
    addressee: str | None = None  # named by a vocative in the last speech: likely to answer
    last_speaker: str | None = None
    gap_words = 0
    before = ""
    for bi, b in enumerate(beats):
        if isinstance(b, (Heading, SceneBreak)):
            table.runs.append([])
            table.fresh.add(len(table.runs) - 1)  # a new chapter or scene: nobody carries over
            prev_open = intro = addressee = last_speaker = open_bi = actor = None
            # the unnamed of the last scene ("the boy", "the porter") are not in this one's room
            # until the text brings them in again
            r.recent[:] = [k for k in r.recent if not k.startswith("\x00the ")]
            continue
        if not isinstance(b, Paragraph):
            continue
        if not b.quotes:
            before = b.narration
            intro, actor, brought = _narration(b.narration, r)
            _note_brought(table, brought, bi)
            gap_words += len(b.narration.split())
            addressee = None  # narration between: whoever was called by name need not answer next
            if gap_words > LONG_NARRATION:
                table.runs.append([])
                addressee = last_speaker = None
            prev_open = open_bi = None
            continue
        gap_words = 0
        if open_bi is not None and isinstance(b.parts[0], Quote):
            table.head[bi] = table.head.get(open_bi, open_bi)  # one speech over several paragraphs: one turn
        else:
            table.runs[-1].append(bi)
        qpos = [i for i, p in enumerate(b.parts) if isinstance(p, Quote)]
        t = Turn(bi, qpos, present=tuple(r.recent[-4:]), before=before)
        before = ""
        r.addressed = addressee
        explicit, pronoun, t.carries_on = tag_evidence(b, qpos, r)
        t.tagged, t.tag_gender = explicit, pronoun
        if prev_open and isinstance(b.parts[0], Quote):
            t.continues = prev_open
        t.intro = intro
        t.addressee = addressee if addressee != last_speaker else None
        t.decided = decide(t, b, r)
        if t.decided is None:
            t.weak = _weak(b, qpos, actor, r)
        table.turns[bi] = t
        r.addressed = None
        r.role_sexes(sentences(b.narration))
        _note_brought(table, r.mentions_in(b.narration), bi)
        spoken = explicit.get(qpos[-1]) or (t.decided.speaker if t.decided else None)
        voc = [r.in_room(v) for q in b.quotes for v in vocatives(q.text)]
        for v in voc:  # the one addressed is in the room
            if v in r.known and v != spoken:
                r.mention(v)
        if spoken:
            r.mention(spoken)
        last_speaker = spoken
        addressee = next((v for v in reversed(voc) if v in r.known and v != spoken), None) or next(
            (w for n in tags.spoken_to(b.narration) if (w := r.person(n)) and w != spoken), None)
        runs_on = not b.parts[qpos[-1]].closed and qpos[-1] == len(b.parts) - 1  # type: ignore[union-attr]
        prev_open = spoken if runs_on else None
        open_bi = bi if runs_on else None
        intro = actor = None
        if not isinstance(b.parts[-1], Quote):
            intro = _hands_on(b.parts[-1].text, r)  # type: ignore[union-attr]
    return table


def _hands_on(text: str, r: Resolver) -> str | None:
    """'..." And gathering her work, she was hastening away, when Elizabeth called out,': the
    speech after a paragraph ending on a tag is the tag's."""
    if not text.rstrip().endswith((",", ":", "—", "–", "-")):
        return None
    m = tags.last_tag_before(text)
    who = r.subject(tags.as_subject(m.group("s"))) if m else None
    return who if who and (who in r.known or who in r.people) else None


def _narration(text: str, r: Resolver) -> tuple[str | None, str | None, list[str]]:
    """A paragraph of narration only: (whom it announces as the next speaker, who acts in it,
    the bit parts it brings in)."""
    sents = sentences(text)
    intro = actor = None
    r.role_sexes(sents)
    if sents:
        # Pronouns in narration point at the named character they follow.
        subj = first_subject(sents[0], r)
        if subj:
            r.mention(subj)
        if len(text.split()) <= 60:
            # "…, and Lucy poured out hers to her cousin." — the last clause's subject acts last.
            # "I'm looking away now, out at the floor. Anything but her.": the last sentence
            # that has a subject.
            for sent in reversed(sents):
                clause = last_clause(sent)
                in_clause = first_subject(clause, r)
                opener = first_subject(sent, r)
                actor = in_clause or opener
                if actor and opener and opener != actor and _PRONOUN_LEAD.match(clause.lstrip()) \
                        and r.genders.get(opener) == r.genders.get(actor) and not opener.startswith("\x00"):
                    actor = opener  # "Sir William appeared ...; but on perceiving Mr. Darcy, he stopped"
                if actor:
                    break
        if text.rstrip().endswith((":", ":--", ":—", ":–")):
            intro = first_subject(sents[-1], r)  # "...and began to repeat it:--"
    brought = r.mentions_in(text)
    if sents:
        found = list(tags.intro().finditer(sents[-1]))
        if found and not re.search(r"\b(?:not|never)\b", sents[-1][found[-1].start():]):
            rel = WHO_OPENS.match(sents[-1].lstrip())  # "Fanny, who sat opposite Miss Crawford, ... said"
            who = (r.person(rel.group(1)) if rel else None) or r.subject(found[-1].group("s"))
            intro = who if who and (who.startswith("\x00") or who in r.known or who in r.people) else None
        elif intro is None and _closes_on_speech(sents[-1]):
            # "But Miss Bertram thought it most becoming to reply --", "...when thus
            # accosted by Miss Bingley,": the paragraph hands the word to someone.
            who = closing_speaker(sents[-1], set(), r)
            intro = who if who and (who in r.known or who in r.people) else None
    return intro, actor, brought


_PRONOUN_LEAD = re.compile(r"(?:(?:and|but|then|so)\s+)?(?:(?:on|upon|after|before|when|while|as)\b[^,;]{0,60}?,?\s+)?(?:he|she)\b", re.I)
_OPEN_END = re.compile(r"[,:—–-]\s*$|\s{2,}$|[a-z]$")  # "reply --", "reply" whose dash was lost


def _closes_on_speech(sentence: str) -> bool:
    if not _OPEN_END.search(sentence):
        return False
    return bool(tags.ends_speaking().search(sentence) or tags.named_before().search(sentence)
                or tags.by_agent().search(sentence))


def _weak(b: Paragraph, qpos: list[int], actor: str | None, r: Resolver) -> str | None:
    """Who acts just before ("She leans back." / "What do you wanna hear?") or right after the speech."""
    if actor and qpos[0] == 0:
        return actor
    last = qpos[-1]
    if last + 1 < len(b.parts):
        sents = sentences(b.parts[last + 1].text)  # type: ignore[union-attr]
        who = first_subject(sents[0], r) if sents else None
        return who if who != NARRATOR or r.first_person else None
    return None
