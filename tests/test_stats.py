"""Script statistics: cast counts, scenes, page estimate and the text report."""
from __future__ import annotations

import pytest

from adapt.model import (
    Action,
    Note,
    PageBreak,
    SceneHeading,
    Screenplay,
    Sung,
    Transition,
    dialogue,
    screenplay,
)
from adapt.writers.stats import LINES_PER_PAGE, format_stats, stats


def _small() -> Screenplay:
    return screenplay(
        SceneHeading("INT. KITCHEN - DAY"),
        Action("Anna waits."),
        dialogue("ANNA", "(quietly)", "Is anyone *there*?", extension="V.O."),
        dialogue("BOB", "No."),
        dialogue("ANNA (CONT'D)", "Liar.", Sung("la la la")),
        SceneHeading("EXT. GARDEN - NIGHT", number="2A"),
        dialogue("CAROL", "One two three four five."),
        dialogue("BOB", "Six.", dual=True),
        Transition("CUT TO:"),
        title="Kitchen *Sink*",
    )


def test_cast_counts_and_order() -> None:
    s = stats(_small())
    assert [(c.name, c.speeches, c.words) for c in s.cast] == [
        ("ANNA", 2, 7),  # 3 ("Is anyone there?") + 1 ("Liar.") + 3 sung; wryly not counted
        ("BOB", 2, 2),
        ("CAROL", 1, 5),
    ]


def test_scenes() -> None:
    s = stats(_small())
    assert [(sc.number, sc.heading) for sc in s.scenes] == [
        ("1", "INT. KITCHEN - DAY"), ("2A", "EXT. GARDEN - NIGHT")]
    assert all(sc.lines > 0 and sc.eighths >= 1 for sc in s.scenes)
    assert sum(sc.lines for sc in s.scenes) == s.lines


def test_line_layout_of_a_small_doc() -> None:
    # heading 1, blank, action 1, blank, cue + wryly + speech = 3  -> 7 lines
    doc = screenplay(SceneHeading("INT. A - DAY"), Action("Short."),
                     dialogue("A", "(beat)", "Hi."))
    assert stats(doc).lines == 7


def test_wrapping_widths() -> None:
    word = "word "
    action = stats(screenplay(Action(word * 24))).lines  # 120 chars at 60 columns
    speech = stats(screenplay(dialogue("A", word * 14))).lines  # 70 chars at 35 columns
    paren = stats(screenplay(dialogue("A", "(" + "x" * 10 + " " + "y" * 20 + ")"))).lines
    assert action == 2
    assert speech == 1 + 2
    assert paren == 1 + 2


def test_dual_dialogue_takes_the_taller_side() -> None:
    left = dialogue("A", "One.")
    right_long = dialogue("B", "Two.", "(beat)", "Three.", dual=True)
    alone = stats(screenplay(left)).lines
    paired = stats(screenplay(left, right_long)).lines
    assert paired == stats(screenplay(right_long)).lines == alone + 2


def test_unprinted_elements_take_no_space() -> None:
    assert stats(screenplay(Action("x"), Note("a long note " * 40))).lines == 1


def test_page_estimate_grows_with_length() -> None:
    def doc(n: int) -> Screenplay:
        return screenplay(*(Action("He walks across the room and sits. " * 3) for _ in range(n)))

    sizes = [stats(doc(n)) for n in (1, 10, 40, 120)]
    pages = [s.pages for s in sizes]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    assert sizes[-1].pages > 5
    assert sizes[-1].minutes == round(sizes[-1].pages)


def test_page_break_fills_the_page() -> None:
    s = stats(screenplay(Action("a"), PageBreak(), Action("b")))
    assert s.lines == LINES_PER_PAGE + 1
    assert s.pages == pytest.approx(1 + 1 / LINES_PER_PAGE)


def test_empty_script() -> None:
    s = stats(Screenplay())
    assert (s.lines, s.pages, s.minutes, s.cast, s.scenes) == (0, 0.0, 0, (), ())
    assert "Untitled" in format_stats(s)


def test_format_stats() -> None:
    text = format_stats(stats(_small()))
    lines = text.splitlines()
    assert lines[0].startswith("Kitchen Sink:")
    assert "pages" in lines[0] and "min" in lines[0]
    assert "CAST" in lines and "SCENES" in lines
    for name in ("ANNA", "BOB", "CAROL"):
        assert any(line.split()[:1] == [name] for line in lines)
    assert "EXT. GARDEN - NIGHT" in text
    assert "\x1b" not in text
    # Right-aligned numeric columns: every CAST row ends at the same column.
    cast = lines[lines.index("CAST") + 1: lines.index("CAST") + 6]
    assert len({len(row) for row in cast}) == 1


def test_long_script_running_time_in_hours() -> None:
    doc = screenplay(*(Action("x " * 25) for _ in range(LINES_PER_PAGE * 70 // 2)))
    s = stats(doc)
    assert s.minutes >= 60
    assert " h " in format_stats(s).splitlines()[0]
