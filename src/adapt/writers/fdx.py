"""Screenplay model → Final Draft FDX.

Built with ``xml.etree`` so every character is escaped by the serializer, never by
hand; characters XML 1.0 forbids (C0 controls other than tab and line feed, lone
surrogates, U+FFFE/U+FFFF) are left out, so the file is always well-formed. Only
element types every FDX reader knows are used (Scene Heading, Action, Character,
Parenthetical, Dialogue, Transition), so the file opens in any template without
"unknown element" surprises.

Lyrics are italic: a line a character sings is an italic ``Dialogue`` paragraph under
their cue, a song no one on screen sings one italic ``Action`` paragraph. Every
template has those types, so a lyric shows as a lyric (the italic convention)
wherever the file opens; a ``Lyrics`` paragraph shows as one only where a template
declares that type, and readers that know none read it as Action.

Notes are Final Draft ``ScriptNote``s (the ``<ScriptNotes>`` list after the
content), each anchored by its ``Range`` to a whole paragraph: a note right before a
speech (adapt writes "speaker: guessed" notes there) to that speech's cue, any other
note to the paragraph before it (a scene heading's note, a note lifted out of a
paragraph), a note with nothing before it to the first paragraph. A Range counts
UTF-16 units of the body text, one more for each paragraph end, and two for a dual
dialogue block (whose inner paragraphs count nothing), as Final Draft does.

Not written, on purpose: ``Section``, ``Synopsis`` and ``Boneyard``: outline items
live in a separate structure in Final Draft and none of these are printed; the
Fountain and native writers keep them for the writer.

Line breaks inside one element stay inside one paragraph as ``\\n`` in ``<Text>``,
as screenplain and Final Draft itself do, so the element keeps its single spacing.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import assert_never

from adapt.inline import runs
from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Dialogue,
    Element,
    Lyrics,
    Note,
    PageBreak,
    Parenthetical,
    SceneHeading,
    Screenplay,
    Section,
    Speech,
    Sung,
    Synopsis,
    TitlePage,
    Transition,
)
from adapt.writers._dual import DualDialogue, pair_duals

# ElementTree writes single-quoted declarations; Final Draft's own files use this one.
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'

# Title page keys Final Draft centres (the block in the middle of the page); every
# other key (Draft date, Contact, Copyright...) goes flush left at the bottom.
_CENTRED_KEYS = ("title", "credit", "author", "authors", "source")

# What XML 1.0 does not allow in a document (its Char production).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DUAL_UNITS = 2  # what a DualDialogue block counts in a ScriptNote Range


def write_fdx(doc: Screenplay) -> str:
    """The whole script as Final Draft XML text (deterministic, pretty-printed)."""
    root = ET.Element("FinalDraft", DocumentType="Script", Template="No", Version="5")
    content = ET.SubElement(root, "Content")
    new_page = False
    spans: list[tuple[int, int]] = []  # (start, end) of each top paragraph in Range units
    notes: list[tuple[str, int]] = []  # (text, index of the paragraph before it)
    offset = 0
    items = pair_duals(doc.elements)
    for i, item in enumerate(items):
        if isinstance(item, PageBreak):
            # Final Draft has no break element: the next paragraph starts the page.
            new_page = True
            continue
        if isinstance(item, Note):
            before_speech = isinstance(_next_printed(items, i), (Dialogue, DualDialogue))
            notes.append((item.text, len(spans) if before_speech or not spans else len(spans) - 1))
            continue
        paragraphs = _paragraphs(item)
        if paragraphs and new_page:
            paragraphs[0].set("StartsNewPage", "Yes")
            new_page = False
        for para in paragraphs:
            length = _DUAL_UNITS if para.find("DualDialogue") is not None else _units(para)
            spans.append((offset, offset + length))
            offset += length + 1
        content.extend(paragraphs)
    if notes and spans:
        root.append(_script_notes(notes, spans))
    if doc.title.fields:
        root.append(_title_page(doc.title))
    # indent() only touches elements that have children, and <Text> never has
    # any, so run text is left exactly as written (mixed-content safe).
    ET.indent(root, space="  ")
    return _DECLARATION + _NOT_XML.sub("", ET.tostring(root, encoding="unicode")) + "\n"


def _next_printed(items: list[Element | DualDialogue], i: int) -> Element | DualDialogue | None:
    """The first element after ``items[i]`` that is not a note or page break."""
    for j in range(i + 1, len(items)):
        if not isinstance(items[j], (Note, PageBreak)):
            return items[j]
    return None


def _units(para: ET.Element) -> int:
    """The paragraph's text length as a ScriptNote Range counts it (UTF-16 units)."""
    text = _NOT_XML.sub("", "".join(t.text or "" for t in para.findall("Text")))
    return len(text.encode("utf-16-le")) // 2


