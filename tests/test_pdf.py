"""PDF writer: grid layout and page-break rules (no PDF needed), then the rendered PDF."""
from __future__ import annotations

import io
import re
from collections import Counter

import pdfplumber
import pytest
from conftest import shared
from hypothesis import given, settings
from hypothesis import strategies as st

from adapt.fountain.reader import read_fountain
from adapt.inline import Run, plain
from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Dialogue,
    Element,
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
from adapt.writers import WRITERS
from adapt.writers.pdf import A4, DEFAULT, PdfSettings, write_pdf
from adapt.writers.pdf.blocks import Line, wrap
from adapt.writers.pdf.pages import Layout, layout

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
    first: list[Element] = [Action("Filler\nfiller.")] if lines % 2 == 0 else []
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
    assert text(heading).startswith("INT. BAR - NIGHT")
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


def test_wrapped_wryly_hangs_and_headings_and_transitions_print_in_capitals() -> None:
    page = body(SceneHeading("int. *bar* - night"), dialogue(
        "ANNA", "(in Vietnamese, subtitled, and rather quietly)", "Hi."),
        Transition("smash cut to:")).pages[0]
    printed = [text(ln) for ln in page]
    assert printed[0] == "INT. BAR - NIGHT" and printed[-1].endswith("SMASH CUT TO:")
    assert [(indent(ln), text(ln).strip()) for ln in page[3:6]] == [
        (S.parenthetical_indent, "(in Vietnamese,"),
        (S.parenthetical_indent + 1, "subtitled, and rather"),
        (S.parenthetical_indent + 1, "quietly)")]
    assert all(len(text(ln)) <= S.parenthetical_indent + S.parenthetical_width
               for ln in page[3:6])


def test_unprinted_elements_print_nothing_and_page_break_starts_a_page() -> None:
    out = body(Action("One."), Note("n"), Section("Act 1"), Synopsis("s"), Boneyard("b"),
               PageBreak(), PageBreak(), Action("Two."))
    assert [[text(ln) for ln in p] for p in out.pages] == [["One."], ["Two."]]


def test_dual_dialogue_prints_side_by_side() -> None:
    first = body(dialogue("ANNA", "(softly)", "Left words."), Note("between"),
                 dialogue("BEN", "(aside)", "Right words.", dual=True)).pages[0]
    assert [s.col for s in first[0]] == [S.dual_character_indent,
                                         S.dual_right + S.dual_character_indent]
    assert [s.col for s in first[2]] == [S.dual_dialogue_indent,
                                         S.dual_right + S.dual_dialogue_indent]
    assert re.fullmatch(r" +Left words\. +Right words\.", text(first[2]))
    assert [s.col for s in first[1]] == [S.dual_parenthetical_indent,
                                         S.dual_right + S.dual_parenthetical_indent]
    # Each half's speech stays inside its half of the text area.
    assert S.dual_dialogue_indent + S.dual_width < S.dual_right
    assert S.dual_right + S.dual_dialogue_indent + S.dual_width <= S.width
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


MID = ("Hello there. I told him twice. He never did. Listen to a word I say, not ever, "
       "and now look at him. It is far too late for any of that now.")


def test_speech_splits_mid_line_at_a_sentence_end_and_rewraps_the_rest() -> None:
    # Wrapped whole, line 2 reads "never did. Listen to a word I say,": with room for the
    # cue, two lines and (MORE), the page ends after "did." and the rest is re-wrapped.
    pages = body(*filler(L - 5), dialogue("ANNA", MID)).pages
    assert len(pages[0]) == L and [text(ln).strip() for ln in pages[0][-4:]] == [
        "ANNA", "Hello there. I told him twice. He", "never did.", "(MORE)"]
    assert [text(ln).strip() for ln in pages[1]] == [
        "ANNA (CONT'D)", "Listen to a word I say, not ever,", "and now look at him. It is far too",
        "late for any of that now."]


def test_a_speech_moves_whole_rather_than_split_mid_sentence() -> None:
    run_on = MID.replace("did.", "did,")
    pages = body(*filler(L - 5), dialogue("ANNA", run_on)).pages
    assert len(pages[0]) == L - 5 and text(pages[1][0]).strip() == "ANNA"
    # After a scene heading, which must not end a page, it splits where it has to.
    pages = body(*filler(L - 7), SceneHeading("INT. X - DAY"), dialogue("ANNA", run_on)).pages
    assert [text(ln).strip() for ln in pages[0][-6:]] == [
        "INT. X - DAY", "", "ANNA", "Hello there. I told him twice. He",
        "never did, Listen to a word I say,", "(MORE)"]
    assert [text(ln).strip() for ln in pages[1]][:2] == [
        "ANNA (CONT'D)", "not ever, and now look at him. It"]


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
# Some words end a sentence, so pages also break mid-line and re-wrap what follows.
word = st.builds(str.__add__, st.text("abcdefg", min_size=1, max_size=9),
                 st.sampled_from(["", "", "", "", ".", "?"]))
