"""Reading: a Markdown story → Document: `#` headings as chapters, `*`/`_` emphasis, `---` breaks.

markdown-it-py (CommonMark) renders it to HTML, which the HTML reader's walk turns into
blocks, so Markdown and HTML follow one set of rules. A YAML front matter block or
pandoc's ``% Title`` / ``% Author`` lines give the metadata.
"""
from __future__ import annotations

import re

import lxml.html
from markdown_it import MarkdownIt

from adapt.read.formats.blocks import Blocks, Document, clean, language_code
from adapt.read.formats.html import Walker, finish

_FRONT = re.compile(r"\A---[ \t]*\n((?:[^\n]*\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^(title|author|lang|language)[ \t]*:[ \t]*(.+)$", re.M | re.I)
_PANDOC = re.compile(r"\A%[ \t]*([^\n]*)\n(?:%[ \t]*([^\n]*)\n)?(?:%[^\n]*\n)?")


def read_markdown(text: str, *, source: str) -> Document:
    """Decoded Markdown text → Document."""
    meta: dict[str, str | None] = {"title": None, "author": None, "language": None}
    m = _FRONT.match(text)
    if m and _FIELD.search(m.group(1)):
        for key, value in _FIELD.findall(m.group(1)):
            key = "language" if key.lower() in ("lang", "language") else key.lower()
            meta[key] = meta[key] or clean(value.strip().strip("'\""))
        text = text[m.end():]
    else:
        p = _PANDOC.match(text)
        if p:
            meta["title"], meta["author"] = clean(p.group(1)), clean(p.group(2))
            text = text[p.end():]
    meta["language"] = language_code(meta["language"])
    rendered = MarkdownIt("commonmark").render(text)
    blocks = Blocks()
    if rendered.strip():
        Walker(blocks).walk(lxml.html.fragment_fromstring(rendered, create_parent="div"))
    return finish(blocks, meta, "markdown", source=source)
