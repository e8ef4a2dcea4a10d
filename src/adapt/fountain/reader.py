"""Fountain text → screenplay model (the fountain.io syntax).

Two steps, as in the grammar file's header: a line pre-pass (``_tokens``) that gives
each source line a type from its blank-line context, and an LALR grammar
(``grammar/fountain.lark``) that assembles those lines into blocks; ``_ToModel`` turns
the tree into model nodes. Choices the spec leaves open, and why:

- Notes ``[[...]]`` and boneyard ``/*...*/`` are lifted out of the printed text
  wherever they occur; those met inside a paragraph become ``Note``/``Boneyard``
  elements right after that paragraph's elements, so nothing the writer wrote is lost
  and nothing unprintable is printed. ``\\[[`` and ``\\/*`` are literal ``[[``/``/*``.
- Notes may span lines but not a blank line (the spec's rule); boneyard may span both.
- Leading indentation is ignored when recognising elements (the spec: "leading tabs or
  spaces in elements other than Action will be ignored") and kept in action.
- A blank line is ``""`` or ``" "``; a line of two or more spaces continues the
  paragraph (the spec's "two spaces" rule) and is an empty line inside it.
- Case is kept as written (headings, forced transitions): printing in capitals is a
  writer's job, and keeping it makes ``read(write(doc)) == doc``.
- A cue's extension is everything between its first ``(`` and last ``)``, so
  ``EDWARD (V.O.)(CONT'D)`` keeps ``V.O.)(CONT'D`` and any writer that prints
  ``(extension)`` reproduces the cue exactly.
- Inside dialogue a leading ``\\`` before ``(``, ``~`` or ``!`` makes that character
  literal (adapt's writer escapes speech lines that way).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import groupby
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedInput, VisitError
from lark.lexer import Lexer

from adapt.errors import AdaptParseError
from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Dialogue,
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
from adapt.fountain.lines import Line as _Line
from adapt.fountain.lines import lines as _lines
from adapt.fountain.lines import tok as _tok
from adapt.resources import grammar_dir

_TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9 _\-]*):(.*)$")
_TITLE_INDENT = re.compile(r"^ {3,}\S")  # the spec: three spaces or a tab
_KNOWN_KEYS = {"title", "credit", "author", "authors", "source", "draft date", "date",
               "contact", "copyright", "notes", "revision"}
_HEADING = re.compile(r"^(?:INT\.?/EXT|INT|EXT|EST|I/E)[. ]", re.I)
_FORCED_HEADING = re.compile(r"^\.[^.\s]")
_SCENE_NUMBER = re.compile(r"^(.*?)\s*#([A-Za-z0-9.\-]+)#$")
_CUE = re.compile(r"^(@)?([^(^]*?)\s*(?:\((.*)\))?\s*(\^)?$")
_CENTERED = re.compile(r"^>\s*(.*?)\s*<$")
_SECTION = re.compile(r"^(#+)\s*(.*)$")
_PAGE_BREAK = re.compile(r"^={3,}$")
_SPEECH_ESCAPE = re.compile(r"^\\(?=[(~!])")
_MARKERS = tuple("!#=>~.")  # a line starting so is never a cue or transition


def _title(lines: list[_Line]) -> tuple[list[Token], int]:
    """Title-page tokens and where the body starts (0 when there is no title page)."""
    first = _TITLE_KEY.match(lines[0].text)
    if not first:
        return [], 0
    indented = len(lines) > 1 and _TITLE_INDENT.match(lines[1].text) is not None
    if not (first.group(2).strip() or indented or first.group(1).lower() in _KNOWN_KEYS):
        return [], 0  # "FADE IN:" is a line of action, not a title page
    end = next((i for i, line in enumerate(lines) if line.blank), len(lines))
    tokens = []
    for line in lines[:end]:
        if line.aside_only:
            continue
        kind = "TITLE_KEY" if _TITLE_KEY.match(line.text) else "TITLE_CONT"
        tokens.append(_tok(kind, line.text, line.no))
    tokens.append(_tok("_BLANK", "", lines[end - 1].no))
    asides = [a for line in lines[:end] for a in line.asides]
    if asides:
        tokens += asides + [_tok("_BLANK", "", lines[end - 1].no)]
    return tokens, end


def _is_transition(s: str) -> bool:
    return (s.endswith("TO:") and s == s.upper() and not s.startswith(_MARKERS)
            and any(c.isalpha() for c in s))


def _cue(s: str) -> re.Match[str] | None:
    m = _CUE.match(s)
    if not m or not m.group(2):
        return None
    if m.group(1):
        return m
    name = m.group(2)
    if s.startswith(_MARKERS) or any(c.islower() for c in name):
        return None
    return m if any(c.isalpha() for c in name) else None


def _paren_close(lines: list[_Line], i: int) -> int | None:
    """Where a parenthetical opened on line ``i`` closes, if it does before a line
    that is empty or starts another part."""
    for j in range(i + 1, len(lines)):
        s = lines[j].text.strip()
        if not s or s.startswith(("(", "~")):
            return None
        if s.endswith(")"):
            return j
    return None


def _dialogue_tokens(lines: list[_Line]) -> Iterator[Token]:
    i = 0
    while i < len(lines):
        s, no = lines[i].text.strip(), lines[i].no
        if s.startswith("~"):
            yield _tok("SUNG", s, no)
        elif s.startswith("(") and s.endswith(")"):
            yield _tok("PAREN", s, no)
        elif s.startswith("("):
            close = _paren_close(lines, i)
            if close is None:
                yield _tok("SPEECH", s, no)
            else:
                yield _tok("PAREN_OPEN", s, no)
                for line in lines[i + 1:close]:
                    yield _tok("PAREN_MID", line.text.strip(), line.no)
                yield _tok("PAREN_CLOSE", lines[close].text.strip(), lines[close].no)
                i = close
        else:
            yield _tok("SPEECH", s, no)
        i += 1


def _flow_kind(s: str) -> str:
    if s.startswith("!"):
        return "ACTION"
    if _PAGE_BREAK.match(s):
        return "PAGE_BREAK"
    if s.startswith("="):
        return "SYNOPSIS"
    if s.startswith("#"):
        return "SECTION"
    if _CENTERED.match(s):
        return "CENTERED"
    if s.startswith(">"):
        return "FORCED_TRANSITION"
    if s.startswith("~"):
        return "LYRIC"
    return "ACTION"


def _paragraph(par: list[_Line]) -> list[Token]:
    """Type one blank-separated paragraph's lines; asides go last."""
    asides = [a for line in par for a in line.asides]
    lines = [line for line in par if not line.aside_only]
    if not any(line.text.strip() for line in lines):
        return asides
    lines = [_Line(line.no, line.text.rstrip(), ()) for line in lines]
    first = lines[0].text.lstrip()
    if len(lines) == 1 and (_HEADING.match(first) or _FORCED_HEADING.match(first)):
        tokens = [_tok("HEADING", first, lines[0].no)]
    elif len(lines) == 1 and _is_transition(first):
        tokens = [_tok("TRANSITION", first, lines[0].no)]
    elif len(lines) > 1 and _cue(first):
        tokens = [_tok("CUE", first, lines[0].no), *_dialogue_tokens(lines[1:])]
    else:
        tokens = _flow(lines)
    return tokens + asides


