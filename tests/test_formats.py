"""Every file a writer has: the same story as .txt, Markdown, AO3 HTML, EPUB, DOCX, ODT and RTF
adapts to the same script; Gutenberg's header and licence come off; broken files are refused
in one line."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import format_fixtures as fx
import pytest

from adapt.cli import main
from adapt.read.decode import sniff
from adapt.read.formats import read_document, read_text
from adapt.read.formats.blocks import Blocks
from adapt.read.formats.gutenberg import drop_contents, strip


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def adapt(tmp_path: Path, name: str, data: bytes, *args: str) -> str:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / (name + ".fountain")
    assert main([str(src), "-o", str(out), "-q", *args]) == 0
    return out.read_text(encoding="utf-8")


def body(script: str) -> str:
    """The script after its title page."""
    return script.split("\n\n", 1)[1]


def cues(script: str) -> list[str]:
    return re.findall(r"^([A-Z][A-Z .']+)$", body(script), re.M)


@pytest.fixture(scope="module")
def plain_script(tmp_path_factory: pytest.TempPathFactory) -> str:
    return adapt(tmp_path_factory.mktemp("plain"), "story.txt", fx.plain().encode())


@pytest.mark.parametrize("ext", [".md", ".html", ".epub", ".docx", ".odt", ".rtf"])
def test_each_format_adapts_to_the_plain_texts_script(tmp_path: Path, ext: str, plain_script: str) -> None:
    script = adapt(tmp_path, "story" + ext, fx.BUILDERS[ext]())
    assert cues(script) == cues(plain_script) == ["ANNA", "BEN", "ANNA", "BEN", "ANNA", "BEN", "ANNA", "BEN"]
    for line in fx.DIALOGUE:
        assert line in script
    assert "# Chapter 1\n" in script and "# Chapter 2\n" in script
    assert body(script) == body(plain_script)
    for wrapping in fx.AO3_WRAPPING + ["Preface", "Afterword", "Archive of Our Own", "<", "&"]:
        assert wrapping not in body(script), wrapping


@pytest.mark.parametrize("ext", [".md", ".html", ".epub", ".docx", ".odt", ".rtf"])
def test_each_format_names_title_and_author(ext: str) -> None:
    doc = read_document(fx.BUILDERS[ext](), suffix=ext, source="story" + ext)
    assert doc.title == fx.TITLE
    if ext != ".md":
        assert doc.author == fx.AUTHOR
    if ext in (".html", ".epub", ".odt", ".rtf"):
        assert doc.language == "en"
    assert fx.TITLE not in doc.text  # the title is metadata, not a first chapter


def test_metadata_reaches_the_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import adapt.transform as transform
    seen: dict = {}
    real = transform.to_model

    def spy(tree, **kw):  # type: ignore[no-untyped-def]
        seen.update(dataclasses.asdict(kw["options"]))
        return real(tree, **kw)
    monkeypatch.setattr(transform, "to_model", spy)
    adapt(tmp_path, "story.docx", fx.docx())
    assert (seen["source_title"], seen["source_author"], seen["language"]) == (fx.TITLE, fx.AUTHOR, "en")
    adapt(tmp_path, "story.docx", fx.docx(), "--title", "Mine")
    assert (seen["title"], seen["source_title"], seen["source_author"]) == ("Mine", None, fx.AUTHOR)


@pytest.mark.parametrize("name, data, kind", [
    ("a.txt", b"Once upon a time.", "text"),
    ("a", b"Once upon a time.", "text"),
    ("a.md", b"# Once", "markdown"),
    ("a.txt", b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    ("a.htm", b"<p>Hi</p>", "html"),
    ("a.txt", b"{\\rtf1\\ansi Hi}", "rtf"),
    ("a.epub", b"not a zip", "epub"),
    ("a.txt", _zip({"story.txt": b"Once"}), "text"),
    ("a.md", b"%PDF-1.4", "text"),
])
def test_format_from_extension_checked_against_bytes(name: str, data: bytes, kind: str) -> None:
    assert sniff(data, suffix=Path(name).suffix, source=name) == kind


def test_a_txt_that_is_really_a_docx_is_read_as_one(tmp_path: Path, plain_script: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes(fx.docx())
    out = tmp_path / "story.fountain"
    assert main([str(src), "-o", str(out)]) == 0
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        f"{src} is really a Word document (.docx); read it as one"]
    assert body(out.read_text(encoding="utf-8")) == body(plain_script)


def test_markdown_headings_emphasis_and_front_matter() -> None:
    doc = read_document(b"---\ntitle: 'Rain'\nauthor: A. Writer\nlang: fr-FR\n---\n\n# The Storm\n\n"
                        b"She said it was *very* late and __loud__.\n\n***\n\n# Morning\n\nIt cleared.\n",
                        suffix=".md", source="s.md")
    assert (doc.title, doc.author, doc.language) == ("Rain", "A. Writer", "fr")
    assert doc.text == ("# The Storm\n\nShe said it was _very_ late and loud.\n\n* * *\n\n"
                        "# Morning\n\nIt cleared.\n")


def test_italics_only_where_underscores_can_say_them() -> None:
    b = Blocks()
    b.paragraph([("un", False), ("believ", True), ("able, ", False), ("so ", True), ("it", False)])
    assert b.render() == "unbelievable, _so_ it\n"


# --- Project Gutenberg ---------------------------------------------------------------

PG_HEADER = """\ufeffThe Project Gutenberg eBook of The Visit

