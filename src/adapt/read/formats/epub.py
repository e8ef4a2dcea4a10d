"""Reading: an EPUB e-book → Document (its spine's chapters in order, its Dublin Core metadata).

ebooklib opens the container; the chapters are joined into one page for the HTML
reader's walk, so an Archive of Our Own EPUB (its preface, chapters and afterword are
the HTML download split into files) and Gutenberg's EPUB (its licence in #pg-header /
#pg-footer) lose their wrapping text exactly as their HTML editions do.
"""
from __future__ import annotations

import io
import re
import warnings
import zipfile

import lxml.html
from lxml import etree

from adapt.errors import AdaptError
from adapt.read.formats.blocks import Blocks, Document, clean, language_code, reason
from adapt.read.formats.html import finish, read_tree

_CONTENT = re.compile(r"URI=[\"'][^\"']+\.(?:x?html?|xml)[\"']", re.I)


def read_epub(data: bytes, *, source: str) -> Document:
    import ebooklib
    from ebooklib import epub

    _refuse_drm(data, source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib warns about its own future defaults
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
        pages = []
        for idref, linear in book.spine:
            item = book.get_item_with_id(idref)
            if item is None or linear == "no" or isinstance(item, epub.EpubNav) \
                    or item.get_type() != ebooklib.ITEM_DOCUMENT:
                continue
            pages.append(item.get_content())
    except AdaptError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure inside the container means a broken file
        raise AdaptError(f"{source} is not a readable EPUB ({reason(e)})") from None

    def meta(name: str) -> str | None:
        values = book.get_metadata("DC", name)
        return clean(values[0][0]) if values else None

    info = {"title": meta("title"), "author": meta("creator"), "language": language_code(meta("language"))}
    root = lxml.html.document_fromstring("<html><body></body></html>")
    body = root.find("body")
    for content in pages:
        page = _body(content)
        if page is not None and not _title_page(page, info):
            body.append(page)
    blocks = Blocks()
    found, fmt = read_tree(root, blocks)
    info = {k: v or found.get(k) for k, v in info.items()}
    doc = finish(blocks, info, fmt, source=source)
    return Document(doc.text, doc.title, doc.author, doc.language, "ao3" if fmt == "ao3" else "epub")


def _body(content: bytes) -> etree._Element | None:
    """One XHTML chapter → its <body> as a <div> (None when it does not parse)."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", content.decode("utf-8", "replace"))
    if not text.strip():
        return None
    try:
        body = lxml.html.document_fromstring(text).find("body")
    except (etree.ParserError, ValueError):
        return None
    if body is None:
        return None
    body.tag = "div"
    return body


def _title_page(page: etree._Element, info: dict[str, str | None]) -> bool:
    """A page holding only the title and the author's name (the book's own title page)."""
    words = page.text_content().split()
    title = info.get("title") or ""
    return bool(title) and len(words) <= 30 and title.lower() in " ".join(words).lower() \
        and not re.search(r"[.!?][\"”’]?\s+\w", page.text_content())


def _refuse_drm(data: bytes, source: str) -> None:
    """Encrypted chapters (Adobe/Apple DRM) cannot be read; obfuscated fonts alone are fine."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            enc = z.read("META-INF/encryption.xml").decode("utf-8", "replace") \
                if "META-INF/encryption.xml" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as e:
        raise AdaptError(f"{source} is not a readable EPUB ({reason(e)})") from None
    if "META-INF/rights.xml" in names or _CONTENT.search(enc):
        raise AdaptError(f"{source} is a DRM-protected EPUB: its chapters are encrypted; "
                         "adapt an unprotected copy")

