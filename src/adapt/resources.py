"""Where the package's data files live, installed or in a source checkout."""
from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def grammar_dir() -> Path:
    """The folder of ``.lark`` files: inside the wheel, else the checkout's ``grammar/``."""
    for candidate in (_HERE / "grammar", _HERE.parent.parent / "grammar"):
        if (candidate / "prose.lark").is_file():
            return candidate
    raise FileNotFoundError("adapt's grammar files are missing; reinstall adapt")


def font_path(name: str) -> Path:
    """A bundled Courier Prime TTF (OFL, see fonts/OFL.txt)."""
    return _HERE / "fonts" / name
