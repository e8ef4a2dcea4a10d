"""The cast file (TOML): narrator, pronoun, aliases and cue names a writer fixes by hand.

    narrator = "Buffy"
    pronoun = "she"            # the narrator in action lines: she / he / they
    title = "Tourniquet"
    author = "..."
    [cues]                     # the cue adapt prints = the cue you want instead
    "ELIZABETH" = "LIZZIE"
    [aliases]                  # alias = name: every line tagged with the alias
    "Lizzy" = "Elizabeth"      # goes under the name's cue
    [genders]                  # cue = f / m (what adapt found; for reference)
    "ELIZABETH" = "f"

``adapt story.txt --cast-out story.cast.toml`` writes one from what the adaptation found,
so a writer fixes a name once and re-runs (the file beside the input is read by default).
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from adapt.errors import AdaptError

KEYS = {"narrator", "pronoun", "title", "author", "aliases", "cues", "genders"}
_TABLES = {"aliases": 'alias = "Name"', "cues": '"CUE" = "NEW CUE"', "genders": '"CUE" = "f"'}


def load_cast(path: Path) -> dict[str, Any]:
    """Read and check a cast file; errors name the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise AdaptError(f"cannot read cast file {path}: {e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise AdaptError(f"{path}: not a valid TOML cast file ({e})") from None
    unknown = set(data) - KEYS
    if unknown:
        raise AdaptError(f"{path}: unknown key {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(KEYS))}")
    for key in ("narrator", "pronoun", "title", "author"):
        if key in data and not isinstance(data[key], str):
            raise AdaptError(f"{path}: {key} must be a string")
    if data.get("pronoun") not in (None, "she", "he", "they"):
        raise AdaptError(f"{path}: pronoun must be she, he or they")
    for table, shape in _TABLES.items():
        value = data.get(table, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise AdaptError(f"{path}: [{table}] maps {shape} strings")
    return data


Character = tuple[str, list[tuple[str, str]], "str | None", int]
"""(cue, (other name, the name it joins) pairs, gender, speeches)."""


def dump_cast(characters: list[Character], *, narrator: str | None, pronoun: str | None) -> str:
    """A cast file of what the adaptation found, in the format ``load_cast`` reads.

    Aliases are written as found, so re-running with the file gives the same script;
    ``[cues]`` maps every cue to itself, for the writer to edit.
    """
    out = ["# adapt's cast: edit it and re-run (adapt reads INPUT.cast.toml beside the input).",
           "# [cues]: change the right-hand side to rename a character everywhere.",
           "# [aliases]: another name = the name whose lines it joins (add your own).", ""]
    out.append(f"narrator = {_quote(narrator)}" if narrator
               else '# narrator = "Name"  # the first-person "I", when the story has one')
    if pronoun:
        out.append(f"pronoun = {_quote(pronoun)}")
    out += ["", "[cues]"]
    out += [f"{_quote(cue)} = {_quote(cue)}  # {n} speech{'' if n == 1 else 'es'}" for cue, _, _, n in characters]
    out += ["", "[aliases]"]
    out += [f"{_quote(form)} = {_quote(name)}" for _, forms, _, _ in characters for form, name in forms]
    out += ["", "[genders]"]
    out += [f"{_quote(cue)} = {_quote(g)}" for cue, _, g, _ in characters if g]
    return "\n".join(out) + "\n"


def _quote(s: str) -> str:
    """A TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
