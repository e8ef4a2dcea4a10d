"""The installed package works on its own: grammar and fonts inside the wheel, the
`adapt` command on PATH (the gap a source checkout hides)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

import adapt
from adapt.resources import font_path, grammar_dir

INSTALLED = not Path(adapt.__file__).resolve().is_relative_to(ROOT / "src")


@pytest.mark.skipif(not INSTALLED, reason="adapt is imported from the source tree, not an installed wheel")
def test_wheel_carries_grammar_and_fonts() -> None:
    package = Path(adapt.__file__).resolve().parent
    assert grammar_dir() == package / "grammar"
    assert (grammar_dir() / "prose.lark").is_file() and (grammar_dir() / "fountain.lark").is_file()
    assert font_path("Courier-Prime.ttf").is_file() and (package / "fonts" / "OFL.txt").is_file()


@pytest.mark.skipif(not INSTALLED or shutil.which("adapt") is None, reason="no installed adapt command")
def test_installed_command_adapts_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "seed.fountain"
    # No PYTHONPATH: only what pip installed.
    res = subprocess.run(["adapt", str(ROOT / "seeds" / "tourniquet.txt"), "-o", str(out), "--pdf"],
                         capture_output=True, text=True, env={"PATH": str(Path(shutil.which("adapt")).parent)})
    assert res.returncode == 0, res.stderr
    assert "\nBUFFY\n" in out.read_text(encoding="utf-8")
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(not INSTALLED or shutil.which("adapt") is None, reason="no installed adapt command")
def test_installed_command_reads_every_format(tmp_path: Path) -> None:
    import format_fixtures as fx  # builds the files with python-docx, odfpy, ebooklib: the wheel's own dependencies

    env = {"PATH": str(Path(shutil.which("adapt")).parent)}
    for ext, build in fx.BUILDERS.items():
        src = tmp_path / f"story{ext}"
        src.write_bytes(build())
        res = subprocess.run(["adapt", str(src), "-o", str(tmp_path / f"{ext[1:]}.fountain")],
                             capture_output=True, text=True, env=env)
        assert res.returncode == 0, (ext, res.stderr)
        script = (tmp_path / f"{ext[1:]}.fountain").read_text(encoding="utf-8")
        assert "\nANNA\nHello.\n" in script and "# Chapter 2" in script, ext
