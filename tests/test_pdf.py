"""PDF writer: grid layout and page-break rules (no PDF needed), then the rendered PDF."""
from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from hypothesis import given, settings, strategies as st

from adapt.inline import Run
from adapt.model import (
    Action, Boneyard, Centered, Dialogue, Element, Lyrics, Note, PageBreak, Parenthetical,
    SceneHeading, Screenplay, Section, Speech, Sung, Synopsis, TitlePage, Transition, dialogue,
    screenplay,
)
from adapt.writers._pdf_blocks import Line, wrap
from adapt.writers._pdf_pages import Layout, layout
from adapt.writers.pdf import DEFAULT, PdfSettings, write_pdf

S = DEFAULT
L = S.lines_per_page


def text(line: Line) -> str:
    """A line as it prints, columns relative to the text area's left edge."""
    cells: dict[int, str] = {}
    for seg in line:
        for i, ch in enumerate("".join(r.text for r in seg.runs)):
            cells[seg.col + i] = ch
    return "".join(cells.get(c, " ") for c in range(0, max(cells, default=-1) + 1)).rstrip()


def indent(line: Line) -> int:
    return line[0].col


def body(*elements: Element) -> Layout:
    return layout(Screenplay(elements=elements), S)


def filler(lines: int) -> list[Element]:
    """Short actions taking exactly ``lines`` lines, counting the blanks between them."""
    first = [Action("Filler\nfiller.")] if lines % 2 == 0 else []
    return first + [Action(f"Filler {i}.") for i in range((lines - 2 * len(first) + 1) // 2)]


# --- wrapping -------------------------------------------------------------------------

words = st.lists(st.text("abcdefghij", min_size=1, max_size=12), min_size=1, max_size=60)


@given(words, st.integers(12, 60))
def test_wrap_fits_width_and_keeps_every_word(ws: list[str], width: int) -> None:
    lines = wrap((Run(" ".join(ws)),), width)
    printed = ["".join(r.text for r in ln) for ln in lines]
    assert all(len(p) <= width for p in printed)
    assert " ".join(printed).split() == ws


def test_wrap_keeps_styles_hard_breaks_indent_and_cuts_long_words() -> None:
    lines = wrap((Run("plain "), Run("bold words here", bold=True), Run("\n\n  x" + "y" * 25)), 12)
    assert [[(r.text, r.bold) for r in ln] for ln in lines] == [
        [("plain ", False), ("bold", True)], [("words here", True)], [],
        [("  xyyyyyyyyy", False)], [("yyyyyyyyyyyy", False)], [("yyyy", False)]]
    assert ["".join(r.text for r in ln) for ln in wrap((Run("well-known-phrase"),), 12)] == [
        "well-known-", "phrase"]


# --- element placement ----------------------------------------------------------------

def test_elements_sit_in_industry_columns() -> None:
    page = body(
        SceneHeading("INT. BAR - NIGHT", number="12A"),
        Action("She moves with the music."),
        dialogue("ANNA", "(quietly)", "So, like the show?", extension="V.O."),
        Transition("CUT TO:"),
        Centered("THE END"),
    ).pages[0]
    printed = [ln for ln in page if ln]
    heading, action, cue, paren, speech, trans, centered = printed
    assert [(s.col, "".join(r.text for r in s.runs)) for s in heading] == [
        (0, "INT. BAR - NIGHT"), (S.scene_number_left - 3, "12A"), (S.scene_number_right, "12A")]
    assert indent(action) == 0 and text(cue).strip() == "ANNA (V.O.)"
    assert (indent(cue), indent(paren), indent(speech)) == (22, 16, 10)
    assert text(paren).strip() == "(quietly)"
    assert len(text(trans)) == S.width and text(trans).endswith("CUT TO:")
    assert indent(centered) == (S.width - len("THE END")) // 2
    assert page.count(()) == 4  # one blank line between elements, none inside dialogue


def test_sung_lines_and_lyrics_are_italic_and_headings_bold_on_request() -> None:
    sung = Dialogue("ANNA", (Speech("Hi."), Sung("La la")))
    page = layout(Screenplay(elements=(SceneHeading("INT. X - DAY"), sung, Lyrics(("Oh *my*",)))),
                  PdfSettings(bold_headings=True)).pages[0]
    flags = {r.text: (r.bold, r.italic) for ln in page for seg in ln for r in seg.runs}
    assert flags["INT. X - DAY"] == (True, False)
    assert flags["Hi."] == (False, False) and flags["La la"] == (False, True)
    assert flags["Oh "] == (False, True) and flags["my"] == (False, True)


def test_unprinted_elements_print_nothing_and_page_break_starts_a_page() -> None:
    out = body(Action("One."), Note("n"), Section("Act 1"), Synopsis("s"), Boneyard("b"),
               PageBreak(), PageBreak(), Action("Two."))
    assert [[text(ln) for ln in p] for p in out.pages] == [["One."], ["Two."]]


def test_dual_dialogue_prints_side_by_side() -> None:
    first = body(dialogue("ANNA", "Left words."), Note("between"),
                 dialogue("BEN", "Right words.", dual=True)).pages[0]
    assert [s.col for s in first[0]] == [S.dual_character_indent,
                                         S.dual_right + S.dual_character_indent]
    assert re.fullmatch(r"Left words\. +Right words\.", text(first[1]))
    lone = body(dialogue("BEN", "Alone.", dual=True)).pages[0]
    assert indent(lone[0]) == S.character_indent  # nothing to pair with: normal dialogue


# --- page breaking --------------------------------------------------------------------

def test_long_speech_splits_at_a_sentence_with_more_and_contd() -> None:
    speech = " ".join(f"Line {i:02} is said here in full." for i in range(50))
    pages = body(*filler(41), dialogue("ANNA", speech, extension="O.S.")).pages
    first, second = pages[0], pages[1]
    assert len(first) <= L and text(first[-1]).strip() == "(MORE)"
    assert text(second[0]).strip() == "ANNA (O.S.) (CONT'D)"
    assert text(first[-2]).endswith(".") and indent(first[-2]) == S.dialogue_indent
    assert first[-2] != first[-3] != () and len(second) >= 3


def test_speech_never_breaks_after_a_parenthetical_or_cue() -> None:
    d = dialogue("ANNA", "One line.", "(beat)", "Two line.", "Three line.", "Four line.")
    # Four lines of room would fit cue, one line, "(beat)" and (MORE): illegal, so it moves.
    pages = body(*filler(L - 5), d).pages
    assert [text(ln).strip() for ln in pages[1]][:2] == ["ANNA", "One line."]
    pages = body(*filler(L - 6), d).pages
    assert [text(ln).strip() for ln in pages[0]][-4:] == [
        "One line.", "(beat)", "Two line.", "(MORE)"]
    assert [text(ln).strip() for ln in pages[1]] == ["ANNA (CONT'D)", "Three line.", "Four line."]


def test_scene_heading_moves_with_its_scene() -> None:
    pages = body(*filler(L - 4), SceneHeading("EXT. ROOF - DAY"), Action("A\nB\nC\nD")).pages
    assert text(pages[1][0]) == "EXT. ROOF - DAY" and text(pages[0][-1]) != "EXT. ROOF - DAY"


def test_action_splits_with_two_lines_each_side_and_transition_never_opens_a_page() -> None:
    pages = body(*filler(L - 3), Action("\n".join(f"Line {i}." for i in range(6)))).pages
    assert [text(ln) for ln in pages[0][-2:]] == ["Line 0.", "Line 1."]
    assert [text(ln) for ln in pages[1]] == [f"Line {i}." for i in range(2, 6)]
    pages = body(*filler(L - 3), Action("Last\nwords."), Transition("CUT TO:")).pages
    assert text(pages[1][0]) == "Last" and text(pages[1][-1]).endswith("CUT TO:")


kinds = st.sampled_from(["heading", "action", "dialogue", "transition"])
prose = st.lists(st.text("abcdefg", min_size=1, max_size=9), min_size=1, max_size=90).map(" ".join)


@st.composite
def scripts(draw: st.DrawFn) -> tuple[Element, ...]:
    out: list[Element] = []
    for kind in draw(st.lists(kinds, min_size=1, max_size=40)):
        match kind:
            case "heading":
                out.append(SceneHeading(f"INT. ROOM {len(out)} - DAY"))
            case "action":
                out.append(Action(draw(prose)))
            case "dialogue":
                parts = draw(st.lists(st.one_of(prose, prose.map(lambda p: f"({p[:30]})")),
                                      min_size=1, max_size=4))
                out.append(dialogue("ANNA", *parts))
            case _:
                out.append(Transition("CUT TO:"))
    return tuple(out)


def printed_words(el: Element) -> list[str]:
    match el:
        case SceneHeading(text=t) | Action(text=t) | Transition(text=t):
            return t.split()
        case Dialogue():
            return [el.character] + [w for p in el.parts for w in (
                f"({p.text})".split() if isinstance(p, Parenthetical) else p.text.split())]
        case _:
            raise AssertionError(el)


@settings(max_examples=60, deadline=None)
@given(scripts())
def test_pagination_keeps_every_word_in_order_and_obeys_the_rules(elements: tuple[Element, ...]
                                                                  ) -> None:
    pages = body(*elements).pages
    seen: list[str] = []
    for n, page in enumerate(pages):
        assert 0 < len(page) <= L and page[0] != () and page[-1] != ()
        printed = [text(ln) for ln in page]
        last = printed[-1]
        if n < len(pages) - 1:
            assert not last.startswith("INT. ROOM"), "scene heading ended a page"
            assert indent(page[-1]) != S.character_indent or last.strip() == "(MORE)"
        if n:
            assert not printed[0].endswith("CUT TO:") or text(pages[n - 1][-1]) == "", printed
        for i, p in enumerate(printed):
            if p.strip() == "(MORE)" or (i == 0 and "(CONT'D)" in p):
                continue
            seen += p.split()
    assert seen == [w for el in elements for w in printed_words(el)]


# --- title page -----------------------------------------------------------------------

def test_title_page_centres_credits_and_puts_contact_lower_left() -> None:
    assert layout(screenplay(Action("x")), S).title is None
    doc = Screenplay(TitlePage((("Title", "TOURNIQUET"), ("Credit", "Written by"),
                                ("Author", "A. Writer"), ("Format", "ignored"),
                                ("Contact", "a@b.c\n555-0100"))))
    page = layout(doc, S).title
    assert page is not None and len(page) == L
    printed = [text(ln) for ln in page]
    row = printed.index(next(p for p in printed if "TOURNIQUET" in p))
    assert abs(row - L // 3) <= 1 and abs(indent(page[row]) - (S.width - 10) // 2) <= 1
    assert printed[-2:] == ["a@b.c", "555-0100"] and not any("ignored" in p for p in printed)


def test_settings_reject_unusable_geometry() -> None:
    with pytest.raises(ValueError):
        PdfSettings(lines_per_page=3)


# --- rendered PDF ---------------------------------------------------------------------

def sample() -> Screenplay:
    speech = " ".join(f"Sentence {i} goes on." for i in range(120))
    return screenplay(SceneHeading("INT. BAR - NIGHT", number="1"),
                      Action("The lights **shine** on _her_."),
                      dialogue("ANNA", "(quietly)", speech),
                      Title="TOURNIQUET", Author="A. Writer")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return write_pdf(sample())


def test_pdf_is_deterministic_and_matches_the_layout(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF") and pdf == write_pdf(sample())
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1 + len(layout(sample(), S).pages) == 3
        assert doc.metadata["Title"] == "TOURNIQUET" and doc.metadata["Author"] == "A. Writer"
        title, first, second = (p.extract_text() for p in doc.pages)
        assert "TOURNIQUET" in title and "1." not in title
        assert not re.search(r"^\s*\d+\.\s*$", first, re.M)  # page 1 is unnumbered
        assert second.splitlines()[0].strip() == "2."
        assert "(MORE)" in first and "ANNA (CONT'D)" in second


def test_pdf_places_text_on_the_grid_in_courier_styles(pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[1]
        assert (page.width, page.height) == (612, 792)
        words = {w["text"]: w for w in page.extract_words()}
        assert words["ANNA"]["x0"] == pytest.approx((15 + 22) * 7.2, abs=0.5)
        assert words["(quietly)"]["x0"] == pytest.approx((15 + 16) * 7.2, abs=0.5)
        assert words["INT."]["x0"] == pytest.approx(15 * 7.2, abs=0.5)
        assert words["INT."]["top"] == pytest.approx(72, abs=3)  # 1 inch top margin
        styled = {w["text"]: w["fontname"] for w in page.extract_words(extra_attrs=["fontname"])}
        assert styled["shine"].endswith("CourierPrime-Bold") and styled["lights"].endswith(
            "CourierPrime")
        her = words["her."]  # underlined: a rule under exactly the three letters
        assert [(ln["x0"], ln["x1"]) for ln in page.lines if her["top"] < ln["top"] <= her["bottom"]
                ] == [pytest.approx((her["x0"], her["x0"] + 3 * 7.2), abs=0.5)]


def test_pdf_with_builtin_courier_and_an_empty_script() -> None:
    with pdfplumber.open(io.BytesIO(write_pdf(sample(), PdfSettings(font="Courier")))) as doc:
        assert doc.pages[1].chars[0]["fontname"] == "Courier"
    with pdfplumber.open(io.BytesIO(write_pdf(Screenplay()))) as doc:
        assert len(doc.pages) == 1 and not doc.pages[0].chars