def _script_notes(notes: list[tuple[str, int]], spans: list[tuple[int, int]]) -> ET.Element:
    """``<ScriptNotes>``: one ScriptNote per note, over its paragraph's whole range."""
    out = ET.Element("ScriptNotes")
    for n, (text, at) in enumerate(notes, start=1):
        start, end = spans[min(at, len(spans) - 1)]
        note = ET.SubElement(out, "ScriptNote", ID=str(n), Range=f"{start},{end}")
        for line in text.split("\n"):
            ET.SubElement(ET.SubElement(note, "Paragraph"), "Text").text = line
    return out


def _paragraphs(item: Element | DualDialogue) -> list[ET.Element]:
    """The Content-level paragraphs for one element (none for unprinted ones)."""
    match item:
        case SceneHeading(text=text, number=number):
            para = _para("Scene Heading", text)
            if number:
                para.set("Number", number)
            return [para]
        case Action(text=text):
            return [_para("Action", text)]
        case Centered(text=text):
            return [_para("Action", text, Alignment="Center")]
        case Transition(text=text):
            return [_para("Transition", text)]
        case Lyrics(lines=lines):
            return [_para("Action", "\n".join(lines), italic=True)]
        case Dialogue():
            return _dialogue(item)
        case DualDialogue(left=left, right=right):
            wrapper = ET.Element("Paragraph")
            dual = ET.SubElement(wrapper, "DualDialogue")
            dual.extend(_dialogue(left) + _dialogue(right))
            return [wrapper]
        case Note() | Section() | Synopsis() | Boneyard() | PageBreak():
            return []
        case _:
            assert_never(item)


def _dialogue(d: Dialogue) -> list[ET.Element]:
    """Character cue, then one paragraph per part, in order."""
    cue = f"{d.character} ({d.extension})" if d.extension else d.character
    out = [_para("Character", cue)]
    for part in d.parts:
        match part:
            case Parenthetical(text=text):
                out.append(_para("Parenthetical", f"({text})"))
            case Speech(text=text):
                out.append(_para("Dialogue", text))
            case Sung(text=text):
                out.append(_para("Dialogue", text, italic=True))
            case _:
                assert_never(part)
    return out


def _para(kind: str | None, marked: str, *, italic: bool = False, **attrs: str) -> ET.Element:
    """A ``<Paragraph>`` holding one ``<Text>`` per styled run of ``marked``
    (all of them italic with ``italic``: a lyric)."""
    para = ET.Element("Paragraph", {"Type": kind, **attrs} if kind else attrs)
    pieces = runs(marked)
    if not pieces:
        ET.SubElement(para, "Text").text = ""
    for run in pieces:
        flags = (("Bold", run.bold), ("Italic", run.italic or italic), ("Underline", run.underline))
        style = "+".join(name for name, on in flags if on)
        text = ET.SubElement(para, "Text", Style=style) if style else ET.SubElement(para, "Text")
        text.text = run.text
    return para


def _title_page(title: TitlePage) -> ET.Element:
    """Final Draft's title page: a centred block, then contact details flush left."""
    page = ET.Element("TitlePage")
    content = ET.SubElement(page, "Content")
    centred = [(k, v) for k, v in title.fields if k.lower() in _CENTRED_KEYS]
    left = [(k, v) for k, v in title.fields if k.lower() not in _CENTRED_KEYS + ("language",)]
    for n, (_, value) in enumerate(centred):
        if n:
            content.append(_para(None, "", Alignment="Center"))
        for line in value.split("\n"):
            content.append(_para(None, line, Alignment="Center"))
    if centred and left:
        # Push the contact block well below the title, as Final Draft's template does.
        for _ in range(8):
            content.append(_para(None, "", Alignment="Left"))
    for n, (_, value) in enumerate(left):
        if n:
            content.append(_para(None, "", Alignment="Left"))
        for line in value.split("\n"):
            content.append(_para(None, line, Alignment="Left"))
    return page
