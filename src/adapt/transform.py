"""Story beats → screenplay model: the adaptation step.

Takes the beats the Transformer produced (``beats.py``) and makes the choices a
screenwriter makes: who speaks (``attribution``), where scenes start (``scenes``),
how narration reads as action (``voice``), and where a guess deserves a note.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from lark import Tree

from adapt.action import voice
from adapt.action.finish import finish
from adapt.action.introductions import first_description
from adapt.action.pronouns import scene_other
from adapt.inline import escape
from adapt.model import (
    Action,
    Dialogue,
    DialoguePart,
    Element,
    Lyrics,
    Note,
    Parenthetical,
    SceneHeading,
    Screenplay,
    Section,
    Speech,
    Sung,
    TitlePage,
)
from adapt.read.beats import (
    Beat,
    Heading,
    Narration,
    Paragraph,
    Quote,
    SceneBreak,
    Stanza,
    to_beats,
)
from adapt.scenes.settings import heading as scene_heading
from adapt.scenes.settings import scenes as find_scenes
from adapt.speakers.attribution import NARRATOR, Attribution, Cast, attribute
from adapt.speakers.names import cue_name, gender_of_title
from adapt.speakers.reported import find_reported_speech
from adapt.speakers.tags import split_after, split_before

GUESSED = {"turns": "guessed from turn-taking", "after": "guessed from the action next to the line",
           "guess": "guessed: no tag or exchange to go on"}


@dataclass(frozen=True)
class Options:
    """What the user can override (command line or cast file)."""

    narrator: str | None = None
    """Name of a first-person narrator."""
    pronoun: str | None = None
    """she / he / they for the narrator in action lines."""
    aliases: tuple[tuple[str, str], ...] = ()
    """(alias, name) pairs: each alias's lines go under that name's cue."""
    notes: bool = True
    """Add [[notes]] where a speaker or structure was guessed."""
    title: str | None = None
    """Title for the title page (else the story's first heading or the file name)."""
    author: str | None = None
    """The screenwriter's name for the title page (else left for the writer to fill)."""
    source_title: str | None = None
    """The source's own title (a Gutenberg header, EPUB/DOCX metadata): over a file-name title."""
    source_author: str | None = None
    """The source's author, for "Based on the novel by ..." on the title page."""
    language: str | None = None
    """The text's language (ISO 639-1, e.g. "en", "fr") when metadata or detection gives it."""


_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")


def _marked(text: str) -> str:
    """Prose → inline-marked text; Gutenberg's _word_ means italics."""
    out, last = [], 0
    for m in _ITALIC.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append("*" + escape(m.group(1)) + "*")
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _title(beats: list[Beat]) -> tuple[str | None, list[Beat]]:
    """A short first line with no sentence in it is the story's title."""
    if beats and isinstance(beats[0], Paragraph) and not beats[0].quotes:
        text = beats[0].narration
        if "\n" not in text and len(text.split()) <= 10 and not re.search(r"[.!?,;]$", text) \
                and text[:1].isupper():
            return text, beats[1:]
    return None, beats


@dataclass
class _Writer:
    """Accumulates elements; one instance per adaptation."""

    cast: Cast
    options: Options
    names: dict[str, str]
    tense: str | None
    pronoun: str
    elements: list[Element] = field(default_factory=list)
    runs_on: bool = False
    """The last paragraph's speech runs on into the next one (no closing mark)."""
    other: str | None = None
    """The one other character near this paragraph who takes the narrator's pronoun."""

    def cue(self, key: str) -> str:
        name = self.names.get(key) or self.cast.names.get(key) or key
        return cue_name(self.aliases.get(cue_name(name), name))

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
        narrator = self.narrator
        said = find_reported_speech(text)
        speaker = narrator if said and said.subject.lower().split("'")[0] == "i" else None
        if said and speaker:
            self.action(said.before, line)
            if self.options.notes:
                self.elements.append(Note("dialogue: spoken words the prose reports without quotation marks"))
            self.elements.append(Dialogue(cue_name(speaker), (Speech(_marked(said.words)),), line=line))
            self.action(said.after, line)
            return
        for chunk, inner in voice.split_inner_voice(text) if narrator else [(text, False)]:
            if inner and narrator:
                self.elements.append(Dialogue(cue_name(narrator), (Speech(_marked(chunk)),), "V.O.", line=line))
                continue
            acted = voice.to_action(chunk, narrator=narrator, pronoun=self.pronoun, tense=self.tense,
                                    names=self.name_words, other=self.other_name)
            for par in voice.short_paragraphs(acted):
                self.elements.append(Action(_marked(par), line))

    def business(self, text: str, speaker: str | None = None) -> str:
        """Narration between quotes, as a wryly: third person, present, lower-case start.
        Under the narrator's own cue the narrator is already named: "(raising his eyebrows)"."""
        narrator = self.narrator
        text = voice.to_action(" ".join(text.split()), narrator=narrator, pronoun=self.pronoun, tense=self.tense,
                               names=self.name_words,
                               named=speaker == NARRATOR)
        text = text.strip(" ,;:.–—-")
        first = re.sub(r"['’]s$", "", text.split(" ", 1)[0])
        # Wrylies start in lower case ("(raising an eyebrow)"), but a name keeps its capital.
        return text if first in self.proper or first == "I" else text[:1].lower() + text[1:]

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
            self.action(b.narration, b.line)
            return
        lead = parts[0].text if qpos[0] > 0 else ""  # type: ignore[union-attr]
        lead, wryly = split_before(lead)
        if lead.strip():
            self.action(lead, b.line)
        current: str | None = None
        block: list[DialoguePart] = [Parenthetical(self.business(wryly))] if wryly else []
        guessed: set[str] = set()
        resumed = False

        def flush() -> None:
            nonlocal block, current, resumed
            merged: list[DialoguePart] = []
            for part in block:  # quotations split by a bare tag read as one speech
                if merged and isinstance(part, Speech) and isinstance(merged[-1], Speech):
                    merged[-1] = Speech(_join_speech(merged[-1].text, part.text))
                else:
                    merged.append(part)
            if merged and isinstance(merged[-1], Speech):
                merged[-1] = Speech(_end_speech(merged[-1].text))
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
                else:
                    self.elements.append(Dialogue(cue, tuple(block), "CONT'D" if resumed else None, line=b.line))
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
                resumed = False
            current = key
            if a and a.evidence in GUESSED:
                guessed.add(a.evidence)
            if q.verse:
                block.extend(Sung(_marked(x)) for x in q.verse if x)
            elif q.text.strip():
                block.append(Speech(_marked(q.text.strip())))
            nxt = parts[i + 1] if i + 1 < len(parts) else None
            if isinstance(nxt, Narration):
                tagged, rest = split_after(nxt.text)
                if not rest.strip(" ,.;:–—-"):
                    continue
                last = k == len(qpos) - 1
                # The manner of a tag stays with the speech as a wryly ("coldly");
                # what follows its sentence is action.
                manner, _, after = rest.partition(". ") if tagged else ("", "", rest)
                if tagged and len(manner.split()) <= 12:
                    block.append(Parenthetical(self.business(manner, current)))
                    rest = after
                    if not rest.strip(" ,.;:–—-"):
                        continue
                elif tagged:
                    rest = manner + (". " + after if after else "")
                if not last and len(rest.split()) <= 12:
                    block.append(Parenthetical(self.business(rest, current)))
                    continue
                flush()
                self.action(rest, b.line)
                resumed = not last
        flush()
        self.runs_on = isinstance(parts[-1], Quote) and not parts[-1].closed


def _join_speech(first: str, second: str) -> str:
    """'...the great frost,' he said. 'The river...' reads as two sentences once the
    tag goes to the cue; '"So," she starts, "like the show?"' as one."""
    if first.endswith(",") and second[:1].isupper() and not re.match(r"I\b|I['’]", second):
        first = first[:-1] + "."
    return first + " " + second


def _end_speech(text: str) -> str:
    """A speech the tag cut at a comma ends there: 'A match,' → 'A match.'"""
    return text[:-1] + "." if text.endswith(",") else text


def _pronoun(cast: Cast, options: Options, name: str | None) -> str:
    if options.pronoun:
        return options.pronoun
    g = cast.genders.get(NARRATOR) or (gender_of_title(name) if name else None)
    return {"m": "he", "f": "she"}.get(g or "", "they")


def to_model(tree: Tree, *, title: str | None = None, options: Options = Options(),
             report: Callable[[float], None] | None = None) -> Screenplay:
    """The adapted screenplay for a parsed story; ``report`` hears the fraction done."""
    beats = to_beats(tree)
    found_title, beats = _title(beats)
    aliases = dict(options.aliases)
    speakers, cast = attribute(beats, narrator=options.narrator, aliases=aliases)
    names = dict(cast.names)
    narrator_name = names.get(NARRATOR)
    sample = " ".join(b.narration for b in beats if isinstance(b, Paragraph))[:20000]
    w = _Writer(cast, options, names, voice.detect_tense(sample), _pronoun(cast, options, narrator_name))
    chapters: list[list[int]] = [[]]
    for bi, b in enumerate(beats):
        if isinstance(b, Heading):
            chapters.append([bi])
        else:
            chapters[-1].append(bi)
    people = frozenset(n for k in cast.known for n in (k, *k.split()))
    by_beat: list[set[str]] = [set() for _ in beats]
    for (bi, _), a in speakers.items():
        if a.speaker != NARRATOR:
            by_beat[bi].add(a.speaker)
    others = scene_other(by_beat, cast.genders, {"she": "f", "he": "m"}.get(w.pronoun))
    heading: str | None = None
    done = 0
    for chapter in chapters:
        if report and beats:
            report(done / len(beats))
        done += len(chapter)
        starts = _scene_starts(beats, chapter, heading, people)
        for bi in chapter:
            b = beats[bi]
            if isinstance(b, Heading):
                w.elements.append(Section(_marked(b.text), 1))
                continue
            if bi in starts:
                heading, doubt = starts[bi]
                w.elements.append(SceneHeading(heading, line=b.line))
                if doubt and options.notes:
                    w.elements.append(Note(f"scene heading: {doubt}"))
            if isinstance(b, SceneBreak):
                continue
            if isinstance(b, Stanza):
                w.elements.append(Action("MUSIC CUE: a song plays."))
                w.elements.append(Lyrics(tuple(_marked(x) for x in b.lines), b.line))
                continue
            assert isinstance(b, Paragraph)
            w.other = others[bi]
            w.paragraph(bi, b, speakers)
    narration = " ".join(b.narration for b in beats if isinstance(b, Paragraph))
    elements = finish(w.elements, name_of=w.action_name, retell=w.retell, split_lead_in=split_before,
                      describe=lambda name: first_description(narration, name))
    fields = [("Title", escape(options.title or found_title or title or "Untitled"))]
    fields.append(("Credit", "Screenplay adapted by adapt"))
    fields.append(("Source", f"Based on the story{' by ' + escape(options.author) if options.author else ''}"))
    return Screenplay(TitlePage(tuple(fields)), tuple(elements))


UNKNOWN_PLACE = "INT. UNKNOWN LOCATION - DAY"


def _scene_starts(beats: list[Beat], chapter: list[int], previous: str | None,
                  people: frozenset[str]) -> dict[int, tuple[str, str | None]]:
    """Where scenes start in one chapter → (heading, a note when it is a guess).

    A chapter, and a scene break (***), always start a scene: where the text names no
    new place, the story stays where it was, later; with no place at all yet, the
    heading says so and a note flags it.
    """
    body = [bi for bi in chapter if not isinstance(beats[bi], Heading)]
    if not body:
        return {}
    found = find_scenes([_narration_of(beats[bi]) for bi in body], names=people)
    starts: dict[int, tuple[str, str | None]] = {
        body[s.start]: (scene_heading(s.setting, s.suffix), None) for s in found}
    current = previous
    for n, bi in enumerate(body):
        needs = n == 0 or isinstance(beats[bi], SceneBreak)
        if needs and bi not in starts:
            if isinstance(beats[bi], SceneBreak) and n + 1 < len(body) and body[n + 1] in starts:
                continue  # the next paragraph names the new place itself
            if not current:
                starts[bi] = (UNKNOWN_PLACE, "the text does not say where this happens")
            elif n == 0 and isinstance(beats[chapter[0]], Heading):
                # A new chapter that names no place: keep the last one, but say so.
                starts[bi] = (current.split(" - ")[0] + " - LATER",
                              "a new chapter that names no place; kept from the scene before")
            else:
                starts[bi] = (current.split(" - ")[0] + " - LATER", None)
        if bi in starts:
            current = starts[bi][0]
    return starts


def _narration_of(b: Beat) -> str:
    if isinstance(b, Paragraph):
        return b.narration
    return ""
