"""Interoperability: other programs read our output the way we wrote it.

For the seed story and a PDNC novel (Pride and Prejudice, skipped without ../shared):

- screenplain (PyPI) and fountain-js (npm) find in our .fountain the same character
  cues and scene headings, in the same order, as the Screenplay we produced;
- afterwriting (npm) renders the .fountain to a PDF that holds the script;
- our own reader re-reads the .fountain and writes it back byte for byte;
- the .fdx is well-formed XML using only Final Draft's default paragraph types, with
  one Character paragraph per dialogue block and the same scene headings, in order.

The npm tools come from ``.ci/npm-tools.sh``, which installs pinned versions into
``.ci/node/node_modules``; their tests skip, with a message, when node or the tools
are absent.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, shared

from adapt.fountain.reader import read_fountain
from adapt.fountain.writer import write_fountain
from adapt.inline import plain
from adapt.model import (
    Action,
    Centered,
    Dialogue,
    SceneHeading,
    Screenplay,
    Speech,
    Transition,
)
from adapt.read.decode import read_input
from adapt.read.prose import parse
from adapt.transform import Options, to_model
from adapt.writers.fdx import write_fdx

NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
FOUNTAIN_JS_READ = ROOT / "tests" / "js" / "fountain_js_read.js"
AFTERWRITING = NODE_MODULES / "afterwriting" / "awc.js"
NO_NODE_TOOLS = "node/npm tools not installed: run .ci/npm-tools.sh"

# Final Draft's default template paragraph types (Final Draft 8-12, "Elements").
FD_DEFAULT_TYPES = {"Scene Heading", "Action", "Character", "Parenthetical", "Dialogue",
                    "Transition", "Lyrics", "General", "Shot", "Cast List", "New Act",
                    "End of Act"}

STORIES = {
    # name: (path under the repo or ../shared, title)
    "tourniquet": (("seeds", "tourniquet.txt"), "Tourniquet"),
    "pride-and-prejudice": (("pdnc-dev", "PrideAndPrejudice", "novel_text.txt"), "Pride And Prejudice"),
}


@dataclass(frozen=True)
class Adapted:
    """One story, adapted once per module: the model and what the writers made of it."""

    name: str
    doc: Screenplay
    fountain: str
    fdx: str
    fountain_path: Path
    """The .fountain on disk, for the node tools."""


@pytest.fixture(scope="module", params=list(STORIES))
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Adapted:
    name = request.param
    parts, title = STORIES[name]
    path = ROOT.joinpath(*parts) if parts[0] == "seeds" else shared(*parts)
    text, source = read_input(str(path))
    doc = to_model(parse(text, source=source), title=title, options=Options())
    fountain = write_fountain(doc)
    out = tmp_path_factory.mktemp(name) / f"{name}.fountain"
    out.write_text(fountain, encoding="utf-8")
    return Adapted(name, doc, fountain, write_fdx(doc), out)


# --- what each reader found: printed cues ("NAME (EXT)") and scene headings ----------

def _cue(d: Dialogue) -> str:
    return f"{d.character} ({d.extension})" if d.extension else d.character


def _model_cues(doc: Screenplay) -> list[str]:
    return [plain(_cue(e)) for e in doc.elements if isinstance(e, Dialogue)]


def _model_headings(doc: Screenplay) -> list[str]:
    return [plain(e.text) for e in doc.elements if isinstance(e, SceneHeading)]


def _screenplain(text: str) -> tuple[list[str], list[str]]:
    """Cues and headings as screenplain reads them (it upper-cases headings)."""
    from screenplain import types as sp
    from screenplain.parsers import fountain

    cues: list[str] = []
    headings: list[str] = []
    for p in fountain.parse(io.StringIO(text)).paragraphs:
        if isinstance(p, sp.DualDialog):
            cues += [str(p.left.character), str(p.right.character)]
        elif isinstance(p, sp.Dialog):
            cues.append(str(p.character))
        elif isinstance(p, sp.Slug):
            headings.append(str(p.line))
    return cues, headings


def _node() -> str:
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "fountain-js" / "package.json").is_file() \
            or not AFTERWRITING.is_file():
        pytest.skip(NO_NODE_TOOLS)
    return node


def _fountain_js(path: Path) -> dict[str, Any]:
    """Cues and headings as fountain-js reads them (tests/js/fountain_js_read.js)."""
    node = _node()
    run = subprocess.run([node, str(FOUNTAIN_JS_READ), str(NODE_MODULES), str(path)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def _first_difference(want: list[str], found: list[str]) -> str:
    counts = f"{len(want)} wanted, {len(found)} found"
    for i, (a, b) in enumerate(zip(want, found, strict=False)):
        if a != b:
            return f"{counts}; first difference at #{i + 1}: wanted {a!r}, found {b!r}"
    n = min(len(want), len(found))
    return f"{counts}; first extra #{n + 1}: {(want[n:] or found[n:])[0]!r}"


def _agree(what: str, want: list[str], found: list[str]) -> None:
    """Same count (the claim), then the same sequence (so a swap cannot hide)."""
    assert len(want) > 0
    assert len(found) == len(want), f"{what}: {_first_difference(want, found)}"
    assert found == want, f"{what}: {_first_difference(want, found)}"


# --- 1. screenplain and fountain-js agree with our model ----------------------------

def test_screenplain_finds_our_cues_and_headings(story: Adapted) -> None:
    cues, headings = _screenplain(story.fountain)
    _agree("character cues (screenplain)", _model_cues(story.doc), cues)
    _agree("scene headings (screenplain)", [h.upper() for h in _model_headings(story.doc)], headings)


def test_fountain_js_finds_our_cues_and_headings(story: Adapted) -> None:
    found = _fountain_js(story.fountain_path)
    _agree("character cues (fountain-js)", _model_cues(story.doc), found["characters"])
    _agree("scene headings (fountain-js)", _model_headings(story.doc), found["scene_headings"])
    # One dialogue block per cue: nothing left open, nothing merged.
    assert found["types"].get("dialogue_begin") == found["types"].get("dialogue_end") == len(found["characters"])


# --- 2. afterwriting renders it ----------------------------------------------------

@pytest.fixture(scope="module")
def afterwriting_pdf(story: Adapted) -> Path:
    return _afterwriting(story.fountain_path)


def _afterwriting(fountain: Path) -> Path:
    """Render with the afterwriting CLI; the PDF lands beside the .fountain."""
    node = _node()
    pdf = fountain.with_suffix(".pdf")
    # split_dialogue=false: a speech is never broken across pages, so every cue is
    # printed exactly once and the cue lines in the PDF can be counted.
    run = subprocess.run(
        [node, str(AFTERWRITING), "--source", str(fountain), "--pdf", str(pdf),
         "--overwrite", "--setting", "split_dialogue=false"],
        cwd=pdf.parent, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=300, check=False)
    # afterwriting exits 0 even when it fails ("Cannot open script file"), so its
    # success line and the file itself are the evidence.
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Done!" in run.stdout and not run.stderr.strip(), run.stdout + run.stderr
    return pdf


def _squash(s: str) -> str:
    return " ".join(s.split())


def _last_printed_text(doc: Screenplay) -> str:
    for el in reversed(doc.elements):
        match el:
            case Action(text=t) | Centered(text=t) | Transition(text=t) | SceneHeading(text=t):
                return plain(t)
            case Dialogue(parts=parts) if any(isinstance(p, Speech) for p in parts):
                return plain([p for p in parts if isinstance(p, Speech)][-1].text)
    raise AssertionError("nothing printable in the script")


def test_afterwriting_renders_the_script(story: Adapted, afterwriting_pdf: Path) -> None:
    import pdfplumber

    data = afterwriting_pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    with pdfplumber.open(afterwriting_pdf) as pdf:
        pages = pdf.pages
        # One title page, then at least a page per 3 scenes; P&P runs to ~400 pages.
        assert len(pages) >= 2 + len(_model_headings(story.doc)) // 3
        title = story.doc.title.get("Title")
        assert title and title.upper() in (pages[0].extract_text() or "").upper()
        first_body = _squash(pages[1].extract_text() or "")
        assert first_body.startswith(_squash(_model_headings(story.doc)[0])), first_body[:200]
        # The script is all there: the last page ends with our last printed words.
        last = _squash(pages[-1].extract_text() or "")
        assert last.endswith(_squash(_last_printed_text(story.doc))[-80:]), last[-200:]


# Seed only: pdfplumber needs ~20 s to extract the text of the novel's ~400 pages.
@pytest.mark.parametrize("story", ["tourniquet"], indirect=True)
def test_afterwriting_prints_every_cue_and_heading(story: Adapted, afterwriting_pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(afterwriting_pdf) as pdf:
        lines = [x.strip() for page in pdf.pages[1:] for x in (page.extract_text() or "").splitlines()]
    cues, headings = set(_model_cues(story.doc)), set(_model_headings(story.doc))
    # afterwriting adds "(CONT'D)" itself only to cues we did not mark, so a printed
    # line equal to one of our cues is that cue.
    _agree("character cues (afterwriting PDF)", _model_cues(story.doc), [x for x in lines if x in cues])
    _agree("scene headings (afterwriting PDF)", _model_headings(story.doc), [x for x in lines if x in headings])


# --- 3. our reader and writer are a fixed point on our own output -------------------

def test_fountain_round_trip_is_byte_identical(story: Adapted) -> None:
    again = write_fountain(read_fountain(story.fountain, source=story.name))
    if again != story.fountain:
        ours, back = story.fountain.split("\n"), again.split("\n")
        i = next((n for n, (a, b) in enumerate(zip(ours, back, strict=False)) if a != b), min(len(ours), len(back)))
        pytest.fail(f"line {i + 1} changes on read → write: "
                    f"{ours[i] if i < len(ours) else '<end>'!r} → {back[i] if i < len(back) else '<end>'!r}")


# --- 4. the .fdx says the same ------------------------------------------------------

def _fdx_text(p: ET.Element) -> str:
    return "".join(t.text or "" for t in p.findall("Text"))


def test_fdx_is_final_draft_xml_with_default_types(story: Adapted) -> None:
    root = ET.fromstring(story.fdx.encode("utf-8"))
    assert root.tag == "FinalDraft" and root.get("DocumentType") == "Script"
    content = root.find("Content")
    assert content is not None
    types = {p.get("Type") for p in root.iter("Paragraph") if p.get("Type") is not None}
    assert types <= FD_DEFAULT_TYPES, types - FD_DEFAULT_TYPES
    for p in content:
        assert p.tag == "Paragraph"
        # A body paragraph without a type is only Final Draft's dual-dialogue wrapper.
        if p.get("Type") is None:
            assert [c.tag for c in p] == ["DualDialogue"], ET.tostring(p, encoding="unicode")[:200]


def test_fdx_has_one_character_per_dialogue_block_and_same_headings(story: Adapted) -> None:
    content = ET.fromstring(story.fdx.encode("utf-8")).find("Content")
    assert content is not None
    paragraphs = list(content.iter("Paragraph"))  # DualDialogue halves included, in order
    fdx_cues = [_fdx_text(p) for p in paragraphs if p.get("Type") == "Character"]
    fdx_headings = [_fdx_text(p) for p in paragraphs if p.get("Type") == "Scene Heading"]

    sp_cues, sp_headings = _screenplain(story.fountain)
    reread = read_fountain(story.fountain, source=story.name)
    _agree("FDX Character vs screenplain dialogue blocks", sp_cues, fdx_cues)
    _agree("FDX Character vs our reader's dialogue blocks", _model_cues(reread), fdx_cues)
    _agree("FDX Scene Heading vs screenplain", sp_headings, [h.upper() for h in fdx_headings])
    _agree("FDX Scene Heading vs our reader", _model_headings(reread), fdx_headings)


def test_installed_node_tools_are_the_pinned_versions() -> None:
    # The agreement above was measured against these versions; an unpinned or stale
    # install in .ci/node would make it say something else.
    _node()
    script = (ROOT / ".ci" / "npm-tools.sh").read_text(encoding="utf-8")
    pins = dict(re.findall(r"\b([a-z][a-z0-9-]*)@(\d+\.\d+\.\d+)\b", script.split("PINS=(", 1)[1].split(")", 1)[0]))
    assert set(pins) == {"fountain-js", "afterwriting"}
    for name, version in pins.items():
        installed = json.loads((NODE_MODULES / name / "package.json").read_text(encoding="utf-8"))["version"]
        assert installed == version, f"{name} {installed} installed, {version} pinned: run .ci/npm-tools.sh"
