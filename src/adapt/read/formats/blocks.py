"""Reading: a document's headings, paragraphs and breaks → the plain text the prose grammar reads.

Every format reader fills a ``Blocks`` and renders it, so they all speak the conventions
``grammar/prose.lark`` and ``transform`` already know: blank lines between paragraphs, a
chapter heading as its own block ("CHAPTER I", or "# A Title" when the heading is a bare
title), ``* * *`` for a scene break and ``_word_`` for italics.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from adapt.read.decode import normalise


@dataclass(frozen=True, slots=True)
class Document:
    """A story as prose text plus what its file says about it."""

    text: str
    """Prose in the grammar's conventions (see the module docstring)."""
    title: str | None = None
    """The work's title from the file's metadata (a Gutenberg header, EPUB/DOCX properties)."""
    author: str | None = None
    """The work's author from the file's metadata."""
    language: str | None = None
    """ISO 639-1 code ("en", "fr") when the file names its language."""
    format: str = "text"
    """Which reader read it: text, gutenberg, markdown, html, ao3, epub, docx, odt, rtf."""


# The grammar's chapter headings (HEADING in prose.lark): such a line stays as it is; any
# other heading text is written "# Title", which the grammar also reads as a heading.
CHAPTER = re.compile(
    r"(?:(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave|CANTO|Canto)[ \t]+"
    r"(?:[IVXLCDM]+|\d+|[A-Z][A-Za-z-]+)\b|(?:PROLOGUE|Prologue|EPILOGUE|Epilogue)\b"
    r"|[IVXLC]+(?:\.|$))")
# A paragraph that is only a scene-break ornament: * * *, ***, #, ~~~, ⁂, § ...
_ORNAMENT = re.compile(r"[*#~=_\-–—•·⁂§◆◇✱✽❖ \t]{1,20}")
_CONTENTS = re.compile(r"(?:table of )?contents\.?", re.I)
_ITALIC_SAFE = re.compile(r"[^_\n]*\S")

Run = tuple[str, bool]
"""(text, italic): one stretch of a paragraph."""


def is_break(text: str) -> bool:
    """A centred row of stars, a lone # or ⁂: the writer's scene break."""
    t = text.strip()
    return bool(_ORNAMENT.fullmatch(t)) and len(set(t) - {" ", "\t"}) <= 3


def language_code(value: str | None) -> str | None:
    """"en-GB", "English", "fr" → ISO 639-1 ("en", "fr"); None when unknown."""
    if not value:
        return None
    v = value.strip().split(",")[0].split(";")[0].strip()
    if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*", v):
        code = v.split("-")[0].split("_")[0].lower()
        return code if len(code) == 2 else _ISO3.get(code)
    return _NAMES.get(v.lower())


_NAMES = {
    "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "swedish": "sv", "danish": "da", "norwegian": "no",
    "finnish": "fi", "latin": "la", "russian": "ru", "polish": "pl", "greek": "el",
    "chinese": "zh", "japanese": "ja", "korean": "ko", "hungarian": "hu", "czech": "cs",
    "catalan": "ca", "esperanto": "eo", "tagalog": "tl", "welsh": "cy", "irish": "ga",
    "icelandic": "is", "romanian": "ro", "turkish": "tr", "arabic": "ar", "hebrew": "he",
    "ukrainian": "uk", "vietnamese": "vi", "indonesian": "id", "hindi": "hi",
    "français": "fr", "deutsch": "de", "español": "es", "italiano": "it", "português": "pt",
    "nederlands": "nl", "svenska": "sv", "русский": "ru", "polski": "pl",
}
_ISO3 = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es",
         "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "lat": "la"}


# Names word processors and libraries write as the author when nobody typed one.
GENERIC_AUTHORS = {"python-docx", "microsoft office user", "unknown", "user", "administrator", "admin",
                   "author", "owner", "windows user", "apache poi", "calibre", "pandoc"}


def reason(e: Exception) -> str:
    """A library's exception → a short phrase for a one-line error."""
    if isinstance(e, KeyError):
        return f"a part is missing: {e.args[0] if e.args else ''}"
    return (" ".join(str(e).split()) or type(e).__name__)[:120]


def clean(value: str | None) -> str | None:
    """Metadata text → one line, or None when blank."""
    if value is None:
        return None
    v = " ".join(str(value).split())
    return v or None


