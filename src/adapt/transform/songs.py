"""Songs and recited verse inside the story: music cues, sung lines, the singer named."""
from __future__ import annotations

import re
from collections.abc import Callable

from adapt.action import music
from adapt.language.songs import delivery, heard_in_scene
from adapt.model import Action, Dialogue, DialoguePart, Element, Lyrics, Speech, Sung
from adapt.read.beats import Beat, Narration, Paragraph, Part, Quote, Stanza
from adapt.read.verse import Verse
from adapt.speakers.attribution import NARRATOR, Cast
from adapt.speakers.names import cue_name
from adapt.speakers.singers import singer
from adapt.transform.text import marked, words_of


class Singing:
    """The writer's songs and verse, mixed into ``writer.Writer`` (whose fields these are)."""

    cast: Cast
    names: dict[str, str]
    elements: list[Element]
    beats: list[Beat]
    songs: music.Songs
    scene: str
    scene_text: str
    cue: Callable[[str], str]
    action: Callable[[str, int | None], None]

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
        before = " ".join(words_of(self.beats[j]) for j in range(max(0, bi - 2), bi))
        after = " ".join(words_of(self.beats[j]) for j in range(bi + 1, min(len(self.beats), bi + 3)))
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
                out.append(Speech(marked(piece)))
                continue
            said = " ".join(x for x in pieces[:n] if isinstance(x, str))
            if delivery(" ".join((before, lead, said)), " ".join((tail, after)), reach=500) == "sung":
                self.song_cue(piece.lines, key, self.announcing(bi, parts, i) or before, shown=opens and n == 0)
                out.extend(Sung(marked(x)) for x in piece.lines)
            else:
                out.append(Speech("\n".join(marked(x) for x in piece.lines)))
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
        self.elements.append(Lyrics(tuple(marked(x) for x in b.lines), b.line))

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
            self.elements.append(Lyrics(tuple(marked(x) for x in verse.lines), b.line))
        else:
            parts: list[DialoguePart] = []
            if how == "sung":
                self.song_cue(verse.lines, key, lead, shown=True)
                parts.extend(Sung(marked(x)) for x in verse.lines)
            else:
                parts.append(Speech("\n".join(marked(x) for x in verse.lines)))
            self.elements.append(Dialogue(self.cue(key), tuple(parts), line=b.line))
        self.action(tail, b.line)
        return True

