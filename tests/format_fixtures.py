"""One short story written out in every input format, each with that format's own library
(python-docx, odfpy, ebooklib) or as the program that makes such files writes it (RTF, AO3's
HTML download, Markdown). Shared by test_formats.py and the installed-wheel smoke test."""
from __future__ import annotations

import html
import io
import warnings

TITLE, AUTHOR = "The Visit", "Jane Writer"
BREAK = None
# (heading, paragraphs); a paragraph is runs of (text, italic); BREAK is a scene break.
CHAPTERS: list[tuple[str, list]] = [
    ("Chapter 1", [
        [('"Hello," said Anna.', False)],
        [('"Good morning," said Ben. "You are ', False), ("early", True), (' today."', False)],
        [('Anna smiled. "I could not sleep. The ', False), ("storm", True), (' kept me awake."', False)],
        [('"Come in, then," said Ben. "The kettle is on."', False)],
        BREAK,
        [("Later the rain stopped. Anna stood at the window of the kitchen.", False)],
        [('"Is it over?" asked Anna.', False)],
        [('"For now," said Ben.', False)],
    ]),
    ("Chapter 2", [
        [("The next morning the garden was bright.", False)],
        [('"Look at the roses," said Anna.', False)],
        [('"They ', False), ("survived", True), ('," said Ben. "I did not think they would."', False)],
    ]),
]
DIALOGUE = ["Hello.", "Good morning.", "You are *early* today.", "Is it over?", "For now.",
            "They *survived*", "I did not think they would."]


def _paras(text_of) -> list[str]:  # type: ignore[no-untyped-def]
    return [text_of(p) for p in CHAPTERS]


def plain() -> str:
    out = [TITLE]
    for heading, paras in CHAPTERS:
        out.append(heading)
        for p in paras:
            out.append("* * *" if p is BREAK else "".join(f"_{t}_" if i else t for t, i in p))
    return "\n\n".join(out) + "\n"


def markdown() -> str:
    out = [f"# {TITLE}"]
    for heading, paras in CHAPTERS:
        out.append(f"## {heading}")
        for p in paras:
            out.append("---" if p is BREAK else "".join(f"*{t}*" if i else t for t, i in p))
    return "\n\n".join(out) + "\n"


def _html_paras(paras: list) -> str:
    out = []
    for p in paras:
        if p is BREAK:
            out.append('<p align="center">* * *</p>')
        else:
            out.append("<p>" + "".join(f"<em>{html.escape(t)}</em>" if i else html.escape(t) for t, i in p)
                       + "</p>")
    return "\n".join(out)


AO3_WRAPPING = ["Teen And Up Audiences", "No Archive Warnings Apply", "Rain - Fandom", "Words: 120",
                "A quiet story about rain", "Thank you to my beta", "Please drop by the Archive",
                "kudos", "Chapter Summary", "Anna wakes early", "Chapter End Notes", "More soon"]


def _ao3_preface() -> str:
    return f"""<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message"><b>{TITLE}</b><br/>
    Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at
    <a href="http://archiveofourown.org/works/1">http://archiveofourown.org/works/1</a>.</p>
  <div class="meta">
    <dl class="tags">
      <dt>Rating:</dt><dd><a href="x">Teen And Up Audiences</a></dd>
      <dt>Archive Warning:</dt><dd><a href="x">No Archive Warnings Apply</a></dd>
      <dt>Fandom:</dt><dd><a href="x">Rain - Fandom</a></dd>
      <dt>Language:</dt><dd>English</dd>
      <dt>Stats:</dt><dd>Published: 2024-01-01 Words: 120 Chapters: 2/2</dd>
    </dl>
    <h1>{TITLE}</h1>
    <div class="byline">by <a rel="author" href="http://archiveofourown.org/users/jw">{AUTHOR}</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>A quiet story about rain.</p></blockquote>
    <p>Notes</p>
    <blockquote class="userstuff"><p>"Thank you to my beta," I said.</p></blockquote>
  </div>
</div>"""


def _ao3_chapter(n: int, heading: str, paras: list) -> str:
    extra = ""
    if n == 1:
        extra = """<p>Chapter Summary</p><blockquote class="userstuff"><p>Anna wakes early.</p></blockquote>"""
    end = ""
    if n == 1:
        end = f"""<div class="meta" id="endnotes{n}"><p>Chapter End Notes</p>
<blockquote class="userstuff"><p>"More soon!" said the author.</p></blockquote></div>"""
    return f"""<div class="meta group"><h2 class="heading">{heading}</h2>{extra}</div>
<!--chapter content-->
<div class="userstuff">
{_html_paras(paras)}
</div>
<!--/chapter content-->
{end}"""


_AO3_AFTERWORD = """<div id="afterword">
  <h2 class="toc-heading">Afterword</h2>
  <p class="message">Please <a href="http://archiveofourown.org/works/1/comments/new">drop by the Archive
  and comment</a> to let the creator know if you enjoyed their work! Leave kudos.</p>
</div>"""


def ao3_html() -> bytes:
    chapters = "\n".join(_ao3_chapter(n, h, p) for n, (h, p) in enumerate(CHAPTERS, 1))
    page = f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
