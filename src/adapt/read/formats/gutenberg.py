"""Reading: a Project Gutenberg text → the story alone (no header, licence or contents) + its metadata.

Gutenberg files wrap the book in a header (``Title:``, ``Author:``, ``Language:``, release
date) and a licence of some 350 lines, set off by ``*** START OF THE PROJECT GUTENBERG
EBOOK ... ***`` / ``*** END OF ... ***``; files from before about 2006 use other markers
(``*END*THE SMALL PRINT!``, ``End of the Project Gutenberg EBook of ...``). The same
markers appear in Gutenberg's HTML and EPUB editions, so every reader passes its text here.
"""
from __future__ import annotations

import re

from adapt.read.formats.blocks import CHAPTER, clean, language_code

_START = re.compile(  # the marker may wrap: "*** START OF ... EBOOK ALICE'S ADVENTURES IN\nWONDERLAND ***"
    r"^[ \t]*\*+[ \t]*START OF (?:THE |THIS )?PROJECT GUTENBERG"
    r"(?:[^\n]*\*{3}[^\n]*|[^\n]*\n[^\n*]{1,80}\*{3}[ \t]*|[^\n]*)$"
    r"|^[^\n]*\*END\*?[ \t]*THE SMALL PRINT[^\n]*$", re.I | re.M)
_END = re.compile(
    r"^[ \t]*\**[ \t]*END OF (?:THE |THIS )?PROJECT GUTENBERG[^\n]*$"
    r"|^[ \t]*End of (?:the |this )?Project Gutenberg[^\n]*$", re.I | re.M)
_NAME = re.compile(r"Project Gutenberg", re.I)
_FIELD = re.compile(r"^(Title|Author|Language)[ \t]*:[ \t]*(\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)", re.M)
_FIRST_LINE = re.compile(r"Project Gutenberg(?:'s)? E-?(?:Book|Text) of (.+?)(?:, by (.+))?$"
                         r"|Project Gutenberg's (.+?), by (.+)$", re.I | re.M)
# Paragraphs right after the START marker that credit the transcribers, not the author.
_CREDIT = re.compile(r"(?:Produced by|E-?text prepared by|This (?:e-?book|e-?text) was (?:produced|prepared)"
                     r"|Transcribed (?:from|by)|Prepared by|\[?Transcriber'?s? Note)", re.I)


def is_gutenberg(text: str) -> bool:
    """The file carries Gutenberg's own markers (not merely a mention of the name)."""
    return bool(_NAME.search(text[:20000]) or _NAME.search(text[-30000:])) and \
        bool(_START.search(text) or _END.search(text))


def strip(text: str) -> tuple[str, dict[str, str | None]]:
    """Gutenberg text → (the book between the markers, {title, author, language}).

    The header's fields become metadata; the transcribers' credits at the top go too.
    Text without the markers comes back unchanged.
    """
    meta: dict[str, str | None] = {"title": None, "author": None, "language": None}
    if not is_gutenberg(text):
        return text, meta
    starts = [m for m in _START.finditer(text) if m.start() < len(text) * 0.6]
    begin = starts[-1].end() if starts else 0
    end_m = _END.search(text, begin)
    end = end_m.start() if end_m else len(text)
    header = text[:begin] if starts else text[:3000]
    for m in _FIELD.finditer(header):
        key = m.group(1).lower()
        if meta[key] is None:
            meta[key] = clean(m.group(2))
    first = title_line(header[:1000])
    if first:
        meta["title"] = meta["title"] or first[0]
        meta["author"] = meta["author"] or first[1]
    meta["language"] = language_code(meta["language"])
    body = text[begin:end] if starts or end_m else text
    return _front_matter(_drop_credits(body), meta["author"]).strip("\n") + "\n", meta


def title_line(text: str) -> tuple[str, str | None] | None:
    """"The Project Gutenberg EBook of Emma, by Jane Austen" → ("Emma", "Jane Austen")."""
    m = _FIRST_LINE.search(text)
    if not m:
        return None
    title, author = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return clean((title or "").strip("* ")) or "", clean((author or "").strip("* "))