prose = st.lists(word, min_size=1, max_size=90).map(" ".join)


@st.composite
def scripts(draw: st.DrawFn) -> tuple[Element, ...]:
    out: list[Element] = []
    for kind in draw(st.lists(kinds, min_size=1, max_size=40)):
        match kind:
            case "heading" if not out or not isinstance(out[-1], SceneHeading):
                out.append(SceneHeading(f"INT. ROOM {len(out)} - DAY"))
            case "action":
                out.append(Action(draw(prose)))
            case "dialogue":
                parts = draw(st.lists(st.one_of(prose, prose.map(lambda p: f"({p[:30]})")),
                                      min_size=1, max_size=4))
                out.append(dialogue("ANNA", *parts))
            case "transition" if out and not isinstance(out[-1], Transition):
                out.append(Transition("CUT TO:"))
            case _:
                pass  # a chain of headings or transitions that no short page could hold
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


@settings(max_examples=80, deadline=None)
@given(scripts(), st.sampled_from([L, 12]))
def test_pagination_keeps_every_word_in_order_and_obeys_the_rules(elements: tuple[Element, ...],
                                                                  size: int) -> None:
    # Short pages too, so that most examples break pages (often mid-line, at a sentence).
    pages = layout(Screenplay(elements=elements), PdfSettings(lines_per_page=size)).pages
    seen: list[str] = []
    for n, page in enumerate(pages):
        assert 0 < len(page) <= size and page[0] != () and page[-1] != ()
        printed = [text(ln) for ln in page]
        last = printed[-1]
        if n < len(pages) - 1:
            assert not last.startswith("INT. ROOM"), "scene heading ended a page"
            assert indent(page[-1]) != S.character_indent or last.strip() == "(MORE)"
        if last.strip() == "(MORE)":
            assert indent(page[-2]) == S.dialogue_indent, "a wryly or cue before (MORE)"
            assert printed.count("") == 0 or indent(page[-3]) != S.character_indent
            assert "(CONT'D)" in text(pages[n + 1][0])
        if n:
            assert not printed[0].endswith("CUT TO:"), "a transition opened a page"
        for i, p in enumerate(printed):
            if p.strip() == "(MORE)" or (i == 0 and "(CONT'D)" in p):
                continue
            seen += p.split()
    assert seen == [w for el in elements for w in printed_words(el)]


# --- title page -----------------------------------------------------------------------

