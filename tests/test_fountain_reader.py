"""The Fountain reader: one test per syntax feature, screenplain agreement, round trips."""
from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapt.errors import AdaptParseError
from adapt.fountain.reader import read_fountain
from adapt.inline import plain
from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Dialogue,
    Lyrics,
    Note,
    PageBreak,
    Parenthetical,
    SceneHeading,
    Screenplay,
    Section,
    Speech,
    Sung,
    Synopsis,
    TitlePage,
    Transition,
    dialogue,
    screenplay,
)

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "fountain-samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.fountain")) if SAMPLES.is_dir() else []


def els(text: str) -> tuple[Any, ...]:
    """The body of ``text`` with source lines cleared, for compact expectations."""
    return _no_lines(read_fountain(text)).elements


def _no_lines(doc: Screenplay) -> Screenplay:
    def clear(e: Any) -> Any:
        return dataclasses.replace(e, line=None) if hasattr(e, "line") else e
    return dataclasses.replace(doc, elements=tuple(clear(e) for e in doc.elements))


# --- title page -------------------------------------------------------------------

def test_title_page_keys_and_indented_values() -> None:
    doc = read_fountain("Title: **BIG**\nCredit: by\nContact:\n    1 Main St\n\tSpringfield\n"
                        "draft date: 1/1/2020\n\nINT. HOUSE - DAY\n")
    assert doc.title.fields == (("Title", "**BIG**"), ("Credit", "by"),
                                ("Contact", "1 Main St\nSpringfield"), ("draft date", "1/1/2020"))
    assert doc.elements == (SceneHeading("INT. HOUSE - DAY", line=8),)


def test_title_page_only_when_first_line_is_a_key() -> None:
    assert read_fountain("\nTitle: X\n").title == TitlePage()
    assert els("\nTitle: X\n") == (Action("Title: X"),)
    # "FADE IN:" looks like a key with no value: a line of action, not a title page.
    assert read_fountain("FADE IN:\n\nINT. X - DAY\n").title == TitlePage()
    assert els("FADE IN:\n\nINT. X - DAY\n")[0] == Action("FADE IN:")


# --- scene headings -----------------------------------------------------------------

@pytest.mark.parametrize("line", ["INT. HOUSE - DAY", "ext. alley - night", "EST. CITY",
                                  "INT./EXT. CAR - DAY", "INT/EXT CAR", "I/E CAR - MOVING",
                                  "INT HOUSE"])
def test_scene_heading_prefixes(line: str) -> None:
    assert els(f"Text.\n\n{line}\n\nMore.") == (Action("Text."), SceneHeading(line), Action("More."))


def test_scene_heading_needs_blank_lines_around_and_a_dot_or_space() -> None:
    # Not followed by a blank line: the spec's character rule takes it (as screenplain does).
    assert els("INT. HOUSE - DAY\nShe sits.") == (dialogue("INT. HOUSE - DAY", "She sits."),)
    assert els("INTERIOR DESIGN is her passion.") == (Action("INTERIOR DESIGN is her passion."),)
    assert els("He waits.\nINT. HOUSE - DAY\n") == (Action("He waits.\nINT. HOUSE - DAY"),)


def test_forced_scene_heading_but_not_ellipsis() -> None:
    assert els(".BACK IN THE APARTMENT\n\n...and so.") == (
        SceneHeading("BACK IN THE APARTMENT"), Action("...and so."))


def test_scene_numbers() -> None:
    assert els("INT. HOUSE - DAY #1A#\n\n.SNIPER POV #I-1-A#") == (
        SceneHeading("INT. HOUSE - DAY", "1A"), SceneHeading("SNIPER POV", "I-1-A"))


# --- action -------------------------------------------------------------------------

def test_action_keeps_indentation_line_breaks_and_expands_tabs() -> None:
    assert els("He opens it:\n\n\tDear Scott,\n          see you.\nBye.") == (
        Action("He opens it:"), Action("    Dear Scott,\n          see you.\nBye."))


def test_forced_action() -> None:
    assert els("!INT. NOT A HEADING\n\n!BOB\nNot dialogue.\n\n!CUT TO:") == (
        Action("INT. NOT A HEADING"), Action("BOB\nNot dialogue."), Action("CUT TO:"))


