"""The last pass over the adapted elements: wrylies, merged V.O., introductions."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from adapt.action import introductions, wrylies
from adapt.action.lead_ins import split_lead_in
from adapt.language.sentences import sentences
from adapt.model import Action, Dialogue, Element, Note, Parenthetical, Speech


def finish(elements: list[Element], *, name_of: Callable[[str], str],
           retell: Callable[[str], str], split_lead_in: Callable[[str], tuple[str, str]],
           describe: introductions.Describe | None = None,
           pronoun_of: Callable[[str], str | None] = lambda cue: None) -> list[Element]:
    """Elements as written by transform → elements a screenwriter would keep.

    ``name_of``: a cue ("MR. BUMBLE") → how action names that character ("Mr. Bumble");
    ``retell``: a sentence → the script's tense; ``describe``: a character's name →
    the few words the prose gives about them (for introductions); ``pronoun_of``: a cue →
    "he" or "she" where the cast knows it; ``split_lead_in``:
    an action ending 'Tom said:' → (the action before the tag, what the tag adds).
    """
    out: list[Element] = []
    for e in elements:
        if isinstance(e, Dialogue) and e.parts:
            out.extend(wrylies.reshape(e, name_of(e.character), retell, pronoun_of(e.character)))
        else:
            out.append(e)
    out = merge_voice_over(out)
    out = drop_lead_ins(out, split_lead_in, retell)
    out = mend_fragments(out, name_of=name_of, retell=retell)
    return introductions.introduce(out, name_of=name_of, describe=describe)


def merge_voice_over(elements: list[Element]) -> list[Element]:
    """Two V.O. blocks of one narrator in a row are one block; from two paragraphs,
    the paragraphs stay apart inside it and the block keeps both source lines."""
    out: list[Element] = []
    for e in elements:
        last = out[-1] if out else None
        if isinstance(e, Dialogue) and isinstance(last, Dialogue) and e.extension == "V.O." \
                and last.extension == "V.O." and e.character == last.character and not e.dual \
                and not last.dual and isinstance(last.parts[-1], Speech) and isinstance(e.parts[0], Speech):
            same = e.line == last.line
            joined = Speech(last.parts[-1].text + (" " if same else "\n\n") + e.parts[0].text)
            more = last.more_lines + (() if same or e.line is None else (e.line,)) + e.more_lines
            out[-1] = replace(last, parts=(*last.parts[:-1], joined, *e.parts[1:]), more_lines=more)
        else:
            out.append(e)
    return out


def mend_fragments(elements: list[Element], *, name_of: Callable[[str], str],
                   retell: Callable[[str], str]) -> list[Element]:
    """Action a cut left starting mid-sentence ('glancing at the clock', ', and he
    left') → a sentence; after a speech, a bare verb takes the speaker as subject."""
    out: list[Element] = []
    for e in elements:
        if isinstance(e, Action) and re.match(r"[a-z,;:–—-]", e.text):
            prev = next((x for x in reversed(out) if not isinstance(x, Note)), None)
            name = name_of(prev.character) if isinstance(prev, Dialogue) else ""
            text = wrylies.sentence(e.text, name, retell, speaker_pronoun=False)
            if text:
                out.append(Action(text, e.line))
            continue
        out.append(e)
    return out


def drop_lead_ins(elements: list[Element], split: Callable[[str], tuple[str, str]],
                  retell: Callable[[str], str] = lambda s: s) -> list[Element]:
    """'Then Cecil says with great emotion:' before Cecil's speech: the cue says who
    speaks, so the subject and verb go; what the tag adds becomes a wryly or action."""
    out = list(elements)
    for i, e in enumerate(out):
        if not (isinstance(e, Action) and e.text.rstrip().endswith(":")):
            continue
        nxt = next((x for x in out[i + 1:] if not isinstance(x, Note)), None)
        if not isinstance(nxt, Dialogue):
            continue
        *head, last = sentences(e.text)  # the tag is in the last sentence: "He says:"
        before, adds = split(last)
        if before == last:
            found = split_lead_in(last)  # "When Miss Barry goes away she says:"
            if found is None:
                continue
            before, adds = found
            if before == last[:-1].rstrip() + ".":  # "She turns to George." is a sentence
                out[i] = Action(" ".join([*head, before]), e.line)
                continue
        # What remains is a clause of its own now: the tense rewrite runs on it again
        # ("Peter stood up and recited:" → "Peter stands up.").
        before = " ".join([*head, retell(before) if before.strip() else before]).strip()
        j = out.index(nxt, i)
        if adds and wrylies.is_manner(adds) and not isinstance(nxt.parts[0], Parenthetical):
            out[j] = replace(nxt, parts=(Parenthetical(adds), *nxt.parts))
        elif adds:
            before = f"{before} {adds[:1].upper()}{adds[1:]}." if before else adds[:1].upper() + adds[1:] + "."
        out[i] = Action(before + ("" if re.search(r"[.!?…]['\"”’)]*$", before) else "."), e.line) \
            if before else Note("")
    return [e for e in out if not (isinstance(e, Note) and not e.text)]
