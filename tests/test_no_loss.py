"""No text lost: what the story says is in the script, for the seed and a PDNC novel.

- Every quotation is spoken, word for word, in a dialogue made from its paragraph, in
  the .fountain, and in the dialogue our reader finds there.
- Every verse line is a lyric line, in order; every chapter heading's words are there.
- Every content word of the narration is in the elements made from its paragraph,
  allowing for the adaptation's documented rewrites: first → third person (pronouns
  are not content words), present tense (a word counts when a lemma or its first four
  letters match), and tag clauses ("said she", "cried his mother") that become the cue.

The measured rates are printed (``pytest -s``) and bounded; words that tags lost are
pinned by minimal inputs at the end (KEPT, and a strict xfail for what is still lost).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import pytest
from conftest import ROOT, SHARED
from lemminflect import getAllLemmas
from test_escaping import shapes, title_shape

from adapt.fountain.reader import read_fountain
from adapt.fountain.writer import write_fountain
from adapt.inline import plain
from adapt.model import Action, Dialogue, Lyrics, Screenplay, Speech
from adapt.read.beats import Heading, Narration, Paragraph, Quote, Stanza, to_beats
from adapt.read.decode import read_input
from adapt.read.prose import parse
from adapt.speakers.names import COMMON_GENDER, SPEECH_LEMMAS
from adapt.transform import Options, to_model

STORIES = {
    "tourniquet": (ROOT / "seeds" / "tourniquet.txt", "Tourniquet"),
    "pride-and-prejudice": (SHARED / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt",
                            "Pride and Prejudice"),
}

_WORD = re.compile(r"[^\W\d_]+")  # apostrophes split: "I'm" → "i", "m"
# Function words, pronouns (which the narrator's rewrite changes) and contraction stems.
STOP = frozenset("""
a an the and or but nor so yet for of to in on at by with from into onto upon as than then
that this these those there here is am are was were be been being has have had having do does
did done will would shall should can could may might must i me my mine myself we us our ours
ourselves you your yours yourself he him his himself she her hers herself it its itself they them
their theirs themselves who whom whose which what when where why how not no all any some such
very too also just only own same other each if while because though although until unless since
over under again once both few more most out up down off about between through during before
after above below don doesn didn isn aren wasn weren won wouldn couldn shouldn ll ve re hadn hasn
haven mustn needn shan
""".split())
_SPEECH_VERBS = frozenset(SPEECH_LEMMAS)
# Nouns that name a speaker in a tag ("said her mother"): the cue carries them.
SPEAKER_NOUNS = frozenset(COMMON_GENDER) | {"ladyship", "companion", "friend", "lady", "cousin"}


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def norm(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


@cache
def lemmas(word: str) -> frozenset[str]:
    return frozenset({word, *(x for forms in getAllLemmas(word).values() for x in forms)})


def _is_speech_verb(word: str) -> bool:
    return bool(lemmas(word) & _SPEECH_VERBS)


def tag_words(parts: tuple[Narration | Quote, ...], i: int) -> set[str]:
    """Words of narration part ``i`` that a tag clause next to a quotation may hold:
    the speech verb among the first six words after a quotation with the words before
    it ("she rapturously cried"), and three words either side of the speech verb in
    the clause before a quotation ("her companion added", "said her mother").
    Generous on purpose: the losses inside tags that matter are pinned one by one in
    KEPT and LOST below."""
    ws = words(parts[i].text)
    out: set[str] = set()
    after = i > 0 and isinstance(parts[i - 1], Quote)
    before = i + 1 < len(parts) and isinstance(parts[i + 1], Quote) \
        and re.search(r"[,:—–-]\s*$", parts[i].text) is not None
    if after:  # "she has the nerve to say" (README), "he coldly replied"
        for k, w in enumerate(ws[:6]):
            if _is_speech_verb(w):
                out.update(ws[:k + 4])
                break
    if before:  # "her companion added,", "said to her sister,"
        clause = words(re.split(r"[.!?;]\s", parts[i].text)[-1])
        for k, w in enumerate(clause):
            if _is_speech_verb(w):
                out.update(clause[max(0, k - 3):k + 4])
                break
    return out


def _element_words(e: object) -> list[str]:
    if isinstance(e, Dialogue):
        texts = [e.character, e.extension or ""] + [p.text for p in e.parts]
    elif isinstance(e, Lyrics):
        texts = list(e.lines)
    else:
        texts = [getattr(e, "text", "")]
    return [w for t in texts for w in words(plain(t))]


@dataclass
class Loss:
    """Content words of the narration, by what became of them."""

    total: int = 0
    """Content words (three letters or more, not in STOP) in the narration."""
    in_tags: Counter[str] = field(default_factory=Counter)
    """Missing words that a tag clause held (allowed: the tag became the cue)."""
    named: set[str] = field(default_factory=set)
    """Tag words written with a capital: the speaker's name or title ("said Miss Lucas"),
    which the cue carries, perhaps under the form the script gives that person (CHARLOTTE)."""
    lost: list[tuple[int | None, str, bool, str]] = field(default_factory=list)
    """(source line, word, found elsewhere in the script, part start) for each word
    missing from the elements made from its paragraph. "Elsewhere" is chance in a
    novel (a common word is bound to recur), so it does not excuse a loss."""

    def report(self, name: str) -> str:
        nowhere = sum(1 for x in self.lost if not x[2])
        tags = sum(self.in_tags.values())
        return (f"{name}: {self.total} narration content words; {len(self.lost)} missing from "
                f"their paragraph's elements ({len(self.lost) / self.total:.3%}), {nowhere} from "
                f"the whole script; {tags} in tag clauses ({tags / self.total:.2%})")


@dataclass(frozen=True)
class Adapted:
    name: str
    beats: list[object]
    doc: Screenplay
    fountain: str
    back: Screenplay


@pytest.fixture(scope="module", params=list(STORIES))
def story(request: pytest.FixtureRequest) -> Adapted:
    path, title = STORIES[request.param]
    if not path.exists():
        pytest.skip(f"{path} not present (shared data lives beside the repo)")
    text, source = read_input(str(path))
    tree = parse(text, source=source)
    doc = to_model(tree, title=title, options=Options())
    fountain = write_fountain(doc)
    return Adapted(request.param, to_beats(tree), doc, fountain, read_fountain(fountain))


def measure(story: Adapted) -> Loss:
    by_line: dict[int | None, set[str]] = {}
    everywhere: set[str] = set()
    for e in story.doc.elements:
        ws = _element_words(e)
        for line in (getattr(e, "line", None), *getattr(e, "more_lines", ())):
            by_line.setdefault(line, set()).update(ws)
        everywhere.update(ws)
    for _, value in story.doc.title.fields:
        everywhere.update(words(plain(value)))
    every_lemma = {x for w in everywhere for x in lemmas(w)}
    every_prefix = {w[:4] for w in everywhere if len(w) >= 4}
    loss = Loss()
    for b in story.beats:
        if not isinstance(b, Paragraph):
            continue
        local = by_line.get(b.line, set())
        local_lemma = {x for w in local for x in lemmas(w)}
        local_prefix = {w[:4] for w in local if len(w) >= 4}
        for i, part in enumerate(b.parts):
            if not isinstance(part, Narration):
                continue
            tags = tag_words(b.parts, i)
            for w in words(part.text):
                if len(w) < 3 or w in STOP:
                    continue
                loss.total += 1
                if w in local or lemmas(w) & local_lemma or w[:4] in local_prefix:
                    continue
                if w in tags:
                    loss.in_tags[w] += 1
                    if re.search(rf"\b{w.capitalize()}\b", part.text):
                        loss.named.add(w)
                else:
                    anywhere = w in everywhere or bool(lemmas(w) & every_lemma) or w[:4] in every_prefix
                    loss.lost.append((b.line, w, anywhere, part.text[:80]))
    return loss


def test_written_script_reads_back_as_the_model(story: Adapted) -> None:
    assert title_shape(story.back) == title_shape(story.doc)
    assert shapes(story.back) == shapes(story.doc)


def test_every_quotation_is_spoken_word_for_word(story: Adapted) -> None:
    speech_by_line: dict[int | None, list[str]] = {}
    for e in story.doc.elements:
        if isinstance(e, Dialogue):
            speech_by_line.setdefault(e.line, []).extend(
                plain(p.text) for p in e.parts if isinstance(p, Speech))
    spoken_back = norm(" ".join(plain(p.text) for e in story.back.elements if isinstance(e, Dialogue)
                                for p in e.parts if isinstance(p, Speech)))
    in_file = norm(story.fountain)
    quotes = [(b.line, q.text) for b in story.beats if isinstance(b, Paragraph) for q in b.quotes
              if norm(q.text)]
    assert len(quotes) > 100
    missing = [(line, q) for line, q in quotes
               if norm(q) not in norm(" ".join(speech_by_line.get(line, [])))]
    assert not missing, f"{len(missing)} quotations not spoken in their paragraph: {missing[:5]}"
    assert all(norm(q) in in_file and norm(q) in spoken_back for _, q in quotes)


def test_every_verse_line_is_a_lyric(story: Adapted) -> None:
    stanzas = [list(b.lines) for b in story.beats if isinstance(b, Stanza)]
    sung = [[plain(x) for x in e.lines] for e in story.back.elements if isinstance(e, Lyrics)]
    assert sung == stanzas
    assert all("~" + line in story.fountain.split("\n") for s in stanzas for line in s)


def test_chapter_headings_are_kept(story: Adapted) -> None:
    text = norm(story.fountain)
    headings = [b.text for b in story.beats if isinstance(b, Heading)]
    assert all(norm(h) in text for h in headings)


def test_narration_words_are_kept(story: Adapted) -> None:
    loss = measure(story)
    print("\n" + loss.report(story.name))
    for line, w, anywhere, context in loss.lost:
        print(f"  missing {w!r} (line {line}{', found elsewhere' if anywhere else ''}): {context}")
    assert loss.total > 1000
    # Today: the seed loses none, Pride and Prejudice a few words in tags (see LOST);
    # the bound catches a construct that starts losing more.
    assert len(loss.lost) <= max(3, loss.total // 2000), loss.report(story.name)
    # Tag clauses turned into cues: about 2% of the narration in dialogue-heavy text,
    # nearly all of it the speech verb and the speaker ("said her mother"). What else a
    # tag loses is business: today "privately" and the adjectives of two subjects.
    assert sum(loss.in_tags.values()) <= loss.total * 0.03, loss.in_tags.most_common(20)
    business = {w: n for w, n in loss.in_tags.items()
                if not _is_speech_verb(w) and w not in SPEAKER_NOUNS and w not in loss.named}
    print(f"  tag words other than verbs and speakers: {business}")
    assert sum(business.values()) <= 5, business


# --- tag clauses: the cue takes the speaker and the verb, nothing else ----------------

def _adapted_words(prose: str) -> set[str]:
    doc = to_model(parse("Ann and Bob\n\nAnn met Bob.\n\n" + prose), title="T",
                   options=Options(notes=False))
    return {x for e in doc.elements for w in _element_words(e) for x in lemmas(w)}


# Words the adaptation once dropped with a tag (found by the measure above in Pride and
# Prejudice and the seed); each must now survive as a wryly or action.
KEPT = {
    "adverb inside a trailing tag": ('"I would not," he coldly replied. She said no more.', "coldly"),
    "business inside a leading tag": ('She answered in the affirmative, and, unable to resist the '
                                      'temptation, added, "We met."', "temptation"),
    "speech verb with an object": ('"Shut up!" I shouted it more ferociously than I meant to.',
                                   "ferociously"),
    "begin + -ing is an action": ('"Oh don\'t I?" She begins walking back and forth. "Let\'s see."',
                                  "begins"),
    "addressee in a leading tag": ('Elizabeth laughed, and said to Colonel Fitzwilliam, "Your '
                                   'cousin will give you a pretty notion of me."', "fitzwilliam"),
    "reported speech in a leading tag": ('She turned away, while Mrs. Reynolds replied, that he was, '
                                         'adding, "but we expect him to-morrow."', "adding"),
    "manner in a leading tag": ('He held out a letter, and said with a look of haughty composure, '
                                '"Will you read that letter?"', "haughty"),
    "participle before 'as she spoke'": ('"Indeed, all praise will be unnecessary." And rising as '
                                         'she thus spoke, she would have quitted the room.', "rising"),
    "adverb between subject and verb of a leading tag": (
        'Elizabeth privately added, "And how much I shall have to conceal."', "privately"),
    "a name in what reads like a tag, no speaker taken": ('"Stop!" Tom was shouting. The door shut.', "tom"),
    "the subject of a sentence after a closed quotation": (
        '"Bring me a stick." The cry was taken up by a hundred voices.', "cry"),
}


@pytest.mark.parametrize("prose, word", KEPT.values(), ids=KEPT.keys())
def test_tag_business_is_kept(prose: str, word: str) -> None:
    assert lemmas(word) & _adapted_words(prose)


@pytest.mark.parametrize("prose, kept", [
    ('The man took Bob by the collar and cried, "Bring me a stick." Women were screaming.', "Women"),
    ('"Stop!" Tom was shouting. The door shut.', "Tom"),
])
def test_what_reads_like_a_tag_of_someone_else_stays_action(prose: str, kept: str) -> None:
    # The cue is the man's (or a guess), so the sentence after the speech is action, whole.
    doc = to_model(parse(prose), title="T", options=Options(notes=False))
    action = " ".join(e.text for e in doc.elements if isinstance(e, Action))
    assert kept in action.split()
