"""Screenplay model → Final Draft FDX.

Built with ``xml.etree`` so every character is escaped by the serializer, never by
hand. Only Final Draft's default paragraph types are used (Scene Heading, Action,
Character, Parenthetical, Dialogue, Transition, Lyrics), so the file opens in any
template without "unknown element" surprises.

Not written, on purpose: ``Note``, ``Section``, ``Synopsis`` and ``Boneyard``. Final
Draft keeps script notes as ``<ScriptNote>`` objects anchored to character ranges of
a paragraph, and outline items in a separate structure; a half-right imitation is
worse than none, and none of these are printed anyway. The Fountain and native
writers keep them for the writer.

Line breaks inside one element stay inside one paragraph as ``\\n`` in ``<Text>``,
as screenplain and Final Draft itself do, so the element keeps its single spacing.
"""
from __future__ import annotations

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



def write_fdx(doc: Screenplay) -> str:
    """The whole script as Final Draft XML text (deterministic, pretty-printed)."""
    root = ET.Element("FinalDraft", DocumentType="Script", Template="No", Version="5")
    content = ET.SubElement(root, "Content")
    new_page = False
    for item in pair_duals(doc.elements):
        if isinstance(item, PageBreak):
            # Final Draft has no break element: the next paragraph starts the page.
            new_page = True
            continue
        paragraphs = _paragraphs(item)
        if paragraphs and new_page:
            paragraphs[0].set("StartsNewPage", "Yes")
            new_page = False
        content.extend(paragraphs)
    if doc.title.fields:
        root.append(_title_page(doc.title))
    # indent() only touches elements that have children, and <Text> never has
    # any, so run text is left exactly as written (mixed-content safe).
    ET.indent(root, space="  ")
    return _DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


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
            return [_para("Lyrics", line) for line in lines]
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
                out.append(_para("Lyrics", text))
            case _:
                assert_never(part)
    return out


def _para(kind: str | None, marked: str, **attrs: str) -> ET.Element:
    """A ``<Paragraph>`` holding one ``<Text>`` per styled run of ``marked``."""
    para = ET.Element("Paragraph", {"Type": kind, **attrs} if kind else attrs)
    pieces = runs(marked)
    if not pieces:
        ET.SubElement(para, "Text").text = ""
    for run in pieces:
        flags = (("Bold", run.bold), ("Italic", run.italic), ("Underline", run.underline))
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