<title>{TITLE} - {AUTHOR} - Rain [Archive of Our Own]</title>
<style type="text/css">body {{ font-family: serif }}</style>
</head><body>
{_ao3_preface()}
<div id="chapters" class="userstuff">
{chapters}
</div>
{_AO3_AFTERWORD}
</body></html>"""
    return page.encode("utf-8")


def epub() -> bytes:
    """An AO3-style EPUB: preface, one file per chapter, afterword (ebooklib)."""
    from ebooklib import epub as e

    book = e.EpubBook()
    book.set_identifier("visit-1")
    book.set_title(TITLE)
    book.set_language("en")
    book.add_author(AUTHOR)
    items = []
    pre = e.EpubHtml(title="Preface", file_name="preface.xhtml", lang="en")
    pre.content = f"<html><body>{_ao3_preface()}</body></html>"
    items.append(pre)
    for n, (heading, paras) in enumerate(CHAPTERS, 1):
        ch = e.EpubHtml(title=heading, file_name=f"chapter{n}.xhtml", lang="en")
        ch.content = f'<html><body><div id="chapters" class="userstuff">{_ao3_chapter(n, heading, paras)}</div></body></html>'
        items.append(ch)
    aft = e.EpubHtml(title="Afterword", file_name="afterword.xhtml", lang="en")
    aft.content = f"<html><body>{_AO3_AFTERWORD}</body></html>"
    items.append(aft)
    for it in items:
        book.add_item(it)
    book.toc = items
    book.add_item(e.EpubNcx())
    book.add_item(e.EpubNav())
    book.spine = ["nav", *items]
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e.write_epub(buf, book)
    return buf.getvalue()


def docx() -> bytes:
    import docx as d
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = d.Document()
    doc.core_properties.title = TITLE
    doc.core_properties.author = AUTHOR
    doc.add_paragraph(TITLE, style="Title")
    for heading, paras in CHAPTERS:
        doc.add_heading(heading, level=1)
        for p in paras:
            if p is BREAK:
                doc.add_paragraph("* * *").alignment = WD_ALIGN_PARAGRAPH.CENTER
                continue
            para = doc.add_paragraph()
            for text, italic in p:
                para.add_run(text).italic = italic or None
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def odt() -> bytes:
    from odf import dc, meta, style, text
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=TITLE))
    doc.meta.addElement(meta.InitialCreator(text=AUTHOR))
    doc.meta.addElement(dc.Language(text="en-GB"))
    for name, display in (("Title", "Title"), ("Heading_20_1", "Heading 1")):
        doc.styles.addElement(style.Style(name=name, displayname=display, family="paragraph"))
    italic = style.Style(name="T1", family="text")
    italic.addElement(style.TextProperties(fontstyle="italic"))
    centred = style.Style(name="P1", family="paragraph", parentstylename="Standard")
    centred.addElement(style.ParagraphProperties(textalign="center"))
    doc.automaticstyles.addElement(italic)
    doc.automaticstyles.addElement(centred)
    doc.text.addElement(text.P(stylename="Title", text=TITLE))
    for heading, paras in CHAPTERS:
        doc.text.addElement(text.H(outlinelevel=1, stylename="Heading_20_1", text=heading))
        for p in paras:
            if p is BREAK:
                doc.text.addElement(text.P(stylename="P1", text="* * *"))
                continue
            para = text.P()
            for t, i in p:
                if i:
                    para.addElement(text.Span(stylename="T1", text=t))
                else:
                    para.addText(t)
            doc.text.addElement(para)
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def rtf() -> bytes:
    """RTF as Word writes it: a stylesheet naming the heading styles, \\info, \\i runs,
    curly quotes as \\u escapes with an ANSI fallback."""
    def esc(t: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in
                       t.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"))
    out = [r"{\rtf1\ansi\ansicpg1252\deff0\deflang2057{\fonttbl{\f0\froman Times New Roman;}}",
           r"{\colortbl;\red0\green0\blue0;}",
           r"{\stylesheet{\s0\ql Normal;}{\s1\ql\outlinelevel0\b\fs32 heading 1;}{\s15\qc\fs48 Title;}}",
           rf"{{\info{{\title {esc(TITLE)}}}{{\author {esc(AUTHOR)}}}{{\*\company Acme}}}}",
           rf"\pard\s15\qc {esc(TITLE)}\par"]
    for heading, paras in CHAPTERS:
        out.append(rf"\pard\s1\outlinelevel0 {esc(heading)}\par")
        for p in paras:
            if p is BREAK:
                out.append(r"\pard\s0\qc * * *\par")
                continue
            body = "".join(rf"{{\i {esc(t)}}}" if i else esc(t) for t, i in p)
            out.append(rf"\pard\s0\ql\fi360 {body}\par")
    out.append("}")
    return "\n".join(out).encode("ascii")


BUILDERS = {".txt": lambda: plain().encode(), ".md": lambda: markdown().encode(), ".html": ao3_html,
            ".epub": epub, ".docx": docx, ".odt": odt, ".rtf": rtf}
