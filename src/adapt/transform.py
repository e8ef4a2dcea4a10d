"""Story beats → screenplay model: the adaptation step.

Takes the beats the Transformer produced (``beats.py``) and makes the choices a
screenwriter makes: who speaks (``attribution``), where scenes start (``scenes``),
how narration reads as action (``voice``), and where a guess deserves a note.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from lark import Tree

from adapt.action import music, voice
from adapt.action.finish import finish
from adapt.action.introductions import first_description
from adapt.action.pronouns import scene_other
from adapt.fountain.titlepage import title_page
from adapt.inline import escape
from adapt.language.detect import NAMES as LANGUAGE_NAMES
from adapt.language.detect import detect as detect_language
from adapt.model import (
    Action,
    Boneyard,
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
)
from adapt.language.songs import delivery, heard_in_scene
from adapt.read.beats import (
    Beat,
    Heading,
    Narration,
    Paragraph,
    Part,
    Quote,
    SceneBreak,
    Stanza,
    to_beats,
)
from adapt.read.dashes import dash_dialogue
from adapt.read.settle import settle, song_titles
from adapt.read.verse import Verse
from adapt.scenes.chapters import Structure, structure
from adapt.scenes.plan import plan as plan_scenes
from adapt.speakers.attribution import NARRATOR, Attribution, Cast, attribute
from adapt.speakers.names import cue_name, gender_of_title
from adapt.speakers.reported import find_reported_speech
from adapt.speakers.singers import singer
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
    draft_date: str | None = None
    """The draft date for the title page; None leaves it off (reproducible output)."""
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
        if not self.english:  # no English rewriting of another language's prose
            text = text.lstrip(",;: ")  # what an unread tag leaves: ", fragte Anna."
            self.elements.extend(Action(_marked(par), line) for par in voice.short_paragraphs(text) if par)
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
        text = " ".join(text.split())
        if self.english:
            text = voice.to_action(text, narrator=narrator, pronoun=self.pronoun, tense=self.tense,
                                   names=self.name_words, named=speaker == NARRATOR)
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

    # ------------------------------------------------------------ songs and verse
    def announcing(self, bi: int, parts: list[Part], i: int) -> str:
        """The narration right before the verse at parts[i]: this paragraph's, or the
        last words of the paragraph before when the verse opens this one."""
        if i > 0 and isinstance(parts[i - 1], Narration):
            return parts[i - 1].text
        prev = self.beats[bi - 1] if bi > 0 else None
        if i == 0 and isinstance(prev, Paragraph) and isinstance(prev.parts[-1], Narration):
            return prev.parts[-1].text
        return ""

    def singer_key(self, narration: str) -> str | None:
        """The speaker key of the singer the narration names (speakers.singers), if any."""
        phrase = singer(narration) if narration else None
        if phrase is None:
            return None
        if phrase == "I":
            return NARRATOR if self.cast.first_person else None
        by_cue = {cue_name(k): k for k in self.cast.known}
        by_cue.update({cue_name(n): k for k, n in (*self.cast.names.items(), *self.names.items())})
        cue = cue_name(phrase)
        words = cue.split()
        for c in (cue, " ".join(words[1:]), words[-1]):
            if c in by_cue:
                return by_cue[c]
        return phrase if phrase[:1].isupper() and not phrase.lower().startswith("the ") else "the " + words[-1].lower()

    def context(self, bi: int) -> tuple[str, str]:
        """The words of the two beats before and the two after: what says sung or recited."""
        before = " ".join(_words_of(self.beats[j]) for j in range(max(0, bi - 2), bi))
        after = " ".join(_words_of(self.beats[j]) for j in range(bi + 1, min(len(self.beats), bi + 3)))
        return before, after

    def verse_parts(self, bi: int, parts: list[Part], i: int, key: str, *, opens: bool) -> list[DialoguePart]:
        """A quotation holding verse → speech and sung lines (a song) or speech that keeps
        its line breaks (a recited poem); a song the text names gets a music cue."""
        q = parts[i]
        assert isinstance(q, Quote)
        pieces = q.pieces or (Verse(q.verse),)
        before, after = self.context(bi)
        lead = " ".join(p.text for p in parts[:i] if isinstance(p, (Narration, Quote)))
        tail = " ".join(p.text for p in parts[i + 1:] if isinstance(p, (Narration, Quote)))
        out: list[DialoguePart] = []
        for n, piece in enumerate(pieces):
            if isinstance(piece, str):
                out.append(Speech(_marked(piece)))
                continue
            said = " ".join(x for x in pieces[:n] if isinstance(x, str))
            if delivery(" ".join((before, lead, said)), " ".join((tail, after)), reach=500) == "sung":
                self.song_cue(piece.lines, key, self.announcing(bi, parts, i) or before, shown=opens and n == 0)
                out.extend(Sung(_marked(x)) for x in piece.lines)
            else:
                out.append(Speech("\n".join(_marked(x) for x in piece.lines)))
        return out

    def song_cue(self, lines: tuple[str, ...], key: str | None, narration: str, *, shown: bool) -> None:
        """Remember a song a character sings; name it in a cue when the text gives its title."""
        name = music.title(narration)
        who = self.cue(key) if key else None
        if who and key and not key.startswith(("\x00", "the ")):
            who = who.title() if key == key.upper() or key == NARRATOR else self.names.get(key) or key
        elif who:
            who = "the " + who.lower()
        text = self.songs.cue(lines, scene=self.scene, heard=True, name=name, singer=who, announced=True)
        if shown and name:
            self.elements.append(Action(text))

    def stanza(self, bi: int, b: Stanza) -> None:
        """Verse between paragraphs: a music cue that says what it can, then the lyrics."""
        prev = self.beats[bi - 1] if bi > 0 else None
        narration = prev.parts[-1].text if isinstance(prev, Paragraph) and isinstance(prev.parts[-1], Narration) else ""
        key = self.singer_key(narration)
        who = None
        if key:
            who = self.cue(key).title() if key == NARRATOR or not key[:1].isupper() else self.names.get(key) or key
            who = "the " + who.lower() if key.startswith(("\x00", "the ")) else who
        name = music.title(narration)
        announced = bool(who) or bool(narration) and not re.search(r"[.!?][\"”’')]*\s*$", narration)
        if not any(c.islower() for x in b.lines for c in x) or \
                announced and not who and not name and delivery(*self.context(bi)) != "sung":
            # Verse the narration quotes mid-sentence ("the following effusion:"), not
            # said to be sung, or lines all in capitals (a title, a heading): the text
            # says no more than that it is verse.
            self.elements.append(Action("MUSIC CUE: a song plays."))
        else:
            self.elements.append(Action(self.songs.cue(b.lines, scene=self.scene, heard=heard_in_scene(self.scene_text),
                                                       name=name, singer=who, announced=announced)))
        self.elements.append(Lyrics(tuple(_marked(x) for x in b.lines), b.line))

    def hummed(self, bi: int, b: Paragraph) -> bool:
        """A tune set in among a paragraph's narration: the singer's sung lines (or a
        recited verse) when the narration names who; False to read it as plain action."""
        k = next(n for n, p in enumerate(b.parts) if isinstance(p, Verse))
        lead = " ".join(p.text for p in b.parts[:k] if isinstance(p, Narration))
        tail = " ".join(p.text for p in b.parts[k + 1:] if isinstance(p, Narration))
        verse = b.parts[k]
        assert isinstance(verse, Verse)
        before, after = self.context(bi)
        how = delivery(before + " " + lead, tail + " " + after, reach=500)
        key = self.singer_key(lead)
        if how is None or (key is None and how == "recited"):
            return False
        self.action(lead, b.line)
        if key is None:
            self.elements.append(Action(self.songs.cue(verse.lines, scene=self.scene, heard=True,
                                                       name=music.title(lead), announced=True)))
            self.elements.append(Lyrics(tuple(_marked(x) for x in verse.lines), b.line))
        else:
            parts: list[DialoguePart] = []
            if how == "sung":
                self.song_cue(verse.lines, key, lead, shown=True)
                parts.extend(Sung(_marked(x)) for x in verse.lines)
            else:
                parts.append(Speech("\n".join(_marked(x) for x in verse.lines)))
            self.elements.append(Dialogue(self.cue(key), tuple(parts), line=b.line))
        self.action(tail, b.line)
        return True

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
                self.action(" ".join(_words_of_part(p) for p in parts).strip(), b.line)
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
                    verse = "\n" in part.text or "\n" in merged[-1].text  # a recited poem keeps its lines
                    merged[-1] = Speech(merged[-1].text + "\n" + part.text if verse
                                        else _join_speech(merged[-1].text, part.text))
                else:
                    merged.append(part)
            if merged and isinstance(merged[-1], Speech) and "\n" not in merged[-1].text:
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
                elif self.runs_on and isinstance(last, Dialogue) and last.character == cue \
                        and isinstance(last.parts[-1], (Speech, Sung)) and isinstance(block[0], (Speech, Sung)):
                    # A song sung inside the speech: its lines stay in the one block.
                    self.elements[-1] = replace(last, parts=last.parts + tuple(block))
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
            if (q.verse or q.pieces) and (a is None or a.evidence != "tag"):
                sung_by = self.singer_key(self.announcing(bi, parts, i))
                if sung_by is not None and sung_by != current:
                    if block:
                        flush()
                        resumed = False
                    current = key = sung_by
                    a = None
            if a and a.evidence in GUESSED:
                guessed.add(a.evidence)
            if q.verse or q.pieces:
                block.extend(self.verse_parts(bi, parts, i, key, opens=not block and not self.runs_on))
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
                flush()
                self.action(rest, b.line)
                resumed = not last
        flush()
        self.runs_on = isinstance(parts[-1], Quote) and not parts[-1].closed


def _words_of_part(p: Part) -> str:
    return " ".join(p.lines) if isinstance(p, Verse) else p.text.strip()


def _words_of(b: Beat) -> str:
    """A beat's words, narration and quotations, for looking around a song."""
    if isinstance(b, Paragraph):
        return " ".join(_words_of_part(p) for p in b.parts)
    return ""


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