def test_two_spaces_keep_an_empty_line_inside_action() -> None:
    assert els("One.\n  \nTwo.") == (Action("One.\n\nTwo."),)
    assert els("One.\n \nTwo.") == (Action("One."), Action("Two."))  # one space is blank


# --- dialogue -----------------------------------------------------------------------

def test_character_dialogue_and_parenthetical() -> None:
    doc = read_fountain("\n\nSTEEL\n(beer raised)\nTo retirement.\nAnd beyond.\n")
    assert doc.elements == (Dialogue("STEEL", (Parenthetical("beer raised"),
                                               Speech("To retirement.\nAnd beyond.")), line=3),)


def test_character_needs_blank_before_and_text_after() -> None:
    assert els("He runs.\nBOB\nHello.") == (Action("He runs.\nBOB\nHello."),)
    assert els("BOOM\n\nThe wall falls.") == (Action("BOOM"), Action("The wall falls."))
    assert els("R2D2\nBeep.") == (dialogue("R2D2", "Beep."),)
    assert els("23\nSkidoo.") == (Action("23\nSkidoo."),)  # needs a letter


def test_extensions_forced_cue_and_dual_dialogue() -> None:
    assert els("HANS (on the radio)\nHi.\n\n@McCLANE (V.O.)\nYo.\n\nBRICK (cont'd) ^\nSo?") == (
        dialogue("HANS", "Hi.", extension="on the radio"),
        dialogue("McCLANE", "Yo.", extension="V.O."),
        dialogue("BRICK", "So?", extension="cont'd", dual=True))
    # Stacked extensions keep their inner parentheses, so "(ext)" reprints the cue.
    assert els("EDWARD (V.O.)(CONT'D)\nHi.")[0].extension == "V.O.)(CONT'D"


def test_indented_dialogue_ignores_indentation() -> None:
    assert els("\t\t\tJACK\n\t\t(subtitled)\n\t*Retired?*") == (
        dialogue("JACK", "(subtitled)", "*Retired?*"),)


def test_two_spaces_keep_an_empty_line_inside_dialogue() -> None:
    assert els("DEALER\nTen.\n  \nFour.\n\nGambler.") == (
        dialogue("DEALER", "Ten.\n\nFour."), Action("Gambler."))


def test_multi_line_parenthetical() -> None:
    assert els("BOB\n(quietly,\nto Ann)\nHi.\n(still open\nBye.") == (
        dialogue("BOB", Parenthetical("quietly,\nto Ann"), "Hi.\n(still open\nBye."),)


def test_lyrics_in_dialogue_are_sung_and_elsewhere_lyrics() -> None:
    assert els("WONKA\n~Come with me\n(sings)\n~And you'll be\n\n~Pure imagination\n~Take a look") == (
        dialogue("WONKA", Sung("Come with me"), Parenthetical("sings"), Sung("And you'll be")),
        Lyrics(("Pure imagination", "Take a look")))


def test_escaped_line_markers_in_dialogue() -> None:
    assert els("BOB\nHi.\n\\(not a wryly)\n\\~not sung") == (
        dialogue("BOB", "Hi.\n(not a wryly)\n~not sung"),)


# --- transitions, centered, page breaks, outline ------------------------------------

def test_transitions() -> None:
    assert els("CUT TO:\n\n> Burn to White.\n\nHe left.\nCUT TO:") == (
        Transition("CUT TO:"), Transition("Burn to White."), Action("He left.\nCUT TO:"))
    assert els("Cut to:") == (Action("Cut to:"),)  # must be upper case


def test_centered_text_and_page_break() -> None:
    assert els("> THE END <\n>And more<\n\n===\n\n====") == (
        Centered("THE END\nAnd more"), PageBreak(), PageBreak())


def test_sections_and_synopses() -> None:
    assert els("# ACT I\n\n= Setup.\n\n### Scott's place") == (
        Section("ACT I", 1), Synopsis("Setup."), Section("Scott's place", 3))


def test_line_level_elements_split_an_action_paragraph() -> None:
    assert els("He sings:\n~La la\n~Lo lo\nShe claps.\n> THE END <") == (
        Action("He sings:"), Lyrics(("La la", "Lo lo")), Action("She claps."), Centered("THE END"))


# --- notes, boneyard, emphasis ------------------------------------------------------

def test_standalone_and_inline_notes() -> None:
    assert els("[[Check this.]]\n\nHe waits [[too long?]] outside.\n\n[[spans\nlines]]") == (
        Note("Check this."), Action("He waits outside."), Note("too long?"), Note("spans\nlines"))


