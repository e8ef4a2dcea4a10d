"""Every glyph printed: Cyrillic and Greek from the bundled fallback, CJK from an installed
font on a two-cell grid, and one warning for what no font has."""
from __future__ import annotations

import io
import logging
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapt.cli import main
from adapt.model import Action, Dialogue, Screenplay, Speech, TitlePage
from adapt.writers.pdf import DEFAULT, write_pdf
from adapt.writers.pdf import fonts as pdf_fonts
from adapt.writers.pdf.blocks import wrap, wrap_from
from adapt.writers.pdf.cells import cells, wrap_cells
from adapt.writers.pdf.fonts import Fonts
from adapt.inline import Run

RUSSIAN = "Ольга вошла в комнату. — Где ты был? — спросила она. Щука, ёж, съел, Юля, Эхо, Ъ."
GREEK = "Η Μαρία ρώτησε: «Πού ήσουν;» Ψ, Ω, Ξ, ζ, ς, φ. Ὁ Ἀλέξανδρος εἶπε χαῖρε."
CHINESE = "「你去哪裡了？」她問。「我在花園裡，」他說。「外面很冷。」她笑了笑，走了出去。"
JAPANESE = "「どこにいたの？」と花子は聞いた。『庭にいたよ』と太郎は答えた。カタカナも、漢字も。"


def story(text: str) -> Screenplay:
    return Screenplay(TitlePage((("Title", text.split()[0]),)),
                      (Action(text), Dialogue("ОЛЬГА" if text is RUSSIAN else "X", (Speech(text),))))


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages)


def _cjk_font() -> bool:
    return any(f.has(ord("你")) and f.has(ord("あ")) for f in pdf_fonts.installed())


@pytest.mark.parametrize("text", [RUSSIAN, GREEK], ids=["russian", "greek"])
def test_cyrillic_and_greek_print_from_the_bundled_font(text: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        printed = pdf_text(write_pdf(story(text)))
    flat = printed.replace("\n", " ")
    assert {c for c in text if not c.isspace()} <= set(flat)
    assert text.split()[0] in flat and text.split()[-1] in flat  # whole words, in order
    assert not caplog.records


def test_chinese_and_japanese_print_from_an_installed_font(caplog: pytest.LogCaptureFixture) -> None:
    if not _cjk_font():
        pytest.skip("no CJK font installed (apt install fonts-noto-cjk or fonts-wqy-microhei)")
    with caplog.at_level(logging.WARNING):
        printed = pdf_text(write_pdf(story(CHINESE + "\n\n" + JAPANESE + " 日本語abc")))
    for text in (CHINESE, JAPANESE):
        assert {c for c in text if not c.isspace()} <= set(printed)
    assert not caplog.records


def test_a_missing_glyph_is_named_in_one_warning(monkeypatch: pytest.MonkeyPatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(pdf_fonts, "installed", lambda: ())  # a machine with no CJK font
    with caplog.at_level(logging.WARNING):
        data = write_pdf(story(CHINESE + " Ольга"))
    assert len(caplog.records) == 1
    line = caplog.records[0].getMessage()
    assert "你" in line and "U+4F60" in line and "apt install fonts-noto-cjk" in line and "--font" in line
    assert "Ольга" in pdf_text(data)  # the rest still prints


def test_english_needs_no_fallback_font() -> None:
    f = Fonts("Courier Prime", set("Plain English, naïve café — “quoted” — Zoë, Renée."))
    assert not f.missing and f.plain("Zoë and Renée")


def test_a_font_file_named_by_the_user_comes_first(tmp_path: Path) -> None:
    dejavu = str(pdf_fonts.font_path("DejaVuSansMono.ttf"))
    f = Fonts("Courier Prime", set("Ольга"), (dejavu,))
    assert [s.font for s in f.stretches("Ольга", False, False)][0].startswith("adapt-")


def test_cli_refuses_a_bad_font_file_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    src.write_text('"Hello," said Tom.\n', encoding="utf-8")
    bad = tmp_path / "bad.ttf"
    bad.write_text("not a font", encoding="utf-8")
    assert main([str(src), "--pdf", "--font", str(bad), "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("adapt: error: --font") and "bad.ttf" in err[0]
    assert not (tmp_path / "s.fountain").exists() and not (tmp_path / "s.pdf").exists()


def test_cjk_takes_two_cells_on_the_grid() -> None:
    lines = wrap((Run(CHINESE),), 20)
    assert len(lines) > 1
    for line in lines:
        assert cells("".join(r.text for r in line)) <= 20
    assert "".join(r.text for line in lines for r in line) == CHINESE  # no character lost
    # Never a closing mark at the start of a line, never an opening one at the end.
    for line in lines:
        t = "".join(r.text for r in line)
        assert t[0] not in "。，」』？" and t[-1] not in "「『"
    assert cells("日本") == 4 and cells("é") == 1 and cells("e\u0301") == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", "ccc-dd", "e" * 45, " ", "  ", "-"]), max_size=40)
       .map("".join), st.integers(8, 40))
def test_cell_wrapping_matches_the_plain_wrapping_on_one_cell_text(text: str, width: int) -> None:
    assert wrap_cells(text, 0, len(text), width) == list(wrap_from(text, 0, len(text), width))


def test_cjk_pdf_keeps_the_grid(caplog: pytest.LogCaptureFixture) -> None:
    if not _cjk_font():
        pytest.skip("no CJK font installed (apt install fonts-noto-cjk or fonts-wqy-microhei)")
    # The same characters as the test above: the converted font is cached.
    doc = story(CHINESE + "\n\n" + JAPANESE + " 日本語abc")
    with pdfplumber.open(io.BytesIO(write_pdf(Screenplay(elements=(Action("日本語abc"),) + doc.elements)))) as pdf:
        chars = pdf.pages[0].chars[:6]
    xs = [round(c["x0"] - chars[0]["x0"], 1) for c in chars]
    col = 7.2
    # Three wide characters two cells each, then three narrow ones (glyphs centred in wide cells).
    assert [round(x / col) for x in xs] == [0, 2, 4, 6, 7, 8]
    assert DEFAULT.font == "Courier Prime"


def test_a_truetype_cjk_font_prints_as_it_is() -> None:
    truetype = [f for f in pdf_fonts.installed() if not f.cff and f.has(ord("你"))]
    if not truetype:
        pytest.skip("no TrueType-outline CJK font installed (apt install fonts-wqy-microhei)")
    data = write_pdf(story(CHINESE), DEFAULT.__class__(fallback_fonts=(truetype[0].path,)))
    assert {c for c in CHINESE if not c.isspace()} <= set(pdf_text(data))
