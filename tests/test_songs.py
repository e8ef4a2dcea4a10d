"""Songs and verse: who sings, where verse stands in a speech, what a music cue says."""
from __future__ import annotations

import re

import pytest
from test_pipeline import SEED, adapt_text

from adapt.action.music import Songs, title
from adapt.read.verse import Verse, quote_pieces
from adapt.speakers.singers import singer


@pytest.mark.parametrize(("narration", "who"), [
    ("Old Abel, who had sat in the corner all evening, set down his pipe and began to pipe up his song:", "Old Abel"),
    ("Jem sat down to pull off his boots, and as he worked at the laces he hummed to himself:", "Jem"),
    ("Peter stood up straight on the hearthrug and recited:", "Peter"),
    ("The old gardener began to sing.", "The old gardener"),
    ("Then sang out Old Abel:", "Old Abel"),
    ("I began to hum.", "I"),
    ("Jo crossed the floor while the band struck up a tune.", None),  # heard, sung by no one
    ("The gardener leaned on his rake and cleared his throat:--", None),
    ("Nobody sang.", None),
])
def test_singer_is_the_subject_of_the_verb_that_announces_the_verse(narration: str, who: str | None) -> None:
    assert singer(narration) == who


def test_verse_set_in_inside_a_speech_is_found_and_the_prose_around_it_kept() -> None:
    raw = "It goes like this:\n    Hey, ho, the wind and the rain,\n    For the rain it raineth every day.\nThat is all."
    assert quote_pieces(raw, 2, 72) == (
        "It goes like this:", Verse(("Hey, ho, the wind and the rain,", "For the rain it raineth every day.")),
        "That is all.")


def test_a_letter_set_in_is_prose_not_verse() -> None:
    raw = ("Gracious heavenly Father, I thank Thee for the White\n   Way of Delight and the Lake of Shining"
           " Waters\n   and the Snow Queen. I'm really extremely grateful for\n   them. And that's all the blessings.")
    assert quote_pieces(raw, 5, 72) == ()


def test_music_cues_say_continues_and_returns_for_one_song() -> None:
    songs = Songs.for_story([("Blue moon in a paper sky",), ("Blue moon in a paper sky",), ("Tell me why you lie",)])
    first = songs.cue(("Blue moon in a paper sky",), scene="INT. BAR - NIGHT", heard=True)
    again = songs.cue(("Blue moon in a paper sky",), scene="INT. BAR - NIGHT", heard=True)
    later = songs.cue(("Tell me why you lie",), scene="EXT. STREET - NIGHT", heard=False)
    assert (first, again, later) == ("MUSIC CUE: a song plays in the bar.",
                                     "MUSIC CUE: the song continues: the chorus again.",
                                     "MUSIC CUE: the song returns, over the scene.")


def test_a_title_the_narration_gives() -> None:
    assert title("Tom stood up and sang \u201cThe Ash Grove\u201d, which his mother taught him:") == "The Ash Grove"
    assert title("the fiddler played the old tune _Barbara Allen_ twice") == "Barbara Allen"
    assert title("She sang, \u201cHark, my soul, it is the Lord.\u201d") is None  # a first line, not a title


def test_seed_music_cues_follow_one_song_through_the_story() -> None:
    cues = re.findall(r"^MUSIC CUE: .*$", adapt_text(SEED.read_text(encoding="utf-8")), re.M)
    assert len(cues) == 8
    assert cues[0] == "MUSIC CUE: a song plays in the club."
    assert len(set(cues)) < len(cues) and len(set(cues)) >= 3
    assert "MUSIC CUE: the song returns, over the scene." in cues
