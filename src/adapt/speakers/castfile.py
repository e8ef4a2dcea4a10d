"""The optional cast file (TOML): narrator, pronoun and aliases the user fixes by hand.

    narrator = "Buffy"
    pronoun = "she"            # the narrator in action lines: she / he / they
    title = "Tourniquet"
    author = "..."
    [aliases]                  # alias = name: every line tagged with the alias
    "Lizzy" = "Elizabeth"      # goes under the name's cue
    "Eliza" = "Elizabeth"
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from adapt.errors import AdaptError

KEYS = {"narrator", "pronoun", "title", "author", "aliases"}


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
    aliases = data.get("aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
        raise AdaptError(f"{path}: [aliases] maps alias = \"Name\" strings")
    return data
