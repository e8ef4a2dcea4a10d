"""Regular expressions compiled once per machine, not once per run (shared by every stage).

Python compiles a pattern in pure Python (``re._parser``, ``re._compiler``); the tag, place
and name patterns, alternations of thousands of word forms, take ≈ 0.25 s a run that way.
``compile`` keeps each compiled program in the user's cache folder (``$XDG_CACHE_HOME/adapt``,
else ``~/.cache/adapt``), keyed on the Python build, and rebuilds the pattern from it with
``_sre.compile``, the call ``re.compile`` ends with: the pattern compares equal to
``re.compile``'s (the same program). Any trouble (no cache folder, another Python, a damaged
file) falls back to ``re.compile``.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import re
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path

from adapt import usercache

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: re.compile every time
    _sre = None  # type: ignore[assignment]

_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_table: dict[tuple[str, int], _Entry] | None = None
_added = False
_MAX = 400
_MAX_BYTES = 4_000_000


def _name() -> str:
    """This Python's file of compiled patterns (another build compiles differently)."""
    build = hashlib.sha1(f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}"
                         .encode()).hexdigest()[:16]
    return f"patterns-{build}.marshal"


def cache_file() -> Path | None:
    """Where this Python's compiled patterns are kept, or None (no cache folder)."""
    where = usercache.folder()
    return where / _name() if where else None


def _load() -> dict[tuple[str, int], _Entry]:
    global _table
    if _table is None:
        _table = usercache.read_dict(_name()) or {}
    return _table


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 (re's name, on purpose)
    """``re.compile(pattern, flags)``, from the cache when this Python compiled it before."""
    flags = int(flags)
    live = _live.get((pattern, flags))
    if live is not None:
        return live
    compiled = _live[(pattern, flags)] = _compile(pattern, flags)
    return compiled


_live: dict[tuple[str, int], re.Pattern[str]] = {}


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    if _sre is None or flags & re.DEBUG or array("I").itemsize != getattr(_sre, "CODESIZE", 0):
        return re.compile(pattern, flags)
    table = _load()
    entry = table.get((pattern, flags))
    if entry is not None:
        try:
            final, code, groups, groupindex, indexgroup = entry
            program = array("I")
            program.frombytes(code)
            return _sre.compile(pattern, final, program.tolist(), groups, groupindex, indexgroup)
        except Exception:  # a damaged entry: compile afresh below
            del table[(pattern, flags)]
    try:  # what re._compiler.compile does, keeping the program it makes
        parsed = _parser.parse(pattern, flags)
        program = [int(c) for c in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            names[i] = name
        final, groups = flags | parsed.state.flags, parsed.state.groups - 1
        compiled = _sre.compile(pattern, final, program, groups, groupindex, tuple(names))
    except Exception:  # let re report a bad pattern its own way
        return re.compile(pattern, flags)
    _remember((pattern, flags), (final, array("I", program).tobytes(), groups, groupindex, tuple(names)))
    return compiled


def _remember(key: tuple[str, int], entry: _Entry) -> None:
    global _added
    table = _load()
    if len(table) >= _MAX:
        return  # meant for the program's fixed patterns, not ones built from a text
    table[key] = entry
    if not _added:
        _added = True
        atexit.register(save)


def save() -> None:
    """Write the patterns compiled this run to the cache file (atomically; errors ignored)."""
    global _added
    if not _added or _table is None:
        return
    _added = False
    table = _table
    if sum(len(e[1]) for e in table.values()) > _MAX_BYTES:  # patterns of older versions pile up
        table = {k: e for k, e in table.items() if k in _live}
    try:
        data = marshal.dumps(table)
    except ValueError:
        return
    usercache.write(_name(), data)


def search_at(rx: re.Pattern[str], text: str, literal: str) -> re.Match[str] | None:
    """``rx.search(text)`` for a pattern whose every match starts with ``literal`` (after
    zero-width tests such as ``\\b``): the pattern is tried only where ``literal`` stands
    (``str.find``), not at every character; the same leftmost match."""
    i = text.find(literal)
    while i >= 0:
        if m := rx.match(text, i):
            return m
        i = text.find(literal, i + 1)
    return None


def finditer_at(rx: re.Pattern[str], text: str, literal: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose every match starts with ``literal`` (after
    zero-width tests such as ``\\b``): tried only where ``literal`` stands past the last
    match, as ``search_at``; the same matches."""
    i = text.find(literal)
    while i >= 0:
        m = rx.match(text, i)
        if m:
            yield m
            i = text.find(literal, max(m.end(), i + 1))
        else:
            i = text.find(literal, i + 1)
