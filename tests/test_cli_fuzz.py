"""Random documents through the whole CLI: exit 0 or 1 only, never a traceback, every
quoted word in the .fountain, the .fdx well-formed XML (issue 16, "Done when")."""
from __future__ import annotations

import contextlib
import io
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapt.cli import main

# Nouns and adjectives: words the action voice (tense, person) never rewrites, so a
# quoted word that ends up in narration is still findable.
WORDS = ("apple", "river", "green", "quiet", "lamp", "stone", "window", "bright", "salt", "ember",
         "harbour", "velvet", "crooked", "lantern", "café", "naïve", "Zoë", "северный", "東京")
NAMES = ("Ann", "Bob", "Dana", "Mr. Grey", "Lucía")
CONTROLS = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r\f")

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)
control = st.text(alphabet=CONTROLS, min_size=1, max_size=2)


@st.composite
def quote(draw: st.DrawFn) -> tuple[str, list[str]]:
    said = draw(words)
    name = draw(st.sampled_from(NAMES))
    text = " ".join(said)
    form = draw(st.sampled_from(('"{t}," said {n}.', '"{t}?" {n} asked.', '"{t}."',
                                 '{n} looked up. "{t}!"', '"{t}," said {n}. {n} smiled.',
                                 '“{t},” said {n}, “{t}.”')))
    return form.format(t=text, n=name), said


@st.composite
def fragment(draw: st.DrawFn) -> tuple[str, list[str]]:
    kind = draw(st.sampled_from(("prose", "quote", "quote", "verse", "heading", "control", "junk")))
    if kind == "quote":
        return draw(quote())
    if kind == "prose":
        return f"The {' '.join(draw(words))} waited by the door.", []
    if kind == "verse":
        lines = draw(st.lists(words, min_size=2, max_size=4))
        return "\n".join("    " + " ".join(x) for x in lines), []
    if kind == "heading":
        return draw(st.sampled_from(("CHAPTER I.", "Chapter 2", "* * *", "#", "INT. KITCHEN - NIGHT",
                                     "PART ONE", "~", "[[", "/*", ">", "!", "@"))), []
    if kind == "control":
        return " ".join(draw(words)) + " " + draw(control) + " " + " ".join(draw(words)), []
    return draw(st.text(max_size=20)), []


@st.composite
def document(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    parts = draw(st.lists(fragment(), min_size=1, max_size=12))
    glue = draw(st.sampled_from(("\n\n", "\n", "\r\n\r\n", "\n\n\n")))
    data = glue.join(p for p, _ in parts).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=16))
    return data, [w for _, said in parts for w in said]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_random_documents_through_the_cli(doc: tuple[bytes, list[str]]) -> None:
    data, quoted = doc
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "story.txt"
        src.write_bytes(data)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main([str(src), "--fdx", "-q"])  # an exception here is a traceback
        assert code in (0, 1), err.getvalue()
        if code == 1:
            assert err.getvalue().startswith("adapt: error: ") and err.getvalue().count("\n") == 1
            return
        script = (Path(tmp) / "story.fountain").read_text(encoding="utf-8")
        ET.fromstring((Path(tmp) / "story.fdx").read_bytes())  # well-formed
        decoded = data.decode("utf-8", "ignore")
        if any(w not in decoded for w in quoted):  # junk bytes made the file another encoding
            return
        for w in quoted:
            assert re.search(rf"(?<!\w){re.escape(w)}(?!\w)", script, re.I), (w, script)
