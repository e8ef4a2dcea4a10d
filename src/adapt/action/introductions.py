"""Character introductions: the first time a character appears, the name in CAPS.

A screenplay introduces each character once, in action, in capitals, with the few
words the source gives about them (``EDWARD BLOOM, 40's and handsome, tells the
story.``). The first action line that names a speaking character capitalises that
name; a character who speaks before any action names them gets a short action line
just before their first speech.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from adapt.language.lexicon import FUNCTION_WORDS, KIN_NAMES, MEETING, PERSON_NOUNS, lemmas
from adapt.language.detect import looks_english
from adapt.model import Action, Dialogue, Element, SceneHeading, Section
from adapt.patterns import search_at

Describe = Callable[[str], "str | None"]


def introduce(elements: list[Element], *, name_of: Callable[[str], str],
              describe: Describe | None = None) -> list[Element]:
    """The elements with each speaking character introduced before their first line."""
    cues = {e.character for e in elements if isinstance(e, Dialogue)}
    patterns = {c: _pattern(name_of(c)) for c in cues}
    waiting = {c for c in cues if patterns[c] is not None and c.lower() not in _NOT_SOMEONE}
    longest_first = sorted(waiting, key=lambda c: -len(name_of(c)))
    out: list[Element] = []
    scene = 0  # where the current scene starts in ``out``
    for e in elements:
        if isinstance(e, (SceneHeading, Section)):
            scene = len(out) + 1
            out.append(e)
        elif isinstance(e, Action) and waiting and _names_any(e.text, waiting, patterns) \
                and looks_english(e.text):
            text = e.text
            for c in [c for c in longest_first if c in waiting]:
                text, found = _capitalise(text, *patterns[c])  # type: ignore[misc]
                if found:
                    waiting.discard(c)
            out.append(Action(text, e.line) if text != e.text else e)
        elif isinstance(e, Dialogue) and e.character in waiting:
            waiting.discard(e.character)
            if e.character.lower() not in _NOT_SOMEONE:  # not "a voice": someone to introduce
                if e.extension == "O.S.":  # a voice on the telephone is heard, not there
                    out.append(Action(f"{_who(name_of(e.character), None)} is heard, out of sight.", e.line))
                else:
                    _present(out, scene, name_of(e.character), describe, e.line)
            out.append(e)
        else:
            out.append(e)
    return out


_KIN = {"father", "mother", "brother", "sister", "son", "daughter", "aunt", "uncle", "husband", "wife",
        "grandfather", "grandmother", "cousin"}

_NEAR = 8
"""How many elements back the scene's first action line may be for an introduction to join it."""


