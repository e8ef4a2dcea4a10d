"""The command line: exit codes, one-line errors, outputs never half-written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from adapt.cli import main

SEED = ROOT / "seeds" / "tourniquet.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "adapt", *args], input=stdin, capture_output=True, env=env, cwd=cwd)


def test_default_output_next_to_input(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes(SEED.read_bytes())
    assert main([str(src)]) == 0
    assert (tmp_path / "story.fountain").read_text(encoding="utf-8").startswith("Title: STORY")


def test_stdin_and_formats(tmp_path: Path) -> None:
    res = run("-", "-o", str(tmp_path / "s.fountain"), stdin=SEED.read_bytes())
    assert res.returncode == 0, res.stderr
    assert "BUFFY" in (tmp_path / "s.fountain").read_text(encoding="utf-8")
    assert main([str(tmp_path / "s.fountain"), "-o", str(tmp_path / "s.pdf")]) == 0
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_fdx_html_side_by_side(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes(SEED.read_bytes())
    assert main([str(src), "--pdf", "--fdx", "--html"]) == 0
    for ext in (".fountain", ".pdf", ".fdx", ".html"):
        assert (tmp_path / ("story" + ext)).stat().st_size > 1000


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"   \n\n\t\n", "empty"),
])
def test_bad_input_is_one_line_exit_1_and_no_output(tmp_path: Path, content: bytes, message: str) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    res = run(str(src))
    assert res.returncode == 1
    err = res.stderr.decode()
    assert err.startswith("adapt: error:") and err.count("\n") == 1 and message in err
    assert "Traceback" not in err
    assert not (tmp_path / "bad.fountain").exists()


def test_existing_output_untouched_on_failure(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(b"\x00\x01\x02binary" * 100)
    out = tmp_path / "bad.fountain"
    out.write_text("precious work", encoding="utf-8")
    assert main([str(src)]) == 1
    assert out.read_text(encoding="utf-8") == "precious work"


def test_missing_file_and_usage_errors(tmp_path: Path) -> None:
    res = run(str(tmp_path / "nope.txt"))
    assert res.returncode == 1 and b"no such file" in res.stderr
    res = run(str(SEED), "-o", str(tmp_path / "x.docx"))
    assert res.returncode == 2 and b"format" in res.stderr
    res = run("-")
    assert res.returncode == 2


def test_many_files_one_failure_does_not_stop_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    other = tmp_path / "other.txt"
    other.write_text('"Hello," said Ann.\n\n"Hi," said Bob.', encoding="utf-8")
    res = run(str(good), str(bad), str(other), "-j", "2")
    assert res.returncode == 1
    assert (tmp_path / "good.fountain").exists() and (tmp_path / "other.fountain").exists()
    assert not (tmp_path / "bad.fountain").exists()


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().startswith("adapt ")
    help_text = run("--help").stdout.decode()
    assert "--narrator" in help_text and "--pdf" in help_text


def test_cast_file_and_cli_overrides(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes(SEED.read_bytes())
    (tmp_path / "story.cast.toml").write_text('narrator = "Anne"\npronoun = "she"\n', encoding="utf-8")
    assert main([str(src)]) == 0
    text = (tmp_path / "story.fountain").read_text(encoding="utf-8")
    assert "\nANNE\n" in text and "\nBUFFY\n" not in text
    assert main([str(src), "--narrator", "Willow", "--alias", "Faith=Cordelia"]) == 0
    text = (tmp_path / "story.fountain").read_text(encoding="utf-8")
    assert "\nWILLOW\n" in text and "\nCORDELIA\n" in text and "\nFAITH\n" not in text
    (tmp_path / "story.cast.toml").write_text('narator = "x"\n', encoding="utf-8")
    res = run(str(src))
    assert res.returncode == 1 and b"unknown key" in res.stderr


def test_stats(tmp_path: Path) -> None:
    res = run(str(SEED), "--stats", "-o", str(tmp_path / "s.fountain"))
    out = res.stdout.decode()
    assert res.returncode == 0 and "BUFFY" in out and "FAITH" in out


def test_examples_are_what_the_documented_command_makes(tmp_path: Path) -> None:
    # README: adapt seeds/tourniquet.txt -o examples/tourniquet.fountain --pdf --fdx --html
    src = tmp_path / "tourniquet.txt"
    src.write_bytes(SEED.read_bytes())
    (tmp_path / "tourniquet.cast.toml").write_bytes((ROOT / "seeds" / "tourniquet.cast.toml").read_bytes())
    assert main([str(src), "--fdx", "--html"]) == 0
    for ext in (".fountain", ".fdx", ".html"):
        made = (tmp_path / ("tourniquet" + ext)).read_text(encoding="utf-8")
        assert made == (ROOT / "examples" / ("tourniquet" + ext)).read_text(encoding="utf-8"), \
            f"examples/tourniquet{ext} is stale: regenerate it with the README command"


def test_readme_shows_the_current_help() -> None:
    import os
    env = dict(os.environ, COLUMNS="100", PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-m", "adapt", "--help"], capture_output=True, text=True,
                         env=env, check=True).stdout.rstrip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert out in readme, "README's `adapt --help` block is stale: paste the new output"


def test_rendering_a_fountain_script_loads_no_adaptation_stage(tmp_path: Path) -> None:
    """Start-up: a render imports the Fountain reader, the model and the writer, nothing more."""
    script = tmp_path / "s.fountain"
    script.write_text("INT. HOUSE - DAY\n\nAnna waits.\n\nANNA\nHello.\n", encoding="utf-8")
    probe = ("import sys; from adapt.cli import main; "
             f"code = main([{str(script)!r}, '-o', {str(tmp_path / 's.pdf')!r}, '-q']); "
             "heavy = [m for m in ('adapt.transform', 'lemminflect', 'adapt.read.formats', 'adapt.speakers') "
             "if m in sys.modules]; print(code, heavy)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}).stdout
    assert out.strip() == "0 []"
