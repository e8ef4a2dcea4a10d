"""Action a screenwriter keeps: names over ambiguous pronouns, wrylies, short paragraphs."""
from __future__ import annotations

import re
import textwrap

from conftest import ROOT
from test_pipeline import adapt_text

from adapt.action import voice
from adapt.language.sentences import short_paragraphs
from adapt.language.words import tokens, words
from adapt.read.beats import Paragraph, to_beats
from adapt.read.prose import parse

SEED = ROOT / "seeds" / "tourniquet.txt"
NARRATOR = {"i", "me", "my", "mine", "i'm", "i've", "i'll", "i'd"}
SHE = {"she", "her", "hers", "she's", "she'd", "she'll"}


def _seed_script() -> str:
    return adapt_text(SEED.read_text(encoding="utf-8"), title="Tourniquet", pronoun="she")


def test_no_seed_sentence_has_two_women_called_she() -> None:
    """Buffy tells the story ("I") and fights Faith ("she"): once "I" is "she", a
    sentence may not call both of them "she/her"."""
    checked = 0
    for b in to_beats(parse(SEED.read_text(encoding="utf-8"))):
        if not isinstance(b, Paragraph):
            continue
        pairs = voice.rewrite(b.narration, narrator="Buffy", pronoun="she", tense="present",
                              other="Faith")
        source = "".join(s for s, _ in pairs)
        ws = words(tokens(source), voice.quoted_spans(source))
        by_token = dict(enumerate(new for _, new in pairs))
        referents: dict[int, set[str]] = {}
        for w in ws:
            if w.prot or by_token[w.k].lower() not in SHE:
                continue
            who = "Buffy" if w.low in NARRATOR else "Faith" if w.low in SHE else "?"
            referents.setdefault(w.sent, set()).add(who)
            checked += 1
        two = [s for s, r in referents.items() if len(r) > 1]
        assert not two, f"two women called she/her in: {b.narration[:120]}"
    assert checked > 50


def test_the_fight_names_who_hits_whom() -> None:
    script = _seed_script()
    assert "Buffy punches Faith in the jaw" in script
    assert "Buffy catches her foot" in script  # Faith's foot: the only "her" in that sentence
    assert "Buffy shakes her head and thrusts forward" in script


def test_seed_wrylies_are_short_and_never_last() -> None:
    script = _seed_script()
    blocks = [b.split("\n") for b in script.split("\n\n")]
    dialogue = [b for b in blocks if len(b) > 1 and re.fullmatch(r"[A-Z][A-Z .']+(?: \(.*\))?", b[0])]
    assert len(dialogue) > 100
    wrylies = [line for b in dialogue for line in b[1:] if line.startswith("(")]
    assert wrylies and all(len(w.split()) <= 6 for w in wrylies), wrylies
    assert not [b for b in dialogue if b[-1].startswith("(")]
    assert not [w for w in wrylies if w in {"(step)", "(her)", "(and a)"}]
    assert "Faith steps." in script  # "Step." between her lines is action


def test_a_long_sentence_is_cut_at_its_clauses() -> None:
    long = ("Sir Thomas had long been expected, and the whole family had prepared for his arrival "
            "with a care that none of them had ever given to anything before; yet he came upon them "
            "at last as a surprise, and the young people, who had been acting in the billiard-room, "
            "were thrown into such confusion as may be imagined by anyone who has ever been caught "
            "in the middle of a rehearsal.")
    paras = short_paragraphs(long)
    assert len(paras) > 1
    assert all(len(textwrap.wrap(p, 61)) <= 4 and p[:1].isupper() for p in paras)
    assert " ".join(paras).replace(".", "").replace(";", "").split() == long.replace(
        ".", "").replace(";", "").replace("yet", "Yet").split()
