"""Reading: a Word document (.docx) → Document: paragraphs, headings by style, italics, breaks.

python-docx opens the package and gives the styles and document properties; the runs
are read from each paragraph's XML, so that text in hyperlinks and tracked insertions
is kept and tracked deletions are not, and each style is resolved once (python-docx
looks a run's style up by scanning every style, which took minutes on a novel).
"""
from __future__ import annotations

import io
import re

from adapt.errors import AdaptError
from adapt.read.formats.blocks import GENERIC_AUTHORS, Blocks, Document, Run, clean, language_code, reason
from adapt.read.formats.html import finish

_HEADING = re.compile(r"(?:heading|überschrift|titre|título|titolo|kop)\s*(\d)", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP_ANCESTORS = {_W + "del", _W + "moveFrom", _W + "p"}
_OFF = {"0", "false", "off", "none"}


def read_docx(data: bytes, *, source: str) -> Document:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
        props = doc.core_properties
        styles = _Styles(doc)
        info = {"title": clean(props.title), "author": clean(props.author),
                "language": language_code(props.language) or styles.language}
        blocks = Blocks()
        body = doc.element.body
        for p in body.iter(_W + "p"):
            if p.getparent() is body:  # not inside a table or a text box
                _paragraph(p, blocks, styles)
    except AdaptError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure inside the package means a broken file
        raise AdaptError(f"{source} is not a readable Word document ({reason(e)})") from None
    if (info["author"] or "").lower() in GENERIC_AUTHORS:
        info["author"] = None
    return finish(blocks, info, "docx", source=source)


class _Styles:
    """Style id → heading level and italics, through base styles, each worked out once."""

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        self.by_id: dict[str, tuple[str, str | None, bool | None]] = {}  # id → (name, base id, italic)
        self.default_para: str | None = None
        for s in doc.styles.element.iter(_W + "style"):
            sid = s.get(_W + "styleId") or ""
            name = s.find(_W + "name")
            based = s.find(_W + "basedOn")
            self.by_id[sid] = ((name.get(_W + "val") if name is not None else sid) or "",
                               based.get(_W + "val") if based is not None else None, _italic_of(s.find(_W + "rPr")))
            if s.get(_W + "type") == "paragraph" and (s.get(_W + "default") or "") in ("1", "true", "on"):
                self.default_para = sid
        lang = doc.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
        self.language = language_code(lang.get(_W + "val")) if lang is not None else None
        self._level: dict[str | None, int | None] = {}
        self._italic: dict[str | None, bool | None] = {}

    def _chain(self, sid: str | None):  # type: ignore[no-untyped-def]
        seen = 0
        while sid is not None and sid in self.by_id and seen < 10:
            yield self.by_id[sid]
            sid, seen = self.by_id[sid][1], seen + 1

    def level(self, sid: str | None) -> int | None:
        """0 for Title, n for Heading n, -1 for Subtitle (left out), None for body text."""
        if sid not in self._level:
            found = None
            for name, _, _ in self._chain(sid):
                low = name.strip().lower()
                m = _HEADING.fullmatch(low)
                if low in ("title", "subtitle") or m:
                    found = 0 if low == "title" else -1 if low == "subtitle" else int(m.group(1))  # type: ignore[union-attr]
                    break
            self._level[sid] = found
        return self._level[sid]

    def italic(self, sid: str | None) -> bool | None:
        if sid not in self._italic:
            self._italic[sid] = next((it for _, _, it in self._chain(sid) if it is not None), None)
        return self._italic[sid]


def _italic_of(rpr) -> bool | None:  # type: ignore[no-untyped-def]
    if rpr is None:
        return None
    i = rpr.find(_W + "i")
    if i is None:
        return None
    return (i.get(_W + "val") or "true").lower() not in _OFF


def _val(parent, path: str) -> str | None:  # type: ignore[no-untyped-def]
    el = parent.find(path) if parent is not None else None
    return el.get(_W + "val") if el is not None else None


def _paragraph(p, blocks: Blocks, styles: _Styles) -> None:  # type: ignore[no-untyped-def]
    ppr = p.find(_W + "pPr")
    sid = _val(ppr, _W + "pStyle") or styles.default_para
    level = styles.level(sid)
    outline = _val(ppr, _W + "outlineLvl")
    if level is None and outline and outline.isdigit() and int(outline) < 9:
        level = int(outline) + 1
    runs = _runs(p, styles.italic(sid), styles)
    if level is None:
        blocks.paragraph(runs)
    elif level >= 0:
        blocks.heading("".join(t for t, _ in runs), level)


def _runs(p, para_italic: bool | None, styles: _Styles) -> list[Run]:  # type: ignore[no-untyped-def]
    out: list[Run] = []
    for r in p.iter(_W + "r"):
        up = r.getparent()
        while up is not None and up is not p and up.tag not in _SKIP_ANCESTORS:
            up = up.getparent()
        if up is not p:
            continue  # deleted text, or a nested paragraph (a text box) of its own
        rpr = r.find(_W + "rPr")
        italic = _italic_of(rpr)
        if italic is None:
            italic = styles.italic(_val(rpr, _W + "rStyle"))
        if italic is None:
            italic = para_italic
        out.append((_run_text(r), bool(italic)))
    return out


def _run_text(r) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for child in r:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append(" ")
        elif tag == _W + "br" and child.get(_W + "type") not in ("page", "column"):
            parts.append("\n")
        elif tag == _W + "cr":
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)
