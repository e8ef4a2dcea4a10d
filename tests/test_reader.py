"""The prose grammar and the beats Transformer on small snippets."""
from __future__ import annotations

import pytest

from adapt.read.beats import (
    Heading,
    Narration,
    Paragraph,
    Quote,
    SceneBreak,
    Stanza,
    to_beats,
)
from adapt.read.prose import _parser, parse


def beats(text: str) -> list:
    return to_beats(parse(text))


def test_tag_after_and_between_quotes() -> None:
    [p] = beats('"So," she starts, raising an eyebrow, "like the show?"')
    assert isinstance(p, Paragraph)
    assert [type(x) for x in p.parts] == [Quote, Narration, Quote]
    assert p.parts[0].text == "So," and p.parts[2].text == "like the show?"
    assert p.parts[1].text.strip() == "she starts, raising an eyebrow,"


def test_tag_before_quote_and_curly_quotes() -> None:
    [p] = beats("Alice said, “I don’t know.”")
    assert [type(x) for x in p.parts] == [Narration, Quote]
    assert p.parts[1].text == "I don’t know."


def test_a_word_quoted_inside_a_speech_in_the_same_marks_stays_in_it() -> None:
    # a mark after a space and before a letter opens a quotation inside the speech; it was
    # read as the speech's end, "prentice" became a parenthetical and "a fair start" was lost
    [p] = beats('"You are a going to "prentice" him," said Mr. Bumble, "and give him "a fair start" too."')
    assert [type(x) for x in p.parts] == [Quote, Narration, Quote]
    assert p.parts[0].text == 'You are a going to "prentice" him,'
    assert p.parts[2].text == 'and give him "a fair start" too.'
    [p] = beats("“They call it “the cure” here,” she said.")
    assert p.parts[0].text == "They call it “the cure” here,"
    # a speech closed by a mark after a space is still closed; the next speech is its own
    [p] = beats('"Yes, " said Tom, "I will." "Go," said Ann.')
    assert [x.text for x in p.parts if isinstance(x, Quote)] == ["Yes,", "I will.", "Go,"]


def test_wrapped_paragraph_is_joined_and_quote_spans_lines() -> None:
    text = ('"My dear Mr. Bennet," said his lady to him one day, "have you heard that\n'
            'Netherfield Park is let at last?"')
    [p] = beats(text)
    assert p.quotes[1].text == "have you heard that Netherfield Park is let at last?"


def test_unclosed_quote_continues_to_next_paragraph() -> None:
    b = beats('"It began long ago,\nwhen I was young.\n\n"And it never ended."')
    assert b[0].quotes[0].closed is False
    assert b[1].quotes[0].closed is True


def test_scene_breaks_and_headings() -> None:
    b = beats("CHAPTER I.\n\nIt was night.\n\n* * *\n\nMorning came.\n\n***\n\nThen.\n\n#\n\nEnd.")
    assert isinstance(b[0], Heading) and b[0].text == "CHAPTER I."
    assert [type(x) for x in b[1:]] == [Paragraph, SceneBreak, Paragraph, SceneBreak, Paragraph, SceneBreak, Paragraph]


def test_heading_with_title_line() -> None:
    b = beats("Chapter I\nThe Science of Deduction\n\nHolmes sat.")
    assert isinstance(b[0], Heading) and b[0].text == "Chapter I The Science of Deduction"


def test_sentence_starting_with_i_is_not_a_heading() -> None:
    b = beats("I went home.\n\nIt rained.")
    assert all(isinstance(x, Paragraph) for x in b)


def test_stanza_in_one_line_paragraph_text() -> None:
    text = ("I can recognize her out on the dance floor; the lights seem to shine on her alone as she moves.\n\n"
            "Take your hatred out on me\nMake your victim my head\nYou never ever believed in me\n\n"
            "She laughs.")
    b = beats(text)
    assert isinstance(b[1], Stanza) and b[1].lines[1] == "Make your victim my head"


def test_wrapped_prose_is_not_a_stanza() -> None:
    prose = ("It is a truth universally acknowledged, that a single man in possession\n"
             "of a good fortune, must be in want of a wife. However little known the\n"
             "feelings or views of such a man may be on his first entering a place.")
    b = beats("\n\n".join([prose] * 12 + ["The stubborn spearsmen still made good\nTheir dark impenetrable wood,"]))
    assert all(isinstance(x, Paragraph) for x in b[:12])
    assert isinstance(b[12], Stanza)


def test_apostrophes_are_not_quotes() -> None:
    [p] = beats("\"Wouldn't wanna wear 'em out.\" She didn't care; the girls' hats blew off.")
    assert len(p.quotes) == 1 and "She didn't care" in p.narration


def test_single_quotes_carry_speech_when_the_text_uses_them() -> None:
    text = "\n\n".join(["'Off with her head!' said the Queen.", "'Nonsense,' said Alice, 'it isn't.'",
                        "'Who cares?' said the King."])
    b = beats(text)
    assert [q.text for q in b[1].quotes] == ["Nonsense,", "it isn't."]


def test_no_word_is_lost() -> None:
    text = 'He said "yes" and "no, it\'s fine" -- then ran.\n\n"Unbalanced'
    words = {w.strip('"') for w in text.split()}
    got = " ".join(p.text for b in beats(text) for p in b.parts)
    assert all(w.strip('"') in got for w in words)


def test_grammar_is_strict_lalr() -> None:
    from lark import Lark

    from adapt.resources import grammar_dir
    pytest.importorskip("interegular")
    Lark.open(str(grammar_dir() / "prose.lark"), parser="lalr", strict=True)
    assert _parser() is _parser()  # built once


def test_one_paragraph_per_line_without_blank_lines() -> None:
    long = "She looked at the grey sea for a long time and did not say anything to anyone at all, not even to him."
    text = "\n".join([long] * 10 + ['"Come home," he said at last, and she did not answer him for a long while.'] * 3)
    b = beats(text)
    assert len(b) == 13 and all(isinstance(x, Paragraph) for x in b)
    assert b[-1].quotes[0].text == "Come home,"


def test_indented_openings_and_a_set_off_letter() -> None:
    wrapped = ("    It was late in the evening when the post came, and the house was quiet\n"
               "and dark except for the one lamp in the hall where she waited for it.\n")
    letter = ("        \"My dear sister, I write in haste, for the coach is at the door and\n"
              "        the driver will not wait for anyone, least of all for me.\"\n")
    text = wrapped * 12 + letter + "    She read it twice.\n" + wrapped * 12
    b = beats(text)
    paragraphs = [x for x in b if isinstance(x, Paragraph)]
    assert len(paragraphs) == 26  # twelve, the letter, one, twelve
    assert paragraphs[12].quotes[0].text.startswith("My dear sister")
    assert "least of all" in paragraphs[12].quotes[0].text
    assert paragraphs[13].narration == "She read it twice."


def test_blank_line_paragraphs_are_left_alone() -> None:
    from adapt.read.prose import normalise
    text = "One.\nstill one.\n\nTwo."
    assert normalise(text) == text