This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever. You may copy it, give it away or re-use it under the terms
of the Project Gutenberg License included with this ebook or online
at www.gutenberg.org. If you are not located in the United States,
you will have to check the laws of the country where you are located
before using this eBook.

Title: The Visit

Author: Jane Writer

Release date: May 1, 2024 [eBook #99999]

Language: English

Credits: A. Volunteer and the Online Distributed Proofreading Team


*** START OF THE PROJECT GUTENBERG EBOOK THE VISIT ***


"""

PG_FOOTER = """


*** END OF THE PROJECT GUTENBERG EBOOK THE VISIT ***



Updated editions will replace the previous one--the old editions will
be renamed.

Creating the works from print editions not protected by U.S. copyright
law means that no one owns a United States copyright in these works,
so the Foundation (and you!) can copy and distribute it in the United
States without permission and without paying copyright
royalties. Special rules, set forth in the General Terms of Use part
of this license, apply to copying and distributing Project
Gutenberg electronic works to protect the PROJECT GUTENBERG
concept and trademark.

START: FULL LICENSE

THE FULL PROJECT GUTENBERG LICENSE

PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK

To protect the Project Gutenberg mission of promoting the free
distribution of electronic works, by using or distributing this work
(or any other work associated in any way with the phrase "Project
Gutenberg"), you agree to comply with all the terms of the Full
Project Gutenberg License available with this file or online at
www.gutenberg.org/license.

Section 1. General Terms of Use and Redistributing Project Gutenberg
electronic works

1.A. By reading or using any part of this Project Gutenberg
electronic work, you indicate that you have read, understand, agree to
and accept all the terms of this license and intellectual property
(trademark/copyright) agreement. If you do not agree to abide by all
the terms of this agreement, you must cease using and return or
destroy all copies of Project Gutenberg electronic works in your
possession.

Section 5. General Information About Project Gutenberg electronic works

Professor Michael S. Hart was the originator of the Project
Gutenberg concept of a library of electronic works that could be
freely shared with anyone. For forty years, he produced and
distributed Project Gutenberg eBooks with only a loose network of
volunteer support.

This website includes information about Project Gutenberg,
including how to make donations to the Project Gutenberg Literary
Archive Foundation, how to help produce our new eBooks, and how to
subscribe to our email newsletter to hear about new eBooks.
"""

OLD_HEADER = """The Project Gutenberg EBook of The Visit, by Jane Writer

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.  You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License included
with this eBook or online at www.gutenberg.org


Title: The Visit

Author: Jane Writer

Release Date: June 25, 2008 [EBook #99999]

Language: English

Character set encoding: ASCII

*** START OF THIS PROJECT GUTENBERG EBOOK THE VISIT ***




Produced by A. Volunteer, and David Widger




"""
OLD_FOOTER = """




End of the Project Gutenberg EBook of The Visit, by Jane Writer

*** END OF THIS PROJECT GUTENBERG EBOOK THE VISIT ***

***** This file should be named 99999.txt or 99999.zip *****
This and all associated files of various formats will be found in:
        http://www.gutenberg.org/9/9/9/9/99999/

Produced by A. Volunteer, and David Widger

Updated editions will replace the previous one--the old editions
will be renamed.
"""
SMALL_PRINT_HEADER = """**The Project Gutenberg Etext of The Visit, by Jane Writer**
#1 in our series by Jane Writer

Copyright laws are changing all over the world, be sure to check
the copyright laws for your country before posting these files!!

**Welcome To The World of Free Plain Vanilla Electronic Texts**

**Etexts Readable By Both Humans and By Computers, Since 1971**

*These Etexts Prepared By Hundreds of Volunteers and Donations*

***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***
Why is this "Small Print!" statement here?  You know: lawyers.
They tell us you might sue us if there is something wrong with
your copy of this etext, even if you got it for free from
someone other than us, and even if what's wrong is not our
fault.
*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*

"""
SMALL_PRINT_FOOTER = "\n\nEnd of The Project Gutenberg Etext of The Visit\n"


@pytest.mark.parametrize("header, footer", [(PG_HEADER, PG_FOOTER), (OLD_HEADER, OLD_FOOTER),
                                            (SMALL_PRINT_HEADER, SMALL_PRINT_FOOTER)],
                         ids=["2024", "2008", "1993"])
def test_gutenberg_file_gives_the_bare_texts_script(tmp_path: Path, header: str, footer: str,
                                                    plain_script: str) -> None:
    wrapped = header + fx.plain().replace("\n", "\r\n") + footer
    script = adapt(tmp_path, "pg99999.txt", wrapped.encode("utf-8"))
    # The same script, but the title page now knows whose book it is.
    assert f"Source: Based on the story by {fx.AUTHOR}\n" in script
    assert script.replace(f" by {fx.AUTHOR}\n", "\n", 1) == plain_script
    for leak in ("Gutenberg", "GUTENBERG", "license", "Release", "Produced by", "BOOKS", "GENERAL"):
        assert leak not in script
    doc = read_text(wrapped, source="pg99999.txt")
    assert (doc.title, doc.author, doc.format) == (fx.TITLE, fx.AUTHOR, "gutenberg")
    assert doc.language == ("en" if "Language:" in header else None)


def test_gutenberg_metadata_with_a_wrapped_title() -> None:
    text = PG_HEADER.replace("Title: The Visit", "Title: The Visit\n       A Tale of Two Mornings") \
        .replace("Author: Jane Writer", "Author: Jane Writer\n\nIllustrator: Hugh Thomson")
    _, meta = strip(text + fx.plain() + PG_FOOTER)
    assert meta == {"title": "The Visit A Tale of Two Mornings", "author": "Jane Writer", "language": "en"}


def test_text_that_only_mentions_gutenberg_is_left_alone() -> None:
    text = 'He had read of Project Gutenberg.\n\n"End of the story," said Ann.\n'
    assert strip(text) == (text, {"title": None, "author": None, "language": None})


def test_gutenberg_front_matter_keeps_the_title_line_only(tmp_path: Path) -> None:
    front = ("[Illustration]\n\nThe Visit\nby Jane Writer\n\nContents\n\n CHAPTER I.     Hello\n"
             " CHAPTER II.    Roses\n\n\n\n")
    story = fx.plain().split("\n\n", 1)[1].replace("Chapter 1", "CHAPTER I.\nHello", 1) \
        .replace("Chapter 2", "CHAPTER II.\nRoses", 1)
    doc = read_text(PG_HEADER + front + story + PG_FOOTER, source="pg.txt")
    assert doc.text == "The Visit\n\n" + story
    script = adapt(tmp_path, "pg.txt", (PG_HEADER + front + story + PG_FOOTER).encode())
    assert script.startswith("Title: THE VISIT\n") and "Illustration" not in script
    assert "by Jane Writer" not in script.split("\n\n", 1)[1]  # the byline feeds the title page only


CONTENTS_LABELLED = """The Visit

CONTENTS

 Chapter 1     The Arrival
 Chapter 2     The Roses


Chapter 1

"Hello," said Anna.
"""
CONTENTS_TITLES = """The Visit

Contents

The Arrival

The Roses

Chapter 1
The Arrival

"Hello," said Anna.
"""
CONTENTS_BLOCK = """The Visit

CHAPTER I. The Arrival
CHAPTER II. The Roses
CHAPTER III. The Rain

CHAPTER I. The Arrival

"Hello," said Anna.
"""


@pytest.mark.parametrize("text, first", [(CONTENTS_LABELLED, "Chapter 1\n"), (CONTENTS_TITLES, "Chapter 1\n"),
                                         (CONTENTS_BLOCK, "CHAPTER I. The Arrival\n\n")])
def test_a_table_of_contents_is_dropped_never_a_song(text: str, first: str, tmp_path: Path) -> None:
    kept = drop_contents(text)
    assert kept.startswith("The Visit\n\n") and kept.split("\n\n", 1)[1].lstrip("\n").startswith(first)
    assert "The Roses" not in kept
    script = adapt(tmp_path, "toc.txt", text.encode())
    assert "MUSIC CUE" not in script and "~" not in script and "The Roses" not in script


def test_contents_with_no_chapter_to_return_to_stay() -> None:
    text = "Contents\n\nA list of things I own.\n\nIt is a short list, and a long story why.\n"
    assert drop_contents(text) == text


def test_gutenberg_html_loses_its_boilerplate() -> None:
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="dc.title" content="{fx.TITLE}"><meta name="dc.creator" content="{fx.AUTHOR}">
<title>The Project Gutenberg eBook of {fx.TITLE}, by {fx.AUTHOR}</title></head><body>
<section class="pg-boilerplate pgheader" id="pg-header"><h2>The Project Gutenberg eBook of {fx.TITLE}</h2>
<p>This ebook is for the use of anyone anywhere in the United States.</p>
<div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK THE VISIT ***</span></div></section>
<h1>{fx.TITLE}</h1>
<h2>CONTENTS</h2>
<table><tr><td><a class="pginternal" href="#ch1">Chapter 1</a></td></tr>
<tr><td><a class="pginternal" href="#ch2">Chapter 2</a></td></tr></table>
{"".join(f'<h2 id="ch{n}">{h}</h2>' + fx._html_paras(p) for n, (h, p) in enumerate(fx.CHAPTERS, 1))}
<section class="pg-boilerplate pgheader" id="pg-footer">
<div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK THE VISIT ***</span></div>
<h2>THE FULL PROJECT GUTENBERG LICENSE</h2><p>To protect the Project Gutenberg mission...</p></section>
</body></html>"""
    doc = read_document(page.encode(), suffix=".html", source="pg.html")
    plain = read_text(fx.plain(), source="s.txt").text
    assert doc.text == plain.split("\n\n", 1)[1]
    assert (doc.title, doc.author, doc.language) == (fx.TITLE, fx.AUTHOR, "en")


# --- bad files -----------------------------------------------------------------------

def _encrypted_odt() -> bytes:
    """An .odt as LibreOffice saves it with a password: content.xml is ciphertext and the
    manifest says how it was encrypted."""
    with zipfile.ZipFile(io.BytesIO(fx.odt())) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["content.xml"] = bytes(range(256)) * 8
    members["META-INF/manifest.xml"] = re.sub(
        rb'(<manifest:file-entry[^>]*manifest:full-path="content.xml"[^>]*?)/>',
        rb'\1><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
        b'manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        b'manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>',
        members["META-INF/manifest.xml"])
    assert b"encryption-data" in members["META-INF/manifest.xml"]
    return _zip(members)


@pytest.mark.parametrize("name, data, expect", [
    ("corrupt.epub", lambda: fx.epub()[:2000], "corrupt.epub is not a readable EPUB"),
    ("garbage.epub", b"this is not a zip file at all", "garbage.epub is not a readable EPUB"),
    ("nodoc.docx", _zip({"[Content_Types].xml": b"<Types/>", "docProps/core.xml": b"<x/>"}),
     "nodoc.docx is not a readable Word document"),
    ("secret.odt", _encrypted_odt, "secret.odt is password-protected"),
    ("empty.html", b"<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>",
     "empty.html has no story text in it"),
    ("bad.rtf", b"hello, not rtf", "bad.rtf is not an RTF document"),
    ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "scan.pdf looks like a PDF, not text"),
    ("drm.epub", _zip({"mimetype": b"application/epub+zip", "META-INF/container.xml": b"<container/>",
                       "META-INF/encryption.xml": b'<encryption><EncryptedData><CipherData>'
                       b'<CipherReference URI="OEBPS/ch1.xhtml"/></CipherData></EncryptedData></encryption>'}),
     "drm.epub is a DRM-protected EPUB"),
])
def test_bad_files_one_line_exit_1_nothing_written(tmp_path: Path, name: str, data, expect: str,  # type: ignore[no-untyped-def]
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / name
    src.write_bytes(data() if callable(data) else data)
    out = tmp_path / "out.fountain"
    assert main([str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("adapt: error: " + str(tmp_path / expect.split(" ", 1)[0]) + " " + expect.split(" ", 1)[1])
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_a_saved_ao3_work_page_gives_the_chapters_only(plain_script: str, tmp_path: Path) -> None:
    """The work's web page as a browser saves it: site header, work preface, each chapter's
    own preface and end notes, the "Chapter Text" landmark, kudos and comments."""
    chapters = "".join(f"""
<div class="chapter" id="chapter-{n}">
  <div class="chapter preface group" role="complementary">
    <h3 class="title"><a href="/works/1/chapters/{n}">{heading}</a></h3>
    <div id="summary" class="summary module"><h3 class="heading">Summary:</h3>
      <blockquote class="userstuff"><p>Anna wakes early.</p></blockquote></div>
  </div>
  <div class="userstuff module" role="article">
    <h3 class="landmark heading" id="work">Chapter Text</h3>
    {fx._html_paras(paras)}
  </div>
  <div class="chapter preface group" role="complementary">
    <div class="end notes module" id="chapter_{n}_endnotes"><h3 class="heading">Notes:</h3>
      <blockquote class="userstuff"><p>"More soon!" said the author.</p></blockquote></div>
  </div>
</div>""" for n, (heading, paras) in enumerate(fx.CHAPTERS, 1))
    page = f"""<!DOCTYPE html><html lang="en"><head><title>{fx.TITLE} - Chapter 1 - {fx.AUTHOR} - Rain
[Archive of Our Own]</title></head><body>
<div id="outer"><header id="header" class="region"><h1 class="heading"><a href="/">Archive of Our Own</a></h1>
<ul class="primary navigation actions"><li><a href="/menu/fandoms">Fandoms</a></li></ul></header>
<div id="inner"><div id="main" class="works-show region" role="main">
<dl class="work meta group"><dt class="rating tags">Rating:</dt><dd class="rating tags">Teen And Up Audiences</dd>
<dt class="language">Language:</dt><dd class="language" lang="en">English</dd>
<dt class="stats">Stats:</dt><dd class="stats">Words: 120 Kudos: 5</dd></dl>
<div id="workskin">
  <div class="preface group">
    <h2 class="title heading">{fx.TITLE}</h2>
    <h3 class="byline heading"><a rel="author" href="/users/jw/pseuds/jw">{fx.AUTHOR}</a></h3>
    <div class="summary module"><h3 class="heading">Summary:</h3>
      <blockquote class="userstuff"><p>A quiet story about rain.</p></blockquote></div>
    <div class="notes module"><h3 class="heading">Notes:</h3>
      <blockquote class="userstuff"><p>"Thank you to my beta," I said.</p></blockquote></div>
  </div>
  <div id="chapters" role="article">{chapters}</div>
  <div class="afterword preface group"><div id="work_endnotes" class="end notes module">
    <h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Thanks for reading!</p></blockquote></div></div>
</div>
<div id="feedback" class="feedback"><div id="kudos"><p class="kudos">Leave kudos</p></div>
<h3 class="landmark heading">Comments</h3></div>
</div></div><div id="footer" role="contentinfo" class="region"><h3 class="landmark heading">Footer</h3></div></div>
</body></html>"""
    doc = read_document(page.encode(), suffix=".html", source="work.html")
    assert (doc.title, doc.author, doc.language, doc.format) == (fx.TITLE, fx.AUTHOR, "en", "ao3")
    assert body(adapt(tmp_path, "work.html", page.encode())) == body(plain_script)