def _present(out: list[Element], scene: int, name: str, describe: Describe | None,
             line: int | None) -> None:
    """Say a character who speaks first is there: in the scene's first action line when
    it is close ('The kitchen is warm. TOM is there too.'), with the others introduced
    there ('NORA and BEN are there.'), else in a line of its own just before the speech."""
    last = out[-1] if len(out) > scene else None
    noun = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    if isinstance(last, Action) and noun.islower() and (
            m := re.search(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+,?\s+){{0,3}}?({re.escape(noun)})\b", last.text)):
        # "A fisherman in a yellow coat comes along the wall" just before his first line
        out[-1] = Action(f"{last.text[:m.start(1)]}{noun.upper()}{last.text[m.end(1):]}", last.line)
        return
    if isinstance(last, Action) and (m := _ARRIVES.match(last.text)):
        # "A tall man in a grey coat stops ..." just before his first line: he is the one named
        out[-1] = Action(f"{m.group(1)}, {_who(name, None)}, {last.text[m.end(1):].lstrip()}", last.line)
        return
    first = next((k for k in range(scene, len(out)) if isinstance(out[k], Action)
                  and not out[k].text.startswith("MUSIC CUE")), None)
    if first is None or len(out) - first > _NEAR or not looks_english(out[first].text) \
            or not re.search(r"[.!?…][\"”’')]*$", out[first].text):
        out.append(Action(intro_line(name, describe), line))
        return
    target = out[first]
    assert isinstance(target, Action)
    intro = _who(name, describe)
    intro = intro[:1].upper() + intro[1:]  # a sentence of its own
    if m := _ADDED.search(target.text):  # "NORA is there." → "NORA and BEN are there."
        intro = re.sub(r"^The ", "the ", intro)
        text = f"{target.text[:m.start()]}{m.group('who')} and {intro} are there{m.group('too') or ''}."
    else:
        too = " too" if re.search(r"\b[A-Z]{2,}\b|\b(?:he|she|they|him|her|them)\b", target.text) else ""
        text = f"{target.text} {intro} is there{too}."
    out[first] = Action(text, target.line)


_ARRIVES = re.compile(r"(An?\s+(?:[a-z-]+,?\s+){0,3}?(?:man|woman|gentleman|lady|boy|girl|fellow|youth|lad|lass)"
                      r"(?:\s+(?:in|with|from)\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,2}?[a-z-]+)?)\s+(?=[a-z]+s\b)")
"""'A tall man in a grey coat stops ...', 'A woman with grey hair looks up': someone unnamed
comes into the scene (present tense)."""


_ADDED = re.compile(r"(?<![^ ])(?P<who>(?:The )?[A-Z][A-Z.' -]*(?:, [^,]+,)?(?: and (?:the )?[A-Z][A-Z.' -]*)*)"
                    r" (?:is|are) there(?P<too> too)?\.$")


def _who(name: str, describe: Describe | None) -> str:
    """'MARILLA, a tall, thin woman,' — the name in capitals and what the prose says of them."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    caps = name.upper()
    if (name.lower() in PERSON_NOUNS and name not in KIN_NAMES) or not any(ch.isupper() for ch in name):
        caps = "the " + caps  # "the PROFESSOR"; "Mother" of a family that calls her so is MOTHER
    about = describe(name) if describe else None
    return f"{caps}, {about}," if about else caps


def intro_line(name: str, describe: Describe | None = None) -> str:
    """'MARILLA, a tall, thin woman, is there.' — or without a description."""
    who = _who(name, describe)
    return f"{who[:1].upper()}{who[1:]} is there."


def _names_any(text: str, cues: set[str], patterns: dict[str, tuple[re.Pattern[str], str] | None]) -> bool:
    """Whether ``text`` writes the words of any of the ``cues``' patterns (each match holds
    them): an action line that names no one waiting is passed over without a search."""
    return any(patterns[c][1] in text for c in cues)  # type: ignore[index]


def _pattern(name: str) -> tuple[re.Pattern[str], str] | None:
    """The name as action prints it, a whole word; a first name may run on into a surname.
    With the pattern, the words every match of it holds (a quick test before a search)."""
    name = " ".join(name.split())
    if not name or not re.search(r"[A-Za-z]", name):
        return None
    if re.match(r"(?:the|a|an) [a-z]", name):  # "the gardener": the noun after any article
        name = name.split(" ", 1)[1]
    if name.lower() in PERSON_NOUNS and name not in KIN_NAMES:  # "Gardener" (from the cue GARDENER) is "the gardener" in prose
        name = name.lower()
    if name[:1].islower():  # a common noun cue ("gentleman"): "the gentleman", "the old gentleman"
        pos = lemmas(name.split()[-1].split("-")[-1])
        if pos and "NOUN" not in pos:
            return None  # "through", "herself": no one to introduce
        # "the gardener", and the bit part a story brings in as "A stout woman held the door",
        # or meets: "she meets a boy driving two goats"
        article = r"(?:[Tt]he|[Aa]n?)" if " " in name else rf"(?:[Tt]he|(?:{'|'.join(MEETING)}) an?)"
        if name in _KIN:  # "Her father sits beside her": the father a story never names, by whose he is
            article = r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)"
        return re.compile(rf"\b{article} ((?:[a-z]+ ){{0,2}}?)({re.escape(name)})\b(?!['’]s|-)"), name
    # The look-ahead (the name's first letter) only lets the scan skip faster.
    return re.compile(rf"(?={re.escape(name[0])})(?<![\w'’-])({re.escape(name)}(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)(?![\w-])"), name


def _capitalise(text: str, pattern: re.Pattern[str], words: str) -> tuple[str, bool]:
    if words not in text:
        return text, False
    if pattern.groups == 2:  # "the old gardener": only describing words between
        m = next((m for m in pattern.finditer(text) if all(
            {"ADJ", "NOUN"} & set(lemmas(w)) and w not in FUNCTION_WORDS for w in m.group(1).split())), None)
        if not m:
            return text, False
        return text[:m.start(2)] + m.group(2).upper() + text[m.end(2):], True
    m = pattern.search(text)
    if not m:
        return text, False
    name = m.group(1)
    # A following capitalised word is a surname only when it is not the next sentence.
    if " " in name and name[:1].isupper() and name.split()[-1] in _NOT_SURNAME:
        name = name.rsplit(" ", 1)[0]
    return text[:m.start(1)] + name.upper() + text[m.start(1) + len(name):], True


_NOT_SOMEONE = {"voice", "voices", "all", "both", "other", "others", "another", "one", "from", "young", "old",
                "third", "second", "first", "someone", "somebody", "everyone", "crowd"}
_NOT_SURNAME = {"I", "The", "A", "He", "She", "It", "They", "We", "You", "But", "And", "Then"}


def first_description(text: str, name: str) -> str | None:
    """The appositive the prose gives a name: 'Marilla, a tall, thin woman,' → 'a tall, thin woman'."""
    rx = re.compile(rf"\b{re.escape(name)},\s+((?:an?|the)\s+[^,.;:!?\"“”]{{2,40}}?),")
    m = search_at(rx, text, name + ",")  # the whole book's narration: tried only where "name," stands
    return " ".join(m.group(1).split()) if m else None

