"""Screenplay model → self-contained HTML preview.

One page, inline CSS, no scripts or external resources, so it can be opened from
anywhere or mailed around. The column is the 6" action width of a US Letter page
with the usual indents measured from the action margin (cue 2.2", parenthetical
1.6", dialogue 1" and 3.5" wide); Courier Prime is used when installed, else Courier.

Notes and outline items (``Section``, ``Synopsis``) are shown, greyed, as
``<aside>`` blocks: a preview is for the writer, and they are hidden when printing.
``Boneyard`` text is omitted: it was commented out on purpose.
"""
from __future__ import annotations

import re
from html import escape
from typing import assert_never

from adapt.inline import plain, runs
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

_CENTRED_KEYS = ("title", "credit", "author", "authors", "source")

_CSS = """\
body { background: #eee; margin: 0; padding: 2em 0; }
.script { font: 12pt/1.0 "Courier Prime", "Courier New", Courier, monospace;
  background: #fff; color: #000; width: 6in; margin: 0 auto;
  padding: 1in 1in 1in 1.5in; box-shadow: 0 0 6px #999; }
p, h2 { margin: 0 0 1em 0; font: inherit; }
.title-page { text-align: center; margin-bottom: 3em; padding-bottom: 2em;
  border-bottom: 1px dashed #bbb; }
.title-page-left { text-align: left; margin-top: 4em; }
.tp-title { margin-bottom: 2em; }
.scene-heading { text-transform: uppercase; margin-top: 2em; }
.scene-number { float: right; margin-right: -0.75in; }
.transition { text-align: right; }
.centered { text-align: center; }
.lyrics { font-style: italic; }
.dialogue { margin-bottom: 1em; }
.dialogue p { margin-top: 0; margin-bottom: 0; }
.character { margin-left: 2.2in; }
.parenthetical { margin-left: 1.6in; width: 2in; }
.speech, .dialogue .sung { margin-left: 1in; width: 3.5in; }
.dual { display: flex; gap: 0.2in; margin-bottom: 1em; }
.dual .dialogue { flex: 1 1 0; margin: 0; }
.dual .character { margin-left: 0.8in; }
.dual .parenthetical { margin-left: 0.5in; width: auto; }
.dual .speech, .dual .sung { margin-left: 0; width: auto; }
.page-break { border-top: 1px dashed #bbb; margin: 2em -1in 2em -1.5in; }
aside { color: #777; font-size: 10pt; border-left: 3px solid #ddd;
  padding-left: 0.5em; margin: 0 0 1em 0; }
aside.section { font-weight: bold; }
@media print {
  body { background: none; padding: 0; }
  .script { box-shadow: none; padding: 0; }
  aside { display: none; }
  .title-page { border: 0; break-after: page; }
  .page-break { border: 0; margin: 0; break-after: page; }
}
"""



def _lang(doc: Screenplay) -> str:
    """The script's language (title page ``Language``, an ISO code), else English."""
    lang = (doc.title.get("Language") or "en").strip()
    return lang if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", lang) else "en"


def write_html(doc: Screenplay) -> str:
    """The script as one HTML5 page that looks like the printed screenplay."""
    name = doc.title.get("title")
    body = [_block(item) for item in pair_duals(doc.elements)]
    head = (
        '<!DOCTYPE html>\n<html lang="' + _lang(doc) + '">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(plain(name).replace(chr(10), ' ') if name else 'Screenplay')}</title>\n"
        f"<style>\n{_CSS}</style>\n</head>\n<body>\n<main class=\"script\">\n"
    )
    title = _title_page(doc.title) if doc.title.fields else ""
    return head + title + "".join(b for b in body if b) + "</main>\n</body>\n</html>\n"


def _block(item: Element | DualDialogue) -> str:
    """One element as one line of HTML ("" for what is not shown)."""
    match item:
        case SceneHeading(text=text, number=number):
            num = f'<span class="scene-number">{escape(number)}</span>' if number else ""
            return f'<h2 class="scene-heading">{num}{_inline(text)}</h2>\n'
        case Action(text=text):
            return f'<p class="action">{_inline(text)}</p>\n'
        case Centered(text=text):
            return f'<p class="centered">{_inline(text)}</p>\n'
        case Transition(text=text):
            return f'<p class="transition">{_inline(text)}</p>\n'
        case Lyrics(lines=lines):
            return f'<p class="lyrics">{"<br>".join(_inline(line) for line in lines)}</p>\n'
        case Dialogue():
            return _dialogue(item) + "\n"
        case DualDialogue(left=left, right=right):
            return f'<div class="dual">{_dialogue(left)}{_dialogue(right)}</div>\n'
        case Note(text=text):
            return f'<aside class="note">{_inline(text)}</aside>\n'
        case Section(text=text, depth=depth):
            return f'<aside class="section">{escape("#" * depth)} {_inline(text)}</aside>\n'
        case Synopsis(text=text):
            return f'<aside class="synopsis">= {_inline(text)}</aside>\n'
        case Boneyard():
            return ""
        case PageBreak():
            return '<div class="page-break"></div>\n'
        case _:
            assert_never(item)


def _dialogue(d: Dialogue) -> str:
    """Cue plus its parts, wrapped so a dual pair can sit side by side."""
    ext = f" ({escape(d.extension)})" if d.extension else ""
    out = [f'<div class="dialogue"><p class="character">{_inline(d.character)}{ext}</p>']
    for part in d.parts:
        match part:
            case Parenthetical(text=text):
                out.append(f'<p class="parenthetical">({_inline(text)})</p>')
            case Speech(text=text):
                out.append(f'<p class="speech">{_inline(text)}</p>')
            case Sung(text=text):
                out.append(f'<p class="sung lyrics">{_inline(text)}</p>')
            case _:
                assert_never(part)
    return "".join(out) + "</div>"


def _inline(marked: str) -> str:
    """Inline-marked text → escaped HTML with <strong>/<em>/<u>; newlines → <br>."""
    out = []
    for run in runs(marked):
        html = escape(run.text).replace("\n", "<br>")
        if run.underline:
            html = f"<u>{html}</u>"
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        out.append(html)
    return "".join(out)


def _title_page(title: TitlePage) -> str:
    """Centred title block, then the contact details flush left."""
    centred = [(k, v) for k, v in title.fields if k.lower() in _CENTRED_KEYS]
    left = [(k, v) for k, v in title.fields if k.lower() not in _CENTRED_KEYS + ("language",)]

    def para(key: str, value: str) -> str:
        cls = "tp-" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
        return f'<p class="{cls}">{"<br>".join(_inline(v) for v in value.split(chr(10)))}</p>'

    out = ['<section class="title-page">']
    out += [para(k, v) for k, v in centred]
    if left:
        block = "".join(para(k, v) for k, v in left)
        out.append(f'<div class="title-page-left">{block}</div>')
    return "\n".join(out) + "\n</section>\n"
