"""Prose text → Lark parse tree (grammar/prose.lark)."""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from adapt.errors import AdaptParseError
from adapt.read.marks import mask, speech_marks
from adapt.resources import grammar_dir

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)


@cache
def _parser() -> Lark:
    # cache=True keeps the built LALR tables in the temp folder: a second run skips
    # grammar analysis (0.15 s of a novel's 3). Positions are not propagated to every
    # node (a third of the parse): the blocks take their first token's line (``_lines``).
    return Lark.open(str(grammar_dir() / "prose.lark"), parser="lalr", lexer="contextual",
                     propagate_positions=False, maybe_placeholders=False, cache=True)


def normalise(text: str) -> str:
    """The grammar expects LF newlines, no trailing spaces, no outer blank lines, and
    blank lines between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])  # _TRAILING_SPACE.sub("", text), 5× faster
    return _separate_paragraphs(text.strip("\n"))


def _separate_paragraphs(text: str) -> str:
    """Texts pasted from a browser or a word processor put one paragraph on each line
    with no blank line between; books set paragraphs off by indenting their first line.
    Both become blank-line separated, the convention the grammar reads."""
    lines = text.split("\n")
    blank = sum(1 for x in lines if not x.strip())
    if len(lines) < 12 or blank > len(lines) // 20:
        return text  # blank lines already separate paragraphs
    lengths = sorted(len(x) for x in lines if x.strip())
    if lengths[len(lengths) // 2] > 100:
        return "\n\n".join(x for x in lines if x.strip())  # one long line per paragraph
    indented = [bool(re.match(r"[ \t]+\S", x)) for x in lines]
    if sum(indented) < len(lines) // 10:
        return text
    # Hard-wrapped with indented openings: the usual indent opens a paragraph (and is
    # only typography); a deeper one sets off a letter or a poem, whose lines stay
    # together as one block.
    depth = [len(x) - len(x.lstrip(" \t")) if ind else 0 for x, ind in zip(lines, indented, strict=True)]
    usual = Counter(d for d in depth if d).most_common(1)[0][0]
    out = [lines[0].strip()]
    for k in range(1, len(lines)):
        line, d, before = lines[k], depth[k], depth[k - 1]
        if d == usual or (d > usual and before <= usual):
            out.append("\n" + (line.strip() if d == usual else line))
        else:
            out.append(line)
    return "\n".join(out)


def parse(text: str, *, source: str = "<stdin>") -> Tree:
    """Parse prose into blocks: heading, scene_break, paragraph (quotes + narration)."""
    text = normalise(text)
    masked = mask(text, speech_marks(text))  # « », „ “, 「」... read as “ ”
    try:
        tree = _parser().parse(masked)
    except UnexpectedInput as e:
        raise AdaptParseError(source, e.line, e.column, f"cannot read the text here: {e.get_context(text)!r}") from None
    if masked is not text:
        _unmask(tree, text)
    _lines(tree)
    return tree


def _lines(tree: Tree) -> None:
    """Each block (heading, scene break, paragraph) gets the line it starts on, its first
    token's: what ``propagate_positions`` would give it (``beats`` reads ``meta.line``)."""
    for block in tree.children:
        if isinstance(block, Tree) and block.children:
            first = block.children[0]
            while isinstance(first, Tree) and first.children:
                first = first.children[0]
            if isinstance(first, Token) and first.line is not None:
                block.meta.line = first.line


def _unmask(tree: Tree, text: str) -> None:
    """Give every token the text as written (the mask keeps every offset)."""
    for sub in tree.iter_subtrees():
        for i, tok in enumerate(sub.children):
            if isinstance(tok, Token) and tok.start_pos is not None:
                sub.children[i] = Token.new_borrow_pos(tok.type, text[tok.start_pos:tok.end_pos], tok)
