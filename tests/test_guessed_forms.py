"""lemminflect's guesses for words its tables lack, kept in the user's cache (language/tables.py),
and numpy imported only when something uses it."""
import os
import subprocess
import sys
from pathlib import Path

import lemminflect

from adapt.language import tables

SRC = Path(__file__).resolve().parents[1] / "src"


def test_guesses_are_lemminflect_s_and_read_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(tables, "_GUESSED", None)
    words = ("facepalmed", "crouded", "zorbed")
    guessed = [tables.oov_verb_lemma(w) for w in words] + [tables.inflection("croud", "VBZ")]
    expected = [lemminflect.getAllLemmasOOV(w, "VERB").get("VERB", (None,))[0] for w in words]
    assert guessed == expected + [tuple(lemminflect.getInflection("croud", "VBZ"))]
    assert list((tmp_path / "adapt").glob("guessed-forms-*"))
    monkeypatch.setattr(tables, "_GUESSED", None)  # a new run: answers from the file
    monkeypatch.setattr(lemminflect, "getAllLemmasOOV", None)  # never asked again
    assert [tables.oov_verb_lemma(w) for w in words] == expected


def test_damaged_guess_cache_guesses_afresh(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(tables, "_GUESSED", None)
    (tmp_path / "adapt").mkdir()
    (tmp_path / "adapt" / tables._guessed_name()).write_bytes(b"\x00not marshal")
    assert tables.oov_verb_lemma("facepalmed") == "facepalm"


def test_numpy_waits_for_a_use(tmp_path) -> None:
    code = ("import sys; import adapt.language.lexicon as lx; import adapt.transform\n"
            "print(type(sys.modules['numpy']).__name__)\n"
            "import numpy; print(type(numpy).__name__, numpy.zeros(2).tolist(), type(sys.modules['numpy']).__name__)")
    env = {**os.environ, "PYTHONPATH": str(SRC), "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["_NumpyWhenUsed", "_NumpyWhenUsed", "[0.0,", "0.0]", "module"]
