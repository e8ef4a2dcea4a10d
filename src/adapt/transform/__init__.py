"""Story beats → screenplay model: the adaptation step.

Takes the beats the Transformer produced (``beats.py``) and makes the choices a
screenwriter makes: who speaks (``attribution``), where scenes start (``scenes``),
how narration reads as action (``voice``), and where a guess deserves a note.
This module conducts; ``writer.py`` turns each paragraph into dialogue and action,
``songs.py`` its songs and verse, ``text.py`` marks the words, ``options.py`` holds
what the user can override.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from lark import Tree

from adapt.action import music, voice
from adapt.action.finish import finish
from adapt.action.introductions import first_description
from adapt.action.pronouns import scene_company, scene_other
from adapt.fountain.titlepage import title_page
from adapt.language.detect import NAMES as LANGUAGE_NAMES
from adapt.model import Action, Boneyard, Note, SceneHeading, Screenplay, Section
from adapt.read.beats import Beat, Heading, Paragraph, Quote, SceneBreak, Stanza
from adapt.read.settle import song_titles
from adapt.scenes.chapters import Structure
from adapt.scenes.plan import plan as plan_scenes
from adapt.scenes.story import Story, read_story
from adapt.speakers.attribution import NARRATOR, Attribution, Cast, attribute
from adapt.speakers.castfile import dump_cast
from adapt.speakers.names import gender_of_title
from adapt.speakers.tags import split_before, tag_after
from adapt.transform import ahead, guess, plan_ahead
from adapt.transform.options import GUESSED, Options
from adapt.transform.text import marked
from adapt.transform.writer import Writer

__all__ = ["GUESSED", "Options", "speaker_table", "to_model"]

_DEFAULTS = Options()

# The tag pattern (its speech-verb alternation is rebuilt every run, ≈ 0.015 s) is built
# while these stages import: beside the copy that reads the story (cli/reading.py), not
# at attribution's first tag, when nothing else can run.
tag_after()


def _pronoun(cast: Cast, options: Options, name: str | None) -> str:
    if options.pronoun:
        return options.pronoun
    if not cast.first_person:
        return "they"  # no "I" tells it: a line or two under NARRATOR says nothing of a pronoun
    g = cast.genders.get(NARRATOR) or (gender_of_title(name) if name else None)
    return {"m": "he", "f": "she"}.get(g or "", "they")


def _attributed(story: Structure, options: Options, found: guess.Early | None = None
                ) -> tuple[Structure, dict[tuple[int, int], Attribution], Cast]:
    """Who speaks each quotation, and the cast (``found`` hears it first)."""
    speakers, cast = attribute(story.beats, narrator=options.narrator, aliases=dict(options.aliases), found=found)
    # Song titles in quotes ("sang 'The Ash Grove'") go back to the narration, after the
    # attribution so that they do not shift its turn order.
    beats, speakers = song_titles(story.beats, speakers)
    return replace(story, beats=beats), speakers, cast


def _read(tree: Tree | Story, options: Options) -> Story:
    return tree if isinstance(tree, Story) else read_story(tree, options.language)


def speaker_table(tree: Tree | Story, options: Options = _DEFAULTS) -> list[tuple[str, str, str]]:
    """(quoted words, the cue they go under, the pass that decided) for every quotation, in order.

    What ``bench/attribution_report.py`` scores, without writing the script.
    """
    story, speakers, cast = _attributed(_read(tree, options).structure, options)
    beats = story.beats
    w = Writer(cast, options, dict(cast.names), None, "they")
    rows = []
    for bi, b in enumerate(beats):
        if isinstance(b, Paragraph):
            for qi, q in enumerate(b.parts):
                if isinstance(q, Quote):
                    a = speakers.get((bi, qi))
                    rows.append((q.text, w.cue(a.speaker if a else NARRATOR), a.evidence if a else "none"))
    return rows


def to_model(tree: Tree | Story, *, title: str | None = None, options: Options = _DEFAULTS,
             report: Callable[[float], None] | None = None,
             cast_out: Callable[[str], None] | None = None) -> Screenplay:
    """The adapted screenplay for a parsed story; ``report`` hears the fraction done,
    ``cast_out`` the cast file of what the adaptation found (``--cast-out``)."""
    copies: list[ahead.Ahead] = []  # never outliving the adaptation, however it ends
    try:
        return _adapt(_read(tree, options), title, options, report, cast_out, copies)
    finally:
        for copy in copies:
            copy.stop()


def _adapt(read: Story, title: str | None, options: Options, report: Callable[[float], None] | None,
           cast_out: Callable[[str], None] | None, copies: list[ahead.Ahead]) -> Screenplay:
    found_title, story, language = read.title, read.structure, read.language
    english = language == "en"
    # A second process rewrites narration from the end meanwhile (same script, less time):
    # from when attribution has found the cast if the rewrites can do without the speakers
    # (guess.py), else from once they are known.
    # And a copy finds the chapters' scenes meanwhile (plan_ahead.py), on the core the cast's
    # collection leaves idle.
    chapters = plan_ahead.start(story.beats)
    copies.extend([chapters.copy] if chapters else [])
    early = guess.start(story.beats, options, chapters) if english else None
    try:
        story, speakers, cast = _attributed(story, options, early)
    finally:
        copy = early.copy if early else None
        copies.extend([copy] if copy else [])
    beats = story.beats
    names = dict(cast.names)
    narrator_name = names.get(NARRATOR)
    sample = " ".join(b.narration for b in beats if isinstance(b, Paragraph))[:20000]
    w = Writer(cast, options, names, voice.detect_tense(sample) if english else None,
                _pronoun(cast, options, narrator_name), english=english, beats=beats,
                songs=music.Songs.for_story([b.lines for b in beats if isinstance(b, Stanza)]),
                memo=copy.memo if copy else {})
    if not english and options.notes:
        w.elements.append(Note(f"language: the text reads as {LANGUAGE_NAMES.get(language, language)}; "
                               "narration is kept as written, not rewritten into the present tense"))
    # Subtitle, date, dedication: kept for the writer in a boneyard, never printed; a block
    # that itself holds a boneyard mark could not be read back, so it stays action.
    hidden = [f for f in story.front if "/*" not in f and "*/" not in f]
    if hidden:
        w.elements.append(Boneyard("\n" + "\n\n".join(hidden) + "\n"))
    for f in story.front:
        if f not in hidden:
            w.elements.append(Action(marked(f)))
    people = guess.people(cast)
    by_beat: list[set[str]] = [set() for _ in beats]
    for (bi, _), a in speakers.items():
        if a.speaker != NARRATOR:
            by_beat[bi].add(a.speaker)
    others = scene_other(by_beat, cast.genders, {"she": "f", "he": "m"}.get(w.pronoun))
    company = scene_company(by_beat, NARRATOR)
    starts: dict = {}  # planned below; the copy working ahead writes without scene headings
    start_list: list[int] = []

    def write(bi: int) -> None:
        b = beats[bi]
        if isinstance(b, Heading):
            w.elements.append(Section(marked(b.text), 1))
            return
        if bi in starts:
            w.scene = starts[bi].heading
            w.scene_text = _scene_text(beats, bi, start_list)
            w.elements.append(SceneHeading(starts[bi].heading, line=getattr(b, "line", None)))
            if starts[bi].note and options.notes:
                w.elements.append(Note(f"scene heading: {starts[bi].note}"))
        if isinstance(b, SceneBreak):
            return
        if isinstance(b, Stanza):
            w.stanza(bi, b)
            return
        assert isinstance(b, Paragraph)
        w.other, w.company = others[bi], company[bi]
        w.paragraph(bi, b, speakers)

    if copy is None and english:  # starting while the scenes are planned
        copy = ahead.start(len(beats), 0, write, lambda record: setattr(w, "record", record), w.memo)
        copies.extend([copy] if copy else [])
    starts = guess.planned(copy, people) if copy else None  # the copy may have planned them
    if starts is None:
        starts = plan_scenes(beats, names=people, main=_main_character(w, speakers),
                             find=chapters.find if chapters else None)
    if chapters:
        chapters.stop()
    start_list = sorted(starts)
    for bi in range(len(beats)):
        if report and bi % 200 == 0:
            report(bi / len(beats))
        if copy is not None:
            copy.reached(bi)
        write(bi)
    if copy is not None:
        copy.stop()
    narration = " ".join(b.narration for b in beats if isinstance(b, Paragraph))
    # The last pass speaks English ("NAME is there.", lead-ins, fragments made sentences).
    elements = finish(w.elements, name_of=w.action_name, retell=w.retell, split_lead_in=split_before,
                      pronoun_of=w.cue_pronoun, describe=lambda name: first_description(narration, name)) if english else w.elements
    words = sum(len(b.narration.split()) + sum(len(q.text.split()) for q in b.quotes)
                for b in beats if isinstance(b, Paragraph))
    page = title_page(options.title or options.source_title or found_title or story.title
                      or title or "Untitled", author=options.author, words=words,
                      source_author=options.source_author or story.author,
                      draft_date=options.draft_date)
    if not english:  # metadata: the HTML preview's lang
        page = replace(page, fields=page.fields + (("Language", language),))
    if cast_out:
        cast_out(_cast_file(w, speakers, options))
    return Screenplay(page, tuple(elements))


def _cast_file(w: Writer, speakers: dict[tuple[int, int], Attribution], options: Options) -> str:
    """The cast as a cast file: each speaking character's cue, other names, gender, speeches."""
    said = Counter(w.cue(a.speaker) for a in speakers.values())
    forms: dict[str, list[tuple[str, str]]] = {}
    for form, key in sorted(w.cast.written.items()):
        if "\x00" not in form + key:  # a role's inner key ("\x00the visitor") is no name to write
            forms.setdefault(w.cue(w.cast.forms.get(key, key)), []).append((form, key))
    genders: dict[str, str] = {}
    for key, g in w.cast.genders.items():
        genders.setdefault(w.cue(key), g)
    characters = [(cue, forms.get(cue, []), genders.get(cue), n) for cue, n in said.most_common()]
    narrator = options.narrator or (w.names.get(NARRATOR) if w.cast.first_person else None)
    pronoun = options.pronoun or (w.pronoun if narrator else None)
    return dump_cast(characters, narrator=narrator if narrator and narrator != "NARRATOR" else None,
                     pronoun=pronoun)


def _main_character(w: Writer, speakers: dict[tuple[int, int], Attribution]) -> str | None:
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
