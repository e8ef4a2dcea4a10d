"""One paragraph of beats → dialogue blocks, wrylies and action lines."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from adapt.action import music, voice
from adapt.model import (
    Action,
    Dialogue,
    DialoguePart,
    Element,
    Note,
    Parenthetical,
    Speech,
    Sung,
)
from adapt.read.beats import Beat, Narration, Paragraph, Quote
from adapt.read.verse import Verse
from adapt.speakers.attribution import NARRATOR, Attribution, Cast
from adapt.speakers.names import cue_name
from adapt.speakers.reported import ReportedSpeech, find_reported_speech
from adapt.speakers.tags import named_tag, split_after, split_before
from adapt.transform.options import GUESSED, Options
from adapt.transform.songs import Singing
from adapt.transform.text import end_speech, join_speech, marked, words_of_part

_LETTERS = re.compile(r"[^\W\d_]+")
"""A run of letters: every word the rewrite could take for a cast name is one."""
UNSEEN = "\x00the voice"
"""The speaker key of "said a voice" (``resolver.subject``) when nothing names the voice."""


@dataclass
class Writer(Singing):
    """Accumulates elements; one instance per adaptation."""

    cast: Cast
    options: Options
    names: dict[str, str]
    tense: str | None
    pronoun: str
    elements: list[Element] = field(default_factory=list)
    english: bool = True
    """English narration is rewritten (present tense, third person); other languages' stays as written."""
    runs_on: bool = False
    """The last paragraph's speech runs on into the next one (no closing mark)."""
    beats: list[Beat] = field(default_factory=list)
    songs: music.Songs = field(default_factory=music.Songs)
    scene: str = ""
    """The current scene's heading and narration: where a song is heard."""
    scene_text: str = ""
    other: str | None = None
    """The one other character near this paragraph who takes the narrator's pronoun."""
    company: str | None = None
    """The one other character who speaks near this paragraph: whom the narrator's "we" names."""
    memo: dict = field(default_factory=dict)
    """Rewrites worked out ahead (``ahead.py``), keyed by all their arguments."""
    record: dict | None = None
    """Where the copy working ahead keeps its rewrites."""

    def rewrite(self, text: str, **how: object) -> str:
        """``voice.to_action(text, **how)``, from ``memo`` when worked out ahead.

        A cast name only counts where the passage writes it, so the key holds those alone:
        a copy that guessed the cast (``guess.py``) finds the same key wherever its guess
        agrees on the passage's names."""
        names = how.get("names")
        if names:
            how["names"] = names & frozenset(_LETTERS.findall(text))  # type: ignore[operator]
        return self._worked((text, *sorted(how.items())), lambda: voice.to_action(text, **how))  # type: ignore[arg-type]

    def paragraphs(self, text: str) -> list[str]:
        """``voice.short_paragraphs(text)``, from ``memo`` when worked out ahead."""
        return list(self._worked(("short_paragraphs", text), lambda: tuple(voice.short_paragraphs(text))))

    def reported(self, text: str) -> ReportedSpeech | None:
        """``find_reported_speech(text)``, from ``memo`` when worked out ahead."""
        return self._worked(("reported", text), lambda: (find_reported_speech(text),))[0]

    def tag_after(self, text: str) -> tuple[bool, str]:
        """``split_after(text)``, from ``memo`` when worked out ahead."""
        return self._worked(("split_after", text), lambda: split_after(text))

    def _worked(self, key: tuple, work: Callable[[], Any]) -> Any:
        """What ``work()`` gives, from ``memo`` when the copy worked it out ahead; recorded for
        the parent when this is the copy."""
        found = self.memo.get(key)
        if found is None:
            found = work()
            if self.record is not None:
                self.record[key] = found
        return found

    def cue(self, key: str) -> str:
        name = self.names.get(key) or self.cast.names.get(key) or key
        wanted = self.aliases.get(cue_name(name), name)
        cue = cue_name(name if wanted == key else wanted)  # ("Henry" = "Mr. Crawford": his cue HENRY stays)
        return cue_name(self.renamed.get(cue, cue))

    @cached_property
    def renamed(self) -> dict[str, str]:
        """The cast file's ``[cues]``: a character renamed everywhere, at the last step."""
        return {cue_name(a): n for a, n in self.options.cues}

    @cached_property
    def narrator(self) -> str | None:
        """The first-person narrator's name, the one "I" becomes in action lines."""
        return self.names.get(NARRATOR) if self.cast.first_person else None

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Cue → the name the user wants under it (--alias, the cast file)."""
        return {cue_name(a): n for a, n in self.options.aliases}

    def action(self, text: str, line: int | None) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if not self.english:  # no English rewriting of another language's prose
            text = text.lstrip(",;: ")  # what an unread tag leaves: ", fragte Anna."
            self.elements.extend(Action(marked(par), line) for par in voice.short_paragraphs(text) if par)
            return
        narrator = self.narrator
        said = self.reported(text)
        speaker = narrator if said and said.subject.lower().split("'")[0] == "i" else None
        if said and speaker:
            self.action(said.before, line)
            if self.options.notes:
                self.elements.append(Note("dialogue: spoken words the prose reports without quotation marks"))
            self.elements.append(Dialogue(cue_name(speaker), (Speech(marked(said.words)),), line=line))
            self.action(said.after, line)
            return
        for chunk, inner in voice.split_inner_voice(text) if narrator else [(text, False)]:
            if inner and narrator:
                self.elements.append(Dialogue(cue_name(narrator), (Speech(marked(chunk)),), "V.O.", line=line))
                continue
            acted = self.rewrite(chunk, narrator=narrator, pronoun=self.pronoun, tense=self.tense,
                                 names=self.name_words, other=self.other_name,
                                 company=self.company_name)
            for par in self.paragraphs(acted):
                self.elements.append(Action(marked(par), line))

    def business(self, text: str, speaker: str | None = None) -> str:
        """Narration between quotes, as a wryly: third person, present, lower-case start.
        Under the narrator's own cue the narrator is already named: "(raising his eyebrows)"."""
        narrator = self.narrator
        text = " ".join(text.split())
        if self.english:
            text = self.rewrite(text, narrator=narrator, pronoun=self.pronoun, tense=self.tense,
                                names=self.name_words, named=speaker == NARRATOR,
                                company=self.company_name)
        text = text.strip(" ,;:.–—-")
        if text[:1] == "(" and text[-1:] == ")" and text.count("(") == 1:
            text = text[1:-1].strip()  # the prose's own "(looking at the butler)": one pair
        first = re.sub(r"['’]s$", "", text.split(" ", 1)[0])
        # Wrylies start in lower case ("(raising an eyebrow)"), but a name keeps its capital.
        return text if first in self.proper or first == "I" else text[:1].lower() + text[1:]

    def cue_pronoun(self, cue: str) -> str | None:
        """A cue → "he" or "she", where the cast knows the character's sex and no other
        character under the cue has the other."""
        return self._cue_pronouns.get(cue)

    @cached_property
    def _cue_pronouns(self) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for key, g in self.cast.genders.items():
            p = {"m": "he", "f": "she"}.get(g)
            if p:
                cue = self.cue(key)
                found[cue] = p if found.get(cue, p) == p else None
        return found

    @cached_property
    def _action_names(self) -> dict[str, str]:
        return {cue_name(n): n for n in (*self.cast.known, *self.names.values()) if n}

    def action_name(self, cue: str) -> str:
        """A cue ("MR. BUMBLE") → the name action gives the character ("Mr. Bumble")."""
        found = self._action_names.get(cue)
        return found or " ".join(w if w in {"DE", "VAN", "VON"} else w.capitalize() for w in cue.split())

    def retell(self, sentence: str) -> str:
        """A sentence made from a wryly, in the script's tense."""
        return voice.to_action(sentence, narrator=None, pronoun=self.pronoun, tense=self.tense,
                               names=self.name_words)

    @property
    def other_name(self) -> str | None:
        return self.action_name(self.cue(self.other)) if self.other and self.narrator else None

    @property
    def company_name(self) -> str | None:
        return self.action_name(self.cue(self.company)) if self.company and self.narrator else None

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Capitalised words of the characters' names, for the tense rewrite."""
        return frozenset(w for w in self.proper if w[:1].isupper() and w.isalpha()
                         and w.lower() not in voice.NOT_NAMES)

    @cached_property
    def proper(self) -> frozenset[str]:
        """Words of the characters' names: they keep their capitals in a wryly."""
        return frozenset(w for n in (*self.cast.known, *self.names.values()) for w in n.split())


    def paragraph(self, bi: int, b: Paragraph, speakers: dict[tuple[int, int], Attribution]) -> None:
        parts = list(b.parts)
        qpos = [i for i, p in enumerate(parts) if isinstance(p, Quote)]
        if self.runs_on and not isinstance(parts[0], Quote):
            # The novel's convention (a speech running on opens the next paragraph with
            # a mark) does not hold: the quotation was simply never closed.
            if self.options.notes:
                self.elements.append(Note("quotation: no closing quotation mark; the speech was read to the end of its paragraph"))
            self.runs_on = False
        if not qpos:
            if not (any(isinstance(p, Verse) for p in parts) and self.hummed(bi, b)):
                self.action(" ".join(words_of_part(p) for p in parts).strip(), b.line)
            return
        lead = parts[0].text if qpos[0] > 0 else ""  # type: ignore[union-attr]
        lead, wryly = split_before(lead)
        if lead.strip():
            self.action(lead, b.line)
        current: str | None = None
        block: list[DialoguePart] = [Parenthetical(self.business(wryly))] if wryly else []
        guessed: set[str] = set()
        resumed: str | None = None  # who spoke before the action the next block follows

        def flush() -> None:
            nonlocal block, current, resumed
            merged: list[DialoguePart] = []
            for part in block:  # quotations split by a bare tag read as one speech
                if merged and isinstance(part, Speech) and isinstance(merged[-1], Speech):
                    verse = "\n" in part.text or "\n" in merged[-1].text  # a recited poem keeps its lines
                    merged[-1] = Speech(merged[-1].text + "\n" + part.text if verse
                                        else join_speech(merged[-1].text, part.text))
                else:
                    merged.append(part)
            for n, part in enumerate(merged):  # the speech a tag cut at a comma ends there, before a wryly too
                if isinstance(part, Speech) and "\n" not in part.text and (
                        n == len(merged) - 1 or isinstance(merged[n + 1], Parenthetical)):
                    merged[n] = Speech(end_speech(part.text))
            block = merged
            if block and current is not None:
                if self.options.notes:
                    for ev in sorted(guessed):
                        self.elements.append(Note(f"speaker: {GUESSED[ev]}"))
                cue = self.cue(current)
                last = self.elements[-1] if self.elements else None
                if self.runs_on and isinstance(last, Dialogue) and last.character == cue \
                        and isinstance(last.parts[-1], Speech) and isinstance(block[0], Speech):
                    # One speech over several paragraphs stays one block, paragraphs kept.
                    joined = Speech(last.parts[-1].text + "\n\n" + block[0].text)
                    self.elements[-1] = replace(last, parts=last.parts[:-1] + (joined,) + tuple(block[1:]))
                elif self.runs_on and isinstance(last, Dialogue) and last.character == cue \
                        and isinstance(last.parts[-1], (Speech, Sung)) and isinstance(block[0], (Speech, Sung)):
                    # A song sung inside the speech: its lines stay in the one block.
                    self.elements[-1] = replace(last, parts=last.parts + tuple(block))
                else:
                    # "cried a voice" nobody is seen to speak: a voice off screen (O.S.).
                    ext = "CONT'D" if resumed else "O.S." if current == UNSEEN else None
                    self.elements.append(Dialogue(cue, tuple(block), ext, line=b.line))
                self.runs_on = False
            block, current = [], None
            guessed.clear()

        for k, i in enumerate(qpos):
            q = parts[i]
            assert isinstance(q, Quote)
            a = speakers.get((bi, i))
            key = a.speaker if a else NARRATOR
            if current is not None and key != current:
                flush()
            if resumed != key:
                resumed = None  # "(CONT'D)" only for the one who spoke before the action
            current = key
            if (q.verse or q.pieces) and (a is None or a.evidence != "tag"):
                sung_by = self.singer_key(self.announcing(bi, parts, i))
                if sung_by is not None and sung_by != current:
                    if block:
                        flush()
                        resumed = None
                    current = key = sung_by
                    a = None
            if a and a.evidence in GUESSED:
                guessed.add(a.evidence)
            if q.verse or q.pieces:
                block.extend(self.verse_parts(bi, parts, i, key, opens=not block and not self.runs_on))
            elif q.text.strip():
                block.append(Speech(marked(q.text.strip())))
            nxt = parts[i + 1] if i + 1 < len(parts) else None
            if isinstance(nxt, Narration):
                tagged, rest = self.tag_after(nxt.text)
                named = named_tag(nxt.text) if tagged else None
                if named and not (a and a.evidence in ("tag", "pronoun", "named") and self.cast.forms.get(named, named) == a.speaker):
                    # The words read like a tag, yet attribution did not take the name in it
                    # ("Tom was shouting" with no Tom it knows; '"Bring me a stick." Women
                    # were screaming.' said by the man): the narration keeps them.
                    tagged, rest = False, nxt.text
                if not rest.strip(" ,.;:–—-"):
                    continue
                last = k == len(qpos) - 1
                # The manner of a tag stays with the speech as a wryly ("coldly");
                # what follows its sentence is action.
                manner, _, after = rest.partition(". ") if tagged else ("", "", rest)
                if tagged and len(manner.split()) <= 12:
                    if manner.strip(" ,.;:–—-"):  # "said Dana. She smiled." has none
                        block.append(Parenthetical(self.business(manner, current)))
                    rest = after
                    if not rest.strip(" ,.;:–—-"):
                        continue
                elif tagged:
                    rest = manner + (". " + after if after else "")
                if not last and len(rest.split()) <= 12:
                    block.append(Parenthetical(self.business(rest, current)))
                    continue
                was = current
                flush()
                self.action(rest, b.line)
                resumed = was if not last else None
        flush()
        self.runs_on = isinstance(parts[-1], Quote) and not parts[-1].closed

