"""Reading: an OpenDocument text (.odt, LibreOffice) → Document: paragraphs, headings, italics, breaks.

odfpy loads the package; styles are resolved through their parents, since LibreOffice
writes italics as an automatic style ("T1": italic) on a span and headings as
``text:h`` or a paragraph style derived from "Heading 1" / "Title". Title and author come
from meta.xml (``meta:initial-creator`` is the author; ``dc:creator`` is whoever saved last).
"""
from __future__ import annotations

import io
import re
import zipfile

from adapt.errors import AdaptError
from adapt.read.formats.blocks import GENERIC_AUTHORS, Blocks, Document, Run, clean, language_code, reason
from adapt.read.formats.html import finish

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_HEADING = re.compile(r"heading\s*(\d)", re.I)


class _Styles:
    """Style name → (italic, heading level or None), through parent styles."""

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        self.raw: dict[str, tuple[str | None, bool | None, str]] = {}
        for container in (doc.styles, doc.automaticstyles):
            for s in container.childNodes:
                if s.qname != (_STYLE, "style"):
                    continue
                italic = None
                for props in s.childNodes:
                    if props.qname == (_STYLE, "text-properties"):
                        value = props.attributes.get((_FO, "font-style"))
                        if value is not None:
                            italic = value in ("italic", "oblique")
                name = s.attributes.get((_STYLE, "name"), "")
                display = s.attributes.get((_STYLE, "display-name")) or name.replace("_20_", " ")
                self.raw[name] = (s.attributes.get((_STYLE, "parent-style-name")), italic, display)

    def _chain(self, name: str | None):  # type: ignore[no-untyped-def]
        seen = 0
        while name and name in self.raw and seen < 10:
            yield self.raw[name]
            name, seen = self.raw[name][0], seen + 1

    def italic(self, name: str | None) -> bool | None:
        return next((it for _, it, _ in self._chain(name) if it is not None), None)

    def level(self, name: str | None) -> int | None:
        for _, _, display in self._chain(name):
            if display.lower() == "title":
                return 0
            if display.lower() == "subtitle":
                return -1
            m = _HEADING.fullmatch(display)
            if m:
                return int(m.group(1))
        return None


def read_odt(data: bytes, *, source: str) -> Document:
    from odf.opendocument import load

    _refuse_encrypted(data, source)
    try:
        doc = load(io.BytesIO(data))
        styles = _Styles(doc)
        blocks = Blocks()
        _walk(doc.text, blocks, styles)
        info = _meta(doc)
    except AdaptError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure inside the package means a broken file
        raise AdaptError(f"{source} is not a readable OpenDocument text ({reason(e)})") from None
    return finish(blocks, info, "odt", source=source)


def _walk(el, blocks: Blocks, styles: _Styles) -> None:  # type: ignore[no-untyped-def]
    for child in el.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        ns, tag = child.qname
        if ns != _TEXT:
            if tag in ("section", "table", "table-row", "table-cell") or ns.endswith(":table:1.0"):
                _walk(child, blocks, styles)
            continue
        if tag in ("section", "list", "list-item", "list-header"):
            _walk(child, blocks, styles)
        elif tag in ("p", "h"):
            style = child.attributes.get((_TEXT, "style-name"))
            level = styles.level(style)
            if tag == "h":
                outline = child.attributes.get((_TEXT, "outline-level"), "1")
                level = level if level is not None else int(outline) if str(outline).isdigit() else 1
            runs: list[Run] = []
            _inline(child, bool(styles.italic(style)), styles, runs)
            if level is None:
                blocks.paragraph(runs)
            elif level >= 0:
                blocks.heading("".join(t for t, _ in runs), level)


def _inline(el, italic: bool, styles: _Styles, out: list[Run]) -> None:  # type: ignore[no-untyped-def]
    for node in el.childNodes:
        if node.nodeType == node.TEXT_NODE:
            out.append((str(node.data), italic))
            continue
        if node.nodeType != node.ELEMENT_NODE:
            continue
        ns, tag = node.qname
        if ns != _TEXT:
            continue  # frames, drawings, annotations
        if tag == "s":
            out.append((" " * int(node.attributes.get((_TEXT, "c"), "1") or 1), italic))
        elif tag == "tab":
            out.append((" ", italic))
        elif tag == "line-break":
            out.append(("\n", italic))
        elif tag in ("span", "a", "ruby", "ruby-base", "meta", "bookmark-ref", "reference-ref"):
            own = styles.italic(node.attributes.get((_TEXT, "style-name")))
            _inline(node, italic if own is None else own, styles, out)
        elif tag in ("note", "annotation", "tracked-changes", "change-start", "change-end", "change",
                     "bookmark", "bookmark-start", "bookmark-end", "soft-page-break", "sequence-decls"):
            continue
        else:
            _inline(node, italic, styles, out)


def _meta(doc) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    found: dict[str, str] = {}
    for node in doc.meta.childNodes:
        if node.nodeType == node.ELEMENT_NODE:
            found.setdefault(node.qname[1], "".join(str(t.data) for t in node.childNodes
                                                   if t.nodeType == t.TEXT_NODE))
    author = clean(found.get("initial-creator")) or clean(found.get("creator"))
    if (author or "").lower() in GENERIC_AUTHORS:
        author = None
    return {"title": clean(found.get("title")), "author": author,
            "language": language_code(found.get("language"))}


def _refuse_encrypted(data: bytes, source: str) -> None:
    """A password-protected .odt keeps an unencrypted manifest that says so."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            manifest = z.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in z.namelist() else b""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as e:
        raise AdaptError(f"{source} is not a readable OpenDocument text ({reason(e)})") from None
    if b"encryption-data" in manifest:
        raise AdaptError(f"{source} is password-protected; save a copy without a password "
                         "(File > Properties > Security in LibreOffice) and adapt that")