def test_notes_inside_dialogue_follow_the_dialogue() -> None:
    assert els("BOB\n[[louder]]\nHi. [[maybe]]") == (dialogue("BOB", "Hi."), Note("louder"), Note("maybe"))


def test_note_does_not_cross_a_blank_line_unless_two_spaces() -> None:
    assert els("[[a\n\nb]]") == (Action("[[a"), Action("b]]"))
    assert els("[[a\n  \nb]]") == (Note("a\n\nb"),)


def test_boneyard_spans_blank_lines_and_hides_elements() -> None:
    doc = read_fountain("INT. A - DAY\n\n/*\nINT. B - DAY\n\nBOB\nCut.\n*/\n\nEXT. C - DAY\n")
    assert _no_lines(doc).elements == (SceneHeading("INT. A - DAY"),
                                       Boneyard("\nINT. B - DAY\n\nBOB\nCut.\n"),
                                       SceneHeading("EXT. C - DAY"))
    assert doc.elements[2].line == 10  # lines inside the boneyard still count


def test_escaped_note_and_boneyard_markers_are_literal() -> None:
    assert els("A \\[[b]] and \\/* c */") == (Action("A [[b]] and /* c */"),)


def test_emphasis_and_backslash_escapes_stay_as_markup() -> None:
    assert els("**Bold** *it* _u_ ***bi*** \\*not\\* \\\\") == (
        Action("**Bold** *it* _u_ ***bi*** \\*not\\* \\\\"),)


# --- lines, robustness --------------------------------------------------------------

def test_source_lines_are_recorded() -> None:
    doc = read_fountain("Title: T\n\nINT. A - DAY\n\nHe runs.\r\n\r\nBOB\nHi.\n\n~La\n")
    assert [e.line for e in doc.elements] == [3, 5, 7, 10]


def test_blank_runs_and_crlf_and_bom() -> None:
    assert els("\ufeff\r\n\r\n\r\nOne.\r\n\r\n\r\n\r\nTwo.\r\n") == (Action("One."), Action("Two."))
    assert read_fountain("") == Screenplay()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", "  ", "BOB", "@x ^", "(a", "b)", "~l", "> c <", "> t",
                                 "INT. X", ".H", "# s", "= y", "===", "[[n", "]]", "/*", "*/",
                                 "Title: t", "    v", "text", "\\", "!"]), max_size=12))
def test_any_text_parses(lines: list[str]) -> None:
    assert isinstance(read_fountain("\n".join(lines)), Screenplay)


def test_parse_errors_become_adapt_parse_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from lark import Token

    import adapt.fountain.reader as reader
    monkeypatch.setattr(reader, "_tokens", lambda text: [Token("PAREN", "(x)", line=4, column=1)])
    with pytest.raises(AdaptParseError) as err:
        read_fountain("anything", source="s.fountain")
    assert (err.value.source, err.value.line) == ("s.fountain", 4)


def test_grammar_is_conflict_free_lalr() -> None:
    from lark import Lark

    from adapt.fountain.reader import _TypedLines
    from adapt.resources import grammar_dir
    Lark.open(str(grammar_dir() / "fountain.lark"), parser="lalr", lexer=_TypedLines, strict=True)


# --- agreement with screenplain on the sample scripts -------------------------------

def _screenplain_kinds(text: str) -> list[tuple[Any, ...]]:
    from screenplain import types as sp
    from screenplain.parsers import fountain

    out: list[tuple[Any, ...]] = []
    for p in fountain.parse(io.StringIO(text)).paragraphs:
        if isinstance(p, sp.DualDialog):
            out += [_cue(str(p.left.character)), _cue(str(p.right.character))]
        elif isinstance(p, sp.Dialog):
            out.append(_cue(str(p.character)))
        elif isinstance(p, sp.Slug):
            out.append(("scene", str(p.line), p.scene_number and str(p.scene_number)))
        elif isinstance(p, sp.Action):
            out.append(("centered",) if p.centered else ("action",))
        elif isinstance(p, sp.Transition):
            out.append(("transition", str(p.line)))
        elif isinstance(p, sp.Section):
            out.append(("section", p.level, str(p.text)))
        elif isinstance(p, sp.PageBreak):
            out.append(("page break",))
        else:
            raise AssertionError(f"unmapped screenplain type {type(p).__name__}")
    return out


