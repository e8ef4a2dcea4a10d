"""Reading: a file of any format a writer has → Document (prose text in the grammar's conventions + metadata).

One module per format (pandoc's Readers/): plain text and Project Gutenberg, Markdown,
HTML (Archive of Our Own aware), EPUB, DOCX, ODT and RTF. ``decode.sniff`` picks the
reader from the extension and the file's bytes; each reader fills ``blocks.Blocks``.
"""
from __future__ import annotations

from adapt.errors import AdaptError
from adapt.read.decode import decode, sniff
from adapt.read.formats import gutenberg
from adapt.read.formats.blocks import Document

__all__ = ["Document", "read_document", "read_text"]


def read_document(data: bytes, *, suffix: str, source: str) -> Document:
    """A file's bytes → Document; AdaptError (one line) when it cannot be read."""
    if not data:
        raise AdaptError(f"{source} is empty: nothing to adapt")
    kind = sniff(data, suffix=suffix, source=source)
    if kind == "text":
        return read_text(decode(data, source=source), source=source)
    if kind == "markdown":
        from adapt.read.formats.markdown import read_markdown
        return read_markdown(decode(data, source=source), source=source)
    if kind == "html":
        from adapt.read.formats.html import read_html
        return read_html(data, source=source)
    if kind == "epub":
        from adapt.read.formats.epub import read_epub
        return read_epub(data, source=source)
    if kind == "docx":
        from adapt.read.formats.docx import read_docx
        return read_docx(data, source=source)
    if kind == "odt":
        from adapt.read.formats.odt import read_odt
        return read_odt(data, source=source)
    assert kind == "rtf", kind
    from adapt.read.formats.rtf import read_rtf
    return read_rtf(data, source=source)


def read_text(text: str, *, source: str) -> Document:
    """Decoded plain text → Document: a Gutenberg file loses its header, licence and contents."""
    body, meta = gutenberg.strip(text)
    fmt = "gutenberg" if body is not text else "text"
    body = gutenberg.drop_contents(body)
    if not body.strip():
        raise AdaptError(f"{source} has no story text in it: nothing to adapt")
    return Document(body, meta["title"], meta["author"], meta["language"], fmt)