def _flow(lines: list[_Line]) -> list[Token]:
    tokens = [_tok(_flow_kind(line.text.lstrip()), line.text, line.no) for line in lines]
    # A run of action made only of "  " lines (say, between lyrics) holds no text:
    # drop it rather than make an empty Action.
    out: list[Token] = []
    for kind, run in groupby(tokens, key=lambda t: t.type):
        group = list(run)
        if kind != "ACTION" or any(t.strip() for t in group):
            out += group
    return out


def _tokens(text: str) -> list[Token]:
    """The pre-pass: typed lines, paragraphs separated by one ``_BLANK``."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = _lines(text.replace("\t", "    "))
    tokens, i = _title(lines)
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].blank:
            j += 1
        par = _paragraph(lines[i:j])
        if par:
            tokens += par + [_tok("_BLANK", "", lines[j - 1].no)]
        i = j
    return tokens


class _TypedLines(Lexer):
    """Hands the pre-pass's tokens to the parser unchanged."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)


@cache
def _parser() -> Lark:
    # cache=True: Lark keeps the built tables in a temporary file, so rendering a script
    # does not spend most of its start-up building them (as read.prose does).
    return Lark.open(str(grammar_dir() / "fountain.lark"), parser="lalr",
                     lexer=_TypedLines, propagate_positions=True, cache=True)