def _attributed(tree: Tree, options: Options) -> tuple[str | None, Structure, dict[tuple[int, int], Attribution], Cast, str]:
    """The story's structure (title line taken off, chapters, front matter), who speaks
    each quotation, and the language it is written in."""
    beats = settle(to_beats(tree))  # verse inside a speech joins the speech
    language = options.language or detect_language(" ".join(
        p.text for b in beats[:400] if isinstance(b, Paragraph) for p in b.parts)[:20000])
    beats = dash_dialogue(beats, language)  # — Где ты был? — спросила Ольга.
    found_title, beats = _title(beats)
    story = structure(beats, titled=found_title is not None)
    speakers, cast = attribute(story.beats, narrator=options.narrator, aliases=dict(options.aliases))
    # Song titles in quotes ("sang 'The Ash Grove'") go back to the narration, after the
    # attribution so that they do not shift its turn order.
    beats, speakers = song_titles(story.beats, speakers)
    return found_title, replace(story, beats=beats), speakers, cast, language


def speaker_table(tree: Tree, options: Options = Options()) -> list[tuple[str, str, str]]:
    """(quoted words, the cue they go under, the pass that decided) for every quotation, in order.

    What ``bench/attribution_report.py`` scores, without writing the script.
    """
    _, story, speakers, cast, _ = _attributed(tree, options)
    beats = story.beats
    w = _Writer(cast, options, dict(cast.names), None, "they")
    rows = []
    for bi, b in enumerate(beats):
        if isinstance(b, Paragraph):
            for qi, q in enumerate(b.parts):
                if isinstance(q, Quote):
                    a = speakers.get((bi, qi))
                    rows.append((q.text, w.cue(a.speaker if a else NARRATOR), a.evidence if a else "none"))
    return rows


