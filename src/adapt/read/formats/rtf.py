"""Reading: an RTF document (WordPad, TextEdit, Scrivener, Word) → Document.

A small tokenizer rather than ``striprtf``: striprtf returns bare text, and a
screenplay needs the italics (``\\i``), the heading styles (``\\sN`` named "heading N"
in the stylesheet, or ``\\outlinelevelN``) and the ``\\info`` title and author that it
drops. RTF is a flat stream of control words in nested groups, so reading it is a loop
over tokens with a stack of group states.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from adapt.errors import AdaptError
from adapt.read.formats.blocks import Blocks, Document, Run, clean
from adapt.read.formats.html import finish

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+"
                    rb"|([^\\{}\r\n]+)")
# Destinations whose text is not the story (fonts, colours, pictures, headers, notes...).
_SKIP = {"fonttbl", "colortbl", "pict", "object", "header", "headerl", "headerr", "headerf", "footer",
         "footerl", "footerr", "footerf", "footnote", "annotation", "fldinst", "xmlnstbl", "listtable",
         "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping", "datastore",
         "latentstyles", "pgdsctbl", "filetbl", "revtbl", "atnid", "atnauthor", "bkmkstart", "bkmkend",
         "nonshppict", "shp", "shpinst", "docvar", "operator", "company", "comment", "keywords",
         "subject", "doccomm", "hlinkbase", "category", "manager", "txe", "xe", "tc"}
_CHARS = {"emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“",
          "rdblquote": "”", "bullet": "•", "tab": " ", "line": "\n", "emspace": " ", "enspace": " ",
          "qmspace": " "}
_BREAKS = {"par", "sect", "page", "row", "cell"}
# Windows language ids (their low 10 bits) → ISO 639-1.
_LCID = {0x09: "en", 0x0C: "fr", 0x07: "de", 0x0A: "es", 0x10: "it", 0x16: "pt", 0x13: "nl",
         0x1D: "sv", 0x06: "da", 0x14: "no", 0x0B: "fi", 0x19: "ru", 0x15: "pl", 0x08: "el",
         0x0E: "hu", 0x05: "cs", 0x03: "ca", 0x22: "uk", 0x1F: "tr"}


@dataclass(frozen=True, slots=True)
class _State:
    italic: bool = False
    skip: bool = False
    uc: int = 1
    style: int = 0
    outline: int | None = None
    dest: str = ""
    """"title"/"author" inside \\info, "stylesheet" inside it, else ""."""


def read_rtf(data: bytes, *, source: str) -> Document:
    if not data.lstrip().startswith(b"{\\rtf"):
        raise AdaptError(f"{source} is not an RTF document (it does not start with {{\\rtf)")
    reader = _Reader()
    try:
        reader.feed(data)
    except (ValueError, IndexError, OverflowError) as e:
        raise AdaptError(f"{source} is not a readable RTF document ({e})") from None
    info = {"title": clean(reader.info.get("title")), "author": clean(reader.info.get("author")),
            "language": _LCID.get(reader.lang & 0x3FF) if reader.lang else None}
    return finish(reader.blocks, info, "rtf", source=source)


class _Reader:
    def __init__(self) -> None:
        self.blocks = Blocks()
        self.runs: list[Run] = []
        self.info: dict[str, str] = {}
        self.styles: dict[int, str] = {}
        self.codepage = "cp1252"
        self.lang = 0
        self.skip_chars = 0

    def feed(self, data: bytes) -> None:
        stack: list[_State] = []
        st = _State()
        first_in_group = False
        ignorable = False
        style_text: list[str] = []
        pos = 0
        while pos < len(data):
            m = _TOKEN.match(data, pos)
            if m is None:
                pos += 1
                continue
            pos = m.end()
            word, arg, hexa, sym, brace, text = m.groups()
            if brace == b"{":
                stack.append(st)
                first_in_group, ignorable = True, False
                if st.dest == "stylesheet":
                    style_text = []
                continue
            if brace == b"}":
                if st.dest == "stylesheet-entry":
                    name = "".join(style_text).strip().rstrip(";").strip()
                    self.styles.setdefault(st.style, name)
                st = stack.pop() if stack else _State()
                first_in_group = False
                continue
            was_first, first_in_group = first_in_group, False
            if word is not None:
                w = word.decode("ascii")
                n = int(arg) if arg is not None else None
                if w == "bin" and n:
                    pos += n
                    continue
                if was_first or ignorable:
                    st = self._destination(st, w, ignorable)
                    ignorable = False
                st = self._control(st, w, n)
                continue
            if sym is not None:
                if sym == b"*":
                    ignorable = True
                    first_in_group = was_first
                    continue
                ch = {b"~": "\u00a0", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}.get(sym)
                if sym in (b"\n", b"\r"):
                    st = self._control(st, "par", None)
                elif ch is not None:
                    self._text(st, ch, style_text)
                continue
            if hexa is not None:
                self._text(st, bytes([int(hexa, 16)]).decode(self.codepage, "replace"), style_text)
                continue
            if text is not None:
                self._text(st, text.decode(self.codepage, "replace"), style_text)
        self._end_paragraph(st)

    def _destination(self, st: _State, w: str, ignorable: bool) -> _State:
        if st.dest == "info" and w in ("title", "author"):
            return replace(st, dest=w)
        if w == "info":
            return replace(st, dest="info", skip=True)
        if w == "stylesheet":
            return replace(st, dest="stylesheet", skip=True)
        if st.dest == "stylesheet":
            return replace(st, dest="stylesheet-entry")
        if w in _SKIP or (ignorable and w not in ("fldrslt",)):
            return replace(st, skip=True, dest="")
        return st

    def _control(self, st: _State, w: str, n: int | None) -> _State:
        if w == "i":
            return replace(st, italic=n != 0)
        if w == "plain":
            return replace(st, italic=False)
        if w == "uc" and n is not None:
            return replace(st, uc=n)
        if w == "u" and n is not None:
            self._text(st, chr(n + 65536 if n < 0 else n), None)
            self.skip_chars = st.uc
            return st
        if w == "ansicpg" and n:
            try:
                "".encode(f"cp{n}")
                self.codepage = f"cp{n}"
            except LookupError:
                pass
            return st
        if w in ("deflang", "lang") and n and not self.lang:
            self.lang = n
            return st
        if w == "s" and n is not None:
            return replace(st, style=n)
        if w == "outlinelevel" and n is not None:
            return replace(st, outline=n)
        if w == "pard":
            return replace(st, style=0, outline=None)
        if w in _BREAKS and not st.skip:
            self._end_paragraph(st)
            return st
        if w in _CHARS:
            self._text(st, _CHARS[w], None)
        return st

    def _text(self, st: _State, text: str, style_text: list[str] | None) -> None:
        if self.skip_chars:
            cut = min(self.skip_chars, len(text))
            text, self.skip_chars = text[cut:], self.skip_chars - cut
        if not text:
            return
        if st.dest in ("title", "author"):
            self.info[st.dest] = self.info.get(st.dest, "") + text
        elif st.dest == "stylesheet-entry" and style_text is not None:
            style_text.append(text)
        elif not st.skip:
            self.runs.append((text, st.italic))

    def _end_paragraph(self, st: _State) -> None:
        runs, self.runs = self.runs, []
        name = self.styles.get(st.style, "").lower()
        level = 0 if name == "title" else st.outline + 1 if st.outline is not None and st.outline < 9 else None
        m = re.fullmatch(r"heading\s*(\d)", name)
        if m:
            level = int(m.group(1))
        if name == "subtitle":
            return
        if level is None:
            self.blocks.paragraph(runs)
        else:
            self.blocks.heading("".join(t for t, _ in runs), level)
