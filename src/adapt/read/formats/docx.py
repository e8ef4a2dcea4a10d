"""Reading: a Word document (.docx) → Document: paragraphs, headings by style, italics, breaks.

python-docx opens the package and resolves styles; the runs are read from each
paragraph's XML so that text in hyperlinks and tracked insertions is kept and tracked
deletions are not. Title and author come from the document properties.
"""
from __future__ import annotations

import io
import re

from adapt.errors import AdaptError
from adapt.read.formats.blocks import GENERIC_AUTHORS, Blocks, Document, Run, clean, language_code, reason
from adapt.read.formats.html import finish

_HEADING = re.compile(r"(?:heading|überschrift|titre|título|titolo|kop)\s*(\d)", re.I)


def read_docx(data: bytes, *, source: str) -> Document:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(io.BytesIO(data))
        props = doc.core_properties
        info = {"title": clean(props.title), "author": clean(props.author),
                "language": language_code(props.language) or _default_language(doc, qn)}
        blocks = Blocks()
        for p in doc.element.body.iter(qn("w:p")):
            if p.getparent() is not doc.element.body:
                continue  # inside a table or a text box: not the story's flow
            _paragraph(Paragraph(p, doc), blocks, qn)
    except AdaptError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure inside the package means a broken file
        raise AdaptError(f"{source} is not a readable Word document ({reason(e)})") from None
    if (info["author"] or "").lower() in GENERIC_AUTHORS:
        info["author"] = None
    return finish(blocks, info, "docx", source=source)


def _paragraph(p, blocks: Blocks, qn) -> None:  # type: ignore[no-untyped-def]
    style = p.style
    level = _level(p, style, qn)
    if level is not None:
        text = "".join(t for t, _ in _runs(p, qn))
        if level >= 0:
            blocks.heading(text, level)
        return
    blocks.paragraph(_runs(p, qn))


def _level(p, style, qn) -> int | None:  # type: ignore[no-untyped-def]
    """0 for the Title style, n for Heading n (or an outline level), -1 for a Subtitle
    (left out), None for body text."""
    chain = []
    s = style
    while s is not None and len(chain) < 10:
        chain.append(s)
        s = s.base_style
    for s in chain:
        name = (s.name or "").strip()
        if name.lower() == "title":
            return 0
        if name.lower() == "subtitle":
            return -1
        m = _HEADING.fullmatch(name)
        if m:
            return int(m.group(1))
    ppr = p._p.pPr
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if lvl is not None and (lvl.get(qn("w:val")) or "").isdigit() and int(lvl.get(qn("w:val"))) < 9:
        return int(lvl.get(qn("w:val"))) + 1
    return None


def _runs(p, qn) -> list[Run]:  # type: ignore[no-untyped-def]
    from docx.text.run import Run as DocxRun

    out: list[Run] = []
    para_italic = _style_italic(p.style)
    for r in p._p.iter(qn("w:r")):
        up = r.getparent()
        skip = False
        while up is not None and up is not p._p:
            if up.tag in (qn("w:del"), qn("w:moveFrom"), qn("w:p")):
                skip = True
                break
            up = up.getparent()
        if skip:
            continue
        run = DocxRun(r, p)
        italic = run.italic
        if italic is None:
            italic = _style_italic(run.style) if run.style is not None and run.style.name != "Default Paragraph Font" \
                else None
        if italic is None:
            italic = para_italic
        out.append((_run_text(r, qn), bool(italic)))
    return out


def _run_text(r, qn) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for child in r:
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            parts.append(" ")
        elif tag == qn("w:br") and child.get(qn("w:type")) not in ("page", "column"):
            parts.append("\n")
        elif tag == qn("w:cr"):
            parts.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _style_italic(style) -> bool | None:  # type: ignore[no-untyped-def]
    depth = 0
    while style is not None and depth < 10:
        value = style.font.italic
        if value is not None:
            return value
        style, depth = style.base_style, depth + 1
    return None


def _default_language(doc, qn) -> str | None:  # type: ignore[no-untyped-def]
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return language_code(lang.get(qn("w:val"))) if lang is not None else None

