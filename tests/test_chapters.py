"""Chapter structure over beats (scenes/chapters.py) and the whole-story scene plan (scenes/plan.py)."""
from __future__ import annotations

import re

import pytest
from conftest import shared

from adapt.read.beats import Heading, to_beats
from adapt.read.prose import parse
from adapt.scenes.chapters import chapter_title, structure
from adapt.scenes.plan import plan


def _headings(text: str) -> list[str]:
    return [b.text for b in structure(to_beats(parse(text))).beats if isinstance(b, Heading)]


@pytest.mark.parametrize("text, expected", [
    (" CHAPTER I.\nTREATS OF THE PLACE\n\nIt began.", ["CHAPTER I. TREATS OF THE PLACE"]),
    ("12\n\nIt began.\n\n13\n\nIt went on.", ["12", "13"]),
    ("IV\n\nTHE STORM\n\nIt began.", ["IV. THE STORM"]),
    ("Chapter 3: The Storm\n\nIt began.", ["Chapter 3: The Storm"]),
    ("PART TWO\n\nChapter I\n\nIt began.", ["PART TWO", "Chapter I"]),
    ("THE ARRIVAL\n\nIt began.\n\nTHE STORM\n\nIt went on.", ["THE ARRIVAL", "THE STORM"]),
])
def test_chapter_heading_shapes(text: str, expected: list[str]) -> None:
    assert _headings("Story\n\n" + text) == expected


@pytest.mark.parametrize("text", [
    "Chapter two was found, and she glanced at its opening sentences.",
    "12 Angry Men was on at the cinema.",
    "I Think So, she said to nobody.",
    "DEAR SIR,\n\nI write in haste.",
    "NO ENTRY\n\nShe went in anyway.",  # one line in capitals is a sign, not a story's divisions
])
def test_sentences_are_not_headings(text: str) -> None:
    assert _headings("Story\n\n" + text) == []


def test_chapter_title() -> None:
    assert chapter_title("CHAPTER IV. The Storm") == "The Storm"
    assert chapter_title("Chapter I The Science of Deduction") == "The Science of Deduction"
    assert chapter_title("XII") is None


def _plan(text: str) -> list[str]:
    beats = structure(to_beats(parse(text))).beats
    return [s.heading for _, s in sorted(plan(beats, names=frozenset({"Anna"}), main="ANNA").items())]


def test_a_chapter_title_names_the_place() -> None:
    text = ("CHAPTER I\n\nAnna sat in the kitchen.\n\nCHAPTER II. In Santa Croce\n\n"
            "It was hot, and Anna was tired of Santa Croce already.")
    assert _plan(text) == ["INT. KITCHEN - DAY", "INT. SANTA CROCE - DAY"]


def test_a_place_one_is_in_is_a_town() -> None:
    text = ("Anna sat in the kitchen.\n\nNext week Anna travelled to Bristol. She had friends in "
            "Bristol, and she liked the shops in Bristol.")
    assert _plan(text)[-1] == "EXT. BRISTOL - DAY"


def test_never_unknown() -> None:
    assert _plan('"Hello," said Anna.\n\n"Hello," said Tom.') == ["INT. ANNA'S HOUSE - DAY"]


def test_every_pdnc_chapter_starts_a_scene_and_no_heading_is_unknown() -> None:
    path = shared("pdnc-dev", "OliverTwist", "novel_text.txt")
    beats = structure(to_beats(parse(path.read_text(encoding="utf-8")))).beats
    starts = plan(beats)
    chapters = [bi for bi, b in enumerate(beats) if isinstance(b, Heading)
                and re.match(r"CHAPTER", b.text)]
    assert len(chapters) == 53
    assert all(bi + 1 in starts for bi in chapters)
    assert not any("UNKNOWN" in s.heading for s in starts.values())