def _cue(cue: str) -> tuple[str, str, str]:
    # screenplain keeps the extension in the name, as written: compare name and
    # extension separately, with spacing between stacked extensions ignored.
    name, _, ext = cue.partition("(")
    return ("dialogue", name.strip(), re.sub(r"\s+", "", ext))


def _our_kinds(doc: Screenplay) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for e in doc.elements:
        match e:
            case SceneHeading():
                # screenplain upper-cases headings; we keep the case as written.
                out.append(("scene", plain(e.text).upper(), e.number))
            case Dialogue():
                out.append(("dialogue", plain(e.character),
                            re.sub(r"\s+", "", f"{e.extension})") if e.extension is not None else ""))
            case Action():
                out.append(("action",))
            case Lyrics():
                # Exception: screenplain has no lyrics (spec: "~" lines); its "~" lines
                # stay action text, so a Lyrics element counts as action here.
                out.append(("action",))
            case Centered():
                out.append(("centered",))
            case Transition():
                out.append(("transition", plain(e.text).upper()))
            case Section():
                out.append(("section", e.depth, plain(e.text)))
            case PageBreak():
                out.append(("page break",))
            case Note() | Boneyard() | Synopsis():
                # Exception: screenplain deletes notes and boneyard before parsing and
                # hangs synopses on the preceding heading/section; the spec keeps them
                # as (non-printing) elements, so they are left out of the comparison.
                pass
            case _:
                raise AssertionError(e)
    return out


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_samples_agree_with_screenplain(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    ours = _our_kinds(read_fountain(text, source=path.name))
    assert len(ours) > 50
    assert ours == _screenplain_kinds(text)


def test_samples_present() -> None:
    if not SAMPLE_FILES:
        pytest.skip(f"no Fountain samples at {SAMPLES}")
    assert len(SAMPLE_FILES) >= 5


@pytest.mark.parametrize("path", [p for p in SAMPLE_FILES if p.name == "Big-Fish.fountain"],
                         ids=lambda p: p.name)
def test_big_fish_reads_fast(path: Path) -> None:
    import time
    text = path.read_text(encoding="utf-8")
    read_fountain(text)  # build the cached parser first
    start = time.perf_counter()
    doc = read_fountain(text)
    assert time.perf_counter() - start < 0.5
    assert sum(isinstance(e, SceneHeading) for e in doc.elements) > 150


# --- round trips through adapt's Fountain writer ------------------------------------

def _writer() -> Any:
    return pytest.importorskip("adapt.fountain.writer").write_fountain


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_round_trip_is_stable(path: Path) -> None:
    write = _writer()
    once = write(read_fountain(path.read_text(encoding="utf-8-sig")))
    assert write(read_fountain(once)) == once


BUILT = [
    screenplay(SceneHeading("INT. HOUSE - DAY", "1A"), Action("She waits.\n\n    Indented."),
               dialogue("ANNA", "(quietly)", "Hi.\n\nThere.", extension="V.O."),
               dialogue("BOB", "Hey.", dual=True), Transition("CUT TO:"),
               Title="**T**", Author="A. Writer", Contact="1 Main St\nTown"),
    screenplay(SceneHeading("BACK IN THE CAR"), Action("INT. NOT A HEADING"), Action("BOOM\nIt falls."),
               Action("CUT TO:"), Action("~not a lyric\n# nor a section\n> nor centered <"),
               Transition("Burn to white."), Centered("THE END\n*fin*")),
    screenplay(dialogue("McCLANE", "(to Hans)", Sung("Singing"), "(not a wryly\n~nor sung",
                        Parenthetical("still\nquiet")),
               Lyrics(("Pure imagination", "Take a look")), Note("Fix this\nlater."),
               Section("ACT I", 1), Synopsis("Setup."), Section("Scene", 3),
               Boneyard("\nINT. CUT - DAY\n\nGone.\n"), PageBreak(),
               Action("**Bold** \\*literal\\* _under_ \\\\")),
    screenplay(Action("...and then."), dialogue("R2D2", "Beep.", extension="cont'd")),
]


@pytest.mark.parametrize("doc", BUILT)
def test_reading_written_model_gives_it_back(doc: Screenplay) -> None:
    assert _no_lines(read_fountain(_writer()(doc))) == doc
