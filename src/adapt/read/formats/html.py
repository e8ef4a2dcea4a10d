"""Reading: an HTML page (a saved story, an Archive of Our Own download, Gutenberg's HTML) → Document.

lxml parses the page; one walk turns its headings, paragraphs, <hr>s and <em>/<i> into
``Blocks``. EPUB chapters and rendered Markdown are read by the same walk. On an AO3 page
only the chapters are the story: the preface (rating, tags, stats, summary, notes) and the
afterword (end notes, "kudos") give the title, author and language or are left out.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from adapt.errors import AdaptError
from adapt.read.formats import gutenberg
from adapt.read.formats.blocks import Blocks, Document, clean, language_code

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK = {"p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt", "dd",
          "pre", "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "center",
          "address", "body", "html", "header", "footer", "aside", "details", "summary"}
_ITALIC = {"em", "i", "cite", "dfn", "var"}
_NEVER = {"head", "script", "style", "noscript", "template", "nav", "form", "button", "select",
          "textarea", "svg", "math", "img", "iframe", "object", "video", "audio", "title", "meta", "link"}
_PAGE_CHROME = {"header", "footer", "aside"}
_GUTENBERG_BOILERPLATE = re.compile(r"pg-(?:header|footer|boilerplate|machine-header)")
# AO3: containers of everything that is not the story, inside #chapters.
_AO3_SKIP = {"landmark", "notes", "summary", "endnote-link", "end", "byline", "actions", "navigation",
             "feedback", "kudos", "comments", "afterword"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
                      re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")

Skip = Callable[[etree._Element], bool]


def parse(data: bytes, *, source: str) -> etree._Element:
    """Bytes of an HTML or XHTML page → its root element (charset from the BOM or the page)."""
    text = _decode(data)
    text = _XML_DECL.sub("", text)
    if not text.strip():
        raise AdaptError(f"{source} is empty: nothing to adapt")
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise AdaptError(f"{source} is not a readable HTML page ({e})") from None


def _decode(data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace")
    m = _CHARSET.search(data[:4096])
    if m:
        name = (m.group(1) or m.group(2)).decode("ascii", "replace")
        try:
            return data.decode(name, "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(re.search(r"display\s*:\s*none", el.get("style") or ""))


class Walker:
    """One pass over an element tree, filling ``blocks``."""

    def __init__(self, blocks: Blocks, skip: Skip | None = None, heading_of: Callable | None = None) -> None:
        self.blocks = blocks
        self.skip = skip or (lambda el: False)
        self.heading_of = heading_of
        self.runs: list[tuple[str, bool, bool]] = []  # (text, italic, inside a link)

    def walk(self, el: etree._Element) -> None:
        self._visit(el, False, False)
        self._flush()

    def _flush(self) -> None:
        runs, self.runs = self.runs, []
        if not any(t.strip() for t, _, _ in runs):
            return
        if all(link for t, _, link in runs if t.strip()):
            return  # a paragraph that is only a link: a table of contents entry, "next chapter"
        self.blocks.paragraph([(t, i) for t, i, _ in runs])

    def _visit(self, el: etree._Element, italic: bool, link: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _NEVER or _hidden(el) or self.skip(el):
            return  # (the tail is the parent's business)
        if self.heading_of is not None:
            found = self.heading_of(el)
            if found is not None:  # a container that only lends the story a heading
                self._flush()
                if found:
                    self.blocks.heading(found, 2)
                return
        if tag in _HEADINGS:
            self._flush()
            self.blocks.heading(" ".join("".join(_text(el)).split()), _HEADINGS[tag])
            return
        if tag == "hr":
            self._flush()
            self.blocks.scene_break()
            return
        if tag == "br":
            self.runs.append(("\n", italic, link))
            return
        block = tag in _BLOCK
        if block:
            self._flush()
        italic = italic or tag in _ITALIC or "font-style:italic" in (el.get("style") or "").replace(" ", "").lower()
        link = link or (tag == "a" and _internal(el.get("href")))
        if tag == "pre":
            self.runs.append((el.text_content(), italic, link))
        else:
            # In HTML a newline is only a space; <br> is the line break.
            if el.text:
                self.runs.append((el.text.replace("\n", " "), italic, link))
            for child in el:
                self._visit(child, italic, link)
                if child.tail:
                    self.runs.append((child.tail.replace("\n", " "), italic, link))
        if block:
            self._flush()


def _text(el: etree._Element) -> list[str]:
    """An element's text, leaving out what the walk never reads (footnote markers in <sup>)."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() not in _NEVER | {"sup"}:
            out.extend(_text(child))
        elif isinstance(child.tag, str) and child.tag.lower() == "br":
            out.append(" ")
        out.append(child.tail or "")
    return out


