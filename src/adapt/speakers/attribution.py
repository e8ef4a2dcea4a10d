"""Who speaks each quotation: the cast, the table of quotations, the passes in order.

1. ``cast.collect_cast`` finds the characters' names, aliases and genders;
2. ``quotes.read_turns`` reads the story once, recording each quotation paragraph's evidence,
   and runs the paragraph passes (``passes.py``: tag, continued, action, intro, replied) on it;
3. ``exchange.fill_turns`` fills the rest from the turn order of each exchange;
4. aliases the speeches pair are merged, continued speeches keep one speaker, and the
   narrator and unnamed speakers are named from what the others call them (``unnamed.py``).
Every decision records the pass that made it (``Attribution.evidence``).
"""
from __future__ import annotations

from collections.abc import Callable

from adapt.read.beats import Beat, Paragraph, Quote
from adapt.speakers.cast import Cast, collect_cast
from adapt.speakers.cues import given_name_cues
from adapt.speakers.evidence import Attribution
from adapt.speakers.exchange import Evidence, fill_turns
from adapt.speakers.goes_on import GUESSES, carry_on
from adapt.speakers.names import names_in
from adapt.speakers.narration import is_first_person, narration_words, narrator_gender
from adapt.speakers.passes import decide
from adapt.speakers.quotes import Table, read_turns
from adapt.speakers.resolver import NARRATOR, PLACEHOLDER, Resolver
from adapt.speakers.roles import link_roles, merge_called_keys, merge_self_named, merge_vocative_aliases
from adapt.speakers.unnamed import name_placeholders

__all__ = ["NARRATOR", "Attribution", "Cast", "attribute"]  # Cast and NARRATOR: re-exported for callers


def attribute(beats: list[Beat], *, narrator: str | None = None, aliases: dict[str, str] | None = None,
              found: Callable[[set[str], dict[str, str], set[str], bool], None] | None = None
              ) -> tuple[dict[tuple[int, int], Attribution], Cast]:
    """Speaker of every quotation, keyed by (beat index, quote index within the paragraph).
    ``found`` hears the cast ``collect_cast`` finds (names, genders, people) and whether an
    "I" tells the story, before the rest is worked out (the writer's copy starts from them:
    ``transform/guess.py``)."""
    proper, lowered = narration_words(beats)  # one scan, for the cast and the resolver
    known, genders, alias, people, nouns = collect_cast(beats, proper, lowered)
    first_person = is_first_person(beats)
    if found:
        found(set(known), dict(genders), set(people), first_person)
    for a, n in (aliases or {}).items():
        alias[a] = n
        known.add(n)
    written = {a: k for a, k in alias.items() if a != k}  # what the cast file will say (Cast.written)
    genders[PLACEHOLDER["m"]], genders[PLACEHOLDER["f"]] = "m", "f"
    r = Resolver(known, genders, alias)
    r.people = people
    r.nouns |= nouns  # nouns that speak somewhere ("said the gardener") name characters
    r.proper = proper
    r.first_person = first_person
    text = "\n".join(p.text for b in beats if isinstance(b, Paragraph) for p in b.parts)
    link_roles(r, text)
    table = read_turns(beats, r, decide)
    _first_named(beats, r, table)
    out, ev = _decided(table)
    fill_turns(beats, table.runs, ev, out, r, first_person)
    _turns_again(beats, table, ev, out, r, first_person, carry_on(beats, table.head, out, genders, r.called))
    merge_vocative_aliases(beats, out, r)
    merge_called_keys(beats, out, r)
    merge_self_named(beats, out, r)
    _one_speech_one_speaker(beats, table, out)
    cast = Cast(genders=genders, first_person=first_person, known=frozenset(known | people),
                forms={a: k for a, k in r.alias.items() if a != k}, written=written)
    g = narrator_gender(beats, out) if first_person else None
    if g:
        cast.genders[NARRATOR] = g
    name_placeholders(beats, out, cast, narrator, r)
    # (the user's --alias and cast file still rename the cue, at the last step: Writer.cue)
    cast.names.update((k, n) for k, n in given_name_cues(set(r.alias.values()) | known, r.alias, text).items()
                      if k not in cast.names)
    return out, cast


