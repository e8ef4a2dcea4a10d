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
                 "Transition", "Lyrics", "General", "Shot"}


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
            "Transition", "Lyrics"} <= types


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
        ("Lyrics", "Tra la."),
        ("Transition", "CUT TO:"),
        ("Scene Heading", "EXT. GARDEN - NIGHT"),
        ("Action", "THE END"),
        ("Lyrics", "Row, row,"),
        ("Lyrics", "row your boat"),
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
    for hidden in ("secret note", "Act One", "a synopsis", "old stuff"):
        assert hidden not in out


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
