"""FDX writer: checked by parsing its output with ElementTree."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Lyrics,
    Note,
    PageBreak,
    SceneHeading,
    Screenplay,
    Section,
    Sung,
    Synopsis,
    Transition,
    dialogue,
    screenplay,
)
from adapt.writers.fdx import write_fdx

DEFAULT_TYPES = {"Scene Heading", "Action", "Character", "Parenthetical", "Dialogue",
                 "Transition", "General", "Shot"}


def _root(doc: Screenplay) -> ET.Element:
    return ET.fromstring(write_fdx(doc).encode("utf-8"))


def _body(doc: Screenplay) -> list[ET.Element]:
    """Content paragraphs, in order, with DualDialogue wrappers flattened."""
    content = _root(doc).find("Content")
    assert content is not None
    return [p for p in content.iter("Paragraph") if p.get("Type")]


def _text(p: ET.Element) -> str:
    return "".join(t.text or "" for t in p.findall("Text"))


def _sample() -> Screenplay:
    return screenplay(
        SceneHeading("INT. KITCHEN - DAY", number="1A"),
        Action("Anna *waits*."),
        dialogue("ANNA", "(quietly)", "Hello?", extension="V.O."),
        dialogue("BOB", "Who's there?", Sung("Tra la.")),
        Transition("CUT TO:"),
        SceneHeading("EXT. GARDEN - NIGHT"),
        Centered("THE END"),
        Lyrics(("Row, row,", "row your boat")),
        title="Kitchen", author="Me",
    )


def test_header_and_root() -> None:
    out = write_fdx(_sample())
    assert out.startswith('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n<FinalDraft ')
    root = _root(_sample())
    assert root.tag == "FinalDraft"
    assert root.attrib == {"DocumentType": "Script", "Template": "No", "Version": "5"}


def test_only_default_paragraph_types() -> None:
    types = {p.get("Type") for p in _body(_sample())}
    assert types <= DEFAULT_TYPES
    assert {"Scene Heading", "Action", "Character", "Parenthetical", "Dialogue",
            "Transition"} <= types


def test_paragraph_sequence_and_text() -> None:
    got = [(p.get("Type"), _text(p)) for p in _body(_sample())]
    assert got == [
        ("Scene Heading", "INT. KITCHEN - DAY"),
        ("Action", "Anna waits."),
        ("Character", "ANNA (V.O.)"),
        ("Parenthetical", "(quietly)"),
        ("Dialogue", "Hello?"),
        ("Character", "BOB"),
        ("Dialogue", "Who's there?"),
        ("Dialogue", "Tra la."),
        ("Transition", "CUT TO:"),
        ("Scene Heading", "EXT. GARDEN - NIGHT"),
        ("Action", "THE END"),
        ("Action", "Row, row,\nrow your boat"),
    ]


def test_one_character_paragraph_per_dialogue() -> None:
    doc = screenplay(*(dialogue(n, "Line one.", "(beat)", "Line two.") for n in ("A", "B", "C")))
    chars = [p for p in _body(doc) if p.get("Type") == "Character"]
    assert [_text(p) for p in chars] == ["A", "B", "C"]


def test_scene_numbers_and_centered() -> None:
    paras = _body(_sample())
    headings = [p for p in paras if p.get("Type") == "Scene Heading"]
    assert [h.get("Number") for h in headings] == ["1A", None]
    end = next(p for p in paras if _text(p) == "THE END")
    assert end.get("Type") == "Action" and end.get("Alignment") == "Center"


def test_emphasis_styles() -> None:
    doc = screenplay(Action("a *i* **b** ***bi*** _u_ **_bu_** plain"))
    (para,) = _body(doc)
    styled = {t.text: t.get("Style") for t in para.findall("Text")}
    assert styled["i"] == "Italic"
    assert styled["b"] == "Bold"
    assert styled["bi"] == "Bold+Italic"
    assert styled["u"] == "Underline"
    assert styled["bu"] == "Bold+Underline"
    assert styled[" plain"] is None
    assert _text(para) == "a i b bi u bu plain"


def test_escaped_markers_are_literal() -> None:
    (para,) = _body(screenplay(Action(r"2 \* 3 = 6")))
    assert _text(para) == "2 * 3 = 6"
    assert all(t.get("Style") is None for t in para.findall("Text"))


def test_xml_special_characters_survive() -> None:
    nasty = 'Tom & Jerry <say> "hi" \'there\' ]]>'
    doc = screenplay(SceneHeading("INT. A & B - DAY", number='1"'), Action(nasty),
                     dialogue("R&D", nasty), title="Q & <A>")
    paras = _body(doc)
    assert _text(paras[0]) == "INT. A & B - DAY"
    assert paras[0].get("Number") == '1"'
    assert _text(paras[1]) == nasty
    assert _text(paras[2]) == "R&D"
    assert _text(paras[3]) == nasty
    tp = _root(doc).find("TitlePage/Content")
    assert tp is not None and "Q & <A>" in [_text(p) for p in tp.iter("Paragraph")]


def test_whitespace_inside_text_is_not_touched() -> None:
    doc = screenplay(Action("  two spaces\nnew line  "), dialogue("A", "*x* **y**"))
    paras = _body(doc)
    assert _text(paras[0]) == "  two spaces\nnew line  "
    assert [t.text for t in paras[2].findall("Text")] == ["x", " ", "y"]


def test_dual_dialogue_structure() -> None:
    doc = screenplay(
        Action("Before."),
        dialogue("BRICK", "Screw retirement.", "(grins)", "Ha."),
        dialogue("STEEL", "Screw retirement.", dual=True),
        dialogue("AFTER", "Single."),
    )
    content = _root(doc).find("Content")
    assert content is not None
    top = list(content)
    assert [p.get("Type") for p in top] == ["Action", None, "Character", "Dialogue"]
    wrapper = top[1]
    assert [c.tag for c in wrapper] == ["DualDialogue"]
    inner = [(p.get("Type"), _text(p)) for p in wrapper[0]]
    assert inner == [
        ("Character", "BRICK"), ("Dialogue", "Screw retirement."),
        ("Parenthetical", "(grins)"), ("Dialogue", "Ha."),
        ("Character", "STEEL"), ("Dialogue", "Screw retirement."),
    ]


def test_dual_without_partner_is_plain_dialogue() -> None:
    doc = screenplay(Action("x"), dialogue("LONE", "Hi.", dual=True))
    content = _root(doc).find("Content")
    assert content is not None
    assert [p.get("Type") for p in content] == ["Action", "Character", "Dialogue"]


def test_page_break_marks_next_paragraph() -> None:
    doc = screenplay(Action("one"), PageBreak(), Action("two"), Action("three"))
    paras = _body(doc)
    assert [p.get("StartsNewPage") for p in paras] == [None, "Yes", None]


def test_page_break_before_dual_marks_wrapper() -> None:
    doc = screenplay(Action("one"), PageBreak(), dialogue("A", "x"), dialogue("B", "y", dual=True))
    content = _root(doc).find("Content")
    assert content is not None
    assert content[1].find("DualDialogue") is not None
    assert content[1].get("StartsNewPage") == "Yes"


def test_unprinted_elements_are_dropped() -> None:
    doc = screenplay(Action("seen"), Note("secret note"), Section("Act One"),
                     Synopsis("a synopsis"), Boneyard("old stuff"))
    out = write_fdx(doc)
    assert [_text(p) for p in _body(doc)] == ["seen"]
    for hidden in ("Act One", "a synopsis", "old stuff"):
        assert hidden not in out


def _notes(doc: Screenplay) -> list[tuple[str, str]]:
    """(anchored paragraph text, note text) for each ScriptNote."""
    root = _root(doc)
    content = root.find("Content")
    assert content is not None
    texts = ["".join(t.text or "" for t in p.findall("Text")) if p.find("DualDialogue") is None else "\0\0"
             for p in content]
    body = "\n".join(texts).encode("utf-16-le")  # a Range counts UTF-16 units
    out = []
    for note in root.iterfind("ScriptNotes/ScriptNote"):
        start, end = (int(x) for x in note.get("Range", "").split(","))
        words = "\n".join(t.text or "" for t in note.iter("Text"))
        out.append((body[2 * start:2 * end].decode("utf-16-le"), words))
    return out


def test_notes_are_script_notes_anchored_to_their_paragraph() -> None:
    # Probe: the FDX dropped every note.
    doc = screenplay(
        SceneHeading("INT. UNKNOWN LOCATION - DAY"),
        Note("scene heading: the text does not say where"),
        Action("Dana waits. Ünïcödé 🎭 here."),
        Note("speaker: guessed from turn-taking"),
        dialogue("DANA", "Hello?"),
        dialogue("BOB", "Hi.", dual=True),
        Action("After."),
        Note("two\nlines"),
    )
    assert _notes(doc) == [
        ("INT. UNKNOWN LOCATION - DAY", "scene heading: the text does not say where"),
        ("\0\0", "speaker: guessed from turn-taking"),
        ("After.", "two\nlines"),
    ]
    assert _notes(screenplay(Note("first"), Action("Only."))) == [("Only.", "first")]


def test_lyrics_are_italic_dialogue_and_action() -> None:
    # Probe: lyrics went out as a Lyrics type that readers without one show as Action.
    doc = screenplay(dialogue("BOB", "Listen.", Sung("Tra *la*.")), Lyrics(("Row, row,", "row")))
    paras = _body(doc)
    sung = paras[2]
    assert sung.get("Type") == "Dialogue" and _text(sung) == "Tra la."
    assert all("Italic" in (t.get("Style") or "") for t in sung.findall("Text"))
    song = paras[3]
    assert song.get("Type") == "Action" and _text(song) == "Row, row,\nrow"
    assert all(t.get("Style") == "Italic" for t in song.findall("Text"))
    assert "Lyrics" not in write_fdx(doc)


def test_control_characters_never_make_ill_formed_xml() -> None:
    # Probe: U+0001-U+001F made the .fdx ill-formed.
    junk = "".join(chr(c) for c in range(32) if c != 13) + "\ufffe\uffff ok"
    doc = screenplay(SceneHeading("INT. X\x01 - DAY", number="1\x02"), Action(junk),
                     dialogue("A\x1b", junk), Note(junk), title=junk)
    paras = _body(doc)  # parses: well-formed
    assert _text(paras[1]) == "\t\n ok"
    assert paras[0].get("Number") == "1"


def test_title_page() -> None:
    doc = screenplay(Action("x"), title="Big *Fish*", credit="written by", author="Ann Lee",
                     source="based on the novel", draft_date="1 May 2024",
                     contact="ann@example.com\n555-0100")
    content = _root(doc).find("TitlePage/Content")
    assert content is not None
    paras = [(p.get("Alignment"), _text(p)) for p in content.iter("Paragraph") if _text(p)]
    assert paras == [
        ("Center", "Big Fish"), ("Center", "written by"), ("Center", "Ann Lee"),
        ("Center", "based on the novel"), ("Left", "1 May 2024"),
        ("Left", "ann@example.com"), ("Left", "555-0100"),
    ]
    title = next(p for p in content.iter("Paragraph") if _text(p) == "Big Fish")
    assert [t.get("Style") for t in title.findall("Text")] == [None, "Italic"]


def test_no_title_page_when_empty() -> None:
    assert _root(screenplay(Action("x"))).find("TitlePage") is None


def test_deterministic() -> None:
    assert write_fdx(_sample()) == write_fdx(_sample())