def _internal(href: str | None) -> bool:
    """A link within the book (#chapter-2, ch2.xhtml), not out to the web."""
    return href is not None and not re.match(r"[a-z][a-z0-9+.-]*:", href, re.I)


# --- AO3 ---------------------------------------------------------------------------------

def _is_ao3(root: etree._Element) -> bool:
    if not root.xpath("//*[@id='chapters']"):
        return False
    return bool(root.xpath("//*[@id='preface'] | //*[@id='workskin']")) or \
        "Archive of Our Own" in (root.findtext(".//title") or "") + " ".join(root.xpath("//p[@class='message']//text()"))


def _ao3_skip(el: etree._Element) -> bool:
    return bool(_classes(el) & _AO3_SKIP) or (el.get("id") or "").startswith(("endnotes", "feedback", "kudos"))


def _ao3_heading(el: etree._Element) -> str | None:
    """A chapter's meta block (title, chapter summary and notes) → its title alone;
    "" for such a block with no title; None for every other element."""
    if not (_classes(el) & {"meta", "preface"}):
        return None
    for h in el.iter("h2", "h3"):
        if "title" in _classes(h) or (h.tag == "h2" and "heading" in _classes(h)):
            return " ".join("".join(_text(h)).split())
    return ""


def _ao3_meta(root: etree._Element) -> dict[str, str | None]:
    def first(xpath: str) -> str | None:
        for el in root.xpath(xpath):
            value = clean(el if isinstance(el, str) else el.text_content())
            if value:
                return value
        return None
    lang = first("//dt[starts-with(normalize-space(.), 'Language')]/following-sibling::dd[1]"
                 " | //dd[contains(concat(' ', @class, ' '), ' language ')]")
    return {
        "title": first("//*[@id='preface']//h1 | //*[contains(concat(' ', @class, ' '), ' preface ')]"
                       "//h2[contains(concat(' ', @class, ' '), ' title ')]"),
        "author": first("//a[@rel='author']"),
        "language": language_code(lang) or language_code(root.get("lang")),
    }


# --- any page ----------------------------------------------------------------------------

def _page_skip(el: etree._Element) -> bool:
    if el.tag in _PAGE_CHROME and el.getparent() is not None and el.getparent().tag in ("body", "html"):
        return True  # the site's banner and footer, not a <header> inside a chapter
    return bool(_GUTENBERG_BOILERPLATE.search((el.get("id") or "") + " " + (el.get("class") or "")))


def page_meta(root: etree._Element) -> dict[str, str | None]:
    """Title, author and language from <title>, <meta> and lang= (Dublin Core names too)."""
    metas = {(m.get("name") or m.get("property") or m.get("http-equiv") or "").lower(): m.get("content")
             for m in root.iter("meta")}
    title = metas.get("dc.title") or metas.get("og:title") or root.findtext(".//title")
    author = metas.get("author") or metas.get("dc.creator")
    named = gutenberg.title_line(title or "")  # "The Project Gutenberg eBook of X, by Y"
    if named:
        title, author = named[0], author or named[1]
    return {"title": clean(title),
            "author": clean(author),
            "language": language_code(root.get("lang") or root.get("xml:lang") or metas.get("dc.language")
                                      or metas.get("content-language"))}


def read_tree(root: etree._Element, blocks: Blocks) -> tuple[dict[str, str | None], str]:
    """A parsed page → its metadata, filling ``blocks``; returns (meta, format name)."""
    if _is_ao3(root):
        walker = Walker(blocks, _ao3_skip, _ao3_heading)
        for part in root.xpath("//*[@id='chapters']"):  # an EPUB may split it across files
            walker.walk(part)
        return _ao3_meta(root), "ao3"
    body = root.find("body")
    start = body if body is not None else root
    mains = start.xpath(".//main | .//article")
    Walker(blocks, _page_skip).walk(mains[0] if len(mains) == 1 else start)
    return page_meta(root), "html"


def finish(blocks: Blocks, meta: dict[str, str | None], fmt: str, *, source: str) -> Document:
    """Blocks + metadata → Document; Gutenberg's markers and contents come out here too."""
    heading_title = blocks.title()
    text = blocks.render(title=heading_title)
    g_text, g_meta = gutenberg.strip(text)
    if g_text is not text:
        text = g_text
        meta = {k: meta.get(k) or v for k, v in g_meta.items()}
    text = gutenberg.drop_contents(text)
    if not text.strip():
        raise AdaptError(f"{source} has no story text in it: nothing to adapt")
    return Document(text, meta.get("title") or heading_title, meta.get("author"), meta.get("language"), fmt)


def read_html(data: bytes, *, source: str) -> Document:
    root = parse(data, source=source)
    blocks = Blocks()
    meta, fmt = read_tree(root, blocks)
    return finish(blocks, meta, fmt, source=source)