def _first_named(beats: list[Beat], r: Resolver, table: Table) -> None:
    """Each named character speaks no line before the text first names them (in narration,
    a tag or a speech): Mark, the sister's husband met at the wedding, is not the voice on
    the telephone an hour before."""
    first: dict[str, int] = {}
    for bi, b in enumerate(beats):
        if isinstance(b, Paragraph):
            for part in b.parts:
                for m in names_in(part.text):
                    if key := r.person(m.group(0)):
                        first.setdefault(key, bi)
    for bi, t in table.turns.items():  # or a tag means them ("said his lady": Mrs. Bennet)
        for key in t.tagged.values():
            first[key] = min(first.get(key, bi), bi)
    for key, bi in first.items():
        if not key.startswith("\x00"):  # a bit part may speak before its tag calls it "the detective"
            table.brought.setdefault(key, bi)


def _turns_again(beats: list[Beat], table: Table, ev: Evidence, out: dict[tuple[int, int], Attribution],
                 r: Resolver, first_person: bool, fixed: set[int]) -> None:
    """The exchanges holding a speech given back to its teller ("as he proceeded"), read
    again with it as an anchor: the turns after it follow the teller, not the guess."""
    for run in table.runs:
        if not fixed & set(run):
            continue
        keys = {b: sorted(k for k in out if k[0] == b) for b in run}
        for b in run:
            if b in fixed:
                ev.para[b] = out[keys[b][0]]
                ev.gendered.pop(b, None)
            elif b not in ev.para or b in ev.gendered:  # what the turn model chose, not an anchor
                for key in keys[b]:
                    if out[key].evidence in GUESSES and key not in ev.own:
                        del out[key]
        fill_turns(beats, [run], ev, out, r, first_person)


def _one_speech_one_speaker(beats: list[Beat], table: Table, out: dict[tuple[int, int], Attribution]) -> None:
    """A speech over several paragraphs keeps the speaker of its first, unless tagged anew."""
    opening: dict[int, Attribution] = {}
    for (bi, _), a in sorted(out.items()):
        opening.setdefault(bi, a)
    for bi, h in table.head.items():
        if h not in opening:
            continue
        keys = [k for k in out if k[0] == bi] or [(bi, i) for i, p in enumerate(beats[bi].parts) if isinstance(p, Quote)]  # type: ignore[union-attr]
        for key in keys:
            if out.get(key, opening[h]).evidence != "tag":
                out[key] = Attribution(opening[h].speaker, "continued")


def _decided(table: Table) -> tuple[dict[tuple[int, int], Attribution], Evidence]:
    """What the paragraph passes decided, per quotation, and the evidence the turn model weighs."""
    out: dict[tuple[int, int], Attribution] = {}
    para: dict[int, Attribution] = {}
    gendered: dict[int, str] = {}
    own: set[tuple[int, int]] = set()
    for bi, t in sorted(table.turns.items()):
        d = t.decided
        if d and d.evidence == "pronoun":
            gendered[bi] = t.tag_gender[min(t.tagged)]
        if d:
            h = table.head.get(bi)
            if h is None:
                para[bi] = d
            elif d.evidence == "tag" and para.get(h, d).evidence != "tag":
                para[h] = d  # a speech over paragraphs takes the tag of any of them
        last: int | None = None  # the paragraph's last tagged quotation so far
        for i in t.quotes:
            # An untagged quotation is the last tagged one's before it ('..., when Mrs. Norris
            # called out, "..." (looking at the butler); "..."'), else the paragraph's.
            source = i if i in t.tagged else last
            last = source
            key = t.tagged[source] if source is not None else (d.speaker if d else None)
            if key:
                kind = (("named" if d and d.evidence == "named" else "pronoun") if source in t.tag_gender else "tag") \
                    if source is not None else d.evidence  # type: ignore[union-attr]
                out[(bi, i)] = Attribution(key, kind)
                if bi in gendered and source in t.tag_gender and t.tag_gender[source] != gendered[bi]:
                    own.add((bi, i))
    ev = Evidence(para, {bi: t.weak for bi, t in table.turns.items() if t.weak}, gendered,
                  {bi for bi, t in table.turns.items() if t.carries_on},
                  {bi: t.present for bi, t in table.turns.items()}, table.fresh, table.brought, own)
    return out, ev
