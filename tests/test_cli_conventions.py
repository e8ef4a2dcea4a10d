"""The command line speaks the ecosystem's conventions (issue 16): standard output,
-t FORMAT, --stats --json, a summary line, progress with an estimate, Fountain on
standard input, consistent size limits, and re-rendering our own Fountain exactly."""
from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT

from adapt.cli import main

SEED = ROOT / "seeds" / "tourniquet.txt"
STORY = b'"Ok," said Dana. She smiled.\n\n"Fine," said Bob. "Let us go."\n'
# A speech over two paragraphs (the first one left open), then a reply.
LONG_SPEECH = ('"I have walked all night," said Ann, "and the road never ended.\n\n'
               '"Then at dawn I saw the house," she went on.\n\n"Sit down," said Bob.\n')


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "adapt", *args], input=stdin, capture_output=True,
                          env=env, cwd=cwd, timeout=120)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- standard output and -t ----------------------------------------------------

@pytest.mark.parametrize("fmt, start", [("fountain", b"Title: STORY"), ("fdx", b"<?xml"),
                                        ("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF-")])
def test_dash_o_dash_writes_to_standard_output(tmp_path: Path, fmt: str, start: bytes) -> None:
    # Probe: `-o -` was a usage error.
    src = tmp_path / "story.txt"
    src.write_bytes(STORY)
    res = run(str(src), "-o", "-", "-t", fmt, "-q")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(start) and res.stderr == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_a_pdf_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(STORY)
    leader, follower = pty.openpty()
    try:
        res = subprocess.run([sys.executable, "-m", "adapt", "story.txt", "-o", "-", "-t", "pdf"], cwd=tmp_path,
                             stdout=follower, stderr=subprocess.PIPE, timeout=120,
                             env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    finally:
        os.close(follower)
        os.close(leader)
    assert res.returncode == 2 and b"not for a terminal" in res.stderr


def test_to_picks_the_format_whatever_the_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: there was no -t/--to FORMAT.
    src = tmp_path / "story.txt"
    src.write_bytes(STORY)
    code, _, _ = cli(capsys, str(src), "-o", str(tmp_path / "script.xml"), "-t", "fdx")
    assert code == 0
    ET.fromstring((tmp_path / "script.xml").read_bytes())
    code, _, _ = cli(capsys, str(src), "-t", "html", "-q")
    assert code == 0 and (tmp_path / "story.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not (tmp_path / "story.fountain").exists()


# --- what is said after writing --------------------------------------------------

def test_one_summary_line_after_writing_and_quiet_silences_it(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: success printed nothing.
    src = tmp_path / "story.txt"
    src.write_bytes(SEED.read_bytes())
    code, out, err = cli(capsys, str(src), "--pdf")
    assert code == 0 and out == ""
    with pdfplumber.open(tmp_path / "story.pdf") as pdf:
        pages = len(pdf.pages) - 1  # the script, not its title page
    assert err == (f"wrote {tmp_path / 'story.fountain'}, {tmp_path / 'story.pdf'} "
                   f"({pages} pages, 3 scenes, 2 characters)\n")
    code, out, err = cli(capsys, str(src), "-q")
    assert (code, out, err) == (0, "", "")


def test_stats_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: --stats had no machine-readable form.
    src = tmp_path / "story.txt"
    src.write_bytes(SEED.read_bytes())
    code, out, _ = cli(capsys, str(src), "--stats", "--json", "-q")
    assert code == 0
    data = json.loads(out)
    assert data["input"] == str(src) and data["title"] == "STORY"
    assert [c["name"] for c in data["cast"]] == ["FAITH", "BUFFY"]
    assert len(data["scenes"]) == 3 and data["pages"] > 20 and data["minutes"] >= 20
    code, _, err = cli(capsys, str(src), "--json")
    assert code == 2 and "--json goes with --stats" in err


def test_one_scene_is_not_one_scenes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: "1 scenes".
    src = tmp_path / "story.txt"
    src.write_bytes(STORY)
    code, out, err = cli(capsys, str(src), "--stats")
    assert code == 0
    assert ", 1 scene, 2 speaking parts" in out.splitlines()[0]
    assert err.endswith("(1 page, 1 scene, 2 characters)\n")


def test_progress_has_an_estimate_and_goes_on_through_the_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Probe: the progress line had no estimate and stopped during the PDF step.
    import adapt.cli
    import adapt.progress

    class TTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    clock = [0.0]

    def tick() -> float:
        clock[0] += 0.5  # every look at the clock: half a second later
        return clock[0]

    err = TTY()
    monkeypatch.setattr(adapt.progress.time, "monotonic", tick)
    monkeypatch.setattr(adapt.cli, "_PROGRESS_FROM", 0)
    monkeypatch.setattr(sys, "stderr", err)
    src = tmp_path / "story.txt"
    src.write_bytes(SEED.read_bytes())
    assert main([str(src), "--pdf"]) == 0
    frames = err.getvalue().split("\r")
    assert any(f.startswith("adapting ") and " s left" in f for f in frames)
    assert any(f.startswith(f"writing {tmp_path / 'story.pdf'}:") for f in frames)


def test_progress_step_moves_while_the_work_reports_nothing() -> None:
    import threading

    from adapt.progress import Progress

    class TTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = TTY()
    bar = Progress(100, "x", err, True)
    with bar:
        bar.advance(10)
        bar._start -= 1  # ten units took a second: ten a second
        moved = threading.Event()
        with bar.step(80):
            for _ in range(100):
                if bar.done > 10:
                    moved.set()
                    break
                threading.Event().wait(0.05)
            assert moved.is_set() and bar.done < 90
        assert bar.done == 90


# --- Fountain in, Fountain out ------------------------------------------------------

def test_fountain_on_standard_input_is_rendered_not_adapted(tmp_path: Path) -> None:
    # Probe: a .fountain on stdin was adapted as prose.
    script = (ROOT / "examples" / "tourniquet.fountain").read_bytes()
    res = run("-", "-o", "-", "-q", stdin=script)
    assert res.returncode == 0, res.stderr
    assert res.stdout == script
    prose = run("-", "-o", "-", "-q", stdin=STORY)
    assert b"\nDANA\n" in prose.stdout


def test_a_two_paragraph_speech_survives_a_re_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: textio stripped the two-space line that holds a speech's paragraphs together.
    src = tmp_path / "story.txt"
    src.write_text(LONG_SPEECH, encoding="utf-8")
    assert cli(capsys, str(src), "-q")[0] == 0
    first = (tmp_path / "story.fountain").read_text(encoding="utf-8")
    assert "\n  \n" in first  # the speech's paragraphs, joined as the spec says
    again = tmp_path / "again.fountain"
    assert cli(capsys, str(tmp_path / "story.fountain"), "-o", str(again), "-q")[0] == 0
    assert again.read_text(encoding="utf-8") == first

    from adapt.fountain.reader import read_fountain
    from adapt.model import Action, Dialogue
    from adapt.read.decode import read_input
    doc = read_fountain(read_input(str(again), keep_spaces=True)[0])
    ann = next(e for e in doc.elements if isinstance(e, Dialogue) and e.character == "ANN")
    assert "road never ended" in ann.parts[-1].text and "saw the house" in ann.parts[-1].text
    assert not any(isinstance(e, Action) and "house" in e.text for e in doc.elements)


# --- limits and messages -----------------------------------------------------------

def test_a_size_that_rounds_to_the_limit_is_told_exactly() -> None:
    # Probe: "20.0 MB, over the 20.0 MB limit".
    from adapt.read.decode import MAX_BYTES, _too_big
    message = str(_too_big("big.txt", MAX_BYTES + 1))
    assert message.startswith("big.txt is 20,971,521 bytes, over the 20,971,520-byte (20.0 MB) limit; split")


def test_a_story_at_the_limit_gives_a_fountain_adapt_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: a 20 MB story gave a .fountain that adapt then refused to render.
    import adapt.read.decode as decode
    text = SEED.read_bytes()[:6000]
    monkeypatch.setattr(decode, "MAX_BYTES", len(text))
    monkeypatch.setattr(decode, "MAX_FOUNTAIN_BYTES", 4 * len(text), raising=False)
    src = tmp_path / "story.txt"
    src.write_bytes(text)
    assert cli(capsys, str(src), "-q")[0] == 0
    script = tmp_path / "story.fountain"
    assert script.stat().st_size > len(text)
    code, _, err = cli(capsys, str(script), "-o", str(tmp_path / "story.pdf"), "-q")
    assert code == 0, err


def test_no_empty_parenthetical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: `"Ok," said Dana. She smiled.` → DANA / Ok, / ().
    src = tmp_path / "story.txt"
    src.write_bytes(STORY)
    assert cli(capsys, str(src), "-q")[0] == 0
    text = (tmp_path / "story.fountain").read_text(encoding="utf-8")
    assert "()" not in text and "DANA\nOk.\n\nShe smiles." in text


def test_control_characters_give_a_well_formed_fdx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: U+0001-U+001F made the .fdx ill-formed XML.
    src = tmp_path / "story.txt"
    src.write_bytes(b'"Stop\x01 there\x1b," said Ann.\x02\n\nShe waits\x0b.\n')
    assert cli(capsys, str(src), "--fdx", "-q")[0] == 0
    root = ET.fromstring((tmp_path / "story.fdx").read_bytes())
    words = " ".join(t.text or "" for t in root.iter("Text"))
    assert "Stop there" in words and "waits" in words


def test_standard_output_carries_one_thing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes(STORY)
    code, _, err = cli(capsys, str(src), "-o", "-", "--stats")
    assert code == 2 and "would both print to standard output" in err
    code, _, err = cli(capsys, str(src), "-o", "-", "--pdf")
    assert code == 2 and "--pdf writes beside a file" in err