def _drop_credits(body: str) -> str:
    blocks = re.split(r"(\n[ \t]*\n+)", body.strip("\n"))
    k = 0
    while k < min(len(blocks), 6) and (not blocks[k].strip() or _CREDIT.match(blocks[k].strip())):
        k += 2 if blocks[k].strip() else 1
    return "".join(blocks[k:])


_ILLUSTRATION = re.compile(r"\[Illustration[^\]]*\]", re.I)


def _front_matter(body: str, author: str | None) -> str:
    """Before the first chapter, the lines that only restate the header: "[Illustration]",
    "by Lewis Carroll". The title line stays, as the story's first line."""
    blocks = re.split(r"(\n[ \t]*\n+)", body)
    by = {f"by {author}".lower(), author.lower()} if author else set()
    for k in range(0, min(len(blocks), 24), 2):
        lines = blocks[k].split("\n")
        if any(CHAPTER.match(x.strip()) for x in lines[:1]) or len(blocks[k]) > 200:
            break
        kept = [x for x in lines if not _ILLUSTRATION.fullmatch(x.strip()) and " ".join(x.lower().split()) not in by]
        blocks[k] = "\n".join(kept)
        if not kept and k + 1 < len(blocks):
            blocks[k + 1] = ""  # the block and the blank lines after it
    return "".join(blocks)


_CONTENTS_LINE = re.compile(r"[ \t]*(?:TABLE OF )?CONTENTS\.?[ \t]*$", re.I)


def drop_contents(text: str) -> str:
    """A table of contents before the story → gone; the chapters it lists are headings anyway.

    Two shapes: a "CONTENTS" line followed by entries up to where the first entry comes
    back as the first chapter's heading; or a block of three or more lines each a chapter
    label ("CHAPTER I. Down the Rabbit-Hole"), which would otherwise read as verse.
    """
    lines = text.split("\n")
    limit = min(len(lines), 2000)
    for i in range(limit):
        if _CONTENTS_LINE.fullmatch(lines[i]) and (i == 0 or not lines[i - 1].strip()):
            j = _resume(lines, i)
            if j is not None:
                return "\n".join(lines[:i] + lines[j:])
            break
    return _drop_label_blocks(text)


def _key(line: str) -> list[str]:
    words = re.sub(r"[^\w\s]", " ", line.lower()).split()
    m = CHAPTER.match(line.strip())
    if m and len(m.group().split()) <= 2:
        return words[:len(re.sub(r"[^\w\s]", " ", m.group()).split())]
    return words


def _resume(lines: list[str], i: int) -> int | None:
    """Index of the line where the story resumes after the contents at ``lines[i]``."""
    first = next((k for k in range(i + 1, min(len(lines), i + 20)) if lines[k].strip()), None)
    if first is None:
        return None
    key = _key(lines[first])
    labelled = bool(CHAPTER.match(lines[first].strip()))
    if not key:
        return None
    entries = 0
    for k in range(first + 1, min(len(lines), first + 600)):
        line = lines[k].strip()
        if not line:
            continue
        if len(line) > 100:
            return None  # prose before the first entry came back: not a contents list
        if _key(line)[:len(key)] == key and (not labelled or CHAPTER.match(line)):
            while k > 0 and lines[k - 1].strip():
                k -= 1
            return k if entries else None
        entries += 1
    return None


def _drop_label_blocks(text: str) -> str:
    parts = re.split(r"(\n[ \t]*\n+)", text)
    keep = []
    for p in parts:
        first = p.lstrip().split("\n", 1)[0].strip()  # the first row: most blocks fail on it
        if not (CHAPTER.match(first) and len(first) <= 100):
            keep.append(p)
            continue
        rows = [x.strip() for x in p.split("\n") if x.strip()]
        if len(rows) >= 3 and all(CHAPTER.match(x) and len(x) <= 100 for x in rows):
            continue
        keep.append(p)
    return "".join(keep) if len(keep) != len(parts) else text