def test_title_page_centres_credits_on_the_paper_and_puts_contact_lower_left() -> None:
    assert layout(screenplay(Action("x")), S).title is None
    doc = Screenplay(TitlePage((("Title", "TOURNIQUET"), ("Credit", "Written by"),
                                ("Author", "A. Writer"), ("Format", "ignored"),
                                ("Contact", "a@b.c\n555-0100"))))
    page = layout(doc, S).title
    assert page is not None and len(page) == L
    printed = [text(ln) for ln in page]
    row = printed.index(next(p for p in printed if "TOURNIQUET" in p))
    # Centred on the paper (8.5 in wide): the middle column is 4.25 in from its edge.
    middle = S.left_margin + indent(page[row]) + len("TOURNIQUET") / 2
    assert abs(row - L // 3) <= 1 and abs(middle - S.page_width / 2) <= 1
    assert printed[row + 4].strip() == "Written by" and printed[row + 6].strip() == "A. Writer"
    assert printed[-2:] == ["a@b.c", "555-0100"] and not any("ignored" in p for p in printed)


def test_a_title_page_too_long_for_one_page_goes_on_to_the_next() -> None:
    contact = "\n".join(f"Agent {n}, 555-01{n:02}" for n in range(70))
    doc = Screenplay(TitlePage((("Title", "TOURNIQUET"), ("Author", "A. Writer"),
                                ("Contact", contact))), (Action("FADE IN."),))
    placed = layout(doc, S)
    assert placed.title is not None and placed.title_more
    title_pages = (placed.title, *placed.title_more)
    assert all(len(p) <= L for p in title_pages)  # nothing below the bottom margin
    printed = [text(ln).strip() for p in title_pages for ln in p if ln]
    assert printed == ["TOURNIQUET", "A. Writer", *contact.split("\n")]
    assert len(placed.title) == L and placed.title_more[0][0] != ()  # goes on with text
    pdf = write_pdf(doc)
    with pdfplumber.open(io.BytesIO(pdf)) as read:
        assert len(read.pages) == len(title_pages) + 1
        assert "Agent 69" in (read.pages[len(title_pages) - 1].extract_text() or "")
        assert "FADE IN." in (read.pages[-1].extract_text() or "")


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


def test_a4_paper_keeps_the_margins_and_the_grid() -> None:
    a4 = WRITERS["pdf"][1](sample(), "a4")  # what `--paper a4` renders
    assert isinstance(a4, bytes)
    assert a4 == write_pdf(sample(), A4)
    with pdfplumber.open(io.BytesIO(a4)) as doc:
        assert len(doc.pages) == 3
        first, second = doc.pages[1], doc.pages[2]
        for page in (doc.pages[0], first, second):
            assert page.width == pytest.approx(595.28, abs=0.01)
            assert page.height == pytest.approx(841.89, abs=0.01)
        number = second.extract_words()[0]
        assert number["text"] == "2." and number["x1"] == pytest.approx(75 * 7.2, abs=0.5)
        assert number["top"] == pytest.approx(36, abs=3)  # half an inch from the top
        words = first.extract_words()
        heading = next(w for w in words if w["text"] == "INT.")
        assert heading["x0"] == pytest.approx(15 * 7.2, abs=0.5)
        assert heading["top"] == pytest.approx(72, abs=3)
        assert max(w["bottom"] for w in words) < 842 - 72  # at least an inch below


# --- real scripts ---------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Words, also split at hyphens (a wrapped line may end in one)."""
    return re.findall(r"[^\s-]+", text)


def script_words(doc: Screenplay) -> Counter[str]:
    """Every word the script prints, as the format prints it."""
    out: list[str] = []
    for key in ("Title", "Credit", "Author", "Authors", "Source", "Draft date", "Contact",
                "Copyright"):
        out += tokens(plain(doc.title.get(key) or ""))
    for el in doc.elements:
        match el:
            case SceneHeading(text=t, number=n):
                out += tokens(plain(t).upper()) + ([n, n] if n else [])
            case Transition(text=t):
                out += tokens(plain(t).upper())
            case Action(text=t) | Centered(text=t):
                out += tokens(plain(t))
            case Lyrics(lines=ls):
                out += [w for ln in ls for w in tokens(plain(ln))]
            case Dialogue(character=c, extension=e, parts=parts):
                out += tokens(plain(c) + (f" ({e})" if e else ""))
                out += [w for p in parts for w in tokens(
                    f"({plain(p.text)})" if isinstance(p, Parenthetical) else plain(p.text))]
    return Counter(out)


def test_every_word_of_a_real_script_is_in_the_pdf_and_nothing_else() -> None:
    doc = read_fountain(shared("fountain-samples", "brick_and_steel.fountain").read_text("utf-8"))
    with pdfplumber.open(io.BytesIO(write_pdf(doc))) as pdf:
        printed = Counter(w for p in pdf.pages for w in tokens(p.extract_text()))
        pages = len(pdf.pages)
    expected = script_words(doc)
    assert sum(expected.values()) > 400 and not expected - printed
    extra = printed - expected  # page numbers (not on page 1 or the title page) and (MORE)s
    numbers = Counter(f"{n}." for n in range(2, pages))
    assert extra - numbers <= Counter({"(MORE)": 9, "(CONT'D)": 9}) and extra >= numbers
    assert extra["(MORE)"] <= extra["(CONT'D)"]


def test_big_fish_pages_like_screenplain() -> None:
    # screenplain 0.12 (55 lines a page, same margins) prints Big Fish on 122 pages,
    # title page included (measured with bench/bench_pdf.py); rules for splitting
    # speeches differ a little, so allow a few pages either way.
    doc = read_fountain(shared("fountain-samples", "Big-Fish.fountain").read_text("utf-8"))
    with pdfplumber.open(io.BytesIO(write_pdf(doc))) as pdf:
        assert abs(len(pdf.pages) - 122) <= 4
        assert pdf.pages[-1].extract_text().split()[0] == f"{len(pdf.pages) - 1}."


def test_dual_dialogue_with_a_taller_right_side_renders() -> None:
    # Regression: the split search indexed past a dual block's spans.
    doc = screenplay(dialogue("A", "One."), dialogue("B", "Two.", "(beat)", "Three.", dual=True))
    with pdfplumber.open(io.BytesIO(write_pdf(doc))) as pdf:
        text = pdf.pages[0].extract_text()
    assert "One." in text and "Three." in text and "(beat)" in text
