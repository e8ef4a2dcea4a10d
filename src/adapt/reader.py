"""Prose text → Lark parse tree (grammar/prose.lark)."""
from __future__ import annotations

import re
from functools import cache

from lark import Lark, Tree
from lark.exceptions import UnexpectedInput

from adapt.errors import AdaptParseError
from adapt.resources import grammar_dir

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)


@cache
def _parser() -> Lark:
    # cache=True keeps the built LALR tables in the temp folder: a second run skips
    # grammar analysis (0.15 s of a novel's 3).
    return Lark.open(str(grammar_dir() / "prose.lark"), parser="lalr", lexer="contextual",
                     propagate_positions=True, maybe_placeholders=False, cache=True)


def normalise(text: str) -> str:
    """The grammar expects LF newlines, no trailing spaces and no outer blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _TRAILING_SPACE.sub("", text).strip("\n")


def parse(text: str, *, source: str = "<stdin>") -> Tree:
    """Parse prose into blocks: heading, scene_break, paragraph (quotes + narration)."""
    try:
        return _parser().parse(normalise(text))
    except UnexpectedInput as e:
        raise AdaptParseError(source, e.line, e.column, f"cannot read the text here: {e.get_context(text)!r}") from None