def to_model(tree: Tree, *, title: str | None = None, options: Options = Options(),
             report: Callable[[float], None] | None = None) -> Screenplay:
    """The adapted screenplay for a parsed story; ``report`` hears the fraction done."""
    found_title, story, speakers, cast, language = _attributed(tree, options)
    beats = story.beats
    names = dict(cast.names)
    narrator_name = names.get(NARRATOR)
    sample = " ".join(b.narration for b in beats if isinstance(b, Paragraph))[:20000]
    english = language == "en"
    w = _Writer(cast, options, names, voice.detect_tense(sample) if english else None,
                _pronoun(cast, options, narrator_name), english=english, beats=beats,
                songs=music.Songs.for_story([b.lines for b in beats if isinstance(b, Stanza)]))
    if not english and options.notes:
        w.elements.append(Note(f"language: the text reads as {LANGUAGE_NAMES.get(language, language)}; "
                               "narration is kept as written, not rewritten into the present tense"))
    if story.front:  # subtitle, date, dedication: kept for the writer, never printed
        w.elements.append(Boneyard("\n" + "\n\n".join(story.front) + "\n"))
    people = frozenset(n for k in cast.known for n in (k, *k.split()))
    starts = plan_scenes(beats, names=people, main=_main_character(w, speakers))
    start_list = sorted(starts)
    by_beat: list[set[str]] = [set() for _ in beats]
    for (bi, _), a in speakers.items():
        if a.speaker != NARRATOR:
            by_beat[bi].add(a.speaker)
    others = scene_other(by_beat, cast.genders, {"she": "f", "he": "m"}.get(w.pronoun))
    for bi, b in enumerate(beats):
        if report and bi % 200 == 0:
            report(bi / len(beats))
        if isinstance(b, Heading):
            w.elements.append(Section(_marked(b.text), 1))
            continue
        if bi in starts:
            w.scene = starts[bi].heading
            w.scene_text = _scene_text(beats, bi, start_list)
            w.elements.append(SceneHeading(starts[bi].heading, line=getattr(b, "line", None)))
            if starts[bi].note and options.notes:
                w.elements.append(Note(f"scene heading: {starts[bi].note}"))
        if isinstance(b, SceneBreak):
            continue
        if isinstance(b, Stanza):
            w.stanza(bi, b)
            continue
        assert isinstance(b, Paragraph)
        w.other = others[bi]
        w.paragraph(bi, b, speakers)
    narration = " ".join(b.narration for b in beats if isinstance(b, Paragraph))
    # The last pass speaks English ("NAME is there.", lead-ins, fragments made sentences).
    elements = finish(w.elements, name_of=w.action_name, retell=w.retell, split_lead_in=split_before,
                      describe=lambda name: first_description(narration, name)) if english else w.elements
    words = sum(len(b.narration.split()) + sum(len(q.text.split()) for q in b.quotes)
                for b in beats if isinstance(b, Paragraph))
    page = title_page(options.title or options.source_title or found_title or story.title
                      or title or "Untitled", author=options.author, words=words,
                      source_author=options.source_author or story.author,
                      draft_date=options.draft_date)
    if not english:  # metadata: the HTML preview's lang
        page = replace(page, fields=page.fields + (("Language", language),))
    return Screenplay(page, tuple(elements))


def _main_character(w: _Writer, speakers: dict[tuple[int, int], Attribution]) -> str | None:
    """The cue with the most speeches: whose home a story that names no place is set in."""
    counts = Counter(a.speaker for a in speakers.values())
    for key, _ in counts.most_common(3):
        if key in w.cast.known or key == NARRATOR and w.names.get(NARRATOR):
            return w.cue(key)  # a name, not "the woman"
    return None


def _scene_text(beats: list[Beat], bi: int, starts: list[int]) -> str:
    """The narration of the scene that starts at beat ``bi``, up to the next scene."""
    later = [x for x in starts if x > bi]
    end = later[0] if later else len(beats)
    return " ".join(b.narration for b in beats[bi:end] if isinstance(b, Paragraph))