def _inner(s: str, opening: str) -> str:
    """``s`` without its leading marker (after indentation) and surrounding spaces."""
    return s.strip()[len(opening):].strip()


@v_args(inline=True)
class _ToModel(Transformer[Token, Any]):
    """Tree of typed lines → model nodes; the only place line syntax is stripped."""

    def start(self, *children: Any) -> Screenplay:
        title = children[0] if children and isinstance(children[0], TitlePage) else TitlePage()
        return Screenplay(title, tuple(c for c in children if not isinstance(c, TitlePage)))

    def title_page(self, *fields: tuple[str, str]) -> TitlePage:
        return TitlePage(tuple(fields))

    def title_field(self, key: Token, *more: Token) -> tuple[str, str]:
        m = _TITLE_KEY.match(key)
        assert m is not None
        first = [m.group(2).strip()] if m.group(2).strip() else []
        return m.group(1).strip(), "\n".join(first + [line.strip() for line in more])

    @v_args(inline=True, meta=True)
    def scene_heading(self, meta: Any, tok: Token) -> SceneHeading:
        text = tok[1:].lstrip() if _FORCED_HEADING.match(tok) else str(tok)
        m = _SCENE_NUMBER.match(text)
        if m:
            return SceneHeading(m.group(1), m.group(2), line=meta.line)
        return SceneHeading(text, line=meta.line)

    def transition(self, tok: Token) -> Transition:
        return Transition(str(tok))

    def forced_transition(self, tok: Token) -> Transition:
        return Transition(_inner(tok, ">"))

    @v_args(inline=True, meta=True)
    def dialogue(self, meta: Any, cue: Token, *parts: Parenthetical | Speech | Sung) -> Dialogue:
        m = _cue(cue)
        assert m is not None
        return Dialogue(m.group(2).strip(), parts, m.group(3), bool(m.group(4)), line=meta.line)

    def speech(self, *lines: Token) -> Speech:
        return Speech("\n".join(_SPEECH_ESCAPE.sub("", line) for line in lines))

    def parenthetical(self, *lines: Token) -> Parenthetical:
        return Parenthetical("\n".join(lines)[1:-1])

    def sung(self, tok: Token) -> Sung:
        return Sung(_inner(tok, "~"))

    @v_args(inline=True, meta=True)
    def action(self, meta: Any, *lines: Token) -> Action:
        text = "\n".join(re.sub(r"^(\s*)!", r"\1", line, count=1) for line in lines)
        return Action(text, line=meta.line)

    def centered(self, *lines: Token) -> Centered:
        return Centered("\n".join(_CENTERED.sub(r"\1", line.strip()) for line in lines))

    @v_args(inline=True, meta=True)
    def lyrics(self, meta: Any, *lines: Token) -> Lyrics:
        return Lyrics(tuple(_inner(line, "~") for line in lines), line=meta.line)

    def section(self, tok: Token) -> Section:
        m = _SECTION.match(tok.strip())
        assert m is not None
        return Section(m.group(2).strip(), len(m.group(1)))

    def synopsis(self, tok: Token) -> Synopsis:
        return Synopsis(_inner(tok, "="))

    def page_break(self, tok: Token) -> PageBreak:
        return PageBreak()

    def note(self, tok: Token) -> Note:
        return Note(str(tok))

    def boneyard(self, tok: Token) -> Boneyard:
        return Boneyard(str(tok))


def read_fountain(text: str, *, source: str = "<stdin>") -> Screenplay:
    """Parse Fountain ``text``; ``source`` names it in error messages.

    Fountain is permissive (any text is a script), so errors here mean a bug in the
    pre-pass; they still surface as ``AdaptParseError`` rather than a traceback.
    """
    try:
        return _ToModel().transform(_parser().parse(_tokens(text)))  # type: ignore[arg-type]
    except UnexpectedInput as e:
        line, column = max(e.line, 1), max(e.column, 1)
        raise AdaptParseError(source, line, column, f"unexpected Fountain line: {e}") from None
    except VisitError as e:
        raise AdaptParseError(source, 1, 1, f"cannot read Fountain: {e.orig_exc}") from None