def _marked(runs: list[Run]) -> str:
    """Runs → text with italics as _word_, the Gutenberg convention transform reads.

    Whitespace moves outside the marks; an italic run glued to a letter (un*believ*able)
    or holding an underscore is left plain, since _..._ could not say it.
    """
    merged: list[list] = []
    for text, italic in runs:
        if not text:
            continue
        if merged and merged[-1][1] == italic:
            merged[-1][0] += text
        else:
            merged.append([text, italic])
    out: list[str] = []
    for i, (text, italic) in enumerate(merged):
        if not italic or not text.strip():
            out.append(text)
            continue
        for k, line in enumerate(text.split("\n")):
            if k:
                out.append("\n")
            core = line.strip()
            lead, trail = line[:len(line) - len(line.lstrip())], line[len(line.rstrip()):]
            before = (out[-1][-1:] if out else "") if not lead else " "
            after = (merged[i + 1][0][:1] if i + 1 < len(merged) else "") if not trail else " "
            if core and _ITALIC_SAFE.fullmatch(core) and not re.match(r"[\w_]", before) \
                    and not re.match(r"[\w_]", after):
                out.append(f"{lead}_{core}_{trail}")
            else:
                out.append(line)
    return "".join(out)


@dataclass
class Blocks:
    """The story's blocks in order, as a reader finds them."""

    items: list[tuple[str, str, int]] = field(default_factory=list)
    """(kind, text, level): kind is "heading", "para" or "break"; level ranks headings
    (0 a document title, 1 the top heading level, ...)."""

    def heading(self, text: str, level: int = 1) -> None:
        text = " ".join(text.split())
        if text:
            self.items.append(("heading", text, level))

    def paragraph(self, runs: list[Run]) -> None:
        """A paragraph's runs; a line break inside it stays a line break (verse, a letter's
        lines), two in a row (<br><br>, the way some pages space paragraphs) part paragraphs."""
        text = _marked([(re.sub(r"[ \t\r\f\v]+", " ", t.replace("\u00a0", " ")), i) for t, i in runs])
        for part in re.split(r"\n[ \t]*\n", text):
            lines = [" ".join(x.split()) for x in part.split("\n")]
            part = "\n".join(x for x in lines if x)
            if not part:
                continue
            if is_break(part.replace("\n", " ")):
                self.scene_break()
            else:
                self.items.append(("para", part, 0))

    def scene_break(self) -> None:
        if self.items and self.items[-1][0] == "para":
            self.items.append(("break", "* * *", 0))

    def title(self) -> str | None:
        """A first heading ranked above every other one (a book's lone <h1> over its
        chapters' <h2>, a Title style) is the work's title, not a chapter."""
        heads = [(k, t, lv) for k, (kind, t, lv) in enumerate(self.items) if kind == "heading"]
        if not heads or heads[0][0] != 0 or CHAPTER.match(heads[0][1]):
            return None
        if len(heads) > 1 and not all(lv > heads[0][2] for _, _, lv in heads[1:]):
            return None
        return heads[0][1]

    def render(self, *, title: str | None = None) -> str:
        """The blocks as prose text: a chapter label and its title lines make one heading;
        ``title`` (the first block, when it is the title heading) is left out."""
        items = [(kind, text) for kind, text, _ in self.items]
        if title is not None and items and items[0] == ("heading", title):
            items.pop(0)
        while items and items[-1][0] == "break":
            items.pop()
        out: list[str] = []
        k = 0
        while k < len(items):
            kind, text = items[k]
            if kind == "heading":
                group = [text]
                while k + 1 < len(items) and items[k + 1][0] == "heading" and len(group) < 3 \
                        and CHAPTER.match(group[0]):
                    k += 1
                    group.append(items[k][1])
                if _CONTENTS.fullmatch(group[0]):
                    pass  # a "Contents" heading: the table is structure the script has already
                elif CHAPTER.match(group[0]) and all(len(g) <= 100 for g in group):
                    out.append("\n".join(group))
                else:
                    out.append("# " + " ".join(group))
            elif kind == "break":
                if out and not out[-1].startswith("* * *"):
                    out.append(text)
            else:
                out.append(text)
            k += 1
        return normalise("\n\n".join(out)).strip("\n") + "\n" if out else ""
